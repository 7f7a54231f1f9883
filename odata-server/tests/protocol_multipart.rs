//! The multipart batch format (OData 4.01 Protocol, "Multipart Batch Format"): the
//! specification's own examples (tests/fixtures/multipart/, with provenance) against the test
//! shop served under `/service`, change sets that roll back together, `Content-ID` and `$<id>`,
//! processing that stops at the first error unless `continue-on-error`, and malformed bodies
//! answered with a 400 OData error.

mod support;

use support::{Server, get, send};

/// The shop served below `/service`, as in the specification's examples.
async fn start() -> Server {
    let pool = support::database().await;
    let service = odata_server::Service::builder::<support::Shop>(pool).build().await.expect("service");
    support::seed(&service).await;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let address = listener.local_addr().expect("address");
    let router = axum::Router::new().nest_service("/service", service.router());
    tokio::spawn(async move { axum::serve(listener, router).await.expect("serve") });
    Server { root: format!("http://{address}/service"), service }
}

/// A fixture's content type and body, with the placeholders and the specification's model
/// names replaced, `Content-Length: ###` lines dropped, and CRLF line breaks (RFC 2046).
fn fixture(name: &str, replacements: &[(&str, &str)]) -> (String, String) {
    let path = format!("{}/tests/fixtures/multipart/{name}", env!("CARGO_MANIFEST_DIR"));
    let mut text = std::fs::read_to_string(path).expect("fixture");
    for (from, to) in replacements {
        assert!(text.contains(from), "{name} holds no {from}");
        text = text.replace(from, to);
    }
    let text: Vec<&str> = text.lines().filter(|l| *l != "Content-Length: ###").collect();
    let text = text.join("\r\n") + "\r\n";
    let (head, body) = text.split_once("\r\n\r\n").expect("head and body");
    let content_type = head.lines().find_map(|l| l.strip_prefix("Content-Type: ")).expect("content type").to_owned();
    (content_type, body.to_owned())
}

async fn post_batch(server: &Server, content_type: &str, body: &str, extra: &[(&str, &str)]) -> support::Response {
    let mut headers = vec![("Content-Type", content_type)];
    headers.extend_from_slice(extra);
    send("POST", &format!("{}/$batch", server.root), &headers, Some(body)).await
}

/// The response with the server's address replaced by `ROOT` and each `Content-Length: N` by
/// `Content-Length: #`, after checking that N bytes of body follow it, then the line break
/// before the next delimiter.
fn shown(server: &Server, response: &support::Response) -> String {
    let text = &response.text;
    let mut out = String::new();
    let mut rest = text.as_str();
    while let Some(at) = rest.find("Content-Length: ") {
        out.push_str(&rest[..at]);
        let after = &rest[at + "Content-Length: ".len()..];
        let digits = after.find("\r\n").expect("line end");
        let length: usize = after[..digits].parse().expect("length");
        let body = after[digits..].strip_prefix("\r\n\r\n").expect("empty line");
        assert!(body[length..].starts_with("\r\n--"), "Content-Length {length} ends the body: {text}");
        out.push_str("Content-Length: #");
        rest = &after[digits..];
    }
    out.push_str(rest);
    out.replace(&server.root, "ROOT")
}

/// The bodies of the responses, in order.
fn bodies(response: &support::Response) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = response.text.as_str();
    while let Some(at) = rest.find("Content-Length: ") {
        let after = &rest[at + "Content-Length: ".len()..];
        let digits = after.find("\r\n").expect("line end");
        let length: usize = after[..digits].parse().expect("length");
        let body = &after[digits + 4..];
        out.push(body[..length].to_owned());
        rest = &body[length..];
    }
    out
}

const JSON_TYPE: &str = "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_specification_batch_request_example() {
    let server = start().await;
    let (content_type, body) = fixture(
        "batch-request.http",
        &[
            ("Customers('ALFKI')", "Categories(1)"),
            ("POST /service/Customers HTTP/1.1", "POST /service/Categories HTTP/1.1"),
            ("<JSON representation of a new Customer>", r#"{"CategoryID":10,"Name":"Spices"}"#),
            ("If-Match: xxxxx", "If-Match: W/\"1\""),
            ("<JSON representation of changes to Customer ALFKI>", r#"{"Description":"Changed"}"#),
            ("GET /service/Products HTTP/1.1", "GET /service/Products?$select=ProductName&$top=1 HTTP/1.1"),
        ],
    );
    let response = post_batch(&server, &content_type, &body, &[]).await;
    assert_eq!(response.status, 200, "{}", response.text);
    assert_eq!(response.header("content-type"), Some("multipart/mixed; boundary=batchresponse"));
    assert_eq!(response.header("odata-version"), Some("4.0"));
    let expected = [
        "--batchresponse",
        "Content-Type: application/http",
        "Content-Transfer-Encoding: binary",
        "",
        "HTTP/1.1 200 OK",
        &format!("Content-Type: {JSON_TYPE}"),
        "ETag: W/\"1\"",
        "OData-Version: 4.0",
        "Content-Length: #",
        "",
        r#"{"@odata.context":"ROOT/$metadata#Categories/$entity","@odata.etag":"W/\"1\"","CategoryID":1,"Name":"Beverages","Description":"Soft drinks"}"#,
        "--batchresponse",
        "Content-Type: multipart/mixed; boundary=changesetresponse_2",
        "",
        "--changesetresponse_2",
        "Content-Type: application/http",
        "Content-Transfer-Encoding: binary",
        "Content-ID: 1",
        "",
        "HTTP/1.1 201 Created",
        &format!("Content-Type: {JSON_TYPE}"),
        "Location: ROOT/Categories(10)",
        "ETag: W/\"1\"",
        "OData-Version: 4.0",
        "Content-Length: #",
        "",
        r#"{"@odata.context":"ROOT/$metadata#Categories/$entity","@odata.etag":"W/\"1\"","CategoryID":10,"Name":"Spices","Description":null}"#,
        "--changesetresponse_2",
        "Content-Type: application/http",
        "Content-Transfer-Encoding: binary",
        "Content-ID: 2",
        "",
        "HTTP/1.1 204 No Content",
        "ETag: W/\"2\"",
        "OData-Version: 4.0",
        "Content-Length: #",
        "",
        "",
        "--changesetresponse_2--",
        "--batchresponse",
        "Content-Type: application/http",
        "Content-Transfer-Encoding: binary",
        "",
        "HTTP/1.1 200 OK",
        &format!("Content-Type: {JSON_TYPE}"),
        "OData-Version: 4.0",
        "Content-Length: #",
        "",
        r#"{"@odata.context":"ROOT/$metadata#Products(ProductName)","value":[{"@odata.etag":"W/\"1\"","ProductName":"Chai"}]}"#,
        "--batchresponse--",
        "",
    ];
    assert_eq!(shown(&server, &response), expected.join("\r\n"));
    // The change set was applied.
    assert_eq!(get(&format!("{}/Categories(1)/Description/$value", server.root)).await.text, "Changed");
    assert_eq!(get(&format!("{}/Categories(10)/Name/$value", server.root)).await.text, "Spices");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_specification_content_id_example() {
    let server = start().await;
    let (content_type, body) = fixture(
        "batch-contentid.http",
        &[
            ("/service/Customers", "/service/Categories"),
            ("<JSON representation of a new Customer entity>", r#"{"CategoryID":11,"Name":"Referenced"}"#),
            ("$1/Orders", "$1/Products"),
            ("<JSON representation of a new Order>", r#"{"ProductID":11,"ProductName":"Child"}"#),
        ],
    );
    let response = post_batch(&server, &content_type, &body, &[]).await;
    assert_eq!(response.status, 200, "{}", response.text);
    let text = shown(&server, &response);
    let statuses: Vec<&str> = text.lines().filter(|l| l.starts_with("HTTP/1.1")).collect();
    assert_eq!(statuses, ["HTTP/1.1 201 Created", "HTTP/1.1 201 Created"]);
    let locations: Vec<&str> =
        text.lines().filter(|l| l.starts_with("Location:") || l.starts_with("Content-ID:")).collect();
    assert_eq!(
        locations,
        ["Content-ID: 1", "Location: ROOT/Categories(11)", "Content-ID: 2", "Location: ROOT/Products(11)"]
    );
    let child = get(&format!("{}/Products(11)?$select=CategoryID", server.root)).await;
    assert_eq!(child.json()["CategoryID"], 11);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn line_feeds_alone_and_all_three_url_forms_are_read() {
    let server = start().await;
    let root = &server.root;
    let path = root.split_once("//").unwrap().1.split_once('/').unwrap().1;
    // As printed in the specification (LF only), with an absolute URL, an absolute path and a
    // path relative to the service root.
    let body = format!(
        "--b\nContent-Type: application/http\n\nGET {root}/Categories(1)/Name/$value HTTP/1.1\n\n\n\
         --b\nContent-Type: application/http\n\nGET /{path}/Categories(2)/Name/$value HTTP/1.1\nHost: elsewhere\n\n\n\
         --b\nContent-Type: application/http\n\nGET Categories(3)/Name/$value HTTP/1.1\n\n\n--b--\n"
    );
    let response = post_batch(&server, "multipart/mixed; boundary=b", &body, &[]).await;
    assert_eq!(response.status, 200, "{}", response.text);
    assert_eq!(bodies(&response), ["Beverages", "Condiments", "Empty"]);
}

/// A change set whose second request fails (a stale ETag): one `application/http` part answers
/// for the whole change set, nothing of it is applied, and processing stops there.
fn failing_change_set() -> String {
    [
        "--b",
        "Content-Type: multipart/mixed; boundary=cs",
        "",
        "--cs",
        "Content-Type: application/http",
        "Content-ID: create",
        "",
        "POST Categories HTTP/1.1",
        "Content-Type: application/json",
        "",
        r#"{"CategoryID":12,"Name":"Lost"}"#,
        "--cs",
        "Content-Type: application/http",
        "Content-ID: update",
        "",
        "PATCH Categories(1) HTTP/1.1",
        "Content-Type: application/json",
        "If-Match: W/\"7\"",
        "",
        r#"{"Description":"Lost too"}"#,
        "--cs--",
        "--b",
        "Content-Type: application/http",
        "",
        "GET Categories/$count HTTP/1.1",
        "",
        "",
        "--b--",
        "",
    ]
    .join("\r\n")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_failed_change_set_rolls_back_and_stops_the_batch() {
    let server = start().await;
    let response = post_batch(&server, "multipart/mixed; boundary=b", &failing_change_set(), &[]).await;
    assert_eq!(response.status, 200, "{}", response.text);
    let error = r#"{"error":{"code":"PreconditionFailed","message":"If-Match W/\"7\" does not match the entity's current ETag W/\"1\""}}"#;
    let expected = [
        "--batchresponse",
        "Content-Type: application/http",
        "Content-Transfer-Encoding: binary",
        "Content-ID: update",
        "",
        "HTTP/1.1 412 Precondition Failed",
        "Content-Type: application/json;odata.metadata=minimal",
        "OData-Version: 4.0",
        "Content-Length: #",
        "",
        error,
        "--batchresponse--",
        "",
    ];
    assert_eq!(shown(&server, &response), expected.join("\r\n"));
    assert_eq!(get(&format!("{}/Categories(12)", server.root)).await.status, 404);
    assert_eq!(get(&format!("{}/Categories(1)/Description/$value", server.root)).await.text, "Soft drinks");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn continue_on_error_runs_the_rest() {
    let server = start().await;
    for prefer in ["odata.continue-on-error", "continue-on-error=true"] {
        let response =
            post_batch(&server, "multipart/mixed; boundary=b", &failing_change_set(), &[("Prefer", prefer)]).await;
        assert_eq!(response.status, 200, "{}", response.text);
        assert_eq!(response.header("preference-applied"), Some("odata.continue-on-error"));
        let statuses: Vec<&str> = response.text.lines().filter(|l| l.starts_with("HTTP/1.1")).collect();
        assert_eq!(statuses, ["HTTP/1.1 412 Precondition Failed", "HTTP/1.1 200 OK"]);
        assert!(response.text.ends_with("Content-Length: 1\r\n\r\n3\r\n--batchresponse--\r\n"), "{}", response.text);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn malformed_multipart_batches_are_400_with_an_odata_error() {
    let server = start().await;
    let request = |line: &str| format!("--b\r\nContent-Type: application/http\r\n\r\n{line}\r\n\r\n\r\n--b--\r\n");
    let change_set = |inner: &str| {
        format!("--b\r\nContent-Type: multipart/mixed; boundary=cs\r\n\r\n--cs\r\n{inner}\r\n--cs--\r\n--b--\r\n")
    };
    let cases: Vec<(&str, String, &str)> = vec![
        ("multipart/mixed", request("GET Categories HTTP/1.1"),
         "the Content-Type `multipart/mixed` has no boundary parameter (multipart/mixed; boundary=...)"),
        ("multipart/mixed; boundary=x", request("GET Categories HTTP/1.1"),
         "the body holds no delimiter line --x (the boundary of its Content-Type)"),
        ("multipart/mixed; boundary=b", "--b\r\nContent-Type: application/http\r\n\r\nGET Categories HTTP/1.1\r\n\r\n".into(),
         "the body does not end with the closing delimiter --b--"),
        ("multipart/mixed; boundary=b", "--b\r\nContent-Type application/http\r\n\r\nGET Categories\r\n--b--".into(),
         "part 1: the header line `Content-Type application/http` is not `Name: value`"),
        ("multipart/mixed; boundary=b", "--b\r\nContent-Type: text/plain\r\n\r\nGET Categories\r\n--b--".into(),
         "part 1: the Content-Type must be application/http (a request) or multipart/mixed (a change set), not text/plain"),
        ("multipart/mixed; boundary=b", "--b\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: base64\r\n\r\nR0VU\r\n--b--".into(),
         "part 1: the Content-Transfer-Encoding base64 is not binary"),
        ("multipart/mixed; boundary=b", request("GET"),
         "part 1: the request line `GET` is not `METHOD URL HTTP/1.1`"),
        ("multipart/mixed; boundary=b", request("get Categories HTTP/1.1"),
         "part 1: the request line `get Categories HTTP/1.1` is not `METHOD URL HTTP/1.1`"),
        ("multipart/mixed; boundary=b", request("GET Categories HTTP/2 extra"),
         "part 1: the request line `GET Categories HTTP/2 extra` is not `METHOD URL HTTP/1.1`"),
        ("multipart/mixed; boundary=b", "--b\r\nContent-Type: application/http\r\n\r\nPOST Categories HTTP/1.1\r\nContent-Length: 99\r\n\r\n{}\r\n--b--".into(),
         "part 1: the Content-Length says 99 bytes, the part holds 2"),
        ("multipart/mixed; boundary=b",
         change_set("Content-Type: multipart/mixed; boundary=inner\r\n\r\n--inner\r\n--inner--"),
         "part 1, request 1 of its change set: a change set cannot hold a change set"),
        ("multipart/mixed; boundary=b",
         change_set("Content-Type: application/http\r\nContent-ID: 1\r\n\r\nGET Categories HTTP/1.1\r\n"),
         "part 1, request 1 of its change set: GET cannot be in a change set (only changes and actions can)"),
        ("multipart/mixed; boundary=b", "--b\r\nContent-Type: multipart/mixed\r\n\r\n--cs\r\n--cs--\r\n--b--".into(),
         "part 1 (a change set): the Content-Type `multipart/mixed` has no boundary parameter (multipart/mixed; boundary=...)"),
        ("multipart/mixed; boundary=b",
         "--b\r\nContent-Type: application/http\r\nContent-ID: 1\r\n\r\nGET Categories\r\n\r\n--b\r\nContent-Type: application/http\r\nContent-ID: 1\r\n\r\nGET Products\r\n\r\n--b--".into(),
         "part 2: the Content-ID 1 is used twice"),
        ("multipart/mixed; boundary=b", "--b--\r\n".into(), "the body closes with --b-- before any part"),
    ];
    for (content_type, body, message) in cases {
        let response = post_batch(&server, content_type, &body, &[]).await;
        assert_eq!(response.status, 400, "{body}: {}", response.text);
        assert_eq!(
            response.json(),
            serde_json::json!({"error": {"code": "InvalidBatch", "message": message, "target": "$batch"}}),
            "{body}"
        );
    }
    // Nothing of a refused batch ran.
    assert_eq!(get(&format!("{}/Categories/$count", server.root)).await.text, "3");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_batch_longer_than_the_limit_is_refused() {
    let pool = support::database().await;
    let mut limits = odata_server::Limits::default();
    limits.max_batch_requests = 2;
    let service = odata_server::Service::builder::<support::Shop>(pool).limits(limits).build().await.expect("service");
    let server = support::serve(service).await;
    let one = "--b\r\nContent-Type: application/http\r\n\r\nGET Categories HTTP/1.1\r\n\r\n";
    let body = format!("{one}{one}{one}--b--\r\n");
    let response = post_batch(&server, "multipart/mixed; boundary=b", &body, &[]).await;
    assert_eq!(response.status, 400);
    assert_eq!(response.error().0, "InvalidBatch");
    assert_eq!(response.json()["error"]["message"], "the batch has more than the limit of 2 requests");
}
