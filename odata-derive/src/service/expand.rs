//! `#[derive(ODataService)]`: the container's static table (`CONTAINER_INFO`), `at(root)` that
//! builds each field's resource, and constant assertions for what only the types know.

use proc_macro2::{Span, TokenStream};
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;

use super::valid::{MemberKind, ServiceModel};

pub fn expand(model: &ServiceModel) -> TokenStream {
    let krate = &model.krate;
    let ident = &model.ident;
    let (namespace, name) = (&model.namespace, &model.name);
    let qualified = format!("{namespace}.{name}");
    let mut sets = Vec::new();
    let mut singletons = Vec::new();
    let mut imports = Vec::new();
    let mut fields = Vec::new();
    let mut checks = Vec::new();
    for member in &model.members {
        let (field, name, target) = (&member.field, &member.name, &member.target);
        let rust_name = field.to_string();
        let rust_name = rust_name.strip_prefix("r#").unwrap_or(&rust_name).to_owned();
        let wrapper = syn::Ident::new(member.kind.wrapper(), Span::call_site());
        // Spanned at the field's type argument: "is not an OData entity type" points there.
        fields.push(quote_spanned! {target.span()=>
            #field: _odata::container::#wrapper::<#target>::new(__odata_root, #name)
        });
        let include = member.include_in_service_document;
        match member.kind {
            MemberKind::EntitySet | MemberKind::Singleton => {
                let bindings = member.bindings.iter().map(|(path, target)| {
                    let path = path.as_str();
                    quote!(_odata::container::NavigationBindingInfo { path: #path, target: #target })
                });
                let info = quote_spanned! {target.span()=>
                    _odata::container::EntitySetInfo {
                        name: #name,
                        rust_name: #rust_name,
                        entity_type: _odata::__private::checks::container_entity::<#target>(),
                        navigation_bindings: &[#(#bindings),*],
                        include_in_service_document: #include,
                    }
                };
                if member.kind == MemberKind::EntitySet {
                    sets.push(info)
                } else {
                    singletons.push(info)
                }
                for (path, _) in &member.bindings {
                    // A path through a cast or a complex property (`ns.Type/nav`) is not checked.
                    if path.contains('/') {
                        continue;
                    }
                    let message = format!(
                        "`binding(path = {:?})` names no navigation property of the entity type of `{field}`; name one of its navigation properties (by its wire name)",
                        path.as_str()
                    );
                    let path_text = path.as_str();
                    checks.push(assertion(
                        path.span(),
                        quote!(_odata::__private::checks::has_navigation_property(<#target as _odata::ODataType>::TYPE_INFO, #path_text)),
                        &message,
                    ));
                }
            }
            MemberKind::FunctionImport | MemberKind::ActionImport => {
                let entity_set = match &member.entity_set {
                    Some(set) => quote!(_odata::__private::Some(#set)),
                    None => quote!(_odata::__private::None),
                };
                imports.push(quote_spanned! {target.span()=>
                    _odata::container::OperationImportInfo {
                        name: #name,
                        rust_name: #rust_name,
                        operation: <#target as _odata::ODataOperation>::OPERATION_INFO,
                        entity_set: #entity_set,
                        include_in_service_document: #include,
                    }
                });
                let (is_function, what, derive) = if member.kind == MemberKind::FunctionImport {
                    (true, "function_import", "ODataFunction")
                } else {
                    (false, "action_import", "ODataAction")
                };
                let message = format!(
                    "`#[odata({what} = {name:?})]` imports an unbound {}: `{field}` must hold a `#[derive({derive})]` without `bound_to`",
                    if is_function { "function" } else { "action" }
                );
                checks.push(assertion(
                    target.span(),
                    quote!(_odata::__private::checks::unbound_operation(<#target as _odata::ODataOperation>::OPERATION_INFO, #is_function)),
                    &message,
                ));
            }
        }
    }
    quote! {
        #[allow(unused_qualifications, clippy::all)]
        const _: () = {
            use #krate as _odata;

            #[automatically_derived]
            impl _odata::container::ODataService for #ident {
                const CONTAINER_INFO: &'static _odata::container::ContainerInfo = &_odata::container::ContainerInfo {
                    namespace: #namespace,
                    name: #name,
                    qualified_name: #qualified,
                    entity_sets: &[#(#sets),*],
                    singletons: &[#(#singletons),*],
                    operation_imports: &[#(#imports),*],
                };

                fn at(__odata_root: &_odata::query::ServiceRoot) -> Self {
                    #ident { #(#fields),* }
                }
            }

            _odata::__private::inventory::submit! {
                _odata::__private::ContainerRegistration(
                    <#ident as _odata::container::ODataService>::CONTAINER_INFO
                )
            }

            #(#checks)*
        };
    }
}

fn assertion(span: Span, condition: TokenStream, message: &str) -> TokenStream {
    quote_spanned! {span=>
        const _: () = ::core::assert!(#condition, #message);
    }
}
