//! Receivers -> a validated model, one file per kind of input: `structured.rs` (entity and
//! complex types), `holder.rs` (enums of the types a value may have), `enumeration.rs`,
//! `operation.rs`, `type_definition.rs`, with the rules they share in `facets.rs` and
//! `constants.rs`. Each rule is a function that pushes its errors; every error is collected before
//! any is reported, so the user sees all of them at once. Code generation then cannot fail.
//!
//! Keys written where they do not belong never get here: each derive has its own receivers
//! (`ast/`), and darling rejects them.

use darling::util::{Ignored, SpannedValue};
use darling::{FromDeriveInput, FromField, FromVariant};
use proc_macro2::{Span, TokenStream};
use quote::{ToTokens, quote};
use syn::spanned::Spanned;

use crate::ast::{self, Places, error_at};
use crate::case;

mod constants;
mod enumeration;
mod facets;
mod holder;
mod model;
mod operation;
mod structured;
mod type_definition;

pub use facets::facets;
pub use model::*;

/// Which derive is running.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Entity,
    Complex,
    Enum,
    Function,
    Action,
    TypeDefinition,
}

impl Kind {
    pub fn derive_name(self) -> &'static str {
        match self {
            Kind::Entity => "ODataEntity",
            Kind::Complex => "ODataComplex",
            Kind::Enum => "ODataEnum",
            Kind::Function => "ODataFunction",
            Kind::Action => "ODataAction",
            Kind::TypeDefinition => "ODataTypeDefinition",
        }
    }
}

/// Reads the input with the receivers of `kind` and validates it. An enum with
/// `#[derive(ODataEntity)]` or `#[derive(ODataComplex)]` is a polymorphic holder, read by the
/// holder's receivers.
pub fn validate(input: &syn::DeriveInput, kind: Kind) -> darling::Result<Model> {
    let is_enum = matches!(input.data, syn::Data::Enum(_));
    match kind {
        Kind::Entity | Kind::Complex if is_enum => {
            let places = Places {
                container: if kind == Kind::Entity {
                    "an enum with `#[derive(ODataEntity)]`"
                } else {
                    "an enum with `#[derive(ODataComplex)]`"
                },
                field: "a field",
                variant: "a variant of an enum of the types a value may have (the type it holds has its own)",
            };
            run::<ast::HolderAttrs, ast::HolderVariantAttrs, Ignored>(input, &places, |read, errors| {
                holder::validate(read, kind, errors)
            })
        }
        Kind::Entity => run(input, &structured::places(kind), structured::entity),
        Kind::Complex => run(input, &structured::places(kind), structured::complex),
        Kind::Enum => {
            let places = Places {
                container: "`#[derive(ODataEnum)]`",
                field: "a field of a struct",
                variant: "an enumeration member",
            };
            run(input, &places, enumeration::validate)
        }
        Kind::Function => run(input, &operation::places(kind), operation::function),
        Kind::Action => run(input, &operation::places(kind), operation::action),
        Kind::TypeDefinition => {
            let places = Places {
                container: "`#[derive(ODataTypeDefinition)]`",
                field: "the field of a type definition (facets go on the struct, as in `#[odata(type = \"...\", max_length = 40)]`)",
                variant: "a variant",
            };
            run(input, &places, type_definition::validate)
        }
    }
}

/// Reads `input` with the receivers `C`, `V`, `F` and validates what they read, darling's errors and
/// the rules' reported together.
fn run<C: FromDeriveInput, V: FromVariant, F: FromField>(
    input: &syn::DeriveInput,
    places: &Places,
    validate: impl FnOnce(ast::Input<C, V, F>, darling::error::Accumulator) -> darling::Result<Model>,
) -> darling::Result<Model> {
    let mut errors = darling::Error::accumulator();
    match ast::read(input, places, &mut errors) {
        Some(read) => validate(read, errors),
        None => {
            errors.finish()?;
            // A part is missing only after an error.
            Err(darling::Error::custom("the input could not be read"))
        }
    }
}

/// The name and crate path every type derive has: `type` is required and namespace-qualified.
fn container(
    ident: &syn::Ident,
    common: &ast::TypeKeys,
    kind: Kind,
    errors: &mut darling::error::Accumulator,
) -> Option<Container> {
    container_of(ident, common.type_name.as_ref(), common.crate_path.as_ref(), kind, errors)
}

fn container_of(
    ident: &syn::Ident,
    type_name: Option<&SpannedValue<String>>,
    crate_path: Option<&syn::Path>,
    kind: Kind,
    errors: &mut darling::error::Accumulator,
) -> Option<Container> {
    let Some(type_name) = type_name else {
        errors.push(error_at(
            ident.span(),
            format!(
                "`#[derive({})]` needs the OData type name; add `#[odata(type = \"namespace.name\")]` with the `@odata.type` of the docs' annotation block, e.g. `#[odata(type = \"microsoft.graph.callRecords.session\")]`",
                kind.derive_name()
            ),
        ));
        return None;
    };
    let Some((namespace, name)) = case::split_qualified_name(type_name) else {
        errors
            .push(error_at(type_name.span(), malformed_name("type", type_name, "microsoft.graph.callRecords.session")));
        return None;
    };
    Some(Container {
        ident: ident.clone(),
        krate: krate(crate_path),
        namespace: namespace.to_owned(),
        name: name.to_owned(),
        qualified_name: type_name.as_str().to_owned(),
    })
}

/// The path to odata-core: `crate = "..."`, or `::odata_core`.
fn krate(crate_path: Option<&syn::Path>) -> TokenStream {
    match crate_path {
        Some(path) => path.to_token_stream(),
        None => quote!(::odata_core),
    }
}

/// An OData type has no type parameters.
fn check_not_generic(generics: &syn::Generics, kind: Kind, errors: &mut darling::error::Accumulator) {
    if !generics.params.is_empty() || generics.where_clause.is_some() {
        errors.push(error_at(
            generics.span(),
            format!(
                "`#[derive({})]` does not support generic types; an OData type has no type parameters",
                kind.derive_name()
            ),
        ));
    }
}

fn malformed_name(key: &str, value: &str, example: &str) -> String {
    format!(
        "`#[odata({key} = {value:?})]` is not a namespace-qualified name; write `namespace.name` with letters, digits and `_` (e.g. `{example}`), without a leading `#`"
    )
}

/// Rust types of the Edm primitive types (by last path segment), which no entity or complex
/// type is.
pub fn is_primitive_name(name: &str) -> bool {
    matches!(
        name,
        "String"
            | "str"
            | "bool"
            | "u8"
            | "i8"
            | "i16"
            | "i32"
            | "i64"
            | "f32"
            | "f64"
            | "Decimal"
            | "Uuid"
            | "DateTimeOffset"
            | "Date"
            | "TimeOfDay"
            | "Duration"
            | "Binary"
            | "Flags"
    )
}

/// `tokens` with every span set to `span`.
fn respan(tokens: TokenStream, span: Span) -> TokenStream {
    tokens
        .into_iter()
        .map(|mut token| {
            if let proc_macro2::TokenTree::Group(group) = &token {
                let mut inner = proc_macro2::Group::new(group.delimiter(), respan(group.stream(), span));
                inner.set_span(span);
                token = proc_macro2::TokenTree::Group(inner);
            }
            token.set_span(span);
            token
        })
        .collect()
}

/// `T` of a type whose last path segment is `name<T>` (`Option<T>`, `::core::option::Option<T>`).
pub fn generic_argument<'a>(ty: &'a syn::Type, name: &str) -> Option<&'a syn::Type> {
    let syn::Type::Path(path) = ty else { return None };
    if path.qself.is_some() {
        return None;
    }
    let segment = path.path.segments.last()?;
    if segment.ident != name {
        return None;
    }
    let syn::PathArguments::AngleBracketed(args) = &segment.arguments else { return None };
    let mut types = args.args.iter().filter_map(|arg| match arg {
        syn::GenericArgument::Type(ty) => Some(ty),
        _ => None,
    });
    let first = types.next()?;
    (args.args.len() == 1).then_some(first)
}

/// Whether the last path segment of `ty` is `name` (`AdditionalData`, `::odata_core::AdditionalData`).
fn last_segment_is(ty: &syn::Type, name: &str) -> bool {
    matches!(ty, syn::Type::Path(path) if path.qself.is_none() && path.path.segments.last().is_some_and(|s| s.ident == name))
}
