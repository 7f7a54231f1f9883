// An entity type without a key cannot be addressed by key.
use odata_core::ODataEntity;
use odata_core::query::ServiceRoot;

#[derive(ODataEntity, Debug, Default)]
#[odata(type = "microsoft.graph.admin", keyless)]
pub struct Admin {
    pub name: Option<String>,
}

fn main() {
    let root = ServiceRoot::graph_v1();
    let _ = root.entity_set::<Admin>("admins").key("x");
}
