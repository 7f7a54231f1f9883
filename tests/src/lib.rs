//! Helpers shared by the integration tests: the shared Graph fixtures, and a comparison of JSON
//! documents that says where they differ.

pub mod fuzz;

use std::path::PathBuf;

use serde_json::Value;

/// `../shared/fixtures/graph` beside the repository root.
pub fn graph_fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/fixtures/graph")
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

/// Whether two JSON documents say the same thing to an OData reader: member order is free,
/// `null` equals absent, numbers compare by value (`1` equals `1.0`), and strings that are both
/// Edm.DateTimeOffset values compare as instants with their offsets. Returns the JSON path of
/// the first difference.
pub fn json_equivalent(expected: &Value, actual: &Value) -> Result<(), String> {
    compare(expected, actual, "$")
}

fn compare(expected: &Value, actual: &Value, path: &str) -> Result<(), String> {
    match (expected, actual) {
        (Value::Object(a), Value::Object(b)) => {
            for key in a.keys().chain(b.keys().filter(|k| !a.contains_key(*k))) {
                let (x, y) = (a.get(key).unwrap_or(&Value::Null), b.get(key).unwrap_or(&Value::Null));
                compare(x, y, &format!("{path}.{key}"))?;
            }
            Ok(())
        }
        (Value::Array(a), Value::Array(b)) => {
            if a.len() != b.len() {
                return Err(format!("{path}: {} items, expected {}", b.len(), a.len()));
            }
            for (i, (x, y)) in a.iter().zip(b).enumerate() {
                compare(x, y, &format!("{path}[{i}]"))?;
            }
            Ok(())
        }
        (Value::Number(a), Value::Number(b)) => {
            let same = match (a.as_i64(), b.as_i64(), a.as_u64(), b.as_u64()) {
                (Some(x), Some(y), _, _) => x == y,
                (_, _, Some(x), Some(y)) => x == y,
                _ => a.as_f64() == b.as_f64(),
            };
            if same { Ok(()) } else { Err(format!("{path}: {b}, expected {a}")) }
        }
        (Value::String(a), Value::String(b)) if a != b => match (instant(a), instant(b)) {
            (Some(x), Some(y)) if x == y => Ok(()),
            _ => Err(format!("{path}: {b:?}, expected {a:?}")),
        },
        (a, b) if a == b => Ok(()),
        (a, b) => Err(format!("{path}: {b}, expected {a}")),
    }
}

fn instant(text: &str) -> Option<odata_core::DateTimeOffset> {
    text.parse().ok()
}

/// Decodes `text` as `T`, encodes it again, and checks that nothing was lost.
pub fn assert_round_trip<T>(text: &str) -> T
where
    T: serde::de::DeserializeOwned + serde::Serialize,
{
    let value: T = serde_json::from_str(text).unwrap_or_else(|e| panic!("decode failed: {e}"));
    // Through text: `serde_json::to_value` would widen an f32 to its f64 digits.
    let encoded: Value = serde_json::from_str(&serde_json::to_string(&value).expect("encode")).expect("JSON");
    let original: Value = serde_json::from_str(text).expect("fixture is JSON");
    if let Err(difference) = json_equivalent(&original, &encoded) {
        panic!("round trip lost data at {difference}\nencoded: {encoded:#}");
    }
    value
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn the_comparison_tolerates_only_what_odata_allows() {
        assert!(json_equivalent(&json!({"a": 1, "b": null}), &json!({"a": 1.0})).is_ok());
        assert!(
            json_equivalent(&json!({"t": "2020-01-01T00:00:00Z"}), &json!({"t": "2020-01-01T00:00:00.000Z"})).is_ok()
        );
        assert_eq!(json_equivalent(&json!({"a": [1, 2]}), &json!({"a": [1, 3]})), Err("$.a[1]: 3, expected 2".into()));
        assert!(json_equivalent(&json!({"a": 1}), &json!({"a": 1, "b": 0})).is_err());
        assert!(
            json_equivalent(&json!({"t": "2020-01-01T00:00:00Z"}), &json!({"t": "2020-01-01T01:00:00+01:00"})).is_err()
        );
    }
}
