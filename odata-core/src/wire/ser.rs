//! Encoding entity and complex values: type annotation and instance annotations first, then the
//! declared properties that are set (base part first), then the kept unknown properties.

use serde::ser::{Serialize, SerializeMap, Serializer};

use crate::navigation::Navigation;
use crate::{EdmType, NavigationTarget, ODataStructured};

/// Encodes a whole entity or complex value.
pub fn serialize_structured<T: ODataStructured, S: Serializer>(value: &T, serializer: S) -> Result<S::Ok, S::Error> {
    let mut map = serializer.serialize_map(None)?;
    let additional = value.additional_data();
    if let Some(additional) = additional {
        additional.serialize_head(&mut map)?;
    }
    value.__odata_serialize_fields(&mut map)?;
    if let Some(additional) = additional {
        additional.serialize_tail(&mut map)?;
    }
    map.end()
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
