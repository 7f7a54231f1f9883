//! Encoding entity and complex values: the type annotation and the instance annotations first,
//! then the declared properties that are set (base part first), then the kept unknown members.

use serde::ser::{SerializeMap, Serializer};

use super::de::{Nulls, StructuredWire};
use crate::edm::AsEdm;
use crate::encode::always_write_type;
use crate::navigation::Navigation;
use crate::{EdmType, NavigationTarget, ODataStructured};

/// Encodes a whole entity or complex value where its own type is the declared type.
pub fn serialize_structured<T, S>(value: &T, serializer: S) -> Result<S::Ok, S::Error>
where
    T: ODataStructured + StructuredWire,
    S: Serializer,
{
    serialize_as(value, serializer, true)
}

/// Encodes the value of a polymorphic enum's variant; `is_declared` tells whether the variant
/// holds the declared type itself (the generated code knows it per variant).
pub fn serialize_variant<T, S>(value: &T, serializer: S, is_declared: bool) -> Result<S::Ok, S::Error>
where
    T: ODataStructured + StructuredWire,
    S: Serializer,
{
    serialize_as(value, serializer, is_declared)
}

fn serialize_as<T, S>(value: &T, serializer: S, is_declared: bool) -> Result<S::Ok, S::Error>
where
    T: ODataStructured + StructuredWire,
    S: Serializer,
{
    let mut map = serializer.serialize_map(None)?;
    let additional = value.additional_data();
    let instance = Instance { name: T::QUALIFIED_NAME, annotation: T::TYPE_ANNOTATION, is_declared };
    write_head(&mut map, additional, instance)?;
    let nulls = additional.map(crate::AdditionalData::null_names).unwrap_or_default();
    value.__odata_serialize_fields(&mut map, nulls)?;
    if let Some(additional) = additional.filter(|a| a.has_members()) {
        additional.serialize_tail(&mut map)?;
    }
    map.end()
}

/// What the encoder needs to know about the value's type to decide on `@odata.type`.
#[derive(Clone, Copy)]
struct Instance {
    name: &'static str,
    annotation: &'static str,
    is_declared: bool,
}

/// The type annotation and the instance annotations. Not generic over the value's type (and not
/// inlined), so that each type's encoder stays small: the code of a whole page's types then fits
/// the instruction cache.
///
/// `@odata.type` is written when the value's type differs from the declared type, or when the
/// caller asks for it (`EncodeOptions`); an annotation that was read is written back as read
/// (same key, same text) when it names the value's type, or names a type the model does not know
/// on a value of the declared type.
#[inline(never)]
fn write_head<M: SerializeMap>(
    map: &mut M,
    additional: Option<&crate::AdditionalData>,
    instance: Instance,
) -> Result<(), M::Error> {
    let read = additional.and_then(|d| d.type_annotation());
    match read {
        Some(annotation) if instance.is_declared || annotation.names(instance.annotation, instance.name) => {
            map.serialize_entry(annotation.key().as_str(), annotation.value())?
        }
        _ if !instance.is_declared || always_write_type() => map.serialize_entry("@odata.type", instance.annotation)?,
        _ => {}
    }
    if let Some(additional) = additional {
        additional.serialize_annotations(map)?;
    }
    Ok(())
}

/// Writes `name: value` when the property is set, `name: null` when it is `None` and marked
/// `null`; absent properties are not written.
#[inline]
pub fn serialize_property<M: SerializeMap, T: EdmType>(
    map: &mut M,
    name: &'static str,
    value: &Option<T>,
    nulls: Nulls<'_>,
) -> Result<(), M::Error> {
    match value {
        Some(value) => map.serialize_entry(name, &AsEdm(value)),
        None if nulls.is_empty() => Ok(()),
        None => serialize_null(map, name, nulls),
    }
}

#[cold]
#[inline(never)]
fn serialize_null<M: SerializeMap>(map: &mut M, name: &str, nulls: Nulls<'_>) -> Result<(), M::Error> {
    if nulls.iter().any(|null| same_name(null, name)) { map.serialize_entry(name, &()) } else { Ok(()) }
}

/// Whether two wire names are the same: by address first, since a recorded `null`'s name is
/// usually the very constant the encoder holds (then no byte is compared), by text otherwise.
/// Every `None` field of a value with `null`s asks this of each recorded name.
#[inline]
fn same_name(a: &str, b: &str) -> bool {
    a.len() == b.len() && (std::ptr::eq(a.as_ptr(), b.as_ptr()) || a == b)
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
        None if value.bound_ids().is_empty() => Ok(()),
        None => serialize_binds(map, name, value.bound_ids(), T::TYPE.collection),
    }
}

/// Links to existing entities: `nav@odata.bind` in OData 4.0, entity references in 4.01.
#[inline(never)]
fn serialize_binds<M: SerializeMap>(map: &mut M, name: &str, ids: &[String], collection: bool) -> Result<(), M::Error> {
    use serde_json::{Value, json};
    match crate::encode::version() {
        crate::ODataVersion::V4_0 => {
            let key = format!("{name}@odata.bind");
            match (collection, ids.first()) {
                (false, Some(id)) => map.serialize_entry(&key, id),
                _ => map.serialize_entry(&key, ids),
            }
        }
        crate::ODataVersion::V4_01 => {
            let references: Vec<Value> = ids.iter().map(|id| json!({ "@id": id })).collect();
            match (collection, references.first()) {
                (false, Some(reference)) => map.serialize_entry(name, reference),
                _ => map.serialize_entry(name, &references),
            }
        }
    }
}
