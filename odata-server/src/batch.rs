//! JSON `$batch` (OData 4.01): `{"requests":[{id, method, url, headers, body, dependsOn,
//! atomicityGroup}]}`. Requests run in order; the requests of an atomicity group run in one
//! transaction and roll back together when one fails; a request whose dependency failed gets
//! 424; `$<id>` at the start of a URL stands for the entity that request created.

use std::collections::HashMap;

use bytes::Bytes;
use http::{HeaderMap, HeaderName, HeaderValue, Method, StatusCode};
use serde_json::{Map, Value};
use sqlx::Connection;

use crate::error::ODataError;
use crate::request::{ODataRequest, Reply};
use crate::router::dispatch;
use crate::service::Service;

/// One request of the batch, as read (from either format).
pub(crate) struct Item {
    /// The request id (JSON `id`, multipart `Content-ID`, or one the server made up).
    pub(crate) id: String,
    pub(crate) method: Method,
    pub(crate) url: String,
    pub(crate) headers: HeaderMap,
    pub(crate) body: Bytes,
    pub(crate) depends_on: Vec<String>,
    /// The atomicity group (JSON) or change set (multipart) it belongs to.
    pub(crate) group: Option<String>,
}

fn bad(message: impl Into<String>) -> ODataError {
    ODataError::bad_request("InvalidBatch", message).with_target("$batch")
}

/// Answers a `$batch` request: the JSON format, or the multipart format (`multipart/mixed`,
/// crate::multipart), which runs through the same [`execute`].
pub(crate) async fn batch(service: &Service, request: ODataRequest) -> Result<Reply, ODataError> {
    let content_type = request.header("content-type").unwrap_or("application/json").to_ascii_lowercase();
    if content_type.starts_with("multipart/mixed") {
        return crate::multipart::batch(service, request).await;
    }
    if !content_type.starts_with("application/json") {
        return Err(ODataError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "UnsupportedMediaType",
            format!("$batch takes the JSON format (application/json) or multipart/mixed, not {content_type}"),
        ));
    }
    let format = crate::format::negotiate(&request.headers, None)?;
    let items = read_items(&request.body, service.inner.limits.max_batch_requests)?;
    let replies = execute(service, &request, &items, false).await;
    let responses: Vec<Value> = items
        .iter()
        .zip(replies)
        .map(|(item, reply)| response_json(item.id.clone(), reply, item.group.clone()))
        .collect();
    let body = serde_json::json!({ "responses": responses }).to_string();
    Ok(Reply::json(StatusCode::OK, format, body))
}

/// Runs the requests in order, each atomicity group (a multipart change set) in one transaction;
/// one reply per request run. With `stop_on_error`, the first failed request or group is the
/// last one run (the multipart format's rule without `continue-on-error`).
pub(crate) async fn execute(
    service: &Service,
    request: &ODataRequest,
    items: &[Item],
    stop_on_error: bool,
) -> Vec<Reply> {
    let mut replies: Vec<Reply> = Vec::with_capacity(items.len());
    let mut status_of: HashMap<String, StatusCode> = HashMap::new();
    let mut location_of: HashMap<String, String> = HashMap::new();
    let mut i = 0;
    while i < items.len() {
        let group = items[i].group.clone();
        let end = match &group {
            Some(g) => i + items[i..].iter().take_while(|it| it.group.as_ref() == Some(g)).count(),
            None => i + 1,
        };
        let members = &items[i..end];
        let failed;
        if let Some(g) = &group {
            let results = run_group(service, request, members, &status_of, &location_of).await;
            failed = results.iter().any(|r| r.status.as_u16() >= 400);
            for (item, reply) in members.iter().zip(results) {
                let status = if failed { StatusCode::FAILED_DEPENDENCY.max(reply.status) } else { reply.status };
                record(&mut status_of, &mut location_of, item, &reply, &request.root, status);
                status_of.insert(g.clone(), status.max(*status_of.get(g).unwrap_or(&StatusCode::OK)));
                replies.push(reply);
            }
        } else {
            let item = &members[0];
            let reply = match dependency_failed(item, &status_of) {
                Some(reply) => reply,
                None => match inner_request(request, item, &location_of) {
                    Ok(inner) => dispatch(service, inner, None).await,
                    Err(e) => e.into(),
                },
            };
            failed = reply.status.as_u16() >= 400;
            record(&mut status_of, &mut location_of, item, &reply, &request.root, reply.status);
            replies.push(reply);
        }
        if failed && stop_on_error {
            break;
        }
        i = end;
    }
    replies
}

fn record(
    status_of: &mut HashMap<String, StatusCode>,
    location_of: &mut HashMap<String, String>,
    item: &Item,
    reply: &Reply,
    root: &str,
    status: StatusCode,
) {
    status_of.insert(item.id.clone(), status);
    if let Some(location) = reply.headers.get(http::header::LOCATION).and_then(|v| v.to_str().ok()) {
        let relative = location.strip_prefix(root).unwrap_or(location).trim_start_matches('/');
        location_of.insert(item.id.clone(), relative.to_owned());
    }
}

fn dependency_failed(item: &Item, status_of: &HashMap<String, StatusCode>) -> Option<Reply> {
    let failed = item.depends_on.iter().find(|d| status_of.get(*d).is_some_and(|s| s.as_u16() >= 400))?;
    let error = ODataError::new(
        StatusCode::FAILED_DEPENDENCY,
        "FailedDependency",
        format!("the request {failed} it depends on failed"),
    );
    Some(error.into())
}

/// Runs the requests of one atomicity group in one transaction.
async fn run_group(
    service: &Service,
    request: &ODataRequest,
    members: &[Item],
    status_of: &HashMap<String, StatusCode>,
    location_of: &HashMap<String, String>,
) -> Vec<Reply> {
    let fail_all = |error: ODataError| members.iter().map(|_| Reply::from(error.clone())).collect::<Vec<_>>();
    let mut conn = match service.inner.pool.acquire().await {
        Ok(conn) => conn,
        Err(e) => return fail_all(ODataError::database(&e)),
    };
    let mut tx = match conn.begin().await {
        Ok(tx) => tx,
        Err(e) => return fail_all(ODataError::database(&e)),
    };
    let mut replies = Vec::new();
    let mut locations = location_of.clone();
    let mut statuses = status_of.clone();
    let mut failed = false;
    for item in members {
        if failed {
            replies.push(
                ODataError::new(
                    StatusCode::FAILED_DEPENDENCY,
                    "FailedDependency",
                    "another request of its atomicity group failed",
                )
                .into(),
            );
            continue;
        }
        let reply = match dependency_failed(item, &statuses) {
            Some(reply) => reply,
            None => match inner_request(request, item, &locations) {
                Ok(inner) => dispatch(service, inner, Some(&mut *tx)).await,
                Err(e) => e.into(),
            },
        };
        if reply.status.as_u16() >= 400 {
            failed = true;
        }
        statuses.insert(item.id.clone(), reply.status);
        if let Some(location) = reply.headers.get(http::header::LOCATION).and_then(|v| v.to_str().ok()) {
            let relative = location.strip_prefix(&request.root).unwrap_or(location).trim_start_matches('/');
            locations.insert(item.id.clone(), relative.to_owned());
        }
        replies.push(reply);
    }
    let outcome = if failed { tx.rollback().await } else { tx.commit().await };
    if let Err(e) = outcome {
        return fail_all(ODataError::database(&e));
    }
    if failed {
        // Earlier successes were rolled back: say so.
        for reply in replies.iter_mut() {
            if reply.status.as_u16() < 400 {
                *reply = ODataError::new(
                    StatusCode::FAILED_DEPENDENCY,
                    "FailedDependency",
                    "another request of its atomicity group failed: rolled back",
                )
                .into();
            }
        }
    }
    replies
}

fn read_items(body: &[u8], limit: usize) -> Result<Vec<Item>, ODataError> {
    let value: Value = serde_json::from_slice(body).map_err(|e| bad(format!("the batch is not valid JSON: {e}")))?;
    let requests =
        value.get("requests").and_then(Value::as_array).ok_or_else(|| bad("the batch has no array `requests`"))?;
    if requests.len() > limit {
        return Err(bad(format!("the batch has {} requests, more than the limit of {limit}", requests.len())));
    }
    let mut items: Vec<Item> = Vec::with_capacity(requests.len());
    for (index, request) in requests.iter().enumerate() {
        let object = request.as_object().ok_or_else(|| bad(format!("request {index} is not an object")))?;
        let text = |name: &str| object.get(name).and_then(Value::as_str).map(str::to_owned);
        let id = text("id").ok_or_else(|| bad(format!("request {index} has no id")))?;
        if items.iter().any(|i| i.id == id) {
            return Err(bad(format!("the id {id} is used twice")));
        }
        let method = text("method").ok_or_else(|| bad(format!("request {id} has no method")))?;
        let method = Method::from_bytes(method.to_ascii_uppercase().as_bytes())
            .map_err(|_| bad(format!("request {id}: {method} is no method")))?;
        let url = text("url").ok_or_else(|| bad(format!("request {id} has no url")))?;
        let mut headers = HeaderMap::new();
        if let Some(map) = object.get("headers") {
            let map = map.as_object().ok_or_else(|| bad(format!("request {id}: headers must be an object")))?;
            for (name, value) in map {
                let name = HeaderName::from_bytes(name.as_bytes())
                    .map_err(|_| bad(format!("request {id}: {name} is no header name")))?;
                let value = value
                    .as_str()
                    .and_then(|v| HeaderValue::from_str(v).ok())
                    .ok_or_else(|| bad(format!("request {id}: header {name} must be a string")))?;
                headers.append(name, value);
            }
        }
        let body = match object.get("body") {
            None | Some(Value::Null) => Bytes::new(),
            Some(Value::String(s))
                if !headers.get("content-type").is_some_and(|v| v.to_str().unwrap_or_default().contains("json")) =>
            {
                Bytes::from(s.clone())
            }
            Some(value) => Bytes::from(value.to_string()),
        };
        let depends_on = match object.get("dependsOn") {
            None => Vec::new(),
            Some(Value::Array(ids)) => ids
                .iter()
                .map(|v| v.as_str().map(str::to_owned).ok_or_else(|| bad(format!("request {id}: dependsOn holds ids"))))
                .collect::<Result<_, _>>()?,
            Some(_) => return Err(bad(format!("request {id}: dependsOn must be an array"))),
        };
        let group = text("atomicityGroup");
        if let Some(g) = &group
            && items.last().is_some_and(|last| last.group.as_ref() != Some(g))
            && items.iter().any(|it| it.group.as_ref() == Some(g))
        {
            return Err(bad(format!("the requests of atomicity group {g} must be adjacent")));
        }
        for dependency in &depends_on {
            let known = items.iter().any(|i| i.id == *dependency || i.group.as_ref() == Some(dependency));
            if !known {
                return Err(bad(format!("request {id} depends on {dependency}, which does not come before it")));
            }
        }
        items.push(Item { id, method, url, headers, body, depends_on, group });
    }
    Ok(items)
}

/// The inner request of an item: its URL made relative to the service root, `$<id>` replaced.
fn inner_request(
    outer: &ODataRequest,
    item: &Item,
    locations: &HashMap<String, String>,
) -> Result<ODataRequest, ODataError> {
    let mut url = item.url.as_str();
    let root_path = outer.root.split_once("://").and_then(|(_, rest)| rest.find('/').map(|i| &rest[i..])).unwrap_or("");
    if let Some(rest) = url.strip_prefix(&outer.root) {
        url = rest;
    } else if url.contains("://") {
        return Err(ODataError::bad_request(
            "InvalidBatch",
            format!("request {}: {} is not below the service root", item.id, item.url),
        ));
    } else if !root_path.is_empty()
        && let Some(rest) = url.strip_prefix(root_path)
    {
        url = rest;
    }
    let url = url.trim_start_matches('/');
    let (path, query) = match url.split_once('?') {
        Some((path, query)) => (path, Some(query.to_owned())),
        None => (url, None),
    };
    let path = match path.strip_prefix('$') {
        Some(reference)
            if !reference.starts_with(|c: char| c.is_ascii_lowercase())
                || locations.contains_key(reference.split('/').next().unwrap_or("")) =>
        {
            let (id, rest) = reference.split_once('/').unwrap_or((reference, ""));
            let location = locations.get(id).ok_or_else(|| {
                ODataError::bad_request(
                    "InvalidBatch",
                    format!("request {}: ${id} names no earlier request that created an entity", item.id),
                )
            })?;
            if rest.is_empty() { location.clone() } else { format!("{location}/{rest}") }
        }
        _ => path.to_owned(),
    };
    if path == "$batch" {
        return Err(ODataError::bad_request(
            "InvalidBatch",
            format!("request {}: a batch cannot hold a batch", item.id),
        ));
    }
    Ok(ODataRequest {
        method: item.method.clone(),
        path,
        query,
        headers: item.headers.clone(),
        body: item.body.clone(),
        root: outer.root.clone(),
    })
}

fn response_json(id: String, reply: Reply, group: Option<String>) -> Value {
    let mut object = Map::new();
    object.insert("id".into(), Value::from(id));
    if let Some(group) = group {
        object.insert("atomicityGroup".into(), Value::from(group));
    }
    object.insert("status".into(), Value::from(reply.status.as_u16()));
    let mut headers = Map::new();
    for (name, value) in &reply.headers {
        if let Ok(value) = value.to_str() {
            headers.insert(name.as_str().to_owned(), Value::from(value));
        }
    }
    let is_json = reply
        .headers
        .get(http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|t| t.starts_with("application/json"));
    object.insert("headers".into(), Value::Object(headers));
    if !reply.body.is_empty() {
        let body = if is_json {
            serde_json::from_slice(&reply.body)
                .unwrap_or_else(|_| Value::from(String::from_utf8_lossy(&reply.body).into_owned()))
        } else {
            Value::from(String::from_utf8_lossy(&reply.body).into_owned())
        };
        object.insert("body".into(), body);
    }
    Value::Object(object)
}
