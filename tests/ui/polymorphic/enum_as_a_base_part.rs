use odata_core::ODataComplex;
use odata_graph::call_records::AnyEndpoint;

#[derive(ODataComplex)]
#[odata(type = "microsoft.graph.callRecords.kioskEndpoint", base_type = "microsoft.graph.callRecords.endpoint")]
pub struct KioskEndpoint {
    #[odata(base)]
    pub endpoint: AnyEndpoint,
    pub location: Option<String>,
}

fn main() {}
