//! The in-memory evaluator of data sources against the SQL translation: the data set of the
//! query tests, read back from SQLite and put into a `MemoryStore`, must give exactly the keys
//! the SQLite tests expect for every shared case (`tests/query_support/cases.rs`).

mod query_support;

use odata_core::TypeKind;
use odata_core::container::{EntitySetInfo, ODataService};
use odata_server::query::{Limits, QueryOptions};
use odata_server::source::{EntitySource, MemoryStore, Query};
use query_support::{Northwind, SCHEMA, cases};
use serde_json::{Map, Value};
use sqlx::any::{AnyPoolOptions, AnyTypeInfoKind};
use sqlx::{Row, ValueRef};

fn entity_set(name: &str) -> &'static EntitySetInfo {
    Northwind::CONTAINER_INFO.entity_sets.iter().find(|s| s.name == name).expect("an entity set of the model")
}

/// The SQLite data set of the query tests as OData JSON entities, table by table: booleans from
/// 0/1, complex and collection values parsed from their JSON text, `"@odata.type"` for derived
/// types (the base type's entities without it).
async fn store() -> MemoryStore {
    sqlx::any::install_default_drivers();
    let pool = AnyPoolOptions::new().max_connections(1).connect("sqlite::memory:").await.expect("SQLite in memory");
    sqlx::raw_sql(SCHEMA).execute(&pool).await.expect("the test schema");
    let store = MemoryStore::new::<Northwind>();
    for set in ["Categories", "Products", "Orders", "Order_Details"] {
        let ty = entity_set(set).entity_type;
        let sql = format!("SELECT * FROM \"{set}\"");
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql)).fetch_all(&pool).await.expect("the rows");
        for row in rows {
            let mut entity = Map::new();
            for (index, column) in row.columns().iter().enumerate() {
                use sqlx::Column;
                let name = column.name();
                let raw = row.try_get_raw(index).expect("a column");
                if raw.is_null() {
                    continue;
                }
                let kind = raw.type_info().kind();
                if name == "@odata.type" {
                    let text: String = row.get(index);
                    if text != ty.qualified_name {
                        entity.insert(name.into(), Value::from(format!("#{text}")));
                    }
                    continue;
                }
                let property = ty
                    .all_properties()
                    .chain(odata_core::registry::all_types().flat_map(|t| t.properties.iter()))
                    .find(|p| p.name == name)
                    .expect("a property of the column");
                let value = match kind {
                    AnyTypeInfoKind::Text => {
                        let text: String = row.get(index);
                        if property.ty.collection
                            || property.ty.type_info().is_some_and(|t| t.kind == TypeKind::Complex)
                        {
                            serde_json::from_str(&text).expect("JSON text")
                        } else {
                            Value::from(text)
                        }
                    }
                    AnyTypeInfoKind::Real | AnyTypeInfoKind::Double => Value::from(row.get::<f64, _>(index)),
                    _ => {
                        let n: i64 = row.get(index);
                        if property.ty.name == "Edm.Boolean" { Value::from(n != 0) } else { Value::from(n) }
                    }
                };
                entity.insert(name.into(), value);
            }
            store.insert(set, Value::Object(entity)).expect("a new entity");
        }
    }
    store
}

/// The keys, in order, that the memory source of `set` returns for `query`.
async fn keys(store: &MemoryStore, set: &str, query: &str) -> Result<Vec<i64>, String> {
    let info = entity_set(set);
    let options =
        QueryOptions::parse(query, info.entity_type, &Limits::default()).map_err(|e| format!("parse: {e}"))?;
    let mut read = Query::new(info);
    read.filter = options.filter.as_ref();
    read.search = options.search.as_ref();
    read.orderby = &options.orderby;
    let page = store.source(set).read(read).await.map_err(|e| e.to_string())?;
    Ok(page
        .entities
        .iter()
        .map(|e| {
            let id = |name: &str| e.value.get(name).and_then(Value::as_i64).unwrap_or(-1);
            if set == "Order_Details" { id("OrderID") * 100 + id("ProductID") } else { id(info.entity_type.key()[0]) }
        })
        .collect())
}

async fn check(store: &MemoryStore, set: &str, cases: &[(&str, &[i64])]) {
    let mut failures = Vec::new();
    for (query, expected) in cases {
        match keys(store, set, query).await {
            Ok(found) if found == *expected => {}
            Ok(found) => failures.push(format!("{query}: expected {expected:?}, found {found:?}")),
            Err(error) => failures.push(format!("{query}: {error}")),
        }
    }
    assert!(failures.is_empty(), "{} of {} cases differ:\n{}", failures.len(), cases.len(), failures.join("\n"));
}

#[tokio::test]
async fn every_shared_case_selects_the_keys_sqlite_selects() {
    let store = store().await;
    check(&store, "Products", cases::PRODUCTS_BY_COMPARISON).await;
    check(&store, "Products", cases::PRODUCTS_BY_STRING_FUNCTIONS).await;
    check(&store, "Products", cases::PRODUCTS_BY_ENUMS_COLLECTIONS_NAVIGATION).await;
    check(&store, "Orders", cases::ORDERS_BY_DATES_TIMES_COMPLEX).await;
    check(&store, "Categories", cases::CATEGORIES_THROUGH_PARTNERS).await;
    check(&store, "Order_Details", cases::ORDER_DETAILS_BY_COMPOUND_KEY).await;
    check(&store, "Products", cases::PRODUCTS_ORDERBY).await;
    check(&store, "Products", cases::PRODUCTS_SEARCH).await;
}

#[tokio::test]
async fn the_store_holds_the_whole_data_set() {
    let store = store().await;
    let counts: Vec<usize> =
        ["Categories", "Products", "Orders", "Order_Details"].iter().map(|s| store.entities(s).len()).collect();
    assert_eq!(counts, [3, 7, 3, 5]);
}

#[tokio::test]
async fn matches_pattern_is_refused_with_its_position() {
    let store = store().await;
    let error =
        keys(&store, "Products", "$filter=ProductID eq 1 or matchesPattern(ProductName,'^C')").await.unwrap_err();
    assert_eq!(
        error,
        "501 NotImplemented: $filter at position 18: `matchesPattern` is not supported by the in-memory evaluator \
         (target $filter)"
    );
}
