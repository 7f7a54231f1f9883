//! Writes: POST (201 with the entity and `Location`, or 204 with `Prefer: return=minimal`; deep
//! insert and `@odata.bind`), PATCH (merge), PUT (replace), DELETE; each checks `If-Match`
//! against the entity's ETag. One handler each for every storage ([`Store`]: a set's table,
//! in the request's transaction, or its data source); the entry points here address the
//! entity in the database, `source/serve.rs` in a source.

use http::StatusCode;
use serde_json::Value;
use sqlx::{AnyConnection, Connection};

use crate::body::{EntityBody, check, parse_object};
use crate::catalog::SetModel;
use crate::error::ODataError;
use crate::format::{Format, body_ieee754, negotiate, require_json_body};
use crate::path::Segment;
use crate::request::{ODataRequest, Reply};
use crate::resolve::{Addressed, Scope, resolve};
use crate::rows::Rows;
use crate::service::Inner;
use crate::store::Store;
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
    let mut tx = conn.begin().await.map_err(db)?;
    let write = Write { store: &mut Store::Table(&mut tx), inner, request, scope: &scope };
    let reply = write.create(format, &value).await?;
    tx.commit().await.map_err(db)?;
    Ok(reply)
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

/// Seeds one entity ([`crate::Service::insert`]).
pub(crate) async fn insert_value(
    inner: &Inner,
    conn: &mut AnyConnection,
    set: &SetModel,
    value: &Value,
    ieee754: bool,
) -> Result<(), ODataError> {
    let scope = Scope { set, conds: Vec::new(), ty: set.ty, via: None };
    let mut tx = conn.begin().await.map_err(db)?;
    crate::table::insert(inner, &mut tx, &scope, value, ieee754).await?;
    tx.commit().await.map_err(db)?;
    Ok(())
}

/// The entity `segments` address in the database (405 or 501 for what a write cannot address).
async fn addressed<'c>(
    inner: &'c Inner,
    conn: &mut AnyConnection,
    request: &ODataRequest,
    segments: &[Segment],
) -> Result<Scope<'c>, ODataError> {
    match resolve(inner, conn, segments).await? {
        Addressed::Entity(scope) => Ok(scope),
        Addressed::Property { .. } => {
            Err(ODataError::not_implemented("writing a single property is not supported: PATCH the entity"))
        }
        Addressed::References { .. } => {
            Err(ODataError::not_implemented("changing links through $ref is not supported: use @odata.bind"))
        }
        _ => Err(ODataError::method_not_allowed(&request.method, &request.path)),
    }
}

/// The body of a PATCH or PUT (with the format of the answer), checked to be a JSON object;
/// `None` for a DELETE.
pub(crate) fn change_body(request: &ODataRequest) -> Result<Option<(Format, Value)>, ODataError> {
    if request.method == http::Method::DELETE {
        return Ok(None);
    }
    require_json_body(&request.headers)?;
    let format = negotiate(&request.headers, None)?;
    Ok(Some((format, parse_object(&request.body)?)))
}

/// PATCH (merge), PUT (replace) or DELETE of an entity in the database, in one transaction.
pub(crate) async fn change(
    inner: &Inner,
    conn: &mut AnyConnection,
    request: &ODataRequest,
    segments: &[Segment],
) -> Result<Reply, ODataError> {
    let body = change_body(request)?;
    let mut tx = conn.begin().await.map_err(db)?;
    let scope = addressed(inner, &mut tx, request, segments).await?;
    let write = Write { store: &mut Store::Table(&mut tx), inner, request, scope: &scope };
    let reply = match &body {
        Some((format, value)) => write.replace(*format, value).await?,
        None => write.remove().await?,
    };
    tx.commit().await.map_err(db)?;
    Ok(reply)
}

/// One write against one store: the entity (or, for POST, the collection) `scope` addresses.
pub(crate) struct Write<'a, 's> {
    pub(crate) store: &'a mut Store<'s>,
    pub(crate) inner: &'a Inner,
    pub(crate) request: &'a ODataRequest,
    pub(crate) scope: &'a Scope<'a>,
}

impl Write<'_, '_> {
    /// POST: creates `value` in the set: 201 with the entity, or 204 with
    /// `Prefer: return=minimal`.
    pub(crate) async fn create(self, format: Format, value: &Value) -> Result<Reply, ODataError> {
        let rows = self.store.create(self.inner, self.scope, value, body_ieee754(&self.request.headers)).await?;
        if rows.is_empty() {
            return Err(ODataError::new(
                StatusCode::INTERNAL_SERVER_ERROR,
                "InsertLost",
                "the new entity could not be read back",
            ));
        }
        Ok(crate::answer::created(self.request, format, self.scope.set, &rows))
    }

    /// The entity, after `If-Match` (412, or 428 when required and missing); 404 when there is
    /// none.
    async fn current(&mut self) -> Result<Rows, ODataError> {
        let current = self.store.current(self.inner, self.scope).await?;
        // An entity without a version (of a source that keeps none) matches `If-Match: *` only.
        let tag = (!current.is_empty()).then(|| current.etag(0).unwrap_or_default());
        crate::etag::check_if_match(self.request, tag.as_deref(), self.inner.limits.require_if_match)?;
        if current.is_empty() {
            return Err(crate::answer::missing(self.scope.set));
        }
        Ok(current)
    }

    /// PATCH (merge) or PUT (replace) with the body `value`: 204 with the new ETag, or 200 with
    /// the entity with `Prefer: return=representation`.
    pub(crate) async fn replace(mut self, format: Format, value: &Value) -> Result<Reply, ODataError> {
        let current = self.current().await?;
        let set = self.scope.set;
        let ty = current.type_of(set, 0);
        let mut body = check(set, ty, value, body_ieee754(&self.request.headers))?;
        body.same_type(ty)?;
        self.store.links(self.inner, set, &mut body).await?;
        let key: Vec<Datum> = set.key.iter().map(|&k| current.datum(0, k).into_owned()).collect();
        let changes = body.changes(set, ty, &key, self.request.method == http::Method::PUT)?;
        let rows = self.store.update(self.inner, self.scope, &current, &changes).await?;
        Ok(crate::answer::updated(self.request, format, set, &rows))
    }

    /// DELETE.
    pub(crate) async fn remove(mut self) -> Result<Reply, ODataError> {
        let current = self.current().await?;
        if self.scope.set.singleton {
            return Err(ODataError::method_not_allowed(&self.request.method, "a singleton"));
        }
        self.store.delete(self.inner, self.scope, &current).await?;
        Ok(Reply::empty(StatusCode::NO_CONTENT))
    }
}
