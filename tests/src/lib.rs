//! Helpers shared by the integration tests: the shared Graph fixtures, and a comparison of JSON
//! documents that says where they differ.

pub mod fuzz;
pub mod strict;

use std::path::PathBuf;

/// `tests/fixtures/graph`: the published Graph responses, docs pages and CSDL (see its README).
pub fn graph_fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures/graph")
}

/// The text of `examples/<name>` from the shared Graph fixtures.
pub fn example(name: &str) -> String {
    let path = graph_fixtures().join("examples").join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// The names of all shared Graph example responses.
pub fn example_names() -> Vec<String> {
    let dir = graph_fixtures().join("examples");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()))
        .map(|entry| entry.expect("directory entry").file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".json"))
        .collect();
    names.sort();
    names
}

/// Decodes `text` as `T`, encodes it again, and checks strictly that the same JSON comes back
/// (see [`strict`] for the rule and the only normalisations it forgives). Panics with every
/// difference and its JSON path.
pub fn assert_round_trip<T>(text: &str) -> T
where
    T: serde::de::DeserializeOwned + serde::Serialize,
{
    let value: T = serde_json::from_str(text).unwrap_or_else(|e| panic!("decode failed: {e}"));
    if let Err(differences) = round_trip_differences(text, &value) {
        panic!("round trip changed the document:\n{differences}");
    }
    value
}

/// Encodes `value` (decoded from `text`) and compares the result with `text` strictly; the
/// normalisations used, or the differences.
pub fn round_trip_differences<T: serde::Serialize>(
    text: &str,
    value: &T,
) -> Result<Vec<strict::Normalisation>, String> {
    let encoded = serde_json::to_string(value).map_err(|e| format!("encode failed: {e}"))?;
    // The same value with `@odata.type` on every structured value: it names each object's model
    // type, so that the comparison knows where a normalisation applies.
    let options = odata_core::EncodeOptions::new().always_write_type(true);
    let typed = odata_core::to_string_with(value, options).map_err(|e| format!("typed encode failed: {e}"))?;
    let original = strict::Json::parse(text).map_err(|e| format!("the original is not JSON: {e}"))?;
    let written = strict::Json::parse(&encoded).map_err(|e| format!("the encoding is not JSON: {e}"))?;
    let typed = strict::Json::parse(&typed).map_err(|e| format!("the typed encoding is not JSON: {e}"))?;
    strict::compare(&original, &written, Some(&typed)).map_err(|differences| format!("{differences}encoded: {encoded}"))
}
