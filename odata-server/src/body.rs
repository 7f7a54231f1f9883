//! Request bodies of writes, checked against the model: every property known (or the type open),
//! of the right type; `@odata.type` naming the set's type or a derived one; `@odata.bind` and
//! nested entities (deep insert) kept apart for the writer. A read-only property's value (which
//! `$metadata` calls `Core.Computed`) is checked and then ignored, as OData allows (part 1,
//! 11.4.2 and 11.4.3: a service ignores non-insertable and non-updatable values, or fails only on
//! a value that differs from its own), so that a client may send back an entity as it read it.

use std::collections::BTreeMap;

use odata_core::{NavigationPropertyInfo, TypeInfo, TypeKind};
use serde_json::Value;

use crate::catalog::{SetModel, ValueKind};
use crate::error::ODataError;
use crate::value::{Datum, from_json};

/// A checked entity body.
#[derive(Debug)]
pub(crate) struct EntityBody {
    /// The entity's type (from `@odata.type`, else the expected type).
    pub(crate) ty: &'static TypeInfo,
    /// The structural properties present: column index and value.
    pub(crate) values: BTreeMap<usize, Datum>,
    /// `Nav@odata.bind`: references to existing entities.
    pub(crate) binds: Vec<(&'static NavigationPropertyInfo, Vec<String>)>,
    /// Nested entities (deep insert).
    pub(crate) nested: Vec<(&'static NavigationPropertyInfo, Vec<Value>)>,
}

impl EntityBody {
    /// 400 when `@odata.type` names another type than `ty`, the type of the entity an update
    /// addresses.
    pub(crate) fn same_type(&self, ty: &TypeInfo) -> Result<(), ODataError> {
        if self.ty.qualified_name != ty.qualified_name {
            return Err(ODataError::bad_request("InvalidProperty", "@odata.type cannot change the type of an entity")
                .with_target("@odata.type"));
        }
        Ok(())
    }

    /// What a PATCH (merge) or a PUT (`replace`) of an entity of type `ty` whose key values are
    /// `key` (in key order) writes into its other columns: the body's values, and with PUT null
    /// for every other writable property but the row version (400 for a required one). 400 when
    /// the body changes the key.
    pub(crate) fn changes<'d>(
        &self,
        set: &SetModel,
        ty: &'static TypeInfo,
        key: impl IntoIterator<Item = &'d Datum>,
        replace: bool,
    ) -> Result<Vec<(usize, Datum)>, ODataError> {
        for (&index, current) in set.key.iter().zip(key) {
            if self.values.get(&index).is_some_and(|given| given != current) {
                let name = set.columns[index].name();
                return Err(ODataError::bad_request(
                    "InvalidProperty",
                    format!("the key property {name} cannot change"),
                )
                .with_target(name));
            }
        }
        let mut changes = Vec::new();
        for (index, column) in set.columns.iter().enumerate() {
            if set.key.contains(&index) || !set.column_applies(index, ty) {
                continue;
            }
            match self.values.get(&index) {
                Some(datum) => changes.push((index, datum.clone())),
                None if replace && !column.property.read_only && !set.is_etag(index) => {
                    if !column.property.nullable {
                        return Err(ODataError::bad_request(
                            "MissingProperty",
                            format!("PUT replaces the entity: the property {} is required", column.name()),
                        )
                        .with_target(column.name()));
                    }
                    changes.push((index, Datum::Null));
                }
                None => {}
            }
        }
        Ok(changes)
    }
}

fn invalid(target: &str, message: String) -> ODataError {
    ODataError::bad_request("InvalidProperty", message).with_target(target.to_owned())
}

/// Parses the bytes of a request body as a JSON object.
pub(crate) fn parse_object(body: &[u8]) -> Result<Value, ODataError> {
    let value: Value = serde_json::from_slice(body)
        .map_err(|e| ODataError::bad_request("InvalidJson", format!("the request body is not valid JSON: {e}")))?;
    if !value.is_object() {
        return Err(ODataError::bad_request("InvalidJson", "the request body is not a JSON object"));
    }
    Ok(value)
}

/// Checks an entity body for set `set` where an entity of type `expected` is wanted.
pub(crate) fn check(
    set: &SetModel,
    expected: &'static TypeInfo,
    value: &Value,
    ieee754: bool,
) -> Result<EntityBody, ODataError> {
    let Value::Object(map) = value else {
        return Err(ODataError::bad_request("InvalidJson", "an entity must be a JSON object"));
    };
    let ty = match map.get("@odata.type") {
        None => expected,
        Some(Value::String(name)) => {
            let ty = set.type_named(name).ok_or_else(|| {
                invalid("@odata.type", format!("{name} is not a type of the entity set {}", set.name()))
            })?;
            if !ty.is_or_derives_from(expected) {
                return Err(invalid("@odata.type", format!("{name} does not derive from {}", expected.qualified_name)));
            }
            if ty.is_abstract {
                return Err(invalid("@odata.type", format!("{name} is abstract")));
            }
            ty
        }
        Some(_) => return Err(invalid("@odata.type", "@odata.type must be a string".into())),
    };
    if ty.is_abstract {
        return Err(invalid(
            "@odata.type",
            format!("{} is abstract: say which type with @odata.type", ty.qualified_name),
        ));
    }
    let mut body = EntityBody { ty, values: BTreeMap::new(), binds: Vec::new(), nested: Vec::new() };
    for (name, value) in map {
        if let Some(navigation) = name.strip_suffix("@odata.bind") {
            let nav = ty.navigation_property(navigation).ok_or_else(|| {
                invalid(name, format!("{} has no navigation property {navigation}", ty.qualified_name))
            })?;
            let links = match value {
                Value::String(link) if !nav.ty.collection => vec![link.clone()],
                Value::Array(items) if nav.ty.collection => items
                    .iter()
                    .map(|i| {
                        i.as_str()
                            .map(str::to_owned)
                            .ok_or_else(|| invalid(name, format!("{name}: every item must be an entity URL")))
                    })
                    .collect::<Result<_, _>>()?,
                _ => {
                    return Err(invalid(
                        name,
                        format!(
                            "{name}: expected {}",
                            if nav.ty.collection { "an array of entity URLs" } else { "an entity URL" }
                        ),
                    ));
                }
            };
            body.binds.push((nav, links));
            continue;
        }
        if name.starts_with('@') || name.contains('@') {
            continue; // instance and property annotations are not stored
        }
        if let Some(column) = set.column(name).filter(|&c| set.column_applies(c, ty)) {
            let col = &set.columns[column];
            if set.is_etag(column) {
                continue; // the server maintains the row version
            }
            let datum = from_json(col.kind, value, ieee754).map_err(|m| invalid(name, format!("{name}: {m}")))?;
            if col.property.read_only {
                continue; // the service computes it: a value of its type, ignored
            }
            if datum == Datum::Null && !col.property.nullable {
                return Err(invalid(name, format!("{name} cannot be null")));
            }
            if let Some(odata_core::MaxLength::Length(max)) = col.property.facets.max_length {
                let length = match &datum {
                    Datum::Text(text) if col.kind == ValueKind::String => text.chars().count(),
                    Datum::Bytes(bytes) => bytes.len(),
                    _ => 0,
                };
                if length > max as usize {
                    return Err(invalid(name, format!("{name} is longer than its MaxLength of {max}")));
                }
            }
            if col.kind == ValueKind::Json {
                check_structured(col.property.ty, value, name, ieee754)?;
            }
            body.values.insert(column, datum);
            continue;
        }
        if let Some(nav) = ty.navigation_property(name) {
            let items = match value {
                Value::Object(_) if !nav.ty.collection => vec![value.clone()],
                Value::Array(items) if nav.ty.collection => items.clone(),
                _ => {
                    return Err(invalid(
                        name,
                        format!(
                            "{name}: expected {}",
                            if nav.ty.collection { "an array of entities" } else { "an entity" }
                        ),
                    ));
                }
            };
            body.nested.push((nav, items));
            continue;
        }
        if ty.is_open {
            continue;
        }
        return Err(invalid(name, format!("{} has no property {name}", ty.qualified_name)));
    }
    Ok(body)
}

/// Checks a complex or collection value against its declared type.
fn check_structured(ty: odata_core::TypeRef, value: &Value, target: &str, ieee754: bool) -> Result<(), ODataError> {
    if ty.collection {
        let Value::Array(items) = value else {
            return Err(invalid(target, format!("{target}: expected an array")));
        };
        let item_type = odata_core::TypeRef { collection: false, ..ty };
        for (i, item) in items.iter().enumerate() {
            check_item(item_type, item, &format!("{target}[{i}]"), ieee754)?;
        }
        return Ok(());
    }
    check_item(ty, value, target, ieee754)
}

fn check_item(ty: odata_core::TypeRef, value: &Value, target: &str, ieee754: bool) -> Result<(), ODataError> {
    if value.is_null() {
        return Ok(());
    }
    let Some(info) = ty.type_info() else {
        let property = odata_core::PropertyInfo {
            name: "",
            rust_name: "",
            ty,
            nullable: true,
            read_only: false,
            facets: odata_core::FacetInfo::NONE,
        };
        let kind = ValueKind::of(&property)
            .ok_or_else(|| invalid(target, format!("{target}: {} values cannot be stored", ty.name)))?;
        return from_json(kind, value, ieee754).map(|_| ()).map_err(|m| invalid(target, format!("{target}: {m}")));
    };
    match info.kind {
        TypeKind::Complex => {
            let Value::Object(map) = value else {
                return Err(invalid(target, format!("{target}: expected an object of {}", info.qualified_name)));
            };
            let actual = match map.get("@odata.type").and_then(Value::as_str) {
                Some(name) => odata_core::registry::find_type(name.trim_start_matches('#'))
                    .filter(|t| t.is_or_derives_from(info))
                    .ok_or_else(|| {
                        invalid(target, format!("{target}: {name} is not {} or derived from it", info.qualified_name))
                    })?,
                None => info,
            };
            for (name, item) in map {
                if name.contains('@') {
                    continue;
                }
                match actual.property(name) {
                    Some(property) => check_structured(property.ty, item, &format!("{target}/{name}"), ieee754)?,
                    None if actual.is_open => {}
                    None => {
                        return Err(invalid(
                            target,
                            format!("{target}: {} has no property {name}", actual.qualified_name),
                        ));
                    }
                }
            }
            Ok(())
        }
        TypeKind::Enum => from_json(ValueKind::Enum(info), value, ieee754)
            .map(|_| ())
            .map_err(|m| invalid(target, format!("{target}: {m}"))),
        _ => Ok(()),
    }
}
