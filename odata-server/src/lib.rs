//! Serve OData v4 from the same derives that describe a client's model: an
//! [axum](https://docs.rs/axum) router built from a `#[derive(ODataService)]` entity container,
//! over a SQL database through [sqlx](https://docs.rs/sqlx) (SQLite embedded, PostgreSQL for
//! production).
//!
//! Work in progress (issue 17); the modules below are filled in by the parts of that issue.

mod batch;
mod body;
mod catalog;
mod entity;
mod error;
mod etag;
mod expand;
mod fetch;
mod operation;
mod filter;
mod format;
mod options;
mod paging;
mod path;
pub mod query;
mod read;
mod request;
mod resolve;
mod router;
mod schema;
mod service;
pub mod sql;
mod stmt;
mod value;
mod write;

pub use error::{ErrorDetail, ODataError, ServiceError};
pub use operation::{OperationCall, OperationHandler, OperationResult};
pub use service::{Limits, Service, ServiceBuilder, connect};
