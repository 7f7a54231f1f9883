use odata_core::container::{EntitySet, FunctionImport};
use odata_core::{ODataEntity, ODataFunction, ODataService};

#[derive(ODataEntity, Debug, Default)]
#[odata(type = "ns.thing", key_property = "id")]
pub struct Thing {
    #[odata(nullable = false)]
    pub id: Option<String>,
}

#[derive(ODataFunction, Debug)]
#[odata(name = "ns.count", bound_to = "Vec<Thing>", returns = "i64")]
pub struct Count;

#[derive(ODataService)]
#[odata(namespace = "ns", container = "Container")]
pub struct Service {
    #[odata(entity_set = "things")]
    pub things: EntitySet<Thing>,
    #[odata(function_import = "count", entity_set = "things")]
    pub count: FunctionImport<Count>,
}

fn main() {}
