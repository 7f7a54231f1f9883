//! JSON strings, escaped as serde_json escapes them: `\"`, `\\`, `\b`, `\f`, `\n`, `\r`, `\t`,
//! `\u00XX` for the other bytes below 0x20; everything else (non-ASCII, `/`, DEL) as it is.
//!
//! Why not serde_json's own: its escaper looks up every byte in a table, one at a time, and
//! writes the quotes, each clean run and each escape as separate writes. Strings are most of what
//! an OData payload is (keys, ids, annotations, dates), so here the common case is one capacity
//! check per string, tested and copied sixteen bytes at a time.

/// What follows the `\` of each byte's escape: 0 for bytes written as they are, `u` for `\u00XX`.
static ESCAPE: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut byte = 0;
    while byte < 0x20 {
        table[byte] = b'u';
        byte += 1;
    }
    table[0x08] = b'b';
    table[0x09] = b't';
    table[0x0a] = b'n';
    table[0x0c] = b'f';
    table[0x0d] = b'r';
    table[b'"' as usize] = b'"';
    table[b'\\' as usize] = b'\\';
    table
};

const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
const HIGHS: u64 = u64::from_ne_bytes([0x80; 8]);

/// Nonzero if any of the eight bytes of `word` may need an escape (a byte below 0x20, `"` or
/// `\`); zero only if none does. The classic bit tricks: `(x - 0x01..) & !x & 0x80..` is nonzero
/// exactly when some byte of `x` is zero, and `(x - 0x20..) & !x & 0x80..` when some byte is
/// below 0x20 (bytes from 0x80 up, UTF-8's multi-byte sequences, never match: `!x` clears their
/// high bit). A borrow can flag a byte above a real match, never without one, so a nonzero
/// result sends the word to the exact byte-by-byte table and a zero one lets it be copied.
#[inline(always)]
const fn may_need_escape(word: u64) -> u64 {
    let control = word.wrapping_sub(ONES * 0x20) & !word;
    let quote = word ^ (ONES * b'"' as u64);
    let backslash = word ^ (ONES * b'\\' as u64);
    let quote = quote.wrapping_sub(ONES) & !quote;
    let backslash = backslash.wrapping_sub(ONES) & !backslash;
    (control | quote | backslash) & HIGHS
}

/// Room for the up to seven bytes past its end that [`write_escaped`] writes and then takes back.
const SLACK: usize = 8;

/// Appends `text` between quotes, escaped. One capacity check covers the quotes and the text;
/// escapes, if any, grow the buffer as they come.
#[inline]
pub(crate) fn write_quoted(out: &mut Vec<u8>, text: &str) {
    out.reserve(text.len() + 2 + SLACK);
    out.push(b'"');
    write_escaped(out, text.as_bytes());
    out.push(b'"');
}

/// Appends an object member's name as it goes between the previous member and the value: a `,`
/// unless it is the first, the quoted name, and the `:`, under one capacity check.
#[inline]
pub(crate) fn write_key(out: &mut Vec<u8>, comma: bool, key: &str) {
    out.reserve(key.len() + 4 + SLACK);
    if comma {
        out.push(b',');
    }
    out.push(b'"');
    write_escaped(out, key.as_bytes());
    out.extend_from_slice(b"\":");
}

const SPACES: u64 = u64::from_ne_bytes([b' '; 8]);

/// Appends `bytes` (UTF-8 text) escaped, without quotes.
///
/// Clean text, the usual case, is copied sixteen or eight bytes at a time as it is tested: a copy
/// of a constant size is one store, where a copy of the whole run (a `memcpy` call) costs more
/// than the short strings of a payload (member names, ids, dates) are long. The last partial word
/// is written whole and the bytes past the text taken back (`truncate`), so no write has a
/// variable length; callers reserve [`SLACK`] bytes beyond the text for it (without, the buffer
/// may grow once more; the output is the same).
#[inline]
pub(crate) fn write_escaped(out: &mut Vec<u8>, bytes: &[u8]) {
    let len = bytes.len();
    if len < 8 {
        if len == 0 {
            return;
        }
        let word = short_word(bytes);
        if may_need_escape(word) != 0 {
            return escape_from(out, bytes, 0);
        }
        out.extend_from_slice(&word.to_le_bytes());
        out.truncate(out.len() - (8 - len));
        return;
    }
    // Sixteen bytes per step: one capacity check and one store for two words.
    let (pairs, rest) = bytes.as_chunks::<16>();
    for (index, pair) in pairs.iter().enumerate() {
        let (first, second) = pair.split_at(8);
        if may_need_escape(word_of(first)) | may_need_escape(word_of(second)) != 0 {
            return escape_from(out, bytes, index * 16);
        }
        out.extend_from_slice(pair);
    }
    let mut done = len - rest.len();
    if let Some(word) = rest.first_chunk::<8>() {
        if may_need_escape(u64::from_le_bytes(*word)) != 0 {
            return escape_from(out, bytes, done);
        }
        out.extend_from_slice(word);
        done += 8;
    }
    // The last eight bytes, overlapping what is written: tested whole, and written over the
    // overlap.
    if let Some(last) = bytes.last_chunk::<8>()
        && done < len
    {
        if may_need_escape(u64::from_le_bytes(*last)) != 0 {
            return escape_from(out, bytes, done);
        }
        out.truncate(out.len() - (8 - (len - done)));
        out.extend_from_slice(last);
    }
}

/// Eight bytes as a word (`bytes` is eight long; a shorter slice would read as zeros, which the
/// test flags, so it could not let a byte through).
#[inline(always)]
fn word_of(bytes: &[u8]) -> u64 {
    bytes.first_chunk::<8>().map_or(0, |word| u64::from_le_bytes(*word))
}

/// The one to seven bytes of `bytes` as a word, in order, padded with spaces (which need no
/// escape): from two overlapping loads, without a loop or a variable-length copy.
#[inline(always)]
fn short_word(bytes: &[u8]) -> u64 {
    let len = bytes.len();
    let word = if let (Some(first), Some(last)) = (bytes.first_chunk::<4>(), bytes.last_chunk::<4>()) {
        // The overlapping bytes are the same in both, so OR keeps them.
        u64::from(u32::from_le_bytes(*first)) | u64::from(u32::from_le_bytes(*last)) << (8 * (len - 4))
    } else if let (Some(first), Some(last)) = (bytes.first_chunk::<2>(), bytes.last_chunk::<2>()) {
        u64::from(u16::from_le_bytes(*first)) | u64::from(u16::from_le_bytes(*last)) << (8 * (len - 2))
    } else {
        bytes.first().map_or(0, |&byte| u64::from(byte))
    };
    word | SPACES << (8 * len)
}

/// The slow path, from the first word that may hold a byte to escape (`bytes[..start]` is written
/// already): byte by byte against the table, copying the runs between escapes.
#[cold]
#[inline(never)]
fn escape_from(out: &mut Vec<u8>, bytes: &[u8], start: usize) {
    let mut run = start;
    for (i, &byte) in bytes.iter().enumerate().skip(start) {
        let escape = ESCAPE[byte as usize];
        if escape == 0 {
            continue;
        }
        out.extend_from_slice(&bytes[run..i]);
        write_escape(out, byte, escape);
        run = i + 1;
    }
    out.extend_from_slice(&bytes[run..]);
}

fn write_escape(out: &mut Vec<u8>, byte: u8, escape: u8) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    if escape == b'u' {
        out.extend_from_slice(&[b'\\', b'u', b'0', b'0', HEX[(byte >> 4) as usize], HEX[(byte & 0xf) as usize]]);
    } else {
        out.extend_from_slice(&[b'\\', escape]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quoted(text: &str) -> String {
        let mut out = Vec::new();
        write_quoted(&mut out, text);
        String::from_utf8(out).expect("UTF-8 in, UTF-8 out")
    }

    #[test]
    fn the_word_test_finds_every_byte_that_needs_an_escape_and_no_other_clean_word() {
        for byte in 0..=255u8 {
            let needs = ESCAPE[byte as usize] != 0;
            for position in 0..8 {
                let mut word = [b'a'; 8];
                word[position] = byte;
                let flagged = may_need_escape(u64::from_le_bytes(word)) != 0;
                assert_eq!(flagged, needs, "byte {byte:#04x} at {position}");
            }
        }
    }

    #[test]
    fn escapes_as_serde_json_does_at_every_position() {
        for byte in 0..0x80u8 {
            for len in 0..20 {
                for at in 0..len {
                    let mut text = vec![b'x'; len];
                    text[at] = byte;
                    let text = String::from_utf8(text).expect("ASCII");
                    assert_eq!(quoted(&text), serde_json::to_string(&text).expect("a string"), "{text:?}");
                }
            }
        }
        let text = "é\u{1}😀\"\\\n/\u{7f}\u{1f}";
        assert_eq!(quoted(text), serde_json::to_string(text).expect("a string"));
    }
}
