//! `Edm.Decimal`: an exact decimal number of any precision, kept as its literal.
//!
//! The literal is checked by hand against OData's `decimalValue` rule; no arbitrary-precision
//! decimal crate is needed just to keep and compare a number that this crate never computes with.

use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::str::FromStr;

use super::error::EdmParseError;

const DECIMAL: &str = "Edm.Decimal";

/// An `Edm.Decimal`: an exact decimal number of any precision, or `NaN`, `INF` or `-INF`.
///
/// The literal is kept as read (`0.00` stays `0.00`, `12345678901234567890.123456789` stays
/// exact, `1E+2` stays `1E+2`), so `to_string` gives back the text that was read.
///
/// Equality, hashing and ordering are by numeric value: `0.00 == 0 == 0e5 == -0`, `1.50 == 1.5`,
/// `1e2 == 100`. They are computed from the text without allocating, however large the exponent.
/// Unlike `f64`, `NaN` equals `NaN`, so that `Decimal` can be `Eq` and a map key. The order is
/// `-INF`, the finite numbers, `INF`, then `NaN`.
///
/// The exponent must fit an `i64` (`1e9223372036854775807` is read, one more is an error).
#[derive(Debug, Clone)]
pub struct Decimal {
    text: Box<str>,
}

impl Decimal {
    /// Parses an OData `decimalValue`: `[ SIGN ] 1*DIGIT [ "." 1*DIGIT ] [ "e" [ SIGN ] 1*DIGIT ]`
    /// (`e` in any case), `NaN`, `INF` or `-INF`.
    pub fn parse(s: &str) -> Result<Self, EdmParseError> {
        match validate(s.as_bytes()) {
            Ok(()) => Ok(Decimal { text: s.into() }),
            Err(reason) => Err(EdmParseError::new(DECIMAL, s, reason)),
        }
    }

    /// The literal, as read.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The nearest `f64` (`NaN`, infinity, or a rounded or overflowing finite value).
    pub fn to_f64(&self) -> f64 {
        match view(&self.text) {
            View::NaN => f64::NAN,
            View::Infinite { negative: false } => f64::INFINITY,
            View::Infinite { negative: true } => f64::NEG_INFINITY,
            // Every finite `decimalValue` is also accepted by `f64::from_str` (which rounds and
            // saturates); should that ever fail, NaN is the honest answer.
            _ => self.text.parse().unwrap_or(f64::NAN),
        }
    }

    /// Whether the value is `NaN`.
    pub fn is_nan(&self) -> bool {
        matches!(view(&self.text), View::NaN)
    }

    /// Whether the value is `INF` or `-INF`.
    pub fn is_infinite(&self) -> bool {
        matches!(view(&self.text), View::Infinite { .. })
    }
}

/// Checks the `decimalValue` rule.
fn validate(text: &[u8]) -> Result<(), &'static str> {
    if text.is_empty() {
        return Err("the text is empty");
    }
    if is_special(text).is_some() {
        return Ok(());
    }
    let rest = match text {
        [b'+' | b'-', rest @ ..] => rest,
        _ => text,
    };
    let (whole, rest) = split_digits(rest);
    if whole.is_empty() {
        return Err("expected a digit");
    }
    let rest = match rest {
        [b'.', rest @ ..] => {
            let (fraction, rest) = split_digits(rest);
            if fraction.is_empty() {
                return Err("expected a digit after \".\"");
            }
            rest
        }
        _ => rest,
    };
    match rest {
        [] => Ok(()),
        [b'e' | b'E', exponent @ ..] => {
            let digits = match exponent {
                [b'+' | b'-', digits @ ..] => digits,
                _ => exponent,
            };
            match split_digits(digits) {
                ([], _) => Err("expected a digit in the exponent"),
                (_, []) => match parse_exponent(exponent) {
                    Some(_) => Ok(()),
                    None => Err("the exponent is out of range"),
                },
                _ => Err("unexpected character"),
            }
        }
        _ => Err("unexpected character"),
    }
}

/// `NaN`, `INF` and `-INF` in any case (ABNF strings are case-insensitive); `Some(None)` for NaN,
/// `Some(Some(negative))` for the infinities.
fn is_special(text: &[u8]) -> Option<Option<bool>> {
    if text.eq_ignore_ascii_case(b"NaN") {
        Some(None)
    } else if text.eq_ignore_ascii_case(b"INF") {
        Some(Some(false))
    } else if text.eq_ignore_ascii_case(b"-INF") {
        Some(Some(true))
    } else {
        None
    }
}

/// `[ SIGN ] 1*DIGIT` as an `i64`, or `None` if it is not that or does not fit.
fn parse_exponent(text: &[u8]) -> Option<i64> {
    let (negative, digits) = match text {
        [b'-', digits @ ..] => (true, digits),
        [b'+', digits @ ..] => (false, digits),
        _ => (false, text),
    };
    if digits.is_empty() || !digits.iter().all(u8::is_ascii_digit) {
        return None;
    }
    // Accumulated toward the sign so that i64::MIN is read too.
    digits.iter().try_fold(0i64, |exponent, digit| {
        let digit = i64::from(digit - b'0');
        let shifted = exponent.checked_mul(10)?;
        if negative { shifted.checked_sub(digit) } else { shifted.checked_add(digit) }
    })
}

/// Splits `text` after its leading ASCII digits.
fn split_digits(text: &[u8]) -> (&[u8], &[u8]) {
    let len = text.iter().take_while(|b| b.is_ascii_digit()).count();
    text.split_at_checked(len).unwrap_or((text, &[]))
}

/// A number as sign, significant digits and decimal exponent, borrowed from a valid literal.
enum View<'a> {
    NaN,
    Infinite {
        negative: bool,
    },
    Zero,
    /// `±0.d₁d₂…dₙ × 10^exponent`, where the digits are `high` then `low` (two slices, as they may
    /// straddle the decimal point), the first not zero and the last not zero.
    Finite {
        negative: bool,
        high: &'a [u8],
        low: &'a [u8],
        exponent: i128,
    },
}

impl View<'_> {
    fn digits(&self) -> impl Iterator<Item = u8> + '_ {
        let (high, low): (&[u8], &[u8]) = match self {
            View::Finite { high, low, .. } => (high, low),
            _ => (&[], &[]),
        };
        high.iter().chain(low).copied()
    }

    /// The rank in the order `-INF`, negative, zero, positive, `INF`, `NaN`.
    fn rank(&self) -> u8 {
        match self {
            View::Infinite { negative: true } => 0,
            View::Finite { negative: true, .. } => 1,
            View::Zero => 2,
            View::Finite { negative: false, .. } => 3,
            View::Infinite { negative: false } => 4,
            View::NaN => 5,
        }
    }
}

/// The normalised view of a literal that passed [`validate`].
fn view(text: &str) -> View<'_> {
    let text = text.as_bytes();
    match is_special(text) {
        Some(None) => return View::NaN,
        Some(Some(negative)) => return View::Infinite { negative },
        None => {}
    }
    let (negative, rest) = match text {
        [b'-', rest @ ..] => (true, rest),
        [b'+', rest @ ..] => (false, rest),
        _ => (false, text),
    };
    let (whole, rest) = split_digits(rest);
    let (fraction, rest) = match rest {
        [b'.', rest @ ..] => split_digits(rest),
        _ => (&[][..], rest),
    };
    let exponent = match rest {
        [_, exponent @ ..] => parse_exponent(exponent).unwrap_or(0),
        [] => 0,
    };
    // The digits `whole` then `fraction`, without leading zeros.
    let (high, low) = match trim_leading_zeros(whole) {
        [] => (&[][..], trim_leading_zeros(fraction)),
        high => (high, fraction),
    };
    let significant = high.len() + low.len();
    if significant == 0 {
        return View::Zero;
    }
    // Trailing zeros do not change the value once the exponent counts from the first digit.
    let (high, low) = match trim_trailing_zeros(low) {
        [] => (trim_trailing_zeros(high), &[][..]),
        low => (high, low),
    };
    // Lengths are below 2^64 and the exponent is an i64, so this cannot overflow an i128.
    let exponent = significant as i128 + i128::from(exponent) - fraction.len() as i128;
    View::Finite { negative, high, low, exponent }
}

fn trim_leading_zeros(digits: &[u8]) -> &[u8] {
    let zeros = digits.iter().take_while(|&&digit| digit == b'0').count();
    digits.get(zeros..).unwrap_or_default()
}

fn trim_trailing_zeros(digits: &[u8]) -> &[u8] {
    let zeros = digits.iter().rev().take_while(|&&digit| digit == b'0').count();
    digits.get(..digits.len() - zeros).unwrap_or_default()
}

impl FromStr for Decimal {
    type Err = EdmParseError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

impl fmt::Display for Decimal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(&self.text)
    }
}

impl PartialEq for Decimal {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Decimal {}

impl Hash for Decimal {
    fn hash<H: Hasher>(&self, state: &mut H) {
        let view = view(&self.text);
        state.write_u8(view.rank());
        if let View::Finite { exponent, .. } = view {
            state.write_i128(exponent);
            let mut count = 0usize;
            for digit in view.digits() {
                state.write_u8(digit);
                count += 1;
            }
            state.write_usize(count);
        }
    }
}

impl PartialOrd for Decimal {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Decimal {
    fn cmp(&self, other: &Self) -> Ordering {
        let (left, right) = (view(&self.text), view(&other.text));
        match (&left, &right) {
            (
                View::Finite { negative, exponent: left_exponent, .. },
                View::Finite { negative: right_negative, exponent: right_exponent, .. },
            ) if negative == right_negative => {
                let magnitude = left_exponent.cmp(right_exponent).then_with(|| left.digits().cmp(right.digits()));
                if *negative { magnitude.reverse() } else { magnitude }
            }
            _ => left.rank().cmp(&right.rank()),
        }
    }
}

impl From<i64> for Decimal {
    fn from(value: i64) -> Self {
        Decimal { text: value.to_string().into() }
    }
}

impl From<u64> for Decimal {
    fn from(value: u64) -> Self {
        Decimal { text: value.to_string().into() }
    }
}

impl From<i32> for Decimal {
    fn from(value: i32) -> Self {
        Decimal { text: value.to_string().into() }
    }
}

/// The shortest text that reads back as the same `f64` (`0.1`, not `0.1000000000000000055…`).
///
/// Fails for `NaN` and the infinities, which are not numbers to convert exactly.
impl TryFrom<f64> for Decimal {
    type Error = EdmParseError;

    fn try_from(value: f64) -> Result<Self, Self::Error> {
        if !value.is_finite() {
            let text = if value.is_nan() {
                "NaN"
            } else if value > 0.0 {
                "INF"
            } else {
                "-INF"
            };
            return Err(EdmParseError::new(DECIMAL, text, "only a finite f64 converts to a decimal"));
        }
        // `{:?}` writes the shortest round-trip digits, switching to exponent form (`1e-7`,
        // `1e300`) for very small and large numbers; both forms are decimal literals.
        Decimal::parse(&format!("{value:?}"))
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // Tests may unwrap: a panic is a failed test.
mod tests {
    use super::*;
    use std::collections::HashSet;

    fn decimal(s: &str) -> Decimal {
        Decimal::parse(s).unwrap_or_else(|e| panic!("{s}: {e}"))
    }

    fn reason(s: &str) -> &'static str {
        match Decimal::parse(s) {
            Ok(v) => panic!("{s} parsed as {v:?}"),
            Err(e) => {
                assert_eq!(e.edm_type(), "Edm.Decimal");
                e.reason()
            }
        }
    }

    #[test]
    fn literals_are_kept_exactly() {
        for s in [
            "0",
            "0.00",
            "-0",
            "+1",
            "12345678901234567890.123456789",
            "1e2",
            "1E+2",
            "1.5e-3",
            "-0.0001",
            "NaN",
            "INF",
            "-INF",
            "nan",
            "inf",
            "-Inf",
            "007",
            "1e9223372036854775807",
            "1e-9223372036854775808",
            "1e0000000000000000000000000000001",
        ] {
            let value = decimal(s);
            assert_eq!(value.to_string(), s);
            assert_eq!(value.as_str(), s);
            assert_eq!(decimal(&value.to_string()), value);
        }
    }

    #[test]
    fn invalid_literals_are_rejected_with_a_reason() {
        let cases: &[(&str, &str)] = &[
            ("", "the text is empty"),
            (".5", "expected a digit"),
            ("-", "expected a digit"),
            ("+INF", "expected a digit"),
            ("Infinity", "expected a digit"),
            ("1.", "expected a digit after \".\""),
            ("1.e5", "expected a digit after \".\""),
            ("1e", "expected a digit in the exponent"),
            ("1e+", "expected a digit in the exponent"),
            ("1e-", "expected a digit in the exponent"),
            ("1e+-5", "expected a digit in the exponent"),
            ("1ex", "expected a digit in the exponent"),
            ("1e5x", "unexpected character"),
            ("1e5.0", "unexpected character"),
            ("1,5", "unexpected character"),
            ("1 ", "unexpected character"),
            (" 1", "expected a digit"),
            ("1_000", "unexpected character"),
            ("0x10", "unexpected character"),
            ("١", "expected a digit"),
            ("1e9223372036854775808", "the exponent is out of range"),
            ("1e-9223372036854775809", "the exponent is out of range"),
            ("1e99999999999999999999999999", "the exponent is out of range"),
        ];
        for (input, expected) in cases {
            assert_eq!(reason(input), *expected, "{input}");
        }
    }

    #[test]
    fn equality_is_by_numeric_value() {
        let equal_groups: &[&[&str]] = &[
            &["0", "0.00", "0e5", "-0", "+0.0e-7", "000"],
            &["1.5", "1.50", "15e-1", "0.15E1", "+01.5"],
            &["100", "1e2", "1E+2", "0.1e3", "100.000", "10e1"],
            &["-0.001", "-1e-3", "-0.00100"],
            &["NaN", "nan", "NAN"],
            &["INF", "inf"],
            &["-INF", "-inf"],
            &["12345678901234567890.123456789", "12345678901234567890123456789e-9"],
        ];
        for group in equal_groups {
            let values: Vec<Decimal> = group.iter().map(|s| decimal(s)).collect();
            for value in &values {
                assert_eq!(value, &values[0], "{value} == {}", values[0]);
            }
            let set: HashSet<Decimal> = values.into_iter().collect();
            assert_eq!(set.len(), 1, "{group:?}");
        }
        assert_ne!(decimal("1"), decimal("-1"));
        assert_ne!(decimal("1"), decimal("10"));
        assert_ne!(decimal("1e999999999999999999"), decimal("1e999999999999999998"));
        assert_ne!(decimal("INF"), decimal("-INF"));
        assert_ne!(decimal("NaN"), decimal("0"));
    }

    #[test]
    fn order_is_numeric_with_infinities_at_the_ends() {
        let ascending = [
            "-INF",
            "-1e9223372036854775807",
            "-1e20",
            "-100",
            "-99.9",
            "-1.5",
            "-1.49999",
            "-1e-20",
            "0",
            "1e-9223372036854775808",
            "1e-20",
            "0.0999",
            "0.1",
            "0.10001",
            "1",
            "1.0000000001",
            "9.99",
            "10",
            "1e20",
            "12345678901234567890123",
            "1e9223372036854775807",
            "INF",
            "NaN",
        ];
        let values: Vec<Decimal> = ascending.iter().map(|s| decimal(s)).collect();
        for (i, left) in values.iter().enumerate() {
            for (j, right) in values.iter().enumerate() {
                assert_eq!(left.cmp(right), i.cmp(&j), "{left} vs {right}");
            }
        }
    }

    #[test]
    fn converts_to_f64() {
        assert_eq!(decimal("1.5").to_f64(), 1.5);
        assert_eq!(decimal("+1e2").to_f64(), 100.0);
        assert_eq!(decimal("-0.25E1").to_f64(), -2.5);
        assert_eq!(decimal("INF").to_f64(), f64::INFINITY);
        assert_eq!(decimal("-inf").to_f64(), f64::NEG_INFINITY);
        assert!(decimal("NaN").to_f64().is_nan());
        assert_eq!(decimal("1e400").to_f64(), f64::INFINITY);
        assert_eq!(decimal("1e9223372036854775807").to_f64(), f64::INFINITY);
        assert_eq!(decimal("1e-9223372036854775808").to_f64(), 0.0);
        assert!(decimal("NaN").is_nan());
        assert!(!decimal("1").is_nan());
        assert!(decimal("-INF").is_infinite());
        assert!(!decimal("1e400").is_infinite());
    }

    #[test]
    fn converts_from_integers() {
        assert_eq!(Decimal::from(i64::MIN).as_str(), "-9223372036854775808");
        assert_eq!(Decimal::from(u64::MAX).as_str(), "18446744073709551615");
        assert_eq!(Decimal::from(-7i32).as_str(), "-7");
        assert_eq!(Decimal::from(100i64), decimal("1e2"));
    }

    #[test]
    fn converts_from_finite_f64_with_shortest_text() {
        for (value, text) in [
            (0.1, "0.1"),
            (1.0, "1.0"),
            (-2.5, "-2.5"),
            (1e300, "1e300"),
            (1e-7, "1e-7"),
            (-0.0, "-0.0"),
            (f64::MAX, "1.7976931348623157e308"),
            (f64::MIN_POSITIVE, "2.2250738585072014e-308"),
        ] {
            let decimal = Decimal::try_from(value).unwrap();
            assert_eq!(decimal.as_str(), text);
            assert_eq!(decimal.to_f64().to_bits(), value.to_bits());
        }
        for value in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
            let err = Decimal::try_from(value).unwrap_err();
            assert_eq!(err.reason(), "only a finite f64 converts to a decimal");
        }
    }

    #[test]
    fn huge_literals_do_not_panic() {
        let digits = "9".repeat(200_000);
        assert_eq!(decimal(&digits), decimal(&format!("{digits}.000")));
        assert!(decimal(&digits) < decimal(&format!("1{digits}")));
        assert_eq!(reason(&format!("1e{digits}")), "the exponent is out of range");
        assert_eq!(decimal(&format!("0.{digits}")).to_f64(), 1.0);
    }

    /// Mutated literals never panic, and whatever parses is kept as read.
    #[test]
    fn hostile_inputs_never_panic_and_round_trip() {
        let alphabet: Vec<char> = "0123456789.eE+-NaIFé \u{0}".chars().collect();
        let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = move |n: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % n as u64) as usize
        };
        for _ in 0..30_000 {
            let seed = ["-12.50e+3", "0.00", "NaN", "-INF", "1e9223372036854775807"][next(5)];
            let mut chars: Vec<char> = seed.chars().collect();
            for _ in 0..=next(3) {
                let pos = next(chars.len() + 1);
                match next(3) {
                    0 if pos < chars.len() => chars[pos] = alphabet[next(alphabet.len())],
                    1 => chars.insert(pos, alphabet[next(alphabet.len())]),
                    _ => chars.truncate(pos),
                }
            }
            let input: String = chars.into_iter().collect();
            if let Ok(value) = Decimal::parse(&input) {
                assert_eq!(value.to_string(), input);
                assert_eq!(value.cmp(&value), Ordering::Equal);
                let _ = value.to_f64();
            }
        }
    }
}
