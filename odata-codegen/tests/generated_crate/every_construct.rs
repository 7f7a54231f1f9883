//! Copied into the crate generated from `every_construct.xml` by
//! `odata-codegen/tests/every_construct.rs` (with the document beside it) and run there: the
//! generated types emit the schema they came from, fact for fact (partners, referential
//! constraints, facets, media entities, underlying types, type definitions, overloads with their
//! binding nullability); values of type definitions travel as their primitives; a media entity's
//! stream annotations are typed; each overload is an operation of its own, with its own URL.

use every_construct_models::every::{
    Code, Level, Money, Order, Ship, ShipOnOrderCollection, Total, TotalOnOrderCollection, TotalWithYear,
    TotalWithYearCode,
};
use odata_core::csdl::Document;
use odata_core::query::ServiceRoot;
use odata_core::{MediaEntity, ODataOperation, ODataTypeDefinition};

const CSDL: &str = include_str!("every_construct.xml");

#[test]
fn the_generated_types_emit_the_schema_they_came_from() {
    let original = Document::parse_xml(CSDL).expect("the document parses");
    let emitted = Document::builder().add_namespace("example.every").build();
    let differences: Vec<String> =
        original.schema_differences(&emitted, "example.every").iter().map(ToString::to_string).collect();
    assert!(differences.is_empty(), "differences:\n{}", differences.join("\n"));
    // Every overload is there, not one per name.
    let schema = emitted.schema("example.every").expect("the schema");
    assert_eq!((schema.functions.len(), schema.actions.len()), (4, 2));
    // And the emitted XML reads back to the same facts.
    let again = Document::parse_xml(&emitted.to_xml()).expect("the emitted XML parses");
    assert!(original.schema_differences(&again, "example.every").is_empty());
}

#[test]
fn type_definitions_travel_as_their_primitive() {
    let text = r#"{"id":1,"customerId":"c1","total":12.5,"code":"AB","size":"huge"}"#;
    let order: Order = serde_json::from_str(text).expect("decodes");
    assert_eq!(order.total, Some(Money("12.5".parse().expect("a decimal"))));
    assert_eq!(order.code.as_ref().map(ODataTypeDefinition::as_underlying), Some(&"AB".to_owned()));
    let again: serde_json::Value = serde_json::from_str(&serde_json::to_string(&order).expect("encodes")).expect("JSON");
    assert_eq!(again, serde_json::from_str::<serde_json::Value>(text).expect("JSON"));
    assert_eq!(Code::from_underlying("XY".to_owned()), Code("XY".to_owned()));
    assert_eq!(serde_json::to_string(&Level::High).expect("encodes"), r#""high""#);
}

#[test]
fn a_media_entity_reads_its_stream_annotations() {
    let order: Order = serde_json::from_str(
        r#"{"id":1,"@odata.mediaReadLink":"Orders(1)/$value","@odata.mediaContentType":"image/png","@odata.mediaEtag":"\"7\"","@odata.mediaEditLink":"Orders(1)/photo"}"#,
    )
    .expect("decodes");
    assert_eq!(order.media_read_link().as_deref(), Some("Orders(1)/$value"));
    assert_eq!(order.media_edit_link().as_deref(), Some("Orders(1)/photo"));
    assert_eq!(order.media_content_type().as_deref(), Some("image/png"));
    assert_eq!(order.media_etag().as_deref(), Some("\"7\""));
    let root = ServiceRoot::new("http://host/service").expect("a service root");
    assert_eq!(root.entity_set::<Order>("Orders").key(1).media_stream().url(), "http://host/service/Orders(1)/$value");
}

#[test]
fn each_overload_is_its_own_operation_with_its_own_url() {
    let root = ServiceRoot::new("http://host/service").expect("a service root");
    let orders = root.entity_set::<Order>("Orders");
    assert_eq!(orders.clone().key(1).call(&Total).url(), "http://host/service/Orders(1)/example.every.total()");
    let since = TotalOnOrderCollection { since: "2024-01-31".parse().expect("a date") };
    assert_eq!(orders.clone().call(&since).url(), "http://host/service/Orders/example.every.total(since=2024-01-31)");
    assert_eq!(orders.clone().key(1).action::<Ship>().url(), "http://host/service/Orders(1)/example.every.ship");
    assert_eq!(
        orders.action::<ShipOnOrderCollection>().url(),
        "http://host/service/Orders/example.every.ship"
    );
    // The unbound overloads differ in their parameters.
    let names = |info: &odata_core::OperationInfo| -> Vec<&str> { info.parameters.iter().map(|p| p.name).collect() };
    assert_eq!(names(<TotalWithYear as ODataOperation>::OPERATION_INFO), ["year"]);
    assert_eq!(names(<TotalWithYearCode as ODataOperation>::OPERATION_INFO), ["year", "code"]);
    // The binding parameter keeps its nullability.
    let binding = |info: &odata_core::OperationInfo| info.binding.as_ref().map(|b| b.nullable);
    assert_eq!(binding(<Total as ODataOperation>::OPERATION_INFO), Some(false));
    assert_eq!(binding(<TotalOnOrderCollection as ODataOperation>::OPERATION_INFO), Some(true));
}
