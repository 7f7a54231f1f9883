//! The client: one `reqwest::Client` (connection pool, timeouts, rustls), the service root,
//! the auth hook, the retry policy and body limit, and the preferences sent with every read.
//! Requests are sent by `Client::execute` (transport.rs).

use std::sync::Arc;
use std::time::Duration;

use http::header::{ACCEPT, HeaderName, HeaderValue};
use odata_core::Page;
use odata_core::query::{Count, Query, Resource, ServiceRoot};
use odata_core::request::{
    BatchRequest, BatchResponse, Changes, DecodeError, ReadRequest, Readable, ResponseError, WriteRequest,
    read_response,
};
use odata_core::{ODataType, ODataVersion};
use serde::Serialize;

use crate::auth::{StaticToken, TokenProvider};
use crate::error::Error;
use crate::paging::Pages;
use crate::retry::RetryPolicy;

/// The default [`ClientBuilder::max_body_size`]: 64 MiB.
const DEFAULT_MAX_BODY_SIZE: u64 = 64 << 20;

/// An OData client for one service. Cheap to clone: clones share the connection pool.
///
/// [`with_retry`](Client::with_retry) and [`with_header`](Client::with_header) give a clone
/// that sends its requests with another retry policy or extra headers: settings per request.
#[derive(Clone)]
pub struct Client {
    inner: Arc<Inner>,
    /// The retry policy of this handle (the builder's, unless `with_retry` changed it).
    retry: RetryPolicy,
    /// The client's headers, then those added by `with_header`.
    headers: Arc<Vec<(HeaderName, HeaderValue)>>,
}

struct Inner {
    http: reqwest::Client,
    root: ServiceRoot,
    origin: url::Origin,
    auth: Option<Arc<dyn TokenProvider>>,
    max_page_size: Option<u32>,
    include_unknown_enum_members: bool,
    pub(crate) max_pages: Option<usize>,
    max_body_size: u64,
}

/// Settings for a [`Client`].
pub struct ClientBuilder {
    root: ServiceRoot,
    timeout: Duration,
    connect_timeout: Duration,
    read_timeout: Option<Duration>,
    tls: Option<rustls::ClientConfig>,
    http: Option<reqwest::Client>,
    retry: RetryPolicy,
    max_body_size: u64,
    auth: Option<Arc<dyn TokenProvider>>,
    max_page_size: Option<u32>,
    include_unknown_enum_members: bool,
    max_pages: Option<usize>,
    headers: Vec<(HeaderName, HeaderValue)>,
}

impl ClientBuilder {
    /// Defaults: 30 s per request, 10 s to connect, no read timeout but the request's, the
    /// [default retry policy](RetryPolicy::default), bodies up to 64 MiB, no auth, the service's
    /// page size, no cap on pages, TLS with the platform's roots.
    pub fn new(root: ServiceRoot) -> Self {
        ClientBuilder {
            root,
            timeout: Duration::from_secs(30),
            connect_timeout: Duration::from_secs(10),
            read_timeout: None,
            tls: None,
            http: None,
            retry: RetryPolicy::default(),
            max_body_size: DEFAULT_MAX_BODY_SIZE,
            auth: None,
            max_page_size: None,
            include_unknown_enum_members: false,
            max_pages: None,
            headers: Vec::new(),
        }
    }

    /// The time limit of one sending of a request, from connecting to the end of the body
    /// (each retry has its own; [`RetryPolicy::max_elapsed`] bounds them all).
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// The time limit for connecting.
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = timeout;
        self
    }

    /// The longest silence while reading a response (restarted by every piece that arrives).
    pub fn read_timeout(mut self, timeout: Duration) -> Self {
        self.read_timeout = Some(timeout);
        self
    }

    /// How requests are retried (see [`RetryPolicy`]); [`RetryPolicy::none`] sends each once.
    pub fn retry(mut self, policy: RetryPolicy) -> Self {
        self.retry = policy;
        self
    }

    /// The largest response body read, in bytes: a longer one fails with
    /// [`Error::BodyTooLarge`] as soon as it is announced or streamed past the limit.
    pub fn max_body_size(mut self, bytes: u64) -> Self {
        self.max_body_size = bytes;
        self
    }

    /// The TLS configuration: custom roots, client certificates, another crypto provider. By
    /// default the client uses rustls with the `ring` provider and the platform's verifier; it
    /// never installs a process-wide default provider.
    pub fn tls_config(mut self, config: rustls::ClientConfig) -> Self {
        self.tls = Some(config);
        self
    }

    /// Sends through this `reqwest::Client` (its TLS, proxy, pool and timeouts); the builder's
    /// timeouts and TLS settings are then not used.
    pub fn http_client(mut self, client: reqwest::Client) -> Self {
        self.http = Some(client);
        self
    }

    /// Asks `provider` for a bearer token before every sending of a request; after a `401`,
    /// once more if the provider can give another ([`TokenProvider::invalidate`]).
    pub fn auth(mut self, provider: impl TokenProvider + 'static) -> Self {
        self.auth = Some(Arc::new(provider));
        self
    }

    /// Sends this bearer token with every request.
    pub fn bearer_token(self, token: impl Into<String>) -> Self {
        self.auth(StaticToken::new(token))
    }

    /// `Prefer: odata.maxpagesize=N` on every read.
    pub fn max_page_size(mut self, n: u32) -> Self {
        self.max_page_size = Some(n);
        self
    }

    /// `Prefer: include-unknown-enum-members` on every read (Graph's evolvable enumerations).
    pub fn include_unknown_enum_members(mut self) -> Self {
        self.include_unknown_enum_members = true;
        self
    }

    /// Paging fails with [`Error::PageLimit`] rather than read more than `pages` pages.
    pub fn max_pages(mut self, pages: usize) -> Self {
        self.max_pages = Some(pages);
        self
    }

    /// A header sent with every request.
    pub fn header(mut self, name: HeaderName, value: HeaderValue) -> Self {
        self.headers.push((name, value));
        self
    }

    /// The client.
    pub fn build(self) -> Result<Client, Error> {
        let origin = url::Url::parse(self.root.url())
            .map(|url| url.origin())
            .map_err(|_| Error::InvalidServiceRoot(self.root.url().to_owned()))?;
        let http = match self.http {
            Some(http) => http,
            None => {
                // The TLS configuration is the client's own: no process-wide provider is
                // installed (a library must not change its host program's global state).
                let tls = match self.tls {
                    Some(tls) => tls,
                    None => default_tls()?,
                };
                let mut builder = reqwest::Client::builder()
                    .tls_backend_preconfigured(tls)
                    .timeout(self.timeout)
                    .connect_timeout(self.connect_timeout)
                    .user_agent(concat!("odata-rs/", env!("CARGO_PKG_VERSION")));
                if let Some(timeout) = self.read_timeout {
                    builder = builder.read_timeout(timeout);
                }
                builder.build()?
            }
        };
        Ok(Client {
            inner: Arc::new(Inner {
                http,
                root: self.root,
                origin,
                auth: self.auth,
                max_page_size: self.max_page_size,
                include_unknown_enum_members: self.include_unknown_enum_members,
                max_pages: self.max_pages,
                max_body_size: self.max_body_size,
            }),
            retry: self.retry,
            headers: Arc::new(self.headers),
        })
    }
}

/// rustls with the `ring` provider (aws-lc-rs, reqwest's default, needs cmake to build) and the
/// platform's certificate verifier.
pub(crate) fn default_tls() -> Result<rustls::ClientConfig, Error> {
    use rustls_platform_verifier::BuilderVerifierExt;
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    Ok(rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(Error::Tls)?
        .with_platform_verifier()
        .map_err(Error::Tls)?
        .with_no_client_auth())
}

impl Client {
    /// A client with the default settings.
    pub fn new(root: ServiceRoot) -> Result<Client, Error> {
        ClientBuilder::new(root).build()
    }

    /// A client with other settings.
    pub fn builder(root: ServiceRoot) -> ClientBuilder {
        ClientBuilder::new(root)
    }

    /// The service root.
    pub fn root(&self) -> &ServiceRoot {
        &self.inner.root
    }

    /// This client with another retry policy, for the requests sent through the clone (a write
    /// known to be safe to repeat: `client.with_retry(RetryPolicy::new().retry_writes(true))`).
    pub fn with_retry(&self, policy: RetryPolicy) -> Client {
        Client { retry: policy, ..self.clone() }
    }

    /// This client with one more header on the requests sent through the clone (a
    /// `ConsistencyLevel: eventual` for one Graph query). An invalid name or value is
    /// [`Error::Request`].
    pub fn with_header(&self, name: &str, value: &str) -> Result<Client, Error> {
        let name = HeaderName::try_from(name).map_err(http::Error::from)?;
        let value = HeaderValue::try_from(value).map_err(http::Error::from)?;
        let mut headers = Vec::clone(&self.headers);
        headers.push((name, value));
        Ok(Client { headers: Arc::new(headers), ..self.clone() })
    }

    /// The retry policy of the requests sent through this handle.
    pub fn retry_policy(&self) -> &RetryPolicy {
        &self.retry
    }

    /// Reads a resource with query options: an entity, or the first page of a collection
    /// (see [`Client::pages`] for all of them).
    pub async fn get<R: Readable>(&self, resource: &Resource<R>, query: &Query<R::Item>) -> Result<R::Response, Error> {
        self.send(&self.read_request::<R>(resource.url()).query(query)).await
    }

    /// `/$count` of the collection, with the query's `$filter` and `$search` (the other options
    /// do not apply to a count).
    pub async fn count<E>(&self, resource: &Resource<Vec<E>>, query: &Query<E>) -> Result<u64, Error> {
        let request = self.read_request::<Count<E>>(resource.clone().count().url()).query(&query.count_options());
        self.send(&request).await
    }

    /// Every page of the collection, following `@odata.nextLink` to the end.
    pub fn pages<E>(&self, resource: &Resource<Vec<E>>, query: &Query<E>) -> Pages<E>
    where
        Vec<E>: Readable<Item = E, Response = Page<E>>,
    {
        Pages::new(self.clone(), self.read_request(resource.url()).query(query))
    }

    /// Sends a write (`WriteRequest::create`, `update`, `replace`, `delete`): the entity when
    /// the service returned one, `None` for `204 No Content`; a stale or missing ETag comes back
    /// as `ResponseErrorKind::PreconditionFailed` / `PreconditionRequired`.
    pub async fn write<E: Readable<Response = E>>(&self, request: &WriteRequest<E>) -> Result<Option<E>, Error> {
        let response = self.execute(request.to_http()?).await?;
        Ok(request.read_response(response)?)
    }

    /// `POST` of a new entity (a deep insert when it holds expanded navigation properties); the
    /// entity as created.
    pub async fn create<E: Serialize + ODataType + Readable<Response = E>>(
        &self,
        collection: &Resource<Vec<E>>,
        value: &E,
    ) -> Result<Option<E>, Error> {
        self.write(&WriteRequest::create(collection, value, ODataVersion::V4_0)?).await
    }

    /// `PATCH` with the changes, applied only while the entity has `etag` (`None`: `If-Match: *`).
    ///
    /// The ETag is sent as the service gave it, a weak one (`W/"..."`) included: HTTP compares
    /// `If-Match` strongly, so a strict server answers `412` to a weak ETag, while OData
    /// services that issue weak ETags (Graph among them) compare them as they issued them. The
    /// client neither strips `W/` nor refuses the ETag.
    pub async fn update<E: Readable<Response = E>>(
        &self,
        resource: &Resource<E>,
        changes: &Changes<E>,
        etag: Option<&str>,
    ) -> Result<Option<E>, Error> {
        self.write(&WriteRequest::update(resource, changes)?.if_match_etag(etag)).await
    }

    /// `DELETE`, applied only while the entity has `etag` (`None`: `If-Match: *`); a weak ETag
    /// is sent as it is (see [`Client::update`]).
    pub async fn delete<E: Readable<Response = E>>(
        &self,
        resource: &Resource<E>,
        etag: Option<&str>,
    ) -> Result<(), Error> {
        self.write(&WriteRequest::delete(resource).if_match_etag(etag)).await.map(|_| ())
    }

    /// The service's metadata document as the service sends it: `GET <root>/$metadata` with
    /// `Accept: application/xml` (CSDL XML; read it with `odata_core::csdl::Document::parse_xml`).
    /// Kept as text, so that it can be saved as it is.
    pub async fn metadata(&self) -> Result<String, Error> {
        let request = http::Request::get(self.inner.root.metadata_url())
            .header(ACCEPT, "application/xml")
            .header("OData-MaxVersion", "4.01")
            .body(Vec::new())?;
        let response = self.execute(request).await?;
        let status = response.status();
        if !status.is_success() {
            return Err(Error::Response(ResponseError::from_response(&response)));
        }
        String::from_utf8(response.into_body()).map_err(|e| {
            Error::Response(ResponseError::decode(status, DecodeError::message(format!("$metadata is not UTF-8: {e}"))))
        })
    }

    /// Sends a JSON `$batch` and reads its responses (match them with `BatchResponse::get` or
    /// `in_order`). Typed writes go in with `BatchItem::from_write(&WriteRequest::create(..)?)`;
    /// each response body stays the JSON text the service sent until
    /// `BatchItemResponse::read::<T>()` decodes it, so decimals keep every digit.
    ///
    /// A `$batch` is a `POST`: the [`RetryPolicy`](crate::RetryPolicy) sends a throttled or
    /// unavailable one again only when every inner request is a read, or when writes may be
    /// retried.
    pub async fn batch(&self, batch: &BatchRequest) -> Result<BatchResponse, Error> {
        let mut request = batch.to_http().map_err(Error::Batch)?;
        // A batch of reads changes nothing: a throttled one may be sent again like a `GET`.
        if batch.items().iter().all(|item| crate::retry::is_safe(&item.method)) {
            request.extensions_mut().insert(crate::retry::SafeToRepeat);
        }
        let response = self.execute(request).await?;
        if !response.status().is_success() {
            return Err(Error::Response(ResponseError::from_response(&response)));
        }
        BatchResponse::parse(response.body()).map_err(Error::Batch)
    }

    /// Sends a prepared request as it is (with the auth header and the client's headers).
    pub async fn send<R: Readable>(&self, request: &ReadRequest<R>) -> Result<R::Response, Error> {
        let response = self.execute(request.to_http()?).await?;
        Ok(read_response::<R, _>(response)?)
    }

    /// A `GET` of `url` with the client's preferences.
    pub(crate) fn read_request<R: Readable>(&self, url: String) -> ReadRequest<R> {
        let mut request = ReadRequest::from_url(url);
        if let Some(n) = self.inner.max_page_size {
            request = request.max_page_size(n);
        }
        if self.inner.include_unknown_enum_members {
            request = request.include_unknown_enum_members();
        }
        request
    }

    pub(crate) fn origin(&self) -> &url::Origin {
        &self.inner.origin
    }

    pub(crate) fn max_pages(&self) -> Option<usize> {
        self.inner.max_pages
    }

    pub(crate) fn headers(&self) -> &[(HeaderName, HeaderValue)] {
        &self.headers
    }

    pub(crate) fn auth(&self) -> Option<&dyn TokenProvider> {
        self.inner.auth.as_deref()
    }

    pub(crate) fn http(&self) -> &reqwest::Client {
        &self.inner.http
    }

    pub(crate) fn max_body_size(&self) -> u64 {
        self.inner.max_body_size
    }
}

impl std::fmt::Debug for Client {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Client").field("root", &self.inner.root.url()).finish_non_exhaustive()
    }
}
