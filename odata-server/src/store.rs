//! Where the handlers of reads (`read.rs`) and writes (`write.rs`) find and change entities:
//! a set's table (the SQL of `table.rs` and `fetch.rs`, on the request's connection or
//! transaction) or its data source (`source/store.rs`). The handlers keep the protocol (query
//! options, paging, bodies, `If-Match`, `Prefer`, answers); a [`Store`] reads and writes rows.

use serde_json::Value;
use sqlx::AnyConnection;

use crate::body::EntityBody;
use crate::catalog::SetModel;
use crate::error::ODataError;
use crate::expand::Tables;
use crate::options::Options;
use crate::resolve::Scope;
use crate::rows::Rows;
use crate::service::Inner;
use crate::source::EntitySource;
use crate::value::Datum;

/// The storage of one entity set.
pub(crate) enum Store<'a> {
    /// Its table, through the connection of the request's transaction.
    Table(&'a mut AnyConnection),
    /// Its data source.
    Source(&'a dyn EntitySource),
}

impl Store<'_> {
    /// The connection `$expand` reads tables with, and whether the request addresses a table
    /// (whose reads cannot join a source-backed set).
    pub(crate) fn tables<'s>(&'s mut self, inner: &'s Inner) -> (Tables<'s>, bool) {
        match self {
            Store::Table(conn) => (Tables::Conn(conn), true),
            Store::Source(_) => (Tables::Pool(&inner.pool, None), false),
        }
    }

    /// At most `limit` entities of the collection `scope` addresses after `offset`, as `options`
    /// filter and order them, and their total count when `$count=true` asks for it.
    pub(crate) async fn page(
        &mut self,
        inner: &Inner,
        scope: &Scope<'_>,
        options: &Options,
        offset: u64,
        limit: u64,
    ) -> Result<(Rows, Option<u64>), ODataError> {
        match self {
            Store::Table(conn) => crate::table::page(inner, conn, scope, options, offset, limit).await,
            Store::Source(source) => crate::source::store::page(*source, scope, options, offset, limit).await,
        }
    }

    /// How many entities of the collection `scope` addresses pass `options`' `$filter` and
    /// `$search`.
    pub(crate) async fn count(
        &mut self,
        inner: &Inner,
        scope: &Scope<'_>,
        options: &Options,
    ) -> Result<u64, ODataError> {
        match self {
            Store::Table(conn) => crate::table::count(inner, conn, scope, options).await,
            Store::Source(source) => crate::source::store::count(*source, scope, options).await,
        }
    }

    /// The entity `scope` addresses with what `options` select and expand needs (`None`: its
    /// key and column `column` only); no row when there is none.
    pub(crate) async fn one(
        &mut self,
        inner: &Inner,
        scope: &Scope<'_>,
        options: Option<&Options>,
        column: Option<usize>,
    ) -> Result<Rows, ODataError> {
        match self {
            Store::Table(conn) => crate::table::one(inner, conn, scope, options, column).await,
            Store::Source(source) => crate::source::store::current(*source, scope).await,
        }
    }

    /// The entity `scope` addresses (of its type or one derived from it), with its version;
    /// no row when there is none.
    pub(crate) async fn current(&mut self, inner: &Inner, scope: &Scope<'_>) -> Result<Rows, ODataError> {
        match self {
            Store::Table(conn) => crate::table::current(inner, conn, scope).await,
            Store::Source(source) => crate::source::store::current(*source, scope).await,
        }
    }

    /// Creates `value` (a POST body) in the set of `scope`; the new entity as stored.
    pub(crate) async fn create(
        &mut self,
        inner: &Inner,
        scope: &Scope<'_>,
        value: &Value,
        ieee754: bool,
    ) -> Result<Rows, ODataError> {
        match self {
            Store::Table(conn) => crate::table::create(inner, conn, scope, value, ieee754).await,
            Store::Source(source) => crate::source::store::create(*source, scope, value, ieee754).await,
        }
    }

    /// Takes the links of an update's body (`@odata.bind`, nested entities) out of it.
    pub(crate) async fn links(
        &mut self,
        inner: &Inner,
        set: &SetModel,
        body: &mut EntityBody,
    ) -> Result<(), ODataError> {
        match self {
            Store::Table(conn) => crate::table::links(inner, conn, set, body).await,
            Store::Source(_) => crate::source::store::refuse_links(set, body),
        }
    }

    /// Writes `changes` (column, value) into the entity `current` that `scope` addresses, if its
    /// version is still the one read; the entity as stored.
    pub(crate) async fn update(
        &mut self,
        inner: &Inner,
        scope: &Scope<'_>,
        current: &Rows,
        changes: &[(usize, Datum)],
    ) -> Result<Rows, ODataError> {
        match self {
            Store::Table(conn) => crate::table::update(inner, conn, scope.set, current, changes).await,
            Store::Source(source) => crate::source::store::update(*source, scope, current, changes).await,
        }
    }

    /// Deletes the entity `current` that `scope` addresses, if its version is still the one read.
    pub(crate) async fn delete(&mut self, inner: &Inner, scope: &Scope<'_>, current: &Rows) -> Result<(), ODataError> {
        match self {
            Store::Table(conn) => crate::table::delete(inner, conn, scope.set, current).await,
            Store::Source(source) => crate::source::store::delete(*source, scope, current).await,
        }
    }
}
