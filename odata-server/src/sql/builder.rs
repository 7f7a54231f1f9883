//! A statement under construction: SQL text from the model, values from the request.

use sqlx::any::AnyArguments;
use sqlx::error::BoxDynError;

use super::{Dialect, SqlValue};

/// Collects the text of one SQL statement and the values bound to its placeholders, in order.
///
/// Text comes from the code and the model ([`push_sql`](Self::push_sql),
/// [`push_ident`](Self::push_ident)); anything that came with a request goes through
/// [`push_value`](Self::push_value), which writes the dialect's placeholder.
#[derive(Debug, Clone)]
pub struct SqlBuilder {
    dialect: Dialect,
    sql: String,
    values: Vec<SqlValue>,
    aliases: usize,
}

impl SqlBuilder {
    /// An empty statement in `dialect`.
    pub fn new(dialect: Dialect) -> Self {
        SqlBuilder { dialect, sql: String::new(), values: Vec::new(), aliases: 0 }
    }

    /// The dialect being written.
    pub fn dialect(&self) -> Dialect {
        self.dialect
    }

    /// Appends SQL text as is. Only text from the code or the model belongs here, never text from
    /// a request.
    pub fn push_sql(&mut self, sql: &str) -> &mut Self {
        self.sql.push_str(sql);
        self
    }

    /// Appends an identifier (table, column or alias name from the model), double-quoted, with
    /// any `"` in it doubled.
    pub fn push_ident(&mut self, name: &str) -> &mut Self {
        self.sql.push('"');
        for c in name.chars() {
            if c == '"' {
                self.sql.push('"');
            }
            self.sql.push(c);
        }
        self.sql.push('"');
        self
    }

    /// Appends `"alias"."column"`.
    pub fn push_column(&mut self, alias: &str, column: &str) -> &mut Self {
        self.push_ident(alias).push_sql(".").push_ident(column)
    }

    /// Appends a placeholder for `value` (`?` in SQLite; `$n` in PostgreSQL, with a cast to the
    /// type of the text-carried values) and keeps the value to bind.
    pub fn push_value(&mut self, value: SqlValue) -> &mut Self {
        match self.dialect {
            // SQLite compares text with numbers as text; a decimal needs its numeric value.
            Dialect::Sqlite if matches!(value, SqlValue::Decimal(_)) => self.sql.push_str("CAST(? AS NUMERIC)"),
            Dialect::Sqlite => self.sql.push('?'),
            Dialect::Postgres => {
                self.sql.push('$');
                self.sql.push_str(&(self.values.len() + 1).to_string());
                if let Some(cast) = value.postgres_cast() {
                    self.sql.push_str(cast);
                }
            }
        }
        self.values.push(value);
        self
    }

    /// A table alias not used before in this statement (`"$1"`, `"$2"`, ...), for subqueries the
    /// translation of `any`/`all` writes. Aliases of the caller must not start with `$`.
    pub fn fresh_alias(&mut self) -> String {
        self.aliases += 1;
        format!("${}", self.aliases)
    }

    /// The SQL text written so far.
    pub fn sql(&self) -> &str {
        &self.sql
    }

    /// The values to bind, in placeholder order.
    pub fn values(&self) -> &[SqlValue] {
        &self.values
    }

    /// The text and the values.
    pub fn into_parts(self) -> (String, Vec<SqlValue>) {
        (self.sql, self.values)
    }

    /// The values as sqlx arguments, for `sqlx::query_with(sqlx::AssertSqlSafe(sql), arguments)`.
    pub fn arguments(&self) -> Result<AnyArguments, BoxDynError> {
        let mut arguments = AnyArguments::default();
        for value in &self.values {
            value.bind(&mut arguments)?;
        }
        Ok(arguments)
    }
}
