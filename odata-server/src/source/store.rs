//! A source as the storage of the handlers ([`crate::store::Store::Source`]): pages and counts
//! asked as [`Query`]s (a cast as an `isof` condition), entities read by key and checked
//! against the model, new and changed entities handed over as the JSON objects a source
//! receives, versions passed on for the source to compare.

use serde_json::{Map, Value};

use super::guard::navigation_refused;
use super::row::{row_object, source_fault, to_json, to_row};
use super::{EntitySource, Key, Query};
use crate::body::{EntityBody, check};
use crate::catalog::SetModel;
use crate::error::ODataError;
use crate::options::Options;
use crate::query::{Expr, ExprKind};
use crate::resolve::Scope;
use crate::rows::Rows;
use crate::value::Datum;

/// The source's key of the entity `scope` addresses.
fn key_of(scope: &Scope<'_>) -> Key {
    let values = scope.conds.iter().map(|c| (c.column, to_json(c.kind, &c.value))).collect();
    Key { entity_set: scope.set.info, values }
}

/// The version of the first row, as the source reported it.
fn version_of(current: &Rows) -> Option<String> {
    match current.version(0) {
        Some(Datum::Text(version)) => Some(version),
        _ => None,
    }
}

/// The `$filter` a source is asked: the request's, and `isof` of the type a cast names.
fn filter(scope: &Scope<'_>, options: &Options) -> Option<Expr> {
    let set = scope.set;
    if scope.ty.qualified_name == set.ty.qualified_name {
        return options.filter.clone();
    }
    let mut types: Vec<&'static str> = std::iter::once(scope.ty)
        .chain(set.derived.iter().copied().filter(|d| d.is_or_derives_from(scope.ty)))
        .map(|t| t.qualified_name)
        .collect();
    types.sort_unstable();
    types.dedup();
    let boolean = |kind| Expr { kind, ty: crate::query::ValueType::BOOLEAN, pos: 0 };
    let isof = boolean(ExprKind::IsOf { scope: crate::query::Scope::It, types });
    Some(match &options.filter {
        Some(own) => boolean(ExprKind::And(vec![isof, own.clone()])),
        None => isof,
    })
}

/// The query of the collection `scope` addresses.
fn query<'o>(scope: &Scope<'_>, options: &'o Options, filter: Option<&'o Expr>) -> Query<'o> {
    let mut query = Query::new(scope.set.info);
    query.filter = filter;
    query.search = options.search.as_ref();
    query.orderby = &options.orderby;
    query
}

/// At most `limit` entities after `offset`, and the total count with `$count=true`.
pub(crate) async fn page(
    source: &dyn EntitySource,
    scope: &Scope<'_>,
    options: &Options,
    offset: u64,
    limit: u64,
) -> Result<(Rows, Option<u64>), ODataError> {
    let filter = filter(scope, options);
    let mut query = query(scope, options, filter.as_ref());
    query.skip = offset;
    query.top = Some(limit);
    query.count = options.count;
    let result = source.read(query).await?;
    let mut rows = Vec::with_capacity(result.entities.len());
    for entity in result.entities.iter().take(usize::try_from(limit).unwrap_or(usize::MAX)) {
        rows.push(to_row(scope.set, entity)?);
    }
    let total = match (options.count, result.count) {
        (false, _) => None,
        (true, Some(n)) => Some(n),
        (true, None) => return Err(source_fault(scope.set, "no count where $count=true asked for one".into())),
    };
    Ok((Rows::Entities(rows), total))
}

/// How many entities pass `$filter` and `$search`.
pub(crate) async fn count(source: &dyn EntitySource, scope: &Scope<'_>, options: &Options) -> Result<u64, ODataError> {
    let filter = filter(scope, options);
    let mut query = query(scope, options, filter.as_ref());
    query.top = Some(0);
    query.count = true;
    let result = source.read(query).await?;
    result.count.ok_or_else(|| source_fault(scope.set, "no count for /$count".into()))
}

/// The entity `scope` addresses (an entity of another type than a cast names is not there).
pub(crate) async fn current(source: &dyn EntitySource, scope: &Scope<'_>) -> Result<Rows, ODataError> {
    let mut rows = Vec::new();
    if let Some(entity) = source.get(&key_of(scope)).await? {
        let row = to_row(scope.set, &entity)?;
        if row.ty.is_or_derives_from(scope.ty) {
            rows.push(row);
        }
    }
    Ok(Rows::Entities(rows))
}

/// `@odata.bind` and nested entities would write other sets: refused on a source-backed set.
pub(crate) fn refuse_links(set: &SetModel, body: &EntityBody) -> Result<(), ODataError> {
    if let Some((navigation, _)) = body.binds.first() {
        return Err(navigation_refused(navigation, set.name()));
    }
    if let Some((navigation, _)) = body.nested.first() {
        return Err(navigation_refused(navigation, set.name()));
    }
    Ok(())
}

/// The entity a POST body `value` of type `ty` (or one derived from it) describes, checked as a
/// new entity of `set`, as the source receives it.
pub(crate) fn new_entity(
    set: &SetModel,
    ty: &'static odata_core::TypeInfo,
    value: &Value,
    ieee754: bool,
) -> Result<Map<String, Value>, ODataError> {
    let body = check(set, ty, value, ieee754)?;
    refuse_links(set, &body)?;
    crate::write::check_complete(set, &body, None)?;
    let mut values = vec![Datum::Null; set.columns.len()];
    for (&index, datum) in &body.values {
        values[index] = datum.clone();
    }
    Ok(row_object(set, body.ty, &values))
}

/// Creates the entity of the POST body `value`; the entity as the source stored it.
pub(crate) async fn create(
    source: &dyn EntitySource,
    scope: &Scope<'_>,
    value: &Value,
    ieee754: bool,
) -> Result<Rows, ODataError> {
    let entity = new_entity(scope.set, scope.ty, value, ieee754)?;
    let created = source.create(scope.set.info, entity).await?;
    Ok(Rows::Entities(vec![to_row(scope.set, &created)?]))
}

/// Replaces the entity `current` by itself with `changes`, if its version is still the one read.
pub(crate) async fn update(
    source: &dyn EntitySource,
    scope: &Scope<'_>,
    current: &Rows,
    changes: &[(usize, Datum)],
) -> Result<Rows, ODataError> {
    let set = scope.set;
    let mut values: Vec<Datum> = (0..set.columns.len()).map(|c| current.datum(0, c).into_owned()).collect();
    for (index, datum) in changes {
        values[*index] = datum.clone();
    }
    let entity = row_object(set, current.type_of(set, 0), &values);
    let version = version_of(current);
    let stored = source.replace(&key_of(scope), entity, version.as_deref()).await?;
    Ok(Rows::Entities(vec![to_row(set, &stored)?]))
}

/// Deletes the entity `current`, if its version is still the one read.
pub(crate) async fn delete(source: &dyn EntitySource, scope: &Scope<'_>, current: &Rows) -> Result<(), ODataError> {
    source.delete(&key_of(scope), version_of(current).as_deref()).await
}
