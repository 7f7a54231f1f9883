use odata_core::container::{ActionImport, Singleton};
use odata_core::{ODataAction, ODataEntity, ODataService};

#[derive(ODataEntity, Debug, Default)]
#[odata(type = "ns.thing", key_property = "id")]
pub struct Thing {
    #[odata(nullable = false)]
    pub id: Option<String>,
}

#[derive(ODataAction, Debug)]
#[odata(name = "ns.reset")]
pub struct Reset;

#[derive(ODataService)]
#[odata(namespace = "ns", container = "Container")]
pub struct Service {
    #[odata(singleton = "me", include_in_service_document = false)]
    pub me: Singleton<Thing>,
    #[odata(action_import = "reset", binding(path = "x", target = "me"), include_in_service_document = true)]
    pub reset: ActionImport<Reset>,
}

fn main() {}
