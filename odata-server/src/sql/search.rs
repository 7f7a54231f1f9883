//! `$search` as SQL: a term matches an entity when any of its string properties contains it,
//! ignoring case; `AND`, `OR`, `NOT` and parentheses combine terms.
//!
//! Why substring matching: OData leaves the meaning of a search term to the service, and a
//! case-insensitive substring over the text properties is what users of Excel and Power BI
//! expect from a search box, in both databases, without a full-text index to maintain.

use odata_core::PropertyInfo;

use super::filter::{SqlError, SqlScope};
use super::{Dialect, SqlBuilder, SqlNames, SqlValue};
use crate::query::Search;

/// Writes the condition of a `$search` (without `WHERE`) over the `Edm.String` properties of the
/// scope's entity type. Never unknown: an entity without text matches no term.
pub fn search_sql(
    search: &Search,
    names: &dyn SqlNames,
    scope: &SqlScope<'_>,
    sql: &mut SqlBuilder,
) -> Result<(), SqlError> {
    let columns: Vec<&'static PropertyInfo> =
        scope.entity_type.all_properties().filter(|p| p.ty.name == "Edm.String" && !p.ty.collection).collect();
    write(search, names, scope.alias, &columns, sql);
    Ok(())
}

fn write(search: &Search, names: &dyn SqlNames, alias: &str, columns: &[&'static PropertyInfo], sql: &mut SqlBuilder) {
    match search {
        Search::Term(term) => {
            if columns.is_empty() {
                sql.push_sql("(1 = 0)");
                return;
            }
            let find = if sql.dialect() == Dialect::Postgres { "strpos(" } else { "instr(" };
            sql.push_sql("(");
            for (i, column) in columns.iter().enumerate() {
                if i > 0 {
                    sql.push_sql(" OR ");
                }
                sql.push_sql("COALESCE(").push_sql(find).push_sql("lower(");
                names.push_property(sql, alias, &[*column]);
                sql.push_sql("), lower(").push_value(SqlValue::Text(term.clone())).push_sql(")), 0) > 0");
            }
            sql.push_sql(")");
        }
        Search::And(all) | Search::Or(all) => {
            let joiner = if matches!(search, Search::And(_)) { " AND " } else { " OR " };
            sql.push_sql("(");
            for (i, item) in all.iter().enumerate() {
                if i > 0 {
                    sql.push_sql(joiner);
                }
                write(item, names, alias, columns, sql);
            }
            sql.push_sql(")");
        }
        Search::Not(inner) => {
            sql.push_sql("(NOT ");
            write(inner, names, alias, columns, sql);
            sql.push_sql(")");
        }
    }
}
