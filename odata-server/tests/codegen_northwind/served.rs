//! Copied into the crate generated from the running Northwind example's `$metadata` by
//! `odata-server/tests/codegen_northwind.rs` (with the document beside it as
//! `tests/served-metadata.xml`), and run there with `cargo test` while the example serves at
//! `NORTHWIND_SERVED_ROOT`. It uses only the generated types and container, odata-core and
//! odata-client; the values are those of the classic Northwind data set.
//!
//! The tests run in parallel against one database: the writes touch only categories (new ones,
//! from id 100) and shippers, which no other test counts or reads.

use northwind_served::northwind_model::{
    AnyProduct, Category, Customer, DiscontinuedProduct, NorthwindEntities, OrderDetail, Product, Shipper,
};
use odata_client::Client;
use odata_client::http::StatusCode;
use odata_core::csdl::Document;
use odata_core::query::{Query, ServiceRoot, is_of};
use odata_core::request::{BatchItem, BatchRequest, Changes, WriteRequest};
use odata_core::{Decimal, ODataService, ODataVersion};

const SERVED: &str = include_str!("served-metadata.xml");

fn root() -> ServiceRoot {
    let url = std::env::var("NORTHWIND_SERVED_ROOT").expect("NORTHWIND_SERVED_ROOT: the test harness sets it");
    ServiceRoot::new(&url).expect("a service root")
}

fn client() -> Client {
    Client::new(root()).expect("a client")
}

fn decimal(text: &str) -> Decimal {
    Decimal::parse(text).expect("a decimal")
}

fn price(product: &Product) -> Option<&str> {
    product.unit_price.as_ref().map(Decimal::as_str)
}

#[test]
fn the_generated_container_emits_the_document_it_came_from() {
    let served = Document::parse_xml(SERVED).expect("the served $metadata");
    let ours = Document::builder().add_container::<NorthwindEntities>().build();
    let differences: Vec<String> =
        served.schema_differences(&ours, "NorthwindModel").iter().map(ToString::to_string).collect();
    assert!(
        differences.is_empty(),
        "the served document | what the generated container emits:\n{}",
        differences.join("\n")
    );
    let container = |document: &Document| {
        document.schema("NorthwindModel").and_then(|schema| schema.entity_container.clone()).expect("a container")
    };
    assert_eq!(container(&ours), container(&served));
}

#[tokio::test]
async fn entity_sets_and_keys_read_typed() {
    let client = client();
    let northwind = NorthwindEntities::at(&root());
    let chai = client.get(&northwind.products.key(1), &Query::new()).await.expect("Products(1)");
    let AnyProduct::Product(chai) = chai else { panic!("Chai is a plain product: {chai:?}") };
    assert_eq!(chai.product_name.as_deref(), Some("Chai"));
    assert_eq!(price(&chai), Some("18"));
    assert_eq!(chai.quantity_per_unit.as_deref(), Some("10 boxes x 20 bags"));
    assert_eq!((chai.units_in_stock, chai.category_id, chai.discontinued), (Some(39), Some(1), Some(false)));
    assert_eq!(chai.additional_data.etag().as_deref(), Some(r#"W/"1""#));

    // The compound key of `Order_Details`, typed as (OrderID, ProductID).
    let line: OrderDetail =
        client.get(&northwind.order_details.key((10248, 11)), &Query::new()).await.expect("an order line");
    assert_eq!((line.order_id, line.product_id, line.quantity), (Some(10248), Some(11), Some(12)));
    assert_eq!(line.unit_price.as_ref().map(Decimal::as_str), Some("14"));

    let alfki: Customer = client.get(&northwind.customers.key("ALFKI"), &Query::new()).await.expect("ALFKI");
    assert_eq!((alfki.company_name.as_deref(), alfki.city.as_deref()), (Some("Alfreds Futterkiste"), Some("Berlin")));
    let seafood: Category = client.get(&northwind.categories.key(8), &Query::new()).await.expect("Categories(8)");
    assert_eq!(seafood.category_name.as_deref(), Some("Seafood"));

    let counts = [
        client.count(&northwind.products, &Query::new()).await.expect("products"),
        client.count(&northwind.suppliers, &Query::new()).await.expect("suppliers"),
        client.count(&northwind.orders, &Query::new()).await.expect("orders"),
        client.count(&northwind.order_details, &Query::new()).await.expect("order lines"),
        client.count(&northwind.customers, &Query::new()).await.expect("customers"),
        client.count(&northwind.employees, &Query::new()).await.expect("employees"),
    ];
    assert_eq!(counts, [77, 29, 830, 2155, 91, 9]);
}

#[tokio::test]
async fn filters_order_select_and_count_with_the_generated_properties() {
    let client = client();
    let northwind = NorthwindEntities::at(&root());

    // `Edm.Decimal`, ordered descending, two properties selected, counted inline.
    let query = Query::new()
        .filter(Product::UNIT_PRICE.ge(decimal("50")))
        .order_by_desc(Product::UNIT_PRICE)
        .select(Product::PRODUCT_NAME)
        .select(Product::UNIT_PRICE)
        .count(true);
    let page = client.get(&northwind.products, &query).await.expect("expensive products");
    let expensive: Vec<(&str, &str)> = page
        .value
        .iter()
        .map(|p| (p.product_name.as_deref().unwrap_or_default(), price(p).unwrap_or_default()))
        .collect();
    assert_eq!(
        expensive,
        [
            ("Côte de Blaye", "263.5"),
            ("Thüringer Rostbratwurst", "123.79"),
            ("Mishi Kobe Niku", "97"),
            ("Sir Rodney's Marmalade", "81"),
            ("Carnarvon Tigers", "62.5"),
            ("Raclette Courdavault", "55"),
            ("Manjimup Dried Apples", "53"),
        ]
    );
    assert_eq!(page.count, Some(7));
    // `$select` left the other properties out.
    assert!(page.value.iter().all(|p| p.product_id.is_none() && p.category_id.is_none()), "{:?}", page.value);

    // A string function, ordered by the key, `$top` and `$skip`.
    let query = Query::new().filter(Product::PRODUCT_NAME.starts_with("Ch")).order_by(Product::PRODUCT_ID);
    let names = |page: &odata_core::Page<AnyProduct>| -> Vec<String> {
        page.value.iter().filter_map(|p| p.product_name.clone()).collect()
    };
    let all = client.get(&northwind.products, &query).await.expect("names starting with Ch");
    assert_eq!(
        names(&all),
        ["Chai", "Chang", "Chef Anton's Cajun Seasoning", "Chef Anton's Gumbo Mix", "Chartreuse verte", "Chocolade"]
    );
    let middle = client.get(&northwind.products, &query.clone().skip(2).top(2)).await.expect("a window");
    assert_eq!(names(&middle), ["Chef Anton's Cajun Seasoning", "Chef Anton's Gumbo Mix"]);

    // A boolean, combined with a number, and `/$count`.
    let out_of_stock = Query::new()
        .filter(Product::DISCONTINUED.eq(true))
        .filter(Product::UNITS_IN_STOCK.eq(0))
        .order_by(Product::PRODUCT_ID);
    let page = client.get(&northwind.products, &out_of_stock).await.expect("discontinued, out of stock");
    let ids: Vec<i32> = page.value.iter().filter_map(|p| p.product_id).collect();
    assert_eq!(ids, [5, 17, 29, 53]);
    let discontinued = Query::new().filter(Product::DISCONTINUED.eq(true));
    assert_eq!(client.count(&northwind.products, &discontinued).await.expect("count"), 8);
    let cheap = Query::new().filter(Product::UNIT_PRICE.lt(decimal("10")));
    assert_eq!(client.count(&northwind.products, &cheap).await.expect("count"), 11);
}

#[tokio::test]
async fn expands_bring_the_related_entities() {
    let client = client();
    let northwind = NorthwindEntities::at(&root());

    // Product -> Category.
    let query = Query::new().expand(Product::CATEGORY);
    let chang = client.get(&northwind.products.key(2), &query).await.expect("Products(2)");
    assert_eq!(chang.product_name.as_deref(), Some("Chang"));
    let category = chang.category.get().expect("the category, expanded");
    assert_eq!((category.category_id, category.category_name.as_deref()), (Some(1), Some("Beverages")));

    // Category -> Products, with nested options.
    let query = Query::new().expand_with(Category::PRODUCTS, |products| {
        products.select(Product::PRODUCT_NAME).order_by(Product::PRODUCT_ID)
    });
    let beverages: Category = client.get(&northwind.categories.key(1), &query).await.expect("Categories(1)");
    let products = beverages.products.get().expect("the products, expanded");
    let names: Vec<&str> = products.iter().filter_map(|p| p.product_name.as_deref()).collect();
    assert_eq!(
        names,
        [
            "Chai",
            "Chang",
            "Guaraná Fantástica",
            "Sasquatch Ale",
            "Steeleye Stout",
            "Côte de Blaye",
            "Chartreuse verte",
            "Ipoh Coffee",
            "Laughing Lumberjack Lager",
            "Outback Lager",
            "Rhönbräu Klosterbier",
            "Lakkalikööri",
        ]
    );
    // Guaraná Fantástica is discontinued: the expanded collection holds it as the derived type.
    let derived: Vec<&str> = products
        .iter()
        .filter_map(AnyProduct::as_discontinued_product)
        .filter_map(|d| d.product.product_name.as_deref())
        .collect();
    assert_eq!(derived, ["Guaraná Fantástica"]);

    // Order line -> its (derived) product, through the compound key.
    let query = Query::new().expand(OrderDetail::PRODUCT);
    let line: OrderDetail = client.get(&northwind.order_details.key((10248, 42)), &query).await.expect("a line");
    let product = line.product.get().and_then(AnyProduct::as_discontinued_product).expect("a discontinued product");
    assert_eq!(product.product.product_name.as_deref(), Some("Singaporean Hokkien Fried Mee"));
    assert_eq!(product.discontinued_date.as_ref().map(ToString::to_string).as_deref(), Some("1998-04-20T00:00:00Z"));
}

#[tokio::test]
async fn server_paging_is_followed_to_all_77_products() {
    let client = Client::builder(root()).max_page_size(20).build().expect("a client");
    let northwind = NorthwindEntities::at(&root());
    let mut pages = client.pages(&northwind.products, &Query::new().order_by(Product::PRODUCT_ID));
    let mut products = Vec::new();
    let mut sizes = Vec::new();
    while let Some(page) = pages.next_page().await {
        let page = page.expect("a page");
        sizes.push(page.value.len());
        products.extend(page.value);
    }
    assert_eq!(sizes, [20, 20, 20, 17]);
    assert_eq!(pages.pages_read(), 4);
    let ids: Vec<i32> = products.iter().filter_map(|p| p.product_id).collect();
    assert_eq!(ids, (1..=77).collect::<Vec<i32>>());
    assert_eq!(products[76].product_name.as_deref(), Some("Original Frankfurter grüne Soße"));
    // The derived type, read polymorphically from the same pages.
    let discontinued: Vec<i32> =
        products.iter().filter_map(AnyProduct::as_discontinued_product).filter_map(|d| d.product.product_id).collect();
    assert_eq!(discontinued, [5, 9, 17, 24, 28, 29, 42, 53]);
}

#[tokio::test]
async fn the_derived_type_reads_polymorphically() {
    let client = client();
    let northwind = NorthwindEntities::at(&root());
    let kobe = client.get(&northwind.products.key(9), &Query::new()).await.expect("Products(9)");
    assert_eq!(kobe.instance_type().qualified_name, "NorthwindModel.DiscontinuedProduct");
    let AnyProduct::DiscontinuedProduct(kobe) = kobe else { panic!("Mishi Kobe Niku is discontinued: {kobe:?}") };
    assert_eq!(kobe.product.product_name.as_deref(), Some("Mishi Kobe Niku"));
    assert_eq!(price(&kobe.product), Some("97"));
    assert_eq!(kobe.discontinued_date.as_ref().map(ToString::to_string).as_deref(), Some("1998-01-23T00:00:00Z"));

    // `isof` over the set of `AnyProduct`s, and the type cast segment: only the derived type,
    // typed as it.
    let discontinued = Query::new().filter(is_of::<AnyProduct, DiscontinuedProduct, _>());
    assert_eq!(client.count(&northwind.products, &discontinued).await.expect("isof"), 8);
    let derived = northwind.products.resource().cast::<DiscontinuedProduct, _>();
    let query = Query::new().order_by(DiscontinuedProduct::DISCONTINUED_DATE).top(3);
    let page = client.get(&derived, &query).await.expect("the discontinued products");
    let first: Vec<(&str, String)> = page
        .value
        .iter()
        .map(|d| {
            let date = d.discontinued_date.as_ref().map(ToString::to_string).unwrap_or_default();
            (d.product.product_name.as_deref().unwrap_or_default(), date)
        })
        .collect();
    assert_eq!(
        first,
        [
            ("Mishi Kobe Niku", "1998-01-23T00:00:00Z".to_owned()),
            ("Thüringer Rostbratwurst", "1998-04-17T00:00:00Z".to_owned()),
            ("Singaporean Hokkien Fried Mee", "1998-04-20T00:00:00Z".to_owned()),
        ]
    );
}

#[tokio::test]
async fn writes_carry_etags_and_a_stale_one_is_refused() {
    let client = client();
    let northwind = NorthwindEntities::at(&root());
    let new = Category { category_id: Some(100), category_name: Some("Codegen".into()), ..Default::default() };
    let created = client.create(&northwind.categories, &new).await.expect("create").expect("the representation");
    assert_eq!(created.category_name.as_deref(), Some("Codegen"));
    let etag = created.additional_data.etag().expect("an ETag").into_owned();
    assert_eq!(etag, r#"W/"1""#);

    let resource = northwind.categories.key(100);
    let changes = Changes::<Category>::new().set(Category::DESCRIPTION, "generated, then served".to_owned());
    client.update(&resource, &changes, Some(&etag)).await.expect("update with the ETag");
    let stale = client.update(&resource, &changes, Some(&etag)).await.expect_err("a stale ETag");
    assert_eq!(stale.status(), Some(StatusCode::PRECONDITION_FAILED), "{stale}");

    let now = client.get(&resource, &Query::new()).await.expect("read back");
    assert_eq!(now.description.as_deref(), Some("generated, then served"));
    assert_eq!(now.additional_data.etag().as_deref(), Some(r#"W/"2""#));
    let refused = client.delete(&resource, Some(&etag)).await.expect_err("a delete with the stale ETag");
    assert_eq!(refused.status(), Some(StatusCode::PRECONDITION_FAILED), "{refused}");
    client.delete(&resource, now.additional_data.etag().as_deref()).await.expect("delete");
    let gone = client.get(&resource, &Query::new()).await.expect_err("deleted");
    assert_eq!(gone.status(), Some(StatusCode::NOT_FOUND), "{gone}");
}

#[tokio::test]
async fn a_batch_runs_its_atomicity_groups_as_units() {
    let client = client();
    let root = root();
    let northwind = NorthwindEntities::at(&root);
    let shipper =
        |id: i32, name: &str| Shipper { shipper_id: Some(id), company_name: Some(name.into()), ..Default::default() };
    let create = |id: i32, name: &str| {
        BatchItem::from_write(
            &WriteRequest::create(&northwind.shippers, &shipper(id, name), ODataVersion::V4_0).expect("a create"),
        )
        .expect("a batch item")
    };
    let mut batch = BatchRequest::new(root.url());
    // Kept: both requests of group `kept` succeed.
    let kept = batch.add(create(100, "Batched Freight").atomicity_group("kept"));
    let renamed = batch.add(
        BatchItem::from_write(
            &WriteRequest::update(
                &northwind.shippers.key(1),
                &Changes::<Shipper>::new().set(Shipper::PHONE, "(503) 555-0100".to_owned()),
            )
            .expect("an update"),
        )
        .expect("a batch item")
        .atomicity_group("kept"),
    );
    // Rolled back: the second request of group `lost` fails (Shippers(2) exists), so the first
    // is undone too.
    let lost = batch.add(create(101, "Never Shipped").atomicity_group("lost"));
    let duplicate = batch.add(create(2, "United Package again").atomicity_group("lost"));
    let read = batch.add(BatchItem::get("Shippers(100)").depends_on("kept"));
    let response = client.batch(&batch).await.expect("the batch");
    let status = |id: &str| response.get(id).map(|r| r.status.as_u16());
    assert_eq!(
        [status(&kept), status(&renamed), status(&lost), status(&duplicate), status(&read)],
        [Some(201), Some(204), Some(424), Some(409), Some(200)]
    );
    let created: Shipper = response.get(&kept).expect("created").read().expect("a shipper");
    assert_eq!(created.company_name.as_deref(), Some("Batched Freight"));
    let read: Shipper = response.get(&read).expect("read").read().expect("a shipper");
    assert_eq!((read.shipper_id, read.additional_data.etag().as_deref()), (Some(100), Some(r#"W/"1""#)));

    let speedy: Shipper = client.get(&northwind.shippers.key(1), &Query::new()).await.expect("Shippers(1)");
    assert_eq!(
        (speedy.company_name.as_deref(), speedy.phone.as_deref()),
        (Some("Speedy Express"), Some("(503) 555-0100"))
    );
    let never = client.get(&northwind.shippers.key(101), &Query::new()).await.expect_err("rolled back");
    assert_eq!(never.status(), Some(StatusCode::NOT_FOUND), "{never}");
    let united: Shipper = client.get(&northwind.shippers.key(2), &Query::new()).await.expect("Shippers(2)");
    assert_eq!(united.company_name.as_deref(), Some("United Package"));
}
