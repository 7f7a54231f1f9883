//! The token cache of a signing-in provider: a token is reused until shortly before it expires,
//! and callers that find it stale at the same time share one token request (single flight).

use std::future::Future;
use std::sync::{Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

use super::sign_in_error::SignInError;

/// The margin before expiry when none is set: Microsoft's tokens live 60 to 90 minutes.
const DEFAULT_MARGIN: Duration = Duration::from_secs(5 * 60);

/// A token and the instants that matter for it.
#[derive(Clone)]
pub(crate) struct Token {
    value: String,
    /// From then on, the next caller asks for a new token (while this one still works).
    refresh_at: Option<Instant>,
    /// From then on, this token is not used at all.
    expires_at: Option<Instant>,
}

impl Token {
    /// A token asked for at `requested`, valid for `lifetime` (`None`: the endpoint did not say;
    /// it is then used until the service refuses it). `margin`: how long before the expiry to
    /// refresh; `None` is 5 minutes, or half the lifetime of a token that lives shorter than 10
    /// minutes. A margin is never longer than the lifetime.
    pub(crate) fn new(value: String, requested: Instant, lifetime: Option<Duration>, margin: Option<Duration>) -> Self {
        let Some(lifetime) = lifetime else {
            return Token { value, refresh_at: None, expires_at: None };
        };
        let margin = margin.unwrap_or(DEFAULT_MARGIN.min(lifetime / 2)).min(lifetime);
        // `checked_add`: an absurd `expires_in` from the endpoint must not overflow an Instant.
        Token {
            value,
            refresh_at: requested.checked_add(lifetime - margin),
            expires_at: requested.checked_add(lifetime),
        }
    }

    fn is_fresh(&self, now: Instant) -> bool {
        self.refresh_at.is_none_or(|at| now < at)
    }

    fn is_unexpired(&self, now: Instant) -> bool {
        self.expires_at.is_none_or(|at| now < at)
    }
}

/// The cached token, and the outcome of the last token request.
#[derive(Default)]
struct State {
    token: Option<Token>,
    /// Token requests ended so far: a caller that waited sees whether one ended meanwhile.
    requests: u64,
    failure: Option<SignInError>,
}

/// A cached token with single-flight refresh.
///
/// The state sits behind a std `Mutex` held only for a look (never across an `.await`); the
/// token request itself is behind an async `gate`, so that one caller requests while the others
/// wait for its outcome.
#[derive(Default)]
pub(crate) struct TokenCache {
    state: Mutex<State>,
    gate: tokio::sync::Mutex<()>,
}

impl TokenCache {
    /// The cached token while it is fresh; else the outcome of one call of `request`, shared with
    /// the callers that waited for it. A failed refresh falls back on the cached token while that
    /// has not expired (a `tracing` warning says so).
    pub(crate) async fn get<F, Fut>(&self, request: F) -> Result<String, SignInError>
    where
        F: FnOnce() -> Fut,
        Fut: Future<Output = Result<Token, SignInError>>,
    {
        let seen = {
            let state = self.lock();
            if let Some(token) = state.token.as_ref().filter(|t| t.is_fresh(Instant::now())) {
                return Ok(token.value.clone());
            }
            state.requests
        };
        let _gate = self.gate.lock().await;
        {
            let state = self.lock();
            let now = Instant::now();
            if let Some(token) = state.token.as_ref().filter(|t| t.is_fresh(now)) {
                return Ok(token.value.clone());
            }
            if state.requests != seen {
                // A request ended while this caller waited: its outcome is this caller's too.
                if let Some(token) = state.token.as_ref().filter(|t| t.is_unexpired(now)) {
                    return Ok(token.value.clone());
                }
                if let Some(failure) = &state.failure {
                    return Err(failure.clone());
                }
            }
        }
        let outcome = request().await;
        let mut state = self.lock();
        state.requests += 1;
        match outcome {
            Ok(token) => {
                state.failure = None;
                let value = token.value.clone();
                state.token = Some(token);
                Ok(value)
            }
            Err(error) => {
                state.failure = Some(error.clone());
                match state.token.as_ref().filter(|t| t.is_unexpired(Instant::now())) {
                    Some(token) => {
                        tracing::warn!(error = %error, "token refresh failed; the cached token has not expired and is used");
                        Ok(token.value.clone())
                    }
                    None => Err(error),
                }
            }
        }
    }

    /// Forgets the cached token if it is `rejected` (one that a concurrent caller fetched since
    /// is kept).
    pub(crate) fn invalidate(&self, rejected: &str) {
        let mut state = self.lock();
        if state.token.as_ref().is_some_and(|t| t.value == rejected) {
            state.token = None;
        }
    }

    /// The state; a panic elsewhere while it was held leaves it consistent (each change is one
    /// assignment), so a poisoned lock is used as it is.
    fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HOUR: Duration = Duration::from_secs(3600);

    #[test]
    fn the_default_margin_is_five_minutes_or_half_of_a_short_lifetime() {
        let now = Instant::now();
        let token = Token::new("t".into(), now, Some(HOUR), None);
        assert_eq!(token.refresh_at, Some(now + HOUR - DEFAULT_MARGIN));
        assert_eq!(token.expires_at, Some(now + HOUR));
        let short = Token::new("t".into(), now, Some(Duration::from_secs(120)), None);
        assert_eq!(short.refresh_at, Some(now + Duration::from_secs(60)));
    }

    #[test]
    fn a_margin_set_is_used_as_it_is_up_to_the_lifetime() {
        let now = Instant::now();
        let token = Token::new("t".into(), now, Some(HOUR), Some(Duration::from_secs(3000)));
        assert_eq!(token.refresh_at, Some(now + Duration::from_secs(600)));
        let longer = Token::new("t".into(), now, Some(HOUR), Some(2 * HOUR));
        assert_eq!(longer.refresh_at, Some(now));
        assert!(!longer.is_fresh(now) && longer.is_unexpired(now));
    }

    #[test]
    fn a_token_without_lifetime_or_with_an_absurd_one_never_goes_stale() {
        let now = Instant::now();
        for lifetime in [None, Some(Duration::from_secs(u64::MAX))] {
            let token = Token::new("t".into(), now, lifetime, None);
            assert!(token.is_fresh(now + 1000 * HOUR) && token.is_unexpired(now + 1000 * HOUR));
        }
    }

    fn runtime() -> tokio::runtime::Runtime {
        tokio::runtime::Builder::new_current_thread().enable_all().build().expect("runtime")
    }

    #[test]
    fn a_failed_refresh_uses_the_token_that_has_not_expired_and_then_fails() {
        let cache = TokenCache::default();
        let rt = runtime();
        let now = Instant::now();
        // Stale at once (the whole lifetime is margin) but not expired for an hour.
        let stale = Token::new("t1".into(), now, Some(HOUR), Some(HOUR));
        assert_eq!(rt.block_on(cache.get(|| async { Ok(stale) })).ok().as_deref(), Some("t1"));
        let refused = || async { Err(SignInError::InvalidSettings("refused".into())) };
        assert_eq!(rt.block_on(cache.get(refused)).ok().as_deref(), Some("t1"));
        cache.invalidate("t1");
        let error = rt.block_on(cache.get(refused)).expect_err("nothing cached");
        assert_eq!(error.to_string(), "invalid sign-in settings: refused");
    }

    #[test]
    fn invalidating_another_token_keeps_the_cached_one() {
        let cache = TokenCache::default();
        let rt = runtime();
        let token = Token::new("t2".into(), Instant::now(), Some(HOUR), None);
        rt.block_on(cache.get(|| async { Ok(token) })).expect("token");
        cache.invalidate("t1");
        let again = rt.block_on(cache.get(|| async { Err(SignInError::InvalidSettings("not asked".into())) }));
        assert_eq!(again.ok().as_deref(), Some("t2"));
    }
}
