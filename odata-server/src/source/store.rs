//! A source as the storage of the write handlers ([`crate::store::Store::Source`]): entities
//! read by key and checked against the model, new and changed entities handed over as the JSON
//! objects a source receives, versions passed on for the source to compare.

use serde_json::{Map, Value};

use super::guard::navigation_refused;
use super::row::{row_object, to_json, to_row};
use super::{EntitySource, Key};
use crate::body::{EntityBody, check};
use crate::catalog::SetModel;
use crate::error::ODataError;
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
