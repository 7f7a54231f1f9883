//! Sessions and segments: the calls within a call record, and their parts.

use odata_core::{AdditionalData, DateTimeOffset, Navigation, ODataComplex, ODataEntity};

use super::{AnyEndpoint, FailureStage, Media, Modality};

/// Represents a User-User communication or a User-Meeting communication in the case of a Conference
/// call.
#[derive(ODataEntity, Debug, Clone, Default, PartialEq)]
#[odata(type = "microsoft.graph.callRecords.session", base_type = "microsoft.graph.entity", key_property = "id")]
pub struct Session {
    /// The inherited part (`microsoft.graph.entity`).
    #[odata(base)]
    pub entity: crate::Entity,
    /// Endpoint that initiated the session.
    pub caller: Option<AnyEndpoint>,
    /// Endpoint that answered the session.
    pub callee: Option<AnyEndpoint>,
    /// Failure information associated with the session if the session failed.
    pub failure_info: Option<FailureInfo>,
    /// List of modalities present in the session. Possible values are: `unknown`, `audio`, `video`,
    /// `videoBasedScreenSharing`, `data`, `screenSharing`, `unknownFutureValue`.
    #[odata(nullable = false)]
    pub modalities: Option<Vec<Modality>>,
    /// UTC time when the first user joined the session. The DateTimeOffset type represents date and
    /// time information using ISO 8601 format and is always in UTC time. For example, midnight UTC
    /// on Jan 1, 2014 is `2014-01-01T00:00:00Z`
    #[odata(nullable = false)]
    pub start_date_time: Option<DateTimeOffset>,
    /// UTC time when the last user left the session. The DateTimeOffset type represents date and
    /// time information using ISO 8601 format and is always in UTC time. For example, midnight UTC
    /// on Jan 1, 2014 is `2014-01-01T00:00:00Z`
    #[odata(nullable = false)]
    pub end_date_time: Option<DateTimeOffset>,
    /// The list of segments involved in the session. Read-only. Nullable.
    #[odata(navigation, contains_target)]
    pub segments: Navigation<Vec<Segment>>,
    /// Specifies whether the session is a test.
    pub is_test: Option<bool>,
}

/// Represents a portion of a User-User communication or a User-Meeting communication in the case of
/// a Conference call. A typical VOIP call will have one segment per session. In certain scenarios,
/// such as PSTN calls, there will be multiple segments per session due to additional
/// server-to-server communication required to connect the call.
#[derive(ODataEntity, Debug, Clone, Default, PartialEq)]
#[odata(type = "microsoft.graph.callRecords.segment", base_type = "microsoft.graph.entity", key_property = "id")]
pub struct Segment {
    /// The inherited part (`microsoft.graph.entity`).
    #[odata(base)]
    pub entity: crate::Entity,
    /// Endpoint that initiated this segment.
    pub caller: Option<AnyEndpoint>,
    /// Endpoint that answered this segment.
    pub callee: Option<AnyEndpoint>,
    /// Failure information associated with the segment if it failed.
    pub failure_info: Option<FailureInfo>,
    /// Media associated with this segment.
    pub media: Option<Vec<Media>>,
    /// UTC time when the segment started. The DateTimeOffset type represents date and time
    /// information using ISO 8601 format and is always in UTC time. For example, midnight UTC on
    /// Jan 1, 2014 is `2014-01-01T00:00:00Z`
    #[odata(nullable = false)]
    pub start_date_time: Option<DateTimeOffset>,
    /// UTC time when the segment ended. The DateTimeOffset type represents date and time
    /// information using ISO 8601 format and is always in UTC time. For example, midnight UTC on
    /// Jan 1, 2014 is `2014-01-01T00:00:00Z`
    #[odata(nullable = false)]
    pub end_date_time: Option<DateTimeOffset>,
}

/// Represents information about why a call or portion of a call failed.
#[derive(ODataComplex, Debug, Clone, Default, PartialEq)]
#[odata(type = "microsoft.graph.callRecords.failureInfo")]
pub struct FailureInfo {
    /// Classification of why a call or portion of a call failed.
    pub reason: Option<String>,
    /// The stage when the failure occurred. Possible values are: `unknown`, `callSetup`, `midcall`,
    /// `unknownFutureValue`.
    #[odata(nullable = false)]
    pub stage: Option<FailureStage>,
    /// Unknown properties and instance annotations, kept to be written back.
    pub additional_data: AdditionalData,
}
