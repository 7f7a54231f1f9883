//! `odata-codegen (CSDL_FILE | --url SERVICE_ROOT) --out DIR [--namespace NS]... [--type NS.NAME]...
//! [--extern NS.NAME=RUST::PATH]... [--annotations FILE]... [--crate NAME] [--plain-serde]`: writes Rust models for a CSDL document, read from a file or, with `--url`
//! (Cargo feature `fetch`, on by default), from the `$metadata` of a running service. Each
//! `--annotations FILE` is a CSDL document whose out-of-line `<Annotations Target="...">` apply
//! to the input (descriptions kept apart from the service's metadata, say).

use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "usage: odata-codegen (CSDL_FILE | --url SERVICE_ROOT [--save-metadata FILE]) --out DIR \
[--namespace NS]... [--type NS.NAME]... [--extern NS.NAME=RUST::PATH]... [--annotations CSDL_FILE]... \
[--crate NAME] [--plain-serde] [--odata-core TOML]";

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
            "--crate" => options.crate_name = Some(value("--crate")?),
            "--odata-core" => options.odata_core_dependency = value("--odata-core")?,
            "--plain-serde" => options.plain_serde = true,
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

#[cfg(not(feature = "fetch"))]
fn fetch(url: &str) -> Result<(String, String), String> {
    Err(format!(
        "--url {url}: this odata-codegen is built without its `fetch` feature; save the service's $metadata \
         to a file and pass the file instead"
    ))
}
