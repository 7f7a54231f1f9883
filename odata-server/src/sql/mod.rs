//! SQL from the model: the dialect to write, the values to bind, and a builder that keeps the two
//! together, so that no text of a request ever becomes SQL text.
//!
//! The storage conventions (one table per entity set, one double-quoted column per property,
//! `"@odata.type"` for single-table inheritance, JSON text for complex and collection values) are
//! those of the server's schema; [`SqlNames`] is how the code that creates the tables tells the
//! translation of query options where things are.
//!
//! ```
//! use odata_server::sql::{Dialect, SqlBuilder, SqlValue};
//!
//! let mut sql = SqlBuilder::new(Dialect::Postgres);
//! sql.push_sql("SELECT * FROM ").push_ident("Products").push_sql(" WHERE ").push_ident("UnitPrice");
//! sql.push_sql(" > ").push_value(SqlValue::Decimal("18.5".into()));
//! assert_eq!(sql.sql(), r#"SELECT * FROM "Products" WHERE "UnitPrice" > $1::numeric"#);
//! ```

mod builder;
mod filter;
mod names;
mod search;
pub(crate) mod value;

pub use builder::SqlBuilder;
pub use filter::{SqlError, SqlScope, filter_sql, orderby_sql};
pub use names::{NavigationJoin, SqlNames, StorageNames};
pub use search::search_sql;
pub use value::SqlValue;

/// Which SQL to write: placeholders, functions and casts differ between the databases the server
/// runs on through sqlx's `Any` driver.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Dialect {
    /// SQLite (the embedded default): `?` placeholders, `strftime`, `instr`, `json_extract`.
    Sqlite,
    /// PostgreSQL: `$1` placeholders with casts to the column's type, `EXTRACT`, `strpos`, `jsonb`.
    Postgres,
}
