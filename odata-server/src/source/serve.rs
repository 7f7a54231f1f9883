//! Requests addressed to a source-backed entity set: the protocol around an [`EntitySource`].
//! (Rows and their JSON: `row.rs`; the borders with table-backed sets: `guard.rs`.)
//! Paths (`Set`, `Set(key)`, `Set/$count`, `Set(key)/Property[/$value]`), query options,
//! paging, ETags and bodies work as for a table; the entities come from the source as JSON and
//! are checked against the model and written like rows (the same wire form for every value).

use std::collections::HashMap;
use std::sync::Arc;

use http::{Method, StatusCode};
use odata_core::TypeInfo;
use serde_json::Value;

use super::guard::navigation_refused;
use super::row::{source_fault, to_json, to_row};
use super::{EntitySource, Key, Query};
use crate::body::parse_object;
use crate::catalog::SetModel;
use crate::entity::{Shape, Writer};
use crate::error::ODataError;
use crate::expand::{Expansion, Tables};
use crate::format::{Format, negotiate, require_json_body};
use crate::options::Options;
use crate::path::{KeyPredicate, Segment};
use crate::query::{Expr, ExprKind};
use crate::request::{ODataRequest, Reply};
use crate::resolve::{Scope, with_key};
use crate::rows::{Row, Rows};
use crate::service::Inner;
use crate::store::Store;

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
    match (&request.method, addressed) {
        (&Method::GET | &Method::HEAD, Addressed::Collection) => {
            let format = negotiate(&request.headers, format_option)?;
            ctx.collection(&ctx.options()?, format).await
        }
        (&Method::GET | &Method::HEAD, Addressed::Entity(key)) => {
            let format = negotiate(&request.headers, format_option)?;
            ctx.single(key, &ctx.options()?, format).await
        }
        (&Method::GET | &Method::HEAD, Addressed::Count) => ctx.count(&ctx.options()?).await,
        (&Method::GET | &Method::HEAD, Addressed::Property { key, column, raw }) => {
            ctx.property(key, column, raw, format_option).await
        }
        (&Method::POST, Addressed::Collection) => {
            let format = negotiate(&request.headers, format_option)?;
            ctx.create(format).await
        }
        (&Method::PATCH | &Method::PUT, Addressed::Entity(key)) => ctx.update(key).await,
        (&Method::DELETE, Addressed::Entity(key)) => ctx.delete(key).await,
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

    /// Whether an entity is of the addressed type.
    fn fits(&self, row: &Row) -> bool {
        row.ty.is_or_derives_from(self.ty())
    }

    fn options(&self) -> Result<Options, ODataError> {
        Options::parse(self.request.query.as_deref(), self.ty(), &self.inner.limits.query)
    }

    fn key(&self, key: &KeyPredicate) -> Result<Key, ODataError> {
        let scope = Scope { set: self.set, conds: Vec::new(), ty: self.set.ty, via: None };
        let conds = with_key(scope, key)?.conds;
        let values = conds.iter().map(|c| (c.column, to_json(c.kind, &c.value))).collect();
        Ok(Key { entity_set: self.set.info, values })
    }

    /// The `$filter` a source is asked: the request's, and `isof` of a cast type.
    fn filter(&self, options: &Options) -> Option<Expr> {
        let cast = self.cast.filter(|c| c.qualified_name != self.set.ty.qualified_name);
        let Some(cast) = cast else { return options.filter.clone() };
        let mut types: Vec<&'static str> = std::iter::once(cast)
            .chain(self.set.derived.iter().copied().filter(|d| d.is_or_derives_from(cast)))
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

    fn query<'o>(
        &self,
        options: &'o Options,
        filter: Option<&'o Expr>,
        skip: u64,
        top: Option<u64>,
        count: bool,
    ) -> Query<'o> {
        Query {
            entity_set: self.set.info,
            filter,
            search: options.search.as_ref(),
            orderby: &options.orderby,
            skip,
            top,
            count,
        }
    }

    /// The expansions of `rows` (tables are read with a connection from the pool).
    async fn expand(&self, rows: &Rows, options: &Options) -> Result<Vec<Expansion<'_>>, ODataError> {
        let mut tables = Tables::Pool(&self.inner.pool, None);
        crate::expand::expand(self.inner, &mut tables, self.set, rows, &options.expand, 1, false).await
    }

    fn context(&self, options: &Options, entity: bool) -> String {
        crate::read::context(&self.request.root, self.set, self.ty(), options, entity)
    }

    async fn collection(&self, options: &Options, format: Format) -> Result<Reply, ODataError> {
        let crate::paging::Window { page, applied, token, offset, limit } =
            crate::paging::Window::of(self.request, &self.inner.limits, options)?;
        let filter = self.filter(options);
        let result = self.source.read(self.query(options, filter.as_ref(), offset, Some(limit), options.count)).await?;
        let mut rows = Vec::with_capacity(result.entities.len());
        for entity in result.entities.iter().take(usize::try_from(limit).unwrap_or(usize::MAX)) {
            rows.push(to_row(self.set, entity)?);
        }
        let mut rows = Rows::Entities(rows);
        let more = rows.len() as u64 > page;
        rows.truncate(usize::try_from(page).unwrap_or(usize::MAX));
        let total = match (options.count, result.count) {
            (false, _) => None,
            (true, Some(n)) => Some(n),
            (true, None) => return Err(source_fault(self.set, "no count where $count=true asked for one".into())),
        };
        let expansions = self.expand(&rows, options).await?;
        let writer = Writer { root: &self.request.root, format };
        let page = crate::paging::Page {
            format,
            context: &|| self.context(options, false),
            total,
            next_link: more.then(|| crate::paging::next_link(self.request, token + page)),
            applied,
        };
        Ok(page.reply(256 + rows.len() * 256, |out| {
            for row in 0..rows.len() {
                if row > 0 {
                    out.push(',');
                }
                let shape = Shape { select: options.select.as_deref(), expansions: &expansions };
                writer.entity(out, self.set, &rows, row, shape, None);
            }
        }))
    }

    async fn count(&self, options: &Options) -> Result<Reply, ODataError> {
        let filter = self.filter(options);
        let result = self.source.read(self.query(options, filter.as_ref(), 0, Some(0), true)).await?;
        let n = result.count.ok_or_else(|| source_fault(self.set, "no count for /$count".into()))?;
        Ok(Reply::with_type(StatusCode::OK, "text/plain", n.to_string()))
    }

    /// The entity with this key, checked (404 when absent).
    async fn fetch(&self, key: &Key) -> Result<Option<Row>, ODataError> {
        match self.source.get(key).await? {
            // An entity of another type than a cast names is not there.
            Some(entity) => Ok(Some(to_row(self.set, &entity)?).filter(|row| self.fits(row))),
            None => Ok(None),
        }
    }

    fn missing(&self) -> ODataError {
        crate::answer::missing(self.set)
    }

    async fn single(&self, key: &KeyPredicate, options: &Options, format: Format) -> Result<Reply, ODataError> {
        options.for_single_entity()?;
        let row = self.fetch(&self.key(key)?).await?.ok_or_else(|| self.missing())?;
        let rows = Rows::Entities(vec![row]);
        if let Some(reply) = crate::answer::get_preconditions(self.request, rows.etag(0).as_deref())? {
            return Ok(reply);
        }
        let expansions = self.expand(&rows, options).await?;
        let context = self.context(options, true);
        let shape = Shape { select: options.select.as_deref(), expansions: &expansions };
        Ok(crate::answer::entity(self.request, format, self.set, &rows, shape, &context))
    }

    async fn property(
        &self,
        key: &KeyPredicate,
        column: usize,
        raw: bool,
        format_option: Option<&str>,
    ) -> Result<Reply, ODataError> {
        let row = self.fetch(&self.key(key)?).await?.ok_or_else(|| self.missing())?;
        if !self.set.column_applies(column, row.ty) {
            let name = self.set.columns[column].name();
            return Err(ODataError::not_found(format!("{} has no property {name}", row.ty.qualified_name)));
        }
        crate::answer::property(self.request, self.set, &Rows::Entities(vec![row]), column, raw, format_option)
    }

    /// The scope of a write: the entity with this key, or (`None`) the collection.
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
        let mut store = Store::Source(self.source);
        crate::write::create(&mut store, self.inner, self.request, format, &self.scope(None)?, &value).await
    }

    async fn update(&self, key: &KeyPredicate) -> Result<Reply, ODataError> {
        require_json_body(&self.request.headers)?;
        let format = negotiate(&self.request.headers, None)?;
        let value = parse_object(&self.request.body)?;
        let scope = self.scope(Some(key))?;
        crate::write::replace(&mut Store::Source(self.source), self.inner, self.request, format, &scope, &value).await
    }

    async fn delete(&self, key: &KeyPredicate) -> Result<Reply, ODataError> {
        let scope = self.scope(Some(key))?;
        crate::write::remove(&mut Store::Source(self.source), self.inner, self.request, &scope).await
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
