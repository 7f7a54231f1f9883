//! Code generation from a validated model. Nothing here fails: errors were found in `valid.rs`.

mod enumeration;
mod operation;
mod polymorphic;
mod structured;
mod type_definition;

use proc_macro2::TokenStream;
use quote::quote;

use crate::fallback;
use crate::valid::{self, Kind, Model};

/// Runs one derive: parse, validate, expand; on errors, report them all plus a fallback impl.
pub fn derive(input: TokenStream, kind: Kind) -> TokenStream {
    let input: syn::DeriveInput = match syn::parse2(input) {
        Ok(input) => input,
        Err(error) => return error.to_compile_error(),
    };
    match try_expand(&input, kind) {
        Ok(tokens) => tokens,
        Err(errors) => {
            let mut tokens = errors.write_errors();
            tokens.extend(fallback::expand(&input, kind));
            tokens
        }
    }
}

fn try_expand(input: &syn::DeriveInput, kind: Kind) -> darling::Result<TokenStream> {
    Ok(match valid::validate(input, kind)? {
        Model::Struct(model) => structured::expand(&model),
        Model::Enum(model) => enumeration::expand(&model),
        Model::Holder(model) => polymorphic::expand(&model),
        Model::Operation(model) => operation::expand(&model),
        Model::TypeDefinition(model) => type_definition::expand(&model),
    })
}

/// A `FacetInfo` constant; `FacetInfo::NONE` when no facet is declared (the common case).
fn facet_info(facets: &valid::Facets) -> TokenStream {
    let valid::Facets { max_length, precision, scale, srid, unicode, default_value } = facets;
    if max_length.is_none()
        && precision.is_none()
        && scale.is_none()
        && srid.is_none()
        && unicode.is_none()
        && default_value.is_none()
    {
        return quote!(_odata::FacetInfo::NONE);
    }
    fn some(value: Option<TokenStream>) -> TokenStream {
        match value {
            Some(value) => quote!(_odata::__private::Some(#value)),
            None => quote!(_odata::__private::None),
        }
    }
    let max_length = some(max_length.map(|m| match m {
        valid::MaxLength::Max => quote!(_odata::MaxLength::Max),
        valid::MaxLength::Length(n) => quote!(_odata::MaxLength::Length(#n)),
    }));
    let precision = some(precision.map(|p| quote!(#p)));
    let scale = some(scale.map(|s| match s {
        valid::Scale::Digits(n) => quote!(_odata::Scale::Digits(#n)),
        valid::Scale::Variable => quote!(_odata::Scale::Variable),
        valid::Scale::Floating => quote!(_odata::Scale::Floating),
    }));
    let srid = some(srid.map(|s| match s {
        valid::Srid::Id(n) => quote!(_odata::Srid::Id(#n)),
        valid::Srid::Variable => quote!(_odata::Srid::Variable),
    }));
    let unicode = some(unicode.map(|u| quote!(#u)));
    let default_value = some(default_value.as_ref().map(|d| quote!(#d)));
    quote! {
        _odata::FacetInfo {
            max_length: #max_length,
            precision: #precision,
            scale: #scale,
            srid: #srid,
            unicode: #unicode,
            default_value: #default_value,
        }
    }
}

/// `EdmType`, `Serialize` and `Deserialize` for a derived type, all forwarding to odata-core:
/// `serialize` writes `self` to `__odata_serializer`; `deserialize(root)` reads from
/// `__odata_deserializer` (`root`: the outermost value, which turns error trails into paths and
/// names `$` for an error of the value itself).
fn wire_impls(
    ident: &syn::Ident,
    type_ref: TokenStream,
    serialize: TokenStream,
    deserialize: impl Fn(bool) -> TokenStream,
) -> TokenStream {
    wire_impls_with(ident, type_ref, serialize, deserialize, TokenStream::new())
}

/// [`wire_impls`] with more items in the `EdmType` impl (`edm_items`).
fn wire_impls_with(
    ident: &syn::Ident,
    type_ref: TokenStream,
    serialize: TokenStream,
    deserialize: impl Fn(bool) -> TokenStream,
    edm_items: TokenStream,
) -> TokenStream {
    let nested = deserialize(false);
    // The outermost value also gives `$` as the path of an error of the value itself (`null`, an
    // array). Wrapped here, at the root only: inside the shared decode functions the same line
    // changed their inlining and cost 1.5% of a page's decode (callgrind).
    let root = deserialize(true);
    let root = quote!(_odata::__private::Result::map_err(#root, _odata::__private::path_at_root));
    quote! {
        #[automatically_derived]
        impl _odata::EdmType for #ident {
            const TYPE: _odata::TypeRef = #type_ref;

            #[inline]
            fn serialize_edm<__S: _odata::__private::serde::Serializer>(
                &self,
                __odata_serializer: __S,
            ) -> _odata::__private::Result<__S::Ok, __S::Error> {
                #serialize
            }

            #[inline]
            fn deserialize_edm<'de, __D: _odata::__private::serde::Deserializer<'de>>(
                __odata_deserializer: __D,
            ) -> _odata::__private::Result<Self, __D::Error> {
                #nested
            }

            #edm_items
        }

        #[automatically_derived]
        impl _odata::__private::serde::Serialize for #ident {
            fn serialize<__S: _odata::__private::serde::Serializer>(
                &self,
                __odata_serializer: __S,
            ) -> _odata::__private::Result<__S::Ok, __S::Error> {
                _odata::EdmType::serialize_edm(self, __odata_serializer)
            }
        }

        #[automatically_derived]
        impl<'de> _odata::__private::serde::Deserialize<'de> for #ident {
            fn deserialize<__D: _odata::__private::serde::Deserializer<'de>>(
                __odata_deserializer: __D,
            ) -> _odata::__private::Result<Self, __D::Error> {
                #root
            }
        }
    }
}

/// The `EdmType` items that read a property's value into its `Option` with `read_in` instead of
/// returning it, and with `push` (when given) a collection's value onto its `Vec` (see
/// `odata_core`'s `wire/place.rs`): a struct or holder is then built where it stays, not copied
/// out of its reader into the field.
fn in_place(read_in: TokenStream, push: Option<TokenStream>) -> TokenStream {
    let push = push.map(|push| {
        quote! {
            #[inline]
            fn __odata_deserialize_push<'de, __D: _odata::__private::serde::Deserializer<'de>>(
                __odata_deserializer: __D,
                __odata_items: &mut ::std::vec::Vec<Self>,
            ) -> _odata::__private::Result<(), __D::Error> {
                #push(__odata_deserializer, __odata_items)
            }
        }
    });
    quote! {
        const __ODATA_IN_PLACE: bool = true;

        #[inline]
        fn __odata_deserialize_in<'de, __D: _odata::__private::serde::Deserializer<'de>>(
            __odata_deserializer: __D,
            __odata_slot: &mut _odata::__private::Option<Self>,
        ) -> _odata::__private::Result<(), __D::Error> {
            #read_in(__odata_deserializer, __odata_slot)
        }

        #push
    }
}

/// `ParameterValue` for an entity or complex type (or a holder of derived types): the value as a
/// JSON object in a function's URL. Enumerations get theirs from `UrlLiteral`.
///
/// `#[inline]` so that it is compiled only where a function call uses it, like a generic: a plain
/// method would be compiled (in release, optimised) in the model's crate for every type, and with
/// it the type's whole JSON encoder for serde_json's `String` writer, which nothing else there
/// instantiates (three quarters of the LLVM IR of a 100-type model crate, measured with
/// `cargo llvm-lines`).
fn json_parameter(ident: &syn::Ident) -> TokenStream {
    quote! {
        #[automatically_derived]
        impl _odata::query::ParameterValue for #ident {
            #[inline]
            fn write_parameter(&self, __odata_out: &mut _odata::__private::String) {
                _odata::__private::write_json_parameter(self, __odata_out)
            }
        }
    }
}

/// Registers the type for CSDL and for telling known types from unknown ones while decoding.
fn register(ident: &syn::Ident) -> TokenStream {
    quote! {
        _odata::__private::inventory::submit! {
            _odata::__private::Registration(<#ident as _odata::ODataType>::TYPE_INFO)
        }
    }
}

#[cfg(test)]
mod snapshots;
