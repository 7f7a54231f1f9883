use odata_core::ODataEntity;

#[derive(ODataEntity)]
#[odata(type = "microsoft.graph.entity", key_property = "id", abstract)]
pub struct Entity {
    pub id: Option<String>,
}

#[derive(ODataEntity)]
#[odata(type = "microsoft.graph.callRecords.session", base_type = "microsoft.graph.directoryObject")]
pub struct Session {
    #[odata(base)]
    pub entity: Entity,
}

fn main() {}
