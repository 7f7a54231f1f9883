//! Requests and responses, independent of any HTTP client: build an [`http::Request`] for a
//! typed [`Resource`], send it with whatever client you use, and read the [`http::Response`]
//! into the typed value or a [`ResponseError`] with the HTTP status.
//!
//! ```
//! use odata_core::query::{Query, ServiceRoot};
//! use odata_core::request::ReadRequest;
//! # use odata_core::{AdditionalData, ODataEntity, Page};
//! # #[derive(ODataEntity, Debug, Clone, Default, PartialEq)]
//! # #[odata(type = "ns.person", key_property = "id")]
//! # pub struct Person { pub id: Option<String>, pub name: Option<String>, pub additional_data: AdditionalData }
//!
//! let people = ServiceRoot::new("https://example.com/odata")?.entity_set::<Person>("People");
//! let request = ReadRequest::new(&people)
//!     .query(&Query::new().filter(Person::NAME.starts_with("A")).top(10))
//!     .max_page_size(50);
//! let http = request.to_http()?;
//! assert_eq!(http.uri(), "https://example.com/odata/People?$filter=startswith(name,'A')&$top=10");
//! assert_eq!(http.headers()["prefer"], "odata.maxpagesize=50");
//!
//! // ... send `http` with any client, then:
//! let response = http::Response::builder().status(200).body(br#"{"value":[{"id":"1","name":"Ann"}]}"#.to_vec())?;
//! let page: Page<Person> = request.read_response(response)?;
//! assert_eq!(page.value[0].name.as_deref(), Some("Ann"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod batch;
mod changes;
mod error;
mod members;
mod shape;
mod write;

use std::borrow::Cow;
use std::marker::PhantomData;

use http::header::{ACCEPT, HeaderName, HeaderValue};
use http::{HeaderMap, Method, StatusCode};

use crate::query::{Count, MediaStream, Query, Resource};
use serde::de::DeserializeOwned;

use crate::{EdmType, ODataStructured, Page};

pub use batch::{BatchError, BatchItem, BatchItemResponse, BatchRequest, BatchResponse, RawJson};
pub use changes::{ChangeError, Changes};
pub use error::{DecodeError, ResponseError, ResponseErrorKind, ResponseHeaders, RetryAfter, ServiceError};
pub use shape::Shape;
pub use write::WriteRequest;

/// `OData-Version`, the version of the request.
pub const ODATA_VERSION: HeaderName = HeaderName::from_static("odata-version");
/// `OData-MaxVersion`, the highest version the client accepts in the response.
pub const ODATA_MAX_VERSION: HeaderName = HeaderName::from_static("odata-maxversion");
/// `Prefer`.
pub const PREFER: HeaderName = HeaderName::from_static("prefer");

/// What a [`Resource`] holds, as a response reads it: a single structured value, a page of a
/// collection, or a `$count`.
pub trait Readable {
    /// The type the query options are over.
    type Item;
    /// What one response holds.
    type Response;

    /// The `Accept` header for it.
    const ACCEPT: &'static str = "application/json;odata.metadata=minimal";

    /// Reads a success response's body.
    fn read(body: &[u8]) -> Result<Self::Response, ReadError>;

    /// Keeps the response's `ETag` header with a single entity that has no `@odata.etag` of its
    /// own, so that updates can send it back in `If-Match`.
    fn keep_etag(_response: &mut Self::Response, _etag: &str) {}
}

/// Why a success response's body is not the value asked for.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum ReadError {
    /// It did not decode; the message names the JSON path and the OData type.
    Decode(DecodeError),
    /// It decodes, but as the other shape: a collection where one value was asked for, or the
    /// reverse.
    Shape {
        /// What was asked for.
        expected: Shape,
        /// What came.
        found: Shape,
        /// The body's `@odata.context`, when it sent one.
        context: Option<String>,
    },
}

impl<T: ODataStructured + DeserializeOwned> Readable for T {
    type Item = T;
    type Response = T;

    /// The value, unless the body is a collection: its context URL says so (`#Collection(..)`),
    /// or it is an object whose `value` is an array (the type does not declare `value`).
    fn read(body: &[u8]) -> Result<T, ReadError> {
        let value: T = crate::from_slice(body).map_err(ReadError::Decode)?;
        let (found, context) = match value.additional_data() {
            Some(data) => {
                let context = data.context();
                let is_array = data.property("value").is_some_and(|raw| raw.get().starts_with('['));
                let found = context.as_deref().and_then(shape::of_context);
                (found.unwrap_or(if is_array { Shape::Collection } else { Shape::Single }), context)
            }
            // The type keeps nothing it does not declare: look at the body itself.
            None => match shape::of_body(body) {
                Some((found, context)) => (found, context.map(Cow::Owned)),
                None => (Shape::Single, None),
            },
        };
        match found {
            Shape::Single => Ok(value),
            found => Err(ReadError::Shape { expected: Shape::Single, found, context: context.map(Cow::into_owned) }),
        }
    }

    fn keep_etag(response: &mut T, etag: &str) {
        if let Some(data) = response.additional_data_mut()
            && data.etag().is_none()
        {
            data.insert_annotation("@odata.etag", serde_json::Value::String(etag.to_owned()));
        }
    }
}

impl<T: ODataStructured + EdmType> Readable for Vec<T> {
    type Item = T;
    type Response = Page<T>;

    /// The page, unless the body is a single value: its context URL says so (`.../$entity`), or
    /// it has no `value` array.
    fn read(body: &[u8]) -> Result<Page<T>, ReadError> {
        match crate::from_slice::<Page<T>>(body) {
            Ok(page) => match page.context.as_deref().and_then(shape::of_context) {
                Some(Shape::Single) => {
                    Err(ReadError::Shape { expected: Shape::Collection, found: Shape::Single, context: page.context })
                }
                _ => Ok(page),
            },
            Err(error) => match shape::of_body(body) {
                Some((Shape::Single, context)) => {
                    Err(ReadError::Shape { expected: Shape::Collection, found: Shape::Single, context })
                }
                _ => Err(ReadError::Decode(error)),
            },
        }
    }
}

impl<E> Readable for Count<E> {
    type Item = E;
    type Response = u64;
    // Some services refuse a plain `text/plain` with `415`; JSON is accepted as well.
    const ACCEPT: &'static str = "text/plain, application/json;q=0.9";

    /// A plain-text integer (a byte-order mark and whitespace allowed around it), which is also
    /// the JSON answer; or a JSON object with the count in `value`.
    fn read(body: &[u8]) -> Result<u64, ReadError> {
        let text = std::str::from_utf8(body)
            .map_err(|_| ReadError::Decode(DecodeError::message("the count is not UTF-8 text")))?;
        let text = text.trim_start_matches('\u{feff}').trim();
        if text.starts_with('{') {
            let value = crate::from_str::<serde_json::Value>(text).map_err(ReadError::Decode)?;
            return value
                .get("value")
                .and_then(serde_json::Value::as_u64)
                .ok_or_else(|| ReadError::Decode(DecodeError::message("the JSON count has no integer `value`")));
        }
        text.parse().map_err(|_| {
            ReadError::Decode(DecodeError::message(format!(
                "`{}` is not a count (Edm.Int64)",
                text.chars().take(40).collect::<String>()
            )))
        })
    }
}

impl<E> Readable for MediaStream<E> {
    type Item = E;
    type Response = Vec<u8>;
    /// A stream may be any media type; the entity's `@odata.mediaContentType` says which.
    const ACCEPT: &'static str = "*/*";

    /// The bytes as sent.
    fn read(body: &[u8]) -> Result<Vec<u8>, ReadError> {
        Ok(body.to_vec())
    }
}

/// A `GET` of a resource, with its query options and preferences.
pub struct ReadRequest<R> {
    url: String,
    headers: HeaderMap,
    preferences: Vec<String>,
    marker: PhantomData<fn() -> R>,
}

impl<R: Readable> ReadRequest<R> {
    /// A `GET` of the resource.
    pub fn new(resource: &Resource<R>) -> Self {
        ReadRequest::from_url(resource.url())
    }

    /// A `GET` of a URL the service gave (an `@odata.nextLink`), read as `R`.
    pub fn from_url(url: impl Into<String>) -> Self {
        ReadRequest { url: url.into(), headers: HeaderMap::new(), preferences: Vec::new(), marker: PhantomData }
    }

    /// Adds the query options (to those the URL already has).
    pub fn query(mut self, query: &Query<R::Item>) -> Self {
        if !query.is_empty() {
            self.url.push(if self.url.contains('?') { '&' } else { '?' });
            self.url.push_str(&query.to_query_string());
        }
        self
    }

    /// `Prefer: odata.maxpagesize=N`: at most `n` items per page (the service may send fewer).
    pub fn max_page_size(mut self, n: u32) -> Self {
        self.preferences.push(format!("odata.maxpagesize={n}"));
        self
    }

    /// `Prefer: include-unknown-enum-members`: Graph sends evolvable enumeration members added
    /// after the sentinel instead of `unknownFutureValue` (they are kept by catch-all variants).
    pub fn include_unknown_enum_members(mut self) -> Self {
        self.preferences.push("include-unknown-enum-members".to_owned());
        self
    }

    /// `If-None-Match: {etag}`: the service answers `304 Not Modified`
    /// ([`ResponseErrorKind::NotModified`]) while the entity still has this ETag.
    pub fn if_none_match(mut self, etag: &str) -> Self {
        if let Ok(value) = HeaderValue::from_str(etag) {
            self.headers.insert(http::header::IF_NONE_MATCH, value);
        }
        self
    }

    /// Any other header (`ConsistencyLevel: eventual`, a correlation id).
    pub fn header(mut self, name: HeaderName, value: HeaderValue) -> Self {
        self.headers.append(name, value);
        self
    }

    /// The request, for any HTTP client: `GET`, `Accept`, `OData-Version: 4.0`,
    /// `OData-MaxVersion: 4.0`, `Prefer`, and the headers added.
    pub fn to_http(&self) -> Result<http::Request<Vec<u8>>, http::Error> {
        let mut builder = http::Request::builder()
            .method(Method::GET)
            .uri(&self.url)
            .header(ACCEPT, R::ACCEPT)
            .header(ODATA_VERSION, "4.0")
            .header(ODATA_MAX_VERSION, "4.0");
        if !self.preferences.is_empty() {
            builder = builder.header(PREFER, self.preferences.join(", "));
        }
        let mut request = builder.body(Vec::new())?;
        for (name, value) in &self.headers {
            request.headers_mut().append(name, value.clone());
        }
        Ok(request)
    }

    /// Reads the response: the typed value for a success status, else the service's error.
    pub fn read_response<B: AsRef<[u8]>>(&self, response: http::Response<B>) -> Result<R::Response, ResponseError> {
        read_response::<R, B>(response)
    }
}

/// Reads a response into what `R` holds, or the error with its status.
pub fn read_response<R: Readable, B: AsRef<[u8]>>(response: http::Response<B>) -> Result<R::Response, ResponseError> {
    let status = response.status();
    let body = response.body().as_ref();
    if !status.is_success() {
        return Err(ResponseError::from_response(&response));
    }
    let fail = |kind| ResponseError::new(status, kind).with_headers(response.headers());
    if status == StatusCode::NO_CONTENT {
        return Err(fail(ResponseErrorKind::Decode(DecodeError::message("no content, where a value was expected"))));
    }
    let mut value = R::read(body).map_err(|error| match error {
        ReadError::Decode(error) => fail(ResponseErrorKind::Decode(error)),
        ReadError::Shape { expected, found, context } => fail(ResponseErrorKind::Shape { expected, found, context }),
    })?;
    if let Some(etag) = response.headers().get(http::header::ETAG).and_then(|v| v.to_str().ok()) {
        R::keep_etag(&mut value, etag);
    }
    Ok(value)
}

impl<R> ReadRequest<R> {
    /// The URL, percent-encoded.
    pub fn url(&self) -> &str {
        &self.url
    }
}

impl<R> Clone for ReadRequest<R> {
    fn clone(&self) -> Self {
        ReadRequest {
            url: self.url.clone(),
            headers: self.headers.clone(),
            preferences: self.preferences.clone(),
            marker: PhantomData,
        }
    }
}

impl<R> std::fmt::Debug for ReadRequest<R> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ReadRequest").field("url", &self.url).field("preferences", &self.preferences).finish()
    }
}
