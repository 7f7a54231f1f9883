//! JSON batches (OData JSON Format v4.01, section 19): the request document a service expects, and
//! a batch response read back per request, with typed bodies and the service's errors.

use http::{Method, StatusCode};
use odata_core::request::{BatchError, BatchItem, BatchRequest, BatchResponse, ResponseError};
use odata_graph::call_records::Session;
use serde::Deserialize;
use serde_json::json;

const ROOT: &str = "https://graph.microsoft.com/v1.0";

/// Three requests: a session page read through `$1`, a call record that does not exist, and a
/// created event.
fn batch() -> BatchRequest {
    let mut batch = BatchRequest::new(ROOT);
    batch.add(BatchItem::get(format!("{ROOT}/communications/callRecords/e523d2ed")));
    batch.add(BatchItem::get("$1/sessions?$top=1"));
    batch.add(BatchItem::get("communications/callRecords/missing"));
    batch.add(BatchItem::post("me/events", json!({"subject": "Review"})).id("event"));
    batch
}

/// As Graph answers: out of order, a 404 with an OData error body, a 201 with a body and headers.
const RESPONSE: &str = r#"{
  "responses": [
    {"id": "event", "status": 201,
     "headers": {"location": "https://graph.microsoft.com/v1.0/me/events/AAMk", "content-type": "application/json"},
     "body": {"id": "AAMk", "subject": "Review"}},
    {"id": "3", "status": 404,
     "headers": {"content-type": "application/json"},
     "body": {"error": {"code": "Request_ResourceNotFound", "message": "Call record not found"}}},
    {"id": "2", "status": 200,
     "body": {"@odata.context": "https://graph.microsoft.com/v1.0/$metadata#sessions",
              "value": [{"id": "e523d2ed_0", "isTest": false,
                         "startDateTime": "2020-02-25T18:52:21.2169889Z",
                         "endDateTime": "2020-02-25T18:52:46.7640013Z",
                         "modalities": ["audio"]}]},
     "@contoso.trace": "t-2"},
    {"id": "1", "status": 200, "body": {"id": "e523d2ed", "version": 1}}
  ],
  "@odata.nextLink": "https://graph.microsoft.com/v1.0/$batch?$skiptoken=abc"
}"#;

#[test]
fn request_document_follows_the_format() {
    let request = batch().to_http().unwrap();
    assert_eq!(request.method(), Method::POST);
    assert_eq!(request.uri(), "https://graph.microsoft.com/v1.0/$batch");
    assert_eq!(request.headers()["odata-version"], "4.01");
    let body: serde_json::Value = serde_json::from_slice(request.body()).unwrap();
    assert_eq!(
        body,
        json!({"requests": [
            {"id": "1", "method": "GET", "url": "communications/callRecords/e523d2ed"},
            {"id": "2", "method": "GET", "url": "$1/sessions?$top=1", "dependsOn": ["1"]},
            {"id": "3", "method": "GET", "url": "communications/callRecords/missing"},
            {"id": "event", "method": "POST", "url": "me/events",
             "headers": {"content-type": "application/json"}, "body": {"subject": "Review"}}
        ]})
    );
}

#[test]
fn responses_match_back_in_request_order() {
    let batch = batch();
    let response = BatchResponse::parse(RESPONSE.as_bytes()).unwrap();
    let statuses: Vec<_> = response.in_order(&batch).iter().map(|r| r.map(|r| r.status.as_u16())).collect();
    assert_eq!(statuses, [Some(200), Some(200), Some(404), Some(201)]);
    assert_eq!(response.next_link.as_deref(), Some("https://graph.microsoft.com/v1.0/$batch?$skiptoken=abc"));
    let created = response.get("event").unwrap();
    assert_eq!(created.headers["location"], "https://graph.microsoft.com/v1.0/me/events/AAMk");
    // Members the format does not define are kept.
    assert_eq!(response.get("2").unwrap().additional["@contoso.trace"], "t-2");
}

#[test]
fn a_missing_response_is_none() {
    let response = BatchResponse::parse(br#"{"responses":[{"id":"2","status":424}]}"#).unwrap();
    let in_order = response.in_order(&batch());
    assert!(in_order[0].is_none());
    assert_eq!(in_order[1].map(|r| r.status), Some(StatusCode::FAILED_DEPENDENCY));
}

#[test]
fn typed_bodies_and_service_errors() {
    #[derive(Deserialize, Debug, PartialEq)]
    struct Event {
        id: String,
        subject: String,
    }
    let response = BatchResponse::parse(RESPONSE.as_bytes()).unwrap();

    let event: Event = response.get("event").unwrap().read().unwrap();
    assert_eq!(event, Event { id: "AAMk".into(), subject: "Review".into() });

    let page: odata_core::Page<Session> = response.get("2").unwrap().read().unwrap();
    assert_eq!(page.value[0].id.as_deref(), Some("e523d2ed_0"));
    assert_eq!(page.value[0].is_test, Some(false));

    let missing = response.get("3").unwrap().read::<Event>().unwrap_err();
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);
    assert_eq!(missing.service_error().map(|e| e.code.as_str()), Some("Request_ResourceNotFound"));
}

#[test]
fn a_body_of_another_type_is_a_decode_error() {
    let response = BatchResponse::parse(RESPONSE.as_bytes()).unwrap();
    let error = response.get("event").unwrap().read::<Vec<String>>().unwrap_err();
    assert!(matches!(error, ResponseError::Decode { status: StatusCode::CREATED, .. }), "{error}");
}

#[test]
fn a_text_error_body_is_kept_as_text() {
    let response = BatchResponse::parse(
        br#"{"responses":[{"id":"1","status":502,"headers":{"content-type":"text/plain"},"body":"bad gateway"}]}"#,
    )
    .unwrap();
    let error = response.get("1").unwrap().read::<serde_json::Value>().unwrap_err();
    assert_eq!(error, ResponseError::Status { status: StatusCode::BAD_GATEWAY, body: "bad gateway".into() });
}

#[test]
fn invalid_batches_are_errors_not_panics() {
    let mut batch = BatchRequest::new(ROOT);
    batch.add(BatchItem::get("$2/sessions"));
    batch.add(BatchItem::get("communications/callRecords/a"));
    assert_eq!(batch.to_http().unwrap_err(), BatchError::UnknownReference { id: "1".into(), reference: "2".into() });

    let error = BatchResponse::parse(br#"{"responses":[{"id":"1","status":200},{"id":"2","status":99}]}"#).unwrap_err();
    assert_eq!(error.to_string(), "$.responses[1].status: `99` is not an HTTP status code");
}
