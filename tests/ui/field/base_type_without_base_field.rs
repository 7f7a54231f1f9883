use odata_core::ODataEntity;

#[derive(ODataEntity)]
#[odata(type = "microsoft.graph.callRecords.session", base_type = "microsoft.graph.entity")]
pub struct Session {
    pub id: Option<String>,
}

fn main() {}
