//! The load driver of the side-by-side load test (`benches/server_load/run.sh`): sends a fixed
//! number of operations of a fixed mix (`mix.rs`) with a fixed number of concurrent clients to one
//! OData service, and prints the run as a row of a markdown table (`stats.rs`).
//!
//! ```text
//! server-load --base http://127.0.0.1:4004/odata/v4/northwind/ --label "SAP CAP" \
//!     [--operations 5000] [--concurrency 16] [--warmup 500] [--max-seconds 300] \
//!     [--id-base 1000000] [--threads 1] [--header]
//! server-load --header-only      # the table's header lines, for a table of several runs
//! ```
//!
//! Every request must answer 2xx (reads: with a JSON object); the others are counted in the
//! `errors` column and the first few are printed on stderr. Latency is from sending a request to
//! the last byte of its answer. The warm-up operations (keys of their own) are not measured.

mod mix;
mod stats;

use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use mix::{Method, Request};
use stats::{Report, Sample};

/// The command line.
#[derive(Debug)]
struct Args {
    base: String,
    label: String,
    operations: usize,
    concurrency: usize,
    warmup: usize,
    max_seconds: u64,
    id_base: i32,
    threads: usize,
    header: bool,
}

const USAGE: &str = "usage: server-load --base URL [--label NAME] [--operations N] [--concurrency C] \
[--warmup N] [--max-seconds S] [--id-base K] [--threads T] [--header]\n       server-load --header-only";

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        base: String::new(),
        label: "server".to_owned(),
        operations: 5000,
        concurrency: 16,
        warmup: 500,
        max_seconds: 300,
        id_base: 1_000_000,
        threads: 1,
        header: false,
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        if flag == "--header" {
            args.header = true;
            continue;
        }
        if flag == "--header-only" {
            println!("{}", stats::header());
            std::process::exit(0);
        }
        let value = it.next().ok_or_else(|| format!("{flag} needs a value"))?;
        let number = |v: &str| v.parse::<usize>().map_err(|e| format!("{flag} {v}: {e}"));
        match flag.as_str() {
            "--base" => args.base = value,
            "--label" => args.label = value,
            "--operations" => args.operations = number(&value)?,
            "--concurrency" => args.concurrency = number(&value)?.max(1),
            "--warmup" => args.warmup = number(&value)?,
            "--max-seconds" => args.max_seconds = value.parse().map_err(|e| format!("{flag} {value}: {e}"))?,
            "--id-base" => args.id_base = value.parse().map_err(|e| format!("{flag} {value}: {e}"))?,
            "--threads" => args.threads = number(&value)?.max(1),
            _ => return Err(format!("unknown argument {flag}")),
        }
    }
    if args.base.is_empty() {
        return Err("--base is required".to_owned());
    }
    if !args.base.ends_with('/') {
        args.base.push('/');
    }
    Ok(args)
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(args) => args,
        Err(message) => {
            eprintln!("{message}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    // reqwest is built with `rustls-no-provider`; it wants a provider even for plain HTTP.
    // An Err only says one is installed already.
    let _ = rustls::crypto::ring::default_provider().install_default();
    let runtime = match tokio::runtime::Builder::new_multi_thread().worker_threads(args.threads).enable_all().build() {
        Ok(runtime) => runtime,
        Err(e) => {
            eprintln!("cannot start the runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(&args)) {
        Ok(report) => {
            if args.header {
                println!("{}", stats::header());
            }
            println!("{}", report.row());
            if report.errors() == 0 { ExitCode::SUCCESS } else { ExitCode::FAILURE }
        }
        Err(message) => {
            eprintln!("{}: {message}", args.label);
            ExitCode::FAILURE
        }
    }
}

/// Warm up, then run the timed operations.
async fn run(args: &Args) -> Result<Report, String> {
    let client = reqwest::Client::builder()
        .no_proxy()
        .pool_max_idle_per_host(args.concurrency)
        .timeout(Duration::from_secs(30))
        .build()
        .map_err(|e| format!("cannot build the HTTP client: {e}"))?;
    let deadline = Instant::now() + Duration::from_secs(args.max_seconds);
    // The warm-up takes the operations after the timed ones, so its writes use other keys.
    let warmup = drive(&client, args, args.operations..args.operations + args.warmup, deadline).await;
    if warmup.iter().any(|s| !s.ok) {
        return Err("the warm-up had errors (see above); is the service up and serving the Northwind data?".to_owned());
    }
    let started = Instant::now();
    let samples = drive(&client, args, 0..args.operations, deadline).await;
    let elapsed = started.elapsed();
    let operations = samples.iter().filter(|s| s.kind != mix::Kind::Update && s.kind != mix::Kind::Delete).count();
    Ok(Report {
        label: args.label.clone(),
        cut_short: operations < args.operations,
        operations,
        samples,
        elapsed,
        concurrency: args.concurrency,
    })
}

/// Run operations `range` with `args.concurrency` clients, each taking the next operation until
/// none is left or `deadline` has passed.
async fn drive(client: &reqwest::Client, args: &Args, range: std::ops::Range<usize>, deadline: Instant) -> Vec<Sample> {
    let next = Arc::new(AtomicUsize::new(range.start));
    let reported = Arc::new(AtomicUsize::new(0));
    let mut tasks = Vec::with_capacity(args.concurrency);
    for _ in 0..args.concurrency {
        let (client, next, reported, base) = (client.clone(), next.clone(), reported.clone(), args.base.clone());
        let (end, id_base) = (range.end, args.id_base);
        tasks.push(tokio::spawn(async move {
            let mut samples = Vec::new();
            loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                if i >= end || Instant::now() >= deadline {
                    return samples;
                }
                for request in mix::operation(i, id_base) {
                    let sample = send(&client, &base, &request, &reported).await;
                    samples.push(sample);
                }
            }
        }));
    }
    let mut all = Vec::new();
    for task in tasks {
        // A task that panicked has lost its samples; there is no panic in `send`, so this only
        // guards against the impossible.
        if let Ok(samples) = task.await {
            all.extend(samples);
        }
    }
    all
}

/// At most this many failed requests are printed.
const REPORTED_FAILURES: usize = 5;

async fn send(client: &reqwest::Client, base: &str, request: &Request, reported: &AtomicUsize) -> Sample {
    let url = format!("{base}{}", request.path);
    let builder = match request.method {
        Method::Get => client.get(&url),
        Method::Post => client.post(&url),
        Method::Patch => client.patch(&url),
        Method::Delete => client.delete(&url),
    };
    let builder = match &request.body {
        Some(body) => builder.header("Content-Type", "application/json").body(body.clone()),
        None => builder,
    };
    let started = Instant::now();
    let answer = match builder.header("Accept", "application/json").send().await {
        Ok(response) => {
            let status = response.status();
            response.bytes().await.map(|body| (status, body))
        }
        Err(e) => Err(e),
    };
    let latency = started.elapsed();
    let failure = match &answer {
        Ok((status, body)) if status.is_success() => {
            let is_object = body.first() == Some(&b'{');
            (request.method == Method::Get && !is_object).then(|| format!("{status}, not a JSON object"))
        }
        Ok((status, body)) => Some(format!("{status}: {}", String::from_utf8_lossy(&body[..body.len().min(300)]))),
        Err(e) => Some(e.to_string()),
    };
    if let Some(failure) = &failure
        && reported.fetch_add(1, Ordering::Relaxed) < REPORTED_FAILURES
    {
        eprintln!("{:?} {url}: {failure}", request.method);
    }
    Sample { kind: request.kind, latency, ok: failure.is_none() }
}
