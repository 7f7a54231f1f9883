//! Writes: POST (201 with the entity and `Location`, or 204 with `Prefer: return=minimal`; deep
//! insert and `@odata.bind`), PATCH (merge), PUT (replace), DELETE; each checks `If-Match`
//! against the row version and bumps it.

use std::future::Future;
use std::pin::Pin;

use http::StatusCode;
use serde_json::Value;
use sqlx::{AnyConnection, Connection};

use crate::body::{EntityBody, check, parse_object};
use crate::catalog::{SetModel, ValueKind};
use crate::error::ODataError;
use crate::fetch::{Cond, Selection, fetch, needed_columns};
use crate::format::{body_ieee754, negotiate, require_json_body};
use crate::options::Options;
use crate::path::{Segment, parse};
use crate::request::{ODataRequest, Reply};
use crate::resolve::{Addressed, Scope, join_columns, resolve, with_key};
use crate::rows::Rows;
use crate::service::Inner;
use crate::stmt::Stmt;
use crate::value::Datum;

fn db(error: sqlx::Error) -> ODataError {
    ODataError::database(&error)
}

/// POST to a collection: create an entity.
pub(crate) async fn post(
    inner: &Inner,
    conn: &mut AnyConnection,
    request: &ODataRequest,
    segments: &[Segment],
    pairs: &[(String, String)],
) -> Result<Reply, ODataError> {
    let format_option = pairs.iter().find(|(n, _)| n == "$format").map(|(_, v)| v.as_str());
    let format = negotiate(&request.headers, format_option)?;
    require_json_body(&request.headers)?;
    let scope = match resolve(inner, conn, segments).await? {
        Addressed::Collection(scope) => scope,
        Addressed::Entity(_) | Addressed::NoEntity | Addressed::Property { .. } => {
            return Err(ODataError::method_not_allowed(&request.method, &request.path));
        }
        Addressed::Count(_) => return Err(ODataError::method_not_allowed(&request.method, "$count")),
        Addressed::References { .. } => {
            return Err(ODataError::not_implemented("changing links through $ref is not supported: use @odata.bind"));
        }
        Addressed::Operation { registered, binding, args, entity_set } => {
            return crate::operation::invoke(&registered, &inner.pool, request, binding, args.as_ref(), entity_set)
                .await;
        }
    };
    let value = parse_object(&request.body)?;
    let ieee754 = body_ieee754(&request.headers);
    let mut tx = conn.begin().await.map_err(db)?;
    let key = insert(inner, &mut tx, &scope, &value, ieee754).await?;
    let set = scope.set;
    let options = Options::default();
    let columns = needed_columns(set, &options, &[])?;
    let selection = Selection::one(&key, None, &options);
    let rows = Rows::Table(fetch(inner, &mut tx, set, &columns, &selection).await?);
    tx.commit().await.map_err(db)?;
    if rows.is_empty() {
        return Err(ODataError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "InsertLost",
            "the new entity could not be read back",
        ));
    }
    Ok(crate::answer::created(request, format, set, &rows))
}

/// Inserts `value` into the set of `scope` (with the values its navigation step implies), with
/// its binds and nested entities; returns the new entity's key conditions.
fn insert<'a>(
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
        check_complete(set, &body, generated)?;
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

/// A new entity has its key (but the `generated` one) and every non-nullable property of its
/// type.
pub(crate) fn check_complete(set: &SetModel, body: &EntityBody, generated: Option<usize>) -> Result<(), ODataError> {
    for &key in set.key.iter().filter(|k| Some(**k) != generated) {
        if body.values.get(&key).is_none_or(|d| *d == Datum::Null) {
            let name = set.columns[key].name();
            return Err(
                ODataError::bad_request("MissingKey", format!("the key property {name} is missing")).with_target(name)
            );
        }
    }
    for (index, column) in set.columns.iter().enumerate() {
        if set.column_applies(index, body.ty)
            && !column.property.nullable
            && !set.is_etag(index)
            && Some(index) != generated
            && !body.values.contains_key(&index)
        {
            return Err(ODataError::bad_request(
                "MissingProperty",
                format!("the property {} is required", column.name()),
            )
            .with_target(column.name()));
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

/// Seeds one entity ([`crate::Service::insert`]).
pub(crate) async fn insert_value(
    inner: &Inner,
    conn: &mut AnyConnection,
    set: &SetModel,
    value: &Value,
    ieee754: bool,
) -> Result<Vec<Cond>, ODataError> {
    let scope = Scope { set, conds: Vec::new(), ty: set.ty, via: None };
    let mut tx = conn.begin().await.map_err(db)?;
    let key = insert(inner, &mut tx, &scope, value, ieee754).await?;
    tx.commit().await.map_err(db)?;
    Ok(key)
}

/// The entity a write addresses, with its current row version (404 if absent).
async fn current<'c>(
    inner: &'c Inner,
    conn: &mut AnyConnection,
    request: &ODataRequest,
    segments: &[Segment],
) -> Result<(Scope<'c>, Vec<Cond>, Datum, &'static odata_core::TypeInfo), ODataError> {
    let scope = match resolve(inner, conn, segments).await? {
        Addressed::Entity(scope) => scope,
        Addressed::Property { .. } => {
            return Err(ODataError::not_implemented("writing a single property is not supported: PATCH the entity"));
        }
        Addressed::References { .. } => {
            return Err(ODataError::not_implemented("changing links through $ref is not supported: use @odata.bind"));
        }
        _ => return Err(ODataError::method_not_allowed(&request.method, &request.path)),
    };
    let set = scope.set;
    let options = Options::default();
    let selection = Selection::one(&scope.conds, Some(scope.ty), &options);
    let rows = fetch(inner, conn, set, &set.key, &selection).await?;
    let tag = rows.rows.first().map(|r| crate::value::read_datum(r, rows.version));
    crate::etag::check_if_match(
        request,
        tag.as_ref().map(crate::etag::etag).as_deref(),
        inner.limits.require_if_match,
    )?;
    let Some(version) = tag else {
        return Err(ODataError::not_found(format!("no entity of {} with this key", set.name())).with_target(set.name()));
    };
    let key = set
        .key
        .iter()
        .map(|&i| Cond { column: set.columns[i].name(), kind: set.columns[i].kind, value: rows.datum(0, i) })
        .collect();
    let ty = rows.type_of(set, 0);
    Ok((scope, key, version, ty))
}

/// PATCH (merge) or PUT (replace) of an entity.
pub(crate) async fn update(
    inner: &Inner,
    conn: &mut AnyConnection,
    request: &ODataRequest,
    segments: &[Segment],
) -> Result<Reply, ODataError> {
    require_json_body(&request.headers)?;
    let format = negotiate(&request.headers, None)?;
    let value = parse_object(&request.body)?;
    let mut tx = conn.begin().await.map_err(db)?;
    let (scope, key, version, ty) = current(inner, &mut tx, request, segments).await?;
    let set = scope.set;
    let mut body = check(set, ty, &value, body_ieee754(&request.headers))?;
    body.same_type(ty)?;
    if !body.nested.is_empty() {
        return Err(ODataError::not_implemented("nested entities in an update (deep update) are not supported"));
    }
    // `Nav@odata.bind` of a single-valued navigation property with referential constraints sets
    // this entity's foreign key.
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
        take_constraints(inner, &mut tx, set, target, navigation, &key, &mut body).await?;
    }
    let changes = body.changes(set, ty, key.iter().map(|c| &c.value), request.method == http::Method::PUT)?;
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
    execute_versioned(&mut tx, stmt, &version, "updated").await?;
    let options = Options::default();
    let columns = needed_columns(set, &options, &[])?;
    let selection = Selection::one(&key, None, &options);
    let rows = Rows::Table(fetch(inner, &mut tx, set, &columns, &selection).await?);
    tx.commit().await.map_err(db)?;
    Ok(crate::answer::updated(request, format, set, &rows))
}

/// DELETE of an entity.
pub(crate) async fn delete(
    inner: &Inner,
    conn: &mut AnyConnection,
    request: &ODataRequest,
    segments: &[Segment],
) -> Result<Reply, ODataError> {
    let mut tx = conn.begin().await.map_err(db)?;
    let (scope, key, version, _) = current(inner, &mut tx, request, segments).await?;
    if scope.set.singleton {
        return Err(ODataError::method_not_allowed(&request.method, "a singleton"));
    }
    let mut stmt = Stmt::new(inner.backend);
    stmt.push("DELETE FROM ").ident(scope.set.name()).push(" WHERE 1 = 1");
    write_conds(&mut stmt, &key);
    stmt.push(" AND ").ident(scope.set.etag_column());
    execute_versioned(&mut tx, stmt, &version, "deleted").await?;
    tx.commit().await.map_err(db)?;
    Ok(Reply::empty(StatusCode::NO_CONTENT))
}

/// Runs an UPDATE or DELETE whose text ends with its row-version column: `= version` is
/// appended, and no row affected means another write came first (412).
async fn execute_versioned(
    conn: &mut AnyConnection,
    mut stmt: Stmt,
    version: &Datum,
    done: &str,
) -> Result<(), ODataError> {
    stmt.push(" = ").value(ValueKind::Int64, version);
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
