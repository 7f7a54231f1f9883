//! What a derive emits when its attributes are wrong: the traits of the type, with bodies that
//! never run (the build has already failed), so that the user sees the one real error and not a
//! cascade of "`Session` is not an OData entity type" wherever the type is used.
//!
//! It lives here, next to the traits, rather than in the proc-macro crate: a change of a trait's
//! signature then fails this crate's own build and tests (`tests` below), not a user's build that
//! is already failing.

/// `__odata_fallback!(entity Session)`, `(complex T)`, `(enum T)`, `(type_definition T)`: the
/// impls a failed derive leaves behind. For the derives only.
#[doc(hidden)]
#[macro_export]
macro_rules! __odata_fallback {
    (entity $ty:ident) => {
        $crate::__odata_fallback!(@common $ty);
        $crate::__odata_fallback!(@structured $ty);
        impl $crate::ODataEntity for $ty {
            type Key = $crate::query::NoKey;
        }
    };
    (complex $ty:ident) => {
        $crate::__odata_fallback!(@common $ty);
        $crate::__odata_fallback!(@structured $ty);
        impl $crate::ODataComplex for $ty {}
    };
    (enum $ty:ident) => {
        $crate::__odata_fallback!(@common $ty);
        impl $crate::ODataEnum for $ty {
            fn member_name(&self) -> &str { $crate::__odata_fallback!(@never) }
            fn member_value(&self) -> ::core::option::Option<i64> { $crate::__odata_fallback!(@never) }
            fn from_member_name(_: &str) -> ::core::option::Option<Self> { $crate::__odata_fallback!(@never) }
            fn from_member_value(_: i64) -> ::core::option::Option<Self> { $crate::__odata_fallback!(@never) }
            fn from_unknown_member(_: &str) -> ::core::option::Option<Self> { $crate::__odata_fallback!(@never) }
        }
    };
    (type_definition $ty:ident) => {
        $crate::__odata_fallback!(@common $ty);
    };
    (@never) => {
        ::core::unreachable!("`#[derive]` failed to compile")
    };
    (@common $ty:ident) => {
        impl $crate::ODataType for $ty {
            const QUALIFIED_NAME: &'static str = "";
            const TYPE_ANNOTATION: &'static str = "";
            const TYPE_INFO: &'static $crate::TypeInfo = &$crate::TypeInfo::new($crate::TypeKind::Complex, "", "", "");
        }
        impl $crate::EdmType for $ty {
            const TYPE: $crate::TypeRef = $crate::TypeRef::primitive("");
            fn serialize_edm<S: $crate::__private::serde::Serializer>(&self, _: S) -> ::core::result::Result<S::Ok, S::Error> {
                $crate::__odata_fallback!(@never)
            }
            fn deserialize_edm<'de, D: $crate::__private::serde::Deserializer<'de>>(_: D) -> ::core::result::Result<Self, D::Error> {
                $crate::__odata_fallback!(@never)
            }
        }
        impl $crate::__private::serde::Serialize for $ty {
            fn serialize<S: $crate::__private::serde::Serializer>(&self, _: S) -> ::core::result::Result<S::Ok, S::Error> {
                $crate::__odata_fallback!(@never)
            }
        }
        impl<'de> $crate::__private::serde::Deserialize<'de> for $ty {
            fn deserialize<D: $crate::__private::serde::Deserializer<'de>>(_: D) -> ::core::result::Result<Self, D::Error> {
                $crate::__odata_fallback!(@never)
            }
        }
    };
    (@structured $ty:ident) => {
        impl $crate::__private::checks::StructuredKey for $ty {
            type Key = $crate::query::NoKey;
        }
        impl $crate::ODataStructured for $ty {
            fn additional_data(&self) -> ::core::option::Option<&$crate::AdditionalData> {
                $crate::__odata_fallback!(@never)
            }
            fn additional_data_mut(&mut self) -> ::core::option::Option<&mut $crate::AdditionalData> {
                $crate::__odata_fallback!(@never)
            }
        }
        impl $crate::__private::StructuredWire for $ty {
            fn __odata_empty() -> Self { $crate::__odata_fallback!(@never) }
            fn __odata_field_index(_: &str) -> ::core::option::Option<u16> { $crate::__odata_fallback!(@never) }
            fn __odata_field_name(_: u16) -> &'static str { $crate::__odata_fallback!(@never) }
            fn __odata_visit_field<'de, A: $crate::__private::serde::de::MapAccess<'de>>(
                &mut self,
                _: u16,
                _: &mut A,
                _: &mut bool,
            ) -> ::core::result::Result<(), A::Error> {
                $crate::__odata_fallback!(@never)
            }
            fn __odata_navigation_control(
                &mut self,
                _: u16,
            ) -> ::core::option::Option<&mut dyn $crate::__private::NavigationControl> {
                $crate::__odata_fallback!(@never)
            }
            fn __odata_serialize_fields<M: $crate::__private::serde::ser::SerializeMap>(
                &self,
                _: &mut M,
                _: $crate::__private::Nulls<'_>,
            ) -> ::core::result::Result<(), M::Error> {
                $crate::__odata_fallback!(@never)
            }
            fn __odata_swap_ancestor(&mut self, _: &mut dyn ::core::any::Any) -> bool {
                $crate::__odata_fallback!(@never)
            }
        }
    };
}

#[cfg(test)]
mod tests {
    //! The fallback compiles for each kind, so its signatures follow the traits'.
    #![allow(dead_code)]

    struct Entity;
    __odata_fallback!(entity Entity);
    struct Complex;
    __odata_fallback!(complex Complex);
    enum Enumeration {}
    __odata_fallback!(enum Enumeration);
    struct Definition;
    __odata_fallback!(type_definition Definition);

    #[test]
    fn every_kind_has_the_traits_of_its_derive() {
        fn entity<T: crate::ODataEntity + crate::__private::StructuredWire>() {}
        fn complex<T: crate::ODataComplex + crate::__private::StructuredWire>() {}
        fn enumeration<T: crate::ODataEnum + crate::EdmType>() {}
        fn definition<T: crate::ODataType + crate::EdmType>() {}
        entity::<Entity>();
        complex::<Complex>();
        enumeration::<Enumeration>();
        definition::<Definition>();
    }
}
