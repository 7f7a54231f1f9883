//! SQL statements built from the model: identifiers come from the model only (double-quoted),
//! every value from a request is a bound parameter.

use sqlx::Arguments;
use sqlx::any::AnyArguments;

use crate::catalog::ValueKind;
use crate::value::Datum;

/// The database behind the pool: which SQL to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Backend {
    Sqlite,
    Postgres,
}

/// A statement under construction: its text and its bound values.
pub(crate) struct Stmt {
    pub(crate) backend: Backend,
    pub(crate) sql: String,
    pub(crate) args: AnyArguments,
    count: usize,
}

impl std::fmt::Debug for Stmt {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Stmt({:?}, {} values)", self.sql, self.count)
    }
}

/// `"name"`: an identifier from the model, quoted (a `"` in it doubled).
pub(crate) fn quote(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

impl Stmt {
    pub(crate) fn new(backend: Backend) -> Stmt {
        Stmt { backend, sql: String::with_capacity(256), args: AnyArguments::default(), count: 0 }
    }

    /// Appends SQL text (never input from a request).
    pub(crate) fn push(&mut self, sql: &str) -> &mut Self {
        self.sql.push_str(sql);
        self
    }

    /// Appends a quoted identifier.
    pub(crate) fn ident(&mut self, name: &str) -> &mut Self {
        self.sql.push('"');
        self.sql.push_str(&name.replace('"', "\"\""));
        self.sql.push('"');
        self
    }

    /// Appends `alias."name"`.
    pub(crate) fn column(&mut self, alias: &str, name: &str) -> &mut Self {
        self.sql.push_str(alias);
        self.sql.push('.');
        self.ident(name)
    }

    /// Appends the placeholder of a value of `kind` and binds it.
    pub(crate) fn value(&mut self, kind: ValueKind, datum: &Datum) -> &mut Self {
        self.count += 1;
        match self.backend {
            Backend::Sqlite => self.sql.push('?'),
            Backend::Postgres => {
                self.sql.push('$');
                self.sql.push_str(&self.count.to_string());
                if let Some(cast) = pg_cast(kind) {
                    self.sql.push_str(cast);
                }
            }
        }
        self.bind(kind, datum);
        self
    }

    fn bind(&mut self, kind: ValueKind, datum: &Datum) {
        // The Any driver cannot fail to encode these types.
        let _ = match datum {
            Datum::Null => match kind {
                ValueKind::Boolean if self.backend == Backend::Postgres => self.args.add(None::<bool>),
                k if k.is_integer() || k == ValueKind::Boolean => self.args.add(None::<i64>),
                ValueKind::Single | ValueKind::Double => self.args.add(None::<f64>),
                ValueKind::Binary => self.args.add(None::<Vec<u8>>),
                _ => self.args.add(None::<String>),
            },
            Datum::Bool(b) => match self.backend {
                Backend::Sqlite => self.args.add(i64::from(*b)),
                Backend::Postgres => self.args.add(*b),
            },
            Datum::Int(i) => match (self.backend, kind) {
                (Backend::Postgres, ValueKind::Byte | ValueKind::SByte | ValueKind::Int16) => {
                    self.args.add(i16::try_from(*i).unwrap_or_default())
                }
                (Backend::Postgres, ValueKind::Int32) => self.args.add(i32::try_from(*i).unwrap_or_default()),
                (Backend::Postgres, ValueKind::Decimal | ValueKind::String) => self.args.add(i.to_string()),
                _ => self.args.add(*i),
            },
            Datum::Float(f) => match (self.backend, kind) {
                (Backend::Postgres, ValueKind::Decimal) => self.args.add(f.to_string()),
                _ => self.args.add(*f),
            },
            Datum::Text(t) => self.args.add(t.clone()),
            Datum::Bytes(b) => self.args.add(b.clone()),
        };
    }

    /// Appends the select-list expression of a column (PostgreSQL: types the Any driver cannot
    /// read come back as text).
    pub(crate) fn select_column(&mut self, alias: &str, name: &str, kind: ValueKind) -> &mut Self {
        match (self.backend, kind) {
            (Backend::Postgres, ValueKind::DateTimeOffset) => self
                .push("to_char(")
                .column(alias, name)
                .push(" AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')"),
            (Backend::Postgres, ValueKind::Decimal | ValueKind::Date | ValueKind::TimeOfDay | ValueKind::Guid) => {
                self.column(alias, name).push("::text")
            }
            _ => self.column(alias, name),
        }
    }

    /// The text, for `sqlx::query_with`.
    pub(crate) fn into_parts(self) -> (sqlx::AssertSqlSafe<String>, AnyArguments) {
        (sqlx::AssertSqlSafe(self.sql), self.args)
    }
}

/// The cast a PostgreSQL placeholder of `kind` needs (values of these types are bound as text).
fn pg_cast(kind: ValueKind) -> Option<&'static str> {
    match kind {
        ValueKind::Decimal => Some("::numeric"),
        ValueKind::DateTimeOffset => Some("::timestamptz"),
        ValueKind::Date => Some("::date"),
        ValueKind::TimeOfDay => Some("::time"),
        ValueKind::Guid => Some("::uuid"),
        _ => None,
    }
}
