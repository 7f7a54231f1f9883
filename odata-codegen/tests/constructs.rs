//! Each CSDL construct, generated from a small document: the exact Rust it becomes.

use std::path::Path;

use odata_codegen::{Options, generate};
use odata_core::csdl::Document;

const HEAD: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
  <edmx:DataServices>
"#;
const TAIL: &str = "  </edmx:DataServices>\n</edmx:Edmx>\n";

fn csdl(schemas: &str) -> String {
    format!("{HEAD}{schemas}{TAIL}")
}

fn module(schemas: &str, file: &str) -> String {
    let document = Document::parse_xml(&csdl(schemas)).expect("valid CSDL");
    let generated = generate(&document, &Options::default()).expect("generates");
    generated.files.get(file).unwrap_or_else(|| panic!("no {file} in {:?}", generated.files.keys())).clone()
}

fn assert_contains(text: &str, snippet: &str) {
    assert!(text.contains(snippet), "missing:\n{snippet}\n--- in ---\n{text}");
}

const SHOP: &str = r#"    <Schema Namespace="example.shop" Alias="shop" xmlns="http://docs.oasis-open.org/odata/ns/edm">
      <EntityType Name="item" Abstract="true">
        <Key><PropertyRef Name="id"/></Key>
        <Property Name="id" Type="Edm.String" Nullable="false"/>
        <Annotation Term="Org.OData.Core.V1.Description" String="Anything sold."/>
      </EntityType>
      <EntityType Name="product" BaseType="shop.item" OpenType="true">
        <Property Name="type" Type="Edm.String"/>
        <Property Name="reflexiveIPAddress" Type="Edm.String"/>
        <Property Name="price" Type="Edm.Decimal" Nullable="false"/>
        <Property Name="colors" Type="shop.color"/>
        <Property Name="size" Type="Collection(shop.size)"/>
        <Property Name="picture" Type="Edm.Stream"/>
        <Property Name="parent" Type="shop.part"/>
        <NavigationProperty Name="related" Type="Collection(shop.product)"/>
        <NavigationProperty Name="maker" Type="example.people.person" ContainsTarget="true"/>
      </EntityType>
      <ComplexType Name="part">
        <Property Name="child" Type="shop.part"/>
      </ComplexType>
      <EnumType Name="color" IsFlags="true">
        <Member Name="red" Value="1"/>
        <Member Name="green" Value="2"/>
        <Member Name="IPBlue" Value="4"/>
      </EnumType>
      <EnumType Name="size">
        <Member Name="small" Value="0"/>
        <Member Name="large" Value="5"/>
        <Member Name="other" Value="6"/>
      </EnumType>
      <Function Name="bestSellers" IsBound="true" IsComposable="true">
        <Parameter Name="bindingParameter" Type="Collection(shop.product)"/>
        <Parameter Name="top" Type="Edm.Int32" Nullable="false"/>
        <ReturnType Type="Collection(shop.product)" Nullable="false"/>
      </Function>
      <Action Name="restock">
        <Parameter Name="count" Type="Edm.Int64"/>
      </Action>
      <Annotations Target="shop.product/type">
        <Annotation Term="Org.OData.Core.V1.Revisions">
          <Collection>
            <Record>
              <PropertyValue Property="Description" String="Use kind instead."/>
              <PropertyValue Property="Kind"><EnumMember>Org.OData.Core.V1.RevisionKind/Deprecated</EnumMember></PropertyValue>
            </Record>
          </Collection>
        </Annotation>
      </Annotations>
    </Schema>
    <Schema Namespace="example.people" xmlns="http://docs.oasis-open.org/odata/ns/edm">
      <EntityType Name="person">
        <Key><PropertyRef Name="id"/></Key>
        <Property Name="id" Type="Edm.Guid" Nullable="false"/>
      </EntityType>
    </Schema>
"#;

#[test]
fn entity_types_carry_key_abstract_and_description() {
    let shop = module(SHOP, "shop.rs");
    assert_contains(
        &shop,
        r#"/// Anything sold.
#[derive(odata_core::ODataEntity, Debug, Clone, Default, PartialEq)]
#[odata(type = "example.shop.item", key_property = "id", abstract)]
pub struct Item {
    /// `id` (`Edm.String`).
    #[odata(nullable = false)]
    pub id: Option<String>,
    /// Unknown properties and instance annotations, kept to be written back.
    pub additional_data: odata_core::AdditionalData,
}
"#,
    );
}

#[test]
fn derived_types_hold_their_base_and_rename_where_needed() {
    let shop = module(SHOP, "shop.rs");
    assert_contains(
        &shop,
        "#[odata(type = \"example.shop.product\", base_type = \"example.shop.item\", open_type)]\npub struct Product {\n    /// The inherited part (`example.shop.item`).\n    #[odata(base)]\n    pub item: Item,\n",
    );
    assert_contains(&shop, "    #[deprecated(note = \"Use kind instead.\")]\n    pub r#type: Option<String>,\n");
    assert_contains(
        &shop,
        "    #[odata(rename = \"reflexiveIPAddress\")]\n    pub reflexive_ip_address: Option<String>,\n",
    );
    assert_contains(&shop, "    #[odata(nullable = false)]\n    pub price: Option<odata_core::Decimal>,\n");
    assert_contains(&shop, "    pub colors: Option<odata_core::Flags<Color>>,\n");
    assert_contains(&shop, "    pub size: Option<Vec<Size>>,\n");
}

#[test]
fn navigation_properties_and_cross_namespace_references() {
    let shop = module(SHOP, "shop.rs");
    assert_contains(&shop, "    #[odata(navigation)]\n    pub related: odata_core::Navigation<Vec<Product>>,\n");
    assert_contains(
        &shop,
        "    #[odata(navigation, contains_target)]\n    pub maker: odata_core::Navigation<crate::people::Person>,\n",
    );
    let people = module(SHOP, "people.rs");
    assert_contains(&people, "    pub id: Option<uuid::Uuid>,\n");
}

#[test]
fn self_containing_complex_types_are_boxed() {
    let shop = module(SHOP, "shop.rs");
    assert_contains(&shop, "    pub child: Option<Box<Part>>,\n");
    assert_contains(&shop, "    pub parent: Option<Part>,\n");
}

#[test]
fn unsupported_primitive_types_are_left_out_with_a_warning() {
    let document = Document::parse_xml(&csdl(SHOP)).unwrap();
    let generated = generate(&document, &Options::default()).unwrap();
    assert!(!generated.files["shop.rs"].contains("picture"));
    let warning = generated.summary.warnings.iter().find(|w| w.element.contains("picture")).expect("a warning");
    assert_eq!(warning.line, Some(16));
    assert!(warning.to_string().contains("Edm.Stream"), "{warning}");
}

#[test]
fn enums_have_values_renames_and_a_catch_all() {
    let shop = module(SHOP, "shop.rs");
    assert_contains(
        &shop,
        r#"#[odata(type = "example.shop.color", flags)]
pub enum Color {
    /// `red`
    #[odata(value = 1)]
    Red,
    /// `green`
    #[odata(value = 2)]
    Green,
    /// `IPBlue`
    #[odata(rename = "IPBlue", value = 4)]
    IPBlue,
    /// A member this model does not know (added to the service later), kept verbatim.
    Other(String),
}
"#,
    );
    assert_contains(
        &shop,
        "    Small,\n    /// `large`\n    #[odata(value = 5)]\n    Large,\n    /// `other`\n    Other,\n    /// A member this model does not know (added to the service later), kept verbatim.\n    Other_(String),\n",
    );
}

#[test]
fn types_with_derived_types_get_a_polymorphic_enum() {
    let shop = module(SHOP, "shop.rs");
    assert_contains(
        &shop,
        r#"#[derive(odata_core::ODataEntity, Debug, Clone, PartialEq)]
#[odata(type = "example.shop.item")]
pub enum AnyItem {
    /// `example.shop.item` itself (or a derived type this model does not know).
    Item(Item),
    /// `example.shop.product`.
    Product(Product),
}
"#,
    );
}

#[test]
fn functions_and_actions_become_parameter_structs() {
    let shop = module(SHOP, "shop.rs");
    assert_contains(
        &shop,
        r#"#[derive(odata_core::ODataFunction, Debug, Clone, PartialEq)]
#[odata(
    name = "example.shop.bestSellers",
    bound_to = "Vec<Product>",
    returns = "Vec<Product>",
    return_nullable = false,
    composable
)]
pub struct BestSellers {
    /// `top` (`Edm.Int32`).
    #[odata(nullable = false)]
    pub top: i32,
}
"#,
    );
    assert_contains(
        &shop,
        "#[derive(odata_core::ODataAction, Debug, Clone, PartialEq)]\n#[odata(name = \"example.shop.restock\")]\npub struct Restock {\n    /// `count` (`Edm.Int64`).\n    pub count: i64,\n}\n",
    );
}

#[test]
fn a_namespace_brings_what_it_references() {
    let document = Document::parse_xml(&csdl(SHOP)).unwrap();
    let options = Options::new().namespace("example.people");
    let generated = generate(&document, &options).unwrap();
    assert_eq!(generated.files.keys().collect::<Vec<_>>(), ["people.rs"]);
    let options = Options::new().namespace("shop");
    let generated = generate(&document, &options).unwrap();
    assert_eq!(generated.files.keys().collect::<Vec<_>>(), ["people.rs", "shop.rs"]);
}

#[test]
fn the_crate_has_a_feature_per_namespace() {
    let document = Document::parse_xml(&csdl(SHOP)).unwrap();
    let options = Options::new().crate_name("shop_models");
    let generated = generate(&document, &options).unwrap();
    let manifest = &generated.files["Cargo.toml"];
    assert_contains(manifest, "full = [\"people\", \"shop\"]\npeople = []\nshop = [\"people\"]\n");
    assert_contains(manifest, "uuid = ");
    assert_contains(&generated.files["src/lib.rs"], "#[cfg(feature = \"shop\")]\npub mod shop;\n");
}

#[test]
fn output_is_deterministic() {
    let document = Document::parse_xml(&csdl(SHOP)).unwrap();
    let first = generate(&document, &Options::default()).unwrap();
    let second = generate(&document, &Options::default()).unwrap();
    assert_eq!(first, second);
}

/// A type the document does not declare (its reference unresolved, say) leaves out only what uses
/// it, each with a warning naming the element, its line and the reference; the rest is generated.
#[test]
fn an_undeclared_type_leaves_out_only_what_uses_it() {
    let text = csdl(
        r#"    <Schema Namespace="example.bad" xmlns="http://docs.oasis-open.org/odata/ns/edm">
      <ComplexType Name="thing">
        <Property Name="ok" Type="Edm.String"/>
        <Property Name="broken" Type="example.bad.missing"/>
        <Property Name="tag" Type="Core.Tag"/>
      </ComplexType>
      <ComplexType Name="child" BaseType="example.bad.nowhere"/>
      <ComplexType Name="grandchild" BaseType="example.bad.child"/>
      <EntityType Name="holder">
        <Key><PropertyRef Name="id"/></Key>
        <Property Name="id" Type="Edm.String" Nullable="false"/>
        <NavigationProperty Name="any" Type="Edm.EntityType"/>
        <NavigationProperty Name="gone" Type="Collection(example.bad.vanished)"/>
      </EntityType>
    </Schema>
"#,
    )
    .replace(
        "<edmx:DataServices>",
        "<edmx:Reference Uri=\"https://example.org/Org.OData.Core.V1.xml\">\n    <edmx:Include Namespace=\"Org.OData.Core.V1\" Alias=\"Core\"/>\n  </edmx:Reference>\n  <edmx:DataServices>",
    );
    let document = Document::parse_xml(&text).unwrap();
    let generated = generate(&document, &Options::default()).unwrap();
    let warnings: Vec<String> = generated.summary.warnings.iter().map(ToString::to_string).collect();
    assert_eq!(
        warnings,
        [
            "line 13, <ComplexType> example.bad.child: its base type `example.bad.nowhere` is not declared in the \
             document; the type is left out",
            "line 14, <ComplexType> example.bad.grandchild: its base type `example.bad.child` is left out (its base \
             type `example.bad.nowhere` is not declared in the document); the type is left out",
            "line 18, <NavigationProperty Name=\"any\"> of example.bad.holder: its target `Edm.EntityType` (any entity \
             type) has no Rust type: a navigation property holds one entity type and its derived types; the navigation \
             property is left out (an expanded value stays in the type's additional data)",
            "line 19, <NavigationProperty Name=\"gone\"> of example.bad.holder: type `example.bad.vanished` is not \
             declared in the document; the navigation property is left out (an expanded value stays in the type's \
             additional data)",
            "line 10, <Property Name=\"broken\"> of <ComplexType> example.bad.thing: type `example.bad.missing` is not \
             declared in the document; the property is left out (its values stay in the type's additional data)",
            "line 11, <Property Name=\"tag\"> of <ComplexType> example.bad.thing: type `Org.OData.Core.V1.Tag` is not \
             declared in the document: its namespace `Org.OData.Core.V1` is included from <edmx:Reference \
             Uri=\"https://example.org/Org.OData.Core.V1.xml\">, which is not resolved; the property is left out (its \
             values stay in the type's additional data)",
        ]
    );
    let bad = &generated.files["bad.rs"];
    assert_contains(
        bad,
        "pub struct Thing {\n    /// `ok` (`Edm.String`).\n    pub ok: Option<String>,\n    /// Unknown",
    );
    assert_contains(bad, "pub struct Holder {");
    assert!(!bad.contains("Child"), "{bad}");
    // What stands in the way whatever is left out is still an error.
    let text = csdl(
        r#"    <Schema Namespace="example.bad" xmlns="http://docs.oasis-open.org/odata/ns/edm">
      <EntityType Name="thing" BaseType="example.bad.other"/>
      <ComplexType Name="other"/>
    </Schema>
"#,
    );
    let error = generate(&Document::parse_xml(&text).unwrap(), &Options::default()).unwrap_err();
    assert_contains(
        &error.to_string(),
        "line 5, <EntityType> example.bad.thing: base type `example.bad.other` is not a entity type of the document",
    );
}

/// `<edmx:Reference>` documents found in a directory by the URI's file name: the included schemas
/// join the document, and what the document's own types use of them is generated.
#[test]
fn references_are_resolved_from_a_directory() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let capabilities = std::fs::read_to_string(corpus.join("Org.OData.Capabilities.V1.xml")).unwrap();
    let document = Document::parse_xml(&capabilities).unwrap();
    let unresolved = generate(&document, &Options::default()).unwrap();
    let resolved = generate(&document, &Options::new().reference_dir(corpus.clone())).unwrap();
    let modules = |g: &odata_codegen::Generated| g.files.keys().cloned().collect::<Vec<_>>();
    assert_eq!(modules(&unresolved), ["v1.rs"]);
    assert_eq!(modules(&resolved), ["authorization_v1.rs", "capabilities_v1.rs", "core_v1.rs"]);
    let mentions = |g: &odata_codegen::Generated, what: &str| {
        g.summary.warnings.iter().filter(|w| w.to_string().contains(what)).count()
    };
    assert_eq!(mentions(&unresolved, "which is not resolved"), 6);
    assert_eq!(mentions(&resolved, "which is not resolved"), 0);
    // A directory without the files: each reference that is needed says where it was looked for.
    let empty = std::env::temp_dir();
    let missing = generate(&document, &Options::new().reference_dir(empty)).unwrap();
    assert_eq!(
        mentions(
            &missing,
            "<edmx:Reference Uri=\"https://oasis-tcs.github.io/odata-vocabularies/vocabularies/Org.OData.Core.V1.xml\">: not found ("
        ),
        1
    );
    // Files by URI: Core from its file, Authorization from a file that is no CSDL.
    let not_csdl = std::env::temp_dir().join(format!("odata-codegen-not-csdl-{}.html", std::process::id()));
    std::fs::write(&not_csdl, "<html>\n</html>\n").unwrap();
    let vocabularies = "https://oasis-tcs.github.io/odata-vocabularies/vocabularies/";
    let files = [
        (format!("{vocabularies}Org.OData.Core.V1.xml"), corpus.join("Org.OData.Core.V1.xml")),
        (format!("{vocabularies}Org.OData.Authorization.V1.xml"), not_csdl.clone()),
    ];
    let options = files.into_iter().fold(Options::new(), |options, (uri, file)| options.reference_file(uri, file));
    let by_file = generate(&document, &options).unwrap();
    assert_eq!(modules(&by_file), ["capabilities_v1.rs", "core_v1.rs"]);
    let unread: Vec<String> =
        by_file.summary.warnings.iter().map(ToString::to_string).filter(|w| w.contains("is not read")).collect();
    assert_eq!(unread.len(), 1, "{unread:?}");
    assert_eq!(
        unread[0],
        format!(
            "line 42, <edmx:Reference Uri=\"{vocabularies}Org.OData.Authorization.V1.xml\">: the referenced document is \
             not read (line 1, <html>: the root element is not <edmx:Edmx>; this is not a CSDL document); what uses \
             Org.OData.Authorization.V1 is left out"
        )
    );
    assert_eq!(mentions(&by_file, "Authorization.V1.xml\">, which is not resolved"), 1);
    let _ = std::fs::remove_file(&not_csdl);
}

#[test]
fn malformed_csdl_is_an_error_with_a_line() {
    let text = csdl("    <Schema Namespace=\"example.bad\">\n      <EntityType Name=\"x\">\n    </Schema>\n");
    let error = Document::parse_xml(&text).unwrap_err();
    assert!(error.line.is_some(), "{error}");
}

#[test]
fn unknown_namespace_is_an_error() {
    let document = Document::parse_xml(&csdl(SHOP)).unwrap();
    let options = Options::new().namespace("example.nothing");
    let error = generate(&document, &options).unwrap_err();
    assert_contains(&error.to_string(), "--namespace example.nothing: names no <Schema> of the document");
}

const OPERATIONS: &str = r#"    <Schema Namespace="example.ops" xmlns="http://docs.oasis-open.org/odata/ns/edm">
      <TypeDefinition Name="money" UnderlyingType="Edm.Decimal" Precision="10" Scale="2"/>
      <EnumType Name="level" UnderlyingType="Edm.Int64">
        <Member Name="low" Value="1"/>
        <Member Name="high" Value="5000000000"/>
      </EnumType>
      <ComplexType Name="address">
        <Property Name="street" Type="Edm.String"/>
      </ComplexType>
      <EntityType Name="order">
        <Key><PropertyRef Name="id"/></Key>
        <Property Name="id" Type="Edm.Int32" Nullable="false"/>
        <Property Name="total" Type="example.ops.money"/>
        <Property Name="level" Type="example.ops.level"/>
      </EntityType>
      <Function Name="near">
        <Parameter Name="where" Type="example.ops.address"/>
        <Parameter Name="around" Type="Collection(example.ops.address)"/>
        <ReturnType Type="Collection(example.ops.order)"/>
      </Function>
      <Function Name="photo">
        <Parameter Name="data" Type="Edm.Stream"/>
        <ReturnType Type="Edm.String"/>
      </Function>
      <Action Name="upload">
        <Parameter Name="name" Type="Edm.String"/>
        <ReturnType Type="Edm.Stream"/>
      </Action>
    </Schema>
"#;

fn warnings(schemas: &str) -> Vec<String> {
    let document = Document::parse_xml(&csdl(schemas)).expect("valid CSDL");
    let generated = generate(&document, &Options::default()).expect("generates");
    generated.summary.warnings.iter().map(ToString::to_string).collect()
}

#[test]
fn an_operation_left_out_is_named_alone_in_its_warning() {
    let warnings = warnings(OPERATIONS);
    let operations: Vec<&String> =
        warnings.iter().filter(|w| w.contains("<Function") || w.contains("<Action")).collect();
    assert_eq!(
        operations,
        [
            "line 24, <Parameter Name=\"data\"> of <Function Name=\"photo\"> of example.ops: `Edm.Stream` has no Rust type in odata-core; the operation is left out",
            "line 28, <ReturnType> of <Action Name=\"upload\"> of example.ops: `Edm.Stream` has no Rust type in odata-core; the operation is left out",
        ]
    );
    let ops = module(OPERATIONS, "ops.rs");
    assert!(!ops.contains("pub struct Photo") && !ops.contains("pub struct Upload"), "{ops}");
}

#[test]
fn a_property_left_out_is_named_alone_in_its_warning() {
    let warning = warnings(SHOP).into_iter().find(|w| w.contains("picture")).expect("a warning");
    assert_eq!(
        warning,
        "line 16, <Property Name=\"picture\"> of <EntityType> example.shop.product: `Edm.Stream` has no Rust type in odata-core; the property is left out (its values stay in the type's additional data)"
    );
}

#[test]
fn type_definitions_become_newtypes_and_enums_keep_their_underlying_type() {
    let ops = module(OPERATIONS, "ops.rs");
    assert_contains(
        &ops,
        "/// `example.ops.money`: a type definition of `Edm.Decimal`.\n#[derive(odata_core::ODataTypeDefinition, Debug, Clone, PartialEq)]\n#[odata(type = \"example.ops.money\", precision = 10, scale = 2)]\npub struct Money(pub odata_core::Decimal);\n",
    );
    assert_contains(&ops, "    pub total: Option<Money>,\n");
    assert_contains(
        &ops,
        "#[odata(type = \"example.ops.level\", underlying_type = \"Edm.Int64\")]\npub enum Level {\n",
    );
    assert_contains(&ops, "    #[odata(value = 5000000000)]\n    High,\n");
    let warnings = warnings(OPERATIONS).join("\n");
    assert!(!warnings.contains("TypeDefinition") && !warnings.contains("EnumType"), "{warnings}");
}

#[test]
fn an_underlying_type_too_small_for_a_member_is_left_out_with_a_warning() {
    let schema = OPERATIONS.replace(r#"UnderlyingType="Edm.Int64""#, r#"UnderlyingType="Edm.Int16""#);
    let ops = module(&schema, "ops.rs");
    assert_contains(&ops, "#[odata(type = \"example.ops.level\")]\npub enum Level {\n");
    assert_eq!(
        warnings(&schema).iter().filter(|w| w.contains("EnumType")).collect::<Vec<_>>(),
        [
            "line 6, <EnumType> example.ops.level: members `high` = 5000000000 do not fit in `UnderlyingType=\"Edm.Int16\"`; the underlying type is left out (the generated type emits the default `Edm.Int32`)"
        ]
    );
}

#[test]
fn a_complex_function_parameter_is_generated() {
    let ops = module(OPERATIONS, "ops.rs");
    assert_contains(
        &ops,
        "pub struct Near {\n    /// `where` (`example.ops.address`).\n    pub r#where: Address,\n    /// `around` (`Collection(example.ops.address)`).\n    pub around: Vec<Address>,\n}\n",
    );
    // Written into the URL as a JSON object by the derive's own `ParameterValue` impl (every
    // structured type has one), so the generated code writes none: the URL itself is checked in
    // the generated crate of tests/call_records.rs (generated_crate/operations.rs).
    assert!(!ops.contains("ParameterValue"), "{ops}");
}

#[test]
fn malformed_csdl_errors_name_the_element_and_line() {
    let missing_type = csdl(
        "    <Schema Namespace=\"example.bad\" xmlns=\"http://docs.oasis-open.org/odata/ns/edm\">\n      <ComplexType Name=\"x\">\n        <Property Name=\"id\"/>\n      </ComplexType>\n    </Schema>\n",
    );
    let error = Document::parse_xml(&missing_type).unwrap_err();
    assert_eq!(error.to_string(), "line 6, <Property Name=\"id\">: the required attribute `Type` is missing");
    let bad_value =
        missing_type.replace("<Property Name=\"id\"/>", "<Property Name=\"id\" Type=\"Edm.String\" Nullable=\"no\"/>");
    let error = Document::parse_xml(&bad_value).unwrap_err();
    assert_eq!(error.to_string(), "line 6, <Property Name=\"id\">: Nullable=\"no\" is neither true nor false");
    // An XML syntax error has a line; the message names the tags involved.
    let unclosed = missing_type
        .replace(" Name=\"id\"/>", " Name=\"id\" Type=\"Edm.String\"/>")
        .replace("      </ComplexType>\n", "");
    let error = Document::parse_xml(&unclosed).unwrap_err();
    assert_eq!(error.line, Some(7), "{error}");
    assert_contains(&error.to_string(), "expected `</ComplexType>`, but `</Schema>` was found");
}

const DIRECTORY: &str = r#"    <Schema Namespace="example.dir" xmlns="http://docs.oasis-open.org/odata/ns/edm">
      <EntityType Name="entity" Abstract="true">
        <Key><PropertyRef Name="id"/></Key>
        <Property Name="id" Type="Edm.String" Nullable="false"/>
      </EntityType>
      <EntityType Name="object" BaseType="example.dir.entity"/>
      <EntityType Name="person" BaseType="example.dir.object">
        <Property Name="address" Type="example.dir.address"/>
        <Property Name="kind" Type="example.dir.kind"/>
        <NavigationProperty Name="memberOf" Type="Collection(example.dir.object)"/>
        <NavigationProperty Name="calendar" Type="example.dir.calendar"/>
      </EntityType>
      <EntityType Name="team" BaseType="example.dir.object"/>
      <EntityType Name="printer" BaseType="example.dir.object"/>
      <EntityType Name="calendar" BaseType="example.dir.entity"/>
      <ComplexType Name="address"><Property Name="city" Type="Edm.String"/></ComplexType>
      <ComplexType Name="postalAddress" BaseType="example.dir.address"/>
      <ComplexType Name="unused"/>
      <EnumType Name="kind"><Member Name="a" Value="0"/></EnumType>
      <EnumType Name="otherKind"><Member Name="b" Value="0"/></EnumType>
      <Function Name="find" IsBound="true">
        <Parameter Name="bindingParameter" Type="example.dir.person"/>
        <ReturnType Type="example.dir.person"/>
      </Function>
    </Schema>
"#;

#[test]
fn a_type_selection_brings_what_its_types_reach_and_leaves_out_navigation_outside_it() {
    let document = Document::parse_xml(&csdl(DIRECTORY)).unwrap();
    let options = Options::new()
        .select_type("example.dir.object")
        .select_type("example.dir.person")
        .select_type("example.dir.team")
        .extern_type("example.dir.entity", "crate::Entity");
    let generated = generate(&document, &options).unwrap();
    let dir = &generated.files["dir.rs"];
    // Named types, their property types and the derived types of those; the extern base by path.
    for present in [
        "pub struct Object {",
        "pub struct Person {",
        "pub struct Team {",
        "pub struct Address {",
        "pub struct PostalAddress {",
        "pub enum AnyAddress {",
        "pub enum Kind {",
        "    pub entity: crate::Entity,\n",
        "    pub address: Option<AnyAddress>,\n",
    ] {
        assert_contains(dir, present);
    }
    // Not reached: another derived entity type, unused types, the extern type itself, operations.
    for absent in [
        "pub struct Printer",
        "pub struct Unused",
        "pub enum OtherKind",
        "pub struct Entity",
        "pub struct Find",
        "AnyEntity",
    ] {
        assert!(!dir.contains(absent), "{absent} in\n{dir}");
    }
    // The holder lists the selected derived types only; navigation to it uses the holder.
    assert_contains(dir, "pub enum AnyObject {\n");
    assert_contains(dir, "    Team(Team),\n}\n");
    assert_contains(dir, "    pub member_of: odata_core::Navigation<Vec<AnyObject>>,\n");
    assert!(!dir.contains("calendar"), "{dir}");
    let warnings: Vec<String> = generated.summary.warnings.iter().map(|w| w.to_string()).collect();
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(
        warnings[0].contains("<NavigationProperty Name=\"calendar\"> of example.dir.person")
            && warnings[0].contains("not among the selected types"),
        "{warnings:?}"
    );
}

#[test]
fn an_unknown_selected_type_is_an_error() {
    let document = Document::parse_xml(&csdl(DIRECTORY)).unwrap();
    let options = Options::new().select_type("example.dir.nobody");
    let error = generate(&document, &options).unwrap_err().to_string();
    assert_eq!(error, "--type example.dir.nobody: names no type of the document");
}

/// The model constructs of `generated_crate/every_construct.xml` (built and compared with its
/// schema by `every_construct.rs`), as the attributes they become.
#[test]
fn partners_constraints_facets_streams_and_overloads_become_attributes() {
    let document = Document::parse_xml(include_str!("generated_crate/every_construct.xml")).expect("valid CSDL");
    let generated = generate(&document, &Options::default()).expect("generates");
    let every = &generated.files["every.rs"];
    assert_contains(every, "#[odata(type = \"example.every.order\", key_property = \"id\", has_stream)]\n");
    assert_contains(
        every,
        r#"    #[odata(
        navigation,
        nullable = false,
        partner = "orders",
        referential_constraint(property = "customerId", referenced_property = "id")
    )]
    pub customer: odata_core::Navigation<Customer>,
"#,
    );
    assert_contains(every, "    #[odata(navigation)]\n    pub previous: odata_core::Navigation<Order>,\n");
    assert_contains(
        every,
        "    #[odata(navigation, partner = \"customer\")]\n    pub orders: odata_core::Navigation<Vec<Order>>,\n",
    );
    assert_contains(
        every,
        "    #[odata(max_length = \"max\", default_value = \"anonymous\")]\n    pub name: Option<String>,\n",
    );
    assert_contains(
        every,
        "    #[odata(precision = 5, scale = \"variable\")]\n    pub discount: Option<odata_core::Decimal>,\n",
    );
    assert_contains(
        every,
        "#[odata(type = \"example.every.code\", max_length = 8, unicode = false)]\npub struct Code(pub String);\n",
    );
    assert_contains(every, "    #[odata(nullable = false)]\n    pub code: Option<Code>,\n");
    // Overloads: named for their binding type, then for their parameters.
    assert_contains(
        every,
        "    bound_to = \"Order\",\n    binding_nullable = false,\n    returns = \"Money\",\n    return_nullable = false\n)]\npub struct Total;\n",
    );
    assert_contains(
        every,
        "    bound_to = \"Vec<Order>\",\n    returns = \"odata_core::Decimal\",\n    return_facets(precision = 19, scale = 4)\n)]\npub struct TotalOnOrderCollection {\n",
    );
    assert_contains(every, "return_facets(scale = \"variable\"))]\npub struct TotalWithYear {\n");
    assert_contains(every, "pub struct TotalWithYearCode {\n");
    assert_contains(
        every,
        "#[odata(name = \"example.every.ship\", bound_to = \"Order\", binding_nullable = false)]\npub struct Ship {\n    /// `note` (`Edm.String`).\n    #[odata(max_length = 200, unicode = false)]\n    pub note: String,\n}\n",
    );
    assert_contains(every, "pub struct ShipOnOrderCollection;\n");
}

/// Facet values the derive would reject are left out with a warning: the code still builds.
#[test]
fn invalid_facet_values_are_left_out_with_a_warning() {
    let schema = r#"    <Schema Namespace="example.odd" xmlns="http://docs.oasis-open.org/odata/ns/edm">
      <ComplexType Name="odd">
        <Property Name="a" Type="Edm.String" MaxLength="0"/>
        <Property Name="b" Type="Edm.Decimal" Precision="2" Scale="5"/>
        <Property Name="c" Type="Edm.String" MaxLength="MAX" Unicode="false"/>
      </ComplexType>
    </Schema>
"#;
    let odd = module(schema, "odd.rs");
    assert_contains(&odd, "    /// `a` (`Edm.String`).\n    pub a: Option<String>,\n");
    assert_contains(&odd, "    #[odata(precision = 2)]\n    pub b: Option<odata_core::Decimal>,\n");
    assert_contains(&odd, "    #[odata(unicode = false)]\n    pub c: Option<String>,\n");
    let facets: Vec<String> =
        warnings(schema).into_iter().map(|w| w.split(':').next().unwrap_or("").to_owned()).collect();
    assert_eq!(
        facets,
        [
            "line 6, <Property Name=\"a\"> of <ComplexType> example.odd.odd",
            "line 7, <Property Name=\"b\"> of <ComplexType> example.odd.odd",
            "line 8, <Property Name=\"c\"> of <ComplexType> example.odd.odd",
        ]
    );
    assert_contains(
        &warnings(schema)[1],
        "`Scale=\"5\"` is not a valid facet value (a length is a positive number or `max`, a scale a number up to the precision, `variable` or `floating`, an SRID a number or `variable`); it is left out",
    );
}
