use odata_core::container::ActionImport;
use odata_core::{ODataAction, ODataService};

#[derive(ODataAction, Debug)]
#[odata(name = "ns.reset")]
pub struct Reset;

#[derive(ODataService)]
#[odata(namespace = "ns", container = "Container")]
pub struct Service {
    #[odata(action_import = "reset", singleton = "also")]
    pub reset: ActionImport<Reset>,
}

fn main() {}
