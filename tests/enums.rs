//! Enumeration types: members by name and value, unknown members kept verbatim, flags.

use odata_core::{Flags, ODataComplex, ODataEnum, ODataType};
use odata_graph::call_records::{Modality, ProductFamily};
use odata_tests::assert_round_trip;
use serde_json::json;

#[derive(ODataEnum, Debug, Clone, PartialEq)]
#[odata(type = "test.color")]
enum Color {
    Red,
    #[odata(value = 5)]
    Green,
    Blue,
    #[odata(rename = "ultraViolet", value = -1)]
    Uv,
}

#[derive(ODataEnum, Debug, Clone, PartialEq)]
#[odata(type = "test.permission", flags)]
enum Permission {
    #[odata(value = 1)]
    Read,
    #[odata(value = 2)]
    Write,
    #[odata(value = 4)]
    Delete,
    Other(String),
}

#[derive(ODataComplex, Debug, Clone, Default, PartialEq)]
#[odata(type = "test.palette")]
struct Palette {
    color: Option<Color>,
    colors: Option<Vec<Option<Color>>>,
    permissions: Option<Flags<Permission>>,
}

#[test]
fn members_read_and_write_by_name() {
    let palette: Palette = assert_round_trip(r#"{"color": "green", "colors": ["red", null, "ultraViolet", "blue"]}"#);
    assert_eq!(palette.color, Some(Color::Green));
    assert_eq!(palette.colors, Some(vec![Some(Color::Red), None, Some(Color::Uv), Some(Color::Blue)]));
    assert_eq!(Color::Blue.member_value(), Some(6), "values count on from the previous member");
    assert_eq!(Color::Uv.member_name(), "ultraViolet");
}

#[test]
fn member_values_are_read_as_numeric_strings_and_numbers() {
    let palette: Palette = serde_json::from_value(json!({"color": "5", "colors": [6, "-1"]})).expect("decode");
    assert_eq!(palette.color, Some(Color::Green));
    assert_eq!(palette.colors, Some(vec![Some(Color::Blue), Some(Color::Uv)]));
}

#[test]
fn an_enum_without_a_catch_all_rejects_unknown_members_naming_the_enum() {
    let message = serde_json::from_str::<Palette>(r#"{"color": "vr"}"#).unwrap_err().to_string();
    assert!(
        message.starts_with(
            r#"$.color: unknown member "vr" for enum test.color; add a catch-all variant such as `Other(String)`"#
        ),
        "{message}"
    );
    let message = serde_json::from_str::<Palette>(r#"{"color": "7"}"#).unwrap_err().to_string();
    assert!(message.contains(r#"unknown member "7" for enum test.color"#), "{message}");
}

#[test]
fn unknown_members_are_kept_verbatim_and_written_back() {
    // `unknown` is listed by the docs but not by the CSDL; `holographic` may come later.
    let modalities: Vec<Modality> =
        serde_json::from_str(r#"["audio", "unknown", "holographic", "unknownFutureValue"]"#).expect("decode");
    assert_eq!(
        modalities,
        [
            Modality::Audio,
            Modality::Other("unknown".into()),
            Modality::Other("holographic".into()),
            Modality::UnknownFutureValue
        ]
    );
    assert_eq!(
        serde_json::to_string(&modalities).expect("encode"),
        r#"["audio","unknown","holographic","unknownFutureValue"]"#
    );
    let numeric: Modality = serde_json::from_str(r#""42""#).expect("decode");
    assert_eq!(numeric, Modality::Other("42".into()), "a value no member has is kept as sent");
}

#[test]
fn members_after_unknown_future_value_are_known() {
    let family: ProductFamily = serde_json::from_str(r#""azureCommunicationServices""#).expect("decode");
    assert_eq!(family, ProductFamily::AzureCommunicationServices);
    assert_eq!(family.member_value(), Some(5));
    assert_eq!(ProductFamily::UnknownFutureValue.member_value(), Some(4));
}

#[test]
fn flags_combine_members_and_keep_unknown_ones() {
    let palette: Palette = assert_round_trip(r#"{"permissions": "read,delete,archive"}"#);
    let permissions = palette.permissions.as_ref().expect("set");
    assert!(permissions.contains(&Permission::Read) && permissions.contains(&Permission::Delete));
    assert!(permissions.contains(&Permission::Other("archive".into())));
    assert!(!permissions.contains(&Permission::Write));
    let spaced: Palette = serde_json::from_value(json!({"permissions": "read, 2"})).expect("decode");
    assert_eq!(spaced.permissions.map(|p| p.to_string()).as_deref(), Some("read,write"));
    assert!(Permission::TYPE_INFO.is_flags);
}

#[test]
fn the_members_table_matches_the_declaration() {
    let info = Color::TYPE_INFO;
    let members: Vec<(&str, &str, i64)> = info.members.iter().map(|m| (m.name, m.rust_name, m.value)).collect();
    assert_eq!(members, [("red", "Red", 0), ("green", "Green", 5), ("blue", "Blue", 6), ("ultraViolet", "Uv", -1)]);
    assert_eq!(info.kind, odata_core::TypeKind::Enum);
    assert_eq!(info.member("blue").map(|m| m.value), Some(6));
    assert_eq!(Color::from_member_name("red"), Some(Color::Red));
    assert_eq!(Color::from_unknown_member("x"), None);
}
