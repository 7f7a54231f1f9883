//! The receivers of a polymorphic holder: an enum with `#[derive(ODataEntity)]` or
//! `#[derive(ODataComplex)]` whose variants hold the declared type and types derived from it.
//! Its only keys are the type's name and the crate path; the held types carry everything else.

use darling::{FromDeriveInput, FromVariant};

use super::{TypeKeys, VariantField};

/// The enum: `#[odata(type = "...")]`, the qualified name of the declared type.
#[derive(FromDeriveInput)]
#[darling(attributes(odata))]
pub struct HolderAttrs {
    pub ident: syn::Ident,
    pub generics: syn::Generics,

    /// The keys every type has: `type` and `crate`.
    #[darling(flatten)]
    pub common: TypeKeys,
}

/// A variant: `Endpoint(Endpoint)` or `Large(Box<Large>)`. It takes no keys (the held type has
/// its own name), but it reads `#[odata(...)]` so that a key put there is reported, not ignored.
#[derive(FromVariant)]
#[darling(attributes(odata))]
pub struct HolderVariantAttrs {
    pub ident: syn::Ident,
    pub fields: darling::ast::Fields<VariantField>,
}
