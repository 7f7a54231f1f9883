//! The bodies of the fuzz targets (`fuzz/fuzz_targets/*.rs`), kept here so that every input the
//! fuzzer ever found is replayed by `cargo test` (tests/fuzz_regressions.rs) on stable Rust.
//!
//! Each body takes any bytes and panics only when an invariant of the library is broken: a decoder
//! that panics, an encode that does not decode again to the same value, a literal that escapes
//! its quotes. Errors from bad input are expected and ignored.

use odata_core::Page;
use odata_core::csdl::Document;
use odata_core::query::{Count, Query, ServiceRoot, UrlLiteral};
use odata_core::request::{BatchResponse, ServiceError, read_response};
use odata_graph::Entity;
use odata_graph::call_records::{CallRecord, Session};
use percent_encoding::percent_decode_str;
use serde::Serialize;
use serde::de::DeserializeOwned;

/// A target body: any bytes in, a panic only for a broken invariant.
pub type Body = fn(&[u8]);

/// The fuzz targets, by the name of their file under `fuzz/fuzz_targets/` and of their
/// regression folder under `fuzz/regressions/`.
pub const TARGETS: &[(&str, Body)] = &[
    ("decode_call_record", decode_call_record),
    ("decode_session_page", decode_session_page),
    ("csdl_reader", csdl_reader),
    ("query_literal", query_literal),
    ("response_parse", response_parse),
];

/// Any bytes as a `CallRecord`: an error (naming a JSON path when the data is wrong), or a value
/// whose encoding decodes to the same value.
pub fn decode_call_record(data: &[u8]) {
    round_trip::<CallRecord>(data);
}

/// Any bytes as a `Page<Session>` (the shape of `GET .../sessions`), with the same invariant.
pub fn decode_session_page(data: &[u8]) {
    round_trip::<Page<Session>>(data);
}

/// Decoded values encode, and the encoding decodes to an equal value that encodes to the same
/// text: nothing is lost or changed by a second pass.
fn round_trip<T: DeserializeOwned + Serialize + PartialEq + std::fmt::Debug>(data: &[u8]) {
    let value = match serde_json::from_slice::<T>(data) {
        Ok(value) => value,
        // Errors in the data (not JSON syntax, not an early end) name their JSON path.
        Err(error) if error.is_data() => {
            let message = error.to_string();
            assert!(message.starts_with('$'), "a decode error without a JSON path: {message}");
            return;
        }
        Err(_) => return,
    };
    let encoded = serde_json::to_string(&value).unwrap_or_else(|e| panic!("a decoded value does not encode: {e}"));
    let again: T = serde_json::from_str(&encoded)
        .unwrap_or_else(|e| panic!("the encoding of a decoded value does not decode: {e}\n{encoded}"));
    assert_eq!(value, again, "decode(encode(x)) != x for {encoded}");
    let twice = serde_json::to_string(&again).expect("encodes");
    assert_eq!(encoded, twice, "the second encoding differs");
}

/// Any text as CSDL XML: an error (with a line), or a document that writes XML which reads back
/// to the same document.
pub fn csdl_reader(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(document) = Document::parse_xml(text) else { return };
    let _ = document.to_json();
    let xml = document.to_xml();
    let again = Document::parse_xml(&xml).unwrap_or_else(|e| panic!("written CSDL does not read back: {e}\n{xml}"));
    assert_eq!(document.without_lines(), again.without_lines(), "CSDL changed by a write and read\n{xml}");
}

/// Any string as a literal in `$filter` and as a key segment: it stays one quoted literal (one
/// path segment), percent-encoded so that it cannot end the query option, and decodes back.
pub fn query_literal(data: &[u8]) {
    let Ok(value) = std::str::from_utf8(data) else { return };
    let query = Query::<Session>::new().filter(Entity::ID.eq(value)).to_query_string();
    assert!(!query.contains(['&', '#', '+', ' ']), "{query}");
    let (name, encoded) = query.split_once('=').expect("one option");
    assert_eq!(name, "$filter");
    let decoded = percent_decode_str(encoded).decode_utf8().expect("UTF-8");
    let literal = decoded.strip_prefix("id eq ").expect("the comparison");
    assert_eq!(literal, value.to_literal());
    let inner = literal.strip_prefix('\'').and_then(|l| l.strip_suffix('\'')).expect("quoted");
    assert!(!inner.replace("''", "").contains('\''), "an unescaped quote in {literal}");
    assert_eq!(inner.replace("''", "'"), value);

    let resource = ServiceRoot::graph_v1().entity_set::<Session>("sessions").key(value);
    let segment = resource.path().strip_prefix("sessions/").expect("one segment below the set").to_owned();
    assert!(!segment.contains(['/', '?', '#']), "{segment}");
    assert_eq!(percent_decode_str(&segment).decode_utf8().expect("UTF-8"), value);
}

/// Any bytes as an HTTP response to a read: the first two bytes pick the status, the rest is the
/// body. The reader returns a value or a `ResponseError`, and an error body parses or does not.
pub fn response_parse(data: &[u8]) {
    let (status, body) = match data {
        [a, b, body @ ..] => (100 + u16::from_be_bytes([*a, *b]) % 500, body),
        _ => (200, data),
    };
    let Ok(status) = http::StatusCode::from_u16(status) else { return };
    let response = |body: &[u8]| {
        let mut response = http::Response::new(body.to_vec());
        *response.status_mut() = status;
        response.headers_mut().insert(http::header::ETAG, http::HeaderValue::from_static("W/\"1\""));
        response
    };
    if let Err(error) = read_response::<Vec<Session>, _>(response(body)) {
        let _ = error.to_string();
    }
    let _ = read_response::<Session, _>(response(body));
    let _ = read_response::<Count<Session>, _>(response(body));
    if let Some(error) = ServiceError::parse(body) {
        let _ = error.to_string();
    }
    let _ = BatchResponse::parse(body);
}
