//! The kept members of one value (instance annotations and unknown properties): names and JSON
//! texts in one string buffer, appended as read.
//!
//! A record is `len(name) name len(text) text`. A length is written in base 64, lowest digit
//! first, a byte per digit: six bits of the length and `0x40` when another digit follows. Every
//! byte of a length is ASCII, so the buffer is always a valid `str` and a name or a text is a
//! plain slice of it (no UTF-8 check when it is read back, and no `unsafe`, which the workspace
//! denies). A text is never empty (JSON text is not), and names and texts of any length fit.
//!
//! Why one buffer: keeping a member as `(name, Box<RawValue>)` cost an allocation per member and
//! one for the list. Here the usual case, one small member (an identity's `"tenantId":
//! "<guid>"`, 48 bytes as a record), lives in place in the value's owned part, and an open type's
//! handful of dynamic properties (a feedback token set's eight) share one allocation.

use std::fmt;

use arrayvec::ArrayString;

/// Bytes of records held in place: an identity's `tenantId` with its GUID is exactly this (two
/// length bytes, 8 of name, 38 of text), and the enum stays seven words.
const INLINE: usize = 48;

/// A length digit's payload bits, and the flag that another digit follows.
const DIGIT: u8 = 0x3f;
const MORE: u8 = 0x40;

/// The records, in place while they fit, on the heap past that.
#[derive(Clone)]
pub(crate) enum Members {
    Inline(ArrayString<INLINE>),
    Heap(String),
}

impl Default for Members {
    fn default() -> Self {
        Members::new()
    }
}

impl Members {
    /// No records (a constant, for the shared `Inner`s).
    pub(crate) const fn new() -> Self {
        Members::Inline(ArrayString::new_const())
    }

    /// The records as they are stored.
    #[inline]
    fn buffer(&self) -> &str {
        match self {
            Members::Inline(text) => text.as_str(),
            Members::Heap(text) => text.as_str(),
        }
    }

    #[inline]
    pub(crate) fn is_empty(&self) -> bool {
        self.buffer().is_empty()
    }

    /// The members, in the order stored: `(name, JSON text)`.
    #[inline]
    pub(crate) fn iter(&self) -> Records<'_> {
        let buffer = self.buffer();
        Records { buffer, at: 0, end: buffer.len() }
    }

    /// The instance annotations (`@...`): stored before the properties, so that the encoder,
    /// which writes them first, reads no further than the first property.
    #[inline]
    pub(crate) fn annotations(&self) -> Records<'_> {
        Records { buffer: self.buffer(), at: 0, end: self.properties_start() }
    }

    /// The unknown properties and property annotations (`prop@ns.term`), after the annotations.
    #[inline]
    pub(crate) fn properties(&self) -> Records<'_> {
        let buffer = self.buffer();
        Records { buffer, at: self.properties_start(), end: buffer.len() }
    }

    /// Where the properties' records start: past the annotations, told by their names' first
    /// byte (the usual value keeps no annotation, and the first record tells).
    #[inline]
    fn properties_start(&self) -> usize {
        let bytes = self.buffer().as_bytes();
        let mut at = 0;
        while let Some(record) = Span::at(bytes, at)
            && record.name_start < record.name_end
            && bytes.get(record.name_start) == Some(&b'@')
        {
            at = record.end;
        }
        at
    }

    /// How many members are kept.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.iter().count()
    }

    /// The text of the member with this name.
    #[inline]
    pub(crate) fn get(&self, name: &str) -> Option<&str> {
        let record = self.find(name)?;
        self.buffer().get(record.text_start..record.end)
    }

    /// Whether a member has this name: the decoder's duplicate check, for every unknown member
    /// past the first.
    #[inline]
    pub(crate) fn contains(&self, name: &str) -> bool {
        self.find(name).is_some()
    }

    /// The record of the member with this name: names compared as bytes, by length first.
    #[inline]
    fn find(&self, name: &str) -> Option<Span> {
        let bytes = self.buffer().as_bytes();
        let mut at = 0;
        loop {
            let record = Span::at(bytes, at)?;
            if record.name_end - record.name_start == name.len()
                && bytes.get(record.name_start..record.name_end) == Some(name.as_bytes())
            {
                return Some(record);
            }
            at = record.end;
        }
    }

    /// Appends a member (the caller knows the name is new): `text` as it is.
    #[inline]
    pub(crate) fn push(&mut self, name: &str, text: &str) {
        self.append(name, text.len(), |out| out.push(text));
    }

    /// Appends a member read from the wire (the caller knows the name is new): `text` without
    /// the whitespace between tokens (see [`compact_runs`]).
    #[inline]
    pub(crate) fn push_compacted(&mut self, name: &str, text: &str) {
        if needs_compacting(text) {
            let mut len = 0;
            compact_runs(text, |run| len += run.len());
            self.append(name, len, |out| compact_runs(text, |run| out.push(run)));
        } else {
            self.push(name, text);
        }
    }

    /// Appends the record of `name` and a text of `text_len` bytes that `write` writes; an
    /// annotation goes before the first property (the order of the annotations among themselves
    /// and of the properties among themselves is the order read; how the two interleaved is not
    /// part of the value, and encoding writes the annotations first).
    #[inline]
    fn append(&mut self, name: &str, text_len: usize, write: impl FnOnce(&mut Out<'_>)) {
        if is_annotation(name)
            && let Some(at) = self.first_property()
        {
            let mut record = String::new();
            let mut out = Out::Heap(&mut record);
            out.push_len(name.len());
            out.push(name);
            out.push_len(text_len);
            write(&mut out);
            return self.replace_range(at..at, &record);
        }
        let record = len_width(name.len()) + name.len() + len_width(text_len) + text_len;
        if let Members::Inline(inline) = self
            && inline.remaining_capacity() < record
        {
            *self = Members::Heap(spill(inline, record));
        }
        let mut out = match self {
            Members::Inline(inline) => Out::Inline(inline),
            Members::Heap(heap) => Out::Heap(heap),
        };
        out.push_len(name.len());
        out.push(name);
        out.push_len(text_len);
        write(&mut out);
    }

    /// Sets the member with this name to `text`: in its place when it is kept, at the end
    /// otherwise.
    pub(crate) fn upsert(&mut self, name: &str, text: &str) {
        match self.span_of(name) {
            Some(span) => {
                let mut record = String::with_capacity(span.end - span.start + text.len());
                let mut out = Out::Heap(&mut record);
                out.push_len(name.len());
                out.push(name);
                out.push_len(text.len());
                out.push(text);
                self.replace_range(span, &record);
            }
            None => self.push(name, text),
        }
    }

    /// Removes the member with this name; false when there is none.
    pub(crate) fn remove(&mut self, name: &str) -> bool {
        let Some(span) = self.span_of(name) else { return false };
        self.replace_range(span, "");
        true
    }

    /// Where the first property's record starts, if there is one.
    #[cold]
    fn first_property(&self) -> Option<usize> {
        let at = self.properties_start();
        (at < self.buffer().len()).then_some(at)
    }

    /// Where the record of the member with this name lies in the buffer.
    fn span_of(&self, name: &str) -> Option<std::ops::Range<usize>> {
        let record = self.find(name)?;
        Some(record.start..record.end)
    }

    /// Replaces whole records with `with` (whole records too). Not a decode path.
    fn replace_range(&mut self, span: std::ops::Range<usize>, with: &str) {
        match self {
            Members::Heap(heap) => heap.replace_range(span, with),
            Members::Inline(inline) => {
                let old = *inline;
                let (before, after) = (&old[..span.start], &old[span.end..]);
                let mut new = ArrayString::new();
                if new.try_push_str(before).is_ok() && new.try_push_str(with).is_ok() && new.try_push_str(after).is_ok()
                {
                    *inline = new;
                } else {
                    *self = Members::Heap([before, with, after].concat());
                }
            }
        }
    }
}

/// The records in place moved to the heap, with room for `record` more bytes and, guessing from
/// the records so far, for eight members in all: an open type's dynamic properties come in
/// numbers (a feedback token set has eight), and growing by doubling would reallocate on the way.
#[cold]
fn spill(inline: &ArrayString<INLINE>, record: usize) -> String {
    let held = inline.len() + record;
    let count = Records { buffer: inline.as_str(), at: 0, end: inline.len() }.count() + 1;
    let mut heap = String::with_capacity(held.max(held / count * 8));
    heap.push_str(inline);
    heap
}

/// Where records are being written.
enum Out<'a> {
    Inline(&'a mut ArrayString<INLINE>),
    Heap(&'a mut String),
}

impl Out<'_> {
    /// Appends text; the caller made room for the whole record first.
    #[inline]
    fn push(&mut self, text: &str) {
        match self {
            // Room was checked for the whole record; should it be short, the text is cut rather
            // than the program stopped (the record is then unreadable, never wrong: `Records`
            // stops at the first record that does not fit the buffer).
            Out::Inline(inline) => {
                let _ = inline.try_push_str(text);
            }
            Out::Heap(heap) => heap.push_str(text),
        }
    }

    #[inline]
    fn push_byte(&mut self, byte: u8) {
        let byte = char::from(byte);
        match self {
            Out::Inline(inline) => {
                let _ = inline.try_push(byte);
            }
            Out::Heap(heap) => heap.push(byte),
        }
    }

    #[inline]
    fn push_len(&mut self, mut len: usize) {
        while len > usize::from(DIGIT) {
            self.push_byte((len as u8 & DIGIT) | MORE);
            len >>= 6;
        }
        self.push_byte(len as u8);
    }
}

/// Whether a kept member is an instance annotation (`@odata.etag`, `@ns.term`) rather than a
/// property or a property annotation (`prop@ns.term`).
#[inline]
pub(crate) fn is_annotation(name: &str) -> bool {
    name.starts_with('@')
}

/// Bytes that a length takes.
#[inline]
fn len_width(len: usize) -> usize {
    let bits = usize::BITS - len.leading_zeros();
    (bits as usize).div_ceil(6).max(1)
}

/// Where a record's parts lie in the buffer, by byte offset.
#[derive(Clone, Copy)]
struct Span {
    start: usize,
    name_start: usize,
    name_end: usize,
    text_start: usize,
    end: usize,
}

impl Span {
    /// The record that starts at `at`; `None` at the end (or past a record cut short, see
    /// `Out::push`).
    #[inline(always)]
    fn at(bytes: &[u8], at: usize) -> Option<Span> {
        let (width, len) = len_at(bytes, at)?;
        let name_start = at + width;
        let name_end = name_start.checked_add(len)?;
        let (width, len) = len_at(bytes, name_end)?;
        let text_start = name_end + width;
        let end = text_start.checked_add(len)?;
        (end <= bytes.len()).then_some(Span { start: at, name_start, name_end, text_start, end })
    }
}

/// The length at `at` and the bytes it takes: one digit below 64 (names, and most texts), a loop
/// past that.
#[inline(always)]
fn len_at(bytes: &[u8], at: usize) -> Option<(usize, usize)> {
    let first = *bytes.get(at)?;
    if first & MORE == 0 { Some((1, usize::from(first))) } else { long_len_at(bytes, at) }
}

#[inline(never)]
fn long_len_at(bytes: &[u8], at: usize) -> Option<(usize, usize)> {
    let mut len = 0usize;
    for (digit, &byte) in bytes.get(at..)?.iter().enumerate() {
        len |= usize::from(byte & DIGIT).checked_shl(6 * u32::try_from(digit).ok()?)?;
        if byte & MORE == 0 {
            return Some((digit + 1, len));
        }
    }
    None
}

/// The members in a range of a buffer, in order.
#[derive(Clone)]
pub(crate) struct Records<'a> {
    buffer: &'a str,
    at: usize,
    end: usize,
}

impl<'a> Iterator for Records<'a> {
    type Item = (&'a str, &'a str);

    /// Each part is a slice of the buffer between ASCII length digits, so at character
    /// boundaries; `str::get` checks that again (the cost of not using `unsafe`).
    #[inline(always)]
    fn next(&mut self) -> Option<(&'a str, &'a str)> {
        if self.at >= self.end {
            return None;
        }
        if let Some(record) = Span::at(self.buffer.as_bytes(), self.at)
            && let Some(name) = self.buffer.get(record.name_start..record.name_end)
            && let Some(text) = self.buffer.get(record.text_start..record.end)
        {
            self.at = record.end;
            return Some((name, text));
        }
        self.at = self.end;
        None
    }
}

impl std::iter::FusedIterator for Records<'_> {}

impl fmt::Debug for Members {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

/// Whether kept text has whitespace between tokens to drop: only an object or an array can
/// (serde_json hands over a value without the whitespace around it).
#[inline]
pub(crate) fn needs_compacting(text: &str) -> bool {
    matches!(text.as_bytes().first(), Some(b'{' | b'['))
        && text.bytes().any(|b| matches!(b, b' ' | b'\n' | b'\r' | b'\t'))
}

/// Hands `text` without the whitespace between tokens to `run`, a run at a time, so that a value
/// read from pretty-printed JSON is kept compact and compares equal to the same value read
/// compactly. Strings (and so every space that means something) are handed over as they are;
/// serde_json has validated the text. Hand-written: serde_json can only re-format through its
/// `Value`, which would round numbers. Whitespace is ASCII, so every run is whole characters.
pub(crate) fn compact_runs(text: &str, mut run: impl FnMut(&str)) {
    let (mut in_string, mut escaped) = (false, false);
    let mut start = 0;
    for (at, byte) in text.bytes().enumerate() {
        if in_string {
            match byte {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
        } else if matches!(byte, b' ' | b'\n' | b'\r' | b'\t') {
            if start < at {
                run(&text[start..at]);
            }
            start = at + 1;
        } else {
            in_string = byte == b'"';
        }
    }
    if start < text.len() {
        run(&text[start..]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A JSON string of `len` bytes (at least 2), with non-ASCII characters and escapes when
    /// there is room, so that lengths count bytes, not characters.
    fn string_of(len: usize) -> String {
        let mut text = String::from("\"");
        while text.len() + 1 < len {
            let room = len - 1 - text.len();
            text.push_str(match room {
                1 => "a",
                2 => "\\n",
                3 => "\u{e9}a",
                _ => "\u{1F600}",
            });
        }
        text.push('"');
        assert_eq!(text.len(), len);
        text
    }

    fn records(members: &Members) -> Vec<(String, String)> {
        members.iter().map(|(n, t)| (n.to_owned(), t.to_owned())).collect()
    }

    #[test]
    fn lengths_take_base_64_digits() {
        let widths = [(0, 1), (1, 1), (63, 1), (64, 2), (4095, 2), (4096, 3), (262_143, 3), (262_144, 4)];
        for (len, width) in widths {
            assert_eq!(len_width(len), width, "{len}");
            let mut out = String::new();
            Out::Heap(&mut out).push_len(len);
            assert_eq!(out.len(), width, "{len}");
            assert!(out.is_ascii());
            assert_eq!(len_at(out.as_bytes(), 0), Some((width, len)));
        }
        assert_eq!(len_width(usize::MAX), 11);
    }

    #[test]
    fn names_and_texts_of_every_size_read_back() {
        let sizes = (0..=200).chain([255, 256, 4095, 4096, 4097, 65_535, 65_536, 70_000, 262_144]);
        let mut members = Members::new();
        let mut expected = Vec::new();
        for (i, size) in sizes.enumerate() {
            // Names of every size (empty too: `""` is a valid member name), texts of every size
            // a JSON string can have.
            let name = format!("{i}{}", "n".repeat(size));
            let text = if size < 2 { "1".repeat(size.max(1)) } else { string_of(size) };
            members.push(&name, &text);
            expected.push((name, text));
        }
        members.push("", "true");
        expected.push((String::new(), "true".to_owned()));
        assert_eq!(records(&members), expected);
        assert_eq!(members.len(), expected.len());
        assert_eq!(members.get("70000"), None);
        let (name, text) = &expected[210];
        assert_eq!(members.get(name), Some(text.as_str()));
        assert_eq!(members.get(""), Some("true"));
    }

    #[test]
    fn one_small_member_stays_in_place() {
        let mut members = Members::new();
        members.push("tenantId", "\"dc368399-474c-4d40-900c-6265431fd81f\"");
        assert!(matches!(members, Members::Inline(_)), "an identity's tenantId needs no allocation");
        members.push("x", "1");
        let Members::Heap(heap) = &members else { panic!("a second member spills") };
        assert!(heap.capacity() >= 8 * heap.len() / 2, "room for about eight members: {}", heap.capacity());
        assert_eq!(
            records(&members),
            [("tenantId".into(), "\"dc368399-474c-4d40-900c-6265431fd81f\"".into()), ("x".into(), "1".into())]
        );
    }

    #[test]
    fn a_token_set_spills_once() {
        // A feedback token set's eight members, as serde_json orders them: one allocation.
        let names =
            ["DistortedSound", "Echo", "Interruptions", "LowVolume", "NoSound", "Noisy", "OtherNoSound", "Stopped"];
        let mut members = Members::new();
        let mut capacity = None;
        for name in names {
            members.push(name, if name == "Noisy" { "true" } else { "false" });
            if let Members::Heap(heap) = &members {
                assert_eq!(*capacity.get_or_insert(heap.capacity()), heap.capacity(), "grown again at {name}");
            }
        }
        assert_eq!(members.iter().map(|(n, _)| n).collect::<Vec<_>>(), names);
    }

    #[test]
    fn unicode_and_escapes_are_kept_as_they_are() {
        let mut members = Members::new();
        let kept = [
            ("@odata.etag", "\"W/\\\"1\\\"\""),
            ("na\u{ef}ve", "\"caf\u{e9}\""),
            ("\u{65e5}\u{672c}", "\"\\u00e9\\n\\\"\""),
            ("a\"b\\c", "[\"\u{1F600}\",\"\\ud83d\\ude00\"]"),
        ];
        for (name, text) in kept {
            members.push_compacted(name, text);
        }
        assert_eq!(members.iter().collect::<Vec<_>>(), kept);
    }

    #[test]
    fn pretty_printed_objects_and_arrays_are_compacted() {
        let cases = [
            ("{ \"a b\" : [ 1.50 ,\n\t\"x \\\" y\" ] }", r#"{"a b":[1.50,"x \" y"]}"#),
            ("[\r\n  1,\r\n  2\r\n]", "[1,2]"),
            ("{\"ends in a backslash\\\\\" : \" a \" }", r#"{"ends in a backslash\\":" a "}"#),
            ("[ \"\\\\\" , \"\\\\\\\" \" ]", r#"["\\","\\\" "]"#),
            ("{ }", "{}"),
            ("\" spaced \"", "\" spaced \""),
            ("123456789012345678901234567890", "123456789012345678901234567890"),
        ];
        let mut members = Members::new();
        for (i, (read, _)) in cases.iter().enumerate() {
            members.push_compacted(&i.to_string(), read);
        }
        let kept: Vec<_> = members.iter().map(|(_, text)| text).collect();
        assert_eq!(kept, cases.map(|(_, compact)| compact));
        // A text that shrinks below a length digit's limit when compacted.
        let mut long = Members::new();
        let pretty = format!("[{}1]", " ".repeat(100));
        long.push_compacted("x", &pretty);
        assert_eq!(long.get("x"), Some("[1]"));
        assert_eq!(long.buffer().len(), 1 + 1 + 1 + 3);
    }

    #[test]
    fn upsert_replaces_in_place_and_remove_keeps_the_order() {
        for big in [false, true] {
            let mut members = Members::new();
            let filler = if big { "\"a long text that does not fit in place, whatever else\"" } else { "1" };
            members.push("a", filler);
            members.push("b", "2");
            members.push("c", "3");
            members.upsert("b", "[2,2]");
            members.upsert("d", "4");
            assert_eq!(members.iter().map(|(n, _)| n).collect::<String>(), "abcd");
            assert_eq!(members.get("b"), Some("[2,2]"));
            assert!(members.remove("b"));
            assert!(!members.remove("b"));
            assert_eq!(members.iter().map(|(n, _)| n).collect::<String>(), "acd");
            members.upsert("a", "\"a text long enough to leave the room in place behind\"");
            assert_eq!(members.iter().map(|(n, _)| n).collect::<String>(), "acd");
            assert_eq!(members.get("a"), Some("\"a text long enough to leave the room in place behind\""));
            for name in ["a", "c", "d"] {
                assert!(members.remove(name));
            }
            assert!(members.is_empty());
            assert_eq!(members.len(), 0);
        }
    }

    #[test]
    fn annotations_are_stored_before_the_properties() {
        for filler in ["1", "\"a text too long to stay in place, whatever else is kept\""] {
            let mut members = Members::new();
            members.push("p", filler);
            members.push("@a", "1");
            members.push_compacted("q@ns.term", "2");
            members.push_compacted("@b", "[ 3 ]");
            members.push("r", "4");
            members.upsert("@c", "5");
            let names = |members: &Members| members.iter().map(|(n, _)| n.to_owned()).collect::<Vec<_>>();
            assert_eq!(names(&members), ["@a", "@b", "@c", "p", "q@ns.term", "r"]);
            assert_eq!(members.annotations().map(|(n, _)| n).collect::<Vec<_>>(), ["@a", "@b", "@c"]);
            assert_eq!(members.properties().map(|(n, _)| n).collect::<Vec<_>>(), ["p", "q@ns.term", "r"]);
            assert_eq!(members.get("@b"), Some("[3]"));
            assert_eq!(members.get("p"), Some(filler));
            assert!(members.remove("@a") && members.remove("@b") && members.remove("@c"));
            assert_eq!(members.annotations().count(), 0);
            assert_eq!(names(&members), ["p", "q@ns.term", "r"]);
        }
    }
}
