//! Tables from the model (see the storage conventions in the crate docs): one per entity set or
//! singleton, a column per structural property (of derived types too, nullable), the key as the
//! primary key, `"@odata.type"` for single-table inheritance, a row-version column for ETags,
//! and an index on each referential-constraint column (what `$expand` joins on).

use crate::catalog::{Catalog, ROW_VERSION, SetModel, ValueKind};
use crate::sql::Dialect as Backend;
use crate::stmt::quote;

/// The SQL type of a column of `kind`.
pub(crate) fn column_type(backend: Backend, kind: ValueKind) -> &'static str {
    match backend {
        Backend::Sqlite => match kind {
            ValueKind::Boolean
            | ValueKind::Byte
            | ValueKind::SByte
            | ValueKind::Int16
            | ValueKind::Int32
            | ValueKind::Int64 => "INTEGER",
            ValueKind::Single | ValueKind::Double => "REAL",
            ValueKind::Decimal => "NUMERIC",
            ValueKind::Binary => "BLOB",
            _ => "TEXT",
        },
        Backend::Postgres => match kind {
            ValueKind::Boolean => "BOOLEAN",
            ValueKind::Byte | ValueKind::SByte | ValueKind::Int16 | ValueKind::Int32 => "INTEGER",
            ValueKind::Int64 => "BIGINT",
            ValueKind::Single | ValueKind::Double => "DOUBLE PRECISION",
            ValueKind::Decimal => "NUMERIC",
            ValueKind::DateTimeOffset => "TIMESTAMPTZ",
            ValueKind::Date => "DATE",
            ValueKind::TimeOfDay => "TIME",
            ValueKind::Guid => "UUID",
            ValueKind::Binary => "BYTEA",
            _ => "TEXT",
        },
    }
}

/// The statements that create the tables and indexes of the model, if they do not exist.
pub(crate) fn ddl(catalog: &Catalog, backend: Backend) -> Vec<String> {
    let mut statements = Vec::new();
    for set in &catalog.sets {
        statements.push(create_table(set, backend));
        for column in foreign_key_columns(set) {
            statements.push(format!(
                "CREATE INDEX IF NOT EXISTS {} ON {} ({})",
                quote(&format!("{}_{}", set.name(), column)),
                quote(set.name()),
                quote(column)
            ));
        }
    }
    statements
}

fn create_table(set: &SetModel, backend: Backend) -> String {
    let mut columns = Vec::new();
    for (index, column) in set.columns.iter().enumerate() {
        let own = set.ty.is_or_derives_from(column.declared_by);
        let required = set.key.contains(&index) || (own && !column.property.nullable) || set.is_etag(index);
        let mut text = format!(
            "{} {}{}",
            quote(column.name()),
            column_type(backend, column.kind),
            crate::keys::ddl_suffix(set, index, backend)
        );
        if required {
            text.push_str(" NOT NULL");
        }
        columns.push(text);
    }
    if set.has_discriminator() {
        columns.push(format!("{} TEXT NOT NULL", quote("@odata.type")));
    }
    if set.etag.is_none() {
        columns.push(format!("{} BIGINT NOT NULL DEFAULT 1", quote(ROW_VERSION)));
    }
    let key: Vec<String> = set.key.iter().map(|&i| quote(set.columns[i].name())).collect();
    columns.push(format!("PRIMARY KEY ({})", key.join(", ")));
    format!("CREATE TABLE IF NOT EXISTS {} ({})", quote(set.name()), columns.join(", "))
}

/// The dependent columns of the set's navigation properties (not part of the key).
fn foreign_key_columns(set: &SetModel) -> Vec<&'static str> {
    let mut names: Vec<&'static str> = Vec::new();
    for ty in std::iter::once(set.ty).chain(set.derived.iter().copied()) {
        for navigation in ty.all_navigation_properties() {
            for constraint in navigation.referential_constraints {
                let in_key = set.key.iter().any(|&i| set.columns[i].name() == constraint.property);
                if !in_key && set.column(constraint.property).is_some() && !names.contains(&constraint.property) {
                    names.push(constraint.property);
                }
            }
        }
    }
    names
}
