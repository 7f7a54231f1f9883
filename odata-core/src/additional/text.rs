//! Kept JSON text in and out of serde_json without a `Box<RawValue>` per member.
//!
//! serde_json hands a value's raw text to whoever deserializes a newtype struct named
//! `$serde_json::private::RawValue`: its deserializer (over a `&str`, a slice or a reader) and
//! its `Value` call the visitor's `visit_map` with one entry, the token as key and the text as a
//! string value (borrowed from the input, or an owned `String` from a reader or a `Value`). That
//! is how `Box<RawValue>` and `&RawValue` deserialize; [`KeepText`] takes part in the same
//! protocol and appends the text straight to the value's kept members. Writing goes the same way
//! back ([`KeptText`] serializes as `RawValue` does), and [`raw_ref`] lends a kept text as a
//! `&RawValue` by playing serde_json's part, so the accessors that hand out `&RawValue` neither
//! allocate nor parse the text again.

use serde::de::value::BorrowedStrDeserializer;
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, Unexpected, Visitor};
use serde::ser::{Serialize, SerializeStruct, Serializer};
use serde::{Deserialize, forward_to_deserialize_any};
use serde_json::value::RawValue;

use super::AdditionalData;
use crate::encode::private::RAW_VALUE_TOKEN;

/// Reads a member's value as its JSON text (without the whitespace between tokens) into the
/// kept members, under `name`. Fails as `Box<RawValue>` would: on a syntax error, and with a
/// deserializer that does not speak serde_json's raw-value protocol.
pub(crate) struct KeepText<'a> {
    pub(crate) data: &'a mut AdditionalData,
    pub(crate) name: &'a str,
}

impl<'de> DeserializeSeed<'de> for KeepText<'_> {
    type Value = ();

    #[inline]
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_newtype_struct(RAW_VALUE_TOKEN, self)
    }
}

impl<'de> Visitor<'de> for KeepText<'_> {
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // `Box<RawValue>`'s words, so that errors read as they did.
        f.write_str("any valid JSON value")
    }

    #[inline]
    fn visit_map<M: MapAccess<'de>>(self, mut map: M) -> Result<(), M::Error> {
        if map.next_key_seed(TokenKey)?.is_none() {
            return Err(de::Error::invalid_type(Unexpected::Map, &self));
        }
        map.next_value_seed(TextSeed(self))
    }
}

/// The key of serde_json's one-entry map: its token, nothing else.
struct TokenKey;

impl<'de> DeserializeSeed<'de> for TokenKey {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_identifier(self)
    }
}

impl Visitor<'_> for TokenKey {
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("raw value")
    }

    fn visit_str<E: de::Error>(self, key: &str) -> Result<(), E> {
        if key == RAW_VALUE_TOKEN { Ok(()) } else { Err(E::custom("unexpected raw value")) }
    }
}

/// The text itself: borrowed, transient or owned, it is copied into the buffer.
struct TextSeed<'a>(KeepText<'a>);

impl<'de> DeserializeSeed<'de> for TextSeed<'_> {
    type Value = ();

    #[inline]
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl Visitor<'_> for TextSeed<'_> {
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("raw value")
    }

    #[inline]
    fn visit_str<E: de::Error>(self, text: &str) -> Result<(), E> {
        let KeepText { data, name } = self.0;
        data.push_text(name, text);
        Ok(())
    }
}

/// A kept text written as `RawValue` writes itself: serde_json's serializer and odata-core's
/// writer copy it as it is.
pub(crate) struct KeptText<'a>(pub(crate) &'a str);

impl Serialize for KeptText<'_> {
    #[inline]
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut raw = serializer.serialize_struct(RAW_VALUE_TOKEN, 1)?;
        raw.serialize_field(RAW_VALUE_TOKEN, self.0)?;
        raw.end()
    }
}

/// A kept text as a `&RawValue`, borrowed from the buffer. Kept texts are JSON that serde_json
/// validated (or a `RawValue`'s), so nothing is parsed again: `&RawValue`'s own `Deserialize`
/// is handed the text as serde_json's deserializer would hand it. Should serde_json ever change
/// that protocol, the text is parsed instead (the tests check that it is not).
pub(crate) fn raw_ref(text: &str) -> &RawValue {
    <&RawValue>::deserialize(Lend(text))
        .or_else(|_| serde_json::from_str(text))
        .unwrap_or(RawValue::NULL)
}

/// Plays serde_json's part for [`raw_ref`].
struct Lend<'a>(&'a str);

impl<'de> Deserializer<'de> for Lend<'de> {
    type Error = de::value::Error;

    fn deserialize_any<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value, Self::Error> {
        Err(de::Error::custom("only a RawValue is lent"))
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        if name == RAW_VALUE_TOKEN {
            visitor.visit_map(LendMap(Some(self.0)))
        } else {
            self.deserialize_any(visitor)
        }
    }

    forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf option
        unit unit_struct seq tuple tuple_struct map struct enum identifier ignored_any
    }
}

/// The one entry: the token, then the text.
struct LendMap<'a>(Option<&'a str>);

impl<'a> MapAccess<'a> for LendMap<'a> {
    type Error = de::value::Error;

    fn next_key_seed<K: DeserializeSeed<'a>>(&mut self, seed: K) -> Result<Option<K::Value>, Self::Error> {
        match self.0 {
            Some(_) => seed.deserialize(BorrowedStrDeserializer::new(RAW_VALUE_TOKEN)).map(Some),
            None => Ok(None),
        }
    }

    fn next_value_seed<V: DeserializeSeed<'a>>(&mut self, seed: V) -> Result<V::Value, Self::Error> {
        let text = self.0.take().ok_or_else(|| de::Error::custom("the text was taken"))?;
        seed.deserialize(BorrowedStrDeserializer::new(text))
    }
}
