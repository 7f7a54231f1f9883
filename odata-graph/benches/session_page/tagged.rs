//! Baseline (b): what serde offers for OData: `#[serde(tag = "@odata.type")]` enums for the
//! polymorphic properties, `#[serde(flatten)]` for inheritance. Leaf types are the plain ones.
//! (It fails when the tag is absent or spelled `@type`, and loses unknown derived types; the
//! benchmark's page avoids those cases so that it can run at all.)

use odata_core::DateTimeOffset;
use odata_graph::call_records::{ClientPlatform, Modality, ProductFamily, ServiceRole};
use serde::{Deserialize, Serialize};

use crate::plain::{FailureInfo, IdentitySet, Media, UserFeedback};

#[derive(Serialize, Deserialize)]
pub struct Page {
    #[serde(rename = "@odata.context", skip_serializing_if = "Option::is_none")]
    pub context: Option<String>,
    pub value: Vec<Session>,
    #[serde(rename = "@odata.nextLink", skip_serializing_if = "Option::is_none")]
    pub next_link: Option<String>,
}

/// `microsoft.graph.entity`, flattened into every entity type.
#[derive(Serialize, Deserialize)]
pub struct Entity {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Session {
    #[serde(flatten)]
    pub entity: Entity,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub caller: Option<Endpoint>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub callee: Option<Endpoint>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub failure_info: Option<FailureInfo>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub modalities: Option<Vec<Modality>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start_date_time: Option<DateTimeOffset>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end_date_time: Option<DateTimeOffset>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub is_test: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub segments: Option<Vec<Segment>>,
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Segment {
    #[serde(flatten)]
    pub entity: Entity,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub caller: Option<Endpoint>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub callee: Option<Endpoint>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub failure_info: Option<FailureInfo>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub media: Option<Vec<Media>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start_date_time: Option<DateTimeOffset>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end_date_time: Option<DateTimeOffset>,
}

#[derive(Serialize, Deserialize)]
#[serde(tag = "@odata.type")]
pub enum Endpoint {
    #[serde(rename = "#microsoft.graph.callRecords.participantEndpoint")]
    Participant(ParticipantEndpoint),
    #[serde(rename = "#microsoft.graph.callRecords.serviceEndpoint")]
    Service(ServiceEndpoint),
}

/// `microsoft.graph.callRecords.endpoint`, flattened into the derived types.
#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EndpointBase {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user_agent: Option<UserAgent>,
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ParticipantEndpoint {
    #[serde(flatten)]
    pub endpoint: EndpointBase,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cpu_cores_count: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cpu_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cpu_processor_speed_in_mhz: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub feedback: Option<UserFeedback>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub identity: Option<IdentitySet>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

#[derive(Serialize, Deserialize)]
pub struct ServiceEndpoint {
    #[serde(flatten)]
    pub endpoint: EndpointBase,
}

#[derive(Serialize, Deserialize)]
#[serde(tag = "@odata.type")]
pub enum UserAgent {
    #[serde(rename = "#microsoft.graph.callRecords.clientUserAgent")]
    Client(ClientUserAgent),
    #[serde(rename = "#microsoft.graph.callRecords.serviceUserAgent")]
    Service(ServiceUserAgent),
}

/// `microsoft.graph.callRecords.userAgent`, flattened into the derived types.
#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UserAgentBase {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub application_version: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub header_value: Option<String>,
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ClientUserAgent {
    #[serde(flatten)]
    pub user_agent: UserAgentBase,
    #[serde(rename = "azureADAppId", skip_serializing_if = "Option::is_none")]
    pub azure_ad_app_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub communication_service_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub platform: Option<ClientPlatform>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub product_family: Option<ProductFamily>,
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ServiceUserAgent {
    #[serde(flatten)]
    pub user_agent: UserAgentBase,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<ServiceRole>,
}
