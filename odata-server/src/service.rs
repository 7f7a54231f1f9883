//! The service: a model (an entity container), a database pool and limits; built once, then
//! shared by every request through [`Service::router`].

use std::sync::Arc;

use axum::Router;
use odata_core::ODataService;
use odata_core::container::ContainerInfo;
use odata_core::csdl::Document;
use sqlx::AnyPool;
use sqlx::any::AnyPoolOptions;

use crate::catalog::Catalog;
use crate::error::{ODataError, ServiceError};
use crate::sql::Dialect as Backend;

/// Limits and policies of a service; every one has a default.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Limits {
    /// Entities per page when the client states no `odata.maxpagesize` (server-driven paging).
    pub page_size: u32,
    /// The largest page a client may ask for with `Prefer: odata.maxpagesize`.
    pub max_page_size: u32,
    /// The limits of query options: `$top`, `$expand` depth, `$filter` length and nesting.
    pub query: crate::query::Limits,
    /// The largest request body, in bytes.
    pub max_body_bytes: usize,
    /// The most requests in one `$batch`.
    pub max_batch_requests: usize,
    /// Whether updates and deletes must carry `If-Match` (428 Precondition Required otherwise).
    pub require_if_match: bool,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            page_size: 100,
            max_page_size: 1000,
            query: crate::query::Limits::DEFAULT,
            max_body_bytes: 4 * 1024 * 1024,
            max_batch_requests: 100,
            require_if_match: false,
        }
    }
}

/// A served OData service; cheap to clone (shared state).
#[derive(Clone, Debug)]
pub struct Service {
    pub(crate) inner: Arc<Inner>,
}

/// What every request shares.
#[derive(Debug)]
pub(crate) struct Inner {
    pub(crate) catalog: Catalog,
    pub(crate) pool: AnyPool,
    pub(crate) backend: Backend,
    pub(crate) limits: Limits,
    pub(crate) metadata_xml: String,
    pub(crate) metadata_json: String,
    pub(crate) operations: Vec<crate::operation::Registered>,
    /// The entity sets served by a data source rather than a table.
    pub(crate) sources: crate::source::serve::Sources,
}

/// Builds a [`Service`]: [`Service::builder`], then limits, then [`build`](Self::build).
#[derive(Debug)]
pub struct ServiceBuilder {
    container: &'static ContainerInfo,
    pool: AnyPool,
    limits: Limits,
    create_tables: bool,
    operations: Vec<crate::operation::Registered>,
    sources: crate::source::serve::Sources,
}

impl Service {
    /// A builder for the service of container `S` (`#[derive(ODataService)]`) over `pool` (see
    /// [`connect`] for SQLite in memory or in a file, and PostgreSQL).
    pub fn builder<S: ODataService>(pool: AnyPool) -> ServiceBuilder {
        Self::builder_for(S::CONTAINER_INFO, pool)
    }

    /// A builder for the service of a container given by its table.
    pub fn builder_for(container: &'static ContainerInfo, pool: AnyPool) -> ServiceBuilder {
        ServiceBuilder {
            container,
            pool,
            limits: Limits::default(),
            create_tables: true,
            operations: Vec::new(),
            sources: Default::default(),
        }
    }

    /// The axum router that serves it: mount it at the root or with `Router::nest("/odata", ..)`.
    pub fn router(&self) -> Router {
        crate::router::router(self.clone())
    }

    /// The database pool.
    pub fn pool(&self) -> &AnyPool {
        &self.inner.pool
    }

    /// The limits in force.
    pub fn limits(&self) -> &Limits {
        &self.inner.limits
    }

    /// The `$metadata` document as CSDL XML.
    pub fn metadata_xml(&self) -> &str {
        &self.inner.metadata_xml
    }

    /// The entity set (or singleton) named `entity_set`; 404 when there is none.
    fn set(&self, entity_set: &str) -> Result<&crate::catalog::SetModel, ODataError> {
        self.inner
            .catalog
            .set_named(entity_set)
            .ok_or_else(|| ODataError::not_found(format!("no entity set named {entity_set}")))
    }

    /// Inserts one entity (its JSON, as a client would `POST` it) into an entity set, with the
    /// same checks as a `POST`: for seeding a database at start.
    pub async fn insert(&self, entity_set: &str, entity: &serde_json::Value) -> Result<(), ODataError> {
        let set = self.set(entity_set)?;
        if let Some(source) = self.inner.sources.get(entity_set) {
            return crate::source::serve::insert(set, source.as_ref(), entity).await;
        }
        let mut conn = self.inner.pool.acquire().await.map_err(|e| ODataError::database(&e))?;
        crate::write::insert_value(&self.inner, &mut conn, set, entity, false).await.map(|_| ())
    }
}

impl Service {
    /// Inserts entities into an entity set in one transaction (all or none), with the checks of
    /// a `POST`: for seeding a database at start. Entities may carry `@odata.type` (a derived
    /// type), `@odata.bind` and nested entities as in a `POST`.
    pub async fn insert_all<'a>(
        &self,
        entity_set: &str,
        entities: impl IntoIterator<Item = &'a serde_json::Value>,
    ) -> Result<usize, ODataError> {
        use sqlx::Connection;
        let set = self.set(entity_set)?;
        if let Some(source) = self.inner.sources.get(entity_set) {
            // A source has no transaction: one create after the other.
            let mut count = 0;
            for entity in entities {
                crate::source::serve::insert(set, source.as_ref(), entity).await?;
                count += 1;
            }
            return Ok(count);
        }
        let mut conn = self.inner.pool.acquire().await.map_err(|e| ODataError::database(&e))?;
        let mut tx = conn.begin().await.map_err(|e| ODataError::database(&e))?;
        let mut count = 0;
        for entity in entities {
            crate::write::insert_value(&self.inner, &mut tx, set, entity, false).await?;
            count += 1;
        }
        tx.commit().await.map_err(|e| ODataError::database(&e))?;
        Ok(count)
    }

    /// The number of entities in an entity set (or rows of a singleton).
    pub async fn count(&self, entity_set: &str) -> Result<u64, ODataError> {
        let set = self.set(entity_set)?;
        if let Some(source) = self.inner.sources.get(entity_set) {
            return crate::source::serve::count(set, source.as_ref()).await;
        }
        let mut conn = self.inner.pool.acquire().await.map_err(|e| ODataError::database(&e))?;
        let options = crate::options::Options::default();
        let selection =
            crate::fetch::Selection { conds: &[], cast: None, options: &options, limit: None, offset: 0, join: None };
        let n = crate::fetch::count(&self.inner, &mut conn, set, &selection).await?;
        Ok(u64::try_from(n).unwrap_or_default())
    }
}

impl ServiceBuilder {
    /// Replaces all limits.
    #[must_use]
    pub fn limits(mut self, limits: Limits) -> Self {
        self.limits = limits;
        self
    }

    /// Entities per page when the client states no `odata.maxpagesize`.
    #[must_use]
    pub fn page_size(mut self, size: u32) -> Self {
        self.limits.page_size = size.max(1);
        self
    }

    /// Whether updates and deletes must carry `If-Match` (else 428 Precondition Required).
    #[must_use]
    pub fn require_if_match(mut self, required: bool) -> Self {
        self.limits.require_if_match = required;
        self
    }

    /// Whether [`build`](Self::build) creates the tables (the default; they are created only if
    /// they do not exist yet).
    #[must_use]
    pub fn create_tables(mut self, create: bool) -> Self {
        self.create_tables = create;
        self
    }

    /// Serves the function or action `O` (`#[derive(ODataFunction)]`, `#[derive(ODataAction)]`)
    /// with `handler`: through its import in the container (unbound) or bound to its binding
    /// type. A bound operation is added to `$metadata`.
    #[must_use]
    pub fn operation<O: odata_core::ODataOperation>(
        mut self,
        handler: impl crate::operation::OperationHandler,
    ) -> Self {
        let info = O::OPERATION_INFO;
        self.operations.retain(|r| r.info.qualified_name != info.qualified_name);
        self.operations.push(crate::operation::Registered { info, handler: std::sync::Arc::new(handler) });
        self
    }

    /// Serves entity set `entity_set` from `source` instead of a table (see [`crate::source`]):
    /// the set gets no table, and its reads, keys, `/$count`, writes, ETags and `$batch` items go
    /// to the source; a second source for the same set replaces the first.
    /// [`build`](Self::build) fails if the container has no entity set of this name (singletons
    /// cannot have a source).
    #[must_use]
    pub fn source(mut self, entity_set: &str, source: impl crate::source::EntitySource) -> Self {
        self.sources.insert(entity_set, std::sync::Arc::new(source));
        self
    }

    /// Resolves the model, writes `$metadata` once, and creates the tables that do not exist.
    pub async fn build(self) -> Result<Service, ServiceError> {
        let catalog = Catalog::new(self.container)?;
        for name in self.sources.names() {
            if catalog.set_named(name).is_none_or(|s| s.singleton) {
                return Err(ServiceError::Model(format!(
                    "a data source is registered for {name}, which is not an entity set of the container"
                )));
            }
        }
        // A set kept in a table: a data source may compute what a table cannot.
        let tables = catalog.sets.iter().filter(|set| !set.singleton && self.sources.get(set.name()).is_none());
        for set in tables {
            if let Some(property) = set.uncomputable() {
                let set = set.name();
                return Err(ServiceError::Model(format!(
                    "{set}: the property {property} is read-only (Core.Computed) and a create must fill it, but a \
                     table computes only its row version and a single integer or Guid key; make it nullable, or \
                     serve {set} from a data source that sets it"
                )));
            }
        }
        let backend = {
            let conn = self.pool.acquire().await?;
            if conn.backend_name().eq_ignore_ascii_case("PostgreSQL") { Backend::Postgres } else { Backend::Sqlite }
        };
        if self.create_tables {
            let mut conn = self.pool.acquire().await?;
            // Source-backed sets get no table.
            let tables = Catalog::new(self.container)?.without(|name| self.sources.get(name).is_some());
            for statement in crate::schema::ddl(&tables, backend) {
                sqlx::query(sqlx::AssertSqlSafe(statement)).execute(&mut *conn).await?;
            }
        }
        let mut document = Document::builder().add_container_info(self.container);
        for set in &catalog.sets {
            for derived in &set.derived {
                document = document.add_type_info(derived);
            }
        }
        for registered in &self.operations {
            document = document.add_operation_info(registered.info);
        }
        let document = document.build();
        let metadata_xml = document.to_xml();
        let metadata_json = document.to_json().to_string();
        Ok(Service {
            inner: Arc::new(Inner {
                catalog,
                pool: self.pool,
                backend,
                limits: self.limits,
                metadata_xml,
                metadata_json,
                operations: self.operations,
                sources: self.sources,
            }),
        })
    }
}

/// Connects to a database by URL through sqlx's `Any` driver: `sqlite::memory:` (one shared
/// in-memory database, kept for the life of the pool), `sqlite://path.db?mode=rwc`, or
/// `postgres://user@host/db`.
pub async fn connect(url: &str) -> Result<AnyPool, sqlx::Error> {
    sqlx::any::install_default_drivers();
    if url.starts_with("sqlite::memory:") || url.contains("mode=memory") {
        // Each connection to `sqlite::memory:` is a database of its own, which closes with it:
        // keep exactly one, forever.
        return AnyPoolOptions::new()
            .max_connections(1)
            .min_connections(1)
            .idle_timeout(None)
            .max_lifetime(None)
            .connect(url)
            .await;
    }
    AnyPoolOptions::new().max_connections(8).connect(url).await
}
