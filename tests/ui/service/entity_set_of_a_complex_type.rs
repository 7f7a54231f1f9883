use odata_core::container::EntitySet;
use odata_core::{ODataComplex, ODataService};

#[derive(ODataComplex, Debug, Default)]
#[odata(type = "ns.address")]
pub struct Address {
    pub street: Option<String>,
}

#[derive(ODataService)]
#[odata(namespace = "ns", container = "Container")]
pub struct Service {
    #[odata(entity_set = "addresses")]
    pub addresses: EntitySet<Address>,
}

fn main() {}
