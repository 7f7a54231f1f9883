//! `cargo +nightly fuzz run query_literal`: see fuzz/README.md; the body is `odata_tests::fuzz::query_literal`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| odata_tests::fuzz::query_literal(data));
