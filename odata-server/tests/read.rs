//! Reads over raw HTTP: exact bodies, statuses and headers.

mod support;

use serde_json::json;
use support::{get, send, start};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn collections_entities_and_properties() {
    let server = start().await;
    let root = &server.root;

    let categories = get(&format!("{root}/Categories")).await;
    assert_eq!(categories.status, 200);
    assert_eq!(
        categories.text,
        format!(
            r#"{{"@odata.context":"{root}/$metadata#Categories","value":[{{"@odata.etag":"W/\"1\"","CategoryID":1,"Name":"Beverages","Description":"Soft drinks"}},{{"@odata.etag":"W/\"1\"","CategoryID":2,"Name":"Condiments","Description":null}},{{"@odata.etag":"W/\"1\"","CategoryID":3,"Name":"Empty","Description":null}}]}}"#
        )
    );

    let chai = get(&format!("{root}/Products(1)")).await;
    assert_eq!(chai.status, 200);
    assert_eq!(chai.header("etag"), Some(r#"W/"1""#));
    assert_eq!(
        chai.json(),
        json!({
            "@odata.context": format!("{root}/$metadata#Products/$entity"),
            "@odata.etag": "W/\"1\"",
            "ProductID": 1, "ProductName": "Chai", "UnitPrice": 18.5, "Stock": 39, "Discontinued": false,
            "Color": "red", "Tags": ["tea", "hot"], "Made": {"City": "Delhi", "Zip": "110001"}, "Created": null, "CategoryID": 1
        })
    );
    // The derived type says so, and has its own property.
    let special = get(&format!("{root}/Products(4)")).await.json();
    assert_eq!(special["@odata.type"], "#Shop.SpecialProduct");
    assert_eq!(special["Until"], "2026-12-31");
    // Int64 beyond 2^53 keeps its digits, as a number or (IEEE754Compatible) a string.
    let orphan = get(&format!("{root}/Products(5)?$select=Stock,UnitPrice")).await;
    assert!(orphan.text.contains(r#""Stock":9007199254740993"#), "{}", orphan.text);
    let ieee = send(
        "GET",
        &format!("{root}/Products(5)?$select=Stock,UnitPrice"),
        &[("Accept", "application/json;IEEE754Compatible=true")],
        None,
    )
    .await;
    assert!(ieee.text.contains(r#""UnitPrice":"1.25","Stock":"9007199254740993""#), "{}", ieee.text);
    assert_eq!(
        ieee.header("content-type"),
        Some("application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=true")
    );

    let line = get(&format!("{root}/OrderLines(OrderID=10248,ProductID=2)")).await;
    assert_eq!(line.json()["Quantity"], 10);
    let name = get(&format!("{root}/Products(1)/ProductName")).await;
    assert_eq!(name.text, format!(r#"{{"@odata.context":"{root}/$metadata#Products(1)/ProductName","value":"Chai"}}"#));
    let raw = get(&format!("{root}/Products(1)/ProductName/$value")).await;
    assert_eq!((raw.status, raw.text.as_str(), raw.header("content-type")), (200, "Chai", Some("text/plain")));
    let null = get(&format!("{root}/Categories(2)/Description")).await;
    assert_eq!(null.status, 204);
    let count = get(&format!("{root}/Products/$count")).await;
    assert_eq!(count.text, "5");
    let filtered_count = get(&format!("{root}/Products/$count?$filter=UnitPrice%20gt%2015")).await;
    assert_eq!(filtered_count.text, "3");
    let config = get(&format!("{root}/Config")).await.json();
    assert_eq!(config["@odata.context"], format!("{root}/$metadata#Config"));
    assert_eq!(config["Motto"], "Fresh");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn navigation_and_casts() {
    let server = start().await;
    let root = &server.root;
    let category = get(&format!("{root}/Products(1)/Category")).await.json();
    assert_eq!(category["Name"], "Beverages");
    assert_eq!(category["@odata.context"], format!("{root}/$metadata#Categories/$entity"));
    let products = get(&format!("{root}/Categories(1)/Products")).await.json();
    let names: Vec<&str> =
        products["value"].as_array().unwrap().iter().map(|p| p["ProductName"].as_str().unwrap()).collect();
    assert_eq!(names, ["Chai", "Chang"]);
    let one = get(&format!("{root}/Categories(1)/Products(2)")).await.json();
    assert_eq!(one["ProductName"], "Chang");
    let not_there = get(&format!("{root}/Categories(1)/Products(3)")).await;
    assert_eq!(not_there.status, 404);
    let no_category = get(&format!("{root}/Products(5)/Category")).await;
    assert_eq!(no_category.status, 204);
    let lines = get(&format!("{root}/Products(1)/Lines/$count")).await;
    assert_eq!(lines.text, "2");
    let reference = get(&format!("{root}/Products(1)/Category/$ref")).await;
    assert_eq!(
        reference.text,
        format!(r#"{{"@odata.context":"{root}/$metadata#$ref","@odata.id":"{root}/Categories(1)"}}"#)
    );
    let references = get(&format!("{root}/Categories(1)/Products/$ref?$count=true")).await;
    assert_eq!(
        references.text,
        format!(
            r#"{{"@odata.context":"{root}/$metadata#Collection($ref)","@odata.count":2,"value":[{{"@odata.id":"{root}/Products(1)"}},{{"@odata.id":"{root}/Products(2)"}}]}}"#
        )
    );
    let specials = get(&format!("{root}/Products/Shop.SpecialProduct")).await.json();
    assert_eq!(specials["value"].as_array().unwrap().len(), 1);
    assert_eq!(specials["@odata.context"], format!("{root}/$metadata#Products/Shop.SpecialProduct"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn query_options() {
    let server = start().await;
    let root = &server.root;
    let page =
        get(&format!("{root}/Products?$select=ProductName&$orderby=UnitPrice%20desc&$top=2&$skip=1&$count=true")).await;
    assert_eq!(
        page.text,
        format!(
            r#"{{"@odata.context":"{root}/$metadata#Products(ProductName)","@odata.count":5,"value":[{{"@odata.etag":"W/\"1\"","ProductName":"Chang"}},{{"@odata.etag":"W/\"1\"","ProductName":"Chai"}}]}}"#
        )
    );
    let filtered = get(&format!("{root}/Products?$filter=startswith(ProductName,'Ch')%20and%20Category/Name%20eq%20'Beverages'&$select=ProductID")).await.json();
    assert_eq!(
        filtered["value"],
        json!([{"@odata.etag": "W/\"1\"", "ProductID": 1}, {"@odata.etag": "W/\"1\"", "ProductID": 2}])
    );
    let none =
        send("GET", &format!("{root}/Categories?$top=1"), &[("Accept", "application/json;odata.metadata=none")], None)
            .await;
    assert_eq!(none.text, r#"{"value":[{"CategoryID":1,"Name":"Beverages","Description":"Soft drinks"}]}"#);
    let full = get(&format!("{root}/Categories(2)?$format=application/json;odata.metadata=full")).await.json();
    assert_eq!(full["@odata.id"], format!("{root}/Categories(2)"));
    assert_eq!(full["@odata.editLink"], "Categories(2)");
    assert_eq!(full["@odata.type"], "#Shop.Category");
    assert_eq!(full["Products@odata.navigationLink"], "Categories(2)/Products");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn expand_to_one_to_many_and_nested() {
    let server = start().await;
    let root = &server.root;
    let products =
        get(&format!("{root}/Products?$select=ProductID&$expand=Category($select=Name)&$top=5")).await.json();
    let categories: Vec<serde_json::Value> =
        products["value"].as_array().unwrap().iter().map(|p| p["Category"].clone()).collect();
    assert_eq!(categories[0], json!({"@odata.etag": "W/\"1\"", "Name": "Beverages"}));
    assert_eq!(categories[2]["Name"], "Condiments");
    assert_eq!(categories[4], serde_json::Value::Null);
    let categories = get(&format!(
        "{root}/Categories?$expand=Products($select=ProductName;$orderby=ProductName%20desc;$top=1;$expand=Lines($select=Quantity))&$select=Name"
    ))
    .await
    .json();
    assert_eq!(
        categories["value"],
        json!([
            {"@odata.etag": "W/\"1\"", "Name": "Beverages", "Products": [{"@odata.etag": "W/\"1\"", "ProductName": "Chang", "Lines": [{"@odata.etag": "W/\"1\"", "Quantity": 10}]}]},
            {"@odata.etag": "W/\"1\"", "Name": "Condiments", "Products": [{"@odata.etag": "W/\"1\"", "@odata.type": "#Shop.SpecialProduct", "ProductName": "Chef Anton's Cajun Seasoning", "Lines": []}]},
            {"@odata.etag": "W/\"1\"", "Name": "Empty", "Products": []}
        ])
    );
    let single =
        get(&format!("{root}/OrderLines(OrderID=10249,ProductID=1)?$expand=Product($expand=Category)")).await.json();
    assert_eq!(single["Product"]["Category"]["Name"], "Beverages");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn server_driven_paging() {
    let server = start_paged().await;
    let root = &server.root;
    let first =
        send("GET", &format!("{root}/Products?$select=ProductID"), &[("Prefer", "odata.maxpagesize=2")], None).await;
    assert_eq!(first.header("preference-applied"), Some("odata.maxpagesize=2"));
    let body = first.json();
    assert_eq!(body["value"].as_array().unwrap().len(), 2);
    let next = body["@odata.nextLink"].as_str().unwrap().to_owned();
    assert_eq!(next, format!("{root}/Products?$select=ProductID&$skiptoken=2"));
    let mut ids = vec![];
    let mut url = Some(format!("{root}/Products?$select=ProductID&$top=4"));
    while let Some(u) = url {
        let page = send("GET", &u, &[("Prefer", "odata.maxpagesize=3")], None).await.json();
        ids.extend(page["value"].as_array().unwrap().iter().map(|p| p["ProductID"].as_i64().unwrap()));
        url = page["@odata.nextLink"].as_str().map(str::to_owned);
    }
    assert_eq!(ids, [1, 2, 3, 4]);
    // The service's own page size applies without a preference.
    let default = get(&format!("{root}/Products")).await.json();
    assert_eq!(default["value"].as_array().unwrap().len(), 4);
    assert_eq!(default["@odata.nextLink"], format!("{root}/Products?$skiptoken=4"));
    let bad = get(&format!("{root}/Products?$skiptoken=abc")).await;
    assert_eq!((bad.status, bad.error().0.as_str()), (400, "InvalidSkipToken"));
}

async fn start_paged() -> support::Server {
    support::start_with(|b| b.page_size(4)).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn etags_on_reads() {
    let server = start().await;
    let url = format!("{}/Products(2)", server.root);
    let unchanged = send("GET", &url, &[("If-None-Match", r#"W/"1""#)], None).await;
    assert_eq!((unchanged.status, unchanged.text.as_str()), (304, ""));
    assert_eq!(unchanged.header("etag"), Some(r#"W/"1""#));
    let changed = send("GET", &url, &[("If-None-Match", r#"W/"7""#)], None).await;
    assert_eq!(changed.status, 200);
}
