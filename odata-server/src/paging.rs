//! Server-driven paging: the page size (`Prefer: odata.maxpagesize`, else the service's
//! default, never above its maximum), `$skiptoken` (how many entities of the result earlier
//! pages held) and `@odata.nextLink`.

use crate::error::ODataError;
use crate::request::ODataRequest;
use crate::service::Limits;

/// The page size of a request, and whether the client's preference was applied.
pub(crate) fn page_size(request: &ODataRequest, limits: &Limits) -> (u64, Option<u64>) {
    let preferred = request
        .preference("odata.maxpagesize")
        .or_else(|| request.preference("maxpagesize"))
        .flatten()
        .and_then(|v| v.parse::<u64>().ok())
        .filter(|&n| n > 0);
    match preferred {
        Some(n) => {
            let applied = n.min(u64::from(limits.max_page_size));
            (applied, Some(applied))
        }
        None => (u64::from(limits.page_size), None),
    }
}

/// The offset a `$skiptoken` stands for.
pub(crate) fn skiptoken(token: Option<&str>) -> Result<u64, ODataError> {
    match token {
        None => Ok(0),
        Some(text) => text.parse::<u64>().map_err(|_| {
            ODataError::bad_request("InvalidSkipToken", format!("$skiptoken {text} was not issued by this service"))
                .with_target("$skiptoken")
        }),
    }
}

/// The URL of the next page: this request's URL with `$skiptoken` set to `offset`.
pub(crate) fn next_link(request: &ODataRequest, offset: u64) -> String {
    let mut query: Vec<&str> = request
        .query
        .as_deref()
        .unwrap_or_default()
        .split('&')
        .filter(|p| !p.is_empty() && !p.starts_with("$skiptoken=") && !p.starts_with("%24skiptoken="))
        .collect();
    let token = format!("$skiptoken={offset}");
    query.push(&token);
    format!("{}/{}?{}", request.root, request.path, query.join("&"))
}
