use odata_core::{AdditionalData, ODataEntity};

#[derive(ODataEntity, Debug, Clone, Default, PartialEq)]
#[odata(type = "test.admin", keyless, key_property = "id")]
pub struct Admin {
    pub id: Option<String>,
    pub additional_data: AdditionalData,
}

fn main() {}
