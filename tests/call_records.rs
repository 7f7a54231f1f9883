//! The callRecords model on what the published examples do not show: failures, trace routes,
//! administrative units, service endpoints, members added after `unknownFutureValue`, the
//! organizer navigation, the call logs, and the model's own description of its functions.

use odata_core::{Decimal, ODataEnum, ODataOperation, ODataType, OperationKind, Page};
use odata_graph::AnyIdentity;
use odata_graph::call_records::{
    AnyEndpoint, AnyUserAgent, CallRecord, CallType, ClientPlatform, FailureStage, GetDirectRoutingCalls, GetPstnCalls,
    NetworkConnectionType, ProductFamily, PstnCallDurationSource, PstnCallLogRow, ServiceRole, Session,
};
use odata_tests::{assert_round_trip, example};

/// A call record as Graph would send it for a failed group call with a service endpoint and
/// every optional part present: none of the published examples has these.
const FAILED_CALL: &str = r##"{
    "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#communications/callRecords/$entity",
    "id": "0f2b1c3a-8d39-4f0e-9b7a-1a2b3c4d5e6f",
    "version": 3,
    "type": "groupCall",
    "modalities": ["audio", "video", "screenSharing"],
    "lastModifiedDateTime": "2024-03-05T10:15:00Z",
    "startDateTime": "2024-03-05T09:00:00Z",
    "endDateTime": "2024-03-05T09:01:30.5Z",
    "joinWebUrl": "https://teams.microsoft.com/l/meetup-join/19%3ameeting",
    "organizer_v2@odata.context": "https://graph.microsoft.com/v1.0/$metadata#communications/callRecords('0f2b')/organizer_v2/$entity",
    "organizer_v2": {
        "@odata.type": "#microsoft.graph.callRecords.organizer",
        "id": "821809f5-0000-0000-0000-3b5136c0e777",
        "identity": {
            "@odata.type": "#microsoft.graph.communicationsIdentitySet",
            "endpointType": "default",
            "user": {"@odata.type": "#microsoft.graph.userIdentity", "id": "821809f5", "displayName": "Abbie Wilkins", "userPrincipalName": "abbie@contoso.com"},
            "acsUser": null
        },
        "administrativeUnitInfos": [{"id": "au-1"}, {"id": "au-2"}]
    },
    "sessions": [{
        "id": "s-1",
        "modalities": ["audio"],
        "startDateTime": "2024-03-05T09:00:00Z",
        "endDateTime": "2024-03-05T09:01:30.5Z",
        "caller": {
            "@odata.type": "#microsoft.graph.callRecords.participantEndpoint",
            "name": "kiosk-7",
            "userAgent": {"@odata.type": "#microsoft.graph.callRecords.clientUserAgent", "platform": "web", "productFamily": "azureCommunicationServices", "communicationServiceId": "acs-1"}
        },
        "callee": {
            "@odata.type": "#microsoft.graph.callRecords.serviceEndpoint",
            "userAgent": {"@odata.type": "#microsoft.graph.callRecords.serviceUserAgent", "role": "skypeForBusinessAudioVideoMcu", "headerValue": "MCU/1.0"}
        },
        "failureInfo": {"stage": "callSetup", "reason": "The callee did not answer before the timeout."},
        "segments": [{
            "id": "g-1",
            "startDateTime": "2024-03-05T09:00:00Z",
            "endDateTime": "2024-03-05T09:01:30.5Z",
            "failureInfo": {"stage": "midcall", "reason": "Media timeout"},
            "media": [{
                "label": "main-audio",
                "callerNetwork": {
                    "connectionType": "mobile",
                    "wifiBand": "unknown",
                    "networkTransportProtocol": "udp",
                    "traceRouteHops": [
                        {"hopCount": 1, "ipAddress": "192.0.2.1", "roundTripTime": "PT0.0012S"},
                        {"hopCount": 2, "ipAddress": "198.51.100.7", "roundTripTime": "PT0.021S"}
                    ]
                },
                "streams": [{"streamDirection": "calleeToCaller", "audioCodec": "opus", "averageJitter": "PT0.004S"}]
            }]
        }]
    }]
}"##;

#[test]
fn a_failed_group_call_with_every_optional_part() {
    let record: CallRecord = assert_round_trip(FAILED_CALL);
    assert_eq!(record.r#type, Some(CallType::GroupCall));
    assert_eq!(record.version, Some(3));

    let organizer = record.organizer_v2.get().expect("organizer_v2 expanded");
    assert!(record.organizer_v2.context().is_some_and(|c| c.ends_with("/organizer_v2/$entity")));
    let units: Vec<&str> =
        organizer.administrative_unit_infos.iter().flatten().filter_map(|u| u.id.as_deref()).collect();
    assert_eq!(units, ["au-1", "au-2"]);
    let identity = organizer.identity.as_ref().expect("communicationsIdentitySet");
    assert_eq!(identity.endpoint_type, Some(odata_graph::EndpointType::Default));
    let Some(AnyIdentity::UserIdentity(user)) = &identity.user else { panic!("{:?}", identity.user) };
    assert_eq!(user.user_principal_name.as_deref(), Some("abbie@contoso.com"));
    assert!(identity.additional_data.property("acsUser").is_some_and(|v| v.get() == "null"), "kept as sent");

    let session: &Session = &record.sessions.get().expect("sessions")[0];
    let failure = session.failure_info.as_ref().expect("failureInfo");
    assert_eq!(
        (failure.stage.clone(), failure.reason.as_deref()),
        (Some(FailureStage::CallSetup), Some("The callee did not answer before the timeout."))
    );
    let Some(AnyEndpoint::ParticipantEndpoint(caller)) = &session.caller else { panic!() };
    let Some(AnyUserAgent::ClientUserAgent(client)) = &caller.user_agent else { panic!() };
    assert_eq!(client.product_family, Some(ProductFamily::AzureCommunicationServices));
    assert_eq!(client.platform, Some(ClientPlatform::Web));
    let Some(AnyEndpoint::ServiceEndpoint(callee)) = &session.callee else { panic!() };
    let Some(AnyUserAgent::ServiceUserAgent(service)) = &callee.user_agent else { panic!() };
    assert_eq!(service.role, Some(ServiceRole::SkypeForBusinessAudioVideoMcu));

    let segment = &session.segments.get().expect("segments")[0];
    assert_eq!(segment.failure_info.as_ref().and_then(|f| f.stage.clone()), Some(FailureStage::Midcall));
    let network = segment.media.as_ref().and_then(|m| m[0].caller_network.as_ref()).expect("network");
    assert_eq!(network.connection_type, Some(NetworkConnectionType::Mobile));
    let hops: Vec<(i32, i128)> = network
        .trace_route_hops
        .iter()
        .flatten()
        .map(|h| {
            (
                h.hop_count.unwrap_or_default(),
                h.round_trip_time.map(|d| d.to_time_duration().whole_microseconds()).unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(hops, [(1, 1200), (2, 21000)]);
}

#[test]
fn product_families_after_unknown_future_value_and_their_values() {
    assert_eq!(ProductFamily::UnknownFutureValue.member_value(), Some(4));
    assert_eq!(ProductFamily::AzureCommunicationServices.member_value(), Some(5));
    assert_eq!(
        ProductFamily::from_member_name("azureCommunicationServices"),
        Some(ProductFamily::AzureCommunicationServices)
    );
}

#[test]
fn the_organizer_navigation_of_the_published_participants_example() {
    let record: CallRecord = assert_round_trip(&example("callrecords-callrecord-get-3.json"));
    let organizer = record.organizer_v2.get().expect("expanded");
    assert_eq!(organizer.id.as_deref(), Some("821809f5-0000-0000-0000-3b5136c0e777"));
    let participants = record.participants_v2.get().expect("expanded");
    assert_eq!(participants.len(), 2);
    assert!(record.participants_v2.next_link().is_some_and(|l| l.ends_with("$skiptoken=abc")));
}

#[test]
fn pstn_charges_keep_their_exact_digits() {
    let page: Page<PstnCallLogRow> = assert_round_trip(&example("callrecords-callrecord-getpstncalls-1.json"));
    let row = &page.value[0];
    let charge = row.charge.as_ref().map(Decimal::as_str).expect("charge");
    assert!(
        example("callrecords-callrecord-getpstncalls-1.json").contains(&format!("\"charge\": {charge}")),
        "{charge}"
    );
    let encoded = serde_json::to_string(&page).expect("encode");
    assert!(encoded.contains(&format!("\"charge\":{charge}")), "{encoded}");
    let source: PstnCallLogRow = serde_json::from_str(r#"{"callDurationSource": "operator"}"#).expect("decode");
    assert_eq!(source.call_duration_source, Some(PstnCallDurationSource::Operator));
}

#[test]
fn the_bound_functions_describe_themselves() {
    let pstn = GetPstnCalls::OPERATION_INFO;
    assert_eq!((pstn.qualified_name, pstn.kind), ("microsoft.graph.callRecords.getPstnCalls", OperationKind::Function));
    let binding = pstn.binding.as_ref().expect("bound");
    assert_eq!(
        (binding.name, binding.ty.to_string()),
        ("bindingParameter", "Collection(microsoft.graph.callRecords.callRecord)".to_owned())
    );
    let parameters: Vec<(&str, String)> = pstn.parameters.iter().map(|p| (p.name, p.ty.to_string())).collect();
    assert_eq!(
        parameters,
        [("fromDateTime", "Edm.DateTimeOffset".to_owned()), ("toDateTime", "Edm.DateTimeOffset".to_owned())]
    );
    let returns = pstn.return_type.as_ref().expect("returns").ty.to_string();
    assert_eq!(returns, "Collection(microsoft.graph.callRecords.pstnCallLogRow)");
    assert_eq!(GetDirectRoutingCalls::OPERATION_INFO.name, "getDirectRoutingCalls");
    let registered: Vec<&str> = odata_core::registry::all_operations().map(|o| o.name).collect();
    assert!(registered.contains(&"getPstnCalls") && registered.contains(&"getDirectRoutingCalls"), "{registered:?}");
}

#[test]
fn deprecated_properties_are_kept_and_read() {
    #[allow(deprecated)] // reading what the service still sends
    fn organizer_name(record: &CallRecord) -> Option<String> {
        record.organizer.as_ref().and_then(|o| o.user.as_ref()).and_then(|u| u.display_name.clone())
    }
    let page: Page<CallRecord> = assert_round_trip(&example("callrecords-cloudcommunications-list-callrecords-1.json"));
    let record = &page.value[0];
    assert_eq!(
        <CallRecord as ODataType>::TYPE_INFO.property("organizer").map(|p| p.ty.to_string()),
        Some("microsoft.graph.identitySet".to_owned())
    );
    assert!(organizer_name(record).is_some(), "the deprecated organizer is read alongside organizer_v2");
    assert!(record.organizer_v2.is_expanded());
}
