//! The receivers of `#[derive(ODataEnum)]`: the enumeration type's keys and its members.

use darling::util::{Flag, SpannedValue};
use darling::{FromDeriveInput, FromMeta, FromVariant};

use super::{TypeKeys, VariantField};

/// `#[derive(ODataEnum)]`: `#[odata(type = "...", flags, underlying_type = "...")]`.
#[derive(FromDeriveInput)]
#[darling(attributes(odata))]
pub struct EnumAttrs {
    pub ident: syn::Ident,
    pub generics: syn::Generics,

    /// The keys every type has: `type` and `crate`.
    #[darling(flatten)]
    pub common: TypeKeys,

    /// `flags`: an enumeration type whose values combine members (`IsFlags="true"`, `"a,b"`);
    /// properties of it have the Rust type `Flags<Enum>`.
    pub flags: Flag,

    /// `underlying_type = "Edm.Byte"`: the integer type of an enumeration's values
    /// (`UnderlyingType`: `Edm.Byte`, `Edm.SByte`, `Edm.Int16`, `Edm.Int32` or `Edm.Int64`;
    /// without it, CSDL's default `Edm.Int32`). Every member's value must fit in it.
    pub underlying_type: Option<SpannedValue<String>>,
}

/// A variant of an enumeration type: `#[odata(rename = "...", value = 3)]`.
#[derive(FromVariant)]
#[darling(attributes(odata))]
pub struct MemberAttrs {
    pub ident: syn::Ident,
    pub fields: darling::ast::Fields<VariantField>,

    /// `rename = "memberName"`: the member name, when it is not the variant name with a
    /// lowercase first letter.
    pub rename: Option<SpannedValue<String>>,

    /// `value = 3`: the member's value (`Value` in CSDL); by default one more than the previous
    /// member's, starting at 0.
    pub value: Option<SpannedValue<MemberValue>>,
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
