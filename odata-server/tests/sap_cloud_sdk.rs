//! An independent client against the Northwind example: the SAP Cloud SDK for JavaScript
//! (`@sap-cloud-sdk/generator` and `@sap-cloud-sdk/odata-v4`, pinned in
//! `tests/interop/sap/package-lock.json`) generates its typed client from the served `$metadata`
//! and runs reads, keys, filters, `$select`, `$expand`, counts, creates (with and without keys),
//! updates with ETags, deletes and multipart `$batch` with change sets against the server
//! (`tests/interop/sap/test.ts`, driven by `run.sh`).
//!
//! The service is the example's (model, data set and builder as in `examples/northwind/main.rs`),
//! served here in-process on 127.0.0.1:0, so the test always runs the code being tested. It needs
//! `npm` (the first run installs ~90 MB of packages into `tests/interop/sap/node_modules`); without
//! it, or with `ODATA_INTEROP=skip`, the test says it is skipped and passes.

#[path = "../examples/northwind/data.rs"]
mod data;
#[path = "../examples/northwind/model.rs"]
mod model;

use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use odata_server::Service;

/// A bound on the whole script (install, generate, compile, run) so that a hung `npm ci` cannot
/// hold the test run; a normal run takes well under a minute after the first install.
const SCRIPT_LIMIT: Duration = Duration::from_secs(20 * 60);

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_sap_cloud_sdk_reads_and_writes_northwind() {
    if std::env::var("ODATA_INTEROP").as_deref() == Ok("skip") {
        eprintln!("skipped: ODATA_INTEROP=skip (the SAP Cloud SDK interop test)");
        return;
    }
    if !npm_runs() {
        eprintln!("skipped: npm is not on PATH; install Node.js with npm to run the SAP Cloud SDK interop test");
        return;
    }

    let pool = odata_server::connect("sqlite::memory:").await.expect("sqlite");
    let service = Service::builder::<model::NorthwindEntities>(pool).build().await.expect("service");
    for set in data::seed().expect("seed data") {
        let rows: Vec<serde_json::Value> = set.rows.into_iter().map(serde_json::Value::Object).collect();
        service.insert_all(set.entity_set, &rows).await.expect("seed rows");
    }
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let root = format!("http://{}/", listener.local_addr().expect("address"));
    let router = service.router();
    tokio::spawn(async move { axum::serve(listener, router).await.expect("serve") });

    let script = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/interop/sap/run.sh");
    let (ok, output) = tokio::task::spawn_blocking(move || run_script(&script, &root)).await.expect("script thread");
    println!("{output}");
    assert!(ok, "the SAP Cloud SDK checks failed: see the FAIL lines of run.sh's output above");
}

/// Whether `npm --version` runs.
fn npm_runs() -> bool {
    Command::new("npm")
        .arg("--version")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// Runs `run.sh` against the server at `root`; its success and its output (stdout, then stderr).
fn run_script(script: &std::path::Path, root: &str) -> (bool, String) {
    let dir = std::env::temp_dir();
    let out_path = dir.join(format!("odata-sap-sdk-{}.out", std::process::id()));
    let err_path = dir.join(format!("odata-sap-sdk-{}.err", std::process::id()));
    let out = std::fs::File::create(&out_path).expect("stdout file");
    let err = std::fs::File::create(&err_path).expect("stderr file");
    let mut child = Command::new("bash")
        .arg(script)
        .env("NORTHWIND_URL", root)
        .stdin(Stdio::null())
        .stdout(out)
        .stderr(err)
        .spawn()
        .expect("start run.sh");
    let start = Instant::now();
    let status = loop {
        match child.try_wait().expect("wait for run.sh") {
            Some(status) => break Some(status),
            None if start.elapsed() > SCRIPT_LIMIT => {
                // Our own child, by its handle.
                let _ = child.kill();
                let _ = child.wait();
                break None;
            }
            None => std::thread::sleep(Duration::from_millis(200)),
        }
    };
    let text = |p: &PathBuf| std::fs::read_to_string(p).unwrap_or_default();
    let mut output = format!("{}{}", text(&out_path), text(&err_path));
    let _ = std::fs::remove_file(&out_path);
    let _ = std::fs::remove_file(&err_path);
    match status {
        Some(status) => (status.success(), output),
        None => {
            output.push_str(&format!("\nrun.sh did not finish within {} s; stopped", SCRIPT_LIMIT.as_secs()));
            (false, output)
        }
    }
}
