use odata_core::container::{EntitySet, Singleton};
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
    #[odata(singleton = "me")]
    pub me: EntitySet<Thing>,
    #[odata(entity_set = "things")]
    pub things: Singleton<Thing>,
    #[odata(entity_set = "others")]
    pub others: Vec<Thing>,
}

fn main() {}
