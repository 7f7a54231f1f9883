//! Values between the wire and the database: JSON body values and URL literals to bound SQL
//! values (checked against the property's type), and database row values to JSON text.

use odata_core::{Binary, Date, DateTimeOffset, Duration, TimeOfDay, TypeInfo};
use serde_json::Value;
use serde_json::value::RawValue;
use sqlx::any::{AnyRow, AnyTypeInfoKind};
use sqlx::{Row, ValueRef};

use crate::catalog::ValueKind;

/// A value as bound to or read from the database.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Datum {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    /// Text, and the text of decimals, dates, times, GUIDs, durations, enum members and JSON.
    Text(String),
    Bytes(Vec<u8>),
}

/// Why a value does not fit its property's type (the caller adds the property's name).
pub(crate) type Mismatch = String;

/// A JSON value of a request body as the datum of a property of `kind`. `ieee754`: Int64 and
/// Decimal may come as strings.
pub(crate) fn from_json(kind: ValueKind, value: &Value, ieee754: bool) -> Result<Datum, Mismatch> {
    if value.is_null() {
        return Ok(Datum::Null);
    }
    let expected = |what: &str| format!("expected {what}, found {}", describe(value));
    match kind {
        ValueKind::String => value.as_str().map(|s| Datum::Text(s.to_owned())).ok_or_else(|| expected("a string")),
        ValueKind::Boolean => value.as_bool().map(Datum::Bool).ok_or_else(|| expected("true or false")),
        ValueKind::Byte | ValueKind::SByte | ValueKind::Int16 | ValueKind::Int32 | ValueKind::Int64 => {
            let number = match value {
                Value::Number(n) => n.as_i64(),
                Value::String(s) if ieee754 || kind == ValueKind::Int64 => s.parse::<i64>().ok(),
                _ => None,
            };
            let number = number.ok_or_else(|| expected("an integer"))?;
            let (low, high) = integer_range(kind);
            if number < low || number > high {
                return Err(format!("{number} is out of range for {}", edm_name(kind)));
            }
            Ok(Datum::Int(number))
        }
        ValueKind::Single | ValueKind::Double => match value {
            Value::Number(n) => n.as_f64().map(Datum::Float).ok_or_else(|| expected("a number")),
            Value::String(s) => match s.as_str() {
                "NaN" => Ok(Datum::Float(f64::NAN)),
                "INF" => Ok(Datum::Float(f64::INFINITY)),
                "-INF" => Ok(Datum::Float(f64::NEG_INFINITY)),
                _ => Err(expected("a number")),
            },
            _ => Err(expected("a number")),
        },
        ValueKind::Decimal => {
            let text = match value {
                Value::Number(n) => n.to_string(),
                Value::String(s) => s.clone(),
                _ => return Err(expected("a decimal number")),
            };
            decimal(&text).ok_or_else(|| expected("a decimal number"))
        }
        ValueKind::Json => match value {
            Value::Object(_) | Value::Array(_) => Ok(Datum::Text(value.to_string())),
            _ => Err(expected("an object or an array")),
        },
        ValueKind::Enum(info) => match value {
            Value::String(s) => enum_member(info, s),
            Value::Number(n) => n
                .as_i64()
                .and_then(|v| info.members.iter().find(|m| m.value == v))
                .map(|m| Datum::Text(m.name.to_owned()))
                .ok_or_else(|| format!("{n} is no member of {}", info.qualified_name)),
            _ => Err(expected("a member name")),
        },
        _ => {
            let text = value.as_str().ok_or_else(|| expected(&format!("{} as a string", edm_name(kind))))?;
            text_value(kind, text)
        }
    }
}

fn describe(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

fn integer_range(kind: ValueKind) -> (i64, i64) {
    match kind {
        ValueKind::Byte => (0, 255),
        ValueKind::SByte => (-128, 127),
        ValueKind::Int16 => (i16::MIN.into(), i16::MAX.into()),
        ValueKind::Int32 => (i32::MIN.into(), i32::MAX.into()),
        _ => (i64::MIN, i64::MAX),
    }
}

/// The `Edm` name of a primitive kind, for messages.
pub(crate) fn edm_name(kind: ValueKind) -> &'static str {
    match kind {
        ValueKind::String => "Edm.String",
        ValueKind::Boolean => "Edm.Boolean",
        ValueKind::Byte => "Edm.Byte",
        ValueKind::SByte => "Edm.SByte",
        ValueKind::Int16 => "Edm.Int16",
        ValueKind::Int32 => "Edm.Int32",
        ValueKind::Int64 => "Edm.Int64",
        ValueKind::Single => "Edm.Single",
        ValueKind::Double => "Edm.Double",
        ValueKind::Decimal => "Edm.Decimal",
        ValueKind::DateTimeOffset => "Edm.DateTimeOffset",
        ValueKind::Date => "Edm.Date",
        ValueKind::TimeOfDay => "Edm.TimeOfDay",
        ValueKind::Duration => "Edm.Duration",
        ValueKind::Guid => "Edm.Guid",
        ValueKind::Binary => "Edm.Binary",
        ValueKind::Enum(info) => info.qualified_name,
        ValueKind::Json => "a structured value",
    }
}

fn decimal(text: &str) -> Option<Datum> {
    let parsed = odata_core::Decimal::parse(text).ok()?;
    if parsed.is_nan() || parsed.is_infinite() {
        return None;
    }
    Some(Datum::Text(parsed.as_str().to_owned()))
}

fn enum_member(info: &'static TypeInfo, text: &str) -> Result<Datum, Mismatch> {
    let names: Vec<&str> = if info.is_flags { text.split(',').map(str::trim).collect() } else { vec![text] };
    for name in &names {
        if info.member(name).is_none() {
            return Err(format!("{name} is no member of {}", info.qualified_name));
        }
    }
    Ok(Datum::Text(names.join(",")))
}

/// The datum of a value of `kind` written as text (a JSON string or a URL literal's inside):
/// dates, times, durations, GUIDs and binaries, normalised to their stored form.
fn text_value(kind: ValueKind, text: &str) -> Result<Datum, Mismatch> {
    let bad = |e: odata_core::EdmParseError| e.to_string();
    match kind {
        ValueKind::DateTimeOffset => Ok(Datum::Text(storage_datetime(DateTimeOffset::parse(text).map_err(bad)?))),
        ValueKind::Date => Ok(Datum::Text(Date::parse(text).map_err(bad)?.to_string())),
        ValueKind::TimeOfDay => {
            let time = TimeOfDay::parse(text).map_err(bad)?.to_time();
            Ok(Datum::Text(format!(
                "{:02}:{:02}:{:02}.{:07}",
                time.hour(),
                time.minute(),
                time.second(),
                time.nanosecond() / 100
            )))
        }
        ValueKind::Duration => {
            Duration::parse(text).map_err(bad)?;
            Ok(Datum::Text(text.to_owned()))
        }
        ValueKind::Guid => {
            let guid = uuid::Uuid::parse_str(text).map_err(|_| format!("{text} is not an Edm.Guid"))?;
            if text.len() != 36 {
                return Err(format!("{text} is not an Edm.Guid (write 8-4-4-4-12 hexadecimal digits)"));
            }
            Ok(Datum::Text(guid.hyphenated().to_string()))
        }
        ValueKind::Binary => Ok(Datum::Bytes(Binary::parse(text).map_err(bad)?.into_vec())),
        ValueKind::String => Ok(Datum::Text(text.to_owned())),
        _ => Err(format!("{text} is not a {}", edm_name(kind))),
    }
}

/// The stored form of a date-time: UTC, 7 fractional digits, so that text order is time order.
fn storage_datetime(value: DateTimeOffset) -> String {
    let utc = value.to_offset_date_time().to_offset(time::UtcOffset::UTC);
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:07}Z",
        utc.year(),
        u8::from(utc.month()),
        utc.day(),
        utc.hour(),
        utc.minute(),
        utc.second(),
        utc.nanosecond() / 100
    )
}

/// A URL literal (a key predicate's value) as the datum of a property of `kind`.
pub(crate) fn from_literal(kind: ValueKind, literal: &str) -> Result<Datum, Mismatch> {
    let literal = literal.trim();
    if literal == "null" {
        return Ok(Datum::Null);
    }
    let unquoted = |text: &str| -> Option<String> {
        let inner = text.strip_prefix('\'')?.strip_suffix('\'')?;
        if inner.replace("''", "").contains('\'') {
            return None;
        }
        Some(inner.replace("''", "'"))
    };
    match kind {
        ValueKind::String => unquoted(literal)
            .map(Datum::Text)
            .ok_or_else(|| format!("{literal} is not a string literal (write 'text')")),
        ValueKind::Boolean => match literal {
            "true" => Ok(Datum::Bool(true)),
            "false" => Ok(Datum::Bool(false)),
            _ => Err(format!("{literal} is not true or false")),
        },
        ValueKind::Byte | ValueKind::SByte | ValueKind::Int16 | ValueKind::Int32 | ValueKind::Int64 => {
            let digits = literal.strip_suffix('L').unwrap_or(literal);
            let number: i64 = digits.parse().map_err(|_| format!("{literal} is not an integer"))?;
            let (low, high) = integer_range(kind);
            if number < low || number > high {
                return Err(format!("{number} is out of range for {}", edm_name(kind)));
            }
            Ok(Datum::Int(number))
        }
        ValueKind::Single | ValueKind::Double => {
            let digits = literal.trim_end_matches(['d', 'D', 'f', 'F']);
            digits.parse::<f64>().map(Datum::Float).map_err(|_| format!("{literal} is not a number"))
        }
        ValueKind::Decimal => {
            decimal(literal.trim_end_matches(['m', 'M'])).ok_or_else(|| format!("{literal} is not a decimal number"))
        }
        ValueKind::Enum(info) => {
            let quoted = literal.strip_prefix(info.qualified_name).unwrap_or(literal);
            let inner =
                unquoted(quoted).ok_or_else(|| format!("{literal} is not a member of {}", info.qualified_name))?;
            enum_member(info, &inner)
        }
        ValueKind::Binary => {
            let inner = literal
                .strip_prefix("binary")
                .and_then(unquoted)
                .ok_or_else(|| format!("{literal} is not a binary literal (write binary'...')"))?;
            text_value(kind, &inner)
        }
        ValueKind::Duration => {
            let inner = literal.strip_prefix("duration").unwrap_or(literal);
            let inner =
                unquoted(inner).ok_or_else(|| format!("{literal} is not a duration literal (write duration'P1D')"))?;
            text_value(kind, &inner)
        }
        ValueKind::Json => Err("a structured value cannot be a key".into()),
        _ => text_value(kind, literal),
    }
}

/// Writes the value of column `index` of `row` as JSON text, for a property of `kind`.
/// `ieee754`: Int64 and Decimal as strings.
pub(crate) fn write_json(out: &mut String, row: &AnyRow, index: usize, kind: ValueKind, ieee754: bool) {
    let Ok(raw) = row.try_get_raw(index) else {
        out.push_str("null");
        return;
    };
    if raw.is_null() {
        out.push_str("null");
        return;
    }
    let stored = raw.type_info().kind();
    match kind {
        ValueKind::Boolean => {
            let value = match stored {
                AnyTypeInfoKind::Bool => row.try_get::<bool, _>(index).unwrap_or_default(),
                _ => row.try_get::<i64, _>(index).unwrap_or_default() != 0,
            };
            out.push_str(if value { "true" } else { "false" });
        }
        ValueKind::Byte | ValueKind::SByte | ValueKind::Int16 | ValueKind::Int32 | ValueKind::Int64 => {
            let value = integer(row, index, stored);
            if ieee754 && kind == ValueKind::Int64 {
                out.push('"');
                out.push_str(&value.to_string());
                out.push('"');
            } else {
                out.push_str(&value.to_string());
            }
        }
        ValueKind::Single | ValueKind::Double => {
            let value = float(row, index, stored);
            write_float(out, value);
        }
        ValueKind::Decimal => {
            let text = match stored {
                // PostgreSQL keeps the scale of what was stored (`97.0000`); write the value the
                // same way on every database (`97`).
                AnyTypeInfoKind::Text => trim_decimal(&row.try_get::<String, _>(index).unwrap_or_default()),
                AnyTypeInfoKind::Real | AnyTypeInfoKind::Double => {
                    let value = float(row, index, stored);
                    if value.is_finite() { format!("{value}") } else { "0".into() }
                }
                _ => integer(row, index, stored).to_string(),
            };
            if ieee754 {
                push_json_string(out, &text);
            } else {
                out.push_str(&text);
            }
        }
        ValueKind::Json => {
            let text = row.try_get::<String, _>(index).unwrap_or_default();
            match RawValue::from_string(text) {
                Ok(raw) => out.push_str(raw.get()),
                Err(_) => out.push_str("null"),
            }
        }
        ValueKind::Binary => {
            let bytes = row.try_get::<Vec<u8>, _>(index).unwrap_or_default();
            push_json_string(out, &Binary::new(bytes).to_string());
        }
        ValueKind::DateTimeOffset | ValueKind::TimeOfDay => {
            let text = row.try_get::<String, _>(index).unwrap_or_default();
            push_json_string(out, &trim_fraction(&text));
        }
        _ => {
            let text = match stored {
                AnyTypeInfoKind::Text => row.try_get::<String, _>(index).unwrap_or_default(),
                _ => integer(row, index, stored).to_string(),
            };
            push_json_string(out, &text);
        }
    }
}

/// Writes a datum of a property of `kind` as JSON text, as [`write_json`] writes the same
/// value read from a row (for entities that come from a data source, not a table).
pub(crate) fn write_datum(out: &mut String, datum: &Datum, kind: ValueKind, ieee754: bool) {
    match (kind, datum) {
        (_, Datum::Null) => out.push_str("null"),
        (ValueKind::Boolean, Datum::Bool(b)) => out.push_str(if *b { "true" } else { "false" }),
        (ValueKind::Boolean, Datum::Int(i)) => out.push_str(if *i != 0 { "true" } else { "false" }),
        (ValueKind::Int64, Datum::Int(i)) if ieee754 => push_json_string(out, &i.to_string()),
        (_, Datum::Int(i)) if kind.is_integer() => out.push_str(&i.to_string()),
        (ValueKind::Single | ValueKind::Double, Datum::Float(f)) => write_float(out, *f),
        (ValueKind::Single | ValueKind::Double, Datum::Int(i)) => write_float(out, *i as f64),
        (ValueKind::Decimal, datum) => {
            let text = match datum {
                Datum::Text(t) => trim_decimal(t),
                Datum::Float(f) if f.is_finite() => format!("{f}"),
                Datum::Int(i) => i.to_string(),
                _ => "0".into(),
            };
            if ieee754 {
                push_json_string(out, &text);
            } else {
                out.push_str(&text);
            }
        }
        (ValueKind::Json, Datum::Text(text)) => match serde_json::from_str::<&RawValue>(text) {
            Ok(raw) => out.push_str(raw.get()),
            Err(_) => out.push_str("null"),
        },
        (ValueKind::Binary, Datum::Bytes(bytes)) => push_json_string(out, &Binary::new(bytes.clone()).to_string()),
        (ValueKind::DateTimeOffset | ValueKind::TimeOfDay, Datum::Text(text)) => {
            push_json_string(out, &trim_fraction(text))
        }
        (_, Datum::Text(text)) => push_json_string(out, text),
        (_, Datum::Bool(b)) => out.push_str(if *b { "true" } else { "false" }),
        (_, Datum::Int(i)) => out.push_str(&i.to_string()),
        (_, Datum::Float(f)) => write_float(out, *f),
        (_, Datum::Bytes(bytes)) => push_json_string(out, &Binary::new(bytes.clone()).to_string()),
    }
}

/// Reads column `index` of `row` as a datum (for keys, ETags and navigation values).
pub(crate) fn read_datum(row: &AnyRow, index: usize) -> Datum {
    let Ok(raw) = row.try_get_raw(index) else {
        return Datum::Null;
    };
    if raw.is_null() {
        return Datum::Null;
    }
    let stored = raw.type_info().kind();
    match stored {
        AnyTypeInfoKind::Bool => Datum::Bool(row.try_get::<bool, _>(index).unwrap_or_default()),
        AnyTypeInfoKind::SmallInt | AnyTypeInfoKind::Integer | AnyTypeInfoKind::BigInt => {
            Datum::Int(integer(row, index, stored))
        }
        AnyTypeInfoKind::Real | AnyTypeInfoKind::Double => Datum::Float(float(row, index, stored)),
        AnyTypeInfoKind::Blob => Datum::Bytes(row.try_get::<Vec<u8>, _>(index).unwrap_or_default()),
        _ => Datum::Text(row.try_get::<String, _>(index).unwrap_or_default()),
    }
}

fn integer(row: &AnyRow, index: usize, stored: AnyTypeInfoKind) -> i64 {
    match stored {
        AnyTypeInfoKind::SmallInt => row.try_get::<i16, _>(index).map(i64::from).unwrap_or_default(),
        AnyTypeInfoKind::Integer => row.try_get::<i32, _>(index).map(i64::from).unwrap_or_default(),
        AnyTypeInfoKind::Real | AnyTypeInfoKind::Double => float(row, index, stored) as i64,
        AnyTypeInfoKind::Text => row.try_get::<String, _>(index).ok().and_then(|t| t.parse().ok()).unwrap_or_default(),
        _ => row.try_get::<i64, _>(index).unwrap_or_default(),
    }
}

fn float(row: &AnyRow, index: usize, stored: AnyTypeInfoKind) -> f64 {
    match stored {
        AnyTypeInfoKind::Real => row.try_get::<f32, _>(index).map(f64::from).unwrap_or_default(),
        AnyTypeInfoKind::Double => row.try_get::<f64, _>(index).unwrap_or_default(),
        AnyTypeInfoKind::Text => row.try_get::<String, _>(index).ok().and_then(|t| t.parse().ok()).unwrap_or_default(),
        _ => integer(row, index, stored) as f64,
    }
}

fn write_float(out: &mut String, value: f64) {
    if value.is_nan() {
        out.push_str("\"NaN\"");
    } else if value.is_infinite() {
        out.push_str(if value > 0.0 { "\"INF\"" } else { "\"-INF\"" });
    } else {
        out.push_str(&serde_json::Number::from_f64(value).map_or_else(|| "0".into(), |n| n.to_string()));
    }
}

/// `97.0000` → `97`, `263.50` → `263.5` (exponents and integers as they are).
fn trim_decimal(text: &str) -> String {
    if !text.contains('.') || text.contains(['e', 'E']) {
        return text.to_owned();
    }
    text.trim_end_matches('0').trim_end_matches('.').to_owned()
}

/// `...:05.1230000Z` → `...:05.123Z`; `...:05.0000000Z` → `...:05Z`.
fn trim_fraction(text: &str) -> String {
    let Some(dot) = text.find('.') else {
        return text.to_owned();
    };
    let end = text[dot + 1..].find(|c: char| !c.is_ascii_digit()).map_or(text.len(), |i| dot + 1 + i);
    let digits = text[dot + 1..end].trim_end_matches('0');
    let mut trimmed = text[..dot].to_owned();
    if !digits.is_empty() {
        trimmed.push('.');
        trimmed.push_str(digits);
    }
    trimmed.push_str(&text[end..]);
    trimmed
}

/// Appends `text` as a JSON string (escaped as serde_json escapes it; a test compares the two).
/// By hand because responses are built in a `String`, and serde_json's escaper is reachable only
/// through a serializer over a byte writer: every string of every row would cost an extra
/// allocation and copy (`serde_json::to_string`). Writing whole responses through serde_json's
/// serializer would remove this function.
pub(crate) fn push_json_string(out: &mut String, text: &str) {
    out.reserve(text.len() + 2);
    out.push('"');
    let mut start = 0;
    for (i, c) in text.char_indices() {
        let escape = match c {
            '"' => "\\\"",
            '\\' => "\\\\",
            '\n' => "\\n",
            '\r' => "\\r",
            '\t' => "\\t",
            '\u{08}' => "\\b",
            '\u{0c}' => "\\f",
            c if (c as u32) < 0x20 => "",
            _ => continue,
        };
        out.push_str(&text[start..i]);
        if escape.is_empty() {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push_str(escape);
        }
        start = i + c.len_utf8();
    }
    out.push_str(&text[start..]);
    out.push('"');
}

/// The key literal of a datum in a URL: `1`, `'text'`, a GUID or date unquoted.
pub(crate) fn literal(kind: ValueKind, datum: &Datum) -> String {
    match (kind, datum) {
        (_, Datum::Null) => "null".into(),
        (_, Datum::Bool(b)) => b.to_string(),
        (_, Datum::Int(i)) => i.to_string(),
        (_, Datum::Float(f)) => f.to_string(),
        (ValueKind::Boolean, Datum::Text(t)) => t.clone(),
        (ValueKind::String | ValueKind::Enum(_), Datum::Text(t)) => format!("'{}'", t.replace('\'', "''")),
        (ValueKind::Duration, Datum::Text(t)) => format!("duration'{t}'"),
        (ValueKind::DateTimeOffset | ValueKind::TimeOfDay, Datum::Text(t)) => trim_fraction(t),
        (_, Datum::Text(t)) => t.clone(),
        (_, Datum::Bytes(b)) => format!("binary'{}'", Binary::new(b.clone())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_stored_forms() {
        assert_eq!(
            from_json(ValueKind::DateTimeOffset, &Value::from("1996-07-04T02:00:00+02:00"), false),
            Ok(Datum::Text("1996-07-04T00:00:00.0000000Z".into()))
        );
        assert_eq!(trim_fraction("1996-07-04T00:00:00.0000000Z"), "1996-07-04T00:00:00Z");
        assert_eq!(trim_fraction("12:30:00.5000000"), "12:30:00.5");
        assert_eq!(
            (trim_decimal("97.0000"), trim_decimal("263.50"), trim_decimal("100"), trim_decimal("-0.50")),
            ("97".into(), "263.5".into(), "100".into(), "-0.5".into())
        );
        assert_eq!(from_literal(ValueKind::String, "'O''Neil'"), Ok(Datum::Text("O'Neil".into())));
        assert!(from_literal(ValueKind::String, "'a'b'").is_err());
        assert!(from_literal(ValueKind::Int32, "2147483648").is_err());
        assert_eq!(from_literal(ValueKind::Decimal, "12.50M"), Ok(Datum::Text("12.50".into())));
        assert!(from_json(ValueKind::Int16, &Value::from(40000), false).is_err());
        assert!(from_json(ValueKind::String, &Value::from(1), false).unwrap_err().contains("expected a string"));
        for text in ["plain", "quote \" back \\ slash", "lines\n\r\t", "\u{1} \u{1f} \u{7f} é 😀"] {
            let mut out = String::new();
            push_json_string(&mut out, text);
            assert_eq!(out, serde_json::to_string(text).unwrap());
        }
    }
}
