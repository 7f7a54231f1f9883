//! `cargo +nightly fuzz run decode_call_record`: see fuzz/README.md; the body is `odata_tests::fuzz::decode_call_record`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| odata_tests::fuzz::decode_call_record(data));
