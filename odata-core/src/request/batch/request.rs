//! [`BatchRequest`]: the items of a batch, their ids, and the HTTP request that carries them.

use http::header::{ACCEPT, CONTENT_TYPE, HeaderName, HeaderValue};
use http::{HeaderMap, Method};

use super::{BatchError, BatchItem};
use crate::request::ODATA_VERSION;

/// A JSON batch: requests sent together as one `POST {service root}/$batch` (OData 4.01).
#[derive(Debug, Clone, PartialEq)]
pub struct BatchRequest {
    pub(super) root: String,
    pub(super) items: Vec<BatchItem>,
    pub(super) headers: HeaderMap,
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

    /// The headers of the batch request itself.
    pub fn headers(&self) -> &HeaderMap {
        &self.headers
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
        self.check()
    }

    /// The `{"requests":[...]}` document, as sent: the bodies are in it as they were given or
    /// encoded, digit for digit (parse it into a `serde_json::Value` only where rounding the
    /// numbers of the bodies does not matter).
    pub fn to_json(&self) -> Result<String, BatchError> {
        let bytes = self.document()?;
        String::from_utf8(bytes).map_err(|e| BatchError::Request { message: format!("the batch did not encode: {e}") })
    }

    /// The request, for any HTTP client: `POST {root}/$batch`, `Content-Type` and `Accept`
    /// `application/json`, `OData-Version: 4.01`, the batch headers, and the JSON body.
    pub fn to_http(&self) -> Result<http::Request<Vec<u8>>, BatchError> {
        let body = self.document()?;
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
}
