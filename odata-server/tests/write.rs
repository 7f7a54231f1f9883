//! Writes over raw HTTP: POST, PATCH, PUT, DELETE, ETags and preconditions, body validation,
//! deep insert and binds.

mod support;

use serde_json::json;
use support::{get, send, start, start_with};

const JSON: (&str, &str) = ("Content-Type", "application/json");

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn create_read_update_delete() {
    let server = start().await;
    let root = &server.root;
    let created =
        send("POST", &format!("{root}/Categories"), &[JSON], Some(r#"{"CategoryID":10,"Name":"Seafood"}"#)).await;
    assert_eq!(created.status, 201, "{}", created.text);
    assert_eq!(created.header("location"), Some(format!("{root}/Categories(10)").as_str()));
    assert_eq!(created.header("etag"), Some(r#"W/"1""#));
    assert_eq!(
        created.text,
        format!(
            r#"{{"@odata.context":"{root}/$metadata#Categories/$entity","@odata.etag":"W/\"1\"","CategoryID":10,"Name":"Seafood","Description":null}}"#
        )
    );
    let minimal = send(
        "POST",
        &format!("{root}/Categories"),
        &[JSON, ("Prefer", "return=minimal")],
        Some(r#"{"CategoryID":11,"Name":"Grains"}"#),
    )
    .await;
    assert_eq!((minimal.status, minimal.text.as_str()), (204, ""));
    assert_eq!(minimal.header("preference-applied"), Some("return=minimal"));
    assert_eq!(minimal.header("odata-entityid"), Some(format!("{root}/Categories(11)").as_str()));
    let duplicate =
        send("POST", &format!("{root}/Categories"), &[JSON], Some(r#"{"CategoryID":10,"Name":"Again"}"#)).await;
    assert_eq!(duplicate.status, 409, "{}", duplicate.text);

    // PATCH merges and bumps the ETag; a stale ETag is refused.
    let url = format!("{root}/Categories(10)");
    let patched = send("PATCH", &url, &[JSON, ("If-Match", r#"W/"1""#)], Some(r#"{"Description":"Fish"}"#)).await;
    assert_eq!(patched.status, 204, "{}", patched.text);
    assert_eq!(patched.header("etag"), Some(r#"W/"2""#));
    let stale = send("PATCH", &url, &[JSON, ("If-Match", r#"W/"1""#)], Some(r#"{"Description":"Old"}"#)).await;
    assert_eq!((stale.status, stale.error().0.as_str()), (412, "PreconditionFailed"));
    let now = get(&url).await.json();
    assert_eq!(
        (now["Name"].as_str(), now["Description"].as_str(), now["@odata.etag"].as_str()),
        (Some("Seafood"), Some("Fish"), Some(r#"W/"2""#))
    );

    // PUT replaces: what is left out becomes null.
    let put = send("PUT", &url, &[JSON, ("Prefer", "return=representation")], Some(r#"{"Name":"Sea food"}"#)).await;
    assert_eq!(put.status, 200, "{}", put.text);
    assert_eq!(put.json()["Description"], serde_json::Value::Null);
    assert_eq!(put.header("etag"), Some(r#"W/"3""#));
    let put_missing = send("PUT", &url, &[JSON], Some(r#"{"Description":"no name"}"#)).await;
    assert_eq!(
        (put_missing.status, put_missing.error()),
        (400, ("MissingProperty".to_owned(), Some("Name".to_owned())))
    );

    let delete_stale = send("DELETE", &url, &[("If-Match", r#"W/"2""#)], None).await;
    assert_eq!(delete_stale.status, 412);
    let deleted = send("DELETE", &url, &[("If-Match", r#"W/"3""#)], None).await;
    assert_eq!(deleted.status, 204);
    assert_eq!(get(&url).await.status, 404);
    assert_eq!(send("DELETE", &url, &[], None).await.status, 404);
}

/// `Created` is read-only (`Core.Computed` in `$metadata`): a value of its type is ignored on
/// create and update (OData part 1, 11.4.2 and 11.4.3), so an entity read can be sent back whole;
/// a value that is not of its type is still a 400 (`bodies_are_checked_against_the_model`).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn read_only_values_are_checked_then_ignored() {
    let server = start().await;
    let products = format!("{}/Products", server.root);
    let metadata = get(&format!("{}/$metadata", server.root)).await.text;
    assert!(
        metadata.contains(
            "<Property Name=\"Created\" Type=\"Edm.String\">\n          <Annotation Term=\"Core.Computed\" Bool=\"true\" />"
        ),
        "{metadata}"
    );
    let body = r#"{"ProductID":20,"ProductName":"X","Created":"2024-01-01"}"#;
    let created = send("POST", &products, &[JSON], Some(body)).await;
    assert_eq!(created.status, 201, "{}", created.text);
    assert_eq!(created.json()["Created"], serde_json::Value::Null);
    // The entity as read, with a value in `Created`, sent back by PUT.
    let url = format!("{products}(1)");
    let mut read = get(&url).await.json();
    read["Created"] = json!("yesterday");
    read["ProductName"] = json!("Chai tea");
    let put = send("PUT", &url, &[JSON, ("Prefer", "return=representation")], Some(&read.to_string())).await;
    assert_eq!(put.status, 200, "{}", put.text);
    assert_eq!((put.json()["ProductName"].clone(), put.json()["Created"].clone()), (json!("Chai tea"), json!(null)));
    let patch = send("PATCH", &url, &[JSON], Some(r#"{"Created":"today"}"#)).await;
    assert_eq!(patch.status, 204, "{}", patch.text);
    assert_eq!(get(&url).await.json()["Created"], serde_json::Value::Null);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bodies_are_checked_against_the_model() {
    let server = start().await;
    let products = format!("{}/Products", server.root);
    let cases = [
        (r#"{"ProductID":20,"ProductName":"X","Colour":"red"}"#, "InvalidProperty", "Colour"),
        (r#"{"ProductID":20,"ProductName":7}"#, "InvalidProperty", "ProductName"),
        (r#"{"ProductID":20,"ProductName":"X","Stock":"many"}"#, "InvalidProperty", "Stock"),
        (r#"{"ProductID":20,"ProductName":"X","Color":"purple"}"#, "InvalidProperty", "Color"),
        (r#"{"ProductID":20,"ProductName":"X","Made":{"Town":"Paris"}}"#, "InvalidProperty", "Made"),
        (r#"{"ProductID":20,"ProductName":"X","Tags":[1]}"#, "InvalidProperty", "Tags[0]"),
        // Read-only, but still checked: a value that is not of its type (a valid one is ignored).
        (r#"{"ProductID":20,"ProductName":"X","Created":7}"#, "InvalidProperty", "Created"),
        // A left-out ProductID is generated (tests/protocol_keys.rs); a null one is refused.
        (r#"{"ProductID":null,"ProductName":"X"}"#, "InvalidProperty", "ProductID"),
        (r#"{"ProductID":20}"#, "MissingProperty", "ProductName"),
        (r#"{"ProductID":20,"ProductName":null}"#, "InvalidProperty", "ProductName"),
        (r##"{"@odata.type":"#Shop.Category","ProductID":20,"ProductName":"X"}"##, "InvalidProperty", "@odata.type"),
        (r#"{"ProductID":20,"ProductName":"X","Category@odata.bind":"Categories(99)"}"#, "InvalidBind", "Category"),
    ];
    for (body, code, target) in cases {
        let response = send("POST", &products, &[JSON], Some(body)).await;
        assert_eq!(response.status, 400, "{body}: {}", response.text);
        let (got_code, got_target) = response.error();
        assert_eq!((got_code.as_str(), got_target.as_deref()), (code, Some(target)), "{body}");
    }
    let not_json = send("POST", &products, &[JSON], Some("{nope")).await;
    assert_eq!((not_json.status, not_json.error().0.as_str()), (400, "InvalidJson"));
    let xml = send("POST", &products, &[("Content-Type", "application/xml")], Some("<a/>")).await;
    assert_eq!(xml.status, 415);
    let key_change = send("PATCH", &format!("{products}(1)"), &[JSON], Some(r#"{"ProductID":2}"#)).await;
    assert_eq!((key_change.status, key_change.error().1.as_deref()), (400, Some("ProductID")));
    // Nothing of the refused requests was stored.
    assert_eq!(get(&format!("{products}/$count")).await.text, "5");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn deep_insert_binds_and_navigation_posts() {
    let server = start().await;
    let root = &server.root;
    let body = json!({
        "CategoryID": 20, "Name": "Dairy",
        "Products": [
            {"ProductID": 30, "ProductName": "Cheese", "Lines": [{"OrderID": 1, "Quantity": 3}]},
            {"@odata.type": "#Shop.SpecialProduct", "ProductID": 31, "ProductName": "Milk", "Until": "2027-01-01"}
        ]
    });
    let created = send("POST", &format!("{root}/Categories"), &[JSON], Some(&body.to_string())).await;
    assert_eq!(created.status, 201, "{}", created.text);
    let products =
        get(&format!("{root}/Categories(20)/Products?$select=ProductID&$expand=Lines($select=Quantity)")).await.json();
    assert_eq!(
        products["value"],
        json!([
            {"@odata.etag": "W/\"1\"", "ProductID": 30, "Lines": [{"@odata.etag": "W/\"1\"", "Quantity": 3}]},
            {"@odata.etag": "W/\"1\"", "@odata.type": "#Shop.SpecialProduct", "ProductID": 31, "Lines": []}
        ])
    );
    let bound = send(
        "POST",
        &format!("{root}/Products"),
        &[JSON],
        Some(r#"{"ProductID":32,"ProductName":"Butter","Category@odata.bind":"Categories(20)"}"#),
    )
    .await;
    assert_eq!(bound.status, 201, "{}", bound.text);
    assert_eq!(bound.json()["CategoryID"], 20);
    let to_one_deep = send(
        "POST",
        &format!("{root}/Products"),
        &[JSON],
        Some(r#"{"ProductID":33,"ProductName":"Yogurt","Category":{"CategoryID":21,"Name":"Cultured"}}"#),
    )
    .await;
    assert_eq!(to_one_deep.status, 201, "{}", to_one_deep.text);
    assert_eq!(get(&format!("{root}/Products(33)/Category/Name/$value")).await.text, "Cultured");
    let through = send(
        "POST",
        &format!("{root}/Categories(2)/Products"),
        &[JSON],
        Some(r#"{"ProductID":34,"ProductName":"Mustard"}"#),
    )
    .await;
    assert_eq!(through.status, 201, "{}", through.text);
    assert_eq!(through.json()["CategoryID"], 2);
    // A failed nested insert leaves nothing behind.
    let bad = send("POST", &format!("{root}/Categories"), &[JSON], Some(r#"{"CategoryID":22,"Name":"Half","Products":[{"ProductID":35,"ProductName":"ok"},{"ProductID":1,"ProductName":"duplicate"}]}"#)).await;
    assert_eq!(bad.status, 409, "{}", bad.text);
    assert_eq!(get(&format!("{root}/Categories(22)")).await.status, 404);
    assert_eq!(get(&format!("{root}/Products(35)")).await.status, 404);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn preconditions_can_be_required() {
    let server = start_with(|b| b.require_if_match(true)).await;
    let url = format!("{}/Categories(1)", server.root);
    let missing = send("PATCH", &url, &[JSON], Some(r#"{"Name":"x"}"#)).await;
    assert_eq!((missing.status, missing.error().0.as_str()), (428, "PreconditionRequired"));
    assert_eq!(send("DELETE", &url, &[], None).await.status, 428);
    let any = send("PATCH", &url, &[JSON, ("If-Match", "*")], Some(r#"{"Name":"x"}"#)).await;
    assert_eq!(any.status, 204);
}
