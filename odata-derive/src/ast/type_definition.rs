//! The receivers of `#[derive(ODataTypeDefinition)]`: a newtype over a primitive, with facets.

use darling::util::SpannedValue;
use darling::{FromDeriveInput, FromField};

use super::FacetAttrs;

/// `#[derive(ODataTypeDefinition)]`: `#[odata(type = "...", max_length = 40, ...)]`.
#[derive(FromDeriveInput)]
#[darling(attributes(odata))]
pub struct TypeDefinitionAttrs {
    pub ident: syn::Ident,
    pub generics: syn::Generics,

    // `type` and `crate` as in `TypeKeys`, written out because the one `flatten` a receiver may
    // have is taken by the facets.
    /// `type = "namespace.name"`: the qualified name of the type definition (required), e.g.
    /// `"microsoft.graph.Json"`.
    #[darling(rename = "type")]
    pub type_name: Option<SpannedValue<String>>,

    /// `crate = "path"`: where odata-core is, for crates that re-export it
    /// (default `::odata_core`).
    #[darling(rename = "crate")]
    pub crate_path: Option<syn::Path>,

    /// The facets of the underlying type: `max_length = 40`, `precision = 19, scale = 4`, ...
    /// (see [`FacetAttrs`]).
    #[darling(flatten)]
    pub facets: FacetAttrs,
}

/// The wrapped field. It takes no keys (facets go on the struct), but it reads `#[odata(...)]`
/// so that a key put there is reported, not ignored.
#[derive(FromField)]
#[darling(attributes(odata))]
pub struct TypeDefinitionFieldAttrs {
    pub ty: syn::Type,
}
