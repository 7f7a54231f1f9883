//! Participants and organizers of a call record (`participantBase` and the types derived from it).

use odata_core::{AdditionalData, ODataComplex, ODataEntity};

/// Represents the base identity of a participant or organizer in a callRecord.
#[derive(ODataEntity, Debug, Clone, Default, PartialEq)]
#[odata(
    type = "microsoft.graph.callRecords.participantBase",
    base_type = "microsoft.graph.entity",
    key_property = "id",
    abstract
)]
pub struct ParticipantBase {
    /// The inherited part (`microsoft.graph.entity`).
    #[odata(base)]
    pub entity: crate::Entity,
    /// The identity of the call participant.
    pub identity: Option<crate::CommunicationsIdentitySet>,
    /// List of administrativeUnitInfo objects for the call participant.
    pub administrative_unit_infos: Option<Vec<AdministrativeUnitInfo>>,
}

/// Represents the identity of a participant in a callRecord.
#[derive(ODataEntity, Debug, Clone, Default, PartialEq)]
#[odata(
    type = "microsoft.graph.callRecords.participant",
    base_type = "microsoft.graph.callRecords.participantBase",
    key_property = "id"
)]
pub struct Participant {
    /// The inherited part (`microsoft.graph.callRecords.participantBase`).
    #[odata(base)]
    pub participant_base: ParticipantBase,
}

/// Represents the identity of a call or meeting organizer in a callRecord.
#[derive(ODataEntity, Debug, Clone, Default, PartialEq)]
#[odata(
    type = "microsoft.graph.callRecords.organizer",
    base_type = "microsoft.graph.callRecords.participantBase",
    key_property = "id"
)]
pub struct Organizer {
    /// The inherited part (`microsoft.graph.callRecords.participantBase`).
    #[odata(base)]
    pub participant_base: ParticipantBase,
}

/// Represents the administrative units associated with a participant object.
#[derive(ODataComplex, Debug, Clone, Default, PartialEq)]
#[odata(type = "microsoft.graph.callRecords.administrativeUnitInfo")]
pub struct AdministrativeUnitInfo {
    /// Unique identifier for the administrative unit.
    pub id: Option<String>,
    /// Unknown properties and instance annotations, kept to be written back.
    pub additional_data: AdditionalData,
}

/// A `microsoft.graph.callRecords.participantBase` entity (an abstract type) of any type derived
/// from it: a participant or an organizer.
#[derive(ODataEntity, Debug, Clone, PartialEq)]
#[odata(type = "microsoft.graph.callRecords.participantBase")]
pub enum AnyParticipantBase {
    /// `participantBase` itself (abstract: only for values of types the model does not know).
    ParticipantBase(ParticipantBase),
    /// `participant`.
    Participant(Participant),
    /// `organizer`.
    Organizer(Organizer),
}
