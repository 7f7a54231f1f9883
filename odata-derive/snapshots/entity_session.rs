#[allow(non_upper_case_globals, unused_qualifications, deprecated, clippy::all)]
const _: () = {
    use ::odata_core as _odata;
    #[allow(unused_imports)]
    use _odata::__private::checks::ProbeFallback as _;
    #[automatically_derived]
    impl _odata::ODataType for Session {
        const QUALIFIED_NAME: &'static str = "microsoft.graph.callRecords.session";
        const TYPE_ANNOTATION: &'static str = "#microsoft.graph.callRecords.session";
        const TYPE_INFO: &'static _odata::TypeInfo = &_odata::TypeInfo {
            base_type: _odata::__private::Some(
                _odata::__private::checks::entity_base::<Entity>(),
            ),
            is_abstract: false,
            is_open: false,
            key: &["id"],
            properties: &[
                _odata::PropertyInfo {
                    name: "caller",
                    rust_name: "caller",
                    ty: {
                        ::core::assert!(
                            ! _odata::__private::checks::Probe:: < Endpoint >
                            ::IS_ENTITY,
                            "`Endpoint` is an entity type, so `caller` cannot be a structural property (CSDL has no `<Property>` of an entity type); an entity is reached through a navigation property: write `#[odata(navigation)] pub caller: Navigation<Endpoint>`"
                        );
                        <Endpoint as _odata::EdmType>::TYPE
                    },
                    nullable: true,
                    read_only: false,
                    facets: _odata::FacetInfo::NONE,
                },
                _odata::PropertyInfo {
                    name: "startDateTime",
                    rust_name: "start_date_time",
                    ty: <DateTimeOffset as _odata::EdmType>::TYPE,
                    nullable: false,
                    read_only: false,
                    facets: _odata::FacetInfo::NONE,
                },
                _odata::PropertyInfo {
                    name: "modalities",
                    rust_name: "modalities",
                    ty: {
                        ::core::assert!(
                            ! _odata::__private::checks::Probe:: < Vec < Modality > >
                            ::IS_ENTITY,
                            "`Vec<Modality>` holds entity types, so `modalities` cannot be a structural property (CSDL has no `<Property>` of an entity type); an entity is reached through a navigation property: write `#[odata(navigation)] pub modalities: Navigation<Vec<Modality>>`"
                        );
                        <Vec<Modality> as _odata::EdmType>::TYPE
                    },
                    nullable: false,
                    read_only: false,
                    facets: _odata::FacetInfo::NONE,
                },
            ],
            navigation_properties: &[
                _odata::NavigationPropertyInfo {
                    name: "segments",
                    rust_name: "segments",
                    ty: _odata::__private::checks::navigation_target::<Vec<Segment>>(),
                    nullable: true,
                    contains_target: true,
                    partner: _odata::__private::None,
                    referential_constraints: &[],
                },
            ],
            has_stream: false,
            .._odata::TypeInfo::new(
                _odata::TypeKind::Entity,
                "microsoft.graph.callRecords",
                "session",
                "microsoft.graph.callRecords.session",
            )
        };
    }
    #[automatically_derived]
    impl _odata::ODataStructured for Session {
        #[inline]
        fn additional_data(&self) -> _odata::__private::Option<&_odata::AdditionalData> {
            <Entity as _odata::ODataStructured>::additional_data(&self.entity)
        }
        #[inline]
        fn additional_data_mut(
            &mut self,
        ) -> _odata::__private::Option<&mut _odata::AdditionalData> {
            <Entity as _odata::ODataStructured>::additional_data_mut(&mut self.entity)
        }
    }
    #[automatically_derived]
    impl _odata::ODataEntity for Session {
        type Key = <Entity as _odata::__private::checks::StructuredKey>::Key;
    }
    #[automatically_derived]
    impl _odata::__private::checks::StructuredKey for Session {
        type Key = <Entity as _odata::__private::checks::StructuredKey>::Key;
    }
    #[automatically_derived]
    impl _odata::EdmType for Session {
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
    impl _odata::__private::serde::Serialize for Session {
        fn serialize<__S: _odata::__private::serde::Serializer>(
            &self,
            __odata_serializer: __S,
        ) -> _odata::__private::Result<__S::Ok, __S::Error> {
            _odata::EdmType::serialize_edm(self, __odata_serializer)
        }
    }
    #[automatically_derived]
    impl<'de> _odata::__private::serde::Deserialize<'de> for Session {
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
    impl _odata::query::ParameterValue for Session {
        #[inline]
        fn write_parameter(&self, __odata_out: &mut _odata::__private::String) {
            _odata::__private::write_json_parameter(self, __odata_out)
        }
    }
    #[automatically_derived]
    impl _odata::__private::StructuredWire for Session {
        const __ODATA_HAS_NAVIGATION: bool = true
            || <Entity as _odata::__private::StructuredWire>::__ODATA_HAS_NAVIGATION;
        fn __odata_empty() -> Self {
            Session {
                entity: <Entity as _odata::__private::StructuredWire>::__odata_empty(),
                caller: _odata::__private::None,
                start_date_time: _odata::__private::None,
                modalities: _odata::__private::None,
                segments: _odata::__private::Default::default(),
            }
        }
        #[inline(always)]
        fn __odata_field_index(__odata_name: &str) -> _odata::__private::Option<u16> {
            match __odata_name {
                "caller" => _odata::__private::Some(0u16),
                "startDateTime" => _odata::__private::Some(1u16),
                "modalities" => _odata::__private::Some(2u16),
                "segments" => _odata::__private::Some(3u16),
                _ => {
                    match <Entity as _odata::__private::StructuredWire>::__odata_field_index(
                        __odata_name,
                    ) {
                        _odata::__private::Some(__odata_index) => {
                            _odata::__private::Some(__odata_index + 4u16)
                        }
                        _odata::__private::None => _odata::__private::None,
                    }
                }
            }
        }
        #[inline(never)]
        fn __odata_field_name(__odata_index: u16) -> &'static str {
            match __odata_index {
                0u16 => "caller",
                1u16 => "startDateTime",
                2u16 => "modalities",
                3u16 => "segments",
                __odata_index => {
                    <Entity as _odata::__private::StructuredWire>::__odata_field_name(
                        __odata_index - 4u16,
                    )
                }
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
                        &mut self.caller,
                        __odata_map,
                        __odata_null,
                    )
                }
                1u16 => {
                    _odata::__private::visit_property(
                        &mut self.start_date_time,
                        __odata_map,
                        __odata_null,
                    )
                }
                2u16 => {
                    _odata::__private::visit_property(
                        &mut self.modalities,
                        __odata_map,
                        __odata_null,
                    )
                }
                3u16 => {
                    _odata::__private::visit_navigation(&mut self.segments, __odata_map)
                }
                __odata_index => {
                    <Entity as _odata::__private::StructuredWire>::__odata_visit_field(
                        &mut self.entity,
                        __odata_index - 4u16,
                        __odata_map,
                        __odata_null,
                    )
                }
            }
        }
        fn __odata_navigation_control(
            &mut self,
            __odata_index: u16,
        ) -> _odata::__private::Option<&mut dyn _odata::__private::NavigationControl> {
            match __odata_index {
                3u16 => _odata::__private::Some(&mut self.segments),
                __odata_index if __odata_index >= 4u16 => {
                    <Entity as _odata::__private::StructuredWire>::__odata_navigation_control(
                        &mut self.entity,
                        __odata_index - 4u16,
                    )
                }
                _ => _odata::__private::None,
            }
        }
        fn __odata_serialize_fields<__M: _odata::__private::serde::ser::SerializeMap>(
            &self,
            __odata_map: &mut __M,
            __odata_nulls: _odata::__private::Nulls<'_>,
        ) -> _odata::__private::Result<(), __M::Error> {
            <Entity as _odata::__private::StructuredWire>::__odata_serialize_fields(
                &self.entity,
                __odata_map,
                __odata_nulls.base(4u16),
            )?;
            _odata::__private::serialize_property(
                __odata_map,
                "caller",
                0u16,
                &self.caller,
                __odata_nulls,
            )?;
            _odata::__private::serialize_property(
                __odata_map,
                "startDateTime",
                1u16,
                &self.start_date_time,
                __odata_nulls,
            )?;
            _odata::__private::serialize_property(
                __odata_map,
                "modalities",
                2u16,
                &self.modalities,
                __odata_nulls,
            )?;
            _odata::__private::serialize_navigation(
                __odata_map,
                "segments",
                &self.segments,
            )?;
            _odata::__private::Ok(())
        }
        fn __odata_swap_ancestor(
            &mut self,
            __odata_part: &mut dyn ::core::any::Any,
        ) -> bool {
            match __odata_part.downcast_mut::<Entity>() {
                _odata::__private::Some(__odata_ancestor) => {
                    ::core::mem::swap(&mut self.entity, __odata_ancestor);
                    true
                }
                _odata::__private::None => {
                    <Entity as _odata::__private::StructuredWire>::__odata_swap_ancestor(
                        &mut self.entity,
                        __odata_part,
                    )
                }
            }
        }
    }
    #[automatically_derived]
    impl _odata::__private::Deref for Session {
        type Target = Entity;
        #[inline]
        fn deref(&self) -> &Entity {
            &self.entity
        }
    }
    #[automatically_derived]
    impl _odata::__private::DerefMut for Session {
        #[inline]
        fn deref_mut(&mut self) -> &mut Entity {
            &mut self.entity
        }
    }
    #[automatically_derived]
    impl Session {
        ///The property `caller` of `microsoft.graph.callRecords.session`, for typed queries.
        pub const CALLER: _odata::query::Expr<
            Session,
            Endpoint,
            _odata::query::Member,
        > = _odata::query::Expr::<
            Session,
            Endpoint,
            _odata::query::Member,
        >::property("caller");
        ///The property `startDateTime` of `microsoft.graph.callRecords.session`, for typed queries.
        pub const START_DATE_TIME: _odata::query::Expr<
            Session,
            DateTimeOffset,
            _odata::query::Member,
        > = _odata::query::Expr::<
            Session,
            DateTimeOffset,
            _odata::query::Member,
        >::property("startDateTime");
        ///The property `modalities` of `microsoft.graph.callRecords.session`, for typed queries.
        pub const MODALITIES: _odata::query::Expr<
            Session,
            Vec<Modality>,
            _odata::query::Member,
        > = _odata::query::Expr::<
            Session,
            Vec<Modality>,
            _odata::query::Member,
        >::property("modalities");
        ///The navigation property `segments` of `microsoft.graph.callRecords.session`, for typed queries and paths.
        pub const SEGMENTS: _odata::query::NavigationProperty<Session, Vec<Segment>> = _odata::query::NavigationProperty::navigation(
            "segments",
        );
    }
    #[automatically_derived]
    impl _odata::query::HasBase for Session {
        type Base = Entity;
    }
    const _: () = ::core::assert!(
        _odata::__private::checks::str_eq(< Entity as _odata::ODataType >
        ::QUALIFIED_NAME, "microsoft.graph.entity"),
        "`#[odata(base_type = \"microsoft.graph.entity\")]` does not match the type of the `#[odata(base)]` field; make them name the same OData type"
    );
    const _: () = ::core::assert!(
        _odata::__private::checks::inherited_key(< Session as _odata::ODataType >
        ::TYPE_INFO, < Entity as _odata::ODataType > ::TYPE_INFO, & ["id"],),
        "the key properties of `Session` (\"id\") are inherited, so they must be the key of its base type; name the base type's key properties, in its order, or none"
    );
    const _: () = ::core::assert!(
        _odata::__private::checks::has_property(< Session as _odata::ODataType >
        ::TYPE_INFO, "id"),
        "`#[odata(key_property = \"id\")]` names no property of `Session` or of its base types; name a key property the docs list"
    );
    _odata::__private::inventory::submit! {
        _odata::__private::Registration(< Session as _odata::ODataType > ::TYPE_INFO)
    }
};
