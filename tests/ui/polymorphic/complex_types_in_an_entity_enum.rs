use odata_core::{ODataComplex, ODataEntity};

#[derive(ODataComplex)]
#[odata(type = "microsoft.graph.identity")]
pub struct Identity {
    pub display_name: Option<String>,
}

#[derive(ODataComplex)]
#[odata(type = "microsoft.graph.userIdentity", base_type = "microsoft.graph.identity")]
pub struct UserIdentity {
    #[odata(base)]
    pub identity: Identity,
    pub ip_address: Option<String>,
}

// The variants are complex types, so the holder is one too: `#[derive(ODataComplex)]`.
#[derive(ODataEntity)]
#[odata(type = "microsoft.graph.identity")]
pub enum AnyIdentity {
    Identity(Identity),
    UserIdentity(UserIdentity),
}

fn main() {}
