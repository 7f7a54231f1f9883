//! Serve OData v4 from the same derives that describe a client's model: an
//! [axum](https://docs.rs/axum) router built from a `#[derive(ODataService)]` entity container,
//! over a SQL database through [sqlx](https://docs.rs/sqlx) (SQLite embedded, PostgreSQL for
//! production).
//!
//! Work in progress (issue 17); the modules below are filled in by the parts of that issue.

pub mod query;
pub mod sql;
