use odata_core::ODataComplex;
use odata_graph::call_records::{Endpoint, ParticipantEndpoint};

#[derive(ODataComplex)]
#[odata(type = "microsoft.graph.callRecords.endpoint")]
pub enum AnyEndpoint {
    ParticipantEndpoint(ParticipantEndpoint),
    Endpoint(Endpoint),
}

fn main() {}
