use odata_core::ODataComplex;
use odata_graph::call_records::{ClientUserAgent, Endpoint, ParticipantEndpoint};

#[derive(ODataComplex)]
#[odata(type = "microsoft.graph.callRecords.endpoint")]
pub enum AnyEndpoint {
    Endpoint(Endpoint),
    ParticipantEndpoint(ParticipantEndpoint),
    ClientUserAgent(ClientUserAgent),
}

fn main() {}
