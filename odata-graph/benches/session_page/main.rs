//! Decode and encode a Graph-like page of sessions (see `data.rs`) with odata-graph's types,
//! against, in the same run: (a) plain serde structs of the same shape, (b) serde's
//! `tag`+`flatten` way, (c) `serde_json::Value`. Prints criterion's figures, then a table of
//! median times (from interleaved rounds) and allocated bytes, as ratios to (a). Each contender
//! encodes as its users would: odata-graph with `odata_core::to_writer`, the others with
//! `serde_json::to_writer`; a second table crosses the writers of (a) and odata-graph.
//!
//! Run: `cargo bench -p odata-graph --bench session_page` (see BENCHMARKS.md). `SESSIONS=<n>`
//! sets the page's size (3,000 by default): a page of a hundred sessions stays in the caches, so
//! its table compares the code alone, where the full page also compares the contenders' memory
//! traffic.

// The baselines mirror the data as plain serde would, large enum variants included.
#![allow(clippy::large_enum_variant)]

mod alloc;
mod data;
mod plain;
mod tagged;

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::Criterion;
use odata_core::Page;
use odata_graph::call_records::Session;
use serde_json::Value;

#[global_allocator]
static GLOBAL: alloc::Counting = alloc::Counting;

/// The page's size unless `SESSIONS` says otherwise.
const SESSIONS: usize = 3_000;

/// The number of sessions in the page: the `SESSIONS` environment variable, else the constant.
fn sessions() -> usize {
    std::env::var("SESSIONS").ok().and_then(|n| n.parse().ok()).filter(|&n| n > 0).unwrap_or(SESSIONS)
}

/// A decoded page, of whichever model.
enum Decoded {
    Plain(plain::Page),
    OData(Page<Session>),
    Tagged(tagged::Page),
    Value(Value),
}

/// Which JSON writer encodes: serde_json's serializer (what a plain serde program uses) or
/// odata-core's writer (what `odata_core::to_writer_with` and the other `to_*` functions use;
/// the same bytes).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Writer {
    SerdeJson,
    ODataCore,
}

impl Decoded {
    fn encode(&self, buffer: &mut Vec<u8>, writer: Writer) {
        buffer.clear();
        let written = match writer {
            Writer::SerdeJson => match self {
                Decoded::Plain(page) => serde_json::to_writer(&mut *buffer, page),
                Decoded::OData(page) => serde_json::to_writer(&mut *buffer, page),
                Decoded::Tagged(page) => serde_json::to_writer(&mut *buffer, page),
                Decoded::Value(page) => serde_json::to_writer(&mut *buffer, page),
            },
            Writer::ODataCore => match self {
                Decoded::Plain(page) => odata_core::to_writer(buffer, page),
                Decoded::OData(page) => odata_core::to_writer(buffer, page),
                Decoded::Tagged(page) => odata_core::to_writer(buffer, page),
                Decoded::Value(page) => odata_core::to_writer(buffer, page),
            },
        };
        written.expect("the page encodes");
    }
}

struct Contender {
    id: &'static str,
    label: &'static str,
    decode: fn(&str) -> Decoded,
    /// How a user of this model encodes: plain serde users with serde_json, odata-graph's users
    /// with odata-core's `to_writer`.
    writer: Writer,
}

/// In table order; the first is the baseline.
const CONTENDERS: [Contender; 4] = [
    Contender {
        id: "a_plain",
        label: "(a) plain serde structs",
        decode: |j| Decoded::Plain(decode(j)),
        writer: Writer::SerdeJson,
    },
    Contender {
        id: "odata",
        label: "odata-graph (OData semantics)",
        decode: |j| Decoded::OData(decode(j)),
        writer: Writer::ODataCore,
    },
    Contender {
        id: "b_tag_flatten",
        label: "(b) serde tag + flatten",
        decode: |j| Decoded::Tagged(decode(j)),
        writer: Writer::SerdeJson,
    },
    Contender {
        id: "c_value",
        label: "(c) serde_json::Value",
        decode: |j| Decoded::Value(decode(j)),
        writer: Writer::SerdeJson,
    },
];

/// The other writer for the first two contenders, for transparency: odata-graph through
/// serde_json (how it encoded before odata-core had a writer) and the plain structs through
/// odata-core's writer (how much of the difference is the writer, and what OData's larger output
/// still costs at equal writer). Indexes into `CONTENDERS`, with the writer used.
const CROSSED: [(usize, Writer, &str); 2] = [
    (0, Writer::ODataCore, "(a) plain serde structs through odata_core::to_writer"),
    (1, Writer::SerdeJson, "odata-graph through serde_json::to_writer"),
];

fn decode<T: serde::de::DeserializeOwned>(json: &str) -> T {
    serde_json::from_str(json).expect("the page decodes")
}

fn main() {
    let sessions = sessions();
    let json = data::session_page(sessions);
    if let Ok(task) = std::env::var("SESSION_PAGE_PROFILE") {
        return profile(&json, &task);
    }
    println!("page: {sessions} sessions, {:.1} MB of JSON\n", json.len() as f64 / 1e6);

    // One decode each, its allocations counted alone before timing starts; the values are the
    // ones encoded later.
    let (decoded, allocations): (Vec<Decoded>, Vec<alloc::Measured>) =
        CONTENDERS.iter().map(|c| alloc::measure(|| (c.decode)(&json))).unzip();
    let mut buffer = Vec::with_capacity(json.len() * 2);
    let sizes: Vec<usize> = decoded
        .iter()
        .map(|d| {
            d.encode(&mut buffer, Writer::SerdeJson);
            let theirs = buffer.clone();
            d.encode(&mut buffer, Writer::ODataCore);
            assert!(buffer == theirs, "the two writers write the same bytes");
            theirs.len()
        })
        .collect();

    let mut criterion = Criterion::default()
        .sample_size(20)
        .warm_up_time(Duration::from_secs(2))
        .measurement_time(Duration::from_secs(8))
        .configure_from_args();
    let mut group = criterion.benchmark_group("decode");
    for contender in &CONTENDERS {
        // Dropping the result is not part of decoding.
        group.bench_function(contender.id, |b| b.iter_with_large_drop(|| (contender.decode)(black_box(&json))));
    }
    group.finish();
    // Into a buffer reused across iterations: a fresh 15 MB `Vec` per iteration would measure the
    // allocator's page faults (which vary from run to run) more than the encoder.
    let mut group = criterion.benchmark_group("encode");
    for (contender, value) in CONTENDERS.iter().zip(&decoded) {
        group.bench_function(contender.id, |b| b.iter(|| value.encode(black_box(&mut buffer), contender.writer)));
    }
    for &(i, writer, _) in &CROSSED {
        let id = format!("{}_{}", CONTENDERS[i].id, writer.id());
        group.bench_function(id, |b| b.iter(|| decoded[i].encode(black_box(&mut buffer), writer)));
    }
    group.finish();
    criterion.final_summary();

    // The table's ratios come from rounds that time every contender back to back, in rotating
    // order: on a shared 2-core VM a slow phase then hits all contenders alike, instead of
    // whichever one criterion happened to be measuring.
    // 25 rounds of the full page; a smaller page gets more rounds for about the same time.
    let rounds = std::env::var("ROUNDS").ok().and_then(|r| r.parse().ok()).unwrap_or(25 * SESSIONS.div_ceil(sessions));
    let mut decode_samples: [Vec<f64>; 4] = Default::default();
    let mut encode_samples: [Vec<f64>; 4] = Default::default();
    let mut crossed_samples: [Vec<f64>; 2] = Default::default();
    for round in 0..rounds {
        for k in 0..CONTENDERS.len() {
            let i = (round + k) % CONTENDERS.len();
            let start = Instant::now();
            let value = (CONTENDERS[i].decode)(black_box(&json));
            decode_samples[i].push(start.elapsed().as_secs_f64());
            drop(black_box(value));
            // The crossed writer's encode of the same value takes turns with the contender's own
            // in coming first: the second encode of a value finds more of it in the caches.
            let crossed = CROSSED.iter().position(|&(crossed, _, _)| crossed == i);
            let mut writers = vec![(CONTENDERS[i].writer, None)];
            if let Some(c) = crossed {
                writers.insert(round % 2, (CROSSED[c].1, Some(c)));
            }
            for (writer, slot) in writers {
                let start = Instant::now();
                decoded[i].encode(black_box(&mut buffer), writer);
                let elapsed = start.elapsed().as_secs_f64();
                match slot {
                    Some(c) => crossed_samples[c].push(elapsed),
                    None => encode_samples[i].push(elapsed),
                }
            }
        }
    }
    let decode_times = decode_samples.map(Stats::of);
    let encode_times = encode_samples.map(Stats::of);
    let crossed_times = crossed_samples.map(Stats::of);

    println!("\n{rounds} interleaved rounds; median (min) per page, ratios of medians to (a):\n");
    println!("| | decode | ratio | allocated by decode | ratio | allocations | kept | encode | ratio | output |");
    println!("|---|---|---|---|---|---|---|---|---|---|");
    let mb = |bytes: u64| bytes as f64 / 1e6;
    for (i, contender) in CONTENDERS.iter().enumerate() {
        let heap = &allocations[i];
        println!(
            "| {} | {} | {:.2}x | {:.1} MB | {:.2}x | {} | {:.1} MB | {} | {:.2}x | {:.1} MB |",
            contender.label,
            decode_times[i],
            decode_times[i].median / decode_times[0].median,
            mb(heap.bytes),
            heap.bytes as f64 / allocations[0].bytes as f64,
            heap.count,
            mb(heap.kept),
            encode_times[i],
            encode_times[i].median / encode_times[0].median,
            sizes[i] as f64 / 1e6,
        );
    }
    println!(
        "\nThe other writer (same rounds; the table above encodes (a) with serde_json, odata-graph with odata-core):\n"
    );
    println!("| | encode | ratio to (a) | output |");
    println!("|---|---|---|---|");
    for (c, &(i, _, label)) in CROSSED.iter().enumerate() {
        println!(
            "| {label} | {} | {:.2}x | {:.1} MB |",
            crossed_times[c],
            crossed_times[c].median / encode_times[0].median,
            sizes[i] as f64 / 1e6,
        );
    }
}

impl Writer {
    fn id(self) -> &'static str {
        match self {
            Writer::SerdeJson => "serde_json",
            Writer::ODataCore => "odata_core",
        }
    }
}

/// `SESSION_PAGE_PROFILE=<id>:decode` (or `:encode`) runs only that, five times, for a profiler:
/// callgrind's instruction counts do not depend on what else the machine is doing. `:encode`
/// uses the contender's own writer (serde_json for (a), odata-core's for odata-graph);
/// `:encode_serde_json` and `:encode_odata_core` choose one. `SESSION_PAGE_RUNS=<n>` runs it `n`
/// times instead of five (for a sampling profiler such as `perf record -e cpu-clock`, which needs
/// the runs to outweigh the data generation; the callgrind recipe in BENCHMARKS.md assumes five).
/// `<id>:alloc` prints what one decode allocates (the table's figures, without the timing).
fn profile(json: &str, task: &str) {
    let (id, operation) = task.split_once(':').unwrap_or((task, "decode"));
    let Some(contender) = CONTENDERS.iter().find(|c| c.id == id) else {
        let ids: Vec<&str> = CONTENDERS.iter().map(|c| c.id).collect();
        return eprintln!("SESSION_PAGE_PROFILE: unknown contender {id:?}; one of {ids:?}");
    };
    if operation == "alloc" {
        let (_, heap) = alloc::measure(|| (contender.decode)(json));
        return println!(
            "{}: {} allocations, {:.2} MB by one decode, {:.2} MB kept by its result",
            contender.label,
            heap.count,
            heap.bytes as f64 / 1e6,
            heap.kept as f64 / 1e6
        );
    }
    let decoded = (contender.decode)(json);
    let mut buffer = Vec::with_capacity(json.len() * 2);
    let runs: usize = std::env::var("SESSION_PAGE_RUNS").ok().and_then(|r| r.parse().ok()).unwrap_or(5);
    for _ in 0..runs {
        match operation {
            "encode" => decoded.encode(black_box(&mut buffer), contender.writer),
            "encode_serde_json" => decoded.encode(black_box(&mut buffer), Writer::SerdeJson),
            "encode_odata_core" => decoded.encode(black_box(&mut buffer), Writer::ODataCore),
            _ => drop(black_box((contender.decode)(black_box(json)))),
        }
    }
}

/// Median and minimum of some timings, in seconds.
struct Stats {
    median: f64,
    min: f64,
}

impl Stats {
    fn of(mut samples: Vec<f64>) -> Stats {
        samples.sort_by(f64::total_cmp);
        let median = samples.get(samples.len() / 2).copied().unwrap_or(f64::NAN);
        Stats { median, min: samples.first().copied().unwrap_or(f64::NAN) }
    }
}

impl std::fmt::Display for Stats {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Three significant digits for a full page (tens of ms) and a small one (under 1 ms) alike.
        let decimals = if self.median < 0.01 { 3 } else { 1 };
        write!(f, "{:.decimals$} ms ({:.decimals$})", self.median * 1e3, self.min * 1e3)
    }
}
