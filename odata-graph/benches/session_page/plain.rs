//! Baseline (a): plain serde derive structs of the same shape, with the same Rust field types,
//! ignoring OData semantics: no `@odata.type`, no inheritance (an endpoint is one struct with the
//! fields of every endpoint type), unknown members dropped.

use odata_core::{DateTimeOffset, Duration};
use odata_graph::call_records::{
    AudioCodec, ClientPlatform, FailureStage, MediaStreamDirection, Modality, NetworkConnectionType,
    NetworkTransportProtocol, ProductFamily, ServiceRole, UserFeedbackRating, VideoCodec, WifiBand, WifiRadioType,
};
use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize)]
pub struct Page {
    #[serde(rename = "@odata.context", skip_serializing_if = "Option::is_none")]
    pub context: Option<String>,
    pub value: Vec<Session>,
    #[serde(rename = "@odata.nextLink", skip_serializing_if = "Option::is_none")]
    pub next_link: Option<String>,
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Session {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
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
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
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
#[serde(rename_all = "camelCase")]
pub struct FailureInfo {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stage: Option<FailureStage>,
}

/// Every endpoint type's fields in one struct: plain serde has no polymorphism.
#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Endpoint {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user_agent: Option<UserAgent>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub associated_identity: Option<Identity>,
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

/// Every user agent type's fields in one struct.
#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UserAgent {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub application_version: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub header_value: Option<String>,
    #[serde(rename = "azureADAppId", skip_serializing_if = "Option::is_none")]
    pub azure_ad_app_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub communication_service_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub platform: Option<ClientPlatform>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub product_family: Option<ProductFamily>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<ServiceRole>,
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UserFeedback {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rating: Option<UserFeedbackRating>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tokens: Option<FeedbackTokenSet>,
}

/// An open type with no declared property: plain serde keeps nothing of it.
#[derive(Serialize, Deserialize)]
pub struct FeedbackTokenSet {}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct IdentitySet {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub application: Option<Identity>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub device: Option<Identity>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user: Option<Identity>,
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Identity {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Media {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub callee_device: Option<DeviceInfo>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub callee_network: Option<NetworkInfo>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub caller_device: Option<DeviceInfo>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub caller_network: Option<NetworkInfo>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub streams: Option<Vec<MediaStream>>,
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MediaStream {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub audio_codec: Option<AudioCodec>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub average_audio_degradation: Option<f32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub average_audio_network_jitter: Option<Duration>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub average_bandwidth_estimate: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub average_freeze_duration: Option<Duration>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub average_jitter: Option<Duration>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub average_packet_loss_rate: Option<f32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub average_ratio_of_concealed_samples: Option<f32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub average_received_frame_rate: Option<f32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub average_round_trip_time: Option<Duration>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub average_video_frame_loss_percentage: Option<f32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub average_video_frame_rate: Option<f32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub average_video_packet_loss_rate: Option<f32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end_date_time: Option<DateTimeOffset>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub is_audio_forward_error_correction_used: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub low_frame_rate_ratio: Option<f32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub low_video_processing_capability_ratio: Option<f32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_audio_network_jitter: Option<Duration>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_jitter: Option<Duration>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_packet_loss_rate: Option<f32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_ratio_of_concealed_samples: Option<f32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_round_trip_time: Option<Duration>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub packet_utilization: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub post_forward_error_correction_packet_loss_rate: Option<f32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rms_freeze_duration: Option<Duration>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start_date_time: Option<DateTimeOffset>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stream_direction: Option<MediaStreamDirection>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stream_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub video_codec: Option<VideoCodec>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub was_media_bypassed: Option<bool>,
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DeviceInfo {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub capture_device_driver: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub capture_device_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub capture_not_functioning_event_ratio: Option<f32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cpu_insufficent_event_ratio: Option<f32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub device_clipping_event_ratio: Option<f32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub device_glitch_event_ratio: Option<f32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub howling_event_count: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub initial_signal_level_root_mean_square: Option<f32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub low_speech_level_event_ratio: Option<f32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub low_speech_to_noise_event_ratio: Option<f32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mic_glitch_rate: Option<f32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub received_noise_level: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub received_signal_level: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub render_device_driver: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub render_device_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub render_mute_event_ratio: Option<f32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub render_not_functioning_event_ratio: Option<f32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub render_zero_volume_event_ratio: Option<f32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sent_noise_level: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sent_signal_level: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub speaker_glitch_rate: Option<f32>,
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NetworkInfo {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bandwidth_low_event_ratio: Option<f32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub basic_service_set_identifier: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub connection_type: Option<NetworkConnectionType>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub delay_event_ratio: Option<f32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dns_suffix: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ip_address: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub link_speed: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mac_address: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub network_transport_protocol: Option<NetworkTransportProtocol>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub port: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub received_quality_event_ratio: Option<f32>,
    #[serde(rename = "reflexiveIPAddress", skip_serializing_if = "Option::is_none")]
    pub reflexive_ip_address: Option<String>,
    #[serde(rename = "relayIPAddress", skip_serializing_if = "Option::is_none")]
    pub relay_ip_address: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub relay_port: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sent_quality_event_ratio: Option<f32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subnet: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub trace_route_hops: Option<Vec<TraceRouteHop>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub wifi_band: Option<WifiBand>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub wifi_battery_charge: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub wifi_channel: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub wifi_microsoft_driver: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub wifi_microsoft_driver_version: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub wifi_radio_type: Option<WifiRadioType>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub wifi_signal_strength: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub wifi_vendor_driver: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub wifi_vendor_driver_version: Option<String>,
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TraceRouteHop {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hop_count: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ip_address: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub round_trip_time: Option<Duration>,
}
