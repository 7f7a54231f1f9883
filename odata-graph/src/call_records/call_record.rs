//! The call record: one call or online meeting, after it ended.

use odata_core::{DateTimeOffset, Navigation, ODataEntity};

use super::{CallType, Modality, Organizer, Participant, Session};

/// Represents a single peer-to-peer call or a group call between multiple participants, sometimes
/// referred to as an online meeting. A call record is created after a call or meeting ends.
#[derive(ODataEntity, Debug, Clone, Default, PartialEq)]
#[odata(type = "microsoft.graph.callRecords.callRecord", base_type = "microsoft.graph.entity", key_property = "id")]
pub struct CallRecord {
    /// The inherited part (`microsoft.graph.entity`).
    #[odata(base)]
    pub entity: crate::Entity,
    /// UTC time when the last user left the call. The DateTimeOffset type represents date and time
    /// information using ISO 8601 format and is always in UTC time. For example, midnight UTC on
    /// Jan 1, 2014 is `2014-01-01T00:00:00Z`
    #[odata(nullable = false)]
    pub end_date_time: Option<DateTimeOffset>,
    /// Meeting URL associated to the call. May not be available for a peerToPeer call record type.
    pub join_web_url: Option<String>,
    /// UTC time when the call record was created. The DatetimeOffset type represents date and time
    /// information using ISO 8601 format and is always in UTC time. For example, midnight UTC on
    /// Jan 1, 2014 is `2014-01-01T00:00:00Z`
    #[odata(nullable = false)]
    pub last_modified_date_time: Option<DateTimeOffset>,
    /// List of all the modalities used in the call. Possible values are: `unknown`, `audio`,
    /// `video`, `videoBasedScreenSharing`, `data`, `screenSharing`, `unknownFutureValue`.
    #[odata(nullable = false)]
    pub modalities: Option<Vec<Modality>>,
    /// UTC time when the first user joined the call. The DatetimeOffset type represents date and
    /// time information using ISO 8601 format and is always in UTC time. For example, midnight UTC
    /// on Jan 1, 2014 is `2014-01-01T00:00:00Z`.
    #[odata(nullable = false)]
    pub start_date_time: Option<DateTimeOffset>,
    /// Indicates the type of the call. Possible values are: `unknown`, `groupCall`, `peerToPeer`,
    /// `unknownFutureValue`.
    #[odata(nullable = false)]
    pub r#type: Option<CallType>,
    /// Monotonically increasing version of the call record. Higher version call records with the
    /// same id includes additional data compared to the lower version.
    #[odata(nullable = false)]
    pub version: Option<i64>,
    /// The organizing party's identity. The **organizer** property is deprecated and will stop
    /// returning data on June 30, 2026. Going forward, use the **organizer_v2** relationship.
    #[deprecated(
        note = "This property is deprecated and will be removed in a future version. Use organizer_v2 instead."
    )]
    pub organizer: Option<crate::AnyIdentitySet>,
    /// List of distinct identities involved in the call. Limited to 130 entries. The
    /// **participants** property is deprecated and will stop returning data on June 30, 2026. Going
    /// forward, use the **participants_v2** relationship.
    #[deprecated(
        note = "This property is deprecated and will be removed in a future version. Use participants_v2 instead."
    )]
    pub participants: Option<Vec<crate::AnyIdentitySet>>,
    /// Identity of the organizer of the call. This relationship is expanded by default in
    /// **callRecord** methods.
    #[odata(navigation, contains_target, rename = "organizer_v2")]
    pub organizer_v2: Navigation<Organizer>,
    /// List of distinct participants in the call.
    #[odata(navigation, contains_target, rename = "participants_v2")]
    pub participants_v2: Navigation<Vec<Participant>>,
    /// List of sessions involved in the call. Peer-to-peer calls typically only have one session,
    /// whereas group calls typically have at least one session per participant. Read-only.
    /// Nullable.
    #[odata(navigation, contains_target)]
    pub sessions: Navigation<Vec<Session>>,
}
