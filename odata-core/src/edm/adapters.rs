//! Serde adapters for any [`EdmType`]: a `DeserializeSeed` and a `Serialize` wrapper, so that
//! collections, options and the wire format can nest Edm values in serde's machinery.

use std::marker::PhantomData;

use serde::de::{DeserializeSeed, Deserializer};
use serde::{Serialize, Serializer};

use super::EdmType;

/// Decodes any [`EdmType`] as a nested value (no path finishing).
pub struct EdmSeed<T>(PhantomData<T>);

impl<T> EdmSeed<T> {
    /// The seed for `T`.
    #[inline]
    pub fn new() -> Self {
        EdmSeed(PhantomData)
    }
}

impl<T> Default for EdmSeed<T> {
    fn default() -> Self {
        Self::new()
    }
}

impl<'de, T: EdmType> DeserializeSeed<'de> for EdmSeed<T> {
    type Value = T;

    #[inline]
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<T, D::Error> {
        T::deserialize_edm(deserializer)
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
