//! `#[derive(ODataService)]`: an entity container. Its input is a container of resources, not an
//! OData type, so it has a pipeline of its own beside the type derives', with the same stages:
//! `ast.rs` reads the attributes, `valid.rs` checks them (all errors at once), `expand.rs` writes
//! the code. On errors, the `ODataService` impl is still emitted, with an empty table (see
//! [`fallback`]), so uses of the struct do not add errors of their own.

mod ast;
mod expand;
mod valid;

use darling::FromDeriveInput;
use proc_macro2::TokenStream;
use quote::quote;

/// Runs the derive: parse, validate, expand; on errors, report them all plus a fallback impl.
pub fn derive(input: TokenStream) -> TokenStream {
    let input: syn::DeriveInput = match syn::parse2(input) {
        Ok(input) => input,
        Err(error) => return error.to_compile_error(),
    };
    let result = ast::ServiceAttrs::from_derive_input(&input).and_then(valid::validate);
    match result {
        Ok(model) => expand::expand(&model),
        Err(errors) => {
            let mut tokens = errors.write_errors();
            tokens.extend(fallback(&input));
            tokens
        }
    }
}

/// The trait with an empty table and an `at` that never runs (the build has already failed).
fn fallback(input: &syn::DeriveInput) -> TokenStream {
    if !input.generics.params.is_empty() {
        return TokenStream::new();
    }
    let ident = &input.ident;
    let krate = crate::fallback::crate_path(input);
    quote! {
        #[allow(unused_qualifications, unreachable_code, clippy::all)]
        const _: () = {
            use #krate as _odata;
            impl _odata::container::ODataService for #ident {
                const CONTAINER_INFO: &'static _odata::container::ContainerInfo = &_odata::container::ContainerInfo {
                    namespace: "", name: "", qualified_name: "",
                    entity_sets: &[], singletons: &[], operation_imports: &[],
                };
                fn at(_: &_odata::query::ServiceRoot) -> Self {
                    ::core::unreachable!("`#[derive(ODataService)]` failed to compile")
                }
            }
        };
    }
}

#[cfg(test)]
mod snapshots {
    //! What the derive writes for a container with every kind of member. Refresh with
    //! `UPDATE_EXPECT=1 cargo test -p odata-derive`, then read the diff.

    use expect_test::expect_file;

    #[test]
    fn container_with_sets_bindings_a_singleton_and_imports() {
        let input: proc_macro2::TokenStream = r#"
            #[odata(namespace = "ODataWebExperimental.Northwind.Model", container = "NorthwindEntities")]
            pub struct Northwind {
                #[odata(entity_set = "Products", binding(path = "Category", target = "Categories"), binding(path = "NorthwindModel.Special/Extra", target = "Categories"))]
                pub products: EntitySet<Product>,
                #[odata(entity_set = "Categories", include_in_service_document = false)]
                pub categories: EntitySet<Category>,
                #[odata(singleton = "ProductOfTheDay")]
                pub product_of_the_day: Singleton<Product>,
                #[odata(function_import = "TopProducts", entity_set = "Products", include_in_service_document = true)]
                pub top_products: FunctionImport<TopProducts>,
                #[odata(action_import = "ResetDataSource")]
                pub reset_data_source: ActionImport<ResetDataSource>,
            }
        "#
        .parse()
        .expect("valid Rust");
        let file: syn::File = syn::parse2(super::derive(input)).expect("the expansion parses");
        expect_file!["../../snapshots/service_northwind.rs"].assert_eq(&prettyplease::unparse(&file));
    }
}
