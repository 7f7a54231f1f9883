//! JSON batch requests and responses (OData JSON Format v4.01, section 19): many requests in one
//! `POST {service root}/$batch`, with dependencies (`dependsOn`, `$<id>` in a URL) and atomicity
//! groups, and the `{"responses":[...]}` document the service answers with.
//!
//! ```
//! use odata_core::request::{BatchItem, BatchRequest, BatchResponse};
//! use serde_json::json;
//!
//! let mut batch = BatchRequest::new("https://example.com/odata");
//! let created = batch.add(BatchItem::post("People", json!({"name": "Ann"})));
//! batch.add(BatchItem::get(format!("${created}/Friends")));
//! let http = batch.to_http()?;
//! assert_eq!(http.uri(), "https://example.com/odata/$batch");
//!
//! // ... send `http` with any client, then:
//! let body = br#"{"responses":[{"id":"2","status":200,"body":{"value":[]}},
//!     {"id":"1","status":201,"body":{"id":"7","name":"Ann"}}]}"#;
//! let response = BatchResponse::parse(body)?;
//! let person: serde_json::Value = response.get(&created).expect("answered").read()?;
//! assert_eq!(person["name"], "Ann");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::collections::HashSet;
use std::fmt;

use http::header::{ACCEPT, CONTENT_TYPE, HeaderName, HeaderValue};
use http::{HeaderMap, Method, StatusCode};
use serde::de::DeserializeOwned;
use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};
use serde_json::{Map, Value};

use super::{ODATA_VERSION, ResponseError};

/// System resources that may start a relative URL; any other `$`-segment names a request.
const SYSTEM_RESOURCES: &[&str] = &["$batch", "$crossjoin", "$all", "$entity", "$root", "$id", "$metadata"];

/// One request of a [`BatchRequest`].
#[derive(Debug, Clone, PartialEq)]
pub struct BatchItem {
    /// The request identifier; [`BatchRequest::add`] numbers the item (`"1"`, `"2"`, ...) when unset.
    pub id: Option<String>,
    /// `GET`, `POST`, `PUT`, `PATCH` or `DELETE`, the methods a JSON batch allows.
    pub method: Method,
    /// The URL: relative to the service root (`People('A')`, `$1/Friends`), an absolute path
    /// (`/odata/People`), or an absolute URL, which is made relative when it starts with the root.
    pub url: String,
    /// The request's own headers (`prefer`, `if-match`). `content-type: application/json` is
    /// added for a body unless set here.
    pub headers: HeaderMap,
    /// The body: JSON for a JSON media type, a JSON string for a `text/*` one. `None` (or JSON
    /// `null`) for no body; `GET` and `DELETE` take none.
    pub body: Option<Value>,
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

    /// A `POST` with a JSON body (create an entity, invoke an action).
    pub fn post(url: impl Into<String>, body: Value) -> Self {
        BatchItem::new(Method::POST, url).body(body)
    }

    /// A `PATCH` with a JSON body (update an entity).
    pub fn patch(url: impl Into<String>, body: Value) -> Self {
        BatchItem::new(Method::PATCH, url).body(body)
    }

    /// A `PUT` with a JSON body (replace an entity or a property).
    pub fn put(url: impl Into<String>, body: Value) -> Self {
        BatchItem::new(Method::PUT, url).body(body)
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

    /// Sets the body.
    pub fn body(mut self, body: Value) -> Self {
        self.body = Some(body);
        self
    }

    /// Sets the body from JSON bytes (a body serialized elsewhere); fails when they are not JSON.
    pub fn body_bytes(mut self, bytes: &[u8]) -> Result<Self, serde_json::Error> {
        self.body = Some(serde_json::from_slice(bytes)?);
        Ok(self)
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
}

/// A JSON batch: requests sent together as one `POST {service root}/$batch` (OData 4.01).
#[derive(Debug, Clone, PartialEq)]
pub struct BatchRequest {
    root: String,
    items: Vec<BatchItem>,
    headers: HeaderMap,
}

impl BatchRequest {
    /// An empty batch against the service root (`https://graph.microsoft.com/v1.0`).
    pub fn new(service_root_url: &str) -> Self {
        BatchRequest {
            root: service_root_url.trim_end_matches('/').to_owned(),
            items: Vec::new(),
            headers: HeaderMap::new(),
        }
    }

    /// Adds a request and returns its id: the one set, else the next free number.
    /// The batch is checked by [`BatchRequest::validate`] and [`BatchRequest::to_http`].
    pub fn add(&mut self, mut item: BatchItem) -> String {
        let id = match item.id.take() {
            Some(id) => id,
            None => self.next_free_id(),
        };
        item.id = Some(id.clone());
        item.url = self.relative_url(item.url);
        self.items.push(item);
        id
    }

    /// A header of the batch request itself (`Prefer: continue-on-error`).
    pub fn header(mut self, name: HeaderName, value: HeaderValue) -> Self {
        self.headers.append(name, value);
        self
    }

    /// The service root, without a trailing `/`.
    pub fn service_root(&self) -> &str {
        &self.root
    }

    /// The requests, in the order added (each with its id set).
    pub fn items(&self) -> &[BatchItem] {
        &self.items
    }

    /// The request ids, in the order added.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.items.iter().map(|item| item.id.as_deref().unwrap_or_default())
    }

    /// The number of requests.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// Whether the batch has no request.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    fn next_free_id(&self) -> String {
        let taken = |candidate: &str| {
            self.items
                .iter()
                .any(|item| item.id.as_deref() == Some(candidate) || item.atomicity_group.as_deref() == Some(candidate))
        };
        let mut n = self.items.len() + 1;
        loop {
            let candidate = n.to_string();
            if !taken(&candidate) {
                return candidate;
            }
            n += 1;
        }
    }

    /// `{root}/People` becomes `People`; anything else is kept as given.
    fn relative_url(&self, url: String) -> String {
        if self.root.is_empty() {
            return url;
        }
        match url.strip_prefix(&self.root) {
            Some("") => String::new(),
            Some(rest) if rest.starts_with('/') => rest.trim_start_matches('/').to_owned(),
            Some(rest) if rest.starts_with('?') => rest.to_owned(),
            _ => url,
        }
    }

    /// Checks the rules of the format: unique ids (also against atomicity groups), `dependsOn`
    /// and `$<id>` naming earlier requests, adjacent atomicity groups, a supported method, and no
    /// body for `GET` or `DELETE`.
    pub fn validate(&self) -> Result<(), BatchError> {
        self.encoded_items().map(|_| ())
    }

    /// The `{"requests":[...]}` document, as sent.
    pub fn to_json(&self) -> Result<Value, BatchError> {
        let items = self.encoded_items()?;
        serde_json::to_value(Document { items: &items })
            .map_err(|e| BatchError::Request { message: format!("the batch did not encode: {e}") })
    }

    /// The request, for any HTTP client: `POST {root}/$batch`, `Content-Type` and `Accept`
    /// `application/json`, `OData-Version: 4.01`, the batch headers, and the JSON body.
    pub fn to_http(&self) -> Result<http::Request<Vec<u8>>, BatchError> {
        let items = self.encoded_items()?;
        let body = serde_json::to_vec(&Document { items: &items })
            .map_err(|e| BatchError::Request { message: format!("the batch did not encode: {e}") })?;
        let mut request = http::Request::builder()
            .method(Method::POST)
            .uri(format!("{}/$batch", self.root))
            .header(CONTENT_TYPE, "application/json")
            .header(ACCEPT, "application/json")
            .header(ODATA_VERSION, "4.01")
            .body(body)
            .map_err(|e| BatchError::Request { message: e.to_string() })?;
        for (name, value) in &self.headers {
            request.headers_mut().append(name, value.clone());
        }
        Ok(request)
    }

    /// Validates the batch and prepares each item for the wire.
    fn encoded_items(&self) -> Result<Vec<Encoded<'_>>, BatchError> {
        let all_ids: HashSet<&str> = self.ids().collect();
        let mut seen_ids: HashSet<&str> = HashSet::new();
        // The atomicity group of each earlier item, by id.
        let mut group_of: Vec<(&str, Option<&str>)> = Vec::new();
        let mut closed_groups: HashSet<&str> = HashSet::new();
        let mut previous_group: Option<&str> = None;
        let mut encoded = Vec::with_capacity(self.items.len());

        for item in &self.items {
            let id = item.id.as_deref().unwrap_or_default();
            let group = item.atomicity_group.as_deref();
            if !seen_ids.insert(id) {
                return Err(BatchError::DuplicateId { id: id.to_owned() });
            }
            if let Some(group) = group {
                if all_ids.contains(group) {
                    return Err(BatchError::DuplicateId { id: group.to_owned() });
                }
                if closed_groups.contains(group) {
                    return Err(BatchError::AtomicityGroupNotAdjacent { id: id.to_owned(), group: group.to_owned() });
                }
            }
            if let Some(previous) = previous_group
                && Some(previous) != group
            {
                closed_groups.insert(previous);
            }
            previous_group = group;

            if ![Method::GET, Method::POST, Method::PUT, Method::PATCH, Method::DELETE].contains(&item.method) {
                return Err(BatchError::UnsupportedMethod { id: id.to_owned(), method: item.method.to_string() });
            }
            let body = item.body.as_ref().filter(|body| !body.is_null());
            if body.is_some() && (item.method == Method::GET || item.method == Method::DELETE) {
                return Err(BatchError::BodyNotAllowed { id: id.to_owned(), method: item.method.to_string() });
            }

            let mut depends_on: Vec<&str> = Vec::new();
            for dependency in &item.depends_on {
                let dependency = dependency.as_str();
                let earlier = group_of.iter().find(|(earlier, _)| *earlier == dependency);
                match earlier {
                    // A request of another atomicity group is waited for through its group.
                    Some((_, Some(other))) if Some(*other) != group => {
                        return Err(BatchError::DependsOnGroupMember {
                            id: id.to_owned(),
                            depends_on: dependency.to_owned(),
                            group: (*other).to_owned(),
                        });
                    }
                    Some(_) => {}
                    None if closed_groups.contains(dependency) => {}
                    None => {
                        return Err(BatchError::UnknownDependency {
                            id: id.to_owned(),
                            depends_on: dependency.to_owned(),
                        });
                    }
                }
                if !depends_on.contains(&dependency) {
                    depends_on.push(dependency);
                }
            }
            if let Some(reference) = request_reference(&item.url) {
                let Some((referenced, referenced_group)) = group_of.iter().find(|(earlier, _)| *earlier == reference)
                else {
                    return Err(BatchError::UnknownReference { id: id.to_owned(), reference: reference.to_owned() });
                };
                // The format requires the referenced request in `dependsOn` (its group, when
                // that is another one).
                let needed = match referenced_group {
                    Some(other) if Some(*other) != group => other,
                    _ => referenced,
                };
                if !depends_on.contains(needed) {
                    depends_on.push(needed);
                }
            }

            let mut headers: Vec<(&str, String)> = Vec::new();
            for name in item.headers.keys() {
                let mut values = Vec::new();
                for value in item.headers.get_all(name) {
                    let text = value
                        .to_str()
                        .map_err(|_| BatchError::InvalidHeader { id: id.to_owned(), name: name.as_str().to_owned() })?;
                    values.push(text);
                }
                headers.push((name.as_str(), values.join(", ")));
            }
            if body.is_some() && !item.headers.contains_key(CONTENT_TYPE) {
                headers.push((CONTENT_TYPE.as_str(), "application/json".to_owned()));
            }

            encoded.push(Encoded {
                id,
                method: item.method.as_str(),
                url: &item.url,
                headers,
                body,
                depends_on,
                atomicity_group: group,
            });
            group_of.push((id, group));
        }
        Ok(encoded)
    }
}

/// The request id a relative URL starts with (`$1/Friends` names `1`), if any.
fn request_reference(url: &str) -> Option<&str> {
    let first = url.split(['/', '?']).next()?;
    let id = first.strip_prefix('$')?;
    let name = first.split('(').next().unwrap_or(first);
    (!SYSTEM_RESOURCES.contains(&name)).then_some(id)
}

/// One item as it goes on the wire.
struct Encoded<'a> {
    id: &'a str,
    method: &'a str,
    url: &'a str,
    headers: Vec<(&'a str, String)>,
    body: Option<&'a Value>,
    depends_on: Vec<&'a str>,
    atomicity_group: Option<&'a str>,
}

/// `{"requests":[...]}`; written by hand to keep the members in the order the format lists them.
struct Document<'a, 'b> {
    items: &'b [Encoded<'a>],
}

impl Serialize for Document<'_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut document = serializer.serialize_map(Some(1))?;
        document.serialize_entry("requests", &Items(self.items))?;
        document.end()
    }
}

struct Items<'a, 'b>(&'b [Encoded<'a>]);

impl Serialize for Items<'_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut items = serializer.serialize_seq(Some(self.0.len()))?;
        for item in self.0 {
            items.serialize_element(item)?;
        }
        items.end()
    }
}

impl Serialize for Encoded<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("id", self.id)?;
        map.serialize_entry("method", self.method)?;
        map.serialize_entry("url", self.url)?;
        if !self.headers.is_empty() {
            map.serialize_entry("headers", &Headers(&self.headers))?;
        }
        if let Some(body) = self.body {
            map.serialize_entry("body", body)?;
        }
        if !self.depends_on.is_empty() {
            map.serialize_entry("dependsOn", &self.depends_on)?;
        }
        if let Some(group) = self.atomicity_group {
            map.serialize_entry("atomicityGroup", group)?;
        }
        map.end()
    }
}

struct Headers<'a, 'b>(&'b [(&'a str, String)]);

impl Serialize for Headers<'_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (name, value) in self.0 {
            map.serialize_entry(name, value)?;
        }
        map.end()
    }
}

/// A JSON batch response: one response per request, in any order, matched by id.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct BatchResponse {
    /// The responses, in the order sent.
    pub responses: Vec<BatchItemResponse>,
    /// `@odata.nextLink` (or `@nextLink`): the batch is a partial result, and the rest is there.
    pub next_link: Option<String>,
    /// Every other member of the document (annotations), as sent.
    pub additional: Map<String, Value>,
}

impl BatchResponse {
    /// Reads `{"responses":[...]}`. Errors name the JSON path (`$.responses[2].status`).
    pub fn parse(body: &[u8]) -> Result<BatchResponse, BatchError> {
        let document: Value =
            serde_json::from_slice(body).map_err(|e| BatchError::json("$", format!("not JSON: {e}")))?;
        let Value::Object(mut members) = document else {
            return Err(BatchError::json("$", "expected an object with `responses`"));
        };
        let responses = match members.remove("responses") {
            Some(Value::Array(items)) => items,
            Some(_) => return Err(BatchError::json("$.responses", "expected an array")),
            None => return Err(BatchError::json("$.responses", "missing; this is not a JSON batch response")),
        };
        let responses = responses
            .into_iter()
            .enumerate()
            .map(|(index, item)| BatchItemResponse::from_value(&format!("$.responses[{index}]"), item))
            .collect::<Result<Vec<_>, _>>()?;
        let mut next_link = None;
        for key in ["@odata.nextLink", "@nextLink"] {
            match members.remove(key) {
                Some(Value::String(link)) => next_link = Some(link),
                Some(Value::Null) | None => {}
                Some(_) => return Err(BatchError::json(format!("$['{key}']"), "expected a string")),
            }
        }
        Ok(BatchResponse { responses, next_link, additional: members })
    }

    /// The response to the request with the id (the first, should the service repeat one).
    pub fn get(&self, id: &str) -> Option<&BatchItemResponse> {
        self.responses.iter().find(|response| response.id == id)
    }

    /// The responses in the order of the batch's requests; `None` for a request the service did
    /// not answer (yet: see [`BatchResponse::next_link`]).
    pub fn in_order<'a>(&'a self, request: &BatchRequest) -> Vec<Option<&'a BatchItemResponse>> {
        request.ids().map(|id| self.get(id)).collect()
    }

    /// The responses, in the order sent.
    pub fn iter(&self) -> std::slice::Iter<'_, BatchItemResponse> {
        self.responses.iter()
    }
}

impl<'a> IntoIterator for &'a BatchResponse {
    type Item = &'a BatchItemResponse;
    type IntoIter = std::slice::Iter<'a, BatchItemResponse>;

    fn into_iter(self) -> Self::IntoIter {
        self.responses.iter()
    }
}

/// The response to one request of a batch.
#[derive(Debug, Clone, PartialEq)]
pub struct BatchItemResponse {
    /// The id of the request.
    pub id: String,
    /// The HTTP status.
    pub status: StatusCode,
    /// The response headers.
    pub headers: HeaderMap,
    /// The body: JSON for a JSON media type, a string for a `text/*` one (base64url for others).
    pub body: Option<Value>,
    /// The atomicity group of the request, if it had one.
    pub atomicity_group: Option<String>,
    /// Every other member, as sent.
    pub additional: Map<String, Value>,
}

impl BatchItemResponse {
    /// Whether the status is 2xx.
    pub fn is_success(&self) -> bool {
        self.status.is_success()
    }

    /// Reads the body: the typed value for a success status, else the service's error.
    pub fn read<T: DeserializeOwned>(&self) -> Result<T, ResponseError> {
        let status = self.status;
        if !status.is_success() {
            return Err(ResponseError::from_failure(status, &self.body_bytes()));
        }
        let Some(body) = &self.body else {
            return Err(ResponseError::Decode { status, message: "no content, where a value was expected".to_owned() });
        };
        // Through bytes rather than `T::deserialize(&Value)`: the derived types may read raw
        // JSON (`RawValue`), which only a byte deserializer offers.
        let bytes = serde_json::to_vec(body).map_err(|e| ResponseError::Decode { status, message: e.to_string() })?;
        serde_json::from_slice(&bytes).map_err(|e| ResponseError::Decode { status, message: e.to_string() })
    }

    /// The body as the bytes the service would have sent outside a batch: a string body as its
    /// text, JSON as JSON, nothing as empty.
    pub fn body_bytes(&self) -> Vec<u8> {
        match &self.body {
            None => Vec::new(),
            Some(Value::String(text)) => text.as_bytes().to_vec(),
            Some(json) => json.to_string().into_bytes(),
        }
    }

    fn from_value(path: &str, value: Value) -> Result<BatchItemResponse, BatchError> {
        let Value::Object(mut members) = value else {
            return Err(BatchError::json(path, "expected a response object"));
        };
        let id = match members.remove("id") {
            Some(Value::String(id)) => id,
            // Lenient: a numeric id is the same id.
            Some(Value::Number(id)) => id.to_string(),
            Some(_) => return Err(BatchError::json(format!("{path}.id"), "expected a string")),
            None => return Err(BatchError::json(format!("{path}.id"), "missing")),
        };
        let status_path = format!("{path}.status");
        let status = match members.remove("status") {
            Some(Value::Number(number)) => number
                .as_u64()
                .and_then(|n| u16::try_from(n).ok())
                .and_then(|n| StatusCode::from_u16(n).ok())
                .ok_or_else(|| BatchError::InvalidStatus { path: status_path.clone(), value: number.to_string() })?,
            Some(_) => return Err(BatchError::json(status_path, "expected a number")),
            None => return Err(BatchError::json(status_path, "missing")),
        };
        let mut headers = HeaderMap::new();
        match members.remove("headers") {
            Some(Value::Object(pairs)) => {
                for (name, value) in pairs {
                    let header_path = format!("{path}.headers['{name}']");
                    let text = match value {
                        Value::String(text) => text,
                        Value::Number(number) => number.to_string(),
                        _ => return Err(BatchError::json(header_path, "expected a string")),
                    };
                    let name = HeaderName::from_bytes(name.as_bytes())
                        .map_err(|_| BatchError::json(header_path.clone(), "not a header name"))?;
                    let value = HeaderValue::from_str(&text)
                        .map_err(|_| BatchError::json(header_path, "not a header value"))?;
                    headers.append(name, value);
                }
            }
            Some(Value::Null) | None => {}
            Some(_) => return Err(BatchError::json(format!("{path}.headers"), "expected an object")),
        }
        let body = members.remove("body").filter(|body| !body.is_null());
        let atomicity_group = match members.remove("atomicityGroup") {
            Some(Value::String(group)) => Some(group),
            Some(Value::Null) | None => None,
            Some(_) => return Err(BatchError::json(format!("{path}.atomicityGroup"), "expected a string")),
        };
        Ok(BatchItemResponse { id, status, headers, body, atomicity_group, additional: members })
    }
}

/// A batch that breaks the rules of the format, or a batch response that cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BatchError {
    /// Two requests share an id, or an id is also an atomicity group.
    DuplicateId {
        /// The id.
        id: String,
    },
    /// `dependsOn` names no earlier request or atomicity group.
    UnknownDependency {
        /// The request.
        id: String,
        /// What it names.
        depends_on: String,
    },
    /// `dependsOn` names a request of another atomicity group, where the format wants the group.
    DependsOnGroupMember {
        /// The request.
        id: String,
        /// The request it names.
        depends_on: String,
        /// That request's atomicity group.
        group: String,
    },
    /// The URL starts with `$<id>` naming no earlier request.
    UnknownReference {
        /// The request.
        id: String,
        /// The id after `$`.
        reference: String,
    },
    /// The items of an atomicity group are not adjacent.
    AtomicityGroupNotAdjacent {
        /// The request that comes after another group.
        id: String,
        /// Its atomicity group.
        group: String,
    },
    /// A method other than `GET`, `POST`, `PUT`, `PATCH` and `DELETE`.
    UnsupportedMethod {
        /// The request.
        id: String,
        /// The method.
        method: String,
    },
    /// A body on a `GET` or `DELETE`.
    BodyNotAllowed {
        /// The request.
        id: String,
        /// The method.
        method: String,
    },
    /// A header value that is not text, which a JSON batch cannot carry.
    InvalidHeader {
        /// The request.
        id: String,
        /// The header name.
        name: String,
    },
    /// The HTTP request could not be built (a service root that is not a URL).
    Request {
        /// What failed.
        message: String,
    },
    /// The batch response is not JSON, or not of the expected shape.
    Json {
        /// The JSON path (`$.responses[2].headers`).
        path: String,
        /// What is wrong there.
        message: String,
    },
    /// A `status` that is not an HTTP status code.
    InvalidStatus {
        /// The JSON path (`$.responses[2].status`).
        path: String,
        /// The value sent.
        value: String,
    },
}

impl BatchError {
    fn json(path: impl Into<String>, message: impl Into<String>) -> Self {
        BatchError::Json { path: path.into(), message: message.into() }
    }
}

impl fmt::Display for BatchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BatchError::DuplicateId { id } => {
                write!(f, "batch id `{id}` is used twice; ids and atomicity groups must be unique")
            }
            BatchError::UnknownDependency { id, depends_on } => write!(
                f,
                "batch request `{id}` depends on `{depends_on}`, which is no earlier request or atomicity group; \
                 add that first"
            ),
            BatchError::DependsOnGroupMember { id, depends_on, group } => write!(
                f,
                "batch request `{id}` depends on `{depends_on}` of atomicity group `{group}`; depend on `{group}`"
            ),
            BatchError::UnknownReference { id, reference } => {
                write!(f, "the URL of batch request `{id}` starts with `${reference}`, which names no earlier request")
            }
            BatchError::AtomicityGroupNotAdjacent { id, group } => write!(
                f,
                "batch request `{id}` of atomicity group `{group}` follows another request; \
                 the requests of a group must be adjacent"
            ),
            BatchError::UnsupportedMethod { id, method } => {
                write!(f, "batch request `{id}` uses `{method}`; a JSON batch allows GET, POST, PUT, PATCH and DELETE")
            }
            BatchError::BodyNotAllowed { id, method } => {
                write!(f, "batch request `{id}` is a {method} with a body; {method} takes none")
            }
            BatchError::InvalidHeader { id, name } => {
                write!(f, "header `{name}` of batch request `{id}` is not visible ASCII text")
            }
            BatchError::Request { message } => write!(f, "the batch request could not be built: {message}"),
            BatchError::Json { path, message } => write!(f, "{path}: {message}"),
            BatchError::InvalidStatus { path, value } => write!(f, "{path}: `{value}` is not an HTTP status code"),
        }
    }
}

impl std::error::Error for BatchError {}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const ROOT: &str = "https://graph.microsoft.com/v1.0";

    fn body(batch: &BatchRequest) -> Value {
        let request = batch.to_http().unwrap();
        serde_json::from_slice(request.body()).unwrap()
    }

    #[test]
    fn request_document_is_exact() {
        let mut batch = BatchRequest::new(ROOT);
        let first = batch.add(BatchItem::get(format!("{ROOT}/communications/callRecords/abc")));
        batch.add(
            BatchItem::get("$1/sessions")
                .header(HeaderName::from_static("prefer"), HeaderValue::from_static("odata.maxpagesize=10")),
        );
        batch.add(BatchItem::post("me/events", json!({"subject": "x"})).atomicity_group("g"));
        batch.add(BatchItem::delete("me/events/1").atomicity_group("g").id("del"));
        batch.add(BatchItem::patch("me", json!({"aboutMe": "y"})).depends_on("g"));
        assert_eq!(first, "1");
        assert_eq!(batch.ids().collect::<Vec<_>>(), ["1", "2", "3", "del", "5"]);
        let text = String::from_utf8(batch.to_http().unwrap().into_body()).unwrap();
        assert_eq!(
            text,
            concat!(
                r#"{"requests":["#,
                r#"{"id":"1","method":"GET","url":"communications/callRecords/abc"},"#,
                r#"{"id":"2","method":"GET","url":"$1/sessions","headers":{"prefer":"odata.maxpagesize=10"},"#,
                r#""dependsOn":["1"]},"#,
                r#"{"id":"3","method":"POST","url":"me/events","headers":{"content-type":"application/json"},"#,
                r#""body":{"subject":"x"},"atomicityGroup":"g"},"#,
                r#"{"id":"del","method":"DELETE","url":"me/events/1","atomicityGroup":"g"},"#,
                r#"{"id":"5","method":"PATCH","url":"me","headers":{"content-type":"application/json"},"#,
                r#""body":{"aboutMe":"y"},"dependsOn":["g"]}"#,
                "]}"
            )
        );
    }

    #[test]
    fn http_request_targets_batch_endpoint() {
        let mut batch = BatchRequest::new("https://example.com/odata/")
            .header(HeaderName::from_static("prefer"), HeaderValue::from_static("continue-on-error"));
        batch.add(BatchItem::get("https://example.com/odata/People"));
        let request = batch.to_http().unwrap();
        assert_eq!(request.method(), Method::POST);
        assert_eq!(request.uri(), "https://example.com/odata/$batch");
        assert_eq!(request.headers()["content-type"], "application/json");
        assert_eq!(request.headers()["accept"], "application/json");
        assert_eq!(request.headers()["odata-version"], "4.01");
        assert_eq!(request.headers()["prefer"], "continue-on-error");
        assert_eq!(body(&batch)["requests"][0]["url"], "People");
    }

    #[test]
    fn reference_into_another_group_depends_on_the_group() {
        let mut batch = BatchRequest::new(ROOT);
        batch.add(BatchItem::post("People", json!({})).atomicity_group("g"));
        batch.add(BatchItem::get("$1/Friends"));
        assert_eq!(body(&batch)["requests"][1]["dependsOn"], json!(["g"]));
    }

    #[test]
    fn auto_ids_skip_taken_ones() {
        let mut batch = BatchRequest::new(ROOT);
        batch.add(BatchItem::get("a").id("2"));
        assert_eq!(batch.add(BatchItem::get("b")), "3");
        assert_eq!(batch.add(BatchItem::get("c")), "4");
    }

    #[test]
    fn system_resources_are_no_references() {
        let mut batch = BatchRequest::new(ROOT);
        batch.add(BatchItem::get("$metadata"));
        batch.add(BatchItem::get("$crossjoin(A,B)"));
        batch.add(BatchItem::get("$entity?$id=People('a')"));
        assert_eq!(batch.validate(), Ok(()));
    }

    fn error(items: Vec<BatchItem>) -> BatchError {
        let mut batch = BatchRequest::new(ROOT);
        for item in items {
            batch.add(item);
        }
        batch.to_http().unwrap_err()
    }

    #[test]
    fn validation_errors_name_the_request() {
        let duplicate = error(vec![BatchItem::get("a").id("x"), BatchItem::get("b").id("x")]);
        assert_eq!(duplicate, BatchError::DuplicateId { id: "x".into() });

        let group_as_id =
            error(vec![BatchItem::get("a").id("x"), BatchItem::post("b", json!({})).atomicity_group("x")]);
        assert_eq!(group_as_id, BatchError::DuplicateId { id: "x".into() });

        let forward = error(vec![BatchItem::get("a").depends_on("2"), BatchItem::get("b")]);
        assert_eq!(forward, BatchError::UnknownDependency { id: "1".into(), depends_on: "2".into() });
        assert_eq!(
            forward.to_string(),
            "batch request `1` depends on `2`, which is no earlier request or atomicity group; add that first"
        );

        let reference = error(vec![BatchItem::get("$7/sessions")]);
        assert_eq!(reference, BatchError::UnknownReference { id: "1".into(), reference: "7".into() });

        let own_group = error(vec![BatchItem::post("a", json!({})).atomicity_group("g").depends_on("g")]);
        assert_eq!(own_group, BatchError::UnknownDependency { id: "1".into(), depends_on: "g".into() });

        let member =
            error(vec![BatchItem::post("a", json!({})).atomicity_group("g"), BatchItem::get("b").depends_on("1")]);
        assert_eq!(
            member,
            BatchError::DependsOnGroupMember { id: "2".into(), depends_on: "1".into(), group: "g".into() }
        );

        let split = error(vec![
            BatchItem::post("a", json!({})).atomicity_group("g"),
            BatchItem::get("b"),
            BatchItem::post("c", json!({})).atomicity_group("g"),
        ]);
        assert_eq!(split, BatchError::AtomicityGroupNotAdjacent { id: "3".into(), group: "g".into() });

        let get_body = error(vec![BatchItem::get("a").body(json!({"x": 1}))]);
        assert_eq!(get_body, BatchError::BodyNotAllowed { id: "1".into(), method: "GET".into() });

        let head = error(vec![BatchItem::new(Method::HEAD, "a")]);
        assert_eq!(head, BatchError::UnsupportedMethod { id: "1".into(), method: "HEAD".into() });
    }

    #[test]
    fn response_errors_name_the_json_path() {
        let parse = |text: &str| BatchResponse::parse(text.as_bytes()).unwrap_err();
        assert_eq!(
            parse(r#"{"responses":[{"id":"1","status":200},{"id":"2","status":200},{"id":"3","status":"ok"}]}"#),
            BatchError::json("$.responses[2].status", "expected a number")
        );
        let invalid = parse(r#"{"responses":[{"id":"1","status":1000}]}"#);
        assert_eq!(invalid.to_string(), "$.responses[0].status: `1000` is not an HTTP status code");
        assert_eq!(
            parse(r#"{"value":[]}"#),
            BatchError::json("$.responses", "missing; this is not a JSON batch response")
        );
        assert_eq!(parse(r#"{"responses":[{"status":200}]}"#), BatchError::json("$.responses[0].id", "missing"));
        assert!(matches!(parse("<html>"), BatchError::Json { path, .. } if path == "$"));
    }

    #[test]
    fn raw_json_bodies() {
        let item = BatchItem::put("a", Value::Null).body_bytes(br#"{"x":1}"#).unwrap();
        assert_eq!(item.body, Some(json!({"x": 1})));
        assert!(BatchItem::get("a").body_bytes(b"not json").is_err());
    }
}
