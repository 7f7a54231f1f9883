use odata_core::ODataEntity;
use odata_graph::call_records::{Endpoint, ParticipantBase};

#[derive(ODataEntity)]
#[odata(type = "microsoft.graph.callRecords.participantBase")]
pub enum AnyParticipantBase {
    ParticipantBase(ParticipantBase),
    Endpoint(Endpoint),
}

fn main() {}
