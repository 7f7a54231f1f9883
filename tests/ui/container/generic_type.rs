use odata_core::ODataComplex;

#[derive(ODataComplex)]
#[odata(type = "test.wrapper")]
pub struct Wrapper<T> {
    pub value: Option<T>,
}

fn main() {}
