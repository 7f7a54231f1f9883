//! The multipart batch format (OData 4.01 Protocol, "Multipart Batch Format"; RFC 2046): a
//! `multipart/mixed` body of `application/http` parts, each an HTTP request, and change sets,
//! each a nested `multipart/mixed` part whose requests succeed or fail together.
//!
//! Parsing turns the body into [`batch::Item`]s (a change set becomes an atomicity group, a
//! `Content-ID` the request id that `$<id>` refers to), [`batch::execute`] runs them exactly as it
//! runs the JSON format, and the answer is written back in the request's structure. Written by
//! hand: no well-kept crate reads multipart/mixed with `application/http` parts (the multipart
//! crates serve `multipart/form-data`), and the format is small.

use bytes::Bytes;
use http::{HeaderMap, HeaderName, HeaderValue, Method, StatusCode, header};

use crate::batch::{self, Item};
use crate::error::ODataError;
use crate::request::{ODataRequest, Reply};
use crate::service::Service;

/// At most this many header lines in one part or in one inner request.
const MAX_HEADERS: usize = 100;
/// RFC 2046: a boundary has 1 to 70 characters.
const MAX_BOUNDARY: usize = 70;

fn bad(message: impl Into<String>) -> ODataError {
    ODataError::bad_request("InvalidBatch", message).with_target("$batch")
}

/// What the body holds, in order: requests and change sets (indices into the items).
enum Unit {
    Request(usize),
    ChangeSet(Vec<usize>),
}

/// The parsed batch: the items to run, and the structure to answer in.
struct Parsed {
    items: Vec<Item>,
    units: Vec<Unit>,
    /// The `Content-ID` each item was sent with, if any (echoed in its response).
    content_ids: Vec<Option<String>>,
}

/// Answers a `multipart/mixed` `$batch`.
pub(crate) async fn batch(service: &Service, request: ODataRequest) -> Result<Reply, ODataError> {
    let content_type = request.header("content-type").unwrap_or_default();
    let boundary = boundary_of(content_type)?;
    let parsed = parse(&request.body, &boundary, service.inner.limits.max_batch_requests)?;
    let continue_on_error = continue_on_error(&request);
    let replies = batch::execute(service, &request, &parsed.items, !continue_on_error).await;
    let mut reply = write(&parsed, &replies);
    if continue_on_error {
        reply = reply.header(HeaderName::from_static("preference-applied"), "odata.continue-on-error");
    }
    Ok(reply)
}

/// `Prefer: odata.continue-on-error` (4.0) or `continue-on-error` (4.01), without a value or
/// with `true`.
fn continue_on_error(request: &ODataRequest) -> bool {
    request.preferences().into_iter().any(|(name, value)| {
        (name == "odata.continue-on-error" || name == "continue-on-error")
            && value.as_deref().is_none_or(|v| v.eq_ignore_ascii_case("true"))
    })
}

/// The `boundary` parameter of a `multipart/mixed` content type (quoted or not).
fn boundary_of(content_type: &str) -> Result<String, ODataError> {
    let boundary = content_type.split(';').skip(1).find_map(|parameter| {
        let (name, value) = parameter.split_once('=')?;
        name.trim().eq_ignore_ascii_case("boundary").then(|| value.trim().trim_matches('"').to_owned())
    });
    match boundary {
        Some(b) if !b.is_empty() && b.len() <= MAX_BOUNDARY => Ok(b),
        Some(b) if !b.is_empty() => Err(bad(format!("the boundary has {} characters, more than 70", b.len()))),
        _ => Err(bad(format!(
            "the Content-Type `{content_type}` has no boundary parameter (multipart/mixed; boundary=...)"
        ))),
    }
}

/// The body parts between the delimiter lines `--boundary` and the closing `--boundary--`;
/// the preamble before the first and the epilogue after the last are ignored (RFC 2046). The
/// line break before a delimiter belongs to the delimiter.
fn split_parts<'a>(body: &'a [u8], boundary: &str) -> Result<Vec<&'a [u8]>, ODataError> {
    let delimiter = format!("--{boundary}");
    let delimiter = delimiter.as_bytes();
    let mut parts = Vec::new();
    let mut start: Option<usize> = None;
    let mut from = 0;
    while let Some(found) = find(&body[from..], delimiter) {
        let at = from + found;
        from = at + delimiter.len();
        let line_start = at == 0 || body[at - 1] == b'\n';
        if !line_start {
            continue;
        }
        let rest = &body[from..];
        let closing = rest.starts_with(b"--");
        let after = if closing { &rest[2..] } else { rest };
        // Transport padding (spaces, tabs), then the end of the line.
        let padding = after.iter().take_while(|b| **b == b' ' || **b == b'\t').count();
        let line_end = match &after[padding..] {
            [] => padding,
            [b'\r', b'\n', ..] => padding + 2,
            [b'\n', ..] => padding + 1,
            _ if closing => padding,
            _ => continue, // `--boundaryX`: a longer boundary, not this one
        };
        if let Some(start) = start {
            let mut end = at;
            if end > start && body[end - 1] == b'\n' {
                end -= 1;
                if end > start && body[end - 1] == b'\r' {
                    end -= 1;
                }
            }
            parts.push(&body[start..end.max(start)]);
        }
        if closing {
            if start.is_none() {
                return Err(bad(format!("the body closes with --{boundary}-- before any part")));
            }
            return Ok(parts);
        }
        start = Some(from + line_end);
    }
    if start.is_none() {
        Err(bad(format!("the body holds no delimiter line --{boundary} (the boundary of its Content-Type)")))
    } else {
        Err(bad(format!("the body does not end with the closing delimiter --{boundary}--")))
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// The header lines up to the first empty line, and what follows it. `what` names the part in
/// messages.
fn split_head<'a>(part: &'a [u8], what: &str) -> Result<(HeaderMap, &'a [u8]), ODataError> {
    let mut headers = HeaderMap::new();
    let mut rest = part;
    loop {
        let (line, next) = match find(rest, b"\n") {
            Some(i) => (&rest[..i], &rest[i + 1..]),
            None => (rest, &rest[rest.len()..]),
        };
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        if line.is_empty() {
            return Ok((headers, next));
        }
        if headers.len() >= MAX_HEADERS {
            return Err(bad(format!("{what} has more than {MAX_HEADERS} header lines")));
        }
        let shown = || String::from_utf8_lossy(&line[..line.len().min(80)]).into_owned();
        let Some(colon) = line.iter().position(|b| *b == b':') else {
            return Err(bad(format!("{what}: the header line `{}` is not `Name: value`", shown())));
        };
        let name = HeaderName::from_bytes(&line[..colon])
            .map_err(|_| bad(format!("{what}: the header line `{}` has no valid header name", shown())))?;
        let value = HeaderValue::from_bytes(line[colon + 1..].trim_ascii())
            .map_err(|_| bad(format!("{what}: the header line `{}` has no valid value", shown())))?;
        headers.append(name, value);
        if next.is_empty() {
            return Ok((headers, next));
        }
        rest = next;
    }
}

fn header<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers.get(name).and_then(|v| v.to_str().ok())
}

/// Reads the batch body.
fn parse(body: &[u8], boundary: &str, limit: usize) -> Result<Parsed, ODataError> {
    let mut parsed = Parsed { items: Vec::new(), units: Vec::new(), content_ids: Vec::new() };
    for (index, part) in split_parts(body, boundary)?.into_iter().enumerate() {
        let what = format!("part {}", index + 1);
        let (headers, content) = split_head(part, &what)?;
        let content_type = header(&headers, "content-type").unwrap_or_default().to_ascii_lowercase();
        if content_type.starts_with("multipart/mixed") {
            let inner = boundary_of(header(&headers, "content-type").unwrap_or_default())
                .map_err(|e| bad(format!("{what} (a change set): {}", e.message)))?;
            let group = format!("\u{1}changeset{}", index + 1);
            let mut members = Vec::new();
            for (n, request) in split_parts(content, &inner)?.into_iter().enumerate() {
                let what = format!("{what}, request {} of its change set", n + 1);
                let (headers, content) = split_head(request, &what)?;
                let kind = header(&headers, "content-type").unwrap_or_default().to_ascii_lowercase();
                if kind.starts_with("multipart/") {
                    return Err(bad(format!("{what}: a change set cannot hold a change set")));
                }
                let item = request_part(&mut parsed, &headers, content, &what, Some(&group))?;
                if item.method == Method::GET || item.method == Method::HEAD {
                    return Err(bad(format!(
                        "{what}: {} cannot be in a change set (only changes and actions can)",
                        item.method
                    )));
                }
                members.push(parsed.items.len());
                parsed.items.push(item);
            }
            if members.is_empty() {
                return Err(bad(format!("{what}: the change set holds no request")));
            }
            parsed.units.push(Unit::ChangeSet(members));
        } else {
            let item = request_part(&mut parsed, &headers, content, &what, None)?;
            parsed.units.push(Unit::Request(parsed.items.len()));
            parsed.items.push(item);
        }
        if parsed.items.len() > limit {
            return Err(bad(format!("the batch has more than the limit of {limit} requests")));
        }
    }
    Ok(parsed)
}

/// An `application/http` part: its `Content-ID`, then the HTTP request it holds.
fn request_part(
    parsed: &mut Parsed,
    headers: &HeaderMap,
    content: &[u8],
    what: &str,
    group: Option<&String>,
) -> Result<Item, ODataError> {
    let content_type = header(headers, "content-type").unwrap_or_default();
    if !content_type.to_ascii_lowercase().starts_with("application/http") {
        let shown = if content_type.is_empty() { "none" } else { content_type };
        return Err(bad(format!(
            "{what}: the Content-Type must be application/http (a request) or multipart/mixed (a change set), not {shown}"
        )));
    }
    if let Some(encoding) = header(headers, "content-transfer-encoding")
        && !["binary", "8bit", "7bit"].iter().any(|e| encoding.trim().eq_ignore_ascii_case(e))
    {
        return Err(bad(format!("{what}: the Content-Transfer-Encoding {encoding} is not binary")));
    }
    let content_id = header(headers, "content-id").map(|id| id.trim().to_owned());
    if let Some(id) = &content_id {
        if id.is_empty() {
            return Err(bad(format!("{what}: the Content-ID is empty")));
        }
        if parsed.content_ids.iter().any(|known| known.as_ref() == Some(id)) {
            return Err(bad(format!("{what}: the Content-ID {id} is used twice")));
        }
    }
    let (method, url, headers, body) = read_request(content, what)?;
    // Requests without a Content-ID get an id no URL can name (`$<id>` needs a printable one).
    let id = content_id.clone().unwrap_or_else(|| format!("\u{1}{}", parsed.content_ids.len()));
    parsed.content_ids.push(content_id);
    Ok(Item { id, method, url, headers, body, depends_on: Vec::new(), group: group.cloned() })
}

/// `METHOD URL [HTTP/1.1]`, header lines, an empty line, the body.
fn read_request(content: &[u8], what: &str) -> Result<(Method, String, HeaderMap, Bytes), ODataError> {
    let line_end = find(content, b"\n").unwrap_or(content.len());
    let line = &content[..line_end];
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    let rest = content.get(line_end + 1..).unwrap_or_default();
    let shown = || String::from_utf8_lossy(&line[..line.len().min(120)]).into_owned();
    let malformed = || bad(format!("{what}: the request line `{}` is not `METHOD URL HTTP/1.1`", shown()));
    let text = std::str::from_utf8(line).map_err(|_| malformed())?;
    let words: Vec<&str> = text.split(' ').filter(|w| !w.is_empty()).collect();
    let (method, url) = match words.as_slice() {
        [method, url] => (*method, *url),
        [method, url, version] if version.starts_with("HTTP/1.") => (*method, *url),
        _ => return Err(malformed()),
    };
    if !method.bytes().all(|b| b.is_ascii_uppercase()) {
        return Err(malformed());
    }
    let method = Method::from_bytes(method.as_bytes()).map_err(|_| malformed())?;
    let (headers, body) = split_head(rest, what)?;
    let mut body = body;
    if let Some(length) = header(&headers, "content-length") {
        let length: usize =
            length.trim().parse().map_err(|_| bad(format!("{what}: the Content-Length {length} is no number")))?;
        if length > body.len() {
            return Err(bad(format!("{what}: the Content-Length says {length} bytes, the part holds {}", body.len())));
        }
        body = &body[..length];
    }
    Ok((method, url.to_owned(), headers, Bytes::copy_from_slice(body)))
}

/// The response in the request's structure. A change set that failed is answered by one
/// `application/http` part, its failed request's error; requests not run (processing stopped
/// at an error) have no part.
fn write(parsed: &Parsed, replies: &[Reply]) -> Reply {
    // Parts first, so that the boundaries can be chosen to occur in none of them.
    enum Out {
        Part(Vec<u8>),
        ChangeSet(Vec<Vec<u8>>),
    }
    let mut out = Vec::new();
    for unit in &parsed.units {
        match unit {
            Unit::Request(i) => {
                let Some(reply) = replies.get(*i) else { break };
                out.push(Out::Part(part(parsed.content_ids[*i].as_deref(), reply)));
            }
            Unit::ChangeSet(members) => {
                let answered: Vec<(usize, &Reply)> =
                    members.iter().filter_map(|i| replies.get(*i).map(|r| (*i, r))).collect();
                if answered.is_empty() {
                    break;
                }
                let failed = answered
                    .iter()
                    .find(|(_, r)| r.status.as_u16() >= 400 && r.status != StatusCode::FAILED_DEPENDENCY)
                    .or_else(|| answered.iter().find(|(_, r)| r.status.as_u16() >= 400));
                match failed {
                    Some((i, reply)) => out.push(Out::Part(part(parsed.content_ids[*i].as_deref(), reply))),
                    None => out.push(Out::ChangeSet(
                        answered.iter().map(|(i, r)| part(parsed.content_ids[*i].as_deref(), r)).collect(),
                    )),
                }
            }
        }
    }
    let all: Vec<&[u8]> = out
        .iter()
        .flat_map(|o| match o {
            Out::Part(p) => vec![p.as_slice()],
            Out::ChangeSet(ps) => ps.iter().map(Vec::as_slice).collect(),
        })
        .collect();
    let boundary = fresh_boundary("batchresponse", &all);
    let mut body = Vec::new();
    for (n, o) in out.iter().enumerate() {
        push_line(&mut body, &format!("--{boundary}"));
        match o {
            Out::Part(p) => body.extend_from_slice(p),
            Out::ChangeSet(parts) => {
                let inner: Vec<&[u8]> = parts.iter().map(Vec::as_slice).collect();
                let changeset = fresh_boundary(&format!("changesetresponse_{}", n + 1), &inner);
                push_line(&mut body, &format!("Content-Type: multipart/mixed; boundary={changeset}"));
                push_line(&mut body, "");
                for p in parts {
                    push_line(&mut body, &format!("--{changeset}"));
                    body.extend_from_slice(p);
                }
                push_line(&mut body, &format!("--{changeset}--"));
            }
        }
    }
    push_line(&mut body, &format!("--{boundary}--"));
    let mut headers = HeaderMap::new();
    // The boundary last: some clients (the SAP Cloud SDK) take everything after `boundary=`.
    if let Ok(value) = HeaderValue::from_str(&format!("multipart/mixed; boundary={boundary}")) {
        headers.insert(header::CONTENT_TYPE, value);
    }
    Reply { status: StatusCode::OK, headers, body: Bytes::from(body) }
}

/// `base`, or `base_N` with the smallest N, whose delimiter occurs in none of `parts`.
fn fresh_boundary(base: &str, parts: &[&[u8]]) -> String {
    let mut n = 0u32;
    loop {
        let boundary = if n == 0 { base.to_owned() } else { format!("{base}_{n}") };
        let delimiter = format!("--{boundary}");
        if !parts.iter().any(|p| find(p, delimiter.as_bytes()).is_some()) {
            return boundary;
        }
        n += 1;
    }
}

fn push_line(out: &mut Vec<u8>, line: &str) {
    out.extend_from_slice(line.as_bytes());
    out.extend_from_slice(b"\r\n");
}

/// One `application/http` part: its headers, then the response as it would be outside a batch,
/// ending with a line break (the one before the next delimiter).
fn part(content_id: Option<&str>, reply: &Reply) -> Vec<u8> {
    let mut out = Vec::new();
    push_line(&mut out, "Content-Type: application/http");
    push_line(&mut out, "Content-Transfer-Encoding: binary");
    if let Some(id) = content_id {
        push_line(&mut out, &format!("Content-ID: {id}"));
    }
    push_line(&mut out, "");
    let reason = reply.status.canonical_reason().unwrap_or("");
    push_line(&mut out, &format!("HTTP/1.1 {} {reason}", reply.status.as_u16()));
    for (name, value) in &reply.headers {
        if name == header::CONTENT_LENGTH {
            continue;
        }
        out.extend_from_slice(canonical(name.as_str()).as_bytes());
        out.extend_from_slice(b": ");
        out.extend_from_slice(value.as_bytes());
        out.extend_from_slice(b"\r\n");
    }
    push_line(&mut out, "OData-Version: 4.0");
    push_line(&mut out, &format!("Content-Length: {}", reply.body.len()));
    push_line(&mut out, "");
    out.extend_from_slice(&reply.body);
    push_line(&mut out, "");
    out
}

/// `content-type` -> `Content-Type`, `odata-entityid` -> `OData-EntityId`: the usual spelling
/// (header names are case-insensitive, but some clients compare them as written).
fn canonical(name: &str) -> String {
    match name {
        "etag" => return "ETag".to_owned(),
        "odata-entityid" => return "OData-EntityId".to_owned(),
        "odata-version" => return "OData-Version".to_owned(),
        _ => {}
    }
    name.split('-')
        .map(|word| {
            let mut chars = word.chars();
            match chars.next() {
                Some(first) => first.to_ascii_uppercase().to_string() + chars.as_str(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join("-")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_split_at_delimiter_lines_only() {
        let body = b"preamble\r\n--b\r\nA\r\n--bx\r\n--b \r\nB\n--b--\r\nepilogue";
        let parts = split_parts(body, "b").unwrap();
        assert_eq!(parts, [&b"A\r\n--bx"[..], &b"B"[..]]);
    }

    #[test]
    fn a_missing_close_is_an_error() {
        let error = split_parts(b"--b\r\nA\r\n", "b").unwrap_err();
        assert_eq!(error.message, "the body does not end with the closing delimiter --b--");
    }

    #[test]
    fn boundaries_are_read_quoted_or_not() {
        assert_eq!(boundary_of("multipart/mixed; boundary=\"a b\"").unwrap(), "a b");
        assert_eq!(boundary_of("multipart/mixed;charset=x;BOUNDARY=batch_1").unwrap(), "batch_1");
        assert!(boundary_of("multipart/mixed").is_err());
    }

    #[test]
    fn no_truncation_or_byte_change_of_a_batch_panics() {
        let body = "pre\r\n--b\r\nContent-Type: application/http\r\nContent-ID: 1\r\n\r\nGET /x?$top=1 HTTP/1.1\r\n\
                    Accept: application/json\r\n\r\n\r\n--b\r\nContent-Type: multipart/mixed; boundary=c\r\n\r\n--c\r\n\
                    Content-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\nPOST x HTTP/1.1\r\n\
                    Content-Length: 2\r\n\r\n{}\r\n--c--\r\n--b--\r\n";
        let body = body.as_bytes();
        assert_eq!(parse(body, "b", 100).map(|p| p.items.len()).unwrap(), 2);
        for end in 0..body.len() {
            let _ = parse(&body[..end], "b", 100);
        }
        for at in 0..body.len() {
            for byte in [b'\r', b'\n', b'-', b':', b' ', 0xff] {
                let mut changed = body.to_vec();
                changed[at] = byte;
                let _ = parse(&changed, "b", 100);
            }
        }
    }

    #[test]
    fn header_names_are_spelled_as_usual() {
        assert_eq!(canonical("content-type"), "Content-Type");
        assert_eq!(canonical("location"), "Location");
        assert_eq!(canonical("etag"), "ETag");
    }
}
