//! Writes: the exact bodies of updates, creates (deep inserts, binds in both versions), and the
//! ETag preconditions with their typed errors.

use http::StatusCode;
use odata_core::query::ServiceRoot;
use odata_core::request::{ChangeError, Changes, ResponseError, ResponseErrorKind, WriteRequest};
use odata_core::{AdditionalData, DateTimeOffset, Navigation, ODataEntity, ODataVersion};
use odata_graph::Entity;
use odata_graph::call_records::{CallRecord, FailureInfo, FailureStage, Modality, Segment, Session};
use serde_json::{Value, json};

/// The first session of the docs' "List sessions" response.
fn session() -> Session {
    let text = odata_tests::example("callrecords-callrecord-list-sessions-1.json");
    let page: odata_core::Page<Session> = serde_json::from_str(&text).expect("a page of sessions");
    page.value.into_iter().next().expect("a session")
}

fn body<T>(changes: &Changes<T>) -> Value {
    changes.to_value().expect("encodes")
}

fn date(text: &str) -> DateTimeOffset {
    DateTimeOffset::parse(text).expect("date")
}

#[test]
fn one_changed_property_is_the_whole_body() {
    let before = session();
    let mut after = before.clone();
    after.end_date_time = Some(date("2030-01-01T00:00:00Z"));
    assert_eq!(body(&Changes::diff(&before, &after).expect("diff")), json!({"endDateTime": "2030-01-01T00:00:00Z"}));
    let typed = Changes::<Session>::new().set(Session::END_DATE_TIME, date("2030-01-01T00:00:00Z"));
    assert_eq!(body(&typed), json!({"endDateTime": "2030-01-01T00:00:00Z"}));
    assert!(Changes::diff(&before, &before.clone()).expect("diff").is_empty());
}

#[test]
fn clearing_sends_null() {
    let mut before = session();
    before.failure_info = Some(FailureInfo { reason: Some("x".into()), ..Default::default() });
    let mut after = before.clone();
    after.failure_info = None;
    assert_eq!(body(&Changes::diff(&before, &after).expect("diff")), json!({"failureInfo": null}));
    assert_eq!(body(&Changes::<Session>::new().clear(Session::FAILURE_INFO)), json!({"failureInfo": null}));
}

#[test]
fn a_nested_change_sends_the_complex_value_whole() {
    let mut before = session();
    before.failure_info =
        Some(FailureInfo { reason: Some("x".into()), stage: Some(FailureStage::CallSetup), ..Default::default() });
    let mut after = before.clone();
    if let Some(info) = after.failure_info.as_mut() {
        info.reason = Some("timeout".into());
    }
    assert_eq!(
        body(&Changes::diff(&before, &after).expect("diff")),
        json!({"failureInfo": {"reason": "timeout", "stage": "callSetup"}})
    );
    // A path sets one member (merged by OData 4.01 services).
    let nested = Changes::<Session>::new().set(Session::FAILURE_INFO.then(FailureInfo::REASON), "timeout");
    assert_eq!(body(&nested), json!({"failureInfo": {"reason": "timeout"}}));
    // Collections are replaced whole.
    let mut after = before.clone();
    after.modalities = Some(vec![Modality::Audio, Modality::Video]);
    assert_eq!(body(&Changes::diff(&before, &after).expect("diff"))["modalities"], json!(["audio", "video"]));
}

/// An entity with a read-only property and a single-valued navigation property.
#[derive(ODataEntity, Debug, Clone, Default, PartialEq)]
#[odata(type = "test.document", key_property = "id")]
pub struct Document {
    /// The key.
    #[odata(nullable = false)]
    pub id: Option<String>,
    /// Writable.
    pub title: Option<String>,
    /// Computed by the service.
    #[odata(read_only)]
    pub last_modified: Option<DateTimeOffset>,
    /// Another document.
    #[odata(navigation)]
    pub owner: Navigation<Document>,
    /// Unknown data.
    pub additional_data: AdditionalData,
}

#[test]
fn keys_read_only_properties_and_annotations_are_never_sent() {
    let before = Document { id: Some("d1".into()), title: Some("a".into()), ..Default::default() };
    let mut after = before.clone();
    after.title = Some("b".into());
    after.last_modified = Some(date("2030-01-01T00:00:00Z"));
    after.additional_data.insert_annotation("@odata.etag", json!("W/\"2\""));
    after.owner = Navigation::expanded(Document::default());
    assert_eq!(body(&Changes::diff(&before, &after).expect("diff")), json!({"title": "b"}));
    after.id = Some("d2".into());
    assert_eq!(
        Changes::diff(&before, &after).map(|c| c.is_empty()),
        Err(ChangeError::KeyChanged { type_name: "test.document", property: "id".into() })
    );
    // `Changes::set(Document::ID, ..)` and `set(Document::LAST_MODIFIED, ..)` do not compile:
    // tests/ui/write/.
    let _ = Document::ID.eq("d1");
}

#[test]
fn binds_in_both_versions_and_deep_inserts() {
    let root = ServiceRoot::new("http://127.0.0.1:4004/odata/v4/svc").expect("root");
    let documents = root.entity_set::<Document>("Documents");
    let new = Document { id: Some("d3".into()), owner: Navigation::bind("Documents('d1')"), ..Default::default() };
    let v40 = WriteRequest::create(&documents, &new, ODataVersion::V4_0).expect("request");
    assert_eq!(
        serde_json::from_slice::<Value>(v40.body().expect("a body")).expect("JSON"),
        json!({"id": "d3", "owner@odata.bind": "Documents('d1')"})
    );
    let v401 = WriteRequest::create(&documents, &new, ODataVersion::V4_01).expect("request");
    assert_eq!(
        serde_json::from_slice::<Value>(v401.body().expect("a body")).expect("JSON"),
        json!({"id": "d3", "owner": {"@id": "Documents('d1')"}})
    );
    assert_eq!(v401.to_http().expect("http").headers()["odata-version"], "4.01");

    // A call record with its sessions and their segments: one deep insert.
    let segment = Segment { entity: Entity { id: Some("g1".into()), ..Default::default() }, ..Default::default() };
    let mut session = Session { entity: Entity { id: Some("s1".into()), ..Default::default() }, ..Default::default() };
    session.segments = Navigation::expanded(vec![segment]);
    let mut record =
        CallRecord { entity: Entity { id: Some("r1".into()), ..Default::default() }, ..Default::default() };
    record.sessions = Navigation::expanded(vec![session]);
    record.participants_v2 = Navigation::bind_all(["participants('p1')", "participants('p2')"]);
    let records = root.entity_set::<CallRecord>("CallRecords");
    let post = WriteRequest::create(&records, &record, ODataVersion::V4_0).expect("request");
    assert_eq!(
        serde_json::from_slice::<Value>(post.body().expect("a body")).expect("JSON"),
        json!({
            "id": "r1",
            "participants_v2@odata.bind": ["participants('p1')", "participants('p2')"],
            "sessions": [{"id": "s1", "segments": [{"id": "g1"}]}]
        })
    );
    assert_eq!((post.method().as_str(), post.url()), ("POST", "http://127.0.0.1:4004/odata/v4/svc/CallRecords"));
}

#[test]
fn etags_guard_updates_and_deletes() {
    let root = ServiceRoot::new("http://h/svc").expect("root");
    let document = root.entity_set::<Document>("Documents").key("d1");
    let changes = Changes::<Document>::new().set(Document::TITLE, "new");
    let patch =
        WriteRequest::update(&document, &changes).expect("request").if_match("W/\"42\"").return_representation();
    let http = patch.to_http().expect("http");
    assert_eq!(http.method(), "PATCH");
    assert_eq!(http.uri(), "http://h/svc/Documents('d1')");
    assert_eq!(http.headers()["if-match"], "W/\"42\"");
    assert_eq!(http.headers()["prefer"], "return=representation");
    assert_eq!(http.body().as_slice(), br#"{"title":"new"}"#);

    let delete = WriteRequest::delete(&document).if_match_any();
    assert_eq!(delete.to_http().expect("http").headers()["if-match"], "*");

    let respond = |status: u16, body: &str| {
        http::Response::builder().status(status).body(body.as_bytes().to_vec()).expect("response")
    };
    let stale = patch.read_response(respond(412, r#"{"error":{"code":"412","message":"ETag mismatch"}}"#));
    assert!(
        matches!(stale.as_ref().map_err(ResponseError::kind), Err(ResponseErrorKind::PreconditionFailed(Some(e))) if e.message == "ETag mismatch"),
        "{stale:?}"
    );
    let missing = patch.read_response(respond(428, ""));
    assert!(matches!(
        missing.as_ref().map_err(ResponseError::kind),
        Err(ResponseErrorKind::PreconditionRequired(None))
    ));
    assert_eq!(missing.err().map(|e| e.status()), Some(StatusCode::PRECONDITION_REQUIRED));
    assert_eq!(delete.read_response(respond(204, "")), Ok(None));
    let stored = patch.read_response(respond(200, r#"{"@odata.etag":"W/\"43\"","id":"d1","title":"new"}"#));
    let stored = stored.expect("ok").expect("a representation");
    assert_eq!(stored.additional_data.etag().as_deref(), Some("W/\"43\""));
    // A write's response keeps the `ETag` header too, as a read's does.
    let created = http::Response::builder().status(201).header("etag", "W/\"1\"").body(br#"{"id":"d2"}"#.to_vec());
    let created = patch.read_response(created.expect("response")).expect("ok").expect("the entity");
    assert_eq!(created.additional_data.etag().as_deref(), Some("W/\"1\""));
}

#[test]
fn the_etag_header_is_kept_with_a_single_entity() {
    let root = ServiceRoot::new("http://h/svc").expect("root");
    let document = root.entity_set::<Document>("Documents").key("d1");
    let request = odata_core::request::ReadRequest::new(&document).if_none_match("W/\"1\"");
    assert_eq!(request.to_http().expect("http").headers()["if-none-match"], "W/\"1\"");
    let response = http::Response::builder()
        .status(200)
        .header("etag", "W/\"7\"")
        .body(br#"{"id":"d1"}"#.to_vec())
        .expect("response");
    let read = request.read_response(response).expect("ok");
    assert_eq!(read.additional_data.etag().as_deref(), Some("W/\"7\""));
    // An `@odata.etag` in the body wins.
    let response = http::Response::builder()
        .status(200)
        .header("etag", "W/\"7\"")
        .body(br#"{"@odata.etag":"W/\"8\"","id":"d1"}"#.to_vec())
        .expect("response");
    assert_eq!(request.read_response(response).expect("ok").additional_data.etag().as_deref(), Some("W/\"8\""));
    let not_modified = http::Response::builder().status(304).body(Vec::new()).expect("response");
    let error = request.read_response(not_modified).expect_err("304");
    assert_eq!((error.status(), error.kind()), (StatusCode::NOT_MODIFIED, &ResponseErrorKind::NotModified));
}

#[test]
fn creates_and_replaces_leave_out_read_only_properties_and_replaces_the_key() {
    let root = ServiceRoot::new("http://h/svc").expect("root");
    let documents = root.entity_set::<Document>("Documents");
    let mut value = Document {
        id: Some("d1".into()),
        title: Some("t".into()),
        last_modified: Some(date("2030-01-01T00:00:00Z")),
        ..Default::default()
    };
    value.additional_data.insert_annotation("@odata.type", json!("#test.document"));
    let post = WriteRequest::create(&documents, &value, ODataVersion::V4_0).expect("request");
    assert_eq!(
        std::str::from_utf8(post.body().expect("a body")),
        Ok(r##"{"@odata.type":"#test.document","id":"d1","title":"t"}"##)
    );
    let put = WriteRequest::replace(&documents.key("d1"), &value).expect("request");
    assert_eq!(
        std::str::from_utf8(put.body().expect("a body")),
        Ok(r##"{"@odata.type":"#test.document","title":"t"}"##)
    );
    assert_eq!(put.method(), "PUT");
}

/// A singleton-only type without a key, and a property whose name is not an identifier.
#[derive(ODataEntity, Debug, Clone, Default, PartialEq)]
#[odata(type = "test.innerError", keyless)]
pub struct InnerError {
    /// Graph's `innerError` spells it with a dash.
    #[odata(rename = "request-id")]
    pub request_id: Option<String>,
    /// Unknown data.
    pub additional_data: AdditionalData,
}

#[test]
fn keyless_types_and_dashed_names_round_trip() {
    let error: InnerError = serde_json::from_str(r#"{"request-id":"r1","date":"x"}"#).expect("decodes");
    assert_eq!(error.request_id.as_deref(), Some("r1"));
    assert_eq!(serde_json::to_value(&error).expect("encodes"), json!({"request-id": "r1", "date": "x"}));
    assert!(<InnerError as odata_core::ODataType>::TYPE_INFO.key().is_empty());
    assert_eq!(InnerError::REQUEST_ID.path(), "request-id");
}

/// A product as an OData service returns it: every kind of response-only control information.
const READ_PRODUCT: &str = r##"{
    "@odata.context": "http://h/svc/$metadata#Documents/$entity",
    "@odata.metadataEtag": "W/\"m1\"",
    "@odata.type": "#test.document",
    "@odata.id": "http://h/svc/Documents('d1')",
    "@odata.etag": "W/\"7\"",
    "@odata.editLink": "Documents('d1')",
    "@odata.readLink": "Documents('d1')",
    "@ns.note": "kept: an instance annotation of another vocabulary",
    "id": "d1",
    "title": "t",
    "owner@odata.navigationLink": "Documents('d1')/owner",
    "owner@odata.associationLink": "Documents('d1')/owner/$ref",
    "owner@odata.context": "http://h/svc/$metadata#Documents/$entity",
    "owner": {
        "@etag": "W/\"9\"",
        "@id": "Documents('d0')",
        "id": "d0",
        "title": "the owner"
    },
    "extra@odata.mediaEditLink": "Documents('d1')/extra",
    "extra@odata.mediaReadLink": "Documents('d1')/extra",
    "extra@odata.mediaEtag": "W/\"3\"",
    "extra@odata.mediaContentType": "image/png",
    "extra": "stays: an unknown property"
}"##;

#[test]
fn request_bodies_carry_no_response_only_control_information() {
    // Read, keep everything (the value as read writes back exactly)...
    let mut product: Document = odata_tests::assert_round_trip(READ_PRODUCT);
    // ...change the key, send it as a new entity (a deep insert of its owner).
    product.id = Some("d2".into());
    let root = ServiceRoot::new("http://h/svc").expect("root");
    let post =
        WriteRequest::create(&root.entity_set::<Document>("Documents"), &product, ODataVersion::V4_0).expect("request");
    let expected = json!({
        "@odata.type": "#test.document",
        "@ns.note": "kept: an instance annotation of another vocabulary",
        "id": "d2",
        "title": "t",
        "owner": {"id": "d0", "title": "the owner"},
        "extra@odata.mediaContentType": "image/png",
        "extra": "stays: an unknown property"
    });
    let text = std::str::from_utf8(post.body().expect("a body")).expect("UTF-8");
    odata_tests::strict::compare_texts(&expected.to_string(), text).expect("a request body");
    // The same for a replace (the key is in the URL) and a diff (PATCH).
    let put = WriteRequest::replace(&root.entity_set::<Document>("Documents").key("d2"), &product).expect("request");
    let text = std::str::from_utf8(put.body().expect("a body")).expect("UTF-8");
    for response_only in ["@odata.context", "@odata.etag", "@odata.id", "@odata.editLink", "@etag", "@id", "Link"] {
        assert!(!text.contains(response_only), "{response_only} in {text}");
        assert!(!post.body().is_some_and(|b| String::from_utf8_lossy(b).contains(response_only)));
    }
    let mut changed: Document = serde_json::from_str(READ_PRODUCT).expect("decode");
    changed.owner.get_mut().expect("expanded").title = Some("new".into());
    changed.title = Some("u".into());
    let before: Document = serde_json::from_str(READ_PRODUCT).expect("decode");
    assert_eq!(body(&Changes::diff(&before, &changed).expect("diff")), json!({"title": "u"}));
    // Encoding for a request is a choice of the caller too.
    let options = odata_core::EncodeOptions::new().payload(odata_core::Payload::Request);
    let encoded = odata_core::to_string_with(&before, options).expect("encode");
    assert!(!encoded.contains("odata.etag") && encoded.contains("\"@odata.type\""), "{encoded}");
}

#[test]
fn a_null_the_program_asks_for_is_sent_and_a_diff_sees_it() {
    use odata_core::ODataStructured;
    let root = ServiceRoot::new("http://h/svc").expect("root");
    let mut value = Document { id: Some("d1".into()), ..Default::default() };
    assert!(value.set_null(&Document::TITLE));
    let post =
        WriteRequest::create(&root.entity_set::<Document>("Documents"), &value, ODataVersion::V4_0).expect("request");
    assert_eq!(post.body(), Some(&br#"{"id":"d1","title":null}"#[..]));
    let before = Document { id: Some("d1".into()), ..Default::default() };
    assert_eq!(body(&Changes::diff(&before, &value).expect("diff")), json!({"title": null}));
    // Read as null and left alone: no change.
    let read: Document = serde_json::from_str(r#"{"id": "d1", "title": null}"#).expect("decode");
    assert!(Changes::diff(&read, &read.clone()).expect("diff").is_empty());
}

/// A product with a price of many digits.
#[derive(ODataEntity, Debug, Clone, Default, PartialEq)]
#[odata(type = "test.priced", key_property = "id")]
pub struct Priced {
    /// The key.
    pub id: Option<String>,
    /// `Edm.Decimal`: every digit counts.
    pub price: Option<odata_core::Decimal>,
    /// Unknown data.
    pub additional_data: AdditionalData,
}

#[test]
fn updates_send_every_digit() {
    let digits = "1234567890.1234567890123456789";
    let price: odata_core::Decimal = digits.parse().expect("a decimal");
    let set = Changes::<Priced>::new().set(Priced::PRICE, price.clone());
    assert_eq!(set.to_json().expect("encodes"), format!(r#"{{"price":{digits}}}"#));
    assert_eq!(set.get("price").as_deref(), Some(digits));
    let before: Priced =
        serde_json::from_str(r#"{"id": "p", "price": 0.10, "rate": 0.1000000000000000000000001}"#).expect("decode");
    let mut after = before.clone();
    after.price = Some(price);
    let diff = Changes::diff(&before, &after).expect("diff");
    assert_eq!(diff.to_json().expect("encodes"), format!(r#"{{"price":{digits}}}"#));
    let root = ServiceRoot::new("http://h/svc").expect("root");
    let patch = WriteRequest::update(&root.entity_set::<Priced>("Products").key("p"), &diff).expect("request");
    assert_eq!(patch.body(), Some(format!(r#"{{"price":{digits}}}"#).as_bytes()));
    // `0.10` and `0.1` are not the same text: a diff sends the new one, as written.
    let mut trimmed = before.clone();
    trimmed.price = Some("0.1".parse().expect("a decimal"));
    assert_eq!(Changes::diff(&before, &trimmed).expect("diff").to_json().expect("encodes"), r#"{"price":0.1}"#);
}
