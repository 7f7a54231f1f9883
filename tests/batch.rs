//! JSON batches (OData JSON Format v4.01, section 19): the request document a service expects, and
//! a batch response read back per request, with typed bodies and the service's errors.

use http::{Method, StatusCode};
use odata_core::query::ServiceRoot;
use odata_core::request::{
    BatchError, BatchItem, BatchRequest, BatchResponse, Changes, RawJson, ResponseErrorKind, WriteRequest,
};
use odata_core::{AdditionalData, Decimal, Navigation, ODataEntity, ODataVersion};
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
    assert_eq!(response.get("2").unwrap().member("@contoso.trace").map(RawJson::get), Some(r#""t-2""#));
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
    assert_eq!(error.status(), StatusCode::CREATED);
    assert!(matches!(error.kind(), ResponseErrorKind::Decode(_)), "{error}");
}

#[test]
fn a_text_error_body_is_kept_as_text() {
    let response = BatchResponse::parse(
        br#"{"responses":[{"id":"1","status":502,"headers":{"content-type":"text/plain"},"body":"bad gateway"}]}"#,
    )
    .unwrap();
    let error = response.get("1").unwrap().read::<serde_json::Value>().unwrap_err();
    assert_eq!(error.status(), StatusCode::BAD_GATEWAY);
    assert_eq!(error.kind(), &ResponseErrorKind::Status { body: "bad gateway".into() });
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

/// A product with exact numbers and two navigation properties.
#[derive(ODataEntity, Debug, Clone, Default, PartialEq)]
#[odata(type = "test.product", key_property = "id")]
pub struct Product {
    /// The key.
    pub id: Option<String>,
    /// An `Edm.Decimal` with more digits than an `f64` keeps.
    pub price: Option<Decimal>,
    /// An `Edm.Decimal` with a trailing zero.
    pub rate: Option<Decimal>,
    /// An `Edm.Int64`.
    pub stock: Option<i64>,
    /// Parts, expanded in a read, inserted with the product in a create.
    #[odata(navigation)]
    pub parts: Navigation<Vec<Part>>,
    /// An existing supplier, bound in a create.
    #[odata(navigation)]
    pub supplier: Navigation<Part>,
    /// Unknown data.
    pub additional_data: AdditionalData,
}

/// A part of a product.
#[derive(ODataEntity, Debug, Clone, Default, PartialEq)]
#[odata(type = "test.part", key_property = "id")]
pub struct Part {
    /// The key.
    pub id: Option<String>,
    /// An `Edm.Decimal`.
    pub weight: Option<Decimal>,
    /// Unknown data.
    pub additional_data: AdditionalData,
}

/// 25 significant digits, `0.10`, an Int64 an `f64` cannot hold, and one in an unknown member.
const PRODUCT_BODY: &str =
    r#"{"id":"p1","price":1234567890.123456789012345,"rate":0.10,"stock":9007199254740993,"code":9007199254740995}"#;

/// The product as a service returns it: with every kind of control information.
const READ_PRODUCT: &str = r##"{
    "@odata.context": "http://h/svc/$metadata#Products/$entity",
    "@odata.type": "#test.product",
    "@odata.id": "http://h/svc/Products('p1')",
    "@odata.etag": "W/\"5\"",
    "@odata.editLink": "Products('p1')",
    "id": "p1",
    "price": 1234567890.123456789012345,
    "rate": 0.10,
    "stock": 9007199254740993,
    "parts@odata.context": "http://h/svc/$metadata#Products('p1')/parts",
    "parts@odata.nextLink": "http://h/svc/Products('p1')/parts?$skiptoken=1",
    "parts": [{"@odata.id": "http://h/svc/Parts('a')", "@odata.etag": "W/\"1\"", "id": "a", "weight": 0.10}]
}"##;

/// The bodies of a batch request, by id, each as its exact text.
fn sent_bodies(batch: &BatchRequest) -> Vec<(String, String)> {
    #[derive(Deserialize)]
    struct Document<'a> {
        #[serde(borrow)]
        requests: Vec<Item<'a>>,
    }
    #[derive(Deserialize)]
    struct Item<'a> {
        id: String,
        #[serde(borrow)]
        body: Option<&'a serde_json::value::RawValue>,
    }
    let request = batch.to_http().expect("ok");
    let text = String::from_utf8(request.into_body()).expect("ok");
    assert_eq!(text, batch.to_json().expect("ok"));
    let document: Document = serde_json::from_str(&text).expect("ok");
    document.requests.into_iter().filter_map(|item| Some((item.id, item.body?.get().to_owned()))).collect()
}

#[test]
fn exact_numbers_survive_a_batch_request_body() {
    let product: Product = serde_json::from_str(PRODUCT_BODY).unwrap();
    let root = ServiceRoot::new(ROOT).unwrap();
    let products = root.entity_set::<Product>("products");
    let mut batch = BatchRequest::new(ROOT);
    batch.add(BatchItem::post("products", PRODUCT_BODY.parse::<RawJson>().unwrap()).id("raw"));
    batch.add(BatchItem::put("products('p1')", json!(null)).body_bytes(PRODUCT_BODY.as_bytes()).unwrap().id("bytes"));
    batch.add(BatchItem::post_value("products", &product).unwrap().id("value"));
    let create = WriteRequest::create(&products, &product, ODataVersion::V4_0).unwrap();
    batch.add(BatchItem::from_write(&create).unwrap().id("write"));
    let mut changed = product.clone();
    changed.price = Some(Decimal::parse("0.1000000000000000000000001").unwrap());
    let update = WriteRequest::update(&products.key("p1"), &Changes::diff(&product, &changed).unwrap()).unwrap();
    // The update's body goes into the batch byte for byte, whatever `Changes` encoded (it
    // builds a `serde_json::Value` today, which rounds a decimal: not the batch's doing).
    let patch_body = String::from_utf8(update.body().unwrap().to_vec()).unwrap();
    batch.add(BatchItem::try_from(update).unwrap().id("patch"));
    assert_eq!(
        sent_bodies(&batch),
        [
            ("raw".to_owned(), PRODUCT_BODY.to_owned()),
            ("bytes".to_owned(), PRODUCT_BODY.to_owned()),
            ("value".to_owned(), PRODUCT_BODY.to_owned()),
            ("write".to_owned(), PRODUCT_BODY.to_owned()),
            ("patch".to_owned(), patch_body),
        ]
    );
}

#[test]
fn exact_numbers_survive_a_batch_response_body() {
    let response = format!(
        r#"{{"responses":[{{"id":"1","status":201,"headers":{{"content-type":"application/json"}},
            "body": {PRODUCT_BODY}, "@x.size": 123456789012345678901234567890.5}}]}}"#
    );
    let response = BatchResponse::parse(response.as_bytes()).unwrap();
    let item = response.get("1").unwrap();
    assert_eq!(item.body.as_ref().map(RawJson::get), Some(PRODUCT_BODY));
    assert_eq!(item.body_bytes(), PRODUCT_BODY.as_bytes());
    assert_eq!(item.member("@x.size").map(RawJson::get), Some("123456789012345678901234567890.5"));
    let product: Product = item.read().unwrap();
    assert_eq!(product.price.as_ref().map(Decimal::as_str), Some("1234567890.123456789012345"));
    assert_eq!(product.rate.as_ref().map(Decimal::as_str), Some("0.10"));
    assert_eq!(product.stock, Some(9_007_199_254_740_993));
    // Read and written again: the same text.
    assert_eq!(serde_json::to_string(&product).unwrap(), PRODUCT_BODY);
}

#[test]
fn a_read_entity_sent_in_a_batch_carries_no_response_only_control_information() {
    let mut product: Product = serde_json::from_str(READ_PRODUCT).unwrap();
    let etag = product.additional_data.etag().map(std::borrow::Cow::into_owned);
    assert_eq!(etag.as_deref(), Some("W/\"5\""));
    product.id = Some("p2".into());
    product.supplier = Navigation::bind("Parts('s1')");
    let root = ServiceRoot::new(ROOT).unwrap();
    let products = root.entity_set::<Product>("products");

    let mut batch = BatchRequest::new(ROOT);
    let create = WriteRequest::create(&products, &product, ODataVersion::V4_0).unwrap().return_representation();
    let created = batch.add(BatchItem::from_write(&create).unwrap());
    let replace = WriteRequest::replace(&products.clone().key("p1"), &product).unwrap().if_match_etag(etag.as_deref());
    let replaced = batch.add(BatchItem::from_write(&replace).unwrap());
    batch.add(BatchItem::post_value("products", &product).unwrap());
    batch.add(BatchItem::from_write(&WriteRequest::delete(&products.key("p1")).if_match_any()).unwrap());

    let items = batch.items();
    assert_eq!((items[0].method.as_str(), items[0].url.as_str()), ("POST", "products"));
    assert_eq!((items[1].method.as_str(), items[1].url.as_str()), ("PUT", "products('p1')"));
    assert_eq!(
        (items[3].method.as_str(), items[3].url.as_str(), items[3].body.as_ref()),
        ("DELETE", "products('p1')", None)
    );
    assert_eq!(items[0].headers["prefer"], "return=representation");
    assert_eq!(items[0].headers["content-type"], "application/json");
    assert_eq!(items[1].headers["if-match"], "W/\"5\"");
    assert_eq!(items[3].headers["if-match"], "*");
    assert!(items.iter().all(|item| !item.headers.contains_key("odata-version")));
    assert_eq!(batch.ids().collect::<Vec<_>>(), [created.as_str(), replaced.as_str(), "3", "4"]);

    let expected_create = concat!(
        r##"{"@odata.type":"#test.product","id":"p2","price":1234567890.123456789012345,"rate":0.10,"##,
        r#""stock":9007199254740993,"parts":[{"id":"a","weight":0.10}],"supplier@odata.bind":"Parts('s1')"}"#
    );
    let bodies = sent_bodies(&batch);
    assert_eq!(bodies.len(), 3);
    odata_tests::strict::compare_texts(expected_create, &bodies[0].1).unwrap();
    odata_tests::strict::compare_texts(expected_create, &bodies[2].1).unwrap();
    // The key is in the URL of a replace.
    let expected_replace = expected_create.replace(r#""id":"p2","#, "");
    odata_tests::strict::compare_texts(&expected_replace, &bodies[1].1).unwrap();
    for (_, body) in &bodies {
        for response_only in ["context", "etag", "@odata.id", "editLink", "nextLink"] {
            assert!(!body.contains(response_only), "{response_only} in {body}");
        }
    }
}

#[test]
fn malformed_batch_responses_are_typed_errors() {
    let parse = |text: &str| BatchResponse::parse(text.as_bytes()).unwrap_err();
    for text in [
        "",
        "null",
        "[]",
        r#"{"responses":[{"id":"1","status":200,"body":}]}"#,
        r#"{"responses":[{"id":"1","status":200,"body":1e400"#,
        r#"{"responses":"#,
        r#"{"responses":[{"id":"1","status":200}],"responses":[]}"#,
        r#"{"responses":[{"id":"1","status":200,"body":{},"body":{}}]}"#,
        r#"{"responses":[{"id":"1","status":"200"}]}"#,
        r#"{"responses":[{"id":"1","status":1e400}]}"#,
        r#"{"responses":[{"id":null,"status":200}]}"#,
        r#"{"responses":[{"id":"1","status":200,"headers":{"x":"a\nb"}}]}"#,
    ] {
        let error = parse(text);
        assert!(matches!(error, BatchError::Json { .. } | BatchError::InvalidStatus { .. }), "{text}: {error:?}");
        assert!(error.to_string().starts_with('$'), "{error}");
    }
    // A body that is not the type asked for is a decode error, not a panic.
    let response = BatchResponse::parse(br#"{"responses":[{"id":"1","status":200,"body":{"price":"abc"}}]}"#).unwrap();
    let error = response.get("1").unwrap().read::<Product>().unwrap_err();
    assert_eq!(error.status(), StatusCode::OK);
    assert!(matches!(error.kind(), ResponseErrorKind::Decode(_)), "{error}");
    assert!(error.to_string().contains("$.price"), "{error}");
}

#[test]
fn every_prefix_of_a_batch_response_parses_or_is_an_error() {
    // The fuzz target's invariants (tests/src/fuzz.rs), on every truncation of a real response
    // and of one with exact numbers; the first two bytes pick the status of the plain reads.
    let exact = format!(r#"{{"responses":[{{"id":"1","status":200,"body":{PRODUCT_BODY}}}]}}"#);
    for text in [RESPONSE, exact.as_str()] {
        for end in 0..=text.len() {
            let mut data = b"\x00\x64".to_vec();
            data.extend_from_slice(&text.as_bytes()[..end]);
            odata_tests::fuzz::response_parse(&data);
        }
    }
}

#[test]
fn items_read_as_a_read_request_reads() {
    use odata_core::query::Count;
    let response = BatchResponse::parse(
        br#"{"responses":[
            {"id":"1","status":200,"headers":{"etag":"W/\"3\""},"body":{"id":"p1","price":0.10}},
            {"id":"2","status":200,"body":{"value":[{"id":"p1"}]}},
            {"id":"3","status":200,"headers":{"content-type":"text/plain"},"body":"42"},
            {"id":"4","status":404,"body":{"error":{"code":"NotFound","message":"no"}}}]}"#,
    )
    .unwrap();
    let product = response.get("1").unwrap().read_as::<Product>().unwrap();
    assert_eq!(product.price.as_ref().map(Decimal::as_str), Some("0.10"));
    assert_eq!(product.additional_data.etag().as_deref(), Some("W/\"3\""));
    let page = response.get("2").unwrap().read_as::<Vec<Product>>().unwrap();
    assert_eq!(page.value[0].id.as_deref(), Some("p1"));
    assert_eq!(response.get("3").unwrap().read_as::<Count<Product>>(), Ok(42));
    // A collection where one entity was asked for is a shape error, as outside a batch.
    let error = response.get("2").unwrap().read_as::<Product>().unwrap_err();
    assert!(matches!(error.kind(), ResponseErrorKind::Shape { .. }), "{error}");
    let error = response.get("4").unwrap().read_as::<Product>().unwrap_err();
    assert_eq!(error.service_error().map(|e| e.code.as_str()), Some("NotFound"));
}
