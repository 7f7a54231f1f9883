//! Decodes the session page of `odata-graph`'s `session_page` bench into its plain serde structs
//! (baseline (a)) with serde_json, sonic-rs and simd-json, and the OData types with serde_json
//! and sonic-rs, in interleaved rounds; prints medians and ratios to serde_json.
//!
//! ```sh
//! RUSTFLAGS="-C target-feature=+avx2,+pclmulqdq,+sse4.2,+bmi1,+bmi2,+popcnt,+lzcnt" \
//!   cargo run --release --manifest-path benches/json-backends/Cargo.toml
//! ```
//!
//! The SIMD crates choose their kernels at compile time, hence the target features (the AVX2 set
//! sonic-rs asks for; `-C target-cpu=native` also works but adds AVX-512, which valgrind cannot
//! run). `JSON_BACKENDS_PROFILE=<serde|sonic|simd|none>` decodes five times with one parser, for
//! callgrind (instructions per page = (run - `none` run) / 5).

// The bench's own files: the same page and the same baseline structs.
#[path = "../../../odata-graph/benches/session_page/data.rs"]
#[allow(dead_code)]
mod data;
#[path = "../../../odata-graph/benches/session_page/plain.rs"]
#[allow(dead_code, clippy::large_enum_variant)]
mod plain;

use std::hint::black_box;
use std::time::Instant;

use odata_core::Page;
use odata_graph::call_records::Session;

const ROUNDS: usize = 31;

fn main() {
    let json = data::session_page(3_000);
    if let Ok(parser) = std::env::var("JSON_BACKENDS_PROFILE") {
        for _ in 0..5 {
            match parser.as_str() {
                "serde" => drop(black_box(serde_json::from_str::<plain::Page>(black_box(&json)).expect("decodes"))),
                "sonic" => drop(black_box(sonic_rs::from_str::<plain::Page>(black_box(&json)).expect("decodes"))),
                "simd" => {
                    let mut bytes = json.clone().into_bytes();
                    drop(black_box(simd_json::serde::from_slice::<plain::Page>(black_box(&mut bytes)).expect("decodes")))
                }
                _ => {}
            }
        }
        return;
    }
    println!("page: {:.1} MB, {ROUNDS} interleaved rounds, median (min) per decode\n", json.len() as f64 / 1e6);

    // The OData types under sonic-rs: a kept unknown member is a serde_json `RawValue`, whose
    // Deserialize asks for serde_json's private raw-value token; sonic-rs has its own.
    match sonic_rs::from_str::<Page<Session>>(&json) {
        Ok(page) => println!("odata-graph types via sonic-rs: decoded {} sessions", page.value.len()),
        Err(error) => println!("odata-graph types via sonic-rs: {}", error.to_string().lines().next().unwrap_or("")),
    }

    let mut times = [(); 4].map(|()| Vec::with_capacity(ROUNDS));
    for _ in 0..ROUNDS {
        let start = Instant::now();
        let page: plain::Page = serde_json::from_str(&json).expect("decodes");
        times[0].push(start.elapsed().as_secs_f64());
        drop(page);
        let start = Instant::now();
        let page: plain::Page = sonic_rs::from_str(&json).expect("decodes");
        times[1].push(start.elapsed().as_secs_f64());
        drop(page);
        // simd-json parses in place: the copy is made before the clock starts.
        let mut bytes = json.clone().into_bytes();
        let start = Instant::now();
        let page: plain::Page = simd_json::serde::from_slice(&mut bytes).expect("decodes");
        times[2].push(start.elapsed().as_secs_f64());
        drop(page);
        let start = Instant::now();
        let page: Page<Session> = serde_json::from_str(&json).expect("decodes");
        times[3].push(start.elapsed().as_secs_f64());
        drop(page);
    }
    let labels = [
        "(a) plain structs, serde_json",
        "(a) plain structs, sonic-rs",
        "(a) plain structs, simd-json",
        "odata-graph, serde_json",
    ];
    let medians: Vec<(f64, f64)> = times
        .iter_mut()
        .map(|t| {
            t.sort_by(f64::total_cmp);
            (t[t.len() / 2], t[0])
        })
        .collect();
    println!("| | decode | speed against (a) with serde_json |\n|---|---|---|");
    for (label, (median, min)) in labels.iter().zip(&medians) {
        println!("| {label} | {:.1} ms ({:.1}) | {:.2}x |", median * 1e3, min * 1e3, medians[0].0 / median);
    }
}
