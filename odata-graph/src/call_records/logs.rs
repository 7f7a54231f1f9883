//! Rows of the direct routing and PSTN call logs, which the bound functions `getDirectRoutingCalls`
//! and `getPstnCalls` return.

use odata_core::{AdditionalData, DateTimeOffset, Decimal, ODataComplex};

use super::PstnCallDurationSource;

/// Represents a row of data in the direct routing call log. Each row maps to one call.
#[derive(ODataComplex, Debug, Clone, Default, PartialEq)]
#[odata(type = "microsoft.graph.callRecords.directRoutingLogRow")]
pub struct DirectRoutingLogRow {
    /// In addition to the SIP codes, Microsoft has subcodes that indicate the specific issue.
    pub call_end_sub_reason: Option<i32>,
    /// Call type and direction.
    pub call_type: Option<String>,
    /// Number of the user or bot who received the call. E.164 format, but might include other data.
    pub callee_number: Option<String>,
    /// Number of the user or bot who made the call. E.164 format, but might include other data.
    pub caller_number: Option<String>,
    /// Identifier for the call that you can use when calling Microsoft Support. GUID.
    pub correlation_id: Option<String>,
    /// Duration of the call in seconds.
    pub duration: Option<i32>,
    /// Only exists for successful (fully established) calls. Time when call ended.
    pub end_date_time: Option<DateTimeOffset>,
    /// Only exists for failed (not fully established) calls.
    pub failure_date_time: Option<DateTimeOffset>,
    /// Description of the SIP code and Microsoft subcode.
    pub final_sip_code_phrase: Option<String>,
    /// The code with which the call ended. For more information, see RFC 3261.
    pub final_sip_code: Option<i32>,
    /// Unique call identifier. GUID.
    pub id: Option<String>,
    /// When the initial invite was sent.
    pub invite_date_time: Option<DateTimeOffset>,
    /// Indicates whether the trunk was enabled for media bypass.
    pub media_bypass_enabled: Option<bool>,
    /// The datacenter used for media path in a nonbypass call.
    pub media_path_location: Option<String>,
    /// The datacenter used for signaling for both bypass and nonbypass calls.
    pub signaling_location: Option<String>,
    /// Call start time. For failed and unanswered calls, this can be equal to the invite or failure
    /// time.
    pub start_date_time: Option<DateTimeOffset>,
    /// Success or attempt.
    pub successful_call: Option<bool>,
    /// Fully qualified domain name of the session border controller.
    pub trunk_fully_qualified_domain_name: Option<String>,
    /// Display name of the user.
    pub user_display_name: Option<String>,
    /// Calling user's ID in Microsoft Graph. This and other user information is null/empty for bot
    /// call types. GUID.
    pub user_id: Option<String>,
    /// UserPrincipalName (sign-in name) in Microsoft Entra ID. This is usually the same as the
    /// user's SIP Address, and can be the same as the user's email address.
    pub user_principal_name: Option<String>,
    /// Unknown properties and instance annotations, kept to be written back.
    pub additional_data: AdditionalData,
}

/// Represents a row of data in the public switched telephone network (PSTN) call log. Each row maps
/// to one call.
#[derive(ODataComplex, Debug, Clone, Default, PartialEq)]
#[odata(type = "microsoft.graph.callRecords.pstnCallLogRow")]
pub struct PstnCallLogRow {
    /// The source of the call duration data. If the call uses a third-party telecommunications
    /// operator via the Operator Connect Program, the operator can provide their own call duration
    /// data. In this case, the property value is `operator`. Otherwise, the value is `microsoft`.
    pub call_duration_source: Option<PstnCallDurationSource>,
    /// Number dialed in E.164 format.
    pub callee_number: Option<String>,
    /// Number that received the call for inbound calls or the number dialed for outbound calls.
    /// E.164 format.
    pub caller_number: Option<String>,
    /// Call identifier. Not guaranteed to be unique.
    pub call_id: Option<String>,
    /// Indicates whether the call was a PSTN outbound or inbound call and the type of call, such as
    /// a call placed by a user or an audio conference.
    pub call_type: Option<String>,
    /// Amount of money or cost of the call that is charged to your account.
    #[odata(scale = "variable")]
    pub charge: Option<Decimal>,
    /// ID of the audio conference.
    pub conference_id: Option<String>,
    /// Connection fee price.
    #[odata(scale = "variable")]
    pub connection_charge: Option<Decimal>,
    /// Type of currency used to calculate the cost of the call. For details, see ISO 4217.
    pub currency: Option<String>,
    /// Whether the call was domestic (within a country or region) or international (outside a
    /// country or region), based on the user's location.
    pub destination_context: Option<String>,
    /// Country or region dialed.
    pub destination_name: Option<String>,
    /// How long the call was connected, in seconds.
    pub duration: Option<i32>,
    /// Call end time.
    pub end_date_time: Option<DateTimeOffset>,
    /// Unique call identifier. GUID.
    pub id: Option<String>,
    /// User's phone number type, such as a service of toll-free number.
    pub inventory_type: Option<String>,
    /// The license used for the call.
    pub license_capability: Option<String>,
    /// The telecommunications operator which provided PSTN services for this call. This might be
    /// Microsoft, or it might be a third-party operator via the Operator Connect Program.
    pub operator: Option<String>,
    /// Call start time.
    pub start_date_time: Option<DateTimeOffset>,
    /// Country code of the tenant. For details, see ISO 3166-1 alpha-2.
    pub tenant_country_code: Option<String>,
    /// Country code of the user. For details, see ISO 3166-1 alpha-2.
    pub usage_country_code: Option<String>,
    /// Display name of the user.
    pub user_display_name: Option<String>,
    /// Calling user's ID in Microsoft Graph. GUID. This and other user info will be null/empty for
    /// bot call types (ucap_in, ucap_out).
    pub user_id: Option<String>,
    /// The user principal name (sign-in name) in Microsoft Entra ID. This is usually the same as
    /// the user's SIP address, and can be the same as the user's email address.
    pub user_principal_name: Option<String>,
    /// Unknown properties and instance annotations, kept to be written back.
    pub additional_data: AdditionalData,
}
