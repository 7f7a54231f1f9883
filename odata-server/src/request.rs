//! A request as the handlers see it (from HTTP or from a `$batch`), and what they answer.

use bytes::Bytes;
use http::{HeaderMap, HeaderName, HeaderValue, Method, StatusCode, header};
use percent_encoding::percent_decode_str;

use crate::error::ODataError;
use crate::format::Format;

/// One request: method, path below the service root, query, headers, body.
#[derive(Debug, Clone)]
pub(crate) struct ODataRequest {
    pub(crate) method: Method,
    /// The resource path, below the service root, without the leading `/`.
    pub(crate) path: String,
    /// The raw query string (still percent-encoded), without `?`.
    pub(crate) query: Option<String>,
    pub(crate) headers: HeaderMap,
    pub(crate) body: Bytes,
    /// The service root URL, without a trailing `/`: `http://host:port/odata`.
    pub(crate) root: String,
}

impl ODataRequest {
    /// The decoded query options, in order: `("$top", "5")`.
    pub(crate) fn query_pairs(&self) -> Result<Vec<(String, String)>, ODataError> {
        let Some(query) = &self.query else {
            return Ok(Vec::new());
        };
        let mut pairs = Vec::new();
        for part in query.split('&').filter(|p| !p.is_empty()) {
            let (name, value) = part.split_once('=').unwrap_or((part, ""));
            let decode = |text: &str| {
                let text = text.replace('+', " ");
                percent_decode_str(&text).decode_utf8().map(|s| s.into_owned()).map_err(|_| {
                    ODataError::bad_request("InvalidQuery", format!("the query option {name} is not UTF-8"))
                        .with_target(name.to_owned())
                })
            };
            let name = decode(name)?;
            let value = decode(value)?;
            if name.starts_with('$') && pairs.iter().any(|(n, _): &(String, String)| *n == name) {
                return Err(ODataError::bad_request(
                    "DuplicateQueryOption",
                    format!("the query option {name} is given twice"),
                )
                .with_target(name));
            }
            pairs.push((name, value));
        }
        Ok(pairs)
    }

    /// A header's value as text.
    pub(crate) fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    /// The preferences of the `Prefer` header: `("odata.maxpagesize", Some("10"))`.
    pub(crate) fn preferences(&self) -> Vec<(String, Option<String>)> {
        self.headers
            .get_all("prefer")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .filter_map(|item| {
                let item = item.split(';').next()?.trim();
                if item.is_empty() {
                    return None;
                }
                match item.split_once('=') {
                    Some((name, value)) => {
                        Some((name.trim().to_ascii_lowercase(), Some(value.trim().trim_matches('"').to_owned())))
                    }
                    None => Some((item.to_ascii_lowercase(), None)),
                }
            })
            .collect()
    }

    /// The value of preference `name`, if stated.
    pub(crate) fn preference(&self, name: &str) -> Option<Option<String>> {
        self.preferences().into_iter().find(|(n, _)| n == name).map(|(_, v)| v)
    }
}

/// A response before it becomes HTTP (or a part of a `$batch` response).
#[derive(Debug, Clone)]
pub(crate) struct Reply {
    pub(crate) status: StatusCode,
    pub(crate) headers: HeaderMap,
    pub(crate) body: Bytes,
}

impl Reply {
    /// A JSON body in `format`.
    pub(crate) fn json(status: StatusCode, format: Format, body: String) -> Reply {
        let mut headers = HeaderMap::new();
        headers.insert(header::CONTENT_TYPE, format.content_type());
        Reply { status, headers, body: Bytes::from(body) }
    }

    /// No body.
    pub(crate) fn empty(status: StatusCode) -> Reply {
        Reply { status, headers: HeaderMap::new(), body: Bytes::new() }
    }

    /// A body of another content type.
    pub(crate) fn with_type(status: StatusCode, content_type: &'static str, body: impl Into<Bytes>) -> Reply {
        let mut headers = HeaderMap::new();
        headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
        Reply { status, headers, body: body.into() }
    }

    /// Adds a header (values from the model or from numbers; an invalid one is left out).
    pub(crate) fn header(mut self, name: impl Into<HeaderName>, value: &str) -> Reply {
        if let Ok(value) = HeaderValue::from_str(value) {
            self.headers.append(name.into(), value);
        }
        self
    }
}

impl From<ODataError> for Reply {
    fn from(error: ODataError) -> Reply {
        let mut headers = HeaderMap::new();
        headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json;odata.metadata=minimal"));
        Reply { status: error.status, headers, body: Bytes::from(error.to_json()) }
    }
}
