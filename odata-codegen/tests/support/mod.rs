//! Building generated crates: write one into `target/codegen-check/<name>`, add a test to it, and
//! run cargo there (no warning allowed). The same steps as `call_records.rs`'s, for the test files
//! that need them too.

use std::path::{Path, PathBuf};
use std::process::Command;

use odata_codegen::{Options, generate};
use odata_core::csdl::Document;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/graph");

/// `target/` of the workspace: this test binary is `target/<profile>/deps/<name>`.
pub fn target_dir() -> PathBuf {
    let exe = std::env::current_exe().expect("test executable path");
    exe.ancestors().nth(3).expect("target directory").to_path_buf()
}

pub fn write_crate(name: &str, csdl: &str) -> (PathBuf, odata_codegen::Generated) {
    write_document(name, &Document::parse_xml(csdl).expect("valid CSDL"), &[])
}

/// Writes the crate generated from `document` to `target/codegen-check/<name>`, with `tests`
/// (file name, content: tests and the files they read) in its `tests/`.
pub fn write_document(name: &str, document: &Document, tests: &[(&str, &str)]) -> (PathBuf, odata_codegen::Generated) {
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("workspace root");
    let options = Options::new()
        .crate_name(name)
        .odata_core_dependency(format!("{{ path = {:?} }}", workspace.join("odata-core").display().to_string()));
    let generated = generate(document, &options).expect("generates");
    let dir = target_dir().join("codegen-check").join(name);
    let _ = std::fs::remove_dir_all(dir.join("src"));
    let _ = std::fs::remove_dir_all(dir.join("tests"));
    let tests = tests.iter().map(|(path, content)| (format!("tests/{path}"), (*content).to_owned()));
    for (path, content) in generated.files.clone().into_iter().chain(tests) {
        let path = dir.join(path);
        std::fs::create_dir_all(path.parent().expect("a parent")).expect("create dir");
        let content = if path.ends_with("Cargo.toml") {
            // Not a member of the workspace the check directory sits in.
            format!("{content}\n[workspace]\n")
        } else {
            content
        };
        std::fs::write(&path, content).expect("write file");
    }
    // The workspace's versions, so the check builds offline with what is already downloaded.
    std::fs::copy(workspace.join("Cargo.lock"), dir.join("Cargo.lock")).expect("copy Cargo.lock");
    (dir, generated)
}

/// Adds a test to a generated crate as `tests/<name>`, with the dev-dependencies the tests need
/// (resolved offline from the copied `Cargo.lock`).
pub fn add_test(dir: &Path, name: &str, test: &str) {
    let manifest = dir.join("Cargo.toml");
    let mut text = std::fs::read_to_string(&manifest).expect("read Cargo.toml");
    text.push_str("\n[dev-dependencies]\nserde = \"1\"\nserde_json = \"1\"\n");
    std::fs::write(&manifest, text).expect("write Cargo.toml");
    std::fs::create_dir_all(dir.join("tests")).expect("create tests dir");
    std::fs::write(dir.join("tests").join(name), test).expect("write the test");
}

/// `cargo <command...> --features full` in a generated crate (`&["test"]`, `&["test", "--tests"]`):
/// it must succeed without a warning.
pub fn cargo(dir: &Path, command: &[&str]) {
    cargo_with_env(dir, command, &[]);
}

/// [`cargo`] with more environment variables for the generated crate's tests (the root URL of a
/// service they read); its standard output (the test results).
pub fn cargo_with_env(dir: &Path, command: &[&str], env: &[(&str, &str)]) -> String {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let output = Command::new(cargo)
        .args(command)
        .args(["--offline", "--features", "full", "--message-format", "short"])
        .current_dir(dir)
        .env("CARGO_TARGET_DIR", target_dir().join("codegen-check").join("target"))
        .env("ODATA_GRAPH_FIXTURES", Path::new(FIXTURES).canonicalize().expect("the Graph fixtures"))
        .envs(env.iter().copied())
        .env_remove("RUSTFLAGS")
        .output()
        .expect("run cargo");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "cargo {command:?} failed in {}:\n{stdout}\n{stderr}", dir.display());
    assert!(!stderr.contains("warning:"), "warnings in {}:\n{stderr}", dir.display());
    stdout.into_owned()
}

pub fn rustfmt_check(dir: &Path) {
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
