use odata_core::ODataEntity;

#[derive(ODataEntity)]
#[odata(type = "microsoft.graph.callRecords.session", key_property = "id")]
pub struct Session {
    pub id: Option<String>,
    pub is_test: bool,
}

fn main() {}
