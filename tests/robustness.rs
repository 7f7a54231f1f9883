//! No input breaks the decoder: thousands of random mutations of every shared fixture, deep
//! nesting, huge values, counts that claim more than the input holds, bad UTF-8, truncation. Each
//! either decodes or fails with an error; none panics, none overflows the stack.

use std::panic::{AssertUnwindSafe, catch_unwind};

use odata_core::Page;
use odata_graph::call_records::{CallRecord, Session};

/// A small deterministic generator (xorshift64*): the same mutations on every run, so a failure
/// reproduces; no dependency for it.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        if n == 0 { 0 } else { (self.next() % n as u64) as usize }
    }
}

/// One random change: truncate, flip a byte, duplicate a span, or replace a JSON value's text.
fn mutate(rng: &mut Rng, input: &[u8]) -> Vec<u8> {
    let mut bytes = input.to_vec();
    let at = rng.below(bytes.len());
    match rng.below(4) {
        0 => bytes.truncate(at),
        1 => {
            if let Some(byte) = bytes.get_mut(at) {
                *byte ^= 1 << rng.below(8);
            }
        }
        2 => {
            let end = (at + rng.below(64)).min(bytes.len());
            let span = bytes[at..end].to_vec();
            let to = rng.below(bytes.len());
            bytes.splice(to..to, span);
        }
        _ => {
            const VALUES: [&str; 10] =
                ["null", "true", "\"\"", "[]", "{}", "-1e999", "\"\\ud800\"", "1.5", "\"x\"", "9223372036854775808"];
            let end = (at + 1 + rng.below(16)).min(bytes.len());
            let value = VALUES[rng.below(VALUES.len())].as_bytes();
            bytes.splice(at..end, value.iter().copied());
        }
    }
    bytes
}

/// Decodes as every shape the fixtures have; `Err` only when one of them panicked.
fn decode_all(bytes: &[u8]) -> Result<(), String> {
    catch_unwind(AssertUnwindSafe(|| {
        let _ = serde_json::from_slice::<Page<Session>>(bytes);
        let _ = serde_json::from_slice::<Page<CallRecord>>(bytes);
        let _ = serde_json::from_slice::<CallRecord>(bytes);
        let _ = serde_json::from_slice::<Session>(bytes);
    }))
    .map_err(|_| String::from_utf8_lossy(bytes).into_owned())
}

#[test]
fn thousands_of_mutations_of_every_fixture_never_panic() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let names = odata_tests::example_names();
    // Several thousand per fixture, as issue 8 asks.
    let per_fixture = 3000;
    let mut decoded = 0;
    for name in &names {
        let original = odata_tests::example(name).into_bytes();
        let mut input = original.clone();
        for round in 0..per_fixture {
            // Mostly single mutations of the original; every fourth stacks on the last one.
            input = mutate(&mut rng, if round % 4 == 3 { &input } else { &original });
            if let Err(input) = decode_all(&input) {
                panic!("{name}, mutation {round}: the decoder panicked on:\n{input}");
            }
            decoded += 1;
        }
    }
    assert!(decoded >= 3000 * names.len() && !names.is_empty(), "{decoded} mutations");
}

#[test]
fn deep_nesting_is_kept_or_an_error_never_a_stack_overflow() {
    for depth in [200, 100_000] {
        // An unknown member is kept as its text, read without recursion: any depth is kept.
        let nested = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
        let unknown = format!(r#"{{"id":"x","extra":{nested}}}"#);
        let session = serde_json::from_str::<Session>(&unknown).expect("kept");
        assert_eq!(session.additional_data.property("extra").map(|raw| raw.get().len()), Some(2 * depth));
        assert_eq!(serde_json::to_string(&session).expect("encodes"), unknown);
        // Where a value is built (an annotation of a navigation property), the depth is limited.
        let annotated = format!(r#"{{"id":"x","segments@ns.term":{nested}}}"#);
        let error = serde_json::from_str::<Session>(&annotated).expect_err("too deep");
        assert!(error.to_string().contains("recursion limit"), "{error}");
        // A declared property holds the model's shape, so nesting fails at once.
        let known = format!(r#"{{"value":[{{"id":"x","segments":{}}}]}}"#, "[".repeat(depth));
        assert!(serde_json::from_str::<Page<Session>>(&known).is_err());
    }
}

#[test]
fn claimed_sizes_huge_values_and_bad_text_are_errors_or_kept() {
    // A count that claims more than the page holds allocates nothing for it.
    let page: Page<Session> =
        serde_json::from_str(r#"{"@odata.count":9223372036854775807,"value":[]}"#).expect("a page");
    assert_eq!((page.count, page.value.len()), (Some(i64::MAX), 0));
    assert!(serde_json::from_str::<Page<Session>>(r#"{"@odata.count":1e400,"value":[]}"#).is_err());
    // A megabyte string is kept as it is.
    let long = "x".repeat(1 << 20);
    let session: Session = serde_json::from_str(&format!(r#"{{"id":"{long}"}}"#)).expect("kept");
    assert_eq!(session.id.as_deref().map(str::len), Some(1 << 20));
    unknown_numbers_beyond_f64();
    // Invalid UTF-8 and lone surrogates are errors, with a position.
    assert!(serde_json::from_slice::<Session>(b"{\"id\":\"\xff\"}").is_err());
    let error = serde_json::from_str::<Session>(r#"{"id":"\ud800"}"#).expect_err("a lone surrogate");
    assert!(error.to_string().starts_with("$.id: "), "{error}");
    // Duplicate keys are an error naming the property, not a silent overwrite.
    let error = serde_json::from_str::<Session>(r#"{"id":"a","id":"b"}"#).expect_err("duplicate");
    assert!(error.to_string().contains("id"), "{error}");
    // Every truncation of a real response is an error.
    let text = odata_tests::example("callrecords-callrecord-list-sessions-1.json");
    for end in (0..text.len()).step_by(97) {
        if text.is_char_boundary(end) {
            assert!(serde_json::from_str::<Page<Session>>(&text[..end]).is_err(), "truncated at {end}");
        }
    }
}

/// Numbers in unknown properties are kept as their text: beyond `u64`, beyond `f64`'s digits and
/// beyond its range, with or without the `arbitrary-precision` feature.
fn unknown_numbers_beyond_f64() {
    let huge = format!("1{}", "0".repeat(10_000));
    let text =
        format!(r#"{{"id":"x","n":{huge},"big":123456789012345678901234567890,"exact":0.10000000000000000000000001}}"#);
    let session = serde_json::from_str::<Session>(&text).expect("kept");
    assert_eq!(serde_json::to_string(&session).expect("encodes"), text);
    assert_eq!(session.additional_data.property("exact").map(|raw| raw.get()), Some("0.10000000000000000000000001"));
}

#[test]
fn any_string_stays_one_literal_in_a_filter_and_a_key() {
    let mut rng = Rng(42);
    const ALPHABET: [&str; 16] =
        ["'", "''", "&", "#", "+", "%", "%27", " ", "/", "?", "=", "(", ")", "é", "東", "\u{0}"];
    for _ in 0..2000 {
        let value: String = (0..rng.below(12)).map(|_| ALPHABET[rng.below(ALPHABET.len())]).collect();
        // `id eq '<value with '' doubled>'` and nothing else, and one key segment: the checks of
        // the query_literal fuzz target, here on the characters that matter most.
        odata_tests::fuzz::query_literal(value.as_bytes());
    }
}
