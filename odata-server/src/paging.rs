//! Server-driven paging: the page size (`Prefer: odata.maxpagesize`, else the service's
//! default, never above its maximum), `$skiptoken` (how many entities of the result earlier
//! pages held) and `@odata.nextLink`.

use http::StatusCode;

use crate::error::ODataError;
use crate::format::{Format, MetadataLevel};
use crate::options::Options;
use crate::request::{ODataRequest, Reply};
use crate::service::Limits;
use crate::value::push_json_string;

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

/// The rows a collection request reads: `limit` of them from `offset` (one more than the page
/// when the page could be full, to know whether a next page follows).
pub(crate) struct Window {
    /// The page size.
    pub(crate) page: u64,
    /// The client's page size preference, when applied.
    pub(crate) applied: Option<u64>,
    /// The offset `$skiptoken` stands for.
    pub(crate) token: u64,
    pub(crate) offset: u64,
    pub(crate) limit: u64,
}

impl Window {
    /// The window of a page of a collection: `$skip`, `$top`, `$skiptoken` and the page size.
    pub(crate) fn of(request: &ODataRequest, limits: &Limits, options: &Options) -> Result<Window, ODataError> {
        let (page, applied) = page_size(request, limits);
        let token = skiptoken(options.skiptoken.as_deref())?;
        let limit = match options.top.map(|top| top.saturating_sub(token)) {
            Some(remaining) if remaining <= page => remaining,
            _ => page + 1,
        };
        let offset = options.skip.unwrap_or(0).saturating_add(token);
        Ok(Window { page, applied, token, offset, limit })
    }

    /// The window of a single entity (`$skiptoken` does not apply).
    pub(crate) fn single(request: &ODataRequest, limits: &Limits, options: &Options) -> Window {
        let (page, applied) = page_size(request, limits);
        Window { page, applied, token: 0, offset: options.skip.unwrap_or(0), limit: 1 }
    }
}

/// A collection's page as a response: `@odata.context` (unless `odata.metadata=none`),
/// `@odata.count` when asked for, `value` (written by `write_value` between the brackets),
/// `@odata.nextLink` when more follow, and `Preference-Applied` for a page size applied. The
/// same for sets in tables and sets served by a source.
pub(crate) struct Page<'a> {
    pub(crate) format: Format,
    pub(crate) context: &'a dyn Fn() -> String,
    pub(crate) total: Option<u64>,
    pub(crate) next_link: Option<String>,
    pub(crate) applied: Option<u64>,
}

impl Page<'_> {
    pub(crate) fn reply(self, capacity: usize, write_value: impl FnOnce(&mut String)) -> Reply {
        let format = self.format;
        let mut out = String::with_capacity(capacity);
        out.push('{');
        if format.metadata != MetadataLevel::None {
            out.push_str("\"@odata.context\":");
            push_json_string(&mut out, &(self.context)());
            out.push(',');
        }
        if let Some(total) = self.total {
            out.push_str("\"@odata.count\":");
            if format.ieee754 {
                push_json_string(&mut out, &total.to_string());
            } else {
                out.push_str(&total.to_string());
            }
            out.push(',');
        }
        out.push_str("\"value\":[");
        write_value(&mut out);
        out.push(']');
        if let Some(link) = self.next_link {
            out.push_str(",\"@odata.nextLink\":");
            push_json_string(&mut out, &link);
        }
        out.push('}');
        let reply = Reply::json(StatusCode::OK, format, out);
        match self.applied {
            Some(applied) => reply
                .header(http::HeaderName::from_static("preference-applied"), &format!("odata.maxpagesize={applied}")),
            None => reply,
        }
    }
}
