//! Peak memory (RSS) of reading one large page of users: whole, or item by item.
//!
//! ```sh
//! cargo build --release -p odata-client --example page_memory
//! B=target/release/examples/page_memory
//! $B generate /tmp/users.json 100
//! $B whole /tmp/users.json
//! $B bytes-items /tmp/users.json
//! $B reader-items /tmp/users.json
//! $B client-pages /tmp/users.json
//! $B client-items /tmp/users.json
//! ```
//!
//! Each mode runs in its own process and prints the process's peak resident set (`VmHWM` from
//! `/proc/self/status`, Linux only), so that one mode's memory does not hide another's.
//!
//! - `whole`: the body in memory, decoded into `Page<User>` (`Client::pages`, `Client::get`).
//! - `bytes-items`: the body in memory, each user handed to a callback and dropped
//!   (`Client::for_each_item`).
//! - `reader-items`: the body read from a file as it is decoded, one user at a time
//!   (`odata_core::read_page_items` over any `io::Read`).
//! - `client-pages` and `client-items`: the file served over HTTP on 127.0.0.1 by a thread of
//!   this process (in 64 KiB reads), read by the client as a whole page (`Client::pages`) or item
//!   by item as the body arrives (`Client::for_each_item`).

use std::io::{BufRead, BufReader, BufWriter, Read, Write};
use std::net::TcpListener;

use futures_util::TryStreamExt;
use odata_client::Client;
use odata_core::query::{Query, ServiceRoot};
use odata_core::{Page, read_page_items};
use odata_graph::directory::User;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let (mode, path) = match (args.get(1), args.get(2)) {
        (Some(mode), Some(path)) => (mode.as_str(), path.as_str()),
        _ => {
            return Err(
                "usage: page_memory generate|whole|bytes-items|reader-items|client-pages|client-items <file> [megabytes]"
                    .into(),
            );
        }
    };
    let mut users = 0usize;
    let mut names = 0usize;
    match mode {
        "generate" => {
            let megabytes: usize = args.get(3).map(|m| m.parse()).transpose()?.unwrap_or(100);
            generate(path, megabytes)?;
            return Ok(());
        }
        "whole" => {
            let body = std::fs::read(path)?;
            let page: Page<User> = serde_json::from_slice(&body)?;
            users = page.len();
            names = page.iter().filter_map(|u| u.display_name.as_ref()).map(String::len).sum();
        }
        "bytes-items" => {
            let body = std::fs::read(path)?;
            read_page_items(body.as_slice(), |user: User| {
                users += 1;
                names += user.display_name.map_or(0, |n| n.len());
                Ok::<(), std::convert::Infallible>(())
            })?;
        }
        "reader-items" => {
            let file = BufReader::new(std::fs::File::open(path)?);
            read_page_items(file, |user: User| {
                users += 1;
                names += user.display_name.map_or(0, |n| n.len());
                Ok::<(), std::convert::Infallible>(())
            })?;
        }
        "client-pages" | "client-items" => {
            let root = serve(path)?;
            let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build()?;
            // The whole page must fit the body limit; item by item, only one user must.
            let client = Client::builder(ServiceRoot::new(&root)?).max_body_size(1 << 30).build()?;
            let resource = client.root().entity_set::<User>("users");
            let mut count = |user: &User| {
                users += 1;
                names += user.display_name.as_ref().map_or(0, String::len);
            };
            if mode == "client-pages" {
                let pages: Vec<Page<User>> =
                    runtime.block_on(client.pages(&resource, &Query::new()).into_stream().try_collect())?;
                pages.iter().flat_map(Page::iter).for_each(&mut count);
            } else {
                runtime.block_on(client.for_each_item(&resource, &Query::new(), |user| count(&user)))?;
            }
        }
        other => return Err(format!("unknown mode {other}").into()),
    }
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let peak = status.lines().find(|l| l.starts_with("VmHWM")).unwrap_or("VmHWM: unknown");
    println!("{mode}: {users} users ({names} bytes of names); peak {}", peak.trim_start_matches("VmHWM:").trim());
    Ok(())
}

/// Serves `path` as the answer to one request, in 64 KiB reads; the service root's URL.
fn serve(path: &str) -> std::io::Result<String> {
    let listener = TcpListener::bind("127.0.0.1:0")?;
    let root = format!("http://{}/v1.0", listener.local_addr()?);
    let path = path.to_owned();
    std::thread::spawn(move || -> std::io::Result<()> {
        let (mut stream, _) = listener.accept()?;
        let mut reader = BufReader::new(stream.try_clone()?);
        let mut line = String::new();
        while reader.read_line(&mut line)? > 0 && line.trim() != "" {
            line.clear();
        }
        let mut file = std::fs::File::open(&path)?;
        let length = file.metadata()?.len();
        write!(
            stream,
            "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {length}\r\nconnection: close\r\n\r\n"
        )?;
        let mut buffer = vec![0; 64 * 1024];
        loop {
            let n = file.read(&mut buffer)?;
            if n == 0 {
                return Ok(());
            }
            stream.write_all(&buffer[..n])?;
        }
    });
    Ok(root)
}

/// A `users` page of about `megabytes` MB: Graph-like users with the default properties.
fn generate(path: &str, megabytes: usize) -> std::io::Result<()> {
    let mut out = BufWriter::new(std::fs::File::create(path)?);
    write!(out, r#"{{"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#users","value":["#)?;
    let mut written = 0;
    let mut i = 0usize;
    while written < megabytes * 1_000_000 {
        let user = format!(
            r#"{}{{"businessPhones":["+1 425 555 {:04}"],"displayName":"User {i}","givenName":"Given{i}","jobTitle":"Engineer","mail":"user{i}@contoso.com","mobilePhone":null,"officeLocation":"18/{}","preferredLanguage":"en-US","surname":"Surname{i}","userPrincipalName":"user{i}@contoso.com","id":"{:08x}-1c63-4860-b963-e34ec660931d"}}"#,
            if i == 0 { "" } else { "," },
            i % 10_000,
            i % 4000,
            i
        );
        out.write_all(user.as_bytes())?;
        written += user.len();
        i += 1;
    }
    write!(out, r#"],"@odata.deltaLink":"https://graph.microsoft.com/v1.0/users/delta?$deltatoken=x"}}"#)?;
    out.flush()
}
