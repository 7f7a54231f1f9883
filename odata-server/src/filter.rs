//! The bridge to the query module: the typed `$filter` and `$orderby` of a read, written into
//! its statement by [`crate::sql::filter_sql`] and [`crate::sql::orderby_sql`].

use crate::catalog::SetModel;
use crate::error::ODataError;
use crate::query::{Expr, OrderItem, Search};
use crate::service::Inner;
use crate::sql::{SqlError, SqlScope, StorageNames, filter_sql, orderby_sql, search_sql};
use crate::stmt::Stmt;

fn untranslatable(option: &str, error: &SqlError) -> ODataError {
    ODataError::not_implemented(format!("{option} at position {}: {}", error.position(), error.message()))
        .with_target(option.to_owned())
}

/// Appends ` AND (<filter>)` for the table aliased `t`.
pub(crate) fn write_filter(inner: &Inner, stmt: &mut Stmt, set: &SetModel, filter: &Expr) -> Result<(), ODataError> {
    crate::source::guard::refuse_sourced_paths(inner, Some(filter), &[])?;
    let names = StorageNames::new(inner.catalog.container);
    let scope = SqlScope { table: set.name(), alias: "t", entity_type: set.ty };
    stmt.push(" AND (");
    filter_sql(filter, &names, &scope, &mut stmt.sql).map_err(|e| untranslatable("$filter", &e))?;
    stmt.push(")");
    Ok(())
}

/// Appends ` AND (<search>)` for the table aliased `t`.
pub(crate) fn write_search(inner: &Inner, stmt: &mut Stmt, set: &SetModel, search: &Search) -> Result<(), ODataError> {
    let names = StorageNames::new(inner.catalog.container);
    let scope = SqlScope { table: set.name(), alias: "t", entity_type: set.ty };
    stmt.push(" AND (");
    search_sql(search, &names, &scope, &mut stmt.sql).map_err(|e| untranslatable("$search", &e))?;
    stmt.push(")");
    Ok(())
}

/// Appends the `$orderby` items (without `ORDER BY`) for the table aliased `t`.
pub(crate) fn write_orderby(
    inner: &Inner,
    stmt: &mut Stmt,
    set: &SetModel,
    items: &[OrderItem],
) -> Result<(), ODataError> {
    crate::source::guard::refuse_sourced_paths(inner, None, items)?;
    let names = StorageNames::new(inner.catalog.container);
    let scope = SqlScope { table: set.name(), alias: "t", entity_type: set.ty };
    orderby_sql(items, &names, &scope, &mut stmt.sql).map_err(|e| untranslatable("$orderby", &e))
}
