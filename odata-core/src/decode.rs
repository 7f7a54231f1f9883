//! Decoding JSON into OData values, with errors that keep everything: serde_json's own error (its
//! category, line and column) and where in the document it happened (the JSON path and the OData
//! type).
//!
//! `serde_json::from_slice::<Session>(...)` works too and names the path in its message, but that
//! message is a new error that serde_json files under `Category::Data`, whatever went wrong; these
//! functions keep the original (see `json_path`'s module docs for how).

use std::fmt;
use std::sync::Arc;

use serde::de::DeserializeOwned;

use crate::json_path;

/// Decodes a value from JSON bytes.
///
/// ```
/// # #[derive(Debug, odata_core::ODataComplex)]
/// # #[odata(type = "ns.point")]
/// # struct Point { x: Option<i32>, additional_data: odata_core::AdditionalData }
/// use odata_core::Page;
///
/// let error = odata_core::from_slice::<Page<Point>>(br#"{"value": [{"x": 1}, {"x": "two"}]}"#).unwrap_err();
/// assert_eq!(error.path(), Some("$.value[1].x"));
/// assert_eq!(error.odata_type(), Some("ns.point"));
/// assert!(error.is_data());
/// assert!(error.to_string().starts_with("$.value[1].x: invalid type: string \"two\""), "{error}");
///
/// // A body cut short stays an end-of-input error, with the path where it stopped.
/// let error = odata_core::from_slice::<Page<Point>>(br#"{"value": [{"x": 1}, {"x": "#).unwrap_err();
/// assert!(error.is_eof());
/// assert_eq!(error.path(), Some("$.value[1].x"));
/// ```
pub fn from_slice<T: DeserializeOwned>(json: &[u8]) -> Result<T, DecodeError> {
    decode(|| serde_json::from_slice(json))
}

/// Decodes a value from JSON text (see [`from_slice`]).
pub fn from_str<T: DeserializeOwned>(json: &str) -> Result<T, DecodeError> {
    decode(|| serde_json::from_str(json))
}

/// Runs a serde_json decode with the path kept beside serde_json's error.
pub(crate) fn decode<T>(run: impl FnOnce() -> serde_json::Result<T>) -> Result<T, DecodeError> {
    json_path::keeping(run).map_err(|(error, located)| match located {
        Some(located) => DecodeError::located(error, located.path, located.odata_type),
        None => DecodeError::located(error, "$".to_owned(), None),
    })
}

/// A body that did not decode: the message names the JSON path and the OData type; serde_json's
/// own error (its category, line and column) is kept when it came from there.
///
/// The message says everything, so serde_json's error is on [`json_error`](Self::json_error),
/// not a `source`: error chains do not print it twice.
#[derive(Debug, Clone)]
pub struct DecodeError(Arc<Failure>);

/// One pointer wide, so that results carrying a decode error stay small.
#[derive(Debug)]
struct Failure {
    message: String,
    json: Option<serde_json::Error>,
    path: Option<String>,
    odata_type: Option<&'static str>,
}

impl DecodeError {
    /// A failure described by a message (a body that is not UTF-8, a count that is no number).
    pub fn message(message: impl Into<String>) -> Self {
        DecodeError(Arc::new(Failure { message: message.into(), json: None, path: None, odata_type: None }))
    }

    /// serde_json's error at `path` (`$` for the root value), inside a value of `odata_type`.
    fn located(error: serde_json::Error, path: String, odata_type: Option<&'static str>) -> Self {
        let text = error.to_string();
        let text = json_path::without_position(&text);
        // A message that already starts with a path came from a nested decode that built it.
        let mut message =
            if path == "$" && text.starts_with('$') { text.to_owned() } else { format!("{path}: {text}") };
        if let Some(odata_type) = odata_type {
            message = format!("{message} ({odata_type})");
        }
        if error.line() > 0 {
            message = format!("{message} at line {} column {}", error.line(), error.column());
        }
        DecodeError(Arc::new(Failure { message, json: Some(error), path: Some(path), odata_type }))
    }

    /// serde_json's error, when the body was read as JSON.
    pub fn json_error(&self) -> Option<&serde_json::Error> {
        self.0.json.as_ref()
    }

    /// Whether the body ended too early (a truncated response).
    pub fn is_eof(&self) -> bool {
        self.0.json.as_ref().is_some_and(|e| e.is_eof())
    }

    /// Whether the body is not JSON at all (a syntax error), as opposed to JSON of the wrong
    /// shape or values ([`is_data`](Self::is_data)).
    pub fn is_syntax(&self) -> bool {
        self.0.json.as_ref().is_some_and(|e| e.is_syntax())
    }

    /// Whether the body is JSON whose shape or values do not fit the type (a string where a
    /// number belongs, a missing key property, an unknown enumeration member of a closed enum).
    pub fn is_data(&self) -> bool {
        self.0.json.as_ref().is_some_and(|e| e.is_data())
    }

    /// The line and column (1-based) where decoding stopped, when known.
    pub fn position(&self) -> Option<(usize, usize)> {
        self.0.json.as_ref().filter(|e| e.line() > 0).map(|e| (e.line(), e.column()))
    }

    /// The JSON path of the failing value (`$.segments[0].media`, `$` for the root), when the
    /// error came from [`from_slice`]/[`from_str`] or the client, which use them.
    pub fn path(&self) -> Option<&str> {
        self.0.path.as_deref()
    }

    /// The qualified name of the OData type whose property failed (`microsoft.graph.callRecords.mediaStream`).
    pub fn odata_type(&self) -> Option<&'static str> {
        self.0.odata_type
    }
}

/// An error of a plain `serde_json` call: its message is kept as serde_json wrote it (the derives
/// put the JSON path into it).
impl From<serde_json::Error> for DecodeError {
    fn from(error: serde_json::Error) -> Self {
        DecodeError(Arc::new(Failure { message: error.to_string(), json: Some(error), path: None, odata_type: None }))
    }
}

/// Two decode errors are the same when they say the same.
impl PartialEq for DecodeError {
    fn eq(&self, other: &Self) -> bool {
        self.0.message == other.0.message
    }
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0.message)
    }
}

impl std::error::Error for DecodeError {}

#[cfg(test)]
mod tests {
    use serde_json::Value;

    use super::*;

    #[test]
    fn decode_errors_keep_serde_json_s_error() {
        // `{"a": [1,` ends after its 9th character.
        let truncated = serde_json::from_str::<Value>("{\"a\": [1,").expect_err("truncated");
        let error = DecodeError::from(truncated);
        assert!(error.is_eof());
        assert_eq!(error.position(), Some((1, 9)));
        assert!(!DecodeError::message("not UTF-8").is_eof());
    }

    #[test]
    fn the_entry_points_name_the_root_of_untyped_values() {
        let error = from_str::<Value>("{\"a\": [1,").expect_err("truncated");
        assert!(error.is_eof());
        assert_eq!(error.path(), Some("$"));
        assert_eq!(error.to_string(), "$: EOF while parsing a value at line 1 column 9");
        let error = from_str::<Vec<u8>>("[1, x]").expect_err("not JSON");
        assert!(error.is_syntax());
        assert_eq!(error.to_string(), "$: expected value at line 1 column 5");
    }
}
