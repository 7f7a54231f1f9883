use odata_core::ODataService;

#[derive(ODataService)]
pub struct Service {}

fn main() {}
