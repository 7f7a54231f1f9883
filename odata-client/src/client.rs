//! The client: one `reqwest::Client` (connection pool, timeouts, rustls), the service root,
//! the auth hook, and the preferences sent with every read.

use std::sync::Arc;
use std::time::Duration;

use http::header::{ACCEPT, AUTHORIZATION, HeaderName, HeaderValue};
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

/// An OData client for one service. Cheap to clone: clones share the connection pool.
#[derive(Clone)]
pub struct Client {
    inner: Arc<Inner>,
}

struct Inner {
    http: reqwest::Client,
    root: ServiceRoot,
    origin: url::Origin,
    auth: Option<Arc<dyn TokenProvider>>,
    max_page_size: Option<u32>,
    include_unknown_enum_members: bool,
    pub(crate) max_pages: Option<usize>,
    headers: Vec<(HeaderName, HeaderValue)>,
}

/// Settings for a [`Client`].
pub struct ClientBuilder {
    root: ServiceRoot,
    timeout: Duration,
    connect_timeout: Duration,
    auth: Option<Arc<dyn TokenProvider>>,
    max_page_size: Option<u32>,
    include_unknown_enum_members: bool,
    max_pages: Option<usize>,
    headers: Vec<(HeaderName, HeaderValue)>,
}

impl ClientBuilder {
    /// Defaults: 30 s per request, 10 s to connect, no auth, the service's page size, no cap on
    /// pages.
    pub fn new(root: ServiceRoot) -> Self {
        ClientBuilder {
            root,
            timeout: Duration::from_secs(30),
            connect_timeout: Duration::from_secs(10),
            auth: None,
            max_page_size: None,
            include_unknown_enum_members: false,
            max_pages: None,
            headers: Vec::new(),
        }
    }

    /// The time limit of one request, from connecting to the end of the body.
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// The time limit for connecting.
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = timeout;
        self
    }

    /// Asks `provider` for a bearer token before every request.
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
        // reqwest is built without a default TLS provider: install `ring` (aws-lc-rs, the
        // default, needs cmake). Another provider installed by the application wins.
        let _ = rustls::crypto::ring::default_provider().install_default();
        let http = reqwest::Client::builder()
            .timeout(self.timeout)
            .connect_timeout(self.connect_timeout)
            .user_agent(concat!("odata-rs/", env!("CARGO_PKG_VERSION")))
            .build()?;
        let origin = url::Url::parse(self.root.url()).map(|url| url.origin()).map_err(|_| Error::InvalidNextLink {
            link: self.root.url().to_owned(),
            reason: "the service root is not a URL",
        })?;
        Ok(Client {
            inner: Arc::new(Inner {
                http,
                root: self.root,
                origin,
                auth: self.auth,
                max_page_size: self.max_page_size,
                include_unknown_enum_members: self.include_unknown_enum_members,
                max_pages: self.max_pages,
                headers: self.headers,
            }),
        })
    }
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
    pub async fn update<E: Readable<Response = E>>(
        &self,
        resource: &Resource<E>,
        changes: &Changes<E>,
        etag: Option<&str>,
    ) -> Result<Option<E>, Error> {
        self.write(&WriteRequest::update(resource, changes)?.if_match_etag(etag)).await
    }

    /// `DELETE`, applied only while the entity has `etag` (`None`: `If-Match: *`).
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
    pub async fn batch(&self, batch: &BatchRequest) -> Result<BatchResponse, Error> {
        let response = self.execute(batch.to_http().map_err(Error::Batch)?).await?;
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

    /// Sends any `http::Request`, with auth and the client's headers, and returns the whole
    /// response.
    pub async fn execute(&self, mut request: http::Request<Vec<u8>>) -> Result<http::Response<Vec<u8>>, Error> {
        for (name, value) in &self.inner.headers {
            request.headers_mut().append(name, value.clone());
        }
        if let Some(auth) = &self.inner.auth {
            let token = auth.token().await.map_err(Error::Auth)?;
            let mut value = HeaderValue::try_from(format!("Bearer {token}"))
                .map_err(|_| Error::Auth("the token is not a valid header value".into()))?;
            value.set_sensitive(true);
            request.headers_mut().insert(AUTHORIZATION, value);
        }
        let request = reqwest::Request::try_from(request)?;
        let response = self.inner.http.execute(request).await?;
        let mut builder = http::Response::builder().status(response.status()).version(response.version());
        if let Some(headers) = builder.headers_mut() {
            headers.extend(response.headers().iter().map(|(k, v)| (k.clone(), v.clone())));
        }
        let body = response.bytes().await?;
        Ok(builder.body(body.to_vec())?)
    }
}

impl std::fmt::Debug for Client {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Client").field("root", &self.inner.root.url()).finish_non_exhaustive()
    }
}
