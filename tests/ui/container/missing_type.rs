use odata_core::ODataComplex;

#[derive(ODataComplex)]
pub struct FailureInfo {
    pub reason: Option<String>,
}

fn main() {}
