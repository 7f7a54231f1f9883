//! Map keys: what serde_json's map-key serializer accepts, written as it writes them. Strings,
//! chars and unit variants as strings; integers, `bool`s and finite floats quoted (`"1"`,
//! `"true"`, `"1.5"`); newtype structs and `Some` as what they hold. Everything else is refused
//! with serde_json's error ("key must be a string", "float key must be finite ...").

use std::fmt::Display;

use serde::ser::{self, Impossible, Serialize};

use super::escape::write_key;
use super::private;
use super::writer::{write_display_escaped, write_finite, write_integer};

/// Writes one key: a `,` before it unless it is the first, and, for `serialize_entry`, the `:`
/// after it, in the same write as the key.
pub(crate) struct KeyWriter<'a> {
    pub(crate) out: &'a mut Vec<u8>,
    pub(crate) comma: bool,
    pub(crate) colon: bool,
}

impl KeyWriter<'_> {
    /// A key written by `write` between the quotes (a number or `bool`, which need no escape).
    #[inline]
    fn quoted(self, write: impl FnOnce(&mut Vec<u8>)) -> Result<(), serde_json::Error> {
        if self.comma {
            self.out.push(b',');
        }
        self.out.push(b'"');
        write(self.out);
        self.out.extend_from_slice(if self.colon { b"\":" } else { b"\"" });
        Ok(())
    }
}

type Refused = Impossible<(), serde_json::Error>;

impl ser::Serializer for KeyWriter<'_> {
    type Ok = ();
    type Error = serde_json::Error;
    type SerializeSeq = Refused;
    type SerializeTuple = Refused;
    type SerializeTupleStruct = Refused;
    type SerializeTupleVariant = Refused;
    type SerializeMap = Refused;
    type SerializeStruct = Refused;
    type SerializeStructVariant = Refused;

    #[inline]
    fn serialize_str(self, value: &str) -> Result<(), Self::Error> {
        if self.colon {
            write_key(self.out, self.comma, value);
        } else {
            if self.comma {
                self.out.push(b',');
            }
            super::escape::write_quoted(self.out, value);
        }
        Ok(())
    }

    #[inline]
    fn serialize_char(self, value: char) -> Result<(), Self::Error> {
        self.serialize_str(value.encode_utf8(&mut [0; 4]))
    }

    #[inline]
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<(), Self::Error> {
        self.serialize_str(variant)
    }

    #[inline]
    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<(), Self::Error> {
        value.serialize(self)
    }

    #[inline]
    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Result<(), Self::Error> {
        value.serialize(self)
    }

    fn serialize_bool(self, value: bool) -> Result<(), Self::Error> {
        self.quoted(|out| out.extend_from_slice(if value { b"true" } else { b"false" }))
    }

    fn serialize_i8(self, value: i8) -> Result<(), Self::Error> {
        self.quoted(|out| write_integer(out, value))
    }

    fn serialize_i16(self, value: i16) -> Result<(), Self::Error> {
        self.quoted(|out| write_integer(out, value))
    }

    fn serialize_i32(self, value: i32) -> Result<(), Self::Error> {
        self.quoted(|out| write_integer(out, value))
    }

    fn serialize_i64(self, value: i64) -> Result<(), Self::Error> {
        self.quoted(|out| write_integer(out, value))
    }

    fn serialize_i128(self, value: i128) -> Result<(), Self::Error> {
        self.quoted(|out| write_integer(out, value))
    }

    fn serialize_u8(self, value: u8) -> Result<(), Self::Error> {
        self.quoted(|out| write_integer(out, value))
    }

    fn serialize_u16(self, value: u16) -> Result<(), Self::Error> {
        self.quoted(|out| write_integer(out, value))
    }

    fn serialize_u32(self, value: u32) -> Result<(), Self::Error> {
        self.quoted(|out| write_integer(out, value))
    }

    fn serialize_u64(self, value: u64) -> Result<(), Self::Error> {
        self.quoted(|out| write_integer(out, value))
    }

    fn serialize_u128(self, value: u128) -> Result<(), Self::Error> {
        self.quoted(|out| write_integer(out, value))
    }

    fn serialize_f32(self, value: f32) -> Result<(), Self::Error> {
        if !value.is_finite() {
            return Err(private::float_key_must_be_finite());
        }
        self.quoted(|out| write_finite(out, value))
    }

    fn serialize_f64(self, value: f64) -> Result<(), Self::Error> {
        if !value.is_finite() {
            return Err(private::float_key_must_be_finite());
        }
        self.quoted(|out| write_finite(out, value))
    }

    fn collect_str<T: ?Sized + Display>(self, value: &T) -> Result<(), Self::Error> {
        if self.comma {
            self.out.push(b',');
        }
        self.out.push(b'"');
        write_display_escaped(self.out, value)?;
        self.out.extend_from_slice(if self.colon { b"\":" } else { b"\"" });
        Ok(())
    }

    fn serialize_bytes(self, _value: &[u8]) -> Result<(), Self::Error> {
        Err(private::key_must_be_a_string())
    }

    fn serialize_none(self) -> Result<(), Self::Error> {
        Err(private::key_must_be_a_string())
    }

    fn serialize_unit(self) -> Result<(), Self::Error> {
        Err(private::key_must_be_a_string())
    }

    fn serialize_unit_struct(self, _name: &'static str) -> Result<(), Self::Error> {
        Err(private::key_must_be_a_string())
    }

    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _value: &T,
    ) -> Result<(), Self::Error> {
        Err(private::key_must_be_a_string())
    }

    fn serialize_seq(self, _len: Option<usize>) -> Result<Refused, Self::Error> {
        Err(private::key_must_be_a_string())
    }

    fn serialize_tuple(self, _len: usize) -> Result<Refused, Self::Error> {
        Err(private::key_must_be_a_string())
    }

    fn serialize_tuple_struct(self, _name: &'static str, _len: usize) -> Result<Refused, Self::Error> {
        Err(private::key_must_be_a_string())
    }

    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Refused, Self::Error> {
        Err(private::key_must_be_a_string())
    }

    fn serialize_map(self, _len: Option<usize>) -> Result<Refused, Self::Error> {
        Err(private::key_must_be_a_string())
    }

    fn serialize_struct(self, _name: &'static str, _len: usize) -> Result<Refused, Self::Error> {
        Err(private::key_must_be_a_string())
    }

    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Refused, Self::Error> {
        Err(private::key_must_be_a_string())
    }
}
