//! After an attribute error, emit the traits anyway (with bodies that never run, since the build
//! has already failed), so the user sees the one real error and not a cascade of "`Session` is
//! not an OData entity type" wherever the type is used. The impls themselves are odata-core's
//! `__odata_fallback!`, kept next to the traits they implement.

use proc_macro2::TokenStream;
use quote::quote;

use crate::valid::Kind;

pub fn expand(input: &syn::DeriveInput, kind: Kind) -> TokenStream {
    // An impl for a generic type would itself fail to compile: emit nothing then.
    if !input.generics.params.is_empty() {
        return TokenStream::new();
    }
    let which = match kind {
        Kind::Entity => quote!(entity),
        Kind::Complex => quote!(complex),
        Kind::Enum => quote!(enum),
        Kind::TypeDefinition => quote!(type_definition),
        // Operations have no traits that other code leans on before they compile.
        Kind::Function | Kind::Action => return TokenStream::new(),
    };
    let ident = &input.ident;
    let krate = crate_path(input);
    quote! {
        #[allow(unused_qualifications, unreachable_code, clippy::all)]
        const _: () = {
            use #krate as _odata;
            _odata::__odata_fallback!(#which #ident);
        };
    }
}

/// `#[odata(crate = "...")]` if it can be found without darling (whose parse may have failed).
pub fn crate_path(input: &syn::DeriveInput) -> TokenStream {
    let mut found = None;
    for attr in input.attrs.iter().filter(|a| a.path().is_ident("odata")) {
        let _ = attr.parse_nested_meta(|meta| {
            if meta.path.is_ident("crate") {
                let path: syn::LitStr = meta.value()?.parse()?;
                found = path.parse::<syn::Path>().ok();
            } else if meta.input.peek(syn::Token![=]) {
                let _: syn::Expr = meta.value()?.parse()?;
            }
            Ok(())
        });
    }
    match found {
        Some(path) => quote!(#path),
        None => quote!(::odata_core),
    }
}
