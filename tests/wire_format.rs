//! The OData JSON wire rules of the derives: names, inheritance, optional properties, type
//! annotations, unknown data, navigation properties, and errors that name the JSON path.

use odata_core::{
    AdditionalData, DateTimeOffset, Navigation, ODataComplex, ODataEntity, ODataEnum, ODataStructured, Page,
    TypeAnnotationKey,
};
use odata_graph::call_records::Session;
use odata_tests::assert_round_trip;
use odata_tests::strict::compare_texts;
use serde_json::{Value, json};

#[derive(ODataEntity, Debug, Clone, Default, PartialEq)]
#[odata(type = "test.base", key_property = "id", abstract)]
struct Base {
    #[odata(nullable = false)]
    id: Option<String>,
    additional_data: AdditionalData,
}

#[derive(ODataEntity, Debug, Clone, Default, PartialEq)]
#[odata(type = "test.item", base_type = "test.base", key_property = "id")]
struct Item {
    #[odata(base)]
    base: Base,
    start_date_time: Option<DateTimeOffset>,
    #[odata(rename = "reflexiveIPAddress")]
    reflexive_ip_address: Option<String>,
    r#type: Option<Kind>,
    detail: Option<Detail>,
    tags: Option<Vec<String>>,
    #[odata(navigation, contains_target)]
    children: Navigation<Vec<Item>>,
    #[odata(navigation)]
    owner: Navigation<Item>,
}

#[derive(ODataComplex, Debug, Clone, Default, PartialEq)]
#[odata(type = "test.detail")]
struct Detail {
    note: Option<String>,
    flag: Option<bool>,
    additional_data: AdditionalData,
}

/// A type whose author chose to keep no unknown data.
#[derive(ODataComplex, Debug, Clone, Default, PartialEq)]
#[odata(type = "test.strict")]
struct Strict {
    note: Option<String>,
}

#[derive(ODataEnum, Debug, Clone, PartialEq)]
#[odata(type = "test.kind")]
enum Kind {
    Plain,
    Fancy,
    Other(String),
}

fn decode<T: serde::de::DeserializeOwned>(value: Value) -> T {
    serde_json::from_value(value).unwrap_or_else(|e| panic!("decode failed: {e}"))
}

fn error<T: serde::de::DeserializeOwned + std::fmt::Debug>(text: &str) -> String {
    serde_json::from_str::<T>(text).expect_err("decoding should fail").to_string()
}

#[test]
fn snake_case_fields_are_camel_case_on_the_wire_and_rename_wins() {
    let item: Item = decode(json!({
        "id": "1",
        "startDateTime": "2020-02-25T18:52:21Z",
        "reflexiveIPAddress": "127.0.0.2",
        "type": "fancy"
    }));
    assert_eq!(item.reflexive_ip_address.as_deref(), Some("127.0.0.2"));
    assert_eq!(item.r#type, Some(Kind::Fancy));
    let encoded = serde_json::to_value(&item).expect("encode");
    assert_eq!(encoded["startDateTime"], "2020-02-25T18:52:21Z");
    assert_eq!(encoded["reflexiveIPAddress"], "127.0.0.2");
    assert_eq!(encoded["type"], "fancy");
    assert!(encoded.get("reflexiveIpAddress").is_none() && encoded.get("start_date_time").is_none());
}

#[test]
fn inheritance_streams_through_the_base_part_in_any_order() {
    // The inherited `id` arrives between the derived type's own properties.
    let item: Item = decode(json!({"tags": ["a"], "id": "x", "detail": {"note": "n"}}));
    assert_eq!(item.base.id.as_deref(), Some("x"));
    assert_eq!(item.id.as_deref(), Some("x"), "Deref reaches the inherited property");
    let text = serde_json::to_string(&item).expect("encode");
    assert!(text.starts_with(r#"{"id":"x","#), "base properties are written first: {text}");
}

#[test]
fn null_and_absent_both_read_as_none_and_each_is_written_back_as_it_came() {
    let absent: Item = assert_round_trip(r#"{"id": "1"}"#);
    let null: Item = assert_round_trip(r#"{"id": "1", "detail": null, "tags": null, "startDateTime": null}"#);
    assert_eq!((absent.detail.is_none(), null.detail.is_none()), (true, true));
    assert_ne!(absent, null, "null and absent are different facts");
    assert!(null.is_null(&Item::DETAIL) && null.is_null(&Item::TAGS) && null.is_null(&Item::START_DATE_TIME));
    assert!(!absent.is_null(&Item::DETAIL) && !null.is_null(&Item::REFLEXIVE_IP_ADDRESS));
    // A set: recorded as field-index bits (or names past them), so in no promised order.
    let mut nulls = null.additional_data.nulls().collect::<Vec<_>>();
    nulls.sort_unstable();
    assert_eq!(nulls, ["detail", "startDateTime", "tags"]);
    // Written in declaration order, as any other property.
    assert_eq!(
        serde_json::to_string(&null).expect("encode"),
        r#"{"id":"1","startDateTime":null,"detail":null,"tags":null}"#
    );
    // An inherited property's null, asked through the base type's constant.
    let base_null: Item = assert_round_trip(r#"{"id": null}"#);
    assert!(base_null.is_null(&Base::ID));
}

#[test]
fn a_program_sets_a_value_over_a_null_or_asks_for_a_null() {
    let mut item: Item = decode(json!({"id": "1", "detail": null}));
    // A value the program sets wins over the recorded null.
    item.detail = Some(Detail { note: Some("n".into()), ..Detail::default() });
    assert_eq!(serde_json::to_string(&item).expect("encode"), r#"{"id":"1","detail":{"note":"n"}}"#);
    // Back to None: the null is still recorded, so it is written as null...
    item.detail = None;
    assert_eq!(serde_json::to_string(&item).expect("encode"), r#"{"id":"1","detail":null}"#);
    // ...until the program says the property is absent.
    assert!(item.clear_null(&Item::DETAIL));
    assert!(!item.clear_null(&Item::DETAIL), "nothing left to clear");
    assert_eq!(serde_json::to_string(&item).expect("encode"), r#"{"id":"1"}"#);
    // An explicit null in what is sent: a create that clears a default.
    let mut fresh = Item::default();
    assert!(fresh.set_null(&Item::TAGS) && fresh.set_null(&Base::ID));
    assert_eq!(serde_json::to_string(&fresh).expect("encode"), r#"{"id":null,"tags":null}"#);
    assert_eq!(fresh, decode(json!({"tags": null, "id": null})), "the same nulls in another order are equal");
    // A path into a complex property is not one property of this value.
    assert!(!fresh.set_null(&Item::DETAIL.then(Detail::NOTE)));
}

#[test]
fn a_type_without_additional_data_cannot_keep_a_null() {
    let mut strict: Strict = decode(json!({"note": null}));
    assert!(!strict.is_null(&Strict::NOTE));
    assert!(!strict.set_null(&Strict::NOTE), "there is nowhere to keep it");
    assert_eq!(serde_json::to_string(&strict).expect("encode"), "{}");
}

#[test]
fn a_member_twice_is_an_error_whatever_its_values() {
    for text in [
        r#"{"id": null, "id": "b"}"#,
        r#"{"id": "a", "id": null}"#,
        r#"{"id": null, "id": null}"#,
        r#"{"detail": null, "id": "a", "detail": {"note": "n"}}"#,
        r#"{"extra": 1, "extra": 1}"#,
        r#"{"@ns.term": 1, "@ns.term": 2}"#,
        r#"{"children@odata.count": 1, "children@odata.count": 1}"#,
        r#"{"children@ns.term": 1, "children@ns.term": 1}"#,
    ] {
        let message = error::<Item>(text);
        assert!(message.starts_with("$."), "{text}: {message}");
        assert!(message.contains("appears twice"), "{text}: {message}");
    }
    // Also where the type keeps no unknown data (and so no record of its nulls).
    for text in [r#"{"note": null, "note": "x"}"#, r#"{"note": null, "note": null}"#] {
        let message = error::<Strict>(text);
        assert!(message.starts_with("$.note: the property appears twice"), "{text}: {message}");
    }
    let message = error::<Item>(r#"{"detail": {"note": null, "flag": true, "note": "x"}}"#);
    assert!(message.starts_with("$.detail.note: the property appears twice"), "{message}");
    let message = error::<Page<Item>>(r#"{"value": [{"id": "1", "extra": [], "extra": {}}]}"#);
    assert!(message.starts_with("$.value[0].extra: the member appears twice"), "{message}");
}

#[test]
fn type_annotations_are_read_in_every_spelling_and_written_back_as_sent() {
    let cases = [
        ("@odata.type", "#test.item", TypeAnnotationKey::ODataType),
        ("@odata.type", "test.item", TypeAnnotationKey::ODataType),
        ("@type", "#test.item", TypeAnnotationKey::Type),
        ("@type", "test.item", TypeAnnotationKey::Type),
        ("@odata.type", "https://host/service/$metadata#test.item", TypeAnnotationKey::ODataType),
    ];
    for (key, value, spelling) in cases {
        let text = json!({key: value, "id": "1"}).to_string();
        let item: Item = assert_round_trip(&text);
        let annotation = item.additional_data.type_annotation().expect("kept");
        assert_eq!((annotation.key(), annotation.value(), annotation.type_name()), (spelling, value, "test.item"));
        let encoded = serde_json::to_string(&item).expect("encode");
        assert!(encoded.starts_with(&format!("{{\"{key}\":")), "written first: {encoded}");
    }
}

#[test]
fn a_type_annotation_after_the_properties_is_kept_and_written_first() {
    let item: Item =
        decode(json!({"id": "1", "detail": {"note": "n", "@odata.type": "#test.detail"}, "@odata.type": "#test.item"}));
    assert_eq!(item.additional_data.type_annotation().map(|a| a.type_name()), Some("test.item"));
    let detail = item.detail.as_ref().expect("detail");
    assert_eq!(detail.additional_data.type_annotation().map(|a| a.value()), Some("#test.detail"));
    let text = serde_json::to_string(&item).expect("encode");
    assert!(
        text.starts_with(r##"{"@odata.type":"#test.item","id":"1","detail":{"@odata.type":"#test.detail""##),
        "{text}"
    );
}

#[test]
fn an_annotation_naming_another_type_is_kept_too() {
    // Dispatch to derived types is not this type's business; the name must survive.
    let detail: Detail = assert_round_trip(r##"{"@odata.type": "#test.futureDetail", "note": "n", "extra": 1}"##);
    assert_eq!(detail.additional_data.type_annotation().map(|a| a.type_name()), Some("test.futureDetail"));
    assert_eq!(detail.additional_data.property_value("extra"), Some(json!(1)));
}

#[test]
fn the_same_type_annotation_twice_is_accepted_and_two_different_ones_are_an_error() {
    let same: Detail = decode(json!({"@odata.type": "#test.detail", "note": "n"}));
    let twice: Detail =
        serde_json::from_str(r##"{"@odata.type": "#test.detail", "@type": "test.detail", "note": "n"}"##)
            .expect("the same type, spelled twice");
    assert_eq!(twice.note, same.note);
    let message =
        error::<Item>(r##"{"id": "1", "detail": {"@odata.type": "#test.detail", "@odata.type": "#test.other"}}"##);
    assert!(
        message.starts_with(
            r##"$.detail.@odata.type: conflicting type annotations "#test.detail" and "#test.other" (test.detail)"##
        ),
        "{message}"
    );
}

#[test]
fn unknown_properties_and_instance_annotations_are_kept_in_order_and_written_back() {
    let text = r#"{
        "@odata.context": "https://host/$metadata#items/$entity",
        "@odata.etag": "W/\"3\"",
        "@ns.term": {"deep": [1, 2]},
        "id": "1",
        "startDateTime@ns.precision": 7,
        "startDateTime": "2020-02-25T18:52:21.2169889Z",
        "newProperty": {"added": "later"},
        "newProperty@ns.term": true
    }"#;
    let item: Item = assert_round_trip(text);
    let data = &item.additional_data;
    assert_eq!(data.context().as_deref(), Some("https://host/$metadata#items/$entity"));
    assert_eq!(data.etag().as_deref(), Some("W/\"3\""));
    let annotations: Vec<&str> = data.annotations().map(|(k, _)| k).collect();
    assert_eq!(annotations, ["@odata.context", "@odata.etag", "@ns.term"]);
    let properties: Vec<&str> = data.properties().map(|(k, _)| k).collect();
    assert_eq!(properties, ["startDateTime@ns.precision", "newProperty", "newProperty@ns.term"]);
    let encoded = serde_json::to_string(&item).expect("encode");
    assert!(encoded.starts_with(r#"{"@odata.context":"#), "control information first: {encoded}");
}

#[test]
fn unknown_data_of_a_derived_type_goes_to_its_base() {
    let session: Session = decode(json!({"id": "s", "isTest": true, "brandNew": [1], "@odata.etag": "e"}));
    let data = session.additional_data().expect("through the base");
    assert_eq!(data.property_value("brandNew"), Some(json!([1])));
    assert_eq!(data.etag().as_deref(), Some("e"));
    assert!(std::ptr::eq(data, &session.entity.additional_data));
    assert_eq!(session.is_test, Some(true));
}

#[test]
fn a_type_without_additional_data_skips_what_it_does_not_know() {
    let strict: Strict = decode(json!({"@odata.type": "#test.strict", "note": "n", "other": {"a": [1]}, "@x.y": 1}));
    assert_eq!(strict.note.as_deref(), Some("n"));
    assert_eq!(serde_json::to_string(&strict).expect("encode"), r#"{"note":"n"}"#);
}

#[test]
fn navigation_properties_tell_not_expanded_from_expanded_and_empty() {
    let not_expanded: Item = decode(json!({"id": "1"}));
    assert!(!not_expanded.children.is_expanded() && not_expanded.children.get().is_none());
    assert_eq!(not_expanded.children.iter().count(), 0);

    let empty: Item = decode(json!({"id": "1", "children": []}));
    assert!(empty.children.is_expanded());
    assert_eq!(empty.children.get().map(Vec::len), Some(0));

    let null_owner: Item = decode(json!({"id": "1", "owner": null}));
    assert!(null_owner.owner.is_expanded() && null_owner.owner.is_null());

    let nested: Item = decode(json!({"id": "1", "children": [{"id": "2", "owner": {"id": "1"}}]}));
    let child = &nested.children.get().expect("expanded")[0];
    assert_eq!(child.owner.get().and_then(|o| o.id.as_deref()), Some("1"));

    for item in [&not_expanded, &empty, &null_owner, &nested] {
        let again: Item = decode(serde_json::to_value(item).expect("encode"));
        assert_eq!(&again, item);
    }
}

#[test]
fn navigation_control_information_is_typed_and_kept_without_the_value() {
    let text = r#"{
        "id": "1",
        "children@odata.context": "https://host/$metadata#items('1')/children",
        "children@odata.count": 12,
        "children@ns.term": "t",
        "children": [{"id": "2"}],
        "children@odata.nextLink": "https://host/items('1')/children?$skiptoken=2",
        "owner@odata.context": "https://host/$metadata#items('1')/owner/$entity"
    }"#;
    let item: Item = assert_round_trip(text);
    assert_eq!(item.children.count(), Some(12));
    let as_string: Item = decode(json!({"children@odata.count": "12"}));
    assert_eq!(as_string.children.count(), Some(12), "a count sent as a string (SAP CAP does)");
    assert_eq!(item.children.next_link(), Some("https://host/items('1')/children?$skiptoken=2"));
    assert_eq!(item.children.context(), Some("https://host/$metadata#items('1')/children"));
    assert_eq!(item.children.control_info().annotations, [("ns.term".to_owned(), json!("t"))]);
    assert!(!item.owner.is_expanded());
    assert!(item.owner.context().is_some(), "annotation of a navigation property that is absent");
    assert!(item.additional_data.is_empty());
}

#[test]
fn open_types_keep_dynamic_properties() {
    let identity: odata_graph::Identity =
        assert_round_trip(r#"{"id": "821809f5", "displayName": "Abbie Wilkins", "tenantId": "dc368399"}"#);
    assert_eq!(identity.additional_data.property_value("tenantId"), Some(json!("dc368399")));
    assert!(<odata_graph::Identity as odata_core::ODataType>::TYPE_INFO.is_open);
}

#[test]
fn decode_errors_name_the_json_path_and_the_odata_type() {
    let mut page: Value =
        serde_json::from_str(&odata_tests::example("callrecords-callrecord-list-sessions-2.json")).unwrap();
    page["value"][0]["segments"][0]["media"][0]["streams"][1]["wasMediaBypassed"] = json!("yes");
    let message = serde_json::from_str::<Page<Session>>(&page.to_string()).unwrap_err().to_string();
    assert!(
        message.starts_with(
            "$.value[0].segments[0].media[0].streams[1].wasMediaBypassed: invalid type: string \"yes\", expected Edm.Boolean (microsoft.graph.callRecords.mediaStream) at line 1 column "
        ),
        "{message}"
    );

    let message = error::<Session>(r#"{"id": "s", "caller": 5}"#);
    assert_eq!(
        message,
        "$.caller: invalid type: integer `5`, expected an object of type microsoft.graph.callRecords.endpoint or of a type derived from it (microsoft.graph.callRecords.session) at line 1 column 24"
    );
    let message = error::<Session>(r#"{"modalities": ["audio", 7.5]}"#);
    assert!(message.starts_with("$.modalities[1]: invalid type: floating point `7.5`, expected a member of enum microsoft.graph.callRecords.modality (microsoft.graph.callRecords.session)"), "{message}");
    let message = error::<Session>("[1]");
    assert!(
        message
            .starts_with("$: invalid type: sequence, expected an object of type microsoft.graph.callRecords.session"),
        "{message}"
    );
}

#[test]
fn errors_in_values_kept_as_unknown_name_their_member() {
    let broken = r#"{"id": "1", "odd name": [1, {"a": 2,}]}"#;
    let message = error::<Item>(broken);
    assert!(message.starts_with("$['odd name']: key must be a string (test.item) at line 1 column 37"), "{message}");
}

#[test]
fn a_property_sent_twice_is_an_error_not_a_silent_overwrite() {
    let message = error::<Item>(r#"{"id": "1", "tags": ["a"], "tags": null}"#);
    assert!(message.starts_with("$.tags: the property appears twice in one object (test.item)"), "{message}");
    let message = error::<Item>(r#"{"children": [], "children": []}"#);
    assert!(message.starts_with("$.children: the property appears twice"), "{message}");
}

#[test]
fn pages_read_both_spellings_of_control_information_and_keep_the_rest() {
    let page: Page<Detail> = decode(json!({
        "@context": "https://host/$metadata#details",
        "@count": "2",
        "@ns.term": 1,
        "value": [{"note": "a"}, {"note": "b"}],
        "@nextLink": "details?$skiptoken=2",
        "stray": true
    }));
    assert_eq!(page.context.as_deref(), Some("https://host/$metadata#details"));
    assert_eq!((page.count, page.len(), page.has_next()), (Some(2), 2, true));
    assert_eq!(page.additional_data.annotation_value("@ns.term"), Some(json!(1)));
    assert_eq!(page.additional_data.property_value("stray"), Some(json!(true)));
    let encoded = serde_json::to_string(&page).expect("encode");
    compare_texts(
        &json!({
            "@odata.context": "https://host/$metadata#details",
            "@odata.count": 2,
            "@ns.term": 1,
            "value": [{"note": "a"}, {"note": "b"}],
            "@odata.nextLink": "details?$skiptoken=2",
            "stray": true
        })
        .to_string(),
        &encoded,
    )
    .expect("written in the OData 4.0 spelling");

    let message = error::<Page<Detail>>(r#"{"value": [{"note": "a"}, {"note": 1}]}"#);
    assert!(
        message.starts_with("$.value[1].note: invalid type: integer `1`, expected Edm.String (test.detail)"),
        "{message}"
    );
    let message = error::<Page<Detail>>(r#"{"@odata.count": -3, "value": []}"#);
    assert!(
        message.starts_with("$.@odata.count: expected a count (a non-negative Edm.Int64), found number -3"),
        "{message}"
    );
    let empty: Page<Detail> = decode(json!({"value": []}));
    assert!(empty.is_empty() && !empty.has_next());
    // An object without `value` is not a page (an entity read as a collection): an error.
    let message = error::<Page<Detail>>("{}");
    assert!(message.starts_with("$: expected a collection response"), "{message}");
}

#[test]
fn collections_of_nullable_items_keep_nulls_and_others_refuse_them() {
    #[derive(ODataComplex, Debug, Clone, Default, PartialEq)]
    #[odata(type = "test.lists")]
    struct Lists {
        maybe: Option<Vec<Option<i32>>>,
        strict: Option<Vec<i32>>,
    }
    let lists: Lists = assert_round_trip(r#"{"maybe": [1, null, 3]}"#);
    assert_eq!(lists.maybe, Some(vec![Some(1), None, Some(3)]));
    let message = error::<Lists>(r#"{"strict": [1, null]}"#);
    assert!(message.starts_with("$.strict[1]: invalid type: null, expected Edm.Int32 (test.lists)"), "{message}");
}

/// Declares a complex type with the listed `Option<i32>` fields (field indexes 0, 1, ...).
macro_rules! wide_type {
    ($($field:ident)*) => {
        #[derive(ODataComplex, Debug, Clone, Default, PartialEq)]
        #[odata(type = "test.wide")]
        struct Wide {
            $($field: Option<i32>,)*
            additional_data: AdditionalData,
        }
    };
}

wide_type!(
    f00 f01 f02 f03 f04 f05 f06 f07 f08 f09 f10 f11 f12 f13 f14 f15 f16 f17 f18 f19
    f20 f21 f22 f23 f24 f25 f26 f27 f28 f29 f30 f31 f32 f33 f34 f35 f36 f37 f38 f39
    f40 f41 f42 f43 f44 f45 f46 f47 f48 f49 f50 f51 f52 f53 f54 f55 f56 f57 f58 f59
    f60 f61 f62 f63 f64 f65 f66 f67 f68 f69
);

/// The encoder marks `null`s by field index in 64 bits: a `null` past index 63 (Graph's `user`
/// has over a hundred properties) falls back to the recorded names, and every `null` is still
/// written, none invented.
#[test]
fn nulls_past_the_sixty_fourth_property_are_written_back() {
    let low: Wide = assert_round_trip(r#"{"f00": 1, "f03": null, "f63": null}"#);
    assert_eq!(serde_json::to_string(&low).expect("encode"), r#"{"f00":1,"f03":null,"f63":null}"#);
    let high: Wide = assert_round_trip(r#"{"f69": null, "f00": 1, "f03": null, "f64": null, "f66": 2}"#);
    assert_eq!(serde_json::to_string(&high).expect("encode"), r#"{"f00":1,"f03":null,"f64":null,"f66":2,"f69":null}"#);
}

#[derive(ODataComplex, Debug, Clone, Default, PartialEq)]
#[odata(type = "test.shape")]
struct Shape {
    area: Option<f64>,
    label: Option<String>,
    additional_data: AdditionalData,
}

#[derive(ODataComplex, Debug, Clone, Default, PartialEq)]
#[odata(type = "test.circle", base_type = "test.shape")]
struct Circle {
    #[odata(base)]
    shape: Shape,
    radius: Option<f64>,
    center: Option<String>,
}

#[test]
fn nulls_read_as_one_type_are_written_right_as_another() {
    // `null`s are recorded as bits of the reading type's field indexes; a base part read alone
    // and put into a derived value (whose own properties come first in its indexes), or the other
    // way round, must still write the `null`s of the properties that were `null`.
    let shape: Shape = decode(json!({"area": null, "label": "s"}));
    let circle = Circle { shape, radius: None, center: None };
    assert_eq!(serde_json::to_string(&circle).expect("encode"), r#"{"area":null,"label":"s"}"#);
    let circle: Circle = decode(json!({"radius": null, "center": "c", "label": null}));
    assert_eq!(serde_json::to_string(&circle).expect("encode"), r#"{"label":null,"radius":null,"center":"c"}"#);
    let shape = circle.shape;
    assert_eq!(serde_json::to_string(&shape).expect("encode"), r#"{"label":null}"#, "radius is not a shape's");
    assert!(shape.additional_data.is_null("radius"), "kept, as any recorded null");
}

/// The decoder keeps the indexes of the `null`s it read in 64 bits, then in a list: a property
/// sent again after a `null` is refused on both sides of index 63.
#[test]
fn a_property_sent_again_after_a_null_is_refused_past_the_sixty_fourth() {
    for (text, name) in [
        (r#"{"f03": null, "f03": 1}"#, "f03"),
        (r#"{"f63": null, "f00": 1, "f63": null}"#, "f63"),
        (r#"{"f64": null, "f64": 2}"#, "f64"),
        (r#"{"f03": null, "f69": null, "f00": 1, "f69": 3}"#, "f69"),
    ] {
        let message = serde_json::from_str::<Wide>(text).expect_err(text).to_string();
        assert!(
            message.starts_with(&format!("$.{name}: the property appears twice in one object")),
            "{text}: {message}"
        );
    }
}

/// A derived type with no navigation property of its own.
#[derive(ODataEntity, Debug, Clone, Default, PartialEq)]
#[odata(type = "test.special", base_type = "test.item", key_property = "id")]
struct Special {
    #[odata(base)]
    item: Item,
    rank: Option<i32>,
}

/// The decoder looks for a navigation property's control information only in types that have
/// navigation properties: an inherited one still gets its `nextLink`, and a type without any keeps
/// `prop@term` as unknown data.
#[test]
fn control_information_of_an_inherited_navigation_property_is_stored_with_it() {
    let special: Special = assert_round_trip(
        r#"{"id": "1", "rank": 2, "children@odata.nextLink": "https://host/svc/Items('1')/children?$skip=1", "children": []}"#,
    );
    assert_eq!(special.item.children.next_link(), Some("https://host/svc/Items('1')/children?$skip=1"));
    assert_eq!(special.item.base.additional_data, AdditionalData::default());
    let detail: Detail = assert_round_trip(r#"{"note@odata.nextLink": "x", "note": "n"}"#);
    assert_eq!(detail.additional_data.property("note@odata.nextLink").map(|raw| raw.get()), Some(r#""x""#));
}

/// An unknown member's name is borrowed from the input where serde_json lends it and owned where
/// the key is transient (escapes in a string, any key from a reader or a `Value`): every way
/// keeps the same name, and a duplicate is refused in every way.
#[test]
fn unknown_member_names_are_kept_from_borrowed_and_transient_keys() {
    let text = r#"{"note": "n", "x\u0041y": 1, "plain": [1, 2], "@ns.t\u00e9rm": "a"}"#;
    let borrowed: Detail = serde_json::from_str(text).expect("from_str");
    let from_reader: Detail = serde_json::from_reader(text.as_bytes()).expect("from_reader");
    let from_value: Detail = serde_json::from_value(serde_json::from_str(text).expect("value")).expect("from_value");
    let names: Vec<_> = borrowed.additional_data.properties().map(|(name, raw)| (name, raw.get())).collect();
    assert_eq!(names, [("xAy", "1"), ("plain", "[1,2]")]);
    assert_eq!(borrowed.additional_data.annotation("@ns.t\u{e9}rm").map(|raw| raw.get()), Some(r#""a""#));
    assert_eq!(from_reader, borrowed);
    // A `Value`'s members come in name order.
    let mut names_from_value: Vec<_> =
        from_value.additional_data.properties().map(|(name, raw)| (name, raw.get())).collect();
    names_from_value.sort();
    assert_eq!(names_from_value, [("plain", "[1,2]"), ("xAy", "1")]);
    assert_eq!(from_value.additional_data.annotation("@ns.t\u{e9}rm").map(|raw| raw.get()), Some(r#""a""#));
    for text in [r#"{"xAy": 1, "x\u0041y": 2}"#, r#"{"x\u0041y": 1, "xAy": 2}"#] {
        for message in [
            serde_json::from_str::<Detail>(text).expect_err(text).to_string(),
            serde_json::from_reader::<_, Detail>(text.as_bytes()).expect_err(text).to_string(),
        ] {
            assert!(message.starts_with("$.xAy: the member appears twice in one object"), "{text}: {message}");
        }
    }
}
