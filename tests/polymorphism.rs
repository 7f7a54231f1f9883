//! Properties whose declared type has derived types: `@odata.type` picks the Rust variant, in
//! every spelling and position; unknown derived types keep their data; types outside the
//! hierarchy are errors; the annotation is written where it is needed.

use odata_core::{
    AdditionalData, Decimal, EncodeOptions, ODataComplex, ODataStructured, ODataType, Page, to_string_with,
};
use odata_graph::call_records::{
    AnyEndpoint, AnyParticipantBase, AnyUserAgent, ClientPlatform, ClientUserAgent, Endpoint, ParticipantEndpoint,
    ServiceEndpoint, ServiceRole, ServiceUserAgent, Session, UserAgent,
};
use odata_graph::{AnyIdentity, AnyIdentitySet, IdentitySet};
use odata_tests::{assert_round_trip, round_trip_differences};
use serde_json::{Value, json};

// A three-level hierarchy of the test's own: shape -> polygon -> square, and an unrelated circle.
// The holder lists shape and square only, so polygon is a known derived type it does not list.

#[derive(ODataComplex, Debug, Clone, Default, PartialEq)]
#[odata(type = "test.shape")]
struct Shape {
    name: Option<String>,
    additional_data: AdditionalData,
}

#[derive(ODataComplex, Debug, Clone, Default, PartialEq)]
#[odata(type = "test.polygon", base_type = "test.shape")]
struct Polygon {
    #[odata(base)]
    shape: Shape,
    corners: Option<i32>,
}

#[derive(ODataComplex, Debug, Clone, Default, PartialEq)]
#[odata(type = "test.square", base_type = "test.polygon")]
struct Square {
    #[odata(base)]
    polygon: Polygon,
    side: Option<Decimal>,
}

#[derive(ODataComplex, Debug, Clone, Default, PartialEq)]
#[odata(type = "test.circle")]
struct Circle {
    radius: Option<f64>,
}

#[derive(ODataComplex, Debug, Clone, PartialEq)]
#[odata(type = "test.shape")]
enum AnyShape {
    Shape(Shape),
    Square(Square),
}

#[derive(ODataComplex, Debug, Clone, Default, PartialEq)]
#[odata(type = "test.drawing")]
struct Drawing {
    main: Option<AnyShape>,
    others: Option<Vec<AnyShape>>,
    additional_data: AdditionalData,
}

fn decode<T: serde::de::DeserializeOwned>(value: Value) -> T {
    serde_json::from_value(value).unwrap_or_else(|e| panic!("decode failed: {e}"))
}

fn error<T: serde::de::DeserializeOwned + std::fmt::Debug>(text: &str) -> String {
    serde_json::from_str::<T>(text).expect_err("decoding should fail").to_string()
}

#[test]
fn endpoints_decode_as_their_derived_types() {
    let session: Session = decode(json!({
        "id": "s",
        "caller": {"@odata.type": "#microsoft.graph.callRecords.participantEndpoint", "name": "pc-1", "cpuCoresCount": 8,
                   "userAgent": {"@odata.type": "#microsoft.graph.callRecords.clientUserAgent", "platform": "macOS", "headerValue": "h"}},
        "callee": {"@odata.type": "#microsoft.graph.callRecords.serviceEndpoint",
                   "userAgent": {"@odata.type": "#microsoft.graph.callRecords.serviceUserAgent", "role": "conferencingAttendant"}}
    }));
    let Some(AnyEndpoint::ParticipantEndpoint(caller)) = &session.caller else { panic!("{:?}", session.caller) };
    assert_eq!((caller.name.as_deref(), caller.cpu_cores_count), (Some("pc-1"), Some(8)));
    let agent = caller.user_agent.as_ref().and_then(AnyUserAgent::as_client_user_agent).expect("client user agent");
    assert_eq!(agent.platform, Some(ClientPlatform::MacOS));
    assert_eq!(agent.header_value.as_deref(), Some("h"), "inherited property through Deref");

    let callee = session.callee.as_ref().expect("callee");
    assert!(callee.as_service_endpoint().is_some());
    assert_eq!(callee.instance_type().name, "serviceEndpoint");
    let Some(AnyUserAgent::ServiceUserAgent(service)) = &callee.user_agent else { panic!() };
    assert_eq!(service.role, Some(ServiceRole::ConferencingAttendant));
}

#[test]
fn without_an_annotation_the_value_is_of_the_declared_type() {
    let endpoint: AnyEndpoint = decode(json!({"userAgent": {"headerValue": "x", "platform": "web"}}));
    let AnyEndpoint::Endpoint(plain) = &endpoint else { panic!("{endpoint:?}") };
    // userAgent is abstract: its data is kept rather than failing the whole value.
    let Some(AnyUserAgent::UserAgent(agent)) = &plain.user_agent else { panic!() };
    assert_eq!(agent.header_value.as_deref(), Some("x"));
    assert_eq!(agent.additional_data.property_value("platform"), Some(json!("web")));
    let empty: AnyEndpoint = decode(json!({}));
    assert_eq!(empty, AnyEndpoint::Endpoint(Endpoint::default()));
    assert_eq!(
        serde_json::to_string(&endpoint).expect("encode"),
        r#"{"userAgent":{"headerValue":"x","platform":"web"}}"#
    );
}

#[test]
fn the_annotation_first_or_last_in_every_spelling_gives_the_same_value() {
    let first: AnyEndpoint = decode(
        json!({"@odata.type": "#microsoft.graph.callRecords.participantEndpoint", "name": "n", "cpuCoresCount": 2}),
    );
    for annotation in [
        json!({"@odata.type": "#microsoft.graph.callRecords.participantEndpoint"}),
        json!({"@odata.type": "microsoft.graph.callRecords.participantEndpoint"}),
        json!({"@type": "#microsoft.graph.callRecords.participantEndpoint"}),
        json!({"@type": "microsoft.graph.callRecords.participantEndpoint"}),
        json!({"@odata.type": "https://graph.microsoft.com/v1.0/$metadata#microsoft.graph.callRecords.participantEndpoint"}),
    ] {
        let (key, value) = annotation.as_object().and_then(|o| o.iter().next()).expect("one member");
        // Last: `{"name": .., "cpuCoresCount": .., "@type": ..}` takes the buffered path.
        let last = format!(r#"{{"name": "n", "cpuCoresCount": 2, "{key}": {value}}}"#);
        let decoded: AnyEndpoint = serde_json::from_str(&last).unwrap_or_else(|e| panic!("{last}: {e}"));
        let AnyEndpoint::ParticipantEndpoint(p) = &decoded else { panic!("{last} gave {decoded:?}") };
        assert_eq!((p.name.as_deref(), p.cpu_cores_count), (Some("n"), Some(2)), "{last}");
        let annotation = p.additional_data().and_then(|d| d.type_annotation()).expect("kept");
        assert_eq!((annotation.key().as_str(), annotation.value()), (key.as_str(), value.as_str().expect("string")));
        // Written back first, as read.
        let text = serde_json::to_string(&decoded).expect("encode");
        assert!(text.starts_with(&format!(r#"{{"{key}":{value}"#)), "{text}");
        let middle = format!(r#"{{"name": "n", "{key}": {value}, "cpuCoresCount": 2}}"#);
        assert_eq!(serde_json::from_str::<AnyEndpoint>(&middle).expect("decode"), decoded);
    }
    assert!(first.as_participant_endpoint().is_some());
}

#[test]
fn a_late_annotation_keeps_exact_numbers_and_error_paths() {
    let text = r##"{"main": {"name": "sq", "side": 0.50, "corners": 4, "@odata.type": "#test.square"}}"##;
    let drawing: Drawing = serde_json::from_str(text).expect("decode");
    let Some(AnyShape::Square(square)) = &drawing.main else { panic!("{:?}", drawing.main) };
    assert_eq!(square.side.as_ref().map(Decimal::as_str), Some("0.50"), "replayed from the raw text");
    assert_eq!(square.corners, Some(4), "two levels up the chain");
    assert_eq!(square.name.as_deref(), Some("sq"), "three levels up the chain");
    assert!(serde_json::to_string(&drawing).expect("encode").contains(r#""side":0.50"#));

    let message = error::<Drawing>(r##"{"others": [{}, {"corners": "four", "@odata.type": "#test.square"}]}"##);
    assert!(
        message.starts_with("$.others[1].corners: invalid type: string \"four\", expected Edm.Int32 (test.square)"),
        "{message}"
    );
    let message = error::<Drawing>(r##"{"main": {"@odata.type": "#test.square", "corners": "four"}}"##);
    assert!(
        message.starts_with("$.main.corners: invalid type: string \"four\", expected Edm.Int32 (test.square)"),
        "{message}"
    );
}

#[test]
fn a_late_annotation_naming_the_declared_type_keeps_derived_looking_members_as_data() {
    // `name` and `cpuCoresCount` belong to participantEndpoint, but the value says it is an endpoint.
    let text = r##"{"name": "n", "cpuCoresCount": 0.50, "@odata.type": "#microsoft.graph.callRecords.endpoint", "userAgent": null}"##;
    let endpoint: AnyEndpoint = assert_round_trip(text);
    let AnyEndpoint::Endpoint(plain) = &endpoint else { panic!("{endpoint:?}") };
    assert_eq!(plain.additional_data.property_value("name"), Some(json!("n")));
    let names: Vec<&str> = plain.additional_data.properties().map(|(k, _)| k).collect();
    assert_eq!(names, ["name", "cpuCoresCount"], "kept in the order read");
    assert_eq!(
        plain.additional_data.type_annotation().map(|a| a.value()),
        Some("#microsoft.graph.callRecords.endpoint")
    );
}

#[test]
fn an_unknown_derived_type_decodes_as_the_declared_type_and_is_written_back_unchanged() {
    for text in [
        r##"{"@odata.type": "#microsoft.graph.callRecords.holographicEndpoint", "userAgent": {"headerValue": "h"}, "hologram": {"fps": 90}}"##,
        r##"{"hologram": {"fps": 90}, "@type": "microsoft.graph.callRecords.holographicEndpoint", "userAgent": {"headerValue": "h"}}"##,
    ] {
        let endpoint: AnyEndpoint = assert_round_trip(text);
        let AnyEndpoint::Endpoint(plain) = &endpoint else { panic!("{endpoint:?}") };
        assert_eq!(
            plain.additional_data.type_annotation().map(|a| a.type_name()),
            Some("microsoft.graph.callRecords.holographicEndpoint")
        );
        assert_eq!(plain.additional_data.property_value("hologram"), Some(json!({"fps": 90})));
        assert_eq!(endpoint.user_agent.as_ref().and_then(|a| a.header_value.as_deref()), Some("h"));
    }
    // Under an abstract declared type too.
    let agent: AnyUserAgent = assert_round_trip(
        r##"{"@odata.type": "#microsoft.graph.callRecords.botUserAgent", "headerValue": "bot/1", "botId": "b"}"##,
    );
    let AnyUserAgent::UserAgent(plain) = &agent else { panic!("{agent:?}") };
    assert_eq!(plain.additional_data.property_value("botId"), Some(json!("b")));
    assert!(<UserAgent as ODataType>::TYPE_INFO.is_abstract);
}

#[test]
fn a_known_derived_type_the_holder_does_not_list_keeps_its_data_in_the_declared_type() {
    let shape: AnyShape = assert_round_trip(r##"{"@odata.type": "#test.polygon", "name": "tri", "corners": 3}"##);
    let AnyShape::Shape(plain) = &shape else { panic!("{shape:?}") };
    assert_eq!(plain.additional_data.property_value("corners"), Some(json!(3)));
    assert_eq!(plain.additional_data.type_annotation().map(|a| a.type_name()), Some("test.polygon"));
}

#[test]
fn a_known_type_outside_the_hierarchy_is_an_error_naming_path_and_both_types() {
    let message = error::<Session>(
        r##"{"id": "s", "caller": {"@odata.type": "#microsoft.graph.callRecords.clientUserAgent", "platform": "web"}}"##,
    );
    assert!(
        message.starts_with("$.caller.@odata.type: the value's type microsoft.graph.callRecords.clientUserAgent is not microsoft.graph.callRecords.endpoint or a type derived from it (microsoft.graph.callRecords.endpoint)"),
        "{message}"
    );
    let message = error::<Drawing>(r##"{"others": [{"name": "c", "@type": "test.circle"}]}"##);
    assert!(
        message
            .starts_with("$.others[0].@type: the value's type test.circle is not test.shape or a type derived from it"),
        "{message}"
    );
    // A type that is not polymorphic here checks its annotation too.
    let message = error::<IdentitySet>(r##"{"@odata.type": "#microsoft.graph.callRecords.session"}"##);
    assert!(
        message.contains(
            "microsoft.graph.callRecords.session is not microsoft.graph.identitySet or a type derived from it"
        ),
        "{message}"
    );
}

#[test]
fn the_same_annotation_twice_is_accepted_and_different_ones_are_an_error() {
    let twice = r##"{"@odata.type": "#microsoft.graph.callRecords.serviceEndpoint", "@type": "microsoft.graph.callRecords.serviceEndpoint"}"##;
    assert!(serde_json::from_str::<AnyEndpoint>(twice).expect("decode").as_service_endpoint().is_some());
    for conflicting in [
        r##"{"@odata.type": "#microsoft.graph.callRecords.serviceEndpoint", "@odata.type": "#microsoft.graph.callRecords.participantEndpoint"}"##,
        r##"{"userAgent": null, "@odata.type": "#microsoft.graph.callRecords.serviceEndpoint", "@odata.type": "#microsoft.graph.callRecords.endpoint"}"##,
    ] {
        let message = error::<AnyEndpoint>(conflicting);
        assert!(message.contains("conflicting type annotations"), "{message}");
        assert!(message.starts_with("$.@odata.type: "), "{message}");
    }
}

#[test]
fn identities_and_identity_sets() {
    let set: AnyIdentitySet = assert_round_trip(
        r##"{"@odata.type": "#microsoft.graph.communicationsIdentitySet", "acsUser": null, "endpointType": "default",
            "user": {"@odata.type": "#microsoft.graph.userIdentity", "id": "u", "userPrincipalName": "a@contoso.com", "tenantId": "t"},
            "phone": {"@odata.type": "#microsoft.graph.callRecords.userIdentity", "userPrincipalName": "p@contoso.com"}}"##,
    );
    let AnyIdentitySet::CommunicationsIdentitySet(communications) = &set else { panic!("{set:?}") };
    let Some(AnyIdentity::UserIdentity(user)) = &communications.user else { panic!() };
    assert_eq!((user.id.as_deref(), user.user_principal_name.as_deref()), (Some("u"), Some("a@contoso.com")));
    assert_eq!(user.additional_data.property_value("tenantId"), Some(json!("t")), "open type, through the base");
    assert!(
        matches!(&communications.phone, Some(AnyIdentity::CallRecordsUserIdentity(p)) if p.user_principal_name.as_deref() == Some("p@contoso.com"))
    );
    // An identity without annotation keeps a derived type's property as data.
    let plain: AnyIdentity = assert_round_trip(r#"{"id": "x", "userPrincipalName": "x@contoso.com"}"#);
    assert_eq!(plain.additional_data.property_value("userPrincipalName"), Some(json!("x@contoso.com")));
}

#[test]
fn entity_hierarchies_through_an_abstract_base() {
    let page: Page<AnyParticipantBase> = assert_round_trip(
        r##"{"value": [
            {"@odata.type": "#microsoft.graph.callRecords.participant", "id": "p", "identity": {"user": {"id": "u"}}},
            {"@odata.type": "#microsoft.graph.callRecords.organizer", "id": "o"},
            {"id": "x", "administrativeUnitInfos": [{"id": "a"}]}
        ]}"##,
    );
    let kinds: Vec<&str> = page.iter().map(|p| p.instance_type().name).collect();
    assert_eq!(kinds, ["participant", "organizer", "participantBase"]);
    assert_eq!(page.value[0].id.as_deref(), Some("p"), "Deref through participantBase to entity");
    assert!(page.value[1].as_organizer().is_some());
    assert_eq!(page.value[2].administrative_unit_infos.as_ref().map(Vec::len), Some(1));
    let participants_v2 = odata_tests::example("callrecords-callrecord-list-participants_v2-1.json");
    let page: Page<AnyParticipantBase> = assert_round_trip(&participants_v2);
    assert!(
        page.iter().all(|p| matches!(p, AnyParticipantBase::ParticipantBase(_))),
        "no annotation: the declared type"
    );
}

#[test]
fn the_annotation_is_written_where_the_type_differs_from_the_declared_type() {
    let participant = ParticipantEndpoint { name: Some("pc".into()), ..Default::default() };
    let service_agent = ServiceUserAgent { role: Some(ServiceRole::Gateway), ..Default::default() };
    let endpoint = AnyEndpoint::from(ParticipantEndpoint {
        endpoint: Endpoint { user_agent: Some(service_agent.into()), ..Default::default() },
        ..participant
    });
    let text = serde_json::to_string(&endpoint).expect("encode");
    assert_eq!(
        text,
        r##"{"@odata.type":"#microsoft.graph.callRecords.participantEndpoint","userAgent":{"@odata.type":"#microsoft.graph.callRecords.serviceUserAgent","role":"gateway"},"name":"pc"}"##
    );
    let again: AnyEndpoint = serde_json::from_str(&text).expect("decode");
    assert_eq!(again.as_participant_endpoint().and_then(|p| p.name.as_deref()), Some("pc"));

    // The declared type itself: nothing to say, unless asked.
    let plain = AnyEndpoint::from(Endpoint::default());
    assert_eq!(serde_json::to_string(&plain).expect("encode"), "{}");
    let always = EncodeOptions::new().always_write_type(true);
    assert_eq!(
        to_string_with(&plain, always).expect("encode"),
        r##"{"@odata.type":"#microsoft.graph.callRecords.endpoint"}"##
    );
    let set = IdentitySet::default();
    assert_eq!(to_string_with(&set, always).expect("encode"), r##"{"@odata.type":"#microsoft.graph.identitySet"}"##);
    assert_eq!(serde_json::to_string(&set).expect("encode"), "{}", "the option ends with the call");
    let service = AnyEndpoint::ServiceEndpoint(ServiceEndpoint::default());
    assert_eq!(
        serde_json::to_string(&service).expect("encode"),
        r##"{"@odata.type":"#microsoft.graph.callRecords.serviceEndpoint"}"##
    );
}

#[test]
#[allow(deprecated)] // `participantEndpoint.identity` is deprecated, and what the fixture sends
fn the_shared_fixtures_still_round_trip_through_the_hierarchies() {
    let page: Page<Session> = assert_round_trip(&odata_tests::example("callrecords-callrecord-list-sessions-2.json"));
    let session = &page.value[0];
    let callee = session.callee.as_ref().and_then(AnyEndpoint::as_participant_endpoint).expect("participant");
    let Some(AnyIdentitySet::IdentitySet(identity)) = &callee.identity else { panic!("{:?}", callee.identity) };
    assert_eq!(identity.user.as_ref().and_then(|u| u.display_name.as_deref()), Some("Owen Franklin"));
    let agent: &ClientUserAgent =
        callee.user_agent.as_ref().and_then(AnyUserAgent::as_client_user_agent).expect("client");
    assert_eq!(agent.platform, Some(ClientPlatform::Windows));
    let original = odata_tests::example("callrecords-callrecord-list-sessions-2.json");
    round_trip_differences(&original, &page).expect("lossless");
}
