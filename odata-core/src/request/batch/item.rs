//! [`BatchItem`]: one request of a batch, and how a typed [`WriteRequest`] becomes one.

use http::header::{CONTENT_TYPE, HeaderName, HeaderValue};
use http::{HeaderMap, Method};
use serde::Serialize;

use super::{BatchError, RawJson};
use crate::request::{ODATA_MAX_VERSION, ODATA_VERSION, WriteRequest};

/// One request of a [`BatchRequest`](super::BatchRequest).
#[derive(Debug, Clone, PartialEq)]
pub struct BatchItem {
    /// The request identifier; [`BatchRequest::add`](super::BatchRequest::add) numbers the item (`"1"`, `"2"`, ...) when unset.
    pub id: Option<String>,
    /// `GET`, `POST`, `PUT`, `PATCH` or `DELETE`, the methods a JSON batch allows.
    pub method: Method,
    /// The URL: relative to the service root (`People('A')`, `$1/Friends`), an absolute path
    /// (`/odata/People`), or an absolute URL, which is made relative when it starts with the root.
    pub url: String,
    /// The request's own headers (`prefer`, `if-match`). `content-type: application/json` is
    /// added for a body unless set here.
    pub headers: HeaderMap,
    /// The body, as the JSON text that is sent: JSON for a JSON media type, a JSON string for a
    /// `text/*` one ([`BatchItem::text_body`]). `None` (or JSON `null`) for no body; `GET` and
    /// `DELETE` take none.
    pub body: Option<RawJson>,
    /// Requests and atomicity groups of earlier items this one waits for. The item a `$<id>` URL
    /// names is added on the wire when missing, as the format requires.
    pub depends_on: Vec<String>,
    /// The atomicity group: its items succeed or fail together, and must be adjacent.
    pub atomicity_group: Option<String>,
}

impl BatchItem {
    /// A request with the method and URL, without a body.
    pub fn new(method: Method, url: impl Into<String>) -> Self {
        BatchItem {
            id: None,
            method,
            url: url.into(),
            headers: HeaderMap::new(),
            body: None,
            depends_on: Vec::new(),
            atomicity_group: None,
        }
    }

    /// A `GET`.
    pub fn get(url: impl Into<String>) -> Self {
        BatchItem::new(Method::GET, url)
    }

    /// A `POST` with a JSON body (create an entity, invoke an action): a `serde_json::Value`
    /// (`json!({...})`, encoded once; its numbers are what the `Value` holds) or the exact text
    /// ([`RawJson`], a `Box<RawValue>`).
    pub fn post(url: impl Into<String>, body: impl Into<RawJson>) -> Self {
        BatchItem::new(Method::POST, url).body(body)
    }

    /// A `PATCH` with a JSON body (update an entity), as for [`BatchItem::post`].
    pub fn patch(url: impl Into<String>, body: impl Into<RawJson>) -> Self {
        BatchItem::new(Method::PATCH, url).body(body)
    }

    /// A `PUT` with a JSON body (replace an entity or a property), as for [`BatchItem::post`].
    pub fn put(url: impl Into<String>, body: impl Into<RawJson>) -> Self {
        BatchItem::new(Method::PUT, url).body(body)
    }

    /// A `POST` of a Rust value (an entity, an action's parameters), encoded as a request body
    /// ([`RawJson::request_body`]: no response-only control information, decimals exact).
    /// Read-only properties are sent as they are set: for a create that leaves them out, use
    /// [`BatchItem::from_write`] with [`WriteRequest::create`].
    pub fn post_value<T: Serialize + ?Sized>(url: impl Into<String>, value: &T) -> serde_json::Result<Self> {
        Ok(BatchItem::new(Method::POST, url).body(RawJson::request_body(value)?))
    }

    /// A `PATCH` of a Rust value, encoded as for [`BatchItem::post_value`] (every property that
    /// is set is sent: for the changed ones only, use [`WriteRequest::update`]).
    pub fn patch_value<T: Serialize + ?Sized>(url: impl Into<String>, value: &T) -> serde_json::Result<Self> {
        Ok(BatchItem::new(Method::PATCH, url).body(RawJson::request_body(value)?))
    }

    /// A `PUT` of a Rust value, encoded as for [`BatchItem::post_value`].
    pub fn put_value<T: Serialize + ?Sized>(url: impl Into<String>, value: &T) -> serde_json::Result<Self> {
        Ok(BatchItem::new(Method::PUT, url).body(RawJson::request_body(value)?))
    }

    /// A `DELETE`.
    pub fn delete(url: impl Into<String>) -> Self {
        BatchItem::new(Method::DELETE, url)
    }

    /// Sets the request identifier.
    pub fn id(mut self, id: impl Into<String>) -> Self {
        self.id = Some(id.into());
        self
    }

    /// Adds a header.
    pub fn header(mut self, name: HeaderName, value: HeaderValue) -> Self {
        self.headers.append(name, value);
        self
    }

    /// Sets the body: a `serde_json::Value` or the exact text ([`RawJson`], a `Box<RawValue>`).
    pub fn body(mut self, body: impl Into<RawJson>) -> Self {
        self.body = Some(body.into());
        self
    }

    /// Sets the body from JSON bytes (a body serialized elsewhere), kept exactly as they are;
    /// fails when they are not JSON.
    pub fn body_bytes(mut self, bytes: &[u8]) -> Result<Self, serde_json::Error> {
        self.body = Some(RawJson::from_slice(bytes)?);
        Ok(self)
    }

    /// Sets a text body (a JSON string on the wire) with `content-type: text/plain`, unless a
    /// content type is set already.
    pub fn text_body(mut self, text: &str) -> Self {
        if !self.headers.contains_key(CONTENT_TYPE) {
            self.headers.insert(CONTENT_TYPE, HeaderValue::from_static("text/plain"));
        }
        self.body = Some(RawJson::text(text));
        self
    }

    /// Waits for an earlier request or atomicity group.
    pub fn depends_on(mut self, id: impl Into<String>) -> Self {
        self.depends_on.push(id.into());
        self
    }

    /// Puts the item in an atomicity group.
    pub fn atomicity_group(mut self, group: impl Into<String>) -> Self {
        self.atomicity_group = Some(group.into());
        self
    }

    /// The item for a typed write ([`WriteRequest::create`], [`WriteRequest::update`],
    /// [`WriteRequest::replace`], [`WriteRequest::delete`]): its method, its URL (made relative
    /// to the service root by [`BatchRequest::add`](super::BatchRequest::add)), its headers (`If-Match`, `Prefer`,
    /// `Content-Type`, `Accept` and any added) and its body bytes exactly as the write encoded
    /// them, so the body carries no response-only control information and keeps `@odata.type`
    /// and binds. `OData-Version` and `OData-MaxVersion` are left out: the batch request
    /// declares the version for all its items.
    ///
    /// An error ([`BatchError::Request`]) when the write's URL or body cannot be sent.
    pub fn from_write<E>(write: &WriteRequest<E>) -> Result<Self, BatchError> {
        let failed = |message: String| BatchError::Request {
            message: format!("{} {} cannot go into a batch: {message}", write.method(), write.url()),
        };
        let http = write.to_http().map_err(|e| failed(e.to_string()))?;
        let mut item = BatchItem::new(write.method().clone(), write.url());
        for (name, value) in http.headers() {
            if name != ODATA_VERSION && name != ODATA_MAX_VERSION {
                item.headers.append(name, value.clone());
            }
        }
        if let Some(body) = write.body() {
            item.body = Some(RawJson::from_slice(body).map_err(|e| failed(format!("the body is not JSON: {e}")))?);
        }
        Ok(item)
    }
}

impl<E> TryFrom<&WriteRequest<E>> for BatchItem {
    type Error = BatchError;

    /// [`BatchItem::from_write`].
    fn try_from(write: &WriteRequest<E>) -> Result<Self, BatchError> {
        BatchItem::from_write(write)
    }
}

impl<E> TryFrom<WriteRequest<E>> for BatchItem {
    type Error = BatchError;

    /// [`BatchItem::from_write`].
    fn try_from(write: WriteRequest<E>) -> Result<Self, BatchError> {
        BatchItem::from_write(&write)
    }
}
