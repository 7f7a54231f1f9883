//! [`JsonWriter`]: a `serde::Serializer` that writes compact JSON into a `Vec<u8>`, byte for byte
//! what `serde_json::to_vec` writes (tests/json_writer.rs compares the two on every JSON document
//! of the repository, the benchmark's page and generated values of every serde shape).
//!
//! Where it is faster than serde_json's serializer (measured in BENCHMARKS.md): strings and member
//! names are scanned for escapes sixteen bytes at a time and written with one capacity check each,
//! a struct member's `,"name":` is one write, and numbers go through `itoa` and `zmij` (serde_json's
//! own number formatters, so the digits are the same) straight into the buffer, not through
//! `io::Write`.

use std::fmt::{self, Display};

use serde::ser::{self, Serialize};

use super::escape::{write_escaped, write_key, write_quoted};
use super::key::KeyWriter;
use super::private::{self, NumberText, RawText};

/// A `serde::Serializer` that appends compact JSON to a `Vec<u8>`: the same bytes as
/// `serde_json::to_writer`, written faster. [`to_writer_with`](crate::to_writer_with) and the
/// other `to_*` functions of this crate use it with [`EncodeOptions`](crate::EncodeOptions) in
/// effect; use it directly to write a value as a part of a larger document:
///
/// ```
/// use serde::Serialize;
///
/// let mut out = b"[".to_vec();
/// (1, "two\n").serialize(odata_core::JsonWriter::new(&mut out))?;
/// out.push(b']');
/// assert_eq!(out, br#"[[1,"two\n"]]"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
///
/// Its error type is `serde_json::Error`, with serde_json's messages where it refuses what
/// serde_json refuses (a map key that is not a string, number or `bool`; a non-finite float key).
/// `serde_json::value::RawValue` is written as its text, and with serde_json's
/// `arbitrary_precision` feature a `serde_json::Number` as its digits, as serde_json does.
#[derive(Debug)]
pub struct JsonWriter<'a> {
    out: &'a mut Vec<u8>,
}

impl<'a> JsonWriter<'a> {
    /// A writer that appends to `out`.
    #[inline]
    pub fn new(out: &'a mut Vec<u8>) -> Self {
        JsonWriter { out }
    }
}

/// Appends an integer's digits.
#[inline]
pub(crate) fn write_integer<I: itoa::Integer>(out: &mut Vec<u8>, value: I) {
    out.extend_from_slice(itoa::Buffer::new().format(value).as_bytes());
}

/// Appends a finite float's shortest round-trip digits, as serde_json writes them (`1.0`, `1e300`,
/// `-0.0`); zmij is the formatter serde_json 1.0.154 itself uses.
#[inline]
pub(crate) fn write_finite<F: zmij::Float>(out: &mut Vec<u8>, value: F) {
    out.extend_from_slice(zmij::Buffer::new().format_finite(value).as_bytes());
}

impl<'a> ser::Serializer for JsonWriter<'a> {
    type Ok = ();
    type Error = serde_json::Error;
    type SerializeSeq = Compound<'a>;
    type SerializeTuple = Compound<'a>;
    type SerializeTupleStruct = Compound<'a>;
    type SerializeTupleVariant = Compound<'a>;
    type SerializeMap = Compound<'a>;
    type SerializeStruct = StructCompound<'a>;
    type SerializeStructVariant = Compound<'a>;

    #[inline]
    fn serialize_bool(self, value: bool) -> Result<(), Self::Error> {
        self.out.extend_from_slice(if value { b"true" } else { b"false" });
        Ok(())
    }

    #[inline]
    fn serialize_i8(self, value: i8) -> Result<(), Self::Error> {
        write_integer(self.out, value);
        Ok(())
    }

    #[inline]
    fn serialize_i16(self, value: i16) -> Result<(), Self::Error> {
        write_integer(self.out, value);
        Ok(())
    }

    #[inline]
    fn serialize_i32(self, value: i32) -> Result<(), Self::Error> {
        write_integer(self.out, value);
        Ok(())
    }

    #[inline]
    fn serialize_i64(self, value: i64) -> Result<(), Self::Error> {
        write_integer(self.out, value);
        Ok(())
    }

    fn serialize_i128(self, value: i128) -> Result<(), Self::Error> {
        write_integer(self.out, value);
        Ok(())
    }

    #[inline]
    fn serialize_u8(self, value: u8) -> Result<(), Self::Error> {
        write_integer(self.out, value);
        Ok(())
    }

    #[inline]
    fn serialize_u16(self, value: u16) -> Result<(), Self::Error> {
        write_integer(self.out, value);
        Ok(())
    }

    #[inline]
    fn serialize_u32(self, value: u32) -> Result<(), Self::Error> {
        write_integer(self.out, value);
        Ok(())
    }

    #[inline]
    fn serialize_u64(self, value: u64) -> Result<(), Self::Error> {
        write_integer(self.out, value);
        Ok(())
    }

    fn serialize_u128(self, value: u128) -> Result<(), Self::Error> {
        write_integer(self.out, value);
        Ok(())
    }

    /// NaN and the infinities have no JSON form; serde_json writes them as `null`.
    #[inline]
    fn serialize_f32(self, value: f32) -> Result<(), Self::Error> {
        if value.is_finite() {
            write_finite(self.out, value);
        } else {
            self.out.extend_from_slice(b"null");
        }
        Ok(())
    }

    #[inline]
    fn serialize_f64(self, value: f64) -> Result<(), Self::Error> {
        if value.is_finite() {
            write_finite(self.out, value);
        } else {
            self.out.extend_from_slice(b"null");
        }
        Ok(())
    }

    #[inline]
    fn serialize_char(self, value: char) -> Result<(), Self::Error> {
        write_quoted(self.out, value.encode_utf8(&mut [0; 4]));
        Ok(())
    }

    #[inline]
    fn serialize_str(self, value: &str) -> Result<(), Self::Error> {
        write_quoted(self.out, value);
        Ok(())
    }

    /// An array of the byte values, as serde_json writes bytes.
    fn serialize_bytes(self, value: &[u8]) -> Result<(), Self::Error> {
        self.out.push(b'[');
        for (i, &byte) in value.iter().enumerate() {
            if i > 0 {
                self.out.push(b',');
            }
            write_integer(self.out, byte);
        }
        self.out.push(b']');
        Ok(())
    }

    #[inline]
    fn serialize_none(self) -> Result<(), Self::Error> {
        self.serialize_unit()
    }

    #[inline]
    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Result<(), Self::Error> {
        value.serialize(self)
    }

    #[inline]
    fn serialize_unit(self) -> Result<(), Self::Error> {
        self.out.extend_from_slice(b"null");
        Ok(())
    }

    #[inline]
    fn serialize_unit_struct(self, _name: &'static str) -> Result<(), Self::Error> {
        self.serialize_unit()
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

    /// `{"variant":value}`.
    #[inline]
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), Self::Error> {
        self.out.push(b'{');
        write_key(self.out, false, variant);
        value.serialize(JsonWriter { out: &mut *self.out })?;
        self.out.push(b'}');
        Ok(())
    }

    #[inline]
    fn serialize_seq(self, len: Option<usize>) -> Result<Compound<'a>, Self::Error> {
        Ok(Compound::open(self.out, b'[', b']', len))
    }

    #[inline]
    fn serialize_tuple(self, len: usize) -> Result<Compound<'a>, Self::Error> {
        self.serialize_seq(Some(len))
    }

    #[inline]
    fn serialize_tuple_struct(self, _name: &'static str, len: usize) -> Result<Compound<'a>, Self::Error> {
        self.serialize_seq(Some(len))
    }

    /// `{"variant":[...]}`.
    #[inline]
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Compound<'a>, Self::Error> {
        self.out.push(b'{');
        write_key(self.out, false, variant);
        self.serialize_seq(Some(len))
    }

    #[inline]
    fn serialize_map(self, len: Option<usize>) -> Result<Compound<'a>, Self::Error> {
        Ok(Compound::open(self.out, b'{', b'}', len))
    }

    /// An object, except for serde_json's two private structs: a `RawValue` (its text is written
    /// as it is) and, with `arbitrary_precision`, a `Number` (its digits).
    #[inline]
    fn serialize_struct(self, name: &'static str, len: usize) -> Result<StructCompound<'a>, Self::Error> {
        if name.starts_with('$') {
            if name == private::RAW_VALUE_TOKEN {
                return Ok(StructCompound::RawValue(self.out));
            }
            if name == private::NUMBER_TOKEN && private::arbitrary_precision() {
                return Ok(StructCompound::Number(self.out));
            }
        }
        self.serialize_map(Some(len)).map(StructCompound::Object)
    }

    /// `{"variant":{...}}`.
    #[inline]
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Compound<'a>, Self::Error> {
        self.out.push(b'{');
        write_key(self.out, false, variant);
        self.serialize_map(Some(len))
    }

    /// Formats `value` straight into the buffer, escaping each piece as it comes (dates,
    /// durations and other text values are written this way, without a `String` in between).
    fn collect_str<T: ?Sized + Display>(self, value: &T) -> Result<(), Self::Error> {
        self.out.push(b'"');
        write_display_escaped(self.out, value)?;
        self.out.push(b'"');
        Ok(())
    }
}

/// Writes what `value` displays, escaped, without quotes.
pub(crate) fn write_display_escaped<T: ?Sized + Display>(
    out: &mut Vec<u8>,
    value: &T,
) -> Result<(), serde_json::Error> {
    struct Escaping<'o>(&'o mut Vec<u8>);
    impl fmt::Write for Escaping<'_> {
        fn write_str(&mut self, text: &str) -> fmt::Result {
            write_escaped(self.0, text.as_bytes());
            Ok(())
        }
    }
    // Writing into a `Vec` cannot fail, so an error is the `Display` impl's own (serde_json
    // panics there; an error is kinder).
    fmt::write(&mut Escaping(out), format_args!("{value}"))
        .map_err(|_| ser::Error::custom("a Display implementation returned an error unexpectedly"))
}

/// Where an array or object is: serde_json's three states, kept exactly, so that a `Serialize`
/// impl that announces a length of 0 and then writes elements anyway gets serde_json's output.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    /// Announced empty: already closed at the start, nothing written at the end.
    Empty,
    First,
    Rest,
}

/// An array or object being written (serde's `SerializeSeq`, `SerializeMap` and the others).
#[derive(Debug)]
pub struct Compound<'a> {
    out: &'a mut Vec<u8>,
    state: State,
}

impl<'a> Compound<'a> {
    #[inline]
    fn open(out: &'a mut Vec<u8>, open: u8, close: u8, len: Option<usize>) -> Self {
        if len == Some(0) {
            out.extend_from_slice(&[open, close]);
            Compound { out, state: State::Empty }
        } else {
            out.push(open);
            Compound { out, state: State::First }
        }
    }

    /// Whether the next element or member needs a `,` before it, noting that one follows.
    #[inline]
    fn comma(&mut self) -> bool {
        let comma = self.state != State::First;
        self.state = State::Rest;
        comma
    }

    #[inline]
    fn element<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), serde_json::Error> {
        if self.comma() {
            self.out.push(b',');
        }
        value.serialize(JsonWriter { out: &mut *self.out })
    }

    #[inline]
    fn close(self, close: &[u8]) -> Result<(), serde_json::Error> {
        // An announced-empty array or object was closed when it was opened; a variant's outer
        // object is closed either way.
        let close = if self.state == State::Empty { &close[1..] } else { close };
        self.out.extend_from_slice(close);
        Ok(())
    }

    #[inline]
    fn field<T: ?Sized + Serialize>(&mut self, key: &'static str, value: &T) -> Result<(), serde_json::Error> {
        let comma = self.comma();
        write_key(self.out, comma, key);
        value.serialize(JsonWriter { out: &mut *self.out })
    }
}

impl ser::SerializeSeq for Compound<'_> {
    type Ok = ();
    type Error = serde_json::Error;

    #[inline]
    fn serialize_element<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Self::Error> {
        self.element(value)
    }

    #[inline]
    fn end(self) -> Result<(), Self::Error> {
        self.close(b"]")
    }
}

impl ser::SerializeTuple for Compound<'_> {
    type Ok = ();
    type Error = serde_json::Error;

    #[inline]
    fn serialize_element<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Self::Error> {
        self.element(value)
    }

    #[inline]
    fn end(self) -> Result<(), Self::Error> {
        self.close(b"]")
    }
}

impl ser::SerializeTupleStruct for Compound<'_> {
    type Ok = ();
    type Error = serde_json::Error;

    #[inline]
    fn serialize_field<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Self::Error> {
        self.element(value)
    }

    #[inline]
    fn end(self) -> Result<(), Self::Error> {
        self.close(b"]")
    }
}

impl ser::SerializeTupleVariant for Compound<'_> {
    type Ok = ();
    type Error = serde_json::Error;

    #[inline]
    fn serialize_field<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Self::Error> {
        self.element(value)
    }

    #[inline]
    fn end(self) -> Result<(), Self::Error> {
        self.close(b"]}")
    }
}

impl ser::SerializeMap for Compound<'_> {
    type Ok = ();
    type Error = serde_json::Error;

    #[inline]
    fn serialize_key<T: ?Sized + Serialize>(&mut self, key: &T) -> Result<(), Self::Error> {
        let comma = self.comma();
        key.serialize(KeyWriter { out: &mut *self.out, comma, colon: false })
    }

    /// The `:` is written here, not after the key, so that a key without a value is written as
    /// serde_json writes it.
    #[inline]
    fn serialize_value<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Self::Error> {
        self.out.push(b':');
        value.serialize(JsonWriter { out: &mut *self.out })
    }

    /// The key with its `,` and `:` in one write, then the value.
    #[inline]
    fn serialize_entry<K: ?Sized + Serialize, V: ?Sized + Serialize>(
        &mut self,
        key: &K,
        value: &V,
    ) -> Result<(), Self::Error> {
        let comma = self.comma();
        key.serialize(KeyWriter { out: &mut *self.out, comma, colon: true })?;
        value.serialize(JsonWriter { out: &mut *self.out })
    }

    #[inline]
    fn end(self) -> Result<(), Self::Error> {
        self.close(b"}")
    }
}

impl ser::SerializeStructVariant for Compound<'_> {
    type Ok = ();
    type Error = serde_json::Error;

    #[inline]
    fn serialize_field<T: ?Sized + Serialize>(&mut self, key: &'static str, value: &T) -> Result<(), Self::Error> {
        self.field(key, value)
    }

    #[inline]
    fn end(self) -> Result<(), Self::Error> {
        self.close(b"}}")
    }
}

/// A struct being written: an object, or one of serde_json's private structs, whose one field
/// holds text to write as it is.
#[derive(Debug)]
pub enum StructCompound<'a> {
    /// An ordinary struct, written as an object.
    Object(Compound<'a>),
    /// A `serde_json::value::RawValue`.
    RawValue(&'a mut Vec<u8>),
    /// A `serde_json::Number` under `arbitrary_precision`.
    Number(&'a mut Vec<u8>),
}

impl ser::SerializeStruct for StructCompound<'_> {
    type Ok = ();
    type Error = serde_json::Error;

    #[inline]
    fn serialize_field<T: ?Sized + Serialize>(&mut self, key: &'static str, value: &T) -> Result<(), Self::Error> {
        match self {
            StructCompound::Object(object) => object.field(key, value),
            StructCompound::RawValue(out) if key == private::RAW_VALUE_TOKEN => value.serialize(RawText(out)),
            StructCompound::RawValue(_) => Err(private::invalid_raw_value()),
            StructCompound::Number(out) if key == private::NUMBER_TOKEN => value.serialize(NumberText(out)),
            StructCompound::Number(_) => Err(private::invalid_number()),
        }
    }

    #[inline]
    fn end(self) -> Result<(), Self::Error> {
        match self {
            StructCompound::Object(object) => object.close(b"}"),
            StructCompound::RawValue(_) | StructCompound::Number(_) => Ok(()),
        }
    }
}
