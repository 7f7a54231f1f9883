//! What a structured value carries beyond its declared properties, kept so that nothing is lost.

use std::borrow::Cow;
use std::fmt;

use serde::ser::SerializeMap;
use serde_json::Value;
use serde_json::value::RawValue;

use crate::ODataType;

mod members;
mod nulls;
mod text;

use members::{Members, is_annotation};
pub(crate) use nulls::{NameOf, NullRecord};
use nulls::{NullBits, NullNamesIter};
pub(crate) use text::KeepText;
use text::{KeptText, raw_ref};

/// The name of a member that the polymorphic decoder holds aside until the type annotation
/// decides where it goes (kept members themselves live in [`Members`]' buffer).
pub(crate) type Name = compact_str::CompactString;

/// The wire names of the declared properties read as `null`, when they cannot be bits
/// ([`Repr::Nulls`]) because other data is kept beside them: rare (an object with `null`s and
/// nothing else keeps bits), so they live behind a pointer of their own, four in place, and the
/// owned part stays small for the usual owner, an identity with its `tenantId`.
type NullNames = smallvec::SmallVec<[&'static str; 4]>;

/// The unknown properties and instance annotations of an entity or complex value.
///
/// A field of this type in a `#[derive(ODataEntity)]` / `#[derive(ODataComplex)]` struct receives
/// everything the model does not declare, and encoding writes it back:
///
/// - the type annotation (`@odata.type`, or `@type` in OData 4.01), as sent;
/// - instance annotations of the value itself: `@odata.context`, `@odata.etag`, `@odata.id`,
///   `@ns.term`, ...;
/// - properties the model does not declare (dynamic properties of open types, or properties a
///   newer service version added) and property annotations such as `startDateTime@ns.term`.
///
/// A derived type needs no field of its own: what it does not know goes to the nearest base type
/// that has one (for Graph, `Entity::additional_data`, reachable through `Deref`).
/// It also records which declared properties were sent as `null` (see [`is_null`](Self::is_null)):
/// a property's field holds `None` both when the property was absent and when it was `null`, and
/// this record tells the two apart, so that encoding writes `null` back and leaves absent
/// properties out.
///
/// Entries keep the order in which they were read; a member sent twice is a decode error. Values are
/// kept as the JSON text that was read ([`RawValue`]), without the whitespace between tokens:
/// numbers digit for digit whatever their size or precision, strings with their escapes, nested
/// objects at any depth. The `*_value` accessors parse them into a `serde_json::Value`.
///
/// The field is two words inline and costs nothing on the heap for the common cases: nothing
/// kept, or only the usual `"@odata.type": "#ns.name"` of the value's own type (which points at a
/// per-type constant), or only `null`s. Anything else lives behind one pointer, in one
/// allocation: the kept members' names and texts share one buffer, which holds a small member
/// (an identity's `tenantId`) in place and spills to the heap once past that. The accessors
/// that hand out a `&RawValue` lend it from that buffer, without copying or parsing the text.
#[derive(Clone, Default)]
pub struct AdditionalData {
    repr: Repr,
}

#[derive(Clone, Default)]
enum Repr {
    #[default]
    Empty,
    /// A per-type constant holding only the canonical type annotation.
    Shared(&'static Inner),
    /// Only `null` properties, as bits of the reading type's field indexes (see `nulls.rs`).
    Nulls(NullBits),
    Owned(Box<Inner>),
}

/// 80 bytes: the type annotation (16), the members with 48 bytes in place (56), the `null`
/// names' pointer (8). It was 120, and every kept member's text was an allocation of its own.
#[derive(Debug, Clone, Default)]
struct Inner {
    type_annotation: TypeSlot,
    /// Instance annotations (`@...`) and unknown properties (the rest, `prop@ns.term` included),
    /// names and JSON texts, in the order read.
    members: Members,
    /// Declared properties that are `null` (wire names), in the order read or set.
    nulls: Option<Box<NullNames>>,
}

impl Inner {
    /// The kept instance annotations, in the order read: `(name, JSON text)`.
    fn annotations(&self) -> impl Iterator<Item = (&str, &str)> + Clone {
        self.members.annotations()
    }

    /// The kept unknown properties and property annotations, in the order read.
    fn properties(&self) -> impl Iterator<Item = (&str, &str)> + Clone {
        self.members.properties()
    }

    fn null_names(&self) -> &[&'static str] {
        self.nulls.as_deref().map_or(&[], |names| names.as_slice())
    }
}

/// The type annotation of an owned part: the model's constant when it is the usual
/// `"@odata.type": "#ns.name"` of the reading type (no allocation; an object that keeps an
/// unknown member beside it copies a pointer), anything else boxed (another spelling or type,
/// or one set by hand: rare). Two words instead of the annotation's four in every owned part.
#[derive(Debug, Clone, Default)]
enum TypeSlot {
    #[default]
    None,
    Model(&'static TypeAnnotation),
    Read(Box<TypeAnnotation>),
}

impl TypeSlot {
    #[inline]
    fn get(&self) -> Option<&TypeAnnotation> {
        match self {
            TypeSlot::None => None,
            TypeSlot::Model(annotation) => Some(annotation),
            TypeSlot::Read(annotation) => Some(annotation),
        }
    }

    fn is_none(&self) -> bool {
        matches!(self, TypeSlot::None)
    }
}

static EMPTY: Inner = Inner { type_annotation: TypeSlot::None, members: Members::new(), nulls: None };

/// `"@odata.type": "#<T's name>"`, one constant per type.
const fn canonical_annotation<T: ODataType>() -> &'static TypeAnnotation {
    const { &TypeAnnotation { key: TypeAnnotationKey::ODataType, value: Cow::Borrowed(T::TYPE_ANNOTATION) } }
}

/// The constant for "only `@odata.type: #<T's name>`", one per type.
fn canonical<T: ODataType>() -> &'static Inner {
    const { &Inner { type_annotation: TypeSlot::Model(canonical_annotation::<T>()), members: Members::new(), nulls: None } }
}

/// The `null`s are a set: decoding records them in the order read (or as bits, in field order),
/// encoding writes them in declaration order, and either is the same value. Annotations and
/// properties compare each in their own order (encoding writes all annotations first, so how the
/// two interleave on the wire is not part of the value).
impl PartialEq for AdditionalData {
    fn eq(&self, other: &Self) -> bool {
        let (a, b) = (self.inner(), other.inner());
        // Kept entries compare by name and JSON text: the text is what is written back.
        a.type_annotation.get() == b.type_annotation.get()
            && a.annotations().eq(b.annotations())
            && a.properties().eq(b.properties())
            && self.nulls().len() == other.nulls().len()
            && self.nulls().all(|name| other.is_null(name))
    }
}

impl fmt::Debug for AdditionalData {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let inner = self.inner();
        f.debug_struct("AdditionalData")
            .field("type_annotation", &inner.type_annotation.get())
            .field("annotations", &inner.annotations().map(|(k, v)| (k, raw_ref(v))).collect::<Vec<_>>())
            .field("properties", &inner.properties().map(|(k, v)| (k, raw_ref(v))).collect::<Vec<_>>())
            .field("nulls", &self.nulls().collect::<Vec<_>>())
            .finish()
    }
}

/// How the type annotation was spelled on the wire.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum TypeAnnotationKey {
    /// `@odata.type`, understood by OData 4.0 and 4.01.
    #[default]
    ODataType,
    /// `@type`, the OData 4.01 short form.
    Type,
}

impl TypeAnnotationKey {
    /// The JSON member name.
    pub fn as_str(self) -> &'static str {
        match self {
            TypeAnnotationKey::ODataType => "@odata.type",
            TypeAnnotationKey::Type => "@type",
        }
    }
}

/// A type annotation as read: `"@odata.type": "#microsoft.graph.callRecords.participantEndpoint"`.
///
/// The value is borrowed from the model when it is the usual `#ns.name` (or `ns.name`) of a type
/// the model knows, so keeping it costs no allocation.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct TypeAnnotation {
    key: TypeAnnotationKey,
    value: Cow<'static, str>,
}

impl TypeAnnotation {
    /// An annotation with this key and raw value (e.g. `#microsoft.graph.identitySet`).
    pub fn new(key: TypeAnnotationKey, value: impl Into<Cow<'static, str>>) -> Self {
        TypeAnnotation { key, value: value.into() }
    }

    /// An `@odata.type` annotation naming `qualified_name` in the usual `#ns.name` form.
    pub fn for_type(qualified_name: &str) -> Self {
        TypeAnnotation::new(TypeAnnotationKey::ODataType, format!("#{qualified_name}"))
    }

    /// The annotation for raw text `value`, borrowing `canonical` (`#ns.name`) when `value` is
    /// that text or that text without its `#`.
    pub(crate) fn read(key: TypeAnnotationKey, value: &str, canonical: &'static str) -> Self {
        let value = if value == canonical {
            Cow::Borrowed(canonical)
        } else if canonical.strip_prefix('#') == Some(value) {
            Cow::Borrowed(&canonical[1..])
        } else {
            Cow::Owned(value.to_owned())
        };
        TypeAnnotation { key, value }
    }

    /// How the key was spelled.
    pub fn key(&self) -> TypeAnnotationKey {
        self.key
    }

    /// The value exactly as sent, e.g. `#microsoft.graph.identitySet`.
    pub fn value(&self) -> &str {
        &self.value
    }

    /// The qualified type name the value denotes: without the leading `#`, and without a
    /// metadata URL before it (`https://host/$metadata#ns.name`).
    pub fn type_name(&self) -> &str {
        type_name_of(&self.value)
    }

    /// Whether the annotation names the type with this `#ns.name` and qualified name (cheaply
    /// when its text is that `#ns.name`).
    pub(crate) fn names(&self, annotation: &'static str, qualified_name: &str) -> bool {
        // Equal texts first: the usual case, and one short comparison (the same constant may sit
        // at several addresses, one per codegen unit, so a pointer test alone often misses).
        self.value.as_ref() == annotation || self.type_name() == qualified_name
    }
}

/// The qualified name in a type annotation value: `#ns.name`, `ns.name` or `<url>#ns.name`.
pub(crate) fn type_name_of(value: &str) -> &str {
    // The usual `#ns.name`: a plain forward loop over a short name is cheaper than searching
    // backwards or setting up a `memchr` call.
    if let Some(name) = value.strip_prefix('#')
        && !name.bytes().any(|b| b == b'#')
    {
        return name;
    }
    match value.rfind('#') {
        Some(hash) => &value[hash + 1..],
        None => value,
    }
}

/// Where the first `@` of a member name is (`startDateTime@ns.term`). A plain loop: member names
/// are short, and `str::find` sets up a `memchr` call that costs more than it saves on them (a
/// page of Graph sessions asks this of 28,000 unknown members).
pub(crate) fn at_sign(name: &str) -> Option<usize> {
    name.bytes().position(|b| b == b'@')
}

/// A member name without its annotation part: `startDateTime` of `startDateTime@ns.term`.
pub(crate) fn before_at(name: &str) -> &str {
    at_sign(name).map_or(name, |at| &name[..at])
}

impl AdditionalData {
    /// Nothing kept.
    pub fn new() -> Self {
        Self::default()
    }

    /// The owned part, or an empty one (the `null`s of [`Repr::Nulls`] are read apart).
    fn inner(&self) -> &Inner {
        match &self.repr {
            Repr::Empty | Repr::Nulls(_) => &EMPTY,
            Repr::Shared(inner) => inner,
            Repr::Owned(inner) => inner,
        }
    }

    /// Copy on write: the shared constants are never changed.
    fn inner_mut(&mut self) -> &mut Inner {
        match &self.repr {
            Repr::Owned(_) => {}
            Repr::Empty => self.repr = Repr::Owned(Box::default()),
            // A shared constant holds only a type annotation (which borrows the model's text):
            // copying that field alone skips cloning its empty lists (an identity's `tenantId`
            // arrives after its `@odata.type`, so this runs for most kept members).
            Repr::Shared(inner) => {
                let type_annotation = inner.type_annotation.clone();
                self.repr = Repr::Owned(Box::new(Inner { type_annotation, ..Inner::default() }))
            }
            Repr::Nulls(bits) => {
                let nulls = Some(Box::new(bits.names().collect()));
                self.repr = Repr::Owned(Box::new(Inner { nulls, ..Inner::default() }))
            }
        }
        match &mut self.repr {
            Repr::Owned(inner) => inner,
            // Just made owned above.
            Repr::Empty | Repr::Shared(_) | Repr::Nulls(_) => unreachable!("the representation was made owned"),
        }
    }

    /// Back to the inline representation once nothing is kept.
    fn tidy(&mut self) {
        if self.is_empty() {
            self.repr = Repr::Empty;
        }
    }

    /// Whether nothing is kept (no type annotation, no annotations, no unknown properties, no
    /// `null` properties).
    pub fn is_empty(&self) -> bool {
        match &self.repr {
            Repr::Empty => true,
            // A shared constant always holds a type annotation.
            Repr::Shared(_) => false,
            Repr::Nulls(bits) => bits.is_empty(),
            // Field by field, not `== EMPTY`: the encoder asks this of every value it writes.
            Repr::Owned(inner) => {
                inner.type_annotation.is_none() && inner.members.is_empty() && inner.null_names().is_empty()
            }
        }
    }

    /// Whether any annotation or unknown property is kept, for the encoder: one test in the
    /// common case.
    #[inline]
    pub(crate) fn has_members(&self) -> bool {
        matches!(&self.repr, Repr::Owned(inner) if !inner.members.is_empty())
    }

    /// The type annotation (`@odata.type` / `@type`) as read.
    pub fn type_annotation(&self) -> Option<&TypeAnnotation> {
        self.inner().type_annotation.get()
    }

    /// Sets or clears the type annotation written back on encoding.
    pub fn set_type_annotation(&mut self, annotation: Option<TypeAnnotation>) {
        self.inner_mut().type_annotation = annotation.map_or(TypeSlot::None, |a| TypeSlot::Read(Box::new(a)));
        self.tidy();
    }

    /// Keeps a type annotation read for a value of type `T`, without allocating when it is the
    /// usual `"@odata.type": "#<T's name>"` and nothing else is kept.
    pub(crate) fn keep_type_annotation<T: ODataType>(&mut self, annotation: TypeAnnotation) {
        if annotation.key == TypeAnnotationKey::ODataType && annotation.value.as_ref() == T::TYPE_ANNOTATION {
            self.keep_canonical_type_annotation::<T>();
        } else {
            self.inner_mut().type_annotation = TypeSlot::Read(Box::new(annotation));
        }
    }

    /// [`keep_type_annotation`](Self::keep_type_annotation) of `"@odata.type": "#<T's name>"`,
    /// for a caller that already knows the text is that (a polymorphic value's dispatch).
    pub(crate) fn keep_canonical_type_annotation<T: ODataType>(&mut self) {
        if matches!(self.repr, Repr::Empty) {
            self.repr = Repr::Shared(canonical::<T>());
        } else {
            self.inner_mut().type_annotation = TypeSlot::Model(canonical_annotation::<T>());
        }
    }

    /// The instance annotation with this JSON name (`@odata.etag`, `@ns.term`), as the JSON text
    /// that was read (`raw.get()`); [`annotation_value`](Self::annotation_value) parses it.
    pub fn annotation(&self, name: &str) -> Option<&RawValue> {
        self.inner().members.get(name).filter(|_| is_annotation(name)).map(raw_ref)
    }

    /// The instance annotation with this JSON name as a `serde_json::Value` (numbers as
    /// `serde_json` reads them; the exact text is [`annotation`](Self::annotation)).
    pub fn annotation_value(&self, name: &str) -> Option<Value> {
        self.annotation(name).and_then(parse)
    }

    /// The instance annotations of the value, in the order read, as JSON text.
    pub fn annotations(&self) -> impl Iterator<Item = (&str, &RawValue)> {
        self.inner().annotations().map(|(k, v)| (k, raw_ref(v)))
    }

    /// Sets an instance annotation; `name` is its JSON name and must start with `@`
    /// (otherwise it is stored as a property).
    pub fn insert_annotation(&mut self, name: impl Into<String>, value: Value) {
        self.inner_mut().members.upsert(&Into::<String>::into(name), &value.to_string())
    }

    /// Sets an instance annotation to JSON text as it is (`RawValue::from_string`).
    // The text is copied into the buffer; the signature takes the box a caller has in hand
    // (`RawValue::from_string` makes one), as it did when the box itself was kept.
    #[allow(clippy::boxed_local)]
    pub fn insert_raw_annotation(&mut self, name: impl Into<String>, value: Box<RawValue>) {
        // Kept by name in one list: a name without `@` is a property whichever way it came in.
        self.inner_mut().members.upsert(&Into::<String>::into(name), value.get())
    }

    /// Removes an instance annotation, returning its JSON text.
    pub fn remove_annotation(&mut self, name: &str) -> Option<Box<RawValue>> {
        let removed = self.annotation(name)?.to_owned();
        self.inner_mut().members.remove(name);
        self.tidy();
        Some(removed)
    }

    /// The unknown (or dynamic) property or property annotation with this JSON name, as the JSON
    /// text that was read: numbers digit for digit, whatever their size. `property_value`
    /// parses it.
    pub fn property(&self, name: &str) -> Option<&RawValue> {
        self.inner().members.get(name).filter(|_| !is_annotation(name)).map(raw_ref)
    }

    /// The unknown property with this JSON name as a `serde_json::Value` (numbers as
    /// `serde_json` reads them; the exact text is [`property`](Self::property)).
    pub fn property_value(&self, name: &str) -> Option<Value> {
        self.property(name).and_then(parse)
    }

    /// Unknown and dynamic properties and property annotations, in the order read, as JSON text.
    pub fn properties(&self) -> impl Iterator<Item = (&str, &RawValue)> {
        self.inner().properties().map(|(k, v)| (k, raw_ref(v)))
    }

    /// Sets an unknown or dynamic property (or a property annotation `prop@ns.term`).
    pub fn insert_property(&mut self, name: impl Into<String>, value: Value) {
        self.inner_mut().members.upsert(&Into::<String>::into(name), &value.to_string())
    }

    /// Sets an unknown or dynamic property to JSON text as it is (an `Edm.Decimal` with every
    /// digit: `RawValue::from_string("12.50".into())`). A name that starts with `@` is an
    /// instance annotation, found by [`annotation`](Self::annotation).
    // The text is copied into the buffer; the signature takes the box a caller has in hand
    // (`RawValue::from_string` makes one), as it did when the box itself was kept.
    #[allow(clippy::boxed_local)]
    pub fn insert_raw_property(&mut self, name: impl Into<String>, value: Box<RawValue>) {
        // A name with a leading `@` is an annotation whichever way it came in (as before, when
        // the two were apart, `annotation` would not have found it and encoding wrote it last).
        self.inner_mut().members.upsert(&Into::<String>::into(name), value.get())
    }

    /// Removes an unknown or dynamic property, returning its JSON text.
    pub fn remove_property(&mut self, name: &str) -> Option<Box<RawValue>> {
        let removed = self.property(name)?.to_owned();
        self.inner_mut().members.remove(name);
        self.tidy();
        Some(removed)
    }

    /// Whether the declared property with this wire name is `null`: it was sent as `null`, or
    /// [`set_null`](Self::set_null) asked for it. Its field then holds `None`, as it does when the
    /// property is absent; typed code asks through
    /// [`ODataStructured::is_null`](crate::ODataStructured::is_null).
    pub fn is_null(&self, property: &str) -> bool {
        self.nulls().any(|name| name == property)
    }

    /// The declared properties that are `null`, by wire name, in no promised order (field order
    /// while they are recorded as bits, the order read or set otherwise): two values with the
    /// same `null`s in another order are equal.
    pub fn nulls(&self) -> impl ExactSizeIterator<Item = &str> {
        match &self.repr {
            Repr::Nulls(bits) => bits.names(),
            _ => NullNamesIter::Names(self.inner().null_names().iter()),
        }
    }

    /// Marks the declared property with this wire name as `null`: encoding writes
    /// `"property": null` while its field holds `None` (a value in the field wins). Typed code
    /// calls [`ODataStructured::set_null`](crate::ODataStructured::set_null), which checks the
    /// name against the model. Declared properties' names are the model's own (`&'static`).
    pub fn set_null(&mut self, property: &'static str) {
        if !self.is_null(property) {
            push_name(self.inner_mut(), property);
        }
    }

    /// Forgets that the property is `null`, so that a `None` field is left out again; returns
    /// whether it was marked.
    pub fn clear_null(&mut self, property: &str) -> bool {
        if !self.is_null(property) {
            return false;
        }
        match &mut self.repr {
            Repr::Nulls(bits) => {
                bits.remove(property);
            }
            _ => {
                if let Some(names) = &mut self.inner_mut().nulls {
                    names.retain(|name| *name != property);
                }
            }
        }
        self.tidy();
        true
    }

    /// The `null` properties, for the encoder: `None` (no branch on the representation beyond
    /// this one) in the common case.
    #[inline]
    pub(crate) fn null_record(&self) -> NullRecord<'_> {
        match &self.repr {
            Repr::Owned(inner) if !inner.null_names().is_empty() => NullRecord::Names(inner.null_names()),
            Repr::Nulls(bits) => NullRecord::Bits(*bits),
            Repr::Empty | Repr::Shared(_) | Repr::Owned(_) => NullRecord::None,
        }
    }

    /// Records the declared property at field `index` of the reading type (named by `name_of`)
    /// as read `null`: a bit while nothing else is kept, a name otherwise.
    pub(crate) fn push_null(&mut self, index: u16, name_of: NameOf) {
        match &mut self.repr {
            Repr::Empty if index < NullBits::CAPACITY => self.repr = Repr::Nulls(NullBits::one(index, name_of)),
            Repr::Nulls(bits) if index < NullBits::CAPACITY && bits.same_type(name_of) => bits.insert(index),
            _ => push_name(self.inner_mut(), name_of(index)),
        }
    }

    /// Whether an unknown member or annotation with this name was already read.
    #[inline]
    pub(crate) fn has_member(&self, name: &str) -> bool {
        // Nothing kept yet (or only the shared type annotation): the usual first unknown member.
        let Repr::Owned(inner) = &self.repr else { return false };
        inner.members.contains(name)
    }

    /// `@odata.context` (or the 4.01 `@context`).
    pub fn context(&self) -> Option<Cow<'_, str>> {
        self.control("context")
    }

    /// `@odata.etag` (or `@etag`): the entity's ETag, for conditional requests.
    pub fn etag(&self) -> Option<Cow<'_, str>> {
        self.control("etag")
    }

    /// `@odata.id` (or `@id`): the entity's id.
    pub fn id(&self) -> Option<Cow<'_, str>> {
        self.control("id")
    }

    /// `@odata.editLink` (or `@editLink`).
    pub fn edit_link(&self) -> Option<Cow<'_, str>> {
        self.control("editLink")
    }

    /// `@odata.readLink` (or `@readLink`).
    pub fn read_link(&self) -> Option<Cow<'_, str>> {
        self.control("readLink")
    }

    /// `@odata.mediaReadLink` (or `@mediaReadLink`): where a media entity's stream is read.
    pub fn media_read_link(&self) -> Option<Cow<'_, str>> {
        self.control("mediaReadLink")
    }

    /// `@odata.mediaEditLink` (or `@mediaEditLink`): where a media entity's stream is replaced.
    pub fn media_edit_link(&self) -> Option<Cow<'_, str>> {
        self.control("mediaEditLink")
    }

    /// `@odata.mediaContentType` (or `@mediaContentType`): the media type of the stream.
    pub fn media_content_type(&self) -> Option<Cow<'_, str>> {
        self.control("mediaContentType")
    }

    /// `@odata.mediaEtag` (or `@mediaEtag`): the ETag of the stream.
    pub fn media_etag(&self) -> Option<Cow<'_, str>> {
        self.control("mediaEtag")
    }

    /// A string-valued control annotation in either spelling (`@odata.x` or `@x`): borrowed
    /// from the kept text unless it has escapes (an ETag's quotes have).
    fn control(&self, term: &str) -> Option<Cow<'_, str>> {
        self.inner().annotations().find_map(|(k, v)| {
            let name = k.strip_prefix('@')?;
            let name = name.strip_prefix("odata.").unwrap_or(name);
            if name == term { json_str(v) } else { None }
        })
    }

    /// Reads a member's value into the kept members under `name`, as its JSON text without the
    /// whitespace between tokens, with no allocation of its own (the decoder rejects a member
    /// read twice before it gets here).
    #[inline]
    pub(crate) fn keep<'a>(&'a mut self, name: &'a str) -> KeepText<'a> {
        KeepText { data: self, name }
    }

    /// Appends a member's text as read, compacted (see [`keep`](Self::keep)); the decoder
    /// rejects a member read twice before it gets here. The polymorphic decoder keeps the side
    /// members it held for a derived type that did not come with it.
    #[inline]
    pub(crate) fn push_text(&mut self, name: &str, text: &str) {
        self.inner_mut().members.push_compacted(name, text);
    }

    /// Writes the instance annotations: control information comes before the properties, as
    /// OData JSON requires of streaming payloads. (The type annotation is the encoder's call.)
    #[inline(never)]
    pub(crate) fn serialize_annotations<M: SerializeMap>(&self, map: &mut M) -> Result<(), M::Error> {
        // Asked of every value written: one test in the usual case.
        if !self.has_members() {
            return Ok(());
        }
        serialize_entries(self.inner().annotations(), map)
    }

    /// Writes the unknown properties and property annotations, after the declared properties.
    #[inline(never)]
    pub(crate) fn serialize_tail<M: SerializeMap>(&self, map: &mut M) -> Result<(), M::Error> {
        serialize_entries(self.inner().properties(), map)
    }
}

/// Writes kept members, each text as it is (as `RawValue` writes itself); a request body leaves
/// out what only a service sends ([`Payload::Request`](crate::Payload::Request)).
fn serialize_entries<'a, M: SerializeMap>(
    entries: impl Iterator<Item = (&'a str, &'a str)>,
    map: &mut M,
) -> Result<(), M::Error> {
    let mut request = None;
    for (name, text) in entries {
        if !(*request.get_or_insert_with(crate::encode::is_request) && crate::Payload::is_response_only(name)) {
            map.serialize_entry(name, &KeptText(text))?;
        }
    }
    Ok(())
}

fn parse(raw: &RawValue) -> Option<Value> {
    serde_json::from_str(raw.get()).ok()
}

/// A JSON string's content: borrowed when it has no escapes.
fn json_str(text: &str) -> Option<Cow<'_, str>> {
    let inner = text.strip_prefix('"')?.strip_suffix('"')?;
    if inner.contains('\\') {
        serde_json::from_str::<String>(text).ok().map(Cow::Owned)
    } else {
        Some(Cow::Borrowed(inner))
    }
}

fn push_name(inner: &mut Inner, name: &'static str) {
    inner.nulls.get_or_insert_default().push(name);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn type_name_strips_hash_and_metadata_url() {
        let a = TypeAnnotation::new(TypeAnnotationKey::Type, "https://host/svc/$metadata#ns.T");
        assert_eq!(a.type_name(), "ns.T");
        assert_eq!(TypeAnnotation::for_type("ns.T").value(), "#ns.T");
        assert_eq!(type_name_of("ns.T"), "ns.T");
    }

    #[test]
    fn control_annotations_read_both_spellings() {
        let mut data = AdditionalData::new();
        data.insert_annotation("@etag", Value::from("W/\"1\""));
        data.insert_annotation("@odata.context", Value::from("$metadata#x"));
        assert_eq!(data.etag().as_deref(), Some("W/\"1\""));
        assert_eq!(data.context().as_deref(), Some("$metadata#x"));
        assert!(matches!(data.context(), Some(Cow::Borrowed(_))), "no escapes, no copy");
        assert_eq!(data.id(), None);
    }

    #[test]
    fn canonical_annotations_borrow_from_the_model() {
        let exact = TypeAnnotation::read(TypeAnnotationKey::ODataType, "#ns.T", "#ns.T");
        let bare = TypeAnnotation::read(TypeAnnotationKey::Type, "ns.T", "#ns.T");
        let other = TypeAnnotation::read(TypeAnnotationKey::ODataType, "#ns.U", "#ns.T");
        assert!(matches!(exact.value, Cow::Borrowed("#ns.T")));
        assert!(matches!(bare.value, Cow::Borrowed("ns.T")));
        assert!(matches!(other.value, Cow::Owned(_)));
        assert_eq!((bare.type_name(), other.type_name()), ("ns.T", "ns.U"));
    }

    #[test]
    fn emptied_data_equals_fresh_data() {
        let mut data = AdditionalData::new();
        data.insert_annotation("@a", Value::from(1));
        assert_ne!(data, AdditionalData::new());
        data.remove_annotation("@a");
        assert_eq!(data, AdditionalData::new());
        assert!(matches!(data.repr, Repr::Empty));
    }

    struct Thing;
    impl ODataType for Thing {
        const QUALIFIED_NAME: &'static str = "ns.thing";
        const TYPE_ANNOTATION: &'static str = "#ns.thing";
        const TYPE_INFO: &'static crate::TypeInfo =
            &crate::TypeInfo::new(crate::TypeKind::Complex, "ns", "thing", "ns.thing");
    }

    #[test]
    fn a_canonical_annotation_is_shared_and_copied_on_write() {
        let mut data = AdditionalData::new();
        data.keep_type_annotation::<Thing>(TypeAnnotation::read(
            TypeAnnotationKey::ODataType,
            "#ns.thing",
            "#ns.thing",
        ));
        assert!(matches!(data.repr, Repr::Shared(_)));
        assert_eq!(data.type_annotation().map(TypeAnnotation::value), Some("#ns.thing"));
        let copy = data.clone();
        data.insert_property("x", Value::from(1));
        assert!(matches!(data.repr, Repr::Owned(_)));
        assert_eq!(data.type_annotation().map(TypeAnnotation::value), Some("#ns.thing"));
        assert!(copy.property("x").is_none(), "the shared constant did not change");
        let mut other = AdditionalData::new();
        other.keep_type_annotation::<Thing>(TypeAnnotation::read(TypeAnnotationKey::Type, "ns.thing", "#ns.thing"));
        assert!(matches!(other.repr, Repr::Owned(_)), "another spelling is kept as read");
    }

    #[test]
    fn a_canonical_annotation_beside_members_points_at_the_model() {
        let canonical = || TypeAnnotation::read(TypeAnnotationKey::ODataType, "#ns.thing", "#ns.thing");
        let mut first = AdditionalData::new();
        first.keep_type_annotation::<Thing>(canonical());
        first.insert_property("x", Value::from(1));
        let mut later = AdditionalData::new();
        later.insert_property("x", Value::from(1));
        later.keep_type_annotation::<Thing>(canonical());
        for data in [&first, &later] {
            assert!(matches!(&data.repr, Repr::Owned(inner) if matches!(inner.type_annotation, TypeSlot::Model(_))));
        }
        assert_eq!(first, later);
        let mut other = later.clone();
        other.keep_type_annotation::<Thing>(TypeAnnotation::read(TypeAnnotationKey::Type, "ns.thing", "#ns.thing"));
        assert!(matches!(&other.repr, Repr::Owned(inner) if matches!(inner.type_annotation, TypeSlot::Read(_))));
        assert_ne!(other, later, "another spelling is another value");
        other.set_type_annotation(Some(canonical()));
        assert_eq!(other, later, "annotations compare by key and text, wherever they are kept");
        other.set_type_annotation(None);
        assert_eq!(other.type_annotation(), None);
    }

    #[test]
    fn insert_replaces_and_names_without_at_are_properties() {
        let mut data = AdditionalData::new();
        data.insert_annotation("tenantId", Value::from("a"));
        data.insert_property("tenantId", Value::from("b"));
        assert_eq!(data.properties().count(), 1);
        assert_eq!(data.property("tenantId").map(RawValue::get), Some("\"b\""));
        assert_eq!(data.property_value("tenantId"), Some(Value::from("b")));
        assert_eq!(data.remove_property("tenantId").map(|raw| raw.get().to_owned()).as_deref(), Some("\"b\""));
        assert!(data.is_empty());
    }

    fn field_of_a(index: u16) -> &'static str {
        ["a0", "a1", "a2", "a3"].get(usize::from(index)).copied().unwrap_or("a?")
    }

    fn field_of_b(index: u16) -> &'static str {
        ["b0", "b1"].get(usize::from(index)).copied().unwrap_or("b?")
    }

    #[test]
    fn nulls_alone_are_bits_and_equal_the_same_names() {
        let mut data = AdditionalData::new();
        data.push_null(3, field_of_a);
        data.push_null(1, field_of_a);
        assert!(matches!(data.repr, Repr::Nulls(_)), "no allocation");
        assert!(data.is_null("a1") && data.is_null("a3") && !data.is_null("a2"));
        assert_eq!(data.nulls().collect::<Vec<_>>(), ["a1", "a3"]);
        let mut named = AdditionalData::new();
        named.set_null("a3");
        named.set_null("a1");
        assert!(matches!(named.repr, Repr::Owned(_)));
        assert_eq!(data, named, "a set, whichever record and order");
        named.set_null("a2");
        assert_ne!(data, named);
        assert!(data.clear_null("a3"));
        assert!(!data.clear_null("a3"));
        assert_eq!(data.nulls().collect::<Vec<_>>(), ["a1"]);
        assert!(data.clear_null("a1"));
        assert!(matches!(data.repr, Repr::Empty));
        assert_eq!(data, AdditionalData::new());
    }

    #[test]
    fn nulls_become_names_when_bits_cannot_say_them() {
        // Another type's indexes, an index past the bits, and other kept data each turn the
        // bits into names; nothing recorded is lost on the way.
        let mut data = AdditionalData::new();
        data.push_null(0, field_of_a);
        data.push_null(1, field_of_b);
        assert!(matches!(data.repr, Repr::Owned(_)));
        assert_eq!(data.nulls().collect::<Vec<_>>(), ["a0", "b1"]);
        let mut far = AdditionalData::new();
        far.push_null(NullBits::CAPACITY, field_of_a);
        assert!(matches!(far.repr, Repr::Owned(_)));
        assert!(far.is_null("a?"));
        let mut mixed = AdditionalData::new();
        mixed.push_null(2, field_of_a);
        mixed.push_text("tenantId", "\"t\"");
        assert!(matches!(mixed.repr, Repr::Owned(_)));
        assert!(mixed.is_null("a2"));
        assert_eq!(mixed.property("tenantId").map(RawValue::get), Some("\"t\""));
        assert!(format!("{mixed:?}").contains("nulls: [\"a2\"]"));
    }

    #[test]
    fn equal_whatever_the_storage_and_the_interleaving() {
        let long = RawValue::from_string(format!("\"{}\"", "x".repeat(100))).expect("json");
        let mut in_place = AdditionalData::new();
        in_place.insert_raw_annotation("@a", RawValue::from_string("1".into()).expect("json"));
        in_place.insert_property("p", Value::from(2));
        assert!(matches!(&in_place.repr, Repr::Owned(inner) if matches!(inner.members, Members::Inline(_))));
        let mut spilled = AdditionalData::new();
        spilled.insert_property("long", Value::Null);
        spilled.insert_raw_property("p", long);
        spilled.insert_property("p", Value::from(2));
        spilled.insert_annotation("@a", Value::from(1));
        assert!(spilled.remove_property("long").is_some());
        assert!(matches!(&spilled.repr, Repr::Owned(inner) if matches!(inner.members, Members::Heap(_))));
        assert_eq!(in_place, spilled, "annotations and properties each in their order, wherever stored");
        spilled.insert_annotation("@b", Value::from(1));
        assert_ne!(in_place, spilled);
        in_place.insert_annotation("@b", Value::from(1.0));
        assert_ne!(in_place, spilled, "texts compare as written: 1.0 is not 1");
        in_place.insert_annotation("@b", Value::from(1));
        assert_eq!(in_place, spilled);
    }

    #[test]
    fn debug_lists_members_as_raw_values() {
        let mut data = AdditionalData::new();
        data.insert_property("tenantId", Value::from("t"));
        data.insert_annotation("@odata.etag", Value::from("W/\"1\""));
        data.set_null("name");
        assert_eq!(
            format!("{data:?}"),
            r#"AdditionalData { type_annotation: None, annotations: [("@odata.etag", RawValue("W/\"1\""))], properties: [("tenantId", RawValue("t"))], nulls: ["name"] }"#
        );
    }

    #[test]
    fn nulls_beside_members_live_apart_and_leave_no_trace() {
        let mut data = AdditionalData::new();
        data.insert_property("x", Value::from(1));
        data.set_null("a");
        data.set_null("a");
        assert_eq!(data.nulls().collect::<Vec<_>>(), ["a"]);
        for name in ["b", "c", "d", "e", "f"] {
            data.set_null(name);
        }
        assert_eq!(data.nulls().len(), 6);
        assert!(matches!(data.null_record(), NullRecord::Names(names) if names.len() == 6));
        for name in ["a", "b", "c", "d", "e", "f"] {
            assert!(data.clear_null(name));
        }
        assert!(matches!(data.null_record(), NullRecord::None));
        assert!(!data.is_empty());
        assert_eq!(data.remove_property("x").map(|raw| raw.get().to_owned()).as_deref(), Some("1"));
        assert!(matches!(data.repr, Repr::Empty), "nothing kept, nothing allocated");
    }

    #[test]
    #[cfg(target_pointer_width = "64")]
    fn the_owned_part_stays_small() {
        // What an identity with its `tenantId` costs on the heap, all of it: the member lives in
        // `Members`' room in place (see `Inner`).
        assert_eq!(size_of::<Inner>(), 80);
        assert_eq!(size_of::<Members>(), 56);
        assert_eq!(size_of::<AdditionalData>(), 16);
    }

    #[test]
    fn kept_text_is_compacted_outside_strings_only() {
        let mut data = AdditionalData::new();
        data.push_text("a", "{ \"a b\" : [ 1.50 ,\n\t\"x \\\" y\" ] }");
        data.push_text("b", "123456789012345678901234567890");
        data.push_text("c", "\" spaced \"");
        let text = |name| data.property(name).map(RawValue::get);
        assert_eq!(text("a"), Some(r#"{"a b":[1.50,"x \" y"]}"#));
        assert_eq!(text("b"), Some("123456789012345678901234567890"));
        assert_eq!(text("c"), Some("\" spaced \""));
    }
}
