//! `EdmType` for `Option<T>` (null), `Vec<T>` (collections) and `Box<T>`.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, Deserializer, SeqAccess, Visitor};
use serde::ser::{SerializeSeq, Serializer};

use super::EdmType;
use super::{AsEdm, EdmSeed};
use crate::TypeRef;
use crate::json_path as path;
use crate::wire::place::PushSeed;

impl<T: EdmType> EdmType for Option<T> {
    const TYPE: TypeRef = T::TYPE;

    #[inline]
    fn serialize_edm<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Some(value) => value.serialize_edm(serializer),
            None => serializer.serialize_none(),
        }
    }

    #[inline]
    fn deserialize_edm<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_option(OptionVisitor(PhantomData))
    }
}

struct OptionVisitor<T>(PhantomData<T>);

impl<'de, T: EdmType> Visitor<'de> for OptionVisitor<T> {
    type Value = Option<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} or null", T::TYPE)
    }

    #[inline]
    fn visit_none<E: de::Error>(self) -> Result<Option<T>, E> {
        Ok(None)
    }

    #[inline]
    fn visit_unit<E: de::Error>(self) -> Result<Option<T>, E> {
        Ok(None)
    }

    #[inline]
    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Option<T>, D::Error> {
        T::deserialize_edm(deserializer).map(Some)
    }
}

impl<T: EdmType> EdmType for Vec<T> {
    const TYPE: TypeRef = T::TYPE.into_collection();

    fn serialize_edm<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(self.len()))?;
        for item in self {
            seq.serialize_element(&AsEdm(item))?;
        }
        seq.end()
    }

    fn deserialize_edm<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_seq(VecVisitor(PhantomData))
    }
}

struct VecVisitor<T>(PhantomData<T>);

/// Never reserve more than this many bytes up front on a length the input merely claims.
const MAX_PREALLOCATION: usize = 1 << 20;

impl<'de, T: EdmType> Visitor<'de> for VecVisitor<T> {
    type Value = Vec<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Collection({}) (an array)", T::TYPE.name)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
        let cap = seq.size_hint().unwrap_or(0).min(MAX_PREALLOCATION / size_of::<T>().max(1));
        let mut items = Vec::with_capacity(cap);
        if T::__ODATA_IN_PLACE {
            // Each value is built at the end of `items`, not returned and moved (`wire/place.rs`).
            loop {
                let index = items.len();
                match seq.next_element_seed(PushSeed(&mut items)) {
                    Ok(Some(())) => {}
                    Ok(None) => return Ok(items),
                    Err(error) => {
                        path::index(&error, index);
                        return Err(error);
                    }
                }
            }
        }
        loop {
            match seq.next_element_seed(EdmSeed::<T>::new()) {
                Ok(Some(item)) => items.push(item),
                Ok(None) => return Ok(items),
                Err(error) => {
                    path::index(&error, items.len());
                    return Err(error);
                }
            }
        }
    }
}

impl<T: EdmType> EdmType for Box<T> {
    const TYPE: TypeRef = T::TYPE;

    #[inline]
    fn serialize_edm<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        (**self).serialize_edm(serializer)
    }

    #[inline]
    fn deserialize_edm<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        T::deserialize_edm(deserializer).map(Box::new)
    }
}
