//! Errors: what a request did wrong (a 4xx with the OData JSON error body) and what went wrong
//! while setting a service up.

use axum::response::{IntoResponse, Response};
use http::{HeaderValue, StatusCode, header};

/// An error answered to a client, in the OData JSON error format:
/// `{"error":{"code","message","target","details"}}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ODataError {
    /// The HTTP status.
    pub status: StatusCode,
    /// A service-defined code, e.g. `InvalidProperty`.
    pub code: String,
    /// A human-readable message.
    pub message: String,
    /// What the error is about: a property, a query option, a path segment.
    pub target: Option<String>,
    /// Further errors, each with its own code, message and target.
    pub details: Vec<ErrorDetail>,
}

/// One entry of an error's `details`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ErrorDetail {
    /// A service-defined code.
    pub code: String,
    /// A human-readable message.
    pub message: String,
    /// What the detail is about.
    pub target: Option<String>,
}

impl ODataError {
    /// An error with this status, code and message.
    pub fn new(status: StatusCode, code: &str, message: impl Into<String>) -> Self {
        ODataError { status, code: code.to_owned(), message: message.into(), target: None, details: Vec::new() }
    }

    /// The same error about `target`.
    #[must_use]
    pub fn with_target(mut self, target: impl Into<String>) -> Self {
        self.target = Some(target.into());
        self
    }

    /// 400 Bad Request.
    pub fn bad_request(code: &str, message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, code, message)
    }

    /// 404 Not Found.
    pub fn not_found(message: impl Into<String>) -> Self {
        Self::new(StatusCode::NOT_FOUND, "NotFound", message)
    }

    /// 405 Method Not Allowed.
    pub fn method_not_allowed(method: &http::Method, what: &str) -> Self {
        Self::new(StatusCode::METHOD_NOT_ALLOWED, "MethodNotAllowed", format!("{method} is not allowed on {what}"))
    }

    /// 501 Not Implemented: a valid request the service does not support.
    pub fn not_implemented(message: impl Into<String>) -> Self {
        Self::new(StatusCode::NOT_IMPLEMENTED, "NotImplemented", message)
    }

    /// 500: the database failed. The message says no more than that; the cause is logged.
    pub(crate) fn database(error: &sqlx::Error) -> Self {
        tracing::error!(%error, "database error");
        if let sqlx::Error::Database(db) = error
            && (db.is_unique_violation() || db.is_foreign_key_violation() || db.is_check_violation())
        {
            let code = if db.is_unique_violation() { "Conflict" } else { "ConstraintViolation" };
            let status = if db.is_unique_violation() { StatusCode::CONFLICT } else { StatusCode::BAD_REQUEST };
            return Self::new(
                status,
                code,
                "the request breaks a constraint of the data (a duplicate key or a missing related entity)",
            );
        }
        Self::new(StatusCode::INTERNAL_SERVER_ERROR, "DatabaseError", "the database failed to answer")
    }

    /// The error body, `{"error":{...}}`.
    pub fn to_json(&self) -> String {
        let mut error = serde_json::Map::new();
        error.insert("code".into(), self.code.clone().into());
        error.insert("message".into(), self.message.clone().into());
        if let Some(target) = &self.target {
            error.insert("target".into(), target.clone().into());
        }
        if !self.details.is_empty() {
            let details = self
                .details
                .iter()
                .map(|d| {
                    let mut detail = serde_json::Map::new();
                    detail.insert("code".into(), d.code.clone().into());
                    detail.insert("message".into(), d.message.clone().into());
                    if let Some(target) = &d.target {
                        detail.insert("target".into(), target.clone().into());
                    }
                    serde_json::Value::Object(detail)
                })
                .collect();
            error.insert("details".into(), serde_json::Value::Array(details));
        }
        serde_json::json!({ "error": error }).to_string()
    }
}

impl std::fmt::Display for ODataError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}: {}", self.status.as_u16(), self.code, self.message)?;
        if let Some(target) = &self.target {
            write!(f, " (target {target})")?;
        }
        Ok(())
    }
}

impl std::error::Error for ODataError {}

impl IntoResponse for ODataError {
    fn into_response(self) -> Response {
        let mut response = (self.status, self.to_json()).into_response();
        let headers = response.headers_mut();
        headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json;odata.metadata=minimal"));
        headers.insert("OData-Version", HeaderValue::from_static("4.0"));
        response
    }
}

/// What can go wrong while building a service: the database refused the schema, or the model
/// holds something the server cannot store.
#[derive(Debug)]
#[non_exhaustive]
pub enum ServiceError {
    /// The database failed (connecting, creating tables).
    Database(sqlx::Error),
    /// The model cannot be served as it is; the message says why.
    Model(String),
}

impl std::fmt::Display for ServiceError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ServiceError::Database(error) => write!(f, "database error: {error}"),
            ServiceError::Model(message) => write!(f, "model not servable: {message}"),
        }
    }
}

impl std::error::Error for ServiceError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ServiceError::Database(error) => Some(error),
            ServiceError::Model(_) => None,
        }
    }
}

impl From<sqlx::Error> for ServiceError {
    fn from(error: sqlx::Error) -> Self {
        ServiceError::Database(error)
    }
}
