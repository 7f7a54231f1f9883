//! `$filter` and `$orderby` translated to SQL and run against a real in-memory SQLite database
//! through sqlx's `Any` driver: a small Northwind-like data set stored by the server's storage
//! conventions, each filter compared with the exact keys it must return.

mod query_support;

use odata_core::container::ODataService;
use odata_core::{ODataType, TypeInfo};
use odata_server::query::{Limits, QueryOptions};
use odata_server::sql::{Dialect, SqlBuilder, SqlScope, StorageNames, filter_sql, orderby_sql, search_sql};
use query_support::{Category, Northwind, Order, OrderDetail, Product};
use sqlx::any::AnyPoolOptions;
use sqlx::{AnyPool, AssertSqlSafe, Row};

const SCHEMA: &str = r#"
CREATE TABLE "Categories" ("CategoryID" INTEGER PRIMARY KEY, "CategoryName" TEXT);
CREATE TABLE "Products" (
    "ProductID" INTEGER PRIMARY KEY, "ProductName" TEXT, "UnitPrice" NUMERIC, "UnitsInStock" INTEGER,
    "Discontinued" INTEGER, "CategoryID" INTEGER, "Color" TEXT, "Features" TEXT, "Tags" TEXT, "Rating" REAL,
    "DiscontinuedDate" TEXT, "@odata.type" TEXT NOT NULL
);
CREATE TABLE "Orders" (
    "OrderID" INTEGER PRIMARY KEY, "CustomerID" TEXT, "OrderDate" TEXT, "RequiredDate" TEXT, "Freight" NUMERIC,
    "ShipAddress" TEXT
);
CREATE TABLE "Order_Details" (
    "OrderID" INTEGER NOT NULL, "ProductID" INTEGER NOT NULL, "UnitPrice" NUMERIC, "Quantity" INTEGER, "Discount" REAL,
    PRIMARY KEY ("OrderID", "ProductID")
);
INSERT INTO "Categories" VALUES (1, 'Beverages'), (2, 'Condiments'), (3, 'Seafood');
INSERT INTO "Products" VALUES
    (1, 'Chai', 18, 39, 0, 1, 'Red', 'Organic', '["tea","hot"]', 4.5, NULL, 'NorthwindModel.Product'),
    (2, 'Chang', 19, 17, 0, 1, 'Green', 'Organic,Fair', '["beer"]', 3.0, NULL, 'NorthwindModel.Product'),
    (3, 'Aniseed Syrup', 10, 13, 0, 2, 'Blue', NULL, '[]', NULL, NULL, 'NorthwindModel.Product'),
    (4, 'Chef Anton''s Cajun Seasoning', 22, 53, 0, 2, 'Red', 'Frozen', NULL, 4.0, NULL, 'NorthwindModel.Product'),
    (5, 'Chef Anton''s Gumbo Mix', 21.35, 0, 1, 2, NULL, NULL, '["spicy","mix"]', 2.5, '2024-03-01T10:30:00.0000000Z',
        'NorthwindModel.DiscontinuedProduct'),
    (6, '100%_off', 25, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 'NorthwindModel.Product'),
    (7, NULL, NULL, 2, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 'NorthwindModel.Product');
INSERT INTO "Orders" VALUES
    (10248, 'VINET', '2024-07-04T08:00:00.0000000Z', '2024-08-01', 32.38,
        '{"Street":"59 rue de l''Abbaye","City":"Reims","Country":"France"}'),
    (10249, 'TOMSP', '2024-07-05T23:30:15.5000000Z', '2024-08-16', 11.61, '{"City":"Münster","Country":"Germany"}'),
    (10250, 'HANAR', '2025-01-10T12:00:00.0000000Z', NULL, 65.83, NULL);
INSERT INTO "Order_Details" VALUES
    (10248, 1, 14, 12, 0), (10248, 2, 9.8, 10, 0), (10249, 4, 18.6, 9, 0), (10249, 5, 42.4, 40, 0.15),
    (10250, 1, 7.7, 10, 0.15);
"#;

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
    let cases: &[(&str, &[i64])] = &[
        ("$filter=UnitPrice gt 20", &[4, 5, 6]),
        ("$filter=UnitPrice ge 18 and UnitPrice le 19", &[1, 2]),
        ("$filter=UnitPrice add 1 gt 22", &[4, 5, 6]),
        ("$filter=UnitPrice div 2 eq 9", &[1]),
        ("$filter=UnitPrice eq 21.35", &[5]),
        ("$filter=UnitsInStock div 2 eq 6", &[3]),
        ("$filter=UnitsInStock mod 2 eq 1", &[1, 2, 3, 4]),
        ("$filter=-UnitsInStock lt -50", &[4]),
        ("$filter=UnitsInStock mul 2 sub 1 eq 77", &[1]),
        ("$filter=ProductName eq 'Chai'", &[1]),
        ("$filter=ProductName ne 'Chai'", &[2, 3, 4, 5, 6, 7]),
        ("$filter=ProductName eq null", &[7]),
        ("$filter=null ne ProductName", &[1, 2, 3, 4, 5, 6]),
        ("$filter=ProductName eq 'Chef Anton''s Gumbo Mix'", &[5]),
        ("$filter=not (UnitsInStock gt 20)", &[2, 3, 5, 6, 7]),
        ("$filter=UnitsInStock gt 20 or ProductName eq 'Chang'", &[1, 2, 4]),
        ("$filter=Discontinued eq true", &[5]),
        ("$filter=Discontinued", &[5]),
        // `not null` is null (OData URL Conventions 5.1.1.1.9): unknown rows stay out.
        ("$filter=not Discontinued", &[1, 2, 3, 4]),
        // A comparison with null is false, so its negation is true.
        ("$filter=not (Discontinued eq true)", &[1, 2, 3, 4, 6, 7]),
        ("$filter=not (ProductName in ('Chai','Chang'))", &[3, 4, 5, 6, 7]),
        ("$filter=not not (UnitsInStock gt 20)", &[1, 4]),
        ("$filter=ProductID in (1, 3, 5)", &[1, 3, 5]),
        ("$filter=ProductID in ()", &[]),
        ("$filter=ProductName in ('Chai', null)", &[1, 7]),
        ("$filter=Rating eq 4.5", &[1]),
        ("$filter=Rating gt 3", &[1, 4]),
        ("$filter=Rating lt 1e1 and Rating ge 2.5e0", &[1, 2, 4, 5]),
        ("$filter=round(UnitPrice) eq 21", &[5]),
        ("$filter=floor(UnitPrice) eq 21", &[5]),
        ("$filter=ceiling(UnitPrice) eq 22", &[4, 5]),
        ("$filter=cast(UnitsInStock, Edm.String) eq '39'", &[1]),
        ("$filter=true", &[1, 2, 3, 4, 5, 6, 7]),
        ("$filter=false", &[]),
    ];
    check(&pool, "Products", Product::TYPE_INFO, r#""t"."ProductID""#, cases).await;
}

#[tokio::test]
async fn products_by_string_functions_with_no_pattern_characters_of_their_own() {
    let pool = database().await;
    let cases: &[(&str, &[i64])] = &[
        // `%` and `_` are LIKE's wildcards; here they are just characters.
        ("$filter=contains(ProductName,'%')", &[6]),
        ("$filter=contains(ProductName,'_')", &[6]),
        ("$filter=contains(ProductName,'an')", &[2]),
        ("$filter=contains(ProductName,'Anton')", &[4, 5]),
        ("$filter=startswith(ProductName,'Chef')", &[4, 5]),
        ("$filter=startswith(ProductName,'chef')", &[]),
        ("$filter=endswith(ProductName,'Mix')", &[5]),
        ("$filter=endswith(ProductName,'')", &[1, 2, 3, 4, 5, 6]),
        ("$filter=endswith(ProductName,'a much longer suffix than any name')", &[]),
        ("$filter=length(ProductName) eq 4", &[1]),
        ("$filter=indexof(ProductName,'ai') eq 2", &[1]),
        ("$filter=substring(ProductName,1,2) eq 'ha'", &[1, 2]),
        ("$filter=substring(ProductName,8) eq 'Syrup'", &[3]),
        ("$filter=tolower(ProductName) eq 'chai'", &[1]),
        ("$filter=toupper(ProductName) eq 'CHANG'", &[2]),
        ("$filter=trim(concat(' ', ProductName)) eq 'Chai'", &[1]),
        ("$filter=concat(concat(ProductName,'-'),'x') eq 'Chai-x'", &[1]),
    ];
    check(&pool, "Products", Product::TYPE_INFO, r#""t"."ProductID""#, cases).await;
}

#[tokio::test]
async fn products_by_enums_collections_navigation_and_type() {
    let pool = database().await;
    let cases: &[(&str, &[i64])] = &[
        ("$filter=Color eq NorthwindModel.Color'Red'", &[1, 4]),
        ("$filter=Color eq 'Green'", &[2]),
        ("$filter=Color in ('Red','Blue')", &[1, 3, 4]),
        ("$filter=Color gt NorthwindModel.Color'Red'", &[2, 3]),
        ("$filter=Features has NorthwindModel.Features'Organic'", &[1, 2]),
        ("$filter=Features has NorthwindModel.Features'Organic,Fair'", &[2]),
        ("$filter=Tags/any(t:t eq 'beer')", &[2]),
        ("$filter=Tags/any()", &[1, 2, 5]),
        ("$filter=Tags/all(t:startswith(t,'h') or t eq 'tea')", &[1, 3, 4, 6, 7]),
        ("$filter=Tags/$count eq 2", &[1, 5]),
        ("$filter=Category/CategoryName eq 'Condiments'", &[3, 4, 5]),
        ("$filter=Category eq null", &[6, 7]),
        ("$filter=Category ne null", &[1, 2, 3, 4, 5]),
        ("$filter=Order_Details/any(d:d/Quantity gt 30)", &[5]),
        ("$filter=Order_Details/all(d:d/Discount eq 0)", &[2, 3, 4, 6, 7]),
        ("$filter=Order_Details/$count ge 2", &[1]),
        ("$filter=Order_Details/any(d:d/Order/CustomerID eq 'VINET')", &[1, 2]),
        ("$filter=Order_Details/any(d:d/UnitPrice lt $it/UnitPrice)", &[1, 2, 4]),
        ("$filter=isof(NorthwindModel.DiscontinuedProduct)", &[5]),
        ("$filter=isof($it,NorthwindModel.Product)", &[1, 2, 3, 4, 5, 6, 7]),
        ("$filter=not isof(DiscontinuedProduct)", &[1, 2, 3, 4, 6, 7]),
        ("$filter=NorthwindModel.DiscontinuedProduct/DiscontinuedDate lt 2025-01-01T00:00:00Z", &[5]),
    ];
    check(&pool, "Products", Product::TYPE_INFO, r#""t"."ProductID""#, cases).await;
}

#[tokio::test]
async fn orders_by_dates_times_and_complex_properties() {
    let pool = database().await;
    let cases: &[(&str, &[i64])] = &[
        ("$filter=year(OrderDate) eq 2024", &[10248, 10249]),
        ("$filter=month(OrderDate) eq 7 and day(OrderDate) eq 5", &[10249]),
        ("$filter=hour(OrderDate) eq 23 and minute(OrderDate) eq 30 and second(OrderDate) eq 15", &[10249]),
        ("$filter=fractionalseconds(OrderDate) eq 0.5", &[10249]),
        // 2024-07-05T00:00+02:00 is 2024-07-04T22:00Z; `+` is written `%2B` in a query string.
        ("$filter=OrderDate gt 2024-07-05T00:00:00%2B02:00", &[10249, 10250]),
        ("$filter=OrderDate eq 2024-07-04T10:00:00%2B02:00", &[10248]),
        ("$filter=OrderDate eq 2024-07-04T03:00:00-05:00", &[10248]),
        ("$filter=date(OrderDate) eq 2024-07-04", &[10248]),
        ("$filter=time(OrderDate) eq 23:30:15.5", &[10249]),
        ("$filter=time(OrderDate) lt 12:00", &[10248]),
        ("$filter=RequiredDate lt 2024-08-10", &[10248]),
        ("$filter=year(RequiredDate) eq 2024", &[10248, 10249]),
        ("$filter=RequiredDate eq null", &[10250]),
        ("$filter=ShipAddress/City eq 'Reims'", &[10248]),
        ("$filter=ShipAddress/City eq 'Münster'", &[10249]),
        ("$filter=ShipAddress/Country in ('Germany','France')", &[10248, 10249]),
        ("$filter=ShipAddress eq null", &[10250]),
        (
            "$filter=OrderDate lt now() and OrderDate gt mindatetime() and OrderDate lt maxdatetime()",
            &[10248, 10249, 10250],
        ),
        ("$filter=totaloffsetminutes(OrderDate) eq 0", &[10248, 10249, 10250]),
        ("$filter=Freight div 2 gt 30", &[10250]),
        ("$filter=Freight divby 2 gt 30", &[10250]),
        ("$filter=Order_Details/any(d:d/Product/Category/CategoryName eq 'Condiments')", &[10249]),
        ("$filter=Order_Details/any(d:d/Product/Tags/any(t:t eq 'tea'))", &[10248, 10250]),
    ];
    check(&pool, "Orders", Order::TYPE_INFO, r#""t"."OrderID""#, cases).await;
}

#[tokio::test]
async fn categories_and_order_details_through_partners_and_compound_keys() {
    let pool = database().await;
    let cases: &[(&str, &[i64])] = &[
        ("$filter=Products/any(p:p/Discontinued)", &[2]),
        ("$filter=Products/all(p:p/UnitPrice gt 15)", &[1, 3]),
        ("$filter=Products/$count eq 0", &[3]),
        ("$filter=not Products/any()", &[3]),
        ("$filter=Products/any(p:p/Order_Details/any(d:d/Discount gt 0))", &[1, 2]),
    ];
    check(&pool, "Categories", Category::TYPE_INFO, r#""t"."CategoryID""#, cases).await;
    let key = r#""t"."OrderID" * 100 + "t"."ProductID""#;
    let cases: &[(&str, &[i64])] = &[
        ("$filter=Order/CustomerID eq 'TOMSP'", &[1024904, 1024905]),
        ("$filter=Discount gt 0 and Quantity ge 10", &[1024905, 1025001]),
        (
            "$filter=Product/Category/CategoryName eq 'Beverages' and Order/OrderDate lt 2025-01-01T00:00:00Z",
            &[1024801, 1024802],
        ),
        ("$filter=Product/Order_Details/$count ge 2", &[1024801, 1025001]),
        ("$filter=Order/Order_Details/any(o:o/Quantity eq 40)", &[1024904, 1024905]),
    ];
    check(&pool, "Order_Details", OrderDetail::TYPE_INFO, key, cases).await;
}

#[tokio::test]
async fn orderby_puts_nulls_first_and_enums_by_value() {
    let pool = database().await;
    let cases: &[(&str, &[i64])] = &[
        ("$orderby=Color desc", &[3, 2, 1, 4, 5, 6, 7]),
        ("$orderby=Color", &[5, 6, 7, 1, 4, 2, 3]),
        ("$orderby=UnitPrice desc", &[6, 4, 5, 2, 1, 3, 7]),
        ("$orderby=Category/CategoryName", &[6, 7, 1, 2, 3, 4, 5]),
        ("$orderby=length(ProductName) desc&$filter=ProductID le 3", &[3, 2, 1]),
        ("$orderby=Order_Details/$count desc,ProductName", &[1, 2, 4, 5, 7, 6, 3]),
    ];
    check(&pool, "Products", Product::TYPE_INFO, r#""t"."ProductID""#, cases).await;
}

#[tokio::test]
async fn search_matches_text_properties_ignoring_case() {
    let pool = database().await;
    let cases: &[(&str, &[i64])] = &[
        ("$search=chef", &[4, 5]),
        ("$search=CHEF AND NOT gumbo", &[4]),
        ("$search=chef -x", &[]),
        ("$search=chai OR syrup", &[1, 3]),
        ("$search=%22anton's cajun%22", &[4]),
        ("$search=(chai OR chang) AND NOT chang", &[1]),
        ("$search=NOT a", &[6, 7]),
        ("$search=%25", &[6]),
        ("$search=ch&$filter=UnitPrice lt 20", &[1, 2]),
    ];
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
