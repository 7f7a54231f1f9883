//! `Edm.Duration`: a signed day-time duration such as `P1DT2H3M4.5S` or `PT0.016S`.
//!
//! The literal is parsed by hand: it is the day-time subset of ISO 8601 durations with OData's own
//! limits (no years, months or weeks; up to 12 fractional digits on the seconds), which no
//! well-kept crate reads as such. `time::Duration` holds the value.

use std::fmt;
use std::str::FromStr;

use time::error::ConversionRange;

use super::datetime::{AsciiWriter, fraction};
use super::error::EdmParseError;

const DURATION: &str = "Edm.Duration";

const SECONDS_PER_DAY: u64 = 86_400;

/// An `Edm.Duration`: a signed span of days, hours, minutes and seconds, to the nanosecond.
///
/// The value is kept exactly; the text is not. `to_string` writes the canonical form: the sign,
/// `P`, the days if any, then `T` and the hours, minutes and seconds that are not zero, the
/// seconds' fraction without trailing zeros, and `PT0S` for zero. Canonical literals such as
/// `P1DT2H3M4.5S`, `PT0.016S` or `-P1D` therefore round-trip byte-exact, while other spellings
/// of the same value are normalised: `PT90M` is written `PT1H30M`, `PT36H` is written `P1DT12H`.
///
/// Equality, hashing and ordering are by value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Duration(time::Duration);

impl Duration {
    /// The zero duration, written `PT0S`.
    pub const ZERO: Self = Duration(time::Duration::ZERO);

    /// The longest literal [`format_into`](Self::format_into) writes: a day less than the most
    /// negative `time::Duration`, with every other field at its widest,
    /// `-P106751991167299DT23H59M59.999999999S`. (Not the extreme value itself, whose seconds
    /// field is one digit: a buffer sized for that once cut the `S` off, found by fuzzing.)
    pub(crate) const MAX_LEN: usize = 38;

    /// Wraps a `time::Duration`.
    pub const fn new(duration: time::Duration) -> Self {
        Duration(duration)
    }

    /// A duration of `seconds` whole seconds.
    pub const fn from_secs(seconds: i64) -> Self {
        Duration(time::Duration::seconds(seconds))
    }

    /// A duration of `milliseconds` milliseconds.
    pub const fn from_millis(milliseconds: i64) -> Self {
        Duration(time::Duration::milliseconds(milliseconds))
    }

    /// A duration of `nanoseconds` nanoseconds.
    pub const fn from_nanos(nanoseconds: i64) -> Self {
        Duration(time::Duration::nanoseconds(nanoseconds))
    }

    /// Parses an OData `durationValue`, e.g. `P1DT2H3M4.5S`, `-PT0.016S` or `pt90m`.
    pub fn parse(s: &str) -> Result<Self, EdmParseError> {
        super::fast_path::duration_seconds(s.as_bytes())
            .map(Ok)
            .unwrap_or_else(|| parse_general(s.as_bytes()))
            .map(Duration)
            .map_err(|reason| EdmParseError::new(DURATION, s, reason))
    }

    /// The value as a `time::Duration`.
    pub const fn to_time_duration(&self) -> time::Duration {
        self.0
    }

    /// The length in seconds, as a float (rounded to the nearest `f64`).
    pub fn as_seconds_f64(&self) -> f64 {
        self.0.as_seconds_f64()
    }

    /// The whole milliseconds, truncated toward zero.
    pub fn whole_milliseconds(&self) -> i128 {
        self.0.whole_milliseconds()
    }

    /// Whether the duration is below zero.
    pub fn is_negative(&self) -> bool {
        self.0.is_negative()
    }

    /// Writes the canonical literal into `buf` without allocating and returns it; `Display`
    /// writes the same.
    pub(crate) fn format_into<'b>(&self, buf: &'b mut [u8; Self::MAX_LEN]) -> &'b str {
        let mut out = AsciiWriter::new(buf);
        // The seconds and nanoseconds of a `time::Duration` always have the same sign.
        let seconds = self.0.whole_seconds().unsigned_abs();
        let nanos = self.0.subsec_nanoseconds().unsigned_abs();
        if self.0.is_negative() {
            out.push(b'-');
        }
        out.push(b'P');
        let days = seconds / SECONDS_PER_DAY;
        let rest = seconds % SECONDS_PER_DAY;
        let (hours, minutes, seconds) = (rest / 3600, rest % 3600 / 60, rest % 60);
        if days > 0 {
            out.number(days, 1);
            out.push(b'D');
        }
        if hours == 0 && minutes == 0 && seconds == 0 && nanos == 0 && days > 0 {
            return out.finish();
        }
        out.push(b'T');
        if hours > 0 {
            out.number(hours, 1);
            out.push(b'H');
        }
        if minutes > 0 {
            out.number(minutes, 1);
            out.push(b'M');
        }
        // Zero is written `PT0S`.
        if seconds > 0 || nanos > 0 || (days == 0 && hours == 0 && minutes == 0) {
            out.number(seconds, 1);
            if nanos > 0 {
                let mut digits = 9;
                let mut nanos = nanos;
                while nanos.is_multiple_of(10) {
                    nanos /= 10;
                    digits -= 1;
                }
                out.push(b'.');
                out.number(u64::from(nanos), digits);
            }
            out.push(b'S');
        }
        out.finish()
    }
}

/// `durationValue = [ SIGN ] "P" [ 1*DIGIT "D" ] [ "T" [ 1*DIGIT "H" ] [ 1*DIGIT "M" ]
/// [ 1*DIGIT [ "." 1*DIGIT ] "S" ] ]`, letters in any case.
pub(super) fn parse_general(text: &[u8]) -> Result<time::Duration, &'static str> {
    const OUT_OF_RANGE: &str = "the duration is out of range";
    let (negative, rest) = match text {
        [] => return Err("the text is empty"),
        [b'-', rest @ ..] => (true, rest),
        [b'+', rest @ ..] => (false, rest),
        _ => (false, text),
    };
    let mut rest = match rest {
        [b'P' | b'p', rest @ ..] => rest,
        _ => return Err("a duration must start with \"P\""),
    };
    // The magnitude, so that the most negative duration (-2^63 s) can be read too.
    let mut seconds: u64 = 0;
    let mut nanos: u32 = 0;
    let mut after_t = false;
    // Rank of the last component read: 1 days, 2 hours, 3 minutes, 4 seconds.
    let mut last_rank = 0;
    while let Some((&first, after)) = rest.split_first() {
        if first.eq_ignore_ascii_case(&b'T') {
            if after_t {
                return Err("\"T\" appears twice");
            }
            after_t = true;
            rest = after;
            continue;
        }
        if !first.is_ascii_digit() {
            return Err("expected a number followed by \"D\", \"H\", \"M\" or \"S\"");
        }
        let (whole, after) = split_digits(rest);
        let (fraction_digits, after) = match after {
            [b'.', after @ ..] => {
                let (digits, after) = split_digits(after);
                (Some(digits), after)
            }
            _ => (None, after),
        };
        let Some((&designator, after)) = after.split_first() else {
            return Err("a number must be followed by \"D\", \"H\", \"M\" or \"S\"");
        };
        let (rank, unit) = match (designator.to_ascii_uppercase(), after_t) {
            (b'D', false) => (1, 86_400),
            (b'H', true) => (2, 3_600),
            (b'M', true) => (3, 60),
            (b'S', true) => (4, 1),
            (b'D', true) => return Err("the days must come before \"T\""),
            (b'H', false) => return Err("the hours must follow \"T\""),
            (b'S', false) => return Err("the seconds must follow \"T\""),
            (b'Y', _) | (b'M', false) => {
                return Err("years and months are not allowed in a day-time duration");
            }
            (b'W', _) => return Err("weeks are not allowed in a day-time duration; use days"),
            _ => return Err("a number must be followed by \"D\", \"H\", \"M\" or \"S\""),
        };
        if rank <= last_rank {
            return Err("the components must come in the order D, H, M, S, each at most once");
        }
        last_rank = rank;
        if let Some(digits) = fraction_digits {
            if rank != 4 {
                return Err("only the seconds may have a fraction");
            }
            nanos = fraction(digits)?.0;
        }
        let amount =
            whole.iter().try_fold(0u64, |amount, digit| amount.checked_mul(10)?.checked_add(u64::from(digit - b'0')));
        seconds = amount
            .and_then(|amount| amount.checked_mul(unit))
            .and_then(|amount| seconds.checked_add(amount))
            .ok_or(OUT_OF_RANGE)?;
        rest = after;
    }
    // `nanos` is below 10^9, so it fits an i32 and `time::Duration::new` does not carry (its
    // only panic) when given it.
    let nanos = nanos as i32;
    Ok(if negative {
        let seconds = 0i64.checked_sub_unsigned(seconds).ok_or(OUT_OF_RANGE)?;
        time::Duration::new(seconds, -nanos)
    } else {
        let seconds = i64::try_from(seconds).map_err(|_| OUT_OF_RANGE)?;
        time::Duration::new(seconds, nanos)
    })
}

/// Splits `text` after its leading ASCII digits.
fn split_digits(text: &[u8]) -> (&[u8], &[u8]) {
    let len = text.iter().take_while(|b| b.is_ascii_digit()).count();
    text.split_at_checked(len).unwrap_or((text, &[]))
}

impl FromStr for Duration {
    type Err = EdmParseError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

impl fmt::Display for Duration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.format_into(&mut [0; Self::MAX_LEN]))
    }
}

impl From<time::Duration> for Duration {
    fn from(duration: time::Duration) -> Self {
        Duration(duration)
    }
}

impl From<Duration> for time::Duration {
    fn from(duration: Duration) -> Self {
        duration.0
    }
}

/// Fails for a `std::time::Duration` of more than `i64::MAX` seconds.
impl TryFrom<std::time::Duration> for Duration {
    type Error = ConversionRange;

    fn try_from(duration: std::time::Duration) -> Result<Self, Self::Error> {
        time::Duration::try_from(duration).map(Duration)
    }
}

/// Fails for a negative duration, which `std::time::Duration` cannot hold.
impl TryFrom<Duration> for std::time::Duration {
    type Error = ConversionRange;

    fn try_from(duration: Duration) -> Result<Self, Self::Error> {
        std::time::Duration::try_from(duration.0)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // Tests may unwrap: a panic is a failed test.
mod tests {
    use super::*;
    use std::collections::HashSet;

    fn duration(s: &str) -> Duration {
        Duration::parse(s).unwrap_or_else(|e| panic!("{s}: {e}"))
    }

    fn reason(s: &str) -> &'static str {
        match Duration::parse(s) {
            Ok(v) => panic!("{s} parsed as {v:?}"),
            Err(e) => {
                assert_eq!(e.edm_type(), "Edm.Duration");
                e.reason()
            }
        }
    }

    #[test]
    fn canonical_literals_round_trip_byte_exact() {
        for s in [
            "PT0.016S",
            "P1DT2H3M4.5S",
            "-P1D",
            "PT0.0000001S",
            "PT0.000000001S",
            "PT0S",
            "PT1S",
            "PT1H",
            "PT1M",
            "P1DT1S",
            "P1DT0.5S",
            "-PT0.5S",
            "P365DT23H59M59.999999999S",
            "P106751991167300DT15H30M7S",
            "-P106751991167300DT15H30M8S",
            "-P106751991167300DT15H30M8.999999999S",
            "P106751991167300DT15H30M7.999999999S",
        ] {
            let value = duration(s);
            assert_eq!(value.to_string(), s);
            let mut buf = [0; Duration::MAX_LEN];
            assert_eq!(value.format_into(&mut buf), s);
        }
    }

    #[test]
    fn values_are_read_exactly() {
        assert_eq!(duration("PT0.016S"), Duration::from_millis(16));
        assert_eq!(duration("P1DT2H3M4.5S"), Duration::from_millis(93_784_500));
        assert_eq!(duration("-P1D"), Duration::from_secs(-86_400));
        assert_eq!(duration("+PT1S"), Duration::from_secs(1));
        assert_eq!(duration("PT0.0000001S"), Duration::from_nanos(100));
        assert_eq!(duration("-PT0.000000001S"), Duration::from_nanos(-1));
        assert_eq!(duration("PT1.000000000000S"), Duration::from_secs(1));
        assert_eq!(duration("PT0000000000000000000000001S"), Duration::from_secs(1));
    }

    #[test]
    fn non_canonical_literals_are_normalised() {
        for (input, canonical) in [
            ("PT90M", "PT1H30M"),
            ("PT36H", "P1DT12H"),
            ("PT3600S", "PT1H"),
            ("P", "PT0S"),
            ("PT", "PT0S"),
            ("-P", "PT0S"),
            ("-PT0S", "PT0S"),
            ("P1DT", "P1D"),
            ("P0DT0H0M0S", "PT0S"),
            ("p1dt2h3m4.50s", "P1DT2H3M4.5S"),
            ("+PT1S", "PT1S"),
            ("PT0.0160S", "PT0.016S"),
        ] {
            let value = duration(input);
            assert_eq!(value.to_string(), canonical, "{input}");
            assert_eq!(duration(canonical), value);
        }
    }

    #[test]
    fn invalid_literals_are_rejected_with_a_reason() {
        let cases: &[(&str, &str)] = &[
            ("", "the text is empty"),
            ("P1H", "the hours must follow \"T\""),
            ("P1S", "the seconds must follow \"T\""),
            ("PT1D", "the days must come before \"T\""),
            ("1S", "a duration must start with \"P\""),
            ("T1S", "a duration must start with \"P\""),
            ("PT1.5", "a number must be followed by \"D\", \"H\", \"M\" or \"S\""),
            ("PT1", "a number must be followed by \"D\", \"H\", \"M\" or \"S\""),
            ("P1.5D", "only the seconds may have a fraction"),
            ("PT1.5M", "only the seconds may have a fraction"),
            ("PT1M1H", "the components must come in the order D, H, M, S, each at most once"),
            ("PT1H1H", "the components must come in the order D, H, M, S, each at most once"),
            ("P1Y", "years and months are not allowed in a day-time duration"),
            ("P1M", "years and months are not allowed in a day-time duration"),
            ("P1W", "weeks are not allowed in a day-time duration; use days"),
            ("PT1X", "a number must be followed by \"D\", \"H\", \"M\" or \"S\""),
            ("PT1.S", "expected a digit after \".\""),
            ("PT.5S", "expected a number followed by \"D\", \"H\", \"M\" or \"S\""),
            ("PTT1S", "\"T\" appears twice"),
            ("P T1S", "expected a number followed by \"D\", \"H\", \"M\" or \"S\""),
            ("PT1S ", "expected a number followed by \"D\", \"H\", \"M\" or \"S\""),
            ("--P1D", "a duration must start with \"P\""),
            ("PT-1S", "expected a number followed by \"D\", \"H\", \"M\" or \"S\""),
            ("PT0.1234567890123S", "more than 12 fractional digits"),
            ("PT0.0000000001S", "precision finer than 1 ns is not supported"),
            ("PT9223372036854775808S", "the duration is out of range"),
            ("P106751991167301D", "the duration is out of range"),
            ("P106751991167300DT16H", "the duration is out of range"),
            ("PT99999999999999999999999999999999S", "the duration is out of range"),
            ("PT１S", "expected a number followed by \"D\", \"H\", \"M\" or \"S\""),
            ("Ｐ1D", "a duration must start with \"P\""),
        ];
        for (input, expected) in cases {
            assert_eq!(reason(input), *expected, "{input}");
        }
    }

    #[test]
    fn largest_values_parse_and_round_trip() {
        let max = duration("PT9223372036854775807.999999999S");
        assert_eq!(max.to_time_duration(), time::Duration::MAX);
        let min = duration("-PT9223372036854775807.999999999S");
        assert_eq!(duration(&max.to_string()), max);
        assert_eq!(duration(&min.to_string()), min);
        let lowest = Duration::from(time::Duration::MIN);
        assert_eq!(duration(&lowest.to_string()), lowest);
        assert_eq!(lowest.to_string().len(), Duration::MAX_LEN - 1);
        // The widest literal: every field at its widest (fuzzing found this one cut short).
        for widest in ["-P106751991167299DT23H59M59.999999999S", "P106751991167299DT23H59M59.999999999S"] {
            assert_eq!(duration(widest).to_string(), widest);
        }
        assert_eq!(duration("-PT8901232678901235281.101387691S").to_string(), "-P103023526376171DT16H54M41.101387691S");
        assert_eq!(reason("P106751991167300DT15H30M8S"), "the duration is out of range");
        assert_eq!(reason("-P106751991167300DT15H30M9S"), "the duration is out of range");
    }

    #[test]
    fn equality_hash_and_order_are_by_value() {
        assert_eq!(duration("PT90M"), duration("PT1H30M"));
        let set: HashSet<Duration> = ["PT90M", "PT1H30M", "PT5400S", "P"].into_iter().map(duration).collect();
        assert_eq!(set.len(), 2);
        assert!(duration("-P1D") < Duration::ZERO);
        assert!(duration("PT0.000000001S") > Duration::ZERO);
        assert!(duration("P1D") > duration("PT23H59M59.999999999S"));
    }

    #[test]
    fn accessors_report_the_value() {
        let value = duration("-PT1.5S");
        assert!(value.is_negative());
        assert_eq!(value.as_seconds_f64(), -1.5);
        assert_eq!(value.whole_milliseconds(), -1500);
        assert!(!Duration::ZERO.is_negative());
        assert_eq!(Duration::ZERO.to_string(), "PT0S");
        assert_eq!(Duration::new(time::Duration::seconds(3)), Duration::from_secs(3));
        assert_eq!(format!("[{:>6}]", Duration::from_secs(1)), "[  PT1S]");
        assert_eq!("PT1S".parse::<Duration>().unwrap(), Duration::from_secs(1));
    }

    #[test]
    fn converts_to_and_from_time_and_std() {
        let value = Duration::from(time::Duration::milliseconds(1500));
        assert_eq!(time::Duration::from(value), time::Duration::milliseconds(1500));
        let std = std::time::Duration::try_from(value).unwrap();
        assert_eq!(std, std::time::Duration::from_millis(1500));
        assert_eq!(Duration::try_from(std).unwrap(), value);
        assert_eq!(std::time::Duration::try_from(Duration::from_millis(-1)), Err(ConversionRange));
        assert_eq!(std::time::Duration::try_from(Duration::from_nanos(-1)), Err(ConversionRange));
        assert_eq!(Duration::try_from(std::time::Duration::MAX), Err(ConversionRange));
    }

    /// Mutated literals never panic, and whatever parses writes text that parses back to it.
    #[test]
    fn hostile_inputs_never_panic_and_round_trip() {
        let alphabet: Vec<char> = "0123456789PTDHMSYW.+- pé\u{0}".chars().collect();
        let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = move |n: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % n as u64) as usize
        };
        for _ in 0..60_000 {
            let seed = ["P1DT2H3M4.5S", "-PT0.016S", "P106751991167300DT15H30M7S"][next(3)];
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
            if let Ok(value) = Duration::parse(&input) {
                assert_eq!(Duration::parse(&value.to_string()), Ok(value), "{input}");
            }
        }
        assert!(Duration::parse(&format!("PT{}S", "9".repeat(100_000))).is_err());
    }
}
