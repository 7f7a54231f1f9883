//! GET: collections (with `$count`, paging and `$expand`), single entities (with ETags and
//! `If-None-Match`), properties and their `$value`, `/$count`; one handler each for every
//! storage ([`Store`]). The entry point here addresses the database (paths with navigation,
//! `$ref`, operations), `source/serve.rs` a source-backed set.

use http::StatusCode;
use odata_core::TypeInfo;
use sqlx::AnyConnection;

use crate::catalog::SetModel;
use crate::entity::{Shape, Writer, entity_path};
use crate::error::ODataError;
use crate::expand::expand;
use crate::fetch::{Selection, count, fetch};
use crate::format::{Format, MetadataLevel, negotiate};
use crate::options::Options;
use crate::paging::Window;
use crate::path::Segment;
use crate::request::{ODataRequest, Reply};
use crate::resolve::{Addressed, Scope, resolve};
use crate::rows::Rows;
use crate::service::Inner;
use crate::store::Store;
use crate::value::push_json_string;

/// Answers a GET (or HEAD) of a resource path.
pub(crate) async fn get(
    inner: &Inner,
    conn: &mut AnyConnection,
    request: &ODataRequest,
    segments: &[Segment],
    pairs: &[(String, String)],
) -> Result<Reply, ODataError> {
    let format_option = pairs.iter().find(|(n, _)| n == "$format").map(|(_, v)| v.as_str());
    let addressed = resolve(inner, conn, segments).await?;
    let parse = |ty| Options::parse(request.query.as_deref(), ty, &inner.limits.query);
    match addressed {
        Addressed::Collection(scope) => {
            let options = parse(scope.ty)?;
            let format = negotiate(&request.headers, format_option)?;
            collection(&mut Store::Table(conn), inner, request, &scope, &options, format).await
        }
        Addressed::Entity(scope) => {
            let options = parse(scope.ty)?;
            let format = negotiate(&request.headers, format_option)?;
            single(&mut Store::Table(conn), inner, request, &scope, &options, format).await
        }
        Addressed::NoEntity => Ok(Reply::empty(StatusCode::NO_CONTENT)),
        Addressed::References { scope, single } => {
            let options = parse(scope.ty)?;
            let format = negotiate(&request.headers, format_option)?;
            references(inner, conn, request, &scope, single, &options, format).await
        }
        Addressed::Operation { registered, binding, args, entity_set } => {
            crate::operation::invoke(&registered, &inner.pool, request, binding, args.as_ref(), entity_set).await
        }
        Addressed::Property { scope, column, raw } => {
            property(&mut Store::Table(conn), inner, request, &scope, column, raw, format_option).await
        }
        Addressed::Count(scope) => {
            let options = parse(scope.ty)?;
            let n = Store::Table(conn).count(inner, &scope, &options).await?;
            Ok(Reply::with_type(StatusCode::OK, "text/plain", n.to_string()))
        }
    }
}

/// `$metadata#Products`, with the `$select` list: `$metadata#Products(ProductID,ProductName)`;
/// `ty`: the type a cast addressed (the set's own type otherwise).
pub(crate) fn context(root: &str, set: &SetModel, ty: &TypeInfo, options: &Options, entity: bool) -> String {
    let mut text = format!("{root}/$metadata#{}", set.name());
    if ty.qualified_name != set.ty.qualified_name {
        text.push('/');
        text.push_str(ty.qualified_name);
    }
    if let Some(select) = &options.select {
        text.push('(');
        text.push_str(&select.join(","));
        text.push(')');
    }
    if entity && !set.singleton {
        text.push_str("/$entity");
    }
    text
}

/// A page of the collection `scope` addresses in `store`: `$count`, server-driven paging,
/// `$expand`.
pub(crate) async fn collection(
    store: &mut Store<'_>,
    inner: &Inner,
    request: &ODataRequest,
    scope: &Scope<'_>,
    options: &Options,
    format: Format,
) -> Result<Reply, ODataError> {
    let set = scope.set;
    let Window { page, applied, token, offset, limit } = Window::of(request, &inner.limits, options)?;
    let (mut rows, total) = store.page(inner, scope, options, offset, limit).await?;
    let more = rows.len() as u64 > page;
    if more {
        rows.truncate(usize::try_from(page).unwrap_or(usize::MAX));
    }
    let (mut tables, from_table) = store.tables(inner);
    let expansions = expand(inner, &mut tables, set, &rows, &options.expand, 1, from_table).await?;
    let writer = Writer { root: &request.root, format };
    let page = crate::paging::Page {
        format,
        context: &|| context(&request.root, scope.set, scope.ty, options, false),
        total,
        next_link: more.then(|| crate::paging::next_link(request, token + page)),
        applied,
    };
    Ok(page.reply(256 + rows.len() * 256, |out| {
        for row in 0..rows.len() {
            if row > 0 {
                out.push(',');
            }
            let shape = Shape { select: options.select.as_deref(), expansions: &expansions };
            writer.entity(out, set, &rows, row, shape, None);
        }
    }))
}

/// `/$ref`: `{"@odata.id": ...}` of one entity, or a page of them.
async fn references(
    inner: &Inner,
    conn: &mut AnyConnection,
    request: &ODataRequest,
    scope: &Scope<'_>,
    single: bool,
    options: &Options,
    format: crate::format::Format,
) -> Result<Reply, ODataError> {
    let set = scope.set;
    if !options.expand.is_empty() || options.select.is_some() {
        return Err(ODataError::bad_request("InvalidQueryOption", "$select and $expand do not apply to $ref"));
    }
    let Window { page, applied, token, offset, limit } = if single {
        Window::single(request, &inner.limits, options)
    } else {
        Window::of(request, &inner.limits, options)?
    };
    let selection =
        Selection { conds: &scope.conds, cast: Some(scope.ty), options, limit: Some(limit), offset, join: None };
    let mut rows = Rows::Table(fetch(inner, conn, set, &set.key, &selection).await?);
    let more = !single && rows.len() as u64 > page;
    if more {
        rows.truncate(usize::try_from(page).unwrap_or(usize::MAX));
    }
    let id = |row| format!("{}/{}", request.root, crate::entity::url_path(&entity_path(set, &rows, row)));
    let mut out = String::from("{");
    let metadata = format.metadata != MetadataLevel::None;
    if single {
        if rows.is_empty() {
            return Err(crate::answer::missing(set));
        }
        if metadata {
            out.push_str("\"@odata.context\":");
            push_json_string(&mut out, &format!("{}/$metadata#$ref", request.root));
            out.push(',');
        }
        out.push_str("\"@odata.id\":");
        push_json_string(&mut out, &id(0));
    } else {
        if metadata {
            out.push_str("\"@odata.context\":");
            push_json_string(&mut out, &format!("{}/$metadata#Collection($ref)", request.root));
            out.push(',');
        }
        if options.count {
            let selection =
                Selection { conds: &scope.conds, cast: Some(scope.ty), options, limit: None, offset: 0, join: None };
            out.push_str(&format!("\"@odata.count\":{},", count(inner, conn, set, &selection).await?));
        }
        out.push_str("\"value\":[");
        for row in 0..rows.len() {
            if row > 0 {
                out.push(',');
            }
            out.push_str("{\"@odata.id\":");
            push_json_string(&mut out, &id(row));
            out.push('}');
        }
        out.push(']');
        if more {
            out.push_str(",\"@odata.nextLink\":");
            push_json_string(&mut out, &crate::paging::next_link(request, token + page));
        }
    }
    out.push('}');
    let mut reply = Reply::json(StatusCode::OK, format, out);
    if let Some(applied) = applied.filter(|_| !single) {
        reply =
            reply.header(http::HeaderName::from_static("preference-applied"), &format!("odata.maxpagesize={applied}"));
    }
    Ok(reply)
}

/// The entity `scope` addresses in `store`: `If-None-Match`, `If-Match`, `$expand`, `ETag`.
pub(crate) async fn single(
    store: &mut Store<'_>,
    inner: &Inner,
    request: &ODataRequest,
    scope: &Scope<'_>,
    options: &Options,
    format: Format,
) -> Result<Reply, ODataError> {
    let set = scope.set;
    options.for_single_entity()?;
    let rows = store.one(inner, scope, Some(options), None).await?;
    if rows.is_empty() {
        return Err(crate::answer::missing(set));
    }
    if let Some(reply) = crate::answer::get_preconditions(request, rows.etag(0).as_deref())? {
        return Ok(reply);
    }
    let (mut tables, from_table) = store.tables(inner);
    let expansions = expand(inner, &mut tables, set, &rows, &options.expand, 1, from_table).await?;
    let context = context(&request.root, scope.set, scope.ty, options, true);
    let shape = Shape { select: options.select.as_deref(), expansions: &expansions };
    Ok(crate::answer::entity(request, format, set, &rows, shape, &context))
}

/// Property `column` of the entity `scope` addresses in `store`, or its `$value` (`raw`).
pub(crate) async fn property(
    store: &mut Store<'_>,
    inner: &Inner,
    request: &ODataRequest,
    scope: &Scope<'_>,
    column: usize,
    raw: bool,
    format_option: Option<&str>,
) -> Result<Reply, ODataError> {
    let set = scope.set;
    let rows = store.one(inner, scope, None, Some(column)).await?;
    if rows.is_empty() {
        return Err(crate::answer::missing(set));
    }
    let ty = rows.type_of(set, 0);
    if !set.column_applies(column, ty) {
        let name = set.columns[column].name();
        return Err(ODataError::not_found(format!("{} has no property {name}", ty.qualified_name)));
    }
    crate::answer::property(request, set, &rows, column, raw, format_option)
}
