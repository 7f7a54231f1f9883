use odata_core::{AdditionalData, Navigation, ODataEntity};

#[derive(ODataEntity, Debug, Clone, Default, PartialEq)]
#[odata(type = "test.document", key_property = "id")]
pub struct Document {
    pub id: Option<String>,
    #[odata(navigation, read_only)]
    pub owner: Navigation<Document>,
    pub additional_data: AdditionalData,
}

fn main() {}
