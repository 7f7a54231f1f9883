//! The CAP service through code generated from its `$metadata` (odata-codegen), not through the
//! hand-written `model.rs`: the checked-in CSDL is what the server serves, the checked-in Rust is
//! what odata-codegen makes of it, and the generated types read, write and round-trip the data.
//!
//! To regenerate both after a change to the CAP service (`cap/srv`, `cap/db`): start it
//! (`cd tests/interop/cap && PORT=4004 node_modules/.bin/node node_modules/@sap/cds/bin/serve.js`),
//! then, from the workspace root:
//!
//! ```text
//! cargo run -p odata-codegen -- --url http://127.0.0.1:4004/odata/v4/callrecords/ \
//!     --save-metadata tests/interop/cap-metadata.xml --out tests/interop/generated
//! ```

use odata_codegen::{Options, generate};
use odata_core::csdl::Document;
use odata_core::query::{Query, Resource, ServiceRoot};
use odata_core::request::Changes;
use odata_core::{ODataService, Page};

use crate::call_records_service::{CallRecords, EntityContainer, Segments, Sessions};
use crate::harness::Service;
use crate::support::{get_decoded, read_all_pages};

/// The service's `$metadata`, as fetched once and checked in.
const CHECKED_IN_CSDL: &str = include_str!("cap-metadata.xml");
/// What odata-codegen generated from it, checked in.
const CHECKED_IN_RUST: &str = include_str!("generated/call_records_service.rs");
/// Paths for messages, relative to the workspace.
const CSDL_PATH: &str = "tests/interop/cap-metadata.xml";
const RUST_PATH: &str = "tests/interop/generated/call_records_service.rs";

/// Where the checked-in text first differs from the other: `line N: checked in "..." | <what> "..."`.
fn first_difference(checked_in: &str, other: &str, what: &str) -> String {
    let (mut a, mut b) = (checked_in.lines(), other.lines());
    for n in 1.. {
        match (a.next(), b.next()) {
            (None, None) => break,
            (x, y) if x == y => {}
            (x, y) => {
                let (x, y) = (x.unwrap_or("(end)"), y.unwrap_or("(end)"));
                return format!("line {n}: checked in {x:?} | {what} {y:?}");
            }
        }
    }
    "only in line endings or the final newline".to_owned()
}

/// The live `$metadata` is the checked-in CSDL, byte for byte; and the CSDL the generated types
/// emit says the same about every type as the service's.
pub fn the_checked_in_csdl_is_the_live_metadata(service: &Service) {
    // Read as odata-codegen's `--url` reads it.
    let client = odata_client::Client::new(root(service)).unwrap_or_else(|e| panic!("{e}"));
    let url = client.root().metadata_url();
    let live = runtime().block_on(client.metadata()).unwrap_or_else(|e| panic!("GET {url}: {e}"));
    assert!(
        live == CHECKED_IN_CSDL,
        "GET {url} differs from {CSDL_PATH} (see tests/interop/codegen.rs to refresh both): {}",
        first_difference(CHECKED_IN_CSDL, &live, "served")
    );
    let theirs = Document::parse_xml(&live).unwrap_or_else(|e| panic!("{url}: {e}"));
    // The generated container reaches every type of the service.
    let ours = Document::builder().add_container::<EntityContainer>().build();
    // All the facts, nullability and the container included: unlike the hand-written models
    // (support.rs), the generated ones must say exactly what the document says.
    let differences: Vec<String> =
        theirs.schema_differences(&ours, "CallRecordsService").iter().map(ToString::to_string).collect();
    assert!(differences.is_empty(), "the generated types and $metadata differ:\n{}", differences.join("\n"));
}

/// odata-codegen, run on the checked-in CSDL, writes the checked-in Rust byte for byte: nobody
/// edited it by hand, and the generator's output has not drifted from it.
pub fn regenerating_reproduces_the_checked_in_rust(_: &Service) {
    let document = Document::parse_xml(CHECKED_IN_CSDL).unwrap_or_else(|e| panic!("{CSDL_PATH}: {e}"));
    let generated = generate(&document, &Options::default()).unwrap_or_else(|e| panic!("{CSDL_PATH}: {e}"));
    assert!(generated.summary.warnings.is_empty(), "{:?}", generated.summary.warnings);
    let names: Vec<&String> = generated.files.keys().collect();
    assert_eq!(names, ["call_records_service.rs"], "the files odata-codegen writes for {CSDL_PATH}");
    let rust = &generated.files["call_records_service.rs"];
    assert!(
        rust == CHECKED_IN_RUST,
        "{RUST_PATH} is not what odata-codegen generates from {CSDL_PATH}; regenerate it (see \
         tests/interop/codegen.rs) rather than edit it: {}",
        first_difference(CHECKED_IN_RUST, rust, "generated")
    );
}

fn root(service: &Service) -> ServiceRoot {
    ServiceRoot::new(&service.root).unwrap_or_else(|e| panic!("{e}"))
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap_or_else(|e| panic!("{e}"))
}

fn call_records(service: &Service) -> Resource<Vec<CallRecords>> {
    EntityContainer::at(&root(service)).call_records.resource()
}

/// Every page of every entity set decodes into the generated types and re-encodes without loss,
/// and so does a counted, limited page with two levels of `$expand`.
pub fn the_generated_types_read_every_entity_set(service: &Service) {
    // The sets by their paths in the generated container.
    let container = EntityContainer::at(&root(service));
    let (records, pages) = read_all_pages::<CallRecords>(service, container.call_records.path());
    assert_eq!((records.len(), pages), (3, 2), "CallRecords: (items, pages)");
    let (sessions, pages) = read_all_pages::<Sessions>(service, container.sessions.path());
    assert_eq!((sessions.len(), pages), (15, 4), "Sessions: (items, pages)");
    let (segments, pages) = read_all_pages::<Segments>(service, container.segments.path());
    assert_eq!((segments.len(), pages), (30, 1), "Segments: (items, pages)");
    assert!(records.iter().all(|r| r.id.is_some() && r.start_date_time.is_some()), "{records:?}");
    assert!(segments.iter().all(|s| s.session_id.is_some() && s.jitter_ms.is_some()), "{segments:?}");

    let query = Query::<CallRecords>::new()
        .count(true)
        .top(2)
        .order_by(CallRecords::ID)
        .expand_with(CallRecords::SESSIONS, |sessions| sessions.expand(Sessions::SEGMENTS));
    let url = call_records(service).url_with(&query);
    let page: Page<CallRecords> = get_decoded(&url);
    assert_eq!((page.count, page.value.len()), (Some(3), 2), "GET {url}: (@odata.count, items)");
    for record in &page {
        let sessions = record.sessions.get().unwrap_or_else(|| panic!("GET {url}: {:?}: no sessions", record.id));
        let shape: Vec<usize> = sessions.iter().map(|s| s.segments.iter().count()).collect();
        assert_eq!(shape, [2; 5], "GET {url}: segments per session of {:?}", record.id);
    }
}

/// Create, update (with the ETag) and delete one call record with the generated type, through
/// odata-client.
pub fn the_generated_types_create_update_and_delete(service: &Service) {
    let runtime = runtime();
    let client = odata_client::Client::new(root(service)).unwrap_or_else(|e| panic!("{e}"));
    let record = CallRecords {
        id: Some("g-crud".to_owned()),
        version: Some(1),
        r#type: Some("peerToPeer".to_owned()),
        join_web_url: Some("https://example.com/generated".to_owned()),
        participants: Some(vec![crate::call_records_service::GraphCallRecordsIdentitySet {
            user: Some(crate::call_records_service::GraphCallRecordsIdentity {
                id: Some("u1".to_owned()),
                display_name: Some("Zoë".to_owned()),
                ..Default::default()
            }),
            ..Default::default()
        }]),
        ..Default::default()
    };
    let created = runtime.block_on(client.create(&call_records(service), &record)).unwrap_or_else(|e| panic!("{e}"));
    let created = created.unwrap_or_else(|| panic!("CAP returns the created entity"));
    assert_eq!((&created.id, &created.participants), (&record.id, &record.participants));

    let resource = call_records(service).key("g-crud");
    let before = runtime.block_on(client.get(&resource, &Query::new())).unwrap_or_else(|e| panic!("{e}"));
    let etag = before.additional_data.etag().unwrap_or_else(|| panic!("CAP sends @odata.etag")).into_owned();
    let mut wanted = before.clone();
    wanted.version = Some(2);
    let changes = Changes::diff(&before, &wanted).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(changes.to_json().ok().as_deref(), Some(r#"{"version":2}"#));
    runtime.block_on(client.update(&resource, &changes, Some(&etag))).unwrap_or_else(|e| panic!("{e}"));
    let after = runtime.block_on(client.get(&resource, &Query::new())).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((after.version, &after.join_web_url), (Some(2), &record.join_web_url));

    runtime
        .block_on(client.delete(&resource, after.additional_data.etag().as_deref()))
        .unwrap_or_else(|e| panic!("{e}"));
    let gone = runtime.block_on(client.get(&resource, &Query::new())).err().unwrap_or_else(|| panic!("deleted"));
    assert_eq!(gone.status().map(|s| s.as_u16()), Some(404), "{gone}");
}
