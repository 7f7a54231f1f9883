//! Values as OData URL literals (`'it''s'`, `2023-09-25T09:25:00Z`, `duration'PT1H'`,
//! `microsoft.graph.callRecords.modality'audio'`), per the ABNF of OData URL conventions, and the
//! percent-encoding that puts them into a URL.
//!
//! A literal is written in OData syntax first; the whole query option (or path segment) is then
//! percent-encoded once. The encoding keeps OData's own punctuation (`'`, `(`, `)`, `,`, `:`, `/`
//! in options) readable and encodes everything a URL parser would otherwise take as structure
//! (`&`, `#`, `+`, `%`, `?`), so no value can end its literal or its query option early.

use std::fmt::Write as _;

use base64::Engine as _;
use percent_encoding::{AsciiSet, CONTROLS, utf8_percent_encode};

use crate::edm::{Binary, Date, DateTimeOffset, Decimal, Duration, Flags, TimeOfDay};
use crate::{ODataEnum, ODataType};

/// A value that can be written as a literal in a URL: in `$filter`, as a key, as a function
/// parameter.
///
/// Implemented for the Rust types of the Edm primitive types, for `Option<T>` (`None` is `null`),
/// and by `#[derive(ODataEnum)]` for enumeration types (`Namespace.type'member'`).
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be written as an OData URL literal",
    label = "not a primitive or enumeration value",
    note = "literals are primitive values (strings, numbers, dates, GUIDs, ...) and enumeration members"
)]
pub trait UrlLiteral {
    /// Appends the literal, in OData syntax and not yet percent-encoded, to `out`.
    fn write_literal(&self, out: &mut String);

    /// The literal as a string (for keys written as path segments, strings lose their quotes:
    /// see [`UrlLiteral::write_key_segment`]).
    fn to_literal(&self) -> String {
        let mut out = String::new();
        self.write_literal(&mut out);
        out
    }

    /// Appends the value as a key written as its own path segment (`callRecords/{id}`): the same
    /// as the literal, except that strings are not quoted.
    fn write_key_segment(&self, out: &mut String) {
        self.write_literal(out);
    }
}

impl<T: UrlLiteral + ?Sized> UrlLiteral for &T {
    fn write_literal(&self, out: &mut String) {
        (**self).write_literal(out);
    }

    fn write_key_segment(&self, out: &mut String) {
        (**self).write_key_segment(out);
    }
}

impl<T: UrlLiteral> UrlLiteral for Option<T> {
    fn write_literal(&self, out: &mut String) {
        match self {
            Some(value) => value.write_literal(out),
            None => out.push_str("null"),
        }
    }

    fn write_key_segment(&self, out: &mut String) {
        match self {
            Some(value) => value.write_key_segment(out),
            None => out.push_str("null"),
        }
    }
}

impl<T: UrlLiteral + ?Sized> UrlLiteral for Box<T> {
    fn write_literal(&self, out: &mut String) {
        (**self).write_literal(out);
    }

    fn write_key_segment(&self, out: &mut String) {
        (**self).write_key_segment(out);
    }
}

impl UrlLiteral for str {
    /// `'...'`, with each `'` doubled: the one escape the ABNF has for string literals.
    fn write_literal(&self, out: &mut String) {
        out.reserve(self.len() + 2);
        out.push('\'');
        for (i, part) in self.split('\'').enumerate() {
            if i > 0 {
                out.push_str("''");
            }
            out.push_str(part);
        }
        out.push('\'');
    }

    fn write_key_segment(&self, out: &mut String) {
        out.push_str(self);
    }
}

impl UrlLiteral for String {
    fn write_literal(&self, out: &mut String) {
        self.as_str().write_literal(out);
    }

    fn write_key_segment(&self, out: &mut String) {
        out.push_str(self);
    }
}

impl UrlLiteral for bool {
    fn write_literal(&self, out: &mut String) {
        out.push_str(if *self { "true" } else { "false" });
    }
}

macro_rules! display_literal {
    ($($ty:ty),*) => {$(
        impl UrlLiteral for $ty {
            fn write_literal(&self, out: &mut String) {
                // Writing to a `String` cannot fail.
                let _ = write!(out, "{self}");
            }
        }
    )*};
}

// Integers, dates and times, GUIDs and decimals are written bare, in their canonical form
// (`DateTimeOffset` keeps the digits and offset it was given; `+` is percent-encoded later).
display_literal!(u8, i8, i16, i32, i64, uuid::Uuid, DateTimeOffset, Date, TimeOfDay, Decimal);

macro_rules! float_literal {
    ($($ty:ty),*) => {$(
        impl UrlLiteral for $ty {
            /// The shortest text that reads back as the same value; `INF`, `-INF` and `NaN` as
            /// the ABNF spells them.
            fn write_literal(&self, out: &mut String) {
                if self.is_nan() {
                    out.push_str("NaN");
                } else if self.is_infinite() {
                    out.push_str(if *self > 0.0 { "INF" } else { "-INF" });
                } else {
                    // `Debug` is the shortest round-trip form, with an exponent for large values.
                    let _ = write!(out, "{self:?}");
                }
            }
        }
    )*};
}

float_literal!(f32, f64);

impl UrlLiteral for Duration {
    /// `duration'P1DT2H'`.
    fn write_literal(&self, out: &mut String) {
        let _ = write!(out, "duration'{self}'");
    }
}

impl UrlLiteral for Binary {
    /// `binary'...'` in base64url, as the ABNF requires (whatever alphabet the value was read in).
    fn write_literal(&self, out: &mut String) {
        out.push_str("binary'");
        base64::engine::general_purpose::URL_SAFE.encode_string(self.as_bytes(), out);
        out.push('\'');
    }
}

/// `Namespace.type'member'`: the qualified form, which every OData 4.0 service accepts.
/// `#[derive(ODataEnum)]` implements [`UrlLiteral`] with this.
pub fn write_enum_literal<E: ODataEnum>(value: &E, out: &mut String) {
    out.push_str(E::QUALIFIED_NAME);
    value.member_name().write_literal(out);
}

impl<E: ODataEnum> UrlLiteral for Flags<E> {
    /// `Namespace.type'a,b'`.
    fn write_literal(&self, out: &mut String) {
        out.push_str(<E as ODataType>::QUALIFIED_NAME);
        self.to_string().write_literal(out);
    }
}

/// What is percent-encoded in a query option's value: controls, space, non-ASCII (always), and
/// every character that URL parsers or form decoders treat as structure (`#` ends the query,
/// `&` the option, `+` means space to some servers, `%` starts an escape) or that RFC 3986 does
/// not allow unencoded. OData's own punctuation stays readable.
pub const QUERY_VALUE: &AsciiSet = &CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'#')
    .add(b'%')
    .add(b'&')
    .add(b'+')
    .add(b'<')
    .add(b'>')
    .add(b'[')
    .add(b'\\')
    .add(b']')
    .add(b'^')
    .add(b'`')
    .add(b'{')
    .add(b'|')
    .add(b'}');

/// What is percent-encoded in a path segment: as in a query value, and also `/` and `?`, which
/// would split the segment or start the query.
pub const PATH_SEGMENT: &AsciiSet = &QUERY_VALUE.add(b'/').add(b'?');

/// Appends `text` percent-encoded with `set`.
pub(crate) fn push_encoded(out: &mut String, text: &str, set: &'static AsciiSet) {
    out.extend(utf8_percent_encode(text, set));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn literal<T: UrlLiteral + ?Sized>(value: &T) -> String {
        value.to_literal()
    }

    #[test]
    fn strings_double_their_quotes() {
        assert_eq!(literal("it's"), "'it''s'");
        assert_eq!(literal("x' or 1 eq 1 or 'x"), "'x'' or 1 eq 1 or ''x'");
        assert_eq!(literal("''"), "''''''");
        assert_eq!(literal(""), "''");
    }

    #[test]
    fn numbers_are_canonical() {
        assert_eq!(literal(&-5i64), "-5");
        assert_eq!(literal(&0.1f64), "0.1");
        assert_eq!(literal(&1.0f64), "1.0");
        assert_eq!(literal(&1e300f64), "1e300");
        assert_eq!(literal(&f64::NAN), "NaN");
        assert_eq!(literal(&f32::NEG_INFINITY), "-INF");
        assert_eq!(literal(&f64::INFINITY), "INF");
    }

    #[test]
    fn dates_durations_and_binaries() -> Result<(), crate::EdmParseError> {
        assert_eq!(literal(&DateTimeOffset::parse("2023-09-25T09:25:00+02:00")?), "2023-09-25T09:25:00+02:00");
        assert_eq!(literal(&Date::parse("2019-11-01")?), "2019-11-01");
        assert_eq!(literal(&Duration::parse("PT1H30M")?), "duration'PT1H30M'");
        // Read in the standard alphabet, written in base64url as URLs require.
        assert_eq!(literal(&Binary::parse("+/8=")?), "binary'-_8='");
        assert_eq!(literal(&None::<i32>), "null");
        Ok(())
    }

    #[test]
    fn key_segments_drop_string_quotes_only() {
        let mut out = String::new();
        "a'b".write_key_segment(&mut out);
        out.push('|');
        7i32.write_key_segment(&mut out);
        assert_eq!(out, "a'b|7");
    }

    #[test]
    fn encoding_keeps_odata_punctuation_and_escapes_url_structure() {
        let mut out = String::new();
        push_encoded(&mut out, "name eq 'a&b#c+d%e' and x/any(p:p/id in ('ü'))", QUERY_VALUE);
        assert_eq!(out, "name%20eq%20'a%26b%23c%2Bd%25e'%20and%20x/any(p:p/id%20in%20('%C3%BC'))");
        let mut out = String::new();
        push_encoded(&mut out, "users('a/b?c')", PATH_SEGMENT);
        assert_eq!(out, "users('a%2Fb%3Fc')");
    }
}
