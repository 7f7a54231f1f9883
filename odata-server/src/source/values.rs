//! Values during evaluation, and what the operators and functions of an expression do with
//! them (the semantics the module documentation of `eval` states); errors of evaluation.

use std::cmp::Ordering;

use serde_json::Value;
use time::OffsetDateTime;

use crate::error::ODataError;
use crate::query::{BinaryOp, Literal, OrderItem, Primitive, ValueType};

/// An expression the evaluator cannot compute (`matchesPattern`, date arithmetic, a navigation
/// the [`Navigator`](super::Navigator) cannot follow), with its position in the option's value. It becomes a
/// `501 Not Implemented` naming the option and the position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EvalError {
    option: &'static str,
    pub(crate) position: usize,
    message: String,
}

impl EvalError {
    /// An error at `position` of the expression.
    pub fn new(position: usize, message: impl Into<String>) -> Self {
        EvalError { option: "$filter", position, message: message.into() }
    }

    pub(crate) fn in_option(mut self, option: &'static str) -> Self {
        self.option = option;
        self
    }

    /// The query option (`$filter`, `$orderby`).
    pub fn option(&self) -> &str {
        self.option
    }

    /// The byte position of the expression in the option's value.
    pub fn position(&self) -> usize {
        self.position
    }

    /// What cannot be evaluated.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl std::fmt::Display for EvalError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} at position {}: {}", self.option, self.position, self.message)
    }
}

impl std::error::Error for EvalError {}

impl From<EvalError> for ODataError {
    fn from(error: EvalError) -> Self {
        ODataError::not_implemented(error.to_string()).with_target(error.option)
    }
}

/// A value during evaluation.
#[derive(Debug, Clone)]
pub(crate) enum V {
    Null,
    Bool(bool),
    Int(i64),
    Num(f64),
    /// Strings, and the text of dates, GUIDs and durations.
    Str(String),
    Instant(OffsetDateTime),
    Time(time::Time),
    Bytes(Vec<u8>),
    /// An enumeration value: its numeric value and its member names (`Organic,Fair`).
    Enum(i64, String),
    /// A complex value, an entity or a collection.
    Json(Value),
}

pub(crate) fn unsupported(pos: usize, what: &str) -> EvalError {
    EvalError::new(pos, format!("{what} is not supported by the in-memory evaluator"))
}

pub(crate) fn instant(text: &str) -> OffsetDateTime {
    odata_core::DateTimeOffset::parse(text).map(|d| d.to_offset_date_time()).unwrap_or(OffsetDateTime::UNIX_EPOCH)
}

pub(crate) fn from_literal(literal: &Literal) -> V {
    match literal {
        Literal::Boolean(b) => V::Bool(*b),
        Literal::Int(i) => V::Int(*i),
        Literal::Decimal(d) => d.parse().map_or(V::Null, V::Num),
        Literal::Double(d) => V::Num(*d),
        Literal::String(s) | Literal::Date(s) | Literal::Duration(s) => V::Str(s.clone()),
        Literal::Guid(g) => V::Str(g.to_ascii_lowercase()),
        Literal::DateTimeOffset(text) => V::Instant(instant(text)),
        Literal::TimeOfDay(text) => odata_core::TimeOfDay::parse(text).map_or(V::Null, |t| V::Time(t.to_time())),
        Literal::Binary(bytes) => V::Bytes(bytes.clone()),
        Literal::Enum(ty, members) => {
            let value = members.iter().filter_map(|m| ty.member(m)).fold(0, |a, m| a | m.value);
            V::Enum(value, members.join(","))
        }
        _ => V::Null,
    }
}

/// A JSON value as a value of type `ty`.
pub(crate) fn typed(value: &Value, ty: &ValueType) -> V {
    if value.is_null() {
        return V::Null;
    }
    match ty {
        ValueType::Primitive(p) => primitive(value, *p),
        ValueType::Enum(info) => {
            let names: Vec<&str> = match value {
                Value::String(text) => text.split(',').map(str::trim).collect(),
                Value::Number(n) => match n.as_i64().and_then(|v| info.members.iter().find(|m| m.value == v)) {
                    Some(member) => vec![member.name],
                    None => return V::Null,
                },
                _ => return V::Null,
            };
            let number = names.iter().filter_map(|m| info.member(m)).fold(0, |a, m| a | m.value);
            V::Enum(number, names.join(","))
        }
        _ => V::Json(value.clone()),
    }
}

pub(crate) fn primitive(value: &Value, p: Primitive) -> V {
    match p {
        Primitive::Boolean => value.as_bool().map_or(V::Null, V::Bool),
        _ if p.is_integer() => match value {
            Value::Number(n) => {
                n.as_i64().map(V::Int).or_else(|| n.as_f64().map(|f| V::Int(f as i64))).unwrap_or(V::Null)
            }
            Value::String(s) => s.parse().map_or(V::Null, V::Int),
            _ => V::Null,
        },
        Primitive::Single | Primitive::Double | Primitive::Decimal => match value {
            Value::Number(n) => n.as_f64().map_or(V::Null, V::Num),
            Value::String(s) => match s.as_str() {
                "NaN" => V::Num(f64::NAN),
                "INF" => V::Num(f64::INFINITY),
                "-INF" => V::Num(f64::NEG_INFINITY),
                _ => s.parse().map_or(V::Null, V::Num),
            },
            _ => V::Null,
        },
        Primitive::DateTimeOffset => value
            .as_str()
            .and_then(|s| odata_core::DateTimeOffset::parse(s).ok())
            .map_or(V::Null, |d| V::Instant(d.to_offset_date_time())),
        Primitive::TimeOfDay => {
            value.as_str().and_then(|s| odata_core::TimeOfDay::parse(s).ok()).map_or(V::Null, |t| V::Time(t.to_time()))
        }
        Primitive::Binary => {
            value.as_str().and_then(|s| odata_core::Binary::parse(s).ok()).map_or(V::Null, |b| V::Bytes(b.into_vec()))
        }
        Primitive::Guid => value.as_str().map_or(V::Null, |s| V::Str(s.to_ascii_lowercase())),
        _ => match value {
            Value::String(s) => V::Str(s.clone()),
            other => V::Json(other.clone()),
        },
    }
}

/// A comparison, two-valued: `eq`/`ne` with null test for null, ordering against null is false.
pub(crate) fn compare(op: BinaryOp, left: &V, right: &V) -> bool {
    match (left, right) {
        (V::Null, V::Null) => matches!(op, BinaryOp::Eq),
        (V::Null, _) | (_, V::Null) => op == BinaryOp::Ne,
        _ => match order(left, right) {
            Some(ordering) => match op {
                BinaryOp::Eq => ordering == Ordering::Equal,
                BinaryOp::Ne => ordering != Ordering::Equal,
                BinaryOp::Gt => ordering == Ordering::Greater,
                BinaryOp::Ge => ordering != Ordering::Less,
                BinaryOp::Lt => ordering == Ordering::Less,
                _ => ordering != Ordering::Greater,
            },
            None => op == BinaryOp::Ne,
        },
    }
}

/// How two non-null values of comparable types order; `None` when they do not compare.
pub(crate) fn order(left: &V, right: &V) -> Option<Ordering> {
    Some(match (left, right) {
        (V::Bool(a), V::Bool(b)) => a.cmp(b),
        (V::Int(a), V::Int(b)) => a.cmp(b),
        (V::Int(a), V::Num(b)) => (*a as f64).partial_cmp(b)?,
        (V::Num(a), V::Int(b)) => a.partial_cmp(&(*b as f64))?,
        (V::Num(a), V::Num(b)) => a.partial_cmp(b)?,
        (V::Str(a), V::Str(b)) => a.cmp(b),
        (V::Instant(a), V::Instant(b)) => a.cmp(b),
        (V::Time(a), V::Time(b)) => a.cmp(b),
        (V::Bytes(a), V::Bytes(b)) => a.cmp(b),
        (V::Enum(a, _), V::Enum(b, _)) => a.cmp(b),
        (V::Enum(_, a), V::Str(b)) | (V::Str(b), V::Enum(_, a)) => a.cmp(b),
        (V::Json(a), V::Json(b)) if same_json(a, b) => Ordering::Equal,
        _ => return None,
    })
}

/// `$orderby` keys: nulls first ascending, last descending; the key properties after the items.
pub(crate) fn compare_keys(items: &[OrderItem], left: &[V], right: &[V]) -> Ordering {
    for (i, (a, b)) in left.iter().zip(right).enumerate() {
        let ordering = match (a, b) {
            (V::Null, V::Null) => Ordering::Equal,
            (V::Null, _) => Ordering::Less,
            (_, V::Null) => Ordering::Greater,
            _ => order(a, b).unwrap_or(Ordering::Equal),
        };
        let ordering = if items.get(i).is_some_and(|item| item.descending) { ordering.reverse() } else { ordering };
        if ordering != Ordering::Equal {
            return ordering;
        }
    }
    Ordering::Equal
}

pub(crate) fn arithmetic(op: BinaryOp, left: V, right: V, integral: bool, pos: usize) -> Result<V, EvalError> {
    let number = |v: &V| match v {
        V::Int(i) => Some(*i as f64),
        V::Num(n) => Some(*n),
        _ => None,
    };
    Ok(match (&left, &right) {
        (V::Null, _) | (_, V::Null) => V::Null,
        (V::Int(a), V::Int(b)) if integral => {
            let (a, b) = (*a, *b);
            match op {
                BinaryOp::Add => a.checked_add(b),
                BinaryOp::Sub => a.checked_sub(b),
                BinaryOp::Mul => a.checked_mul(b),
                BinaryOp::Mod => a.checked_rem(b),
                _ => a.checked_div(b),
            }
            .map_or(V::Null, V::Int)
        }
        _ => {
            let (Some(a), Some(b)) = (number(&left), number(&right)) else {
                return Err(unsupported(pos, "arithmetic on dates, times and durations"));
            };
            let result = match op {
                BinaryOp::Add => a + b,
                BinaryOp::Sub => a - b,
                BinaryOp::Mul => a * b,
                BinaryOp::Mod if b == 0.0 => return Ok(V::Null),
                BinaryOp::Mod => a % b,
                _ if b == 0.0 => return Ok(V::Null),
                _ => a / b,
            };
            if integral { V::Int(result as i64) } else { V::Num(result) }
        }
    })
}

pub(crate) fn cast(value: V, target: Primitive) -> V {
    match (value, target) {
        (V::Null, _) => V::Null,
        (V::Int(i), Primitive::String) => V::Str(i.to_string()),
        (V::Num(n), Primitive::String) => V::Str(n.to_string()),
        (V::Bool(b), Primitive::String) => V::Str(b.to_string()),
        (V::Enum(_, names), Primitive::String) => V::Str(names),
        (V::Str(s), Primitive::String) => V::Str(s),
        (V::Int(i), t) if t.is_integer() => V::Int(i),
        (V::Num(n), t) if t.is_integer() => V::Int(n as i64),
        (V::Str(s), t) if t.is_integer() => s.trim().parse().map_or(V::Null, V::Int),
        (V::Int(i), Primitive::Single | Primitive::Double | Primitive::Decimal) => V::Num(i as f64),
        (V::Num(n), Primitive::Single | Primitive::Double | Primitive::Decimal) => V::Num(n),
        (V::Str(s), Primitive::Single | Primitive::Double | Primitive::Decimal) => {
            s.trim().parse().map_or(V::Null, V::Num)
        }
        (other, _) => other,
    }
}

/// Whether two JSON values are the same OData value (numbers by value: `1` and `1.0`).
pub(crate) fn same_json(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => match (x.as_i64(), y.as_i64()) {
            (Some(x), Some(y)) => x == y,
            _ => x.as_f64() == y.as_f64(),
        },
        (Value::Array(x), Value::Array(y)) => x.len() == y.len() && x.iter().zip(y).all(|(a, b)| same_json(a, b)),
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| same_json(v, w)))
        }
        _ => a == b,
    }
}
