//! What makes the writer agree with serde_json beyond the serde data model: serde_json's two
//! private structs, and its errors.
//!
//! `serde_json::value::RawValue` serializes as a struct named `$serde_json::private::RawValue`
//! whose one field, of the same name, holds the JSON text; with serde_json's
//! `arbitrary_precision` feature, `serde_json::Number` serializes as a struct named
//! `$serde_json::private::Number` whose field holds the digits. serde_json writes both texts as
//! they are, and so does the writer. Whether `arbitrary_precision` is on is asked of serde_json
//! itself (another crate of a program may turn it on), once.
//!
//! The errors are serde_json's own, made by serde_json from a value that it refuses the same
//! way, so that message and category (`Error::classify`) are the same; only a failing
//! encode pays for it.

use std::fmt::Display;
use std::sync::OnceLock;

use serde::ser::{self, Impossible, Serialize, SerializeMap, SerializeStruct};

/// The name serde_json gives `RawValue`'s struct and its field.
pub(crate) const RAW_VALUE_TOKEN: &str = "$serde_json::private::RawValue";
/// The name serde_json gives `Number`'s struct and its field under `arbitrary_precision`.
pub(crate) const NUMBER_TOKEN: &str = "$serde_json::private::Number";

/// Whether serde_json is built with `arbitrary_precision`: only then does a number keep the
/// digits it was read with (`1.50`, not `1.5`).
pub(crate) fn arbitrary_precision() -> bool {
    static ON: OnceLock<bool> = OnceLock::new();
    *ON.get_or_init(|| serde_json::from_str::<serde_json::Number>("1.50").is_ok_and(|n| n.to_string() == "1.50"))
}

/// serde_json's error for `probe`, which it refuses.
#[cold]
fn serde_json_error(probe: &impl Serialize, otherwise: &str) -> serde_json::Error {
    match serde_json::to_writer(std::io::sink(), probe) {
        Err(error) => error,
        Ok(()) => ser::Error::custom(otherwise),
    }
}

/// A map with one entry whose key is `K`.
struct MapWithKey<K>(K);

impl<K: Serialize> Serialize for MapWithKey<K> {
    fn serialize<S: ser::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(1))?;
        map.serialize_entry(&self.0, &())?;
        map.end()
    }
}

/// A struct named `name` with a field that is not `name`.
struct StructNamed(&'static str);

impl Serialize for StructNamed {
    fn serialize<S: ser::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut value = serializer.serialize_struct(self.0, 1)?;
        value.serialize_field("field", &())?;
        value.end()
    }
}

/// "key must be a string".
pub(crate) fn key_must_be_a_string() -> serde_json::Error {
    serde_json_error(&MapWithKey(()), "key must be a string")
}

/// "float key must be finite (got NaN or +/-inf)".
pub(crate) fn float_key_must_be_finite() -> serde_json::Error {
    serde_json_error(&MapWithKey(f64::NAN), "float key must be finite (got NaN or +/-inf)")
}

/// A `RawValue` struct whose field is not the raw text.
pub(crate) fn invalid_raw_value() -> serde_json::Error {
    serde_json_error(&StructNamed(RAW_VALUE_TOKEN), "expected value")
}

/// A `Number` struct whose field is not the digits.
pub(crate) fn invalid_number() -> serde_json::Error {
    serde_json_error(&StructNamed(NUMBER_TOKEN), "invalid number")
}

/// The field of a `RawValue`: only a string, written as it is.
pub(crate) struct RawText<'o, 'a>(pub(crate) &'o mut &'a mut Vec<u8>);

/// The field of a `Number`: only a string, written as it is.
pub(crate) struct NumberText<'o, 'a>(pub(crate) &'o mut &'a mut Vec<u8>);

/// The two differ only in what they write and their error for anything but a string (serde_json's
/// "expected RawValue", a custom message, and its "invalid number").
macro_rules! text_only {
    ($name:ident, $refuse:expr) => {
        impl ser::Serializer for $name<'_, '_> {
            type Ok = ();
            type Error = serde_json::Error;
            type SerializeSeq = Impossible<(), serde_json::Error>;
            type SerializeTuple = Impossible<(), serde_json::Error>;
            type SerializeTupleStruct = Impossible<(), serde_json::Error>;
            type SerializeTupleVariant = Impossible<(), serde_json::Error>;
            type SerializeMap = Impossible<(), serde_json::Error>;
            type SerializeStruct = Impossible<(), serde_json::Error>;
            type SerializeStructVariant = Impossible<(), serde_json::Error>;

            #[inline]
            fn serialize_str(self, text: &str) -> Result<(), Self::Error> {
                self.0.extend_from_slice(text.as_bytes());
                Ok(())
            }

            fn collect_str<T: ?Sized + Display>(self, value: &T) -> Result<(), Self::Error> {
                self.serialize_str(&value.to_string())
            }

            fn serialize_bool(self, _: bool) -> Result<(), Self::Error> {
                Err($refuse)
            }
            fn serialize_i8(self, _: i8) -> Result<(), Self::Error> {
                Err($refuse)
            }
            fn serialize_i16(self, _: i16) -> Result<(), Self::Error> {
                Err($refuse)
            }
            fn serialize_i32(self, _: i32) -> Result<(), Self::Error> {
                Err($refuse)
            }
            fn serialize_i64(self, _: i64) -> Result<(), Self::Error> {
                Err($refuse)
            }
            fn serialize_i128(self, _: i128) -> Result<(), Self::Error> {
                Err($refuse)
            }
            fn serialize_u8(self, _: u8) -> Result<(), Self::Error> {
                Err($refuse)
            }
            fn serialize_u16(self, _: u16) -> Result<(), Self::Error> {
                Err($refuse)
            }
            fn serialize_u32(self, _: u32) -> Result<(), Self::Error> {
                Err($refuse)
            }
            fn serialize_u64(self, _: u64) -> Result<(), Self::Error> {
                Err($refuse)
            }
            fn serialize_u128(self, _: u128) -> Result<(), Self::Error> {
                Err($refuse)
            }
            fn serialize_f32(self, _: f32) -> Result<(), Self::Error> {
                Err($refuse)
            }
            fn serialize_f64(self, _: f64) -> Result<(), Self::Error> {
                Err($refuse)
            }
            fn serialize_char(self, _: char) -> Result<(), Self::Error> {
                Err($refuse)
            }
            fn serialize_bytes(self, _: &[u8]) -> Result<(), Self::Error> {
                Err($refuse)
            }
            fn serialize_none(self) -> Result<(), Self::Error> {
                Err($refuse)
            }
            fn serialize_some<T: ?Sized + Serialize>(self, _: &T) -> Result<(), Self::Error> {
                Err($refuse)
            }
            fn serialize_unit(self) -> Result<(), Self::Error> {
                Err($refuse)
            }
            fn serialize_unit_struct(self, _: &'static str) -> Result<(), Self::Error> {
                Err($refuse)
            }
            fn serialize_unit_variant(self, _: &'static str, _: u32, _: &'static str) -> Result<(), Self::Error> {
                Err($refuse)
            }
            fn serialize_newtype_struct<T: ?Sized + Serialize>(
                self,
                _: &'static str,
                _: &T,
            ) -> Result<(), Self::Error> {
                Err($refuse)
            }
            fn serialize_newtype_variant<T: ?Sized + Serialize>(
                self,
                _: &'static str,
                _: u32,
                _: &'static str,
                _: &T,
            ) -> Result<(), Self::Error> {
                Err($refuse)
            }
            fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, Self::Error> {
                Err($refuse)
            }
            fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, Self::Error> {
                Err($refuse)
            }
            fn serialize_tuple_struct(
                self,
                _: &'static str,
                _: usize,
            ) -> Result<Self::SerializeTupleStruct, Self::Error> {
                Err($refuse)
            }
            fn serialize_tuple_variant(
                self,
                _: &'static str,
                _: u32,
                _: &'static str,
                _: usize,
            ) -> Result<Self::SerializeTupleVariant, Self::Error> {
                Err($refuse)
            }
            fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, Self::Error> {
                Err($refuse)
            }
            fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self::SerializeStruct, Self::Error> {
                Err($refuse)
            }
            fn serialize_struct_variant(
                self,
                _: &'static str,
                _: u32,
                _: &'static str,
                _: usize,
            ) -> Result<Self::SerializeStructVariant, Self::Error> {
                Err($refuse)
            }
        }
    };
}

text_only!(RawText, <serde_json::Error as ser::Error>::custom("expected RawValue"));
text_only!(NumberText, invalid_number());
