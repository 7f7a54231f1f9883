//! The same service on PostgreSQL: runs when `ODATA_TEST_POSTGRES_URL` names a database (see
//! `tests/postgres.sh`, which starts one), and says it is skipped otherwise. Its tables are
//! dropped and created again.

mod support;

use serde_json::json;
use support::{get, send};

const JSON: (&str, &str) = ("Content-Type", "application/json");

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_service_on_postgres() {
    let Ok(url) = std::env::var("ODATA_TEST_POSTGRES_URL") else {
        eprintln!(
            "skipped: set ODATA_TEST_POSTGRES_URL (or run odata-server/tests/postgres.sh) to test against PostgreSQL"
        );
        return;
    };
    let pool = odata_server::connect(&url).await.expect("connect");
    for table in ["Categories", "Products", "OrderLines", "Config"] {
        sqlx::query(sqlx::AssertSqlSafe(format!("DROP TABLE IF EXISTS \"{table}\"")))
            .execute(&pool)
            .await
            .expect("drop");
    }
    let service = odata_server::Service::builder::<support::Shop>(pool).page_size(2).build().await.expect("service");
    support::seed(&service).await;
    let server = support::serve(service).await;
    let root = &server.root;

    let chai = get(&format!("{root}/Products(1)")).await;
    assert_eq!(chai.status, 200, "{}", chai.text);
    assert_eq!(
        chai.json(),
        json!({
            "@odata.context": format!("{root}/$metadata#Products/$entity"),
            "@odata.etag": "W/\"1\"",
            "ProductID": 1, "ProductName": "Chai", "UnitPrice": 18.5, "Stock": 39, "Discontinued": false,
            "Color": "red", "Tags": ["tea", "hot"], "Made": {"City": "Delhi", "Zip": "110001"}, "Created": null, "CategoryID": 1
        })
    );
    let special = get(&format!("{root}/Products(4)")).await.json();
    assert_eq!(
        (special["@odata.type"].as_str(), special["Until"].as_str()),
        (Some("#Shop.SpecialProduct"), Some("2026-12-31"))
    );
    let orphan = get(&format!("{root}/Products(5)?$select=Stock")).await;
    assert!(orphan.text.contains(r#""Stock":9007199254740993"#), "{}", orphan.text);

    let filtered = get(&format!(
        "{root}/Products?$filter=UnitPrice%20gt%2015%20and%20Category/Name%20eq%20'Beverages'&$select=ProductName&$orderby=UnitPrice%20desc&$count=true"
    ))
    .await
    .json();
    assert_eq!(filtered["@odata.count"], 2);
    assert_eq!(
        filtered["value"],
        json!([{"@odata.etag": "W/\"1\"", "ProductName": "Chang"}, {"@odata.etag": "W/\"1\"", "ProductName": "Chai"}])
    );
    assert_eq!(filtered.get("@odata.nextLink"), None);
    let paged = get(&format!("{root}/Products?$select=ProductID")).await.json();
    assert_eq!(paged["@odata.nextLink"], format!("{root}/Products?$select=ProductID&$skiptoken=2"));

    let expanded = send(
        "GET",
        &format!(
            "{root}/Categories?$select=Name&$expand=Products($select=ProductName;$orderby=ProductName%20desc;$top=1)"
        ),
        &[("Prefer", "odata.maxpagesize=10")],
        None,
    )
    .await;
    assert_eq!(expanded.status, 200, "{}", expanded.text);
    let names: Vec<serde_json::Value> =
        expanded.json()["value"].as_array().unwrap().iter().map(|c| c["Products"].clone()).collect();
    assert_eq!(names[0], json!([{"@odata.etag": "W/\"1\"", "ProductName": "Chang"}]));
    assert_eq!(names[2], json!([]));

    let created = send("POST", &format!("{root}/Products"), &[JSON], Some(r#"{"ProductID":40,"ProductName":"Pg","UnitPrice":"12.345","Category@odata.bind":"Categories(2)","Tags":[]}"#)).await;
    assert_eq!(created.status, 201, "{}", created.text);
    assert_eq!(created.json()["UnitPrice"], 12.345);
    let url = format!("{root}/Products(40)");
    let patched =
        send("PATCH", &url, &[JSON, ("If-Match", r#"W/"1""#)], Some(r#"{"Discontinued":true,"Stock":null}"#)).await;
    assert_eq!((patched.status, patched.header("etag")), (204, Some(r#"W/"2""#)), "{}", patched.text);
    assert_eq!(send("PATCH", &url, &[JSON, ("If-Match", r#"W/"1""#)], Some("{}")).await.status, 412);
    let batch = json!({"requests": [
        {"id": "1", "atomicityGroup": "g", "method": "DELETE", "url": "Products(40)"},
        {"id": "2", "atomicityGroup": "g", "method": "POST", "url": "Categories", "body": {"CategoryID": 1, "Name": "dup"}}
    ]});
    let response = send("POST", &format!("{root}/$batch"), &[JSON], Some(&batch.to_string())).await.json();
    assert_eq!(response["responses"][1]["status"], 409);
    assert_eq!(get(&url).await.status, 200, "the delete was rolled back");
    assert_eq!(send("DELETE", &url, &[], None).await.status, 204);
    assert_eq!(get(&url).await.status, 404);
}
