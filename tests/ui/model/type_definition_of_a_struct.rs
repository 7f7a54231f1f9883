use odata_core::{AdditionalData, ODataComplex, ODataTypeDefinition};

#[derive(ODataComplex)]
#[odata(type = "example.shop.address")]
pub struct Address {
    pub street: Option<String>,
    pub additional_data: AdditionalData,
}

#[derive(ODataTypeDefinition)]
#[odata(type = "example.shop.home")]
pub struct Home(pub Address);

fn main() {}
