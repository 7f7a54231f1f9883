//! `odata-codegen (CSDL_FILE | --url SERVICE_ROOT) --out DIR [--namespace NS]... [--type NS.NAME]...
//! [--extern NS.NAME=RUST::PATH]... [--annotations FILE]... [--references DIR]... [--reference URI=FILE]...
//! [--crate NAME]`: writes Rust models for a CSDL document, read from a file or, with `--url`
//! (Cargo feature `fetch`, on by default), from the `$metadata` of a running service. Each
//! `--annotations FILE` is a CSDL document whose out-of-line `<Annotations Target="...">` apply
//! to the input (descriptions kept apart from the service's metadata, say). The documents of its
//! `<edmx:Reference Uri>` elements are read from `--reference` files, from `--references`
//! directories by the URI's file name, and with `--url` from the service itself (URIs on the
//! service's own origin only: the request carries the service's headers).

use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "usage: odata-codegen (CSDL_FILE | --url SERVICE_ROOT [--save-metadata FILE]) --out DIR \
[--namespace NS]... [--type NS.NAME]... [--extern NS.NAME=RUST::PATH]... [--annotations CSDL_FILE]... \
[--references DIR]... [--reference URI=CSDL_FILE]... [--crate NAME] [--odata-core TOML]";

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

/// Where the CSDL comes from.
enum Source {
    File(PathBuf),
    /// A service root (`https://host/service/`); `$metadata` is read below it.
    Url(String),
}

fn run() -> Result<(), String> {
    let mut source: Option<Source> = None;
    let mut out: Option<PathBuf> = None;
    let mut save_metadata: Option<PathBuf> = None;
    let mut annotation_files: Vec<PathBuf> = Vec::new();
    let mut options = odata_codegen::Options::default();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = |flag: &str| args.next().ok_or_else(|| format!("{flag} needs a value\n{USAGE}"));
        match arg.as_str() {
            "--out" => out = Some(value("--out")?.into()),
            "--url" if source.is_none() => source = Some(Source::Url(value("--url")?)),
            "--save-metadata" => save_metadata = Some(value("--save-metadata")?.into()),
            "--namespace" => options.namespaces.push(value("--namespace")?),
            "--type" => options.types.push(value("--type")?),
            "--extern" => {
                let pair = value("--extern")?;
                let Some((name, path)) = pair.split_once('=') else {
                    return Err(format!("--extern {pair}: write NS.NAME=RUST::PATH\n{USAGE}"));
                };
                options.extern_types.insert(name.to_owned(), path.to_owned());
            }
            "--annotations" => annotation_files.push(value("--annotations")?.into()),
            "--references" => options.reference_dirs.push(value("--references")?.into()),
            "--reference" => {
                let pair = value("--reference")?;
                let Some((uri, file)) = pair.split_once('=') else {
                    return Err(format!("--reference {pair}: write URI=CSDL_FILE\n{USAGE}"));
                };
                options.reference_files.insert(uri.to_owned(), file.into());
            }
            "--crate" => options.crate_name = Some(value("--crate")?),
            "--odata-core" => options.odata_core_dependency = value("--odata-core")?,
            "-h" | "--help" => {
                println!("{USAGE}");
                return Ok(());
            }
            "--url" => return Err(format!("--url and a CSDL file, or two --url: give one source\n{USAGE}")),
            flag if flag.starts_with('-') => return Err(format!("unknown option `{flag}`\n{USAGE}")),
            path if source.is_none() => source = Some(Source::File(path.into())),
            extra => return Err(format!("unexpected argument `{extra}`\n{USAGE}")),
        }
    }
    let (Some(source), Some(out)) = (source, out) else { return Err(USAGE.to_owned()) };
    let (name, text) = match &source {
        Source::File(path) => {
            if save_metadata.is_some() {
                return Err(format!("--save-metadata goes with --url\n{USAGE}"));
            }
            eprintln!("reading {}", path.display());
            let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
            (path.display().to_string(), text)
        }
        Source::Url(url) => {
            let (metadata_url, text) = fetch(url)?;
            if let Some(path) = &save_metadata {
                std::fs::write(path, &text).map_err(|e| format!("{}: {e}", path.display()))?;
                eprintln!("saved {metadata_url} as {}", path.display());
            }
            (metadata_url, text)
        }
    };
    let document =
        odata_core::csdl::Document::parse_xml(&text).map_err(|e| format!("{name}: {e}{}", excerpt(&text, e.line)))?;
    if let Source::Url(url) = &source {
        fetch_references(url, &name, &document, &mut options);
    }
    for path in &annotation_files {
        let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        let annotations = odata_core::csdl::Document::parse_xml(&text)
            .map_err(|e| format!("{}: {e}{}", path.display(), excerpt(&text, e.line)))?;
        let groups = odata_codegen::annotation_groups(&annotations);
        if groups.is_empty() {
            return Err(format!("{}: no <Annotations Target=\"...\"> elements; nothing to apply", path.display()));
        }
        eprintln!("reading {}: {} annotated elements", path.display(), groups.len());
        options.annotations.extend(groups);
    }
    eprintln!("generating {} namespaces", document.schemas.len());
    let generated = odata_codegen::generate(&document, &options).map_err(|e| format!("{name}:\n{e}"))?;
    for (path, content) in &generated.files {
        let path = out.join(path);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
        }
        std::fs::write(&path, content).map_err(|e| format!("{}: {e}", path.display()))?;
        eprintln!("wrote {} ({} lines)", path.display(), content.lines().count());
    }
    for warning in &generated.summary.warnings {
        eprintln!("warning: {name}: {warning}");
    }
    println!("{}", generated.summary);
    Ok(())
}

/// The document's line `line` as it is written, for an error message (`\n  8 |     </Schema>`):
/// an XML syntax error names no element, the line shows it.
fn excerpt(text: &str, line: Option<u32>) -> String {
    let Some(index) = line.and_then(|l| usize::try_from(l).ok()).and_then(|l| l.checked_sub(1)) else {
        return String::new();
    };
    let Some(content) = text.lines().nth(index) else { return String::new() };
    let content = content.trim_end();
    let shown: String = content.chars().take(200).collect();
    let cut = if shown.len() < content.len() { " ..." } else { "" };
    format!("\n{:>3} | {shown}{cut}", index + 1)
}

/// `GET <root>/$metadata` (`Accept: application/xml`) through odata-client: the URL read and the
/// document's text. A URL that already ends in `/$metadata` is taken as its service root's.
#[cfg(feature = "fetch")]
fn fetch(url: &str) -> Result<(String, String), String> {
    let root = url.strip_suffix("/$metadata").unwrap_or(url);
    let root = odata_core::query::ServiceRoot::new(root).map_err(|e| format!("--url {url}: {e}"))?;
    let metadata_url = root.metadata_url();
    eprintln!("reading {metadata_url}");
    let client = odata_client::Client::new(root).map_err(|e| format!("--url {url}: {e}"))?;
    // One request: a single-threaded runtime is enough.
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| format!("cannot start the async runtime: {e}"))?;
    let text = runtime.block_on(client.metadata()).map_err(|e| format!("GET {metadata_url}: {e}"))?;
    Ok((metadata_url, text))
}

/// The documents of the references on the service's own origin (relative URIs, or absolute ones
/// of the same scheme, host and port), transitively, into `options.reference_texts`. Others are
/// not requested: the request would carry the service's credentials elsewhere. What fails is a
/// warning; the generator then says what it leaves out.
#[cfg(feature = "fetch")]
fn fetch_references(
    url: &str,
    metadata_url: &str,
    document: &odata_core::csdl::Document,
    options: &mut odata_codegen::Options,
) {
    let root = url.strip_suffix("/$metadata").unwrap_or(url);
    let Ok(root) = odata_core::query::ServiceRoot::new(root) else { return };
    let Ok(client) = odata_client::Client::new(root) else { return };
    let Ok(runtime) = tokio::runtime::Builder::new_current_thread().enable_all().build() else { return };
    let mut pending: Vec<(String, String)> =
        document.references.iter().map(|r| (metadata_url.to_owned(), r.uri.clone())).collect();
    while let Some((base, uri)) = pending.pop() {
        if options.reference_texts.contains_key(&uri) || options.reference_files.contains_key(&uri) {
            continue;
        }
        let Some(target) = same_origin(metadata_url, &base, &uri) else {
            continue; // another host: only --reference / --references provide it
        };
        eprintln!("reading {target}");
        let request = http::Request::get(&target).header(http::header::ACCEPT, "application/xml").body(Vec::new());
        let text = match request {
            Ok(request) => runtime.block_on(client.execute(request)).map_err(|e| e.to_string()).and_then(|response| {
                if response.status().is_success() {
                    String::from_utf8(response.into_body()).map_err(|e| e.to_string())
                } else {
                    Err(format!("status {}", response.status()))
                }
            }),
            Err(error) => Err(error.to_string()),
        };
        match text {
            Ok(text) => {
                if let Ok(referenced) = odata_core::csdl::Document::parse_xml(&text) {
                    pending.extend(referenced.references.iter().map(|r| (target.clone(), r.uri.clone())));
                }
                options.reference_texts.insert(uri, text);
            }
            Err(error) => eprintln!("warning: GET {target}: {error}"),
        }
    }
}

#[cfg(not(feature = "fetch"))]
fn fetch_references(_: &str, _: &str, _: &odata_core::csdl::Document, _: &mut odata_codegen::Options) {}

/// `uri` resolved against `base` (the document that names it), if it is on the origin of
/// `service` (`scheme://host:port`): `../v/Core.xml`, `/v/Core.xml`, `http://same-host/...`.
#[cfg(feature = "fetch")]
fn same_origin(service: &str, base: &str, uri: &str) -> Option<String> {
    fn origin(url: &str) -> Option<&str> {
        let (scheme, rest) = url.split_once("://")?;
        let end = rest.find('/').map_or(url.len(), |i| scheme.len() + 3 + i);
        Some(&url[..end])
    }
    let service_origin = origin(service)?;
    let resolved = if uri.contains("://") {
        uri.to_owned()
    } else if uri.starts_with('/') {
        format!("{}{uri}", origin(base)?)
    } else {
        let directory = &base[..base.rfind('/')? + 1];
        format!("{directory}{uri}")
    };
    (origin(&resolved)? == service_origin).then_some(resolved)
}

#[cfg(not(feature = "fetch"))]
fn fetch(url: &str) -> Result<(String, String), String> {
    Err(format!(
        "--url {url}: this odata-codegen is built without its `fetch` feature; save the service's $metadata \
         to a file and pass the file instead"
    ))
}
