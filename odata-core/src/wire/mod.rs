//! The OData JSON wire format: the machinery behind the generated `Serialize`/`Deserialize`.
//!
//! Generated code stays small: per type it emits name/index `match`es and one line per field;
//! the loops, the handling of annotations and unknown data, and the error paths live here.

pub(crate) mod de;
pub(crate) mod enums;
pub(crate) mod place;
pub(crate) mod poly;
pub(crate) mod ser;

pub(crate) use de::NavigationControl;
