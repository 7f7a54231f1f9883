#[allow(unused_qualifications, clippy::all)]
const _: () = {
    use ::odata_core as _odata;
    #[automatically_derived]
    impl _odata::ODataType for Money {
        const QUALIFIED_NAME: &'static str = "example.shop.money";
        const TYPE_ANNOTATION: &'static str = "#example.shop.money";
        const TYPE_INFO: &'static _odata::TypeInfo = &_odata::TypeInfo {
            underlying_type: _odata::__private::Some(
                _odata::__private::checks::primitive_underlying::<Decimal>(),
            ),
            facets: _odata::FacetInfo {
                max_length: _odata::__private::None,
                precision: _odata::__private::Some(19u32),
                scale: _odata::__private::Some(_odata::Scale::Digits(4u32)),
                srid: _odata::__private::None,
                unicode: _odata::__private::None,
                default_value: _odata::__private::None,
            },
            .._odata::TypeInfo::new(
                _odata::TypeKind::TypeDefinition,
                "example.shop",
                "money",
                "example.shop.money",
            )
        };
    }
    #[automatically_derived]
    impl _odata::ODataTypeDefinition for Money {
        type Underlying = Decimal;
        #[inline]
        fn as_underlying(&self) -> &Decimal {
            &self.0
        }
        #[inline]
        fn from_underlying(__odata_value: Decimal) -> Self {
            Money(__odata_value)
        }
    }
    #[automatically_derived]
    impl _odata::query::UrlLiteral for Money {
        fn write_literal(&self, __odata_out: &mut _odata::__private::String) {
            _odata::query::UrlLiteral::write_literal(&self.0, __odata_out)
        }
        fn write_key_segment(&self, __odata_out: &mut _odata::__private::String) {
            _odata::query::UrlLiteral::write_key_segment(&self.0, __odata_out)
        }
    }
    #[automatically_derived]
    impl _odata::EdmType for Money {
        const TYPE: _odata::TypeRef = _odata::TypeRef::of::<Self>();
        #[inline]
        fn serialize_edm<__S: _odata::__private::serde::Serializer>(
            &self,
            __odata_serializer: __S,
        ) -> _odata::__private::Result<__S::Ok, __S::Error> {
            <Decimal as _odata::EdmType>::serialize_edm(&self.0, __odata_serializer)
        }
        #[inline]
        fn deserialize_edm<'de, __D: _odata::__private::serde::Deserializer<'de>>(
            __odata_deserializer: __D,
        ) -> _odata::__private::Result<Self, __D::Error> {
            _odata::__private::Result::map(
                <Decimal as _odata::EdmType>::deserialize_edm(__odata_deserializer),
                Money,
            )
        }
    }
    #[automatically_derived]
    impl _odata::__private::serde::Serialize for Money {
        fn serialize<__S: _odata::__private::serde::Serializer>(
            &self,
            __odata_serializer: __S,
        ) -> _odata::__private::Result<__S::Ok, __S::Error> {
            _odata::EdmType::serialize_edm(self, __odata_serializer)
        }
    }
    #[automatically_derived]
    impl<'de> _odata::__private::serde::Deserialize<'de> for Money {
        fn deserialize<__D: _odata::__private::serde::Deserializer<'de>>(
            __odata_deserializer: __D,
        ) -> _odata::__private::Result<Self, __D::Error> {
            _odata::__private::Result::map_err(
                _odata::__private::Result::map(
                    <Decimal as _odata::EdmType>::deserialize_edm(__odata_deserializer),
                    Money,
                ),
                _odata::__private::path_at_root,
            )
        }
    }
    _odata::__private::inventory::submit! {
        _odata::__private::Registration(< Money as _odata::ODataType > ::TYPE_INFO)
    }
};
