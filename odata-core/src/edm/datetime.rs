//! `Edm.DateTimeOffset`, `Edm.Date` and `Edm.TimeOfDay`.
//!
//! The literals are parsed by hand: OData's grammar is not RFC 3339 (seconds are optional, up to
//! 12 fractional digits, years have 4 or more digits and may be negative), so neither `time`'s
//! well-known formats nor a format description fit it. `time` still does the calendar: it checks
//! dates, times and offsets and holds the values.
//!
//! Each type remembers how its literal was written (fractional digits, whether seconds were
//! present, `Z` or `+00:00`) so that decoding then encoding a payload gives back the same text.

use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::str::FromStr;

use time::{Month, OffsetDateTime, UtcOffset};

use super::error::EdmParseError;

const DATE_TIME_OFFSET: &str = "Edm.DateTimeOffset";
const DATE: &str = "Edm.Date";
const TIME_OF_DAY: &str = "Edm.TimeOfDay";

/// Most fractional digits a literal may have (`fractionalSeconds = 1*12DIGIT`).
const MAX_FRACTION_DIGITS: usize = 12;

/// Fractional digits that carry information at nanosecond precision.
const NANO_DIGITS: u8 = 9;

// ---------------------------------------------------------------------------------------------
// Edm.DateTimeOffset
// ---------------------------------------------------------------------------------------------

/// An `Edm.DateTimeOffset`: an instant with the UTC offset it was written in, to the nanosecond.
///
/// Parsing keeps how the literal was written (number of fractional digits, whether seconds were
/// present, `Z` or `+00:00` for a zero offset), so `to_string` gives back the text that was read
/// whenever that text was valid, e.g. `2020-02-25T18:52:21.2169889Z` or `2021-06-01T10:00+05:30`.
/// Lowercase `t` and `z` are read; `T` and `Z` are written; `-00:00` is written `+00:00`.
///
/// Two values are equal when they name the same instant in the same offset; how they were written
/// does not matter. They order by instant, then by offset.
///
/// Years run from -9999 to 9999 (what `time` supports without its `large-dates` feature).
#[derive(Debug, Clone, Copy)]
pub struct DateTimeOffset {
    value: OffsetDateTime,
    /// Fractional digits written, 0..=12; digits past the 9th are always zero.
    fraction_digits: u8,
    /// Whether the seconds are written (they may be left out when they and the fraction are zero).
    seconds_shown: bool,
    /// Whether a zero offset is written `Z` (else `+00:00`).
    utc_as_z: bool,
}

impl DateTimeOffset {
    /// The longest literal [`format_into`](Self::format_into) writes:
    /// `-9999-12-31T23:59:59.999999999000+23:59`.
    pub(crate) const MAX_LEN: usize = 39;

    /// Wraps `value`, written with seconds, the fewest fractional digits that show its nanoseconds
    /// exactly, and `Z` for a zero offset.
    ///
    /// OData offsets are whole minutes up to 23:59; a value whose offset is not (`time` allows
    /// seconds and hours up to 25) is moved to UTC, keeping the instant. Within a day of the ends
    /// of the year range, where UTC would leave the range, the nearest writable offset is taken
    /// instead; if even that leaves the range (an offset beyond ±23:59 there), the value is kept
    /// as it is and its literal will not parse back.
    pub fn new(value: OffsetDateTime) -> Self {
        let value = with_writable_offset(value);
        DateTimeOffset {
            value,
            fraction_digits: needed_fraction_digits(value.nanosecond()),
            seconds_shown: true,
            utc_as_z: true,
        }
    }

    /// Parses an OData `dateTimeOffsetValue`, e.g. `2020-02-25T18:52:21.2169889Z`.
    pub fn parse(s: &str) -> Result<Self, EdmParseError> {
        Self::parse_text(s).map_err(|reason| EdmParseError::new(DATE_TIME_OFFSET, s, reason))
    }

    fn parse_text(s: &str) -> Result<Self, &'static str> {
        match super::fast_path::date_time_utc(s.as_bytes()) {
            Some((value, fraction_digits)) => {
                Ok(DateTimeOffset { value, fraction_digits, seconds_shown: true, utc_as_z: true })
            }
            None => Self::parse_general(s),
        }
    }

    /// Any literal of the ABNF (the fast path reads only the common UTC form).
    pub(super) fn parse_general(s: &str) -> Result<Self, &'static str> {
        let mut cursor = Cursor::new(s)?;
        let date = cursor.date()?;
        cursor.expect(b'T', "expected \"T\" between the date and the time")?;
        let time = cursor.time_of_day()?;
        let (offset, written_z) = cursor.offset()?;
        cursor.finish()?;
        Ok(DateTimeOffset {
            value: OffsetDateTime::new_in_offset(date, time.time, offset),
            fraction_digits: time.fraction_digits,
            seconds_shown: time.seconds_shown,
            utc_as_z: written_z || !offset.is_utc(),
        })
    }

    /// The value as a `time::OffsetDateTime`.
    pub fn to_offset_date_time(&self) -> OffsetDateTime {
        self.value
    }

    /// The UTC offset the value was written in.
    pub fn offset(&self) -> UtcOffset {
        self.value.offset()
    }

    /// Nanoseconds since 1970-01-01T00:00:00Z (negative before).
    pub fn unix_timestamp_nanos(&self) -> i128 {
        self.value.unix_timestamp_nanos()
    }

    /// How many fractional digits the literal has (0..=12).
    pub fn fraction_digits(&self) -> u8 {
        self.fraction_digits
    }

    /// The same value, written with `digits` fractional digits.
    ///
    /// This changes only how the value is written, never the value: `digits` is capped at 9, and
    /// raised to the fewest digits that show the nanoseconds exactly (nothing is cut or rounded).
    /// Seconds are shown whenever there is a fraction.
    pub fn with_fraction_digits(self, digits: u8) -> Self {
        let digits = digits.min(NANO_DIGITS).max(needed_fraction_digits(self.value.nanosecond()));
        DateTimeOffset { fraction_digits: digits, seconds_shown: self.seconds_shown || digits > 0, ..self }
    }

    /// Writes the literal into `buf` without allocating and returns it; `Display` writes the same.
    pub(crate) fn format_into<'b>(&self, buf: &'b mut [u8; Self::MAX_LEN]) -> &'b str {
        let mut out = AsciiWriter::new(buf);
        write_date(&mut out, self.value.date());
        out.push(b'T');
        write_time(&mut out, self.value.time(), self.fraction_digits, self.seconds_shown);
        let offset = self.value.offset();
        if offset.is_utc() && self.utc_as_z {
            out.push(b'Z');
        } else {
            out.push(if offset.is_negative() { b'-' } else { b'+' });
            let (hours, minutes, _) = offset.as_hms();
            out.number(u64::from(hours.unsigned_abs()), 2);
            out.push(b':');
            out.number(u64::from(minutes.unsigned_abs()), 2);
        }
        out.finish()
    }

    /// What equality, hashing and ordering look at: the instant, then the offset.
    fn key(&self) -> (i128, i32) {
        (self.value.unix_timestamp_nanos(), self.value.offset().whole_seconds())
    }
}

/// Moves `value` to an offset OData can write (whole minutes, at most 23:59), keeping the instant.
fn with_writable_offset(value: OffsetDateTime) -> OffsetDateTime {
    let offset = value.offset();
    let (hours, _, seconds) = offset.as_hms();
    if seconds == 0 && hours.unsigned_abs() <= 23 {
        return value;
    }
    if let Some(utc) = value.checked_to_offset(UtcOffset::UTC) {
        return utc;
    }
    // UTC is past an end of the year range. Rounding the offset away from zero to whole minutes
    // moves the local time back toward the middle of the range, so this succeeds unless the offset
    // also had to be capped at 23:59; then there is no writable offset and the value stays as it is.
    let minutes = offset.whole_seconds().unsigned_abs().div_ceil(60).min(23 * 60 + 59);
    let (hours, minutes) = ((minutes / 60) as i8, (minutes % 60) as i8);
    let rounded = if offset.is_negative() {
        UtcOffset::from_hms(-hours, -minutes, 0)
    } else {
        UtcOffset::from_hms(hours, minutes, 0)
    };
    rounded.ok().and_then(|rounded| value.checked_to_offset(rounded)).unwrap_or(value)
}

impl FromStr for DateTimeOffset {
    type Err = EdmParseError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

impl fmt::Display for DateTimeOffset {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.format_into(&mut [0; Self::MAX_LEN]))
    }
}

impl PartialEq for DateTimeOffset {
    fn eq(&self, other: &Self) -> bool {
        self.key() == other.key()
    }
}

impl Eq for DateTimeOffset {}

impl Hash for DateTimeOffset {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.key().hash(state);
    }
}

impl PartialOrd for DateTimeOffset {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for DateTimeOffset {
    fn cmp(&self, other: &Self) -> Ordering {
        self.key().cmp(&other.key())
    }
}

impl From<OffsetDateTime> for DateTimeOffset {
    fn from(value: OffsetDateTime) -> Self {
        Self::new(value)
    }
}

impl From<DateTimeOffset> for OffsetDateTime {
    fn from(value: DateTimeOffset) -> Self {
        value.value
    }
}

// ---------------------------------------------------------------------------------------------
// Edm.Date
// ---------------------------------------------------------------------------------------------

/// An `Edm.Date`: a calendar date without time or offset, written `YYYY-MM-DD`.
///
/// Years run from -9999 to 9999; negative years are written with a leading `-` (`-0044-03-15`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Date(time::Date);

impl Date {
    /// The longest literal [`format_into`](Self::format_into) writes: `-9999-12-31`.
    pub(crate) const MAX_LEN: usize = 11;

    /// Wraps a `time::Date`.
    pub fn new(date: time::Date) -> Self {
        Date(date)
    }

    /// Parses an OData `dateValue`, e.g. `2021-06-01`.
    pub fn parse(s: &str) -> Result<Self, EdmParseError> {
        Self::parse_text(s).map_err(|reason| EdmParseError::new(DATE, s, reason))
    }

    fn parse_text(s: &str) -> Result<Self, &'static str> {
        let mut cursor = Cursor::new(s)?;
        let date = cursor.date()?;
        cursor.finish()?;
        Ok(Date(date))
    }

    /// The value as a `time::Date`.
    pub fn to_date(&self) -> time::Date {
        self.0
    }

    /// Writes the literal into `buf` without allocating and returns it; `Display` writes the same.
    pub(crate) fn format_into<'b>(&self, buf: &'b mut [u8; Self::MAX_LEN]) -> &'b str {
        let mut out = AsciiWriter::new(buf);
        write_date(&mut out, self.0);
        out.finish()
    }
}

impl FromStr for Date {
    type Err = EdmParseError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.format_into(&mut [0; Self::MAX_LEN]))
    }
}

impl From<time::Date> for Date {
    fn from(date: time::Date) -> Self {
        Date(date)
    }
}

impl From<Date> for time::Date {
    fn from(date: Date) -> Self {
        date.0
    }
}

// ---------------------------------------------------------------------------------------------
// Edm.TimeOfDay
// ---------------------------------------------------------------------------------------------

/// An `Edm.TimeOfDay`: a clock time without date or offset, to the nanosecond, e.g. `10:00`,
/// `10:00:00` or `23:59:59.9999999`.
///
/// Parsing keeps how the literal was written (seconds present or not, number of fractional
/// digits), so `to_string` gives back the text that was read. Equality, hashing and ordering look
/// at the time only.
#[derive(Debug, Clone, Copy)]
pub struct TimeOfDay {
    time: time::Time,
    /// Fractional digits written, 0..=12; digits past the 9th are always zero.
    fraction_digits: u8,
    /// Whether the seconds are written.
    seconds_shown: bool,
}

impl TimeOfDay {
    /// The longest literal [`format_into`](Self::format_into) writes: `23:59:59.999999999000`.
    pub(crate) const MAX_LEN: usize = 21;

    /// Wraps `time`, written with seconds and the fewest fractional digits that show its
    /// nanoseconds exactly.
    pub fn new(time: time::Time) -> Self {
        TimeOfDay { time, fraction_digits: needed_fraction_digits(time.nanosecond()), seconds_shown: true }
    }

    /// Parses an OData `timeOfDayValue`, e.g. `23:59:59.9999999`.
    pub fn parse(s: &str) -> Result<Self, EdmParseError> {
        Self::parse_text(s).map_err(|reason| EdmParseError::new(TIME_OF_DAY, s, reason))
    }

    fn parse_text(s: &str) -> Result<Self, &'static str> {
        let mut cursor = Cursor::new(s)?;
        let parts = cursor.time_of_day()?;
        cursor.finish()?;
        Ok(TimeOfDay { time: parts.time, fraction_digits: parts.fraction_digits, seconds_shown: parts.seconds_shown })
    }

    /// The value as a `time::Time`.
    pub fn to_time(&self) -> time::Time {
        self.time
    }

    /// How many fractional digits the literal has (0..=12).
    pub fn fraction_digits(&self) -> u8 {
        self.fraction_digits
    }

    /// The same value, written with `digits` fractional digits.
    ///
    /// This changes only how the value is written: `digits` is capped at 9 and raised to the
    /// fewest digits that show the nanoseconds exactly. Seconds are shown whenever there is a
    /// fraction.
    pub fn with_fraction_digits(self, digits: u8) -> Self {
        let digits = digits.min(NANO_DIGITS).max(needed_fraction_digits(self.time.nanosecond()));
        TimeOfDay { fraction_digits: digits, seconds_shown: self.seconds_shown || digits > 0, ..self }
    }

    /// Writes the literal into `buf` without allocating and returns it; `Display` writes the same.
    pub(crate) fn format_into<'b>(&self, buf: &'b mut [u8; Self::MAX_LEN]) -> &'b str {
        let mut out = AsciiWriter::new(buf);
        write_time(&mut out, self.time, self.fraction_digits, self.seconds_shown);
        out.finish()
    }
}

impl FromStr for TimeOfDay {
    type Err = EdmParseError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

impl fmt::Display for TimeOfDay {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.format_into(&mut [0; Self::MAX_LEN]))
    }
}

impl PartialEq for TimeOfDay {
    fn eq(&self, other: &Self) -> bool {
        self.time == other.time
    }
}

impl Eq for TimeOfDay {}

impl Hash for TimeOfDay {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.time.hash(state);
    }
}

impl PartialOrd for TimeOfDay {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for TimeOfDay {
    fn cmp(&self, other: &Self) -> Ordering {
        self.time.cmp(&other.time)
    }
}

impl From<time::Time> for TimeOfDay {
    fn from(time: time::Time) -> Self {
        Self::new(time)
    }
}

impl From<TimeOfDay> for time::Time {
    fn from(time: TimeOfDay) -> Self {
        time.time
    }
}

// ---------------------------------------------------------------------------------------------
// Parsing
// ---------------------------------------------------------------------------------------------

/// A time of day as read, with how it was written.
struct TimeParts {
    time: time::Time,
    fraction_digits: u8,
    seconds_shown: bool,
}

/// Reads a literal byte by byte; running past the end yields an error, never a panic.
struct Cursor<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Cursor<'a> {
    fn new(s: &'a str) -> Result<Self, &'static str> {
        if s.is_empty() {
            return Err("the text is empty");
        }
        Ok(Cursor { bytes: s.as_bytes(), pos: 0 })
    }

    /// Consumes `byte` (ASCII letters in any case, as ABNF strings are) if it comes next.
    fn eat(&mut self, byte: u8) -> bool {
        match self.bytes.get(self.pos) {
            Some(next) if next.eq_ignore_ascii_case(&byte) => {
                self.pos += 1;
                true
            }
            _ => false,
        }
    }

    fn expect(&mut self, byte: u8, reason: &'static str) -> Result<(), &'static str> {
        if self.eat(byte) { Ok(()) } else { Err(reason) }
    }

    /// Consumes a run of ASCII digits, possibly empty.
    fn digits(&mut self) -> &'a [u8] {
        let rest = self.bytes.get(self.pos..).unwrap_or_default();
        let len = rest.iter().take_while(|b| b.is_ascii_digit()).count();
        self.pos += len;
        rest.get(..len).unwrap_or_default()
    }

    /// Consumes exactly two digits, followed by no further digit.
    fn two_digits(&mut self, reason: &'static str) -> Result<u8, &'static str> {
        match self.digits() {
            [tens, ones] => Ok((tens - b'0') * 10 + (ones - b'0')),
            _ => Err(reason),
        }
    }

    fn finish(&self) -> Result<(), &'static str> {
        if self.pos == self.bytes.len() { Ok(()) } else { Err("unexpected text after the value") }
    }

    /// `year = [ "-" ] ( "0" 3DIGIT / oneToNine 3*DIGIT )`, limited to what `time` holds.
    fn year(&mut self) -> Result<i32, &'static str> {
        let negative = self.eat(b'-');
        let digits = self.digits();
        let year = match digits {
            [] => return Err("expected a year of 4 digits"),
            [_, _, _, _] => digits.iter().fold(0, |year, digit| year * 10 + i32::from(digit - b'0')),
            [b'0', ..] if digits.len() > 4 => {
                return Err("a year of more than 4 digits must not start with 0");
            }
            _ if digits.len() < 4 => return Err("the year must have at least 4 digits"),
            _ => return Err("year must be -9999 to 9999"),
        };
        Ok(if negative { -year } else { year })
    }

    /// `dateValue = year "-" month "-" day`
    fn date(&mut self) -> Result<time::Date, &'static str> {
        let year = self.year()?;
        self.expect(b'-', "expected \"-\" after the year")?;
        let month = self.two_digits("the month must have 2 digits")?;
        let month = Month::try_from(month).map_err(|_| "month must be 01 to 12")?;
        self.expect(b'-', "expected \"-\" after the month")?;
        let day = self.two_digits("the day must have 2 digits")?;
        if !(1..=31).contains(&day) {
            return Err("day must be 01 to 31");
        }
        time::Date::from_calendar_date(year, month, day).map_err(|_| "the day does not exist in that month")
    }

    /// `timeOfDayValue = hour ":" minute [ ":" second [ "." fractionalSeconds ] ]`
    fn time_of_day(&mut self) -> Result<TimeParts, &'static str> {
        let hour = self.two_digits("the hour must have 2 digits")?;
        if hour > 23 {
            return Err("hour must be 00 to 23");
        }
        self.expect(b':', "expected \":\" after the hour")?;
        let minute = self.two_digits("the minute must have 2 digits")?;
        if minute > 59 {
            return Err("minute must be 00 to 59");
        }
        let (mut second, mut nanos, mut fraction_digits) = (0, 0, 0);
        let seconds_shown = self.eat(b':');
        if seconds_shown {
            second = self.two_digits("the second must have 2 digits")?;
            match second {
                0..=59 => {}
                60 => return Err("leap seconds are not supported"),
                _ => return Err("second must be 00 to 59"),
            }
            if self.eat(b'.') {
                (nanos, fraction_digits) = fraction(self.digits())?;
            }
        }
        let time = time::Time::from_hms_nano(hour, minute, second, nanos).map_err(|_| "not a valid time of day")?;
        Ok(TimeParts { time, fraction_digits, seconds_shown })
    }

    /// `( "Z" / SIGN hour ":" minute )`; returns the offset and whether it was written `Z`.
    fn offset(&mut self) -> Result<(UtcOffset, bool), &'static str> {
        if self.eat(b'Z') {
            return Ok((UtcOffset::UTC, true));
        }
        let negative = if self.eat(b'+') {
            false
        } else if self.eat(b'-') {
            true
        } else {
            return Err("expected \"Z\" or an offset like \"+01:00\" after the time");
        };
        let hours = self.two_digits("the offset hours must have 2 digits")?;
        if hours > 23 {
            return Err("offset hours must be 00 to 23");
        }
        self.expect(b':', "expected \":\" in the offset")?;
        let minutes = self.two_digits("the offset minutes must have 2 digits")?;
        if minutes > 59 {
            return Err("offset minutes must be 00 to 59");
        }
        // Both are at most 59 (checked above), so they fit an i8.
        let (hours, minutes) = (hours as i8, minutes as i8);
        let offset =
            if negative { UtcOffset::from_hms(-hours, -minutes, 0) } else { UtcOffset::from_hms(hours, minutes, 0) };
        Ok((offset.map_err(|_| "the offset is out of range")?, false))
    }
}

/// Reads `fractionalSeconds = 1*12DIGIT` as nanoseconds and the number of digits; digits past
/// the 9th must be zero, as nothing finer than a nanosecond is kept.
pub(super) fn fraction(digits: &[u8]) -> Result<(u32, u8), &'static str> {
    if digits.is_empty() {
        return Err("expected a digit after \".\"");
    }
    if digits.len() > MAX_FRACTION_DIGITS {
        return Err("more than 12 fractional digits");
    }
    let (nano_digits, finer) = digits.split_at(digits.len().min(usize::from(NANO_DIGITS)));
    if finer.iter().any(|&digit| digit != b'0') {
        return Err("precision finer than 1 ns is not supported");
    }
    let mut nanos = nano_digits.iter().fold(0, |nanos, digit| nanos * 10 + u32::from(digit - b'0'));
    for _ in nano_digits.len()..usize::from(NANO_DIGITS) {
        nanos *= 10;
    }
    // At most 12 digits (checked above), so the count fits a u8.
    Ok((nanos, digits.len() as u8))
}

// ---------------------------------------------------------------------------------------------
// Formatting
// ---------------------------------------------------------------------------------------------

/// The fewest fractional digits that show `nanos` exactly (0 for none).
fn needed_fraction_digits(nanos: u32) -> u8 {
    if nanos == 0 {
        return 0;
    }
    let (mut digits, mut rest) = (NANO_DIGITS, nanos);
    while rest.is_multiple_of(10) {
        rest /= 10;
        digits -= 1;
    }
    digits
}

fn write_date(out: &mut AsciiWriter<'_>, date: time::Date) {
    let (year, month, day) = date.to_calendar_date();
    if year < 0 {
        out.push(b'-');
    }
    out.number(u64::from(year.unsigned_abs()), 4);
    out.push(b'-');
    out.number(u64::from(u8::from(month)), 2);
    out.push(b'-');
    out.number(u64::from(day), 2);
}

/// Writes `hh:mm[:ss[.fff]]`. The seconds and fraction digits asked for are raised to what the
/// value needs, so the text always parses back to the same time.
fn write_time(out: &mut AsciiWriter<'_>, time: time::Time, fraction_digits: u8, seconds_shown: bool) {
    let (hour, minute, second, nanos) = time.as_hms_nano();
    let fraction_digits = fraction_digits.max(needed_fraction_digits(nanos));
    out.number(u64::from(hour), 2);
    out.push(b':');
    out.number(u64::from(minute), 2);
    if !(seconds_shown || second != 0 || fraction_digits > 0) {
        return;
    }
    out.push(b':');
    out.number(u64::from(second), 2);
    if fraction_digits == 0 {
        return;
    }
    out.push(b'.');
    let shown = fraction_digits.min(NANO_DIGITS);
    out.number(u64::from(nanos / 10u32.pow(u32::from(NANO_DIGITS - shown))), usize::from(shown));
    for _ in NANO_DIGITS..fraction_digits {
        out.push(b'0');
    }
}

/// Writes ASCII into a fixed buffer without allocating.
///
/// Every buffer is sized for the longest literal of its type, so nothing is ever cut; were a
/// buffer too small, the text would be cut short rather than the program panic.
pub(super) struct AsciiWriter<'b> {
    buf: &'b mut [u8],
    len: usize,
}

impl<'b> AsciiWriter<'b> {
    pub(super) fn new(buf: &'b mut [u8]) -> Self {
        AsciiWriter { buf, len: 0 }
    }

    /// Appends one ASCII byte. The buffers are sized for the longest literal of their type; should
    /// that size ever be wrong, debug builds (tests, fuzzing) stop here rather than write a
    /// literal cut short, and release builds still never index out of bounds.
    pub(super) fn push(&mut self, byte: u8) {
        debug_assert!(self.len < self.buf.len(), "a literal longer than its MAX_LEN ({})", self.buf.len());
        if let Some(slot) = self.buf.get_mut(self.len) {
            *slot = byte;
            self.len += 1;
        }
    }

    /// Appends `value` in decimal, zero-padded to at least `min_width` digits.
    pub(super) fn number(&mut self, value: u64, min_width: usize) {
        let mut width = 1;
        let mut rest = value;
        while rest >= 10 {
            rest /= 10;
            width += 1;
        }
        let start = self.len;
        for _ in 0..width.max(min_width) {
            self.push(b'0');
        }
        let mut rest = value;
        for slot in self.buf.get_mut(start..self.len).unwrap_or_default().iter_mut().rev() {
            *slot = b'0' + (rest % 10) as u8;
            rest /= 10;
        }
    }

    /// The text written so far.
    pub(super) fn finish(self) -> &'b str {
        let written = self.buf.get(..self.len).unwrap_or_default();
        // Only ASCII bytes are ever pushed, so this is always valid UTF-8.
        std::str::from_utf8(written).unwrap_or_default()
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // Tests may unwrap: a panic is a failed test.
mod tests {
    use super::*;
    use std::collections::HashSet;

    fn dto(s: &str) -> DateTimeOffset {
        DateTimeOffset::parse(s).unwrap_or_else(|e| panic!("{s}: {e}"))
    }

    fn dto_reason(s: &str) -> &'static str {
        match DateTimeOffset::parse(s) {
            Ok(v) => panic!("{s} parsed as {v:?}"),
            Err(e) => {
                assert_eq!(e.edm_type(), "Edm.DateTimeOffset");
                e.reason()
            }
        }
    }

    fn utc(date: time::Date, h: u8, m: u8, s: u8, ns: u32) -> OffsetDateTime {
        OffsetDateTime::new_in_offset(date, time::Time::from_hms_nano(h, m, s, ns).unwrap(), UtcOffset::UTC)
    }

    fn ymd(y: i32, m: u8, d: u8) -> time::Date {
        time::Date::from_calendar_date(y, Month::try_from(m).unwrap(), d).unwrap()
    }

    #[test]
    fn date_time_offset_round_trips_canonical_literals_byte_exact() {
        for s in [
            "2020-02-25T18:52:21.2169889Z",
            "2020-02-25T18:52:46.764001Z",
            "2020-02-25T18:52:46.764Z",
            "2020-02-25T18:52:46Z",
            "0001-01-01T00:00:00Z",
            "9999-12-31T23:59:59.9999999Z",
            "9999-12-31T23:59:59.999999999Z",
            "-9999-01-01T00:00:00Z",
            "-0001-06-01T00:00:00Z",
            "0000-01-01T00:00:00Z",
            "2021-06-01T10:00:00+05:30",
            "2021-06-01T10:00:00-08:00",
            "2021-06-01T10:00:00+00:00",
            "2021-06-01T10:00:00.000000000000+00:00",
            "2021-06-01T10:00:00.123456789000Z",
            "2021-06-01T10:00:00.0Z",
            "2021-06-01T10:00Z",
            "2021-06-01T10:00-03:00",
            "2021-06-01T00:00:00+23:59",
            "2021-06-01T00:00:00-23:59",
            "2020-02-29T12:00:00Z",
        ] {
            let value = dto(s);
            assert_eq!(value.to_string(), s);
            let mut buf = [0; DateTimeOffset::MAX_LEN];
            assert_eq!(value.format_into(&mut buf), s);
            assert_eq!(dto(&value.to_string()), value);
        }
    }

    #[test]
    fn date_time_offset_keeps_nanosecond_value() {
        let value = dto("2020-02-25T18:52:21.2169889Z");
        assert_eq!(value.to_offset_date_time().nanosecond(), 216_988_900);
        assert_eq!(value.fraction_digits(), 7);
        assert_eq!(value.offset(), UtcOffset::UTC);
        assert_eq!(value.to_offset_date_time(), utc(ymd(2020, 2, 25), 18, 52, 21, 216_988_900));
        assert_eq!(dto("2021-06-01T10:00:00.000000000000+00:00").fraction_digits(), 12);
    }

    #[test]
    fn date_time_offset_reads_lowercase_and_writes_uppercase() {
        assert_eq!(dto("2021-06-01t10:00:00z").to_string(), "2021-06-01T10:00:00Z");
    }

    #[test]
    fn date_time_offset_writes_minus_zero_offset_as_plus() {
        let value = dto("2021-06-01T10:00:00-00:00");
        assert_eq!(value.to_string(), "2021-06-01T10:00:00+00:00");
        assert_eq!(value, dto("2021-06-01T10:00:00Z"));
    }

    #[test]
    fn date_time_offset_applies_the_offset() {
        let value = dto("2021-06-01T10:00:00+05:30");
        assert_eq!(value.offset(), UtcOffset::from_hms(5, 30, 0).unwrap());
        let expected = utc(ymd(2021, 6, 1), 4, 30, 0, 0).unix_timestamp_nanos();
        assert_eq!(value.unix_timestamp_nanos(), expected);
        let value = dto("2021-06-01T10:00:00-08:00");
        let expected = utc(ymd(2021, 6, 1), 18, 0, 0, 0).unix_timestamp_nanos();
        assert_eq!(value.unix_timestamp_nanos(), expected);
    }

    #[test]
    fn date_time_offset_rejects_invalid_literals_with_a_reason() {
        let cases: &[(&str, &str)] = &[
            ("2021-13-01T00:00:00Z", "month must be 01 to 12"),
            ("2021-00-01T00:00:00Z", "month must be 01 to 12"),
            ("2021-02-30T00:00:00Z", "the day does not exist in that month"),
            ("2021-02-29T00:00:00Z", "the day does not exist in that month"),
            ("2021-06-00T00:00:00Z", "day must be 01 to 31"),
            ("2021-06-32T00:00:00Z", "day must be 01 to 31"),
            ("2021-06-01 10:00:00Z", "expected \"T\" between the date and the time"),
            ("2021-06-01T10:00:00", "expected \"Z\" or an offset like \"+01:00\" after the time"),
            ("2021-06-01T24:00:00Z", "hour must be 00 to 23"),
            ("2021-06-01T10:60:00Z", "minute must be 00 to 59"),
            ("2021-06-01T10:00:60Z", "leap seconds are not supported"),
            ("2021-06-01T10:00:61Z", "second must be 00 to 59"),
            ("2021-06-01T10:00:00.1234567891Z", "precision finer than 1 ns is not supported"),
            ("2021-06-01T10:00:00.0000000000001Z", "more than 12 fractional digits"),
            ("2021-06-01T10:00:00.0000000000000Z", "more than 12 fractional digits"),
            ("2021-06-01T10:00:00.Z", "expected a digit after \".\""),
            ("2021-06-01T10:00:00+25:00", "offset hours must be 00 to 23"),
            ("2021-06-01T10:00:00+24:00", "offset hours must be 00 to 23"),
            ("2021-06-01T10:00:00+05:60", "offset minutes must be 00 to 59"),
            ("2021-06-01T10:00:00+0530", "the offset hours must have 2 digits"),
            ("2021-06-01T10:00:00+05", "expected \":\" in the offset"),
            ("2021-06-01T10:00:00+5:30", "the offset hours must have 2 digits"),
            ("+2021-06-01T10:00:00Z", "expected a year of 4 digits"),
            ("02021-06-01T10:00:00Z", "a year of more than 4 digits must not start with 0"),
            ("10000-01-01T00:00:00Z", "year must be -9999 to 9999"),
            ("-10000-01-01T00:00:00Z", "year must be -9999 to 9999"),
            ("999-01-01T00:00:00Z", "the year must have at least 4 digits"),
            ("2021-6-01T10:00:00Z", "the month must have 2 digits"),
            ("2021-06-1T10:00:00Z", "the day must have 2 digits"),
            ("2021-06-01T1:00:00Z", "the hour must have 2 digits"),
            ("2021-06-01T10:00.5Z", "expected \"Z\" or an offset like \"+01:00\" after the time"),
            ("2021-06-01T10Z", "expected \":\" after the hour"),
            ("2021-06-01T10:00:00Zjunk", "unexpected text after the value"),
            ("2021-06-01T10:00:00Z ", "unexpected text after the value"),
            (" 2021-06-01T10:00:00Z", "expected a year of 4 digits"),
            ("", "the text is empty"),
            ("２０２１-06-01T10:00:00Z", "expected a year of 4 digits"),
            ("2021-06-01T10:00:00.５Z", "expected a digit after \".\""),
            ("2021-06-01T10:00:00Ｚ", "expected \"Z\" or an offset like \"+01:00\" after the time"),
        ];
        for (input, reason) in cases {
            assert_eq!(dto_reason(input), *reason, "{input}");
        }
    }

    #[test]
    fn date_time_offset_error_names_type_and_input() {
        let err = DateTimeOffset::parse("2021-06-01T10:00:60Z").unwrap_err();
        assert_eq!(
            err.to_string(),
            "invalid Edm.DateTimeOffset \"2021-06-01T10:00:60Z\": leap seconds are not supported"
        );
    }

    #[test]
    fn date_time_offset_equality_ignores_formatting_but_not_offset() {
        assert_eq!(dto("2021-06-01T10:00Z"), dto("2021-06-01T10:00:00.000Z"));
        assert_eq!(dto("2021-06-01T10:00:00Z"), dto("2021-06-01T10:00:00+00:00"));
        // Same instant, different offset: not equal, ordered by offset.
        let utc = dto("2021-06-01T10:00:00Z");
        let plus_one = dto("2021-06-01T11:00:00+01:00");
        assert_eq!(utc.unix_timestamp_nanos(), plus_one.unix_timestamp_nanos());
        assert_ne!(utc, plus_one);
        assert!(utc < plus_one);
        // Earlier instant first, whatever the offsets.
        assert!(dto("2021-06-01T12:00:00+05:00") < dto("2021-06-01T10:00:00Z"));
    }

    #[test]
    fn date_time_offset_hash_agrees_with_equality() {
        let set: HashSet<DateTimeOffset> = [
            "2021-06-01T10:00Z",
            "2021-06-01T10:00:00.000000000000Z",
            "2021-06-01T10:00:00+00:00",
            "2021-06-01T11:00:00+01:00",
        ]
        .into_iter()
        .map(dto)
        .collect();
        assert_eq!(set.len(), 2);
    }

    #[test]
    fn date_time_offset_new_shows_fewest_digits_and_z() {
        let value = DateTimeOffset::new(utc(ymd(2020, 2, 25), 18, 52, 46, 764_000_000));
        assert_eq!(value.to_string(), "2020-02-25T18:52:46.764Z");
        assert_eq!(value.fraction_digits(), 3);
        let value = DateTimeOffset::from(utc(ymd(2020, 2, 25), 18, 52, 0, 0));
        assert_eq!(value.to_string(), "2020-02-25T18:52:00Z");
        let value = DateTimeOffset::new(utc(ymd(2020, 2, 25), 18, 52, 0, 1));
        assert_eq!(value.to_string(), "2020-02-25T18:52:00.000000001Z");
        let back: OffsetDateTime = value.into();
        assert_eq!(back, value.to_offset_date_time());
    }

    #[test]
    fn date_time_offset_new_moves_unwritable_offsets_to_utc() {
        let odt = utc(ymd(2021, 6, 1), 10, 0, 0, 0);
        for (h, m, s) in [(5, 30, 15), (25, 0, 0), (-24, -59, -59)] {
            let odd = odt.to_offset(UtcOffset::from_hms(h, m, s).unwrap());
            let value = DateTimeOffset::new(odd);
            assert_eq!(value.offset(), UtcOffset::UTC);
            assert_eq!(value.unix_timestamp_nanos(), odt.unix_timestamp_nanos());
            assert_eq!(value.to_string(), "2021-06-01T10:00:00Z");
        }
    }

    #[test]
    fn date_time_offset_new_near_range_end_rounds_the_offset() {
        let local = OffsetDateTime::new_in_offset(
            ymd(9999, 12, 31),
            time::Time::from_hms(23, 0, 0).unwrap(),
            UtcOffset::from_hms(-5, -0, -30).unwrap(),
        );
        let value = DateTimeOffset::new(local);
        assert_eq!(value.unix_timestamp_nanos(), local.unix_timestamp_nanos());
        assert_eq!(value.offset(), UtcOffset::from_hms(-5, -1, 0).unwrap());
        assert_eq!(dto(&value.to_string()), value);
    }

    #[test]
    fn date_time_offset_with_fraction_digits_changes_only_display() {
        let value = dto("2020-02-25T18:52:46.764Z");
        assert_eq!(value.with_fraction_digits(7).to_string(), "2020-02-25T18:52:46.7640000Z");
        assert_eq!(value.with_fraction_digits(0).to_string(), "2020-02-25T18:52:46.764Z");
        assert_eq!(value.with_fraction_digits(200).fraction_digits(), 9);
        assert_eq!(value.with_fraction_digits(7), value);
        let no_seconds = dto("2021-06-01T10:00Z");
        assert_eq!(no_seconds.with_fraction_digits(0).to_string(), "2021-06-01T10:00Z");
        assert_eq!(no_seconds.with_fraction_digits(3).to_string(), "2021-06-01T10:00:00.000Z");
    }

    #[test]
    fn date_time_offset_supports_from_str_and_padding() {
        let value: DateTimeOffset = "2021-06-01T10:00Z".parse().unwrap();
        assert_eq!(format!("[{value:>18}]"), "[ 2021-06-01T10:00Z]");
    }

    #[test]
    fn date_round_trips_and_validates() {
        for s in ["2021-06-01", "0001-01-01", "9999-12-31", "-9999-01-01", "-0044-03-15", "2020-02-29"] {
            let date = Date::parse(s).unwrap();
            assert_eq!(date.to_string(), s);
            let mut buf = [0; Date::MAX_LEN];
            assert_eq!(date.format_into(&mut buf), s);
        }
        assert_eq!(Date::parse("2021-06-01").unwrap().to_date(), ymd(2021, 6, 1));
        let reason = |s: &str| Date::parse(s).unwrap_err().reason();
        assert_eq!(reason("2021-02-29"), "the day does not exist in that month");
        assert_eq!(reason("2021-06-01T00:00Z"), "unexpected text after the value");
        assert_eq!(reason("20210601"), "year must be -9999 to 9999");
        assert_eq!(reason("2021-06"), "expected \"-\" after the month");
        assert_eq!(reason(""), "the text is empty");
        assert_eq!(Date::parse("x").unwrap_err().edm_type(), "Edm.Date");
    }

    #[test]
    fn date_converts_to_and_from_time() {
        let date = Date::new(ymd(2021, 6, 1));
        assert_eq!(Date::from(ymd(2021, 6, 1)), date);
        assert_eq!(time::Date::from(date), ymd(2021, 6, 1));
        assert!(Date::parse("-0001-12-31").unwrap() < Date::parse("0000-01-01").unwrap());
        assert_eq!("2021-06-01".parse::<Date>().unwrap(), date);
    }

    #[test]
    fn time_of_day_round_trips_byte_exact() {
        for s in
            ["10:00", "10:00:00", "23:59:59.9999999", "00:00:00.000", "00:00:00.000000000000", "12:34:56.123456789"]
        {
            let value = TimeOfDay::parse(s).unwrap();
            assert_eq!(value.to_string(), s);
            let mut buf = [0; TimeOfDay::MAX_LEN];
            assert_eq!(value.format_into(&mut buf), s);
        }
    }

    #[test]
    fn time_of_day_equality_ignores_formatting() {
        let ten = TimeOfDay::parse("10:00").unwrap();
        assert_eq!(ten, TimeOfDay::parse("10:00:00.000").unwrap());
        let set: HashSet<TimeOfDay> =
            ["10:00", "10:00:00", "10:00:00.0"].into_iter().map(|s| TimeOfDay::parse(s).unwrap()).collect();
        assert_eq!(set.len(), 1);
        assert!(ten < TimeOfDay::parse("10:00:00.000000001").unwrap());
        assert_eq!(ten.to_time(), time::Time::from_hms(10, 0, 0).unwrap());
    }

    #[test]
    fn time_of_day_rejects_invalid_literals() {
        let reason = |s: &str| TimeOfDay::parse(s).unwrap_err().reason();
        assert_eq!(reason("24:00"), "hour must be 00 to 23");
        assert_eq!(reason("23:59:60"), "leap seconds are not supported");
        assert_eq!(reason("10"), "expected \":\" after the hour");
        assert_eq!(reason("10:00:00Z"), "unexpected text after the value");
        assert_eq!(reason("10:00:00.1234567890123"), "more than 12 fractional digits");
        assert_eq!(reason("10:00:00.0000000001"), "precision finer than 1 ns is not supported");
        assert_eq!(reason(""), "the text is empty");
        assert_eq!(TimeOfDay::parse("x").unwrap_err().edm_type(), "Edm.TimeOfDay");
    }

    #[test]
    fn time_of_day_new_and_with_fraction_digits() {
        let time = time::Time::from_hms_nano(8, 5, 0, 500_000_000).unwrap();
        let value = TimeOfDay::new(time);
        assert_eq!(value.to_string(), "08:05:00.5");
        assert_eq!(value.fraction_digits(), 1);
        assert_eq!(value.with_fraction_digits(3).to_string(), "08:05:00.500");
        assert_eq!(TimeOfDay::from(time), value);
        assert_eq!(time::Time::from(value), time);
        let no_seconds = TimeOfDay::parse("10:00").unwrap();
        assert_eq!(no_seconds.with_fraction_digits(2).to_string(), "10:00:00.00");
    }

    /// A small deterministic generator, so the hostile-input test needs no extra crate.
    struct XorShift(u64);

    impl XorShift {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }

        fn below(&mut self, n: usize) -> usize {
            (self.next() % n as u64) as usize
        }
    }

    /// Mutated and truncated literals never panic, and whatever parses writes text that parses
    /// back to the same value.
    #[test]
    fn hostile_inputs_never_panic_and_round_trip() {
        let seeds = [
            "2020-02-25T18:52:21.2169889Z",
            "-9999-01-01T00:00:00+23:59",
            "9999-12-31T23:59:59.999999999000-23:59",
            "2021-06-01T10:00Z",
            "23:59:59.9999999",
            "2021-06-01",
        ];
        let alphabet = "0123456789-+:.TZtz é\u{0}９";
        let alphabet: Vec<char> = alphabet.chars().collect();
        let mut rng = XorShift(0x2545_f491_4f6c_dd1d);
        for _ in 0..60_000 {
            let seed = seeds[rng.below(seeds.len())];
            let mut chars: Vec<char> = seed.chars().collect();
            for _ in 0..=rng.below(3) {
                let pos = rng.below(chars.len() + 1);
                match rng.below(3) {
                    0 if pos < chars.len() => chars[pos] = alphabet[rng.below(alphabet.len())],
                    1 => chars.insert(pos, alphabet[rng.below(alphabet.len())]),
                    _ => chars.truncate(pos),
                }
            }
            let input: String = chars.into_iter().collect();
            if let Ok(value) = DateTimeOffset::parse(&input) {
                assert_eq!(DateTimeOffset::parse(&value.to_string()), Ok(value), "{input}");
            }
            if let Ok(value) = Date::parse(&input) {
                assert_eq!(Date::parse(&value.to_string()), Ok(value), "{input}");
            }
            if let Ok(value) = TimeOfDay::parse(&input) {
                assert_eq!(TimeOfDay::parse(&value.to_string()), Ok(value), "{input}");
            }
        }
        let long = "9".repeat(100_000);
        assert!(DateTimeOffset::parse(&long).is_err());
        assert!(DateTimeOffset::parse(&format!("2021-06-01T10:00:00.{long}Z")).is_err());
    }

    #[test]
    fn extreme_values_fit_the_buffer() {
        let value = dto("-9999-12-31T23:59:59.999999999000-23:59");
        assert_eq!(value.to_string().len(), DateTimeOffset::MAX_LEN);
        let value = TimeOfDay::parse("23:59:59.999999999000").unwrap();
        assert_eq!(value.to_string().len(), TimeOfDay::MAX_LEN);
        assert_eq!(Date::parse("-9999-12-31").unwrap().to_string().len(), Date::MAX_LEN);
    }
}
