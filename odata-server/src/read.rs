//! GET: collections (with `$count`, paging and `$expand`), single entities (with ETags and
//! `If-None-Match`), properties and their `$value`, `/$count`.

use http::StatusCode;
use odata_core::TypeInfo;
use sqlx::AnyConnection;

use crate::catalog::SetModel;
use crate::entity::{Shape, Writer, entity_path};
use crate::error::ODataError;
use crate::expand::{Tables, expand, join_sources};
use crate::fetch::{Selection, count, fetch, needed_columns};
use crate::format::{MetadataLevel, negotiate};
use crate::options::Options;
use crate::paging::Window;
use crate::path::Segment;
use crate::request::{ODataRequest, Reply};
use crate::resolve::{Addressed, Scope, resolve};
use crate::rows::Rows;
use crate::service::Inner;
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
            collection(inner, conn, request, &scope, &options, format).await
        }
        Addressed::Entity(scope) => {
            let options = parse(scope.ty)?;
            let format = negotiate(&request.headers, format_option)?;
            single(inner, conn, request, &scope, &options, format).await
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
            property(inner, conn, request, &scope, column, raw, format_option).await
        }
        Addressed::Count(scope) => {
            let options = parse(scope.ty)?;
            let selection = Selection {
                conds: &scope.conds,
                cast: Some(scope.ty),
                options: &options,
                limit: None,
                offset: 0,
                join: None,
            };
            let n = count(inner, conn, scope.set, &selection).await?;
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

async fn collection(
    inner: &Inner,
    conn: &mut AnyConnection,
    request: &ODataRequest,
    scope: &Scope<'_>,
    options: &Options,
    format: crate::format::Format,
) -> Result<Reply, ODataError> {
    let set = scope.set;
    let Window { page, applied, token, offset, limit } = Window::of(request, &inner.limits, options)?;
    let extra = join_sources(inner, set, &options.expand, true)?;
    let columns = needed_columns(set, options, &extra)?;
    let selection =
        Selection { conds: &scope.conds, cast: Some(scope.ty), options, limit: Some(limit), offset, join: None };
    let mut rows = Rows::Table(fetch(inner, conn, set, &columns, &selection).await?);
    let more = rows.len() as u64 > page;
    if more {
        rows.truncate(usize::try_from(page).unwrap_or(usize::MAX));
    }
    let total = if options.count {
        let selection =
            Selection { conds: &scope.conds, cast: Some(scope.ty), options, limit: None, offset: 0, join: None };
        Some(count(inner, conn, set, &selection).await?)
    } else {
        None
    };
    let expansions = expand(inner, &mut Tables::Conn(conn), set, &rows, &options.expand, 1, true).await?;
    let writer = Writer { root: &request.root, format };
    let page = crate::paging::Page {
        format,
        context: &|| context(&request.root, scope.set, scope.ty, options, false),
        total: total.map(|n| u64::try_from(n).unwrap_or_default()),
        next_link: more.then(|| crate::paging::next_link(request, token + page)),
        applied,
    };
    Ok(page.reply(256 + rows.len() * 256, |out| {
        for row in 0..rows.len() {
            if row > 0 {
                out.push(',');
            }
            writer.entity(
                out,
                set,
                &rows,
                row,
                Shape { select: options.select.as_deref(), expansions: &expansions },
                None,
            );
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

async fn single(
    inner: &Inner,
    conn: &mut AnyConnection,
    request: &ODataRequest,
    scope: &Scope<'_>,
    options: &Options,
    format: crate::format::Format,
) -> Result<Reply, ODataError> {
    let set = scope.set;
    options.for_single_entity()?;
    let extra = join_sources(inner, set, &options.expand, true)?;
    let columns = needed_columns(set, options, &extra)?;
    let selection = Selection::one(&scope.conds, Some(scope.ty), options);
    let rows = Rows::Table(fetch(inner, conn, set, &columns, &selection).await?);
    if rows.is_empty() {
        return Err(crate::answer::missing(set));
    }
    if let Some(reply) = crate::answer::get_preconditions(request, rows.etag(0).as_deref())? {
        return Ok(reply);
    }
    let expansions = expand(inner, &mut Tables::Conn(conn), set, &rows, &options.expand, 1, true).await?;
    let context = context(&request.root, scope.set, scope.ty, options, true);
    let shape = Shape { select: options.select.as_deref(), expansions: &expansions };
    Ok(crate::answer::entity(request, format, set, &rows, shape, &context))
}

async fn property(
    inner: &Inner,
    conn: &mut AnyConnection,
    request: &ODataRequest,
    scope: &Scope<'_>,
    column: usize,
    raw: bool,
    format_option: Option<&str>,
) -> Result<Reply, ODataError> {
    let set = scope.set;
    let options = Options::default();
    let selection = Selection::one(&scope.conds, Some(scope.ty), &options);
    let mut columns = set.key.clone();
    if !columns.contains(&column) {
        columns.push(column);
    }
    let rows = Rows::Table(fetch(inner, conn, set, &columns, &selection).await?);
    if rows.is_empty() {
        return Err(crate::answer::missing(set));
    }
    crate::answer::property(request, set, &rows, column, raw, format_option)
}
