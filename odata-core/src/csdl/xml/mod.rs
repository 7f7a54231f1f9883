//! CSDL XML: reading and writing.
//!
//! The reader walks quick-xml's events with an explicit stack of the open elements the model knows
//! and a counter for the depth inside elements it skips, so the nesting of the input never becomes
//! Rust call depth: 100,000 nested unknown elements cost quick-xml's buffer of open names, not stack.
//! Annotation values are the one construct that nests by design; they are capped at
//! [`MAX_EXPRESSION_DEPTH`], on reading and on writing alike.

mod read;
mod write;

pub(in crate::csdl) use read::parse;
pub(in crate::csdl) use write::write;

pub(super) const EDMX_NAMESPACE: &str = "http://docs.oasis-open.org/odata/ns/edmx";
pub(super) const EDM_NAMESPACE: &str = "http://docs.oasis-open.org/odata/ns/edm";

pub(in crate::csdl) use super::MAX_EXPRESSION_DEPTH;

/// Expressions that also have an attribute form (`<Annotation Term=".." Date="2023-11-06"/>`) and
/// are kept as [`AnnotationValue::Other`]. `String`, `Bool`, `Int` and `EnumMember` have variants.
pub(super) const ATTRIBUTE_EXPRESSIONS: [&str; 13] = [
    "Binary",
    "Date",
    "DateTimeOffset",
    "Decimal",
    "Duration",
    "Float",
    "Guid",
    "TimeOfDay",
    "AnnotationPath",
    "ModelElementPath",
    "NavigationPropertyPath",
    "PropertyPath",
    "Path",
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::csdl::*;

    const CALL_RECORDS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/graph/csdl/callRecords.xml");
    const GRAPH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/graph/csdl/graph-v1.0.xml");

    fn read(path: &str) -> String {
        std::fs::read_to_string(path).unwrap_or_else(|error| panic!("{path}: {error}"))
    }

    fn parse_ok(text: &str) -> Document {
        parse(text).unwrap_or_else(|error| panic!("{error}"))
    }

    fn parse_err(text: &str) -> CsdlError {
        match parse(text) {
            Ok(document) => panic!("expected an error, read {document:?}"),
            Err(error) => error,
        }
    }

    /// The document without the lines it was read from (which `write` does not keep).
    fn schema<'d>(document: &'d Document, namespace: &str) -> &'d Schema {
        document.schema(namespace).unwrap_or_else(|| panic!("no schema {namespace}"))
    }

    fn named<'t, T>(items: &'t [T], name: &str, name_of: impl Fn(&T) -> &str) -> &'t T {
        items.iter().find(|item| name_of(item) == name).unwrap_or_else(|| panic!("nothing named {name}"))
    }

    fn deprecation(description: &str) -> AnnotationValue {
        let string = |text: &str| AnnotationValue::String(text.to_owned());
        let date = |text: &str| AnnotationValue::Other("Date".to_owned(), text.to_owned());
        AnnotationValue::Collection(vec![AnnotationValue::Record(vec![
            ("Date".to_owned(), date("2023-11-06")),
            ("Description".to_owned(), string(description)),
            ("Kind".to_owned(), AnnotationValue::EnumMember("Org.OData.Core.V1.RevisionKind/Deprecated".to_owned())),
            ("RemovalDate".to_owned(), date("2026-11-06")),
            ("Version".to_owned(), string("2023-06/New_Properties_Added")),
        ])])
    }

    #[test]
    fn call_records_schema_has_its_types_and_functions() {
        let document = parse_ok(&read(CALL_RECORDS));
        assert_eq!(document.version, "4.0");
        let call_records = schema(&document, "microsoft.graph.callRecords");
        assert_eq!(call_records.alias, None);
        assert_eq!(call_records.entity_types.len(), 6);
        assert_eq!(call_records.complex_types.len(), 18);
        assert_eq!(call_records.enum_types.len(), 15);
        assert_eq!(call_records.functions.len(), 2);
        assert!(call_records.actions.is_empty() && call_records.entity_container.is_none());
        assert_eq!(schema(&document, "graph").namespace, "microsoft.graph");
    }

    #[test]
    fn call_records_entity_types_keep_base_types_properties_and_nullability() {
        let document = parse_ok(&read(CALL_RECORDS));
        let call_records = schema(&document, "microsoft.graph.callRecords");
        let session = named(&call_records.entity_types, "session", |ty| &ty.name);
        assert_eq!(session.base_type.as_deref(), Some("graph.entity"));
        assert!(session.key.is_empty() && !session.is_abstract && !session.is_open);
        assert_eq!(session.line, Some(485));
        let names: Vec<_> = session.properties.iter().map(|property| property.name.as_str()).collect();
        assert_eq!(names, ["callee", "caller", "endDateTime", "failureInfo", "isTest", "modalities", "startDateTime"]);
        let modalities = named(&session.properties, "modalities", |property| &property.name);
        assert_eq!(modalities.ty, "Collection(microsoft.graph.callRecords.modality)");
        assert!(!modalities.nullable);
        assert!(named(&session.properties, "isTest", |property| &property.name).nullable);
        let segments = named(&session.navigation_properties, "segments", |property| &property.name);
        assert_eq!(segments.ty, "Collection(microsoft.graph.callRecords.segment)");
        assert!(segments.contains_target && segments.nullable && segments.partner.is_none());

        let participant_base = named(&call_records.entity_types, "participantBase", |ty| &ty.name);
        assert!(participant_base.is_abstract);
        let entity = named(&schema(&document, "microsoft.graph").entity_types, "entity", |ty| &ty.name);
        assert_eq!(entity.key, ["id"]);
        assert!(!entity.properties[0].nullable);
    }

    #[test]
    fn call_records_enum_members_keep_their_values() {
        let document = parse_ok(&read(CALL_RECORDS));
        let call_records = schema(&document, "microsoft.graph.callRecords");
        let product_family = named(&call_records.enum_types, "productFamily", |ty| &ty.name);
        let members: Vec<_> =
            product_family.members.iter().map(|member| (member.name.as_str(), member.value)).collect();
        assert_eq!(
            members,
            [
                ("unknown", 0),
                ("teams", 1),
                ("skypeForBusiness", 2),
                ("lync", 3),
                ("unknownFutureValue", 4),
                ("azureCommunicationServices", 5)
            ]
        );
        assert!(!product_family.is_flags && product_family.underlying_type.is_none());
    }

    #[test]
    fn call_records_functions_keep_parameters_and_return_type() {
        let document = parse_ok(&read(CALL_RECORDS));
        let call_records = schema(&document, "microsoft.graph.callRecords");
        let get_pstn_calls = named(&call_records.functions, "getPstnCalls", |operation| &operation.name);
        assert!(get_pstn_calls.is_bound && !get_pstn_calls.is_composable);
        let parameters: Vec<_> = get_pstn_calls
            .parameters
            .iter()
            .map(|parameter| (parameter.name.as_str(), parameter.ty.as_str()))
            .collect();
        assert_eq!(
            parameters,
            [
                ("bindingParameter", "Collection(microsoft.graph.callRecords.callRecord)"),
                ("fromDateTime", "Edm.DateTimeOffset"),
                ("toDateTime", "Edm.DateTimeOffset")
            ]
        );
        assert!(get_pstn_calls.parameters.iter().all(|parameter| parameter.nullable));
        let return_type = get_pstn_calls.return_type.as_ref().unwrap_or_else(|| panic!("no return type"));
        assert_eq!(return_type.ty, "Collection(microsoft.graph.callRecords.pstnCallLogRow)");
        assert!(return_type.nullable);
    }

    #[test]
    fn call_records_annotation_groups_keep_revisions_records() {
        let document = parse_ok(&read(CALL_RECORDS));
        let graph = schema(&document, "microsoft.graph");
        let organizer =
            named(&graph.annotation_groups, "microsoft.graph.callRecords.callRecord/organizer", |group| &group.target);
        let expected = Annotation {
            term: "Org.OData.Core.V1.Revisions".to_owned(),
            qualifier: None,
            value: deprecation(
                "This property is deprecated and will be removed in a future version. Use organizer_v2 instead.",
            ),
        };
        assert_eq!(organizer.annotations, [expected]);
        let auto_expand =
            named(&graph.annotation_groups, "microsoft.graph.callRecords.callRecord/organizer_v2", |group| {
                &group.target
            });
        assert_eq!(auto_expand.annotations[0].value, AnnotationValue::Bool(true));
    }

    #[test]
    fn graph_metadata_parses_with_all_schemas_and_types() {
        let text = read(GRAPH);
        assert!(text.starts_with('\u{feff}'));
        let document = parse_ok(&text);
        assert_eq!(document.schemas.len(), 11);
        let count = |of: fn(&Schema) -> usize| document.schemas.iter().map(of).sum::<usize>();
        assert_eq!(count(|schema| schema.entity_types.len()), 1182);
        assert_eq!(count(|schema| schema.complex_types.len()), 1780);
        assert_eq!(count(|schema| schema.enum_types.len()), 861);
        assert_eq!(count(|schema| schema.functions.len()), 324);
        assert_eq!(count(|schema| schema.actions.len()), 857);
        assert_eq!(count(|schema| schema.annotation_groups.len()), 4918);
        let container = document.schemas.iter().find_map(|schema| schema.entity_container.as_ref());
        let container = container.unwrap_or_else(|| panic!("no entity container"));
        assert_eq!((container.entity_sets.len(), container.singletons.len()), (40, 30));
        assert_eq!(schema(&document, "microsoft.graph.callRecords").entity_types.len(), 6);
    }

    #[test]
    fn call_records_round_trips_through_xml() {
        let document = parse_ok(&read(CALL_RECORDS)).without_lines();
        let written = write(&document);
        assert!(written.starts_with("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<edmx:Edmx Version=\"4.0\""));
        assert!(written.contains(
            "\n    <Schema Namespace=\"microsoft.graph.callRecords\" xmlns=\"http://docs.oasis-open.org/odata/ns/edm\">"
        ));
        assert!(
            written.contains(
                "\n        <Property Name=\"endDateTime\" Type=\"Edm.DateTimeOffset\" Nullable=\"false\" />\n"
            )
        );
        assert!(written.contains("<Member Name=\"azureCommunicationServices\" Value=\"5\" />"));
        assert_eq!(parse_ok(&written).without_lines(), document);
    }

    #[test]
    fn graph_metadata_round_trips_through_xml() {
        let document = parse_ok(&read(GRAPH)).without_lines();
        assert_eq!(parse_ok(&write(&document)).without_lines(), document);
    }

    #[test]
    fn built_document_with_every_construct_round_trips() {
        let annotation = |term: &str, value| Annotation { term: term.to_owned(), qualifier: None, value };
        let facets = Facets {
            max_length: Some("max".to_owned()),
            precision: Some(7),
            scale: Some("variable".to_owned()),
            srid: Some("4326".to_owned()),
            default_value: Some("a \"quoted\"\n<value> & more\t".to_owned()),
            unicode: Some(false),
        };
        let document = Document {
            version: "4.01".to_owned(),
            references: vec![
                Reference {
                    uri: "https://example.org/vocabularies/Core.xml".to_owned(),
                    includes: vec![Include {
                        namespace: "Org.OData.Core.V1".to_owned(),
                        alias: Some("Core".to_owned()),
                    }],
                    line: None,
                },
                Reference { uri: "https://example.org/empty.xml".to_owned(), includes: Vec::new(), line: None },
            ],
            schemas: vec![Schema {
                namespace: "example.ns".to_owned(),
                alias: Some("self".to_owned()),
                entity_types: vec![StructuredType {
                    name: "thing".to_owned(),
                    is_open: true,
                    has_stream: true,
                    key: vec!["id".to_owned(), "other".to_owned()],
                    properties: vec![Property {
                        name: "id".to_owned(),
                        ty: "Edm.String".to_owned(),
                        nullable: false,
                        facets: facets.clone(),
                        annotations: vec![annotation("Core.Computed", AnnotationValue::Default)],
                        line: None,
                    }],
                    navigation_properties: vec![NavigationProperty {
                        name: "parent".to_owned(),
                        ty: "self.thing".to_owned(),
                        nullable: false,
                        contains_target: false,
                        partner: Some("children".to_owned()),
                        referential_constraints: vec![ReferentialConstraint {
                            property: "parentId".to_owned(),
                            referenced_property: "id".to_owned(),
                        }],
                        annotations: Vec::new(),
                        line: None,
                    }],
                    ..StructuredType::default()
                }],
                complex_types: vec![StructuredType { name: "empty".to_owned(), ..StructuredType::default() }],
                enum_types: vec![EnumType {
                    name: "flags".to_owned(),
                    underlying_type: Some("Edm.Int64".to_owned()),
                    is_flags: true,
                    members: vec![
                        EnumMember { name: "a".to_owned(), value: -1, annotations: Vec::new() },
                        EnumMember {
                            name: "b".to_owned(),
                            value: i64::MAX,
                            annotations: vec![annotation("Core.Description", AnnotationValue::String(String::new()))],
                        },
                    ],
                    annotations: Vec::new(),
                    line: None,
                }],
                type_definitions: vec![TypeDefinition {
                    name: "text".to_owned(),
                    underlying_type: "Edm.String".to_owned(),
                    facets,
                    annotations: Vec::new(),
                }],
                functions: vec![Operation {
                    name: "f".to_owned(),
                    is_bound: true,
                    is_composable: true,
                    entity_set_path: Some("bindingParameter/x".to_owned()),
                    parameters: vec![Parameter {
                        name: "bindingParameter".to_owned(),
                        ty: "self.thing".to_owned(),
                        nullable: false,
                        ..Parameter::default()
                    }],
                    return_type: Some(ReturnType {
                        ty: "Collection(Edm.String)".to_owned(),
                        nullable: false,
                        facets: Facets { unicode: Some(true), ..Facets::default() },
                    }),
                    annotations: Vec::new(),
                    line: None,
                }],
                actions: vec![Operation { name: "a".to_owned(), ..Operation::default() }],
                entity_container: Some(EntityContainer {
                    name: "container".to_owned(),
                    entity_sets: vec![EntitySet {
                        name: "things".to_owned(),
                        entity_type: "self.thing".to_owned(),
                        navigation_bindings: vec![("parent".to_owned(), "things".to_owned())],
                        include_in_service_document: Some(false),
                    }],
                    singletons: vec![EntitySet {
                        name: "me".to_owned(),
                        entity_type: "self.thing".to_owned(),
                        navigation_bindings: Vec::new(),
                        include_in_service_document: None,
                    }],
                    operation_imports: vec![
                        OperationImport {
                            name: "fi".to_owned(),
                            operation: "self.f".to_owned(),
                            is_action: false,
                            entity_set: Some("things".to_owned()),
                            include_in_service_document: Some(true),
                        },
                        OperationImport {
                            name: "ai".to_owned(),
                            operation: "self.a".to_owned(),
                            is_action: true,
                            entity_set: None,
                            include_in_service_document: None,
                        },
                    ],
                }),
                annotation_groups: vec![AnnotationGroup {
                    target: "self.thing/id".to_owned(),
                    annotations: vec![Annotation {
                        term: "Validation.Pattern".to_owned(),
                        qualifier: Some("q".to_owned()),
                        value: AnnotationValue::Collection(vec![
                            AnnotationValue::String("  spaced\r\nlines ".to_owned()),
                            AnnotationValue::String(String::new()),
                            AnnotationValue::Bool(false),
                            AnnotationValue::Int(-42),
                            AnnotationValue::EnumMember("A.B/c A.B/d".to_owned()),
                            AnnotationValue::Other("PropertyPath".to_owned(), "a/b".to_owned()),
                            AnnotationValue::Other("UrlRef".to_owned(), "http://x/?a=1&b=2".to_owned()),
                            AnnotationValue::Other("Null".to_owned(), String::new()),
                            AnnotationValue::Record(Vec::new()),
                            AnnotationValue::Collection(Vec::new()),
                            AnnotationValue::Record(vec![
                                ("none".to_owned(), AnnotationValue::Default),
                                ("decimal".to_owned(), AnnotationValue::Other("Decimal".to_owned(), "1.5".to_owned())),
                                ("nested".to_owned(), AnnotationValue::Collection(vec![AnnotationValue::Int(1)])),
                            ]),
                        ]),
                    }],
                }],
                annotations: vec![annotation("Core.SchemaVersion", AnnotationValue::String("1".to_owned()))],
            }],
        };
        let written = write(&document);
        assert_eq!(parse_ok(&written).without_lines(), document, "{written}");
    }

    #[test]
    fn lines_and_defaults_are_read() {
        let document = parse_ok(concat!(
            "<edmx:Edmx Version=\"4.0\" xmlns:edmx=\"http://docs.oasis-open.org/odata/ns/edmx\">\n",
            "<edmx:DataServices><Schema Namespace=\"n\">\n",
            "<EnumType Name=\"e\"><Member Name=\"a\"/><Member Name=\"b\"/>\n<Member Name=\"c\" Value=\"9\"/></EnumType>\n",
            "<ComplexType Name=\"c\">\n",
            "  <Property Name=\"p\" Type=\"Edm.String\"><Annotation Term=\"Core.Description\">",
            "<String>a &amp; b&#x21;</String></Annotation></Property>\n",
            "</ComplexType></Schema></edmx:DataServices></edmx:Edmx>",
        ));
        let schema = &document.schemas[0];
        let values: Vec<_> = schema.enum_types[0].members.iter().map(|member| member.value).collect();
        assert_eq!(values, [0, 1, 9]);
        assert_eq!(schema.enum_types[0].line, Some(3));
        let ty = &schema.complex_types[0];
        assert_eq!((ty.line, ty.properties[0].line), (Some(5), Some(6)));
        assert_eq!(ty.properties[0].annotations[0].value, AnnotationValue::String("a & b!".to_owned()));
    }

    #[test]
    fn unknown_elements_and_attributes_are_skipped() {
        let document = parse_ok(concat!(
            "\u{feff}<?xml version=\"1.0\"?><!-- comment --><x:Edmx Version=\"4.01\" xmlns:x=\"http://docs.oasis-open.org/odata/ns/edmx\" Other=\"1\">",
            "<x:Reference Uri=\"u\"><x:Include Namespace=\"Core\"/></x:Reference>",
            "<x:DataServices><Schema Namespace=\"n\"><Term Name=\"t\" Type=\"Edm.String\"/>",
            "<EntityType Name=\"e\" Unknown=\"x\"><Unknown><Property/></Unknown>",
            "<NavigationProperty Name=\"n\" Type=\"n.e\"><OnDelete Action=\"Cascade\"/></NavigationProperty>",
            "<Annotation Term=\"A\"><Annotation Term=\"B\" Bool=\"true\"/><Record Type=\"T\">",
            "<Annotation Term=\"C\"/><PropertyValue Property=\"p\"><Apply Function=\"odata.concat\">\n",
            "  <String>x</String>\n  <Path>y</Path>\n</Apply></PropertyValue></Record></Annotation>",
            "</EntityType></Schema></x:DataServices></x:Edmx>",
        ));
        assert_eq!(document.version, "4.01");
        let ty = &document.schemas[0].entity_types[0];
        assert!(ty.properties.is_empty());
        assert_eq!(ty.navigation_properties.len(), 1);
        let expected = AnnotationValue::Record(vec![(
            "p".to_owned(),
            AnnotationValue::Other("Apply".to_owned(), "x\n  y".to_owned()),
        )]);
        assert_eq!(ty.annotations, [Annotation { term: "A".to_owned(), qualifier: None, value: expected }]);
    }

    /// OData V2/V3 CSDL (Microsoft's namespaces, `Version="1.0"`) is not read as V4: the error names
    /// the line and what was found.
    #[test]
    fn documents_that_are_not_csdl_v4_are_errors() {
        let v3 = concat!(
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n",
            "<edmx:Edmx Version=\"1.0\" xmlns:edmx=\"http://schemas.microsoft.com/ado/2007/06/edmx\">\n",
            "<edmx:DataServices><Schema Namespace=\"n\" xmlns=\"http://schemas.microsoft.com/ado/2009/11/edm\"/>",
            "</edmx:DataServices></edmx:Edmx>",
        );
        assert_eq!(
            parse_err(v3).to_string(),
            "line 2, <edmx:Edmx>: the edmx namespace is `http://schemas.microsoft.com/ado/2007/06/edmx` (CSDL of \
             OData V1-V3); OData V4 CSDL uses `http://docs.oasis-open.org/odata/ns/edmx`"
        );
        let v3_schema = concat!(
            "<edmx:Edmx Version=\"4.0\" xmlns:edmx=\"http://docs.oasis-open.org/odata/ns/edmx\">\n",
            "<edmx:DataServices>\n<Schema Namespace=\"n\" xmlns=\"http://schemas.microsoft.com/ado/2008/09/edm\"/>",
            "</edmx:DataServices></edmx:Edmx>",
        );
        assert_eq!(
            parse_err(v3_schema).to_string(),
            "line 3, <Schema Namespace=\"n\">: the edm namespace is `http://schemas.microsoft.com/ado/2008/09/edm` \
             (CSDL of OData V1-V3); OData V4 CSDL uses `http://docs.oasis-open.org/odata/ns/edm`"
        );
        // Declared on <edmx:DataServices> and inherited by the schema.
        let inherited = concat!(
            "<edmx:Edmx Version=\"4.0\" xmlns:edmx=\"http://docs.oasis-open.org/odata/ns/edmx\">\n",
            "<edmx:DataServices xmlns=\"urn:other\">\n<Schema Namespace=\"n\"/>",
            "</edmx:DataServices></edmx:Edmx>",
        );
        let error = parse_err(inherited);
        assert_eq!(
            (error.line, error.message.as_str()),
            (Some(3), "the edm namespace is `urn:other`; OData V4 CSDL uses `http://docs.oasis-open.org/odata/ns/edm`")
        );
        let version = concat!(
            "<edmx:Edmx Version=\"3.0\" xmlns:edmx=\"http://docs.oasis-open.org/odata/ns/edmx\">\n",
            "</edmx:Edmx>",
        );
        assert_eq!(
            parse_err(version).to_string(),
            "line 1, <edmx:Edmx>: Version=\"3.0\" is not OData V4; this reader takes CSDL of Version=\"4.0\" or \"4.01\""
        );
        let prefixed = concat!(
            "<e:Edmx Version=\"4.01\" xmlns:e=\"http://docs.oasis-open.org/odata/ns/edmx\">",
            "<e:DataServices><s:Schema Namespace=\"n\" xmlns:s=\"http://docs.oasis-open.org/odata/ns/edm\"/>",
            "</e:DataServices></e:Edmx>",
        );
        assert_eq!(parse_ok(prefixed).schemas.len(), 1);
        let wrong_prefix =
            prefixed.replace("xmlns:e=\"http://docs.oasis-open.org/odata/ns/edmx\"", "xmlns:e=\"urn:e\"");
        assert_eq!(parse_err(&wrong_prefix).line, Some(1));
    }

    #[test]
    fn references_and_their_includes_are_read() {
        let document = parse_ok(concat!(
            "<edmx:Edmx Version=\"4.0\" xmlns:edmx=\"http://docs.oasis-open.org/odata/ns/edmx\">\n",
            "<edmx:Reference Uri=\"http://redfish.dmtf.org/schemas/v1/Resource_v1.xml\">\n",
            "<edmx:Include Namespace=\"Resource\"/><edmx:Include Namespace=\"Resource.v1_0_0\" Alias=\"R\"/>\n",
            "<edmx:IncludeAnnotations TermNamespace=\"Org.OData.Core.V1\"/></edmx:Reference>\n",
            "<edmx:DataServices/></edmx:Edmx>",
        ));
        let include = |namespace: &str, alias: Option<&str>| Include {
            namespace: namespace.to_owned(),
            alias: alias.map(str::to_owned),
        };
        assert_eq!(
            document.references,
            [Reference {
                uri: "http://redfish.dmtf.org/schemas/v1/Resource_v1.xml".to_owned(),
                includes: vec![include("Resource", None), include("Resource.v1_0_0", Some("R"))],
                line: Some(2),
            }]
        );
        let error = parse_err("<edmx:Edmx Version=\"4.0\">\n<edmx:Reference/></edmx:Edmx>");
        assert_eq!(error.to_string(), "line 2, <edmx:Reference>: the required attribute `Uri` is missing");
    }

    #[test]
    fn malformed_xml_is_an_error_with_its_line() {
        let error = parse_err("<edmx:Edmx Version=\"4.0\">\n<edmx:DataServices>\n</edmx:Edmx>");
        assert_eq!(error.line, Some(3));
        assert!(error.message.starts_with("malformed XML"), "{error}");
        let error = parse_err("<edmx:Edmx>\n<Schema Namespace=\"a\" Namespace=\"b\"/></edmx:Edmx>");
        assert_eq!(error.line, Some(2));
        assert!(error.message.contains("duplicated attribute"), "{error}");
        let error = parse_err("<edmx:Edmx>\n\n<edmx:DataServices><Schema Namespace=\"&nope;\"/>");
        assert_eq!(error.line, Some(3));
    }

    #[test]
    fn missing_name_is_an_error_naming_the_element() {
        let error = parse_err(concat!(
            "<edmx:Edmx><edmx:DataServices><Schema Namespace=\"n\">\n",
            "<EntityType Name=\"e\">\n<Property Type=\"Edm.String\"/>\n",
            "</EntityType></Schema></edmx:DataServices></edmx:Edmx>",
        ));
        assert_eq!(error.line, Some(3));
        assert_eq!(error.element.as_deref(), Some("<Property>"));
        assert_eq!(error.to_string(), "line 3, <Property>: the required attribute `Name` is missing");
        let error = parse_err("<edmx:Edmx><edmx:DataServices><Schema/></edmx:DataServices></edmx:Edmx>");
        assert_eq!(error.message, "the required attribute `Namespace` is missing");
    }

    #[test]
    fn bad_enum_value_is_an_error() {
        let error = parse_err(concat!(
            "<edmx:Edmx><edmx:DataServices><Schema Namespace=\"n\"><EnumType Name=\"e\">\n",
            "<Member Name=\"a\" Value=\"one\"/></EnumType></Schema></edmx:DataServices></edmx:Edmx>",
        ));
        assert_eq!(error.to_string(), "line 2, <Member Name=\"a\">: Value=\"one\" is not an integer");
    }

    #[test]
    fn bad_boolean_attribute_is_an_error() {
        let error = parse_err(concat!(
            "<edmx:Edmx><edmx:DataServices><Schema Namespace=\"n\"><EntityType Name=\"e\">\n\n",
            "<Property Name=\"id\" Type=\"Edm.String\" Nullable=\"no\"/></EntityType></Schema>",
            "</edmx:DataServices></edmx:Edmx>",
        ));
        assert_eq!(error.to_string(), "line 3, <Property Name=\"id\">: Nullable=\"no\" is neither true nor false");
        let error = parse_err(concat!(
            "<edmx:Edmx><edmx:DataServices><Schema Namespace=\"n\">",
            "<EntityType Name=\"e\" Abstract=\"TRUE\"/></Schema></edmx:DataServices></edmx:Edmx>",
        ));
        assert_eq!(error.element.as_deref(), Some("<EntityType Name=\"e\">"));
        let error = parse_err(concat!(
            "<edmx:Edmx><edmx:DataServices><Schema Namespace=\"n\"><Annotation Term=\"t\">",
            "<Int>x</Int></Annotation></Schema></edmx:DataServices></edmx:Edmx>",
        ));
        assert_eq!(error.to_string(), "line 1, <Int>: \"x\" is not an integer");
    }

    #[test]
    fn empty_and_foreign_input_is_an_error() {
        for text in ["", "\u{feff}", "   \n", "just text", "\u{0}\u{1}\u{2}binary\u{fffd}<<>>&&"] {
            let error = parse_err(text);
            assert!(error.message.contains("edmx:Edmx") || error.message.contains("malformed"), "{text:?}: {error}");
        }
        let error = parse_err("<html>\n</html>");
        assert_eq!(
            error.to_string(),
            "line 1, <html>: the root element is not <edmx:Edmx>; this is not a CSDL document"
        );
        let error = parse_err("<edmx:Edmx/>\n<edmx:Edmx/>");
        assert_eq!(error.line, Some(2));
    }

    #[test]
    fn truncated_document_is_an_error() {
        let text = read(CALL_RECORDS);
        for cut in [text.len() / 3, text.len() / 2, text.len() - 20] {
            let mut cut = cut;
            while !text.is_char_boundary(cut) {
                cut -= 1;
            }
            let error = parse_err(&text[..cut]);
            assert!(error.line.is_some(), "{error}");
        }
        let error = parse_err("<edmx:Edmx>\n<edmx:DataServices>\n<Schema Namespace=\"n\">\n");
        assert_eq!(error.line, Some(4));
        assert_eq!(error.element.as_deref(), Some("<Schema> (line 3)"));
    }

    #[test]
    fn cut_and_damaged_documents_never_panic() {
        let text = read(CALL_RECORDS);
        let bytes = text.as_bytes();
        for cut in (0..bytes.len()).step_by(101) {
            let _ = parse(&String::from_utf8_lossy(&bytes[..cut]));
        }
        for (at, replacement) in
            (0..bytes.len()).step_by(89).zip([b'<', b'>', b'"', b'&', b'/', b'=', b' ', 0xff].into_iter().cycle())
        {
            let mut damaged = bytes.to_vec();
            damaged[at] = replacement;
            let _ = parse(&String::from_utf8_lossy(&damaged));
        }
    }

    #[test]
    fn deep_nesting_of_unknown_elements_does_not_overflow() {
        let depth = 200_000;
        let text = format!(
            "<edmx:Edmx><edmx:DataServices><Schema Namespace=\"n\">{}{}</Schema></edmx:DataServices></edmx:Edmx>",
            "<a>".repeat(depth),
            "</a>".repeat(depth)
        );
        assert_eq!(parse_ok(&text).schemas.len(), 1);
        let truncated = format!("<edmx:Edmx>{}", "<a>".repeat(depth));
        assert!(parse_err(&truncated).message.contains("ends before"));
    }

    #[test]
    fn deep_nesting_of_annotation_values_is_an_error() {
        let depth = 200_000;
        let text = format!(
            "<edmx:Edmx><edmx:DataServices><Schema Namespace=\"n\"><Annotation Term=\"t\">{}{}</Annotation></Schema></edmx:DataServices></edmx:Edmx>",
            "<Collection><Record><PropertyValue Property=\"p\">".repeat(depth),
            "</PropertyValue></Record></Collection>".repeat(depth)
        );
        let error = parse_err(&text);
        assert!(error.message.contains("nest deeper than 64"), "{error}");
        let within = format!(
            "<edmx:Edmx><edmx:DataServices><Schema Namespace=\"n\"><Annotation Term=\"t\">{}{}</Annotation></Schema></edmx:DataServices></edmx:Edmx>",
            "<Collection>".repeat(MAX_EXPRESSION_DEPTH),
            "</Collection>".repeat(MAX_EXPRESSION_DEPTH)
        );
        assert_eq!(parse_ok(&within).schemas[0].annotations.len(), 1);
    }

    #[test]
    fn values_too_deep_for_the_reader_are_written_as_null() {
        let mut value = AnnotationValue::Int(1);
        for _ in 0..MAX_EXPRESSION_DEPTH + 5 {
            value = AnnotationValue::Collection(vec![value]);
        }
        let document = Document {
            version: "4.0".to_owned(),
            references: Vec::new(),
            schemas: vec![Schema {
                namespace: "n".to_owned(),
                annotations: vec![Annotation { term: "t".to_owned(), qualifier: None, value }],
                ..Schema::default()
            }],
        };
        let read = parse_ok(&write(&document));
        let mut value = &read.schemas[0].annotations[0].value;
        let mut depth = 1;
        while let AnnotationValue::Collection(items) = value {
            value = &items[0];
            depth += 1;
        }
        assert_eq!((depth, value), (MAX_EXPRESSION_DEPTH, &AnnotationValue::Other("Null".to_owned(), String::new())));
    }
}
