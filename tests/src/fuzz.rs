//! The bodies of the fuzz targets (`fuzz/fuzz_targets/*.rs`), kept here so that every input the
//! fuzzer ever found is replayed by `cargo test` (tests/fuzz_regressions.rs) on stable Rust.
//!
//! Each body takes any bytes and panics only when an invariant of the library is broken: a decoder
//! that panics, an encode that does not decode again to the same value, a literal that escapes
//! its quotes. Errors from bad input are expected and ignored.

use odata_core::csdl::Document;
use odata_core::query::{Count, QUERY_VALUE, Query, ServiceRoot, UrlLiteral};
use odata_core::request::{BatchResponse, RawJson, ServiceError, read_response};
use odata_core::{Binary, Date, DateTimeOffset, Decimal, Duration, Page, TimeOfDay};
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
    ("filter_parse", filter_parse),
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

/// Literals of every kind. A first byte that never occurs in UTF-8 (0xF5..) picks a typed value
/// made from the rest: its literal reads back as the same value and has the ABNF's shape.
/// Anything else is a string: it stays one quoted literal in `$filter` and one key segment.
pub fn query_literal(data: &[u8]) {
    match data {
        [0xF5, rest @ ..] => float_literal(rest),
        [0xF6, rest @ ..] => integer_literal(rest),
        [0xF7, rest @ ..] => text_literal::<Decimal>(rest),
        [0xF8, rest @ ..] => text_literal::<DateTimeOffset>(rest),
        [0xF9, rest @ ..] => text_literal::<Date>(rest),
        [0xFA, rest @ ..] => text_literal::<TimeOfDay>(rest),
        [0xFB, rest @ ..] => {
            text_literal::<Duration>(rest);
            binary_literal(rest);
        }
        _ => string_literal(data),
    }
}

/// `doubleValue`/`singleValue`: the shortest text that reads back as the same bits.
fn float_literal(data: &[u8]) {
    let mut bits = [0u8; 8];
    bits.iter_mut().zip(data).for_each(|(b, d)| *b = *d);
    let double = f64::from_le_bytes(bits);
    let single = f32::from_le_bytes([bits[0], bits[1], bits[2], bits[3]]);
    for (literal, back) in [
        (double.to_literal(), double.to_literal().parse::<f64>().ok()),
        (single.to_literal(), single.to_literal().parse::<f32>().ok().map(f64::from)),
    ] {
        match literal.as_str() {
            "NaN" | "INF" | "-INF" => continue,
            _ => {
                assert!(is_double_literal(&literal), "not an OData doubleValue: {literal}");
                assert!(back.is_some(), "{literal} does not read back");
            }
        }
    }
    if double.is_finite() {
        assert_eq!(double.to_literal().parse::<f64>().map(f64::to_bits), Ok(double.to_bits()));
    }
    if single.is_finite() {
        assert_eq!(single.to_literal().parse::<f32>().map(f32::to_bits), Ok(single.to_bits()));
    }
}

/// `[ "-" ] 1*DIGIT [ "." 1*DIGIT ] [ "e" [ "-" ] 1*DIGIT ]` (what `decimalValue` allows, without a
/// `+`, which a URL would turn into a space before percent-encoding).
fn is_double_literal(s: &str) -> bool {
    let s = s.strip_prefix('-').unwrap_or(s);
    let (mantissa, exponent) = s.split_once('e').unwrap_or((s, "0"));
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, "0"));
    let exponent = exponent.strip_prefix('-').unwrap_or(exponent);
    let digits = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
    digits(int) && digits(frac) && digits(exponent)
}

fn integer_literal(data: &[u8]) {
    let mut bytes = [0u8; 8];
    bytes.iter_mut().zip(data).for_each(|(b, d)| *b = *d);
    let value = i64::from_le_bytes(bytes);
    assert_eq!(value.to_literal().parse::<i64>(), Ok(value));
}

/// A value parsed from text writes a literal that parses to an equal value, with no character a
/// query option cannot carry once percent-encoded.
fn text_literal<T>(data: &[u8])
where
    T: std::str::FromStr + UrlLiteral + PartialEq + std::fmt::Debug,
{
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(value) = text.parse::<T>() else { return };
    let literal = value.to_literal();
    let inner = literal.strip_prefix("duration'").and_then(|l| l.strip_suffix('\'')).unwrap_or(&literal);
    let again: T = inner.parse().unwrap_or_else(|_| panic!("the literal {literal} of {text:?} does not read back"));
    assert_eq!(again, value, "{text:?} -> {literal}");
    let encoded = percent_encoding::utf8_percent_encode(&literal, QUERY_VALUE).to_string();
    assert!(!encoded.contains(['&', '#', '+', ' ']), "{encoded}");
}

/// `binary'…'`: base64url of exactly the bytes.
fn binary_literal(data: &[u8]) {
    let literal = Binary::from(data.to_vec()).to_literal();
    let inner = literal.strip_prefix("binary'").and_then(|l| l.strip_suffix('\'')).expect("binary'…'");
    assert!(inner.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'=')), "{literal}");
    let back: Binary = inner.parse().expect("base64url reads back");
    assert_eq!(back.as_bytes(), data);
}

/// Any string as a literal in `$filter` and as a key segment: it stays one quoted literal (one
/// path segment), percent-encoded so that it cannot end the query option, and decodes back.
fn string_literal(data: &[u8]) {
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
/// As a batch response, it parses or is a `BatchError`; each body kept is the exact text of one
/// JSON value and reads as a typed value or a `ResponseError`.
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
    if let Ok(response) = BatchResponse::parse(body) {
        for item in &response {
            // A body is kept as the text of one JSON value, exactly as it came.
            if let Some(raw) = &item.body {
                assert_eq!(RawJson::from_slice(raw.as_bytes()).as_ref().ok(), Some(raw), "a batch body changed");
            }
            let _ = item.read::<Session>();
            let _ = item.read_as::<Vec<Session>>();
            let _ = item.body_bytes();
        }
    }
}

/// Any text as query options of Graph's `user` (enums, complex and collection properties,
/// navigation properties, derived types): an error, or options whose `$filter`/`$orderby`
/// translate to SQL (or refuse to) in both dialects, with one SQLite placeholder per bound value.
/// Also as a bare `$filter` value, an `$orderby` and a `$search`, and through the grammar alone.
pub fn filter_parse(data: &[u8]) {
    use odata_core::ODataType;
    use odata_graph::directory::User;
    use odata_server::query::{Limits, QueryOptions, parse_filter, parse_orderby_syntax, parse_search, parse_syntax};
    use odata_server::sql::{Dialect, SqlBuilder, SqlScope, filter_sql, orderby_sql};

    let Ok(text) = std::str::from_utf8(data) else { return };
    // Small limits reach the limit checks; the default ones the deeper grammar.
    let limits =
        [Limits::default(), Limits { max_filter_depth: 4, max_expand_depth: 1, max_in_list: 2, ..Limits::default() }];
    for limits in &limits {
        let _ = parse_syntax(text, limits);
        let _ = parse_orderby_syntax(text, limits);
        let _ = parse_search(text, limits);
        let options = QueryOptions::parse(text, User::TYPE_INFO, limits).ok().or_else(|| {
            let filter = parse_filter(text, User::TYPE_INFO, limits).ok()?;
            let mut options = QueryOptions::default();
            options.filter = Some(filter);
            Some(options)
        });
        let Some(options) = options else { continue };
        let scope = SqlScope { table: "users", alias: "t", entity_type: User::TYPE_INFO };
        for dialect in [Dialect::Sqlite, Dialect::Postgres] {
            let mut sql = SqlBuilder::new(dialect);
            let translated = match &options.filter {
                Some(filter) => filter_sql(filter, &JoinById, &scope, &mut sql).is_ok(),
                None => true,
            };
            let _ = orderby_sql(&options.orderby, &JoinById, &scope, &mut sql);
            if translated && dialect == Dialect::Sqlite {
                // Identifiers come from the model and never hold `?`: every `?` is a placeholder.
                assert_eq!(sql.sql().matches('?').count(), sql.values().len(), "{text:?} -> {}", sql.sql());
            }
        }
    }
}

/// Navigation properties stored in a table of their name, joined on `id`.
struct JoinById;

impl odata_server::sql::SqlNames for JoinById {
    fn navigation(
        &self,
        _: &str,
        _: &'static odata_core::TypeInfo,
        navigation: &'static odata_core::NavigationPropertyInfo,
    ) -> Option<odata_server::sql::NavigationJoin> {
        Some(odata_server::sql::NavigationJoin { table: navigation.name.to_owned(), columns: vec![("id", "id")] })
    }
}
