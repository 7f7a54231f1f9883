//! Copied into the crate generated from `callRecords.xml` by `odata-codegen/tests/call_records.rs`
//! (the test harness writes it, not the code generator) and run there with `cargo test`: the
//! generated types decode every shared Graph example and encode it back to the same JSON, and the
//! CSDL they describe is the schema they were generated from.
//!
//! `ODATA_GRAPH_FIXTURES` names the shared `fixtures/graph` directory (an absolute path).

use std::fmt::Write as _;
use std::path::PathBuf;

use call_records_models::call_records::{CallRecord, DirectRoutingLogRow, Participant, PstnCallLogRow, Session};
use odata_core::Page;
use odata_core::csdl::Document;
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

fn fixtures() -> PathBuf {
    let dir = std::env::var_os("ODATA_GRAPH_FIXTURES")
        .unwrap_or_else(|| panic!("ODATA_GRAPH_FIXTURES must name the shared fixtures/graph directory"));
    PathBuf::from(dir)
}

fn read(path: &std::path::Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Decodes `text` as `T`, encodes it again, and returns where the two JSON documents differ,
/// compared as `serde_json::Value` (member order is free; numbers, strings and arrays must be
/// equal), with one allowance: a member that is `null` in the example may be absent in the
/// encoding. odata-core reads `null` and absent alike as `None` (DESIGN.md: every property may be
/// omitted) and writes `None` as absent; no generated type can tell the two apart.
fn round_trip<T: DeserializeOwned + Serialize>(text: &str) -> Result<(), String> {
    let type_name = std::any::type_name::<T>();
    let decoded: T = serde_json::from_str(text).map_err(|e| format!("does not decode as {type_name}: {e}"))?;
    let encoded = serde_json::to_string(&decoded).map_err(|e| format!("{type_name} does not encode: {e}"))?;
    let encoded: Value = serde_json::from_str(&encoded).map_err(|e| format!("the encoding is not JSON: {e}"))?;
    let original: Value = serde_json::from_str(text).map_err(|e| format!("the example is not JSON: {e}"))?;
    let mut differences = Vec::new();
    compare(&original, &encoded, "$", &mut differences);
    if differences.is_empty() {
        Ok(())
    } else {
        Err(format!("as {type_name}, {} differences:\n    {}", differences.len(), differences.join("\n    ")))
    }
}

fn compare(original: &Value, encoded: &Value, path: &str, out: &mut Vec<String>) {
    match (original, encoded) {
        (Value::Object(a), Value::Object(b)) => {
            for (key, x) in a {
                match b.get(key) {
                    Some(y) => compare(x, y, &format!("{path}.{key}"), out),
                    None if x.is_null() => {}
                    None => out.push(format!("{path}.{key}: lost ({x} in the example)")),
                }
            }
            for (key, y) in b.iter().filter(|(key, _)| !a.contains_key(*key)) {
                out.push(format!("{path}.{key}: added by the encoding ({y})"));
            }
        }
        (Value::Array(a), Value::Array(b)) if a.len() == b.len() => {
            for (i, (x, y)) in a.iter().zip(b).enumerate() {
                compare(x, y, &format!("{path}[{i}]"), out);
            }
        }
        (a, b) if a == b => {}
        (a, b) => out.push(format!("{path}: {a} in the example, {b} encoded")),
    }
}

#[test]
fn every_shared_example_round_trips_through_the_generated_types() {
    let dir = fixtures().join("examples");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.unwrap_or_else(|e| panic!("{}: {e}", dir.display())).file_name())
        .map(|name| name.to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".json"))
        .collect();
    names.sort();
    let mut failures = String::new();
    for name in &names {
        let text = read(&dir.join(name));
        // The declared type of each example, as the fixtures' README lists it.
        let result = match name.as_str() {
            n if n.starts_with("callrecords-callrecord-get-") => round_trip::<CallRecord>(&text),
            n if n.starts_with("callrecords-cloudcommunications-list-callrecords-") => {
                round_trip::<Page<CallRecord>>(&text)
            }
            n if n.starts_with("callrecords-callrecord-list-sessions-") => round_trip::<Page<Session>>(&text),
            n if n.starts_with("callrecords-callrecord-list-participants_v2-") => {
                round_trip::<Page<Participant>>(&text)
            }
            n if n.starts_with("callrecords-callrecord-getdirectroutingcalls-") => {
                round_trip::<Page<DirectRoutingLogRow>>(&text)
            }
            n if n.starts_with("callrecords-callrecord-getpstncalls-") => round_trip::<Page<PstnCallLogRow>>(&text),
            _ => Err("an example this test does not know: add its declared type here".to_owned()),
        };
        if let Err(message) = result {
            let _ = writeln!(failures, "{name}: {message}");
        }
    }
    assert!(failures.is_empty(), "round trips through the generated code failed:\n{failures}");
    assert_eq!(names.len(), 12, "the shared examples: {names:?}");
}

#[test]
fn the_generated_types_describe_the_schema_they_were_generated_from() {
    let path = fixtures().join("csdl/callRecords.xml");
    let official = Document::parse_xml(&read(&path)).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let ours =
        Document::builder().add_namespace("microsoft.graph").add_namespace("microsoft.graph.callRecords").build();
    let mut report = String::new();
    // The comparison tests/csdl.rs makes for the hand-written model: `CSDL | generated`.
    for namespace in ["microsoft.graph.callRecords", "microsoft.graph"] {
        assert!(official.schema(namespace).is_some(), "no {namespace} in the CSDL");
        for difference in official.schema_differences(&ours, namespace) {
            let _ = writeln!(report, "{namespace}: {difference}");
        }
    }
    assert!(report.is_empty(), "{} differs from what the generated types emit:\n{report}", path.display());
}
