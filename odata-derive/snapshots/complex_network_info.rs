#[allow(non_upper_case_globals, unused_qualifications, deprecated, clippy::all)]
const _: () = {
    use ::odata_core as _odata;
    #[allow(unused_imports)]
    use _odata::__private::checks::ProbeFallback as _;
    #[automatically_derived]
    impl _odata::ODataType for NetworkInfo {
        const QUALIFIED_NAME: &'static str = "microsoft.graph.callRecords.networkInfo";
        const TYPE_ANNOTATION: &'static str = "#microsoft.graph.callRecords.networkInfo";
        const TYPE_INFO: &'static _odata::TypeInfo = &_odata::TypeInfo {
            base_type: _odata::__private::None,
            is_abstract: false,
            is_open: true,
            key: &[],
            properties: &[
                _odata::PropertyInfo {
                    name: "relayIPAddress",
                    rust_name: "relay_ip_address",
                    ty: <String as _odata::EdmType>::TYPE,
                    nullable: true,
                    read_only: false,
                    facets: _odata::FacetInfo::NONE,
                },
                _odata::PropertyInfo {
                    name: "linkSpeed",
                    rust_name: "link_speed",
                    ty: <i64 as _odata::EdmType>::TYPE,
                    nullable: true,
                    read_only: false,
                    facets: _odata::FacetInfo::NONE,
                },
            ],
            navigation_properties: &[],
            has_stream: false,
            .._odata::TypeInfo::new(
                _odata::TypeKind::Complex,
                "microsoft.graph.callRecords",
                "networkInfo",
                "microsoft.graph.callRecords.networkInfo",
            )
        };
    }
    #[automatically_derived]
    impl _odata::ODataStructured for NetworkInfo {
        #[inline]
        fn additional_data(&self) -> _odata::__private::Option<&_odata::AdditionalData> {
            _odata::__private::Some(&self.additional_data)
        }
        #[inline]
        fn additional_data_mut(
            &mut self,
        ) -> _odata::__private::Option<&mut _odata::AdditionalData> {
            _odata::__private::Some(&mut self.additional_data)
        }
    }
    #[automatically_derived]
    impl _odata::ODataComplex for NetworkInfo {}
    #[automatically_derived]
    impl _odata::__private::checks::StructuredKey for NetworkInfo {
        type Key = _odata::query::NoKey;
    }
    #[automatically_derived]
    impl _odata::EdmType for NetworkInfo {
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
    impl _odata::__private::serde::Serialize for NetworkInfo {
        fn serialize<__S: _odata::__private::serde::Serializer>(
            &self,
            __odata_serializer: __S,
        ) -> _odata::__private::Result<__S::Ok, __S::Error> {
            _odata::EdmType::serialize_edm(self, __odata_serializer)
        }
    }
    #[automatically_derived]
    impl<'de> _odata::__private::serde::Deserialize<'de> for NetworkInfo {
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
    impl _odata::query::ParameterValue for NetworkInfo {
        #[inline]
        fn write_parameter(&self, __odata_out: &mut _odata::__private::String) {
            _odata::__private::write_json_parameter(self, __odata_out)
        }
    }
    #[automatically_derived]
    impl _odata::__private::StructuredWire for NetworkInfo {
        const __ODATA_HAS_NAVIGATION: bool = false;
        fn __odata_empty() -> Self {
            NetworkInfo {
                relay_ip_address: _odata::__private::None,
                link_speed: _odata::__private::None,
                additional_data: _odata::__private::Default::default(),
            }
        }
        #[inline(always)]
        fn __odata_field_index(__odata_name: &str) -> _odata::__private::Option<u16> {
            match __odata_name {
                "relayIPAddress" => _odata::__private::Some(0u16),
                "linkSpeed" => _odata::__private::Some(1u16),
                _ => _odata::__private::None,
            }
        }
        #[inline(never)]
        fn __odata_field_name(__odata_index: u16) -> &'static str {
            match __odata_index {
                0u16 => "relayIPAddress",
                1u16 => "linkSpeed",
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
                        &mut self.relay_ip_address,
                        __odata_map,
                        __odata_null,
                    )
                }
                1u16 => {
                    _odata::__private::visit_property(
                        &mut self.link_speed,
                        __odata_map,
                        __odata_null,
                    )
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
                "relayIPAddress",
                0u16,
                &self.relay_ip_address,
                __odata_nulls,
            )?;
            _odata::__private::serialize_property(
                __odata_map,
                "linkSpeed",
                1u16,
                &self.link_speed,
                __odata_nulls,
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
    impl NetworkInfo {
        ///The property `relayIPAddress` of `microsoft.graph.callRecords.networkInfo`, for typed queries.
        pub const RELAY_IP_ADDRESS: _odata::query::Expr<
            NetworkInfo,
            String,
            _odata::query::Member,
        > = _odata::query::Expr::<
            NetworkInfo,
            String,
            _odata::query::Member,
        >::property("relayIPAddress");
        ///The property `linkSpeed` of `microsoft.graph.callRecords.networkInfo`, for typed queries.
        pub const LINK_SPEED: _odata::query::Expr<
            NetworkInfo,
            i64,
            _odata::query::Member,
        > = _odata::query::Expr::<
            NetworkInfo,
            i64,
            _odata::query::Member,
        >::property("linkSpeed");
    }
    _odata::__private::inventory::submit! {
        _odata::__private::Registration(< NetworkInfo as _odata::ODataType > ::TYPE_INFO)
    }
};
