//! Each Edm primitive type reads and writes its OData JSON form exactly, and bad values fail with
//! the JSON path, the Edm type and the OData type.

use odata_core::{Binary, Date, DateTimeOffset, Decimal, Duration, ODataComplex, TimeOfDay};
use odata_tests::assert_round_trip;
use serde_json::{Value, json};

#[derive(ODataComplex, Debug, Clone, Default, PartialEq)]
#[odata(type = "test.values")]
struct Values {
    date_time_offset: Option<DateTimeOffset>,
    date: Option<Date>,
    time_of_day: Option<TimeOfDay>,
    duration: Option<Duration>,
    guid: Option<uuid::Uuid>,
    binary: Option<Binary>,
    decimal: Option<Decimal>,
    int64: Option<i64>,
    int32: Option<i32>,
    int16: Option<i16>,
    byte: Option<u8>,
    sbyte: Option<i8>,
    single: Option<f32>,
    double: Option<f64>,
    boolean: Option<bool>,
    string: Option<String>,
}

/// Decodes `{"<property>": <value>}`, checks the text written back is exactly `value`'s.
fn exact(property: &str, value: Value) -> Values {
    let text = json!({ property: value }).to_string();
    let decoded: Values = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{text}: {e}"));
    assert_eq!(serde_json::to_string(&decoded).expect("encode"), text, "written back exactly");
    decoded
}

fn error(property: &str, value: Value) -> String {
    let text = json!({ property: value }).to_string();
    serde_json::from_str::<Values>(&text).expect_err(&text).to_string()
}

#[test]
fn date_time_offsets_keep_their_digits_and_offset() {
    for text in [
        "2020-02-25T18:52:21Z",
        "2020-02-25T18:52:21.2Z",
        "2020-02-25T18:52:21.21Z",
        "2020-02-25T18:52:21.216Z",
        "2020-02-25T18:52:21.2169Z",
        "2020-02-25T18:52:21.21698Z",
        "2020-02-25T18:52:46.764001Z",
        "2020-02-25T18:52:21.2169889Z",
        "2020-02-25T18:52:21.000Z",
        "2021-06-01T10:00:00+05:30",
        "2021-06-01T10:00:00-08:00",
        "2021-06-01T10:00:00+00:00",
        "0001-01-01T00:00:00Z",
        "9999-12-31T23:59:59.9999999Z",
    ] {
        let values = exact("dateTimeOffset", json!(text));
        assert_eq!(values.date_time_offset.expect("set").to_string(), text);
    }
    let india = exact("dateTimeOffset", json!("2021-06-01T10:00:00+05:30")).date_time_offset.expect("set");
    assert_eq!(india.offset(), time::UtcOffset::from_hms(5, 30, 0).expect("offset"));
    let utc: DateTimeOffset = "2021-06-01T04:30:00Z".parse().expect("parse");
    assert_eq!(utc.unix_timestamp_nanos(), india.unix_timestamp_nanos());
    assert_ne!(utc, india, "same instant, different offset: not the same value");
}

#[test]
fn bad_date_time_offsets_name_path_and_type() {
    let message = error("dateTimeOffset", json!("2021-02-30T00:00:00Z"));
    assert!(message.starts_with("$.dateTimeOffset: invalid Edm.DateTimeOffset \"2021-02-30T00:00:00Z\""), "{message}");
    assert!(message.contains("(test.values)"), "{message}");
    for bad in ["2021-06-01T10:00:00", "2021-06-01 10:00:00Z", "2021-06-01T10:00:60Z", "yesterday", ""] {
        let message = error("dateTimeOffset", json!(bad));
        assert!(message.contains("invalid Edm.DateTimeOffset"), "{bad}: {message}");
    }
    let message = error("dateTimeOffset", json!(1_600_000_000));
    assert!(message.contains("expected Edm.DateTimeOffset"), "{message}");
}

#[test]
fn dates_and_times_of_day() {
    for text in ["2020-02-25", "0001-01-01", "9999-12-31"] {
        assert_eq!(exact("date", json!(text)).date.expect("set").to_string(), text);
    }
    for text in ["10:00", "10:00:00", "23:59:59.9999999", "00:00:00.000"] {
        assert_eq!(exact("timeOfDay", json!(text)).time_of_day.expect("set").to_string(), text);
    }
    assert!(error("date", json!("2020-2-25")).contains("invalid Edm.Date"));
    assert!(error("timeOfDay", json!("24:00")).contains("invalid Edm.TimeOfDay"));
}

#[test]
fn durations_keep_100_nanosecond_precision_and_sign() {
    for text in ["PT0.016S", "P1DT2H3M4.5S", "-P1D", "PT0.0000001S", "PT0S", "-PT1.5S", "P10675199DT2H48M5.4775807S"] {
        assert_eq!(exact("duration", json!(text)).duration.expect("set").to_string(), text);
    }
    let jitter: Values = serde_json::from_value(json!({"duration": "PT0.016S"})).expect("decode");
    assert_eq!(jitter.duration.expect("set").whole_milliseconds(), 16);
    let hundred_ns: Duration = "PT0.0000001S".parse().expect("parse");
    assert_eq!(time::Duration::from(hundred_ns), time::Duration::nanoseconds(100));
    // A non-canonical form reads the same value and is written in the canonical form.
    let values: Values = serde_json::from_value(json!({"duration": "PT90M"})).expect("decode");
    assert_eq!(values.duration.expect("set").to_string(), "PT1H30M");
    assert!(error("duration", json!("P1H")).contains("invalid Edm.Duration"));
    assert!(error("duration", json!("P1Y")).contains("invalid Edm.Duration"));
}

#[test]
fn guids_read_either_case_and_need_the_hyphenated_form() {
    let values = exact("guid", json!("821809f5-0000-0000-0000-3b5136c0e777"));
    assert_eq!(values.guid.expect("set").to_string(), "821809f5-0000-0000-0000-3b5136c0e777");
    let upper: Values =
        serde_json::from_value(json!({"guid": "821809F5-0000-0000-0000-3B5136C0E777"})).expect("decode");
    assert_eq!(upper.guid, values.guid);
    let message = error("guid", json!("821809f5000000000000-3b5136c0e777"));
    assert!(message.starts_with("$.guid: invalid Edm.Guid"), "{message}");
}

#[test]
fn binary_is_base64url_and_standard_base64_is_read_too() {
    let values = exact("binary", json!("_-8A_w=="));
    assert_eq!(values.binary.as_deref(), Some(&[0xff, 0xef, 0x00, 0xff][..]));
    let standard = exact("binary", json!("/+8A/w=="));
    assert_eq!(standard.binary, values.binary, "same bytes, written back as sent");
    let unpadded = exact("binary", json!("_-8A_w"));
    assert_eq!(unpadded.binary, values.binary);
    assert_eq!(Binary::from(vec![0xff, 0xef, 0x00, 0xff]).to_string(), "_-8A_w==");
    assert!(error("binary", json!("not base64!")).contains("invalid Edm.Binary"));
}

#[test]
fn decimals_are_exact_as_numbers_or_strings() {
    // Raw text, not `json!`: a `serde_json::Value` would already have turned 0.00 into 0.0.
    let zero: Values = serde_json::from_str(r#"{"decimal":0.00}"#).expect("decode");
    assert_eq!(zero.decimal.as_ref().map(Decimal::as_str), Some("0.00"));
    assert_eq!(serde_json::to_string(&zero).expect("encode"), r#"{"decimal":0.00}"#);
    let text = r#"{"decimal":12345678901234567890.123456789}"#;
    let big: Values = serde_json::from_str(text).expect("decode");
    assert_eq!(big.decimal.as_ref().map(Decimal::as_str), Some("12345678901234567890.123456789"));
    assert_eq!(serde_json::to_string(&big).expect("encode"), text, "more digits than an f64 keeps");
    let as_string: Values = serde_json::from_str(r#"{"decimal":"12345678901234567890.5"}"#).expect("IEEE754Compatible");
    assert_eq!(as_string.decimal.as_ref().map(Decimal::as_str), Some("12345678901234567890.5"));
    assert_eq!(zero.decimal, Some(Decimal::from(0)), "compared by value");
    let message = serde_json::from_str::<Values>(r#"{"decimal": true}"#).unwrap_err().to_string();
    assert!(message.starts_with("$.decimal: invalid type: boolean, expected Edm.Decimal (test.values)"), "{message}");
}

#[test]
fn int64_beyond_2_to_the_53_from_numbers_and_strings() {
    let number = exact("int64", json!(9_007_199_254_740_993_i64));
    assert_eq!(number.int64, Some(9_007_199_254_740_993));
    let text = r#"{"int64":"9007199254740993"}"#;
    let string: Values = serde_json::from_str(text).expect("IEEE754Compatible=true");
    assert_eq!(string.int64, number.int64);
    assert_eq!(exact("int64", json!(i64::MIN)).int64, Some(i64::MIN));
    assert_eq!(exact("int64", json!(4_294_967_295_i64)).int64, Some(4_294_967_295));
    assert!(error("int64", json!(u64::MAX)).contains("expected a value in the range of Edm.Int64"));
    assert!(error("int64", json!("12abc")).contains("invalid Edm.Int64"));
    assert!(error("int64", json!(1.5)).contains("expected Edm.Int64"));
}

#[test]
fn single_and_double_include_infinities_and_nan() {
    for (text, expect) in [("INF", f64::INFINITY), ("-INF", f64::NEG_INFINITY)] {
        let values = exact("double", json!(text));
        assert_eq!(values.double, Some(expect));
        let single = exact("single", json!(text));
        assert_eq!(single.single, Some(expect as f32));
    }
    let nan = exact("double", json!("NaN"));
    assert!(nan.double.expect("set").is_nan());
    assert!(exact("single", json!("NaN")).single.expect("set").is_nan());
    // Graph writes Edm.Single values as integers and as decimals; both come back as sent.
    assert_eq!(exact("single", json!(1)).single, Some(1.0));
    assert_eq!(exact("single", json!(60.25816)).single, Some(60.25816));
    assert_eq!(exact("single", json!(0.27)).single, Some(0.27));
    assert_eq!(exact("double", json!(-0.0)).double.map(f64::to_bits), Some((-0.0f64).to_bits()));
    assert!(error("single", json!(1e300)).contains("expected a value in the range of Edm.Single"));
    assert!(error("double", json!("Infinity")).contains("invalid Edm.Double"));
}

#[test]
fn narrow_integers_check_their_range() {
    assert_eq!(exact("int32", json!(i32::MIN)).int32, Some(i32::MIN));
    assert_eq!(exact("int16", json!(-32768)).int16, Some(-32768));
    assert_eq!(exact("byte", json!(255)).byte, Some(255));
    assert_eq!(exact("sbyte", json!(-128)).sbyte, Some(-128));
    for (property, value, edm) in [
        ("int32", json!(2_147_483_648_i64), "Edm.Int32"),
        ("int16", json!(40000), "Edm.Int16"),
        ("byte", json!(256), "Edm.Byte"),
        ("byte", json!(-1), "Edm.Byte"),
        ("sbyte", json!(128), "Edm.SByte"),
    ] {
        let message = error(property, value);
        assert!(message.starts_with(&format!("${}.{property}: ", "")) && message.contains(edm), "{message}");
    }
    assert!(error("int32", json!("5")).contains("expected Edm.Int32"), "only Int64 may come as a string");
    let integral: Values = serde_json::from_value(json!({"int32": 5.0})).expect("5.0 is the integer 5");
    assert_eq!(integral.int32, Some(5));
}

#[test]
fn booleans_and_strings() {
    assert_eq!(exact("boolean", json!(false)).boolean, Some(false));
    assert_eq!(
        exact("string", json!("Abbie \"Wilkins\" \u{1F600}")).string.as_deref(),
        Some("Abbie \"Wilkins\" \u{1F600}")
    );
    assert!(error("boolean", json!("yes")).contains("expected Edm.Boolean"));
    assert!(error("string", json!(5)).contains("expected Edm.String"));
}

#[test]
fn every_type_round_trips_in_one_value() {
    let text = r#"{
        "dateTimeOffset": "2020-02-25T18:52:21.2169889Z", "date": "2020-02-25", "timeOfDay": "18:52:21",
        "duration": "PT0.016S", "guid": "e523d2ed-2966-4b6b-925b-754a88034cc5", "binary": "AAEC",
        "decimal": 0.00, "int64": 4294967295, "int32": 27288, "int16": -14, "byte": 7, "sbyte": -7,
        "single": 146.7885, "double": 0.27, "boolean": true, "string": "RTCC/7.0.0.0"
    }"#;
    let values: Values = assert_round_trip(text);
    assert_eq!(values.single, Some(146.7885));
}

/// `Edm.Untyped` properties hold any JSON, written back as it was read: member order, number
/// text, nesting; inside collections too. The model says `Edm.Untyped`.
#[test]
fn untyped_values_are_written_back_exactly() {
    #[derive(ODataComplex, Debug, Clone, Default, PartialEq)]
    #[odata(type = "test.example")]
    struct Example {
        value: Option<odata_core::Untyped>,
        values: Option<Vec<odata_core::Untyped>>,
    }
    for text in [
        r#"{"value":{"z":1.10,"a":[true,null,"x"],"n":12345678901234567890123}}"#,
        r#"{"value":"text"}"#,
        r#"{"value":-0.0e5,"values":[1,{"b":2,"a":1},[],"s"]}"#,
    ] {
        let decoded: Example = serde_json::from_str(text).unwrap_or_else(|e| panic!("{text}: {e}"));
        assert_eq!(serde_json::to_string(&decoded).expect("encode"), text);
    }
    let decoded: Example = serde_json::from_str(r#"{"value":null}"#).expect("null");
    assert_eq!(decoded.value, None);
    let info = <Example as odata_core::ODataType>::TYPE_INFO;
    let types: Vec<(&str, bool)> = info.properties.iter().map(|p| (p.ty.name, p.ty.collection)).collect();
    assert_eq!(types, [("Edm.Untyped", false), ("Edm.Untyped", true)]);
}
