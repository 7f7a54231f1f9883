//! Literals typed and normalised to the storage form the SQL translation binds.

use odata_core::{Binary, Date, DateTimeOffset, Duration, TimeOfDay, TypeInfo, TypeKind, registry};

use super::error::{Located, Result};
use super::expr::{Literal, Primitive, ValueType};
use super::syntax::RawLiteral;
use crate::sql::value::{date_time_offset_text, time_text};

/// The typed literal and its type.
pub(crate) fn typed(raw: &RawLiteral, pos: usize) -> Result<(Literal, ValueType)> {
    let prim = |p| ValueType::Primitive(p);
    Ok(match raw {
        RawLiteral::Null => (Literal::Null, ValueType::Null),
        RawLiteral::Boolean(b) => (Literal::Boolean(*b), prim(Primitive::Boolean)),
        RawLiteral::Number(text) => number(text, pos)?,
        RawLiteral::String(s) => (Literal::String(s.clone()), prim(Primitive::String)),
        RawLiteral::Date(text) => {
            let date: Date = text.parse().map_err(|e| Located::new(pos, format!("{e}")))?;
            (Literal::Date(date.to_string()), prim(Primitive::Date))
        }
        RawLiteral::DateTimeOffset(text) => {
            let value: DateTimeOffset = text.parse().map_err(|e| Located::new(pos, format!("{e}")))?;
            (Literal::DateTimeOffset(date_time_offset_text(value.into())), prim(Primitive::DateTimeOffset))
        }
        RawLiteral::TimeOfDay(text) => {
            let value: TimeOfDay = text.parse().map_err(|e| Located::new(pos, format!("{e}")))?;
            (Literal::TimeOfDay(time_text(value.to_time())), prim(Primitive::TimeOfDay))
        }
        RawLiteral::Guid(g) => (Literal::Guid(g.clone()), prim(Primitive::Guid)),
        RawLiteral::Prefixed(prefix, text) => prefixed(prefix, text, pos)?,
    })
}

/// `42` (Edm.Int32, or Int64 when larger), `2.5` (Edm.Decimal), `1e3`, `INF`, `NaN` (Edm.Double).
fn number(text: &str, pos: usize) -> Result<(Literal, ValueType)> {
    let text = text.strip_prefix('+').unwrap_or(text);
    let double = |v: f64| (Literal::Double(v), ValueType::Primitive(Primitive::Double));
    match text {
        "INF" => return Ok(double(f64::INFINITY)),
        "-INF" => return Ok(double(f64::NEG_INFINITY)),
        "NaN" => return Ok(double(f64::NAN)),
        _ => {}
    }
    if text.contains(['e', 'E']) {
        let value: f64 = text.parse().map_err(|_| Located::new(pos, format!("`{text}` is not a number")))?;
        return Ok(double(value));
    }
    if !text.contains('.')
        && let Ok(value) = text.parse::<i64>()
    {
        let ty = if i32::try_from(value).is_ok() { Primitive::Int32 } else { Primitive::Int64 };
        return Ok((Literal::Int(value), ValueType::Primitive(ty)));
    }
    Ok((Literal::Decimal(text.to_owned()), ValueType::Primitive(Primitive::Decimal)))
}

/// `duration'P1D'`, `binary'AQID'`, `Ns.Color'Red'`, `Ns.Flags'A,B'`.
fn prefixed(prefix: &str, text: &str, pos: usize) -> Result<(Literal, ValueType)> {
    let prim = |p| ValueType::Primitive(p);
    if prefix.eq_ignore_ascii_case("duration") {
        Duration::parse(text).map_err(|e| Located::new(pos, format!("{e}")))?;
        return Ok((Literal::Duration(text.to_owned()), prim(Primitive::Duration)));
    }
    if prefix.eq_ignore_ascii_case("binary") {
        let bytes = Binary::parse(text).map_err(|e| Located::new(pos, format!("{e}")))?;
        return Ok((Literal::Binary(bytes.into_vec()), prim(Primitive::Binary)));
    }
    if prefix.eq_ignore_ascii_case("geography") || prefix.eq_ignore_ascii_case("geometry") {
        return Err(Located::new(pos, format!("{prefix} literals are not supported")));
    }
    match registry::find_type(prefix) {
        Some(ty) if ty.kind == TypeKind::Enum => {
            let members = enum_members(ty, text, pos)?;
            Ok((Literal::Enum(ty, members), ValueType::Enum(ty)))
        }
        Some(ty) => {
            Err(Located::new(pos, format!("`{prefix}'...'`: {} is not an enumeration type", ty.qualified_name)))
        }
        None => {
            Err(Located::new(pos, format!("`{prefix}'...'`: no enumeration type of the model is named `{prefix}`")))
        }
    }
}

/// The members `text` names (comma-separated names or values) of enumeration type `ty`.
pub(crate) fn enum_members(ty: &'static TypeInfo, text: &str, pos: usize) -> Result<Vec<&'static str>> {
    let mut members = Vec::new();
    for part in text.split(',') {
        let part = part.trim();
        let member = match part.parse::<i64>() {
            Ok(value) => ty.members.iter().find(|m| m.value == value),
            Err(_) => ty.member(part),
        };
        match member {
            Some(member) => members.push(member.name),
            None => {
                let names: Vec<&str> = ty.members.iter().map(|m| m.name).collect();
                return Err(Located::new(
                    pos,
                    format!("`{part}` is not a member of {}; its members are {}", ty.qualified_name, names.join(", ")),
                ));
            }
        }
    }
    if members.len() > 1 && !ty.is_flags {
        return Err(Located::new(pos, format!("{} is not a flags enumeration: name one member", ty.qualified_name)));
    }
    Ok(members)
}
