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

    /// `binding_nullable = false`: the binding parameter is never null (`Nullable="false"` on
    /// the bound operation's first `<Parameter>`; the default is `true`, as in CSDL).
    pub binding_nullable: Option<SpannedValue<bool>>,

    /// `return_facets(precision = 19, scale = 4)`: facets of the result (`<ReturnType>`), with
    /// the keys of a property's facets.
    pub return_facets: Option<FacetAttrs>,

    /// `has_stream`: a media entity type (`HasStream="true"`): each instance has a stream, read
    /// at `/$value`; the type implements `MediaEntity`.
    pub has_stream: Flag,

    /// `underlying_type = "Edm.Byte"`: the integer type of an enumeration's values
    /// (`UnderlyingType`: `Edm.Byte`, `Edm.SByte`, `Edm.Int16`, `Edm.Int32` or `Edm.Int64`;
    /// without it, CSDL's default `Edm.Int32`). Every member's value must fit in it.
    pub underlying_type: Option<SpannedValue<String>>,

    /// The facets of a type definition's underlying type (`#[derive(ODataTypeDefinition)]`
    /// only): `max_length = 40`, `precision = 19, scale = 4`, ... (see [`FacetAttrs`]).
    #[darling(flatten)]
    pub facets: FacetAttrs,
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

/// `referential_constraint(property = "customerId", referenced_property = "id")`.
#[derive(FromMeta)]
pub struct ConstraintAttrs {
    /// The property of this type that holds the target's value.
    pub property: SpannedValue<String>,
    /// The property of the target type it equals.
    pub referenced_property: SpannedValue<String>,
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

    /// `constant = "KIND"`: the name of the property's constant for typed queries, when the
    /// default (the field name in upper case) is taken: `TYPE_INFO`, `QUALIFIED_NAME` and
    /// `TYPE_ANNOTATION` would hide the constants of `ODataType` (`Session::TYPE_INFO`), and two
    /// fields may map to the same name. (`TYPE`, from a field `r#type`, stays the property's: Graph
    /// types have a `type` property and code already writes `CallRecord::TYPE` for it; the Edm
    /// type is `<CallRecord as EdmType>::TYPE`.)
    pub constant: Option<SpannedValue<String>>,

    /// `nullable = false`: the property is never null (`Nullable="false"` in CSDL; the default is
    /// `true`, as in CSDL). Fields stay `Option`, because a response may omit any property.
    pub nullable: Option<SpannedValue<bool>>,

    /// `read_only`: the service computes the property (`Core.Computed`, or read-only in the docs'
    /// table); updates never send it.
    pub read_only: Flag,

    /// `partner = "customer"`: the navigation property of the target type that leads back
    /// (`Partner`; navigation properties only).
    pub partner: Option<SpannedValue<String>>,

    /// `referential_constraint(property = "customerId", referenced_property = "id")`: a property
    /// of this type that holds the target's (`<ReferentialConstraint>`; navigation properties
    /// only); repeat it for a compound key.
    #[darling(multiple)]
    pub referential_constraint: Vec<SpannedValue<ConstraintAttrs>>,

    /// Facets of the property or parameter: `max_length = 40`, `precision = 19, scale = 4`,
    /// `scale = "variable"`, `srid = 4326`, `unicode = false`, `default_value = "..."`.
    #[darling(flatten)]
    pub facets: FacetAttrs,
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
