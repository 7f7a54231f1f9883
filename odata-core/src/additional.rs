//! What a structured value carries beyond its declared properties, kept so that nothing is lost.

use std::borrow::Cow;

use serde::ser::SerializeMap;
use serde_json::Value;

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
/// Entries keep the order in which they were read; a key sent twice is kept twice.
///
/// Most values carry at most a type annotation, so the entries live behind one pointer: the
/// field costs a few words inline and nothing on the heap until something unknown arrives.
#[derive(Debug, Clone, Default)]
pub struct AdditionalData {
    type_annotation: Option<TypeAnnotation>,
    entries: Option<Box<Entries>>,
}

#[derive(Debug, Clone, Default, PartialEq)]
struct Entries {
    annotations: Vec<(String, Value)>,
    properties: Vec<(String, Value)>,
}

impl PartialEq for AdditionalData {
    fn eq(&self, other: &Self) -> bool {
        self.type_annotation == other.type_annotation
            && self.annotation_slice() == other.annotation_slice()
            && self.property_slice() == other.property_slice()
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
}

/// The qualified name in a type annotation value: `#ns.name`, `ns.name` or `<url>#ns.name`.
pub(crate) fn type_name_of(value: &str) -> &str {
    match value.rfind('#') {
        Some(hash) => &value[hash + 1..],
        None => value,
    }
}

impl AdditionalData {
    /// Nothing kept.
    pub fn new() -> Self {
        Self::default()
    }

    /// Whether nothing is kept (no type annotation, no annotations, no unknown properties).
    pub fn is_empty(&self) -> bool {
        self.type_annotation.is_none() && self.annotation_slice().is_empty() && self.property_slice().is_empty()
    }

    fn annotation_slice(&self) -> &[(String, Value)] {
        self.entries.as_deref().map_or(&[], |e| &e.annotations)
    }

    fn property_slice(&self) -> &[(String, Value)] {
        self.entries.as_deref().map_or(&[], |e| &e.properties)
    }

    fn entries_mut(&mut self) -> &mut Entries {
        self.entries.get_or_insert_with(Default::default)
    }

    /// Drops the entry box once it holds nothing, so that equal contents compare equal cheaply.
    fn tidy(&mut self) {
        if self.entries.as_deref().is_some_and(|e| e.annotations.is_empty() && e.properties.is_empty()) {
            self.entries = None;
        }
    }

    /// The type annotation (`@odata.type` / `@type`) as read.
    pub fn type_annotation(&self) -> Option<&TypeAnnotation> {
        self.type_annotation.as_ref()
    }

    /// Sets or clears the type annotation written back on encoding.
    pub fn set_type_annotation(&mut self, annotation: Option<TypeAnnotation>) {
        self.type_annotation = annotation;
    }

    /// The instance annotation with this JSON name (`@odata.etag`, `@ns.term`).
    pub fn annotation(&self, name: &str) -> Option<&Value> {
        find(self.annotation_slice(), name)
    }

    /// The instance annotations of the value, in the order read.
    pub fn annotations(&self) -> impl ExactSizeIterator<Item = (&str, &Value)> {
        self.annotation_slice().iter().map(|(k, v)| (k.as_str(), v))
    }

    /// Sets an instance annotation; `name` is its JSON name and must start with `@`
    /// (otherwise it is stored as a property).
    pub fn insert_annotation(&mut self, name: impl Into<String>, value: Value) {
        let name = name.into();
        if name.starts_with('@') {
            upsert(&mut self.entries_mut().annotations, name, value)
        } else {
            self.insert_property(name, value)
        }
    }

    /// Removes an instance annotation, returning its value.
    pub fn remove_annotation(&mut self, name: &str) -> Option<Value> {
        let removed = remove(&mut self.entries.as_deref_mut()?.annotations, name);
        self.tidy();
        removed
    }

    /// The unknown (or dynamic) property or property annotation with this JSON name.
    pub fn property(&self, name: &str) -> Option<&Value> {
        find(self.property_slice(), name)
    }

    /// Unknown and dynamic properties and property annotations, in the order read.
    pub fn properties(&self) -> impl ExactSizeIterator<Item = (&str, &Value)> {
        self.property_slice().iter().map(|(k, v)| (k.as_str(), v))
    }

    /// Sets an unknown or dynamic property (or a property annotation `prop@ns.term`).
    pub fn insert_property(&mut self, name: impl Into<String>, value: Value) {
        upsert(&mut self.entries_mut().properties, name.into(), value)
    }

    /// Removes an unknown or dynamic property, returning its value.
    pub fn remove_property(&mut self, name: &str) -> Option<Value> {
        let removed = remove(&mut self.entries.as_deref_mut()?.properties, name);
        self.tidy();
        removed
    }

    /// `@odata.context` (or the 4.01 `@context`).
    pub fn context(&self) -> Option<&str> {
        self.control("context")
    }

    /// `@odata.etag` (or `@etag`): the entity's ETag, for conditional requests.
    pub fn etag(&self) -> Option<&str> {
        self.control("etag")
    }

    /// `@odata.id` (or `@id`): the entity's id.
    pub fn id(&self) -> Option<&str> {
        self.control("id")
    }

    /// `@odata.editLink` (or `@editLink`).
    pub fn edit_link(&self) -> Option<&str> {
        self.control("editLink")
    }

    /// `@odata.readLink` (or `@readLink`).
    pub fn read_link(&self) -> Option<&str> {
        self.control("readLink")
    }

    /// A string-valued control annotation in either spelling (`@odata.x` or `@x`).
    fn control(&self, term: &str) -> Option<&str> {
        self.annotation_slice().iter().find_map(|(k, v)| {
            let name = k.strip_prefix('@')?;
            let name = name.strip_prefix("odata.").unwrap_or(name);
            if name == term { v.as_str() } else { None }
        })
    }

    /// Appends what was read, keeping duplicates: decoding must not drop anything.
    pub(crate) fn push_annotation(&mut self, name: String, value: Value) {
        self.entries_mut().annotations.push((name, value));
    }

    /// Appends what was read, keeping duplicates.
    pub(crate) fn push_property(&mut self, name: String, value: Value) {
        self.entries_mut().properties.push((name, value));
    }

    /// Writes the instance annotations: control information comes before the properties, as
    /// OData JSON requires of streaming payloads. (The type annotation is the encoder's call.)
    pub(crate) fn serialize_annotations<M: SerializeMap>(&self, map: &mut M) -> Result<(), M::Error> {
        for (name, value) in self.annotation_slice() {
            map.serialize_entry(name, value)?;
        }
        Ok(())
    }

    /// Writes the unknown properties and property annotations, after the declared properties.
    pub(crate) fn serialize_tail<M: SerializeMap>(&self, map: &mut M) -> Result<(), M::Error> {
        for (name, value) in self.property_slice() {
            map.serialize_entry(name, value)?;
        }
        Ok(())
    }
}

fn find<'a>(entries: &'a [(String, Value)], name: &str) -> Option<&'a Value> {
    entries.iter().find(|(k, _)| k == name).map(|(_, v)| v)
}

fn upsert(entries: &mut Vec<(String, Value)>, name: String, value: Value) {
    match entries.iter_mut().find(|(k, _)| *k == name) {
        Some(entry) => entry.1 = value,
        None => entries.push((name, value)),
    }
}

fn remove(entries: &mut Vec<(String, Value)>, name: &str) -> Option<Value> {
    let at = entries.iter().position(|(k, _)| k == name)?;
    Some(entries.remove(at).1)
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
        assert_eq!(data.etag(), Some("W/\"1\""));
        assert_eq!(data.context(), Some("$metadata#x"));
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
        assert!(data.entries.is_none());
    }

    #[test]
    fn insert_replaces_and_names_without_at_are_properties() {
        let mut data = AdditionalData::new();
        data.insert_annotation("tenantId", Value::from("a"));
        data.insert_property("tenantId", Value::from("b"));
        assert_eq!(data.properties().len(), 1);
        assert_eq!(data.property("tenantId"), Some(&Value::from("b")));
        assert_eq!(data.remove_property("tenantId"), Some(Value::from("b")));
        assert!(data.is_empty());
    }
}
