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
use odata_core::query::{Property, Query, Resource, ServiceRoot};
use odata_core::{DateTimeOffset, Decimal, Page};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};

use harness::{Service, Test};
use model::{CallRecords, Segments, Sessions};
use support::{
    assert_lossless, decode, get_decoded, get_error, get_json, get_text, read_all_pages, read_all_pages_at, resolve,
    schema_differences,
};

/// Every test, in the order they run.
const TESTS: &[Test] = &[
    ("metadata_matches_the_derives", metadata_matches_the_derives),
    ("every_entity_set_decodes_and_round_trips", every_entity_set_decodes_and_round_trips),
    ("server_quirks_are_survived", server_quirks_are_survived),
    ("a_chunked_batch_response_is_read", a_chunked_batch_response_is_read),
    ("select_returns_only_the_selected_properties", select_returns_only_the_selected_properties),
    ("nested_expand_takes_its_own_options", nested_expand_takes_its_own_options),
    ("filter_on_a_date_range_counts_as_the_seed_data", filter_on_a_date_range_counts_as_the_seed_data),
    ("filter_on_quoted_and_non_ascii_strings", filter_on_quoted_and_non_ascii_strings),
    ("filter_with_in", filter_with_in),
    ("filter_with_any_over_a_navigation", filter_with_any_over_a_navigation),
    ("order_by_ascending_and_descending", order_by_ascending_and_descending),
    ("top_and_skip_give_windows_of_the_order", top_and_skip_give_windows_of_the_order),
    ("count_true_equals_the_items_read", count_true_equals_the_items_read),
    ("next_links_read_every_session_and_match_dollar_count", next_links_read_every_session_and_match_dollar_count),
    ("by_key_and_along_navigation_paths", by_key_and_along_navigation_paths),
    ("an_injection_attempt_stays_a_literal", an_injection_attempt_stays_a_literal),
    ("a_bad_filter_is_a_400_with_an_error_body", a_bad_filter_is_a_400_with_an_error_body),
    ("an_unknown_key_is_a_404_with_an_error_body", an_unknown_key_is_a_404_with_an_error_body),
    ("the_client_pages_through_relative_next_links", the_client_pages_through_relative_next_links),
    ("the_client_reads_keys_counts_and_typed_errors", the_client_reads_keys_counts_and_typed_errors),
    // Writes last: they add and remove data the reads above count.
    ("a_deep_insert_reads_back_equal", a_deep_insert_reads_back_equal),
    ("a_patch_with_the_etag_changes_only_that_property", a_patch_with_the_etag_changes_only_that_property),
    ("stale_and_missing_etags_are_typed_errors", stale_and_missing_etags_are_typed_errors),
    ("a_delete_is_followed_by_404", a_delete_is_followed_by_404),
    ("a_json_batch_with_a_depends_on_chain", a_json_batch_with_a_depends_on_chain),
];

fn main() -> ExitCode {
    harness::main(TESTS)
}

/// The seed data (`cap/db/data`, from `gen-data.js`): 3 call records x 5 sessions x 2 segments.
const RECORD_3: &str = "e523d2ed-2966-4b6b-925b-000000000003";
const RECORD_1: &str = "e523d2ed-2966-4b6b-925b-000000000001";
const RECORD_2: &str = "e523d2ed-2966-4b6b-925b-000000000002";
/// The third session of the first record (ids are `5c2a1b3f-0000-4000-8000-000000000<r><s>`).
const SESSION_1_3: &str = "5c2a1b3f-0000-4000-8000-000000000103";

/// The literal of the classic injection: were it pasted into a URL unescaped, `eq` on it would
/// match every row.
const INJECTION: &str = "x' or 1 eq 1 or 'x";

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

// Typed requests: every URL below is built with `odata_core::query`, no query string by hand.

fn root(service: &Service) -> ServiceRoot {
    ServiceRoot::new(&service.root).unwrap_or_else(|e| panic!("{e}"))
}

fn call_records(service: &Service) -> Resource<Vec<CallRecords>> {
    root(service).entity_set::<CallRecords>("CallRecords")
}

fn sessions(service: &Service) -> Resource<Vec<Sessions>> {
    root(service).entity_set::<Sessions>("Sessions")
}

fn date(text: &str) -> DateTimeOffset {
    DateTimeOffset::parse(text).unwrap_or_else(|e| panic!("{text}: {e}"))
}

fn ids<'a, T: 'a>(items: impl IntoIterator<Item = &'a T>, id: impl Fn(&T) -> Option<&str>) -> Vec<String> {
    items.into_iter().map(|item| id(item).unwrap_or("(no id)").to_owned()).collect()
}

fn session_ids<'a>(items: impl IntoIterator<Item = &'a Sessions>) -> Vec<String> {
    ids(items, |session| session.id.as_deref())
}

fn record_ids<'a>(items: impl IntoIterator<Item = &'a CallRecords>) -> Vec<String> {
    ids(items, |record| record.id.as_deref())
}

/// `$select`: the selected properties come back, the others are absent (`None`).
fn select_returns_only_the_selected_properties(service: &Service) {
    let query = Query::<Sessions>::new()
        .select(Sessions::ID)
        .select(Sessions::START_DATE_TIME)
        .select(Sessions::CALLER_IDENTITY_USER_DISPLAY_NAME)
        .filter(Sessions::CALL_RECORD_ID.eq(RECORD_1))
        .order_by(Sessions::ID)
        .top(3);
    let url = sessions(service).url_with(&query);
    let page: Page<Sessions> = get_decoded(&url);
    assert_eq!(page.value.len(), 3, "GET {url}");
    for session in &page {
        assert!(session.id.is_some() && session.start_date_time.is_some(), "GET {url}: {session:?}");
        assert!(session.caller_identity_user_display_name.is_some(), "GET {url}: {session:?}");
        let unselected = (
            &session.end_date_time,
            &session.call_record_id,
            &session.modalities,
            &session.callee_identity_user_display_name,
            &session.is_test,
        );
        assert_eq!(unselected, (&None, &None, &None, &None, &None), "GET {url}: unselected properties came back");
    }
    let first = &page.value[0];
    assert_eq!(first.start_date_time, Some(date("2024-01-11T09:01:00Z")));
    assert_eq!(first.caller_identity_user_display_name.as_deref(), Some("Caller 1"));

    // On a single entity, too.
    let url = call_records(service).key(RECORD_3).url_with(&Query::<CallRecords>::new().select(CallRecords::VERSION));
    let record: CallRecords = get_decoded(&url);
    assert_eq!(record.version, Some(9_007_199_254_740_993));
    assert_eq!((record.r#type, record.start_date_time, record.participants), (None, None, None), "GET {url}");
}

/// `$expand=sessions($select=...;$filter=...;$top=..;$count=true)`: the nested options apply
/// per call record.
fn nested_expand_takes_its_own_options(service: &Service) {
    let query = Query::<CallRecords>::new()
        .select(CallRecords::ID)
        .expand_with(CallRecords::SESSIONS, |sessions| {
            sessions
                .select(Sessions::ID)
                .select(Sessions::CALLER_IDENTITY_USER_DISPLAY_NAME)
                .filter(Sessions::CALLER_IDENTITY_USER_DISPLAY_NAME.ne("Caller 1"))
                .order_by_desc(Sessions::START_DATE_TIME)
                .top(2)
                .count(true)
        })
        .filter(CallRecords::ID.is_in([RECORD_1, RECORD_2]))
        .order_by(CallRecords::ID);
    let url = call_records(service).url_with(&query);
    assert!(url.contains("$expand=sessions("), "{url}");
    let page: Page<CallRecords> = get_decoded(&url);
    assert_eq!(record_ids(&page), [RECORD_1, RECORD_2], "GET {url}");
    for record in &page {
        // 5 sessions, 4 not Caller 1; the 2 latest of those.
        assert_eq!(record.sessions.count(), Some(4), "GET {url}: sessions@odata.count of {:?}", record.id);
        let names: Vec<Option<&str>> =
            record.sessions.iter().map(|session| session.caller_identity_user_display_name.as_deref()).collect();
        assert_eq!(names, [Some("Caller 5"), Some("Caller 4")], "GET {url}: sessions of {:?}", record.id);
        assert!(record.sessions.iter().all(|session| session.start_date_time.is_none() && session.id.is_some()));
        assert_eq!(record.start_date_time, None, "GET {url}: $select=id on the record");
    }
}

/// `$filter` with `ge` and `lt` on `Edm.DateTimeOffset`: February's 5 sessions and the first 2 of
/// March 13 (09:01, 09:02; 09:03 is excluded by `lt`).
fn filter_on_a_date_range_counts_as_the_seed_data(service: &Service) {
    let (from, to) = (date("2024-02-01T00:00:00Z"), date("2024-03-13T09:03:00Z"));
    let query = Query::<Sessions>::new()
        .filter(Sessions::START_DATE_TIME.ge(from).and(Sessions::START_DATE_TIME.lt(to)))
        .count(true);
    let url = sessions(service).url_with(&query);
    let first: Page<Sessions> = get_decoded(&url);
    assert_eq!(first.count, Some(7), "GET {url}: @odata.count");
    let (all, pages) = read_all_pages_at::<Sessions>(&url);
    assert_eq!((all.len(), pages), (7, 2), "GET {url}: (items, pages of 4)");
    for session in &all {
        let start = session.start_date_time.unwrap_or_else(|| panic!("{:?}: no startDateTime", session.id));
        assert!(from <= start && start < to, "{:?} starts at {start}, outside [{from}, {to})", session.id);
    }
    let records: Vec<&str> = all.iter().filter_map(|session| session.call_record_id.as_deref()).collect();
    assert_eq!(records.iter().filter(|&&r| r == RECORD_2).count(), 5);
    assert_eq!(records.iter().filter(|&&r| r == RECORD_3).count(), 2);

    // An offset other than Z is the same instant.
    let query = Query::<Sessions>::new().filter(Sessions::START_DATE_TIME.eq(date("2024-01-11T10:03:00+01:00")));
    let url = sessions(service).url_with(&query);
    let page: Page<Sessions> = get_decoded(&url);
    assert_eq!(session_ids(&page), [SESSION_1_3], "GET {url}");
}

/// Strings with `'` and non-ASCII text as `$filter` literals. The seed data holds neither, so an
/// `eq` on them finds nothing (and is no error); `eq`/`contains`/`startswith` on real values
/// find them.
fn filter_on_quoted_and_non_ascii_strings(service: &Service) {
    const NAME: Property<Sessions, String> = Sessions::CALLER_IDENTITY_USER_DISPLAY_NAME;
    for absent in ["O'Brien", "''", "'", "Zoë Ångström", "東京 🚀", "100% & more+?#/"] {
        let url = sessions(service).url_with(&Query::<Sessions>::new().filter(NAME.eq(absent)));
        let page: Page<Sessions> = get_decoded(&url);
        assert!(page.value.is_empty(), "GET {url}: {absent:?} matched {:?}", session_ids(&page));
        let url = sessions(service).url_with(&Query::<Sessions>::new().filter(NAME.contains(absent)));
        let page: Page<Sessions> = get_decoded(&url);
        assert!(page.value.is_empty(), "GET {url}: contains {absent:?} matched {:?}", session_ids(&page));
    }

    let read = |query: Query<Sessions>| {
        let url = sessions(service).url_with(&query.order_by(Sessions::ID));
        let (all, _) = read_all_pages_at::<Sessions>(&url);
        session_ids(&all)
    };
    let callers_3 = [
        "5c2a1b3f-0000-4000-8000-000000000103",
        "5c2a1b3f-0000-4000-8000-000000000203",
        "5c2a1b3f-0000-4000-8000-000000000303",
    ];
    assert_eq!(read(Query::new().filter(NAME.eq("Caller 3"))), callers_3);
    assert_eq!(read(Query::new().filter(NAME.contains("ller 3"))), callers_3);
    assert_eq!(read(Query::new().filter(NAME.to_lower().eq("caller 3"))), callers_3);
    assert_eq!(read(Query::new().filter(NAME.ends_with(" 3").and(NAME.starts_with("Call")))), callers_3);
    assert_eq!(read(Query::new().filter(NAME.contains("aller"))).len(), 15);
    assert_eq!(read(Query::new().filter(NAME.length().eq(8))).len(), 15);
}

/// `$filter=x in (...)`, on strings and on the key.
fn filter_with_in(service: &Service) {
    let query = Query::<Sessions>::new()
        .filter(Sessions::CALLER_IDENTITY_USER_DISPLAY_NAME.is_in(["Caller 1", "Caller 5", "O'Brien", "Zoë"]))
        .count(true);
    let url = sessions(service).url_with(&query);
    let (all, _) = read_all_pages_at::<Sessions>(&url);
    assert_eq!(get_decoded::<Page<Sessions>>(&url).count, Some(6), "GET {url}: @odata.count");
    assert_eq!(all.len(), 6, "GET {url}");
    let mut names: Vec<&str> =
        all.iter().filter_map(|session| session.caller_identity_user_display_name.as_deref()).collect();
    names.sort_unstable();
    assert_eq!(names, ["Caller 1", "Caller 1", "Caller 1", "Caller 5", "Caller 5", "Caller 5"]);

    let query = Query::<CallRecords>::new()
        .filter(CallRecords::ID.is_in([RECORD_3, RECORD_1, INJECTION]))
        .order_by(CallRecords::ID);
    let url = call_records(service).url_with(&query);
    let page: Page<CallRecords> = get_decoded(&url);
    assert_eq!(record_ids(&page), [RECORD_1, RECORD_3], "GET {url}");
}

/// `$filter=sessions/any(s:...)` over the collection navigation: the call records with a session
/// in February, then those with a session by `Caller 3` that started after 09:02 on any day.
fn filter_with_any_over_a_navigation(service: &Service) {
    let february = Sessions::START_DATE_TIME
        .ge(date("2024-02-01T00:00:00Z"))
        .and(Sessions::START_DATE_TIME.lt(date("2024-03-01T00:00:00Z")));
    let query = Query::<CallRecords>::new().filter(CallRecords::SESSIONS.any(|_| february));
    let url = call_records(service).url_with(&query);
    assert!(url.contains("any("), "{url}");
    let page: Page<CallRecords> = get_decoded(&url);
    assert_eq!(record_ids(&page), [RECORD_2], "GET {url}");

    let query = Query::<CallRecords>::new()
        .filter(CallRecords::SESSIONS.any(|_| Sessions::CALLER_IDENTITY_USER_DISPLAY_NAME.eq("O'Brien")))
        .count(true);
    let url = call_records(service).url_with(&query);
    let page: Page<CallRecords> = get_decoded(&url);
    assert_eq!((page.count, page.value.len()), (Some(0), 0), "GET {url}");

    // `all`, and `any` combined with a filter on the record itself.
    let query = Query::<CallRecords>::new()
        .filter(
            CallRecords::SESSIONS
                .any(|_| Sessions::CALLER_IDENTITY_USER_DISPLAY_NAME.eq("Caller 3"))
                .and(CallRecords::TYPE.eq("peerToPeer")),
        )
        .order_by(CallRecords::ID);
    let url = call_records(service).url_with(&query);
    let page: Page<CallRecords> = get_decoded(&url);
    assert_eq!(record_ids(&page), [RECORD_1, RECORD_3], "GET {url}");
}

/// `$orderby` ascending and descending, on one key and on two.
fn order_by_ascending_and_descending(service: &Service) {
    let starts = |query: Query<Sessions>| {
        let url = sessions(service).url_with(&query);
        let (all, _) = read_all_pages_at::<Sessions>(&url);
        let starts: Vec<DateTimeOffset> = all.iter().filter_map(|session| session.start_date_time).collect();
        assert_eq!(starts.len(), 15, "GET {url}");
        (url, all, starts)
    };
    let (url, _, ascending) = starts(Query::new().order_by(Sessions::START_DATE_TIME));
    assert!(ascending.windows(2).all(|w| w[0] < w[1]), "GET {url}: not ascending: {ascending:?}");
    assert_eq!(ascending[0], date("2024-01-11T09:01:00Z"));
    let (url, _, descending) = starts(Query::new().order_by_desc(Sessions::START_DATE_TIME));
    assert!(descending.windows(2).all(|w| w[0] > w[1]), "GET {url}: not descending: {descending:?}");
    assert_eq!(descending.iter().rev().copied().collect::<Vec<_>>(), ascending);

    // By name, then latest first within a name.
    let query =
        Query::new().order_by(Sessions::CALLER_IDENTITY_USER_DISPLAY_NAME).order_by_desc(Sessions::START_DATE_TIME);
    let (url, all, _) = starts(query);
    let keys: Vec<(String, DateTimeOffset)> = all
        .iter()
        .map(|s| {
            (
                s.caller_identity_user_display_name.clone().unwrap_or_default(),
                s.start_date_time.unwrap_or_else(|| date("2000-01-01T00:00:00Z")),
            )
        })
        .collect();
    let mut expected = keys.clone();
    expected.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
    assert_eq!(keys, expected, "GET {url}");
    assert_eq!(all[0].id.as_deref(), Some("5c2a1b3f-0000-4000-8000-000000000301"));
}

/// `$top` and `$skip` cut windows out of the ordered collection.
fn top_and_skip_give_windows_of_the_order(service: &Service) {
    let (everything, _) =
        read_all_pages_at::<Sessions>(&sessions(service).url_with(&Query::<Sessions>::new().order_by(Sessions::ID)));
    let everything = session_ids(&everything);
    assert_eq!(everything.len(), 15);
    for (top, skip) in [(3, 0), (3, 4), (2, 13), (5, 14), (1, 15), (4, 100)] {
        let url = sessions(service).url_with(&Query::<Sessions>::new().order_by(Sessions::ID).top(top).skip(skip));
        let page: Page<Sessions> = get_decoded(&url);
        let end = (skip + top).min(15) as usize;
        let expected = everything.get(skip as usize..end).unwrap_or_default();
        assert_eq!(session_ids(&page), expected, "GET {url}");
        assert_eq!(page.next_link, None, "GET {url}: a window within the page size has no nextLink");
    }
}

/// `$count=true`: `@odata.count` is the number of items read over all pages, with and without a
/// filter, on an entity set and along a navigation.
fn count_true_equals_the_items_read(service: &Service) {
    fn read<T>(url: &str) -> usize
    where
        Page<T>: DeserializeOwned + Serialize,
    {
        let first: Page<T> = get_decoded(url);
        let (all, _) = read_all_pages_at::<T>(url);
        assert_eq!(first.count, Some(all.len() as i64), "GET {url}: @odata.count and the items read");
        all.len()
    }
    let counts = [
        read::<CallRecords>(&call_records(service).url_with(&Query::<CallRecords>::new().count(true))),
        read::<Sessions>(&sessions(service).url_with(&Query::<Sessions>::new().count(true))),
        read::<Sessions>(
            &sessions(service)
                .url_with(&Query::<Sessions>::new().filter(Sessions::CALL_RECORD_ID.eq(RECORD_2)).count(true)),
        ),
        read::<Sessions>(
            &call_records(service)
                .key(RECORD_1)
                .navigate(CallRecords::SESSIONS)
                .url_with(&Query::<Sessions>::new().count(true)),
        ),
        read::<Segments>(
            &root(service).entity_set::<Segments>("Segments").url_with(&Query::<Segments>::new().count(true)),
        ),
    ];
    assert_eq!(counts, [3, 15, 5, 5, 30]);
}

/// Every session, read page by page through `@odata.nextLink`, and `/$count` agree.
fn next_links_read_every_session_and_match_dollar_count(service: &Service) {
    let url = sessions(service).count().url();
    assert!(url.ends_with("/Sessions/$count"), "{url}");
    let text = get_text(&url, "text/plain");
    let count: usize = text.trim().parse().unwrap_or_else(|e| panic!("GET {url}: not a number ({e}): {text:?}"));
    assert_eq!(count, 15);

    let (all, pages) = read_all_pages_at::<Sessions>(&sessions(service).url());
    let mut unique = session_ids(&all);
    unique.sort_unstable();
    unique.dedup();
    assert_eq!((all.len(), unique.len(), pages), (count, count, 4), "(items, distinct ids, pages of 4)");

    // A `$top` up to the maximum page size (10) comes in one page; above it, the server pages by
    // the maximum and the nextLinks stop at `$top`.
    let url = sessions(service).url_with(&Query::<Sessions>::new().order_by(Sessions::ID).top(9));
    let (nine, pages) = read_all_pages_at::<Sessions>(&url);
    assert_eq!((nine.len(), pages), (9, 1), "GET {url}: (items, pages)");
    assert_eq!(session_ids(&nine), unique[..9]);
    let url = sessions(service).url_with(&Query::<Sessions>::new().order_by(Sessions::ID).top(12));
    let first: Page<Sessions> = get_decoded(&url);
    let (twelve, pages) = read_all_pages_at::<Sessions>(&url);
    assert_eq!(first.value.len(), 10, "GET {url}: the first page holds the maximum");
    assert!(first.next_link.as_deref().is_some_and(|next| next.contains("skiptoken")), "GET {url}: {first:?}");
    assert_eq!((twelve.len(), pages), (12, 2), "GET {url}: (items, pages)");
    assert_eq!(session_ids(&twelve), unique[..12]);

    // `/$count` along a navigation, and with a filter.
    let url = call_records(service).key(RECORD_2).navigate(CallRecords::SESSIONS).count().url();
    assert_eq!(get_text(&url, "text/plain").trim(), "5", "GET {url}");
}

/// An entity by key, and entities along navigation paths: `CallRecords('r')/sessions`,
/// `CallRecords('r')/sessions('s')`, `Sessions('s')/callRecord`.
fn by_key_and_along_navigation_paths(service: &Service) {
    let url = call_records(service).key(RECORD_2).url();
    assert!(url.ends_with(&format!("CallRecords('{RECORD_2}')")), "{url}");
    let record: CallRecords = get_decoded(&url);
    assert_eq!(record.id.as_deref(), Some(RECORD_2));
    assert_eq!(record.r#type.as_deref(), Some("groupCall"));
    assert_eq!(record.version, Some(2));

    let url = call_records(service).key(RECORD_1).navigate(CallRecords::SESSIONS).url();
    let (all, _) = read_all_pages_at::<Sessions>(&url);
    assert_eq!(all.len(), 5, "GET {url}");
    assert!(all.iter().all(|session| session.call_record_id.as_deref() == Some(RECORD_1)), "GET {url}");

    let url = call_records(service).key(RECORD_1).navigate(CallRecords::SESSIONS).key(SESSION_1_3).url();
    let session: Sessions = get_decoded(&url);
    assert_eq!(session.id.as_deref(), Some(SESSION_1_3));
    assert_eq!(session.caller_identity_user_display_name.as_deref(), Some("Caller 3"));
    assert_eq!(session.start_date_time, Some(date("2024-01-11T09:03:00Z")));

    let query = Query::<Segments>::new().order_by(Segments::START_DATE_TIME);
    let url = sessions(service).key(SESSION_1_3).navigate(Sessions::SEGMENTS).url_with(&query);
    let segments: Page<Segments> = get_decoded(&url);
    assert_eq!(segments.value.len(), 2, "GET {url}");
    assert!(segments.iter().all(|segment| segment.session_id.as_deref() == Some(SESSION_1_3)));

    let url = sessions(service).key(SESSION_1_3).navigate(Sessions::CALL_RECORD).url();
    let record: CallRecords = get_decoded(&url);
    assert_eq!(record.id.as_deref(), Some(RECORD_1), "GET {url}");

    // The session exists, but not under this record.
    let url = call_records(service).key(RECORD_2).navigate(CallRecords::SESSIONS).key(SESSION_1_3).url();
    let failure = get_error(&url);
    assert_eq!(failure.status, 404, "GET {url}: {failure:?}");
}

/// `x' or 1 eq 1 or 'x` stays one string literal: as a `$filter` value it matches nothing, as a
/// key it names no entity.
fn an_injection_attempt_stays_a_literal(service: &Service) {
    for query in [
        Query::<CallRecords>::new().filter(CallRecords::ID.eq(INJECTION)),
        Query::<CallRecords>::new().filter(CallRecords::JOIN_WEB_URL.eq(INJECTION)),
        Query::<CallRecords>::new().filter(CallRecords::ID.contains(INJECTION)),
        Query::<CallRecords>::new().filter(CallRecords::SESSIONS.any(|_| Sessions::ID.eq(INJECTION))),
    ] {
        let url = call_records(service).url_with(&query);
        assert!(url.contains("'x''%20or%201%20eq%201%20or%20''x'"), "not one escaped literal: {url}");
        let page: Page<CallRecords> = get_decoded(&url);
        assert!(page.value.is_empty(), "GET {url}: matched {:?}", record_ids(&page));
    }
    let url = call_records(service).key(INJECTION).url();
    let failure = get_error(&url);
    assert_eq!(failure.status, 404, "GET {url}: {failure:?}");
    let url = call_records(service).key(RECORD_1).navigate(CallRecords::SESSIONS).key(INJECTION).url();
    let failure = get_error(&url);
    assert_eq!(failure.status, 404, "GET {url}: {failure:?}");
}

/// A `$filter` that does not parse, or names a property the type lacks, is a 400 with an OData
/// error body.
fn a_bad_filter_is_a_400_with_an_error_body(service: &Service) {
    for (filter, what) in [
        ("startDateTime eq", "an incomplete comparison"),
        ("noSuchProperty eq 1", "an unknown property"),
        ("startDateTime eq 'not a date' and", "a dangling and"),
    ] {
        let url = sessions(service).url_with(&Query::<Sessions>::new().raw("$filter", filter));
        let failure = get_error(&url);
        assert_eq!(failure.status, 400, "GET {url} ({what}): {failure:?}");
        // CAP's `code` is the status as a string, and it adds `@Common.numericSeverity`.
        assert_eq!(failure.error.code, "400", "GET {url} ({what}): {failure:?}");
        assert!(!failure.error.message.is_empty(), "GET {url} ({what}): {failure:?}");
        assert_eq!(failure.error.additional.get("@Common.numericSeverity"), Some(&json!(4)), "{failure:?}");
    }
    let url = sessions(service).url_with(&Query::<Sessions>::new().raw("$filter", "noSuchProperty eq 1"));
    let failure = get_error(&url);
    assert!(failure.error.message.contains("noSuchProperty"), "GET {url}: the message names the property: {failure:?}");
}

/// An unknown key is a 404 with an OData error body, on an entity set and along a navigation.
fn an_unknown_key_is_a_404_with_an_error_body(service: &Service) {
    let missing = "e523d2ed-2966-4b6b-925b-999999999999";
    for url in [
        call_records(service).key(missing).url(),
        sessions(service).key(missing).url(),
        call_records(service).key(missing).navigate(CallRecords::SESSIONS).key(SESSION_1_3).url(),
    ] {
        let failure = get_error(&url);
        assert_eq!((failure.status, failure.error.code.as_str()), (404, "404"), "GET {url}: {failure:?}");
        assert!(!failure.error.message.is_empty(), "GET {url}: {failure:?}");
    }
}

/// The same reads through `odata-client` (reqwest): CAP's relative next links under a
/// navigation path (`../$metadata#Sessions`, `CallRecords('x')/sessions?$skiptoken=4`) are
/// resolved against the context URL, and every session arrives once.
fn the_client_pages_through_relative_next_links(service: &Service) {
    let client = odata_client::Client::builder(root(service)).max_pages(20).build().unwrap_or_else(|e| panic!("{e}"));
    let runtime = runtime();
    let under_record = call_records(service).key(RECORD_1).navigate(CallRecords::SESSIONS);
    let mut pages = client.pages(&under_record, &Query::new().order_by(Sessions::START_DATE_TIME));
    let mut read = Vec::new();
    while let Some(page) = runtime.block_on(pages.next_page()) {
        read.extend(page.unwrap_or_else(|e| panic!("{e}")).value);
    }
    assert!(pages.pages_read() > 1, "CAP pages Sessions by 4: expected more than one page");
    assert_eq!(read.len(), 5);
    let all = runtime
        .block_on(client.pages(&sessions(service), &Query::new()).collect_all())
        .unwrap_or_else(|e| panic!("{e}"));
    let count = runtime.block_on(client.count(&sessions(service), &Query::new())).unwrap_or_else(|e| panic!("{e}"));
    let mut ids = session_ids(&all);
    ids.sort();
    ids.dedup();
    assert_eq!((all.len(), ids.len()), (count as usize, count as usize));
}

/// By key and `/$count` with a filter through the client; a bad `$filter` and an unknown key
/// come back as typed errors with their status.
fn the_client_reads_keys_counts_and_typed_errors(service: &Service) {
    let client = odata_client::Client::new(root(service)).unwrap_or_else(|e| panic!("{e}"));
    let runtime = runtime();
    let record = runtime
        .block_on(client.get(&call_records(service).key(RECORD_3), &Query::new()))
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(record.version, Some(9_007_199_254_740_993));
    let under_record = Query::<Sessions>::new().filter(Sessions::CALL_RECORD_ID.eq(RECORD_1));
    let count = runtime.block_on(client.count(&sessions(service), &under_record)).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(count, 5);
    let bad = Query::<Sessions>::new().raw("$filter", "startDateTime eq");
    let error = runtime.block_on(client.get(&sessions(service), &bad)).err().unwrap_or_else(|| panic!("a 400"));
    assert_eq!(error.status().map(|s| s.as_u16()), Some(400), "{error}");
    assert!(error.response().and_then(|e| e.service_error()).is_some_and(|e| !e.message.is_empty()), "{error}");
    let missing = call_records(service).key("x' or 1 eq 1 or 'x");
    let error = runtime.block_on(client.get(&missing, &Query::new())).err().unwrap_or_else(|| panic!("a 404"));
    assert_eq!(error.status().map(|s| s.as_u16()), Some(404), "{error}");
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap_or_else(|e| panic!("{e}"))
}

/// A new call record with two sessions of two segments each, for the write tests.
fn new_record(id: &str) -> CallRecords {
    let segment = |n: u32, session: &str| Segments {
        id: Some(format!("{session}-g{n}")),
        start_date_time: Some(date("2025-01-01T10:00:00Z")),
        ..Default::default()
    };
    let session = |n: u32| {
        let session_id = format!("{id}-s{n}");
        Sessions {
            id: Some(session_id.clone()),
            start_date_time: Some(date("2025-01-01T10:00:00Z")),
            is_test: Some(true),
            segments: odata_core::Navigation::expanded(vec![segment(1, &session_id), segment(2, &session_id)]),
            ..Default::default()
        }
    };
    CallRecords {
        id: Some(id.to_owned()),
        version: Some(1),
        r#type: Some("groupCall".to_owned()),
        join_web_url: Some("https://example.com/join/é?a=1&b='2'".to_owned()),
        start_date_time: Some(date("2025-01-01T10:00:00Z")),
        sessions: odata_core::Navigation::expanded(vec![session(1), session(2)]),
        ..Default::default()
    }
}

fn client(service: &Service) -> odata_client::Client {
    odata_client::Client::new(root(service)).unwrap_or_else(|e| panic!("{e}"))
}

/// Reads a record with its sessions and their segments.
fn read_deep(service: &Service, id: &str) -> CallRecords {
    let query = Query::<CallRecords>::new()
        .expand_with(CallRecords::SESSIONS, |s| s.expand(Sessions::SEGMENTS).order_by(Sessions::ID));
    runtime().block_on(client(service).get(&call_records(service).key(id), &query)).unwrap_or_else(|e| panic!("{e}"))
}

fn a_deep_insert_reads_back_equal(service: &Service) {
    let record = new_record("w-deep");
    let created = runtime().block_on(client(service).create(&call_records(service), &record));
    let created = created.unwrap_or_else(|e| panic!("{e}")).unwrap_or_else(|| panic!("CAP returns the created entity"));
    assert_eq!(created.id, record.id);
    let read = read_deep(service, "w-deep");
    assert_eq!((read.join_web_url.as_deref(), read.version), (record.join_web_url.as_deref(), Some(1)));
    let sessions = read.sessions.get().unwrap_or_else(|| panic!("sessions expanded"));
    assert_eq!(sessions.len(), 2);
    for (read, sent) in sessions.iter().zip(record.sessions.get().into_iter().flatten()) {
        assert_eq!((&read.id, read.is_test, read.start_date_time), (&sent.id, Some(true), sent.start_date_time));
        let ids = |s: &Sessions| s.segments.get().map(|g| g.iter().map(|g| g.id.clone()).collect::<Vec<_>>());
        assert_eq!(ids(read), ids(sent));
    }
}

fn a_patch_with_the_etag_changes_only_that_property(service: &Service) {
    let runtime = runtime();
    let client = client(service);
    runtime.block_on(client.create(&call_records(service), &new_record("w-patch"))).unwrap_or_else(|e| panic!("{e}"));
    let before = read_deep(service, "w-patch");
    let etag = before.additional_data.etag().unwrap_or_else(|| panic!("CAP sends @odata.etag")).to_owned();
    let mut wanted = before.clone();
    wanted.join_web_url = Some("https://example.com/changed".to_owned());
    let changes = odata_core::request::Changes::diff(&before, &wanted).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(changes.to_json().ok().as_deref(), Some(r#"{"joinWebUrl":"https://example.com/changed"}"#));
    let resource = call_records(service).key("w-patch");
    runtime.block_on(client.update(&resource, &changes, Some(&etag))).unwrap_or_else(|e| panic!("{e}"));
    let after = read_deep(service, "w-patch");
    assert_eq!(after.join_web_url.as_deref(), Some("https://example.com/changed"));
    assert_ne!(after.additional_data.etag(), Some(etag.as_str()), "the ETag changes with the entity");
    // Everything else is as it was.
    let mut expected = before;
    expected.join_web_url = after.join_web_url.clone();
    expected.last_modified_date_time = after.last_modified_date_time;
    expected.additional_data = after.additional_data.clone();
    assert_eq!(after, expected);
}

fn stale_and_missing_etags_are_typed_errors(service: &Service) {
    let runtime = runtime();
    let client = client(service);
    runtime.block_on(client.create(&call_records(service), &new_record("w-etag"))).unwrap_or_else(|e| panic!("{e}"));
    let resource = call_records(service).key("w-etag");
    let changes = odata_core::request::Changes::<CallRecords>::new().set(CallRecords::VERSION, 2i64);
    let stale = runtime.block_on(client.update(&resource, &changes, Some("W/\"2000-01-01T00:00:00.000Z\"")));
    let stale = stale.err().unwrap_or_else(|| panic!("a stale ETag must fail"));
    assert!(matches!(stale.response(), Some(odata_core::request::ResponseError::PreconditionFailed { .. })), "{stale}");
    let request = odata_core::request::WriteRequest::update(&resource, &changes).unwrap_or_else(|e| panic!("{e}"));
    let missing = runtime.block_on(client.write(&request)).err().unwrap_or_else(|| panic!("no If-Match must fail"));
    assert!(
        matches!(missing.response(), Some(odata_core::request::ResponseError::PreconditionRequired { .. })),
        "{missing}"
    );
    let unchanged = read_deep(service, "w-etag");
    assert_eq!(unchanged.version, Some(1));
}

fn a_delete_is_followed_by_404(service: &Service) {
    let runtime = runtime();
    let client = client(service);
    runtime.block_on(client.create(&call_records(service), &new_record("w-delete"))).unwrap_or_else(|e| panic!("{e}"));
    let resource = call_records(service).key("w-delete");
    let etag = read_deep(service, "w-delete").additional_data.etag().map(str::to_owned);
    runtime.block_on(client.delete(&resource, etag.as_deref())).unwrap_or_else(|e| panic!("{e}"));
    let gone = runtime.block_on(client.get(&resource, &Query::new())).err().unwrap_or_else(|| panic!("deleted"));
    assert_eq!(gone.status().map(|s| s.as_u16()), Some(404), "{gone}");
    // The composition went with it.
    let orphan = runtime.block_on(client.get(&sessions(service).key("w-delete-s1"), &Query::new())).err();
    assert_eq!(orphan.and_then(|e| e.status()).map(|s| s.as_u16()), Some(404));
}

fn a_json_batch_with_a_depends_on_chain(service: &Service) {
    use odata_core::request::{BatchItem, BatchRequest};
    let runtime = runtime();
    let client = client(service);
    let mut batch = BatchRequest::new(&service.root);
    let body = serde_json::to_value(new_record("w-batch")).unwrap_or_else(|e| panic!("{e}"));
    let create = batch.add(BatchItem::post("CallRecords", body));
    let read = batch.add(BatchItem::get("CallRecords('w-batch')/sessions").depends_on(&create));
    let missing = batch.add(BatchItem::get("CallRecords('no-such-record')"));
    let patch = batch.add(
        BatchItem::patch("CallRecords('w-batch')", json!({"version": 7}))
            .header(::http::header::IF_MATCH, ::http::HeaderValue::from_static("*"))
            .depends_on(&read),
    );
    let response = runtime.block_on(client.batch(&batch)).unwrap_or_else(|e| panic!("{e}"));
    let in_order = response.in_order(&batch);
    let statuses: Vec<Option<u16>> = in_order.iter().map(|r| r.map(|r| r.status.as_u16())).collect();
    assert_eq!(statuses.len(), 4);
    assert_eq!(statuses[0], Some(201), "{statuses:?}");
    assert_eq!(statuses[1], Some(200), "{statuses:?}");
    assert_eq!(statuses[2], Some(404), "{statuses:?}");
    assert!(matches!(statuses[3], Some(200 | 204)), "{statuses:?}");
    let sessions: Page<Sessions> =
        response.get(&read).map(|r| r.read()).unwrap_or_else(|| panic!("{read}")).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(sessions.value.len(), 2);
    let error = response.get(&missing).map(|r| r.read::<CallRecords>());
    assert!(matches!(error, Some(Err(ref e)) if e.status().as_u16() == 404), "{error:?}");
    assert_eq!(read_deep(service, "w-batch").version, Some(7), "{patch}");
}
