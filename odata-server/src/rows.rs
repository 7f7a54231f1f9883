//! The rows of one read, whatever stored them: database rows as sqlx returned them (read in
//! place, value by value, as JSON is written) or entities of a source checked against the
//! model (a datum per column). The entity writer, `$expand` and the write answers work on
//! [`Rows`] and never ask where the rows came from.

use std::borrow::Cow;

use odata_core::TypeInfo;

use crate::catalog::SetModel;
use crate::fetch::RowSet;
use crate::value::{Datum, write_datum, write_json};

/// An entity checked against the model: its type, a datum per column of its set (`Null` for
/// what it lacks), and its version (the ETag's text), if it has one.
pub(crate) struct Row {
    pub(crate) ty: &'static TypeInfo,
    pub(crate) values: Vec<Datum>,
    pub(crate) version: Option<String>,
}

/// The rows of one read of one set.
pub(crate) enum Rows {
    /// Database rows, with where each column sits in them.
    Table(RowSet),
    /// Entities of a source (or rows taken out of the database), every column present.
    Entities(Vec<Row>),
}

impl Rows {
    /// How many rows.
    pub(crate) fn len(&self) -> usize {
        match self {
            Rows::Table(rows) => rows.rows.len(),
            Rows::Entities(rows) => rows.len(),
        }
    }

    /// Whether there is none.
    pub(crate) fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Keeps the first `len` rows.
    pub(crate) fn truncate(&mut self, len: usize) {
        match self {
            Rows::Table(rows) => rows.rows.truncate(len),
            Rows::Entities(rows) => rows.truncate(len),
        }
    }

    /// The entity type of row `row` of `set`.
    pub(crate) fn type_of(&self, set: &SetModel, row: usize) -> &'static TypeInfo {
        match self {
            Rows::Table(rows) => rows.type_of(set, row),
            Rows::Entities(rows) => rows[row].ty,
        }
    }

    /// Whether the rows hold column `column` (a database read leaves out what `$select` does
    /// not name).
    pub(crate) fn has(&self, column: usize) -> bool {
        match self {
            Rows::Table(rows) => rows.positions[column].is_some(),
            Rows::Entities(_) => true,
        }
    }

    /// The datum of column `column` of row `row` (`Null` when not read).
    pub(crate) fn datum(&self, row: usize, column: usize) -> Cow<'_, Datum> {
        match self {
            Rows::Table(rows) => Cow::Owned(rows.datum(row, column)),
            Rows::Entities(rows) => Cow::Borrowed(&rows[row].values[column]),
        }
    }

    /// Writes the value of column `column` of row `row` as JSON text for a property of `kind`,
    /// straight from the database row where there is one.
    pub(crate) fn write(&self, out: &mut String, row: usize, column: usize, ieee754: bool, set: &SetModel) {
        let kind = set.columns[column].kind;
        match self {
            Rows::Table(rows) => match rows.positions[column] {
                Some(position) => write_json(out, &rows.rows[row], position, kind, ieee754),
                None => out.push_str("null"),
            },
            Rows::Entities(rows) => write_datum(out, &rows[row].values[column], kind, ieee754),
        }
    }

    /// The version of row `row`: its row version (a database row always has one), or the
    /// version its source reported (`None`: it keeps none).
    pub(crate) fn version(&self, row: usize) -> Option<Datum> {
        match self {
            Rows::Table(rows) => Some(crate::value::read_datum(&rows.rows[row], rows.version)),
            Rows::Entities(rows) => rows[row].version.clone().map(Datum::Text),
        }
    }

    /// The ETag of row `row`, of its [`version`](Self::version).
    pub(crate) fn etag(&self, row: usize) -> Option<String> {
        self.version(row).map(|version| crate::etag::etag(&version))
    }
}
