//! The CSDL our derives emit for Graph's callRecords model equals the official schema, element by
//! element: types, base types, abstract and open flags, keys, properties with their Edm types and
//! nullability, navigation properties and containment, enum members and values, functions and
//! their parameters. (Annotations may differ.)

use odata_core::csdl::Document;
use odata_tests::graph_fixtures;

fn official() -> Document {
    let path = graph_fixtures().join("csdl/callRecords.xml");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    Document::parse_xml(&text).expect("the official CSDL parses")
}

fn ours() -> Document {
    // Built from the derives (what the types say about themselves), not from any CSDL text.
    odata_graph::metadata()
}

/// Every fact that differs (`Document::schema_differences`), one line each: `fact: official | ours`.
fn differences(official: &Document, ours: &Document, namespace: &str) -> String {
    assert!(official.schema(namespace).is_some(), "no schema {namespace} in the official CSDL");
    assert!(ours.schema(namespace).is_some(), "we emit no schema {namespace}");
    official.schema_differences(ours, namespace).iter().map(|d| format!("{d}\n")).collect()
}

#[test]
fn the_call_records_schema_matches_the_official_one() {
    let official = official();
    let report = differences(&official, &ours(), "microsoft.graph.callRecords");
    assert!(report.is_empty(), "differences:\n{report}");
    let schema = official.schema("microsoft.graph.callRecords").expect("schema");
    let counts =
        (schema.entity_types.len(), schema.complex_types.len(), schema.enum_types.len(), schema.functions.len());
    assert_eq!(counts, (6, 18, 15, 2), "the fixture's namespace, as its README says");
}

#[test]
fn the_graph_types_callrecords_uses_match_the_official_ones() {
    let report = differences(&official(), &ours(), "microsoft.graph");
    assert!(report.is_empty(), "differences:\n{report}");
}

#[test]
fn the_emitted_xml_reads_back_to_the_same_document() {
    let ours = ours();
    let xml = ours.to_xml();
    let again = Document::parse_xml(&xml).expect("our XML parses");
    let report = differences(&again, &ours, "microsoft.graph.callRecords");
    assert!(report.is_empty(), "differences:\n{report}");
    assert!(xml.starts_with("<?xml"), "{}", &xml[..xml.len().min(200)]);
    // And it still matches the official schema after the trip through XML.
    assert!(differences(&official(), &again, "microsoft.graph.callRecords").is_empty());
}

#[test]
fn the_json_form_names_every_type() {
    let json = ours().to_json();
    let schema = &json["microsoft.graph.callRecords"];
    assert_eq!(schema["session"]["$Kind"], "EntityType");
    assert_eq!(schema["session"]["$BaseType"], "microsoft.graph.entity");
    assert_eq!(schema["productFamily"]["azureCommunicationServices"], 5);
    assert_eq!(schema["getPstnCalls"][0]["$Kind"], "Function");
    assert_eq!(json["microsoft.graph"]["entity"]["$Key"], serde_json::json!(["id"]));
}

/// Everything reachable from a type is in its document: through a polymorphic holder too
/// (`caller` is an `AnyEndpoint`, so `participantEndpoint` and `serviceEndpoint` are part of a
/// session's model, and their `userAgent` holders bring the user agent types).
#[test]
fn a_document_built_from_one_type_holds_every_type_reachable_from_it() {
    let document = odata_core::csdl::Document::builder().add_type::<odata_graph::call_records::Session>().build();
    let schema = document.schemas.iter().find(|s| s.namespace == "microsoft.graph.callRecords").expect("schema");
    let complex: Vec<&str> = schema.complex_types.iter().map(|t| t.name.as_str()).collect();
    for name in
        ["endpoint", "participantEndpoint", "serviceEndpoint", "userAgent", "clientUserAgent", "serviceUserAgent"]
    {
        assert!(complex.contains(&name), "{name} missing from {complex:?}");
    }
    // And the whole namespace, from the root type and the two functions (whose return types
    // nothing else reaches), equals the official schema.
    use odata_graph::call_records::{CallRecord, GetDirectRoutingCalls, GetPstnCalls};
    let from_root = odata_core::csdl::Document::builder()
        .add_type::<CallRecord>()
        .add_operation::<GetPstnCalls>()
        .add_operation::<GetDirectRoutingCalls>()
        .build();
    let official = official();
    let missing: Vec<String> = official
        .schema_differences(&from_root, "microsoft.graph.callRecords")
        .into_iter()
        .filter(|d| d.right.is_none())
        .map(|d| d.to_string())
        .collect();
    assert!(missing.is_empty(), "not reached from callRecord:\n{}", missing.join("\n"));
}
