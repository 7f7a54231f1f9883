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
    pub display_name: Option<String>,
}

// The variants are entity types, so the holder is one too: `#[derive(ODataEntity)]`.
#[derive(odata_core::ODataComplex)]
#[odata(type = "microsoft.graph.directoryObject")]
pub enum AnyDirectoryObject {
    DirectoryObject(DirectoryObject),
    User(User),
}

fn main() {}
