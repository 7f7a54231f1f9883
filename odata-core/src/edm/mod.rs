//! Edm values: the mapping from Rust types to OData's primitive types, and the value types that
//! Rust's standard library lacks.
//!
//! | Edm type | Rust type |
//! |---|---|
//! | `Edm.String` | `String` |
//! | `Edm.Boolean` | `bool` |
//! | `Edm.Byte`, `Edm.SByte`, `Edm.Int16`, `Edm.Int32`, `Edm.Int64` | `u8`, `i8`, `i16`, `i32`, `i64` |
//! | `Edm.Single`, `Edm.Double` | `f32`, `f64` (`"INF"`, `"-INF"`, `"NaN"` included) |
//! | `Edm.Decimal` | [`Decimal`] (exact, any precision) |
//! | `Edm.Guid` | [`uuid::Uuid`] |
//! | `Edm.DateTimeOffset`, `Edm.Date`, `Edm.TimeOfDay` | [`DateTimeOffset`], [`Date`], [`TimeOfDay`] |
//! | `Edm.Duration` | [`Duration`] |
//! | `Edm.Binary` | [`Binary`] |
//! | `Collection(T)` | `Vec<T>` |
//! | an enumeration type with `IsFlags` | [`Flags<E>`](Flags) |
//! | `Edm.Untyped` | [`Untyped`] (any JSON, kept as its text) |
//! | `Edm.PropertyPath`, `Edm.NavigationPropertyPath`, `Edm.AnyPropertyPath`, `Edm.AnnotationPath`, `Edm.ModelElementPath` | [`PropertyPath`], [`NavigationPropertyPath`], [`AnyPropertyPath`], [`AnnotationPath`], [`ModelElementPath`] |

use serde::{Deserializer, Serializer};

use crate::TypeRef;

pub(crate) mod adapters;
mod binary;
mod containers;
mod datetime;
mod decimal;
mod duration;
mod error;
mod fast_path;
mod flags;
pub(crate) mod member;
mod paths;
pub(crate) mod primitive;
mod text;
mod untyped;

pub(crate) use adapters::{AsEdm, EdmSeed};
pub use binary::Binary;
pub use datetime::{Date, DateTimeOffset, TimeOfDay};
pub use decimal::Decimal;
pub use duration::Duration;
pub use error::EdmParseError;
pub use flags::Flags;
pub use paths::{AnnotationPath, AnyPropertyPath, ModelElementPath, NavigationPropertyPath, PropertyPath};
pub use untyped::Untyped;

/// A Rust type that holds values of an OData type, and reads and writes them in OData JSON.
///
/// Implemented for the Rust types in the table of the [module docs](self), for `Option<T>`
/// (`null`), `Vec<T>` (collections) and `Box<T>`, and by the derives for entity, complex and
/// enumeration types. Every field of a derived struct holds an `EdmType` (inside its `Option`).
///
/// Implement it for a newtype of your own to give it an Edm type.
#[diagnostic::on_unimplemented(
    message = "`{Self}` has no OData (Edm) type",
    label = "cannot be the type of an OData property",
    note = "use a type with an Edm mapping (String, bool, i32, i64, f64, odata_core::DateTimeOffset, ...), a type with `#[derive(ODataComplex)]` / `#[derive(ODataEnum)]`, or implement `odata_core::EdmType` for it"
)]
pub trait EdmType: Sized {
    /// The OData type of values of this Rust type, for metadata.
    const TYPE: TypeRef;

    /// Writes the value in OData JSON.
    fn serialize_edm<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error>;

    /// Reads a value from OData JSON.
    fn deserialize_edm<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error>;

    /// Whether a property of this type is read with [`__odata_deserialize_in`](Self::__odata_deserialize_in)
    /// (the derives' entity and complex types and polymorphic holders: structs that returning by
    /// value would copy out of the reader and again into the field).
    #[doc(hidden)]
    const __ODATA_IN_PLACE: bool = false;

    /// Reads a value from OData JSON into `slot`, which is `None`.
    #[doc(hidden)]
    #[inline]
    fn __odata_deserialize_in<'de, D: Deserializer<'de>>(
        deserializer: D,
        slot: &mut Option<Self>,
    ) -> Result<(), D::Error> {
        *slot = Some(Self::deserialize_edm(deserializer)?);
        Ok(())
    }

    /// Reads a value from OData JSON onto the end of `items` (for `Vec<Self>`, when
    /// [`__ODATA_IN_PLACE`](Self::__ODATA_IN_PLACE)). On error, `items` may hold a partly read
    /// last value.
    #[doc(hidden)]
    #[inline]
    fn __odata_deserialize_push<'de, D: Deserializer<'de>>(
        deserializer: D,
        items: &mut Vec<Self>,
    ) -> Result<(), D::Error> {
        items.push(Self::deserialize_edm(deserializer)?);
        Ok(())
    }
}
