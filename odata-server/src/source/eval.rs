//! The typed `$filter`, `$orderby` and `$search` evaluated in Rust over JSON entities, with the
//! semantics of the SQL translation ([`crate::sql`]): a comparison with null is false (`eq null`
//! tests for null), `not` of an unknown Boolean stays unknown, arithmetic and functions of null
//! are null, lambdas over a missing collection see an empty one, `$orderby` puts nulls first in
//! ascending order and orders enumeration members by their value.
//!
//! Numbers compute as `i64` when the expression's type is an integer type and as `f64`
//! otherwise (`Edm.Decimal` included, as SQLite computes it). Text compares by code point (as
//! SQL's binary collation), `tolower`/`toupper` are Unicode-aware, `trim` removes spaces.
//! `matchesPattern` and date arithmetic are refused with an [`EvalError`].

use std::borrow::Cow;
use std::cmp::Ordering;

use odata_core::{NavigationPropertyInfo, TypeInfo};
use serde_json::{Map, Value};
use time::{OffsetDateTime, UtcOffset};

pub use super::values::EvalError;
pub(crate) use super::values::same_json;
use super::values::{V, arithmetic, cast, compare, compare_keys, from_literal, instant, typed, unsupported};
use super::{Page, Query, SourceEntity};
use crate::query::{
    BinaryOp, Expr, ExprKind, Function, Literal, Member, OrderItem, Primitive, Scope, Search, Step, ValueType,
};

/// The entities a navigation property of one entity leads to.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Followed {
    /// The entity set they belong to, if known (it lets the evaluator follow their navigation
    /// properties in turn).
    pub set: Option<&'static str>,
    /// The related entities (none or one for a single-valued navigation property).
    pub entities: Vec<Map<String, Value>>,
}

/// Follows navigation properties for the evaluator (`Category/CategoryName`,
/// `Order_Details/any(...)`).
pub trait Navigator: Send + Sync {
    /// The entities `navigation` leads to from `entity`, an entity of entity set `set` (when
    /// known).
    fn follow(
        &self,
        set: Option<&'static str>,
        entity: &Map<String, Value>,
        navigation: &'static NavigationPropertyInfo,
    ) -> Result<Followed, EvalError>;
}

/// The navigator of entities that carry their related entities inline, as expanded:
/// `{"ProductID": 1, "Category": {"CategoryID": 1, ...}}`; an absent navigation property leads
/// to no entity.
#[derive(Debug, Clone, Copy, Default)]
pub struct Inline;

impl Navigator for Inline {
    fn follow(
        &self,
        _set: Option<&'static str>,
        entity: &Map<String, Value>,
        navigation: &'static NavigationPropertyInfo,
    ) -> Result<Followed, EvalError> {
        let entities = match entity.get(navigation.name) {
            Some(Value::Object(related)) => vec![related.clone()],
            Some(Value::Array(items)) => items.iter().filter_map(|i| i.as_object().cloned()).collect(),
            _ => Vec::new(),
        };
        Ok(Followed { set: None, entities })
    }
}

/// Evaluates a query's expressions over the JSON entities of one entity type.
pub struct Evaluator<'n> {
    ty: &'static TypeInfo,
    set: Option<&'static str>,
    navigator: &'n dyn Navigator,
    now: OffsetDateTime,
}

impl std::fmt::Debug for Evaluator<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Evaluator").field("ty", &self.ty.qualified_name).field("set", &self.set).finish()
    }
}

/// Where member paths start: the entity, then one frame per enclosing lambda.
struct Frame<'e> {
    value: Cow<'e, Value>,
    set: Option<&'static str>,
    ty: Option<&'static TypeInfo>,
}

static NULL: Value = Value::Null;

/// What a member path reached: the value, and the entity set and type it belongs to.
type Reached<'f> = (Cow<'f, Value>, Option<&'static str>, Option<&'static TypeInfo>);

impl<'n> Evaluator<'n> {
    /// An evaluator for entities of type `ty` whose navigation properties `navigator` follows.
    pub fn new(ty: &'static TypeInfo, navigator: &'n dyn Navigator) -> Self {
        Evaluator { ty, set: None, navigator, now: OffsetDateTime::now_utc() }
    }

    /// The same evaluator for entities of entity set `set` (passed on to the navigator).
    #[must_use]
    pub fn in_set(mut self, set: &'static str) -> Self {
        self.set = Some(set);
        self
    }

    fn root<'e>(&self, entity: &'e Value) -> Vec<Frame<'e>> {
        vec![Frame { value: Cow::Borrowed(entity), set: self.set, ty: Some(self.ty) }]
    }

    /// Whether `entity` passes `filter` (an unknown result does not).
    pub fn matches(&self, filter: &Expr, entity: &Map<String, Value>) -> Result<bool, EvalError> {
        self.matches_value(filter, &Value::Object(entity.clone()))
    }

    /// [`matches`](Self::matches) of an entity as a JSON value (no copy).
    fn matches_value(&self, filter: &Expr, entity: &Value) -> Result<bool, EvalError> {
        let mut frames = self.root(entity);
        Ok(matches!(self.eval(filter, &mut frames)?, V::Bool(true)))
    }

    /// Whether `entity` passes `search`: a term matches when one of the `Edm.String` properties
    /// of the type contains it, ignoring case (as the SQL translation does).
    pub fn search(&self, search: &Search, entity: &Map<String, Value>) -> bool {
        match search {
            Search::Term(term) => {
                let term = term.to_lowercase();
                self.ty.all_properties().filter(|p| p.ty.name == "Edm.String" && !p.ty.collection).any(|p| {
                    entity.get(p.name).and_then(Value::as_str).is_some_and(|text| text.to_lowercase().contains(&term))
                })
            }
            Search::And(all) => all.iter().all(|s| self.search(s, entity)),
            Search::Or(any) => any.iter().any(|s| self.search(s, entity)),
            Search::Not(inner) => !self.search(inner, entity),
        }
    }

    /// How `a` and `b` compare under `$orderby` (then by key, ascending).
    pub fn compare(
        &self,
        items: &[OrderItem],
        a: &Map<String, Value>,
        b: &Map<String, Value>,
    ) -> Result<Ordering, EvalError> {
        let left = self.sort_key(items, &Value::Object(a.clone()))?;
        let right = self.sort_key(items, &Value::Object(b.clone()))?;
        Ok(compare_keys(items, &left, &right))
    }

    /// The values `$orderby` and the key order entities by.
    fn sort_key(&self, items: &[OrderItem], entity: &Value) -> Result<Vec<V>, EvalError> {
        let mut frames = self.root(entity);
        let mut key = Vec::with_capacity(items.len() + 1);
        for item in items {
            key.push(self.eval(&item.expr, &mut frames).map_err(|e| e.in_option("$orderby"))?);
        }
        for name in self.ty.key() {
            let property = self.ty.property(name);
            let raw = entity.get(*name).unwrap_or(&NULL);
            key.push(match property {
                Some(p) => typed(raw, &ValueType::of_ref(&p.ty)),
                None => V::Json(raw.clone()),
            });
        }
        Ok(key)
    }

    fn eval<'e>(&self, expr: &Expr, frames: &mut Vec<Frame<'e>>) -> Result<V, EvalError> {
        let pos = expr.pos;
        Ok(match &expr.kind {
            ExprKind::Literal(literal) => from_literal(literal),
            ExprKind::Member(member) => {
                let (value, _, _) = self.resolve(member, frames, pos)?;
                typed(&value, &expr.ty)
            }
            ExprKind::Count(member) => {
                let (value, _, _) = self.resolve(member, frames, pos)?;
                V::Int(value.as_array().map_or(0, |items| items.len() as i64))
            }
            ExprKind::Lambda { all, collection, body, .. } => {
                let (value, set, ty) = self.resolve(collection, frames, pos)?;
                let items = match value.into_owned() {
                    Value::Array(items) => items,
                    _ => Vec::new(),
                };
                let item_ty = if set.is_some() || ty.is_some() { ty } else { None };
                let Some(body) = body else { return Ok(V::Bool(!items.is_empty())) };
                let mut verdict = *all;
                for item in items {
                    frames.push(Frame { value: Cow::Owned(item), set, ty: item_ty });
                    let result = self.eval(body, frames);
                    frames.pop();
                    let holds = matches!(result?, V::Bool(true));
                    if *all && !holds {
                        verdict = false;
                        break;
                    }
                    if !*all && holds {
                        verdict = true;
                        break;
                    }
                }
                V::Bool(verdict)
            }
            ExprKind::Not(operand) => match self.eval(operand, frames)? {
                V::Bool(b) => V::Bool(!b),
                _ => V::Null,
            },
            ExprKind::Negate(operand) => match self.eval(operand, frames)? {
                V::Int(i) => i.checked_neg().map_or(V::Null, V::Int),
                V::Num(n) => V::Num(-n),
                V::Null => V::Null,
                _ => return Err(unsupported(pos, "negating a non-numeric value")),
            },
            ExprKind::And(operands) => {
                let mut unknown = false;
                for operand in operands {
                    match self.eval(operand, frames)? {
                        V::Bool(false) => return Ok(V::Bool(false)),
                        V::Bool(true) => {}
                        _ => unknown = true,
                    }
                }
                if unknown { V::Null } else { V::Bool(true) }
            }
            ExprKind::Or(operands) => {
                let mut unknown = false;
                for operand in operands {
                    match self.eval(operand, frames)? {
                        V::Bool(true) => return Ok(V::Bool(true)),
                        V::Bool(false) => {}
                        _ => unknown = true,
                    }
                }
                if unknown { V::Null } else { V::Bool(false) }
            }
            ExprKind::Binary(op, left, right) if op.is_comparison() => {
                let left = self.eval(left, frames)?;
                let right = self.eval(right, frames)?;
                V::Bool(compare(*op, &left, &right))
            }
            ExprKind::Binary(op, left, right) => {
                let l = self.eval(left, frames)?;
                let r = self.eval(right, frames)?;
                let integral = expr.ty.primitive().is_some_and(Primitive::is_integer);
                arithmetic(*op, l, r, integral, pos)?
            }
            ExprKind::In(operand, values) => {
                let value = self.eval(operand, frames)?;
                let mut found = false;
                for candidate in values {
                    let candidate = self.eval(candidate, frames)?;
                    if compare(BinaryOp::Eq, &value, &candidate) {
                        found = true;
                        break;
                    }
                }
                V::Bool(found)
            }
            ExprKind::Has(operand, Literal::Enum(_, members)) => match self.eval(operand, frames)? {
                V::Enum(_, names) => {
                    let names: Vec<&str> = names.split(',').map(str::trim).collect();
                    V::Bool(members.iter().all(|m| names.contains(m)))
                }
                V::Str(names) => {
                    let names: Vec<&str> = names.split(',').map(str::trim).collect();
                    V::Bool(members.iter().all(|m| names.contains(m)))
                }
                _ => V::Null,
            },
            ExprKind::Has(..) => return Err(EvalError::new(pos, "`has` needs an enumeration literal")),
            ExprKind::Call(function, args) => {
                let mut values = Vec::with_capacity(args.len());
                for arg in args {
                    values.push(self.eval(arg, frames)?);
                }
                self.call(*function, values, pos)?
            }
            ExprKind::IsOf { scope, types } => {
                let frame = frame(frames, *scope);
                match (frame.value.as_ref(), frame.ty) {
                    (Value::Object(entity), Some(ty)) => V::Bool(types.contains(&type_of(entity, ty).qualified_name)),
                    _ => V::Bool(false),
                }
            }
            ExprKind::Cast(operand, target) => cast(self.eval(operand, frames)?, *target),
        })
    }

    /// The value a member path leads to, with the entity set and type of what it reached.
    fn resolve<'f>(&self, member: &Member, frames: &'f [Frame<'_>], pos: usize) -> Result<Reached<'f>, EvalError> {
        let start = frame(frames, member.scope);
        let mut current: Cow<'f, Value> = Cow::Borrowed(start.value.as_ref());
        let (mut set, mut ty) = (start.set, start.ty);
        for step in &member.steps {
            match step {
                Step::Property(property) => {
                    current = match current {
                        Cow::Borrowed(value) => Cow::Borrowed(value.get(property.name).unwrap_or(&NULL)),
                        Cow::Owned(value) => Cow::Owned(value.get(property.name).cloned().unwrap_or(Value::Null)),
                    };
                    set = None;
                    ty = property.ty.type_info();
                }
                Step::Cast(target) => {
                    let fits = match (current.as_ref(), ty) {
                        (Value::Object(entity), Some(actual)) => type_of(entity, actual).is_or_derives_from(target),
                        (Value::Object(entity), None) => entity
                            .get("@odata.type")
                            .and_then(Value::as_str)
                            .and_then(|n| odata_core::registry::find_type(n.trim_start_matches('#')))
                            .is_some_and(|t| t.is_or_derives_from(target)),
                        _ => false,
                    };
                    if !fits {
                        current = Cow::Owned(Value::Null);
                    }
                    ty = Some(*target);
                }
                Step::Navigation(navigation) => {
                    let followed = match current.as_ref() {
                        Value::Object(entity) => self.navigator.follow(set, entity, navigation).map_err(|mut e| {
                            // A navigator knows no positions: the path's.
                            if e.position == 0 {
                                e.position = pos;
                            }
                            e
                        })?,
                        _ => Followed::default(),
                    };
                    set = followed.set;
                    ty = navigation.ty.type_info();
                    let mut entities = followed.entities.into_iter().map(Value::Object);
                    current = Cow::Owned(if navigation.ty.collection {
                        Value::Array(entities.collect())
                    } else {
                        entities.next().unwrap_or(Value::Null)
                    });
                }
            }
        }
        Ok((current, set, ty))
    }

    fn call(&self, function: Function, args: Vec<V>, pos: usize) -> Result<V, EvalError> {
        use Function as F;
        if matches!(function, F::Now | F::MaxDateTime | F::MinDateTime) {
            return Ok(match function {
                F::Now => V::Instant(self.now),
                F::MaxDateTime => V::Instant(instant("9999-12-31T23:59:59.9999999Z")),
                _ => V::Instant(instant("0001-01-01T00:00:00Z")),
            });
        }
        if function == F::MatchesPattern {
            return Err(unsupported(pos, "`matchesPattern`"));
        }
        // Every other function of null is null.
        if args.iter().any(|a| matches!(a, V::Null)) {
            return Ok(V::Null);
        }
        let text = |i: usize| -> Result<&str, EvalError> {
            match args.get(i) {
                Some(V::Str(s)) => Ok(s.as_str()),
                Some(V::Enum(_, s)) => Ok(s.as_str()),
                _ => Err(EvalError::new(pos, "expected a string argument")),
            }
        };
        let int = |i: usize| -> Result<i64, EvalError> {
            match args.get(i) {
                Some(V::Int(n)) => Ok(*n),
                Some(V::Num(n)) => Ok(*n as i64),
                _ => Err(EvalError::new(pos, "expected an integer argument")),
            }
        };
        let utc = |value: &V| match value {
            V::Instant(at) => Some(at.to_offset(UtcOffset::UTC)),
            _ => None,
        };
        Ok(match function {
            F::Contains => V::Bool(text(0)?.contains(text(1)?)),
            F::StartsWith => V::Bool(text(0)?.starts_with(text(1)?)),
            F::EndsWith => V::Bool(text(0)?.ends_with(text(1)?)),
            F::Length => V::Int(text(0)?.chars().count() as i64),
            F::IndexOf => {
                let (haystack, needle) = (text(0)?, text(1)?);
                V::Int(haystack.find(needle).map_or(-1, |byte| haystack[..byte].chars().count() as i64))
            }
            F::Substring => {
                let start = usize::try_from(int(1)?.max(0)).unwrap_or(usize::MAX);
                let chars = text(0)?.chars().skip(start);
                V::Str(if args.len() > 2 {
                    chars.take(usize::try_from(int(2)?.max(0)).unwrap_or(usize::MAX)).collect()
                } else {
                    chars.collect()
                })
            }
            F::ToLower => V::Str(text(0)?.to_lowercase()),
            F::ToUpper => V::Str(text(0)?.to_uppercase()),
            F::Trim => V::Str(text(0)?.trim_matches(' ').to_owned()),
            F::Concat => V::Str(format!("{}{}", text(0)?, text(1)?)),
            F::Year | F::Month | F::Day => match &args[0] {
                V::Str(date) => {
                    let date = odata_core::Date::parse(date).map_err(|e| EvalError::new(pos, e.to_string()))?;
                    let date = date.to_date();
                    V::Int(match function {
                        F::Year => i64::from(date.year()),
                        F::Month => i64::from(u8::from(date.month())),
                        _ => i64::from(date.day()),
                    })
                }
                other => {
                    let at = utc(other).ok_or_else(|| EvalError::new(pos, "expected a date"))?;
                    V::Int(match function {
                        F::Year => i64::from(at.year()),
                        F::Month => i64::from(u8::from(at.month())),
                        _ => i64::from(at.day()),
                    })
                }
            },
            F::Hour | F::Minute | F::Second | F::FractionalSeconds => {
                let time = match &args[0] {
                    V::Time(time) => *time,
                    other => utc(other).ok_or_else(|| EvalError::new(pos, "expected a time"))?.time(),
                };
                match function {
                    F::Hour => V::Int(i64::from(time.hour())),
                    F::Minute => V::Int(i64::from(time.minute())),
                    F::Second => V::Int(i64::from(time.second())),
                    _ => V::Num(f64::from(time.nanosecond()) / 1e9),
                }
            }
            F::Date => {
                let at = utc(&args[0]).ok_or_else(|| EvalError::new(pos, "expected a date-time"))?;
                let date = at.date();
                V::Str(format!("{:04}-{:02}-{:02}", date.year(), u8::from(date.month()), date.day()))
            }
            F::Time => V::Time(utc(&args[0]).ok_or_else(|| EvalError::new(pos, "expected a date-time"))?.time()),
            F::TotalOffsetMinutes => match &args[0] {
                V::Instant(at) => V::Int(i64::from(at.offset().whole_minutes())),
                _ => return Err(EvalError::new(pos, "expected a date-time")),
            },
            F::Round | F::Floor | F::Ceiling => match &args[0] {
                V::Int(n) => V::Int(*n),
                V::Num(n) => V::Num(match function {
                    F::Round => n.round(),
                    F::Floor => n.floor(),
                    _ => n.ceil(),
                }),
                _ => return Err(EvalError::new(pos, "expected a number")),
            },
            _ => return Err(unsupported(pos, "this function")),
        })
    }
}

fn frame<'a, 'e>(frames: &'a [Frame<'e>], scope: Scope) -> &'a Frame<'e> {
    match scope {
        // The checker numbers lambdas from the outermost; frames hold the entity first.
        Scope::Lambda(i) => frames.get(i + 1).unwrap_or(&frames[0]),
        _ => &frames[0],
    }
}

/// The type of an entity: its `@odata.type` when that names a type derived from `declared`.
fn type_of(entity: &Map<String, Value>, declared: &'static TypeInfo) -> &'static TypeInfo {
    entity
        .get("@odata.type")
        .and_then(Value::as_str)
        .and_then(|name| odata_core::registry::find_type(name.trim_start_matches('#')))
        .filter(|t| t.is_or_derives_from(declared))
        .unwrap_or(declared)
}

/// Answers `query` from every entity of its set, in Rust: `$filter` and `$search`, the count,
/// `$orderby` (then the key), `skip` and `top`. For sources that can list their entities (a
/// file, a cache, an API without query options); `navigator` follows navigation properties in
/// `$filter` and `$orderby` ([`Inline`] when the entities carry their related entities).
pub fn apply(
    query: &Query<'_>,
    entities: impl IntoIterator<Item = SourceEntity>,
    navigator: &dyn Navigator,
) -> Result<Page, EvalError> {
    let evaluator = Evaluator::new(query.entity_type(), navigator).in_set(query.entity_set.name);
    let mut kept = Vec::new();
    for SourceEntity { value, version } in entities {
        // Evaluated as a JSON value, moved in and out: no copy of the entity.
        let value = Value::Object(value);
        if let Some(filter) = query.filter
            && !evaluator.matches_value(filter, &value)?
        {
            continue;
        }
        if let (Some(search), Value::Object(map)) = (query.search, &value)
            && !evaluator.search(search, map)
        {
            continue;
        }
        let key = evaluator.sort_key(query.orderby, &value)?;
        let Value::Object(value) = value else { continue };
        kept.push((key, SourceEntity { value, version }));
    }
    let count = query.count.then_some(kept.len() as u64);
    kept.sort_by(|(a, _), (b, _)| compare_keys(query.orderby, a, b));
    let skip = usize::try_from(query.skip).unwrap_or(usize::MAX);
    let top = query.top.map_or(usize::MAX, |t| usize::try_from(t).unwrap_or(usize::MAX));
    let entities = kept.into_iter().skip(skip).take(top).map(|(_, e)| e).collect();
    Ok(Page { entities, count })
}
