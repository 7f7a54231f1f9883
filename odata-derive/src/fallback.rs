//! After an attribute error, emit the traits anyway (with bodies that never run, since the build
//! has already failed), so the user sees the one real error and not a cascade of "`Session` is
//! not an OData entity type" wherever the type is used.

use proc_macro2::TokenStream;
use quote::quote;

use crate::valid::Kind;

pub fn expand(input: &syn::DeriveInput, kind: Kind) -> TokenStream {
    // An impl for a generic type would itself fail to compile: emit nothing then.
    if !input.generics.params.is_empty() {
        return TokenStream::new();
    }
    // Operations have no traits that other code leans on before they compile.
    if matches!(kind, Kind::Function | Kind::Action) {
        return TokenStream::new();
    }
    let ident = &input.ident;
    let unreachable = quote!(::core::unreachable!("`#[derive] failed to compile"));
    let common = quote! {
        impl _odata::ODataType for #ident {
            const QUALIFIED_NAME: &'static str = "";
            const TYPE_ANNOTATION: &'static str = "";
            const TYPE_INFO: &'static _odata::TypeInfo = &_odata::TypeInfo {
                namespace: "", name: "", qualified_name: "",
                kind: _odata::TypeKind::Complex, base_type: _odata::__private::None,
                is_abstract: false, is_open: false, key: &[], properties: &[],
                navigation_properties: &[], members: &[], is_flags: false,
                has_stream: false, underlying_type: _odata::__private::None, facets: _odata::FacetInfo::NONE,
            };
        }
        impl _odata::EdmType for #ident {
            const TYPE: _odata::TypeRef = _odata::TypeRef::primitive("");
            fn serialize_edm<__S: _odata::__private::serde::Serializer>(&self, _: __S) -> _odata::__private::Result<__S::Ok, __S::Error> { #unreachable }
            fn deserialize_edm<'de, __D: _odata::__private::serde::Deserializer<'de>>(_: __D) -> _odata::__private::Result<Self, __D::Error> { #unreachable }
        }
        impl _odata::__private::serde::Serialize for #ident {
            fn serialize<__S: _odata::__private::serde::Serializer>(&self, _: __S) -> _odata::__private::Result<__S::Ok, __S::Error> { #unreachable }
        }
        impl<'de> _odata::__private::serde::Deserialize<'de> for #ident {
            fn deserialize<__D: _odata::__private::serde::Deserializer<'de>>(_: __D) -> _odata::__private::Result<Self, __D::Error> { #unreachable }
        }
    };
    let specific = match kind {
        Kind::Enum => quote! {
            impl _odata::ODataEnum for #ident {
                fn member_name(&self) -> &str { #unreachable }
                fn member_value(&self) -> _odata::__private::Option<i64> { #unreachable }
                fn from_member_name(_: &str) -> _odata::__private::Option<Self> { #unreachable }
                fn from_member_value(_: i64) -> _odata::__private::Option<Self> { #unreachable }
                fn from_unknown_member(_: &str) -> _odata::__private::Option<Self> { #unreachable }
            }
        },
        // Returned early above.
        Kind::Function | Kind::Action => return TokenStream::new(),
        Kind::TypeDefinition => quote!(),
        Kind::Entity | Kind::Complex => {
            let marker = if kind == Kind::Entity {
                quote!(impl _odata::ODataEntity for #ident { type Key = _odata::query::NoKey; })
            } else {
                quote!(impl _odata::ODataComplex for #ident {})
            };
            let marker = quote! {
                #marker
                impl _odata::__private::checks::StructuredKey for #ident { type Key = _odata::query::NoKey; }
            };
            quote! {
                #marker
                impl _odata::ODataStructured for #ident {
                    fn additional_data(&self) -> _odata::__private::Option<&_odata::AdditionalData> { #unreachable }
                    fn additional_data_mut(&mut self) -> _odata::__private::Option<&mut _odata::AdditionalData> { #unreachable }
                }
                impl _odata::__private::StructuredWire for #ident {
                    fn __odata_empty() -> Self { #unreachable }
                    fn __odata_field_index(_: &str) -> _odata::__private::Option<u16> { #unreachable }
                    fn __odata_field_name(_: u16) -> &'static str { #unreachable }
                    fn __odata_visit_field<'de, __A: _odata::__private::serde::de::MapAccess<'de>>(&mut self, _: u16, _: &mut __A, _: &mut bool) -> _odata::__private::Result<(), __A::Error> { #unreachable }
                    fn __odata_navigation_control(&mut self, _: u16) -> _odata::__private::Option<&mut dyn _odata::__private::NavigationControl> { #unreachable }
                    fn __odata_serialize_fields<__M: _odata::__private::serde::ser::SerializeMap>(&self, _: &mut __M, _: _odata::__private::Nulls<'_>) -> _odata::__private::Result<(), __M::Error> { #unreachable }
                    fn __odata_swap_ancestor(&mut self, _: &mut dyn ::core::any::Any) -> bool { #unreachable }
                }
            }
        }
    };
    let krate = crate_path(input);
    quote! {
        #[allow(unused_qualifications, unreachable_code, clippy::all)]
        const _: () = {
            use #krate as _odata;
            #common
            #specific
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
