#[allow(non_upper_case_globals, unused_qualifications, deprecated, clippy::all)]
const _: () = {
    use ::odata_core as _odata;
    #[automatically_derived]
    impl _odata::ODataType for AnyIdentitySet {
        const QUALIFIED_NAME: &'static str = "microsoft.graph.identitySet";
        const TYPE_ANNOTATION: &'static str = "#microsoft.graph.identitySet";
        const TYPE_INFO: &'static _odata::TypeInfo = _odata::__private::checks::holder_variant::<
            IdentitySet,
        >();
    }
    #[automatically_derived]
    impl _odata::ODataStructured for AnyIdentitySet {
        #[inline]
        fn additional_data(&self) -> _odata::__private::Option<&_odata::AdditionalData> {
            match self {
                AnyIdentitySet::IdentitySet(__odata_value) => {
                    _odata::ODataStructured::additional_data(__odata_value)
                }
                AnyIdentitySet::CommunicationsIdentitySet(__odata_value) => {
                    _odata::ODataStructured::additional_data(&**__odata_value)
                }
            }
        }
        #[inline]
        fn additional_data_mut(
            &mut self,
        ) -> _odata::__private::Option<&mut _odata::AdditionalData> {
            match self {
                AnyIdentitySet::IdentitySet(__odata_value) => {
                    _odata::ODataStructured::additional_data_mut(__odata_value)
                }
                AnyIdentitySet::CommunicationsIdentitySet(__odata_value) => {
                    _odata::ODataStructured::additional_data_mut(&mut **__odata_value)
                }
            }
        }
    }
    #[automatically_derived]
    impl _odata::ODataComplex for AnyIdentitySet {}
    #[automatically_derived]
    impl _odata::__private::checks::StructuredKey for AnyIdentitySet {
        type Key = _odata::query::NoKey;
    }
    #[automatically_derived]
    impl _odata::EdmType for AnyIdentitySet {
        const TYPE: _odata::TypeRef = _odata::TypeRef::of::<Self>()
            .with_derived(&[<CommunicationsIdentitySet as _odata::EdmType>::TYPE]);
        #[inline]
        fn serialize_edm<__S: _odata::__private::serde::Serializer>(
            &self,
            __odata_serializer: __S,
        ) -> _odata::__private::Result<__S::Ok, __S::Error> {
            match self {
                AnyIdentitySet::IdentitySet(__odata_value) => {
                    _odata::__private::serialize_variant(
                        __odata_value,
                        __odata_serializer,
                        true,
                    )
                }
                AnyIdentitySet::CommunicationsIdentitySet(__odata_value) => {
                    _odata::__private::serialize_variant(
                        &**__odata_value,
                        __odata_serializer,
                        false,
                    )
                }
            }
        }
        #[inline]
        fn deserialize_edm<'de, __D: _odata::__private::serde::Deserializer<'de>>(
            __odata_deserializer: __D,
        ) -> _odata::__private::Result<Self, __D::Error> {
            _odata::__private::deserialize_polymorphic(__odata_deserializer, false)
        }
        const __ODATA_IN_PLACE: bool = true;
        #[inline]
        fn __odata_deserialize_in<'de, __D: _odata::__private::serde::Deserializer<'de>>(
            __odata_deserializer: __D,
            __odata_slot: &mut _odata::__private::Option<Self>,
        ) -> _odata::__private::Result<(), __D::Error> {
            _odata::__private::deserialize_polymorphic_in(
                __odata_deserializer,
                __odata_slot,
            )
        }
    }
    #[automatically_derived]
    impl _odata::__private::serde::Serialize for AnyIdentitySet {
        fn serialize<__S: _odata::__private::serde::Serializer>(
            &self,
            __odata_serializer: __S,
        ) -> _odata::__private::Result<__S::Ok, __S::Error> {
            _odata::EdmType::serialize_edm(self, __odata_serializer)
        }
    }
    #[automatically_derived]
    impl<'de> _odata::__private::serde::Deserialize<'de> for AnyIdentitySet {
        fn deserialize<__D: _odata::__private::serde::Deserializer<'de>>(
            __odata_deserializer: __D,
        ) -> _odata::__private::Result<Self, __D::Error> {
            _odata::__private::Result::map_err(
                _odata::__private::deserialize_polymorphic(__odata_deserializer, true),
                _odata::__private::path_at_root,
            )
        }
    }
    #[automatically_derived]
    impl _odata::query::ParameterValue for AnyIdentitySet {
        #[inline]
        fn write_parameter(&self, __odata_out: &mut _odata::__private::String) {
            _odata::__private::write_json_parameter(self, __odata_out)
        }
    }
    #[automatically_derived]
    impl _odata::__private::PolymorphicWire for AnyIdentitySet {
        type Declared = IdentitySet;
        #[inline]
        fn __odata_from_declared(__odata_value: IdentitySet) -> Self {
            (AnyIdentitySet::IdentitySet)(__odata_value)
        }
        fn __odata_upgrade<'de, __A: _odata::__private::serde::de::MapAccess<'de>>(
            __odata_index: u16,
            __odata_declared: IdentitySet,
            __odata_annotation: _odata::__private::DispatchedAnnotation,
            __odata_side: &_odata::__private::SideMembers,
            __odata_map: &mut __A,
        ) -> _odata::__private::Result<Self, __A::Error> {
            match __odata_index {
                1u16 => {
                    _odata::__private::upgrade_variant::<
                        CommunicationsIdentitySet,
                        IdentitySet,
                        __A,
                    >(__odata_declared, __odata_annotation, __odata_side, __odata_map)
                        .map(|__odata_value| AnyIdentitySet::CommunicationsIdentitySet(
                            ::std::boxed::Box::new(__odata_value),
                        ))
                }
                _ => {
                    _odata::__private::finish_declared(
                            __odata_declared,
                            __odata_annotation,
                            __odata_side,
                            __odata_map,
                        )
                        .map(AnyIdentitySet::IdentitySet)
                }
            }
        }
        fn __odata_variant(__odata_name: &str) -> _odata::__private::Option<u16> {
            if __odata_name == <IdentitySet as _odata::ODataType>::QUALIFIED_NAME {
                return _odata::__private::Some(0u16);
            }
            if __odata_name
                == <CommunicationsIdentitySet as _odata::ODataType>::QUALIFIED_NAME
            {
                return _odata::__private::Some(1u16);
            }
            _odata::__private::None
        }
        fn __odata_variant_property(__odata_name: &str) -> bool {
            false
                || <CommunicationsIdentitySet as _odata::__private::StructuredWire>::__odata_field_index(
                        __odata_name,
                    )
                    .is_some()
        }
        fn __odata_variant_annotation(__odata_index: u16) -> &'static str {
            match __odata_index {
                1u16 => <CommunicationsIdentitySet as _odata::ODataType>::TYPE_ANNOTATION,
                _ => <IdentitySet as _odata::ODataType>::TYPE_ANNOTATION,
            }
        }
        #[inline]
        fn __odata_visit_variant_in<
            'de,
            __A: _odata::__private::serde::de::MapAccess<'de>,
        >(
            __odata_index: u16,
            __odata_annotation: _odata::__private::DispatchedAnnotation,
            __odata_slot: &mut _odata::__private::Option<Self>,
            __odata_map: &mut __A,
        ) -> _odata::__private::Result<(), __A::Error> {
            match __odata_index {
                1u16 => {
                    match _odata::__private::Option::insert(
                        __odata_slot,
                        AnyIdentitySet::CommunicationsIdentitySet(
                            ::std::boxed::Box::new(
                                <CommunicationsIdentitySet as _odata::__private::StructuredWire>::__odata_empty(),
                            ),
                        ),
                    ) {
                        AnyIdentitySet::CommunicationsIdentitySet(__odata_value) => {
                            _odata::__private::visit_variant_in::<
                                CommunicationsIdentitySet,
                                __A,
                            >(&mut **__odata_value, __odata_annotation, __odata_map)
                        }
                        #[allow(unreachable_patterns)]
                        _ => {
                            _odata::__private::Err(
                                _odata::__private::variant_not_placed(),
                            )
                        }
                    }
                }
                _ => {
                    match _odata::__private::Option::insert(
                        __odata_slot,
                        AnyIdentitySet::IdentitySet(
                            <IdentitySet as _odata::__private::StructuredWire>::__odata_empty(),
                        ),
                    ) {
                        AnyIdentitySet::IdentitySet(__odata_value) => {
                            _odata::__private::visit_variant_in::<
                                IdentitySet,
                                __A,
                            >(__odata_value, __odata_annotation, __odata_map)
                        }
                        #[allow(unreachable_patterns)]
                        _ => {
                            _odata::__private::Err(
                                _odata::__private::variant_not_placed(),
                            )
                        }
                    }
                }
            }
        }
    }
    /// Every variant derives from the declared type, so the common part is one `Deref` away.
    #[automatically_derived]
    impl _odata::__private::Deref for AnyIdentitySet {
        type Target = IdentitySet;
        #[inline]
        fn deref(&self) -> &IdentitySet {
            match self {
                AnyIdentitySet::IdentitySet(__odata_value) => __odata_value,
                AnyIdentitySet::CommunicationsIdentitySet(__odata_value) => __odata_value,
            }
        }
    }
    #[automatically_derived]
    impl _odata::__private::DerefMut for AnyIdentitySet {
        #[inline]
        fn deref_mut(&mut self) -> &mut IdentitySet {
            match self {
                AnyIdentitySet::IdentitySet(__odata_value) => __odata_value,
                AnyIdentitySet::CommunicationsIdentitySet(__odata_value) => __odata_value,
            }
        }
    }
    #[automatically_derived]
    impl ::core::convert::From<IdentitySet> for AnyIdentitySet {
        #[inline]
        fn from(__odata_value: IdentitySet) -> Self {
            (AnyIdentitySet::IdentitySet)(__odata_value)
        }
    }
    #[automatically_derived]
    impl ::core::convert::From<CommunicationsIdentitySet> for AnyIdentitySet {
        #[inline]
        fn from(__odata_value: CommunicationsIdentitySet) -> Self {
            (|__odata_value| AnyIdentitySet::CommunicationsIdentitySet(
                ::std::boxed::Box::new(__odata_value),
            ))(__odata_value)
        }
    }
    #[automatically_derived]
    impl AnyIdentitySet {
        ///The value, if it is a `IdentitySet`.
        #[inline]
        pub fn as_identity_set(&self) -> _odata::__private::Option<&IdentitySet> {
            match self {
                AnyIdentitySet::IdentitySet(__odata_value) => {
                    _odata::__private::Some(__odata_value)
                }
                #[allow(unreachable_patterns)]
                _ => _odata::__private::None,
            }
        }
        ///The value, if it is a `CommunicationsIdentitySet`.
        #[inline]
        pub fn as_communications_identity_set(
            &self,
        ) -> _odata::__private::Option<&CommunicationsIdentitySet> {
            match self {
                AnyIdentitySet::CommunicationsIdentitySet(__odata_value) => {
                    _odata::__private::Some(&**__odata_value)
                }
                #[allow(unreachable_patterns)]
                _ => _odata::__private::None,
            }
        }
        /// The type of the value held (the declared type for a value of a type the model
        /// does not know; its name is then in the kept type annotation).
        pub fn instance_type(&self) -> &'static _odata::TypeInfo {
            match self {
                AnyIdentitySet::IdentitySet(_) => {
                    <IdentitySet as _odata::ODataType>::TYPE_INFO
                }
                AnyIdentitySet::CommunicationsIdentitySet(_) => {
                    <CommunicationsIdentitySet as _odata::ODataType>::TYPE_INFO
                }
            }
        }
    }
    #[automatically_derived]
    impl _odata::query::HasBase for AnyIdentitySet {
        type Base = IdentitySet;
    }
    const _: &'static _odata::TypeInfo = _odata::__private::checks::holder_variant::<
        CommunicationsIdentitySet,
    >();
    const _: () = ::core::assert!(
        { #[allow(unused_imports)] use _odata::__private::checks::ProbeFallback as _; !
        _odata::__private::checks::Probe:: < IdentitySet > ::IS_ENTITY },
        "`IdentitySet` is an entity type, so `AnyIdentitySet` holds entity types: write `#[derive(ODataEntity)]` on `AnyIdentitySet`, not `#[derive(ODataComplex)]`"
    );
    const _: () = ::core::assert!(
        _odata::__private::checks::str_eq(< IdentitySet as _odata::ODataType >
        ::QUALIFIED_NAME, "microsoft.graph.identitySet"),
        "the first variant `IdentitySet` must hold the declared type `microsoft.graph.identitySet` itself; it keeps values of that type and of derived types the model does not know"
    );
    const _: () = ::core::assert!(
        _odata::__private::checks::is_or_derives_from(< CommunicationsIdentitySet as
        _odata::ODataType > ::TYPE_INFO, "microsoft.graph.identitySet"),
        "variant `CommunicationsIdentitySet` holds a type that does not derive from `microsoft.graph.identitySet`; a variant holds the declared type or a type whose `base_type` chain leads to it"
    );
};
