//! Entities from a source as rows: checked against the model (a datum per column, as a table
//! stores them; written by [`crate::entity::Writer`] like a table's rows), and rows as the JSON
//! entities a source receives.

use http::StatusCode;
use odata_core::TypeInfo;
use serde_json::{Map, Value};

use super::SourceEntity;
use crate::catalog::{SetModel, ValueKind};
use crate::error::ODataError;
use crate::rows::Row;
use crate::value::{Datum, from_json, write_datum};

/// A 500 for what a source returned that the model does not allow.
pub(crate) fn source_fault(set: &SetModel, message: String) -> ODataError {
    ODataError::new(
        StatusCode::INTERNAL_SERVER_ERROR,
        "SourceError",
        format!("the data source of {} returned {message}", set.name()),
    )
}

pub(crate) fn to_row(set: &SetModel, entity: &SourceEntity) -> Result<Row, ODataError> {
    let ty = match entity.value.get("@odata.type").and_then(Value::as_str) {
        Some(name) => set
            .type_named(name)
            .ok_or_else(|| source_fault(set, format!("an entity of type {name}, which is not a type of the set")))?,
        None => set.ty,
    };
    let mut values = Vec::with_capacity(set.columns.len());
    for (index, column) in set.columns.iter().enumerate() {
        let datum = match entity.value.get(column.name()) {
            Some(value) if set.column_applies(index, ty) => {
                from_json(column.kind, value, true).map_err(|m| source_fault(set, format!("{}: {m}", column.name())))?
            }
            _ => Datum::Null,
        };
        values.push(datum);
    }
    for &key in &set.key {
        if values[key] == Datum::Null {
            return Err(source_fault(set, format!("an entity without its key property {}", set.columns[key].name())));
        }
    }
    Ok(Row { ty, values, version: entity.version.clone() })
}

/// A datum as its OData JSON value (what sources receive).
pub(crate) fn to_json(kind: ValueKind, datum: &Datum) -> Value {
    let mut text = String::new();
    write_datum(&mut text, datum, kind, false);
    serde_json::from_str(&text).unwrap_or(Value::Null)
}

/// The entity of a row as a source receives it.
pub(crate) fn row_object(set: &SetModel, ty: &'static TypeInfo, values: &[Datum]) -> Map<String, Value> {
    let mut object = Map::new();
    if ty.qualified_name != set.ty.qualified_name {
        object.insert("@odata.type".into(), Value::from(format!("#{}", ty.qualified_name)));
    }
    for (index, column) in set.columns.iter().enumerate() {
        if set.column_applies(index, ty) {
            object.insert(column.name().to_owned(), to_json(column.kind, &values[index]));
        }
    }
    object
}
