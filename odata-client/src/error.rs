//! Everything a request through the client can fail with.

use std::fmt;

use http::StatusCode;
use odata_core::request::{BatchError, ChangeError, ResponseError};

/// A boxed error from an auth hook.
pub type BoxError = Box<dyn std::error::Error + Send + Sync>;

/// A failed request.
///
/// `Display` says what went wrong at this level and `source()` gives the cause, so an error chain
/// prints each fact once; the service's own answer ([`Error::Response`], [`Error::Changes`]) is
/// shown as it is, with its status and the service's message.
#[derive(Debug)]
#[non_exhaustive]
pub enum Error {
    /// The service answered, with an error or with a body that did not decode (see
    /// [`ResponseError`]: the status, the service's error, the JSON path).
    Response(ResponseError),
    /// No answer: connection, TLS, timeout.
    Transport(reqwest::Error),
    /// The token provider failed.
    Auth(BoxError),
    /// The request could not be built (an invalid header value).
    Request(http::Error),
    /// An `@odata.nextLink` that is not a URL, or leads to another origin than the service root
    /// (the bearer token is sent only there).
    InvalidNextLink {
        /// The link as the service sent it.
        link: String,
        /// What is wrong with it.
        reason: &'static str,
    },
    /// The service sent a next link already followed: following it would loop forever.
    RepeatedNextLink(String),
    /// More pages than the configured cap.
    PageLimit(usize),
    /// The last page of a delta round has neither `@odata.nextLink` nor `@odata.deltaLink`.
    MissingDeltaLink,
    /// A change set that cannot be sent (a value that does not encode, a changed key).
    Changes(ChangeError),
    /// A `$batch` that is not valid (named by request id) or whose response does not parse.
    Batch(BatchError),
    /// A response body longer than the client's `max_body_size`, in bytes.
    BodyTooLarge {
        /// The limit that was exceeded.
        limit: u64,
    },
    /// The service root given to the builder is not an absolute URL.
    InvalidServiceRoot(String),
    /// The default TLS configuration could not be built (no usable platform verifier).
    Tls(rustls::Error),
    /// A chain of `dependsOn` requests longer than the number of requests the service takes
    /// in one `$batch`: it cannot be split.
    BatchChainTooLong {
        /// The id of a request in the chain.
        id: String,
        /// The number of requests in the chain.
        len: usize,
        /// The service's limit per `$batch`.
        limit: usize,
    },
}

impl Error {
    /// The HTTP status, when the service answered.
    pub fn status(&self) -> Option<StatusCode> {
        match self {
            Error::Response(error) => Some(error.status()),
            Error::Transport(error) => error.status(),
            _ => None,
        }
    }

    /// Why [`ClientCredentials`](crate::ClientCredentials) got no token, when it failed.
    #[cfg(feature = "client-credentials")]
    pub fn sign_in(&self) -> Option<&crate::SignInError> {
        match self {
            Error::Auth(error) => error.downcast_ref(),
            _ => None,
        }
    }

    /// The response error, when the service answered.
    pub fn response(&self) -> Option<&ResponseError> {
        match self {
            Error::Response(error) => Some(error),
            _ => None,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            // The service's answer, as it is (its source, if any, is the answer's own).
            Error::Response(error) => fmt::Display::fmt(error, f),
            Error::Changes(error) => fmt::Display::fmt(error, f),
            Error::Batch(error) => write!(f, "$batch: {error}"),
            // Causes from other crates: named here, told by `source()`.
            Error::Transport(_) => f.write_str("no answer from the service (connection, TLS or timeout)"),
            Error::Auth(_) => f.write_str("the token provider failed"),
            Error::Request(_) => f.write_str("the request could not be built"),
            Error::InvalidNextLink { link, reason } => write!(f, "invalid @odata.nextLink `{link}`: {reason}"),
            Error::RepeatedNextLink(link) => write!(f, "the service repeated the @odata.nextLink `{link}`"),
            Error::PageLimit(pages) => write!(f, "stopped after the page limit of {pages} pages"),
            Error::BodyTooLarge { limit } => write!(f, "the response body is larger than the limit of {limit} bytes"),
            Error::InvalidServiceRoot(root) => write!(f, "the service root `{root}` is not an absolute URL"),
            Error::Tls(_) => f.write_str("the TLS configuration could not be built"),
            Error::BatchChainTooLong { id, len, limit } => write!(
                f,
                "$batch: the dependsOn chain of request `{id}` has {len} requests, more than the {limit} allowed in one batch"
            ),
            Error::MissingDeltaLink => f.write_str("the last page of the delta round has no @odata.deltaLink"),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            // Shown whole by `Display`: their causes, not themselves.
            Error::Response(error) => error.source(),
            Error::Changes(error) => error.source(),
            Error::Batch(error) => error.source(),
            Error::Transport(error) => Some(error),
            Error::Auth(error) => Some(&**error),
            Error::Request(error) => Some(error),
            Error::Tls(error) => Some(error),
            _ => None,
        }
    }
}

impl From<ResponseError> for Error {
    fn from(error: ResponseError) -> Self {
        Error::Response(error)
    }
}

impl From<reqwest::Error> for Error {
    fn from(error: reqwest::Error) -> Self {
        Error::Transport(error)
    }
}

impl From<http::Error> for Error {
    fn from(error: http::Error) -> Self {
        Error::Request(error)
    }
}

impl From<ChangeError> for Error {
    fn from(error: ChangeError) -> Self {
        Error::Changes(error)
    }
}
