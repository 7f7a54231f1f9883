//! The answers about one entity, whatever stores it: a GET of the entity (`If-None-Match`,
//! `If-Match`, `ETag`) or of one of its properties (and `$value`), and the answers of writes
//! (`201` with `Location`, `204` with `Prefer: return=minimal`, `return=representation`).
//! The handlers (`read.rs`, `write.rs`) read or write the entity in its store, then answer
//! here with its [`Rows`].

use http::StatusCode;

use crate::catalog::{SetModel, ValueKind};
use crate::entity::{Shape, Writer, entity_path, url_path};
use crate::error::ODataError;
use crate::format::{Format, MetadataLevel, negotiate};
use crate::request::{ODataRequest, Reply};
use crate::rows::Rows;
use crate::value::{Datum, push_json_string};

/// Whether `Prefer: return=<value>` was sent.
pub(crate) fn prefers_return(request: &ODataRequest, value: &str) -> bool {
    request.preference("return").flatten().is_some_and(|v| v.eq_ignore_ascii_case(value))
}

/// A 404 for an entity key of `set` that addresses nothing.
pub(crate) fn missing(set: &SetModel) -> ODataError {
    ODataError::not_found(format!("no entity of {} with this key", set.name())).with_target(set.name())
}

/// The conditions of a GET of an entity with ETag `etag`: `Some(304)` when `If-None-Match`
/// matches, a 412 when `If-Match` does not.
pub(crate) fn get_preconditions(request: &ODataRequest, etag: Option<&str>) -> Result<Option<Reply>, ODataError> {
    let Some(etag) = etag else { return Ok(None) };
    if crate::etag::not_modified(request, etag) {
        return Ok(Some(Reply::empty(StatusCode::NOT_MODIFIED).header(http::header::ETAG, etag)));
    }
    if crate::etag::get_precondition_failed(request, etag) {
        return Err(ODataError::new(
            StatusCode::PRECONDITION_FAILED,
            "PreconditionFailed",
            "If-Match does not match the entity's current ETag",
        ));
    }
    Ok(None)
}

/// `status` with the entity of the first row as its body (`context`: its `@odata.context`), and
/// its `ETag` when it has one.
pub(crate) fn entity(
    request: &ODataRequest,
    format: Format,
    set: &SetModel,
    rows: &Rows,
    shape: Shape<'_>,
    context: &str,
) -> Reply {
    let mut out = String::with_capacity(512);
    Writer { root: &request.root, format }.entity(&mut out, set, rows, 0, shape, Some(context));
    with_etag(Reply::json(StatusCode::OK, format, out), rows.etag(0).as_deref())
}

fn with_etag(reply: Reply, etag: Option<&str>) -> Reply {
    match etag {
        Some(etag) => reply.header(http::header::ETAG, etag),
        None => reply,
    }
}

/// The entity of a write's answer: every property, `$metadata#Set/$entity`.
fn representation(request: &ODataRequest, format: Format, set: &SetModel, rows: &Rows) -> String {
    let mut out = String::new();
    let context = format!("{}/$metadata#{}/$entity", request.root, set.name());
    Writer { root: &request.root, format }.entity(&mut out, set, rows, 0, Shape::ALL, Some(&context));
    out
}

/// The answer to a POST that created the first row of `rows`: 201 with the entity, or 204 with
/// `Prefer: return=minimal`; `Location` and `ETag` either way.
pub(crate) fn created(request: &ODataRequest, format: Format, set: &SetModel, rows: &Rows) -> Reply {
    let location = format!("{}/{}", request.root, url_path(&entity_path(set, rows, 0)));
    let etag = rows.etag(0);
    if prefers_return(request, "minimal") {
        let reply = Reply::empty(StatusCode::NO_CONTENT)
            .header(http::header::LOCATION, &location)
            .header(http::HeaderName::from_static("odata-entityid"), &location);
        return with_etag(reply, etag.as_deref())
            .header(http::HeaderName::from_static("preference-applied"), "return=minimal");
    }
    let out = representation(request, format, set, rows);
    with_etag(Reply::json(StatusCode::CREATED, format, out).header(http::header::LOCATION, &location), etag.as_deref())
}

/// The answer to a PATCH or PUT whose entity is now the first row of `rows`: 204 with its
/// `ETag`, or 200 with the entity with `Prefer: return=representation`.
pub(crate) fn updated(request: &ODataRequest, format: Format, set: &SetModel, rows: &Rows) -> Reply {
    let etag = if rows.is_empty() { None } else { rows.etag(0) }.unwrap_or_default();
    if !prefers_return(request, "representation") || rows.is_empty() {
        return Reply::empty(StatusCode::NO_CONTENT).header(http::header::ETAG, &etag);
    }
    let out = representation(request, format, set, rows);
    Reply::json(StatusCode::OK, format, out)
        .header(http::header::ETAG, &etag)
        .header(http::HeaderName::from_static("preference-applied"), "return=representation")
}

/// A GET of property `column` of the first row of `rows` (read with the key and that column):
/// `{"value": ..}`, its `$value` when `raw`, 204 when null.
pub(crate) fn property(
    request: &ODataRequest,
    set: &SetModel,
    rows: &Rows,
    column: usize,
    raw: bool,
    format_option: Option<&str>,
) -> Result<Reply, ODataError> {
    let col = &set.columns[column];
    let datum = rows.datum(0, column);
    if *datum == Datum::Null {
        return Ok(Reply::empty(StatusCode::NO_CONTENT));
    }
    if raw {
        if col.kind == ValueKind::Binary {
            let Datum::Bytes(bytes) = datum.into_owned() else { return Ok(Reply::empty(StatusCode::NO_CONTENT)) };
            return Ok(Reply::with_type(StatusCode::OK, "application/octet-stream", bytes));
        }
        if col.kind == ValueKind::Json {
            return Err(ODataError::bad_request(
                "InvalidPath",
                format!("{} is not a primitive property: it has no $value", col.name()),
            ));
        }
        let mut text = String::new();
        rows.write(&mut text, 0, column, false, set);
        let text = match serde_json::from_str::<serde_json::Value>(&text) {
            Ok(serde_json::Value::String(s)) => s,
            _ => text,
        };
        return Ok(Reply::with_type(StatusCode::OK, "text/plain", text));
    }
    let format = negotiate(&request.headers, format_option)?;
    let mut out = String::from("{");
    if format.metadata != MetadataLevel::None {
        out.push_str("\"@odata.context\":");
        let path = entity_path(set, rows, 0);
        push_json_string(&mut out, &format!("{}/$metadata#{path}/{}", request.root, col.name()));
        out.push(',');
    }
    out.push_str("\"value\":");
    rows.write(&mut out, 0, column, format.ieee754, set);
    out.push('}');
    Ok(Reply::json(StatusCode::OK, format, out))
}
