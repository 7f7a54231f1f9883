//! System query options (`$filter`, `$select`, `$expand`, `$orderby`, `$top`, `$skip`, `$count`,
//! `$search`, `$skiptoken`, `$format`) parsed from a request's query string and checked against
//! the entity type they apply to.
//!
//! `$filter` and `$orderby` go through three stages, one file each: `lexer` (tokens with
//! byte positions), [`syntax`] (the OData ABNF's `commonExpr` into an untyped tree) and `check`
//! (names and types against the model, into an [`Expr`]). [`sql`](crate::sql) translates the
//! typed tree. Every error is a [`QueryError`] naming the option and the byte position.
//!
//! ```
//! use odata_core::{ODataEntity, ODataType};
//! use odata_server::query::{Limits, QueryOptions};
//!
//! #[derive(ODataEntity, Debug, Default)]
//! #[odata(type = "NorthwindModel.Product", key_property = "ProductID")]
//! pub struct Product {
//!     #[odata(rename = "ProductID", nullable = false)]
//!     pub product_id: Option<i32>,
//!     #[odata(rename = "ProductName")]
//!     pub product_name: Option<String>,
//! }
//!
//! let options = QueryOptions::parse(
//!     "$filter=startswith(ProductName,'Ch')%20and%20ProductID%20lt%2010&$top=5",
//!     Product::TYPE_INFO,
//!     &Limits::default(),
//! )?;
//! assert_eq!(options.top, Some(5));
//!
//! let error = QueryOptions::parse("$filter=Name eq 1", Product::TYPE_INFO, &Limits::default()).unwrap_err();
//! assert_eq!(error.to_string(), "$filter at position 0: `Name` is not a property or navigation property of NorthwindModel.Product");
//! # Ok::<(), odata_server::query::QueryError>(())
//! ```

mod check;
mod error;
mod expr;
mod lexer;
mod limits;
mod literal;
mod options;
mod search;
pub mod syntax;

pub use error::QueryError;
pub use expr::{BinaryOp, Expr, ExprKind, Function, Literal, Member, Primitive, Scope, Step, ValueType};
pub use limits::Limits;
pub use options::{ExpandItem, ExpandKind, Levels, OrderItem, QueryOptions, SelectItem, parse_filter};
pub use search::Search;
pub use syntax::{Node, NodeKind, RawLiteral, Segment};

/// Parses `text` as an OData expression (`commonExpr`) without a model: only its syntax. For tests
/// of the grammar (the OData ABNF test cases); requests go through [`QueryOptions::parse`].
pub fn parse_syntax(text: &str, limits: &Limits) -> Result<Node, QueryError> {
    syntax::parse_expression(text, 0, limits.depth()).map_err(|e| QueryError::new("", e.position, e.message))
}

/// Parses an `$orderby` value without a model: each item's expression and whether it is
/// `desc`. For tests of the grammar; requests go through [`QueryOptions::parse`].
pub fn parse_orderby_syntax(text: &str, limits: &Limits) -> Result<Vec<(Node, bool)>, QueryError> {
    let located = |e: error::Located| QueryError::new("$orderby", e.position, e.message);
    let mut parser = syntax::Parser::new(text, 0, limits.depth()).map_err(located)?;
    let mut items = Vec::new();
    loop {
        let node = parser.expression().map_err(located)?;
        items.push((node, parser.direction().unwrap_or(false)));
        if !parser.eat_comma() {
            parser.expect_end().map_err(located)?;
            return Ok(items);
        }
    }
}

/// Parses a `$search` value.
pub fn parse_search(text: &str, limits: &Limits) -> Result<Search, QueryError> {
    search::parse(text, limits.depth()).map_err(|e| QueryError::new("$search", e.position, e.message))
}
