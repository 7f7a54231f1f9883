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
    <&RawValue>::deserialize(Lend(text)).or_else(|_| serde_json::from_str(text)).unwrap_or(RawValue::NULL)
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
        if name == RAW_VALUE_TOKEN { visitor.visit_map(LendMap(Some(self.0))) } else { self.deserialize_any(visitor) }
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

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;
    use std::fmt;

    use serde::de::{Deserialize, Deserializer, MapAccess, Visitor};
    use serde_json::json;

    use super::*;

    /// An object's members kept through [`KeepText`], as the member loops keep unknown members.
    #[derive(Debug, PartialEq)]
    struct Kept(AdditionalData);

    impl<'de> Deserialize<'de> for Kept {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            struct Members;
            impl<'de> Visitor<'de> for Members {
                type Value = Kept;
                fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                    f.write_str("an object")
                }
                fn visit_map<M: MapAccess<'de>>(self, mut map: M) -> Result<Kept, M::Error> {
                    let mut data = AdditionalData::new();
                    while let Some(name) = map.next_key::<std::borrow::Cow<'de, str>>()? {
                        map.next_value_seed(data.keep(&name))?;
                    }
                    Ok(Kept(data))
                }
            }
            deserializer.deserialize_map(Members)
        }
    }

    /// The same members as `Box<RawValue>`s, as they were kept before.
    fn boxed(json: &str) -> serde_json::Result<Vec<(String, String)>> {
        let map: BTreeMap<String, Box<RawValue>> = serde_json::from_str(json)?;
        Ok(map.into_iter().map(|(k, v)| (k, v.get().to_owned())).collect())
    }

    fn members(kept: &Kept) -> Vec<(String, String)> {
        let inner = kept.0.inner();
        let mut all: Vec<_> = inner.members.iter().map(|(k, v)| (k.to_owned(), v.to_owned())).collect();
        all.sort();
        all
    }

    const OBJECT: &str = r#"{"tenantId":"dc368399-474c-4d40-900c-6265431fd81f","@odata.etag":"W/\"1\"","n":12345678901234567890.50,"o":{"a":[1,{"b":null}],"c":"\u00e9\n"},"caf\u00e9":"日本","t":true}"#;

    #[test]
    fn every_serde_json_entry_point_keeps_the_same_text() {
        let text: Kept = serde_json::from_str(OBJECT).expect("from_str");
        let slice: Kept = serde_json::from_slice(OBJECT.as_bytes()).expect("from_slice");
        let reader: Kept = serde_json::from_reader(OBJECT.as_bytes()).expect("from_reader");
        let raw: &RawValue = serde_json::from_str(OBJECT).expect("raw");
        let lent: Kept = serde_json::from_str(raw.get()).expect("from a RawValue's text");
        let expected = boxed(OBJECT).expect("boxed");
        for kept in [&text, &slice, &reader, &lent] {
            assert_eq!(members(kept), expected);
        }
        assert_eq!(text.0.property("n").map(RawValue::get), Some("12345678901234567890.50"));
        assert_eq!(text.0.etag().as_deref(), Some("W/\"1\""));
    }

    #[test]
    fn a_value_as_deserializer_hands_over_its_text() {
        // `from_value` and `&Value` write the text from the `Value` (numbers as the `Value`
        // holds them), as they do for `Box<RawValue>`.
        let value = json!({"a": {"b": [1, 2.5, "x"]}, "@c": null});
        let owned: Kept = serde_json::from_value(value.clone()).expect("from_value");
        let borrowed = Kept::deserialize(&value).expect("&Value");
        let expected: BTreeMap<String, Box<RawValue>> = serde_json::from_value(value.clone()).expect("boxed");
        let expected: Vec<_> = expected.into_iter().map(|(k, v)| (k, v.get().to_owned())).collect();
        assert_eq!(members(&owned), expected);
        assert_eq!(members(&borrowed), expected);
        assert_eq!(owned.0.property_value("a"), Some(value["a"].clone()));
    }

    #[test]
    fn pretty_printed_input_is_kept_compact() {
        let pretty = "{\n  \"tenantId\" : \"dc368399-474c-4d40-900c-6265431fd81f\",\r\n\t\"@odata.etag\": \"W/\\\"1\\\"\",\n  \"n\": 12345678901234567890.50,\n  \"o\": {\n    \"a\": [\n      1,\n      { \"b\" : null }\n    ],\n    \"c\": \"\\u00e9\\n\"\n  },\n  \"caf\\u00e9\": \"日本\" , \"t\" : true\n}\n";
        let compact: Kept = serde_json::from_str(OBJECT).expect("compact");
        let read: Kept = serde_json::from_str(pretty).expect("pretty");
        let reader: Kept = serde_json::from_reader(pretty.as_bytes()).expect("pretty reader");
        assert_eq!(read, compact);
        assert_eq!(reader, compact);
        assert_eq!(read.0.property("o").map(RawValue::get), Some(r#"{"a":[1,{"b":null}],"c":"\u00e9\n"}"#));
    }

    #[test]
    fn errors_read_as_box_raw_value_errors() {
        for bad in [r#"{"a": [1,}"#, r#"{"a": tru}"#, r#"{"a": "open"#, "{\"a\": \"\u{1}\"}", r#"{"a": 1 "b": 2}"#] {
            let ours = serde_json::from_str::<Kept>(bad).expect_err(bad).to_string();
            let boxed = boxed(bad).expect_err(bad).to_string();
            assert_eq!(ours, boxed, "{bad}");
            let reader = serde_json::from_reader::<_, Kept>(bad.as_bytes()).expect_err(bad).to_string();
            let map = serde_json::from_reader::<_, BTreeMap<String, Box<RawValue>>>(bad.as_bytes());
            assert_eq!(reader, map.expect_err(bad).to_string(), "{bad} from a reader");
        }
        // A reader's invalid UTF-8 inside a kept value.
        let bytes = b"{\"a\": [\"\xff\"]}";
        let ours = serde_json::from_reader::<_, Kept>(&bytes[..]).expect_err("utf-8").to_string();
        let map = serde_json::from_reader::<_, BTreeMap<String, Box<RawValue>>>(&bytes[..]);
        assert_eq!(ours, map.expect_err("utf-8").to_string());
        // A deserializer that does not speak serde_json's protocol refuses it alike.
        let plain = serde::de::value::MapDeserializer::<_, de::value::Error>::new([("a", 1)].into_iter());
        let ours = Kept::deserialize(plain).expect_err("not serde_json").to_string();
        let plain = serde::de::value::MapDeserializer::<_, de::value::Error>::new([("a", 1)].into_iter());
        let theirs = BTreeMap::<String, Box<RawValue>>::deserialize(plain).expect_err("not serde_json").to_string();
        assert_eq!(ours, theirs);
    }

    #[test]
    fn kept_text_is_lent_as_a_raw_value_without_parsing() {
        for text in ["1", "\"x\"", "{\"a\":[1,2]}", "null"] {
            let lent = <&RawValue>::deserialize(Lend(text)).expect("serde_json's protocol as this module knows it");
            assert!(std::ptr::eq(lent.get(), text), "borrowed, not copied");
            assert_eq!(raw_ref(text).get(), text);
        }
    }

    #[test]
    fn kept_text_is_written_as_raw_value_writes_itself() {
        let text = r#"{"b":[1.50,"\u00e9"],"a":null}"#;
        let raw = RawValue::from_string(text.to_owned()).expect("json");
        assert_eq!(serde_json::to_string(&KeptText(text)).expect("serde_json"), text);
        assert_eq!(crate::to_string(&KeptText(text)).expect("odata-core"), text);
        assert_eq!(
            serde_json::to_value(KeptText(text)).expect("to_value"),
            serde_json::to_value(&raw).expect("to_value")
        );
    }
}
