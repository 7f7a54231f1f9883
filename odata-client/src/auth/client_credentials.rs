//! Sign-in with the OAuth 2.0 client credentials grant (RFC 6749 section 4.4), as Microsoft
//! identity platform uses it for daemons: one form `POST` to the token endpoint with the client
//! id and a secret (or a signed assertion), answered by a bearer token and its lifetime.
//!
//! Written by hand rather than with the `oauth2` crate: the grant is one request and a JSON
//! answer of three members, while `oauth2` 5 would bring 22 crates into the client's build
//! (among them a second `syn`, `base64` and `rand` of older major versions, `chrono`, `sha2`),
//! for flows (authorization code, PKCE, device) that a daemon does not use. What matters here,
//! the cache, single flight and the `401` rule, is ours either way.

use std::sync::Arc;
use std::time::{Duration, Instant};

use http::header::{ACCEPT, CONTENT_TYPE};
use tracing::Instrument;
use tracing::field::Empty;

use super::cache::{Token, TokenCache};
use super::sign_in_error::{OAuthError, SignInError};
use super::{TokenFuture, TokenProvider};
use crate::error::{BoxError, Error};

/// Microsoft's sign-in host for the global cloud.
const MICROSOFT_LOGIN: &str = "https://login.microsoftonline.com";
/// The scope of an application's Graph permissions (those granted to it, all at once).
const GRAPH_SCOPE: &str = "https://graph.microsoft.com/.default";
/// `client_assertion_type` of a signed JWT (RFC 7523).
const JWT_BEARER: &str = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
/// The longest answer read from a token endpoint (a token is a few kilobytes).
const MAX_ANSWER: usize = 64 * 1024;

/// A [`TokenProvider`] that signs in as an application with the OAuth 2.0 client credentials
/// grant, caches the token, and asks for a new one shortly before it expires.
///
/// - The token is reused until less than the [refresh margin](ClientCredentialsBuilder::refresh_margin)
///   of its lifetime (`expires_in`) remains: 5 minutes by default, half the lifetime for tokens
///   that live shorter than 10 minutes. A failed early refresh falls back on the token while it
///   has not expired. A token answered without `expires_in` is used until the service refuses it.
/// - Requests that find the token stale at the same time share one token request.
/// - A `401` from the service drops the token it refused: the client signs in again and sends
///   the request once more.
/// - A failure is a [`SignInError`] (the endpoint's `error`, `error_description` with
///   Microsoft's `AADSTS` code, `trace_id`), inside [`Error::Auth`].
/// - Each token request is a `tracing` span `odata.sign_in` (token URL, client id, status,
///   `expires_in`); neither the secret nor a token is ever recorded or printed (`Debug`
///   included).
///
/// Clones share the cache. Behind the `client-credentials` feature.
///
/// ```no_run
/// use odata_client::{Client, ClientCredentials, Error};
/// use odata_core::query::ServiceRoot;
///
/// # fn run(tenant: &str, client_id: &str, secret: String) -> Result<(), Error> {
/// let credentials = ClientCredentials::microsoft_graph(tenant, client_id).client_secret(secret).build()?;
/// let client = Client::builder(ServiceRoot::graph_v1()).auth(credentials).build()?;
/// # Ok(()) }
/// ```
#[derive(Clone)]
pub struct ClientCredentials {
    inner: Arc<Inner>,
}

struct Inner {
    token_url: String,
    client_id: String,
    scope: String,
    credential: Credential,
    margin: Option<Duration>,
    http: reqwest::Client,
    cache: TokenCache,
}

/// How the application proves who it is.
enum Credential {
    Secret(String),
    Assertion(String),
}

// Never print the secret or the assertion.
impl std::fmt::Debug for Credential {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Credential::Secret(_) => "client_secret(..)",
            Credential::Assertion(_) => "client_assertion(..)",
        })
    }
}

impl ClientCredentials {
    /// Settings for Microsoft Graph as the application `client_id` of `tenant` (its id, or a
    /// domain such as `contoso.onmicrosoft.com`): the token endpoint
    /// `https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token` and the scope
    /// `https://graph.microsoft.com/.default`. Add the secret or assertion, then
    /// [`build`](ClientCredentialsBuilder::build).
    pub fn microsoft_graph(tenant: &str, client_id: impl Into<String>) -> ClientCredentialsBuilder {
        let mut builder =
            ClientCredentials::builder(format!("{MICROSOFT_LOGIN}/{tenant}/oauth2/v2.0/token"), client_id);
        builder.tenant = Some(tenant.to_owned());
        builder.scope(GRAPH_SCOPE)
    }

    /// Settings for any OAuth 2.0 token endpoint (another cloud's, a test server's). Add the
    /// scope, the secret or assertion, then [`build`](ClientCredentialsBuilder::build).
    pub fn builder(token_url: impl Into<String>, client_id: impl Into<String>) -> ClientCredentialsBuilder {
        ClientCredentialsBuilder {
            token_url: token_url.into(),
            tenant: None,
            client_id: client_id.into(),
            scope: None,
            credential: None,
            margin: None,
            timeout: Duration::from_secs(30),
            tls: None,
            http: None,
        }
    }

    /// The token endpoint.
    pub fn token_url(&self) -> &str {
        &self.inner.token_url
    }

    /// The application (client) id.
    pub fn client_id(&self) -> &str {
        &self.inner.client_id
    }

    /// The scope asked for.
    pub fn scope(&self) -> &str {
        &self.inner.scope
    }
}

impl std::fmt::Debug for ClientCredentials {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ClientCredentials")
            .field("token_url", &self.inner.token_url)
            .field("client_id", &self.inner.client_id)
            .field("scope", &self.inner.scope)
            .field("credential", &self.inner.credential)
            .finish_non_exhaustive()
    }
}

impl TokenProvider for ClientCredentials {
    fn token(&self) -> TokenFuture<'_> {
        Box::pin(async move {
            let inner = &*self.inner;
            inner.cache.get(|| request_token(inner)).await.map_err(|error| Box::new(error) as BoxError)
        })
    }

    fn invalidate(&self, rejected: &str) -> bool {
        self.inner.cache.invalidate(rejected);
        true
    }
}

/// Settings for [`ClientCredentials`].
#[derive(Debug)]
pub struct ClientCredentialsBuilder {
    token_url: String,
    /// Set by `microsoft_graph`: checked by `build`, as it is a part of the token URL.
    tenant: Option<String>,
    client_id: String,
    scope: Option<String>,
    credential: Option<Credential>,
    margin: Option<Duration>,
    timeout: Duration,
    tls: Option<rustls::ClientConfig>,
    http: Option<reqwest::Client>,
}

impl ClientCredentialsBuilder {
    /// Signs in with a client secret (`client_secret` in the form).
    pub fn client_secret(mut self, secret: impl Into<String>) -> Self {
        self.credential = Some(Credential::Secret(secret.into()));
        self
    }

    /// Signs in with a client assertion: a JWT signed with the application's certificate,
    /// made by the caller (`client_assertion_type` JWT bearer, RFC 7523). The same assertion is
    /// sent with every token request, so it must stay valid as long as the provider is used.
    pub fn client_assertion(mut self, assertion: impl Into<String>) -> Self {
        self.credential = Some(Credential::Assertion(assertion.into()));
        self
    }

    /// The scope asked for (space-separated scopes, as the endpoint takes them).
    pub fn scope(mut self, scope: impl Into<String>) -> Self {
        self.scope = Some(scope.into());
        self
    }

    /// A new token is asked for once less than `margin` of the token's lifetime remains (at most
    /// the whole lifetime). Default: 5 minutes, or half the lifetime of a token that lives
    /// shorter than 10 minutes.
    pub fn refresh_margin(mut self, margin: Duration) -> Self {
        self.margin = Some(margin);
        self
    }

    /// The time limit of one token request (default 30 s).
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// The TLS configuration of the token requests; by default rustls with the `ring` provider
    /// and the platform's verifier, as the [`Client`](crate::Client)'s (no process-wide state).
    pub fn tls_config(mut self, config: rustls::ClientConfig) -> Self {
        self.tls = Some(config);
        self
    }

    /// Sends the token requests through this `reqwest::Client` (its TLS, proxy and timeouts);
    /// the builder's timeout and TLS settings are then not used.
    pub fn http_client(mut self, client: reqwest::Client) -> Self {
        self.http = Some(client);
        self
    }

    /// The provider. Fails with a [`SignInError::InvalidSettings`] (in [`Error::Auth`]) without a
    /// secret or assertion or a scope, for a tenant that is not an id or a domain, and for a
    /// token URL that is not `https` (plain `http` only to a loopback address, for tests).
    pub fn build(self) -> Result<ClientCredentials, Error> {
        let invalid = |reason: String| Error::Auth(Box::new(SignInError::InvalidSettings(reason)));
        if let Some(tenant) = &self.tenant {
            let allowed = |c: char| c.is_ascii_alphanumeric() || c == '-' || c == '.';
            if tenant.is_empty() || !tenant.chars().all(allowed) {
                return Err(invalid(format!("the tenant `{tenant}` is neither a tenant id nor a domain")));
            }
        }
        check_token_url(&self.token_url)
            .map_err(|reason| invalid(format!("the token URL `{}` {reason}", self.token_url)))?;
        let Some(credential) = self.credential else {
            return Err(invalid("no client secret and no client assertion".to_owned()));
        };
        let Some(scope) = self.scope else {
            return Err(invalid("no scope".to_owned()));
        };
        let http = match self.http {
            Some(http) => http,
            None => {
                let tls = match self.tls {
                    Some(tls) => tls,
                    None => crate::client::default_tls()?,
                };
                reqwest::Client::builder()
                    .tls_backend_preconfigured(tls)
                    .timeout(self.timeout)
                    .user_agent(concat!("odata-rs/", env!("CARGO_PKG_VERSION")))
                    .build()?
            }
        };
        Ok(ClientCredentials {
            inner: Arc::new(Inner {
                token_url: self.token_url,
                client_id: self.client_id,
                scope,
                credential,
                margin: self.margin,
                http,
                cache: TokenCache::default(),
            }),
        })
    }
}

/// `https`, or `http` to a loopback address: the secret travels in the request's body.
fn check_token_url(token_url: &str) -> Result<(), &'static str> {
    let url = url::Url::parse(token_url).map_err(|_| "is not an absolute URL")?;
    let loopback = match url.host() {
        Some(url::Host::Domain(domain)) => domain == "localhost",
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        None => false,
    };
    match url.scheme() {
        "https" => Ok(()),
        "http" if loopback => Ok(()),
        _ => Err("is not https (the secret would travel in clear)"),
    }
}

/// One token request, as a `tracing` span.
async fn request_token(inner: &Inner) -> Result<Token, SignInError> {
    let span = tracing::info_span!(
        "odata.sign_in",
        endpoint = %inner.token_url,
        client_id = %inner.client_id,
        status = Empty,
        expires_in = Empty,
    );
    let result = send(inner, &span).instrument(span.clone()).await;
    if let Err(error) = &result {
        span.in_scope(|| tracing::warn!(error = %error, "sign-in failed"));
    }
    result
}

async fn send(inner: &Inner, span: &tracing::Span) -> Result<Token, SignInError> {
    let endpoint = || inner.token_url.clone();
    let unreachable =
        |error: reqwest::Error| SignInError::Unreachable { endpoint: endpoint(), source: Arc::new(error) };
    let form = form(inner);
    // The lifetime counts from before the request: the token cannot be older than that.
    let requested = Instant::now();
    let mut response = inner
        .http
        .post(&inner.token_url)
        .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(ACCEPT, "application/json")
        .body(form)
        .send()
        .await
        .map_err(unreachable)?;
    let status = response.status();
    span.record("status", status.as_u16());
    let invalid = |reason: String| SignInError::InvalidResponse { endpoint: endpoint(), status, reason };
    let mut body = Vec::new();
    while let Some(chunk) = response.chunk().await.map_err(unreachable)? {
        if body.len() + chunk.len() > MAX_ANSWER {
            return Err(invalid(format!("the answer is longer than {MAX_ANSWER} bytes")));
        }
        body.extend_from_slice(&chunk);
    }
    let json = serde_json::from_slice::<serde_json::Value>(&body).ok();
    if !status.is_success() {
        return Err(match json.as_ref().and_then(OAuthError::from_json) {
            Some(error) => SignInError::Refused { endpoint: endpoint(), status, error },
            None => invalid(format!("not an OAuth error: {}", excerpt(&body))),
        });
    }
    let Some(json) = json else {
        return Err(invalid(format!("not JSON: {}", excerpt(&body))));
    };
    let Some(access_token) = json.get("access_token").and_then(|v| v.as_str()) else {
        return Err(invalid("no `access_token`".to_owned()));
    };
    match json.get("token_type").and_then(|v| v.as_str()) {
        Some(kind) if kind.eq_ignore_ascii_case("bearer") => {}
        Some(kind) => return Err(invalid(format!("the token type is `{kind}`, not `Bearer`"))),
        None => return Err(invalid("no `token_type`".to_owned())),
    }
    // A number; Azure AD v1 endpoints and some others send it as a string.
    let expires_in = match json.get("expires_in") {
        None => None,
        Some(value) => match value.as_u64().or_else(|| value.as_str().and_then(|s| s.parse().ok())) {
            Some(seconds) => Some(seconds),
            None => return Err(invalid(format!("`expires_in` is not a number of seconds: {value}"))),
        },
    };
    if let Some(seconds) = expires_in {
        span.record("expires_in", seconds);
    }
    Ok(Token::new(access_token.to_owned(), requested, expires_in.map(Duration::from_secs), inner.margin))
}

/// The body of a token request (RFC 6749 section 4.4.2; the credential as section 2.3.1 or
/// RFC 7523 say).
fn form(inner: &Inner) -> String {
    let mut form = url::form_urlencoded::Serializer::new(String::new());
    form.append_pair("grant_type", "client_credentials").append_pair("client_id", &inner.client_id);
    match &inner.credential {
        Credential::Secret(secret) => form.append_pair("client_secret", secret),
        Credential::Assertion(assertion) => {
            form.append_pair("client_assertion_type", JWT_BEARER).append_pair("client_assertion", assertion)
        }
    };
    form.append_pair("scope", &inner.scope).finish()
}

/// The start of an answer that is not what was expected, for the error.
fn excerpt(body: &[u8]) -> String {
    let text = String::from_utf8_lossy(body);
    let mut end = text.len().min(200);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let more = if end < text.len() { "..." } else { "" };
    format!("`{}{more}`", &text[..end])
}
