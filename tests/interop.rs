//! Interop with a real OData V4 server: SAP CAP (`tests/interop/cap`), installed from the npm
//! registry by the test itself and run on 127.0.0.1 for the duration of the run.
//!
//! `cargo test -p odata-tests --test interop` needs `npm` (and the Node.js it runs on); the
//! first run installs ~200 MB of packages into `tests/interop/cap/node_modules`, Node 22 among
//! them. `ODATA_INTEROP=skip` skips the tests. The runner is in `interop/harness.rs`.

#[path = "interop/harness.rs"]
mod harness;
#[path = "interop/http.rs"]
mod http;
#[path = "interop/model.rs"]
mod model;
#[path = "interop/server.rs"]
mod server;
#[path = "interop/support.rs"]
mod support;

use std::process::ExitCode;

use odata_core::csdl::Document;
use odata_core::{Decimal, Page};
use serde_json::{Value, json};

use harness::{Service, Test};
use model::{CallRecords, Segments, Sessions};
use support::{assert_lossless, decode, get_json, get_text, read_all_pages, resolve, schema_differences};

/// Every test, in the order they run.
const TESTS: &[Test] = &[
    ("metadata_matches_the_derives", metadata_matches_the_derives),
    ("every_entity_set_decodes_and_round_trips", every_entity_set_decodes_and_round_trips),
    ("server_quirks_are_survived", server_quirks_are_survived),
    ("a_chunked_batch_response_is_read", a_chunked_batch_response_is_read),
];

fn main() -> ExitCode {
    harness::main(TESTS)
}

/// The seed data (`cap/db/data`, from `gen-data.js`): 3 call records x 5 sessions x 2 segments.
const RECORD_3: &str = "e523d2ed-2966-4b6b-925b-000000000003";
const RECORD_1: &str = "e523d2ed-2966-4b6b-925b-000000000001";

/// The service's `$metadata` and the document built from the derives in `interop/model.rs` say
/// the same about every type: key, properties and their Edm types, navigation properties.
fn metadata_matches_the_derives(service: &Service) {
    let url = format!("{}$metadata", service.root);
    let xml = get_text(&url, "application/xml");
    let theirs = Document::parse_xml(&xml).unwrap_or_else(|e| panic!("{url} does not parse as CSDL: {e}"));
    let ours = Document::builder().add_type::<CallRecords>().add_type::<Sessions>().add_type::<Segments>().build();
    let differences = schema_differences(&theirs, &ours, "CallRecordsService");
    assert!(
        differences.is_empty(),
        "$metadata and the derives differ in {} facts:\n{}",
        differences.len(),
        differences.join("\n")
    );
}

/// Every page of every entity set, and two-level `$expand`s both ways, decodes with the model and
/// re-encodes without losing a member.
fn every_entity_set_decodes_and_round_trips(service: &Service) {
    // `@cds.query.limit` pages CallRecords by 2 and Sessions by 4; Segments has no limit.
    let (records, pages) = read_all_pages::<CallRecords>(service, "CallRecords");
    assert_eq!((records.len(), pages), (3, 2), "CallRecords: (items, pages)");
    let (sessions, pages) = read_all_pages::<Sessions>(service, "Sessions");
    assert_eq!((sessions.len(), pages), (15, 4), "Sessions: (items, pages)");
    let (segments, pages) = read_all_pages::<Segments>(service, "Segments");
    assert_eq!((segments.len(), pages), (30, 1), "Segments: (items, pages)");

    let (expanded, _) = read_all_pages::<CallRecords>(service, "CallRecords?$expand=sessions($expand=segments)");
    let shape: Vec<Vec<usize>> = expanded
        .iter()
        .map(|record| record.sessions.iter().map(|session| session.segments.iter().count()).collect())
        .collect();
    assert_eq!(shape, vec![vec![2; 5]; 3], "segments per session per record");

    // Single-valued navigation, two levels up.
    let (segments, _) = read_all_pages::<Segments>(service, "Segments?$expand=session($expand=callRecord)");
    assert_eq!(segments.len(), 30);
    for segment in &segments {
        let session = segment.session.get().unwrap_or_else(|| panic!("{:?}: session not expanded", segment.id));
        assert_eq!(session.id, segment.session_id, "the expanded session is the one session_id names");
        let record = session.call_record.get().unwrap_or_else(|| panic!("{:?}: callRecord not expanded", session.id));
        assert_eq!(record.id, session.call_record_id, "the expanded call record is the one callRecord_id names");
    }
}

/// What CAP does differently from most services, read correctly: Int64 and Decimal as JSON
/// strings, counts in `$expand` as strings, and relative context URLs and next links.
fn server_quirks_are_survived(service: &Service) {
    // Int64 beyond 2^53, as a string: an f64 would read 9007199254740992.
    let url = format!("{}CallRecords('{RECORD_3}')", service.root);
    let (text, raw) = get_json(&url);
    assert_eq!(raw["version"], json!("9007199254740993"), "CAP sends Int64 as a string");
    let record: CallRecords = decode(&url, &text);
    assert_eq!(record.version, Some(9_007_199_254_740_993));
    assert_eq!(record.additional_data.context(), Some("$metadata#CallRecords/$entity"));
    assert_eq!(record.additional_data.etag(), raw["@odata.etag"].as_str());
    assert_lossless(&url, &raw, &record);

    // Decimal(9,3) as a string, every digit kept.
    let url = format!("{}Segments?$top=1", service.root);
    let (text, raw) = get_json(&url);
    assert_eq!(raw["value"][0]["jitterMs"], json!("1.500"), "CAP sends Decimal as a string");
    let page: Page<Segments> = decode(&url, &text);
    let jitter = page.value[0].jitter_ms.as_ref().map(Decimal::as_str);
    assert_eq!(jitter, Some("1.500"));

    // `$count` in `$expand` comes as a string, the top-level `@odata.count` as a number.
    let url = format!("{}CallRecords?$expand=sessions($count=true;$top=1)", service.root);
    let (text, raw) = get_json(&url);
    assert_eq!(raw["value"][0]["sessions@odata.count"], json!("5"), "CAP sends a count in $expand as a string");
    let page: Page<CallRecords> = decode(&url, &text);
    let counts: Vec<(Option<i64>, usize)> =
        page.iter().map(|record| (record.sessions.count(), record.sessions.iter().count())).collect();
    assert_eq!(counts, [(Some(5), 1), (Some(5), 1)], "(sessions@odata.count, expanded sessions) per record");
    assert_lossless(&url, &raw, &page);
    let url = format!("{}Sessions?$count=true&$top=1", service.root);
    let (text, raw) = get_json(&url);
    assert_eq!(raw["@odata.count"], json!(15));
    assert_eq!(decode::<Page<Sessions>>(&url, &text).count, Some(15));

    // The context URL is relative to the request URL, the nextLink to the context URL: against
    // the request URL, this nextLink would name `CallRecords('...')/CallRecords('...')/sessions`.
    let url = format!("{}CallRecords('{RECORD_1}')/sessions", service.root);
    let (text, raw) = get_json(&url);
    let page: Page<Sessions> = decode(&url, &text);
    assert_lossless(&url, &raw, &page);
    assert_eq!(page.context.as_deref(), Some("../$metadata#Sessions"));
    let context = resolve(&url, page.context.as_deref().unwrap_or_default());
    assert_eq!(context, format!("{}$metadata#Sessions", service.root));
    let next_link = page.next_link.as_deref().unwrap_or_else(|| panic!("GET {url}: no nextLink (4 of 5 sessions)"));
    assert!(!next_link.starts_with("http"), "a relative nextLink, as CAP sends it: {next_link}");
    let next = resolve(&context, next_link);
    assert_eq!(next, format!("{}CallRecords('{RECORD_1}')/sessions?%24skiptoken=4", service.root));
    let rest: Page<Sessions> = decode(&next, &get_text(&next, "application/json"));
    assert_eq!(rest.next_link, None);
    let mut ids: Vec<&str> = page.iter().chain(&rest).filter_map(|session| session.id.as_deref()).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), 5, "the sessions of {RECORD_1} over two pages: {ids:?}");
    assert!(page.iter().chain(&rest).all(|session| session.call_record_id.as_deref() == Some(RECORD_1)));
}

/// A JSON `$batch` answer comes with `Transfer-Encoding: chunked` (the only such response of
/// this service): the client reads it, and the page inside decodes.
fn a_chunked_batch_response_is_read(service: &Service) {
    let url = format!("{}$batch", service.root);
    let request = json!({"requests": [{"id": "1", "method": "GET", "url": "CallRecords?$top=1"}]});
    let response = http::post(&url, "application/json", "application/json", request.to_string().as_bytes())
        .unwrap_or_else(|e| panic!("{e}"));
    let text = response.text().unwrap_or_else(|e| panic!("POST {url}: {e}"));
    assert_eq!(response.status, 200, "POST {url}: {text}");
    assert_eq!(response.header("Transfer-Encoding"), Some("chunked"));
    let answer: Value = serde_json::from_str(text).unwrap_or_else(|e| panic!("POST {url}: not JSON ({e}): {text}"));
    let part = &answer["responses"][0];
    assert_eq!(part["status"], json!(200), "{part}");
    let page: Page<CallRecords> = serde_json::from_value(part["body"].clone())
        .unwrap_or_else(|e| panic!("the batch part does not decode as Page<CallRecords>: {e}"));
    assert_lossless(&url, &part["body"], &page);
    assert_eq!(page.value.len(), 1);
    assert_eq!(page.value[0].id.as_deref(), Some(RECORD_1));
}
