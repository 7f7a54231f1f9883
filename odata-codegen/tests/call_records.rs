//! The Graph call records CSDL (`tests/fixtures/graph/csdl/callRecords.xml`), generated into
//! a crate that must build without warnings and pass `rustfmt --check`, with the derives and with
//! plain serde. The crate with the derives also gets a test of its own (`generated_crate/`), run
//! there: every shared Graph example decodes and re-encodes to the same JSON through the generated
//! types, and the CSDL they emit is the schema they came from. A small document of operations
//! with structured parameters (`generated_crate/operations.xml`) is built and run the same way.

use std::path::{Path, PathBuf};
use std::process::Command;

use odata_codegen::{Options, generate};
use odata_core::csdl::Document;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/graph");
const CSDL: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/graph/csdl/callRecords.xml");

/// The tests the harness adds to generated crates (not part of what the generator writes).
const ROUND_TRIP_TEST: &str = include_str!("generated_crate/round_trip.rs");
const OPERATIONS_TEST: &str = include_str!("generated_crate/operations.rs");
const OPERATIONS_CSDL: &str = include_str!("generated_crate/operations.xml");

/// `target/` of the workspace: this test binary is `target/<profile>/deps/<name>`.
fn target_dir() -> PathBuf {
    let exe = std::env::current_exe().expect("test executable path");
    exe.ancestors().nth(3).expect("target directory").to_path_buf()
}

fn call_records_csdl() -> String {
    std::fs::read_to_string(CSDL).expect("the Graph fixtures in tests/fixtures/graph")
}

fn write_crate(name: &str, csdl: &str, plain_serde: bool) -> (PathBuf, odata_codegen::Generated) {
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("workspace root");
    let document = Document::parse_xml(csdl).expect("valid CSDL");
    let options = Options {
        crate_name: Some(name.to_owned()),
        plain_serde,
        odata_core_dependency: format!("{{ path = {:?} }}", workspace.join("odata-core").display().to_string()),
        ..Options::default()
    };
    let generated = generate(&document, &options).expect("generates");
    let dir = target_dir().join("codegen-check").join(name);
    let _ = std::fs::remove_dir_all(dir.join("src"));
    let _ = std::fs::remove_dir_all(dir.join("tests"));
    for (path, content) in &generated.files {
        let path = dir.join(path);
        std::fs::create_dir_all(path.parent().expect("a parent")).expect("create dir");
        let content = if path.ends_with("Cargo.toml") {
            // Not a member of the workspace the check directory sits in.
            format!("{content}\n[workspace]\n")
        } else {
            content.clone()
        };
        std::fs::write(&path, content).expect("write file");
    }
    // The workspace's versions, so the check builds offline with what is already downloaded.
    std::fs::copy(workspace.join("Cargo.lock"), dir.join("Cargo.lock")).expect("copy Cargo.lock");
    (dir, generated)
}

/// Adds a test to a generated crate as `tests/<name>`, with the dev-dependencies the tests need
/// (resolved offline from the copied `Cargo.lock`).
fn add_test(dir: &Path, name: &str, test: &str) {
    let manifest = dir.join("Cargo.toml");
    let mut text = std::fs::read_to_string(&manifest).expect("read Cargo.toml");
    text.push_str("\n[dev-dependencies]\nserde = \"1\"\nserde_json = \"1\"\n");
    std::fs::write(&manifest, text).expect("write Cargo.toml");
    std::fs::create_dir_all(dir.join("tests")).expect("create tests dir");
    std::fs::write(dir.join("tests").join(name), test).expect("write the test");
}

/// `cargo <command> --features full` in a generated crate: it must succeed without a warning.
fn cargo(dir: &Path, command: &str) {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let output = Command::new(cargo)
        .args([command, "--offline", "--features", "full", "--message-format", "short"])
        .current_dir(dir)
        .env("CARGO_TARGET_DIR", target_dir().join("codegen-check").join("target"))
        .env("ODATA_GRAPH_FIXTURES", Path::new(FIXTURES).canonicalize().expect("the Graph fixtures"))
        .env_remove("RUSTFLAGS")
        .output()
        .expect("run cargo");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "cargo {command} failed in {}:\n{stdout}\n{stderr}", dir.display());
    assert!(!stderr.contains("warning:"), "warnings in {}:\n{stderr}", dir.display());
}

fn rustfmt_check(dir: &Path) {
    let files: Vec<PathBuf> =
        std::fs::read_dir(dir.join("src")).expect("src dir").map(|entry| entry.expect("dir entry").path()).collect();
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("workspace root");
    let output = Command::new("rustfmt")
        .args(["--check", "--edition", "2024", "--config-path"])
        .arg(workspace.join("rustfmt.toml"))
        .args(&files)
        .output();
    match output {
        Ok(output) => {
            assert!(output.status.success(), "not rustfmt-clean:\n{}", String::from_utf8_lossy(&output.stdout))
        }
        Err(error) => eprintln!("rustfmt not run: {error}"),
    }
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
    let (dir, _) = write_crate("call_records_models", &call_records_csdl(), false);
    rustfmt_check(&dir);
    add_test(&dir, "round_trip.rs", ROUND_TRIP_TEST);
    cargo(&dir, "test");
}

/// Functions taking entity and complex values (single, polymorphic, collections), actions with
/// complex parameters: the crate builds, and the function URLs carry the values as JSON.
#[test]
fn operations_with_structured_parameters_compile_and_write_their_urls() {
    let (dir, generated) = write_crate("operations_models", OPERATIONS_CSDL, false);
    assert_eq!((generated.summary.functions, generated.summary.actions), (1, 1));
    rustfmt_check(&dir);
    add_test(&dir, "operations.rs", OPERATIONS_TEST);
    cargo(&dir, "test");
}

#[test]
fn plain_serde_baseline_compiles() {
    let (dir, _) = write_crate("call_records_plain", &call_records_csdl(), true);
    rustfmt_check(&dir);
    cargo(&dir, "check");
}
