use odata_core::container::EntitySet;
use odata_core::{ODataEntity, ODataService};

#[derive(ODataEntity, Debug, Default)]
#[odata(type = "ns.thing", key_property = "id")]
pub struct Thing {
    #[odata(nullable = false)]
    pub id: Option<String>,
    #[odata(navigation)]
    pub parent: odata_core::Navigation<Thing>,
}

#[derive(ODataService)]
#[odata(namespace = "ns", container = "Container")]
pub struct Service {
    #[odata(entity_set = "things", binding(path = "parnet", target = "things"))]
    pub things: EntitySet<Thing>,
}

fn main() {}
