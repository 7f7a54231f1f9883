use odata_core::ODataEntity;

#[derive(ODataEntity)]
#[odata(type = "microsoft.graph.callRecords.session", key_property = "id")]
pub struct Session {
    pub id: Option<String>,
    #[odata(contains_target)]
    pub segment_count: Option<i32>,
}

fn main() {}
