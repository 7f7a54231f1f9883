//! A set's table behind [`crate::store::Store::Table`]: its reads (the SELECTs of
//! `fetch.rs`) and its writes, on the request's connection (writes: in its transaction, a
//! `$batch` atomicity group's): INSERT with deep insert and `@odata.bind`, UPDATE and DELETE
//! guarded by the row version, and the read back of what was written.

use std::future::Future;
use std::pin::Pin;

use http::StatusCode;
use serde_json::Value;
use sqlx::AnyConnection;

use crate::body::{EntityBody, check};
use crate::catalog::{SetModel, ValueKind};
use crate::error::ODataError;
use crate::expand::join_sources;
use crate::fetch::{Cond, Selection, fetch, needed_columns};
use crate::options::Options;
use crate::path::{Segment, parse};
use crate::resolve::{Scope, join_columns, with_key};
use crate::rows::Rows;
use crate::service::Inner;
use crate::stmt::Stmt;
use crate::value::Datum;

fn db(error: sqlx::Error) -> ODataError {
    ODataError::database(&error)
}

/// A page of the collection `scope` addresses (with the columns its expansions join on), and
/// the total count with `$count=true`.
pub(crate) async fn page(
    inner: &Inner,
    conn: &mut AnyConnection,
    scope: &Scope<'_>,
    options: &Options,
    offset: u64,
    limit: u64,
) -> Result<(Rows, Option<u64>), ODataError> {
    let set = scope.set;
    let extra = join_sources(inner, set, &options.expand, true)?;
    let columns = needed_columns(set, options, &extra)?;
    let selection =
        Selection { conds: &scope.conds, cast: Some(scope.ty), options, limit: Some(limit), offset, join: None };
    let rows = Rows::Table(fetch(inner, conn, set, &columns, &selection).await?);
    let total = if options.count { Some(count(inner, conn, scope, options).await?) } else { None };
    Ok((rows, total))
}

/// How many entities of the collection `scope` addresses pass `$filter` and `$search`.
pub(crate) async fn count(
    inner: &Inner,
    conn: &mut AnyConnection,
    scope: &Scope<'_>,
    options: &Options,
) -> Result<u64, ODataError> {
    let selection =
        Selection { conds: &scope.conds, cast: Some(scope.ty), options, limit: None, offset: 0, join: None };
    let n = crate::fetch::count(inner, conn, scope.set, &selection).await?;
    Ok(u64::try_from(n).unwrap_or_default())
}

/// The entity `scope` addresses: with what `options` select and expand needs, or (`None`) its
/// key and `column`.
pub(crate) async fn one(
    inner: &Inner,
    conn: &mut AnyConnection,
    scope: &Scope<'_>,
    options: Option<&Options>,
    column: Option<usize>,
) -> Result<Rows, ODataError> {
    let set = scope.set;
    let default = Options::default();
    let (columns, options) = match options {
        Some(options) => {
            let extra = join_sources(inner, set, &options.expand, true)?;
            (needed_columns(set, options, &extra)?, options)
        }
        None => {
            let mut columns = set.key.clone();
            columns.extend(column.filter(|c| !set.key.contains(c)));
            (columns, &default)
        }
    };
    let selection = Selection::one(&scope.conds, Some(scope.ty), options);
    Ok(Rows::Table(fetch(inner, conn, set, &columns, &selection).await?))
}

/// The entity `scope` addresses, with its key columns, row version and type (no row: none).
pub(crate) async fn current(inner: &Inner, conn: &mut AnyConnection, scope: &Scope<'_>) -> Result<Rows, ODataError> {
    let options = Options::default();
    let selection = Selection::one(&scope.conds, Some(scope.ty), &options);
    Ok(Rows::Table(fetch(inner, conn, scope.set, &scope.set.key, &selection).await?))
}

/// Every column of the entity with key `key`, as written.
async fn read_back(inner: &Inner, conn: &mut AnyConnection, set: &SetModel, key: &[Cond]) -> Result<Rows, ODataError> {
    let options = Options::default();
    let columns = needed_columns(set, &options, &[])?;
    let selection = Selection::one(key, None, &options);
    Ok(Rows::Table(fetch(inner, conn, set, &columns, &selection).await?))
}

/// The key conditions of the first row of `current`.
fn key_of(set: &SetModel, current: &Rows) -> Vec<Cond> {
    set.key
        .iter()
        .map(|&i| Cond {
            column: set.columns[i].name(),
            kind: set.columns[i].kind,
            value: current.datum(0, i).into_owned(),
        })
        .collect()
}

/// Inserts `value` into the set of `scope` and reads the new entity back.
pub(crate) async fn create(
    inner: &Inner,
    conn: &mut AnyConnection,
    scope: &Scope<'_>,
    value: &Value,
    ieee754: bool,
) -> Result<Rows, ODataError> {
    let key = insert(inner, conn, scope, value, ieee754).await?;
    read_back(inner, conn, scope.set, &key).await
}

/// The links of an update's body: `Nav@odata.bind` of a single-valued navigation property with
/// referential constraints sets this entity's foreign key; nested entities are refused (501).
pub(crate) async fn links(
    inner: &Inner,
    conn: &mut AnyConnection,
    set: &SetModel,
    body: &mut EntityBody,
) -> Result<(), ODataError> {
    if !body.nested.is_empty() {
        return Err(ODataError::not_implemented("nested entities in an update (deep update) are not supported"));
    }
    for (navigation, links) in std::mem::take(&mut body.binds) {
        let target =
            inner.catalog.target_set(set, navigation).filter(|_| !navigation.referential_constraints.is_empty());
        let (Some(target), [link]) = (target, links.as_slice()) else {
            return Err(ODataError::not_implemented(format!(
                "{}@odata.bind in an update: only single-valued navigation properties with referential constraints",
                navigation.name
            )));
        };
        let key = bound_key(inner, target, link, navigation.name)?;
        take_constraints(inner, conn, set, target, navigation, &key, body).await?;
    }
    Ok(())
}

/// Writes `changes` into the entity `current` (if its row version is still the one read) and
/// bumps its version; reads it back.
pub(crate) async fn update(
    inner: &Inner,
    conn: &mut AnyConnection,
    set: &SetModel,
    current: &Rows,
    changes: &[(usize, Datum)],
) -> Result<Rows, ODataError> {
    let key = key_of(set, current);
    let mut stmt = Stmt::new(inner.backend);
    stmt.push("UPDATE ").ident(set.name()).push(" SET ");
    let etag_column = set.etag_column();
    stmt.ident(etag_column).push(" = ").ident(etag_column).push(" + 1");
    // The row version is the server's: a value in the body does not change it.
    for (index, datum) in changes.iter().filter(|(index, _)| !set.is_etag(*index)) {
        let column = &set.columns[*index];
        stmt.push(", ").ident(column.name()).push(" = ").value(column.kind, datum);
    }
    stmt.push(" WHERE 1 = 1");
    write_conds(&mut stmt, &key);
    stmt.push(" AND ").ident(etag_column);
    execute_versioned(conn, stmt, current, "updated").await?;
    read_back(inner, conn, set, &key).await
}

/// Deletes the entity `current` if its row version is still the one read.
pub(crate) async fn delete(
    inner: &Inner,
    conn: &mut AnyConnection,
    set: &SetModel,
    current: &Rows,
) -> Result<(), ODataError> {
    let mut stmt = Stmt::new(inner.backend);
    stmt.push("DELETE FROM ").ident(set.name()).push(" WHERE 1 = 1");
    write_conds(&mut stmt, &key_of(set, current));
    stmt.push(" AND ").ident(set.etag_column());
    execute_versioned(conn, stmt, current, "deleted").await
}

/// Inserts `value` into the set of `scope` (with the values its navigation step implies), with
/// its binds and nested entities; returns the new entity's key conditions.
pub(crate) fn insert<'a>(
    inner: &'a Inner,
    conn: &'a mut AnyConnection,
    scope: &'a Scope<'a>,
    value: &'a Value,
    ieee754: bool,
) -> Pin<Box<dyn Future<Output = Result<Vec<Cond>, ODataError>> + Send + 'a>> {
    Box::pin(async move {
        let set = scope.set;
        let mut body = check(set, scope.ty, value, ieee754)?;
        // The values a navigation step (`Categories(1)/Products`) implies.
        if let Some(via) = &scope.via {
            for cond in &via.conds {
                if let Some(column) = set.column(cond.column) {
                    body.values.insert(column, cond.value.clone());
                }
            }
        }
        // Binds and to-one nested entities first: they give this entity's foreign keys.
        let mut after = Vec::new();
        for (navigation, links) in std::mem::take(&mut body.binds) {
            let target = inner.catalog.target_set(set, navigation).ok_or_else(|| {
                ODataError::bad_request("InvalidBind", format!("{} leads to no entity set", navigation.name))
            })?;
            for link in links {
                let key = bound_key(inner, target, &link, navigation.name)?;
                if navigation.referential_constraints.is_empty() {
                    after.push((navigation, Err(key)));
                } else {
                    take_constraints(inner, conn, set, target, navigation, &key, &mut body).await?;
                }
            }
        }
        for (navigation, items) in std::mem::take(&mut body.nested) {
            let target = inner.catalog.target_set(set, navigation).ok_or_else(|| {
                ODataError::bad_request("InvalidDeepInsert", format!("{} leads to no entity set", navigation.name))
            })?;
            for item in items {
                if navigation.referential_constraints.is_empty() {
                    after.push((navigation, Ok(item)));
                } else {
                    let child = Scope {
                        set: target,
                        conds: Vec::new(),
                        ty: navigation.ty.type_info().unwrap_or(target.ty),
                        via: None,
                    };
                    let key = insert(inner, conn, &child, &item, ieee754).await?;
                    take_constraints(inner, conn, set, target, navigation, &key, &mut body).await?;
                }
            }
        }
        // A left-out single integer or Guid key is generated (keys.rs).
        let generated = crate::keys::fill_missing(set, &mut body);
        crate::write::check_complete(set, &body, generated)?;
        // The columns and what goes into them, in one order.
        enum Source<'v> {
            Value(ValueKind, &'v Datum),
            Literal(&'static str),
            Generated(usize),
        }
        let type_name = Datum::Text(body.ty.qualified_name.to_owned());
        let mut columns: Vec<(&str, Source)> = body
            .values
            .iter()
            .map(|(&column, datum)| (set.columns[column].name(), Source::Value(set.columns[column].kind, datum)))
            .collect();
        if set.has_discriminator() {
            columns.push(("@odata.type", Source::Value(ValueKind::String, &type_name)));
        }
        if let Some(etag) = set.etag.filter(|e| !body.values.contains_key(e)) {
            columns.push((set.columns[etag].name(), Source::Literal("1")));
        }
        if let Some(column) = generated.filter(|_| crate::keys::names_generated(inner.backend)) {
            columns.push((set.columns[column].name(), Source::Generated(column)));
        }
        let mut stmt = Stmt::new(inner.backend);
        stmt.push("INSERT INTO ").ident(set.name());
        if columns.is_empty() {
            stmt.push(" DEFAULT VALUES");
        } else {
            stmt.push(" (");
            for (i, (name, _)) in columns.iter().enumerate() {
                stmt.push(if i == 0 { "" } else { ", " }).ident(name);
            }
            stmt.push(") VALUES (");
            for (i, (_, source)) in columns.iter().enumerate() {
                stmt.push(if i == 0 { "" } else { ", " });
                match source {
                    Source::Value(kind, datum) => stmt.value(*kind, datum),
                    Source::Literal(sql) => stmt.push(sql),
                    Source::Generated(column) => {
                        crate::keys::push_generated(&mut stmt, set, *column);
                        &mut stmt
                    }
                };
            }
            stmt.push(")");
        }
        if let Some(column) = generated {
            stmt.push(" RETURNING CAST(").ident(set.columns[column].name()).push(" AS BIGINT)");
            let (sql, args) = stmt.into_parts()?;
            let value: i64 = sqlx::query_scalar_with(sql, args).fetch_one(&mut *conn).await.map_err(db)?;
            body.values.insert(column, Datum::Int(value));
        } else {
            let (sql, args) = stmt.into_parts()?;
            sqlx::query_with(sql, args).execute(&mut *conn).await.map_err(db)?;
        }
        let key: Vec<Cond> = set
            .key
            .iter()
            .map(|&i| Cond {
                column: set.columns[i].name(),
                kind: set.columns[i].kind,
                value: body.values.get(&i).cloned().unwrap_or(Datum::Null),
            })
            .collect();
        // Binds and nested entities of the principal side: they take this entity's values.
        for (navigation, item) in after {
            let target = inner
                .catalog
                .target_set(set, navigation)
                .ok_or_else(|| ODataError::bad_request("InvalidBind", "no target"))?;
            let pairs = join_columns(set, target, navigation).ok_or_else(|| {
                ODataError::not_implemented(format!("{} has no referential constraint to set", navigation.name))
            })?;
            let mut conds = Vec::new();
            for (source, target_column) in &pairs {
                let value = set.column(source).and_then(|c| body.values.get(&c)).cloned().unwrap_or(Datum::Null);
                let column = target
                    .column(target_column)
                    .ok_or_else(|| ODataError::not_implemented("a constraint names no column"))?;
                conds.push(Cond { column: target.columns[column].name(), kind: target.columns[column].kind, value });
            }
            match item {
                Ok(nested) => {
                    let via = crate::resolve::Via { conds };
                    let child = Scope {
                        set: target,
                        conds: Vec::new(),
                        ty: navigation.ty.type_info().unwrap_or(target.ty),
                        via: Some(via),
                    };
                    insert(inner, conn, &child, &nested, ieee754).await?;
                }
                Err(key) => {
                    let mut stmt = Stmt::new(inner.backend);
                    stmt.push("UPDATE ").ident(target.name()).push(" SET ");
                    for (i, cond) in conds.iter().enumerate() {
                        if i > 0 {
                            stmt.push(", ");
                        }
                        stmt.ident(cond.column).push(" = ").value(cond.kind, &cond.value);
                    }
                    stmt.push(", ")
                        .ident(target.etag_column())
                        .push(" = ")
                        .ident(target.etag_column())
                        .push(" + 1 WHERE 1 = 1");
                    write_conds(&mut stmt, &key);
                    let (sql, args) = stmt.into_parts()?;
                    let done = sqlx::query_with(sql, args).execute(&mut *conn).await.map_err(db)?;
                    if done.rows_affected() == 0 {
                        return Err(ODataError::bad_request(
                            "InvalidBind",
                            format!("{}@odata.bind: no such entity", navigation.name),
                        ));
                    }
                }
            }
        }
        Ok(key)
    })
}

/// The key of the entity an `@odata.bind` URL names (`Categories(1)` or an absolute URL).
fn bound_key(inner: &Inner, target: &SetModel, link: &str, navigation: &str) -> Result<Vec<Cond>, ODataError> {
    let bad = |m: String| {
        ODataError::bad_request("InvalidBind", format!("{navigation}@odata.bind: {m}"))
            .with_target(format!("{navigation}@odata.bind"))
    };
    let path = link.rsplit_once("/$metadata").map_or(link, |_| link);
    let path = path.split_once("://").map_or(path, |(_, rest)| rest.split_once('/').map_or("", |(_, p)| p));
    let last = path.rsplit('/').find(|s| !s.is_empty()).unwrap_or(path);
    let Ok(crate::path::Target::Resource(segments)) = parse(last) else {
        return Err(bad(format!("{link} is not an entity URL")));
    };
    match segments.as_slice() {
        [Segment::Name { name, key: Some(key) }] if name == target.name() => {
            let _ = inner;
            let scope = Scope { set: target, conds: Vec::new(), ty: target.ty, via: None };
            Ok(with_key(scope, key)?.conds)
        }
        _ => Err(bad(format!("{link} is not an entity of {}", target.name()))),
    }
}

/// Sets this entity's dependent columns from the entity `key` of `target` that `navigation`
/// (which has referential constraints) leads to.
async fn take_constraints(
    inner: &Inner,
    conn: &mut AnyConnection,
    set: &SetModel,
    target: &SetModel,
    navigation: &odata_core::NavigationPropertyInfo,
    key: &[Cond],
    body: &mut EntityBody,
) -> Result<(), ODataError> {
    let columns: Vec<usize> =
        navigation.referential_constraints.iter().filter_map(|c| target.column(c.referenced_property)).collect();
    let options = Options::default();
    let selection = Selection::one(key, None, &options);
    let rows = fetch(inner, conn, target, &columns, &selection).await?;
    if rows.rows.is_empty() {
        return Err(ODataError::bad_request(
            "InvalidBind",
            format!("{}: the related entity does not exist", navigation.name),
        )
        .with_target(navigation.name));
    }
    for constraint in navigation.referential_constraints {
        if let (Some(own), Some(theirs)) =
            (set.column(constraint.property), target.column(constraint.referenced_property))
        {
            body.values.insert(own, rows.datum(0, theirs));
        }
    }
    Ok(())
}

fn write_conds(stmt: &mut Stmt, conds: &[Cond]) {
    for cond in conds {
        stmt.push(" AND ");
        if cond.value == Datum::Null {
            stmt.ident(cond.column).push(" IS NULL");
        } else {
            stmt.ident(cond.column).push(" = ").value(cond.kind, &cond.value);
        }
    }
}

/// Runs an UPDATE or DELETE whose text ends with its row-version column: `= version` is
/// appended, and no row affected means another write came first (412).
async fn execute_versioned(
    conn: &mut AnyConnection,
    mut stmt: Stmt,
    current: &Rows,
    done: &str,
) -> Result<(), ODataError> {
    stmt.push(" = ").value(ValueKind::Int64, &current.version(0).unwrap_or(Datum::Null));
    let (sql, args) = stmt.into_parts()?;
    let result = sqlx::query_with(sql, args).execute(&mut *conn).await.map_err(db)?;
    if result.rows_affected() == 0 {
        return Err(ODataError::new(
            StatusCode::PRECONDITION_FAILED,
            "PreconditionFailed",
            format!("the entity changed while it was being {done}"),
        ));
    }
    Ok(())
}
