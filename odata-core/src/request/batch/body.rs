//! [`RawJson`]: batch bodies (and members the batch format does not define) kept as the JSON
//! text that was written or received, so that numbers keep every digit.

use std::fmt;
use std::hash::{Hash, Hasher};
use std::str::FromStr;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;
use serde_json::value::RawValue;

use crate::encode::{EncodeOptions, Payload, to_vec_with};

/// One JSON value kept as its text, exactly as it was encoded or received: the body of a batch
/// request or response item, or a member of a batch document that the format does not define.
///
/// `serde_json::Value` holds a number as an `f64` (or a 64-bit integer), so an `Edm.Decimal`
/// such as `1234567890.123456789012345` or `0.10` would come out as `1234567890.1234568` and
/// `0.1`. A `RawJson` is only parsed when it is read as its type ([`RawJson::read`]), and written
/// verbatim, so [`Decimal`](crate::Decimal), large `Edm.Int64` values and unknown members come
/// through a batch digit for digit in both directions.
///
/// Equality compares the text (`{"a":1}` and `{ "a": 1 }` differ).
///
/// ```
/// use odata_core::request::RawJson;
///
/// let body = RawJson::from_slice(br#"{"price": 1234567890.123456789012345, "tax": 0.10}"#)?;
/// assert_eq!(body.get(), r#"{"price": 1234567890.123456789012345, "tax": 0.10}"#);
/// #[derive(serde::Deserialize)]
/// struct Price { price: odata_core::Decimal }
/// assert_eq!(body.read::<Price>()?.price.as_str(), "1234567890.123456789012345");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone)]
pub struct RawJson(Box<RawValue>);

impl RawJson {
    /// JSON bytes as they are (surrounding whitespace left out); an error when they are not one
    /// JSON value.
    pub fn from_slice(bytes: &[u8]) -> serde_json::Result<Self> {
        let raw: &RawValue = serde_json::from_slice(bytes)?;
        Ok(RawJson(raw.to_owned()))
    }

    /// JSON text as it is (surrounding whitespace left out); an error when it is not one JSON
    /// value.
    pub fn from_string(text: String) -> serde_json::Result<Self> {
        RawValue::from_string(text).map(RawJson)
    }

    /// A `serde_json::Value`, encoded once. Its numbers are what the `Value` holds: a `Value`
    /// made from a decimal has already rounded it; use [`RawJson::request_body`] or
    /// [`RawJson::from_slice`] for exact numbers.
    pub fn from_value(value: &Value) -> Self {
        // A `Value` always encodes: its keys are strings and it holds no NaN or infinity.
        RawJson(serde_json::value::to_raw_value(value).unwrap_or_else(|_| null()))
    }

    /// A JSON string holding `text`: the body of a `text/*` request or response.
    pub fn text(text: &str) -> Self {
        RawJson::from_value(&Value::String(text.to_owned()))
    }

    /// `null`, which a batch item treats as no body.
    pub fn null() -> Self {
        RawJson(null())
    }

    /// A Rust value encoded as the body of a request: with
    /// [`EncodeOptions::new().payload(Payload::Request)`](Payload::Request), so a value that was
    /// read carries none of the control information only a service sends (`@odata.context`,
    /// `@odata.etag`, `@odata.id`, `@odata.editLink`, `nav@odata.nextLink`, ...), while
    /// `@odata.type` and binds stay. Decimals keep every digit.
    pub fn request_body<T: Serialize + ?Sized>(value: &T) -> serde_json::Result<Self> {
        RawJson::encode_with(value, EncodeOptions::new().payload(Payload::Request))
    }

    /// A Rust value encoded with the options given (see [`crate::to_vec_with`]).
    pub fn encode_with<T: Serialize + ?Sized>(value: &T, options: EncodeOptions) -> serde_json::Result<Self> {
        let bytes = to_vec_with(value, options)?;
        let text = String::from_utf8(bytes).map_err(serde::ser::Error::custom)?;
        RawJson::from_string(text)
    }

    /// The JSON text.
    pub fn get(&self) -> &str {
        self.0.get()
    }

    /// The JSON text as bytes.
    pub fn as_bytes(&self) -> &[u8] {
        self.0.get().as_bytes()
    }

    /// The text as serde_json's `RawValue`.
    pub fn as_raw(&self) -> &RawValue {
        &self.0
    }

    /// The text as serde_json's `RawValue`, owned.
    pub fn into_raw(self) -> Box<RawValue> {
        self.0
    }

    /// Whether the value is `null`.
    pub fn is_null(&self) -> bool {
        self.get() == "null"
    }

    /// The text of a JSON string (a `text/*` body), `None` for any other JSON value.
    pub fn as_text(&self) -> Option<String> {
        if self.get().starts_with('"') { serde_json::from_str(self.get()).ok() } else { None }
    }

    /// Decodes the value as `T`, straight from the text (so a [`Decimal`](crate::Decimal) or an
    /// `i64` gets the digits as sent).
    pub fn read<T: DeserializeOwned>(&self) -> serde_json::Result<T> {
        serde_json::from_str(self.get())
    }

    /// The value as a `serde_json::Value`, whose numbers are `f64` or 64-bit integers: a
    /// decimal with more digits than an `f64` keeps is rounded, and a number beyond the `f64`
    /// range is an error. Prefer [`RawJson::read`] into the value's type.
    pub fn to_value(&self) -> serde_json::Result<Value> {
        self.read()
    }
}

fn null() -> Box<RawValue> {
    // `RawValue::NULL` is a `&'static RawValue`.
    RawValue::NULL.to_owned()
}

impl fmt::Debug for RawJson {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "RawJson({})", self.get())
    }
}

impl fmt::Display for RawJson {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.get())
    }
}

impl PartialEq for RawJson {
    fn eq(&self, other: &Self) -> bool {
        self.get() == other.get()
    }
}

impl Eq for RawJson {}

impl Hash for RawJson {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.get().hash(state);
    }
}

impl From<Value> for RawJson {
    fn from(value: Value) -> Self {
        RawJson::from_value(&value)
    }
}

impl From<&Value> for RawJson {
    fn from(value: &Value) -> Self {
        RawJson::from_value(value)
    }
}

impl From<Box<RawValue>> for RawJson {
    fn from(raw: Box<RawValue>) -> Self {
        RawJson(raw)
    }
}

impl From<&RawValue> for RawJson {
    fn from(raw: &RawValue) -> Self {
        RawJson(raw.to_owned())
    }
}

impl From<RawJson> for Box<RawValue> {
    fn from(raw: RawJson) -> Self {
        raw.0
    }
}

impl FromStr for RawJson {
    type Err = serde_json::Error;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        RawJson::from_slice(text.as_bytes())
    }
}

impl AsRef<RawValue> for RawJson {
    fn as_ref(&self) -> &RawValue {
        &self.0
    }
}

/// serde_json writes the text verbatim (other serializers see it as they see a `RawValue`).
impl Serialize for RawJson {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

/// The text of any JSON value (with serde_json's deserializers).
impl<'de> Deserialize<'de> for RawJson {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Box::<RawValue>::deserialize(deserializer).map(RawJson)
    }
}
