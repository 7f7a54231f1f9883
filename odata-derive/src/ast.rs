//! The `#[odata(...)]` attributes as darling reads them. Each key's `///` doc is its reference.
//!
//! These receivers only parse; the rules between keys live in `valid.rs`.

use darling::util::{Flag, SpannedValue};
use darling::{FromDeriveInput, FromField, FromMeta, FromVariant};
use proc_macro2::Span;
use syn::spanned::Spanned;

/// The container attribute: `#[odata(type = "...", base_type = "...", key_property = "...", ...)]`.
///
/// The keys mirror the annotation block at the top of a Graph docs page:
/// `{"@odata.type": "microsoft.graph.callRecords.session", "baseType": "microsoft.graph.entity", "keyProperty": "id", "openType": false}`.
#[derive(FromDeriveInput)]
#[darling(attributes(odata))]
pub struct ContainerAttrs {
    pub ident: syn::Ident,
    pub generics: syn::Generics,
    pub data: darling::ast::Data<VariantAttrs, FieldAttrs>,

    /// `type = "namespace.name"`: the qualified name of the OData type (required). The docs'
    /// `@odata.type`, e.g. `"microsoft.graph.callRecords.session"`.
    #[darling(rename = "type")]
    pub type_name: Option<SpannedValue<String>>,

    /// `base_type = "namespace.name"`: the type this one derives from (the docs' `baseType`).
    /// The struct then has one `#[odata(base)]` field holding the inherited part.
    pub base_type: Option<SpannedValue<String>>,

    /// `key_property = "id"`: a key property of an entity type (the docs' `keyProperty`); repeat
    /// it for a compound key. May name an inherited property.
    #[darling(multiple)]
    pub key_property: Vec<SpannedValue<String>>,

    /// `open_type`: instances may carry dynamic properties (the docs' `"openType": true`). They are
    /// kept in the type's `AdditionalData` field.
    pub open_type: Flag,

    /// `abstract`: no instance is of exactly this type (`Abstract="true"` in CSDL).
    #[darling(rename = "abstract")]
    pub is_abstract: Flag,

    /// `keyless`: an entity type without a key, as services declare for types used only by
    /// singletons (Graph's `admin`, `cloudCommunications`). Without it a missing key is an error.
    pub keyless: Flag,

    /// `flags`: an enumeration type whose values combine members (`IsFlags="true"`, `"a,b"`);
    /// properties of it have the Rust type `Flags<Enum>`.
    pub flags: Flag,

    /// `crate = "path"`: where odata-core is, for crates that re-export it
    /// (default `::odata_core`).
    #[darling(rename = "crate")]
    pub crate_path: Option<syn::Path>,

    /// `name = "namespace.name"`: the qualified name of a function or action (required on
    /// `#[derive(ODataFunction)]` and `#[derive(ODataAction)]`), e.g.
    /// `"microsoft.graph.callRecords.getPstnCalls"`.
    pub name: Option<SpannedValue<String>>,

    /// `bound_to = "Vec<CallRecord>"`: the Rust type of the binding parameter of a bound
    /// operation (`IsBound="true"`; here bound to the collection of call records).
    pub bound_to: Option<SpannedValue<String>>,

    /// `binding_parameter = "bindingParameter"`: the binding parameter's name (that is the default).
    pub binding_parameter: Option<SpannedValue<String>>,

    /// `returns = "Vec<PstnCallLogRow>"`: the Rust type of the result (`<ReturnType>`; required
    /// on functions).
    pub returns: Option<SpannedValue<String>>,

    /// `return_nullable = false`: the result is never null (`Nullable="false"` on `<ReturnType>`).
    pub return_nullable: Option<SpannedValue<bool>>,

    /// `composable`: the function's result can be queried further (`IsComposable="true"`).
    pub composable: Flag,
}

/// A field attribute: `#[odata(rename = "...", nullable = false, navigation, ...)]`.
#[derive(FromField)]
#[darling(attributes(odata))]
pub struct FieldAttrs {
    pub ident: Option<syn::Ident>,
    pub ty: syn::Type,

    /// `base`: this field holds the inherited part (the type named by `base_type`); the struct
    /// derefs to it, and its properties are read and written in line with the struct's own.
    pub base: Flag,

    /// `navigation`: a navigation property, of type `Navigation<Entity>` or
    /// `Navigation<Vec<Entity>>`.
    pub navigation: Flag,

    /// `contains_target`: the navigation property contains its targets (`ContainsTarget="true"`).
    pub contains_target: Flag,

    /// `rename = "wireName"`: the property name on the wire, when it is not the field name in
    /// camelCase (`reflexive_ip_address` is `reflexiveIPAddress` in Graph).
    pub rename: Option<SpannedValue<String>>,

    /// `nullable = false`: the property is never null (`Nullable="false"` in CSDL; the default is
    /// `true`, as in CSDL). Fields stay `Option`, because a response may omit any property.
    pub nullable: Option<SpannedValue<bool>>,

    /// `read_only`: the service computes the property (`Core.Computed`, or read-only in the docs'
    /// table); updates never send it.
    pub read_only: Flag,
}

/// A variant attribute of an enumeration type: `#[odata(rename = "...", value = 3)]`.
#[derive(FromVariant)]
#[darling(attributes(odata))]
pub struct VariantAttrs {
    pub ident: syn::Ident,
    pub fields: darling::ast::Fields<VariantField>,

    /// `rename = "memberName"`: the member name, when it is not the variant name with a
    /// lowercase first letter.
    pub rename: Option<SpannedValue<String>>,

    /// `value = 3`: the member's value (`Value` in CSDL); by default one more than the previous
    /// member's, starting at 0.
    pub value: Option<SpannedValue<MemberValue>>,
}

/// A field of an enum variant (only the catch-all variant has one).
#[derive(FromField)]
pub struct VariantField {
    pub ty: syn::Type,
}

/// An enumeration member value: an integer literal, negative ones included.
#[derive(Clone, Copy)]
pub struct MemberValue(pub i64);

impl FromMeta for MemberValue {
    fn from_expr(expr: &syn::Expr) -> darling::Result<Self> {
        let (negative, lit) = match expr {
            syn::Expr::Unary(syn::ExprUnary { op: syn::UnOp::Neg(_), expr, .. }) => (true, &**expr),
            other => (false, other),
        };
        let syn::Expr::Lit(syn::ExprLit { lit: syn::Lit::Int(int), .. }) = lit else {
            return Err(darling::Error::custom("`value` must be an integer, e.g. `value = 3`").with_span(expr));
        };
        let magnitude: i128 = int.base10_parse().map_err(|e| darling::Error::from(e).with_span(expr))?;
        let value = if negative { -magnitude } else { magnitude };
        i64::try_from(value)
            .map(MemberValue)
            .map_err(|_| darling::Error::custom("`value` must fit in an Edm.Int64").with_span(expr))
    }
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

/// The span of a `Flag` key, or of `fallback` when the flag is absent.
pub fn flag_span(flag: &Flag, fallback: &impl Spanned) -> Span {
    if flag.is_present() { flag.span() } else { fallback.span() }
}
