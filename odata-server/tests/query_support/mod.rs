//! A Northwind-like model for the query tests: categories, products (with a derived type, an
//! enum, a flags enum and a collection), orders with a complex address, order details with a
//! compound key; navigation properties with partners and referential constraints.

#![allow(dead_code)]

pub mod cases;

use odata_core::container::EntitySet;
use odata_core::{
    Date, DateTimeOffset, Decimal, Flags, Navigation, ODataComplex, ODataEntity, ODataEnum, ODataService,
};

#[derive(ODataEnum, Debug, Clone, PartialEq)]
#[odata(type = "NorthwindModel.Color")]
pub enum Color {
    #[odata(rename = "Red")]
    Red,
    #[odata(rename = "Green")]
    Green,
    #[odata(rename = "Blue")]
    Blue,
}

#[derive(ODataEnum, Debug, Clone, PartialEq)]
#[odata(type = "NorthwindModel.Features", flags)]
pub enum Feature {
    #[odata(rename = "Organic", value = 1)]
    Organic,
    #[odata(rename = "Fair", value = 2)]
    Fair,
    #[odata(rename = "Frozen", value = 4)]
    Frozen,
}

#[derive(ODataComplex, Debug, Clone, Default)]
#[odata(type = "NorthwindModel.Address")]
pub struct Address {
    #[odata(rename = "Street")]
    pub street: Option<String>,
    #[odata(rename = "City")]
    pub city: Option<String>,
    #[odata(rename = "Country")]
    pub country: Option<String>,
}

#[derive(ODataEntity, Debug, Default)]
#[odata(type = "NorthwindModel.Category", key_property = "CategoryID")]
pub struct Category {
    #[odata(rename = "CategoryID", nullable = false)]
    pub category_id: Option<i32>,
    #[odata(rename = "CategoryName")]
    pub category_name: Option<String>,
    #[odata(navigation, rename = "Products", partner = "Category")]
    pub products: Navigation<Vec<Product>>,
}

#[derive(ODataEntity, Debug, Default)]
#[odata(type = "NorthwindModel.Product", key_property = "ProductID")]
pub struct Product {
    #[odata(rename = "ProductID", nullable = false)]
    pub product_id: Option<i32>,
    #[odata(rename = "ProductName")]
    pub product_name: Option<String>,
    #[odata(rename = "UnitPrice")]
    pub unit_price: Option<Decimal>,
    #[odata(rename = "UnitsInStock")]
    pub units_in_stock: Option<i16>,
    #[odata(rename = "Discontinued")]
    pub discontinued: Option<bool>,
    #[odata(rename = "CategoryID")]
    pub category_id: Option<i32>,
    #[odata(rename = "Color")]
    pub color: Option<Color>,
    #[odata(rename = "Features")]
    pub features: Option<Flags<Feature>>,
    #[odata(rename = "Tags")]
    pub tags: Option<Vec<String>>,
    #[odata(rename = "Rating")]
    pub rating: Option<f64>,
    #[odata(
        navigation,
        rename = "Category",
        partner = "Products",
        referential_constraint(property = "CategoryID", referenced_property = "CategoryID")
    )]
    pub category: Navigation<Category>,
    #[odata(navigation, rename = "Order_Details", partner = "Product")]
    pub order_details: Navigation<Vec<OrderDetail>>,
}

#[derive(ODataEntity, Debug, Default)]
#[odata(type = "NorthwindModel.DiscontinuedProduct", base_type = "NorthwindModel.Product")]
pub struct DiscontinuedProduct {
    #[odata(base)]
    pub product: Product,
    #[odata(rename = "DiscontinuedDate")]
    pub discontinued_date: Option<DateTimeOffset>,
}

#[derive(ODataEntity, Debug, Default)]
#[odata(type = "NorthwindModel.Order", key_property = "OrderID")]
pub struct Order {
    #[odata(rename = "OrderID", nullable = false)]
    pub order_id: Option<i32>,
    #[odata(rename = "CustomerID")]
    pub customer_id: Option<String>,
    #[odata(rename = "OrderDate")]
    pub order_date: Option<DateTimeOffset>,
    #[odata(rename = "RequiredDate")]
    pub required_date: Option<Date>,
    #[odata(rename = "Freight")]
    pub freight: Option<Decimal>,
    #[odata(rename = "ShipAddress")]
    pub ship_address: Option<Address>,
    #[odata(navigation, rename = "Order_Details", partner = "Order")]
    pub order_details: Navigation<Vec<OrderDetail>>,
}

#[derive(ODataEntity, Debug, Default)]
#[odata(type = "NorthwindModel.Order_Detail", key_property = "OrderID", key_property = "ProductID")]
pub struct OrderDetail {
    #[odata(rename = "OrderID", nullable = false)]
    pub order_id: Option<i32>,
    #[odata(rename = "ProductID", nullable = false)]
    pub product_id: Option<i32>,
    #[odata(rename = "UnitPrice")]
    pub unit_price: Option<Decimal>,
    #[odata(rename = "Quantity")]
    pub quantity: Option<i16>,
    #[odata(rename = "Discount")]
    pub discount: Option<f32>,
    #[odata(
        navigation,
        rename = "Order",
        partner = "Order_Details",
        referential_constraint(property = "OrderID", referenced_property = "OrderID")
    )]
    pub order: Navigation<Order>,
    #[odata(
        navigation,
        rename = "Product",
        partner = "Order_Details",
        referential_constraint(property = "ProductID", referenced_property = "ProductID")
    )]
    pub product: Navigation<Product>,
}

#[derive(ODataService, Debug, Clone)]
#[odata(namespace = "NorthwindModel", container = "NorthwindEntities")]
pub struct Northwind {
    #[odata(entity_set = "Categories", binding(path = "Products", target = "Products"))]
    pub categories: EntitySet<Category>,
    #[odata(
        entity_set = "Products",
        binding(path = "Category", target = "Categories"),
        binding(path = "Order_Details", target = "Order_Details")
    )]
    pub products: EntitySet<Product>,
    #[odata(entity_set = "Orders", binding(path = "Order_Details", target = "Order_Details"))]
    pub orders: EntitySet<Order>,
    #[odata(
        entity_set = "Order_Details",
        binding(path = "Order", target = "Orders"),
        binding(path = "Product", target = "Products")
    )]
    pub order_details: EntitySet<OrderDetail>,
}

/// The data set of the query tests, stored by the server's storage conventions (SQLite): the
/// keys of [`cases`] are the entities of these tables.
pub const SCHEMA: &str = r#"
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
