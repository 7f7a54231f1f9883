//! The messages in `odata_core::error_guide` are the ones the library gives: each is produced
//! here and looked up in the guide's text.

use http::StatusCode;
use odata_core::Page;
use odata_core::request::{BatchItem, BatchRequest, ResponseError};
use odata_graph::call_records::Session;

const GUIDE: &str = include_str!("../odata-core/src/error_guide.rs");

fn decode_error(json: &str) -> String {
    serde_json::from_str::<Page<Session>>(json).err().map(|e| e.to_string()).unwrap_or_default()
}

#[test]
fn the_guide_quotes_real_messages() {
    let messages = [
        decode_error(r#"{"value":[{"id":"s","failureInfo":{"reason":7}}]}"#),
        decode_error(
            r##"{"value":[{"id":"s","caller":{"@odata.type":"#microsoft.graph.callRecords.clientUserAgent"}}]}"##,
        ),
        decode_error(r#"{"value":[{"id":"a","id":"b"}]}"#),
        decode_error(r#"{"value":[{"id":"a""#),
        decode_error(&format!(r#"{{"value":[{{"id":"a","segments@ns.x":{}}}]}}"#, "[".repeat(200))),
        ResponseError::from_failure(
            StatusCode::BAD_REQUEST,
            br#"{"error":{"code":"BadRequest","message":"Invalid filter clause","target":"$filter"}}"#,
        )
        .to_string(),
        ResponseError::from_failure(StatusCode::BAD_GATEWAY, b"<html>bad gateway</html>").to_string(),
        ResponseError::from_failure(StatusCode::PRECONDITION_FAILED, b"").to_string(),
        ResponseError::from_failure(StatusCode::PRECONDITION_REQUIRED, b"").to_string(),
        ResponseError::from_failure(StatusCode::NOT_MODIFIED, b"").to_string(),
        {
            let mut batch = BatchRequest::new("http://h/svc");
            batch.add(BatchItem::get("People").depends_on("7"));
            batch.to_http().err().map(|e| e.to_string()).unwrap_or_default()
        },
    ];
    let missing: Vec<&String> = messages.iter().filter(|m| m.is_empty() || !GUIDE.contains(m.as_str())).collect();
    assert!(missing.is_empty(), "not in the guide:\n{missing:#?}");
}
