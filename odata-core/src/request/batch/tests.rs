//! Unit tests of the batch builder, its validation and the response parser.

use http::header::{HeaderName, HeaderValue};
use http::{Method, StatusCode};
use serde_json::value::RawValue;
use serde_json::{Value, json};

use super::*;

const ROOT: &str = "https://graph.microsoft.com/v1.0";

fn body(batch: &BatchRequest) -> Value {
    let request = batch.to_http().unwrap();
    serde_json::from_slice(request.body()).unwrap()
}

#[test]
fn request_document_is_exact() {
    let mut batch = BatchRequest::new(ROOT);
    let first = batch.add(BatchItem::get(format!("{ROOT}/communications/callRecords/abc")));
    batch.add(
        BatchItem::get("$1/sessions")
            .header(HeaderName::from_static("prefer"), HeaderValue::from_static("odata.maxpagesize=10")),
    );
    batch.add(BatchItem::post("me/events", json!({"subject": "x"})).atomicity_group("g"));
    batch.add(BatchItem::delete("me/events/1").atomicity_group("g").id("del"));
    batch.add(BatchItem::patch("me", json!({"aboutMe": "y"})).depends_on("g"));
    assert_eq!(first, "1");
    assert_eq!(batch.ids().collect::<Vec<_>>(), ["1", "2", "3", "del", "5"]);
    let text = String::from_utf8(batch.to_http().unwrap().into_body()).unwrap();
    assert_eq!(
        text,
        concat!(
            r#"{"requests":["#,
            r#"{"id":"1","method":"GET","url":"communications/callRecords/abc"},"#,
            r#"{"id":"2","method":"GET","url":"$1/sessions","headers":{"prefer":"odata.maxpagesize=10"},"#,
            r#""dependsOn":["1"]},"#,
            r#"{"id":"3","method":"POST","url":"me/events","headers":{"content-type":"application/json"},"#,
            r#""body":{"subject":"x"},"atomicityGroup":"g"},"#,
            r#"{"id":"del","method":"DELETE","url":"me/events/1","atomicityGroup":"g"},"#,
            r#"{"id":"5","method":"PATCH","url":"me","headers":{"content-type":"application/json"},"#,
            r#""body":{"aboutMe":"y"},"dependsOn":["g"]}"#,
            "]}"
        )
    );
}

#[test]
fn http_request_targets_batch_endpoint() {
    let mut batch = BatchRequest::new("https://example.com/odata/")
        .header(HeaderName::from_static("prefer"), HeaderValue::from_static("continue-on-error"));
    batch.add(BatchItem::get("https://example.com/odata/People"));
    let request = batch.to_http().unwrap();
    assert_eq!(request.method(), Method::POST);
    assert_eq!(request.uri(), "https://example.com/odata/$batch");
    assert_eq!(request.headers()["content-type"], "application/json");
    assert_eq!(request.headers()["accept"], "application/json");
    assert_eq!(request.headers()["odata-version"], "4.01");
    assert_eq!(request.headers()["prefer"], "continue-on-error");
    assert_eq!(body(&batch)["requests"][0]["url"], "People");
}

#[test]
fn reference_into_another_group_depends_on_the_group() {
    let mut batch = BatchRequest::new(ROOT);
    batch.add(BatchItem::post("People", json!({})).atomicity_group("g"));
    batch.add(BatchItem::get("$1/Friends"));
    assert_eq!(body(&batch)["requests"][1]["dependsOn"], json!(["g"]));
}

#[test]
fn auto_ids_skip_taken_ones() {
    let mut batch = BatchRequest::new(ROOT);
    batch.add(BatchItem::get("a").id("2"));
    assert_eq!(batch.add(BatchItem::get("b")), "3");
    assert_eq!(batch.add(BatchItem::get("c")), "4");
}

#[test]
fn system_resources_are_no_references() {
    let mut batch = BatchRequest::new(ROOT);
    batch.add(BatchItem::get("$metadata"));
    batch.add(BatchItem::get("$crossjoin(A,B)"));
    batch.add(BatchItem::get("$entity?$id=People('a')"));
    assert_eq!(batch.validate(), Ok(()));
}

fn error(items: Vec<BatchItem>) -> BatchError {
    let mut batch = BatchRequest::new(ROOT);
    for item in items {
        batch.add(item);
    }
    batch.to_http().unwrap_err()
}

#[test]
fn validation_errors_name_the_request() {
    let duplicate = error(vec![BatchItem::get("a").id("x"), BatchItem::get("b").id("x")]);
    assert_eq!(duplicate, BatchError::DuplicateId { id: "x".into() });

    let group_as_id = error(vec![BatchItem::get("a").id("x"), BatchItem::post("b", json!({})).atomicity_group("x")]);
    assert_eq!(group_as_id, BatchError::DuplicateId { id: "x".into() });

    let forward = error(vec![BatchItem::get("a").depends_on("2"), BatchItem::get("b")]);
    assert_eq!(forward, BatchError::UnknownDependency { id: "1".into(), depends_on: "2".into() });
    assert_eq!(
        forward.to_string(),
        "batch request `1` depends on `2`, which is no earlier request or atomicity group; add that first"
    );

    let reference = error(vec![BatchItem::get("$7/sessions")]);
    assert_eq!(reference, BatchError::UnknownReference { id: "1".into(), reference: "7".into() });

    let own_group = error(vec![BatchItem::post("a", json!({})).atomicity_group("g").depends_on("g")]);
    assert_eq!(own_group, BatchError::UnknownDependency { id: "1".into(), depends_on: "g".into() });

    let member = error(vec![BatchItem::post("a", json!({})).atomicity_group("g"), BatchItem::get("b").depends_on("1")]);
    assert_eq!(member, BatchError::DependsOnGroupMember { id: "2".into(), depends_on: "1".into(), group: "g".into() });

    let split = error(vec![
        BatchItem::post("a", json!({})).atomicity_group("g"),
        BatchItem::get("b"),
        BatchItem::post("c", json!({})).atomicity_group("g"),
    ]);
    assert_eq!(split, BatchError::AtomicityGroupNotAdjacent { id: "3".into(), group: "g".into() });

    let get_body = error(vec![BatchItem::get("a").body(json!({"x": 1}))]);
    assert_eq!(get_body, BatchError::BodyNotAllowed { id: "1".into(), method: "GET".into() });

    let head = error(vec![BatchItem::new(Method::HEAD, "a")]);
    assert_eq!(head, BatchError::UnsupportedMethod { id: "1".into(), method: "HEAD".into() });
}

#[test]
fn response_errors_name_the_json_path() {
    let parse = |text: &str| BatchResponse::parse(text.as_bytes()).unwrap_err();
    assert_eq!(
        parse(r#"{"responses":[{"id":"1","status":200},{"id":"2","status":200},{"id":"3","status":"ok"}]}"#),
        BatchError::json("$.responses[2].status", "expected a number")
    );
    let invalid = parse(r#"{"responses":[{"id":"1","status":1000}]}"#);
    assert_eq!(invalid.to_string(), "$.responses[0].status: `1000` is not an HTTP status code");
    assert_eq!(parse(r#"{"value":[]}"#), BatchError::json("$.responses", "missing; this is not a JSON batch response"));
    assert_eq!(parse(r#"{"responses":[{"status":200}]}"#), BatchError::json("$.responses[0].id", "missing"));
    assert!(matches!(parse("<html>"), BatchError::Json { path, .. } if path == "$"));
}

#[test]
fn raw_json_bodies() {
    let item = BatchItem::put("a", Value::Null).body_bytes(br#" {"x": 1.50} "#).unwrap();
    assert_eq!(item.body.as_ref().map(RawJson::get), Some(r#"{"x": 1.50}"#));
    assert_eq!(item.body.unwrap().to_value().unwrap(), json!({"x": 1.5}));
    assert!(BatchItem::get("a").body_bytes(b"not json").is_err());
    assert!(BatchItem::get("a").body_bytes(br#"{"x":1} {"y":2}"#).is_err());
}

/// 25 significant digits, a trailing zero, and an Int64 an `f64` cannot hold.
const EXACT: &str = r#"{"price":1234567890.123456789012345,"rate":0.10,"stock":9007199254740993}"#;

#[test]
fn request_bodies_are_sent_digit_for_digit() {
    let raw: Box<RawValue> = serde_json::from_str(EXACT).unwrap();
    let mut batch = BatchRequest::new(ROOT);
    batch.add(BatchItem::post("products", raw));
    batch.add(BatchItem::patch("products/1", EXACT.parse::<RawJson>().unwrap()));
    batch.add(BatchItem::put("products/2", Value::Null).body_bytes(EXACT.as_bytes()).unwrap());
    let text = batch.to_json().unwrap();
    assert_eq!(text.matches(&format!(r#""body":{EXACT}"#)).count(), 3, "{text}");
    assert_eq!(text.as_bytes(), batch.to_http().unwrap().body().as_slice());
    // A `Value` is encoded once, with the numbers it holds.
    let value = BatchItem::post("a", json!({"n": 9007199254740993_u64}));
    assert_eq!(value.body.unwrap().get(), r#"{"n":9007199254740993}"#);
}

#[test]
fn a_rust_value_is_encoded_as_a_request_body() {
    #[derive(serde::Serialize)]
    struct Price {
        price: crate::Decimal,
        rate: crate::Decimal,
    }
    let value = Price {
        price: crate::Decimal::parse("1234567890.123456789012345").unwrap(),
        rate: crate::Decimal::parse("0.10").unwrap(),
    };
    let item = BatchItem::post_value("prices", &value).unwrap();
    assert_eq!(item.body.unwrap().get(), r#"{"price":1234567890.123456789012345,"rate":0.10}"#);
}

#[test]
fn text_bodies_are_json_strings() {
    let mut batch = BatchRequest::new(ROOT);
    batch.add(BatchItem::new(Method::PUT, "me/photo/$value").text_body("a \"quoted\" line"));
    assert_eq!(
        batch.to_json().unwrap(),
        r#"{"requests":[{"id":"1","method":"PUT","url":"me/photo/$value","headers":{"content-type":"text/plain"},"body":"a \"quoted\" line"}]}"#
    );
}

#[test]
fn response_bodies_keep_their_text() {
    let text = format!(
        r#"{{"responses":[{{"id":"1","status":200,"body": {EXACT} ,"@x.big":1e400}},
            {{"id":2,"status":500,"headers":{{"content-type":"text/plain","retry-after":3}},"body":"down"}}],
          "@x.trace":12345678901234567890123}}"#
    );
    let response = BatchResponse::parse(text.as_bytes()).unwrap();
    let first = response.get("1").unwrap();
    assert_eq!(first.body.as_ref().map(RawJson::get), Some(EXACT));
    assert_eq!(first.body_bytes(), EXACT.as_bytes());
    assert_eq!(first.member("@x.big").map(RawJson::get), Some("1e400"));
    #[derive(serde::Deserialize)]
    struct Product {
        price: crate::Decimal,
        rate: crate::Decimal,
        stock: i64,
    }
    let product: Product = first.read().unwrap();
    assert_eq!(product.price.as_str(), "1234567890.123456789012345");
    assert_eq!(product.rate.as_str(), "0.10");
    assert_eq!(product.stock, 9_007_199_254_740_993);
    let second = response.get("2").unwrap();
    assert_eq!(second.headers["retry-after"], "3");
    assert_eq!(second.body_bytes(), b"down");
    let error = second.read::<Value>().unwrap_err();
    assert_eq!(error.status(), StatusCode::INTERNAL_SERVER_ERROR);
    assert_eq!(error.kind(), &crate::request::ResponseErrorKind::Status { body: "down".into() });
    // The item's own headers are kept with its error.
    assert_eq!(error.retry_after(), Some(crate::request::RetryAfter::Delay(std::time::Duration::from_secs(3))));
    assert_eq!(response.member("@x.trace").map(RawJson::get), Some("12345678901234567890123"));
}

#[test]
fn malformed_responses_are_typed_errors() {
    let parse = |text: &str| BatchResponse::parse(text.as_bytes()).unwrap_err();
    let json = |path: &str, message: &str| BatchError::json(path, message);
    assert_eq!(parse("[]"), json("$", "expected an object with `responses`"));
    assert!(
        matches!(parse(r#"{"responses":[]"#), BatchError::Json { path, message } if path == "$" && message.starts_with("not JSON"))
    );
    assert!(matches!(parse(r#"{"responses":[]} x"#), BatchError::Json { path, .. } if path == "$"));
    assert_eq!(parse(r#"{"responses":{}}"#), json("$.responses", "expected an array"));
    assert_eq!(parse(r#"{"responses":[],"responses":[]}"#), json("$.responses", "appears twice"));
    assert_eq!(parse(r#"{"responses":[7]}"#), json("$.responses[0]", "expected a response object"));
    assert_eq!(
        parse(r#"{"responses":[{"id":"1","id":"2","status":200}]}"#),
        json("$.responses[0].id", "appears twice")
    );
    assert_eq!(parse(r#"{"responses":[{"id":true,"status":200}]}"#), json("$.responses[0].id", "expected a string"));
    assert_eq!(
        parse(r#"{"responses":[{"id":"1","status":200,"headers":[]}]}"#),
        json("$.responses[0].headers", "expected an object")
    );
    assert_eq!(
        parse(r#"{"responses":[{"id":"1","status":200,"headers":{"a":{}}}]}"#),
        json("$.responses[0].headers['a']", "expected a string")
    );
    assert_eq!(
        parse(r#"{"responses":[{"id":"1","status":200,"headers":{"a b":"c"}}]}"#),
        json("$.responses[0].headers['a b']", "not a header name")
    );
    assert_eq!(
        parse(r#"{"responses":[{"id":"1","status":200,"atomicityGroup":1}]}"#),
        json("$.responses[0].atomicityGroup", "expected a string")
    );
    assert_eq!(parse(r#"{"responses":[],"@odata.nextLink":1}"#), json("$['@odata.nextLink']", "expected a string"));
    for status in ["-1", "200.0", "2e2", "1e400", "99999999999999999999"] {
        assert_eq!(
            parse(&format!(r#"{{"responses":[{{"id":"1","status":{status}}}]}}"#)),
            BatchError::InvalidStatus { path: "$.responses[0].status".into(), value: status.into() }
        );
    }
}
