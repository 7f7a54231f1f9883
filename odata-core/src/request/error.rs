//! What a service says when a request fails: the OData error body
//! (`{"error":{"code","message","target","details","innererror"}}`), with the HTTP status.

use std::fmt;

use http::StatusCode;
use serde_json::{Map, Value};

/// A response that is not the value asked for.
#[derive(Debug, Clone, PartialEq)]
pub enum ResponseError {
    /// The service answered with an OData error body.
    Service {
        /// The HTTP status.
        status: StatusCode,
        /// The error the body describes.
        error: Box<ServiceError>,
    },
    /// A failure status without an OData error body (a proxy's HTML page, an empty body).
    Status {
        /// The HTTP status.
        status: StatusCode,
        /// The body as text (invalid UTF-8 replaced).
        body: String,
    },
    /// `412 Precondition Failed`: the entity changed since its ETag was read (`If-Match` did
    /// not match); read it again and retry.
    PreconditionFailed {
        /// The service's error, if it sent one.
        error: Option<Box<ServiceError>>,
    },
    /// `428 Precondition Required`: the service requires `If-Match` for this write.
    PreconditionRequired {
        /// The service's error, if it sent one.
        error: Option<Box<ServiceError>>,
    },
    /// `304 Not Modified`: the entity still has the ETag of `If-None-Match`.
    NotModified,
    /// A success status whose body is not the value asked for. The message names the JSON path
    /// and the OData type.
    Decode {
        /// The HTTP status.
        status: StatusCode,
        /// What did not decode, and where.
        message: String,
    },
    /// A success status whose body has the other shape: a collection where a single value was
    /// asked for (or the reverse). A service bug, or a URL that names something else.
    Shape {
        /// The HTTP status.
        status: StatusCode,
        /// What was asked for.
        expected: super::Shape,
        /// What came.
        found: super::Shape,
        /// The body's `@odata.context`, when it sent one.
        context: Option<String>,
    },
}

impl ResponseError {
    /// The HTTP status of the response.
    pub fn status(&self) -> StatusCode {
        match self {
            ResponseError::Service { status, .. }
            | ResponseError::Status { status, .. }
            | ResponseError::Decode { status, .. }
            | ResponseError::Shape { status, .. } => *status,
            ResponseError::PreconditionFailed { .. } => StatusCode::PRECONDITION_FAILED,
            ResponseError::PreconditionRequired { .. } => StatusCode::PRECONDITION_REQUIRED,
            ResponseError::NotModified => StatusCode::NOT_MODIFIED,
        }
    }

    /// The service's error, when the body was one.
    pub fn service_error(&self) -> Option<&ServiceError> {
        match self {
            ResponseError::Service { error, .. } => Some(&**error),
            ResponseError::PreconditionFailed { error } | ResponseError::PreconditionRequired { error } => {
                error.as_deref()
            }
            _ => None,
        }
    }

    /// Reads a failure response: an OData error body if it is one, else the body as text.
    pub fn from_failure(status: StatusCode, body: &[u8]) -> Self {
        let error = ServiceError::parse(body).map(Box::new);
        match (status, error) {
            (StatusCode::PRECONDITION_FAILED, error) => ResponseError::PreconditionFailed { error },
            (StatusCode::PRECONDITION_REQUIRED, error) => ResponseError::PreconditionRequired { error },
            (StatusCode::NOT_MODIFIED, _) => ResponseError::NotModified,
            (status, Some(error)) => ResponseError::Service { status, error },
            (status, None) => ResponseError::Status { status, body: String::from_utf8_lossy(body).into_owned() },
        }
    }
}

impl fmt::Display for ResponseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ResponseError::Service { status, error } => write!(f, "{status}: {error}"),
            ResponseError::Status { status, body } if body.is_empty() => write!(f, "{status}"),
            ResponseError::Status { status, body } => {
                let shown: String = body.chars().take(200).collect();
                write!(f, "{status}: {shown}")
            }
            ResponseError::Decode { status, message } => write!(f, "{status}, but the body did not decode: {message}"),
            ResponseError::Shape { status, expected, found, context } => {
                write!(f, "{status}, but the body is {found} where {expected} was asked for")?;
                context.iter().try_for_each(|context| write!(f, " (@odata.context {context})"))
            }
            ResponseError::PreconditionFailed { error } => {
                write!(f, "412 Precondition Failed: the entity changed since its ETag was read")?;
                error.iter().try_for_each(|e| write!(f, " ({e})"))
            }
            ResponseError::PreconditionRequired { error } => {
                write!(f, "428 Precondition Required: the service requires If-Match")?;
                error.iter().try_for_each(|e| write!(f, " ({e})"))
            }
            ResponseError::NotModified => write!(f, "304 Not Modified"),
        }
    }
}

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
        assert_eq!(failure.to_string(), "502 Bad Gateway: <html>bad gateway</html>");
    }
}
