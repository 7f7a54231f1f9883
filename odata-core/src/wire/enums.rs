//! Encoding and decoding of enumeration values, shared by every `#[derive(ODataEnum)]`.

use std::fmt;
use std::marker::PhantomData;

use serde::Serializer;
use serde::de::{self, Deserializer, Visitor};

use crate::ODataEnum;
use crate::edm::member::{member_by_value, parse_member, unknown_member};

/// Writes the member name (for a kept unknown member, its text as read).
#[inline]
pub fn serialize_enum<E: ODataEnum, S: Serializer>(value: &E, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(value.member_name())
}

/// Reads a member name, a member value written as a string (`"2"`) or a number, or (with a
/// catch-all variant) any other string.
#[inline]
pub fn deserialize_enum<'de, E: ODataEnum, D: Deserializer<'de>>(deserializer: D) -> Result<E, D::Error> {
    deserializer.deserialize_any(EnumVisitor(PhantomData))
}

struct EnumVisitor<E>(PhantomData<E>);

impl<'de, E: ODataEnum> Visitor<'de> for EnumVisitor<E> {
    type Value = E;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a member of enum {}", E::QUALIFIED_NAME)
    }

    #[inline]
    fn visit_str<Er: de::Error>(self, v: &str) -> Result<E, Er> {
        parse_member(v).map_err(Er::custom)
    }

    fn visit_i64<Er: de::Error>(self, v: i64) -> Result<E, Er> {
        member_by_value(v, &v.to_string()).map_err(Er::custom)
    }

    fn visit_u64<Er: de::Error>(self, v: u64) -> Result<E, Er> {
        match i64::try_from(v) {
            Ok(value) => member_by_value(value, &v.to_string()).map_err(Er::custom),
            Err(_) => Err(Er::custom(unknown_member::<E>(&v.to_string()))),
        }
    }

    /// A number under the `arbitrary-precision` feature (see `edm::primitive::number_text`).
    #[cfg(feature = "arbitrary-precision")]
    fn visit_map<A: de::MapAccess<'de>>(self, map: A) -> Result<E, A::Error> {
        let text = crate::edm::primitive::number_text(map, &self)?;
        match (text.parse::<i64>(), text.parse::<f64>()) {
            (Ok(value), _) => member_by_value(value, &text).map_err(de::Error::custom),
            // As without the feature: a fraction is no member value.
            (_, Ok(v)) if text.contains(['.', 'e', 'E']) => {
                Err(de::Error::invalid_type(de::Unexpected::Float(v), &self))
            }
            _ => Err(de::Error::custom(unknown_member::<E>(&text))),
        }
    }
}
