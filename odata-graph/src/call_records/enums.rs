//! The enumeration types of `microsoft.graph.callRecords`.
//!
//! Each keeps members it does not know in `Other(String)`: Graph adds members over time
//! (after `unknownFutureValue`, such as `productFamily`'s `azureCommunicationServices`, sent with
//! `Prefer: include-unknown-enum-members`), and the docs list values the CSDL lacks (`modality`'s
//! `unknown`).

use odata_core::ODataEnum;

/// The codec used to encode a media stream's audio for the network.
#[derive(ODataEnum, Debug, Clone, PartialEq, Eq, Hash)]
#[odata(type = "microsoft.graph.callRecords.audioCodec")]
pub enum AudioCodec {
    /// `unknown`
    Unknown,
    /// `invalid`
    Invalid,
    /// `cn`
    Cn,
    /// `pcma`
    Pcma,
    /// `pcmu`
    Pcmu,
    /// `amrWide`
    AmrWide,
    /// `g722`
    G722,
    /// `g7221`
    G7221,
    /// `g7221c`
    G7221c,
    /// `g729`
    G729,
    /// `multiChannelAudio`
    MultiChannelAudio,
    /// `muchv2`
    Muchv2,
    /// `opus`
    Opus,
    /// `satin`
    Satin,
    /// `satinFullband`
    SatinFullband,
    /// `rtAudio8`
    RtAudio8,
    /// `rtAudio16`
    RtAudio16,
    /// `silk`
    Silk,
    /// `silkNarrow`
    SilkNarrow,
    /// `silkWide`
    SilkWide,
    /// `siren`
    Siren,
    /// `xmsRta`
    XmsRta,
    /// `unknownFutureValue`
    UnknownFutureValue,
    /// A member this model does not know (added to the service later), kept verbatim.
    Other(String),
}

/// The platform of a client endpoint.
#[derive(ODataEnum, Debug, Clone, PartialEq, Eq, Hash)]
#[odata(type = "microsoft.graph.callRecords.clientPlatform")]
pub enum ClientPlatform {
    /// `unknown`
    Unknown,
    /// `windows`
    Windows,
    /// `macOS`
    MacOS,
    /// `iOS`
    IOS,
    /// `android`
    Android,
    /// `web`
    Web,
    /// `ipPhone`
    IpPhone,
    /// `roomSystem`
    RoomSystem,
    /// `surfaceHub`
    SurfaceHub,
    /// `holoLens`
    HoloLens,
    /// `unknownFutureValue`
    UnknownFutureValue,
    /// A member this model does not know (added to the service later), kept verbatim.
    Other(String),
}

/// The stage of a call at which a failure happened.
#[derive(ODataEnum, Debug, Clone, PartialEq, Eq, Hash)]
#[odata(type = "microsoft.graph.callRecords.failureStage")]
pub enum FailureStage {
    /// `unknown`
    Unknown,
    /// `callSetup`
    CallSetup,
    /// `midcall`
    Midcall,
    /// `unknownFutureValue`
    UnknownFutureValue,
    /// A member this model does not know (added to the service later), kept verbatim.
    Other(String),
}

/// The direction of a media stream: from the caller to the callee, or back.
#[derive(ODataEnum, Debug, Clone, PartialEq, Eq, Hash)]
#[odata(type = "microsoft.graph.callRecords.mediaStreamDirection")]
pub enum MediaStreamDirection {
    /// `callerToCallee`
    CallerToCallee,
    /// `calleeToCaller`
    CalleeToCaller,
    /// A member this model does not know (added to the service later), kept verbatim.
    Other(String),
}

/// A media modality of a call or session.
#[derive(ODataEnum, Debug, Clone, PartialEq, Eq, Hash)]
#[odata(type = "microsoft.graph.callRecords.modality")]
pub enum Modality {
    /// `audio`
    Audio,
    /// `video`
    Video,
    /// `videoBasedScreenSharing`
    VideoBasedScreenSharing,
    /// `data`
    Data,
    /// `screenSharing`
    ScreenSharing,
    /// `unknownFutureValue`
    UnknownFutureValue,
    /// A member this model does not know (added to the service later), kept verbatim.
    Other(String),
}

/// The type of network a media endpoint used.
#[derive(ODataEnum, Debug, Clone, PartialEq, Eq, Hash)]
#[odata(type = "microsoft.graph.callRecords.networkConnectionType")]
pub enum NetworkConnectionType {
    /// `unknown`
    Unknown,
    /// `wired`
    Wired,
    /// `wifi`
    Wifi,
    /// `mobile`
    Mobile,
    /// `tunnel`
    Tunnel,
    /// `unknownFutureValue`
    UnknownFutureValue,
    /// A member this model does not know (added to the service later), kept verbatim.
    Other(String),
}

/// The network protocol a media stream used.
#[derive(ODataEnum, Debug, Clone, PartialEq, Eq, Hash)]
#[odata(type = "microsoft.graph.callRecords.networkTransportProtocol")]
pub enum NetworkTransportProtocol {
    /// `unknown`
    Unknown,
    /// `udp`
    Udp,
    /// `tcp`
    Tcp,
    /// `unknownFutureValue`
    UnknownFutureValue,
    /// A member this model does not know (added to the service later), kept verbatim.
    Other(String),
}

/// The family of application software an endpoint used.
#[derive(ODataEnum, Debug, Clone, PartialEq, Eq, Hash)]
#[odata(type = "microsoft.graph.callRecords.productFamily")]
pub enum ProductFamily {
    /// `unknown`
    Unknown,
    /// `teams`
    Teams,
    /// `skypeForBusiness`
    SkypeForBusiness,
    /// `lync`
    Lync,
    /// `unknownFutureValue`
    UnknownFutureValue,
    /// `azureCommunicationServices`
    AzureCommunicationServices,
    /// A member this model does not know (added to the service later), kept verbatim.
    Other(String),
}

/// The role of the service behind a service endpoint.
#[derive(ODataEnum, Debug, Clone, PartialEq, Eq, Hash)]
#[odata(type = "microsoft.graph.callRecords.serviceRole")]
pub enum ServiceRole {
    /// `unknown`
    Unknown,
    /// `customBot`
    CustomBot,
    /// `skypeForBusinessMicrosoftTeamsGateway`
    SkypeForBusinessMicrosoftTeamsGateway,
    /// `skypeForBusinessAudioVideoMcu`
    SkypeForBusinessAudioVideoMcu,
    /// `skypeForBusinessApplicationSharingMcu`
    SkypeForBusinessApplicationSharingMcu,
    /// `skypeForBusinessCallQueues`
    SkypeForBusinessCallQueues,
    /// `skypeForBusinessAutoAttendant`
    SkypeForBusinessAutoAttendant,
    /// `mediationServer`
    MediationServer,
    /// `mediationServerCloudConnectorEdition`
    MediationServerCloudConnectorEdition,
    /// `exchangeUnifiedMessagingService`
    ExchangeUnifiedMessagingService,
    /// `mediaController`
    MediaController,
    /// `conferencingAnnouncementService`
    ConferencingAnnouncementService,
    /// `conferencingAttendant`
    ConferencingAttendant,
    /// `audioTeleconferencerController`
    AudioTeleconferencerController,
    /// `skypeForBusinessUnifiedCommunicationApplicationPlatform`
    SkypeForBusinessUnifiedCommunicationApplicationPlatform,
    /// `responseGroupServiceAnnouncementService`
    ResponseGroupServiceAnnouncementService,
    /// `gateway`
    Gateway,
    /// `skypeTranslator`
    SkypeTranslator,
    /// `skypeForBusinessAttendant`
    SkypeForBusinessAttendant,
    /// `responseGroupService`
    ResponseGroupService,
    /// `voicemail`
    Voicemail,
    /// `unknownFutureValue`
    UnknownFutureValue,
    /// A member this model does not know (added to the service later), kept verbatim.
    Other(String),
}

/// The rating a user gave to the quality of a session.
#[derive(ODataEnum, Debug, Clone, PartialEq, Eq, Hash)]
#[odata(type = "microsoft.graph.callRecords.userFeedbackRating")]
pub enum UserFeedbackRating {
    /// `notRated`
    NotRated,
    /// `bad`
    Bad,
    /// `poor`
    Poor,
    /// `fair`
    Fair,
    /// `good`
    Good,
    /// `excellent`
    Excellent,
    /// `unknownFutureValue`
    UnknownFutureValue,
    /// A member this model does not know (added to the service later), kept verbatim.
    Other(String),
}

/// The codec used to encode a media stream's video for the network.
#[derive(ODataEnum, Debug, Clone, PartialEq, Eq, Hash)]
#[odata(type = "microsoft.graph.callRecords.videoCodec")]
pub enum VideoCodec {
    /// `unknown`
    Unknown,
    /// `invalid`
    Invalid,
    /// `av1`
    Av1,
    /// `h263`
    H263,
    /// `h264`
    H264,
    /// `h264s`
    H264s,
    /// `h264uc`
    H264uc,
    /// `h265`
    H265,
    /// `rtvc1`
    Rtvc1,
    /// `rtVideo`
    RtVideo,
    /// `xrtvc1`
    Xrtvc1,
    /// `unknownFutureValue`
    UnknownFutureValue,
    /// A member this model does not know (added to the service later), kept verbatim.
    Other(String),
}

/// The WiFi band a media endpoint used.
#[derive(ODataEnum, Debug, Clone, PartialEq, Eq, Hash)]
#[odata(type = "microsoft.graph.callRecords.wifiBand")]
pub enum WifiBand {
    /// `unknown`
    Unknown,
    /// `frequency24GHz`
    Frequency24GHz,
    /// `frequency50GHz`
    Frequency50GHz,
    /// `frequency60GHz`
    Frequency60GHz,
    /// `unknownFutureValue`
    UnknownFutureValue,
    /// A member this model does not know (added to the service later), kept verbatim.
    Other(String),
}

/// The type of WiFi radio a media endpoint used.
#[derive(ODataEnum, Debug, Clone, PartialEq, Eq, Hash)]
#[odata(type = "microsoft.graph.callRecords.wifiRadioType")]
pub enum WifiRadioType {
    /// `unknown`
    Unknown,
    /// `wifi80211a`
    Wifi80211a,
    /// `wifi80211b`
    Wifi80211b,
    /// `wifi80211g`
    Wifi80211g,
    /// `wifi80211n`
    Wifi80211n,
    /// `wifi80211ac`
    Wifi80211ac,
    /// `wifi80211ax`
    Wifi80211ax,
    /// `unknownFutureValue`
    UnknownFutureValue,
    /// A member this model does not know (added to the service later), kept verbatim.
    Other(String),
}

/// The type of a call: a group call or a peer-to-peer call.
#[derive(ODataEnum, Debug, Clone, PartialEq, Eq, Hash)]
#[odata(type = "microsoft.graph.callRecords.callType")]
pub enum CallType {
    /// `unknown`
    Unknown,
    /// `groupCall`
    GroupCall,
    /// `peerToPeer`
    PeerToPeer,
    /// `unknownFutureValue`
    UnknownFutureValue,
    /// A member this model does not know (added to the service later), kept verbatim.
    Other(String),
}

/// Who provided the duration of a PSTN call: Microsoft, or the operator (Operator Connect).
#[derive(ODataEnum, Debug, Clone, PartialEq, Eq, Hash)]
#[odata(type = "microsoft.graph.callRecords.pstnCallDurationSource")]
pub enum PstnCallDurationSource {
    /// `microsoft`
    Microsoft,
    /// `operator`
    Operator,
    /// A member this model does not know (added to the service later), kept verbatim.
    Other(String),
}
