use odata_core::container::EntitySet;
use odata_core::{ODataEntity, ODataService};

#[derive(ODataEntity, Debug, Default)]
#[odata(type = "ns.thing", key_property = "id")]
pub struct Thing {
    #[odata(nullable = false)]
    pub id: Option<String>,
}

#[derive(ODataService)]
#[odata(namespace = "ns", container = "Container")]
pub struct Service {
    pub things: EntitySet<Thing>,
}

fn main() {}
