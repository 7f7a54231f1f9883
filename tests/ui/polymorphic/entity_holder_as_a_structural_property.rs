use odata_core::ODataEntity;

#[derive(ODataEntity)]
#[odata(type = "microsoft.graph.directoryObject", key_property = "id")]
pub struct DirectoryObject {
    pub id: Option<String>,
}

#[derive(ODataEntity)]
#[odata(type = "microsoft.graph.user", base_type = "microsoft.graph.directoryObject")]
pub struct User {
    #[odata(base)]
    pub directory_object: DirectoryObject,
}

#[derive(ODataEntity)]
#[odata(type = "microsoft.graph.directoryObject")]
pub enum AnyDirectoryObject {
    DirectoryObject(DirectoryObject),
    User(User),
}

// A holder of entity types is reached through a navigation property too.
#[derive(ODataEntity)]
#[odata(type = "microsoft.graph.group", key_property = "id")]
pub struct Group {
    pub id: Option<String>,
    pub members: Option<Vec<AnyDirectoryObject>>,
}

fn main() {}
