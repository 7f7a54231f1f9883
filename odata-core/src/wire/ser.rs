//! Encoding entity and complex values: the type annotation and the instance annotations first,
//! then the declared properties that are set (base part first), then the kept unknown members.

use serde::ser::{Serialize, SerializeMap, Serializer};

use super::de::StructuredWire;
use crate::encode::always_write_type;
use crate::navigation::Navigation;
use crate::{EdmType, NavigationTarget, ODataStructured, TypeAnnotation};

/// Encodes a whole entity or complex value where its own type is the declared type.
pub fn serialize_structured<T, S>(value: &T, serializer: S) -> Result<S::Ok, S::Error>
where
    T: ODataStructured + StructuredWire,
    S: Serializer,
{
    serialize_variant(value, serializer, T::QUALIFIED_NAME)
}

/// Encodes a value of type `T` where type `declared` (`T` or a base type of it) is expected.
pub fn serialize_variant<T, S>(value: &T, serializer: S, declared: &'static str) -> Result<S::Ok, S::Error>
where
    T: ODataStructured + StructuredWire,
    S: Serializer,
{
    let mut map = serializer.serialize_map(None)?;
    let additional = value.additional_data();
    write_type_annotation::<T, S::SerializeMap>(additional.and_then(|d| d.type_annotation()), declared, &mut map)?;
    if let Some(additional) = additional {
        additional.serialize_annotations(&mut map)?;
    }
    value.__odata_serialize_fields(&mut map)?;
    if let Some(additional) = additional {
        additional.serialize_tail(&mut map)?;
    }
    map.end()
}

/// `@odata.type` is written when the value's type differs from the declared type, or when the
/// caller asks for it (`EncodeOptions`); an annotation that was read is written back as read
/// (same key, same text) when it names the value's type, or names a type the model does not know
/// on a value of the declared type.
fn write_type_annotation<T: StructuredWire + ODataStructured, M: SerializeMap>(
    read: Option<&TypeAnnotation>,
    declared: &'static str,
    map: &mut M,
) -> Result<(), M::Error> {
    let instance = T::QUALIFIED_NAME;
    match read {
        Some(annotation) if instance == declared || annotation.type_name() == instance => {
            map.serialize_entry(annotation.key().as_str(), annotation.value())
        }
        _ if instance != declared || always_write_type() => map.serialize_entry("@odata.type", T::TYPE_ANNOTATION),
        _ => Ok(()),
    }
}

/// Writes `name: value` when the property is set; absent properties are not written.
#[inline]
pub fn serialize_property<M: SerializeMap, T: EdmType>(
    map: &mut M,
    name: &'static str,
    value: &Option<T>,
) -> Result<(), M::Error> {
    match value {
        Some(value) => map.serialize_entry(name, &AsEdm(value)),
        None => Ok(()),
    }
}

/// Writes a navigation property's annotations, then its value when it was expanded.
#[inline]
pub fn serialize_navigation<M: SerializeMap, T: NavigationTarget>(
    map: &mut M,
    name: &'static str,
    value: &Navigation<T>,
) -> Result<(), M::Error> {
    value.serialize_annotations(name, map)?;
    match value.expansion() {
        Some(Some(value)) => map.serialize_entry(name, &AsEdm(value)),
        Some(None) => map.serialize_entry(name, &()),
        None => Ok(()),
    }
}

/// Gives any [`EdmType`] a `Serialize` impl that writes its OData JSON form.
pub struct AsEdm<'a, T>(pub &'a T);

impl<T: EdmType> Serialize for AsEdm<'_, T> {
    #[inline]
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize_edm(serializer)
    }
}
