//! Identities of users, devices and applications (`microsoft.graph.identity`, `identitySet` and
//! the types derived from them), as Graph's call records use them.

use odata_core::{AdditionalData, ODataComplex, ODataEnum};

use crate::call_records;

/// An identity of an actor: a user, a device or an application (`microsoft.graph.identity`). Open:
/// services add properties such as `tenantId`.
#[derive(ODataComplex, Debug, Clone, Default, PartialEq)]
#[odata(type = "microsoft.graph.identity", open_type)]
pub struct Identity {
    /// The display name of the identity. It may not always be available or up to date.
    pub display_name: Option<String>,
    /// Unique identifier for the identity or actor.
    pub id: Option<String>,
    /// Unknown and dynamic properties (`tenantId`, ...) and instance annotations, kept to be
    /// written back.
    pub additional_data: AdditionalData,
}

/// The identity of a user (`microsoft.graph.userIdentity`).
#[derive(ODataComplex, Debug, Clone, Default, PartialEq)]
#[odata(type = "microsoft.graph.userIdentity", base_type = "microsoft.graph.identity", open_type)]
pub struct UserIdentity {
    /// The inherited part (`microsoft.graph.identity`).
    #[odata(base)]
    pub identity: Identity,
    /// The client IP address associated with the user performing the activity (audit logs only).
    pub ip_address: Option<String>,
    /// The user principal name (UPN) of the user.
    pub user_principal_name: Option<String>,
}

/// A `microsoft.graph.identity` value of any type derived from it that this model knows.
///
/// `@odata.type` decides the variant; a value without one, or of a derived type the model does not
/// know, is an `Identity` that keeps the type name and the extra properties. The derived types
/// are boxed: call records mostly carry plain identities, which then stay small.
#[derive(ODataComplex, Debug, Clone, PartialEq)]
#[odata(type = "microsoft.graph.identity")]
pub enum AnyIdentity {
    /// `microsoft.graph.identity` itself (or a type derived from it that the model does not know).
    Identity(Identity),
    /// `microsoft.graph.userIdentity`.
    UserIdentity(Box<UserIdentity>),
    /// `microsoft.graph.callRecords.userIdentity`.
    CallRecordsUserIdentity(Box<call_records::UserIdentity>),
}

/// A keyed collection of identities: the user, device and application involved in an action
/// (`microsoft.graph.identitySet`).
#[derive(ODataComplex, Debug, Clone, Default, PartialEq)]
#[odata(type = "microsoft.graph.identitySet", open_type)]
pub struct IdentitySet {
    /// The Microsoft Entra application associated with the actor, if any.
    pub application: Option<AnyIdentity>,
    /// The device associated with the actor, if any.
    pub device: Option<AnyIdentity>,
    /// The user associated with the actor, if any.
    pub user: Option<AnyIdentity>,
    /// Unknown and dynamic properties and instance annotations, kept to be written back.
    pub additional_data: AdditionalData,
}

/// The identities involved in a call (`microsoft.graph.communicationsIdentitySet`). Open: Graph
/// sends more identities than the CSDL declares (`acsUser`, `spoolUser`, ...), kept as dynamic
/// properties.
#[derive(ODataComplex, Debug, Clone, Default, PartialEq)]
#[odata(type = "microsoft.graph.communicationsIdentitySet", base_type = "microsoft.graph.identitySet", open_type)]
pub struct CommunicationsIdentitySet {
    /// The inherited part (`microsoft.graph.identitySet`).
    #[odata(base)]
    pub identity_set: IdentitySet,
    /// The application instance associated with this action.
    pub application_instance: Option<AnyIdentity>,
    /// An identity the participant would like to present itself as to the other participants in
    /// the call.
    pub asserted_identity: Option<AnyIdentity>,
    /// The Azure Communication Services user associated with this action.
    pub azure_communication_services_user: Option<AnyIdentity>,
    /// The encrypted user associated with this action.
    pub encrypted: Option<AnyIdentity>,
    /// Type of endpoint that the participant uses. Possible values are: `default`, `voicemail`,
    /// `skypeForBusiness`, `skypeForBusinessVoipPhone`, `unknownFutureValue`.
    pub endpoint_type: Option<EndpointType>,
    /// The guest user associated with this action.
    pub guest: Option<AnyIdentity>,
    /// The Skype for Business on-premises user associated with this action.
    pub on_premises: Option<AnyIdentity>,
    /// The phone user associated with this action.
    pub phone: Option<AnyIdentity>,
}

/// A `microsoft.graph.identitySet` value of any type derived from it that this model knows. The
/// much larger `communicationsIdentitySet` is boxed.
#[derive(ODataComplex, Debug, Clone, PartialEq)]
#[odata(type = "microsoft.graph.identitySet")]
pub enum AnyIdentitySet {
    /// `microsoft.graph.identitySet` itself (or an unknown derived type).
    IdentitySet(IdentitySet),
    /// `microsoft.graph.communicationsIdentitySet`.
    CommunicationsIdentitySet(Box<CommunicationsIdentitySet>),
}

/// The type of endpoint a call participant uses (`microsoft.graph.endpointType`).
#[derive(ODataEnum, Debug, Clone, PartialEq, Eq, Hash)]
#[odata(type = "microsoft.graph.endpointType")]
pub enum EndpointType {
    /// `default`
    Default,
    /// `voicemail`
    Voicemail,
    /// `skypeForBusiness`
    SkypeForBusiness,
    /// `skypeForBusinessVoipPhone`
    SkypeForBusinessVoipPhone,
    /// `unknownFutureValue`
    UnknownFutureValue,
    /// A member this model does not know (added to the service later), kept verbatim.
    Other(String),
}
