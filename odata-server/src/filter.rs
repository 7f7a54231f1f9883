//! The bridge to the query module: `$filter` and `$orderby` of a read, written into its
//! statement.

use crate::catalog::SetModel;
use crate::error::ODataError;
use crate::fetch::OrderItem;
use crate::service::Inner;
use crate::stmt::Stmt;

/// Appends ` AND (<filter>)` to the statement.
pub(crate) fn write_filter(_inner: &Inner, _stmt: &mut Stmt, _set: &SetModel, _filter: &str) -> Result<(), ODataError> {
    Err(ODataError::not_implemented("$filter is not supported yet").with_target("$filter"))
}

/// `$orderby` of direct properties: `Name desc, Price`.
pub(crate) fn parse_orderby(set: &SetModel, text: &str) -> Result<Vec<OrderItem>, ODataError> {
    let mut order = Vec::new();
    for item in text.split(',') {
        let mut words = item.split_whitespace();
        let name = words.next().ok_or_else(|| {
            ODataError::bad_request("InvalidOrderBy", "$orderby: an item is empty").with_target("$orderby")
        })?;
        let descending = match words.next() {
            None | Some("asc") => false,
            Some("desc") => true,
            Some(other) => {
                return Err(ODataError::bad_request("InvalidOrderBy", format!("$orderby: {other} is not asc or desc"))
                    .with_target("$orderby"));
            }
        };
        let column = set.column(name).ok_or_else(|| {
            ODataError::bad_request(
                "InvalidOrderBy",
                format!("$orderby: {} has no property {name}", set.ty.qualified_name),
            )
            .with_target("$orderby")
        })?;
        if set.columns[column].kind == crate::catalog::ValueKind::Json {
            return Err(ODataError::bad_request(
                "InvalidOrderBy",
                format!("$orderby: {name} is not a primitive property"),
            )
            .with_target("$orderby"));
        }
        order.push((column, descending));
    }
    Ok(order)
}
