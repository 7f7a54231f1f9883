//! JSON paths for decode errors, at no cost while decoding succeeds.
//!
//! serde hands us errors as opaque `D::Error` values that only `Display`. Tracking the path on
//! the way down (as `serde_path_to_error` does) costs time on every value; instead, each level
//! that sees an error *on the way up* records its segment in a thread-local trail, and the
//! outermost OData value (the root) turns the trail into one message:
//! `$.segments[0].media[0].streams[0].wasMediaBypassed: invalid type: string "yes", expected Edm.Boolean (microsoft.graph.callRecords.mediaStream)`.
//!
//! The trail remembers the text of the error it belongs to, so a trail left behind by an error
//! that someone swallowed never leaks into the next one.
//!
//! Turning the trail into a new message means building a new error (`E::custom`), which serde_json
//! files under `Category::Data`: a truncated body would no longer say `is_eof()`. So the crate's
//! own decode entry points ([`crate::from_slice`], [`crate::from_str`]) run in *keeping* mode: the
//! root leaves serde_json's error as it is and the trail where it is, and the entry point puts
//! the two together in a [`DecodeError`](crate::DecodeError) after serde_json returns.

use std::borrow::Cow;
use std::cell::{Cell, RefCell};
use std::fmt::{self, Display, Write};

enum Segment {
    Name(Cow<'static, str>),
    Index(usize),
}

struct Trail {
    /// The `Display` text of the error being unwound; identifies which error the trail is for.
    error: String,
    /// Innermost segment first.
    segments: Vec<Segment>,
    /// The OData type of the innermost structured value that contains the failing property.
    type_name: Option<&'static str>,
}

thread_local! {
    static TRAIL: RefCell<Option<Trail>> = const { RefCell::new(None) };
    /// How many [`keeping`] calls are running on this thread.
    static KEEPING: Cell<u32> = const { Cell::new(0) };
}

fn is_keeping() -> bool {
    KEEPING.try_with(Cell::get).unwrap_or(0) > 0
}

/// Runs `decode` in keeping mode (see the module docs), then returns its result with, on an
/// error, the recorded path of that error: the JSON path (`$.a[2].b`) and the OData type of the
/// innermost structured value around the failure.
pub(crate) fn keeping<T, E: Display>(decode: impl FnOnce() -> Result<T, E>) -> Result<T, (E, Option<Located>)> {
    struct Leave;
    impl Drop for Leave {
        fn drop(&mut self) {
            let _ = KEEPING.try_with(|k| k.set(k.get().saturating_sub(1)));
        }
    }
    let _ = KEEPING.try_with(|k| k.set(k.get() + 1));
    let _leave = Leave;
    decode().map_err(|error| {
        let shown = error.to_string();
        let trail = TRAIL.try_with(|trail| trail.try_borrow_mut().ok().and_then(|mut t| t.take())).ok().flatten();
        let located = trail
            .filter(|t| strip_position(&t.error) == strip_position(&shown))
            .map(|trail| Located { path: PathText { trail: &trail }.to_string(), odata_type: trail.type_name });
        (error, located)
    })
}

/// Where an error happened, as [`keeping`] found it.
pub(crate) struct Located {
    /// `$.segments[0].media`, `$` for the root value.
    pub path: String,
    /// The OData type of the innermost structured value around the failure.
    pub odata_type: Option<&'static str>,
}

fn record(error: &dyn Display, segment: Segment, type_name: Option<&'static str>) {
    let shown = error.to_string();
    // `try_with` fails only during thread teardown; a missing path is better than a panic.
    let _ = TRAIL.try_with(|trail| {
        let Ok(mut trail) = trail.try_borrow_mut() else { return };
        match trail.as_mut() {
            // serde_json appends a position to a position-less error as it passes up through
            // its own frames, so compare the texts without it.
            Some(current) if strip_position(&current.error) == strip_position(&shown) => {
                current.error = shown;
                current.segments.push(segment);
                if current.type_name.is_none() {
                    current.type_name = type_name;
                }
            }
            _ => *trail = Some(Trail { error: shown, segments: vec![segment], type_name }),
        }
    });
}

/// Records that `error` happened in property `name` of a value of OData type `type_name`.
#[cold]
pub fn property(error: &dyn Display, name: &'static str, type_name: &'static str) {
    record(error, Segment::Name(Cow::Borrowed(name)), Some(type_name));
}

/// Records that `error` happened in a member whose name is only known at run time (an unknown
/// property, an annotation) of a value of OData type `type_name`.
#[cold]
pub fn member(error: &dyn Display, name: &str, type_name: Option<&'static str>) {
    record(error, Segment::Name(Cow::Owned(name.to_owned())), type_name);
}

/// Records that `error` happened in item `index` of a collection.
#[cold]
pub fn index(error: &dyn Display, index: usize) {
    record(error, Segment::Index(index), None);
}

/// At the root value: turns the recorded trail of `error` into an error whose message starts
/// with the JSON path (`$` when nothing was recorded: see [`at_root`]).
#[cold]
pub fn finish<E: serde::de::Error>(error: E) -> E {
    if is_keeping() {
        return error;
    }
    let shown = error.to_string();
    let trail = TRAIL.try_with(|trail| trail.try_borrow_mut().ok().and_then(|mut t| t.take()));
    match trail {
        Ok(Some(trail)) if strip_position(&trail.error) == strip_position(&shown) => {
            E::custom(PathMessage { trail: &trail })
        }
        _ => at_root(error),
    }
}

/// An error of the root value with no recorded path (the root itself is `null`, an array where
/// an object belongs, ...): its path is `$`, so that every decode error starts with a path.
#[cold]
pub fn at_root<E: serde::de::Error>(error: E) -> E {
    if is_keeping() {
        return error;
    }
    let shown = error.to_string();
    if shown.starts_with('$') { error } else { E::custom(format_args!("$: {shown}")) }
}

struct PathMessage<'a> {
    trail: &'a Trail,
}

/// The JSON path of a trail: `$.media[2].streams`.
struct PathText<'a> {
    trail: &'a Trail,
}

impl Display for PathText<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_char('$')?;
        for segment in self.trail.segments.iter().rev() {
            match segment {
                Segment::Index(i) => write!(f, "[{i}]")?,
                Segment::Name(name) if is_plain_name(name) => write!(f, ".{name}")?,
                Segment::Name(name) => write!(f, "[{}]", QuotedName(name))?,
            }
        }
        Ok(())
    }
}

impl Display for PathMessage<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", PathText { trail: self.trail }, strip_position(&self.trail.error))?;
        if let Some(type_name) = self.trail.type_name {
            write!(f, " ({type_name})")?;
        }
        Ok(())
    }
}

/// Names that read unambiguously after a `.` in a JSONPath (letters, digits, `_`, and the `@`
/// and `.` of annotation names such as `segments@odata.nextLink`).
fn is_plain_name(name: &str) -> bool {
    !name.is_empty() && name.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'@' | b'.' | b'$'))
}

struct QuotedName<'a>(&'a str);

impl Display for QuotedName<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_char('\'')?;
        for c in self.0.chars() {
            match c {
                '\'' => f.write_str("\\'")?,
                '\\' => f.write_str("\\\\")?,
                c if c.is_control() => write!(f, "\\u{{{:x}}}", c as u32)?,
                c => f.write_char(c)?,
            }
        }
        f.write_char('\'')
    }
}

/// `message` without the ` at line L column C` that serde_json appends.
pub(crate) fn without_position(message: &str) -> &str {
    strip_position(message)
}

/// serde_json appends ` at line L column C` to its messages, and adds the position again to the
/// error we build at the root; keep only the outer one.
fn strip_position(message: &str) -> &str {
    let Some(at) = message.rfind(" at line ") else { return message };
    let rest = &message[at + " at line ".len()..];
    let mut parts = rest.splitn(3, ' ');
    let is_position = matches!(
        (parts.next(), parts.next(), parts.next()),
        (Some(line), Some("column"), Some(column))
            if !line.is_empty() && line.bytes().all(|b| b.is_ascii_digit())
                && !column.is_empty() && column.bytes().all(|b| b.is_ascii_digit())
    );
    if is_position { &message[..at] } else { message }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug)]
    struct TestError(String);
    impl Display for TestError {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str(&self.0)
        }
    }
    impl std::error::Error for TestError {}
    impl serde::de::Error for TestError {
        fn custom<T: Display>(msg: T) -> Self {
            TestError(msg.to_string())
        }
    }

    #[test]
    fn builds_the_path_innermost_type_last() {
        let error = TestError("invalid type: string \"yes\", expected Edm.Boolean at line 3 column 9".into());
        property(&error, "wasMediaBypassed", "ns.mediaStream");
        index(&error, 0);
        property(&error, "streams", "ns.media");
        index(&error, 2);
        property(&error, "media", "ns.segment");
        let message = finish(error).0;
        assert_eq!(
            message,
            "$.media[2].streams[0].wasMediaBypassed: invalid type: string \"yes\", expected Edm.Boolean (ns.mediaStream)"
        );
    }

    #[test]
    fn a_trail_of_another_error_is_ignored() {
        let swallowed = TestError("first".into());
        property(&swallowed, "a", "ns.t");
        let error = TestError("second".into());
        index(&error, 4);
        assert_eq!(finish(error).0, "$[4]: second");
        // Nothing recorded for it: the root value itself is wrong.
        assert_eq!(finish(TestError("third".into())).0, "$: third");
        assert_eq!(at_root(TestError("$.a: fourth".into())).0, "$.a: fourth");
    }

    #[test]
    fn a_position_added_on_the_way_up_keeps_the_trail() {
        property(&TestError("bad".into()), "inner", "ns.inner");
        let error = TestError("bad at line 1 column 9".into());
        property(&error, "outer", "ns.outer");
        assert_eq!(finish(error).0, "$.outer.inner: bad (ns.inner)");
    }

    #[test]
    fn odd_names_are_quoted() {
        let error = TestError("bad".into());
        member(&error, "a b'c", Some("ns.t"));
        assert_eq!(finish(error).0, "$['a b\\'c']: bad (ns.t)");
    }

    #[test]
    fn only_a_real_position_is_stripped() {
        assert_eq!(strip_position("x at line 1 column 2"), "x");
        assert_eq!(strip_position("x at line one column 2"), "x at line one column 2");
        assert_eq!(strip_position("x at line 1 column"), "x at line 1 column");
    }
}
