//! Entity sets served by data sources over HTTP: `Products` from a `MemorySource`, `Categories`
//! from a read-only source of the test's own (through `source::apply`), `OrderLines` and
//! `Config` from SQLite tables. The same requests against the all-SQL shop must give the same
//! answers, byte for byte (status, headers, bodies); what a source cannot do is refused with
//! an exact OData error.

mod support;

use odata_server::Service;
use odata_server::source::{EntitySource, Inline, Key, MemoryStore, Page, Query, SourceEntity, SourceFuture, apply};
use serde_json::{Value, json};
use support::{Response, Server, Shop, send, start};

const JSON: (&str, &str) = ("content-type", "application/json");

/// A request: method, path, headers, body.
type Step<'a> = (&'a str, &'a str, &'a [(&'a str, &'a str)], Option<&'a str>);

/// A read-only source over fixed entities without versions.
struct Fixed {
    entities: Vec<SourceEntity>,
}

impl EntitySource for Fixed {
    fn read<'a>(&'a self, query: Query<'a>) -> SourceFuture<'a, Page> {
        Box::pin(async move { Ok(apply(&query, self.entities.clone(), &Inline)?) })
    }

    fn get<'a>(&'a self, key: &'a Key) -> SourceFuture<'a, Option<SourceEntity>> {
        Box::pin(async move { Ok(self.entities.iter().find(|e| key.matches(&e.value)).cloned()) })
    }
}

fn fixed_categories() -> Fixed {
    let entities = support::categories()
        .into_iter()
        .map(|c| match c {
            // Versions as the tables start them, except for category 3, which has none.
            Value::Object(map) if map["CategoryID"] == 3 => SourceEntity::new(map),
            Value::Object(map) => SourceEntity::new(map).with_version("1"),
            _ => unreachable!("the seed's categories are objects"),
        })
        .collect();
    Fixed { entities }
}

/// The shop with `Products` in memory and `Categories` from a read-only source; the other sets
/// in SQLite; seeded with the same data as [`start`].
async fn start_sourced(require_if_match: bool) -> (Server, MemoryStore) {
    let store = MemoryStore::new::<Shop>();
    let pool = support::sqlite().await;
    let service = Service::builder::<Shop>(pool)
        .require_if_match(require_if_match)
        .source("Products", store.source("Products"))
        .source("Categories", fixed_categories())
        .build()
        .await
        .expect("service");
    for p in &support::products() {
        service.insert("Products", p).await.expect("product");
    }
    for l in &support::lines() {
        service.insert("OrderLines", l).await.expect("line");
    }
    service.insert("Config", &json!({"ID": 1, "Motto": "Fresh"})).await.expect("config");
    (support::serve(service).await, store)
}

/// What two answers must share: status, the headers a client reads, and the body (with the
/// service root written as `ROOT`).
fn summary(response: &Response, root: &str) -> String {
    let headers: Vec<String> = ["content-type", "etag", "location", "odata-entityid", "preference-applied"]
        .iter()
        .filter_map(|name| response.header(name).map(|v| format!("{name}: {}", v.replace(root, "ROOT"))))
        .collect();
    format!("{}\n{}\n{}", response.status, headers.join("\n"), response.text.replace(root, "ROOT"))
}

async fn same_answer(
    sql: &Server,
    sourced: &Server,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: Option<&str>,
) {
    let expected = send(method, &format!("{}/{path}", sql.root), headers, body).await;
    let found = send(method, &format!("{}/{path}", sourced.root), headers, body).await;
    assert_eq!(
        summary(&found, &sourced.root),
        summary(&expected, &sql.root),
        "{method} {path}: the source-backed set answers differently from the table"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reads_of_a_memory_source_answer_as_the_table_does() {
    let sql = start().await;
    let (sourced, _) = start_sourced(false).await;
    let ieee = ("accept", "application/json;IEEE754Compatible=true");
    let page = ("prefer", "odata.maxpagesize=2");
    let reads: &[(&str, &[(&str, &str)])] = &[
        ("Products", &[]),
        ("Products?$select=ProductName,UnitPrice&$filter=UnitPrice%20gt%2015&$orderby=UnitPrice%20desc", &[]),
        ("Products?$count=true&$top=2&$skip=1", &[]),
        ("Products?$filter=contains(ProductName,'a')%20and%20Stock%20lt%2040&$orderby=ProductName", &[]),
        ("Products?$filter=Tags/any(t:t%20eq%20'hot')%20or%20isof(Shop.SpecialProduct)", &[]),
        ("Products?$search=chai%20OR%20syrup", &[]),
        ("Products?$orderby=Color,ProductID%20desc&$select=Color", &[]),
        ("Products?$filter=Stock%20gt%20100", &[ieee]),
        ("Products?$count=true", &[page]),
        ("Products?$count=true&$skiptoken=2", &[page]),
        ("Products?$top=3&$skiptoken=2", &[page]),
        ("Products?$format=application/json;odata.metadata=full&$top=2", &[]),
        ("Products?$format=application/json;odata.metadata=none&$select=ProductID", &[]),
        ("Products(4)", &[]),
        ("Products(4)?$select=Until,ProductName", &[]),
        ("Products(1)", &[("if-none-match", "W/\"1\"")]),
        ("Products(1)", &[("if-match", "W/\"7\"")]),
        ("Products(1)/ProductName", &[]),
        ("Products(1)/ProductName/$value", &[]),
        ("Products(1)/Made", &[]),
        ("Products(1)/Tags", &[]),
        ("Products(5)/Stock", &[ieee]),
        ("Products(5)/Color", &[]),
        ("Products/$count", &[]),
        ("Products/$count?$filter=Discontinued%20eq%20false", &[]),
        ("Products(99)", &[]),
        ("Products('x')", &[]),
        ("Products?$filter=Nope%20eq%201", &[]),
        ("Products?$filter=ProductName%20eq%201", &[]),
        ("Products?$orderby=Nope", &[]),
        ("Products(1)?$top=1", &[]),
        ("Products?$top=-1", &[]),
        ("Products?$skiptoken=abc", &[]),
        // Type casts.
        ("Products/Shop.SpecialProduct", &[]),
        ("Products/Shop.SpecialProduct?$select=Until&$count=true&$filter=Stock%20gt%201", &[]),
        ("Products/Shop.SpecialProduct/$count", &[]),
        ("Products/Shop.Product/$count", &[]),
        ("Products(4)/Shop.SpecialProduct", &[]),
        ("Products/Shop.SpecialProduct(4)?$select=ProductName", &[]),
        ("Products(4)/Shop.SpecialProduct/Until", &[]),
        ("Products(1)/Shop.SpecialProduct", &[]),
        ("Products/Shop.Nope", &[]),
        ("Products/Shop.Category", &[]),
        // $expand from the memory source into the read-only source and into a table, nested.
        ("Products?$expand=Category", &[]),
        (
            "Products?$expand=Category($select=Name),Lines($orderby=Quantity%20desc;$top=1;$count=true)&$select=ProductName",
            &[],
        ),
        ("Products(1)?$expand=Lines($expand=Product($select=ProductName))", &[]),
        ("Products?$expand=Lines($filter=Quantity%20gt%205;$skip=1)&$format=application/json;odata.metadata=full", &[]),
        ("Products?$expand=Category($expand=Products($select=ProductID;$orderby=ProductID%20desc))&$top=3", &[page]),
        ("Products?$expand=*&$filter=ProductID%20ge%204", &[]),
        ("Products?$expand=Category($filter=Name%20eq%20'Nope')", &[]),
    ];
    for (path, headers) in reads {
        same_answer(&sql, &sourced, "GET", path, headers, None).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn writes_with_etags_answer_as_the_table_does() {
    let sql = support::start_with(|b| b.require_if_match(true)).await;
    let (sourced, store) = start_sourced(true).await;
    let created = r#"{"ProductID": 10, "ProductName": "Tofu", "UnitPrice": 23.25, "Stock": 35, "Color": "blue", "Tags": ["soy"], "Made": {"City": "Osaka"}}"#;
    let json = [JSON];
    let steps: &[Step] = &[
        ("POST", "Products", &json, Some(created)),
        ("GET", "Products(10)", &[], None),
        (
            "POST",
            "Products",
            &[JSON, ("prefer", "return=minimal")],
            Some(
                r##"{"@odata.type": "#Shop.SpecialProduct", "ProductID": 11, "ProductName": "Ikura", "Until": "2027-01-01"}"##,
            ),
        ),
        ("GET", "Products(11)", &[], None),
        ("POST", "Products", &json, Some(r#"{"ProductID": 12}"#)),
        ("POST", "Products", &json, Some(r#"{"ProductID": 12, "ProductName": "X", "Nope": 1}"#)),
        ("POST", "Products", &json, Some(r#"{"ProductID": 12, "ProductName": 5}"#)),
        ("POST", "Products", &json, Some(r#"{"ProductID": 12, "ProductName": "X", "Created": "now"}"#)),
        ("POST", "Products", &json, Some("not json")),
        ("PATCH", "Products(10)", &json, Some(r#"{"Stock": 36}"#)),
        ("PATCH", "Products(10)", &[JSON, ("if-match", "W/\"9\"")], Some(r#"{"Stock": 36}"#)),
        ("PATCH", "Products(10)", &[JSON, ("if-match", "W/\"1\"")], Some(r#"{"Stock": 36}"#)),
        ("GET", "Products(10)", &[], None),
        ("PATCH", "Products(10)", &[JSON, ("if-match", "W/\"1\"")], Some(r#"{"Stock": 37}"#)),
        (
            "PATCH",
            "Products(10)",
            &[JSON, ("if-match", "*"), ("prefer", "return=representation")],
            Some(r#"{"UnitPrice": 24}"#),
        ),
        ("PATCH", "Products(10)", &[JSON, ("if-match", "W/\"3\"")], Some(r#"{"ProductID": 99}"#)),
        (
            "PATCH",
            "Products(10)",
            &[JSON, ("if-match", "W/\"3\"")],
            Some(r##"{"@odata.type": "#Shop.SpecialProduct"}"##),
        ),
        ("PUT", "Products(10)", &[JSON, ("if-match", "W/\"3\"")], Some(r#"{"ProductID": 10}"#)),
        ("PUT", "Products(10)", &[JSON, ("if-match", "W/\"3\"")], Some(r#"{"ProductID": 10, "ProductName": "Tofu"}"#)),
        ("GET", "Products(10)", &[], None),
        ("PATCH", "Products(98)", &[JSON, ("if-match", "W/\"1\"")], Some(r#"{"Stock": 1}"#)),
        ("DELETE", "Products(10)", &[], None),
        ("DELETE", "Products(10)", &[("if-match", "W/\"3\"")], None),
        ("DELETE", "Products(10)", &[("if-match", "W/\"4\"")], None),
        ("GET", "Products(10)", &[], None),
        ("DELETE", "Products(10)", &[("if-match", "*")], None),
        ("DELETE", "Products", &[], None),
        (
            "POST",
            "Products/Shop.SpecialProduct",
            &json,
            Some(r#"{"ProductID": 13, "ProductName": "Konbu", "Until": "2028-02-29"}"#),
        ),
        ("GET", "Products(13)", &[], None),
        ("PATCH", "Products(2)/Shop.SpecialProduct", &[JSON, ("if-match", "W/\"1\"")], Some(r#"{"Stock": 1}"#)),
        (
            "PATCH",
            "Products(13)/Shop.SpecialProduct",
            &[JSON, ("if-match", "W/\"1\"")],
            Some(r#"{"Until": "2029-01-01"}"#),
        ),
        ("GET", "Products/Shop.SpecialProduct(13)", &[], None),
        ("POST", "Products(1)", &json, Some("{}")),
        ("POST", "Products/$count", &json, Some("{}")),
    ];
    for (method, path, headers, body) in steps {
        same_answer(&sql, &sourced, method, path, headers, *body).await;
    }
    // The store holds what the writes left: the PUT cleared what it did not name.
    let ikura = store.entities("Products").into_iter().find(|e| e.value["ProductID"] == 11).expect("Ikura");
    assert_eq!(ikura.version.as_deref(), Some("1"));
    assert_eq!(ikura.value["@odata.type"], "#Shop.SpecialProduct");
    assert!(store.entities("Products").iter().all(|e| e.value["ProductID"] != 10));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_duplicate_key_is_a_conflict() {
    let (server, _) = start_sourced(false).await;
    let response = send(
        "POST",
        &format!("{}/Products", server.root),
        &[JSON],
        Some(r#"{"ProductID": 1, "ProductName": "Again"}"#),
    )
    .await;
    assert_eq!(response.status, 409);
    assert_eq!(
        response.text,
        r#"{"error":{"code":"Conflict","message":"an entity of Products with this key exists already"}}"#
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_read_only_source_serves_reads_with_and_without_etags_and_refuses_writes() {
    let (server, _) = start_sourced(false).await;
    let root = &server.root;
    let response = send("GET", &format!("{root}/Categories(1)"), &[], None).await;
    assert_eq!((response.status, response.header("etag")), (200, Some("W/\"1\"")));
    assert_eq!(
        response.text,
        format!(
            r#"{{"@odata.context":"{root}/$metadata#Categories/$entity","@odata.etag":"W/\"1\"","CategoryID":1,"Name":"Beverages","Description":"Soft drinks"}}"#
        )
    );
    // An entity without a version has no ETag.
    let response = send("GET", &format!("{root}/Categories(3)"), &[], None).await;
    assert_eq!((response.status, response.header("etag")), (200, None));
    assert_eq!(
        response.text,
        format!(
            r#"{{"@odata.context":"{root}/$metadata#Categories/$entity","CategoryID":3,"Name":"Empty","Description":null}}"#
        )
    );
    let response =
        send("GET", &format!("{root}/Categories?$filter=Description%20eq%20null&$select=Name"), &[], None).await;
    assert_eq!(
        response.text,
        format!(
            r#"{{"@odata.context":"{root}/$metadata#Categories(Name)","value":[{{"@odata.etag":"W/\"1\"","Name":"Condiments"}},{{"Name":"Empty"}}]}}"#
        )
    );
    let refused = r#"{"error":{"code":"ReadOnly","message":"the entity set Categories is read-only: its data source does not write","target":"Categories"}}"#;
    for (method, path, body) in [
        ("POST", "Categories", Some(r#"{"CategoryID": 9, "Name": "New"}"#)),
        ("PATCH", "Categories(1)", Some(r#"{"Name": "Renamed"}"#)),
        ("PUT", "Categories(1)", Some(r#"{"CategoryID": 1, "Name": "Renamed"}"#)),
        ("DELETE", "Categories(1)", None),
        ("DELETE", "Categories(1)", None),
    ] {
        let response = send(method, &format!("{root}/{path}"), &[JSON], body).await;
        assert_eq!((response.status, response.text.as_str()), (405, refused), "{method} {path}");
    }
    // An entity without a version matches `If-Match: *` only.
    let response = send("PATCH", &format!("{root}/Categories(3)"), &[JSON, ("if-match", "W/\"1\"")], Some("{}")).await;
    assert_eq!(response.status, 412);
    let error = server.service.insert("Categories", &json!({"CategoryID": 9, "Name": "New"})).await.unwrap_err();
    assert_eq!(
        error.to_string(),
        "405 ReadOnly: the entity set Categories is read-only: its data source does not write (target Categories)"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn navigation_across_a_source_is_refused_by_name() {
    let (server, _) = start_sourced(false).await;
    let root = &server.root;
    let cases = [
        ("Products(1)/Category", "Category", "Products"),
        ("Products(1)/Lines", "Lines", "Products"),
        ("OrderLines?$expand=Product", "Product", "Products"),
        ("OrderLines(OrderID=10248,ProductID=1)/Product", "Product", "Products"),
        ("OrderLines?$filter=Product/ProductName%20eq%20'Chai'", "Product", "Products"),
        ("OrderLines?$orderby=Product/ProductName", "Product", "Products"),
    ];
    for (path, navigation, set) in cases {
        let response = send("GET", &format!("{root}/{path}"), &[], None).await;
        let expected = json!({"error": {
            "code": "NotImplemented",
            "message": format!("the navigation property {navigation} connects the entity set {set}, which a data source serves, with another entity set: navigation, $expand and $filter paths across a data source are not supported"),
            "target": navigation,
        }});
        assert_eq!((response.status, response.json()), (501, expected), "{path}");
    }
    // A memory store refuses to follow a navigation property to a set it does not hold (here
    // served by another source) rather than see it empty.
    let response = send(
        "GET",
        &format!("{root}/Products?$filter=ProductID%20eq%201%20and%20Category/Name%20eq%20'Beverages'"),
        &[],
        None,
    )
    .await;
    assert_eq!(
        (response.status, response.json()),
        (
            501,
            json!({"error": {
                "code": "NotImplemented",
                "message": "$filter at position 19: `Category` leads to the entity set Categories, which this memory store does not hold",
                "target": "$filter",
            }})
        )
    );
    // The table-backed sets still read, and filter within themselves.
    let response =
        send("GET", &format!("{root}/OrderLines?$filter=Quantity%20ge%2010&$select=Quantity"), &[], None).await;
    assert_eq!(response.status, 200, "{}", response.text);
    assert_eq!(
        response.json()["value"],
        json!([{"@odata.etag": "W/\"1\"", "Quantity": 12}, {"@odata.etag": "W/\"1\"", "Quantity": 10}])
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn batch_items_go_to_the_source_except_writes_in_an_atomicity_group() {
    let (server, store) = start_sourced(false).await;
    let root = &server.root;
    let batch = json!({"requests": [
        {"id": "1", "method": "PATCH", "url": "Products(1)", "headers": {"content-type": "application/json"}, "body": {"Stock": 1}},
        {"id": "2", "method": "GET", "url": "Products(1)?$select=Stock", "dependsOn": ["1"]},
        {"id": "3", "atomicityGroup": "g", "method": "PATCH", "url": "Products(2)", "headers": {"content-type": "application/json"}, "body": {"Stock": 1}},
    ]});
    let response = send("POST", &format!("{root}/$batch"), &[JSON], Some(&batch.to_string())).await;
    assert_eq!(response.status, 200, "{}", response.text);
    let body = response.json();
    let responses = body["responses"].as_array().unwrap();
    let statuses: Vec<u64> = responses.iter().map(|r| r["status"].as_u64().unwrap()).collect();
    assert_eq!(statuses, [204, 200, 501]);
    assert_eq!(responses[1]["body"]["Stock"], 1);
    assert_eq!(responses[1]["body"]["@odata.etag"], "W/\"2\"");
    assert_eq!(responses[2]["body"]["error"]["target"], "Products");
    let chang = store.entities("Products").into_iter().find(|e| e.value["ProductID"] == 2).unwrap();
    assert_eq!((chang.value["Stock"].clone(), chang.version), (json!(17), Some("1".into())));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn source_backed_sets_get_no_table_and_a_source_needs_an_entity_set() {
    let (server, _) = start_sourced(false).await;
    let tables: Vec<String> = sqlx::query_scalar("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .fetch_all(server.service.pool())
        .await
        .unwrap();
    assert_eq!(tables, ["Config", "OrderLines"]);
    assert_eq!(server.service.count("Products").await.unwrap(), 5);
    for name in ["Config", "Nowhere"] {
        let pool = support::sqlite().await;
        let error = Service::builder::<Shop>(pool).source(name, fixed_categories()).build().await.unwrap_err();
        assert_eq!(
            error.to_string(),
            format!(
                "model not servable: a data source is registered for {name}, which is not an entity set of the container"
            )
        );
    }
}

#[test]
fn the_readme_shows_the_compiled_module_example() {
    let readme = include_str!("../../README.md");
    let docs = include_str!("../src/source/mod.rs");
    let start = docs.find("//! let store = MemoryStore").expect("the module example");
    let end = docs[start..].find("//!     .await?;").expect("its end") + start + "//!     .await?;".len();
    let code: Vec<&str> = docs[start..end]
        .lines()
        .map(|l| l.trim_start().trim_start_matches("//!").strip_prefix(' ').unwrap_or(""))
        .collect();
    assert!(
        readme.contains(&code.join("\n")),
        "README.md and the example of src/source/mod.rs differ; copy the example into the README"
    );
}
