//! Values built where they stay: a property's `Option` slot gets the value's empty struct first,
//! and the members are read into it there.
//!
//! Returned by value, a decoded struct is copied out of its reader, into the `Result`, into the
//! `Option` and into its field: for a polymorphic holder (as large as its largest unboxed variant)
//! or a struct of a few hundred bytes, those copies cost more than the reading of a small value.
//! [`EdmType::__odata_deserialize_in`] is the hook; the derives implement it for entity and complex
//! types and their polymorphic holders, and every other type keeps `deserialize_edm`.

use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, Visitor};

use super::de::{SeenNulls, StructuredWire, visit_entries};
use crate::{EdmType, ODataStructured};

/// Decodes an entity or complex value (not the outermost) into `slot`, which is `None`.
#[inline]
pub fn deserialize_structured_in<'de, T, D>(deserializer: D, slot: &mut Option<T>) -> Result<(), D::Error>
where
    T: ODataStructured + StructuredWire,
    D: Deserializer<'de>,
{
    deserializer.deserialize_map(StructuredPlaceVisitor::new(|| slot.insert(T::__odata_empty())))
}

/// Reads an object's members into the empty struct that `place` puts where the value stays (the
/// slot or the `Vec`): only once the value is known to be an object, so that any other JSON
/// leaves the place as it was.
struct StructuredPlaceVisitor<F>(F);

impl<F> StructuredPlaceVisitor<F> {
    /// Bounds the closure as called once, so that it may hand out the borrow it holds.
    fn new<'a, T: 'a>(place: F) -> Self
    where
        F: FnOnce() -> &'a mut T,
    {
        StructuredPlaceVisitor(place)
    }
}

impl<'de, 'a, T, F> Visitor<'de> for StructuredPlaceVisitor<F>
where
    T: ODataStructured + StructuredWire + 'a,
    F: FnOnce() -> &'a mut T,
{
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "an object of type {}", T::QUALIFIED_NAME)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        visit_entries((self.0)(), &mut map, &mut SeenNulls::default())
    }
}

/// Reads an `Option` property's value into its slot (which is `None`): `null` leaves it so, and
/// anything else goes to [`EdmType::__odata_deserialize_in`].
pub(crate) struct OptionInSeed<'a, T>(pub(crate) &'a mut Option<T>);

impl<'de, T: EdmType> DeserializeSeed<'de> for OptionInSeed<'_, T> {
    type Value = ();

    #[inline]
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_option(self)
    }
}

impl<'de, T: EdmType> Visitor<'de> for OptionInSeed<'_, T> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} or null", T::TYPE)
    }

    #[inline]
    fn visit_none<E: de::Error>(self) -> Result<(), E> {
        Ok(())
    }

    #[inline]
    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        Ok(())
    }

    #[inline]
    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        T::__odata_deserialize_in(deserializer, self.0)
    }
}

/// Reads a collection's next value onto the end of the `Vec` (see
/// [`EdmType::__odata_deserialize_push`]).
pub(crate) struct PushSeed<'a, T>(pub(crate) &'a mut Vec<T>);

impl<'de, T: EdmType> DeserializeSeed<'de> for PushSeed<'_, T> {
    type Value = ();

    #[inline]
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        T::__odata_deserialize_push(deserializer, self.0)
    }
}

/// Decodes an entity or complex value (not the outermost) onto the end of `items`.
#[inline]
pub fn deserialize_structured_push<'de, T, D>(deserializer: D, items: &mut Vec<T>) -> Result<(), D::Error>
where
    T: ODataStructured + StructuredWire,
    D: Deserializer<'de>,
{
    // Not `push`: it builds the value on the stack and copies it in after making room;
    // `resize_with` makes room first and builds the value in it.
    deserializer.deserialize_map(StructuredPlaceVisitor::new(|| {
        items.resize_with(items.len() + 1, T::__odata_empty);
        let last = items.len() - 1;
        &mut items[last]
    }))
}
