//! The client's production behaviour against a scripted HTTP server on 127.0.0.1, started by
//! each test: retries of throttled and failed requests (and not of writes unless allowed), the
//! tracing events of retries, the body size limit, per-request headers, `$count` answered in
//! JSON, and `$batch` splitting with throttled inner requests sent again.

mod support;

use std::net::TcpListener;
use std::time::Duration;

use odata_client::{Client, Error, RetryPolicy};
use odata_core::query::{Query, ServiceRoot};
use odata_core::request::{BatchItem, BatchRequest};
use odata_graph::call_records::CallRecord;
use support::{Recorder, Reply, Script, Server, reply, serve, with_header};

/// Retries without real waiting: backoff of a millisecond.
fn fast_retries() -> RetryPolicy {
    RetryPolicy::new().backoff(Duration::from_millis(1), Duration::from_millis(2))
}

fn client(server: &Server) -> Client {
    Client::builder(ServiceRoot::new(&server.root).expect("root")).retry(fast_retries()).build().expect("client")
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread().enable_all().build().expect("runtime")
}

fn records(client: &Client) -> odata_core::query::Resource<Vec<CallRecord>> {
    client.root().entity_set::<CallRecord>("Records")
}

#[test]
fn a_throttled_read_waits_retry_after_and_is_sent_again_with_each_retry_traced() {
    let server = serve(Box::new(|n, _| match n {
        0 => {
            with_header(reply(429, r#"{"error":{"code":"TooManyRequests","message":"slow down"}}"#), "retry-after", "0")
        }
        1 => with_header(reply(503, "{}"), "request-id", "r-2"),
        _ => with_header(reply(200, "7"), "request-id", "r-3"),
    }));
    let recorder = Recorder::default();
    let count = tracing::subscriber::with_default(recorder.clone(), || {
        let client = client(&server);
        runtime().block_on(client.count(&records(&client), &Query::new()))
    });
    assert_eq!(count.expect("count"), 7);
    assert_eq!(server.seen().len(), 3);
    let events = recorder.events.lock().expect("events").clone();
    let retries: Vec<_> = events.iter().filter(|fields| fields.contains(&"message=retrying".to_owned())).collect();
    assert_eq!(retries.len(), 2, "{events:?}");
    assert!(retries[0].contains(&"status=429".to_owned()) && retries[0].contains(&"retry_after=true".to_owned()));
    assert!(retries[0].contains(&"wait_ms=0".to_owned()), "Retry-After: 0 is waited as sent: {:?}", retries[0]);
    assert!(retries[1].contains(&"status=503".to_owned()) && retries[1].contains(&"retry_after=false".to_owned()));
    let spans = recorder.spans.lock().expect("spans").clone();
    let (name, fields) = &spans[0];
    assert_eq!(name, "odata.request");
    let url = format!("url={}/Records/$count", server.root);
    for expected in ["method=GET", &url, "attempt=3", "status=200", "request_id=r-3"] {
        assert!(fields.iter().any(|f| f == expected), "{expected} not in {fields:?}");
    }
}

#[test]
fn count_accepts_a_json_answer() {
    let server = serve(Box::new(|_, _| reply(200, r#"{"@odata.context":"x","value":12}"#)));
    let client = client(&server);
    let count = runtime().block_on(client.count(&records(&client), &Query::new())).expect("count");
    assert_eq!(count, 12);
    assert_eq!(server.seen()[0].header("accept"), Some("text/plain, application/json;q=0.9"));
}

#[test]
fn retries_stop_after_the_attempts_allowed_and_the_last_answer_is_the_error() {
    let server = serve(Box::new(|_, _| with_header(reply(503, "{}"), "retry-after", "0")));
    let client = client(&server).with_retry(fast_retries().max_attempts(3));
    let error = runtime().block_on(client.count(&records(&client), &Query::new())).expect_err("always 503");
    assert_eq!(error.status(), Some(odata_client::http::StatusCode::SERVICE_UNAVAILABLE));
    assert_eq!(
        error.response().and_then(|e| e.retry_after()),
        Some(odata_core::request::RetryAfter::Delay(Duration::ZERO))
    );
    assert_eq!(server.seen().len(), 3);
}

#[test]
fn a_retry_after_beyond_the_total_time_is_not_waited() {
    let server = serve(Box::new(|_, _| with_header(reply(429, "{}"), "retry-after", "3600")));
    let client = client(&server).with_retry(fast_retries().max_elapsed(Duration::from_secs(60)));
    let error = runtime().block_on(client.count(&records(&client), &Query::new())).expect_err("throttled");
    assert_eq!(error.status(), Some(odata_client::http::StatusCode::TOO_MANY_REQUESTS));
    assert_eq!(server.seen().len(), 1);
}

#[test]
fn a_throttled_write_is_sent_again_only_when_the_caller_says_it_is_safe() {
    let script = || -> Script {
        Box::new(|n, _| if n == 0 { with_header(reply(429, "{}"), "retry-after", "0") } else { reply(204, "") })
    };
    let server = serve(script());
    let client = client(&server);
    let resource = records(&client).key("r1");
    let error = runtime().block_on(client.delete(&resource, None)).expect_err("not retried");
    assert_eq!(error.status(), Some(odata_client::http::StatusCode::TOO_MANY_REQUESTS));
    assert_eq!(server.seen().len(), 1);

    let server = serve(script());
    let client = self::client(&server).with_retry(fast_retries().retry_writes(true));
    runtime()
        .block_on(client.delete(&client.root().entity_set::<CallRecord>("Records").key("r1"), None))
        .expect("retried");
    let seen = server.seen();
    assert_eq!(seen.iter().map(|s| s.method.as_str()).collect::<Vec<_>>(), ["DELETE", "DELETE"]);
}

#[test]
fn a_connection_failure_of_a_read_is_retried_then_reported_as_transport() {
    let port = {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
        listener.local_addr().expect("address").port()
    };
    let recorder = Recorder::default();
    let error = tracing::subscriber::with_default(recorder.clone(), || {
        let root = ServiceRoot::new(&format!("http://127.0.0.1:{port}/svc")).expect("root");
        let client = Client::builder(root).retry(fast_retries().max_attempts(2)).build().expect("client");
        runtime().block_on(client.count(&records(&client), &Query::new()))
    })
    .expect_err("nobody listens");
    assert!(matches!(error, Error::Transport(_)), "{error}");
    let events = recorder.events.lock().expect("events").clone();
    assert_eq!(events.iter().filter(|e| e.contains(&"message=retrying".to_owned())).count(), 1, "{events:?}");
}

#[test]
fn a_body_longer_than_the_limit_is_refused_while_it_streams() {
    let long = format!("[{}]", "1,".repeat(600) + "1");
    for chunked in [true, false] {
        let body = long.clone();
        let server = serve(Box::new(move |_, _| Reply { chunked, ..reply(200, &body) }));
        let client =
            Client::builder(ServiceRoot::new(&server.root).expect("root")).max_body_size(1000).build().expect("client");
        let error = runtime().block_on(client.metadata()).expect_err("too large");
        assert!(matches!(error, Error::BodyTooLarge { limit: 1000 }), "{error}");
        assert_eq!(error.to_string(), "the response body is larger than the limit of 1000 bytes");
    }
}

#[test]
fn a_body_within_the_limit_is_read_whole_when_chunked() {
    let body = "x".repeat(950);
    let expected = body.clone();
    let server = serve(Box::new(move |_, _| Reply { chunked: true, ..reply(200, &body) }));
    let client =
        Client::builder(ServiceRoot::new(&server.root).expect("root")).max_body_size(1000).build().expect("client");
    assert_eq!(runtime().block_on(client.metadata()).expect("metadata"), expected);
}

#[test]
fn a_header_added_to_a_clone_is_sent_only_through_the_clone() {
    let server = serve(Box::new(|_, _| reply(200, "1")));
    let client = client(&server);
    let eventual = client.with_header("ConsistencyLevel", "eventual").expect("header");
    let rt = runtime();
    rt.block_on(eventual.count(&records(&client), &Query::new())).expect("count");
    rt.block_on(client.count(&records(&client), &Query::new())).expect("count");
    let seen = server.seen();
    assert_eq!(seen[0].header("consistencylevel"), Some("eventual"));
    assert_eq!(seen[1].header("consistencylevel"), None);
    assert!(matches!(client.with_header("bad name", "x"), Err(Error::Request(_))));
}

#[test]
fn a_service_root_that_is_not_a_url_is_named_as_such() {
    // http::Uri takes a port beyond 65535; url::Url does not.
    let root = ServiceRoot::new("http://example.com:99999/svc").expect("a root for ServiceRoot");
    let error = Client::new(root).expect_err("not a URL");
    assert!(matches!(error, Error::InvalidServiceRoot(_)), "{error}");
    assert_eq!(error.to_string(), "the service root `http://example.com:99999/svc` is not an absolute URL");
}

/// Answers each `$batch` with `200` for every request, except the first time it sees `b`:
/// `429` with `Retry-After: 0`.
fn batch_script() -> Script {
    let mut throttled = false;
    Box::new(move |_, seen| {
        let document: serde_json::Value = serde_json::from_str(&seen.body).expect("batch JSON");
        let responses: Vec<serde_json::Value> = document["requests"]
            .as_array()
            .expect("requests")
            .iter()
            .map(|request| {
                let id = request["id"].as_str().expect("id");
                if id == "b" && !throttled {
                    throttled = true;
                    serde_json::json!({"id": id, "status": 429, "headers": {"retry-after": "0"}, "body": {"error": {"code": "TooManyRequests", "message": "later"}}})
                } else {
                    serde_json::json!({"id": id, "status": 200, "body": {"id": id}})
                }
            })
            .collect();
        reply(200, &serde_json::json!({ "responses": responses }).to_string())
    })
}

#[test]
fn a_batch_above_the_limit_is_split_keeping_chains_together_and_throttled_requests_are_sent_again() {
    let server = serve(batch_script());
    let client = client(&server);
    let mut batch = BatchRequest::new(&server.root);
    batch.add(BatchItem::get("Records('1')").id("a"));
    batch.add(BatchItem::get("Records('2')").id("b"));
    batch.add(BatchItem::get("Records('3')").id("c").depends_on("a"));
    batch.add(BatchItem::get("Records('4')").id("d"));
    batch.add(BatchItem::get("Records('5')").id("e"));
    let response = runtime().block_on(client.batch_all(&batch, 2)).expect("batch");
    let sent: Vec<Vec<String>> = server
        .seen()
        .iter()
        .map(|seen| {
            assert_eq!((seen.method.as_str(), seen.target.as_str()), ("POST", "/svc/$batch"));
            let document: serde_json::Value = serde_json::from_str(&seen.body).expect("JSON");
            document["requests"]
                .as_array()
                .expect("requests")
                .iter()
                .map(|r| r["id"].as_str().unwrap_or("").to_owned())
                .collect()
        })
        .collect();
    assert_eq!(sent, [vec!["a", "c"], vec!["b", "d"], vec!["e"], vec!["b"]]);
    let statuses: Vec<(&str, u16)> = response.responses.iter().map(|r| (r.id.as_str(), r.status.as_u16())).collect();
    assert_eq!(statuses, [("a", 200), ("c", 200), ("b", 200), ("d", 200), ("e", 200)]);
}

#[test]
fn a_throttled_batch_of_reads_is_sent_again_and_one_with_a_write_only_when_allowed() {
    let throttled_once = || -> Script {
        Box::new(|n, _| {
            if n == 0 {
                with_header(reply(429, r#"{"error":{"code":"TooManyRequests","message":"later"}}"#), "retry-after", "0")
            } else {
                reply(200, r#"{"responses":[{"id":"a","status":200,"body":{}}]}"#)
            }
        })
    };
    let reads = |root: &str| {
        let mut batch = BatchRequest::new(root);
        batch.add(BatchItem::get("Records('1')").id("a"));
        batch
    };
    let server = serve(throttled_once());
    let response = runtime().block_on(client(&server).batch(&reads(&server.root))).expect("sent again");
    assert_eq!((server.seen().len(), response.responses.len()), (2, 1));

    let writes = |root: &str| {
        let mut batch = BatchRequest::new(root);
        batch.add(BatchItem::post("Records", serde_json::json!({"id": "1"})).id("a"));
        batch
    };
    let server = serve(throttled_once());
    let error = runtime().block_on(client(&server).batch(&writes(&server.root))).expect_err("not sent again");
    assert!(matches!(&error, Error::Response(e) if e.is_throttled()), "{error}");
    assert_eq!(server.seen().len(), 1);

    let server = serve(throttled_once());
    let client = Client::builder(ServiceRoot::new(&server.root).expect("root"))
        .retry(fast_retries().retry_writes(true))
        .build()
        .expect("client");
    runtime().block_on(client.batch(&writes(&server.root))).expect("sent again when allowed");
    assert_eq!(server.seen().len(), 2);
}

#[test]
fn a_dependency_chain_longer_than_the_batch_limit_is_an_error() {
    let server = serve(batch_script());
    let client = client(&server);
    let mut batch = BatchRequest::new(&server.root);
    batch.add(BatchItem::get("Records('1')").id("a"));
    batch.add(BatchItem::get("Records('2')").id("b").depends_on("a"));
    batch.add(BatchItem::get("Records('3')").id("c").depends_on("b"));
    let error = runtime().block_on(client.batch_all(&batch, 2)).expect_err("chain of 3");
    assert!(matches!(error, Error::BatchChainTooLong { len: 3, limit: 2, .. }), "{error}");
    assert_eq!(
        error.to_string(),
        "$batch: the dependsOn chain of request `a` has 3 requests, more than the 2 allowed in one batch"
    );
    assert!(server.seen().is_empty());
}

#[test]
fn each_page_is_a_span_around_its_request_and_a_throttled_page_is_retried() {
    let server = serve(Box::new(|n, _| match n {
        0 => reply(200, r#"{"value":[{"id":"a"},{"id":"b"}],"@odata.nextLink":"Records?$skiptoken=2"}"#),
        1 => with_header(reply(429, "{}"), "retry-after", "0"),
        _ => reply(200, r#"{"value":[{"id":"c"}]}"#),
    }));
    let recorder = Recorder::default();
    let records = tracing::subscriber::with_default(recorder.clone(), || {
        let client = client(&server);
        runtime().block_on(client.pages(&records(&client), &Query::new()).collect_all())
    })
    .expect("both pages");
    assert_eq!(records.len(), 3);
    let spans = recorder.spans.lock().expect("spans").clone();
    let names: Vec<(&str, &[String])> = spans.iter().map(|(name, fields)| (name.as_str(), fields.as_slice())).collect();
    let page = |n: usize, items: usize| vec![format!("page={n}"), format!("items={items}")];
    assert_eq!(names[0], ("odata.page", page(1, 2).as_slice()));
    assert_eq!(names[1].0, "odata.request");
    assert_eq!(names[2], ("odata.page", page(2, 1).as_slice()));
    assert!(names[3].1.contains(&"attempt=2".to_owned()), "{:?}", names[3]);
}
