//! The twin of a generated crate builds: the Graph call records CSDL
//! (`tests/fixtures/graph/csdl/callRecords.xml`) generated with odata-codegen into
//! `target/plain-baseline-check/call_records_models`, its twin written next to it, and
//! `cargo check` run on the twin (no warning allowed), as the scale benchmark does for all of
//! Graph v1.0.

use std::path::{Path, PathBuf};
use std::process::Command;

use odata_codegen::{Options, generate};
use odata_core::csdl::Document;
use plain_baseline::{Summary, twin_crate};

const CSDL: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/graph/csdl/callRecords.xml");

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").canonicalize().expect("the workspace root")
}

/// `target/` of the workspace: this test binary is `target/<profile>/deps/<name>`.
fn target_dir() -> PathBuf {
    let exe = std::env::current_exe().expect("test executable path");
    exe.ancestors().nth(3).expect("target directory").to_path_buf()
}

/// Writes the generated crate with the derives (its sources only: it is not built here).
fn write_generated(dir: &Path) {
    let document = Document::parse_xml(&std::fs::read_to_string(CSDL).expect("the Graph fixtures")).expect("CSDL");
    let options = Options::new().crate_name("call_records_models");
    let generated = generate(&document, &options).expect("generates");
    let _ = std::fs::remove_dir_all(dir);
    for (path, content) in &generated.files {
        let path = dir.join(path);
        std::fs::create_dir_all(path.parent().expect("a parent")).expect("create dir");
        std::fs::write(&path, content).expect("write file");
    }
}

#[test]
fn the_twin_of_the_call_records_crate_has_no_odata_core_and_builds() {
    let root = target_dir().join("plain-baseline-check");
    let generated = root.join("call_records_models");
    let twin = root.join("call_records_plain");
    write_generated(&generated);
    let _ = std::fs::remove_dir_all(twin.join("src"));
    let summary = twin_crate(&generated, &twin, Some("call_records_plain")).expect("the twin");
    // The generator's counts for this document: 7 entity and 22 complex types, 6 holders, 16
    // enumerations, 2 functions.
    let expected = Summary {
        files: 3,
        structs: 29,
        holders: 6,
        enums: 16,
        type_definitions: 0,
        operations: 2,
        services_removed: 0,
    };
    assert_eq!(summary, expected);
    for file in ["src/lib.rs", "src/graph.rs", "src/call_records.rs", "Cargo.toml"] {
        let text = std::fs::read_to_string(twin.join(file)).expect("a twin file");
        assert!(!text.contains("odata_core") && !text.contains("odata-core"), "{file} still names odata-core");
    }
    let call_records = std::fs::read_to_string(twin.join("src/call_records.rs")).expect("the twin module");
    assert!(call_records.contains(
        "    #[serde(rename = \"organizer\", default, skip_serializing_if = \"Option::is_none\")]\n    \
         pub organizer: Option<crate::graph::IdentitySet>,\n"
    ));

    // Not a member of the workspace the check directory sits in; the workspace's versions, so
    // that the check builds offline with what is already downloaded.
    let manifest = twin.join("Cargo.toml");
    let text = std::fs::read_to_string(&manifest).expect("the twin manifest");
    std::fs::write(&manifest, format!("{text}\n[workspace]\n")).expect("write the manifest");
    std::fs::copy(workspace().join("Cargo.lock"), twin.join("Cargo.lock")).expect("copy Cargo.lock");
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let output = Command::new(cargo)
        .args(["check", "--offline", "--features", "full", "--message-format", "short"])
        .current_dir(&twin)
        .env("CARGO_TARGET_DIR", root.join("target"))
        .env_remove("RUSTFLAGS")
        .output()
        .expect("run cargo");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "cargo check failed in {}:\n{stderr}", twin.display());
    assert!(!stderr.contains("warning:"), "warnings in {}:\n{stderr}", twin.display());
}
