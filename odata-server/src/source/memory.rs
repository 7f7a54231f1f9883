//! A data source over entities held in memory: a [`MemoryStore`] holds the entities of several
//! entity sets of one container, each with a version; a [`MemorySource`] serves one of its sets.
//! `$filter` and `$orderby` are evaluated by the [`Evaluator`](super::Evaluator), following
//! navigation properties to the related entities of the store's other sets (by the model's
//! referential constraints, as the SQL storage joins them).

use std::collections::HashMap;
use std::sync::{Arc, PoisonError, RwLock};

use http::StatusCode;
use odata_core::container::{ContainerInfo, EntitySetInfo};
use odata_core::{NavigationPropertyInfo, ODataService};
use serde_json::{Map, Value};

use super::eval::{EvalError, Followed, Inline, Navigator, apply, same_json};
use super::{EntitySource, Key, Page, Query, SourceEntity, SourceFuture, version_mismatch};
use crate::catalog::Catalog;
use crate::error::ODataError;

/// Entities of the entity sets of one container, in memory, each with a version (1 when
/// created, one more on every replace). Cheap to clone: clones share the entities.
#[derive(Clone)]
pub struct MemoryStore {
    inner: Arc<Store>,
}

struct Store {
    container: &'static ContainerInfo,
    /// The model's sets and where their navigation properties lead (`None`: the model has
    /// something the server cannot serve; navigation is then read inline).
    catalog: Option<Catalog>,
    sets: RwLock<HashMap<&'static str, Vec<Stored>>>,
}

#[derive(Clone)]
struct Stored {
    value: Map<String, Value>,
    version: u64,
}

impl Stored {
    fn entity(&self) -> SourceEntity {
        SourceEntity { value: self.value.clone(), version: Some(self.version.to_string()) }
    }
}

impl std::fmt::Debug for MemoryStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let sets = self.inner.sets.read().unwrap_or_else(PoisonError::into_inner);
        let mut counts: Vec<(&str, usize)> = sets.iter().map(|(n, e)| (*n, e.len())).collect();
        counts.sort_unstable();
        f.debug_struct("MemoryStore").field("container", &self.inner.container.name).field("sets", &counts).finish()
    }
}

impl MemoryStore {
    /// An empty store for the entity sets of container `S` (`#[derive(ODataService)]`).
    pub fn new<S: ODataService>() -> Self {
        Self::for_container(S::CONTAINER_INFO)
    }

    /// An empty store for the entity sets of a container given by its table.
    pub fn for_container(container: &'static ContainerInfo) -> Self {
        MemoryStore {
            inner: Arc::new(Store {
                container,
                catalog: Catalog::new(container).ok(),
                sets: RwLock::new(HashMap::new()),
            }),
        }
    }

    fn set_info(&self, name: &str) -> Result<&'static EntitySetInfo, ODataError> {
        self.inner
            .container
            .entity_sets
            .iter()
            .find(|s| s.name == name)
            .ok_or_else(|| ODataError::not_found(format!("no entity set named {name}")).with_target(name.to_owned()))
    }

    /// Adds an entity (a JSON object in OData JSON form with its key) to an entity set, at version
    /// 1, as it is: no check against the model, for seeding. A second entity with the same key is a
    /// 409.
    pub fn insert(&self, entity_set: &str, entity: Value) -> Result<(), ODataError> {
        let info = self.set_info(entity_set)?;
        let Value::Object(value) = entity else {
            return Err(ODataError::bad_request("InvalidJson", "an entity must be a JSON object"));
        };
        self.create_in(info, value).map(|_| ())
    }

    /// The entities of an entity set, in the order they were added.
    pub fn entities(&self, entity_set: &str) -> Vec<SourceEntity> {
        let sets = self.inner.sets.read().unwrap_or_else(PoisonError::into_inner);
        sets.get(entity_set).map(|e| e.iter().map(Stored::entity).collect()).unwrap_or_default()
    }

    /// The source that serves entity set `entity_set` from this store (for
    /// [`ServiceBuilder::source`](crate::ServiceBuilder::source)).
    ///
    /// The set is then held by the store (empty until entities are added): `$filter` paths of
    /// other sets of the store may navigate to it. A navigation to a set the store does not
    /// hold is refused (501) rather than seen as empty.
    pub fn source(&self, entity_set: &str) -> MemorySource {
        if let Ok(info) = self.set_info(entity_set) {
            self.inner.sets.write().unwrap_or_else(PoisonError::into_inner).entry(info.name).or_default();
        }
        MemorySource { store: self.clone(), entity_set: entity_set.to_owned() }
    }

    fn key_of(info: &'static EntitySetInfo, value: &Map<String, Value>) -> Result<Key, ODataError> {
        let mut values = Vec::new();
        for name in info.entity_type.key() {
            match value.get(*name) {
                Some(v) if !v.is_null() => values.push((*name, v.clone())),
                _ => {
                    return Err(ODataError::bad_request("MissingKey", format!("the key property {name} is missing"))
                        .with_target(*name));
                }
            }
        }
        Ok(Key { entity_set: info, values })
    }

    fn create_in(&self, info: &'static EntitySetInfo, value: Map<String, Value>) -> Result<SourceEntity, ODataError> {
        let key = Self::key_of(info, &value)?;
        let mut sets = self.inner.sets.write().unwrap_or_else(PoisonError::into_inner);
        let entities = sets.entry(info.name).or_default();
        if entities.iter().any(|e| key.matches(&e.value)) {
            return Err(ODataError::new(
                StatusCode::CONFLICT,
                "Conflict",
                format!("an entity of {} with this key exists already", info.name),
            ));
        }
        let stored = Stored { value, version: 1 };
        let entity = stored.entity();
        entities.push(stored);
        Ok(entity)
    }
}

/// Follows navigation properties to the entities of the store's other sets.
struct Linked<'s> {
    catalog: &'s Catalog,
    sets: &'s HashMap<&'static str, Vec<Stored>>,
}

impl Navigator for Linked<'_> {
    fn follow(
        &self,
        set: Option<&'static str>,
        entity: &Map<String, Value>,
        navigation: &'static NavigationPropertyInfo,
    ) -> Result<Followed, EvalError> {
        let Some(from) = set.and_then(|s| self.catalog.set_named(s)) else {
            return Inline.follow(set, entity, navigation);
        };
        let Some(target) = self.catalog.target_set(from, navigation) else {
            return Inline.follow(set, entity, navigation);
        };
        // A set this store does not hold (served by a table or another source) would look empty:
        // refuse rather than answer wrongly.
        let Some(all) = self.sets.get(target.name()) else {
            return Err(EvalError::new(
                0,
                format!(
                    "`{}` leads to the entity set {}, which this memory store does not hold",
                    navigation.name,
                    target.name()
                ),
            ));
        };
        let Some(pairs) = crate::resolve::join_columns(from, target, navigation) else {
            return Err(EvalError::new(
                0,
                format!("`{}` has no referential constraint (nor its partner) to follow", navigation.name),
            ));
        };
        let values: Vec<&Value> = pairs.iter().map(|(source, _)| entity.get(*source).unwrap_or(&Value::Null)).collect();
        if values.iter().any(|v| v.is_null()) {
            return Ok(Followed { set: Some(target.name()), entities: Vec::new() });
        }
        let entities = all
            .iter()
            .filter(|e| {
                pairs
                    .iter()
                    .zip(&values)
                    .all(|((_, column), value)| e.value.get(*column).is_some_and(|v| same_json(v, value)))
            })
            .map(|e| e.value.clone())
            .collect();
        Ok(Followed { set: Some(target.name()), entities })
    }
}

/// Serves one entity set of a [`MemoryStore`]: reads evaluate the query in Rust; writes keep a
/// version per entity (the ETag) and check the expected one.
#[derive(Debug, Clone)]
pub struct MemorySource {
    store: MemoryStore,
    entity_set: String,
}

impl MemorySource {
    /// The store it serves from.
    pub fn store(&self) -> &MemoryStore {
        &self.store
    }

    /// The entity set it was made for ([`MemoryStore::source`]).
    pub fn entity_set(&self) -> &str {
        &self.entity_set
    }

    fn read_now(&self, query: &Query<'_>) -> Result<Page, ODataError> {
        let store = &self.store.inner;
        let sets = store.sets.read().unwrap_or_else(PoisonError::into_inner);
        let entities = sets.get(query.entity_set.name).map(|e| e.iter().map(Stored::entity).collect::<Vec<_>>());
        let entities = entities.unwrap_or_default();
        let page = match &store.catalog {
            Some(catalog) => apply(query, entities, &Linked { catalog, sets: &sets })?,
            None => apply(query, entities, &Inline)?,
        };
        Ok(page)
    }

    fn write_now(
        &self,
        key: &Key,
        expected: Option<&str>,
        change: Option<Map<String, Value>>,
    ) -> Result<Option<SourceEntity>, ODataError> {
        let mut sets = self.store.inner.sets.write().unwrap_or_else(PoisonError::into_inner);
        let entities = sets.entry(key.entity_set.name).or_default();
        let Some(index) = entities.iter().position(|e| key.matches(&e.value)) else {
            return Err(ODataError::not_found(format!("no entity of {} with this key", key.entity_set.name))
                .with_target(key.entity_set.name));
        };
        let current = entities[index].version.to_string();
        if let Some(expected) = expected
            && expected != current
        {
            return Err(version_mismatch(expected, Some(&current)));
        }
        match change {
            Some(value) => {
                let stored = &mut entities[index];
                stored.value = value;
                stored.version += 1;
                Ok(Some(stored.entity()))
            }
            None => {
                entities.remove(index);
                Ok(None)
            }
        }
    }
}

impl EntitySource for MemorySource {
    fn read<'a>(&'a self, query: Query<'a>) -> SourceFuture<'a, Page> {
        Box::pin(async move { self.read_now(&query) })
    }

    fn get<'a>(&'a self, key: &'a Key) -> SourceFuture<'a, Option<SourceEntity>> {
        Box::pin(async move {
            let sets = self.store.inner.sets.read().unwrap_or_else(PoisonError::into_inner);
            Ok(sets.get(key.entity_set.name).and_then(|e| e.iter().find(|e| key.matches(&e.value))).map(Stored::entity))
        })
    }

    fn create<'a>(
        &'a self,
        entity_set: &'static EntitySetInfo,
        entity: Map<String, Value>,
    ) -> SourceFuture<'a, SourceEntity> {
        Box::pin(async move { self.store.create_in(entity_set, entity) })
    }

    fn replace<'a>(
        &'a self,
        key: &'a Key,
        entity: Map<String, Value>,
        expected: Option<&'a str>,
    ) -> SourceFuture<'a, SourceEntity> {
        Box::pin(async move {
            self.write_now(key, expected, Some(entity))?
                .ok_or_else(|| ODataError::not_found(format!("no entity of {} with this key", key.entity_set.name)))
        })
    }

    fn delete<'a>(&'a self, key: &'a Key, expected: Option<&'a str>) -> SourceFuture<'a, ()> {
        Box::pin(async move { self.write_now(key, expected, None).map(|_| ()) })
    }
}
