//! `$filter` and `$orderby` translated to SQL and run against a real in-memory SQLite database
//! through sqlx's `Any` driver: a small Northwind-like data set stored by the server's storage
//! conventions, each filter compared with the exact keys it must return.

mod query_support;

use odata_core::container::ODataService;
use odata_core::{ODataType, TypeInfo};
use odata_server::query::{Limits, QueryOptions};
use odata_server::sql::{Dialect, SqlBuilder, SqlScope, StorageNames, filter_sql, orderby_sql, search_sql};
use query_support::{Category, Northwind, Order, OrderDetail, Product, SCHEMA, cases};
use sqlx::any::AnyPoolOptions;
use sqlx::{AnyPool, AssertSqlSafe, Row};

async fn database() -> AnyPool {
    sqlx::any::install_default_drivers();
    // One connection: an in-memory database lives as long as its connection.
    let pool = AnyPoolOptions::new().max_connections(1).connect("sqlite::memory:").await.expect("SQLite in memory");
    sqlx::raw_sql(SCHEMA).execute(&pool).await.expect("the test schema");
    pool
}

/// The keys, in order, of the rows of `table` that `query` (`$filter`, `$orderby`) selects.
async fn keys(pool: &AnyPool, table: &str, ty: &'static TypeInfo, key: &str, query: &str) -> Vec<i64> {
    let options = QueryOptions::parse(query, ty, &Limits::default()).unwrap_or_else(|e| panic!("{query}: {e}"));
    let names = StorageNames::new(Northwind::CONTAINER_INFO);
    let scope = SqlScope { table, alias: "t", entity_type: ty };
    let mut sql = SqlBuilder::new(Dialect::Sqlite);
    sql.push_sql("SELECT ").push_sql(key).push_sql(" FROM ").push_ident(table).push_sql(" AS ").push_ident("t");
    sql.push_sql(" WHERE 1 = 1");
    if let Some(filter) = &options.filter {
        sql.push_sql(" AND ");
        filter_sql(filter, &names, &scope, &mut sql).unwrap_or_else(|e| panic!("{query}: {e}"));
    }
    if let Some(search) = &options.search {
        sql.push_sql(" AND ");
        search_sql(search, &names, &scope, &mut sql).unwrap_or_else(|e| panic!("{query}: {e}"));
    }
    sql.push_sql(" ORDER BY ");
    if !options.orderby.is_empty() {
        orderby_sql(&options.orderby, &names, &scope, &mut sql).unwrap_or_else(|e| panic!("{query}: {e}"));
        sql.push_sql(", ");
    }
    sql.push_sql(key);
    let arguments = sql.arguments().expect("arguments");
    let rows = sqlx::query_with(AssertSqlSafe(sql.sql().to_owned()), arguments)
        .fetch_all(pool)
        .await
        .unwrap_or_else(|e| panic!("{query}: {e}\n{}", sql.sql()));
    rows.iter().map(|row| row.try_get::<i64, _>(0).expect("an integer key")).collect()
}

async fn check(pool: &AnyPool, table: &str, ty: &'static TypeInfo, key: &str, cases: &[(&str, &[i64])]) {
    let mut failures = Vec::new();
    for (query, expected) in cases {
        let found = keys(pool, table, ty, key, query).await;
        if found != *expected {
            failures.push(format!("{query}: expected {expected:?}, found {found:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[tokio::test]
async fn products_by_comparison_arithmetic_and_null_semantics() {
    let pool = database().await;
    let cases = cases::PRODUCTS_BY_COMPARISON;
    check(&pool, "Products", Product::TYPE_INFO, r#""t"."ProductID""#, cases).await;
}

#[tokio::test]
async fn products_by_string_functions_with_no_pattern_characters_of_their_own() {
    let pool = database().await;
    let cases = cases::PRODUCTS_BY_STRING_FUNCTIONS;
    check(&pool, "Products", Product::TYPE_INFO, r#""t"."ProductID""#, cases).await;
}

#[tokio::test]
async fn products_by_enums_collections_navigation_and_type() {
    let pool = database().await;
    let cases = cases::PRODUCTS_BY_ENUMS_COLLECTIONS_NAVIGATION;
    check(&pool, "Products", Product::TYPE_INFO, r#""t"."ProductID""#, cases).await;
}

#[tokio::test]
async fn orders_by_dates_times_and_complex_properties() {
    let pool = database().await;
    let cases = cases::ORDERS_BY_DATES_TIMES_COMPLEX;
    check(&pool, "Orders", Order::TYPE_INFO, r#""t"."OrderID""#, cases).await;
}

#[tokio::test]
async fn categories_and_order_details_through_partners_and_compound_keys() {
    let pool = database().await;
    let cases = cases::CATEGORIES_THROUGH_PARTNERS;
    check(&pool, "Categories", Category::TYPE_INFO, r#""t"."CategoryID""#, cases).await;
    let key = r#""t"."OrderID" * 100 + "t"."ProductID""#;
    let cases = cases::ORDER_DETAILS_BY_COMPOUND_KEY;
    check(&pool, "Order_Details", OrderDetail::TYPE_INFO, key, cases).await;
}

#[tokio::test]
async fn orderby_puts_nulls_first_and_enums_by_value() {
    let pool = database().await;
    let cases = cases::PRODUCTS_ORDERBY;
    check(&pool, "Products", Product::TYPE_INFO, r#""t"."ProductID""#, cases).await;
}

#[tokio::test]
async fn search_matches_text_properties_ignoring_case() {
    let pool = database().await;
    let cases = cases::PRODUCTS_SEARCH;
    check(&pool, "Products", Product::TYPE_INFO, r#""t"."ProductID""#, cases).await;
}

#[tokio::test]
async fn matches_pattern_is_refused_on_sqlite_with_a_position() {
    let options =
        QueryOptions::parse("$filter=matchesPattern(ProductName,'^C')", Product::TYPE_INFO, &Limits::default())
            .unwrap();
    let names = StorageNames::new(Northwind::CONTAINER_INFO);
    let scope = SqlScope { table: "Products", alias: "t", entity_type: Product::TYPE_INFO };
    let mut sql = SqlBuilder::new(Dialect::Sqlite);
    let error = filter_sql(options.filter.as_ref().unwrap(), &names, &scope, &mut sql).unwrap_err();
    assert_eq!(
        error.to_string(),
        "at position 0: `matchesPattern` is not supported on SQLite (it has no regular expressions)"
    );
}
