use odata_core::ODataEnum;

#[derive(ODataEnum)]
#[odata(type = "example.shop.level", underlying_type = "Edm.Byte")]
pub enum Level {
    Low,
    #[odata(value = 300)]
    High,
}

#[derive(ODataEnum)]
#[odata(type = "example.shop.size", underlying_type = "Edm.Double")]
pub enum Size {
    Small,
}

fn main() {}
