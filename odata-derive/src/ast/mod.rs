//! The `#[odata(...)]` attributes as darling reads them: one receiver per derive and per kind of
//! item (structured types and their property fields, enumerations and their members, holders and
//! their variants, operations and their parameters, type definitions and their field), so that a
//! key that does not belong where it is written is rejected by darling itself, with its "did you
//! mean". Each key's `///` doc is its reference.
//!
//! These receivers only parse; the rules between keys live in `valid/`. `read.rs` runs them and
//! says, under a key darling rejects, where that key does belong.

use darling::util::SpannedValue;
use darling::{FromField, FromMeta};
use proc_macro2::Span;

mod enumeration;
mod holder;
mod operation;
mod read;
mod structured;
mod type_definition;

pub use enumeration::{EnumAttrs, MemberAttrs};
pub use holder::{HolderAttrs, HolderVariantAttrs};
pub use operation::{ActionAttrs, FunctionAttrs, OperationKeys, ParameterAttrs};
pub use read::{Input, Places, read};
pub use structured::{ComplexAttrs, EntityAttrs, PropertyAttrs, StructuredKeys};
pub use type_definition::{TypeDefinitionAttrs, TypeDefinitionFieldAttrs};

/// The keys every type derive takes (flattened into its receiver).
#[derive(FromMeta)]
pub struct TypeKeys {
    /// `type = "namespace.name"`: the qualified name of the OData type (required). The docs'
    /// `@odata.type`, e.g. `"microsoft.graph.callRecords.session"`.
    #[darling(rename = "type")]
    pub type_name: Option<SpannedValue<String>>,

    /// `crate = "path"`: where odata-core is, for crates that re-export it
    /// (default `::odata_core`).
    #[darling(rename = "crate")]
    pub crate_path: Option<syn::Path>,
}

/// Facets, as CSDL spells them: on a property or parameter field, on a type definition, and in
/// `return_facets(...)`.
#[derive(FromMeta, Default)]
pub struct FacetAttrs {
    /// `max_length = 40` or `max_length = "max"`: the longest value, in characters (strings) or
    /// bytes (binary) (`MaxLength`).
    pub max_length: Option<SpannedValue<FacetValue>>,

    /// `precision = 19`: significant digits of a decimal, or fractional-second digits of a
    /// temporal value (`Precision`).
    pub precision: Option<SpannedValue<u32>>,

    /// `scale = 4`, `scale = "variable"` or `scale = "floating"`: digits right of a decimal's
    /// point (`Scale`); a number of digits is at most the precision.
    pub scale: Option<SpannedValue<FacetValue>>,

    /// `srid = 4326` or `srid = "variable"`: the spatial reference system of a geography or
    /// geometry value (`SRID`).
    pub srid: Option<SpannedValue<FacetValue>>,

    /// `unicode = false`: the string holds ASCII characters only (`Unicode="false"`).
    pub unicode: Option<SpannedValue<bool>>,

    /// `default_value = "..."`: the value the service uses when none is given, as a CSDL
    /// literal (`DefaultValue`).
    pub default_value: Option<SpannedValue<String>>,
}

impl FacetAttrs {
    /// The first facet given, if any, with its key: where "facets do not apply here" points.
    pub fn first(&self) -> Option<(Span, &'static str)> {
        [
            (self.max_length.as_ref().map(|v| v.span()), "max_length"),
            (self.precision.as_ref().map(|v| v.span()), "precision"),
            (self.scale.as_ref().map(|v| v.span()), "scale"),
            (self.srid.as_ref().map(|v| v.span()), "srid"),
            (self.unicode.as_ref().map(|v| v.span()), "unicode"),
            (self.default_value.as_ref().map(|v| v.span()), "default_value"),
        ]
        .into_iter()
        .find_map(|(span, key)| span.map(|span| (span, key)))
    }

    /// The span of the first facet given, if any.
    pub fn first_span(&self) -> Option<Span> {
        self.first().map(|(span, _)| span)
    }
}

/// A facet written as a number (`40`) or a word (`"max"`, `"variable"`).
#[derive(Clone)]
pub enum FacetValue {
    Number(u32),
    Word(String),
}

impl FromMeta for FacetValue {
    fn from_expr(expr: &syn::Expr) -> darling::Result<Self> {
        match expr {
            syn::Expr::Lit(syn::ExprLit { lit: syn::Lit::Int(int), .. }) => {
                int.base10_parse().map(FacetValue::Number).map_err(|_| {
                    darling::Error::custom("a facet is a non-negative number that fits in a u32").with_span(expr)
                })
            }
            syn::Expr::Lit(syn::ExprLit { lit: syn::Lit::Str(text), .. }) => Ok(FacetValue::Word(text.value())),
            _ => {
                Err(darling::Error::custom("a facet is a number (`40`) or a word in quotes (`\"max\"`)")
                    .with_span(expr))
            }
        }
    }
}

/// A field of an enum variant: the catch-all member's `String`, or the type a holder variant holds.
#[derive(FromField)]
pub struct VariantField {
    pub ty: syn::Type,
}

/// A darling error at `span` (darling wants a `Spanned` node; a bare `Span` is not one).
pub fn error_at(span: Span, message: impl std::fmt::Display) -> darling::Error {
    darling::Error::custom(message).with_span(&SpanOnly(span))
}

struct SpanOnly(Span);

impl quote::ToTokens for SpanOnly {
    fn to_tokens(&self, tokens: &mut proc_macro2::TokenStream) {
        tokens.extend(std::iter::once(proc_macro2::TokenTree::Ident(syn::Ident::new("span", self.0))));
    }
}
