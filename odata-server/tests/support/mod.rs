//! A small shop model of the tests' own (written with the derives), a server on 127.0.0.1:0
//! over in-memory SQLite, and a raw HTTP client for exact statuses, headers and bodies.
#![allow(dead_code)]

use odata_core::container::{ActionImport, EntitySet, FunctionImport, Singleton};
use odata_core::{
    AdditionalData, Date, Decimal, Navigation, ODataAction, ODataComplex, ODataEntity, ODataEnum, ODataFunction,
    ODataService,
};
use odata_server::Service;
use serde_json::{Value, json};

#[derive(ODataEnum, Debug, Clone, PartialEq)]
#[odata(type = "Shop.Color")]
pub enum Color {
    Red,
    Green,
    Blue,
}

#[derive(ODataComplex, Debug, Clone, Default, PartialEq)]
#[odata(type = "Shop.Address")]
pub struct Address {
    #[odata(rename = "City")]
    pub city: Option<String>,
    #[odata(rename = "Zip")]
    pub zip: Option<String>,
}

#[derive(ODataEntity, Debug, Clone, Default)]
#[odata(type = "Shop.Category", key_property = "CategoryID")]
pub struct Category {
    #[odata(rename = "CategoryID", nullable = false)]
    pub category_id: Option<i32>,
    #[odata(rename = "Name", nullable = false)]
    pub name: Option<String>,
    #[odata(rename = "Description")]
    pub description: Option<String>,
    #[odata(navigation, rename = "Products", partner = "Category")]
    pub products: Navigation<Vec<Product>>,
    pub additional_data: AdditionalData,
}

#[derive(ODataEntity, Debug, Clone, Default)]
#[odata(type = "Shop.Product", key_property = "ProductID")]
pub struct Product {
    #[odata(rename = "ProductID", nullable = false)]
    pub product_id: Option<i32>,
    #[odata(rename = "ProductName", nullable = false)]
    pub product_name: Option<String>,
    #[odata(rename = "UnitPrice")]
    pub unit_price: Option<Decimal>,
    #[odata(rename = "Stock")]
    pub stock: Option<i64>,
    #[odata(rename = "Discontinued")]
    pub discontinued: Option<bool>,
    #[odata(rename = "Color")]
    pub color: Option<Color>,
    #[odata(rename = "Tags")]
    pub tags: Option<Vec<String>>,
    #[odata(rename = "Made")]
    pub made: Option<Address>,
    #[odata(rename = "Created", read_only)]
    pub created: Option<String>,
    #[odata(rename = "CategoryID")]
    pub category_id: Option<i32>,
    #[odata(
        navigation,
        rename = "Category",
        partner = "Products",
        referential_constraint(property = "CategoryID", referenced_property = "CategoryID")
    )]
    pub category: Navigation<Category>,
    #[odata(navigation, rename = "Lines", partner = "Product")]
    pub lines: Navigation<Vec<OrderLine>>,
    pub additional_data: AdditionalData,
}

#[derive(ODataEntity, Debug, Clone, Default)]
#[odata(type = "Shop.SpecialProduct", base_type = "Shop.Product")]
pub struct SpecialProduct {
    #[odata(base)]
    pub product: Product,
    #[odata(rename = "Until")]
    pub until: Option<Date>,
}

#[derive(ODataEntity, Debug, Clone, Default)]
#[odata(type = "Shop.OrderLine", key_property = "OrderID", key_property = "ProductID")]
pub struct OrderLine {
    #[odata(rename = "OrderID", nullable = false)]
    pub order_id: Option<i32>,
    #[odata(rename = "ProductID", nullable = false)]
    pub product_id: Option<i32>,
    #[odata(rename = "Quantity")]
    pub quantity: Option<i16>,
    #[odata(
        navigation,
        rename = "Product",
        partner = "Lines",
        referential_constraint(property = "ProductID", referenced_property = "ProductID")
    )]
    pub product: Navigation<Product>,
}

#[derive(ODataEntity, Debug, Clone, Default)]
#[odata(type = "Shop.Settings", key_property = "ID")]
pub struct Settings {
    #[odata(rename = "ID", nullable = false)]
    pub id: Option<i32>,
    #[odata(rename = "Motto")]
    pub motto: Option<String>,
}

/// An unbound function, imported as `MostExpensive`.
#[derive(ODataFunction, Debug)]
#[odata(name = "Shop.MostExpensive", returns = "Vec<Product>")]
pub struct MostExpensive {
    #[odata(nullable = false)]
    pub count: i32,
}

/// An unbound action without a result, imported as `Restock`.
#[derive(ODataAction, Debug)]
#[odata(name = "Shop.Restock")]
pub struct Restock {
    #[odata(nullable = false)]
    pub amount: i64,
}

/// A function bound to a product.
#[derive(ODataFunction, Debug)]
#[odata(name = "Shop.PriceWithTax", bound_to = "Product", returns = "Decimal")]
pub struct PriceWithTax {
    #[odata(nullable = false)]
    pub rate: Decimal,
}

/// An action bound to the collection of products.
#[derive(ODataAction, Debug)]
#[odata(name = "Shop.Discount", bound_to = "Vec<Product>", returns = "i32")]
pub struct Discount {
    #[odata(nullable = false)]
    pub percent: i32,
}

#[derive(ODataService, Debug, Clone)]
#[odata(namespace = "Shop", container = "ShopContainer")]
pub struct Shop {
    #[odata(entity_set = "Categories", binding(path = "Products", target = "Products"))]
    pub categories: EntitySet<Category>,
    #[odata(
        entity_set = "Products",
        binding(path = "Category", target = "Categories"),
        binding(path = "Lines", target = "OrderLines")
    )]
    pub products: EntitySet<Product>,
    #[odata(entity_set = "OrderLines", binding(path = "Product", target = "Products"))]
    pub order_lines: EntitySet<OrderLine>,
    #[odata(singleton = "Config")]
    pub config: Singleton<Settings>,
    #[odata(function_import = "MostExpensive", entity_set = "Products")]
    pub most_expensive: FunctionImport<MostExpensive>,
    #[odata(action_import = "Restock")]
    pub restock: ActionImport<Restock>,
}

/// A running server: its root URL and the service.
pub struct Server {
    pub root: String,
    pub service: Service,
}

/// Starts the shop on 127.0.0.1:0 over a fresh in-memory SQLite database, seeded.
pub async fn start() -> Server {
    start_with(|b| b).await
}

/// Starts the shop with builder settings.
pub async fn start_with(
    configure: impl FnOnce(odata_server::ServiceBuilder) -> odata_server::ServiceBuilder,
) -> Server {
    let pool = database().await;
    let service = configure(Service::builder::<Shop>(pool)).build().await.expect("service");
    seed(&service).await;
    serve(service).await
}

/// A fresh database: in-memory SQLite, or (with `ODATA_TEST_POSTGRES_URL` set, as
/// `tests/postgres.sh` does) a new schema of that PostgreSQL database, so that every test runs
/// against PostgreSQL too.
pub async fn database() -> sqlx::AnyPool {
    match std::env::var("ODATA_TEST_POSTGRES_URL") {
        Ok(url) => postgres_schema(&url).await,
        Err(_) => sqlite().await,
    }
}

/// A fresh in-memory SQLite database.
pub async fn sqlite() -> sqlx::AnyPool {
    odata_server::connect("sqlite::memory:").await.expect("sqlite")
}

/// A pool whose connections use a new schema of the PostgreSQL database at `url`.
pub async fn postgres_schema(url: &str) -> sqlx::AnyPool {
    static NEXT: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let schema = format!("t{}_{n}", std::process::id());
    let admin = odata_server::connect(url).await.expect("postgres");
    let create = format!("DROP SCHEMA IF EXISTS {schema} CASCADE; CREATE SCHEMA {schema}");
    sqlx::raw_sql(sqlx::AssertSqlSafe(create)).execute(&admin).await.expect("schema");
    admin.close().await;
    let separator = if url.contains('?') { '&' } else { '?' };
    let pool = odata_server::connect(&format!("{url}{separator}options=-c%20search_path%3D{schema}"))
        .await
        .expect("postgres schema");
    let current: String = sqlx::query_scalar("SELECT current_schema()::text").fetch_one(&pool).await.expect("schema");
    assert_eq!(current, schema, "the connections use the test's schema");
    pool
}

/// Serves `service` on a free port.
pub async fn serve(service: Service) -> Server {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let address = listener.local_addr().expect("address");
    let router = service.router();
    tokio::spawn(async move { axum::serve(listener, router).await.expect("serve") });
    Server { root: format!("http://{address}"), service }
}

/// The categories of the seed.
pub fn categories() -> Vec<Value> {
    vec![
        json!({"CategoryID": 1, "Name": "Beverages", "Description": "Soft drinks"}),
        json!({"CategoryID": 2, "Name": "Condiments"}),
        json!({"CategoryID": 3, "Name": "Empty"}),
    ]
}

/// The products of the seed (one of a derived type, one with an Int64 beyond 2^53).
pub fn products() -> Vec<Value> {
    vec![
        json!({"ProductID": 1, "ProductName": "Chai", "UnitPrice": 18.5, "Stock": 39, "Discontinued": false, "Color": "red", "Tags": ["tea", "hot"], "Made": {"City": "Delhi", "Zip": "110001"}, "CategoryID": 1}),
        json!({"ProductID": 2, "ProductName": "Chang", "UnitPrice": 19, "Stock": 17, "Discontinued": false, "Color": "green", "CategoryID": 1}),
        json!({"ProductID": 3, "ProductName": "Aniseed Syrup", "UnitPrice": 10, "Stock": 13, "Discontinued": false, "CategoryID": 2}),
        json!({"@odata.type": "#Shop.SpecialProduct", "ProductID": 4, "ProductName": "Chef Anton's Cajun Seasoning", "UnitPrice": 22, "Stock": 53, "Discontinued": true, "CategoryID": 2, "Until": "2026-12-31"}),
        json!({"ProductID": 5, "ProductName": "Orphan", "UnitPrice": 1.25, "Stock": 9007199254740993i64}),
    ]
}

/// The order lines of the seed.
pub fn lines() -> Vec<Value> {
    vec![
        json!({"OrderID": 10248, "ProductID": 1, "Quantity": 12}),
        json!({"OrderID": 10248, "ProductID": 2, "Quantity": 10}),
        json!({"OrderID": 10249, "ProductID": 1, "Quantity": 5}),
    ]
}

pub async fn seed(service: &Service) {
    for c in &categories() {
        service.insert("Categories", c).await.expect("category");
    }
    for p in &products() {
        service.insert("Products", p).await.expect("product");
    }
    for l in &lines() {
        service.insert("OrderLines", l).await.expect("line");
    }
    service.insert("Config", &json!({"ID": 1, "Motto": "Fresh"})).await.expect("config");
}

/// A response read in full.
#[derive(Debug)]
pub struct Response {
    pub status: u16,
    pub headers: reqwest::header::HeaderMap,
    pub text: String,
}

impl Response {
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.text).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.text))
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    /// The OData error body's code and target.
    pub fn error(&self) -> (String, Option<String>) {
        let body = self.json();
        let error = &body["error"];
        assert!(error["message"].is_string(), "no error message: {body}");
        (error["code"].as_str().unwrap_or_default().to_owned(), error["target"].as_str().map(str::to_owned))
    }
}

/// Sends a request; `body` is sent as it is.
pub async fn send(method: &str, url: &str, headers: &[(&str, &str)], body: Option<&str>) -> Response {
    let _ = rustls::crypto::ring::default_provider().install_default();
    let client = reqwest::Client::new();
    let mut request = client.request(reqwest::Method::from_bytes(method.as_bytes()).expect("method"), url);
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    if let Some(body) = body {
        request = request.body(body.to_owned());
    }
    let response = request.send().await.expect("send");
    let status = response.status().as_u16();
    let headers = response.headers().clone();
    let text = response.text().await.expect("body");
    Response { status, headers, text }
}

pub async fn get(url: &str) -> Response {
    send("GET", url, &[], None).await
}
