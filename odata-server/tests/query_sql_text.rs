//! The exact SQL text and bound values of translated `$filter`/`$orderby` options, for both
//! dialects: PostgreSQL's output is checked here (the SQLite output also runs in
//! query_sqlite.rs); no request text ever appears in the SQL, only placeholders.

mod query_support;

use odata_core::ODataType;
use odata_core::container::ODataService;
use odata_server::query::{Limits, QueryOptions};
use odata_server::sql::{Dialect, SqlBuilder, SqlScope, SqlValue, StorageNames, filter_sql, orderby_sql, search_sql};
use query_support::{Category, Northwind, Order, Product};

fn translate(dialect: Dialect, ty: &'static odata_core::TypeInfo, table: &str, query: &str) -> (String, Vec<SqlValue>) {
    let options = QueryOptions::parse(query, ty, &Limits::default()).unwrap_or_else(|e| panic!("{query}: {e}"));
    let names = StorageNames::new(Northwind::CONTAINER_INFO);
    let scope = SqlScope { table, alias: "t", entity_type: ty };
    let mut sql = SqlBuilder::new(dialect);
    if let Some(filter) = &options.filter {
        filter_sql(filter, &names, &scope, &mut sql).unwrap_or_else(|e| panic!("{query}: {e}"));
    }
    if let Some(search) = &options.search {
        search_sql(search, &names, &scope, &mut sql).unwrap_or_else(|e| panic!("{query}: {e}"));
    }
    if !options.orderby.is_empty() {
        orderby_sql(&options.orderby, &names, &scope, &mut sql).unwrap_or_else(|e| panic!("{query}: {e}"));
    }
    sql.into_parts()
}

fn pg(ty: &'static odata_core::TypeInfo, table: &str, query: &str) -> String {
    let (sql, values) = translate(Dialect::Postgres, ty, table, query);
    format!("{sql} -- {values:?}")
}

fn lite(ty: &'static odata_core::TypeInfo, table: &str, query: &str) -> String {
    let (sql, values) = translate(Dialect::Sqlite, ty, table, query);
    format!("{sql} -- {values:?}")
}

#[test]
fn postgres_comparisons_carry_casts_and_null_semantics() {
    let p = |q| pg(Product::TYPE_INFO, "Products", q);
    assert_eq!(p("$filter=UnitPrice gt 18.5"), r#"("t"."UnitPrice" > $1::numeric) -- [Decimal("18.5")]"#);
    assert_eq!(p("$filter=ProductName eq 'O''Neil'"), r#"("t"."ProductName" = $1) -- [Text("O'Neil")]"#);
    assert_eq!(p("$filter=ProductName ne 'Chai'"), r#"("t"."ProductName" IS DISTINCT FROM $1) -- [Text("Chai")]"#);
    assert_eq!(p("$filter=ProductName eq null"), r#"("t"."ProductName" IS NULL) -- []"#);
    assert_eq!(
        p("$filter=not (UnitsInStock gt 5) or Discontinued"),
        r#"((NOT COALESCE(("t"."UnitsInStock" > $1), FALSE)) OR "t"."Discontinued") -- [Int(5)]"#
    );
    assert_eq!(p("$filter=ProductID in (1,2)"), r#"("t"."ProductID" IN ($1, $2)) -- [Int(1), Int(2)]"#);
    assert_eq!(
        p("$filter=Color gt 'Red'"),
        r#"((CASE "t"."Color" WHEN $1 THEN $2 WHEN $3 THEN $4 WHEN $5 THEN $6 END) > $7) -- [Text("Red"), Int(0), Text("Green"), Int(1), Text("Blue"), Int(2), Int(0)]"#
    );
    assert_eq!(
        p("$filter=Features has NorthwindModel.Features'Organic'"),
        r#"((strpos(',' || "t"."Features" || ',', $1) > 0)) -- [Text(",Organic,")]"#
    );
    assert_eq!(p("$filter=UnitsInStock div 2 eq 6"), r#"(("t"."UnitsInStock" / $1) = $2) -- [Int(2), Int(6)]"#);
    assert_eq!(
        p("$filter=UnitPrice divby 2 eq 9"),
        r#"((CAST("t"."UnitPrice" AS numeric) / $1) = $2) -- [Int(2), Int(9)]"#
    );
    assert_eq!(
        p("$filter=isof(NorthwindModel.DiscontinuedProduct)"),
        r#"("t"."@odata.type" IN ($1)) -- [Text("NorthwindModel.DiscontinuedProduct")]"#
    );
}

#[test]
fn postgres_functions() {
    let p = |q| pg(Product::TYPE_INFO, "Products", q);
    assert_eq!(p("$filter=contains(ProductName,'%_')"), r#"(strpos("t"."ProductName", $1) > 0) -- [Text("%_")]"#);
    assert_eq!(p("$filter=startswith(ProductName,'Ch')"), r#"(strpos("t"."ProductName", $1) = 1) -- [Text("Ch")]"#);
    assert_eq!(
        p("$filter=endswith(ProductName,'ai')"),
        r#"(right("t"."ProductName", length($1)) = $2) -- [Text("ai"), Text("ai")]"#
    );
    assert_eq!(
        p("$filter=substring(ProductName,1,2) eq 'ha'"),
        r#"(substr("t"."ProductName", CAST(($1) + 1 AS integer), CAST($2 AS integer)) = $3) -- [Int(1), Int(2), Text("ha")]"#
    );
    assert_eq!(p("$filter=matchesPattern(ProductName,'^C.*i$')"), r#"("t"."ProductName" ~ $1) -- [Text("^C.*i$")]"#);
    assert_eq!(p("$filter=round(UnitPrice) eq 21"), r#"(round(CAST("t"."UnitPrice" AS numeric)) = $1) -- [Int(21)]"#);
    let o = |q| pg(Order::TYPE_INFO, "Orders", q);
    assert_eq!(
        o("$filter=year(OrderDate) eq 2024"),
        r#"(CAST(floor(EXTRACT(YEAR FROM ("t"."OrderDate" AT TIME ZONE 'UTC'))) AS integer) = $1) -- [Int(2024)]"#
    );
    assert_eq!(
        o("$filter=month(RequiredDate) eq 8"),
        r#"(CAST(floor(EXTRACT(MONTH FROM "t"."RequiredDate")) AS integer) = $1) -- [Int(8)]"#
    );
    assert_eq!(
        o("$filter=OrderDate gt 2024-07-05T00:00:00%2B02:00"),
        r#"("t"."OrderDate" > $1::timestamptz) -- [DateTimeOffset("2024-07-04T22:00:00.0000000Z")]"#
    );
    assert_eq!(
        o("$filter=date(OrderDate) eq 2024-07-04"),
        r#"(CAST(("t"."OrderDate" AT TIME ZONE 'UTC') AS date) = $1::date) -- [Date("2024-07-04")]"#
    );
    assert_eq!(
        o("$filter=ShipAddress/City eq 'Reims'"),
        r#"((("t"."ShipAddress"::jsonb #>> $1::text[])) = $2) -- [Text("{\"City\"}"), Text("Reims")]"#
    );
}

#[test]
fn postgres_lambdas_navigation_and_orderby() {
    let p = |q| pg(Product::TYPE_INFO, "Products", q);
    assert_eq!(
        p("$filter=Category/CategoryName eq 'Beverages'"),
        r#"((SELECT "$1"."CategoryName" FROM "Categories" AS "$1" WHERE "$1"."CategoryID" = "t"."CategoryID") = $1) -- [Text("Beverages")]"#
    );
    assert_eq!(
        p("$filter=Order_Details/any(d:d/Quantity gt 30)"),
        r#"EXISTS (SELECT 1 FROM "Order_Details" AS "$1" WHERE "$1"."ProductID" = "t"."ProductID" AND ("$1"."Quantity" > $1)) -- [Int(30)]"#
    );
    assert_eq!(
        p("$filter=Order_Details/all(d:d/Discount eq 0)"),
        r#"(NOT EXISTS (SELECT 1 FROM "Order_Details" AS "$1" WHERE "$1"."ProductID" = "t"."ProductID" AND (("$1"."Discount" = $1)) IS NOT TRUE)) -- [Int(0)]"#
    );
    assert_eq!(
        p("$filter=Tags/any(t:t eq 'beer')"),
        r#"EXISTS (SELECT 1 FROM jsonb_array_elements(CAST("t"."Tags" AS jsonb)) AS "$1"("value") WHERE 1 = 1 AND ((("$1"."value" #>> $1::text[])) = $2)) -- [Text("{}"), Text("beer")]"#
    );
    assert_eq!(
        p("$filter=Category eq null"),
        r#"(NOT EXISTS (SELECT 1 FROM "Categories" AS "$1" WHERE "$1"."CategoryID" = "t"."CategoryID")) -- []"#
    );
    assert_eq!(
        pg(Category::TYPE_INFO, "Categories", "$filter=Products/$count eq 0"),
        r#"((SELECT COUNT(*) FROM "Products" AS "$1" WHERE "$1"."CategoryID" = "t"."CategoryID") = $1) -- [Int(0)]"#
    );
    assert_eq!(
        p("$orderby=ProductName desc,UnitPrice"),
        r#""t"."ProductName" DESC NULLS LAST, "t"."UnitPrice" ASC NULLS FIRST -- []"#
    );
}

#[test]
fn sqlite_text_for_the_same_filters() {
    let s = |q| lite(Product::TYPE_INFO, "Products", q);
    assert_eq!(s("$filter=UnitPrice gt 18.5"), r#"("t"."UnitPrice" > CAST(? AS NUMERIC)) -- [Decimal("18.5")]"#);
    assert_eq!(s("$filter=ProductName ne 'Chai'"), r#"("t"."ProductName" IS NOT ?) -- [Text("Chai")]"#);
    assert_eq!(s("$filter=contains(ProductName,'%')"), r#"(instr("t"."ProductName", ?) > 0) -- [Text("%")]"#);
    assert_eq!(
        lite(Order::TYPE_INFO, "Orders", "$filter=year(OrderDate) eq 2024"),
        r#"(CAST(strftime('%Y', "t"."OrderDate") AS INTEGER) = ?) -- [Int(2024)]"#
    );
    assert_eq!(
        lite(Order::TYPE_INFO, "Orders", "$filter=ShipAddress/City eq 'Reims'"),
        r#"(json_extract("t"."ShipAddress", ?) = ?) -- [Text("$.\"City\""), Text("Reims")]"#
    );
}

#[test]
fn postgres_search_over_the_text_properties() {
    assert_eq!(
        pg(Category::TYPE_INFO, "Categories", "$search=bev AND NOT x"),
        r#"((COALESCE(strpos(lower("t"."CategoryName"), lower($1)), 0) > 0) AND (NOT (COALESCE(strpos(lower("t"."CategoryName"), lower($2)), 0) > 0))) -- [Text("bev"), Text("x")]"#
    );
}
