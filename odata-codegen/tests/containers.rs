//! Entity containers generated from real documents: Northwind's V4 `$metadata`
//! (`tests/fixtures/northwind/`) becomes a crate that builds without a warning, passes
//! `rustfmt --check`, and whose container (`#[derive(ODataService)]`) emits the container and
//! the types it was generated from, with typed keys (`generated_crate/northwind.rs`, run in the
//! crate). Graph v1.0's container is generated and checked member by member; building all of
//! Graph takes minutes and gigabytes, so that build is an ignored test
//! (`cargo test -p odata-codegen --test containers -- --ignored`).

// Not every test file uses every helper.
#[allow(dead_code)]
mod support;

use odata_codegen::{Options, generate};
use odata_core::csdl::Document;
use support::{cargo, rustfmt_check, write_document};

const NORTHWIND: &str = include_str!("../../tests/fixtures/northwind/northwind-v4.xml");
const GRAPH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/graph/csdl/graph-v1.0.xml");
const NORTHWIND_TEST: &str = include_str!("generated_crate/northwind.rs");
const GRAPH_TEST: &str = include_str!("generated_crate/graph_container.rs");

#[test]
fn northwind_container_generates_builds_and_emits_its_document() {
    let document = Document::parse_xml(NORTHWIND).expect("Northwind's $metadata");
    let tests = [("northwind.rs", NORTHWIND_TEST), ("northwind-v4.xml", NORTHWIND)];
    let (dir, generated) = write_document("northwind_models", &document, &tests);
    assert!(generated.summary.warnings.is_empty(), "{:?}", generated.summary.warnings);
    let container = &generated.files["src/model.rs"];
    assert!(container.contains("pub struct NorthwindEntities {"), "{container}");
    assert!(container.contains(
        "    #[odata(entity_set = \"Categories\", binding(path = \"Products\", target = \"Products\"))]\n    pub categories: odata_core::container::EntitySet<crate::northwind_model::Category>,\n"
    ));
    // The container's module turns on the module of the types it holds.
    assert!(
        generated.files["Cargo.toml"].contains("model = [\"northwind_model\"]"),
        "{}",
        generated.files["Cargo.toml"]
    );
    rustfmt_check(&dir);
    cargo(&dir, &["test", "--tests"]);
}

/// What the generator cannot write is left out with a warning naming it, and the rest of the
/// container is still written: a set of a type that is not an entity type, an import of an
/// operation left out (an `Edm.Stream` parameter) or of one the document does not declare, a
/// binding whose path names no navigation property or whose target is not written.
#[test]
fn container_members_that_cannot_be_written_are_left_out_with_a_warning() {
    let csdl = r#"<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx"><edmx:DataServices>
<Schema Namespace="ns" xmlns="http://docs.oasis-open.org/odata/ns/edm">
  <EntityType Name="thing"><Key><PropertyRef Name="id"/></Key><Property Name="id" Type="Edm.Int64" Nullable="false"/><NavigationProperty Name="parent" Type="ns.thing"/></EntityType>
  <ComplexType Name="address"><Property Name="street" Type="Edm.String"/></ComplexType>
  <Function Name="upload"><Parameter Name="content" Type="Edm.Stream"/><ReturnType Type="Edm.Int32"/></Function>
  <EntityContainer Name="Service">
    <EntitySet Name="things" EntityType="ns.thing">
      <NavigationPropertyBinding Path="parent" Target="things"/>
      <NavigationPropertyBinding Path="parnet" Target="things"/>
      <NavigationPropertyBinding Path="parent" Target="addresses"/>
    </EntitySet>
    <EntitySet Name="addresses" EntityType="ns.address"/>
    <FunctionImport Name="upload" Function="ns.upload"/>
    <FunctionImport Name="missing" Function="ns.missing" EntitySet="things"/>
  </EntityContainer>
</Schema></edmx:DataServices></edmx:Edmx>"#;
    let document = Document::parse_xml(csdl).expect("valid CSDL");
    let generated = generate(&document, &Options::default()).expect("generates");
    let warnings: Vec<String> = generated.summary.warnings.iter().map(ToString::to_string).collect();
    assert_eq!(
        warnings,
        [
            "line 5, <Parameter Name=\"content\"> of <Function Name=\"upload\"> of ns: `Edm.Stream` has no Rust type in odata-core; the operation is left out",
            "<EntitySet Name=\"addresses\"> of <EntityContainer Name=\"Service\">: `ns.address` is not an entity type of the document; the EntitySet is left out",
            "<FunctionImport Name=\"upload\"> of <EntityContainer Name=\"Service\">: `ns.upload` is left out (an unsupported type); so is the import",
            "<FunctionImport Name=\"missing\"> of <EntityContainer Name=\"Service\">: `ns.missing` is not an unbound operation of the document; the import is left out",
            "<NavigationPropertyBinding Path=\"parnet\"> of EntitySet things in <EntityContainer Name=\"Service\">: `parnet` is not a navigation property of `ns.thing`; the binding is left out",
            "<NavigationPropertyBinding Path=\"parent\"> of EntitySet things in <EntityContainer Name=\"Service\">: its target `addresses` is not an entity set or singleton that is written; the binding is left out",
        ]
    );
    let ns = &generated.files["ns.rs"];
    let start = ns.find("pub struct Service {").expect("the container");
    assert_eq!(
        &ns[start..],
        "pub struct Service {\n    /// The entity set `things`.\n    #[odata(entity_set = \"things\", binding(path = \"parent\", target = \"things\"))]\n    pub things: odata_core::container::EntitySet<Thing>,\n}\n"
    );
}

/// Graph's `GraphService`: every entity set and singleton, with every binding, is written.
#[test]
fn graph_container_is_generated_whole() {
    let document = Document::parse_xml(&std::fs::read_to_string(GRAPH).expect("the Graph CSDL")).expect("valid CSDL");
    let generated = generate(&document, &Options::default()).expect("generates");
    let container_warnings: Vec<String> = generated
        .summary
        .warnings
        .iter()
        .filter(|w| w.element.contains("EntityContainer"))
        .map(ToString::to_string)
        .collect();
    assert!(container_warnings.is_empty(), "{container_warnings:#?}");
    let graph = &generated.files["graph.rs"];
    let start = graph.find("pub struct GraphService {").expect("the container struct");
    let text = &graph[start..];
    let text = &text[..text.find("\n}\n").expect("its end")];
    let official = document.schema("microsoft.graph").and_then(|s| s.entity_container.as_ref()).expect("a container");
    let count = |needle: &str| text.matches(needle).count();
    assert_eq!(
        (
            count("#[odata(entity_set = ") + count("        entity_set = "),
            count("singleton = "),
            count("binding(path = ")
        ),
        (
            official.entity_sets.len(),
            official.singletons.len(),
            official.entity_sets.iter().chain(&official.singletons).map(|s| s.navigation_bindings.len()).sum()
        )
    );
    assert!(text.contains("pub me: odata_core::container::Singleton<AnyUser>,"), "{text}");
}

/// The whole Graph v1.0 model with its container, built and compared with the document: minutes
/// and about 5 GB of memory on a 2-core machine (see BENCHMARKS.md), so run on demand.
#[test]
#[ignore = "builds all of Graph v1.0: minutes and gigabytes"]
fn graph_container_builds_and_emits_its_document() {
    let text = std::fs::read_to_string(GRAPH).expect("the Graph CSDL");
    let document = Document::parse_xml(&text).expect("valid CSDL");
    let tests = [("graph_container.rs", GRAPH_TEST), ("graph-v1.0.xml", text.as_str())];
    let (dir, _) = write_document("graph_container_models", &document, &tests);
    cargo(&dir, &["test", "--tests"]);
}
