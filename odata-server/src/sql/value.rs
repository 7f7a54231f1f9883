//! Values bound to SQL placeholders.

use sqlx::Arguments;
use sqlx::any::AnyArguments;
use sqlx::error::BoxDynError;

/// A value bound to a placeholder, in the storage form of its OData type (see the server's storage
/// conventions): what sqlx's `Any` driver can carry (null, boolean, integer, double, text, bytes),
/// with the text-carried types kept apart so that PostgreSQL gets the cast its column needs.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum SqlValue {
    /// SQL `NULL`.
    Null,
    /// `Edm.Boolean`.
    Bool(bool),
    /// Every integer type (`Edm.Byte` .. `Edm.Int64`).
    Int(i64),
    /// `Edm.Double` and `Edm.Single`.
    Double(f64),
    /// `Edm.String`, enumeration members, `Edm.Duration` (ISO 8601 text), and any text.
    Text(String),
    /// `Edm.Binary`.
    Bytes(Vec<u8>),
    /// `Edm.Decimal`, as its exact decimal text (PostgreSQL: `::numeric`).
    Decimal(String),
    /// `Edm.DateTimeOffset`, normalised to UTC `YYYY-MM-DDTHH:MM:SS.fffffffZ` (PostgreSQL:
    /// `::timestamptz`).
    DateTimeOffset(String),
    /// `Edm.Date`, `YYYY-MM-DD` (PostgreSQL: `::date`).
    Date(String),
    /// `Edm.TimeOfDay`, `HH:MM:SS.fffffff` (PostgreSQL: `::time`).
    TimeOfDay(String),
    /// `Edm.Guid`, lower-case (PostgreSQL: `::uuid`).
    Guid(String),
}

impl SqlValue {
    /// The PostgreSQL cast that gives the bound text its column's type; `None` for values the
    /// driver sends with their own type.
    pub(crate) fn postgres_cast(&self) -> Option<&'static str> {
        match self {
            SqlValue::Decimal(_) => Some("::numeric"),
            SqlValue::DateTimeOffset(_) => Some("::timestamptz"),
            SqlValue::Date(_) => Some("::date"),
            SqlValue::TimeOfDay(_) => Some("::time"),
            SqlValue::Guid(_) => Some("::uuid"),
            _ => None,
        }
    }

    /// Adds the value to sqlx's arguments for the `Any` driver.
    pub fn bind(&self, arguments: &mut AnyArguments) -> Result<(), BoxDynError> {
        match self {
            SqlValue::Null => arguments.add(Option::<String>::None),
            SqlValue::Bool(b) => arguments.add(*b),
            SqlValue::Int(i) => arguments.add(*i),
            SqlValue::Double(d) => arguments.add(*d),
            SqlValue::Bytes(bytes) => arguments.add(bytes.clone()),
            SqlValue::Text(text)
            | SqlValue::Decimal(text)
            | SqlValue::DateTimeOffset(text)
            | SqlValue::Date(text)
            | SqlValue::TimeOfDay(text)
            | SqlValue::Guid(text) => arguments.add(text.clone()),
        }
    }
}

impl SqlValue {
    /// An `Edm.DateTimeOffset` in its storage form: UTC, `YYYY-MM-DDThh:mm:ss.fffffffZ`, so that
    /// text order is time order.
    pub fn date_time_offset(value: time::OffsetDateTime) -> SqlValue {
        SqlValue::DateTimeOffset(date_time_offset_text(value))
    }

    /// An `Edm.TimeOfDay` in its storage form: `hh:mm:ss.fffffff`.
    pub fn time_of_day(value: time::Time) -> SqlValue {
        SqlValue::TimeOfDay(time_text(value))
    }
}

/// UTC, `YYYY-MM-DDThh:mm:ss.fffffffZ`.
pub(crate) fn date_time_offset_text(value: time::OffsetDateTime) -> String {
    let utc = value.to_offset(time::UtcOffset::UTC);
    format!("{:04}-{:02}-{:02}T{}Z", utc.year(), u8::from(utc.month()), utc.day(), time_text(utc.time()))
}

/// `hh:mm:ss.fffffff`: seven fractional digits, OData's finest precision (100 ns).
pub(crate) fn time_text(t: time::Time) -> String {
    format!("{:02}:{:02}:{:02}.{:07}", t.hour(), t.minute(), t.second(), t.nanosecond() / 100)
}
