//! The CSDL our derives emit for Graph's callRecords model equals the official schema, element by
//! element: types, base types, abstract and open flags, keys, properties with their Edm types and
//! nullability, navigation properties and containment, enum members and values, functions and
//! their parameters. (Annotations may differ.)

use std::collections::BTreeMap;
use std::fmt::Write;

use odata_core::csdl::{Document, Schema, StructuredType};
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

/// A schema flattened into comparable lines, aliases resolved: one line per fact.
fn facts(document: &Document, schema: &Schema) -> BTreeMap<String, String> {
    let resolve = |name: &str| document.resolve_alias(name);
    let mut facts = BTreeMap::new();
    let mut structured = |kind: &str, ty: &StructuredType| {
        let at = format!("{kind} {}", ty.name);
        facts.insert(format!("{at}: base type"), ty.base_type.as_deref().map(resolve).unwrap_or_default());
        facts.insert(format!("{at}: abstract"), ty.is_abstract.to_string());
        facts.insert(format!("{at}: open"), ty.is_open.to_string());
        facts.insert(format!("{at}: key"), ty.key.join(","));
        for p in &ty.properties {
            facts.insert(format!("{at}.{}: property", p.name), format!("{} nullable={}", resolve(&p.ty), p.nullable));
        }
        for n in &ty.navigation_properties {
            facts.insert(
                format!("{at}.{}: navigation", n.name),
                format!("{} nullable={} contains_target={}", resolve(&n.ty), n.nullable, n.contains_target),
            );
        }
    };
    for ty in &schema.entity_types {
        structured("EntityType", ty);
    }
    for ty in &schema.complex_types {
        structured("ComplexType", ty);
    }
    for ty in &schema.enum_types {
        let members: Vec<String> = ty.members.iter().map(|m| format!("{}={}", m.name, m.value)).collect();
        facts.insert(format!("EnumType {}: members", ty.name), members.join(","));
        facts.insert(format!("EnumType {}: flags", ty.name), ty.is_flags.to_string());
    }
    for f in &schema.functions {
        let parameters: Vec<String> =
            f.parameters.iter().map(|p| format!("{}:{} nullable={}", p.name, resolve(&p.ty), p.nullable)).collect();
        facts.insert(format!("Function {}: bound", f.name), f.is_bound.to_string());
        facts.insert(format!("Function {}: parameters", f.name), parameters.join(", "));
        let returns = f.return_type.as_ref().map(|r| format!("{} nullable={}", resolve(&r.ty), r.nullable));
        facts.insert(format!("Function {}: returns", f.name), returns.unwrap_or_default());
    }
    facts
}

/// Every fact that differs, as `fact: official | ours`.
fn differences(official: &Document, ours: &Document, namespace: &str) -> String {
    let theirs = facts(official, official.schema(namespace).expect("official schema"));
    let mine = facts(ours, ours.schema(namespace).unwrap_or_else(|| panic!("we emit no schema {namespace}")));
    let mut report = String::new();
    for key in theirs.keys().chain(mine.keys().filter(|k| !theirs.contains_key(*k))) {
        let (a, b) = (theirs.get(key), mine.get(key));
        if a != b {
            let _ = writeln!(report, "{key}: official {a:?} | ours {b:?}");
        }
    }
    report
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
