#[allow(non_upper_case_globals, unused_qualifications, deprecated, clippy::all)]
const _: () = {
    use ::odata_core as _odata;
    #[automatically_derived]
    impl _odata::ODataType for ProductFamily {
        const QUALIFIED_NAME: &'static str = "microsoft.graph.callRecords.productFamily";
        const TYPE_ANNOTATION: &'static str = "#microsoft.graph.callRecords.productFamily";
        const TYPE_INFO: &'static _odata::TypeInfo = &_odata::TypeInfo {
            members: &[
                _odata::EnumMemberInfo {
                    name: "unknown",
                    rust_name: "Unknown",
                    value: 0i64,
                },
                _odata::EnumMemberInfo {
                    name: "teams",
                    rust_name: "Teams",
                    value: 1i64,
                },
                _odata::EnumMemberInfo {
                    name: "unknownFutureValue",
                    rust_name: "UnknownFutureValue",
                    value: 4i64,
                },
                _odata::EnumMemberInfo {
                    name: "azureCommunicationServices",
                    rust_name: "AzureCommunicationServices",
                    value: 5i64,
                },
            ],
            is_flags: false,
            underlying_type: _odata::__private::None,
            .._odata::TypeInfo::new(
                _odata::TypeKind::Enum,
                "microsoft.graph.callRecords",
                "productFamily",
                "microsoft.graph.callRecords.productFamily",
            )
        };
    }
    #[automatically_derived]
    impl _odata::ODataEnum for ProductFamily {
        fn member_name(&self) -> &str {
            match self {
                ProductFamily::Unknown => "unknown",
                ProductFamily::Teams => "teams",
                ProductFamily::UnknownFutureValue => "unknownFutureValue",
                ProductFamily::AzureCommunicationServices => "azureCommunicationServices",
                ProductFamily::Other(__odata_raw) => {
                    ::core::convert::AsRef::<str>::as_ref(__odata_raw)
                }
            }
        }
        fn member_value(&self) -> _odata::__private::Option<i64> {
            match self {
                ProductFamily::Unknown => _odata::__private::Some(0i64),
                ProductFamily::Teams => _odata::__private::Some(1i64),
                ProductFamily::UnknownFutureValue => _odata::__private::Some(4i64),
                ProductFamily::AzureCommunicationServices => {
                    _odata::__private::Some(5i64)
                }
                ProductFamily::Other(_) => _odata::__private::None,
            }
        }
        fn from_member_name(__odata_name: &str) -> _odata::__private::Option<Self> {
            match __odata_name {
                "unknown" => _odata::__private::Some(ProductFamily::Unknown),
                "teams" => _odata::__private::Some(ProductFamily::Teams),
                "unknownFutureValue" => {
                    _odata::__private::Some(ProductFamily::UnknownFutureValue)
                }
                "azureCommunicationServices" => {
                    _odata::__private::Some(ProductFamily::AzureCommunicationServices)
                }
                _ => _odata::__private::None,
            }
        }
        fn from_member_value(__odata_value: i64) -> _odata::__private::Option<Self> {
            match __odata_value {
                0i64 => _odata::__private::Some(ProductFamily::Unknown),
                1i64 => _odata::__private::Some(ProductFamily::Teams),
                4i64 => _odata::__private::Some(ProductFamily::UnknownFutureValue),
                5i64 => {
                    _odata::__private::Some(ProductFamily::AzureCommunicationServices)
                }
                _ => _odata::__private::None,
            }
        }
        fn from_unknown_member(__odata_raw: &str) -> _odata::__private::Option<Self> {
            _odata::__private::Some(
                ProductFamily::Other(::core::convert::From::from(__odata_raw)),
            )
        }
    }
    #[automatically_derived]
    impl _odata::query::UrlLiteral for ProductFamily {
        fn write_literal(&self, __odata_out: &mut _odata::__private::String) {
            _odata::query::write_enum_literal(self, __odata_out)
        }
    }
    #[automatically_derived]
    impl _odata::EdmType for ProductFamily {
        const TYPE: _odata::TypeRef = _odata::TypeRef::of::<Self>();
        #[inline]
        fn serialize_edm<__S: _odata::__private::serde::Serializer>(
            &self,
            __odata_serializer: __S,
        ) -> _odata::__private::Result<__S::Ok, __S::Error> {
            _odata::__private::serialize_enum(self, __odata_serializer)
        }
        #[inline]
        fn deserialize_edm<'de, __D: _odata::__private::serde::Deserializer<'de>>(
            __odata_deserializer: __D,
        ) -> _odata::__private::Result<Self, __D::Error> {
            _odata::__private::deserialize_enum(__odata_deserializer)
        }
    }
    #[automatically_derived]
    impl _odata::__private::serde::Serialize for ProductFamily {
        fn serialize<__S: _odata::__private::serde::Serializer>(
            &self,
            __odata_serializer: __S,
        ) -> _odata::__private::Result<__S::Ok, __S::Error> {
            _odata::EdmType::serialize_edm(self, __odata_serializer)
        }
    }
    #[automatically_derived]
    impl<'de> _odata::__private::serde::Deserialize<'de> for ProductFamily {
        fn deserialize<__D: _odata::__private::serde::Deserializer<'de>>(
            __odata_deserializer: __D,
        ) -> _odata::__private::Result<Self, __D::Error> {
            _odata::__private::Result::map_err(
                _odata::__private::deserialize_enum(__odata_deserializer),
                _odata::__private::path_at_root,
            )
        }
    }
    _odata::__private::inventory::submit! {
        _odata::__private::Registration(< ProductFamily as _odata::ODataType >
        ::TYPE_INFO)
    }
};
