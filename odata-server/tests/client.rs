//! The workspace's own client against the server: typed reads, filters, expands, paging, writes
//! with ETags, and a batch.

mod support;

use odata_client::Client;
use odata_core::query::{Query, ServiceRoot};
use odata_core::request::{BatchItem, BatchRequest, Changes};
use odata_core::{Decimal, ODataService};
use support::{Category, Product, Shop, start_with};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn typed_client_end_to_end() {
    let server = start_with(|b| b.page_size(2)).await;
    let root = ServiceRoot::new(&server.root).expect("root");
    let client = Client::new(root.clone()).expect("client");
    let shop = Shop::at(&root);

    // A filtered, ordered, selected page.
    let query = Query::new()
        .filter(Product::UNIT_PRICE.gt(Decimal::parse("15").expect("decimal")))
        .order_by(Product::PRODUCT_NAME)
        .select(Product::PRODUCT_NAME)
        .count(true);
    let page = client.get(&shop.products, &query).await.expect("page");
    let names: Vec<&str> = page.value.iter().filter_map(|p| p.product_name.as_deref()).collect();
    assert_eq!(names, ["Chai", "Chang"]);
    assert_eq!(page.count, Some(3));
    assert!(page.next_link.is_some());

    // Every page, following nextLink.
    let all = client.pages(&shop.products, &Query::new()).collect_all().await.expect("pages");
    let ids: Vec<i32> = all.iter().filter_map(|p| p.product_id).collect();
    assert_eq!(ids, [1, 2, 3, 4, 5]);
    assert_eq!(
        client.count(&shop.products, &Query::new().filter(Product::DISCONTINUED.eq(true))).await.expect("count"),
        1
    );

    // An entity with its category expanded.
    let chai = client.get(&shop.products.key(1), &Query::new().expand(Product::CATEGORY)).await.expect("chai");
    assert_eq!(chai.unit_price.as_ref().map(Decimal::as_str), Some("18.5"));
    let category = chai.category.get().expect("expanded");
    assert_eq!(category.name.as_deref(), Some("Beverages"));

    // Create, update with the ETag, refuse a stale one, delete.
    let created = client
        .create(
            &shop.categories,
            &Category { category_id: Some(70), name: Some("Client".into()), ..Default::default() },
        )
        .await
        .expect("create")
        .expect("representation");
    let etag = created.additional_data.etag().expect("etag").into_owned();
    assert_eq!(etag, r#"W/"1""#);
    let resource = shop.categories.key(70);
    let changes = Changes::<Category>::new().set(Category::DESCRIPTION, "typed".to_owned());
    client.update(&resource, &changes, Some(&etag)).await.expect("update");
    let stale = client.update(&resource, &changes, Some(&etag)).await.expect_err("stale");
    assert!(stale.to_string().contains("412"), "{stale}");
    let now = client.get(&resource, &Query::new()).await.expect("read");
    assert_eq!(now.description.as_deref(), Some("typed"));
    client.delete(&resource, now.additional_data.etag().as_deref()).await.expect("delete");
    assert!(client.get(&resource, &Query::new()).await.is_err());

    // A batch: a read and a create in one atomicity group.
    let mut batch = BatchRequest::new(&server.root);
    let read = batch.add(BatchItem::get("Categories(1)").atomicity_group("g"));
    let create = batch.add(
        BatchItem::post("Categories", serde_json::json!({"CategoryID": 71, "Name": "Batched"})).atomicity_group("g"),
    );
    let response = client.batch(&batch).await.expect("batch");
    assert_eq!(response.get(&read).expect("read").status, 200);
    assert_eq!(response.get(&create).expect("create").status, 201);
    let batched: Category = response.get(&create).expect("create").read().expect("body");
    assert_eq!(batched.name.as_deref(), Some("Batched"));
}
