//! Encoding: the options in effect for the duration of a call, the `to_*` entry points, and the
//! JSON writer they use ([`JsonWriter`], `writer.rs`; strings in `escape.rs`, map keys in
//! `key.rs`, serde_json's private structs and errors in `private.rs`).
//!
//! serde gives a `Serialize` impl no context, so the options travel in a thread-local that
//! [`with_encode_options`] sets and restores; encoding reads it once per entity or complex value.

mod escape;
mod key;
pub(crate) mod private;
mod writer;

use std::cell::Cell;

pub use writer::JsonWriter;

use serde::Serialize;

/// How values are written. Built from [`EncodeOptions::new`] (or `Default`) and its setters, so
/// that options added later do not break callers:
///
/// ```
/// use odata_core::{EncodeOptions, ODataVersion, Payload};
///
/// let options = EncodeOptions::new().payload(Payload::Request).version(ODataVersion::V4_01);
/// assert!(!options.always_write_type);
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct EncodeOptions {
    /// Write `@odata.type` on every entity and complex value, not only where the value's type
    /// differs from the declared type (some services want it on every value of a request).
    pub always_write_type: bool,
    /// The OData version the request declares: it decides how links to existing entities
    /// ([`Navigation::bind`](crate::Navigation::bind)) are written.
    pub version: ODataVersion,
    /// What the JSON is for: a value written back as read ([`Payload::Response`], the default)
    /// or the body of a request ([`Payload::Request`]).
    pub payload: Payload,
}

impl EncodeOptions {
    /// The defaults: `@odata.type` only where needed, OData 4.0, a response payload.
    pub const fn new() -> Self {
        EncodeOptions { always_write_type: false, version: ODataVersion::V4_0, payload: Payload::Response }
    }

    /// Sets [`always_write_type`](Self::always_write_type).
    pub const fn always_write_type(mut self, always: bool) -> Self {
        self.always_write_type = always;
        self
    }

    /// Sets the OData [`version`](Self::version).
    pub const fn version(mut self, version: ODataVersion) -> Self {
        self.version = version;
        self
    }

    /// Sets what the JSON is for ([`payload`](Self::payload)).
    pub const fn payload(mut self, payload: Payload) -> Self {
        self.payload = payload;
        self
    }
}

/// What encoded JSON is for, which decides the control information it carries.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Payload {
    /// Everything that was read is written back: a value encoded again is the JSON it came
    /// from (a cache, a proxy, a test of losslessness).
    #[default]
    Response,
    /// The body of a create, replace, update, deep insert or batch request: control information
    /// that only a service sends is left out, at every depth, in both spellings (`@odata.x` and
    /// `@x`) and as property annotations (`prop@odata.x`): `context`, `metadataEtag`, `etag`, `id`,
    /// `editLink`, `readLink`, `navigationLink`, `associationLink`, `mediaEditLink`,
    /// `mediaReadLink`, `mediaEtag`, `count`, `nextLink` and `deltaLink` (OData JSON Format 4.01,
    /// section 4.5). A value read from `Products(1)` and sent as a new entity then carries neither
    /// the old entity's id nor its ETag. What stays: `@odata.type`, links to existing entities
    /// ([`Navigation::bind`](crate::Navigation::bind), written as `nav@odata.bind` or `{"@id": ...}`,
    /// the one place an id belongs in a request), `mediaContentType`, and instance annotations of
    /// other vocabularies (`@ns.term`), which a program or service may mean for the request.
    Request,
}

impl Payload {
    /// Whether an annotation (`@odata.etag`, `@etag`, `prop@odata.nextLink`) is control information
    /// that only a service sends: left out of [`Payload::Request`] bodies.
    pub fn is_response_only(annotation: &str) -> bool {
        annotation.find('@').is_some_and(|at| Self::is_response_only_term(&annotation[at + 1..]))
    }

    /// The same for a term without its `@` (`odata.nextLink`, `nextLink`), as navigation
    /// properties keep their annotations.
    pub(crate) fn is_response_only_term(term: &str) -> bool {
        matches!(
            term.strip_prefix("odata.").unwrap_or(term),
            "context"
                | "metadataEtag"
                | "etag"
                | "id"
                | "editLink"
                | "readLink"
                | "navigationLink"
                | "associationLink"
                | "mediaEditLink"
                | "mediaReadLink"
                | "mediaEtag"
                | "count"
                | "nextLink"
                | "deltaLink"
        )
    }
}

/// An OData protocol version, as `OData-Version` declares it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ODataVersion {
    /// 4.0: binds are `nav@odata.bind` annotations.
    #[default]
    V4_0,
    /// 4.01: binds are entity references `{"@id": ...}` in the navigation property.
    V4_01,
}

thread_local! {
    static OPTIONS: Cell<EncodeOptions> =
        const { Cell::new(EncodeOptions::new()) };
}

/// Runs `encode` with `options` in effect (on this thread), then restores the previous ones,
/// also if `encode` panics.
pub fn with_encode_options<R>(options: EncodeOptions, encode: impl FnOnce() -> R) -> R {
    struct Restore(Option<EncodeOptions>);
    impl Drop for Restore {
        fn drop(&mut self) {
            if let Some(previous) = self.0 {
                let _ = OPTIONS.try_with(|cell| cell.set(previous));
            }
        }
    }
    let _restore = Restore(OPTIONS.try_with(|cell| cell.replace(options)).ok());
    encode()
}

/// Appends `value`, encoded as JSON with `options` in effect, to `buffer`: for a program that
/// reuses one buffer for many values (a server writing responses, a client writing requests).
///
/// The bytes are exactly what `serde_json::to_writer` writes for the same value and options
/// (the crate's tests compare the two on every JSON document of the repository and generated
/// values of every shape serde has), written by [`JsonWriter`], which is faster at it (see
/// BENCHMARKS.md). On an error, `buffer` is left as it was.
///
/// ```
/// use odata_core::EncodeOptions;
///
/// let mut buffer = Vec::new();
/// for value in [1, 2] {
///     buffer.clear();
///     odata_core::to_writer_with(&mut buffer, &[value], EncodeOptions::new())?;
/// }
/// assert_eq!(buffer, b"[2]");
/// # Ok::<(), serde_json::Error>(())
/// ```
pub fn to_writer_with<T: Serialize + ?Sized>(
    buffer: &mut Vec<u8>,
    value: &T,
    options: EncodeOptions,
) -> serde_json::Result<()> {
    let start = buffer.len();
    let written = with_encode_options(options, || value.serialize(JsonWriter::new(buffer)));
    if written.is_err() {
        buffer.truncate(start);
    }
    written
}

/// [`to_writer_with`] with the default options (a response payload, OData 4.0): appends `value`
/// as JSON to `buffer`.
pub fn to_writer<T: Serialize + ?Sized>(buffer: &mut Vec<u8>, value: &T) -> serde_json::Result<()> {
    to_writer_with(buffer, value, EncodeOptions::new())
}

/// Encodes `value` as JSON bytes with `options` in effect: what `serde_json::to_vec` writes, but
/// faster (see [`to_writer_with`]).
pub fn to_vec_with<T: Serialize + ?Sized>(value: &T, options: EncodeOptions) -> serde_json::Result<Vec<u8>> {
    with_encode_options(options, || json_vec(value))
}

/// Encodes `value` as a JSON string with `options` in effect: what `serde_json::to_string`
/// writes, but faster (see [`to_writer_with`]).
pub fn to_string_with<T: Serialize + ?Sized>(value: &T, options: EncodeOptions) -> serde_json::Result<String> {
    with_encode_options(options, || json_string(value))
}

/// `value` as JSON bytes with the options already in effect (inside the crate, for values that
/// are parts of a larger request or are already encoded).
pub(crate) fn json_vec<T: Serialize + ?Sized>(value: &T) -> serde_json::Result<Vec<u8>> {
    let mut buffer = Vec::with_capacity(128);
    value.serialize(JsonWriter::new(&mut buffer))?;
    Ok(buffer)
}

/// [`json_vec`] as a `String`.
pub(crate) fn json_string<T: Serialize + ?Sized>(value: &T) -> serde_json::Result<String> {
    // The writer writes only `&str`s and ASCII, so the check cannot fail; it costs a pass over
    // the bytes, which `unsafe` would save (the workspace denies it).
    String::from_utf8(json_vec(value)?).map_err(|_| serde::ser::Error::custom("the JSON writer wrote invalid UTF-8"))
}

/// [`to_vec_with`] with the default options (a response payload, OData 4.0).
pub fn to_vec<T: Serialize + ?Sized>(value: &T) -> serde_json::Result<Vec<u8>> {
    to_vec_with(value, EncodeOptions::new())
}

/// [`to_string_with`] with the default options (a response payload, OData 4.0): the same text
/// as `serde_json::to_string`, written faster.
pub fn to_string<T: Serialize + ?Sized>(value: &T) -> serde_json::Result<String> {
    to_string_with(value, EncodeOptions::new())
}

pub(crate) fn always_write_type() -> bool {
    OPTIONS.try_with(|cell| cell.get().always_write_type).unwrap_or(false)
}

/// Whether a request body is being written (read only where an annotation is about to be).
pub(crate) fn is_request() -> bool {
    OPTIONS.try_with(|cell| cell.get().payload == Payload::Request).unwrap_or(false)
}

pub(crate) fn version() -> ODataVersion {
    OPTIONS.try_with(|cell| cell.get().version).unwrap_or_default()
}
