use odata_core::ODataTypeDefinition;

#[derive(ODataTypeDefinition)]
#[odata(type = "example.shop.money", precision = 19, has_stream)]
pub struct Money {
    pub amount: String,
}

fn main() {}
