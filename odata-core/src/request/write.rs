//! Writes: create (`POST`, deep inserts and binds), update (`PATCH` with a [`Changes`] set),
//! replace (`PUT`) and delete, with the ETag preconditions (`If-Match`) that keep concurrent
//! writers from overwriting each other.

use std::marker::PhantomData;

use http::header::{ACCEPT, CONTENT_TYPE, HeaderName, HeaderValue, IF_MATCH};
use http::{HeaderMap, Method, StatusCode};
use serde::Serialize;

use super::changes::{ChangeError, Changes};
use super::members::Members;
use super::{ODATA_MAX_VERSION, ODATA_VERSION, PREFER, Readable, ResponseError, read_response};
use crate::ODataType;
use crate::encode::{EncodeOptions, ODataVersion, Payload, to_vec_with};
use crate::query::Resource;

/// A `POST`, `PATCH`, `PUT` or `DELETE` whose response (if any) is an `E`.
pub struct WriteRequest<E> {
    method: Method,
    url: String,
    body: Option<Vec<u8>>,
    headers: HeaderMap,
    version: ODataVersion,
    representation: bool,
    marker: PhantomData<fn() -> E>,
}

impl<E> WriteRequest<E> {
    fn new(method: Method, url: String, body: Option<Vec<u8>>, version: ODataVersion) -> Self {
        WriteRequest {
            method,
            url,
            body,
            headers: HeaderMap::new(),
            version,
            representation: false,
            marker: PhantomData,
        }
    }

    /// `POST` of a new entity into a collection. Expanded navigation properties are written
    /// inline (a deep insert); [`Navigation::bind`](crate::Navigation::bind) links become
    /// `nav@odata.bind` (OData 4.0, the default) or `{"@id": ...}` (with [`ODataVersion::V4_01`]).
    /// Read-only properties and the control information only a service sends (`@odata.etag`,
    /// `@odata.id`, `@odata.editLink`, ... of a value that was read; see [`Payload::Request`])
    /// are left out; the key is sent (services that assign keys ignore it or require it absent:
    /// leave it `None` then).
    pub fn create(collection: &Resource<Vec<E>>, value: &E, version: ODataVersion) -> Result<Self, ChangeError>
    where
        E: Serialize + ODataType,
    {
        let body = encode(value, version, false)?;
        Ok(WriteRequest::new(Method::POST, collection.url(), Some(body), version))
    }

    /// `PATCH` with the changed properties only.
    pub fn update(resource: &Resource<E>, changes: &Changes<E>) -> Result<Self, ChangeError> {
        let body = changes.to_json()?.into_bytes();
        Ok(WriteRequest::new(Method::PATCH, resource.url(), Some(body), ODataVersion::V4_0))
    }

    /// `PUT`: replaces the whole entity (properties left out are reset by the service). Keys
    /// (they are in the URL), read-only properties and response-only control information
    /// ([`Payload::Request`]) are left out.
    pub fn replace(resource: &Resource<E>, value: &E) -> Result<Self, ChangeError>
    where
        E: Serialize + ODataType,
    {
        let body = encode(value, ODataVersion::V4_0, true)?;
        Ok(WriteRequest::new(Method::PUT, resource.url(), Some(body), ODataVersion::V4_0))
    }

    /// `DELETE`.
    pub fn delete(resource: &Resource<E>) -> Self {
        WriteRequest::new(Method::DELETE, resource.url(), None, ODataVersion::V4_0)
    }

    /// `If-Match: {etag}`: applies only if the entity is unchanged since its ETag was read
    /// (`value.additional_data.etag()`); otherwise [`ResponseErrorKind::PreconditionFailed`](crate::request::ResponseErrorKind::PreconditionFailed).
    pub fn if_match(mut self, etag: &str) -> Self {
        match HeaderValue::from_str(etag) {
            Ok(value) => {
                self.headers.insert(IF_MATCH, value);
            }
            // An ETag with characters a header cannot carry matches nothing.
            Err(_) => {
                self.headers.insert(IF_MATCH, HeaderValue::from_static("\"\""));
            }
        }
        self
    }

    /// `If-Match` with the ETag when there is one, else `If-Match: *`.
    pub fn if_match_etag(self, etag: Option<&str>) -> Self {
        match etag {
            Some(etag) => self.if_match(etag),
            None => self.if_match_any(),
        }
    }

    /// `If-Match: *`: applies whatever the entity's current version.
    pub fn if_match_any(mut self) -> Self {
        self.headers.insert(IF_MATCH, HeaderValue::from_static("*"));
        self
    }

    /// `Prefer: return=representation`: the response carries the entity as stored.
    pub fn return_representation(mut self) -> Self {
        self.representation = true;
        self
    }

    /// Any other header.
    pub fn header(mut self, name: HeaderName, value: HeaderValue) -> Self {
        self.headers.append(name, value);
        self
    }

    /// The method.
    pub fn method(&self) -> &Method {
        &self.method
    }

    /// The URL.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// The JSON body, if any.
    pub fn body(&self) -> Option<&[u8]> {
        self.body.as_deref()
    }

    /// The request, for any HTTP client.
    pub fn to_http(&self) -> Result<http::Request<Vec<u8>>, http::Error> {
        let version = match self.version {
            ODataVersion::V4_0 => "4.0",
            ODataVersion::V4_01 => "4.01",
        };
        let mut builder = http::Request::builder()
            .method(self.method.clone())
            .uri(&self.url)
            .header(ACCEPT, "application/json;odata.metadata=minimal")
            .header(ODATA_VERSION, version)
            .header(ODATA_MAX_VERSION, version);
        if self.body.is_some() {
            builder = builder.header(CONTENT_TYPE, "application/json");
        }
        if self.representation {
            builder = builder.header(PREFER, "return=representation");
        }
        let mut request = builder.body(self.body.clone().unwrap_or_default())?;
        for (name, value) in &self.headers {
            request.headers_mut().append(name, value.clone());
        }
        Ok(request)
    }

    /// Reads the response: the entity when the service sent one (`201 Created`, `200 OK`, read
    /// as a `GET` response is, its `ETag` header kept), `None` for `204 No Content`, else the
    /// typed error (412 and 428 have their own variants).
    pub fn read_response<B: AsRef<[u8]>>(&self, response: http::Response<B>) -> Result<Option<E>, ResponseError>
    where
        E: Readable<Response = E>,
    {
        let status = response.status();
        let empty = status == StatusCode::NO_CONTENT || response.body().as_ref().iter().all(u8::is_ascii_whitespace);
        if status.is_success() && empty {
            return Ok(None);
        }
        read_response::<E, B>(response).map(Some)
    }
}

/// The entity as a request body: without response-only control information, read-only
/// properties (and keys, for a `PUT`).
fn encode<E: Serialize + ODataType>(value: &E, version: ODataVersion, drop_keys: bool) -> Result<Vec<u8>, ChangeError> {
    let failed =
        |e: serde_json::Error| ChangeError::Encode { property: E::QUALIFIED_NAME.to_owned(), message: e.to_string() };
    let options = EncodeOptions::new().version(version).payload(Payload::Request);
    let bytes = to_vec_with(value, options).map_err(failed)?;
    let info = E::TYPE_INFO;
    let read_only = info.all_properties().any(|p| p.read_only);
    if !read_only && !drop_keys {
        return Ok(bytes);
    }
    // Top-level members in their order, values untouched (annotations stay before their
    // property, nested values as written).
    let Members(members) = serde_json::from_slice(&bytes).map_err(failed)?;
    let dropped = |name: &str| {
        let property = name.split('@').next().unwrap_or(name);
        (drop_keys && info.key().contains(&property)) || info.property(property).is_some_and(|p| p.read_only)
    };
    let mut out = Vec::with_capacity(bytes.len());
    out.push(b'{');
    for (name, value) in members.iter().filter(|(name, _)| !dropped(name)) {
        if out.len() > 1 {
            out.push(b',');
        }
        name.serialize(crate::JsonWriter::new(&mut out)).map_err(failed)?;
        out.push(b':');
        out.extend_from_slice(value.get().as_bytes());
    }
    out.push(b'}');
    Ok(out)
}

impl<E> std::fmt::Debug for WriteRequest<E> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WriteRequest").field("method", &self.method).field("url", &self.url).finish_non_exhaustive()
    }
}
