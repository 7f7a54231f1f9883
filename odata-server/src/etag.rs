//! ETags: a weak tag of the row version (`W/"3"`), which the server sets to 1 on insert and
//! bumps on every update; `If-Match` (412 on a stale tag, 428 when required and missing) and
//! `If-None-Match` (304 on a GET of an unchanged entity).

use http::StatusCode;

use crate::error::ODataError;
use crate::request::ODataRequest;
use crate::value::Datum;

/// The ETag of a row version.
pub(crate) fn etag(version: &Datum) -> String {
    match version {
        Datum::Int(v) => format!("W/\"{v}\""),
        Datum::Text(t) => format!("W/\"{t}\""),
        _ => "W/\"0\"".into(),
    }
}

/// Whether a list of entity tags (`If-Match`, `If-None-Match`) holds `*` or `tag`.
fn matches(header: &str, tag: &str) -> bool {
    let bare = |t: &str| t.trim().trim_start_matches("W/").to_owned();
    header.split(',').any(|t| t.trim() == "*" || bare(t) == bare(tag))
}

/// Checks `If-Match` before an update or a delete of an entity whose current tag is `current`
/// (`None`: the entity does not exist, which the caller answers with 404 unless `If-Match` is
/// present, which then fails with 412).
pub(crate) fn check_if_match(request: &ODataRequest, current: Option<&str>, required: bool) -> Result<(), ODataError> {
    match request.header("if-match") {
        Some(header) => match current {
            Some(tag) if matches(header, tag) => Ok(()),
            _ => Err(ODataError::new(
                StatusCode::PRECONDITION_FAILED,
                "PreconditionFailed",
                format!(
                    "If-Match {header} does not match the entity's current ETag{}",
                    current.map(|t| format!(" {t}")).unwrap_or_default()
                ),
            )),
        },
        None if required => Err(ODataError::new(
            StatusCode::PRECONDITION_REQUIRED,
            "PreconditionRequired",
            "this service requires If-Match with the entity's ETag on updates and deletes",
        )),
        None => Ok(()),
    }
    .and_then(|()| match request.header("if-none-match") {
        Some(header) if current.is_some_and(|tag| matches(header, tag)) => Err(ODataError::new(
            StatusCode::PRECONDITION_FAILED,
            "PreconditionFailed",
            format!("If-None-Match {header} matches the entity's current ETag"),
        )),
        _ => Ok(()),
    })
}

/// Whether a GET with `If-None-Match` is answered with 304 Not Modified.
pub(crate) fn not_modified(request: &ODataRequest, current: &str) -> bool {
    request.header("if-none-match").is_some_and(|header| matches(header, current))
}

/// Whether a GET with `If-Match` fails (412): the entity changed.
pub(crate) fn get_precondition_failed(request: &ODataRequest, current: &str) -> bool {
    request.header("if-match").is_some_and(|header| !matches(header, current))
}
