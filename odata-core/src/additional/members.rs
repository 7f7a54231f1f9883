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
        Records { buffer: self.buffer(), at: 0 }
    }

    /// How many members are kept.
    pub(crate) fn len(&self) -> usize {
        self.iter().count()
    }

    /// The text of the member with this name.
    #[inline]
    pub(crate) fn get(&self, name: &str) -> Option<&str> {
        self.iter().find(|&(n, _)| n == name).map(|(_, text)| text)
    }

    /// Appends a member (the caller knows the name is new): `text` as it is.
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

    /// Appends the record of `name` and a text of `text_len` bytes that `write` writes.
    #[inline]
    fn append(&mut self, name: &str, text_len: usize, write: impl FnOnce(&mut Out<'_>)) {
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

    /// Where the record of the member with this name lies in the buffer.
    fn span_of(&self, name: &str) -> Option<std::ops::Range<usize>> {
        let mut records = self.iter();
        loop {
            let start = records.at;
            let (n, _) = records.next()?;
            if n == name {
                return Some(start..records.at);
            }
        }
    }

    /// Replaces whole records with `with` (whole records too). Not a decode path.
    fn replace_range(&mut self, span: std::ops::Range<usize>, with: &str) {
        match self {
            Members::Heap(heap) => heap.replace_range(span, with),
            Members::Inline(inline) => {
                let old = *inline;
                let (before, after) = (&old[..span.start], &old[span.end..]);
                let mut new = ArrayString::new();
                if new.try_push_str(before).is_ok() && new.try_push_str(with).is_ok() && new.try_push_str(after).is_ok() {
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
    let count = Records { buffer: inline.as_str(), at: 0 }.count() + 1;
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

/// Bytes that a length takes.
#[inline]
fn len_width(len: usize) -> usize {
    let bits = usize::BITS - len.leading_zeros();
    (bits as usize).div_ceil(6).max(1)
}

/// The members in a buffer, in order.
#[derive(Clone)]
pub(crate) struct Records<'a> {
    buffer: &'a str,
    at: usize,
}

impl<'a> Records<'a> {
    #[inline]
    fn read_len(&mut self) -> Option<usize> {
        let bytes = self.buffer.as_bytes();
        let mut len = 0usize;
        let mut shift = 0u32;
        loop {
            let byte = *bytes.get(self.at)?;
            self.at += 1;
            len |= usize::from(byte & DIGIT).checked_shl(shift)?;
            if byte & MORE == 0 {
                return Some(len);
            }
            shift += 6;
        }
    }

    #[inline]
    fn read_str(&mut self) -> Option<&'a str> {
        let buffer: &'a str = self.buffer;
        let len = self.read_len()?;
        let end = self.at.checked_add(len)?;
        let text = buffer.get(self.at..end)?;
        self.at = end;
        Some(text)
    }
}

impl<'a> Iterator for Records<'a> {
    type Item = (&'a str, &'a str);

    #[inline]
    fn next(&mut self) -> Option<(&'a str, &'a str)> {
        if self.at >= self.buffer.len() {
            return None;
        }
        let name = self.read_str();
        let text = self.read_str();
        match name.zip(text) {
            Some(member) => Some(member),
            None => {
                // Only a record cut short could get here (see `Out::push`): stop, for good.
                self.at = self.buffer.len();
                None
            }
        }
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
    matches!(text.as_bytes().first(), Some(b'{' | b'[')) && text.bytes().any(|b| matches!(b, b' ' | b'\n' | b'\r' | b'\t'))
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
