//! What a service says when a request fails: the HTTP status, the headers that matter, and the
//! OData error body (`{"error":{"code","message","target","details","innererror"}}`), or why a
//! success response is not the value asked for.

use std::fmt;
use std::time::{Duration, SystemTime};

use http::{HeaderMap, StatusCode};
use serde_json::{Map, Value};

pub use crate::decode::DecodeError;

/// A response that is not the value asked for: its status, the headers that tell what to do next
/// (`Retry-After`, Graph's `request-id`), and why ([`ResponseErrorKind`]).
///
/// ```
/// use odata_core::request::{ResponseError, ResponseErrorKind};
/// use http::StatusCode;
///
/// let response = http::Response::builder()
///     .status(429)
///     .header("Retry-After", "7")
///     .header("request-id", "0a1b")
///     .body(br#"{"error":{"code":"TooManyRequests","message":"Slow down"}}"#.to_vec())?;
/// let error = ResponseError::from_response(&response);
/// assert!(error.is_throttled());
/// assert_eq!(error.retry_after().and_then(|r| r.delay()), Some(std::time::Duration::from_secs(7)));
/// assert_eq!(error.request_id(), Some("0a1b"));
/// assert_eq!(error.service_error().map(|e| e.code.as_str()), Some("TooManyRequests"));
/// assert!(matches!(error.kind(), ResponseErrorKind::Service(_)));
/// # Ok::<(), http::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct ResponseError {
    status: StatusCode,
    headers: ResponseHeaders,
    kind: ResponseErrorKind,
}

/// Why a response is not the value asked for.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum ResponseErrorKind {
    /// The service answered with an OData error body.
    Service(Box<ServiceError>),
    /// A failure status without an OData error body (a proxy's HTML page, an empty body).
    Status {
        /// The body as text (invalid UTF-8 replaced).
        body: String,
    },
    /// `412 Precondition Failed`: the entity changed since its ETag was read (`If-Match` did
    /// not match); read it again and retry. The service's error, if it sent one.
    PreconditionFailed(Option<Box<ServiceError>>),
    /// `428 Precondition Required`: the service requires `If-Match` for this write. The
    /// service's error, if it sent one.
    PreconditionRequired(Option<Box<ServiceError>>),
    /// `304 Not Modified`: the entity still has the ETag of `If-None-Match`.
    NotModified,
    /// A success status whose body is not the value asked for: what did not decode, and where.
    Decode(DecodeError),
    /// A success status whose body has the other shape: a collection where a single value was
    /// asked for (or the reverse). A service bug, or a URL that names something else.
    Shape {
        /// What was asked for.
        expected: super::Shape,
        /// What came.
        found: super::Shape,
        /// The body's `@odata.context`, when it sent one.
        context: Option<String>,
    },
}

/// The response headers an error keeps: what a program needs to retry, or to quote to the
/// service's support.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct ResponseHeaders {
    /// `Retry-After`, as sent (seconds or an HTTP date).
    pub retry_after: Option<String>,
    /// `request-id` (Microsoft Graph), or `x-ms-request-id`.
    pub request_id: Option<String>,
    /// `client-request-id` (Microsoft Graph): the id the client sent, echoed.
    pub client_request_id: Option<String>,
}

impl ResponseHeaders {
    /// The headers that matter, from all of a response's.
    pub fn from_map(headers: &HeaderMap) -> Self {
        let text = |name: &str| headers.get(name).and_then(|v| v.to_str().ok()).map(str::to_owned);
        ResponseHeaders {
            retry_after: text("retry-after"),
            request_id: text("request-id").or_else(|| text("x-ms-request-id")),
            client_request_id: text("client-request-id"),
        }
    }
}

/// When to try again, from `Retry-After`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum RetryAfter {
    /// `Retry-After: 7`: after this long.
    Delay(Duration),
    /// `Retry-After: Wed, 21 Oct 2026 07:28:00 GMT`: at this time.
    At(SystemTime),
}

impl RetryAfter {
    /// Reads the header's value; `None` when it is neither a number of seconds nor an HTTP date.
    pub fn parse(value: &str) -> Option<RetryAfter> {
        let value = value.trim();
        if let Ok(seconds) = value.parse::<u64>() {
            return Some(RetryAfter::Delay(Duration::from_secs(seconds)));
        }
        httpdate::parse_http_date(value).ok().map(RetryAfter::At)
    }

    /// How long to wait from now (zero for a time already past).
    pub fn delay(self) -> Option<Duration> {
        Some(self.delay_from(SystemTime::now()))
    }

    /// How long to wait from `now` (zero for a time already past).
    pub fn delay_from(self, now: SystemTime) -> Duration {
        match self {
            RetryAfter::Delay(delay) => delay,
            RetryAfter::At(at) => at.duration_since(now).unwrap_or_default(),
        }
    }
}

impl ResponseError {
    /// An error of this kind for a response with this status (and no headers kept).
    pub fn new(status: StatusCode, kind: ResponseErrorKind) -> Self {
        ResponseError { status, headers: ResponseHeaders::default(), kind }
    }

    /// The same error, keeping the headers that matter from `headers`.
    pub fn with_headers(mut self, headers: &HeaderMap) -> Self {
        self.headers = ResponseHeaders::from_map(headers);
        self
    }

    /// Reads a failure response: an OData error body if it is one, else the body as text, with
    /// the headers that matter.
    pub fn from_response<B: AsRef<[u8]>>(response: &http::Response<B>) -> Self {
        ResponseError::from_failure(response.status(), response.body().as_ref()).with_headers(response.headers())
    }

    /// Reads a failure status and body: an OData error body if it is one, else the body as text.
    pub fn from_failure(status: StatusCode, body: &[u8]) -> Self {
        let error = ServiceError::parse(body).map(Box::new);
        let kind = match (status, error) {
            (StatusCode::PRECONDITION_FAILED, error) => ResponseErrorKind::PreconditionFailed(error),
            (StatusCode::PRECONDITION_REQUIRED, error) => ResponseErrorKind::PreconditionRequired(error),
            (StatusCode::NOT_MODIFIED, _) => ResponseErrorKind::NotModified,
            (_, Some(error)) => ResponseErrorKind::Service(error),
            (_, None) => ResponseErrorKind::Status { body: String::from_utf8_lossy(body).into_owned() },
        };
        ResponseError::new(status, kind)
    }

    /// A success status whose body did not decode.
    pub fn decode(status: StatusCode, error: DecodeError) -> Self {
        ResponseError::new(status, ResponseErrorKind::Decode(error))
    }

    /// The HTTP status of the response.
    pub fn status(&self) -> StatusCode {
        self.status
    }

    /// Why the response is not the value asked for.
    pub fn kind(&self) -> &ResponseErrorKind {
        &self.kind
    }

    /// The headers kept from the response.
    pub fn headers(&self) -> &ResponseHeaders {
        &self.headers
    }

    /// The service's error, when the body was one.
    pub fn service_error(&self) -> Option<&ServiceError> {
        match &self.kind {
            ResponseErrorKind::Service(error) => Some(error),
            ResponseErrorKind::PreconditionFailed(error) | ResponseErrorKind::PreconditionRequired(error) => {
                error.as_deref()
            }
            _ => None,
        }
    }

    /// `Retry-After`, when the service sent one it can be read from.
    pub fn retry_after(&self) -> Option<RetryAfter> {
        self.headers.retry_after.as_deref().and_then(RetryAfter::parse)
    }

    /// The service's id of the request (Graph's `request-id`), to quote to its support.
    pub fn request_id(&self) -> Option<&str> {
        self.headers.request_id.as_deref()
    }

    /// `404 Not Found`.
    pub fn is_not_found(&self) -> bool {
        self.status == StatusCode::NOT_FOUND
    }

    /// `429 Too Many Requests`: the service throttles; wait [`retry_after`](Self::retry_after).
    pub fn is_throttled(&self) -> bool {
        self.status == StatusCode::TOO_MANY_REQUESTS
    }

    /// `412 Precondition Failed`: the entity changed since its ETag was read.
    pub fn is_precondition_failed(&self) -> bool {
        matches!(self.kind, ResponseErrorKind::PreconditionFailed(_))
    }

    /// A status worth retrying as it is: `429`, `503 Service Unavailable`, `504 Gateway Timeout`.
    pub fn is_transient(&self) -> bool {
        matches!(
            self.status,
            StatusCode::TOO_MANY_REQUESTS | StatusCode::SERVICE_UNAVAILABLE | StatusCode::GATEWAY_TIMEOUT
        )
    }
}

impl fmt::Display for ResponseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let status = self.status;
        match &self.kind {
            ResponseErrorKind::Service(error) => write!(f, "{status}: {error}"),
            ResponseErrorKind::Status { body } if body.is_empty() => write!(f, "{status}"),
            ResponseErrorKind::Status { body } => {
                let shown: String = body.chars().take(200).collect();
                write!(f, "{status}: {shown}")
            }
            ResponseErrorKind::Decode(error) => write!(f, "{status}, but the body did not decode: {error}"),
            ResponseErrorKind::Shape { expected, found, context } => {
                write!(f, "{status}, but the body is {found} where {expected} was asked for")?;
                context.iter().try_for_each(|context| write!(f, " (@odata.context {context})"))
            }
            ResponseErrorKind::PreconditionFailed(error) => {
                write!(f, "412 Precondition Failed: the entity changed since its ETag was read")?;
                error.iter().try_for_each(|e| write!(f, " ({e})"))
            }
            ResponseErrorKind::PreconditionRequired(error) => {
                write!(f, "428 Precondition Required: the service requires If-Match")?;
                error.iter().try_for_each(|e| write!(f, " ({e})"))
            }
            ResponseErrorKind::NotModified => write!(f, "304 Not Modified"),
        }
    }
}

/// The message says everything (the service's error, the JSON path); the decoder's own error is
/// on [`DecodeError::json_error`], not a `source`, so that error chains do not print it twice.
impl std::error::Error for ResponseError {}

/// An OData error (OData JSON format, section 21). Members the format does not define (instance
/// annotations such as `@Common.numericSeverity`, a service's extras) are kept.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ServiceError {
    /// The service-defined error code (`"BadRequest"`, `"Request_ResourceNotFound"`, `"404"`).
    pub code: String,
    /// The human-readable message.
    pub message: String,
    /// What the error is about (a property, a parameter).
    pub target: Option<String>,
    /// Further errors, e.g. one per invalid property.
    pub details: Vec<ServiceError>,
    /// The service's debugging information, as sent.
    pub inner_error: Option<Value>,
    /// Every other member, as sent.
    pub additional: Map<String, Value>,
}

impl ServiceError {
    /// Reads `{"error": {...}}` (also the OData 3 spelling `{"odata.error": ...}` with a
    /// `{"lang","value"}` message); `None` when the body is not an error body.
    pub fn parse(body: &[u8]) -> Option<ServiceError> {
        let Value::Object(mut document) = serde_json::from_slice::<Value>(body).ok()? else { return None };
        let error = document.remove("error").or_else(|| document.remove("odata.error"))?;
        ServiceError::from_value(error)
    }

    /// Reads one error object; `None` when it is not an object.
    pub fn from_value(value: Value) -> Option<ServiceError> {
        let Value::Object(mut members) = value else { return None };
        let mut error = ServiceError {
            code: members.remove("code").map(text).unwrap_or_default(),
            message: members.remove("message").map(text).unwrap_or_default(),
            target: members.remove("target").filter(|t| !t.is_null()).map(text),
            details: Vec::new(),
            inner_error: members.remove("innererror"),
            additional: Map::new(),
        };
        if let Some(details) = members.remove("details") {
            let parsed: Option<Vec<ServiceError>> = match &details {
                Value::Array(items) => items.iter().cloned().map(ServiceError::from_value).collect(),
                _ => None,
            };
            match parsed {
                Some(parsed) => error.details = parsed,
                // Not the standard shape: kept as sent.
                None => {
                    error.additional.insert("details".to_owned(), details);
                }
            }
        }
        error.additional.extend(members);
        Some(error)
    }
}

/// A string member as text: numbers (`"code": 404`) and `{"lang","value"}` messages too.
fn text(value: Value) -> String {
    match value {
        Value::String(s) => s,
        Value::Object(mut members) => match members.remove("value") {
            Some(Value::String(s)) => s,
            _ => Value::Object(members).to_string(),
        },
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

impl fmt::Display for ServiceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.code, self.message)?;
        if let Some(target) = &self.target {
            write!(f, " (target `{target}`)")?;
        }
        for detail in &self.details {
            write!(f, "; {detail}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ServiceError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn graph_errors_keep_every_member() {
        let body = br#"{"error":{"code":"BadRequest","message":"Invalid filter clause","target":"$filter",
            "details":[{"code":"x","message":"y","@Common.numericSeverity":4}],
            "innerError":{"date":"2026-11-28T10:00:00","request-id":"r"}}}"#;
        let error = ServiceError::parse(body).expect("an error body");
        assert_eq!((error.code.as_str(), error.message.as_str()), ("BadRequest", "Invalid filter clause"));
        assert_eq!(error.target.as_deref(), Some("$filter"));
        assert_eq!(error.details[0].additional["@Common.numericSeverity"], 4);
        // Graph spells it `innerError`; the standard `innererror`. Both are kept.
        assert!(error.additional.contains_key("innerError"));
        assert_eq!(error.to_string(), "BadRequest: Invalid filter clause (target `$filter`); x: y");
    }

    #[test]
    fn lenient_shapes_and_non_error_bodies() {
        let error = ServiceError::parse(br#"{"odata.error":{"code":404,"message":{"lang":"en","value":"gone"}}}"#);
        assert_eq!(error.map(|e| (e.code, e.message)), Some(("404".to_owned(), "gone".to_owned())));
        assert_eq!(ServiceError::parse(b"<html>bad gateway</html>"), None);
        assert_eq!(ServiceError::parse(br#"{"value":[]}"#), None);
        let failure = ResponseError::from_failure(StatusCode::BAD_GATEWAY, b"<html>bad gateway</html>");
        assert_eq!(failure.status(), StatusCode::BAD_GATEWAY);
        assert!(matches!(failure.kind(), ResponseErrorKind::Status { .. }));
        assert_eq!(failure.to_string(), "502 Bad Gateway: <html>bad gateway</html>");
    }

    #[test]
    fn retry_after_in_seconds_and_as_a_date() {
        assert_eq!(RetryAfter::parse(" 120 "), Some(RetryAfter::Delay(Duration::from_secs(120))));
        let at = RetryAfter::parse("Sun, 06 Nov 1994 08:49:37 GMT").expect("an HTTP date");
        let now = SystemTime::UNIX_EPOCH + Duration::from_secs(784_111_777 - 30);
        assert_eq!(at.delay_from(now), Duration::from_secs(30));
        assert_eq!(at.delay_from(now + Duration::from_secs(60)), Duration::ZERO);
        assert_eq!(RetryAfter::parse("soon"), None);
    }
}
