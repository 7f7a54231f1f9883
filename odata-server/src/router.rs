//! The axum side: one handler for every path below the service root; it reads the body (within
//! the size limit), works out the service root URL, and hands over to [`dispatch`].

use axum::Router;
use axum::body::Body;
use axum::extract::{OriginalUri, Request, State};
use axum::response::{IntoResponse, Response};
use http::{HeaderValue, Method, StatusCode, header};

use crate::error::ODataError;
use crate::format::{MetadataFormat, negotiate, negotiate_metadata};
use crate::path::{Target, parse};
use crate::request::{ODataRequest, Reply};
use crate::service::Service;

pub(crate) fn router(service: Service) -> Router {
    Router::new().fallback(handle).with_state(service)
}

async fn handle(State(service): State<Service>, OriginalUri(original): OriginalUri, request: Request) -> Response {
    let (parts, body) = request.into_parts();
    let limit = service.inner.limits.max_body_bytes;
    let body = match axum::body::to_bytes(body, limit).await {
        Ok(body) => body,
        Err(_) => {
            let error = ODataError::new(
                StatusCode::PAYLOAD_TOO_LARGE,
                "PayloadTooLarge",
                format!("the request body is larger than {limit} bytes"),
            );
            return finish(error.into());
        }
    };
    let root = service_root(&parts.headers, original.path(), parts.uri.path());
    let request = ODataRequest {
        method: parts.method,
        path: parts.uri.path().trim_start_matches('/').to_owned(),
        query: parts.uri.query().map(str::to_owned),
        headers: parts.headers,
        body,
        root,
    };
    finish(dispatch(&service, request, None).await)
}

/// `http://host/prefix`: the scheme (from `X-Forwarded-Proto`, else http), the `Host`, and the
/// part of the original path that a `nest` took away.
fn service_root(headers: &http::HeaderMap, original_path: &str, path: &str) -> String {
    let host = headers.get(header::HOST).and_then(|v| v.to_str().ok()).unwrap_or("localhost");
    let scheme = headers.get("x-forwarded-proto").and_then(|v| v.to_str().ok()).unwrap_or("http");
    let prefix = original_path.strip_suffix(path).unwrap_or("");
    format!("{scheme}://{host}{}", prefix.trim_end_matches('/'))
}

fn finish(reply: Reply) -> Response {
    let mut response = Response::new(Body::from(reply.body));
    *response.status_mut() = reply.status;
    *response.headers_mut() = reply.headers;
    response.headers_mut().insert("OData-Version", HeaderValue::from_static("4.0"));
    response.into_response()
}

/// Answers one request. `conn`: the connection of the `$batch` atomicity group it runs in.
pub(crate) async fn dispatch(
    service: &Service,
    request: ODataRequest,
    conn: Option<&mut sqlx::AnyConnection>,
) -> Reply {
    match answer(service, request, conn).await {
        Ok(reply) => reply,
        Err(error) => error.into(),
    }
}

async fn answer(
    service: &Service,
    request: ODataRequest,
    conn: Option<&mut sqlx::AnyConnection>,
) -> Result<Reply, ODataError> {
    if let Some(version) = request.header("odata-maxversion").or(request.header("odata-version"))
        && version.trim().starts_with(['1', '2', '3'])
    {
        return Err(ODataError::bad_request(
            "UnsupportedVersion",
            format!("this service speaks OData 4.0, not {version}"),
        ));
    }
    let target = parse(&request.path)?;
    let options = request.query_pairs()?;
    let format_option = options.iter().find(|(n, _)| n == "$format").map(|(_, v)| v.as_str());
    match target {
        Target::ServiceDocument => {
            only_get(&request.method, "the service document")?;
            let format = negotiate(&request.headers, format_option)?;
            Ok(Reply::json(StatusCode::OK, format, service_document(service, &request.root)))
        }
        Target::Metadata => {
            only_get(&request.method, "$metadata")?;
            match negotiate_metadata(&request.headers, format_option)? {
                MetadataFormat::Xml => {
                    Ok(Reply::with_type(StatusCode::OK, "application/xml", service.inner.metadata_xml.clone()))
                }
                MetadataFormat::Json => {
                    Ok(Reply::with_type(StatusCode::OK, "application/json", service.inner.metadata_json.clone()))
                }
            }
        }
        Target::Batch => {
            if request.method != Method::POST {
                return Err(ODataError::method_not_allowed(&request.method, "$batch"));
            }
            Box::pin(crate::batch::batch(service, request)).await
        }
        Target::Resource(segments) => {
            // A set served by a data source: no database connection.
            if let Some((set, source)) = crate::source::serve::sourced(&service.inner, &segments) {
                let in_group = conn.is_some();
                return crate::source::serve::serve(
                    &service.inner,
                    set,
                    source,
                    &request,
                    &segments,
                    &options,
                    in_group,
                )
                .await;
            }
            let mut owned;
            let conn: &mut sqlx::AnyConnection = match conn {
                Some(conn) => conn,
                None => {
                    owned = service.inner.pool.acquire().await.map_err(|e| ODataError::database(&e))?;
                    &mut owned
                }
            };
            match request.method {
                Method::GET | Method::HEAD => {
                    crate::read::get(&service.inner, conn, &request, &segments, &options).await
                }
                Method::POST => crate::write::post(&service.inner, conn, &request, &segments, &options).await,
                Method::PATCH | Method::PUT | Method::DELETE => {
                    crate::write::change(&service.inner, conn, &request, &segments).await
                }
                ref method => Err(ODataError::method_not_allowed(method, &request.path)),
            }
        }
    }
}

fn only_get(method: &Method, what: &str) -> Result<(), ODataError> {
    if *method == Method::GET || *method == Method::HEAD {
        Ok(())
    } else {
        Err(ODataError::method_not_allowed(method, what))
    }
}

fn service_document(service: &Service, root: &str) -> String {
    let mut value = Vec::new();
    let container = service.inner.catalog.container;
    for set in container.entity_sets.iter().filter(|s| s.include_in_service_document) {
        value.push(serde_json::json!({ "name": set.name, "kind": "EntitySet", "url": set.name }));
    }
    for singleton in container.singletons {
        value.push(serde_json::json!({ "name": singleton.name, "kind": "Singleton", "url": singleton.name }));
    }
    for import in container.operation_imports.iter().filter(|i| i.include_in_service_document) {
        value.push(serde_json::json!({ "name": import.name, "kind": "FunctionImport", "url": import.name }));
    }
    let mut out = String::from("{\"@odata.context\":");
    crate::value::push_json_string(&mut out, &format!("{root}/$metadata"));
    out.push_str(",\"value\":");
    out.push_str(&serde_json::Value::Array(value).to_string());
    out.push('}');
    out
}
