//! The Graph call records CSDL (`tests/fixtures/graph/csdl/callRecords.xml`), generated into
//! a crate that must build without warnings and pass `rustfmt --check`. It also gets a test of its
//! own (`generated_crate/`), run there: every shared Graph example decodes and re-encodes to the
//! same JSON through the generated types, and the CSDL they emit is the schema they came from. A
//! small document of operations with structured parameters (`generated_crate/operations.xml`) is
//! built and run the same way. (The plain-serde twin of this crate, the baseline of the scale
//! benchmark, is built by `benches/plain-baseline`'s own test.)

mod support;

use odata_codegen::{Options, generate};
use odata_core::csdl::Document;
use support::{add_test, cargo, rustfmt_check, write_crate};

const CSDL: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/graph/csdl/callRecords.xml");

/// The tests the harness adds to generated crates (not part of what the generator writes).
const ROUND_TRIP_TEST: &str = include_str!("generated_crate/round_trip.rs");
const OPERATIONS_TEST: &str = include_str!("generated_crate/operations.rs");
const OPERATIONS_CSDL: &str = include_str!("generated_crate/operations.xml");

fn call_records_csdl() -> String {
    std::fs::read_to_string(CSDL).expect("the Graph fixtures in tests/fixtures/graph")
}

#[test]
fn call_records_generate_every_type() {
    let document = Document::parse_xml(&call_records_csdl()).unwrap();
    let generated = generate(&document, &Options::default()).unwrap();
    let summary = &generated.summary;
    assert_eq!((summary.entity_types, summary.complex_types, summary.enum_types), (7, 22, 16));
    assert_eq!((summary.functions, summary.actions), (2, 0));
    assert!(summary.warnings.is_empty(), "{:?}", summary.warnings);
    let call_records = &generated.files["call_records.rs"];
    assert!(call_records.contains("pub caller: Option<AnyEndpoint>,"));
    assert!(call_records.contains("pub organizer: Option<crate::graph::AnyIdentitySet>,"));
    assert!(call_records.contains("bound_to = \"Vec<CallRecord>\","));
}

/// One build of the generated crate: `cargo test` compiles it (no warnings allowed) and runs the
/// round-trip test the harness added.
#[test]
fn call_records_crate_compiles_round_trips_every_example_and_emits_its_schema() {
    let (dir, _) = write_crate("call_records_models", &call_records_csdl());
    rustfmt_check(&dir);
    add_test(&dir, "round_trip.rs", ROUND_TRIP_TEST);
    cargo(&dir, &["test"]);
}

/// Functions taking entity and complex values (single, polymorphic, collections), actions with
/// complex parameters: the crate builds, and the function URLs carry the values as JSON.
#[test]
fn operations_with_structured_parameters_compile_and_write_their_urls() {
    let (dir, generated) = write_crate("operations_models", OPERATIONS_CSDL);
    assert_eq!((generated.summary.functions, generated.summary.actions), (1, 1));
    rustfmt_check(&dir);
    add_test(&dir, "operations.rs", OPERATIONS_TEST);
    cargo(&dir, &["test"]);
}
