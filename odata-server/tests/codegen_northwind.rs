//! odata-codegen end to end against the running Northwind example: the example's service runs
//! in-process over SQLite with the whole classic data set; its `$metadata`, fetched over HTTP,
//! becomes a crate (`target/codegen-check/northwind_served`) that must build without a warning
//! and be rustfmt-clean; a test inside that crate (`codegen_northwind/served.rs`) then reads,
//! filters, expands, pages, writes with ETags and batches against the server with the generated
//! types and odata-client only, and checks that the generated container emits the served
//! document.

#[path = "../examples/northwind/data.rs"]
mod data;
#[path = "../examples/northwind/model.rs"]
mod model;
mod northwind_example;
mod support;

// The harness odata-codegen's own tests build generated crates with (write the crate, add a
// test, run cargo offline in `target/codegen-check` with the workspace's Cargo.lock), shared
// rather than copied. Not every helper is used here.
#[allow(dead_code)]
#[path = "../../odata-codegen/tests/support/mod.rs"]
mod codegen_support;

use std::path::Path;

use odata_core::csdl::Document;

/// The test run inside the generated crate.
const SERVED_TEST: &str = include_str!("codegen_northwind/served.rs");

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_crate_generated_from_the_served_metadata_reads_and_writes_the_service() {
    let server = northwind_example::serve().await;
    let metadata = support::get(&format!("{}/$metadata", server.root)).await;
    assert_eq!(metadata.status, 200, "{}", metadata.text);
    assert_eq!(metadata.header("content-type"), Some("application/xml"), "the XML document");
    let document = Document::parse_xml(&metadata.text).expect("the served $metadata parses");

    let tests = [("served-metadata.xml", metadata.text.as_str())];
    let (dir, generated) = codegen_support::write_document("northwind_served", &document, &tests);
    let summary = &generated.summary;
    assert!(summary.warnings.is_empty(), "{:?}", summary.warnings);
    // The eight classic entity types and the derived `DiscontinuedProduct`, with `AnyProduct`
    // for the sets and navigation properties that hold products.
    assert_eq!((summary.namespaces, summary.entity_types, summary.polymorphic_enums), (1, 9, 1), "{summary}");
    let module = &generated.files["src/northwind_model.rs"];
    assert!(module.contains("    pub products: odata_core::container::EntitySet<AnyProduct>,\n"), "{module}");
    codegen_support::rustfmt_check(&dir);
    codegen_support::add_test(&dir, "served.rs", SERVED_TEST);
    // What the test needs to talk to the server, besides `add_test`'s serde and serde_json:
    // odata-client by path, tokio for `#[tokio::test]` (resolved offline from the copied lock).
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("workspace root");
    let manifest = dir.join("Cargo.toml");
    let mut text = std::fs::read_to_string(&manifest).expect("read Cargo.toml");
    text.push_str(&format!(
        "odata-client = {{ path = {:?} }}\ntokio = {{ version = \"1\", features = [\"macros\", \"rt-multi-thread\"] }}\n",
        workspace.join("odata-client").display().to_string()
    ));
    std::fs::write(&manifest, text).expect("write Cargo.toml");

    // The server keeps serving on this runtime while cargo builds and runs the crate's test.
    let root = server.root.clone();
    let stdout = tokio::task::spawn_blocking(move || {
        codegen_support::cargo_with_env(&dir, &["test", "--test", "served"], &[("NORTHWIND_SERVED_ROOT", &root)])
    })
    .await
    .expect("cargo test in the generated crate");
    // Every test of `served.rs` ran (none filtered or ignored).
    assert!(stdout.contains("test result: ok. 8 passed; 0 failed; 0 ignored"), "{stdout}");
}
