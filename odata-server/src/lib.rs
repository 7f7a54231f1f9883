//! Serve OData v4 from the same derives that describe a client's model: an
//! [axum](https://docs.rs/axum) router built from a `#[derive(ODataService)]` entity container,
//! over a SQL database through [sqlx](https://docs.rs/sqlx)'s `Any` driver (SQLite embedded,
//! PostgreSQL for production with the same code).
//!
//! ```no_run
//! # use odata_core::container::EntitySet;
//! # use odata_core::{ODataEntity, ODataService};
//! # #[derive(ODataEntity, Debug, Default)]
//! # #[odata(type = "Shop.Product", key_property = "ProductID")]
//! # pub struct Product {
//! #     #[odata(rename = "ProductID", nullable = false)]
//! #     pub product_id: Option<i32>,
//! # }
//! # #[derive(ODataService, Debug, Clone)]
//! # #[odata(namespace = "Shop", container = "Container")]
//! # pub struct Shop {
//! #     #[odata(entity_set = "Products")]
//! #     pub products: EntitySet<Product>,
//! # }
//! # async fn serve() -> Result<(), Box<dyn std::error::Error>> {
//! let pool = odata_server::connect("sqlite::memory:").await?;
//! let service = odata_server::Service::builder::<Shop>(pool).page_size(50).build().await?;
//! service.insert("Products", &serde_json::json!({"ProductID": 1})).await?;
//! let listener = tokio::net::TcpListener::bind("127.0.0.1:8080").await?;
//! axum::serve(listener, service.router()).await?;
//! # Ok(())
//! # }
//! ```
//!
//! What it serves: the service document, `$metadata` (CSDL XML, or JSON with `$format=json` or
//! `Accept: application/json`), entity sets and singletons, entities by key (compound keys too),
//! navigation (`Products(1)/Category`), properties and their `$value`, `/$count`, type casts;
//! `$filter` (with parameter aliases `@p`), `$select`, `$expand` (nested, one query per level), `$orderby`, `$top`, `$skip`,
//! `$count`, `$search`; server-driven paging (`Prefer: odata.maxpagesize`, `$skiptoken`,
//! `@odata.nextLink`); `odata.metadata=minimal|full|none` and `IEEE754Compatible`; POST (deep
//! insert, `@odata.bind`), PATCH, PUT, DELETE with ETags (`If-Match`, `If-None-Match`);
//! `$batch` in the JSON format (atomicity groups) and the multipart/mixed format (change sets),
//! each group or change set in one transaction; functions and actions through
//! [`ServiceBuilder::operation`]. Every bad request is a 4xx with the OData JSON error body.
//!
//! # Storage
//!
//! One table per entity set or singleton, named by it; one column per structural property of
//! its entity type and of the types derived from it (single-table inheritance, with a
//! `"@odata.type"` column), named by the property; the key is the primary key; complex and
//! collection values are JSON text. The ETag is a row version the server sets to 1 on insert and
//! bumps on every update: an integer property named `RowVersion`, `Version` or `ETag` when the
//! type has one, else a hidden column `"@odata.version"`.

mod answer;
mod batch;
mod body;
mod catalog;
mod entity;
mod error;
mod etag;
mod expand;
mod fetch;
mod filter;
mod format;
mod keys;
mod multipart;
mod operation;
mod options;
mod paging;
mod path;
pub mod query;
mod read;
mod request;
mod resolve;
mod router;
mod rows;
mod schema;
mod service;
pub mod source;
pub mod sql;
mod stmt;
mod store;
mod table;
mod value;
mod write;

pub use error::{ErrorDetail, ODataError, ServiceError};
pub use operation::{OperationCall, OperationHandler, OperationResult};
pub use service::{Limits, Service, ServiceBuilder, connect};
