//! The derives of [odata-core](https://docs.rs/odata-core): `ODataEntity`, `ODataComplex`,
//! `ODataEnum`, `ODataTypeDefinition`, `ODataFunction`, `ODataAction` and `ODataService`. Use
//! them through `odata_core`, which re-exports them next to the traits of the same names, so one
//! `use odata_core::ODataEntity;` brings both.
//!
//! Each derive's page lists every `#[odata(...)]` attribute it takes, with its CSDL meaning and
//! an example: [`ODataEntity`](derive@ODataEntity) (entity types and polymorphic holders of
//! them), [`ODataComplex`](derive@ODataComplex) (complex types and their holders),
//! [`ODataEnum`](derive@ODataEnum) (enumeration types, flags, unknown members),
//! [`ODataTypeDefinition`](derive@ODataTypeDefinition) (named primitive types with facets),
//! [`ODataFunction`](derive@ODataFunction) and [`ODataAction`](derive@ODataAction) (operations,
//! bound and unbound, overloads), [`ODataService`](derive@ODataService) (entity containers).
//! The examples here need `odata_core` and are not run in this crate; the same examples are
//! compiled and run in `odata_core::guide`
//! ([docs.rs](https://docs.rs/odata-core/latest/odata_core/guide/index.html)), which walks from a
//! Graph docs page to typed requests. Mistakes in the attributes are compile errors at the
//! attribute, saying what to write (the cases are in the repository's `tests/ui/`).
//!
//! Layout: `ast/` reads the `#[odata(...)]` attributes (a receiver per derive and kind of item),
//! `valid/` checks them (all errors at once), `expand/` writes the code, `fallback.rs` keeps one
//! error from becoming many; `service/` has the same stages for `ODataService`. The reference pages are `docs/*.md`.

mod ast;
// The naming rules, shared with odata-codegen.
use odata_names as case;
mod expand;
mod fallback;
mod service;
mod valid;

use proc_macro::TokenStream;

#[doc = include_str!("../docs/entity.md")]
#[proc_macro_derive(ODataEntity, attributes(odata))]
pub fn derive_entity(input: TokenStream) -> TokenStream {
    expand::derive(input.into(), valid::Kind::Entity).into()
}

#[doc = include_str!("../docs/complex.md")]
#[proc_macro_derive(ODataComplex, attributes(odata))]
pub fn derive_complex(input: TokenStream) -> TokenStream {
    expand::derive(input.into(), valid::Kind::Complex).into()
}

#[doc = include_str!("../docs/function.md")]
#[proc_macro_derive(ODataFunction, attributes(odata))]
pub fn derive_function(input: TokenStream) -> TokenStream {
    expand::derive(input.into(), valid::Kind::Function).into()
}

#[doc = include_str!("../docs/action.md")]
#[proc_macro_derive(ODataAction, attributes(odata))]
pub fn derive_action(input: TokenStream) -> TokenStream {
    expand::derive(input.into(), valid::Kind::Action).into()
}

#[doc = include_str!("../docs/type_definition.md")]
#[proc_macro_derive(ODataTypeDefinition, attributes(odata))]
pub fn derive_type_definition(input: TokenStream) -> TokenStream {
    expand::derive(input.into(), valid::Kind::TypeDefinition).into()
}

#[doc = include_str!("../docs/enum.md")]
#[proc_macro_derive(ODataEnum, attributes(odata))]
pub fn derive_enum(input: TokenStream) -> TokenStream {
    expand::derive(input.into(), valid::Kind::Enum).into()
}

#[doc = include_str!("../docs/service.md")]
#[proc_macro_derive(ODataService, attributes(odata))]
pub fn derive_service(input: TokenStream) -> TokenStream {
    service::derive(input.into()).into()
}
