//! The derives of [odata-core](https://docs.rs/odata-core): `ODataEntity`, `ODataComplex`,
//! `ODataEnum`, `ODataTypeDefinition`, `ODataFunction`, `ODataAction` and `ODataService`. Use them
//! through `odata_core`, which re-exports them next to their traits.
//!
//! Layout: `ast.rs` reads the `#[odata(...)]` attributes, `valid.rs` checks them (all errors at
//! once), `expand/` writes the code, `fallback.rs` keeps one error from becoming many.

mod ast;
// The naming rules, shared with odata-codegen.
use odata_names as case;
mod expand;
mod fallback;
mod service;
mod valid;

use proc_macro::TokenStream;

/// Derives an OData entity type (`<EntityType>`) for a struct with named fields.
///
/// See the `odata_core` crate docs for the attributes.
#[proc_macro_derive(ODataEntity, attributes(odata))]
pub fn derive_entity(input: TokenStream) -> TokenStream {
    expand::derive(input.into(), valid::Kind::Entity).into()
}

/// Derives an OData complex type (`<ComplexType>`) for a struct with named fields.
#[proc_macro_derive(ODataComplex, attributes(odata))]
pub fn derive_complex(input: TokenStream) -> TokenStream {
    expand::derive(input.into(), valid::Kind::Complex).into()
}

/// Derives an OData function (`<Function>`) for a struct whose fields are its parameters.
#[proc_macro_derive(ODataFunction, attributes(odata))]
pub fn derive_function(input: TokenStream) -> TokenStream {
    expand::derive(input.into(), valid::Kind::Function).into()
}

/// Derives an OData action (`<Action>`) for a struct whose fields are its parameters.
#[proc_macro_derive(ODataAction, attributes(odata))]
pub fn derive_action(input: TokenStream) -> TokenStream {
    expand::derive(input.into(), valid::Kind::Action).into()
}

/// Derives an OData type definition (`<TypeDefinition>`) for a newtype over a primitive type:
/// `#[odata(type = "ns.money", precision = 19, scale = 4)] pub struct Money(pub Decimal);`.
/// The attribute takes `type` (required), `crate`, and the facets `max_length`, `precision`,
/// `scale`, `srid`, `unicode` and `default_value`; the value is written and read as the wrapped
/// primitive.
#[proc_macro_derive(ODataTypeDefinition, attributes(odata))]
pub fn derive_type_definition(input: TokenStream) -> TokenStream {
    expand::derive(input.into(), valid::Kind::TypeDefinition).into()
}

/// Derives an OData enumeration type (`<EnumType>`) for a Rust enum of unit variants, with an
/// optional catch-all variant such as `Other(String)` that keeps unknown members.
#[proc_macro_derive(ODataEnum, attributes(odata))]
pub fn derive_enum(input: TokenStream) -> TokenStream {
    expand::derive(input.into(), valid::Kind::Enum).into()
}

/// Derives an OData entity container (`<EntityContainer>`) for a struct whose fields are its
/// entity sets (`EntitySet<Entity>`), singletons (`Singleton<Entity>`), function imports
/// (`FunctionImport<Function>`) and action imports (`ActionImport<Action>`).
///
/// See `odata_core::container` for the attributes.
#[proc_macro_derive(ODataService, attributes(odata))]
pub fn derive_service(input: TokenStream) -> TokenStream {
    service::derive(input.into()).into()
}
