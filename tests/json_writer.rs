//! odata-core's JSON writer (`odata_core::to_vec`, `JsonWriter`) against `serde_json::to_vec`:
//! the same bytes for every value, the same error (message and category) where serde_json
//! refuses one. On every JSON document of the repository, the benchmark's page of Graph
//! sessions, generated strings, floats and integers, and a zoo of every shape serde has.
//!
//! Runs in both CI configurations: `cargo test -p odata-tests` and, with serde_json's
//! `arbitrary_precision` (numbers then go through serde_json's private `Number` struct),
//! `cargo test -p odata-tests --features arbitrary-precision`.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use odata_core::{EncodeOptions, ODataVersion, Page, Payload};
use odata_graph::call_records::Session;
use proptest::prelude::*;
use serde::ser::{SerializeMap, SerializeSeq, SerializeStruct, SerializeStructVariant, SerializeTupleVariant};
use serde::{Serialize, Serializer};
use serde_json::value::RawValue;

#[allow(dead_code)] // only the page generator is used here
#[path = "../odata-graph/benches/session_page/data.rs"]
mod data;
#[allow(dead_code)]
#[path = "../odata-graph/benches/session_page/plain.rs"]
mod plain;

/// The writer's bytes and serde_json's for `value`, or both errors, alike.
#[track_caller]
fn same<T: Serialize + ?Sized>(value: &T) {
    match (odata_core::to_vec(value), serde_json::to_vec(value)) {
        (Ok(ours), Ok(theirs)) => {
            if ours != theirs {
                // Where they part, with some context (a document may be long).
                let at = ours.iter().zip(&theirs).take_while(|(a, b)| a == b).count();
                let around = |bytes: &[u8]| {
                    String::from_utf8_lossy(&bytes[at.saturating_sub(60)..(at + 60).min(bytes.len())]).into_owned()
                };
                panic!("they differ at byte {at}:\nthe writer: {}\nserde_json: {}", around(&ours), around(&theirs));
            }
            // The other entry points: a `String`, and appending to a buffer that has something.
            let text = odata_core::to_string(value).expect("to_vec succeeded");
            assert_eq!(text.as_bytes(), theirs);
            let mut buffer = b"prefix ".to_vec();
            odata_core::to_writer(&mut buffer, value).expect("to_vec succeeded");
            assert_eq!(&buffer[7..], theirs);
        }
        (Err(ours), Err(theirs)) => {
            assert_eq!((ours.to_string(), ours.classify()), (theirs.to_string(), theirs.classify()));
            // On an error, the buffer is left as it was.
            let mut buffer = b"prefix ".to_vec();
            assert!(odata_core::to_writer(&mut buffer, value).is_err());
            assert_eq!(buffer, b"prefix ");
        }
        (ours, theirs) => panic!("the writer: {ours:?}\nserde_json: {theirs:?}"),
    }
}

fn json_files(dir: &Path, found: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name();
        if path.is_dir() {
            if !matches!(name.to_str(), Some("target" | "node_modules" | ".git")) {
                json_files(&path, found);
            }
        } else if path.extension().is_some_and(|e| e == "json") {
            found.push(path);
        }
    }
}

/// Every JSON document kept in the repository (fixtures, the Graph docs' examples, Northwind's
/// data, fuzz regressions, package manifests), read as a `serde_json::Value` and as a `RawValue`
/// and written both ways.
#[test]
fn every_json_document_of_the_repository() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut files = Vec::new();
    json_files(&root, &mut files);
    let mut documents = 0;
    for file in &files {
        let text = std::fs::read_to_string(file).expect("readable");
        let Ok(value) = serde_json::from_str::<serde_json::Value>(&text) else {
            continue; // a fixture of invalid JSON
        };
        same(&value);
        let raw: Box<RawValue> = serde_json::from_str(&text).expect("parsed as a Value");
        same(&raw);
        documents += 1;
    }
    assert!(documents >= 60, "only {documents} JSON documents found under {}", root.display());
}

/// The benchmark's page: decoded into odata-graph's types (annotations, kept unknown members as
/// raw text, recorded `null`s), into the plain serde structs, and as a `Value`; with the default
/// options and with a request's.
#[test]
fn the_session_page_of_the_benchmark() {
    let json = data::session_page(40);
    let page: Page<Session> = odata_core::from_str(&json).expect("the page decodes");
    same(&page);
    let plain: plain::Page = serde_json::from_str(&json).expect("the page decodes");
    same(&plain);
    let value: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    same(&value);
    for options in [
        EncodeOptions::new().payload(Payload::Request),
        EncodeOptions::new().always_write_type(true).version(ODataVersion::V4_01),
    ] {
        let ours = odata_core::to_vec_with(&page, options).expect("encodes");
        let theirs = odata_core::with_encode_options(options, || serde_json::to_vec(&page)).expect("encodes");
        assert_eq!(ours, theirs);
    }
}

/// Filler text with `inserted` at every position of strings of 0 to 40 bytes: every byte of
/// ASCII (the control characters, `"`, `\`, `/`, DEL) and characters of two, three and four
/// bytes, before, inside and after each eight-byte word and sixteen-byte pair the escape scan reads.
#[test]
fn every_ascii_byte_and_multi_byte_characters_at_every_position() {
    let inserted = (0..=127u8).map(char::from).chain(['é', '€', '😀', '\u{2028}', '\u{ffff}']);
    for c in inserted {
        for len in 0..=40 {
            for at in 0..=len {
                let mut text: String = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGH".chars().take(len).collect();
                text.insert(at, c);
                same(&text);
                same(&c);
                same(&BTreeMap::from([(text.clone(), 1)]));
                same(&Displayed(text.clone()));
                same(&BTreeMap::from([(Displayed(text), 1)]));
            }
        }
    }
    // Two escapes in one word, escapes next to each other, a string of nothing else.
    for text in ["\"\\\"\\", "\n\n\n\n\n\n\n\n\n", "a\u{0}b\u{1f}c\"d\\e\u{7f}f", "\u{1}\u{2}\u{3}", "/é/😀/"] {
        same(text);
    }
}

/// A value written with `collect_str`, its `Display` output in several pieces.
#[derive(PartialEq, Eq, PartialOrd, Ord)]
struct Displayed(String);

impl fmt::Display for Displayed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for c in self.0.chars() {
            write!(f, "{c}")?;
        }
        f.write_str("")
    }
}

impl Serialize for Displayed {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// A deterministic stream of bit patterns (xorshift64*).
fn bit_patterns(count: usize) -> impl Iterator<Item = u64> {
    let mut state = 0x9e37_79b9_7f4a_7c15_u64;
    (0..count).map(move |_| {
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        state.wrapping_mul(0x2545_f491_4f6c_dd1d)
    })
}

#[test]
fn floats_of_every_kind() {
    let f64s = [
        0.0,
        -0.0,
        1.0,
        -1.0,
        0.1,
        1.0 / 3.0,
        1e15,
        1e16,
        1e17,
        1e21,
        1e22,
        1e-5,
        1e-7,
        123456789.125,
        f64::MIN_POSITIVE,
        f64::from_bits(1),
        f64::from_bits(0x000f_ffff_ffff_ffff),
        f64::MAX,
        f64::MIN,
        f64::EPSILON,
        f64::NAN,
        -f64::NAN,
        f64::INFINITY,
        f64::NEG_INFINITY,
        9007199254740993.0,
    ];
    let f32s = [
        0.0,
        -0.0,
        0.1,
        1e-45,
        f32::MIN_POSITIVE,
        f32::MAX,
        f32::MIN,
        f32::EPSILON,
        f32::NAN,
        f32::INFINITY,
        16777217.0,
    ];
    let random64 = bit_patterns(20_000).map(f64::from_bits);
    let random32 = bit_patterns(20_000).map(|bits| f32::from_bits(bits as u32));
    for value in f64s.into_iter().chain(random64) {
        same(&value);
        same(&BTreeMap::from([(Key(value), 0)]));
    }
    for value in f32s.into_iter().chain(random32) {
        same(&value);
        same(&[value, value]);
        same(&MapKeyed(value));
    }
}

/// An `f64` map key (serde_json writes finite ones quoted and refuses the others).
struct Key(f64);

impl PartialEq for Key {
    fn eq(&self, other: &Self) -> bool {
        self.0.total_cmp(&other.0).is_eq()
    }
}
impl Eq for Key {}
impl PartialOrd for Key {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Key {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.0.total_cmp(&other.0)
    }
}
impl Serialize for Key {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

/// A map of one entry whose key is `K`, written with `serialize_entry`, and again with
/// `serialize_key` and `serialize_value`.
struct MapKeyed<K>(K);

impl<K: Serialize> Serialize for MapKeyed<K> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(2))?;
        map.serialize_entry(&self.0, &1)?;
        map.serialize_key(&self.0)?;
        map.serialize_value(&2)?;
        map.end()
    }
}

#[test]
fn integers_at_their_boundaries() {
    macro_rules! boundaries {
        ($($ty:ty),*) => {$(
            for value in [<$ty>::MIN, <$ty>::MAX, 0, 1, <$ty>::MIN + 1, <$ty>::MAX - 1, 9, 10, 99, 100] {
                same(&value);
                same(&MapKeyed(value));
            }
        )*};
    }
    boundaries!(i8, i16, i32, i64, i128, isize, u8, u16, u32, u64, u128, usize);
    for bits in bit_patterns(5_000) {
        same(&(
            bits,
            bits as i64,
            bits as u32,
            bits as i16,
            u128::from(bits) << 64 | u128::from(bits),
            -i128::from(bits),
        ));
    }
    for digits in 0..39 {
        let power = 10u128.pow(digits);
        same(&[power - 1, power, power + 1]);
        same(&MapKeyed(power as i128 - 1));
    }
}

/// Every shape of serde's data model.
#[derive(Serialize)]
struct UnitStruct;

#[derive(Serialize)]
struct Newtype(String);

#[derive(Serialize)]
struct NewtypeNumber(u16);

#[derive(Serialize)]
struct TupleStruct(i32, &'static str, ());

#[derive(Serialize)]
struct EmptyStruct {}

#[derive(Serialize)]
struct Record {
    #[serde(rename = "quote\"d\\key\u{1}")]
    odd: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    skipped: Option<u8>,
    none: Option<u8>,
    some: Option<&'static str>,
    unit: (),
    nested: Vec<Vec<u8>>,
    empty: Vec<u8>,
    tuple: (u8, char, f32),
    empty_tuple: [u8; 0],
    map: BTreeMap<&'static str, Option<i8>>,
    empty_map: BTreeMap<u8, u8>,
}

#[derive(Serialize, PartialEq, Eq, PartialOrd, Ord)]
enum Variant {
    Unit,
    #[serde(rename = "re\"named")]
    Renamed,
    Newtype(u8),
    Tuple(u8, &'static str),
    EmptyTuple(),
    Struct {
        a: u8,
        b: &'static str,
    },
    EmptyStruct {},
}

/// Bytes as serde_json writes them: an array of numbers.
struct Bytes(&'static [u8]);

impl Serialize for Bytes {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_bytes(self.0)
    }
}

#[test]
fn every_shape_of_the_data_model() {
    same(&());
    same(&UnitStruct);
    same(&Newtype("x\ty".into()));
    same(&TupleStruct(-1, "two", ()));
    same(&EmptyStruct {});
    same(&Bytes(b""));
    same(&Bytes(b"\x00\x01\xff"));
    same(&[true, false]);
    same(&Some(Some(1)));
    same(&None::<u8>);
    same(&Record {
        odd: true,
        skipped: None,
        none: None,
        some: Some("s"),
        unit: (),
        nested: vec![vec![], vec![1, 2]],
        empty: vec![],
        tuple: (7, '\u{0}', -0.0),
        empty_tuple: [],
        map: BTreeMap::from([("a", None), ("b\n", Some(-3))]),
        empty_map: BTreeMap::new(),
    });
    let variants = [
        Variant::Unit,
        Variant::Renamed,
        Variant::Newtype(1),
        Variant::Tuple(2, "t"),
        Variant::EmptyTuple(),
        Variant::Struct { a: 3, b: "s" },
        Variant::EmptyStruct {},
    ];
    same(&variants);
    for variant in &variants {
        same(variant);
        same(&vec![variant, variant]);
    }
    same(&(1, ("two", [3.5]), Variant::Unit, BTreeMap::from([(Variant::Unit, Variant::Renamed)])));
}

/// Values that announce a length of 0 and then write elements or members anyway, a key without
/// a value: serde_json writes them as it goes, and so must the writer.
struct Lying(u8);

impl Serialize for Lying {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.0 {
            0 => {
                let mut seq = serializer.serialize_seq(Some(0))?;
                seq.serialize_element(&1)?;
                seq.serialize_element(&2)?;
                seq.end()
            }
            1 => {
                let mut map = serializer.serialize_map(Some(0))?;
                map.serialize_entry("a", &1)?;
                map.serialize_key("b")?;
                map.serialize_value(&2)?;
                map.end()
            }
            2 => {
                let mut record = serializer.serialize_struct("Record", 0)?;
                record.serialize_field("a", &1)?;
                record.end()
            }
            3 => {
                let mut tuple = serializer.serialize_tuple_variant("E", 0, "V", 0)?;
                tuple.serialize_field(&1)?;
                tuple.end()
            }
            4 => {
                let mut record = serializer.serialize_struct_variant("E", 0, "V", 0)?;
                record.serialize_field("a", &1)?;
                record.end()
            }
            5 => {
                let mut map = serializer.serialize_map(None)?;
                map.serialize_key("no value")?;
                map.end()
            }
            _ => {
                let mut seq = serializer.serialize_seq(None)?;
                seq.serialize_element(&"unknown length")?;
                seq.end()
            }
        }
    }
}

#[test]
fn announced_lengths_that_are_wrong() {
    for case in 0..=6 {
        same(&Lying(case));
    }
}

#[derive(Serialize, PartialEq, Eq, PartialOrd, Ord)]
struct UnitKey;

#[derive(Serialize, PartialEq, Eq, PartialOrd, Ord)]
struct StructKey {
    a: u8,
}

#[test]
fn map_keys_accepted_and_refused_as_serde_json_does() {
    // Accepted: strings, chars, integers, bools, unit variants, newtype structs, `Some`.
    same(&MapKeyed("k\"ey"));
    same(&MapKeyed(String::from("owned")));
    same(&MapKeyed('c'));
    same(&MapKeyed('\n'));
    same(&MapKeyed(true));
    same(&MapKeyed(false));
    same(&MapKeyed(Variant::Unit));
    same(&MapKeyed(Variant::Renamed));
    same(&MapKeyed(Newtype("inner".into())));
    same(&MapKeyed(NewtypeNumber(7)));
    same(&MapKeyed(Some("some")));
    same(&MapKeyed(Displayed("dis\"played".into())));
    same(&MapKeyed(1.5f64));
    same(&MapKeyed(-0.0f32));
    // Refused, with serde_json's error.
    same(&MapKeyed(()));
    same(&MapKeyed(None::<&str>));
    same(&MapKeyed(UnitKey));
    same(&MapKeyed(Bytes(b"b")));
    same(&MapKeyed(Variant::Newtype(1)));
    same(&MapKeyed(Variant::Tuple(1, "t")));
    same(&MapKeyed(Variant::Struct { a: 1, b: "b" }));
    same(&MapKeyed(vec![1]));
    same(&MapKeyed((1, 2)));
    same(&MapKeyed(TupleStruct(1, "t", ())));
    same(&MapKeyed(BTreeMap::from([(1, 2)])));
    same(&MapKeyed(StructKey { a: 1 }));
    same(&MapKeyed(f64::NAN));
    same(&MapKeyed(f32::INFINITY));
    same(&MapKeyed(f64::NEG_INFINITY));
    let raw: Box<RawValue> = serde_json::from_str("1").expect("JSON");
    same(&MapKeyed(raw));
    // An error inside a value, after some output.
    same(&vec![MapKeyed(Some("fine")), MapKeyed(None)]);
}

/// serde_json's private structs: `RawValue` (always) and `Number` (its digits under
/// `arbitrary_precision`; without it, a number), and the errors for a malformed one.
struct PrivateStruct(&'static str, &'static str);

impl Serialize for PrivateStruct {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut value = serializer.serialize_struct(self.0, 1)?;
        if self.1 == "int" {
            value.serialize_field(self.0, &1)?;
        } else {
            value.serialize_field(self.1, "1")?;
        }
        value.end()
    }
}

#[test]
fn raw_values_and_numbers() {
    for text in
        ["1", "1.50", "-0", "1e2", "1E+02", "123456789012345678901234567890", "[1, 2.0 ,{\"a\" : null}]", " \"s\" "]
    {
        let raw: Box<RawValue> = serde_json::from_str(text).expect("JSON");
        same(&raw);
        same(&vec![raw.clone(), raw.clone()]);
        same(&BTreeMap::from([("kept", raw.clone())]));
        let value: serde_json::Value = serde_json::from_str(text).expect("JSON");
        same(&value);
        if let Ok(number) = serde_json::from_str::<serde_json::Number>(text) {
            same(&number);
            same(&MapKeyed(number));
        }
    }
    for number in [serde_json::Number::from(u64::MAX), serde_json::Number::from(i64::MIN)] {
        same(&number);
    }
    for token in ["$serde_json::private::RawValue", "$serde_json::private::Number"] {
        same(&PrivateStruct(token, token));
        same(&PrivateStruct(token, "not the token"));
        same(&PrivateStruct(token, "int"));
    }
    same(&PrivateStruct("$other", "$other"));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]

    #[test]
    fn any_string(text in any::<String>()) {
        same(&text);
        same(&MapKeyed(&text));
    }

    #[test]
    fn strings_of_json_s_special_bytes(text in "[\\x00-\\x7f\"\\\\é😀]{0,40}") {
        same(&text);
    }

    #[test]
    fn any_numbers(a in any::<f64>(), b in any::<f32>(), c in any::<i128>(), d in any::<u128>()) {
        same(&(a, b, c, d));
    }
}
