//! The shapes services send nearly always, read at fixed positions: `2020-02-25T18:52:46.764Z`
//! and `PT0.016S`. A page of Graph call records holds tens of thousands of them, and the general
//! parsers (any case, offsets, years beyond 9999, every component of a duration) cost several
//! times more per value. Each function here answers `None` for anything outside its shape, or any
//! field out of range, and the caller then runs the general parser, which also gives the error:
//! a fast path never accepts what the general one refuses, nor reads it differently (tested
//! against it below).

use time::{Month, OffsetDateTime, UtcOffset};

const POWERS_OF_TEN: [u32; 10] =
    [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000];

/// The value of an ASCII digit.
#[inline]
fn digit(byte: u8) -> Option<u32> {
    let value = byte.wrapping_sub(b'0');
    (value < 10).then_some(u32::from(value))
}

/// `n` digits at the start of `bytes` (all of them must be digits).
#[inline]
fn number(bytes: &[u8]) -> Option<u32> {
    bytes.iter().try_fold(0, |value, &byte| Some(value * 10 + digit(byte)?))
}

/// 1 to 9 fractional digits as nanoseconds, and how many digits there were, with the rest of the
/// text after them.
#[inline]
fn nanoseconds(bytes: &[u8]) -> Option<(u32, u8, &[u8])> {
    let count = bytes.iter().take_while(|byte| byte.is_ascii_digit()).count();
    if !(1..=9).contains(&count) {
        return None;
    }
    let (digits, rest) = bytes.split_at(count);
    Some((number(digits)? * POWERS_OF_TEN[9 - count], count as u8, rest))
}

/// `YYYY-MM-DDTHH:MM:SS[.1-9 digits]Z`: the instant and the number of fractional digits.
#[inline]
pub(super) fn date_time_utc(bytes: &[u8]) -> Option<(OffsetDateTime, u8)> {
    let (head, rest) = bytes.split_at_checked(19)?;
    if head[4] != b'-' || head[7] != b'-' || head[10] != b'T' || head[13] != b':' || head[16] != b':' {
        return None;
    }
    let year = number(&head[0..4])?;
    let month = Month::try_from(number(&head[5..7])? as u8).ok()?;
    let day = number(&head[8..10])? as u8;
    let (hour, minute, second) = (number(&head[11..13])?, number(&head[14..16])?, number(&head[17..19])?);
    let (nanos, fraction_digits, rest) = match rest {
        [b'.', rest @ ..] => nanoseconds(rest)?,
        _ => (0, 0, rest),
    };
    if rest != b"Z" || hour > 23 || minute > 59 || second > 59 {
        return None;
    }
    let date = time::Date::from_calendar_date(year as i32, month, day).ok()?;
    let time = time::Time::from_hms_nano(hour as u8, minute as u8, second as u8, nanos).ok()?;
    Some((OffsetDateTime::new_in_offset(date, time, UtcOffset::UTC), fraction_digits))
}

/// `PT<seconds>[.1-9 digits]S`, seconds of at most 18 digits.
#[inline]
pub(super) fn duration_seconds(bytes: &[u8]) -> Option<time::Duration> {
    let rest = bytes.strip_prefix(b"PT")?;
    let count = rest.iter().take_while(|byte| byte.is_ascii_digit()).count();
    if !(1..=18).contains(&count) {
        return None;
    }
    let (whole, rest) = rest.split_at(count);
    let seconds = whole.iter().fold(0i64, |value, &byte| value * 10 + i64::from(byte - b'0'));
    let (nanos, rest) = match rest {
        [b'.', rest @ ..] => {
            let (nanos, _, rest) = nanoseconds(rest)?;
            (nanos, rest)
        }
        _ => (0, rest),
    };
    // Below 10^9, so `new` does not carry.
    (rest == b"S").then(|| time::Duration::new(seconds, nanos as i32))
}

#[cfg(test)]
mod tests {
    use crate::{DateTimeOffset, Duration};

    /// Texts in and around both shapes: each read by the fast path must be read the same by the
    /// general parser, and each the fast path leaves must still be read (or refused) by it.
    const DATE_TIMES: &[&str] = &[
        "2020-02-25T18:52:46.7640013Z",
        "2020-02-25T18:52:46Z",
        "2020-02-25T18:52:46.1Z",
        "2020-02-25T18:52:46.123456789Z",
        "2020-02-25T18:52:46.1234567890Z",
        "2020-02-25T18:52:46.000000000000Z",
        "2020-02-25T18:52Z",
        "2020-02-25t18:52:46z",
        "2020-02-25T18:52:46+01:00",
        "2020-02-25T18:52:46.5-00:00",
        "0000-01-01T00:00:00Z",
        "9999-12-31T23:59:59.999999999Z",
        "-0001-01-01T00:00:00Z",
        "12020-02-25T18:52:46Z",
        "2020-02-29T00:00:00Z",
        "2021-02-29T00:00:00Z",
        "2020-13-01T00:00:00Z",
        "2020-00-01T00:00:00Z",
        "2020-01-00T00:00:00Z",
        "2020-01-32T00:00:00Z",
        "2020-01-01T24:00:00Z",
        "2020-01-01T23:60:00Z",
        "2020-01-01T23:59:60Z",
        "2020-01-01T23:59:59.Z",
        "2020-01-01T23:59:59.5",
        "2020-01-01T23:59:59.5ZZ",
        "2020-01-01 23:59:59Z",
        "2020-1-01T23:59:59Z",
        "2020-01-01T23:59:5xZ",
        "+020-01-01T23:59:59Z",
        "2020-01-01T23:59:59.+1Z",
        "",
        "Z",
    ];

    const DURATIONS: &[&str] = &[
        "PT0.016S",
        "PT0S",
        "PT1S",
        "PT0.123456789S",
        "PT0.1234567890S",
        "PT0.000000000000S",
        "PT999999999999999999S",
        "PT9999999999999999999S",
        "PT1M2.5S",
        "P1DT0S",
        "-PT0.5S",
        "pt0.5s",
        "PT.5S",
        "PT0.S",
        "PT0.5",
        "PT0.5SS",
        "PT+1S",
        "PTS",
        "PT",
        "",
    ];

    #[test]
    fn the_common_forms_take_the_fast_path() {
        for text in ["2020-02-25T18:52:46.7640013Z", "2020-02-25T18:52:46Z", "9999-12-31T23:59:59.999999999Z"] {
            assert!(super::date_time_utc(text.as_bytes()).is_some(), "{text}");
        }
        for text in ["PT0.016S", "PT0S", "PT999999999999999999S"] {
            assert!(super::duration_seconds(text.as_bytes()).is_some(), "{text}");
        }
    }

    #[test]
    fn date_times_read_as_the_general_parser_reads_them() {
        for text in DATE_TIMES {
            let general = DateTimeOffset::parse_general(text);
            if let Some((value, digits)) = super::date_time_utc(text.as_bytes()) {
                let general =
                    general.unwrap_or_else(|reason| panic!("{text}: the general parser refuses it: {reason}"));
                assert_eq!((general.to_offset_date_time(), general.fraction_digits()), (value, digits), "{text}");
            }
            // The public parser agrees with the general one on everything, in value and form.
            let public = DateTimeOffset::parse(text).map_err(|_| ());
            let general = general.map_err(|_| ());
            assert_eq!(public.map(|value| value.to_string()), general.map(|value| value.to_string()), "{text}");
            assert_eq!(public.map(|value| value.fraction_digits()), general.map(|value| value.fraction_digits()));
        }
    }

    #[test]
    fn durations_read_as_the_general_parser_reads_them() {
        for text in DURATIONS {
            let general = super::super::duration::parse_general(text.as_bytes());
            if let Some(value) = super::duration_seconds(text.as_bytes()) {
                assert_eq!(general, Ok(value), "{text}");
            }
            let public = Duration::parse(text).map(|value| value.to_time_duration()).map_err(|_| ());
            assert_eq!(public, general.map_err(|_| ()), "{text}");
        }
    }
}
