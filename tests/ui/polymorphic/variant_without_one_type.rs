use odata_core::ODataComplex;
use odata_graph::call_records::{Endpoint, ServiceEndpoint};

#[derive(ODataComplex)]
#[odata(type = "microsoft.graph.callRecords.endpoint")]
pub enum AnyEndpoint {
    Endpoint(Endpoint),
    Service { endpoint: ServiceEndpoint },
    Both(Endpoint, ServiceEndpoint),
}

fn main() {}
