#[allow(unused_qualifications, clippy::all)]
const _: () = {
    use ::odata_core as _odata;
    #[automatically_derived]
    impl _odata::container::ODataService for Northwind {
        const CONTAINER_INFO: &'static _odata::container::ContainerInfo = &_odata::container::ContainerInfo {
            namespace: "ODataWebExperimental.Northwind.Model",
            name: "NorthwindEntities",
            qualified_name: "ODataWebExperimental.Northwind.Model.NorthwindEntities",
            entity_sets: &[
                _odata::container::EntitySetInfo {
                    name: "Products",
                    rust_name: "products",
                    entity_type: _odata::__private::checks::container_entity::<
                        Product,
                    >(),
                    navigation_bindings: &[
                        _odata::container::NavigationBindingInfo {
                            path: "Category",
                            target: "Categories",
                        },
                        _odata::container::NavigationBindingInfo {
                            path: "NorthwindModel.Special/Extra",
                            target: "Categories",
                        },
                    ],
                    include_in_service_document: true,
                },
                _odata::container::EntitySetInfo {
                    name: "Categories",
                    rust_name: "categories",
                    entity_type: _odata::__private::checks::container_entity::<
                        Category,
                    >(),
                    navigation_bindings: &[],
                    include_in_service_document: false,
                },
            ],
            singletons: &[
                _odata::container::EntitySetInfo {
                    name: "ProductOfTheDay",
                    rust_name: "product_of_the_day",
                    entity_type: _odata::__private::checks::container_entity::<
                        Product,
                    >(),
                    navigation_bindings: &[],
                    include_in_service_document: false,
                },
            ],
            operation_imports: &[
                _odata::container::OperationImportInfo {
                    name: "TopProducts",
                    rust_name: "top_products",
                    operation: <TopProducts as _odata::ODataOperation>::OPERATION_INFO,
                    entity_set: _odata::__private::Some("Products"),
                    include_in_service_document: true,
                },
                _odata::container::OperationImportInfo {
                    name: "ResetDataSource",
                    rust_name: "reset_data_source",
                    operation: <ResetDataSource as _odata::ODataOperation>::OPERATION_INFO,
                    entity_set: _odata::__private::None,
                    include_in_service_document: false,
                },
            ],
        };
        fn at(__odata_root: &_odata::query::ServiceRoot) -> Self {
            Northwind {
                products: _odata::container::EntitySet::<
                    Product,
                >::new(__odata_root, "Products"),
                categories: _odata::container::EntitySet::<
                    Category,
                >::new(__odata_root, "Categories"),
                product_of_the_day: _odata::container::Singleton::<
                    Product,
                >::new(__odata_root, "ProductOfTheDay"),
                top_products: _odata::container::FunctionImport::<
                    TopProducts,
                >::new(__odata_root, "TopProducts"),
                reset_data_source: _odata::container::ActionImport::<
                    ResetDataSource,
                >::new(__odata_root, "ResetDataSource"),
            }
        }
    }
    _odata::__private::inventory::submit! {
        _odata::__private::ContainerRegistration(< Northwind as
        _odata::container::ODataService > ::CONTAINER_INFO)
    }
    const _: () = ::core::assert!(
        _odata::__private::checks::has_navigation_property(< Product as _odata::ODataType
        > ::TYPE_INFO, "Category"),
        "`binding(path = \"Category\")` names no navigation property of the entity type of `products`; name one of its navigation properties (by its wire name)"
    );
    const _: () = ::core::assert!(
        _odata::__private::checks::unbound_operation(< TopProducts as
        _odata::ODataOperation > ::OPERATION_INFO, true),
        "`#[odata(function_import = \"TopProducts\")]` imports an unbound function: `top_products` must hold a `#[derive(ODataFunction)]` without `bound_to`"
    );
    const _: () = ::core::assert!(
        _odata::__private::checks::unbound_operation(< ResetDataSource as
        _odata::ODataOperation > ::OPERATION_INFO, false),
        "`#[odata(action_import = \"ResetDataSource\")]` imports an unbound action: `reset_data_source` must hold a `#[derive(ODataAction)]` without `bound_to`"
    );
};
