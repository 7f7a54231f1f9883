//! JSON `$batch`: ordered requests, `dependsOn`, `$id` references, atomicity groups that roll
//! back together.

mod support;

use serde_json::json;
use support::{get, send, start};

const JSON: (&str, &str) = ("Content-Type", "application/json");

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn requests_run_in_order_with_references() {
    let server = start().await;
    let root = &server.root;
    let batch = json!({"requests": [
        {"id": "1", "method": "POST", "url": "Categories", "headers": {"content-type": "application/json"}, "body": {"CategoryID": 40, "Name": "Batch"}},
        {"id": "2", "method": "POST", "url": "$1/Products", "dependsOn": ["1"], "headers": {"content-type": "application/json"}, "body": {"ProductID": 40, "ProductName": "Batched"}},
        {"id": "3", "method": "GET", "url": format!("{root}/Categories(40)/Products?$select=ProductName"), "dependsOn": ["2"]},
        {"id": "4", "method": "GET", "url": "Nowhere"},
        {"id": "5", "method": "GET", "url": "Categories(40)/Name/$value", "dependsOn": ["4"]}
    ]});
    let response = send("POST", &format!("{root}/$batch"), &[JSON], Some(&batch.to_string())).await;
    assert_eq!(response.status, 200, "{}", response.text);
    let body = response.json();
    let responses = body["responses"].as_array().unwrap();
    let statuses: Vec<u64> = responses.iter().map(|r| r["status"].as_u64().unwrap()).collect();
    assert_eq!(statuses, [201, 201, 200, 404, 424]);
    assert_eq!(responses[0]["headers"]["location"], format!("{root}/Categories(40)"));
    assert_eq!(responses[1]["body"]["CategoryID"], 40);
    assert_eq!(responses[2]["body"]["value"], json!([{"@odata.etag": "W/\"1\"", "ProductName": "Batched"}]));
    assert_eq!(responses[3]["body"]["error"]["code"], "NotFound");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn atomicity_groups_roll_back_together() {
    let server = start().await;
    let root = &server.root;
    let batch = json!({"requests": [
        {"id": "a", "atomicityGroup": "g1", "method": "POST", "url": "Categories", "body": {"CategoryID": 50, "Name": "Kept"}},
        {"id": "b", "atomicityGroup": "g1", "method": "PATCH", "url": "Categories(1)", "body": {"Description": "changed in g1"}},
        {"id": "c", "atomicityGroup": "g2", "method": "POST", "url": "Categories", "body": {"CategoryID": 51, "Name": "Lost"}},
        {"id": "d", "atomicityGroup": "g2", "method": "PATCH", "url": "Categories(2)", "body": {"Description": "changed in g2"}},
        {"id": "e", "atomicityGroup": "g2", "method": "POST", "url": "Categories", "body": {"CategoryID": 1, "Name": "Duplicate"}},
        {"id": "f", "method": "GET", "url": "Categories/$count", "dependsOn": ["g1"]}
    ]});
    let response = send("POST", &format!("{root}/$batch"), &[JSON], Some(&batch.to_string())).await;
    assert_eq!(response.status, 200, "{}", response.text);
    let body = response.json();
    let statuses: Vec<(String, u64)> = body["responses"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["id"].as_str().unwrap().to_owned(), r["status"].as_u64().unwrap()))
        .collect();
    assert_eq!(
        statuses,
        [
            ("a".into(), 201),
            ("b".into(), 204),
            ("c".into(), 424),
            ("d".into(), 424),
            ("e".into(), 409),
            ("f".into(), 200)
        ]
    );
    assert_eq!(body["responses"][5]["body"], "4");
    assert_eq!(get(&format!("{root}/Categories(50)")).await.status, 200);
    assert_eq!(get(&format!("{root}/Categories(51)")).await.status, 404);
    assert_eq!(get(&format!("{root}/Categories(1)/Description/$value")).await.text, "changed in g1");
    assert_eq!(get(&format!("{root}/Categories(2)/Description")).await.status, 204);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn malformed_batches_are_refused() {
    let server = start().await;
    let url = format!("{}/$batch", server.root);
    for body in [
        "{",
        r#"{"requests": 1}"#,
        r#"{"requests": [{"method": "GET", "url": "Categories"}]}"#,
        r#"{"requests": [{"id": "1", "method": "GET", "url": "Categories"}, {"id": "1", "method": "GET", "url": "Categories"}]}"#,
        r#"{"requests": [{"id": "1", "method": "GET", "url": "Categories", "dependsOn": ["2"]}]}"#,
        r#"{"requests": [{"id": "1", "method": "GET", "url": "http://elsewhere/Categories"}]}"#,
    ] {
        let response = send("POST", &url, &[JSON], Some(body)).await;
        if response.status == 200 {
            // A bad URL inside a valid batch fails that request only.
            assert_eq!(response.json()["responses"][0]["status"], 400, "{body}");
        } else {
            assert_eq!((response.status, response.error().0.as_str()), (400, "InvalidBatch"), "{body}");
        }
    }
    // An empty multipart batch is malformed (tests/protocol_multipart.rs has the format's cases).
    let multipart = send("POST", &url, &[("Content-Type", "multipart/mixed;boundary=x")], Some("--x--")).await;
    assert_eq!((multipart.status, multipart.error().0.as_str()), (400, "InvalidBatch"));
    let text = send("POST", &url, &[("Content-Type", "text/plain")], Some("GET Categories")).await;
    assert_eq!(text.status, 415);
    assert_eq!(send("GET", &url, &[], None).await.status, 405);
}
