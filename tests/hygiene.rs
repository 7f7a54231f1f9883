//! Generated code names everything by absolute path: shadowing prelude names next to the derive,
//! under `#![deny(warnings)]`, changes nothing.
#![deny(warnings)]
#![allow(non_camel_case_types, dead_code)]

struct Option;
struct Some;
struct None;
struct Result;
struct Ok;
struct Err;
struct String;
struct Vec;
struct Box;
trait Default {}
trait Deref {}
trait Serialize {}
trait Deserialize {}
mod serde {}
mod core {}
mod std {}
mod _odata {}

#[derive(odata_core::ODataEntity, Debug, PartialEq)]
#[odata(type = "hygiene.base", key_property = "id", abstract, has_stream)]
struct Base {
    #[odata(max_length = 40, unicode = false)]
    id: ::core::option::Option<::std::string::String>,
    additional_data: odata_core::AdditionalData,
}

#[derive(odata_core::ODataTypeDefinition, Debug, PartialEq)]
#[odata(type = "hygiene.code", max_length = 8)]
struct Code(::std::string::String);

#[derive(odata_core::ODataEntity, Debug, PartialEq)]
#[odata(type = "hygiene.thing", base_type = "hygiene.base")]
struct Thing {
    #[odata(base)]
    base: Base,
    names: ::core::option::Option<::std::vec::Vec<::std::string::String>>,
    kind: ::core::option::Option<Kind>,
    code: ::core::option::Option<Code>,
    #[odata(navigation, partner = "whole")]
    parts: odata_core::Navigation<::std::vec::Vec<Thing>>,
    #[odata(navigation, nullable = false, referential_constraint(property = "id", referenced_property = "id"))]
    whole: odata_core::Navigation<Thing>,
}

#[derive(odata_core::ODataEnum, Debug, PartialEq)]
#[odata(type = "hygiene.kind", underlying_type = "Edm.Byte")]
enum Kind {
    Small,
    Other(::std::string::String),
}

#[derive(odata_core::ODataFunction, Debug)]
#[odata(name = "hygiene.top", returns = "::std::vec::Vec<Thing>")]
struct Top {
    count: i32,
}

#[derive(odata_core::ODataService)]
#[odata(namespace = "hygiene", container = "Container")]
struct Service {
    #[odata(entity_set = "things", binding(path = "parts", target = "things"))]
    things: odata_core::container::EntitySet<Thing>,
    #[odata(singleton = "root")]
    root: odata_core::container::Singleton<Base>,
    #[odata(function_import = "top", entity_set = "things")]
    top: odata_core::container::FunctionImport<Top>,
}

#[test]
fn derived_container_ignores_shadowed_names() {
    let root = odata_core::query::ServiceRoot::new("http://h/s").expect("a root");
    let service = <Service as odata_core::ODataService>::at(&root);
    assert_eq!(service.things.key("1").path(), "things('1')");
    assert_eq!(service.top.call(&Top { count: 2 }).path(), "top(count=2)");
    assert_eq!(service.root.path(), "root");
}

#[test]
fn derived_code_ignores_shadowed_names() {
    let thing: Thing =
        serde_json::from_str(r#"{"id": "1", "names": ["a"], "kind": "big", "parts": [{"id": "2"}]}"#).expect("decode");
    assert_eq!(thing.kind, ::core::option::Option::Some(Kind::Other("big".into())));
    assert_eq!(thing.parts.iter().count(), 1);
    let text = serde_json::to_string(&thing).expect("encode");
    assert_eq!(text, r#"{"id":"1","names":["a"],"kind":"big","parts":[{"id":"2"}]}"#);
}
