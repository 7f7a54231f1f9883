use odata_core::ODataEntity;

#[derive(ODataEntity)]
#[odata(type = "microsoft.graph.callRecords.session")]
pub struct Session {
    pub id: Option<String>,
}

fn main() {}
