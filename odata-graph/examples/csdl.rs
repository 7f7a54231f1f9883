//! Prints the metadata document (CSDL XML) of odata-graph's whole model, built from the derives,
//! to stdout, and nothing else. `--json` prints CSDL JSON instead.
//!
//! Run with `cargo run -p odata-graph --example csdl`.

use std::io::Write;

fn main() -> std::io::Result<()> {
    let document = odata_graph::metadata();
    let text = if std::env::args().any(|a| a == "--json") {
        serde_json::to_string_pretty(&document.to_json())?
    } else {
        document.to_xml()
    };
    let mut stdout = std::io::stdout().lock();
    stdout.write_all(text.as_bytes())?;
    stdout.write_all(b"\n")
}
