//! `Edm.Binary`: bytes written in base64url (RFC 4648 section 5).

use std::fmt;
use std::hash::{Hash, Hasher};
use std::ops::Deref;
use std::str::FromStr;

use base64::DecodeError;
use base64::Engine as _;
use base64::display::Base64Display;
use base64::engine::GeneralPurpose;
use base64::engine::general_purpose::{STANDARD, STANDARD_NO_PAD, URL_SAFE, URL_SAFE_NO_PAD};

use super::error::EdmParseError;

const BINARY: &str = "Edm.Binary";

/// An `Edm.Binary`: a byte string, written in base64url.
///
/// OData writes base64url (`-` and `_`) with optional `=` padding, but some services send standard
/// base64 (`+` and `/`) instead, so both alphabets are read; one value may not mix them. The
/// alphabet and padding are remembered, so `to_string` gives back the text that was read. New
/// values ([`Binary::new`], `From<Vec<u8>>`) are written in base64url with padding.
///
/// Equality, hashing and ordering look at the bytes only.
#[derive(Debug, Clone, Default)]
pub struct Binary {
    bytes: Vec<u8>,
    /// The text used `+` and `/` (standard base64) rather than `-` and `_`.
    standard_alphabet: bool,
    /// The text was padded with `=` (or needed no padding).
    padded: bool,
}

impl Binary {
    /// Wraps `bytes`, to be written in base64url with padding.
    pub fn new(bytes: Vec<u8>) -> Self {
        Binary { bytes, standard_alphabet: false, padded: true }
    }

    /// Parses an OData `binaryValue`: base64url or standard base64, padded or not, no whitespace.
    pub fn parse(s: &str) -> Result<Self, EdmParseError> {
        let text = s.as_bytes();
        let (mut url_safe, mut standard) = (false, false);
        for byte in text {
            match byte {
                b'-' | b'_' => url_safe = true,
                b'+' | b'/' => standard = true,
                _ => {}
            }
        }
        if url_safe && standard {
            return Err(EdmParseError::new(
                BINARY,
                s,
                "mixes the base64url (\"-\", \"_\") and standard (\"+\", \"/\") alphabets",
            ));
        }
        // Padding is all or nothing: a text with `=` is decoded by an engine that wants exactly the
        // padding needed, one without by an engine that wants none, so that what was read is what
        // will be written.
        let padded = text.last() == Some(&b'=');
        let bytes = engine(standard, padded)
            .decode(text)
            .map_err(|error| EdmParseError::new(BINARY, s, decode_error_reason(&error)))?;
        Ok(Binary { bytes, standard_alphabet: standard, padded: padded || text.len().is_multiple_of(4) })
    }

    /// The bytes.
    pub fn as_bytes(&self) -> &[u8] {
        &self.bytes
    }

    /// The bytes, without copying.
    pub fn into_vec(self) -> Vec<u8> {
        self.bytes
    }
}

/// The engine for an alphabet and padding; none of them accepts nonzero trailing bits.
fn engine(standard_alphabet: bool, padded: bool) -> &'static GeneralPurpose {
    match (standard_alphabet, padded) {
        (false, true) => &URL_SAFE,
        (false, false) => &URL_SAFE_NO_PAD,
        (true, true) => &STANDARD,
        (true, false) => &STANDARD_NO_PAD,
    }
}

fn decode_error_reason(error: &DecodeError) -> &'static str {
    match error {
        DecodeError::InvalidByte(_, b'=') => "misplaced padding \"=\"",
        DecodeError::InvalidByte(_, byte) if byte.is_ascii_whitespace() => "whitespace is not allowed",
        DecodeError::InvalidByte(..) => "invalid character",
        DecodeError::InvalidLength(_) => "invalid length",
        DecodeError::InvalidLastSymbol { .. } => "the last character has unused bits set",
        DecodeError::InvalidPadding => "invalid padding",
    }
}

impl FromStr for Binary {
    type Err = EdmParseError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

/// Writes the base64 text, in the alphabet and padding that were read (without allocating).
impl fmt::Display for Binary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let engine = engine(self.standard_alphabet, self.padded);
        fmt::Display::fmt(&Base64Display::new(&self.bytes, engine), f)
    }
}

impl PartialEq for Binary {
    fn eq(&self, other: &Self) -> bool {
        self.bytes == other.bytes
    }
}

impl Eq for Binary {}

impl Hash for Binary {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.bytes.hash(state);
    }
}

impl PartialOrd for Binary {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Binary {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.bytes.cmp(&other.bytes)
    }
}

impl From<Vec<u8>> for Binary {
    fn from(bytes: Vec<u8>) -> Self {
        Binary::new(bytes)
    }
}

impl From<&[u8]> for Binary {
    fn from(bytes: &[u8]) -> Self {
        Binary::new(bytes.to_vec())
    }
}

impl From<Binary> for Vec<u8> {
    fn from(binary: Binary) -> Self {
        binary.bytes
    }
}

impl AsRef<[u8]> for Binary {
    fn as_ref(&self) -> &[u8] {
        &self.bytes
    }
}

impl Deref for Binary {
    type Target = [u8];

    fn deref(&self) -> &[u8] {
        &self.bytes
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // Tests may unwrap: a panic is a failed test.
mod tests {
    use super::*;
    use std::collections::HashSet;

    fn binary(s: &str) -> Binary {
        Binary::parse(s).unwrap_or_else(|e| panic!("{s}: {e}"))
    }

    fn reason(s: &str) -> &'static str {
        match Binary::parse(s) {
            Ok(v) => panic!("{s} parsed as {v:?}"),
            Err(e) => {
                assert_eq!(e.edm_type(), "Edm.Binary");
                e.reason()
            }
        }
    }

    #[test]
    fn valid_texts_round_trip_byte_exact() {
        for s in [
            "",
            "AA==",
            "AA",
            "AAE=",
            "AAE",
            "AAEC",
            "-_8=",
            "-_8",
            "+/8=",
            "+/8",
            "SGVsbG8gV29ybGQ=",
            "SGVsbG8gV29ybGQ",
            "T0RhdGE",
            "T0RhdGE=",
            "____",
            "////",
            "----",
            "++++",
        ] {
            let value = binary(s);
            assert_eq!(value.to_string(), s);
        }
    }

    #[test]
    fn both_alphabets_decode_to_the_same_bytes() {
        assert_eq!(binary("-_8=").as_bytes(), &[0xfb, 0xff]);
        assert_eq!(binary("+/8").as_bytes(), &[0xfb, 0xff]);
        assert_eq!(binary("-_8"), binary("+/8="));
        assert_eq!(binary("SGVsbG8gV29ybGQ").as_bytes(), b"Hello World");
        assert!(binary("").is_empty());
    }

    #[test]
    fn new_values_are_written_in_padded_base64url() {
        assert_eq!(Binary::new(vec![0xfb, 0xff]).to_string(), "-_8=");
        assert_eq!(Binary::from(vec![0xfb, 0xff, 0xfe]).to_string(), "-__-");
        assert_eq!(Binary::from(&b"a"[..]).to_string(), "YQ==");
        assert_eq!(Binary::default().to_string(), "");
    }

    #[test]
    fn invalid_texts_are_rejected_with_a_reason() {
        let cases: &[(&str, &str)] = &[
            ("-_+/", "mixes the base64url (\"-\", \"_\") and standard (\"+\", \"/\") alphabets"),
            ("AA-/", "mixes the base64url (\"-\", \"_\") and standard (\"+\", \"/\") alphabets"),
            ("AA!A", "invalid character"),
            ("AAé", "invalid character"),
            ("AA A", "whitespace is not allowed"),
            ("AAAA\n", "whitespace is not allowed"),
            ("A", "invalid length"),
            ("AAAAA", "invalid length"),
            ("AB", "the last character has unused bits set"),
            ("AB==", "the last character has unused bits set"),
            ("AAB", "the last character has unused bits set"),
            ("AA=", "invalid padding"),
            ("AA=A", "misplaced padding \"=\""),
            ("=", "misplaced padding \"=\""),
            ("AAAA=", "misplaced padding \"=\""),
            ("AA===", "misplaced padding \"=\""),
        ];
        for (input, expected) in cases {
            assert_eq!(reason(input), *expected, "{input}");
        }
    }

    #[test]
    fn equality_and_hash_look_at_bytes_only() {
        let set: HashSet<Binary> = ["-_8=", "-_8", "+/8=", "+/8"].into_iter().map(binary).collect();
        assert_eq!(set.len(), 1);
        assert!(binary("AA==") < binary("AQ=="));
    }

    #[test]
    fn gives_access_to_the_bytes() {
        let value: Binary = "AAEC".parse().unwrap();
        assert_eq!(value.as_ref(), &[0, 1, 2]);
        assert_eq!(&value[1..], &[1, 2]);
        assert_eq!(value.len(), 3);
        assert_eq!(Vec::from(value.clone()), vec![0, 1, 2]);
        assert_eq!(value.into_vec(), vec![0, 1, 2]);
    }

    /// Mutated texts never panic, and whatever parses writes back the very same text.
    #[test]
    fn hostile_inputs_never_panic_and_round_trip() {
        let alphabet: Vec<char> = "AQgw_-+/= é\u{0}".chars().collect();
        let mut state: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = move |n: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % n as u64) as usize
        };
        for _ in 0..30_000 {
            let seed = ["SGVsbG8gV29ybGQ=", "-_8", "+/8=", "AAEC"][next(4)];
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
            if let Ok(value) = Binary::parse(&input) {
                assert_eq!(value.to_string(), input);
            }
        }
    }
}
