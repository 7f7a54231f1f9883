use odata_core::ODataEnum;

#[derive(ODataEnum)]
#[odata(type = "test.color", open_type)]
pub enum Color {
    Red,
    Green,
}

fn main() {}
