//! Control information of collections (`@odata.context`, `@odata.count`, `@odata.nextLink`,
//! `@odata.deltaLink`), shared by [`Page`](crate::Page) and [`Navigation`](crate::Navigation).

use serde_json::Value;

/// A control-information term that collections carry, in either spelling (`odata.count`, or
/// the OData 4.01 `count`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ControlTerm {
    Context,
    Count,
    NextLink,
    DeltaLink,
}

impl ControlTerm {
    /// `term` is the annotation name without its `@` (`odata.nextLink`, `nextLink`).
    pub(crate) fn parse(term: &str) -> Option<ControlTerm> {
        match term.strip_prefix("odata.").unwrap_or(term) {
            "context" => Some(ControlTerm::Context),
            "count" => Some(ControlTerm::Count),
            "nextLink" => Some(ControlTerm::NextLink),
            "deltaLink" => Some(ControlTerm::DeltaLink),
            _ => None,
        }
    }
}

/// `@odata.count` as a number, or as a string (services under `IEEE754Compatible=true`, and SAP
/// CAP inside `$expand`, send it that way).
pub(crate) fn parse_count(value: &Value) -> Result<i64, String> {
    let count = match value {
        Value::Number(n) => n.as_i64(),
        Value::String(s) => s.parse::<i64>().ok(),
        _ => None,
    };
    match count {
        Some(count) if count >= 0 => Ok(count),
        _ => Err(format!("expected a count (a non-negative Edm.Int64), found {}", describe(value))),
    }
}

/// A short description of a JSON value for messages; never the whole (maybe huge) value.
pub(crate) fn describe(value: &Value) -> String {
    match value {
        Value::Null => "null".to_owned(),
        Value::Bool(b) => format!("boolean `{b}`"),
        Value::Number(n) => format!("number {n}"),
        Value::String(s) if s.len() <= 40 => format!("string {s:?}"),
        Value::String(_) => "a long string".to_owned(),
        Value::Array(_) => "an array".to_owned(),
        Value::Object(_) => "an object".to_owned(),
    }
}

/// `value` as a string, for a string-valued control term.
pub(crate) fn expect_string(term: &str, value: Value) -> Result<String, String> {
    match value {
        Value::String(s) => Ok(s),
        other => Err(format!("expected a string for @{term}, found {}", describe(&other))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_spellings_of_control_terms() {
        assert_eq!(ControlTerm::parse("odata.nextLink"), Some(ControlTerm::NextLink));
        assert_eq!(ControlTerm::parse("count"), Some(ControlTerm::Count));
        assert_eq!(ControlTerm::parse("odata.etag"), None);
        assert_eq!(ControlTerm::parse("ns.count"), None);
    }

    #[test]
    fn counts_come_as_numbers_or_strings() {
        assert_eq!(parse_count(&Value::from(5)), Ok(5));
        assert_eq!(parse_count(&Value::from("9007199254740993")), Ok(9007199254740993));
        assert!(parse_count(&Value::from(-1)).is_err());
        assert!(parse_count(&Value::from(1.5)).is_err());
        assert!(parse_count(&Value::from("x")).unwrap_err().contains("string \"x\""));
    }
}
