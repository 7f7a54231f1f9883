//! [`BatchResponse`]: the `{"responses":[...]}` document a service answers a batch with, read
//! without touching the bodies: each stays the JSON text the service sent until it is read as
//! its type.

use http::header::{HeaderName, HeaderValue};
use http::{HeaderMap, StatusCode};
use serde::de::DeserializeOwned;
use serde_json::Value;
use serde_json::error::Category;
use serde_json::value::RawValue;

use super::{BatchError, BatchRequest, RawJson};
use crate::request::members::Members;
use crate::request::{DecodeError, Readable, ResponseError, read_response};

/// A JSON batch response: one response per request, in any order, matched by id.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct BatchResponse {
    /// The responses, in the order sent.
    pub responses: Vec<BatchItemResponse>,
    /// `@odata.nextLink` (or `@nextLink`): the batch is a partial result, and the rest is there.
    pub next_link: Option<String>,
    /// Every other member of the document (annotations), in the order sent, each value as its
    /// JSON text.
    pub additional: Vec<(String, RawJson)>,
}

impl BatchResponse {
    /// Reads `{"responses":[...]}`. The bodies are kept as the text sent ([`RawJson`]); the rest
    /// is checked here. Errors name the JSON path (`$.responses[2].status`); a member the format
    /// defines that appears twice is an error.
    pub fn parse(body: &[u8]) -> Result<BatchResponse, BatchError> {
        let Members(members) = serde_json::from_slice(body).map_err(|e| match e.classify() {
            Category::Data => BatchError::json("$", "expected an object with `responses`"),
            _ => BatchError::json("$", format!("not JSON: {e}")),
        })?;
        let mut members = Fields::new("$", members);
        let responses = members.take("responses")?;
        let responses = match responses {
            Some(raw) => serde_json::from_str::<Vec<&RawValue>>(raw.get())
                .map_err(|_| BatchError::json("$.responses", "expected an array"))?,
            None => return Err(BatchError::json("$.responses", "missing; this is not a JSON batch response")),
        };
        let responses = responses
            .into_iter()
            .enumerate()
            .map(|(index, item)| BatchItemResponse::from_raw(&format!("$.responses[{index}]"), item))
            .collect::<Result<Vec<_>, _>>()?;
        let mut next_link = None;
        for key in ["@odata.nextLink", "@nextLink"] {
            if let Some(raw) = members.take(key)? {
                match value(raw) {
                    Some(Value::String(link)) => next_link = Some(link),
                    Some(Value::Null) => {}
                    _ => return Err(BatchError::json(format!("$['{key}']"), "expected a string")),
                }
            }
        }
        Ok(BatchResponse { responses, next_link, additional: members.rest() })
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

    /// A member of the document the format does not define (`@contoso.trace`), as its JSON text.
    pub fn member(&self, name: &str) -> Option<&RawJson> {
        member(&self.additional, name)
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
    /// The body, as the JSON text the service sent: JSON for a JSON media type, a JSON string
    /// for a `text/*` one (base64url for others). `None` for no body (or `null`).
    pub body: Option<RawJson>,
    /// The atomicity group of the request, if it had one.
    pub atomicity_group: Option<String>,
    /// Every other member, in the order sent, each value as its JSON text.
    pub additional: Vec<(String, RawJson)>,
}

impl BatchItemResponse {
    /// Whether the status is 2xx.
    pub fn is_success(&self) -> bool {
        self.status.is_success()
    }

    /// Reads the body: the typed value for a success status, decoded straight from the text the
    /// service sent (an `Edm.Decimal` keeps every digit), else the service's error.
    pub fn read<T: DeserializeOwned>(&self) -> Result<T, ResponseError> {
        let status = self.status;
        if !status.is_success() {
            return Err(ResponseError::from_failure(status, &self.body_bytes()).with_headers(&self.headers));
        }
        let Some(body) = &self.body else {
            let error = DecodeError::message("no content, where a value was expected");
            return Err(ResponseError::decode(status, error));
        };
        body.read().map_err(|e| ResponseError::decode(status, e.into()))
    }

    /// Reads the body as a [`ReadRequest`](crate::request::ReadRequest) reads a response: what
    /// `R` holds (`Session` for one entity, `Vec<Session>` for a [`Page`](crate::Page),
    /// `Count<Session>` for a count), with the same checks (a body of the other shape is
    /// [`ResponseErrorKind::Shape`](crate::request::ResponseErrorKind::Shape)), the item's `ETag` header kept as the entity's `@odata.etag`,
    /// and the service's error for a failure status. Decoded from the text the service sent.
    pub fn read_as<R: Readable>(&self) -> Result<R::Response, ResponseError> {
        let mut response = http::Response::new(self.body_bytes());
        *response.status_mut() = self.status;
        *response.headers_mut() = self.headers.clone();
        read_response::<R, _>(response)
    }

    /// The body as the bytes the service would have sent outside a batch: a string body as its
    /// text, JSON as the JSON text sent, nothing as empty.
    pub fn body_bytes(&self) -> Vec<u8> {
        match &self.body {
            None => Vec::new(),
            Some(body) => match body.as_text() {
                Some(text) => text.into_bytes(),
                None => body.as_bytes().to_vec(),
            },
        }
    }

    /// A member of the response the format does not define (`@contoso.trace`), as its JSON text.
    pub fn member(&self, name: &str) -> Option<&RawJson> {
        member(&self.additional, name)
    }

    fn from_raw(path: &str, raw: &RawValue) -> Result<BatchItemResponse, BatchError> {
        let Members(members) =
            serde_json::from_str(raw.get()).map_err(|_| BatchError::json(path, "expected a response object"))?;
        let mut members = Fields::new(path, members);
        let id = match members.take("id")? {
            Some(raw) => match string_or_number(raw) {
                // Lenient: a numeric id is the same id.
                Some(id) => id,
                None => return Err(BatchError::json(format!("{path}.id"), "expected a string")),
            },
            None => return Err(BatchError::json(format!("{path}.id"), "missing")),
        };
        let status_path = format!("{path}.status");
        let status = match members.take("status")? {
            Some(raw) if raw.get().starts_with(|c: char| c == '-' || c.is_ascii_digit()) => {
                raw.get().parse::<u16>().ok().and_then(|n| StatusCode::from_u16(n).ok()).ok_or_else(|| {
                    BatchError::InvalidStatus { path: status_path.clone(), value: raw.get().to_owned() }
                })?
            }
            Some(_) => return Err(BatchError::json(status_path, "expected a number")),
            None => return Err(BatchError::json(status_path, "missing")),
        };
        let mut headers = HeaderMap::new();
        if let Some(raw) = members.take("headers")?.filter(|raw| raw.get() != "null") {
            let Ok(Members(pairs)) = serde_json::from_str(raw.get()) else {
                return Err(BatchError::json(format!("{path}.headers"), "expected an object"));
            };
            for (name, value) in pairs {
                let header_path = format!("{path}.headers['{name}']");
                let Some(text) = string_or_number(value) else {
                    return Err(BatchError::json(header_path, "expected a string"));
                };
                let name = HeaderName::from_bytes(name.as_bytes())
                    .map_err(|_| BatchError::json(header_path.clone(), "not a header name"))?;
                let value =
                    HeaderValue::from_str(&text).map_err(|_| BatchError::json(header_path, "not a header value"))?;
                headers.append(name, value);
            }
        }
        let body = members.take("body")?.filter(|body| body.get() != "null").map(RawJson::from);
        let atomicity_group = match members.take("atomicityGroup")?.map(value) {
            Some(Some(Value::String(group))) => Some(group),
            Some(Some(Value::Null)) | None => None,
            Some(_) => return Err(BatchError::json(format!("{path}.atomicityGroup"), "expected a string")),
        };
        Ok(BatchItemResponse { id, status, headers, body, atomicity_group, additional: members.rest() })
    }
}

fn member<'a>(members: &'a [(String, RawJson)], name: &str) -> Option<&'a RawJson> {
    members.iter().find(|(key, _)| key == name).map(|(_, value)| value)
}

/// A small member (a link, a group) as a `Value`; `None` when it is not one (a number beyond the
/// `f64` range), which the caller reports as the wrong type.
fn value(raw: &RawValue) -> Option<Value> {
    serde_json::from_str(raw.get()).ok()
}

/// The text of a string, or a number as sent (`1` for an id, `42` for a header).
fn string_or_number(raw: &RawValue) -> Option<String> {
    let text = raw.get();
    if text.starts_with('"') {
        serde_json::from_str(text).ok()
    } else if text.starts_with(|c: char| c == '-' || c.is_ascii_digit()) {
        Some(text.to_owned())
    } else {
        None
    }
}

/// The members of an object, the ones the format defines taken out one by one.
struct Fields<'a> {
    path: &'a str,
    members: Vec<(String, &'a RawValue)>,
}

impl<'a> Fields<'a> {
    fn new(path: &'a str, members: Vec<(String, &'a RawValue)>) -> Self {
        Fields { path, members }
    }

    /// The member's value, if present; an error when it appears twice.
    fn take(&mut self, name: &str) -> Result<Option<&'a RawValue>, BatchError> {
        let mut found = None;
        let mut index = 0;
        while index < self.members.len() {
            if self.members[index].0 == name {
                let (_, value) = self.members.remove(index);
                if found.replace(value).is_some() {
                    return Err(BatchError::json(format!("{}.{name}", self.path), "appears twice"));
                }
            } else {
                index += 1;
            }
        }
        Ok(found)
    }

    /// What no one took, in the order sent.
    fn rest(self) -> Vec<(String, RawJson)> {
        self.members.into_iter().map(|(name, value)| (name, RawJson::from(value))).collect()
    }
}
