//! Entity sets served from another data source than the SQL database: memory, another API, a
//! key-value store. A source implements [`EntitySource`] for one entity set and is registered
//! with [`ServiceBuilder::source`](crate::ServiceBuilder::source); the set then gets no table,
//! and every request addressed to it (reads, keys, `/$count`, writes with ETags, `$batch` items)
//! goes to the source.
//!
//! The server keeps the protocol: it parses and checks the query options against the model
//! (a bad `$filter` is a 400 before the source is asked), and from what the source returns it
//! writes `$select`, the metadata levels, `@odata.context`, `@odata.etag` and `ETag`, paging with
//! `$skiptoken` and `@odata.nextLink`, `/$count` and the OData error bodies; it checks write
//! bodies against the model and `If-Match` against the version the source reports. The source
//! answers typed questions: a [`Query`] (the typed `$filter` expression of [`crate::query`],
//! `$orderby`, `$search`, how many to skip and take, whether to count), one entity by [`Key`],
//! and, if it is writable, create, replace and delete.
//!
//! Type casts (`Products/Ns.Special`) ask the source with an `isof` condition added to the
//! `$filter`, and treat an entity of another type as absent.
//!
//! [`MemorySource`] is a ready-made source over entities held in memory (a [`MemoryStore`]
//! shared by several sets, so that `$filter` can follow navigation properties between them);
//! [`Evaluator`] and [`apply`] evaluate a [`Query`] over JSON entities in Rust for any source
//! that can list its entities.
//!
//! # What a source returns
//!
//! An entity is a JSON object in OData JSON form ([`SourceEntity::value`]): property name to
//! value, every structural property of its type that has a value (a missing one is written as
//! `null`), values as OData JSON writes them (`Edm.Int64` and `Edm.Decimal` as numbers or
//! strings, dates and times as their ISO text, enumeration members by name, binaries in base64url,
//! complex values as objects, collections as arrays); an entity of a type derived from the set's
//! type names it with `"@odata.type": "#Namespace.Type"`. Other annotations and unknown
//! properties are ignored. The server checks each value against the property's type: a value
//! that does not fit is a 500 naming the entity set and the property (a fault of the source, not
//! of the client). [`SourceEntity::version`] is the entity's version, if the source keeps one:
//! the server writes it as the ETag `W/"<version>"` and compares `If-Match` with it.
//!
//! # Navigation
//!
//! `$expand` from a source-backed set works, nested and with options, to any set: a
//! source-backed target is read with one [`Query`] per expanded navigation property and level
//! whose `filter` is the item's own `$filter` and a key-in condition over the page's join values
//! (`CategoryID in (1,2)`), a table-backed one with one statement; per-parent `$top`, `$skip`
//! and `$count` apply to the groups. A source evaluates navigation inside its own `$filter` (as
//! [`MemorySource`] does within its store).
//!
//! # What is refused
//!
//! Answered `501 Not Implemented` with an OData error naming the navigation property: path
//! navigation from or to a source-backed set (`Products(1)/Category`), and, from a table-backed
//! set, `$expand` to a source-backed set and `$filter`/`$orderby` paths through a navigation
//! property to its entity type (SQL cannot join a table that does not exist). Also 501: `/$ref`
//! and bound operations on a source-backed set, and writes to a source inside a `$batch`
//! atomicity group (a source cannot take part in the database
//! transaction that makes a group all-or-nothing).
//!
//! # Example
//!
//! ```
//! use odata_core::container::EntitySet;
//! use odata_core::{ODataEntity, ODataService};
//! use odata_server::source::MemoryStore;
//!
//! #[derive(ODataEntity, Debug, Default)]
//! #[odata(type = "Shop.Product", key_property = "ProductID")]
//! pub struct Product {
//!     #[odata(rename = "ProductID", nullable = false)]
//!     pub product_id: Option<i32>,
//!     #[odata(rename = "ProductName")]
//!     pub product_name: Option<String>,
//! }
//!
//! #[derive(ODataService, Debug, Clone)]
//! #[odata(namespace = "Shop", container = "Container")]
//! pub struct Shop {
//!     #[odata(entity_set = "Products")]
//!     pub products: EntitySet<Product>,
//! }
//!
//! # async fn serve() -> Result<(), Box<dyn std::error::Error>> {
//! let store = MemoryStore::new::<Shop>();
//! store.insert("Products", serde_json::json!({"ProductID": 1, "ProductName": "Chai"}))?;
//! let pool = odata_server::connect("sqlite::memory:").await?;
//! let service = odata_server::Service::builder::<Shop>(pool)
//!     .source("Products", store.source("Products"))
//!     .build()
//!     .await?;
//! // GET /Products?$filter=startswith(ProductName,'Ch') is answered from the store.
//! # let _ = service;
//! # Ok(())
//! # }
//! # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(serve()).unwrap();
//! ```

mod eval;
pub(crate) mod expand;
pub(crate) mod guard;
mod memory;
mod row;
pub(crate) mod serve;
pub(crate) mod store;
mod values;

use std::future::Future;
use std::pin::Pin;

use http::StatusCode;
use odata_core::TypeInfo;
use odata_core::container::EntitySetInfo;
use serde_json::{Map, Value};

pub use eval::{EvalError, Evaluator, Followed, Inline, Navigator, apply};
pub use memory::{MemorySource, MemoryStore};

use crate::error::ODataError;
use crate::query::{Expr, OrderItem, Search};

/// The future a source's method returns: boxed and `Send`, so that [`EntitySource`] stays
/// object-safe and the server can hold every source as `Arc<dyn EntitySource>`.
pub type SourceFuture<'a, T> = Pin<Box<dyn Future<Output = Result<T, ODataError>> + Send + 'a>>;

/// An entity as a source holds it: its JSON object in OData JSON form, and its version (see the
/// [module documentation](self) for what the object must hold).
#[derive(Debug, Clone, PartialEq)]
pub struct SourceEntity {
    /// Property name to value; `@odata.type` for an entity of a derived type.
    pub value: Map<String, Value>,
    /// The entity's version (written as the ETag `W/"<version>"`), or `None` when the source keeps
    /// no versions: then the entity has no ETag and `If-Match` matches it only with `*`.
    pub version: Option<String>,
}

impl SourceEntity {
    /// An entity without a version.
    pub fn new(value: Map<String, Value>) -> Self {
        SourceEntity { value, version: None }
    }

    /// The same entity with this version.
    #[must_use]
    pub fn with_version(mut self, version: impl Into<String>) -> Self {
        self.version = Some(version.into());
        self
    }
}

/// What a collection read asks of a source. The server has parsed and checked every part
/// against the model; the source applies them in this order: `filter` and `search` (both must
/// hold), then `orderby` (the key properties, ascending, after the listed items, so that pages
/// are stable), then `skip` and `top`.
#[derive(Debug, Clone, Copy)]
#[non_exhaustive]
pub struct Query<'a> {
    /// The entity set read.
    pub entity_set: &'static EntitySetInfo,
    /// `$filter`: the typed expression; `None` keeps every entity.
    pub filter: Option<&'a Expr>,
    /// `$search`; `None` keeps every entity.
    pub search: Option<&'a Search>,
    /// `$orderby`, in order of precedence.
    pub orderby: &'a [OrderItem],
    /// How many entities of the ordered result to leave out (`$skip` plus earlier pages).
    pub skip: u64,
    /// How many to return at most after `skip` (`$top`, or the page size plus one, with which the
    /// server tells whether there is a next page); `None`: all.
    pub top: Option<u64>,
    /// Whether [`Page::count`] is wanted: the number of entities that pass `filter` and `search`,
    /// before `skip` and `top` (`$count=true`, `/$count`).
    pub count: bool,
}

impl<'a> Query<'a> {
    /// A query for every entity of `entity_set`, uncounted; set the fields to narrow it.
    pub fn new(entity_set: &'static EntitySetInfo) -> Self {
        Query { entity_set, filter: None, search: None, orderby: &[], skip: 0, top: None, count: false }
    }

    /// The entity type of the set.
    pub fn entity_type(&self) -> &'static TypeInfo {
        self.entity_set.entity_type
    }
}

/// What a source answers to a [`Query`].
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Page {
    /// The entities, in order.
    pub entities: Vec<SourceEntity>,
    /// The total count, when [`Query::count`] asked for it (`None` otherwise is fine).
    pub count: Option<u64>,
}

/// The key of one entity: its key properties in key order, each with its value in OData JSON
/// form (`{"ProductID": 1}`; compound keys have several).
#[derive(Debug, Clone)]
pub struct Key {
    /// The entity set the key addresses.
    pub entity_set: &'static EntitySetInfo,
    /// Key property name and value, in key order.
    pub values: Vec<(&'static str, Value)>,
}

impl Key {
    /// Whether `entity` has this key (values compared as the OData JSON values they are,
    /// numbers by value).
    pub fn matches(&self, entity: &Map<String, Value>) -> bool {
        self.values.iter().all(|(name, value)| entity.get(*name).is_some_and(|v| eval::same_json(v, value)))
    }

    /// The key as a JSON object.
    pub fn to_object(&self) -> Map<String, Value> {
        self.values.iter().map(|(n, v)| ((*n).to_owned(), v.clone())).collect()
    }
}

/// A data source for one entity set.
///
/// Reads are required; writes default to `405 Method Not Allowed` with the OData error "the
/// entity set ... is read-only" ([`read_only`]). Every method returns a boxed `Send` future
/// ([`SourceFuture`]); write them as `Box::pin(async move { ... })`. Errors are [`ODataError`]s,
/// answered to the client as they are: use 404 for a missing entity, 409 for a duplicate key,
/// 412 (`PreconditionFailed`) when an expected version does not match.
///
/// # Example
///
/// A read-only source over a fixed list, answering queries with [`apply`]:
///
/// ```
/// use odata_server::source::{EntitySource, Inline, Key, Page, Query, SourceEntity, SourceFuture, apply};
///
/// struct Fixed(Vec<SourceEntity>);
///
/// impl EntitySource for Fixed {
///     fn read<'a>(&'a self, query: Query<'a>) -> SourceFuture<'a, Page> {
///         Box::pin(async move { Ok(apply(&query, self.0.clone(), &Inline)?) })
///     }
///
///     fn get<'a>(&'a self, key: &'a Key) -> SourceFuture<'a, Option<SourceEntity>> {
///         Box::pin(async move { Ok(self.0.iter().find(|e| key.matches(&e.value)).cloned()) })
///     }
/// }
///
/// // Object-safe: the server holds sources as `Arc<dyn EntitySource>`.
/// let _: Box<dyn EntitySource> = Box::new(Fixed(Vec::new()));
/// ```
pub trait EntitySource: Send + Sync + 'static {
    /// The entities `query` selects, ordered and paged as it says.
    fn read<'a>(&'a self, query: Query<'a>) -> SourceFuture<'a, Page>;

    /// The entity with this key, or `None`.
    fn get<'a>(&'a self, key: &'a Key) -> SourceFuture<'a, Option<SourceEntity>>;

    /// Creates `entity` (checked against the model: its key and every required property are
    /// there, every value fits its property) and returns it as stored, with its version. An
    /// entity with the same key is a `409 Conflict`.
    fn create<'a>(
        &'a self,
        entity_set: &'static EntitySetInfo,
        entity: Map<String, Value>,
    ) -> SourceFuture<'a, SourceEntity> {
        let _ = entity;
        Box::pin(async move { Err(read_only(entity_set)) })
    }

    /// Replaces the entity with this key by `entity` (complete: the server merges a `PATCH` into
    /// the current entity first) if its version is still `expected` (`None`: whatever it is), and
    /// returns it as stored, with its new version. A changed version is a 412; a missing entity a
    /// 404.
    fn replace<'a>(
        &'a self,
        key: &'a Key,
        entity: Map<String, Value>,
        expected: Option<&'a str>,
    ) -> SourceFuture<'a, SourceEntity> {
        let _ = (entity, expected);
        Box::pin(async move { Err(read_only(key.entity_set)) })
    }

    /// Deletes the entity with this key if its version is still `expected` (`None`: whatever it
    /// is). A changed version is a 412; a missing entity a 404.
    fn delete<'a>(&'a self, key: &'a Key, expected: Option<&'a str>) -> SourceFuture<'a, ()> {
        let _ = expected;
        Box::pin(async move { Err(read_only(key.entity_set)) })
    }
}

/// The answer of a source that does not write: `405 Method Not Allowed`, code `ReadOnly`,
/// "the entity set `Name` is read-only", target the entity set.
pub fn read_only(entity_set: &EntitySetInfo) -> ODataError {
    ODataError::new(
        StatusCode::METHOD_NOT_ALLOWED,
        "ReadOnly",
        format!("the entity set {} is read-only: its data source does not write", entity_set.name),
    )
    .with_target(entity_set.name)
}

/// 412: the version a write expected is not the entity's (for sources to answer with).
pub fn version_mismatch(expected: &str, current: Option<&str>) -> ODataError {
    ODataError::new(
        StatusCode::PRECONDITION_FAILED,
        "PreconditionFailed",
        format!("the entity's version is {}, not the expected {expected}: it changed", current.unwrap_or("unknown")),
    )
}
