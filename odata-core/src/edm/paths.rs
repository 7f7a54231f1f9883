//! The path types of CSDL (`Edm.PropertyPath`, `Edm.NavigationPropertyPath`, ...), which
//! vocabularies use for properties that name other parts of a model (`Capabilities.
//! FilterRestrictions/NonFilterableProperties`). In JSON each is a string; a type of its own
//! keeps the CSDL type in the model a program describes.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::EdmType;
use crate::TypeRef;

macro_rules! path_types {
    ($($(#[$doc:meta])* $name:ident => $edm:literal;)*) => {$(
        $(#[$doc])*
        #[derive(Debug, Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(pub String);

        impl EdmType for $name {
            const TYPE: TypeRef = TypeRef::primitive($edm);

            fn serialize_edm<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(&self.0)
            }

            fn deserialize_edm<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                <String as EdmType>::deserialize_edm(deserializer).map($name)
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                self.serialize_edm(serializer)
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                Self::deserialize_edm(deserializer)
            }
        }

        impl From<&str> for $name {
            fn from(path: &str) -> Self {
                $name(path.to_owned())
            }
        }
    )*};
}

path_types! {
    /// `Edm.PropertyPath`: a path to a structural property (`Address/City`).
    PropertyPath => "Edm.PropertyPath";
    /// `Edm.NavigationPropertyPath`: a path to a navigation property (`Orders`).
    NavigationPropertyPath => "Edm.NavigationPropertyPath";
    /// `Edm.AnyPropertyPath`: a path to a structural or navigation property.
    AnyPropertyPath => "Edm.AnyPropertyPath";
    /// `Edm.AnnotationPath`: a path to an annotation (`Address/@Core.Description`).
    AnnotationPath => "Edm.AnnotationPath";
    /// `Edm.ModelElementPath`: a path to any model element.
    ModelElementPath => "Edm.ModelElementPath";
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // Tests may unwrap: a panic is a failed test.
mod tests {
    use super::*;

    #[test]
    fn paths_are_json_strings_of_their_own_type() {
        let path: PropertyPath = serde_json::from_str(r#""Address/City""#).unwrap();
        assert_eq!(path, PropertyPath::from("Address/City"));
        assert_eq!(serde_json::to_string(&path).unwrap(), r#""Address/City""#);
        assert_eq!(<NavigationPropertyPath as EdmType>::TYPE.name, "Edm.NavigationPropertyPath");
        assert!(serde_json::from_str::<AnnotationPath>("1").is_err());
    }
}
