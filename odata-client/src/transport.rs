//! The one place where a request is sent and its body read: auth (and one new token after a
//! `401`), the client's and the request's headers, retries, the body size limit and the tracing
//! span. Everything the client sends (reads, pages, writes, `$batch`, `$metadata`) goes through
//! [`Client::execute`], so all of it gets the same behaviour.

use std::time::Instant;

use http::header::{AUTHORIZATION, HeaderValue};
use odata_core::request::RetryAfter;
use tracing::Instrument;
use tracing::field::Empty;

use crate::client::Client;
use crate::error::Error;
use crate::retry::is_retryable_status;

/// Graph's id of a request, quoted to its support.
const REQUEST_ID: &str = "request-id";

impl Client {
    /// Sends any `http::Request` with auth and the client's headers, retrying as the client's
    /// [`RetryPolicy`](crate::RetryPolicy) allows, and returns the whole response (any status).
    ///
    /// The body is read up to the client's [`max_body_size`](crate::ClientBuilder::max_body_size)
    /// ([`Error::BodyTooLarge`] beyond it). Each call is a `tracing` span `odata.request` (method,
    /// URL without user info, attempt, status, duration, Graph's `request-id`), and each retry
    /// an event in it; without a subscriber nothing is recorded. After a `401`, the request is
    /// sent once more with a new token when the provider can give one
    /// ([`TokenProvider::invalidate`](crate::TokenProvider::invalidate)).
    pub async fn execute(&self, request: http::Request<Vec<u8>>) -> Result<http::Response<Vec<u8>>, Error> {
        match self.transmit(request, BodyMode::Read).await? {
            Received::Read(response) => Ok(response),
            // (`transmit` answers in the mode it was asked for.)
            Received::Streaming(response) => self.read_body(response).await,
        }
    }

    /// As [`execute`](Self::execute), but the body is left unread once a final answer's head
    /// has arrived (retries are decided on the head): for reading a page item by item.
    pub(crate) async fn execute_streaming(&self, request: http::Request<Vec<u8>>) -> Result<reqwest::Response, Error> {
        match self.transmit(request, BodyMode::Stream).await? {
            Received::Streaming(response) => Ok(response),
            Received::Read(response) => Ok(reqwest::Response::from(response)),
        }
    }

    async fn transmit(&self, request: http::Request<Vec<u8>>, mode: BodyMode) -> Result<Received, Error> {
        let span = tracing::info_span!(
            "odata.request",
            method = %request.method(),
            url = %redact(request.uri()),
            attempt = Empty,
            status = Empty,
            duration_ms = Empty,
            request_id = Empty,
        );
        self.execute_with_retries(request, mode, span.clone()).instrument(span).await
    }

    async fn execute_with_retries(
        &self,
        request: http::Request<Vec<u8>>,
        mode: BodyMode,
        span: tracing::Span,
    ) -> Result<Received, Error> {
        let (parts, body) = request.into_parts();
        let policy = self.retry_policy();
        let repeatable = policy.may_repeat_request(&parts);
        let start = Instant::now();
        let mut attempt = 0u32;
        let mut signed_in_again = false;
        loop {
            attempt += 1;
            span.record("attempt", attempt);
            let mut request = http::Request::from_parts(parts.clone(), body.clone());
            let token = match self.auth() {
                Some(auth) => Some(auth.token().await.map_err(Error::Auth)?),
                None => None,
            };
            let result = self.attempt(&mut request, token.as_deref(), mode).await;
            span.record("duration_ms", start.elapsed().as_millis() as u64);
            let retry_after = match &result {
                Ok(response) => {
                    span.record("status", response.status().as_u16());
                    if let Some(id) = response.headers().get(REQUEST_ID).and_then(|v| v.to_str().ok()) {
                        span.record("request_id", id);
                    }
                    // A refused token (revoked, expired early): once, a fresh one and the same
                    // request again, whatever its method (a request refused for its credentials
                    // was not carried out). A second 401 is the answer.
                    if response.status() == http::StatusCode::UNAUTHORIZED
                        && !signed_in_again
                        && let (Some(auth), Some(token)) = (self.auth(), &token)
                        && auth.invalidate(token)
                    {
                        signed_in_again = true;
                        tracing::info!(attempt, "401 Unauthorized: sending again with a new token");
                        continue;
                    }
                    if !is_retryable_status(response.status()) {
                        return result;
                    }
                    response
                        .headers()
                        .get(http::header::RETRY_AFTER)
                        .and_then(|v| v.to_str().ok())
                        .and_then(RetryAfter::parse)
                }
                // Only failures where the service may not have seen the request, or a read that
                // did not complete in time; everything else is final.
                Err(Error::Transport(error)) if error.is_connect() || error.is_timeout() => None,
                Err(_) => return result,
            };
            if !repeatable || !policy.has_attempts_left(attempt) {
                return result;
            }
            let Some(wait) = policy.wait(attempt, retry_after, start.elapsed()) else {
                return result;
            };
            match &result {
                Ok(response) => tracing::warn!(
                    attempt,
                    status = response.status().as_u16(),
                    wait_ms = wait.as_millis() as u64,
                    retry_after = retry_after.is_some(),
                    "retrying"
                ),
                Err(error) => tracing::warn!(
                    attempt,
                    error = %error,
                    cause = error_source(error),
                    wait_ms = wait.as_millis() as u64,
                    "retrying"
                ),
            }
            tokio::time::sleep(wait).await;
        }
    }

    /// One sending: headers, the bearer token, the response head, and (to read) the body within
    /// the size limit.
    async fn attempt(
        &self,
        request: &mut http::Request<Vec<u8>>,
        token: Option<&str>,
        mode: BodyMode,
    ) -> Result<Received, Error> {
        for (name, value) in self.headers() {
            request.headers_mut().append(name, value.clone());
        }
        if let Some(token) = token {
            let mut value = HeaderValue::try_from(format!("Bearer {token}"))
                .map_err(|_| Error::Auth("the token is not a valid header value".into()))?;
            value.set_sensitive(true);
            request.headers_mut().insert(AUTHORIZATION, value);
        }
        let request = reqwest::Request::try_from(std::mem::take(request))?;
        let response = self.http().execute(request).await?;
        match mode {
            BodyMode::Read => Ok(Received::Read(self.read_body(response).await?)),
            BodyMode::Stream => Ok(Received::Streaming(response)),
        }
    }

    /// The whole body, refused beyond the size limit: early when the service announces too
    /// much, counted while it streams otherwise.
    pub(crate) async fn read_body(&self, mut response: reqwest::Response) -> Result<http::Response<Vec<u8>>, Error> {
        let mut builder = http::Response::builder().status(response.status()).version(response.version());
        if let Some(headers) = builder.headers_mut() {
            headers.extend(response.headers().iter().map(|(k, v)| (k.clone(), v.clone())));
        }
        let limit = self.max_body_size();
        if response.content_length().is_some_and(|length| length > limit) {
            return Err(Error::BodyTooLarge { limit });
        }
        let mut body = Vec::new();
        while let Some(chunk) = response.chunk().await? {
            if (body.len() + chunk.len()) as u64 > limit {
                return Err(Error::BodyTooLarge { limit });
            }
            body.extend_from_slice(&chunk);
        }
        Ok(builder.body(body)?)
    }
}

/// Whether an attempt reads the body or leaves it to the caller.
#[derive(Clone, Copy)]
enum BodyMode {
    Read,
    Stream,
}

/// An attempt's answer, in its [`BodyMode`].
enum Received {
    Read(http::Response<Vec<u8>>),
    Streaming(reqwest::Response),
}

impl Received {
    fn status(&self) -> http::StatusCode {
        match self {
            Received::Read(response) => response.status(),
            Received::Streaming(response) => response.status(),
        }
    }

    fn headers(&self) -> &http::HeaderMap {
        match self {
            Received::Read(response) => response.headers(),
            Received::Streaming(response) => response.headers(),
        }
    }
}

/// The URL as logged: without user name and password (the query is kept: OData puts the
/// request's options there, not secrets).
fn redact(uri: &http::Uri) -> String {
    match url::Url::parse(&uri.to_string()) {
        Ok(mut url) => {
            let _ = url.set_username("");
            let _ = url.set_password(None);
            url.to_string()
        }
        Err(_) => uri.path().to_owned(),
    }
}

/// The cause of a transport error, for the retry event.
fn error_source(error: &Error) -> String {
    std::error::Error::source(error).map(|e| e.to_string()).unwrap_or_default()
}
