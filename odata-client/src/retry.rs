//! When and how long to wait before a request is sent again: throttling (`429`), an unavailable
//! service (`503`, `504`) and connection failures, for requests that are safe to repeat.

use std::collections::hash_map::RandomState;
use std::hash::{BuildHasher, Hasher};
use std::time::Duration;

use http::{Method, StatusCode};
use odata_core::request::RetryAfter;

/// How a [`Client`](crate::Client) retries a request: set it on the builder
/// ([`ClientBuilder::retry`](crate::ClientBuilder::retry)) or for some requests
/// ([`Client::with_retry`](crate::Client::with_retry)).
///
/// A request is sent again after `429 Too Many Requests`, `503 Service Unavailable`,
/// `504 Gateway Timeout`, or a failure to connect or a timeout, when it is safe to repeat:
/// `GET`, `HEAD` and `OPTIONS` always, a write (`POST`, `PATCH`, `PUT`, `DELETE`, `$batch`) only
/// after [`retry_writes`](Self::retry_writes) (a write that timed out may have been applied).
/// The wait is the service's `Retry-After` (seconds or an HTTP date) when it sends one, else an
/// exponential backoff with jitter; retries stop after [`max_attempts`](Self::max_attempts)
/// sendings or when the next wait would end after [`max_elapsed`](Self::max_elapsed), and the
/// last answer is returned as it is (its error keeps `Retry-After`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RetryPolicy {
    max_attempts: u32,
    initial_backoff: Duration,
    max_backoff: Duration,
    max_elapsed: Duration,
    retry_writes: bool,
}

impl Default for RetryPolicy {
    /// 4 sendings at most, backoff from 500 ms doubling up to 30 s, 2 minutes in all, reads only.
    fn default() -> Self {
        RetryPolicy {
            max_attempts: 4,
            initial_backoff: Duration::from_millis(500),
            max_backoff: Duration::from_secs(30),
            max_elapsed: Duration::from_secs(120),
            retry_writes: false,
        }
    }
}

impl RetryPolicy {
    /// The default policy (see [`Default`]).
    pub fn new() -> Self {
        RetryPolicy::default()
    }

    /// Never retry: every request is sent once.
    pub fn none() -> Self {
        RetryPolicy { max_attempts: 1, ..RetryPolicy::default() }
    }

    /// At most `attempts` sendings of one request, the first included (0 counts as 1).
    pub fn max_attempts(mut self, attempts: u32) -> Self {
        self.max_attempts = attempts.max(1);
        self
    }

    /// The backoff without `Retry-After`: `initial`, doubled at each retry up to `max`, of which a
    /// random part between a half and the whole is waited.
    pub fn backoff(mut self, initial: Duration, max: Duration) -> Self {
        self.initial_backoff = initial;
        self.max_backoff = max.max(initial);
        self
    }

    /// No retry whose wait would end later than `total` after the first sending.
    pub fn max_elapsed(mut self, total: Duration) -> Self {
        self.max_elapsed = total;
        self
    }

    /// Retry writes as well: say so only when repeating them is harmless (an idempotent
    /// operation, a create with a client-chosen key, a `PATCH` guarded by `If-Match`).
    pub fn retry_writes(mut self, safe: bool) -> Self {
        self.retry_writes = safe;
        self
    }

    /// Whether a request with this method may be sent again.
    pub(crate) fn may_repeat(&self, method: &Method) -> bool {
        self.retry_writes || is_safe(method)
    }

    /// Whether this request may be sent again: by its method, or because it is marked
    /// [`SafeToRepeat`] (a `$batch` of reads only).
    pub(crate) fn may_repeat_request(&self, parts: &http::request::Parts) -> bool {
        self.may_repeat(&parts.method) || parts.extensions.get::<SafeToRepeat>().is_some()
    }

    /// Whether another sending is allowed after `attempt` sendings.
    pub(crate) fn has_attempts_left(&self, attempt: u32) -> bool {
        attempt < self.max_attempts
    }

    /// The wait before sending again after `attempt` sendings; `None` when it would end after the
    /// total time allowed (`elapsed` is the time since the first sending).
    pub(crate) fn wait(&self, attempt: u32, retry_after: Option<RetryAfter>, elapsed: Duration) -> Option<Duration> {
        let wait = match retry_after {
            Some(after) => after.delay().unwrap_or_default(),
            None => self.backoff_for(attempt),
        };
        (elapsed + wait <= self.max_elapsed).then_some(wait)
    }

    fn backoff_for(&self, attempt: u32) -> Duration {
        let doubled = self.initial_backoff.saturating_mul(1u32 << attempt.saturating_sub(1).min(20));
        let ceiling = doubled.min(self.max_backoff);
        // Jitter: between a half and the whole, so that clients throttled together spread out.
        ceiling / 2 + ceiling.mul_f64(random_fraction() / 2.0)
    }
}

/// Statuses that say "later": throttled, unavailable, a gateway that timed out.
pub(crate) fn is_retryable_status(status: StatusCode) -> bool {
    matches!(status, StatusCode::TOO_MANY_REQUESTS | StatusCode::SERVICE_UNAVAILABLE | StatusCode::GATEWAY_TIMEOUT)
}

/// A number in `[0, 1)` from the standard library's randomly seeded hasher (jitter needs no
/// more than that, and no extra dependency).
fn random_fraction() -> f64 {
    let mut hasher = RandomState::new().build_hasher();
    hasher.write_u64(0);
    (hasher.finish() >> 11) as f64 / (1u64 << 53) as f64
}

/// Methods that change nothing, sent again whatever the policy says about writes.
pub(crate) fn is_safe(method: &Method) -> bool {
    matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS)
}

/// Marks a request whose method is not safe but whose repetition is harmless: a `$batch` `POST`
/// whose inner requests are all reads. (An `http::Request` extension, read by the retry loop.)
#[derive(Clone, Copy, Debug)]
pub(crate) struct SafeToRepeat;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_up_to_the_ceiling_with_jitter_between_half_and_whole() {
        let policy = RetryPolicy::new().backoff(Duration::from_millis(100), Duration::from_millis(350));
        for (attempt, ceiling) in [(1, 100), (2, 200), (3, 350), (9, 350)] {
            let wait = policy.wait(attempt, None, Duration::ZERO).expect("within the total time");
            let ceiling = Duration::from_millis(ceiling);
            assert!(wait >= ceiling / 2 && wait <= ceiling, "attempt {attempt}: {wait:?} outside {ceiling:?}");
        }
    }

    #[test]
    fn retry_after_is_waited_as_sent_and_bounded_by_the_total_time() {
        let policy = RetryPolicy::new().max_elapsed(Duration::from_secs(10));
        let after = Some(RetryAfter::Delay(Duration::from_secs(7)));
        assert_eq!(policy.wait(1, after, Duration::from_secs(2)), Some(Duration::from_secs(7)));
        assert_eq!(policy.wait(1, after, Duration::from_secs(4)), None);
    }

    #[test]
    fn writes_are_repeated_only_when_the_caller_says_so() {
        assert!(RetryPolicy::new().may_repeat(&Method::GET));
        assert!(!RetryPolicy::new().may_repeat(&Method::POST));
        assert!(!RetryPolicy::new().may_repeat(&Method::DELETE));
        assert!(RetryPolicy::new().retry_writes(true).may_repeat(&Method::PATCH));
    }
}
