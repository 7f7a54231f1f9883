//! Statements of the core (reads, writes, DDL) written into the query module's
//! [`SqlBuilder`](crate::sql::SqlBuilder), so that `$filter` and `$orderby` join the same
//! statement: identifiers come from the model only, every value from a request is bound.

use sqlx::any::AnyArguments;

use crate::catalog::ValueKind;
use crate::error::ODataError;
use crate::sql::{Dialect, SqlBuilder, SqlValue};
use crate::value::Datum;

/// `"name"`: an identifier from the model, quoted (a `"` in it doubled).
pub(crate) fn quote(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

/// A statement under construction.
pub(crate) struct Stmt {
    pub(crate) sql: SqlBuilder,
}

impl Stmt {
    pub(crate) fn new(dialect: Dialect) -> Stmt {
        Stmt { sql: SqlBuilder::new(dialect) }
    }

    pub(crate) fn dialect(&self) -> Dialect {
        self.sql.dialect()
    }

    /// Appends SQL text (never input from a request).
    pub(crate) fn push(&mut self, sql: &str) -> &mut Self {
        self.sql.push_sql(sql);
        self
    }

    /// Appends a quoted identifier.
    pub(crate) fn ident(&mut self, name: &str) -> &mut Self {
        self.sql.push_ident(name);
        self
    }

    /// Appends `"alias"."name"`.
    pub(crate) fn column(&mut self, alias: &str, name: &str) -> &mut Self {
        self.sql.push_column(alias, name);
        self
    }

    /// Appends the placeholder of a value of `kind` and binds it; a null is written `NULL` (a
    /// typed null the `Any` driver cannot bind for every column type).
    pub(crate) fn value(&mut self, kind: ValueKind, datum: &Datum) -> &mut Self {
        let value = match datum {
            Datum::Null => {
                self.sql.push_sql("NULL");
                return self;
            }
            Datum::Bool(b) => SqlValue::Bool(*b),
            Datum::Int(i) => match kind {
                ValueKind::Decimal => SqlValue::Decimal(i.to_string()),
                ValueKind::Single | ValueKind::Double => SqlValue::Double(*i as f64),
                _ => SqlValue::Int(*i),
            },
            Datum::Float(f) => match kind {
                ValueKind::Decimal => SqlValue::Decimal(f.to_string()),
                _ => SqlValue::Double(*f),
            },
            Datum::Text(t) => {
                let t = t.clone();
                match kind {
                    ValueKind::Decimal => SqlValue::Decimal(t),
                    ValueKind::DateTimeOffset => SqlValue::DateTimeOffset(t),
                    ValueKind::Date => SqlValue::Date(t),
                    ValueKind::TimeOfDay => SqlValue::TimeOfDay(t),
                    ValueKind::Guid => SqlValue::Guid(t),
                    _ => SqlValue::Text(t),
                }
            }
            Datum::Bytes(b) => SqlValue::Bytes(b.clone()),
        };
        self.sql.push_value(value);
        self
    }

    /// Appends the select-list expression of a column (PostgreSQL: types the `Any` driver cannot
    /// read come back as text).
    pub(crate) fn select_column(&mut self, alias: &str, name: &str, kind: ValueKind) -> &mut Self {
        match (self.dialect(), kind) {
            (Dialect::Postgres, ValueKind::DateTimeOffset) => self
                .push("to_char(")
                .column(alias, name)
                .push(" AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')"),
            (Dialect::Postgres, ValueKind::Decimal | ValueKind::Date | ValueKind::TimeOfDay | ValueKind::Guid) => {
                self.column(alias, name).push("::text")
            }
            _ => self.column(alias, name),
        }
    }

    /// The text and the arguments, for `sqlx::query_with`.
    pub(crate) fn into_parts(self) -> Result<(sqlx::AssertSqlSafe<String>, AnyArguments), ODataError> {
        let arguments = self.sql.arguments().map_err(|e| {
            ODataError::new(
                http::StatusCode::INTERNAL_SERVER_ERROR,
                "BindError",
                format!("a value could not be bound: {e}"),
            )
        })?;
        let (sql, _) = self.sql.into_parts();
        Ok((sqlx::AssertSqlSafe(sql), arguments))
    }
}
