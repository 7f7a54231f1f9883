//! Endpoints of a call (participants and services) and what they report about themselves.

use odata_core::{AdditionalData, ODataComplex};

use super::{ClientPlatform, ProductFamily, ServiceRole, UserFeedbackRating};

/// Represents an endpoint in a call. The endpoint could be a user's device, a meeting, an
/// application/bot, etc. The participantEndpoint and serviceEndpoint types inherit from this type.
#[derive(ODataComplex, Debug, Clone, Default, PartialEq)]
#[odata(type = "microsoft.graph.callRecords.endpoint")]
pub struct Endpoint {
    /// User-agent reported by this endpoint.
    pub user_agent: Option<AnyUserAgent>,
    /// Unknown properties and instance annotations, kept to be written back.
    pub additional_data: AdditionalData,
}

/// A `microsoft.graph.callRecords.endpoint` value of any type derived from it: what a session's or
/// segment's `caller` and `callee` hold.
///
/// `@odata.type` decides the variant; `Deref` reaches the common `endpoint` part (`user_agent`).
#[derive(ODataComplex, Debug, Clone, PartialEq)]
#[odata(type = "microsoft.graph.callRecords.endpoint")]
pub enum AnyEndpoint {
    /// `endpoint` itself (or a type derived from it that the model does not know).
    Endpoint(Endpoint),
    /// `participantEndpoint`: a user or user-like entity.
    ParticipantEndpoint(ParticipantEndpoint),
    /// `serviceEndpoint`: a calling media server or other service entity.
    ServiceEndpoint(ServiceEndpoint),
}

/// Represents an participant endpoint in a call. The endpoint represents a user or user-like
/// entity. Inherits from endpoint type.
#[derive(ODataComplex, Debug, Clone, Default, PartialEq)]
#[odata(type = "microsoft.graph.callRecords.participantEndpoint", base_type = "microsoft.graph.callRecords.endpoint")]
pub struct ParticipantEndpoint {
    /// The inherited part (`microsoft.graph.callRecords.endpoint`).
    #[odata(base)]
    pub endpoint: Endpoint,
    /// The feedback provided by the user of this endpoint about the quality of the session.
    pub feedback: Option<UserFeedback>,
    /// Identity associated with the endpoint.
    #[deprecated(
        note = "This property is deprecated and will be removed in a future version. Use associatedIdentity instead."
    )]
    pub identity: Option<crate::AnyIdentitySet>,
    /// Identity associated with the endpoint.
    pub associated_identity: Option<crate::AnyIdentity>,
    /// CPU number of cores used by the media endpoint.
    pub cpu_cores_count: Option<i32>,
    /// CPU name used by the media endpoint.
    pub cpu_name: Option<String>,
    /// CPU processor speed used by the media endpoint.
    pub cpu_processor_speed_in_mhz: Option<i32>,
    /// Name of the device used by the media endpoint.
    pub name: Option<String>,
}

/// Represents a service endpoint in a call. The endpoint represents a calling media server or other
/// service entity. Inherits from endpoint type.
#[derive(ODataComplex, Debug, Clone, Default, PartialEq)]
#[odata(type = "microsoft.graph.callRecords.serviceEndpoint", base_type = "microsoft.graph.callRecords.endpoint")]
pub struct ServiceEndpoint {
    /// The inherited part (`microsoft.graph.callRecords.endpoint`).
    #[odata(base)]
    pub endpoint: Endpoint,
}

/// Represents the user agent of an endpoint in a call. The clientUserAgent and serviceUserAgent)
/// types inherit from this type.
#[derive(ODataComplex, Debug, Clone, Default, PartialEq)]
#[odata(type = "microsoft.graph.callRecords.userAgent", abstract)]
pub struct UserAgent {
    /// Identifies the version of application software used by this endpoint.
    pub application_version: Option<String>,
    /// User-agent header value reported by this endpoint.
    pub header_value: Option<String>,
    /// Unknown properties and instance annotations, kept to be written back.
    pub additional_data: AdditionalData,
}

/// A `microsoft.graph.callRecords.userAgent` value (an abstract type) of any type derived from it.
///
/// A value without `@odata.type`, or of a derived type the model does not know, is a `UserAgent`
/// that keeps the type name and the extra properties.
#[derive(ODataComplex, Debug, Clone, PartialEq)]
#[odata(type = "microsoft.graph.callRecords.userAgent")]
pub enum AnyUserAgent {
    /// `userAgent` itself (abstract: only for values of types the model does not know).
    UserAgent(UserAgent),
    /// `clientUserAgent`: a client application.
    ClientUserAgent(ClientUserAgent),
    /// `serviceUserAgent`: a service.
    ServiceUserAgent(ServiceUserAgent),
}

/// Represents a client user agent of an endpoint in a call. Inherits from the userAgent type.
#[derive(ODataComplex, Debug, Clone, Default, PartialEq)]
#[odata(type = "microsoft.graph.callRecords.clientUserAgent", base_type = "microsoft.graph.callRecords.userAgent")]
pub struct ClientUserAgent {
    /// The inherited part (`microsoft.graph.callRecords.userAgent`).
    #[odata(base)]
    pub user_agent: UserAgent,
    /// The unique identifier of the Microsoft Entra application used by this endpoint.
    #[odata(rename = "azureADAppId")]
    pub azure_ad_app_id: Option<String>,
    /// Immutable resource identifier of the Azure Communication Service associated with this
    /// endpoint based on Communication Services APIs.
    pub communication_service_id: Option<String>,
    /// Identifies the platform used by this endpoint. Possible values are: `unknown`, `windows`,
    /// `macOS`, `iOS`, `android`, `web`, `ipPhone`, `roomSystem`, `surfaceHub`, `holoLens`,
    /// `unknownFutureValue`.
    #[odata(nullable = false)]
    pub platform: Option<ClientPlatform>,
    /// Identifies the family of application software used by this endpoint. Possible values are:
    /// `unknown`, `teams`, `skypeForBusiness`, `lync`, `unknownFutureValue`,
    /// `azureCommunicationServices`. Note that you must use the `Prefer:
    /// include-unknown-enum-members` request header to get the following value(s) in this evolvable
    /// enum: `azureCommunicationServices`.
    #[odata(nullable = false)]
    pub product_family: Option<ProductFamily>,
}

/// Represents a service user agent of an endpoint in a call. Inherits from userAgent type.
#[derive(ODataComplex, Debug, Clone, Default, PartialEq)]
#[odata(type = "microsoft.graph.callRecords.serviceUserAgent", base_type = "microsoft.graph.callRecords.userAgent")]
pub struct ServiceUserAgent {
    /// The inherited part (`microsoft.graph.callRecords.userAgent`).
    #[odata(base)]
    pub user_agent: UserAgent,
    /// Identifies the role of the service used by this endpoint. Possible values are: `unknown`,
    /// `customBot`, `skypeForBusinessMicrosoftTeamsGateway`, `skypeForBusinessAudioVideoMcu`,
    /// `skypeForBusinessApplicationSharingMcu`, `skypeForBusinessCallQueues`,
    /// `skypeForBusinessAutoAttendant`, `mediationServer`, `mediationServerCloudConnectorEdition`,
    /// `exchangeUnifiedMessagingService`, `mediaController`, `conferencingAnnouncementService`,
    /// `conferencingAttendant`, `audioTeleconferencerController`,
    /// `skypeForBusinessUnifiedCommunicationApplicationPlatform`,
    /// `responseGroupServiceAnnouncementService`, `gateway`, `skypeTranslator`,
    /// `skypeForBusinessAttendant`, `responseGroupService`, `voicemail`, `unknownFutureValue`.
    #[odata(nullable = false)]
    pub role: Option<ServiceRole>,
}

/// Represents the feedback provided by the user an endpoint about the quality of the session.
#[derive(ODataComplex, Debug, Clone, Default, PartialEq)]
#[odata(type = "microsoft.graph.callRecords.userFeedback")]
pub struct UserFeedback {
    /// The rating provided by the user of this endpoint about the quality of this Session. Possible
    /// values are: `notRated`, `bad`, `poor`, `fair`, `good`, `excellent`, `unknownFutureValue`.
    #[odata(nullable = false)]
    pub rating: Option<UserFeedbackRating>,
    /// The feedback text provided by the user of this endpoint for the session.
    pub text: Option<String>,
    /// The set of feedback tokens provided by the user of this endpoint for the session. This is a
    /// set of Boolean properties. The property names should not be relied upon since they may
    /// change depending on what tokens are offered to the user.
    pub tokens: Option<FeedbackTokenSet>,
    /// Unknown properties and instance annotations, kept to be written back.
    pub additional_data: AdditionalData,
}

/// This is an _open type_ that represents the set of feedback tokens provided by the user of this
/// Represents a set of feedback tokens provided by the user of an endpoint for the session. This is
/// a set of Boolean properties; their names are not to be relied upon, since they may change
/// depending on what tokens are offered to the user.
#[derive(ODataComplex, Debug, Clone, Default, PartialEq)]
#[odata(type = "microsoft.graph.callRecords.feedbackTokenSet", open_type)]
pub struct FeedbackTokenSet {
    /// Unknown properties and instance annotations, kept to be written back.
    pub additional_data: AdditionalData,
}

/// The identity of a user in a call record (`microsoft.graph.callRecords.userIdentity`, which is not
/// `microsoft.graph.userIdentity`).
#[derive(ODataComplex, Debug, Clone, Default, PartialEq)]
#[odata(type = "microsoft.graph.callRecords.userIdentity", base_type = "microsoft.graph.identity", open_type)]
pub struct UserIdentity {
    /// The inherited part (`microsoft.graph.identity`).
    #[odata(base)]
    pub identity: crate::Identity,
    /// The user principal name (UPN) of the user.
    pub user_principal_name: Option<String>,
}
