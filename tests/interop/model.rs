//! The CAP service's types (`tests/interop/cap/srv/service.cds`) as the derives describe them,
//! written from its live `$metadata`, not from the CDS source: what a client of this service sees.
//!
//! CAP flattens single-valued structs into properties named by their path (`caller.identity.user.id`
//! is `caller_identity_user_id`), so most properties need `rename`. The flattened fields are not
//! documented one by one: each name is the path of a member of Graph's `endpoint` / `identitySet`,
//! and a line per field would only repeat it.
//!
//! Only `id` is `Nullable="false"`. CAP declares no containment: `Composition of many` is a plain
//! navigation property with a partner (and `OnDelete`), not `ContainsTarget="true"`.

use odata_core::{AdditionalData, DateTimeOffset, Decimal, Navigation, ODataComplex, ODataEntity};

/// A call record (`CallRecordsService.CallRecords`, entity set `CallRecords`).
#[derive(ODataEntity, Debug, Clone, Default, PartialEq)]
#[odata(type = "CallRecordsService.CallRecords", key_property = "id")]
pub struct CallRecords {
    /// The key.
    #[odata(nullable = false)]
    pub id: Option<String>,
    /// `Edm.Int64`, sent as a JSON string (9007199254740993 in the third record).
    pub version: Option<i64>,
    /// Graph's `callType`; an `Edm.String` here, with the members as `Validation.AllowedValues`.
    pub r#type: Option<String>,
    /// Graph's `modality` members, as plain strings.
    pub modalities: Option<Vec<String>>,
    /// The `@odata.etag` source (CAP `@odata.etag`); sent with millisecond precision. Set by
    /// the service on every write, so updates never send it.
    #[odata(read_only)]
    pub last_modified_date_time: Option<DateTimeOffset>,
    /// When the call started.
    pub start_date_time: Option<DateTimeOffset>,
    /// When the call ended.
    pub end_date_time: Option<DateTimeOffset>,
    /// The meeting link.
    pub join_web_url: Option<String>,
    #[odata(rename = "organizer_user_id")]
    pub organizer_user_id: Option<String>,
    #[odata(rename = "organizer_user_displayName")]
    pub organizer_user_display_name: Option<String>,
    #[odata(rename = "organizer_user_tenantId")]
    pub organizer_user_tenant_id: Option<String>,
    #[odata(rename = "organizer_application_id")]
    pub organizer_application_id: Option<String>,
    #[odata(rename = "organizer_application_displayName")]
    pub organizer_application_display_name: Option<String>,
    #[odata(rename = "organizer_application_tenantId")]
    pub organizer_application_tenant_id: Option<String>,
    #[odata(rename = "organizer_phone_id")]
    pub organizer_phone_id: Option<String>,
    #[odata(rename = "organizer_phone_displayName")]
    pub organizer_phone_display_name: Option<String>,
    #[odata(rename = "organizer_phone_tenantId")]
    pub organizer_phone_tenant_id: Option<String>,
    /// `array of IdentitySet`: the one structured property CAP sends nested.
    pub participants: Option<Vec<IdentitySet>>,
    /// A CDS `Map`: free-form JSON, the open complex type `cds_Map`.
    #[odata(rename = "organizer_v2")]
    pub organizer_v2: Option<CdsMap>,
    /// `Composition of many Sessions` (partner `callRecord`).
    #[odata(navigation)]
    pub sessions: Navigation<Vec<Sessions>>,
    /// `@odata.etag`, and anything the model does not declare.
    pub additional_data: AdditionalData,
}

/// A session of a call record (`CallRecordsService.Sessions`, entity set `Sessions`).
#[derive(ODataEntity, Debug, Clone, Default, PartialEq)]
#[odata(type = "CallRecordsService.Sessions", key_property = "id")]
pub struct Sessions {
    /// The key.
    #[odata(nullable = false)]
    pub id: Option<String>,
    /// The call record (partner `sessions`); its foreign key is `callRecord_id`.
    #[odata(navigation)]
    pub call_record: Navigation<CallRecords>,
    /// The foreign key of `callRecord`.
    #[odata(rename = "callRecord_id")]
    pub call_record_id: Option<String>,
    /// When the first user joined.
    pub start_date_time: Option<DateTimeOffset>,
    /// When the last user left.
    pub end_date_time: Option<DateTimeOffset>,
    /// Graph's `modality` members, as plain strings.
    pub modalities: Option<Vec<String>>,
    /// Whether the session is a test (CDS default `false`).
    pub is_test: Option<bool>,
    #[odata(rename = "caller_identity_user_id")]
    pub caller_identity_user_id: Option<String>,
    #[odata(rename = "caller_identity_user_displayName")]
    pub caller_identity_user_display_name: Option<String>,
    #[odata(rename = "caller_identity_user_tenantId")]
    pub caller_identity_user_tenant_id: Option<String>,
    #[odata(rename = "caller_identity_application_id")]
    pub caller_identity_application_id: Option<String>,
    #[odata(rename = "caller_identity_application_displayName")]
    pub caller_identity_application_display_name: Option<String>,
    #[odata(rename = "caller_identity_application_tenantId")]
    pub caller_identity_application_tenant_id: Option<String>,
    #[odata(rename = "caller_identity_phone_id")]
    pub caller_identity_phone_id: Option<String>,
    #[odata(rename = "caller_identity_phone_displayName")]
    pub caller_identity_phone_display_name: Option<String>,
    #[odata(rename = "caller_identity_phone_tenantId")]
    pub caller_identity_phone_tenant_id: Option<String>,
    #[odata(rename = "caller_userAgent_headerValue")]
    pub caller_user_agent_header_value: Option<String>,
    #[odata(rename = "caller_userAgent_applicationVersion")]
    pub caller_user_agent_application_version: Option<String>,
    #[odata(rename = "caller_userAgent_platform")]
    pub caller_user_agent_platform: Option<String>,
    #[odata(rename = "caller_userAgent_productFamily")]
    pub caller_user_agent_product_family: Option<String>,
    #[odata(rename = "caller_feedback_rating")]
    pub caller_feedback_rating: Option<String>,
    #[odata(rename = "caller_feedback_tokens")]
    pub caller_feedback_tokens: Option<Vec<String>>,
    #[odata(rename = "callee_identity_user_id")]
    pub callee_identity_user_id: Option<String>,
    #[odata(rename = "callee_identity_user_displayName")]
    pub callee_identity_user_display_name: Option<String>,
    #[odata(rename = "callee_identity_user_tenantId")]
    pub callee_identity_user_tenant_id: Option<String>,
    #[odata(rename = "callee_identity_application_id")]
    pub callee_identity_application_id: Option<String>,
    #[odata(rename = "callee_identity_application_displayName")]
    pub callee_identity_application_display_name: Option<String>,
    #[odata(rename = "callee_identity_application_tenantId")]
    pub callee_identity_application_tenant_id: Option<String>,
    #[odata(rename = "callee_identity_phone_id")]
    pub callee_identity_phone_id: Option<String>,
    #[odata(rename = "callee_identity_phone_displayName")]
    pub callee_identity_phone_display_name: Option<String>,
    #[odata(rename = "callee_identity_phone_tenantId")]
    pub callee_identity_phone_tenant_id: Option<String>,
    #[odata(rename = "callee_userAgent_headerValue")]
    pub callee_user_agent_header_value: Option<String>,
    #[odata(rename = "callee_userAgent_applicationVersion")]
    pub callee_user_agent_application_version: Option<String>,
    #[odata(rename = "callee_userAgent_platform")]
    pub callee_user_agent_platform: Option<String>,
    #[odata(rename = "callee_userAgent_productFamily")]
    pub callee_user_agent_product_family: Option<String>,
    #[odata(rename = "callee_feedback_rating")]
    pub callee_feedback_rating: Option<String>,
    #[odata(rename = "callee_feedback_tokens")]
    pub callee_feedback_tokens: Option<Vec<String>>,
    /// `Composition of many Segments` (partner `session`).
    #[odata(navigation)]
    pub segments: Navigation<Vec<Segments>>,
    /// Anything the model does not declare.
    pub additional_data: AdditionalData,
}

/// A segment of a session (`CallRecordsService.Segments`, entity set `Segments`).
#[derive(ODataEntity, Debug, Clone, Default, PartialEq)]
#[odata(type = "CallRecordsService.Segments", key_property = "id")]
pub struct Segments {
    /// The key.
    #[odata(nullable = false)]
    pub id: Option<String>,
    /// The session (partner `segments`); its foreign key is `session_id`.
    #[odata(navigation)]
    pub session: Navigation<Sessions>,
    /// The foreign key of `session`.
    #[odata(rename = "session_id")]
    pub session_id: Option<String>,
    /// When the segment started.
    pub start_date_time: Option<DateTimeOffset>,
    /// When the segment ended.
    pub end_date_time: Option<DateTimeOffset>,
    #[odata(rename = "caller_identity_user_id")]
    pub caller_identity_user_id: Option<String>,
    #[odata(rename = "caller_identity_user_displayName")]
    pub caller_identity_user_display_name: Option<String>,
    #[odata(rename = "caller_identity_user_tenantId")]
    pub caller_identity_user_tenant_id: Option<String>,
    #[odata(rename = "caller_identity_application_id")]
    pub caller_identity_application_id: Option<String>,
    #[odata(rename = "caller_identity_application_displayName")]
    pub caller_identity_application_display_name: Option<String>,
    #[odata(rename = "caller_identity_application_tenantId")]
    pub caller_identity_application_tenant_id: Option<String>,
    #[odata(rename = "caller_identity_phone_id")]
    pub caller_identity_phone_id: Option<String>,
    #[odata(rename = "caller_identity_phone_displayName")]
    pub caller_identity_phone_display_name: Option<String>,
    #[odata(rename = "caller_identity_phone_tenantId")]
    pub caller_identity_phone_tenant_id: Option<String>,
    #[odata(rename = "caller_userAgent_headerValue")]
    pub caller_user_agent_header_value: Option<String>,
    #[odata(rename = "caller_userAgent_applicationVersion")]
    pub caller_user_agent_application_version: Option<String>,
    #[odata(rename = "caller_userAgent_platform")]
    pub caller_user_agent_platform: Option<String>,
    #[odata(rename = "caller_userAgent_productFamily")]
    pub caller_user_agent_product_family: Option<String>,
    #[odata(rename = "caller_feedback_rating")]
    pub caller_feedback_rating: Option<String>,
    #[odata(rename = "caller_feedback_tokens")]
    pub caller_feedback_tokens: Option<Vec<String>>,
    #[odata(rename = "callee_identity_user_id")]
    pub callee_identity_user_id: Option<String>,
    #[odata(rename = "callee_identity_user_displayName")]
    pub callee_identity_user_display_name: Option<String>,
    #[odata(rename = "callee_identity_user_tenantId")]
    pub callee_identity_user_tenant_id: Option<String>,
    #[odata(rename = "callee_identity_application_id")]
    pub callee_identity_application_id: Option<String>,
    #[odata(rename = "callee_identity_application_displayName")]
    pub callee_identity_application_display_name: Option<String>,
    #[odata(rename = "callee_identity_application_tenantId")]
    pub callee_identity_application_tenant_id: Option<String>,
    #[odata(rename = "callee_identity_phone_id")]
    pub callee_identity_phone_id: Option<String>,
    #[odata(rename = "callee_identity_phone_displayName")]
    pub callee_identity_phone_display_name: Option<String>,
    #[odata(rename = "callee_identity_phone_tenantId")]
    pub callee_identity_phone_tenant_id: Option<String>,
    #[odata(rename = "callee_userAgent_headerValue")]
    pub callee_user_agent_header_value: Option<String>,
    #[odata(rename = "callee_userAgent_applicationVersion")]
    pub callee_user_agent_application_version: Option<String>,
    #[odata(rename = "callee_userAgent_platform")]
    pub callee_user_agent_platform: Option<String>,
    #[odata(rename = "callee_userAgent_productFamily")]
    pub callee_user_agent_product_family: Option<String>,
    #[odata(rename = "callee_feedback_rating")]
    pub callee_feedback_rating: Option<String>,
    #[odata(rename = "callee_feedback_tokens")]
    pub callee_feedback_tokens: Option<Vec<String>>,
    /// Packet loss, as a fraction (`Edm.Double`, a JSON number).
    pub packet_loss_rate: Option<f64>,
    /// `Decimal(9,3)`, sent as a JSON string with every digit (`"1.500"`).
    pub jitter_ms: Option<Decimal>,
    /// Anything the model does not declare.
    pub additional_data: AdditionalData,
}

/// Graph's `identitySet`, as the items of `participants` (`graph_callRecords_IdentitySet`: CAP
/// names a type from another namespace by its qualified name with `_` for `.`).
#[derive(ODataComplex, Debug, Clone, Default, PartialEq)]
#[odata(type = "CallRecordsService.graph_callRecords_IdentitySet")]
pub struct IdentitySet {
    /// The user, if a user took part.
    pub user: Option<Identity>,
    /// The application, if one took part.
    pub application: Option<Identity>,
    /// The phone, if one took part.
    pub phone: Option<Identity>,
    /// Anything the model does not declare.
    pub additional_data: AdditionalData,
}

/// Graph's `identity` (`graph_callRecords_Identity`).
#[derive(ODataComplex, Debug, Clone, Default, PartialEq)]
#[odata(type = "CallRecordsService.graph_callRecords_Identity")]
pub struct Identity {
    /// The identity's id.
    pub id: Option<String>,
    /// Its display name.
    pub display_name: Option<String>,
    /// Its tenant.
    pub tenant_id: Option<String>,
    /// Anything the model does not declare.
    pub additional_data: AdditionalData,
}

/// A CDS `Map`: an open complex type without declared properties; every member is dynamic.
#[derive(ODataComplex, Debug, Clone, Default, PartialEq)]
#[odata(type = "CallRecordsService.cds_Map", open_type)]
pub struct CdsMap {
    /// The map's members, as sent.
    pub additional_data: AdditionalData,
}
