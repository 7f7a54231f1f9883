//! What a sign-in at a token endpoint can fail with: the endpoint's OAuth error (RFC 6749
//! section 5.2, with Microsoft's additions), no answer, or an answer that is not a token.

use std::fmt;
use std::sync::Arc;

use http::StatusCode;

/// Why [`ClientCredentials`](crate::ClientCredentials) got no token. It comes back from a
/// request as [`Error::Auth`](crate::Error::Auth); [`Error::sign_in`](crate::Error::sign_in)
/// gives it typed.
///
/// Cheap to clone (callers that waited for the same token request all get its error). Neither
/// `Display` nor `Debug` shows the client secret or a token: they are never part of it.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub enum SignInError {
    /// The token endpoint answered with an OAuth error: a wrong secret, an unknown client or
    /// tenant, a scope the application may not have.
    Refused {
        /// The token URL.
        endpoint: String,
        /// The status of the answer (`400` or `401` as a rule).
        status: StatusCode,
        /// The endpoint's error, as it sent it.
        error: OAuthError,
    },
    /// No answer from the token endpoint: connection, TLS, timeout.
    Unreachable {
        /// The token URL.
        endpoint: String,
        /// The transport's error.
        source: Arc<reqwest::Error>,
    },
    /// The token endpoint answered with neither a bearer token nor an OAuth error.
    InvalidResponse {
        /// The token URL.
        endpoint: String,
        /// The status of the answer.
        status: StatusCode,
        /// What is wrong with it.
        reason: String,
    },
    /// The settings cannot make a token request (checked by
    /// [`ClientCredentialsBuilder::build`](crate::ClientCredentialsBuilder::build)).
    InvalidSettings(String),
}

impl SignInError {
    /// The OAuth error, when the token endpoint refused.
    pub fn oauth_error(&self) -> Option<&OAuthError> {
        match self {
            SignInError::Refused { error, .. } => Some(error),
            _ => None,
        }
    }
}

impl fmt::Display for SignInError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SignInError::Refused { endpoint, status, error } => {
                write!(f, "the token endpoint `{endpoint}` refused the sign-in ({status}): {error}")
            }
            SignInError::Unreachable { endpoint, .. } => {
                write!(f, "no answer from the token endpoint `{endpoint}` (connection, TLS or timeout)")
            }
            SignInError::InvalidResponse { endpoint, status, reason } => {
                write!(f, "the token endpoint `{endpoint}` answered {status} without a token: {reason}")
            }
            SignInError::InvalidSettings(reason) => write!(f, "invalid sign-in settings: {reason}"),
        }
    }
}

impl std::error::Error for SignInError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            SignInError::Unreachable { source, .. } => Some(source.as_ref()),
            _ => None,
        }
    }
}

/// An OAuth 2.0 error answer (RFC 6749 section 5.2) with the fields Microsoft identity platform
/// adds. Microsoft's `AADSTS` code stays in the description, as text ([`aadsts`](Self::aadsts)
/// finds it).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct OAuthError {
    /// `error`: `invalid_client`, `invalid_request`, `invalid_scope`, `unauthorized_client`, ...
    pub error: String,
    /// `error_description`, as sent (Microsoft's starts with `AADSTS<code>: `).
    pub description: Option<String>,
    /// `error_uri`.
    pub uri: Option<String>,
    /// Microsoft's `error_codes` (`7000215` for `AADSTS7000215`).
    pub codes: Vec<u64>,
    /// Microsoft's `trace_id`, to quote to its support.
    pub trace_id: Option<String>,
    /// Microsoft's `correlation_id`, to quote to its support.
    pub correlation_id: Option<String>,
}

impl OAuthError {
    /// The error of a JSON answer, when it has the required `error` member.
    pub(crate) fn from_json(body: &serde_json::Value) -> Option<OAuthError> {
        let text = |name: &str| body.get(name).and_then(|v| v.as_str()).map(str::to_owned);
        Some(OAuthError {
            error: text("error")?,
            description: text("error_description"),
            uri: text("error_uri"),
            codes: body
                .get("error_codes")
                .and_then(|v| v.as_array())
                .map(|codes| codes.iter().filter_map(|code| code.as_u64()).collect())
                .unwrap_or_default(),
            trace_id: text("trace_id"),
            correlation_id: text("correlation_id"),
        })
    }

    /// Microsoft's code at the start of the description (`AADSTS7000215`), if there is one.
    pub fn aadsts(&self) -> Option<&str> {
        let description = self.description.as_deref()?;
        let digits = description.strip_prefix("AADSTS")?.bytes().take_while(u8::is_ascii_digit).count();
        (digits > 0).then(|| &description[..6 + digits])
    }
}

impl fmt::Display for OAuthError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.error)?;
        if let Some(description) = &self.description {
            // Microsoft's descriptions end in "Trace ID: ... Correlation ID: ... Timestamp: ..."
            // on lines of their own; the first line says what is wrong.
            write!(f, ": {}", description.lines().next().unwrap_or_default().trim_end())?;
        }
        Ok(())
    }
}
