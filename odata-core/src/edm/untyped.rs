//! `Edm.Untyped`: a property whose value may be any JSON (a vocabulary's `Core.Example` values,
//! a service's free-form settings). Kept as the text it was read as, and written back byte for
//! byte, so nothing is lost to a number's precision or an object's member order.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::value::RawValue;

use super::EdmType;
use crate::TypeRef;

/// A value of `Edm.Untyped`: any JSON value, as its text.
///
/// ```
/// use odata_core::Untyped;
///
/// let value = Untyped::from_json(r#"{"b": 1.10, "a": [true]}"#)?;
/// assert_eq!(value.json(), r#"{"b": 1.10, "a": [true]}"#);
/// assert_eq!(serde_json::to_string(&value)?, r#"{"b": 1.10, "a": [true]}"#);
/// assert_eq!(Untyped::default().json(), "null");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone)]
pub struct Untyped(Box<RawValue>);

impl Untyped {
    /// The value of a JSON text; an error if the text is not one JSON value.
    pub fn from_json(text: &str) -> Result<Untyped, serde_json::Error> {
        RawValue::from_string(text.to_owned()).map(Untyped)
    }

    /// The JSON text of the value, as it was read.
    pub fn json(&self) -> &str {
        self.0.get()
    }

    /// The value as a `serde_json::Value`, to inspect it.
    pub fn to_value(&self) -> Result<serde_json::Value, serde_json::Error> {
        serde_json::from_str(self.json())
    }
}

impl Default for Untyped {
    /// `null`.
    fn default() -> Self {
        Untyped(RawValue::NULL.to_owned())
    }
}

impl PartialEq for Untyped {
    /// The same JSON text.
    fn eq(&self, other: &Self) -> bool {
        self.json() == other.json()
    }
}

impl fmt::Debug for Untyped {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Untyped({})", self.json())
    }
}

impl EdmType for Untyped {
    const TYPE: TypeRef = TypeRef::primitive("Edm.Untyped");

    fn serialize_edm<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }

    fn deserialize_edm<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // serde_json hands the value's text over as it stands (the wire layer reads with
        // serde_json); another deserializer cannot, and that is an error, not a changed value.
        Box::<RawValue>::deserialize(deserializer).map(Untyped)
    }
}

impl Serialize for Untyped {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.serialize_edm(serializer)
    }
}

impl<'de> Deserialize<'de> for Untyped {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Self::deserialize_edm(deserializer)
    }
}

impl crate::query::ParameterValue for Untyped {
    /// The JSON text, as OData 4.01 writes values that are no literal into a URL.
    fn write_parameter(&self, out: &mut String) {
        out.push_str(self.json());
    }
}
