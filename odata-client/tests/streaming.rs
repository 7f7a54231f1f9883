//! `Client::for_each_item` reads a page while its body arrives: items reach the callback before
//! the service has sent the rest, and the body size limit bounds one item, not the page. Each
//! test starts its own server on 127.0.0.1 that sends the body in parts.

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::sync::mpsc;
use std::time::Duration;

use odata_client::{Client, Error};
use odata_core::query::{Query, ServiceRoot};
use odata_core::request::ResponseErrorKind;
use odata_graph::directory::User;

/// How long the server waits for the client's go-ahead before it sends the rest anyway (a guard
/// against a test that would hang, not a measurement).
const GUARD: Duration = Duration::from_secs(20);

/// Serves one request: a chunked `200` whose body is `first`, then, after a message on the
/// returned sender (or the guard's time), `rest`. The returned receiver tells whether the
/// go-ahead came before the rest was sent.
fn serve_in_two_parts(first: String, rest: String) -> (String, mpsc::Sender<()>, mpsc::Receiver<bool>) {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let root = format!("http://{}/svc", listener.local_addr().expect("address"));
    let (go, go_ahead) = mpsc::channel();
    let (told, outcome) = mpsc::channel();
    std::thread::spawn(move || {
        let Ok((mut stream, _)) = listener.accept() else { return };
        let mut reader = BufReader::new(stream.try_clone().expect("clone"));
        let mut line = String::new();
        while reader.read_line(&mut line).is_ok_and(|n| n > 0) && line.trim() != "" {
            line.clear();
        }
        let chunk = |text: &str| format!("{:x}\r\n{text}\r\n", text.len());
        let head = "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\nconnection: close\r\n\r\n";
        let _ = stream.write_all(format!("{head}{}", chunk(&first)).as_bytes());
        let _ = stream.flush();
        let in_time = go_ahead.recv_timeout(GUARD).is_ok();
        let _ = stream.write_all(format!("{}0\r\n\r\n", chunk(&rest)).as_bytes());
        let _ = told.send(in_time);
    });
    (root, go, outcome)
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread().enable_all().build().expect("runtime")
}

fn user(id: usize, name_length: usize) -> String {
    format!(r#"{{"id":"{id}","displayName":"{}"}}"#, "x".repeat(name_length))
}

#[test]
fn items_reach_the_callback_before_the_rest_of_the_body_is_sent() {
    let (root, go, outcome) = serve_in_two_parts(
        format!(r#"{{"value":[{},"#, user(1, 3)),
        format!(r#"{}],"@odata.deltaLink":"next-round"}}"#, user(2, 3)),
    );
    let client = Client::builder(ServiceRoot::new(&root).expect("root")).build().expect("client");
    let users = client.root().entity_set::<User>("users");
    let mut ids = Vec::new();
    let last = runtime()
        .block_on(client.for_each_item(&users, &Query::new(), |user: User| {
            if ids.is_empty() {
                let _ = go.send(());
            }
            ids.push(user.id.clone().unwrap_or_default());
        }))
        .expect("page");
    assert_eq!(ids, ["1", "2"]);
    assert_eq!(last.delta_link.as_deref(), Some("next-round"));
    assert!(outcome.recv().expect("outcome"), "the first item was handed over while the server held back the rest");
}

#[test]
fn a_page_larger_than_the_body_limit_is_read_when_each_item_fits() {
    let items: Vec<String> = (0..50).map(|i| user(i, 100)).collect();
    let (first, rest) = items.split_at(25);
    let (root, go, _) =
        serve_in_two_parts(format!(r#"{{"value":[{},"#, first.join(",")), format!(r#"{}]}}"#, rest.join(",")));
    let _ = go.send(());
    let client = Client::builder(ServiceRoot::new(&root).expect("root")).max_body_size(1000).build().expect("client");
    let users = client.root().entity_set::<User>("users");
    let mut count = 0;
    runtime().block_on(client.for_each_item(&users, &Query::new(), |_: User| count += 1)).expect("page");
    assert_eq!(count, 50, "a page of about 6,000 bytes, read with a limit of 1,000");
}

#[test]
fn one_item_larger_than_the_body_limit_is_refused() {
    let (root, go, _) =
        serve_in_two_parts(format!(r#"{{"value":[{},"#, user(1, 10)), format!(r#"{}]}}"#, user(2, 5000)));
    let _ = go.send(());
    let client = Client::builder(ServiceRoot::new(&root).expect("root")).max_body_size(1000).build().expect("client");
    let users = client.root().entity_set::<User>("users");
    let mut count = 0;
    let error =
        runtime().block_on(client.for_each_item(&users, &Query::new(), |_: User| count += 1)).expect_err("too large");
    assert!(matches!(error, Error::BodyTooLarge { limit: 1000 }), "{error}");
    assert_eq!(count, 1, "the item before the large one was handed over");
}

#[test]
fn a_body_cut_short_is_a_decode_error_at_the_end_of_input() {
    let (root, go, _) = serve_in_two_parts(format!(r#"{{"value":[{},"#, user(1, 3)), r#"{"id":"2","disp"#.to_owned());
    let _ = go.send(());
    let client = Client::builder(ServiceRoot::new(&root).expect("root")).build().expect("client");
    let users = client.root().entity_set::<User>("users");
    let error = runtime().block_on(client.for_each_item(&users, &Query::new(), |_: User| ())).expect_err("cut");
    let Error::Response(response) = &error else { panic!("{error}") };
    let ResponseErrorKind::Decode(decode) = response.kind() else { panic!("{error}") };
    assert!(decode.is_eof(), "{decode}");
    assert_eq!(decode.path(), Some("$.value[1]"), "{decode}");
}
