//! A CSDL document with every construct of the model (`generated_crate/every_construct.xml`:
//! partners and referential constraints, non-nullable single navigation, facets on properties,
//! parameters and return types, a media entity, enumerations with underlying types, type
//! definitions, overloaded functions and actions, binding-parameter nullability) is generated
//! into a crate that builds without a warning and passes `rustfmt --check`; its own test
//! (`generated_crate/every_construct.rs`) checks that the schema it emits equals the document.

mod support;

use odata_codegen::{Options, generate};
use odata_core::csdl::Document;

const CSDL: &str = include_str!("generated_crate/every_construct.xml");
const TEST: &str = include_str!("generated_crate/every_construct.rs");

#[test]
fn every_construct_generates_without_a_warning() {
    let document = Document::parse_xml(CSDL).expect("valid CSDL");
    let generated = generate(&document, &Options::default()).expect("generates");
    let summary = &generated.summary;
    assert!(summary.warnings.is_empty(), "{:?}", summary.warnings);
    assert_eq!(
        (summary.entity_types, summary.enum_types, summary.type_definitions, summary.functions, summary.actions),
        (2, 2, 2, 4, 2)
    );
}

#[test]
fn every_construct_builds_and_emits_the_schema_it_came_from() {
    let (dir, _) = support::write_crate("every_construct_models", CSDL);
    support::rustfmt_check(&dir);
    support::add_test(&dir, "every_construct.rs", TEST);
    std::fs::write(dir.join("tests").join("every_construct.xml"), CSDL).expect("write the document");
    support::cargo(&dir, &["test"]);
}
