//! `plain-baseline <crate dir> --out <dir> [--name <package>]`: writes the plain-serde twin of a
//! crate that uses the odata-rs derives (see the library docs), for the scale benchmarks.

use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "usage: plain-baseline <crate dir> --out <dir> [--name <package name>]";

fn main() -> ExitCode {
    let mut input = None;
    let mut output = None;
    let mut name = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--out" => output = args.next().map(PathBuf::from),
            "--name" => name = args.next(),
            "-h" | "--help" => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            _ if input.is_none() && !arg.starts_with('-') => input = Some(PathBuf::from(arg)),
            _ => {
                eprintln!("unexpected argument `{arg}`\n{USAGE}");
                return ExitCode::FAILURE;
            }
        }
    }
    let (Some(input), Some(output)) = (input, output) else {
        eprintln!("{USAGE}");
        return ExitCode::FAILURE;
    };
    match plain_baseline::twin_crate(&input, &output, name.as_deref()) {
        Ok(s) => {
            println!(
                "{} files: {} structs, {} holders, {} enums, {} type definitions, {} operations; {} containers left out",
                s.files, s.structs, s.holders, s.enums, s.type_definitions, s.operations, s.services_removed
            );
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("plain-baseline: {error}");
            ExitCode::FAILURE
        }
    }
}
