use odata_core::ODataTypeDefinition;

#[derive(ODataTypeDefinition)]
#[odata(type = "example.shop.sku")]
pub struct Sku(#[odata(max_length = 12)] pub String);

fn main() {}
