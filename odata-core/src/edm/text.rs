//! The wire form of the Edm value types written as JSON strings (dates, times, durations,
//! binary) and of `Edm.Decimal`, plus plain `serde` impls so they also work in hand-written
//! serde types.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};
use serde_json::value::RawValue;

use super::{Binary, Date, DateTimeOffset, Decimal, Duration, EdmParseError, EdmType, TimeOfDay};
use crate::TypeRef;

/// A value whose JSON form is a string in the grammar of its Edm type.
trait TextValue: Sized {
    const EDM: &'static str;
    fn parse(s: &str) -> Result<Self, EdmParseError>;
}

struct TextVisitor<T>(PhantomData<T>);

impl<T: TextValue> Visitor<'_> for TextVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(T::EDM)
    }

    #[inline]
    fn visit_str<E: de::Error>(self, v: &str) -> Result<T, E> {
        T::parse(v).map_err(E::custom)
    }
}

/// Types that format into a fixed stack buffer: no allocation when writing.
macro_rules! stack_formatted {
    ($($ty:ty => $edm:literal;)*) => {$(
        impl TextValue for $ty {
            const EDM: &'static str = $edm;

            #[inline]
            fn parse(s: &str) -> Result<Self, EdmParseError> {
                <$ty>::parse(s)
            }
        }

        impl EdmType for $ty {
            const TYPE: TypeRef = TypeRef::primitive($edm);

            #[inline]
            fn serialize_edm<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                let mut buffer = [0u8; <$ty>::MAX_LEN];
                serializer.serialize_str(self.format_into(&mut buffer))
            }

            #[inline]
            fn deserialize_edm<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                deserializer.deserialize_str(TextVisitor::<$ty>(PhantomData))
            }
        }

        serde_via_edm!($ty);
    )*};
}

macro_rules! serde_via_edm {
    ($ty:ty) => {
        impl Serialize for $ty {
            #[inline]
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                self.serialize_edm(serializer)
            }
        }

        impl<'de> Deserialize<'de> for $ty {
            #[inline]
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                <$ty as EdmType>::deserialize_edm(deserializer)
            }
        }
    };
}

stack_formatted! {
    DateTimeOffset => "Edm.DateTimeOffset";
    Date => "Edm.Date";
    TimeOfDay => "Edm.TimeOfDay";
    Duration => "Edm.Duration";
}

impl TextValue for Binary {
    const EDM: &'static str = "Edm.Binary";

    fn parse(s: &str) -> Result<Self, EdmParseError> {
        Binary::parse(s)
    }
}

impl EdmType for Binary {
    const TYPE: TypeRef = TypeRef::primitive("Edm.Binary");

    fn serialize_edm<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }

    fn deserialize_edm<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(TextVisitor::<Binary>(PhantomData))
    }
}

serde_via_edm!(Binary);

impl EdmType for Decimal {
    const TYPE: TypeRef = TypeRef::primitive("Edm.Decimal");

    /// A JSON number with the exact digits kept (`0.00` stays `0.00`); `NaN`/`INF` as strings.
    fn serialize_edm<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.is_nan() || self.is_infinite() {
            return serializer.serialize_str(self.as_str());
        }
        // serde_json writes a `RawValue` verbatim, which is the only way to emit a number with
        // more precision (or other trailing zeros) than an f64 keeps.
        let raw = RawValue::from_string(self.as_str().to_owned()).map_err(serde::ser::Error::custom)?;
        raw.serialize(serializer)
    }

    /// A JSON number (read as its exact text) or a string holding one, as services send under
    /// `IEEE754Compatible=true`.
    fn deserialize_edm<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = Box::<RawValue>::deserialize(deserializer)?;
        let text = raw.get();
        if text.starts_with('"') {
            let inner: String = serde_json::from_str(text).map_err(de::Error::custom)?;
            Decimal::parse(&inner).map_err(de::Error::custom)
        } else {
            Decimal::parse(text).map_err(|_| {
                de::Error::custom(format_args!("invalid type: {}, expected Edm.Decimal", describe_raw(text)))
            })
        }
    }
}

serde_via_edm!(Decimal);

/// What a raw JSON text is, for messages (never the whole text).
fn describe_raw(text: &str) -> &'static str {
    match text.as_bytes().first() {
        Some(b'{') => "map",
        Some(b'[') => "sequence",
        Some(b't' | b'f') => "boolean",
        Some(b'n') => "null",
        _ => "a value",
    }
}
