//! The client against a scripted HTTP server on 127.0.0.1: paging through relative next links,
//! the guards against loops, foreign origins and runaway paging, auth, and typed errors.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::sync::{Arc, Mutex};

use odata_client::{Client, Error};
use odata_core::query::{Query, ServiceRoot};
use odata_graph::Entity;
use odata_graph::call_records::{CallRecord, Session};

/// Serves `routes` (path and query -> status, body) until the test ends; records each
/// request's target and `Authorization` header.
struct Server {
    root: String,
    seen: Arc<Mutex<Vec<Seen>>>,
}

/// A request's target and `Authorization` header.
type Seen = (String, Option<String>);

fn serve(routes: &[(&str, u16, &str)]) -> Server {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let root = format!("http://{}/svc", listener.local_addr().expect("address"));
    let routes: HashMap<String, (u16, String)> = routes
        .iter()
        .map(|(path, status, body)| (path.to_string(), (*status, body.replace("{root}", &root))))
        .collect();
    let seen = Arc::new(Mutex::new(Vec::new()));
    let log = Arc::clone(&seen);
    std::thread::spawn(move || {
        for stream in listener.incoming().take(64) {
            let Ok(mut stream) = stream else { return };
            let mut reader = BufReader::new(stream.try_clone().expect("clone"));
            let mut line = String::new();
            if reader.read_line(&mut line).is_err() {
                continue;
            }
            let target = line.split(' ').nth(1).unwrap_or("").to_owned();
            let mut auth = None;
            loop {
                let mut header = String::new();
                if reader.read_line(&mut header).is_err() || header.trim().is_empty() {
                    break;
                }
                if let Some(value) = header.strip_prefix("authorization: ") {
                    auth = Some(value.trim().to_owned());
                }
            }
            log.lock().expect("log").push((target.clone(), auth));
            let (status, body) = routes
                .get(&target)
                .cloned()
                .unwrap_or((404, r#"{"error":{"code":"NotFound","message":"no route"}}"#.to_owned()));
            let response = format!(
                "HTTP/1.1 {status} X\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
                body.len()
            );
            let _ = stream.write_all(response.as_bytes());
        }
    });
    Server { root, seen }
}

fn client(server: &Server) -> Client {
    Client::builder(ServiceRoot::new(&server.root).expect("root")).bearer_token("t0k3n").build().expect("client")
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread().enable_all().build().expect("runtime")
}

#[test]
fn pages_follow_relative_next_links_against_the_context_url() {
    let server = serve(&[
        (
            "/svc/Records('r1')/sessions?$select=id",
            200,
            r#"{"@odata.context":"../$metadata#Sessions","value":[{"id":"a"},{"id":"b"}],"@odata.nextLink":"Records('r1')/sessions?$select=id&$skiptoken=2"}"#,
        ),
        (
            "/svc/Records('r1')/sessions?$select=id&$skiptoken=2",
            200,
            r#"{"@odata.context":"{root}/$metadata#Sessions","value":[{"id":"c"}],"@odata.nextLink":"{root}/Sessions?$skiptoken=3"}"#,
        ),
        ("/svc/Sessions?$skiptoken=3", 200, r#"{"value":[{"id":"d"}]}"#),
    ]);
    let client = client(&server);
    let sessions = client.root().entity_set::<CallRecord>("Records").key("r1").navigate(CallRecord::SESSIONS);
    let ids: Vec<String> = runtime()
        .block_on(client.pages(&sessions, &Query::new().select(Entity::ID)).collect_all())
        .expect("all pages")
        .into_iter()
        .filter_map(|s| s.id.clone())
        .collect();
    assert_eq!(ids, ["a", "b", "c", "d"]);
    let seen = server.seen.lock().expect("log");
    assert_eq!(seen.len(), 3);
    assert!(seen.iter().all(|(_, auth)| auth.as_deref() == Some("Bearer t0k3n")), "{seen:?}");
}

#[test]
fn a_repeated_next_link_is_an_error_not_a_loop() {
    let server = serve(&[
        ("/svc/Sessions", 200, r#"{"value":[{"id":"a"}],"@odata.nextLink":"{root}/Sessions?$skiptoken=1"}"#),
        (
            "/svc/Sessions?$skiptoken=1",
            200,
            r#"{"value":[{"id":"b"}],"@odata.nextLink":"{root}/Sessions?$skiptoken=1"}"#,
        ),
    ]);
    let client = client(&server);
    let sessions = client.root().entity_set::<Session>("Sessions");
    let error = runtime().block_on(client.pages(&sessions, &Query::new()).collect_all()).expect_err("a loop");
    assert!(matches!(error, Error::RepeatedNextLink(_)), "{error}");
}

#[test]
fn a_next_link_to_another_origin_is_refused() {
    let server =
        serve(&[("/svc/Sessions", 200, r#"{"value":[],"@odata.nextLink":"https://attacker.example/steal?token"}"#)]);
    let client = client(&server);
    let sessions = client.root().entity_set::<Session>("Sessions");
    let error = runtime().block_on(client.pages(&sessions, &Query::new()).collect_all()).expect_err("foreign");
    assert!(matches!(error, Error::InvalidNextLink { .. }), "{error}");
    assert_eq!(server.seen.lock().expect("log").len(), 1);
}

#[test]
fn the_page_cap_stops_paging_with_an_error() {
    let server = serve(&[
        ("/svc/Sessions", 200, r#"{"value":[{"id":"a"}],"@odata.nextLink":"Sessions?$skiptoken=1"}"#),
        ("/svc/Sessions?$skiptoken=1", 200, r#"{"value":[{"id":"b"}],"@odata.nextLink":"Sessions?$skiptoken=2"}"#),
    ]);
    let client = Client::builder(ServiceRoot::new(&server.root).expect("root")).max_pages(2).build().expect("client");
    let sessions = client.root().entity_set::<Session>("Sessions");
    let mut pages = client.pages(&sessions, &Query::new());
    let runtime = runtime();
    assert!(runtime.block_on(pages.next_page()).is_some_and(|p| p.is_ok()));
    assert!(runtime.block_on(pages.next_page()).is_some_and(|p| p.is_ok()));
    let third = runtime.block_on(pages.next_page());
    assert!(matches!(third, Some(Err(Error::PageLimit(2)))), "{third:?}");
}

#[test]
fn errors_and_counts_are_typed() {
    let server = serve(&[
        // reqwest's URL parser writes `'` in a query as `%27`: the same text once decoded.
        ("/svc/Sessions/$count?$filter=id%20eq%20%27x%27", 200, "\u{feff}42"),
        (
            "/svc/Sessions?$filter=nope",
            400,
            r#"{"error":{"code":"BadRequest","message":"Invalid filter","target":"$filter","@x.y":1}}"#,
        ),
    ]);
    let client = client(&server);
    let sessions = client.root().entity_set::<Session>("Sessions");
    let runtime = runtime();
    let count = runtime.block_on(client.count(&sessions, &Query::new().filter(Entity::ID.eq("x")).top(3)));
    assert_eq!(count.map_err(|e| e.to_string()), Ok(42));
    let error = runtime.block_on(client.get(&sessions, &Query::new().raw("$filter", "nope"))).expect_err("400");
    assert_eq!(error.status().map(|s| s.as_u16()), Some(400));
    let service = error.response().and_then(|e| e.service_error()).expect("an OData error");
    assert_eq!((service.code.as_str(), service.target.as_deref()), ("BadRequest", Some("$filter")));
    assert_eq!(service.additional["@x.y"], 1);
    let missing = runtime.block_on(client.get(&sessions.clone().key("zz"), &Query::new())).expect_err("404");
    assert_eq!(missing.status().map(|s| s.as_u16()), Some(404));
}

#[test]
fn metadata_is_read_as_text_and_a_failure_is_typed() {
    let csdl = r#"<?xml version="1.0" encoding="utf-8"?><edmx:Edmx Version="4.0"/>"#;
    let server = serve(&[("/svc/$metadata", 200, csdl)]);
    let runtime = runtime();
    assert_eq!(runtime.block_on(client(&server).metadata()).map_err(|e| e.to_string()).as_deref(), Ok(csdl));
    let seen = server.seen.lock().expect("log").clone();
    assert_eq!(seen, [("/svc/$metadata".to_owned(), Some("Bearer t0k3n".to_owned()))]);

    let empty = serve(&[]);
    let error = runtime.block_on(client(&empty).metadata()).expect_err("404");
    assert_eq!(error.status().map(|s| s.as_u16()), Some(404), "{error}");
}
