use odata_core::ODataEntity;
use odata_graph::call_records::{Participant, ParticipantBase};

#[derive(ODataEntity)]
#[odata(type = "microsoft.graph.callRecords.participantBase", key_property = "id", abstract)]
pub enum AnyParticipantBase {
    ParticipantBase(ParticipantBase),
    Participant(Participant),
}

fn main() {}
