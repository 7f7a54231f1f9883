//! The test runner (`harness = false`): the tests share one server, which libtest cannot set up
//! once and stop for certain. Output mirrors libtest (`test name ... ok`, `test result: ...`) so
//! that CI counts the tests; test names given on the command line filter as in libtest.

use std::panic::{self, AssertUnwindSafe};
use std::process::ExitCode;
use std::sync::Mutex;
use std::time::Instant;

use crate::server::{self, Server};

/// One test: its name and the function, which panics to fail.
pub type Test = (&'static str, fn(&Service));

/// What a test talks to.
pub struct Service {
    /// The service root, ending in `/`: `http://127.0.0.1:<port>/odata/v4/callrecords/`.
    pub root: String,
}

/// Runs the selected tests against a fresh server and reports like libtest.
pub fn main(tests: &[Test]) -> ExitCode {
    let arguments = Arguments::parse(std::env::args().skip(1));
    let selected: Vec<&Test> = tests.iter().filter(|(name, _)| arguments.selects(name)).collect();
    if arguments.list {
        for (name, _) in &selected {
            println!("{name}: test");
        }
        return ExitCode::SUCCESS;
    }
    match std::env::var("ODATA_INTEROP").as_deref() {
        Ok("skip") => {
            println!("interop tests skipped: ODATA_INTEROP=skip is set (they need npm to run a local SAP CAP server)");
            return ExitCode::SUCCESS;
        }
        Ok(other) => println!("interop: ODATA_INTEROP={other:?} is not understood (only `skip` is); running the tests"),
        Err(_) => {}
    }
    println!("\nrunning {} test{}", selected.len(), if selected.len() == 1 { "" } else { "s" });
    if selected.is_empty() {
        // A filter that matches nothing here (`cargo test --workspace some_other_test`) must not
        // need npm or start a server.
        return finish(0, &[]);
    }
    let started = Instant::now();
    let prepared = server::check_prerequisites().and_then(|()| server::install()).and_then(|()| Server::start());
    let mut server = match prepared {
        Ok(server) => server,
        Err(message) => {
            eprintln!("interop: {message}");
            return ExitCode::FAILURE;
        }
    };
    let service = Service { root: server.service_root() };

    let failures = run(&selected, &service);
    server.stop();
    if failures.is_empty() {
        let _ = std::fs::remove_file(server.log_path());
    } else {
        println!("\nthe CAP server's log: {}", server.log_path().display());
    }
    println!("interop: finished in {:.1} s", started.elapsed().as_secs_f64());
    finish(selected.len(), &failures)
}

/// Runs each test, catching its panic; returns the failures as (name, message).
fn run(tests: &[&Test], service: &Service) -> Vec<(&'static str, String)> {
    // The hook keeps the message and location of a panic instead of printing it in the middle of
    // the `test ... ` line; it is printed with the failures, as libtest does.
    static LAST_PANIC: Mutex<Option<String>> = Mutex::new(None);
    let default_hook = panic::take_hook();
    panic::set_hook(Box::new(|info| {
        let message = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "(a panic without a message)".into());
        let at = info.location().map(|l| format!("{}:{}:{}", l.file(), l.line(), l.column())).unwrap_or_default();
        *LAST_PANIC.lock().unwrap_or_else(|poisoned| poisoned.into_inner()) =
            Some(format!("panicked at {at}:\n{message}"));
    }));

    let mut failures = Vec::new();
    for (name, test) in tests {
        print!("test {name} ... ");
        let _ = std::io::Write::flush(&mut std::io::stdout());
        match panic::catch_unwind(AssertUnwindSafe(|| test(service))) {
            Ok(()) => println!("ok"),
            Err(_) => {
                println!("FAILED");
                let message = LAST_PANIC.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).take();
                failures.push((*name, message.unwrap_or_else(|| "(no message)".into())));
            }
        }
    }
    panic::set_hook(default_hook);
    failures
}

fn finish(total: usize, failures: &[(&str, String)]) -> ExitCode {
    if !failures.is_empty() {
        println!("\nfailures:\n");
        for (name, message) in failures {
            println!("---- {name} ----\n{message}\n");
        }
        println!("failures:");
        for (name, _) in failures {
            println!("    {name}");
        }
    }
    let verdict = if failures.is_empty() { "ok" } else { "FAILED" };
    println!("\ntest result: {verdict}. {} passed; {} failed\n", total - failures.len(), failures.len());
    if failures.is_empty() { ExitCode::SUCCESS } else { ExitCode::FAILURE }
}

/// The libtest arguments that matter here; the others (`--nocapture`, `--test-threads 2`, ...)
/// are accepted and ignored.
#[derive(Debug, Default)]
struct Arguments {
    filters: Vec<String>,
    skip: Vec<String>,
    exact: bool,
    list: bool,
    only_ignored: bool,
}

impl Arguments {
    fn parse(arguments: impl Iterator<Item = String>) -> Arguments {
        let mut parsed = Arguments::default();
        let mut arguments = arguments.peekable();
        while let Some(argument) = arguments.next() {
            match argument.as_str() {
                "--exact" => parsed.exact = true,
                "--list" => parsed.list = true,
                "--ignored" => parsed.only_ignored = true,
                "--skip" => parsed.skip.extend(arguments.next()),
                // Options whose value is the next argument, not a filter.
                "--test-threads" | "--color" | "--format" | "--logfile" | "--shuffle-seed" | "-Z" => {
                    arguments.next();
                }
                flag if flag.starts_with('-') => {}
                filter => parsed.filters.push(filter.to_owned()),
            }
        }
        parsed
    }

    /// Whether the test `name` runs: no test here is `#[ignore]`d, so `--ignored` selects none.
    fn selects(&self, name: &str) -> bool {
        let matches = |pattern: &String| if self.exact { name == pattern } else { name.contains(pattern.as_str()) };
        !self.only_ignored
            && (self.filters.is_empty() || self.filters.iter().any(matches))
            && !self.skip.iter().any(matches)
    }
}
