//! Delta rounds and item streams against a scripted HTTP server on 127.0.0.1, serving the Graph
//! documentation's `users/delta` responses (`tests/fixtures/graph-delta/`) with their links
//! pointed at the server.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::sync::{Arc, Mutex};

use futures_util::TryStreamExt;
use odata_client::{Client, Error};
use odata_core::query::{Query, ServiceRoot};
use odata_core::{DeltaItem, DeltaLink, RemovalReason};
use odata_graph::directory::User;

const GRAPH: &str = "https://graph.microsoft.com/v1.0";

fn fixture(name: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/graph-delta").join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// The request target (path and query) of a Graph link in a fixture, as served here.
fn target(link: &str) -> String {
    format!("/svc{}", link.strip_prefix(GRAPH).expect("a Graph link"))
}

/// Serves `routes` (target -> body, with the Graph root replaced by the server's) on 127.0.0.1
/// until the test ends; records the targets asked for. The same scripted server as
/// `tests/client.rs`, reduced to what these tests need.
fn serve(routes: &[(String, String)]) -> (String, Arc<Mutex<Vec<String>>>) {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let root = format!("http://{}/svc", listener.local_addr().expect("address"));
    let routes: HashMap<String, String> =
        routes.iter().map(|(path, body)| (path.clone(), body.replace(GRAPH, &root))).collect();
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
            loop {
                let mut header = String::new();
                if reader.read_line(&mut header).is_err() || header.trim().is_empty() {
                    break;
                }
            }
            log.lock().expect("log").push(target.clone());
            let (status, body) = match routes.get(&target) {
                Some(body) => (200, body.clone()),
                None => (404, r#"{"error":{"code":"NotFound","message":"no route"}}"#.to_owned()),
            };
            let response = format!(
                "HTTP/1.1 {status} X\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
                body.len()
            );
            let _ = stream.write_all(response.as_bytes());
        }
    });
    (root, seen)
}

/// The documented round of `users/delta`: three pages, then (from the delta link) a round with
/// one change and one removal.
fn graph_round() -> Vec<(String, String)> {
    let initial = fixture("users-delta-initial.json");
    let next = fixture("users-delta-next.json");
    let link = |text: &str, name: &str| -> String {
        let page: serde_json::Value = serde_json::from_str(text).expect("json");
        page[name].as_str().expect("link").to_owned()
    };
    let final_page = fixture("users-delta-final.json");
    vec![
        ("/svc/users/delta".to_owned(), initial.clone()),
        (target(&link(&initial, "@odata.nextLink")), next.clone()),
        (target(&link(&next, "@odata.nextLink")), final_page.clone()),
        (target(&link(&final_page, "@odata.deltaLink")), fixture("users-delta-changes.json")),
    ]
}

fn client(root: &str) -> Client {
    Client::builder(ServiceRoot::new(root).expect("root")).bearer_token("t0k3n").build().expect("client")
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread().enable_all().build().expect("runtime")
}

fn describe(item: &DeltaItem<User>) -> String {
    match item {
        DeltaItem::Changed(user) => format!("changed {}", user.display_name.as_deref().unwrap_or("?")),
        DeltaItem::Removed(removed) => format!("removed {} {:?}", removed.id().unwrap_or("?"), removed.reason()),
        _ => "other".to_owned(),
    }
}

#[test]
fn a_delta_round_follows_next_links_to_the_delta_link_and_resumes_from_it() {
    let (root, seen) = serve(&graph_round());
    let client = client(&root);
    let users = client.root().entity_set::<User>("users/delta");
    let runtime = runtime();
    let round = runtime.block_on(client.delta(&users, &Query::new())).expect("first round");
    let found: Vec<String> = round.items.iter().map(describe).collect();
    assert_eq!(
        found,
        [
            "changed Cameron White",
            "changed Delia Dennis",
            "removed 86462606-fde0-4fc4-9e0c-a20eb73e54c6 Some(Deleted)",
            "changed Conf Room Adams",
            "changed Mallory Cortez",
            "changed Diego Sicilian",
            "changed Lidia Holloway",
            "changed Patti Fernandez",
        ]
    );
    assert!(
        round.delta_link.as_str().starts_with(&format!("{root}/users/delta?$deltatoken=oEcOySpF")),
        "{}",
        round.delta_link
    );

    // The token is stored (here as JSON) and the next round starts from it.
    let stored = serde_json::to_string(&round.delta_link).expect("store");
    let link: DeltaLink = serde_json::from_str(&stored).expect("load");
    let next = runtime.block_on(client.delta_from::<User>(&link)).expect("second round");
    let found: Vec<String> = next.items.iter().map(describe).collect();
    assert_eq!(found, ["changed MOD Administrator", "removed 8ffff70c-1c63-4860-b963-e34ec660931d Some(Changed)"]);
    assert_eq!(next.items[1].removed().and_then(|r| r.reason()), Some(&RemovalReason::Changed));
    assert!(next.delta_link.as_str().contains("$deltatoken=MF1LuFYb"), "{}", next.delta_link);
    assert_eq!(seen.lock().expect("log").len(), 4);
}

#[test]
fn a_round_whose_last_page_has_no_delta_link_is_an_error() {
    let (root, _) = serve(&[("/svc/users/delta".to_owned(), r#"{"value":[{"id":"a"}]}"#.to_owned())]);
    let client = client(&root);
    let users = client.root().entity_set::<User>("users/delta");
    let error = runtime().block_on(client.delta(&users, &Query::new())).expect_err("no delta link");
    assert!(matches!(error, Error::MissingDeltaLink), "{error}");
}

#[test]
fn delta_pages_give_each_page_and_the_delta_link_on_the_last() {
    let (root, _) = serve(&graph_round());
    let client = client(&root);
    let users = client.root().entity_set::<User>("users/delta");
    let pages: Vec<_> =
        runtime().block_on(client.delta_pages(&users, &Query::new()).into_stream().try_collect()).expect("pages");
    let shape: Vec<(usize, bool, bool)> =
        pages.iter().map(|p| (p.len(), p.next_link.is_some(), DeltaLink::of_page(p).is_some())).collect();
    assert_eq!(shape, [(4, true, false), (2, true, false), (2, false, true)]);
}

#[test]
fn every_item_across_pages_comes_as_a_stream_and_one_by_one_to_a_callback() {
    let (root, _) = serve(&graph_round());
    let client = client(&root);
    // The pages read as plain users: the removed one is a user with only an id and `@removed`.
    let users = client.root().entity_set::<User>("users/delta");
    let runtime = runtime();
    let streamed: Vec<User> = runtime.block_on(client.items(&users, &Query::new()).try_collect()).expect("stream");
    let mut called = Vec::new();
    let last = runtime.block_on(client.for_each_item(&users, &Query::new(), |user| called.push(user))).expect("items");
    assert_eq!(streamed.len(), 8);
    assert_eq!(called, streamed);
    assert!(last.value.is_empty() && last.delta_link.is_some(), "the last page's control information");
}

#[test]
fn a_bad_item_read_one_by_one_is_a_decode_error_with_its_path() {
    let (root, _) = serve(&[(
        "/svc/users/delta".to_owned(),
        r#"{"value":[{"id":"a"},{"displayName":7}],"@odata.deltaLink":"x"}"#.to_owned(),
    )]);
    let client = client(&root);
    let users = client.root().entity_set::<User>("users/delta");
    let mut seen = 0;
    let error = runtime().block_on(client.for_each_item(&users, &Query::new(), |_| seen += 1)).expect_err("bad");
    assert_eq!(seen, 1, "the good item came before the error");
    assert!(error.to_string().contains("$.value[1].displayName"), "{error}");
}
