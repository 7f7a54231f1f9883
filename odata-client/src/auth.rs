//! The auth hook: something that gives a bearer token before each request (Graph's access
//! tokens expire, so the provider is asked every time and may cache and refresh), and, behind the
//! `client-credentials` feature, a provider that signs in with the OAuth 2.0 client credentials
//! grant ([`ClientCredentials`]).

use std::future::Future;
use std::pin::Pin;

use crate::error::BoxError;

#[cfg(feature = "client-credentials")]
mod cache;
#[cfg(feature = "client-credentials")]
mod client_credentials;
#[cfg(feature = "client-credentials")]
mod sign_in_error;

#[cfg(feature = "client-credentials")]
pub use client_credentials::{ClientCredentials, ClientCredentialsBuilder};
#[cfg(feature = "client-credentials")]
pub use sign_in_error::{OAuthError, SignInError};

/// The future a [`TokenProvider`] returns.
pub type TokenFuture<'a> = Pin<Box<dyn Future<Output = Result<String, BoxError>> + Send + 'a>>;

/// Gives the bearer token for the next request (`Authorization: Bearer {token}`).
///
/// Implement it over your identity library, or use `ClientCredentials` (the `client-credentials`
/// feature); it is called before every sending of a request, so cache the token until shortly
/// before it expires.
pub trait TokenProvider: Send + Sync {
    /// The token, without the `Bearer ` prefix.
    fn token(&self) -> TokenFuture<'_>;

    /// The service answered `401 Unauthorized` to a request sent with `rejected`: forget that
    /// token, and say whether the next [`token`](Self::token) may give another one. When it
    /// says so, the client asks for a token and sends the request once more (any method: a
    /// request refused for its credentials was not carried out); a second `401` is returned.
    ///
    /// The default keeps the token and returns `false`: the `401` is returned as it is.
    fn invalidate(&self, rejected: &str) -> bool {
        let _ = rejected;
        false
    }
}

/// A fixed token: for tests, scripts, and tokens managed elsewhere.
#[derive(Clone)]
pub struct StaticToken(String);

impl StaticToken {
    /// The token, without the `Bearer ` prefix.
    pub fn new(token: impl Into<String>) -> Self {
        StaticToken(token.into())
    }
}

// Never print the token.
impl std::fmt::Debug for StaticToken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("StaticToken(..)")
    }
}

impl TokenProvider for StaticToken {
    fn token(&self) -> TokenFuture<'_> {
        let token = self.0.clone();
        Box::pin(async move { Ok(token) })
    }
}
