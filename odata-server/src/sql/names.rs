//! Where the model lives in the database: what the translation of query options asks the storage.

use odata_core::container::ContainerInfo;
use odata_core::{NavigationPropertyInfo, PropertyInfo, TypeInfo};

use super::{Dialect, SqlBuilder, SqlValue};

/// How a navigation property is joined: the table of its targets and the pairs of equal columns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NavigationJoin {
    /// The table holding the target entities (the entity set the navigation is bound to).
    pub table: String,
    /// `(source column, target column)` pairs whose values are equal for related rows.
    pub columns: Vec<(&'static str, &'static str)>,
}

/// The storage of the model, as the SQL translation of `$filter` and `$orderby` needs it.
///
/// The provided methods follow the server's storage conventions; the storage implements
/// [`navigation`](Self::navigation) and overrides the others only if its tables differ.
pub trait SqlNames {
    /// How `navigation` of an entity of type `source`, stored in `source_table`, reaches its
    /// targets; `None` when the storage cannot join it.
    fn navigation(
        &self,
        source_table: &str,
        source: &'static TypeInfo,
        navigation: &'static NavigationPropertyInfo,
    ) -> Option<NavigationJoin>;

    /// Writes the SQL expression of a structural property path of the entity at `alias`: its
    /// column for one property, a JSON extraction from the first property's column below it.
    fn push_property(&self, sql: &mut SqlBuilder, alias: &str, path: &[&'static PropertyInfo]) {
        push_property_by_convention(sql, alias, path);
    }

    /// Writes the expression of the type discriminator (the qualified type name) at `alias`.
    fn push_type_column(&self, sql: &mut SqlBuilder, alias: &str) {
        sql.push_column(alias, "@odata.type");
    }
}

/// The column of `path[0]`; below a complex property, the JSON value at the rest of the path:
/// SQLite `json_extract(col, ?)` with the path bound, PostgreSQL `(col::jsonb #>> ?::text[])`
/// cast back to the property's type.
pub(crate) fn push_property_by_convention(sql: &mut SqlBuilder, alias: &str, path: &[&'static PropertyInfo]) {
    let Some((first, rest)) = path.split_first() else { return };
    if rest.is_empty() {
        sql.push_column(alias, first.name);
        return;
    }
    match sql.dialect() {
        Dialect::Sqlite => {
            let json_path: String = rest.iter().map(|p| format!(".\"{}\"", p.name)).collect();
            sql.push_sql("json_extract(").push_column(alias, first.name).push_sql(", ");
            sql.push_value(SqlValue::Text(format!("${json_path}"))).push_sql(")");
        }
        Dialect::Postgres => {
            let last = rest[rest.len() - 1];
            let cast = postgres_type(last.ty.name);
            let elements: Vec<String> =
                rest.iter().map(|p| format!("\"{}\"", p.name.replace('\\', "\\\\").replace('"', "\\\""))).collect();
            sql.push_sql("((").push_column(alias, first.name).push_sql("::jsonb #>> ");
            sql.push_value(SqlValue::Text(format!("{{{}}}", elements.join(",")))).push_sql("::text[])");
            match cast {
                Some(cast) if !last.ty.collection => sql.push_sql("::").push_sql(cast).push_sql(")"),
                _ => sql.push_sql(")"),
            };
        }
    }
}

/// The PostgreSQL type a primitive type is stored as, for casts of JSON text; `None` for text.
pub(crate) fn postgres_type(edm: &str) -> Option<&'static str> {
    Some(match edm {
        "Edm.Boolean" => "boolean",
        "Edm.Byte" | "Edm.SByte" | "Edm.Int16" | "Edm.Int32" | "Edm.Int64" => "bigint",
        "Edm.Single" | "Edm.Double" => "double precision",
        "Edm.Decimal" => "numeric",
        "Edm.DateTimeOffset" => "timestamptz",
        "Edm.Date" => "date",
        "Edm.TimeOfDay" => "time",
        "Edm.Guid" => "uuid",
        _ => return None,
    })
}

/// The storage conventions over an entity container: tables named by entity sets, navigation
/// targets found through the sets' navigation property bindings, joins through referential
/// constraints (of the navigation property or of its partner).
#[derive(Debug, Clone, Copy)]
pub struct StorageNames {
    container: &'static ContainerInfo,
}

impl StorageNames {
    /// The conventions for the entity sets of `container`.
    pub fn new(container: &'static ContainerInfo) -> Self {
        StorageNames { container }
    }
}

impl SqlNames for StorageNames {
    fn navigation(
        &self,
        source_table: &str,
        source: &'static TypeInfo,
        navigation: &'static NavigationPropertyInfo,
    ) -> Option<NavigationJoin> {
        let set = self.container.entity_set(source_table).or_else(|| self.container.singleton(source_table))?;
        let binding = set.navigation_bindings.iter().find(|b| {
            b.path == navigation.name || b.path.rsplit_once('/').is_some_and(|(_, last)| last == navigation.name)
        })?;
        let columns = join_columns(source, navigation)?;
        Some(NavigationJoin { table: binding.target.to_owned(), columns })
    }
}

/// The equal columns of a navigation: its own referential constraints, or else (for the
/// principal side) those of its partner on the target type, reversed.
pub fn join_columns(
    source: &'static TypeInfo,
    navigation: &'static NavigationPropertyInfo,
) -> Option<Vec<(&'static str, &'static str)>> {
    if !navigation.referential_constraints.is_empty() {
        return Some(navigation.referential_constraints.iter().map(|c| (c.property, c.referenced_property)).collect());
    }
    let target = navigation.ty.type_info()?;
    let partner = match navigation.partner {
        Some(name) => target.navigation_property(name)?,
        // Without a declared partner, a navigation property of the target back to this type.
        None => target.all_navigation_properties().find(|p| {
            !p.referential_constraints.is_empty()
                && p.ty.type_info().is_some_and(|t| source.is_or_derives_from(t) || t.is_or_derives_from(source))
        })?,
    };
    if partner.referential_constraints.is_empty() {
        return None;
    }
    Some(partner.referential_constraints.iter().map(|c| (c.referenced_property, c.property)).collect())
}
