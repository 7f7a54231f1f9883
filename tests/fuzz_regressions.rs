//! Replays on stable Rust what the fuzz targets (`fuzz/`, cargo-fuzz on nightly) check: every
//! input kept under `fuzz/regressions/<target>/` (crashes found and fixed, and inputs worth keeping),
//! and every shared fixture, through the same target body (`odata_tests::fuzz`).

use std::path::{Path, PathBuf};

use odata_tests::fuzz::TARGETS;

fn fuzz_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../fuzz")
}

fn files_in(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = match std::fs::read_dir(dir) {
        Ok(entries) => entries.map(|entry| entry.expect("directory entry").path()).filter(|p| p.is_file()).collect(),
        Err(_) => Vec::new(),
    };
    files.sort();
    files
}

/// Runs `body` on `input`, naming the target and file if it panics.
fn replay(target: &str, body: fn(&[u8]), file: &Path) {
    let input = std::fs::read(file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
    if std::panic::catch_unwind(|| body(&input)).is_err() {
        panic!("fuzz target {target} fails on {}", file.display());
    }
}

#[test]
fn every_fuzz_target_has_a_body_here() {
    let mut on_disk: Vec<String> = files_in(&fuzz_dir().join("fuzz_targets"))
        .iter()
        .filter_map(|p| p.file_stem().map(|s| s.to_string_lossy().into_owned()))
        .collect();
    on_disk.sort();
    let mut here: Vec<String> = TARGETS.iter().map(|(name, _)| (*name).to_owned()).collect();
    here.sort();
    assert_eq!(on_disk, here);
}

#[test]
fn regressions_found_by_fuzzing_stay_fixed() {
    let mut replayed = 0;
    // The first inputs kept came from the property tests (tests/properties.rs), which found them
    // before the fuzzers did: one-ulp float changes under serde_json's default parser.
    for (target, body) in TARGETS {
        for file in files_in(&fuzz_dir().join("regressions").join(target)) {
            replay(target, *body, &file);
            replayed += 1;
        }
    }
    println!("{replayed} regression inputs replayed");
}

#[test]
fn the_seed_corpus_passes_every_target() {
    let fixtures = odata_tests::graph_fixtures();
    let mut seeds = files_in(&fixtures.join("examples"));
    seeds.extend(files_in(&fixtures.join("csdl")).into_iter().filter(|p| {
        // The 3.5 MB Graph CSDL is read by tests/csdl.rs; here it would only slow every target down.
        p.metadata().map(|m| m.len() < 1_000_000).unwrap_or(false)
    }));
    assert!(seeds.len() > 10, "the shared fixtures are missing: {}", fixtures.display());
    for (target, body) in TARGETS {
        for seed in &seeds {
            replay(target, *body, seed);
        }
    }
}
