//! `#[derive(ODataTypeDefinition)]`: a newtype over a primitive. Its table names the type and its
//! underlying primitive with the facets; on the wire it is the primitive, so every impl forwards
//! to the wrapped value.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;

use crate::valid::TypeDefinitionModel;

pub fn expand(model: &TypeDefinitionModel) -> TokenStream {
    let krate = &model.container.krate;
    let ident = &model.container.ident;
    let namespace = &model.container.namespace;
    let name = &model.container.name;
    let qualified = &model.container.qualified_name;
    let annotation = format!("#{qualified}");
    let inner = &model.inner;
    let facets = super::facet_info(&model.facets);
    // Spanned at the wrapped type, so that "wraps a primitive type" points at it.
    let underlying = quote_spanned!(inner.span()=> _odata::__private::checks::primitive_underlying::<#inner>());
    let wire = super::wire_impls(
        ident,
        quote!(_odata::TypeRef::of::<Self>()),
        quote!(<#inner as _odata::EdmType>::serialize_edm(&self.0, __odata_serializer)),
        |_| quote!(_odata::__private::Result::map(<#inner as _odata::EdmType>::deserialize_edm(__odata_deserializer), #ident)),
    );
    let register = super::register(ident);
    // Spanned at the wrapped type too: a type that is no primitive is reported there.
    let write_literal = quote_spanned!(inner.span()=> _odata::query::UrlLiteral::write_literal(&self.0, __odata_out));
    let write_key_segment =
        quote_spanned!(inner.span()=> _odata::query::UrlLiteral::write_key_segment(&self.0, __odata_out));
    quote! {
        #[allow(unused_qualifications, clippy::all)]
        const _: () = {
            use #krate as _odata;

            #[automatically_derived]
            impl _odata::ODataType for #ident {
                const QUALIFIED_NAME: &'static str = #qualified;
                const TYPE_ANNOTATION: &'static str = #annotation;
                const TYPE_INFO: &'static _odata::TypeInfo = &_odata::TypeInfo {
                    underlying_type: _odata::__private::Some(#underlying),
                    facets: #facets,
                    .._odata::TypeInfo::new(_odata::TypeKind::TypeDefinition, #namespace, #name, #qualified)
                };
            }

            #[automatically_derived]
            impl _odata::ODataTypeDefinition for #ident {
                type Underlying = #inner;

                #[inline]
                fn as_underlying(&self) -> &#inner {
                    &self.0
                }

                #[inline]
                fn from_underlying(__odata_value: #inner) -> Self {
                    #ident(__odata_value)
                }
            }

            // In a URL (a key, a filter, a function parameter) the value is the primitive's literal.
            #[automatically_derived]
            impl _odata::query::UrlLiteral for #ident {
                fn write_literal(&self, __odata_out: &mut _odata::__private::String) {
                    #write_literal
                }

                fn write_key_segment(&self, __odata_out: &mut _odata::__private::String) {
                    #write_key_segment
                }
            }

            #wire
            #register
        };
    }
}
