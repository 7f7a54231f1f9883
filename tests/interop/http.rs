//! A minimal blocking HTTP/1.1 client for the local test server, and nothing else: `http://`
//! only, one request per connection (`Connection: close`), the whole response read into memory.
//!
//! Written by hand because the project's own client does not exist yet and this test should not
//! pull an HTTP stack into the workspace for three requests; it goes when `odata-client` comes.
//! Every request has a deadline (connect, write and read together).

use std::fmt;
use std::io::{Read, Write};
use std::net::{TcpStream, ToSocketAddrs};
use std::time::{Duration, Instant};

/// How long one request may take, from connecting to the last byte of the response.
pub const TIMEOUT: Duration = Duration::from_secs(10);

/// A response larger than this is an error rather than a reason to run out of memory.
const MAX_RESPONSE: usize = 64 << 20;

/// A response: status, headers in the order received, and the body (de-chunked).
#[derive(Debug, Clone)]
pub struct Response {
    /// The status code.
    pub status: u16,
    /// The header fields, names as sent.
    pub headers: Vec<(String, String)>,
    /// The body, with any chunked transfer coding removed.
    pub body: Vec<u8>,
}

impl Response {
    /// The value of the first header field named `name` (case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }

    /// The body as UTF-8 text.
    pub fn text(&self) -> Result<&str, Error> {
        std::str::from_utf8(&self.body).map_err(|e| Error(format!("the body is not UTF-8: {e}")))
    }
}

/// What went wrong with a request, in words.
#[derive(Debug, Clone, PartialEq)]
pub struct Error(pub String);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

/// `GET url` with this `Accept` header.
pub fn get(url: &str, accept: &str) -> Result<Response, Error> {
    request("GET", url, &[("Accept", accept)], &[]).map_err(|e| Error(format!("GET {url}: {e}")))
}

/// `POST url` with this body.
pub fn post(url: &str, content_type: &str, accept: &str, body: &[u8]) -> Result<Response, Error> {
    request("POST", url, &[("Accept", accept), ("Content-Type", content_type)], body)
        .map_err(|e| Error(format!("POST {url}: {e}")))
}

fn request(method: &str, url: &str, headers: &[(&str, &str)], body: &[u8]) -> Result<Response, Error> {
    let deadline = Instant::now() + TIMEOUT;
    let (authority, target) = split_url(url)?;
    let address = authority
        .to_socket_addrs()
        .map_err(|e| Error(format!("cannot resolve {authority}: {e}")))?
        .next()
        .ok_or_else(|| Error(format!("{authority} resolves to no address")))?;
    let mut stream = TcpStream::connect_timeout(&address, TIMEOUT)
        .map_err(|e| Error(format!("cannot connect to {address}: {e}")))?;
    stream.set_write_timeout(Some(TIMEOUT)).map_err(|e| Error(format!("cannot set a write timeout: {e}")))?;

    let mut head = format!("{method} {target} HTTP/1.1\r\nHost: {authority}\r\nConnection: close\r\n");
    for (name, value) in headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    if method != "GET" {
        head.push_str(&format!("Content-Length: {}\r\n", body.len()));
    }
    head.push_str("\r\n");
    stream
        .write_all(head.as_bytes())
        .and_then(|()| stream.write_all(body))
        .map_err(|e| Error(format!("cannot send the request: {e}")))?;

    // `Connection: close`: the response ends where the stream does.
    let mut raw = Vec::new();
    let mut buffer = [0u8; 64 * 1024];
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(Error(format!("no complete response within {} s", TIMEOUT.as_secs())));
        }
        stream.set_read_timeout(Some(left)).map_err(|e| Error(format!("cannot set a read timeout: {e}")))?;
        match stream.read(&mut buffer) {
            Ok(0) => break,
            Ok(n) => raw.extend_from_slice(&buffer[..n]),
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(Error(format!("reading the response after {} bytes: {e}", raw.len()))),
        }
        if raw.len() > MAX_RESPONSE {
            return Err(Error(format!("the response exceeds {MAX_RESPONSE} bytes")));
        }
    }
    parse_response(&raw)
}

/// `http://host:port/path?query` -> (`host:port`, `/path?query`). The target is sent as given,
/// so it must already be a valid request target (OData's `$`, `(`, `'`, `;`, `=` are).
fn split_url(url: &str) -> Result<(&str, &str), Error> {
    let rest = url.strip_prefix("http://").ok_or_else(|| Error("only http:// URLs are supported".into()))?;
    let (authority, target) = match rest.find('/') {
        Some(slash) => rest.split_at(slash),
        None => (rest, "/"),
    };
    let target = target.split('#').next().unwrap_or(target);
    if let Some(bad) = target.chars().find(|c| c.is_ascii_whitespace() || c.is_ascii_control()) {
        return Err(Error(format!("the request target {target:?} contains {bad:?}; percent-encode it")));
    }
    Ok((authority, target))
}

fn parse_response(raw: &[u8]) -> Result<Response, Error> {
    let end = find(raw, b"\r\n\r\n").ok_or_else(|| Error(format!("no end of headers in {} bytes", raw.len())))?;
    let head = std::str::from_utf8(&raw[..end]).map_err(|e| Error(format!("headers are not UTF-8: {e}")))?;
    let mut lines = head.split("\r\n");
    let status_line = lines.next().unwrap_or_default();
    let status = status_line
        .strip_prefix("HTTP/1.")
        .and_then(|rest| rest.get(2..5))
        .and_then(|code| code.parse().ok())
        .ok_or_else(|| Error(format!("not an HTTP/1.x status line: {status_line:?}")))?;
    let mut headers = Vec::new();
    for line in lines {
        let (name, value) = line.split_once(':').ok_or_else(|| Error(format!("not a header field: {line:?}")))?;
        headers.push((name.trim().to_owned(), value.trim().to_owned()));
    }
    let mut response = Response { status, headers, body: Vec::new() };
    let rest = &raw[end + 4..];
    let chunked = response.header("Transfer-Encoding").is_some_and(|codings| {
        codings.rsplit(',').next().is_some_and(|last| last.trim().eq_ignore_ascii_case("chunked"))
    });
    response.body = if chunked {
        dechunk(rest)?
    } else if let Some(length) = response.header("Content-Length") {
        let length: usize = length.parse().map_err(|_| Error(format!("bad Content-Length {length:?}")))?;
        rest.get(..length)
            .ok_or_else(|| Error(format!("the body has {} bytes, Content-Length says {length}", rest.len())))?
            .to_vec()
    } else {
        rest.to_vec()
    };
    Ok(response)
}

/// The body of a chunked message: `size[;ext]\r\n data\r\n ... 0\r\n [trailers] \r\n`.
fn dechunk(mut rest: &[u8]) -> Result<Vec<u8>, Error> {
    let mut body = Vec::new();
    loop {
        let line_end = find(rest, b"\r\n").ok_or_else(|| Error("a chunk size line has no end".into()))?;
        let line = std::str::from_utf8(&rest[..line_end]).map_err(|_| Error("a chunk size is not text".into()))?;
        let size = line.split(';').next().unwrap_or_default().trim();
        let size = usize::from_str_radix(size, 16).map_err(|_| Error(format!("bad chunk size {size:?}")))?;
        rest = &rest[line_end + 2..];
        if size == 0 {
            // Trailer fields, if any, follow; nothing here needs them.
            return Ok(body);
        }
        let chunk = rest.get(..size).ok_or_else(|| Error(format!("a chunk of {size} bytes is cut short")))?;
        body.extend_from_slice(chunk);
        rest = rest[size..].strip_prefix(b"\r\n").ok_or_else(|| Error("a chunk does not end with CRLF".into()))?;
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|window| window == needle)
}
