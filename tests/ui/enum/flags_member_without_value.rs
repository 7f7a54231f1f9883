use odata_core::ODataEnum;

#[derive(ODataEnum)]
#[odata(type = "test.permission", flags)]
pub enum Permission {
    #[odata(value = 1)]
    Read,
    Write,
}

fn main() {}
