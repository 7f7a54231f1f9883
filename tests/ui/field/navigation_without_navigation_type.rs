use odata_core::ODataEntity;

#[derive(ODataEntity)]
#[odata(type = "microsoft.graph.callRecords.session", key_property = "id")]
pub struct Session {
    pub id: Option<String>,
    #[odata(navigation)]
    pub segments: Option<Vec<Session>>,
}

fn main() {}
