//! A Northwind-like model for the query tests: categories, products (with a derived type, an
//! enum, a flags enum and a collection), orders with a complex address, order details with a
//! compound key; navigation properties with partners and referential constraints.

#![allow(dead_code)]

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
