use odata_core::request::Changes;
use odata_core::{AdditionalData, DateTimeOffset, ODataEntity};

#[derive(ODataEntity, Debug, Clone, Default, PartialEq)]
#[odata(type = "test.document", key_property = "id")]
pub struct Document {
    pub id: Option<String>,
    #[odata(read_only)]
    pub last_modified: Option<DateTimeOffset>,
    pub additional_data: AdditionalData,
}

fn main() {
    let now = DateTimeOffset::parse("2030-01-01T00:00:00Z").unwrap();
    let _ = Changes::<Document>::new().set(Document::LAST_MODIFIED, now);
}
