//! The scripted HTTP server on 127.0.0.1 that the client's tests answer from, and a `tracing`
//! subscriber that records spans and events: shared by `production.rs` and `signin.rs`.

// Each test crate that includes this module uses a part of it.
#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::sync::{Arc, Mutex};

/// A request as the server saw it.
#[derive(Debug, Clone)]
pub struct Seen {
    pub method: String,
    pub target: String,
    /// Header lines, lower-case names.
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Seen {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }
}

/// An answer: the whole response after the status line's code, as raw header lines and body.
pub struct Reply {
    pub status: u16,
    pub headers: Vec<(&'static str, String)>,
    pub body: String,
    /// Send the body in chunks without `content-length`.
    pub chunked: bool,
}

pub fn reply(status: u16, body: &str) -> Reply {
    Reply { status, headers: vec![("content-type", "application/json".into())], body: body.to_owned(), chunked: false }
}

pub fn with_header(mut reply: Reply, name: &'static str, value: &str) -> Reply {
    reply.headers.push((name, value.to_owned()));
    reply
}

pub type Script = Box<dyn FnMut(usize, &Seen) -> Reply + Send>;

pub struct Server {
    /// `http://127.0.0.1:{port}/svc`.
    pub root: String,
    /// `http://127.0.0.1:{port}`.
    pub origin: String,
    pub seen: Arc<Mutex<Vec<Seen>>>,
}

impl Server {
    pub fn seen(&self) -> Vec<Seen> {
        self.seen.lock().expect("log").clone()
    }
}

/// Serves each connection (one request each: answers close the connection) with `script`,
/// given the request's number (from 0) and the request.
pub fn serve(mut script: Script) -> Server {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let origin = format!("http://{}", listener.local_addr().expect("address"));
    let root = format!("{origin}/svc");
    let seen = Arc::new(Mutex::new(Vec::new()));
    let log = Arc::clone(&seen);
    std::thread::spawn(move || {
        for (n, stream) in listener.incoming().take(64).enumerate() {
            let Ok(mut stream) = stream else { return };
            let mut reader = BufReader::new(stream.try_clone().expect("clone"));
            let mut line = String::new();
            if reader.read_line(&mut line).is_err() {
                continue;
            }
            let mut parts = line.split(' ');
            let method = parts.next().unwrap_or("").to_owned();
            let target = parts.next().unwrap_or("").to_owned();
            let mut headers = Vec::new();
            loop {
                let mut header = String::new();
                if reader.read_line(&mut header).is_err() || header.trim().is_empty() {
                    break;
                }
                if let Some((name, value)) = header.split_once(':') {
                    headers.push((name.trim().to_ascii_lowercase(), value.trim().to_owned()));
                }
            }
            let length = headers.iter().find(|(n, _)| n == "content-length").and_then(|(_, v)| v.parse().ok());
            let mut body = vec![0; length.unwrap_or(0)];
            let _ = reader.read_exact(&mut body);
            let request = Seen { method, target, headers, body: String::from_utf8_lossy(&body).into_owned() };
            log.lock().expect("log").push(request.clone());
            let answer = script(n, &request);
            let mut head = format!("HTTP/1.1 {} X\r\nconnection: close\r\n", answer.status);
            for (name, value) in &answer.headers {
                head.push_str(&format!("{name}: {value}\r\n"));
            }
            if answer.chunked {
                head.push_str("transfer-encoding: chunked\r\n\r\n");
                let _ = stream.write_all(head.as_bytes());
                for piece in answer.body.as_bytes().chunks(100) {
                    let _ = stream.write_all(format!("{:x}\r\n", piece.len()).as_bytes());
                    let _ = stream.write_all(piece);
                    let _ = stream.write_all(b"\r\n");
                }
                let _ = stream.write_all(b"0\r\n\r\n");
            } else {
                head.push_str(&format!("content-length: {}\r\n\r\n{}", answer.body.len(), answer.body));
                let _ = stream.write_all(head.as_bytes());
            }
        }
    });
    Server { root, origin, seen }
}

/// A span's name and its fields as `name=value`.
pub type SpanRecord = (String, Vec<String>);

/// Records tracing spans and events (their fields as `name=value`).
///
/// Tests run in parallel, and `tracing` caches per callsite whether anybody listens. While one
/// dispatcher alone is registered, a callsite first reached on another test's thread (without a
/// subscriber) is cached as "never" and this test's events there are lost. A second dispatcher,
/// alive for the whole process ([`ANCHOR`]), makes `tracing` ask every live dispatcher instead,
/// this recorder among them; creating a `Recorder` brings it up.
#[derive(Clone)]
pub struct Recorder {
    pub spans: Arc<Mutex<Vec<SpanRecord>>>,
    pub events: Arc<Mutex<Vec<Vec<String>>>>,
}

impl Default for Recorder {
    fn default() -> Self {
        std::sync::LazyLock::force(&ANCHOR);
        Recorder { spans: Arc::default(), events: Arc::default() }
    }
}

/// A dispatcher that records nothing, registered once and never dropped (see [`Recorder`]).
static ANCHOR: std::sync::LazyLock<tracing::Dispatch> = std::sync::LazyLock::new(|| tracing::Dispatch::new(Inert));

/// Listens to nothing.
struct Inert;

impl tracing::Subscriber for Inert {
    fn enabled(&self, _: &tracing::Metadata<'_>) -> bool {
        false
    }
    fn new_span(&self, _: &tracing::span::Attributes<'_>) -> tracing::span::Id {
        tracing::span::Id::from_u64(1)
    }
    fn record(&self, _: &tracing::span::Id, _: &tracing::span::Record<'_>) {}
    fn record_follows_from(&self, _: &tracing::span::Id, _: &tracing::span::Id) {}
    fn event(&self, _: &tracing::Event<'_>) {}
    fn enter(&self, _: &tracing::span::Id) {}
    fn exit(&self, _: &tracing::span::Id) {}
}

struct Fields(Vec<String>);

impl tracing::field::Visit for Fields {
    fn record_debug(&mut self, field: &tracing::field::Field, value: &dyn std::fmt::Debug) {
        self.0.push(format!("{}={value:?}", field.name()));
    }
    fn record_str(&mut self, field: &tracing::field::Field, value: &str) {
        self.0.push(format!("{}={value}", field.name()));
    }
}

impl tracing::Subscriber for Recorder {
    fn enabled(&self, _: &tracing::Metadata<'_>) -> bool {
        true
    }
    fn new_span(&self, span: &tracing::span::Attributes<'_>) -> tracing::span::Id {
        let mut fields = Fields(Vec::new());
        span.record(&mut fields);
        let mut spans = self.spans.lock().expect("spans");
        spans.push((span.metadata().name().to_owned(), fields.0));
        tracing::span::Id::from_u64(spans.len() as u64)
    }
    fn record(&self, id: &tracing::span::Id, values: &tracing::span::Record<'_>) {
        let mut fields = Fields(Vec::new());
        values.record(&mut fields);
        if let Some(span) = self.spans.lock().expect("spans").get_mut(id.into_u64() as usize - 1) {
            span.1.extend(fields.0);
        }
    }
    fn record_follows_from(&self, _: &tracing::span::Id, _: &tracing::span::Id) {}
    fn event(&self, event: &tracing::Event<'_>) {
        let mut fields = Fields(Vec::new());
        event.record(&mut fields);
        self.events.lock().expect("events").push(fields.0);
    }
    fn enter(&self, _: &tracing::span::Id) {}
    fn exit(&self, _: &tracing::span::Id) {}
}
