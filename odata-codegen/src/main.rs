//! `odata-codegen CSDL_FILE --out DIR [--namespace NS]... [--crate NAME] [--plain-serde]`: writes
//! Rust models for a CSDL document.

use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str =
    "usage: odata-codegen CSDL_FILE --out DIR [--namespace NS]... [--crate NAME] [--plain-serde] [--odata-core TOML]";

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), String> {
    let mut input: Option<PathBuf> = None;
    let mut out: Option<PathBuf> = None;
    let mut options = odata_codegen::Options::default();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = |flag: &str| args.next().ok_or_else(|| format!("{flag} needs a value\n{USAGE}"));
        match arg.as_str() {
            "--out" => out = Some(value("--out")?.into()),
            "--namespace" => options.namespaces.push(value("--namespace")?),
            "--crate" => options.crate_name = Some(value("--crate")?),
            "--odata-core" => options.odata_core_dependency = value("--odata-core")?,
            "--plain-serde" => options.plain_serde = true,
            "-h" | "--help" => {
                println!("{USAGE}");
                return Ok(());
            }
            flag if flag.starts_with('-') => return Err(format!("unknown option `{flag}`\n{USAGE}")),
            path if input.is_none() => input = Some(path.into()),
            extra => return Err(format!("unexpected argument `{extra}`\n{USAGE}")),
        }
    }
    let (Some(input), Some(out)) = (input, out) else { return Err(USAGE.to_owned()) };
    eprintln!("reading {}", input.display());
    let text = std::fs::read_to_string(&input).map_err(|e| format!("{}: {e}", input.display()))?;
    let document = odata_core::csdl::Document::parse_xml(&text).map_err(|e| format!("{}: {e}", input.display()))?;
    eprintln!("generating {} namespaces", document.schemas.len());
    let generated = odata_codegen::generate(&document, &options).map_err(|e| format!("{}:\n{e}", input.display()))?;
    for (path, content) in &generated.files {
        let path = out.join(path);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
        }
        std::fs::write(&path, content).map_err(|e| format!("{}: {e}", path.display()))?;
        eprintln!("wrote {} ({} lines)", path.display(), content.lines().count());
    }
    for warning in &generated.summary.warnings {
        eprintln!("warning: {}: {warning}", input.display());
    }
    println!("{}", generated.summary);
    Ok(())
}
