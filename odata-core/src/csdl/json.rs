//! CSDL JSON: writing (OData CSDL JSON Representation 4.01).
//!
//! The model keeps names as CSDL XML writes them, alias-qualified ones included; the JSON keeps
//! them too, with `$Alias` on the schema so that they resolve. Member order is not kept
//! (`serde_json::Map` sorts its keys), which JSON readers do not depend on.

use serde_json::{Map, Number, Value};

use super::MAX_EXPRESSION_DEPTH;
use super::{
    Annotation, AnnotationValue, Document, EntityContainer, EnumType, Facets, NavigationProperty, Operation, Parameter,
    Property, ReturnType, Schema, StructuredType, TypeDefinition,
};

/// Writes the document as CSDL JSON; see [`Document::to_json`].
pub(super) fn write(document: &Document) -> Value {
    let mut root = Map::new();
    let version = if document.version.is_empty() { "4.0" } else { &document.version };
    root.insert("$Version".to_owned(), Value::from(version));
    if !document.references.is_empty() {
        // `{"<uri>": {"$Include": [{"$Namespace": "...", "$Alias": "..."}]}}`
        let references = document.references.iter().map(|reference| {
            let includes = reference.includes.iter().map(|include| {
                let mut object = Map::new();
                object.insert("$Namespace".to_owned(), Value::from(include.namespace.as_str()));
                if let Some(alias) = &include.alias {
                    object.insert("$Alias".to_owned(), Value::from(alias.as_str()));
                }
                Value::Object(object)
            });
            let mut object = Map::new();
            object.insert("$Include".to_owned(), Value::Array(includes.collect()));
            (reference.uri.clone(), Value::Object(object))
        });
        root.insert("$Reference".to_owned(), Value::Object(references.collect()));
    }
    let container = document
        .schemas
        .iter()
        .find_map(|schema| schema.entity_container.as_ref().map(|container| (schema, container)));
    if let Some((schema, container)) = container {
        root.insert("$EntityContainer".to_owned(), Value::from(format!("{}.{}", schema.namespace, container.name)));
    }
    for schema in &document.schemas {
        root.insert(schema.namespace.clone(), self::schema(schema));
    }
    Value::Object(root)
}

fn schema(schema: &Schema) -> Value {
    let mut object = Map::new();
    if let Some(alias) = &schema.alias {
        object.insert("$Alias".to_owned(), Value::from(alias.as_str()));
    }
    for ty in &schema.enum_types {
        object.insert(ty.name.clone(), enum_type(ty));
    }
    for ty in &schema.type_definitions {
        object.insert(ty.name.clone(), type_definition(ty));
    }
    for ty in &schema.complex_types {
        object.insert(ty.name.clone(), structured_type("ComplexType", ty));
    }
    for ty in &schema.entity_types {
        object.insert(ty.name.clone(), structured_type("EntityType", ty));
    }
    // Overloads share one member: an array with an object per overload.
    for (kind, operations) in [("Function", &schema.functions), ("Action", &schema.actions)] {
        for operation in operations {
            let overload = self::operation(kind, operation);
            match object.get_mut(&operation.name) {
                Some(Value::Array(overloads)) => overloads.push(overload),
                _ => {
                    object.insert(operation.name.clone(), Value::Array(vec![overload]));
                }
            }
        }
    }
    if let Some(container) = &schema.entity_container {
        object.insert(container.name.clone(), entity_container(container));
    }
    if !schema.annotation_groups.is_empty() {
        let mut targets = Map::new();
        for group in &schema.annotation_groups {
            // Two groups may name the same target (with different qualifiers in CSDL XML): merge them.
            if let Value::Object(target) =
                targets.entry(group.target.clone()).or_insert_with(|| Value::Object(Map::new()))
            {
                annotations(target, "", &group.annotations);
            }
        }
        object.insert("$Annotations".to_owned(), Value::Object(targets));
    }
    annotations(&mut object, "", &schema.annotations);
    Value::Object(object)
}

fn structured_type(kind: &str, ty: &StructuredType) -> Value {
    let mut object = Map::new();
    object.insert("$Kind".to_owned(), Value::from(kind));
    if let Some(base_type) = &ty.base_type {
        object.insert("$BaseType".to_owned(), Value::from(base_type.as_str()));
    }
    flag(&mut object, "$Abstract", ty.is_abstract);
    flag(&mut object, "$OpenType", ty.is_open);
    flag(&mut object, "$HasStream", ty.has_stream);
    if !ty.key.is_empty() {
        object.insert("$Key".to_owned(), Value::from(ty.key.clone()));
    }
    for property in &ty.properties {
        object.insert(property.name.clone(), self::property(property));
    }
    for property in &ty.navigation_properties {
        object.insert(property.name.clone(), navigation_property(property));
    }
    annotations(&mut object, "", &ty.annotations);
    Value::Object(object)
}

fn property(property: &Property) -> Value {
    let mut object = Map::new();
    typed(&mut object, &property.ty, property.nullable, &property.facets);
    annotations(&mut object, "", &property.annotations);
    Value::Object(object)
}

fn navigation_property(property: &NavigationProperty) -> Value {
    let mut object = Map::new();
    object.insert("$Kind".to_owned(), Value::from("NavigationProperty"));
    let collection = item_type(&property.ty).is_some();
    object.insert("$Type".to_owned(), Value::from(item_type(&property.ty).unwrap_or(&property.ty)));
    flag(&mut object, "$Collection", collection);
    // Nullability is about single-valued navigation properties; a collection is never null.
    flag(&mut object, "$Nullable", property.nullable && !collection);
    if let Some(partner) = &property.partner {
        object.insert("$Partner".to_owned(), Value::from(partner.as_str()));
    }
    flag(&mut object, "$ContainsTarget", property.contains_target);
    if !property.referential_constraints.is_empty() {
        // CSDL JSON: an object whose members map each dependent property to its principal.
        let constraints: Map<String, Value> = property
            .referential_constraints
            .iter()
            .map(|c| (c.property.clone(), Value::from(c.referenced_property.as_str())))
            .collect();
        object.insert("$ReferentialConstraint".to_owned(), Value::Object(constraints));
    }
    annotations(&mut object, "", &property.annotations);
    Value::Object(object)
}

fn enum_type(ty: &EnumType) -> Value {
    let mut object = Map::new();
    object.insert("$Kind".to_owned(), Value::from("EnumType"));
    if let Some(underlying_type) = &ty.underlying_type {
        object.insert("$UnderlyingType".to_owned(), Value::from(underlying_type.as_str()));
    }
    flag(&mut object, "$IsFlags", ty.is_flags);
    for member in &ty.members {
        object.insert(member.name.clone(), Value::from(member.value));
        annotations(&mut object, &member.name, &member.annotations);
    }
    annotations(&mut object, "", &ty.annotations);
    Value::Object(object)
}

fn type_definition(ty: &TypeDefinition) -> Value {
    let mut object = Map::new();
    object.insert("$Kind".to_owned(), Value::from("TypeDefinition"));
    object.insert("$UnderlyingType".to_owned(), Value::from(ty.underlying_type.as_str()));
    facets(&mut object, &ty.underlying_type, &ty.facets);
    annotations(&mut object, "", &ty.annotations);
    Value::Object(object)
}

fn operation(kind: &str, operation: &Operation) -> Value {
    let mut object = Map::new();
    object.insert("$Kind".to_owned(), Value::from(kind));
    flag(&mut object, "$IsBound", operation.is_bound);
    flag(&mut object, "$IsComposable", operation.is_composable);
    if let Some(path) = &operation.entity_set_path {
        object.insert("$EntitySetPath".to_owned(), Value::from(path.as_str()));
    }
    if !operation.parameters.is_empty() {
        object.insert("$Parameter".to_owned(), operation.parameters.iter().map(parameter).collect());
    }
    if let Some(return_type) = &operation.return_type {
        object.insert("$ReturnType".to_owned(), self::return_type(return_type));
    }
    annotations(&mut object, "", &operation.annotations);
    Value::Object(object)
}

fn parameter(parameter: &Parameter) -> Value {
    let mut object = Map::new();
    object.insert("$Name".to_owned(), Value::from(parameter.name.as_str()));
    typed(&mut object, &parameter.ty, parameter.nullable, &parameter.facets);
    annotations(&mut object, "", &parameter.annotations);
    Value::Object(object)
}

fn return_type(return_type: &ReturnType) -> Value {
    let mut object = Map::new();
    typed(&mut object, &return_type.ty, return_type.nullable, &return_type.facets);
    Value::Object(object)
}

fn entity_container(container: &EntityContainer) -> Value {
    let mut object = Map::new();
    object.insert("$Kind".to_owned(), Value::from("EntityContainer"));
    for (is_collection, sets) in [(true, &container.entity_sets), (false, &container.singletons)] {
        for set in sets {
            let mut member = Map::new();
            flag(&mut member, "$Collection", is_collection);
            member.insert("$Type".to_owned(), Value::from(set.entity_type.as_str()));
            if !set.navigation_bindings.is_empty() {
                let bindings = set
                    .navigation_bindings
                    .iter()
                    .map(|(path, target)| (path.clone(), Value::from(target.as_str())))
                    .collect();
                member.insert("$NavigationPropertyBinding".to_owned(), Value::Object(bindings));
            }
            // The JSON representation writes the flag where it differs from its default (`true`).
            if set.include_in_service_document == Some(false) {
                member.insert("$IncludeInServiceDocument".to_owned(), Value::Bool(false));
            }
            object.insert(set.name.clone(), Value::Object(member));
        }
    }
    for import in &container.operation_imports {
        let mut member = Map::new();
        let key = if import.is_action { "$Action" } else { "$Function" };
        member.insert(key.to_owned(), Value::from(import.operation.as_str()));
        if let Some(entity_set) = &import.entity_set {
            member.insert("$EntitySet".to_owned(), Value::from(entity_set.as_str()));
        }
        // Function imports only; the default is `false`.
        if !import.is_action && import.include_in_service_document == Some(true) {
            member.insert("$IncludeInServiceDocument".to_owned(), Value::Bool(true));
        }
        object.insert(import.name.clone(), Value::Object(member));
    }
    Value::Object(object)
}

/// `true`-valued members are written only when true: `false` is their default.
fn flag(object: &mut Map<String, Value>, key: &str, value: bool) {
    if value {
        object.insert(key.to_owned(), Value::Bool(true));
    }
}

/// `Collection(X)` -> `X`.
fn item_type(ty: &str) -> Option<&str> {
    ty.strip_prefix("Collection(").and_then(|rest| rest.strip_suffix(')'))
}

/// `$Type` (absent for `Edm.String`), `$Collection`, `$Nullable` (whose JSON default is `false`,
/// where CSDL XML's is `true`) and the facets of a property, parameter or return type.
fn typed(object: &mut Map<String, Value>, ty: &str, nullable: bool, facets: &Facets) {
    let item = item_type(ty);
    let item_ty = item.unwrap_or(ty);
    if item_ty != "Edm.String" {
        object.insert("$Type".to_owned(), Value::from(item_ty));
    }
    flag(object, "$Collection", item.is_some());
    flag(object, "$Nullable", nullable);
    self::facets(object, item_ty, facets);
}

fn facets(object: &mut Map<String, Value>, ty: &str, facets: &Facets) {
    // `max` is CSDL XML 4.0 only; JSON says the same by leaving `$MaxLength` out.
    if let Some(max_length) = facets.max_length.as_deref().filter(|value| *value != "max") {
        object.insert("$MaxLength".to_owned(), number_or_string(max_length));
    }
    if let Some(precision) = facets.precision {
        object.insert("$Precision".to_owned(), Value::from(precision));
    }
    if let Some(scale) = &facets.scale {
        object.insert("$Scale".to_owned(), number_or_string(scale));
    }
    if let Some(srid) = &facets.srid {
        object.insert("$SRID".to_owned(), Value::from(srid.as_str()));
    }
    if let Some(default_value) = &facets.default_value {
        object.insert("$DefaultValue".to_owned(), typed_literal(ty, default_value));
    }
    if let Some(unicode) = facets.unicode {
        object.insert("$Unicode".to_owned(), Value::Bool(unicode));
    }
}

/// An integer as a JSON number, anything else as it is written.
fn number_or_string(text: &str) -> Value {
    text.parse::<u64>().map_or_else(|_| Value::from(text), Value::from)
}

/// A default value in the JSON representation of its type: booleans and numbers as such,
/// everything else (and what does not parse) as a string.
fn typed_literal(ty: &str, text: &str) -> Value {
    match ty {
        "Edm.Boolean" => match text {
            "true" => Value::Bool(true),
            "false" => Value::Bool(false),
            _ => Value::from(text),
        },
        "Edm.Byte" | "Edm.SByte" | "Edm.Int16" | "Edm.Int32" | "Edm.Int64" => {
            text.parse::<i64>().map_or_else(|_| Value::from(text), Value::from)
        }
        "Edm.Decimal" | "Edm.Double" | "Edm.Single" => lossless_number(text),
        _ => Value::from(text),
    }
}

/// `text` as a JSON number when an `f64` holds it exactly as written, else as a string (as the
/// spec allows for decimals, and requires for `INF`, `-INF` and `NaN`).
fn lossless_number(text: &str) -> Value {
    match text.parse::<f64>().ok().and_then(Number::from_f64) {
        Some(number) if number.to_string() == text => Value::Number(number),
        _ => Value::from(text),
    }
}

/// Annotations as members `"@Term#Qualifier"`, or `"member@Term"` when `prefix` names the
/// annotated member (an enumeration member).
fn annotations(object: &mut Map<String, Value>, prefix: &str, annotations: &[Annotation]) {
    for annotation in annotations {
        let mut key = format!("{prefix}@{}", annotation.term);
        if let Some(qualifier) = &annotation.qualifier {
            key.push('#');
            key.push_str(qualifier);
        }
        object.insert(key, value(&annotation.value, 1));
    }
}

/// An annotation value at nesting level `depth` (the annotation's own value is level 1); a record
/// or collection whose content would nest deeper than [`MAX_EXPRESSION_DEPTH`] is written as
/// `null`, as in CSDL XML, which also bounds the recursion.
fn value(value: &AnnotationValue, depth: usize) -> Value {
    match value {
        // An annotation without a value applies the term's default; the terms used that way
        // (`Core.Computed`, `Core.Immutable`, ...) are Boolean ones, whose default is `true`.
        AnnotationValue::Default => Value::Bool(true),
        AnnotationValue::String(text) => Value::from(text.as_str()),
        AnnotationValue::Bool(value) => Value::Bool(*value),
        AnnotationValue::Int(value) => Value::from(*value),
        AnnotationValue::EnumMember(members) => Value::from(enum_member(members)),
        AnnotationValue::Other(name, text) => other(name, text),
        AnnotationValue::Record(properties) if properties.is_empty() || depth < MAX_EXPRESSION_DEPTH => {
            Value::Object(properties.iter().map(|(name, item)| (name.clone(), self::value(item, depth + 1))).collect())
        }
        AnnotationValue::Collection(items) if items.is_empty() || depth < MAX_EXPRESSION_DEPTH => {
            items.iter().map(|item| self::value(item, depth + 1)).collect()
        }
        AnnotationValue::Record(_) | AnnotationValue::Collection(_) => Value::Null,
    }
}

/// CSDL XML names members by path (`Org.OData.Core.V1.RevisionKind/Deprecated`, several separated
/// by spaces); CSDL JSON by symbolic value (`Deprecated`, several separated by commas).
fn enum_member(members: &str) -> String {
    let names: Vec<&str> =
        members.split_whitespace().map(|member| member.rsplit_once('/').map_or(member, |(_, name)| name)).collect();
    names.join(",")
}

/// The other constant expressions are strings (or numbers); dynamic expressions, paths among
/// them, are objects keyed by `$` and the expression's name: `{"$Path": "a/b"}`.
fn other(name: &str, text: &str) -> Value {
    match name {
        "Binary" | "Date" | "DateTimeOffset" | "Duration" | "Guid" | "TimeOfDay" => Value::from(text),
        "Decimal" | "Float" => lossless_number(text),
        "Null" => Value::Null,
        _ => {
            let mut object = Map::new();
            object.insert(format!("${name}"), Value::from(text));
            Value::Object(object)
        }
    }
}

#[cfg(all(test, feature = "csdl-xml"))]
mod tests {
    use serde_json::json;

    use super::*;

    const CALL_RECORDS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/graph/csdl/callRecords.xml");
    const GRAPH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/graph/csdl/graph-v1.0.xml");

    fn json_of(path: &str) -> Value {
        let text = std::fs::read_to_string(path).unwrap_or_else(|error| panic!("{path}: {error}"));
        write(&Document::parse_xml(&text).unwrap_or_else(|error| panic!("{error}")))
    }

    #[test]
    fn call_records_entity_types_are_objects_keyed_by_name() {
        let json = json_of(CALL_RECORDS);
        assert_eq!(json["$Version"], "4.0");
        assert!(json.get("$EntityContainer").is_none());
        let session = &json["microsoft.graph.callRecords"]["session"];
        assert_eq!(session["$Kind"], "EntityType");
        assert_eq!(session["$BaseType"], "graph.entity");
        assert!(session.get("$Key").is_none());
        assert_eq!(session["endDateTime"], json!({"$Type": "Edm.DateTimeOffset"}));
        assert_eq!(session["isTest"], json!({"$Type": "Edm.Boolean", "$Nullable": true}));
        assert_eq!(
            session["modalities"],
            json!({"$Type": "microsoft.graph.callRecords.modality", "$Collection": true})
        );
        assert_eq!(
            session["segments"],
            json!({
                "$Kind": "NavigationProperty",
                "$Type": "microsoft.graph.callRecords.segment",
                "$Collection": true,
                "$ContainsTarget": true
            })
        );
        let graph = &json["microsoft.graph"];
        assert_eq!(graph["$Alias"], "graph");
        assert_eq!(graph["entity"], json!({"$Kind": "EntityType", "$Abstract": true, "$Key": ["id"], "id": {}}));
        assert_eq!(json["microsoft.graph.callRecords"]["callRecord"]["joinWebUrl"], json!({"$Nullable": true}));
    }

    #[test]
    fn call_records_enums_map_members_to_values() {
        let json = json_of(CALL_RECORDS);
        let product_family = &json["microsoft.graph.callRecords"]["productFamily"];
        assert_eq!(
            product_family,
            &json!({
                "$Kind": "EnumType",
                "unknown": 0,
                "teams": 1,
                "skypeForBusiness": 2,
                "lync": 3,
                "unknownFutureValue": 4,
                "azureCommunicationServices": 5
            })
        );
    }

    #[test]
    fn call_records_functions_are_arrays_of_overloads() {
        let json = json_of(CALL_RECORDS);
        assert_eq!(
            json["microsoft.graph.callRecords"]["getPstnCalls"],
            json!([{
                "$Kind": "Function",
                "$IsBound": true,
                "$Parameter": [
                    {"$Name": "bindingParameter", "$Type": "microsoft.graph.callRecords.callRecord", "$Collection": true, "$Nullable": true},
                    {"$Name": "fromDateTime", "$Type": "Edm.DateTimeOffset", "$Nullable": true},
                    {"$Name": "toDateTime", "$Type": "Edm.DateTimeOffset", "$Nullable": true}
                ],
                "$ReturnType": {"$Type": "microsoft.graph.callRecords.pstnCallLogRow", "$Collection": true, "$Nullable": true}
            }])
        );
    }

    #[test]
    fn call_records_annotation_groups_become_annotations_by_target() {
        let json = json_of(CALL_RECORDS);
        let targets = &json["microsoft.graph"]["$Annotations"];
        assert_eq!(
            targets["microsoft.graph.callRecords.callRecord/organizer"],
            json!({"@Org.OData.Core.V1.Revisions": [{
                "Date": "2023-11-06",
                "Description": "This property is deprecated and will be removed in a future version. Use organizer_v2 instead.",
                "Kind": "Deprecated",
                "RemovalDate": "2026-11-06",
                "Version": "2023-06/New_Properties_Added"
            }]})
        );
        assert_eq!(
            targets["microsoft.graph.callRecords.callRecord/organizer_v2"],
            json!({"@Org.OData.Core.V1.AutoExpand": true})
        );
        assert!(json["microsoft.graph.callRecords"].get("$Annotations").is_none());
    }

    #[test]
    fn graph_metadata_names_its_entity_container() {
        let json = json_of(GRAPH);
        let Some(Value::String(container)) = json.get("$EntityContainer") else { panic!("no $EntityContainer") };
        let (namespace, name) = container.rsplit_once('.').unwrap_or_else(|| panic!("{container}"));
        let container = &json[namespace][name];
        assert_eq!(container["$Kind"], "EntityContainer");
        assert_eq!(container["users"]["$Collection"], true);
        assert_eq!(container["me"]["$Type"], "microsoft.graph.user");
        assert!(container["me"].get("$Collection").is_none());
        let schemas = json.as_object().map_or(0, |root| root.keys().filter(|key| !key.starts_with('$')).count());
        assert_eq!(schemas, 11);
    }

    #[test]
    fn annotations_facets_and_imports_follow_the_json_representation() {
        let annotation = |term: &str, qualifier: Option<&str>, value| Annotation {
            term: term.to_owned(),
            qualifier: qualifier.map(str::to_owned),
            value,
        };
        let document = Document {
            version: String::new(),
            references: Vec::new(),
            schemas: vec![Schema {
                namespace: "n".to_owned(),
                enum_types: vec![EnumType {
                    name: "e".to_owned(),
                    underlying_type: Some("Edm.Byte".to_owned()),
                    is_flags: true,
                    members: vec![super::super::EnumMember {
                        name: "a".to_owned(),
                        value: 1,
                        annotations: vec![annotation(
                            "Core.Description",
                            None,
                            AnnotationValue::String("A".to_owned()),
                        )],
                    }],
                    annotations: Vec::new(),
                    line: None,
                }],
                type_definitions: vec![TypeDefinition {
                    name: "money".to_owned(),
                    underlying_type: "Edm.Decimal".to_owned(),
                    facets: Facets {
                        precision: Some(10),
                        scale: Some("2".to_owned()),
                        default_value: Some("1.5".to_owned()),
                        ..Facets::default()
                    },
                    annotations: Vec::new(),
                }],
                complex_types: vec![StructuredType {
                    name: "c".to_owned(),
                    properties: vec![Property {
                        name: "p".to_owned(),
                        ty: "Collection(Edm.Int32)".to_owned(),
                        nullable: false,
                        facets: Facets {
                            max_length: Some("max".to_owned()),
                            default_value: Some("7".to_owned()),
                            srid: Some("0".to_owned()),
                            unicode: Some(false),
                            ..Facets::default()
                        },
                        annotations: vec![
                            annotation("Core.Computed", None, AnnotationValue::Default),
                            annotation("Core.Example", Some("q"), AnnotationValue::Int(3)),
                            annotation("V.Path", None, AnnotationValue::Other("Path".to_owned(), "a/b".to_owned())),
                            annotation("V.Float", None, AnnotationValue::Other("Float".to_owned(), "INF".to_owned())),
                            annotation("V.Dec", None, AnnotationValue::Other("Decimal".to_owned(), "2.5".to_owned())),
                            annotation("V.Null", None, AnnotationValue::Other("Null".to_owned(), String::new())),
                            annotation("V.Flags", None, AnnotationValue::EnumMember("n.e/a n.e/b".to_owned())),
                        ],
                        line: None,
                    }],
                    ..StructuredType::default()
                }],
                actions: vec![
                    Operation { name: "act".to_owned(), ..Operation::default() },
                    Operation {
                        name: "act".to_owned(),
                        is_bound: true,
                        parameters: vec![Parameter {
                            name: "it".to_owned(),
                            ty: "n.c".to_owned(),
                            nullable: false,
                            ..Parameter::default()
                        }],
                        ..Operation::default()
                    },
                ],
                entity_container: Some(EntityContainer {
                    name: "Container".to_owned(),
                    operation_imports: vec![super::super::OperationImport {
                        name: "doIt".to_owned(),
                        operation: "n.act".to_owned(),
                        is_action: true,
                        entity_set: Some("things".to_owned()),
                        include_in_service_document: None,
                    }],
                    ..EntityContainer::default()
                }),
                annotations: vec![annotation("Core.SchemaVersion", None, AnnotationValue::String("1".to_owned()))],
                ..Schema::default()
            }],
        };
        assert_eq!(
            write(&document),
            json!({
                "$Version": "4.0",
                "$EntityContainer": "n.Container",
                "n": {
                    "@Core.SchemaVersion": "1",
                    "e": {"$Kind": "EnumType", "$UnderlyingType": "Edm.Byte", "$IsFlags": true, "a": 1, "a@Core.Description": "A"},
                    "money": {
                        "$Kind": "TypeDefinition",
                        "$UnderlyingType": "Edm.Decimal",
                        "$Precision": 10,
                        "$Scale": 2,
                        "$DefaultValue": 1.5
                    },
                    "c": {
                        "$Kind": "ComplexType",
                        "p": {
                            "$Type": "Edm.Int32",
                            "$Collection": true,
                            "$DefaultValue": 7,
                            "$SRID": "0",
                            "$Unicode": false,
                            "@Core.Computed": true,
                            "@Core.Example#q": 3,
                            "@V.Path": {"$Path": "a/b"},
                            "@V.Float": "INF",
                            "@V.Dec": 2.5,
                            "@V.Null": null,
                            "@V.Flags": "a,b"
                        }
                    },
                    "act": [
                        {"$Kind": "Action"},
                        {"$Kind": "Action", "$IsBound": true, "$Parameter": [{"$Name": "it", "$Type": "n.c"}]}
                    ],
                    "Container": {"$Kind": "EntityContainer", "doIt": {"$Action": "n.act", "$EntitySet": "things"}}
                }
            })
        );
    }

    #[test]
    fn deeply_nested_values_are_cut_to_null() {
        let mut nested = AnnotationValue::Int(1);
        for _ in 0..MAX_EXPRESSION_DEPTH + 5 {
            nested = AnnotationValue::Collection(vec![nested]);
        }
        let mut json = value(&nested, 1);
        let mut depth = 1;
        while let Value::Array(mut items) = json {
            json = items.remove(0);
            depth += 1;
        }
        assert_eq!((depth, json), (MAX_EXPRESSION_DEPTH, Value::Null));
    }
}

#[cfg(all(test, feature = "csdl-xml"))]
mod reference_tests {
    use serde_json::json;

    use crate::csdl::Document;

    #[test]
    fn references_are_written_as_dollar_reference() {
        let document = Document::parse_xml(concat!(
            "<edmx:Edmx Version=\"4.0\" xmlns:edmx=\"http://docs.oasis-open.org/odata/ns/edmx\">",
            "<edmx:Reference Uri=\"https://example.org/Core.xml\">",
            "<edmx:Include Namespace=\"Org.OData.Core.V1\" Alias=\"Core\"/><edmx:Include Namespace=\"x\"/>",
            "</edmx:Reference><edmx:DataServices/></edmx:Edmx>",
        ))
        .expect("CSDL");
        assert_eq!(
            document.to_json()["$Reference"],
            json!({"https://example.org/Core.xml": {"$Include": [
                {"$Namespace": "Org.OData.Core.V1", "$Alias": "Core"},
                {"$Namespace": "x"}
            ]}})
        );
    }
}
