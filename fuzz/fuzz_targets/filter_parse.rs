//! `cargo +nightly fuzz run filter_parse`: see fuzz/README.md; the body is `odata_tests::fuzz::filter_parse`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| odata_tests::fuzz::filter_parse(data));
