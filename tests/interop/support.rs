//! What the tests share: requests that fail the test with a clear message, relative URL
//! resolution (CAP sends relative `@odata.context` and `@odata.nextLink`), decoding and the
//! lossless round-trip check, and the comparison of two metadata documents.

use std::collections::BTreeMap;

use odata_core::csdl::{Document, Schema};
use odata_core::request::ServiceError;
use odata_core::{Decimal, Page};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::harness::Service;
use crate::http;

/// At most this many pages are followed, so that a server that always sends a nextLink cannot
/// keep a test running.
const MAX_PAGES: usize = 50;

/// `GET url` expecting 200; the body as text.
pub fn get_text(url: &str, accept: &str) -> String {
    let response = http::get(url, accept).unwrap_or_else(|e| panic!("{e}"));
    let text = response.text().unwrap_or_else(|e| panic!("GET {url}: {e}"));
    assert_eq!(response.status, 200, "GET {url}: status {}: {text}", response.status);
    text.to_owned()
}

/// `GET url` with `Accept: application/json`, expecting 200; the body as text and as JSON.
pub fn get_json(url: &str) -> (String, Value) {
    let text = get_text(url, "application/json");
    let value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("GET {url}: the body is not JSON ({e}): {text}"));
    (text, value)
}

/// Decodes `text` (the response to `url`) as `T`.
pub fn decode<T: DeserializeOwned>(url: &str, text: &str) -> T {
    serde_json::from_str(text)
        .unwrap_or_else(|e| panic!("GET {url}: does not decode as {}: {e}", std::any::type_name::<T>()))
}

/// Reads every page of the collection at `path` (relative to the service root), checking that
/// each decodes as `Page<T>` and re-encodes without losing anything. Returns the items and the
/// number of pages.
pub fn read_all_pages<T>(service: &Service, path: &str) -> (Vec<T>, usize)
where
    Page<T>: DeserializeOwned + Serialize,
{
    read_all_pages_at(&format!("{}{path}", service.root))
}

/// [`read_all_pages`] from an absolute URL.
pub fn read_all_pages_at<T>(first: &str) -> (Vec<T>, usize)
where
    Page<T>: DeserializeOwned + Serialize,
{
    let mut url = first.to_owned();
    let mut items = Vec::new();
    for pages in 1..=MAX_PAGES {
        let (text, response) = get_json(&url);
        let page: Page<T> = decode(&url, &text);
        assert_lossless(&url, &response, &page);
        let next = page.next_link.as_deref().map(|next| {
            // A nextLink is relative to the context URL, which is relative to the request URL.
            let context = page.context.as_deref().unwrap_or_else(|| panic!("GET {url}: a nextLink without a context"));
            resolve(&resolve(&url, context), next)
        });
        items.extend(page.value);
        match next {
            Some(next) => url = next,
            None => return (items, pages),
        }
    }
    panic!("{first}: still a nextLink after {MAX_PAGES} pages")
}

/// `GET url` expecting 200: the body decoded as `T` (a `Page<E>` or an entity), checked to
/// re-encode without loss.
pub fn get_decoded<T: DeserializeOwned + Serialize>(url: &str) -> T {
    let (text, raw) = get_json(url);
    let decoded: T = decode(url, &text);
    assert_lossless(url, &raw, &decoded);
    decoded
}

/// A failure response: the HTTP status and the OData error body, as `odata_core` reads it.
#[derive(Debug, Clone, PartialEq)]
pub struct Failure {
    /// The HTTP status.
    pub status: u16,
    /// The `error` member.
    pub error: ServiceError,
}

/// `GET url` expecting an error: fails unless the response has a status of 400 or more and an
/// OData error body `{"error":{"code":"...","message":"...",...}}` (checked as plain JSON, then
/// read with [`ServiceError::parse`]).
///
/// `odata_core::request::read_response` would do both, but takes an `http::Response`, and the
/// `http` crate is not a dependency of this test crate.
pub fn get_error(url: &str) -> Failure {
    let response = http::get(url, "application/json").unwrap_or_else(|e| panic!("{e}"));
    let text = response.text().unwrap_or_else(|e| panic!("GET {url}: {e}"));
    let status = response.status;
    assert!(status >= 400, "GET {url}: status {status}, expected an error: {text}");
    let body: Value = serde_json::from_str(text)
        .unwrap_or_else(|e| panic!("GET {url}: status {status}: the error body is not JSON ({e}): {text}"));
    for member in ["code", "message"] {
        assert!(body["error"][member].is_string(), "GET {url}: status {status}: no string error.{member} in {text}");
    }
    let error = ServiceError::parse(&response.body)
        .unwrap_or_else(|| panic!("GET {url}: status {status}: ServiceError::parse reads no error from {text}"));
    Failure { status, error }
}

/// Fails unless `decoded`, encoded again, says what `response` said (see [`differences`]).
pub fn assert_lossless<T: Serialize>(url: &str, response: &Value, decoded: &T) {
    let encoded = serde_json::to_string(decoded).unwrap_or_else(|e| panic!("GET {url}: cannot re-encode: {e}"));
    let encoded: Value = serde_json::from_str(&encoded).unwrap_or_else(|e| panic!("the re-encoding is not JSON: {e}"));
    let differences = differences(response, &encoded);
    assert!(
        differences.is_empty(),
        "GET {url}: the re-encoding differs from the response in {} places:\n{}",
        differences.len(),
        differences.join("\n")
    );
}

/// Where `encoded` differs from `response`: a member of the response that is missing or has
/// another value in the encoding, or a member the encoding added. `null` equals absent; numbers
/// compare by value, also against a string holding one (CAP sends Int64, Decimal and counts in
/// `$expand` as strings, the encoding writes numbers).
pub fn differences(response: &Value, encoded: &Value) -> Vec<String> {
    let mut out = Vec::new();
    compare(response, encoded, "$", &mut out);
    out
}

fn compare(response: &Value, encoded: &Value, path: &str, out: &mut Vec<String>) {
    match (response, encoded) {
        (Value::Object(a), Value::Object(b)) => {
            for (key, x) in a {
                compare(x, b.get(key).unwrap_or(&Value::Null), &format!("{path}.{key}"), out);
            }
            for (key, y) in b.iter().filter(|(key, y)| !a.contains_key(*key) && !y.is_null()) {
                out.push(format!("{path}.{key}: added by the encoding: {}", short(y)));
            }
        }
        (Value::Array(a), Value::Array(b)) if a.len() == b.len() => {
            for (i, (x, y)) in a.iter().zip(b).enumerate() {
                compare(x, y, &format!("{path}[{i}]"), out);
            }
        }
        (Value::Number(a), Value::Number(b)) if same_number(&a.to_string(), &b.to_string()) => {}
        (Value::String(a), Value::Number(b)) if same_number(a, &b.to_string()) => {}
        (a, b) if a == b => {}
        (a, Value::Null) => out.push(format!("{path}: lost ({} in the response)", short(a))),
        (a, b) => out.push(format!("{path}: {} in the response, {} re-encoded", short(a), short(b))),
    }
}

fn same_number(a: &str, b: &str) -> bool {
    matches!((Decimal::parse(a), Decimal::parse(b)), (Ok(x), Ok(y)) if x == y)
}

/// A value for a message, cut at 200 characters.
fn short(value: &Value) -> String {
    let text = value.to_string();
    match text.char_indices().nth(200) {
        Some((cut, _)) => format!("{}...", &text[..cut]),
        None => text,
    }
}

/// `reference` resolved against the absolute `base` (RFC 3986, section 5.2; for the http URLs and
/// references of this service: no userinfo, no `//authority` references).
pub fn resolve(base: &str, reference: &str) -> String {
    if reference.split(['/', '?', '#']).next().is_some_and(|first| first.contains(':')) {
        return reference.to_owned(); // absolute
    }
    let after_scheme = base.find("://").map_or(0, |i| i + 3);
    let path_start = base[after_scheme..].find('/').map_or(base.len(), |i| after_scheme + i);
    let (origin, rest) = base.split_at(path_start);
    let base_path = rest.split(['?', '#']).next().unwrap_or_default();
    let base_without_fragment = base.split('#').next().unwrap_or(base);
    let merged = match reference.chars().next() {
        None => return base_without_fragment.to_owned(),
        Some('#') => return format!("{base_without_fragment}{reference}"),
        Some('?') => format!("{base_path}{reference}"),
        Some('/') => reference.to_owned(),
        Some(_) => format!("{}{reference}", &base_path[..base_path.rfind('/').map_or(0, |i| i + 1)]),
    };
    let split = merged.find(['?', '#']).unwrap_or(merged.len());
    let (path, tail) = merged.split_at(split);
    format!("{origin}{}{tail}", remove_dot_segments(path))
}

fn remove_dot_segments(path: &str) -> String {
    let segments: Vec<&str> = path.split('/').collect();
    let mut out: Vec<&str> = Vec::new();
    for (i, segment) in segments.iter().enumerate() {
        let last = i + 1 == segments.len();
        match *segment {
            "." | ".." => {
                // Keep the leading empty segment: the path stays absolute.
                if *segment == ".." && out.len() > 1 {
                    out.pop();
                }
                if last {
                    out.push("");
                }
            }
            segment => out.push(segment),
        }
    }
    out.join("/")
}

/// Every fact about the structured types of `namespace` that differs between the two
/// documents, as `fact: service ... | derives ...`: base type, open flag, key, each property's
/// Edm type, each navigation property's type and containment. Nullability, facets and
/// annotations are not compared.
pub fn schema_differences(service: &Document, derives: &Document, namespace: &str) -> Vec<String> {
    let theirs = service.schema(namespace).map(|schema| facts(service, schema)).unwrap_or_default();
    let ours = derives.schema(namespace).map(|schema| facts(derives, schema)).unwrap_or_default();
    let mut out = Vec::new();
    if theirs.is_empty() {
        out.push(format!("the service's $metadata has no types in schema {namespace}"));
    }
    if ours.is_empty() {
        out.push(format!("the derives describe no types in schema {namespace}"));
    }
    for key in theirs.keys().chain(ours.keys().filter(|key| !theirs.contains_key(*key))) {
        let (a, b) = (theirs.get(key), ours.get(key));
        if a != b {
            let show = |fact: Option<&String>| fact.map_or("(none)".to_owned(), |f| format!("{f:?}"));
            out.push(format!("{key}: service {} | derives {}", show(a), show(b)));
        }
    }
    out
}

fn facts(document: &Document, schema: &Schema) -> BTreeMap<String, String> {
    let resolve = |name: &str| document.resolve_alias(name);
    let mut facts = BTreeMap::new();
    let types = schema.entity_types.iter().map(|ty| ("EntityType", ty));
    for (kind, ty) in types.chain(schema.complex_types.iter().map(|ty| ("ComplexType", ty))) {
        let at = format!("{kind} {}", ty.name);
        facts.insert(format!("{at}: base type"), ty.base_type.as_deref().map(resolve).unwrap_or_default());
        facts.insert(format!("{at}: open"), ty.is_open.to_string());
        facts.insert(format!("{at}: key"), ty.key.join(","));
        for property in &ty.properties {
            facts.insert(format!("{at}.{}: property", property.name), resolve(&property.ty));
        }
        for navigation in &ty.navigation_properties {
            let fact = format!("{} contains_target={}", resolve(&navigation.ty), navigation.contains_target);
            facts.insert(format!("{at}.{}: navigation", navigation.name), fact);
        }
    }
    facts
}
