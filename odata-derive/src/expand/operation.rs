//! `#[derive(ODataFunction)]` and `#[derive(ODataAction)]`: the operation's table, its binding
//! and result types, and its registration for CSDL.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;

use crate::valid::{Kind, OperationModel};

pub fn expand(model: &OperationModel) -> TokenStream {
    let krate = &model.krate;
    let ident = &model.ident;
    let (namespace, name, qualified) = (&model.namespace, &model.name, &model.qualified_name);
    let kind = match model.kind {
        Kind::Action => quote!(Action),
        _ => quote!(Function),
    };
    let composable = model.composable;
    let (binding, binding_type) = match &model.binding {
        Some((ty, parameter, nullable)) => {
            let edm = quote_spanned!(ty.span()=> <#ty as _odata::EdmType>::TYPE);
            (
                quote!(_odata::__private::Some(_odata::ParameterInfo { name: #parameter, rust_name: "", ty: #edm, nullable: #nullable, facets: _odata::FacetInfo::NONE })),
                quote!(#ty),
            )
        }
        None => (quote!(_odata::__private::None), quote!(())),
    };
    let (return_type, output) = match &model.returns {
        Some((ty, nullable, facets)) => {
            let edm = quote_spanned!(ty.span()=> <#ty as _odata::EdmType>::TYPE);
            let facets = super::facet_info(facets);
            (
                quote!(_odata::__private::Some(_odata::ReturnInfo { ty: #edm, nullable: #nullable, facets: #facets })),
                quote!(#ty),
            )
        }
        None => (quote!(_odata::__private::None), quote!(())),
    };
    let parameters = model.parameters.iter().map(|p| {
        let (ty, wire_name, nullable) = (&p.ty, &p.wire_name, p.nullable);
        let facets = super::facet_info(&p.facets);
        let rust_name = p.ident.to_string();
        let rust_name = rust_name.strip_prefix("r#").unwrap_or(&rust_name).to_owned();
        let edm = quote_spanned!(ty.span()=> <#ty as _odata::EdmType>::TYPE);
        quote!(_odata::ParameterInfo { name: #wire_name, rust_name: #rust_name, ty: #edm, nullable: #nullable, facets: #facets })
    });
    // Functions are called in the URL: each parameter is written as a literal there.
    let url_parameters = (model.kind == Kind::Function).then(|| {
        let writes = model.parameters.iter().map(|p| {
            let (field, wire_name) = (&p.ident, &p.wire_name);
            quote_spanned!(p.ty.span()=> __odata_out.parameter(#wire_name, &self.#field);)
        });
        quote! {
            #[automatically_derived]
            impl _odata::query::FunctionParameters for #ident {
                fn write_parameters(&self, __odata_out: &mut _odata::query::ParameterWriter<'_>) {
                    #(#writes)*
                }
            }
        }
    });
    quote! {
        #[allow(unused_qualifications, clippy::all)]
        const _: () = {
            use #krate as _odata;

            #[automatically_derived]
            impl _odata::ODataOperation for #ident {
                const OPERATION_INFO: &'static _odata::OperationInfo = &_odata::OperationInfo {
                    namespace: #namespace,
                    name: #name,
                    qualified_name: #qualified,
                    kind: _odata::OperationKind::#kind,
                    binding: #binding,
                    parameters: &[#(#parameters),*],
                    return_type: #return_type,
                    is_composable: #composable,
                };
                type Binding = #binding_type;
                type Output = #output;
            }

            #url_parameters

            _odata::__private::inventory::submit! {
                _odata::__private::OperationRegistration(<#ident as _odata::ODataOperation>::OPERATION_INFO)
            }
        };
    }
}
