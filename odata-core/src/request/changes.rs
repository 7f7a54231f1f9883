//! Change sets for updates (`PATCH`): each property unchanged, set to a value, or set to `null`,
//! and nothing else. Keys and read-only properties are never sent: `Changes::set` takes only
//! writable properties (a key or read-only property does not compile), and [`Changes::diff`]
//! leaves them out (and refuses a changed key).

use std::fmt;
use std::marker::PhantomData;

use serde::Serialize;
use serde_json::{Map, Value};

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
    members: Map<String, Value>,
    /// The first value that did not encode, reported by `to_value`.
    error: Option<ChangeError>,
    marker: PhantomData<fn() -> T>,
}

/// A change set that cannot be sent.
#[derive(Debug, Clone, PartialEq, Eq)]
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

impl<T> Changes<T> {
    /// No changes.
    pub fn new() -> Self {
        Changes { members: Map::new(), error: None, marker: PhantomData }
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
        match request_value(&crate::__private::AsEdm(&value.into())) {
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
        self.insert(&property.path(), Value::Null);
        self
    }

    fn insert(&mut self, path: &str, value: Value) {
        let mut segments: Vec<&str> = path.split('/').collect();
        let Some(last) = segments.pop() else { return };
        let mut object = &mut self.members;
        for segment in segments {
            let entry = object.entry(segment.to_owned()).or_insert_with(|| Value::Object(Map::new()));
            if !entry.is_object() {
                // A whole value was set before: the nested change replaces it.
                *entry = Value::Object(Map::new());
            }
            let Value::Object(inner) = entry else { return };
            object = inner;
        }
        object.insert(last.to_owned(), value);
    }

    /// Whether nothing changes (an update then needs no request).
    pub fn is_empty(&self) -> bool {
        self.members.is_empty()
    }

    /// The changed properties' wire names.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.members.keys().map(String::as_str)
    }

    /// The new value of a property (`Value::Null` for a clear).
    pub fn get(&self, name: &str) -> Option<&Value> {
        self.members.get(name)
    }

    /// The body, as JSON text.
    pub fn to_json(&self) -> Result<String, ChangeError> {
        self.to_value().map(|value| value.to_string())
    }

    /// The body, as a JSON value.
    pub fn to_value(&self) -> Result<Value, ChangeError> {
        if let Some(error) = &self.error {
            return Err(error.clone());
        }
        Ok(Value::Object(self.members.clone()))
    }
}

impl<T: ODataType + Serialize> Changes<T> {
    /// What changed from `before` to `after`, property by property in OData JSON: a changed
    /// value is set, a removed one cleared; a complex value that changed anywhere is sent whole,
    /// a collection replaced whole. Keys (an error if changed), read-only properties, navigation
    /// properties and annotations are left out.
    pub fn diff(before: &T, after: &T) -> Result<Self, ChangeError> {
        let encode = |value: &T| match request_value(value) {
            Ok(Value::Object(members)) => Ok(members),
            Ok(_) => Ok(Map::new()),
            Err(error) => {
                Err(ChangeError::Encode { property: T::QUALIFIED_NAME.to_owned(), message: error.to_string() })
            }
        };
        let (before, after) = (encode(before)?, encode(after)?);
        let info = T::TYPE_INFO;
        let keys = info.key();
        let mut changes = Changes::new();
        let names = after.keys().chain(before.keys().filter(|name| !after.contains_key(*name)));
        for name in names {
            // Absent and `null` differ: a property set to null (`set_null`) is a change.
            let (old, new) = (before.get(name), after.get(name));
            if old == new || name.contains('@') || info.navigation_property(name).is_some() {
                continue;
            }
            let new = new.unwrap_or(&Value::Null);
            if keys.contains(&name.as_str()) {
                return Err(ChangeError::KeyChanged { type_name: info.qualified_name, property: name.clone() });
            }
            if info.property(name).is_some_and(|p| p.read_only) {
                continue;
            }
            changes.members.insert(name.clone(), new.clone());
        }
        Ok(changes)
    }
}

/// A value as it goes into a request body ([`Payload::Request`]).
fn request_value<V: Serialize + ?Sized>(value: &V) -> serde_json::Result<Value> {
    let options = EncodeOptions { payload: Payload::Request, ..EncodeOptions::default() };
    with_encode_options(options, || serde_json::to_value(value))
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
