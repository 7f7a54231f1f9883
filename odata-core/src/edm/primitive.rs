//! `EdmType` for Rust's own primitive types and `uuid::Uuid`.
//!
//! These visitors name the Edm type in their `expecting` text, so a decode error reads
//! `invalid type: string "yes", expected Edm.Boolean`.

use std::fmt;

use serde::Serializer;
use serde::de::{self, Deserializer, Unexpected, Visitor};

use super::{EdmParseError, EdmType};
use crate::TypeRef;

impl EdmType for String {
    const TYPE: TypeRef = TypeRef::primitive("Edm.String");

    #[inline]
    fn serialize_edm<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self)
    }

    #[inline]
    fn deserialize_edm<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_string(StringVisitor)
    }
}

struct StringVisitor;

impl Visitor<'_> for StringVisitor {
    type Value = String;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Edm.String")
    }

    #[inline]
    fn visit_str<E: de::Error>(self, v: &str) -> Result<String, E> {
        Ok(v.to_owned())
    }

    #[inline]
    fn visit_string<E: de::Error>(self, v: String) -> Result<String, E> {
        Ok(v)
    }
}

impl EdmType for bool {
    const TYPE: TypeRef = TypeRef::primitive("Edm.Boolean");

    #[inline]
    fn serialize_edm<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_bool(*self)
    }

    #[inline]
    fn deserialize_edm<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_bool(BoolVisitor)
    }
}

struct BoolVisitor;

impl Visitor<'_> for BoolVisitor {
    type Value = bool;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Edm.Boolean")
    }

    #[inline]
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<bool, E> {
        Ok(v)
    }
}

/// Integers narrower than Int64: JSON numbers only (an integral float such as `5.0` is accepted,
/// since it names the same value).
macro_rules! small_integer {
    ($($ty:ty => $edm:literal, $serialize:ident;)*) => {$(
        impl EdmType for $ty {
            const TYPE: TypeRef = TypeRef::primitive($edm);

            #[inline]
            fn serialize_edm<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.$serialize(*self)
            }

            #[inline]
            fn deserialize_edm<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                struct IntVisitor;

                impl<'de> Visitor<'de> for IntVisitor {
                    type Value = $ty;

                    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                        f.write_str($edm)
                    }

                    #[inline]
                    fn visit_i64<E: de::Error>(self, v: i64) -> Result<$ty, E> {
                        <$ty>::try_from(v).map_err(|_| out_of_range(Unexpected::Signed(v), $edm))
                    }

                    #[inline]
                    fn visit_u64<E: de::Error>(self, v: u64) -> Result<$ty, E> {
                        <$ty>::try_from(v).map_err(|_| out_of_range(Unexpected::Unsigned(v), $edm))
                    }

                    fn visit_f64<E: de::Error>(self, v: f64) -> Result<$ty, E> {
                        integral_float(v, $edm).and_then(|v| self.visit_i64(v))
                    }

                    #[cfg(feature = "arbitrary-precision")]
                    fn visit_map<A: de::MapAccess<'de>>(self, map: A) -> Result<$ty, A::Error> {
                        integer_text(&number_text(map, &self)?, $edm).and_then(|v| self.visit_i64(v))
                    }
                }

                // `any` rather than `deserialize_i32`: the same for JSON, and under the
                // `arbitrary-precision` feature the only way a number reaches `visit_map`.
                deserializer.deserialize_any(IntVisitor)
            }
        }
    )*};
}

small_integer! {
    u8 => "Edm.Byte", serialize_u8;
    i8 => "Edm.SByte", serialize_i8;
    i16 => "Edm.Int16", serialize_i16;
    i32 => "Edm.Int32", serialize_i32;
}

fn out_of_range<E: de::Error>(found: Unexpected<'_>, edm: &str) -> E {
    E::invalid_value(found, &format_args!("a value in the range of {edm}").to_string().as_str())
}

/// With the `arbitrary-precision` feature (serde_json's `arbitrary_precision`), `deserialize_any`
/// hands a JSON number over as a one-entry map holding its text; this reads that text. Only then:
/// without the feature, such a map in the input is a map.
#[cfg(feature = "arbitrary-precision")]
pub(crate) fn number_text<'de, A: de::MapAccess<'de>>(
    mut map: A,
    expected: &dyn de::Expected,
) -> Result<String, A::Error> {
    const NUMBER_TOKEN: &str = "$serde_json::private::Number";
    match map.next_key::<std::borrow::Cow<'_, str>>()? {
        Some(key) if key == NUMBER_TOKEN => map.next_value::<String>(),
        _ => Err(de::Error::invalid_type(Unexpected::Map, expected)),
    }
}

/// The text of a JSON number (see [`number_text`]) as an integer of type `edm`.
#[cfg(feature = "arbitrary-precision")]
fn integer_text<E: de::Error>(text: &str, edm: &str) -> Result<i64, E> {
    match parse_int64(text) {
        Some(v) => Ok(v),
        None => match text.parse::<f64>() {
            Ok(v) if v.is_finite() => integral_float(v, edm),
            _ => Err(out_of_range(Unexpected::Other(text), edm)),
        },
    }
}

/// An integral `f64` (`5.0`, `1e3`) as `i64`; anything else is an error.
fn integral_float<E: de::Error>(v: f64, edm: &str) -> Result<i64, E> {
    // 2^63 is exactly representable; the cast is exact inside the checked range.
    if v.fract() == 0.0 && (-9_223_372_036_854_775_808.0..9_223_372_036_854_775_808.0).contains(&v) {
        Ok(v as i64)
    } else {
        Err(E::invalid_type(Unexpected::Float(v), &edm))
    }
}

impl EdmType for i64 {
    const TYPE: TypeRef = TypeRef::primitive("Edm.Int64");

    #[inline]
    fn serialize_edm<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_i64(*self)
    }

    /// A JSON number, or a string holding one: services send Int64 as a string under
    /// `IEEE754Compatible=true` (values beyond 2^53 do not survive a JavaScript number).
    #[inline]
    fn deserialize_edm<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(Int64Visitor)
    }
}

struct Int64Visitor;

impl<'de> Visitor<'de> for Int64Visitor {
    type Value = i64;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Edm.Int64 (a number, or a string holding one)")
    }

    #[inline]
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<i64, E> {
        Ok(v)
    }

    #[inline]
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<i64, E> {
        i64::try_from(v).map_err(|_| out_of_range(Unexpected::Unsigned(v), "Edm.Int64"))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<i64, E> {
        integral_float(v, "Edm.Int64")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<i64, E> {
        parse_int64(v)
            .ok_or_else(|| E::custom(EdmParseError::new("Edm.Int64", v, "expected an integer from -2^63 to 2^63-1")))
    }

    #[cfg(feature = "arbitrary-precision")]
    fn visit_map<A: de::MapAccess<'de>>(self, map: A) -> Result<i64, A::Error> {
        integer_text(&number_text(map, &self)?, "Edm.Int64")
    }
}

/// `int64Value = [ SIGN ] 1*19DIGIT`, in range.
fn parse_int64(s: &str) -> Option<i64> {
    let digits = s.strip_prefix(['+', '-']).unwrap_or(s);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// Edm.Single and Edm.Double: JSON numbers, and the strings `INF`, `-INF`, `NaN` (also a numeric
/// string, as some services send under `IEEE754Compatible=true`).
macro_rules! float {
    ($($ty:ty => $edm:literal, $serialize:ident, $exact_int_limit:expr;)*) => {$(
        impl EdmType for $ty {
            const TYPE: TypeRef = TypeRef::primitive($edm);

            fn serialize_edm<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                let v = *self;
                if v.is_nan() {
                    serializer.serialize_str("NaN")
                } else if v.is_infinite() {
                    serializer.serialize_str(if v > 0.0 { "INF" } else { "-INF" })
                } else if v.abs() < $exact_int_limit && (v as i64) as $ty == v && (v != 0.0 || v.is_sign_positive()) {
                    // Services write whole numbers without a fraction (`"ratio": 1`); so do we,
                    // where the integer is exact. `-0.0` keeps its float form (and its sign).
                    // Whole is tested by a round trip through `i64`: `fract()` is a call into
                    // libm (`truncf`) on x86-64's baseline.
                    serializer.serialize_i64(v as i64)
                } else {
                    serializer.$serialize(v)
                }
            }

            fn deserialize_edm<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                struct FloatVisitor;

                impl<'de> Visitor<'de> for FloatVisitor {
                    type Value = $ty;

                    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                        f.write_str(concat!($edm, " (a number, or \"INF\", \"-INF\", \"NaN\")"))
                    }

                    #[inline]
                    fn visit_f64<E: de::Error>(self, v: f64) -> Result<$ty, E> {
                        narrow(v).ok_or_else(|| out_of_range(Unexpected::Float(v), $edm))
                    }

                    #[inline]
                    fn visit_i64<E: de::Error>(self, v: i64) -> Result<$ty, E> {
                        Ok(v as $ty)
                    }

                    #[inline]
                    fn visit_u64<E: de::Error>(self, v: u64) -> Result<$ty, E> {
                        Ok(v as $ty)
                    }

                    fn visit_str<E: de::Error>(self, v: &str) -> Result<$ty, E> {
                        let parsed = match v {
                            "INF" => Some(<$ty>::INFINITY),
                            "-INF" => Some(<$ty>::NEG_INFINITY),
                            "NaN" => Some(<$ty>::NAN),
                            _ if is_decimal_literal(v) => v.parse::<$ty>().ok().filter(|f| f.is_finite()),
                            _ => None,
                        };
                        parsed.ok_or_else(|| E::custom(EdmParseError::new($edm, v, "expected a number, \"INF\", \"-INF\" or \"NaN\"")))
                    }

                    #[cfg(feature = "arbitrary-precision")]
                    fn visit_map<A: de::MapAccess<'de>>(self, map: A) -> Result<$ty, A::Error> {
                        let text = number_text(map, &self)?;
                        match text.parse::<f64>() {
                            Ok(v) if v.is_finite() => self.visit_f64(v),
                            _ => Err(out_of_range(Unexpected::Other(&text), $edm)),
                        }
                    }
                }

                deserializer.deserialize_any(FloatVisitor)
            }
        }
    )*};
}

float! {
    f32 => "Edm.Single", serialize_f32, 16_777_216.0;
    f64 => "Edm.Double", serialize_f64, 9_007_199_254_740_992.0;
}

/// A finite `f64` as `Self`, refusing values that would overflow to infinity.
trait Narrow: Sized {
    fn narrow_from(v: f64) -> Option<Self>;
}

impl Narrow for f64 {
    #[inline]
    fn narrow_from(v: f64) -> Option<f64> {
        Some(v)
    }
}

impl Narrow for f32 {
    #[inline]
    fn narrow_from(v: f64) -> Option<f32> {
        let narrowed = v as f32;
        if narrowed.is_infinite() && v.is_finite() { None } else { Some(narrowed) }
    }
}

#[inline]
fn narrow<T: Narrow>(v: f64) -> Option<T> {
    T::narrow_from(v)
}

/// `decimalValue` without the NaN/INF forms: `[ SIGN ] 1*DIGIT [ "." 1*DIGIT ] [ "e" [ SIGN ] 1*DIGIT ]`.
/// Rust's float parser also takes `inf`, `infinity` and `.5`; OData does not.
pub(crate) fn is_decimal_literal(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    let digits = |i: &mut usize| {
        let start = *i;
        while *i < b.len() && b[*i].is_ascii_digit() {
            *i += 1;
        }
        *i > start
    };
    if i < b.len() && (b[i] == b'+' || b[i] == b'-') {
        i += 1;
    }
    if !digits(&mut i) {
        return false;
    }
    if i < b.len() && b[i] == b'.' {
        i += 1;
        if !digits(&mut i) {
            return false;
        }
    }
    if i < b.len() && (b[i] == b'e' || b[i] == b'E') {
        i += 1;
        if i < b.len() && (b[i] == b'+' || b[i] == b'-') {
            i += 1;
        }
        if !digits(&mut i) {
            return false;
        }
    }
    i == b.len()
}

impl EdmType for uuid::Uuid {
    const TYPE: TypeRef = TypeRef::primitive("Edm.Guid");

    fn serialize_edm<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut buffer = uuid::Uuid::encode_buffer();
        serializer.serialize_str(self.hyphenated().encode_lower(&mut buffer))
    }

    fn deserialize_edm<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(GuidVisitor)
    }
}

struct GuidVisitor;

impl Visitor<'_> for GuidVisitor {
    type Value = uuid::Uuid;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Edm.Guid")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<uuid::Uuid, E> {
        parse_guid(v).map_err(E::custom)
    }
}

/// `guidValue = 8HEXDIG "-" 4HEXDIG "-" 4HEXDIG "-" 4HEXDIG "-" 12HEXDIG` (the `uuid` crate also
/// takes braces, URNs and no hyphens, which OData does not).
pub(crate) fn parse_guid(v: &str) -> Result<uuid::Uuid, EdmParseError> {
    let shaped = v.len() == 36
        && v.bytes().enumerate().all(|(i, b)| match i {
            8 | 13 | 18 | 23 => b == b'-',
            _ => b.is_ascii_hexdigit(),
        });
    let invalid = || EdmParseError::new("Edm.Guid", v, "expected 8-4-4-4-12 hexadecimal digits");
    if !shaped {
        return Err(invalid());
    }
    uuid::Uuid::try_parse(v).map_err(|_| invalid())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimal_literals_follow_the_odata_grammar() {
        for ok in ["0", "-1", "+1.5", "1e5", "1.25E-3", "007"] {
            assert!(is_decimal_literal(ok), "{ok}");
        }
        for bad in ["", "-", ".5", "5.", "1e", "inf", "NaN", "1_0", "0x10", " 1"] {
            assert!(!is_decimal_literal(bad), "{bad}");
        }
    }

    #[test]
    fn int64_strings() {
        assert_eq!(parse_int64("9007199254740993"), Some(9_007_199_254_740_993));
        assert_eq!(parse_int64("-9223372036854775808"), Some(i64::MIN));
        assert_eq!(parse_int64("9223372036854775808"), None);
        assert_eq!(parse_int64("1.0"), None);
        assert_eq!(parse_int64("++1"), None);
    }

    #[test]
    fn guids_need_the_hyphenated_form() {
        assert!(parse_guid("821809f5-0000-0000-0000-3b5136c0e777").is_ok());
        assert!(parse_guid("821809F5-0000-0000-0000-3B5136C0E777").is_ok());
        assert!(parse_guid("821809f500000000000003b5136c0e777").is_err());
        assert!(parse_guid("{821809f5-0000-0000-0000-3b5136c0e777}").is_err());
    }
}
