//! `microsoft.graph.callRecords`: Microsoft Teams and Skype for Business call records.
//!
//! A call record holds sessions (the peer-to-peer calls within it), a session holds segments, and
//! a segment holds the media streams with their quality figures. Endpoints are polymorphic on
//! the wire (`participantEndpoint`, `serviceEndpoint`); this module models each type of the
//! namespace after its CSDL and docs page.

mod call_record;
mod endpoint;
mod enums;
mod functions;
mod logs;
mod media;
mod participant;
mod session;

pub use call_record::CallRecord;
pub use endpoint::{
    AnyEndpoint, AnyUserAgent, ClientUserAgent, Endpoint, FeedbackTokenSet, ParticipantEndpoint, ServiceEndpoint,
    ServiceUserAgent, UserAgent, UserFeedback, UserIdentity,
};
pub use enums::{
    AudioCodec, CallType, ClientPlatform, FailureStage, MediaStreamDirection, Modality, NetworkConnectionType,
    NetworkTransportProtocol, ProductFamily, PstnCallDurationSource, ServiceRole, UserFeedbackRating, VideoCodec,
    WifiBand, WifiRadioType,
};
pub use functions::{GetDirectRoutingCalls, GetPstnCalls};
pub use logs::{DirectRoutingLogRow, PstnCallLogRow};
pub use media::{DeviceInfo, Media, MediaStream, NetworkInfo, TraceRouteHop};
pub use participant::{AdministrativeUnitInfo, AnyParticipantBase, Organizer, Participant, ParticipantBase};
pub use session::{FailureInfo, Segment, Session};
