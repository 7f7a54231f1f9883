//! Copied into the crate generated from Graph v1.0's CSDL by `odata-codegen/tests/containers.rs`
//! (an ignored test: the build takes minutes), with the document beside it: the generated
//! `GraphService` emits the container it was generated from.

use graph_container_models::graph::GraphService;
use odata_core::csdl::Document;

#[test]
fn the_generated_container_emits_the_container_it_came_from() {
    let text = include_str!("graph-v1.0.xml");
    let official = Document::parse_xml(text).unwrap_or_else(|e| panic!("graph-v1.0.xml: {e}"));
    let ours = Document::builder().add_container::<GraphService>().build();
    let container = |document: &Document| {
        let schema = document.schema("microsoft.graph").expect("the container's schema");
        schema.entity_container.clone().expect("a container")
    };
    // Targets and types as the document writes them (it may use the `graph` alias).
    let mut expected = container(&official);
    for set in expected.entity_sets.iter_mut().chain(&mut expected.singletons) {
        set.entity_type = official.resolve_alias(&set.entity_type);
    }
    assert_eq!(container(&ours), expected);
    let differences: Vec<String> = official
        .schema_differences(&ours, "microsoft.graph")
        .iter()
        .filter(|d| d.fact.starts_with("EntitySet ") || d.fact.starts_with("Singleton ") || d.fact.starts_with("EntityContainer"))
        .map(ToString::to_string)
        .collect();
    assert!(differences.is_empty(), "{differences:#?}");
}
