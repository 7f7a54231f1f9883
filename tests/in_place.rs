//! Values read inside a property or a collection, which the decoder builds where they stay (the
//! `Option` of a field, the end of a `Vec`) instead of returning them: every spelling and
//! position of `@odata.type` picks the same variant there as at the root, keeps the same
//! annotation, and round-trips; `null`s, duplicates and error paths are as before.

use odata_core::{AdditionalData, Decimal, ODataComplex, ODataStructured, TypeAnnotationKey};
use serde_json::json;

#[derive(ODataComplex, Debug, Clone, Default, PartialEq)]
#[odata(type = "test.shape", open_type)]
struct Shape {
    name: Option<String>,
    additional_data: AdditionalData,
}

#[derive(ODataComplex, Debug, Clone, Default, PartialEq)]
#[odata(type = "test.polygon", base_type = "test.shape", open_type)]
struct Polygon {
    #[odata(base)]
    shape: Shape,
    corners: Option<i32>,
}

#[derive(ODataComplex, Debug, Clone, Default, PartialEq)]
#[odata(type = "test.square", base_type = "test.polygon", open_type)]
struct Square {
    #[odata(base)]
    polygon: Polygon,
    side: Option<Decimal>,
}

/// An inline variant and a boxed one: both are put into the slot before they are read.
#[derive(ODataComplex, Debug, Clone, PartialEq)]
#[odata(type = "test.shape")]
enum AnyShape {
    Shape(Shape),
    Polygon(Polygon),
    Square(Box<Square>),
}

#[derive(ODataComplex, Debug, Clone, Default, PartialEq)]
#[odata(type = "test.frame")]
struct Frame {
    width: Option<i32>,
    additional_data: AdditionalData,
}

#[derive(ODataComplex, Debug, Clone, Default, PartialEq)]
#[odata(type = "test.drawing", open_type)]
struct Drawing {
    main: Option<AnyShape>,
    others: Option<Vec<AnyShape>>,
    frame: Option<Frame>,
    frames: Option<Vec<Frame>>,
    additional_data: AdditionalData,
}

fn decode(text: &str) -> Drawing {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("{text}: {e}"))
}

fn encode(drawing: &Drawing) -> String {
    serde_json::to_string(drawing).expect("encode")
}

fn error(text: &str) -> String {
    serde_json::from_str::<Drawing>(text).expect_err("decoding should fail").to_string()
}

/// The annotation kept by a value: its key's spelling and its text.
fn annotation(shape: &AnyShape) -> Option<(TypeAnnotationKey, String)> {
    let annotation = shape.additional_data()?.type_annotation()?;
    Some((annotation.key(), annotation.value().to_owned()))
}

/// Every spelling of `@odata.type` in a property and in a collection, first in its object (as
/// the encoder writes it back): the variant it picks, the annotation it keeps, and the same bytes
/// written back.
#[test]
fn every_spelling_in_a_property_and_a_collection_round_trips_byte_for_byte() {
    let cases = [
        // The usual form: kept as the type's shared constant.
        (r##""@odata.type":"#test.square""##, "square"),
        (r##""@odata.type":"test.square""##, "square"),
        (r##""@type":"#test.square""##, "square"),
        (r##""@type":"test.square""##, "square"),
        (r##""@odata.type":"https://example.com/$metadata#test.square""##, "square"),
        (r##""@odata.type":"#test.polygon""##, "polygon"),
        // The declared type named: the value is of that type and keeps the annotation.
        (r##""@odata.type":"#test.shape""##, "shape"),
        // A type the model does not know: the declared type, keeping the name.
        (r##""@odata.type":"#test.hexagon""##, "shape"),
        (r##""@type":"test.hexagon""##, "shape"),
    ];
    for (member, variant) in cases {
        let (key, value) = member.split_once(':').expect("a member");
        let key = key.trim_matches('"');
        let value = value.trim_matches('"');
        let members = match variant {
            "square" => r#""name":"s","corners":4,"side":0.50"#,
            "polygon" => r#""name":"p","corners":3"#,
            _ => r#""name":"x","corners":4,"side":0.50"#,
        };
        let object = format!("{{{member},{members}}}");
        let text = format!(r#"{{"main":{object},"others":[{object},{{"name":"plain"}},{object}]}}"#);
        let drawing = decode(&text);
        assert_eq!(encode(&drawing), text, "{member}");

        let main = drawing.main.as_ref().expect("main");
        let others = drawing.others.as_deref().expect("others");
        for shape in [main, &others[0], &others[2]] {
            let picked = match shape {
                AnyShape::Square(_) => "square",
                AnyShape::Polygon(_) => "polygon",
                AnyShape::Shape(_) => "shape",
            };
            assert_eq!(picked, variant, "{member}");
            let (kept_key, kept_value) = annotation(shape).expect("the annotation is kept");
            assert_eq!((kept_key.as_str(), kept_value.as_str()), (key, value), "{member}");
        }
        assert_eq!(others[1], AnyShape::Shape(Shape { name: Some("plain".into()), ..Shape::default() }));
        assert_eq!(annotation(&others[1]), None, "no annotation read, none kept");
    }
}

/// The annotation after other members, in a property and in a collection: the same value as
/// with it first, written back with it first.
#[test]
fn a_late_annotation_in_a_property_and_a_collection_gives_the_value_of_an_early_one() {
    let cases = [
        r##""@odata.type":"#test.square""##,
        r##""@type":"test.square""##,
        r##""@odata.type":"#test.polygon""##,
        r##""@odata.type":"#test.shape""##,
        r##""@odata.type":"#test.hexagon""##,
    ];
    for member in cases {
        let first = format!(r#"{{{member},"name":"n","corners":4,"side":0.50}}"#);
        let middle = format!(r#"{{"name":"n","corners":4,{member},"side":0.50}}"#);
        let last = format!(r#"{{"name":"n","corners":4,"side":0.50,{member}}}"#);
        let expected = decode(&format!(r#"{{"main":{first},"others":[{first},{first}]}}"#));
        for object in [&middle, &last] {
            let drawing = decode(&format!(r#"{{"main":{object},"others":[{first},{object}]}}"#));
            assert_eq!(drawing, expected, "{object}");
            assert_eq!(encode(&drawing), encode(&expected), "{object}");
        }
    }
    // Exact numbers through the buffered path: `side` is a square's, read before the annotation.
    let drawing = decode(r##"{"main":{"side":0.50,"name":"n","@odata.type":"#test.square"}}"##);
    assert_eq!(encode(&drawing), r##"{"main":{"@odata.type":"#test.square","name":"n","side":0.50}}"##);
}

/// The annotation kept when the dispatch matched its text (the usual form, first or late) is the
/// same as when it was compared the long way (read at the root, as a plain struct).
#[test]
fn a_dispatched_annotation_is_the_same_value_as_one_read_directly() {
    let direct: Square = serde_json::from_str(r##"{"@odata.type":"#test.square","side":1}"##).expect("decode");
    for text in [
        r##"{"main":{"@odata.type":"#test.square","side":1}}"##,
        r##"{"main":{"side":1,"@odata.type":"#test.square"}}"##,
    ] {
        let drawing = decode(text);
        let Some(AnyShape::Square(square)) = &drawing.main else { panic!("{text}: {:?}", drawing.main) };
        assert_eq!(**square, direct, "{text}");
        assert_eq!(square.additional_data(), direct.additional_data(), "{text}");
    }
    // Something kept besides the annotation: the annotation is copied into the owned data.
    let drawing = decode(r##"{"main":{"@odata.type":"#test.square","extra":[1.0],"side":1}}"##);
    let Some(AnyShape::Square(square)) = &drawing.main else { panic!("{:?}", drawing.main) };
    let data = square.additional_data().expect("open type");
    assert_eq!(data.type_annotation().map(|a| a.value()), Some("#test.square"));
    assert_eq!(data.property("extra").map(|raw| raw.get()), Some("[1.0]"));
    assert_eq!(encode(&drawing), r##"{"main":{"@odata.type":"#test.square","side":1,"extra":[1.0]}}"##);
    // The same, with the annotation last: kept into data that already holds `extra`.
    let late = decode(r##"{"main":{"extra":[1.0],"side":1,"@odata.type":"#test.square"}}"##);
    assert_eq!(late, drawing);
    assert_eq!(encode(&late), encode(&drawing));
}

/// Entity and complex values in an `Option` field and in a collection: members, unknown members
/// and `null`s are kept as before, empty objects and empty collections too.
#[test]
fn structs_in_a_property_and_a_collection_keep_their_members_and_nulls() {
    for text in [
        r#"{"frame":{"width":3},"frames":[{"width":1},{"width":null},{"depth":2},{}]}"#,
        r#"{"frame":null,"frames":[]}"#,
        r#"{"frame":{},"frames":[{}]}"#,
        r#"{"main":null,"others":[],"frame":{"width":null,"depth":{"a":[1,2.50]}}}"#,
        r#"{"others":[{"name":null}],"frames":null}"#,
    ] {
        assert_eq!(encode(&decode(text)), text);
    }
    let drawing = decode(r#"{"frames":[{"width":1},{"width":null},{"depth":2}]}"#);
    let frames = drawing.frames.as_deref().expect("frames");
    assert_eq!(frames.iter().map(|f| f.width).collect::<Vec<_>>(), [Some(1), None, None]);
    assert_eq!(frames[2].additional_data.property_value("depth"), Some(json!(2)));
    assert!(frames[1].additional_data.is_null("width"));
}

/// A property sent twice is refused also when its value is built in place; an error names the
/// index of the collection item it is in (the item being read is already in the `Vec`).
#[test]
fn duplicates_and_error_paths_are_unchanged() {
    for (text, path) in [
        (r##"{"main":{"name":"a"},"main":{"name":"b"}}"##, "$.main: the property appears twice"),
        (r##"{"main":{"@odata.type":"#test.square"},"main":null}"##, "$.main: the property appears twice"),
        (r#"{"frame":{"width":1},"frame":{"width":2}}"#, "$.frame: the property appears twice"),
        (r#"{"frames":[{"width":"w"}]}"#, "$.frames[0].width: invalid type"),
        (r#"{"frames":[{},{},{"width":"w"}]}"#, "$.frames[2].width: invalid type"),
        (r#"{"frames":[{},{"width":1,"width":2}]}"#, "$.frames[1].width: the property appears twice"),
        (r##"{"others":[{},{"@odata.type":"#test.square","side":"s"}]}"##, "$.others[1].side: invalid Edm.Decimal"),
        (r##"{"others":[{"side":"s","@odata.type":"#test.square"}]}"##, "$.others[0].side: "),
        (r##"{"main":{"@odata.type":"#test.frame"}}"##, "$.main.@odata.type: "),
        (r##"{"main":{"@odata.type":7}}"##, "$.main.@odata.type: invalid type: integer `7`"),
        (r##"{"main":[]}"##, "$.main: invalid type: sequence"),
        (r##"{"frame":"f"}"##, "$.frame: invalid type: string"),
    ] {
        let message = error(text);
        assert!(message.starts_with(path), "{text}: {message}");
    }
}
