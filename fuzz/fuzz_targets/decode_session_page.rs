//! `cargo +nightly fuzz run decode_session_page`: see fuzz/README.md; the body is `odata_tests::fuzz::decode_session_page`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| odata_tests::fuzz::decode_session_page(data));
