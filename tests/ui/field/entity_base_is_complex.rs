use odata_core::{ODataComplex, ODataEntity};

#[derive(ODataComplex)]
#[odata(type = "microsoft.graph.identity")]
pub struct Identity {
    pub id: Option<String>,
}

#[derive(ODataEntity)]
#[odata(type = "microsoft.graph.user", base_type = "microsoft.graph.identity", key_property = "id")]
pub struct User {
    #[odata(base)]
    pub identity: Identity,
}

fn main() {}
