//! The auth hook: something that gives a bearer token before each request (Graph's access
//! tokens expire, so the provider is asked every time and may cache and refresh).

use std::future::Future;
use std::pin::Pin;

use crate::error::BoxError;

/// The future a [`TokenProvider`] returns.
pub type TokenFuture<'a> = Pin<Box<dyn Future<Output = Result<String, BoxError>> + Send + 'a>>;

/// Gives the bearer token for the next request (`Authorization: Bearer {token}`).
///
/// Implement it over your identity library (an MSAL-style client-credentials flow for Graph);
/// it is called before every request, so cache the token until shortly before it expires.
pub trait TokenProvider: Send + Sync {
    /// The token, without the `Bearer ` prefix.
    fn token(&self) -> TokenFuture<'_>;
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
