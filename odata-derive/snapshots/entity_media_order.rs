#[allow(non_upper_case_globals, unused_qualifications, deprecated, clippy::all)]
const _: () = {
    use ::odata_core as _odata;
    #[allow(unused_imports)]
    use _odata::__private::checks::ProbeFallback as _;
    #[automatically_derived]
    impl _odata::ODataType for Order {
        const QUALIFIED_NAME: &'static str = "example.shop.order";
        const TYPE_ANNOTATION: &'static str = "#example.shop.order";
        const TYPE_INFO: &'static _odata::TypeInfo = &_odata::TypeInfo {
            base_type: _odata::__private::None,
            is_abstract: false,
            is_open: false,
            key: &["id"],
            properties: &[
                _odata::PropertyInfo {
                    name: "id",
                    rust_name: "id",
                    ty: <i32 as _odata::EdmType>::TYPE,
                    nullable: false,
                    read_only: false,
                    facets: _odata::FacetInfo::NONE,
                },
                _odata::PropertyInfo {
                    name: "customerId",
                    rust_name: "customer_id",
                    ty: <String as _odata::EdmType>::TYPE,
                    nullable: true,
                    read_only: false,
                    facets: _odata::FacetInfo {
                        max_length: _odata::__private::Some(
                            _odata::MaxLength::Length(40u32),
                        ),
                        precision: _odata::__private::None,
                        scale: _odata::__private::None,
                        srid: _odata::__private::None,
                        unicode: _odata::__private::Some(false),
                        default_value: _odata::__private::None,
                    },
                },
            ],
            navigation_properties: &[
                _odata::NavigationPropertyInfo {
                    name: "customer",
                    rust_name: "customer",
                    ty: _odata::__private::checks::navigation_target::<Customer>(),
                    nullable: false,
                    contains_target: false,
                    partner: _odata::__private::Some("orders"),
                    referential_constraints: &[
                        _odata::ReferentialConstraintInfo {
                            property: "customerId",
                            referenced_property: "id",
                        },
                    ],
                },
            ],
            has_stream: true,
            .._odata::TypeInfo::new(
                _odata::TypeKind::Entity,
                "example.shop",
                "order",
                "example.shop.order",
            )
        };
    }
    #[automatically_derived]
    impl _odata::ODataStructured for Order {
        #[inline]
        fn additional_data(&self) -> _odata::__private::Option<&_odata::AdditionalData> {
            _odata::__private::None
        }
        #[inline]
        fn additional_data_mut(
            &mut self,
        ) -> _odata::__private::Option<&mut _odata::AdditionalData> {
            _odata::__private::None
        }
    }
    #[automatically_derived]
    impl _odata::ODataEntity for Order {
        type Key = i32;
    }
    #[automatically_derived]
    impl _odata::__private::checks::StructuredKey for Order {
        type Key = i32;
    }
    #[automatically_derived]
    impl _odata::MediaEntity for Order {}
    #[automatically_derived]
    impl _odata::EdmType for Order {
        const TYPE: _odata::TypeRef = _odata::TypeRef::of::<Self>();
        #[inline]
        fn serialize_edm<__S: _odata::__private::serde::Serializer>(
            &self,
            __odata_serializer: __S,
        ) -> _odata::__private::Result<__S::Ok, __S::Error> {
            _odata::__private::serialize_structured(self, __odata_serializer)
        }
        #[inline]
        fn deserialize_edm<'de, __D: _odata::__private::serde::Deserializer<'de>>(
            __odata_deserializer: __D,
        ) -> _odata::__private::Result<Self, __D::Error> {
            _odata::__private::deserialize_structured(__odata_deserializer, false)
        }
        const __ODATA_IN_PLACE: bool = true;
        #[inline]
        fn __odata_deserialize_in<'de, __D: _odata::__private::serde::Deserializer<'de>>(
            __odata_deserializer: __D,
            __odata_slot: &mut _odata::__private::Option<Self>,
        ) -> _odata::__private::Result<(), __D::Error> {
            _odata::__private::deserialize_structured_in(
                __odata_deserializer,
                __odata_slot,
            )
        }
        #[inline]
        fn __odata_deserialize_push<
            'de,
            __D: _odata::__private::serde::Deserializer<'de>,
        >(
            __odata_deserializer: __D,
            __odata_items: &mut ::std::vec::Vec<Self>,
        ) -> _odata::__private::Result<(), __D::Error> {
            _odata::__private::deserialize_structured_push(
                __odata_deserializer,
                __odata_items,
            )
        }
    }
    #[automatically_derived]
    impl _odata::__private::serde::Serialize for Order {
        fn serialize<__S: _odata::__private::serde::Serializer>(
            &self,
            __odata_serializer: __S,
        ) -> _odata::__private::Result<__S::Ok, __S::Error> {
            _odata::EdmType::serialize_edm(self, __odata_serializer)
        }
    }
    #[automatically_derived]
    impl<'de> _odata::__private::serde::Deserialize<'de> for Order {
        fn deserialize<__D: _odata::__private::serde::Deserializer<'de>>(
            __odata_deserializer: __D,
        ) -> _odata::__private::Result<Self, __D::Error> {
            _odata::__private::Result::map_err(
                _odata::__private::deserialize_structured(__odata_deserializer, true),
                _odata::__private::path_at_root,
            )
        }
    }
    #[automatically_derived]
    impl _odata::query::ParameterValue for Order {
        #[inline]
        fn write_parameter(&self, __odata_out: &mut _odata::__private::String) {
            _odata::__private::write_json_parameter(self, __odata_out)
        }
    }
    #[automatically_derived]
    impl _odata::__private::StructuredWire for Order {
        const __ODATA_HAS_NAVIGATION: bool = true;
        fn __odata_empty() -> Self {
            Order {
                id: _odata::__private::None,
                customer_id: _odata::__private::None,
                customer: _odata::__private::Default::default(),
            }
        }
        #[inline(always)]
        fn __odata_field_index(__odata_name: &str) -> _odata::__private::Option<u16> {
            match __odata_name {
                "id" => _odata::__private::Some(0u16),
                "customerId" => _odata::__private::Some(1u16),
                "customer" => _odata::__private::Some(2u16),
                _ => _odata::__private::None,
            }
        }
        #[inline(never)]
        fn __odata_field_name(__odata_index: u16) -> &'static str {
            match __odata_index {
                0u16 => "id",
                1u16 => "customerId",
                2u16 => "customer",
                _ => "?",
            }
        }
        #[inline]
        fn __odata_visit_field<'de, __A: _odata::__private::serde::de::MapAccess<'de>>(
            &mut self,
            __odata_index: u16,
            __odata_map: &mut __A,
            __odata_null: &mut bool,
        ) -> _odata::__private::Result<(), __A::Error> {
            match __odata_index {
                0u16 => {
                    _odata::__private::visit_property(
                        &mut self.id,
                        __odata_map,
                        __odata_null,
                    )
                }
                1u16 => {
                    _odata::__private::visit_property(
                        &mut self.customer_id,
                        __odata_map,
                        __odata_null,
                    )
                }
                2u16 => {
                    _odata::__private::visit_navigation(&mut self.customer, __odata_map)
                }
                _ => {
                    let _ = __odata_null;
                    _odata::__private::visit_nothing(__odata_map)
                }
            }
        }
        fn __odata_navigation_control(
            &mut self,
            __odata_index: u16,
        ) -> _odata::__private::Option<&mut dyn _odata::__private::NavigationControl> {
            match __odata_index {
                2u16 => _odata::__private::Some(&mut self.customer),
                _ => _odata::__private::None,
            }
        }
        fn __odata_serialize_fields<__M: _odata::__private::serde::ser::SerializeMap>(
            &self,
            __odata_map: &mut __M,
            __odata_nulls: _odata::__private::Nulls<'_>,
        ) -> _odata::__private::Result<(), __M::Error> {
            _odata::__private::serialize_property(
                __odata_map,
                "id",
                0u16,
                &self.id,
                __odata_nulls,
            )?;
            _odata::__private::serialize_property(
                __odata_map,
                "customerId",
                1u16,
                &self.customer_id,
                __odata_nulls,
            )?;
            _odata::__private::serialize_navigation(
                __odata_map,
                "customer",
                &self.customer,
            )?;
            _odata::__private::Ok(())
        }
        fn __odata_swap_ancestor(
            &mut self,
            __odata_part: &mut dyn ::core::any::Any,
        ) -> bool {
            {
                let _ = __odata_part;
                false
            }
        }
    }
    #[automatically_derived]
    impl Order {
        ///The key property `id` of `example.shop.order`, for typed queries.
        pub const ID: _odata::query::Expr<Order, i32, _odata::query::Key> = _odata::query::Expr::<
            Order,
            i32,
            _odata::query::Key,
        >::property("id");
        ///The property `customerId` of `example.shop.order`, for typed queries.
        pub const CUSTOMER_ID: _odata::query::Expr<
            Order,
            String,
            _odata::query::Member,
        > = _odata::query::Expr::<
            Order,
            String,
            _odata::query::Member,
        >::property("customerId");
        ///The navigation property `customer` of `example.shop.order`, for typed queries and paths.
        pub const CUSTOMER: _odata::query::NavigationProperty<Order, Customer> = _odata::query::NavigationProperty::navigation(
            "customer",
        );
    }
    _odata::__private::inventory::submit! {
        _odata::__private::Registration(< Order as _odata::ODataType > ::TYPE_INFO)
    }
};
