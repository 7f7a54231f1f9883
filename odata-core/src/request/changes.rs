//! Change sets for updates (`PATCH`): each property unchanged, set to a value, or set to `null`,
//! and nothing else. Keys and read-only properties are never sent: `Changes::set` takes only
//! writable properties (a key or read-only property does not compile), and [`Changes::diff`]
//! leaves them out (and refuses a changed key).

use std::fmt;
use std::marker::PhantomData;

use std::collections::BTreeMap;

use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};
use serde_json::Value;
use serde_json::value::RawValue;

use super::members::Members;
use crate::encode::{EncodeOptions, Payload, with_encode_options};
use crate::query::{Expr, Inherits, Member};
use crate::{EdmType, ODataType};

/// The changes to an `T`: the body of a `PATCH`. See the [`request`](crate::request) module.
///
/// ```
/// # use odata_core::{AdditionalData, ODataComplex, ODataEntity, DateTimeOffset};
/// # use odata_core::request::Changes;
/// # #[derive(ODataComplex, Debug, Clone, Default, PartialEq)]
/// # #[odata(type = "ns.failureInfo")]
/// # pub struct FailureInfo { pub reason: Option<String>, pub additional_data: AdditionalData }
/// # #[derive(ODataEntity, Debug, Clone, Default, PartialEq)]
/// # #[odata(type = "ns.session", key_property = "id")]
/// # pub struct Session {
/// #     pub id: Option<String>,
/// #     pub end_date_time: Option<DateTimeOffset>,
/// #     pub failure_info: Option<FailureInfo>,
/// #     #[odata(read_only)]
/// #     pub last_modified: Option<DateTimeOffset>,
/// #     pub additional_data: AdditionalData,
/// # }
/// let end = DateTimeOffset::parse("2020-02-25T18:52:46.7640013Z")?;
/// let changes = Changes::<Session>::new().set(Session::END_DATE_TIME, end).clear(Session::FAILURE_INFO);
/// assert_eq!(changes.to_json()?, r#"{"endDateTime":"2020-02-25T18:52:46.7640013Z","failureInfo":null}"#);
///
/// // Only what differs, never the key or a read-only property:
/// let before = Session { id: Some("s".into()), last_modified: Some(end), ..Default::default() };
/// let mut after = before.clone();
/// after.failure_info = Some(FailureInfo { reason: Some("timeout".into()), ..Default::default() });
/// after.last_modified = None;
/// let changes = Changes::diff(&before, &after)?;
/// assert_eq!(changes.to_json()?, r#"{"failureInfo":{"reason":"timeout"}}"#);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub struct Changes<T> {
    /// By wire name: the body's members, each value kept as the JSON text it encodes to (an
    /// `Edm.Decimal` with every digit).
    members: BTreeMap<String, Change>,
    /// The first value that did not encode, reported by `to_value`.
    error: Option<ChangeError>,
    marker: PhantomData<fn() -> T>,
}

/// A change set that cannot be sent.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ChangeError {
    /// A value did not encode (named by its property).
    Encode {
        /// The property.
        property: String,
        /// Why.
        message: String,
    },
    /// [`Changes::diff`] found a changed key: an update cannot change a key.
    KeyChanged {
        /// The OData type.
        type_name: &'static str,
        /// The key property.
        property: String,
    },
}

impl fmt::Display for ChangeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ChangeError::Encode { property, message } => write!(f, "property `{property}` does not encode: {message}"),
            ChangeError::KeyChanged { type_name, property } => {
                write!(f, "the key property `{property}` of {type_name} changed; an update cannot change a key")
            }
        }
    }
}

impl std::error::Error for ChangeError {}

/// One member of a change set: a value, or (for a path into a complex property) the members of a
/// nested object.
#[derive(Clone)]
enum Change {
    Value(Box<RawValue>),
    Object(BTreeMap<String, Change>),
}

impl fmt::Debug for Change {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Change::Value(raw) => f.write_str(raw.get()),
            Change::Object(members) => f.debug_map().entries(members).finish(),
        }
    }
}

impl Serialize for Change {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Change::Value(raw) => raw.serialize(serializer),
            Change::Object(members) => {
                let mut map = serializer.serialize_map(Some(members.len()))?;
                for (name, member) in members {
                    map.serialize_entry(name, member)?;
                }
                map.end()
            }
        }
    }
}

impl<T> Changes<T> {
    /// No changes.
    pub fn new() -> Self {
        Changes { members: BTreeMap::new(), error: None, marker: PhantomData }
    }

    /// Sets the property (of `T` or of its base types) to `value`. A path into a complex
    /// property (`Session::FAILURE_INFO.then(FailureInfo::REASON)`) writes the nested object
    /// `{"failureInfo":{"reason":...}}`, which OData 4.01 services merge; for a 4.0 service set
    /// the whole complex value. Keys and read-only properties do not compile here.
    pub fn set<B, V: EdmType, D>(mut self, property: Expr<B, V, Member>, value: impl Into<V>) -> Self
    where
        T: Inherits<B, D>,
    {
        let path = property.path();
        match request_text(&crate::edm::AsEdm(&value.into())) {
            Ok(value) => self.insert(&path, value),
            Err(error) => {
                self.error.get_or_insert(ChangeError::Encode { property: path, message: error.to_string() });
            }
        }
        self
    }

    /// Sets the property to `null`.
    pub fn clear<B, V, D>(mut self, property: Expr<B, V, Member>) -> Self
    where
        T: Inherits<B, D>,
    {
        self.insert(&property.path(), RawValue::NULL.to_owned());
        self
    }

    fn insert(&mut self, path: &str, value: Box<RawValue>) {
        let mut segments: Vec<&str> = path.split('/').collect();
        let Some(last) = segments.pop() else { return };
        let mut object = &mut self.members;
        for segment in segments {
            let entry = object.entry(segment.to_owned()).or_insert_with(|| Change::Object(BTreeMap::new()));
            if let Change::Value(_) = entry {
                // A whole value was set before: the nested change replaces it.
                *entry = Change::Object(BTreeMap::new());
            }
            let Change::Object(inner) = entry else { return };
            object = inner;
        }
        object.insert(last.to_owned(), Change::Value(value));
    }

    /// Whether nothing changes (an update then needs no request).
    pub fn is_empty(&self) -> bool {
        self.members.is_empty()
    }

    /// The changed properties' wire names.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.members.keys().map(String::as_str)
    }

    /// The new value of a property as JSON text (`null` for a clear; an object of the changed
    /// members for a path into a complex property).
    pub fn get(&self, name: &str) -> Option<String> {
        self.members.get(name).and_then(|member| crate::encode::json_string(member).ok())
    }

    /// The body, as JSON text: every value exactly as its type writes it (an `Edm.Decimal` with
    /// every digit), members in name order.
    pub fn to_json(&self) -> Result<String, ChangeError> {
        if let Some(error) = &self.error {
            return Err(error.clone());
        }
        crate::encode::json_string(&self.members)
            .map_err(|e| ChangeError::Encode { property: "(the change set)".to_owned(), message: e.to_string() })
    }

    /// The body, as a `serde_json::Value`: numbers as `serde_json` reads them, so a decimal with
    /// more digits than an `f64` holds is rounded here; [`to_json`](Self::to_json) is exact.
    pub fn to_value(&self) -> Result<Value, ChangeError> {
        let text = self.to_json()?;
        serde_json::from_str(&text)
            .map_err(|e| ChangeError::Encode { property: "(the change set)".to_owned(), message: e.to_string() })
    }
}

impl<T: ODataType + Serialize> Changes<T> {
    /// What changed from `before` to `after`, property by property in OData JSON: a changed
    /// value is set, a removed one cleared; a complex value that changed anywhere is sent whole,
    /// a collection replaced whole. Keys (an error if changed), read-only properties, navigation
    /// properties and annotations are left out.
    pub fn diff(before: &T, after: &T) -> Result<Self, ChangeError> {
        // Each side's members as JSON text: compared by text, sent as text.
        let failed = |error: serde_json::Error| ChangeError::Encode {
            property: T::QUALIFIED_NAME.to_owned(),
            message: error.to_string(),
        };
        let (before, after) = (request_text(before).map_err(failed)?, request_text(after).map_err(failed)?);
        let before = Members::parse(before.get().as_bytes()).map_err(failed)?;
        let after = Members::parse(after.get().as_bytes()).map_err(failed)?;
        let info = T::TYPE_INFO;
        let keys = info.key();
        let mut changes = Changes::new();
        let not_in_after = |name: &&String| after.get(name).is_none();
        let names =
            after.0.iter().map(|(name, _)| name).chain(before.0.iter().map(|(name, _)| name).filter(not_in_after));
        for name in names {
            // Absent and `null` differ: a property set to null (`set_null`) is a change.
            let (old, new) = (before.get(name).map(RawValue::get), after.get(name).map(RawValue::get));
            if old == new || name.contains('@') || info.navigation_property(name).is_some() {
                continue;
            }
            if keys.contains(&name.as_str()) {
                return Err(ChangeError::KeyChanged { type_name: info.qualified_name, property: name.clone() });
            }
            if info.property(name).is_some_and(|p| p.read_only) {
                continue;
            }
            let new = new.and_then(|text| RawValue::from_string(text.to_owned()).ok());
            changes.members.insert(name.clone(), Change::Value(new.unwrap_or_else(|| RawValue::NULL.to_owned())));
        }
        Ok(changes)
    }
}

/// A value as it goes into a request body ([`Payload::Request`]), as JSON text.
fn request_text<V: Serialize + ?Sized>(value: &V) -> serde_json::Result<Box<RawValue>> {
    let options = EncodeOptions::new().payload(Payload::Request);
    with_encode_options(options, || serde_json::value::to_raw_value(value))
}

impl<T> Default for Changes<T> {
    fn default() -> Self {
        Changes::new()
    }
}

impl<T> Clone for Changes<T> {
    fn clone(&self) -> Self {
        Changes { members: self.members.clone(), error: self.error.clone(), marker: PhantomData }
    }
}

impl<T> fmt::Debug for Changes<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Changes").field(&self.members).finish()
    }
}
