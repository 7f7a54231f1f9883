//! Requests addressed to a source-backed entity set: which paths it has (`Set`, `Set(key)`,
//! `Set/$count`, `Set(key)/Property[/$value]`, type casts; navigation, `$ref` and bound
//! operations refused) and the registry of sources. The requests are then answered by the
//! handlers of tables too (`read.rs`, `write.rs`) over [`Store::Source`] (`store.rs`); the
//! entities come from the source as JSON and are checked against the model (`row.rs`); the
//! borders with table-backed sets are `guard.rs`.

use std::collections::HashMap;
use std::sync::Arc;

use http::{Method, StatusCode};
use odata_core::TypeInfo;
use serde_json::Value;

use super::guard::navigation_refused;
use super::row::source_fault;
use super::{EntitySource, Query};
use crate::body::parse_object;
use crate::catalog::SetModel;
use crate::error::ODataError;
use crate::format::{Format, negotiate, require_json_body};
use crate::options::Options;
use crate::path::{KeyPredicate, Segment};
use crate::request::{ODataRequest, Reply};
use crate::resolve::{Scope, with_key};
use crate::service::Inner;
use crate::store::Store;
use crate::write::Write;

/// The registered sources, by entity set.
#[derive(Clone, Default)]
pub(crate) struct Sources {
    map: HashMap<String, Arc<dyn EntitySource>>,
}

impl std::fmt::Debug for Sources {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut names: Vec<&String> = self.map.keys().collect();
        names.sort();
        f.debug_struct("Sources").field("entity_sets", &names).finish()
    }
}

impl Sources {
    pub(crate) fn insert(&mut self, entity_set: &str, source: Arc<dyn EntitySource>) {
        self.map.insert(entity_set.to_owned(), source);
    }

    pub(crate) fn get(&self, entity_set: &str) -> Option<&Arc<dyn EntitySource>> {
        self.map.get(entity_set)
    }

    pub(crate) fn names(&self) -> impl Iterator<Item = &str> {
        self.map.keys().map(String::as_str)
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.map.is_empty()
    }
}

/// The source-backed set a path starts with, if any.
pub(crate) fn sourced<'c>(inner: &'c Inner, segments: &[Segment]) -> Option<(&'c SetModel, &'c dyn EntitySource)> {
    let Some(Segment::Name { name, .. }) = segments.first() else { return None };
    let source = inner.sources.get(name)?;
    Some((inner.catalog.set_named(name)?, source.as_ref()))
}

/// What a path below a source-backed set addresses.
enum Addressed<'p> {
    Collection,
    Entity(&'p KeyPredicate),
    Count,
    Property { key: &'p KeyPredicate, column: usize, raw: bool },
}

/// Answers a request whose path starts with a source-backed set. `in_group`: it is part of a
/// `$batch` atomicity group (whose transaction a source cannot join).
pub(crate) async fn serve(
    inner: &Inner,
    set: &SetModel,
    source: &dyn EntitySource,
    request: &ODataRequest,
    segments: &[Segment],
    pairs: &[(String, String)],
    in_group: bool,
) -> Result<Reply, ODataError> {
    let (addressed, cast) = address(inner, set, segments)?;
    let format_option = pairs.iter().find(|(n, _)| n == "$format").map(|(_, v)| v.as_str());
    let writes = matches!(request.method, Method::POST | Method::PATCH | Method::PUT | Method::DELETE);
    if writes && in_group {
        return Err(ODataError::not_implemented(format!(
            "{} is served by a data source, which cannot take part in the transaction of a $batch atomicity group: \
             send the request outside the group",
            set.name()
        ))
        .with_target(set.name()));
    }
    let ctx = Ctx { inner, set, source, request, cast };
    let mut store = ctx.store();
    match (&request.method, addressed) {
        (&Method::GET | &Method::HEAD, Addressed::Collection) => {
            let format = negotiate(&request.headers, format_option)?;
            let options = ctx.options()?;
            crate::read::collection(&mut store, inner, request, &ctx.scope(None)?, &options, format).await
        }
        (&Method::GET | &Method::HEAD, Addressed::Entity(key)) => {
            let format = negotiate(&request.headers, format_option)?;
            let options = ctx.options()?;
            crate::read::single(&mut store, inner, request, &ctx.scope(Some(key))?, &options, format).await
        }
        (&Method::GET | &Method::HEAD, Addressed::Count) => {
            let options = ctx.options()?;
            let n = store.count(inner, &ctx.scope(None)?, &options).await?;
            Ok(Reply::with_type(StatusCode::OK, "text/plain", n.to_string()))
        }
        (&Method::GET | &Method::HEAD, Addressed::Property { key, column, raw }) => {
            let scope = ctx.scope(Some(key))?;
            crate::read::property(&mut store, inner, request, &scope, column, raw, format_option).await
        }
        (&Method::POST, Addressed::Collection) => {
            let format = negotiate(&request.headers, format_option)?;
            ctx.create(format).await
        }
        (&Method::PATCH | &Method::PUT | &Method::DELETE, Addressed::Entity(key)) => ctx.change(key).await,
        (method, Addressed::Count) => Err(ODataError::method_not_allowed(method, "$count")),
        (method, _) => Err(ODataError::method_not_allowed(method, &request.path)),
    }
}

fn address<'p>(
    inner: &Inner,
    set: &SetModel,
    segments: &'p [Segment],
) -> Result<(Addressed<'p>, Option<&'static TypeInfo>), ODataError> {
    let Some(Segment::Name { key, .. }) = segments.first() else {
        return Err(ODataError::not_found("no entity set"));
    };
    let not_found = |what: String| ODataError::not_found(what.clone()).with_target(what);
    let mut key = key.as_ref();
    let mut rest = &segments[1..];
    // A type cast (`Products/Ns.Special`, `Products(4)/Ns.Special`, `Products/Ns.Special(4)`).
    let mut cast = None;
    if let [Segment::Name { name, key: cast_key }, tail @ ..] = rest
        && let Some(ty) = set.type_named(name)
    {
        if !ty.is_or_derives_from(set.ty) {
            return Err(not_found(format!("{name} does not derive from {}", set.ty.qualified_name)));
        }
        match (key, cast_key) {
            (Some(_), Some(_)) => return Err(not_found(format!("{name} follows a key: it takes none"))),
            (None, Some(k)) => key = Some(k),
            _ => {}
        }
        cast = Some(ty);
        rest = tail;
    }
    let ty = cast.unwrap_or(set.ty);
    let addressed = match (key, rest) {
        (None, []) => Addressed::Collection,
        (Some(key), []) => Addressed::Entity(key),
        (None, [Segment::Count]) => Addressed::Count,
        (Some(key), [Segment::Name { name, key: None }, rest @ ..])
            if set.column(name).is_some_and(|c| set.column_applies(c, ty)) =>
        {
            let column = set.column(name).unwrap_or_default();
            match rest {
                [] => Addressed::Property { key, column, raw: false },
                [Segment::Value] => Addressed::Property { key, column, raw: true },
                _ => return Err(not_found(format!("{name} has nothing below it to address"))),
            }
        }
        (_, [Segment::Name { name, .. }, ..]) => {
            if let Some(navigation) = ty.all_navigation_properties().find(|n| n.name == name.as_str()) {
                return Err(navigation_refused(navigation, set.name()));
            }
            if name.contains('.') && !inner.operations.iter().any(|r| r.info.qualified_name == name.as_str()) {
                return Err(not_found(format!("{name} is not a type of the entity set {}", set.name())));
            }
            if name.contains('.') {
                return Err(ODataError::not_implemented(format!(
                    "{name}: bound operations on the entity set {}, which a data source serves, are not supported",
                    set.name()
                ))
                .with_target(name.clone()));
            }
            return Err(not_found(format!("{} has no property {name}", ty.qualified_name)));
        }
        (_, [Segment::Ref, ..]) => {
            return Err(ODataError::not_implemented(format!(
                "$ref on the entity set {}, which a data source serves, is not supported",
                set.name()
            )));
        }
        _ => return Err(not_found("the path does not address a resource of this service".into())),
    };
    Ok((addressed, cast))
}

/// One request against one source.
struct Ctx<'a> {
    inner: &'a Inner,
    set: &'a SetModel,
    source: &'a dyn EntitySource,
    request: &'a ODataRequest,
    /// The type a cast segment names.
    cast: Option<&'static TypeInfo>,
}

impl Ctx<'_> {
    /// The addressed type: the set's, or the one a cast names.
    fn ty(&self) -> &'static TypeInfo {
        self.cast.unwrap_or(self.set.ty)
    }

    fn options(&self) -> Result<Options, ODataError> {
        Options::parse(self.request.query.as_deref(), self.ty(), &self.inner.limits.query)
    }

    fn store(&self) -> Store<'_> {
        Store::Source(self.source)
    }

    /// What the request addresses: the entity with this key, or (`None`) the collection.
    fn scope(&self, key: Option<&KeyPredicate>) -> Result<Scope<'_>, ODataError> {
        let scope = Scope { set: self.set, conds: Vec::new(), ty: self.ty(), via: None };
        match key {
            Some(key) => with_key(scope, key),
            None => Ok(scope),
        }
    }

    async fn create(&self, format: Format) -> Result<Reply, ODataError> {
        require_json_body(&self.request.headers)?;
        let value = parse_object(&self.request.body)?;
        let scope = self.scope(None)?;
        Write { store: &mut self.store(), inner: self.inner, request: self.request, scope: &scope }
            .create(format, &value)
            .await
    }

    /// PATCH (merge), PUT (replace) or DELETE of the entity with this key.
    async fn change(&self, key: &KeyPredicate) -> Result<Reply, ODataError> {
        let body = crate::write::change_body(self.request)?;
        let scope = self.scope(Some(key))?;
        let write = Write { store: &mut self.store(), inner: self.inner, request: self.request, scope: &scope };
        match &body {
            Some((format, value)) => write.replace(*format, value).await,
            None => write.remove().await,
        }
    }
}

/// [`crate::Service::insert`] into a source-backed set: the checks of a `POST`, then `create`.
pub(crate) async fn insert(set: &SetModel, source: &dyn EntitySource, value: &Value) -> Result<(), ODataError> {
    let entity = super::store::new_entity(set, set.ty, value, false)?;
    source.create(set.info, entity).await.map(|_| ())
}

/// [`crate::Service::count`] of a source-backed set.
pub(crate) async fn count(set: &SetModel, source: &dyn EntitySource) -> Result<u64, ODataError> {
    let query =
        Query { entity_set: set.info, filter: None, search: None, orderby: &[], skip: 0, top: Some(0), count: true };
    let page = source.read(query).await?;
    page.count.ok_or_else(|| source_fault(set, "no count".into()))
}
