//! Entities from a source as rows: checked against the model (a datum per column, as a table
//! stores them), and written as OData JSON with the control information `odata.metadata` asks
//! for, in the same wire form as the table path's rows.

use http::StatusCode;
use odata_core::TypeInfo;
use serde_json::{Map, Value};

use super::SourceEntity;
use super::expand::Expanded;
use crate::catalog::{SetModel, ValueKind};
use crate::error::ODataError;
use crate::format::{Format, MetadataLevel};
use crate::value::{Datum, from_json, literal, push_json_string, write_datum};

/// An entity from a source, checked against the model: its type and a datum per column.
pub(crate) struct Row {
    pub(crate) ty: &'static TypeInfo,
    pub(crate) values: Vec<Datum>,
    pub(crate) version: Option<String>,
}

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

pub(crate) fn entity_path(set: &SetModel, values: &[Datum]) -> String {
    let mut path = format!("{}(", set.name());
    let single = set.key.len() == 1;
    for (i, &column) in set.key.iter().enumerate() {
        if i > 0 {
            path.push(',');
        }
        let col = &set.columns[column];
        if !single {
            path.push_str(col.name());
            path.push('=');
        }
        path.push_str(&literal(col.kind, &values[column]));
    }
    path.push(')');
    path
}

pub(crate) fn etag_of(version: Option<&str>) -> Option<String> {
    version.map(|v| crate::etag::etag(&Datum::Text(v.to_owned())))
}

/// Which properties of an entity to write: `$select` (`None`: all) and the expansions.
#[derive(Clone, Copy)]
pub(crate) struct Shape<'a> {
    pub(crate) select: Option<&'a [String]>,
    pub(crate) expansions: &'a [Expanded<'a>],
}

impl Shape<'_> {
    pub(crate) const ALL: Shape<'static> = Shape { select: None, expansions: &[] };
}

/// Writes entities of a source-backed set with the control information `odata.metadata` asks
/// for, as [`crate::entity::Writer`] writes rows.
pub(crate) struct EntityWriter<'a> {
    pub(crate) set: &'a SetModel,
    pub(crate) root: &'a str,
    pub(crate) format: Format,
}

impl EntityWriter<'_> {
    /// `{...}` of `row`, the `index`th row of its read (its expansions' groups are by index).
    pub(crate) fn entity(&self, out: &mut String, row: &Row, index: usize, shape: Shape<'_>, context: Option<&str>) {
        let Shape { select, expansions } = shape;
        let set = self.set;
        let row_index = index;
        out.push('{');
        let mut first = true;
        let mut field = |out: &mut String, name: &str| {
            if !std::mem::replace(&mut first, false) {
                out.push(',');
            }
            push_json_string(out, name);
            out.push(':');
        };
        let full = self.format.metadata == MetadataLevel::Full;
        let none = self.format.metadata == MetadataLevel::None;
        if let Some(context) = context.filter(|_| !none) {
            field(out, "@odata.context");
            push_json_string(out, context);
        }
        let path = if full { crate::entity::url_path(&entity_path(set, &row.values)) } else { String::new() };
        if full {
            field(out, "@odata.type");
            push_json_string(out, &format!("#{}", row.ty.qualified_name));
            field(out, "@odata.id");
            push_json_string(out, &format!("{}/{path}", self.root));
            field(out, "@odata.editLink");
            push_json_string(out, &path);
        } else if !none && row.ty.qualified_name != set.ty.qualified_name {
            field(out, "@odata.type");
            push_json_string(out, &format!("#{}", row.ty.qualified_name));
        }
        if let Some(etag) = etag_of(row.version.as_deref()).filter(|_| !none) {
            field(out, "@odata.etag");
            push_json_string(out, &etag);
        }
        let all = select.is_none_or(|s| s.iter().any(|i| i == "*"));
        for (index, column) in set.columns.iter().enumerate() {
            if !set.column_applies(index, row.ty) {
                continue;
            }
            let selected = all
                || select.is_some_and(|s| {
                    s.iter().any(|i| i.rsplit_once('/').map_or(i.as_str(), |(_, n)| n) == column.name())
                });
            if !selected {
                continue;
            }
            field(out, column.name());
            write_datum(out, &row.values[index], column.kind, self.format.ieee754);
        }
        for expansion in expansions {
            if row.ty.navigation_property(expansion.navigation.name).is_none() {
                continue;
            }
            if let Some(count) = expansion.counts.as_ref().and_then(|c| c.get(row_index)) {
                field(out, &format!("{}@odata.count", expansion.navigation.name));
                out.push_str(&count.to_string());
            }
            field(out, expansion.navigation.name);
            let related = expansion.groups.get(row_index).map(Vec::as_slice).unwrap_or_default();
            let writer = EntityWriter { set: expansion.set, root: self.root, format: self.format };
            let shape = Shape { select: expansion.options.select.as_deref(), expansions: &expansion.children };
            if expansion.navigation.ty.collection {
                out.push('[');
                for (i, &child) in related.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    writer.entity(out, &expansion.rows[child], child, shape, None);
                }
                out.push(']');
            } else {
                match related.first() {
                    Some(&child) => writer.entity(out, &expansion.rows[child], child, shape, None),
                    None => out.push_str("null"),
                }
            }
        }
        if full {
            for navigation in row.ty.all_navigation_properties() {
                if expansions.iter().any(|e| e.navigation.name == navigation.name) {
                    continue;
                }
                field(out, &format!("{}@odata.navigationLink", navigation.name));
                push_json_string(out, &format!("{path}/{}", navigation.name));
            }
        }
        out.push('}');
    }
}
