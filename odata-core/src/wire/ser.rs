//! Encoding entity and complex values: the type annotation and the instance annotations first,
//! then the declared properties that are set (base part first), then the kept unknown members.

use serde::ser::{SerializeMap, Serializer};

use super::de::StructuredWire;
use crate::additional::{NameOf, NullRecord};
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
    let nulls = match additional.map_or(NullRecord::None, crate::AdditionalData::null_record) {
        NullRecord::None => Nulls::NONE,
        record => Nulls::of::<T>(record),
    };
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

/// The declared properties of a value that are `null`, handed to the encoder: a bit per field
/// index (flat across the inheritance chain, as [`StructuredWire`] numbers them), so that a
/// `None` field costs one test of a constant bit instead of a search of the recorded names (a
/// Graph media stream has a dozen `None` fields and up to seven `null`s). When a `null`'s index
/// does not fit the 64 bits, every bit is set and the names are searched instead.
#[doc(hidden)]
#[derive(Clone, Copy)]
pub struct Nulls<'a> {
    bits: u64,
    /// The record to search by name when an index did not fit the bits; `None` otherwise.
    fallback: NullRecord<'a>,
}

impl<'a> Nulls<'a> {
    /// No `null`s: the usual case.
    pub const NONE: Nulls<'static> = Nulls { bits: 0, fallback: NullRecord::None };

    /// The `null`s of a value of type `T`, from the record in its `AdditionalData`: bits that
    /// `T` itself recorded are used as they are; names (or another type's bits) are looked up.
    /// A name that is not one of `T`'s properties is never written, as before.
    #[cold]
    #[inline(never)]
    fn of<T: StructuredWire>(record: NullRecord<'a>) -> Self {
        let name_of: NameOf = T::__odata_field_name;
        if let NullRecord::Bits(bits) = record
            && bits.same_type(name_of)
        {
            return Nulls { bits: bits.get(), fallback: NullRecord::None };
        }
        let mut bits = 0u64;
        for name in record.names() {
            match T::__odata_field_index(name).map(|index| 1u64.checked_shl(u32::from(index))) {
                Some(Some(bit)) => bits |= bit,
                Some(None) => return Nulls { bits: u64::MAX, fallback: record },
                None => {}
            }
        }
        Nulls { bits, fallback: NullRecord::None }
    }

    /// Whether the bits are exact (no index past 63).
    fn is_exact(self) -> bool {
        matches!(self.fallback, NullRecord::None)
    }

    /// The `null`s of the base part, whose indexes start after the `own` properties of the type.
    #[inline]
    pub fn base(self, own: u16) -> Self {
        if self.is_exact() {
            Nulls { bits: self.bits.checked_shr(u32::from(own)).unwrap_or(0), fallback: NullRecord::None }
        } else {
            self
        }
    }

    /// Whether the property at `index` may be `null`: one test of a constant bit, exact unless
    /// the names are searched or the index is past 63.
    #[inline(always)]
    fn may_contain(self, index: u16) -> bool {
        self.bits & (1u64 << (index & 63)) != 0
    }

    /// Whether the property at `index` with wire name `name` is `null`.
    fn contains(self, index: u16, name: &str) -> bool {
        match 1u64.checked_shl(u32::from(index)) {
            Some(bit) if self.is_exact() => self.bits & bit != 0,
            _ => self.fallback.names().any(|recorded| recorded == name),
        }
    }
}

/// Writes `name: value` when the property is set, `name: null` when it is `None` and marked
/// `null`; absent properties are not written. `index` is the property's field index in the type
/// whose fields are being written.
#[inline]
pub fn serialize_property<M: SerializeMap, T: EdmType>(
    map: &mut M,
    name: &'static str,
    index: u16,
    value: &Option<T>,
    nulls: Nulls<'_>,
) -> Result<(), M::Error> {
    match value {
        Some(value) => map.serialize_entry(name, &AsEdm(value)),
        None if !nulls.may_contain(index) => Ok(()),
        None => serialize_null(map, name, index, nulls),
    }
}

#[cold]
#[inline(never)]
fn serialize_null<M: SerializeMap>(map: &mut M, name: &str, index: u16, nulls: Nulls<'_>) -> Result<(), M::Error> {
    if nulls.contains(index, name) { map.serialize_entry(name, &()) } else { Ok(()) }
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
