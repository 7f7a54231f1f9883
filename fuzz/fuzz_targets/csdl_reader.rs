//! `cargo +nightly fuzz run csdl_reader`: see fuzz/README.md; the body is `odata_tests::fuzz::csdl_reader`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| odata_tests::fuzz::csdl_reader(data));
