//! The classic Northwind model, written with the derives.
//!
//! Names, types and facets follow the `$metadata` of the classic V4 service
//! (`https://services.odata.org/V4/Northwind/Northwind.svc/$metadata`, kept in this repository as
//! `odata-codegen/tests/corpus/olingo-northwind.xml`): entity types `Category`, `Customer`,
//! `Employee`, `Order`, `Order_Detail` (key `OrderID`, `ProductID`), `Product`, `Shipper` and
//! `Supplier`, with their navigation properties, partners and referential constraints, and the
//! entity sets of the container `NorthwindEntities`.
//!
//! Left out, to keep the example small: the types only reached from the ones above through
//! `Employee.Territories` and `Customer.CustomerDemographics` (`Territory`, `Region`,
//! `CustomerDemographic`) and the read-only views (`Alphabetical_list_of_product`, ...). The
//! classic service puts its container in the namespace `ODataWebExperimental.Northwind.Model`;
//! here one schema, `NorthwindModel`, holds the types and the container.
//!
//! Added, to show inheritance: `DiscontinuedProduct`, a `Product` with a `DiscontinuedDate`; the
//! seed data makes every discontinued product one (see `data.rs`). No property names it, so
//! `Document::builder().add_container::<NorthwindEntities>()` does not reach it; a `$metadata`
//! built with `.add_namespace("NorthwindModel")` (the registry) does. `AnyProduct` is the
//! polymorphic holder a client reads `Products` into.

// The model is the whole service; the server reads it through `CONTAINER_INFO` and the registry,
// not through every field and type, so some are never named in Rust.
#![allow(dead_code)]

use odata_core::container::EntitySet;
use odata_core::{Binary, DateTimeOffset, Decimal, Navigation, ODataEntity, ODataService};

/// `NorthwindModel.Category`: a product category (`Beverages`, `Condiments`, ...).
#[derive(ODataEntity, Debug, Clone, Default, PartialEq)]
#[odata(type = "NorthwindModel.Category", key_property = "CategoryID")]
pub struct Category {
    /// `CategoryID`, the key.
    #[odata(rename = "CategoryID", nullable = false)]
    pub category_id: Option<i32>,
    /// `CategoryName`.
    #[odata(rename = "CategoryName", nullable = false, max_length = 15)]
    pub category_name: Option<String>,
    /// `Description`.
    #[odata(rename = "Description", max_length = "max")]
    pub description: Option<String>,
    /// `Picture` (a bitmap in the classic data; the seed data leaves it out).
    #[odata(rename = "Picture", max_length = "max")]
    pub picture: Option<Binary>,
    /// `Products`: the products of the category.
    #[odata(navigation, rename = "Products", partner = "Category")]
    pub products: Navigation<Vec<Product>>,
}

/// `NorthwindModel.Customer`: a customer, keyed by a five-letter code (`ALFKI`).
#[derive(ODataEntity, Debug, Clone, Default, PartialEq)]
#[odata(type = "NorthwindModel.Customer", key_property = "CustomerID")]
pub struct Customer {
    /// `CustomerID`, the key.
    #[odata(rename = "CustomerID", nullable = false, max_length = 5)]
    pub customer_id: Option<String>,
    /// `CompanyName`.
    #[odata(rename = "CompanyName", nullable = false, max_length = 40)]
    pub company_name: Option<String>,
    /// `ContactName`.
    #[odata(rename = "ContactName", max_length = 30)]
    pub contact_name: Option<String>,
    /// `ContactTitle`.
    #[odata(rename = "ContactTitle", max_length = 30)]
    pub contact_title: Option<String>,
    /// `Address`.
    #[odata(rename = "Address", max_length = 60)]
    pub address: Option<String>,
    /// `City`.
    #[odata(rename = "City", max_length = 15)]
    pub city: Option<String>,
    /// `Region`.
    #[odata(rename = "Region", max_length = 15)]
    pub region: Option<String>,
    /// `PostalCode`.
    #[odata(rename = "PostalCode", max_length = 10)]
    pub postal_code: Option<String>,
    /// `Country`.
    #[odata(rename = "Country", max_length = 15)]
    pub country: Option<String>,
    /// `Phone`.
    #[odata(rename = "Phone", max_length = 24)]
    pub phone: Option<String>,
    /// `Fax`.
    #[odata(rename = "Fax", max_length = 24)]
    pub fax: Option<String>,
    /// `Orders`: the customer's orders.
    #[odata(navigation, rename = "Orders", partner = "Customer")]
    pub orders: Navigation<Vec<Order>>,
}

/// `NorthwindModel.Employee`: an employee; `Employee1` is the one they report to, `Employees1`
/// those who report to them (the classic service's names).
#[derive(ODataEntity, Debug, Clone, Default, PartialEq)]
#[odata(type = "NorthwindModel.Employee", key_property = "EmployeeID")]
pub struct Employee {
    /// `EmployeeID`, the key.
    #[odata(rename = "EmployeeID", nullable = false)]
    pub employee_id: Option<i32>,
    /// `LastName`.
    #[odata(rename = "LastName", nullable = false, max_length = 20)]
    pub last_name: Option<String>,
    /// `FirstName`.
    #[odata(rename = "FirstName", nullable = false, max_length = 10)]
    pub first_name: Option<String>,
    /// `Title`.
    #[odata(rename = "Title", max_length = 30)]
    pub title: Option<String>,
    /// `TitleOfCourtesy`.
    #[odata(rename = "TitleOfCourtesy", max_length = 25)]
    pub title_of_courtesy: Option<String>,
    /// `BirthDate`.
    #[odata(rename = "BirthDate")]
    pub birth_date: Option<DateTimeOffset>,
    /// `HireDate`.
    #[odata(rename = "HireDate")]
    pub hire_date: Option<DateTimeOffset>,
    /// `Address`.
    #[odata(rename = "Address", max_length = 60)]
    pub address: Option<String>,
    /// `City`.
    #[odata(rename = "City", max_length = 15)]
    pub city: Option<String>,
    /// `Region`.
    #[odata(rename = "Region", max_length = 15)]
    pub region: Option<String>,
    /// `PostalCode`.
    #[odata(rename = "PostalCode", max_length = 10)]
    pub postal_code: Option<String>,
    /// `Country`.
    #[odata(rename = "Country", max_length = 15)]
    pub country: Option<String>,
    /// `HomePhone`.
    #[odata(rename = "HomePhone", max_length = 24)]
    pub home_phone: Option<String>,
    /// `Extension`.
    #[odata(rename = "Extension", max_length = 4)]
    pub extension: Option<String>,
    /// `Photo` (a bitmap in the classic data; the seed data leaves it out).
    #[odata(rename = "Photo", max_length = "max")]
    pub photo: Option<Binary>,
    /// `Notes`.
    #[odata(rename = "Notes", max_length = "max")]
    pub notes: Option<String>,
    /// `ReportsTo`: the `EmployeeID` of `Employee1`.
    #[odata(rename = "ReportsTo")]
    pub reports_to: Option<i32>,
    /// `PhotoPath`.
    #[odata(rename = "PhotoPath", max_length = 255)]
    pub photo_path: Option<String>,
    /// `Employees1`: the employees who report to this one.
    #[odata(navigation, rename = "Employees1", partner = "Employee1")]
    pub employees1: Navigation<Vec<Employee>>,
    /// `Employee1`: the employee this one reports to.
    #[odata(
        navigation,
        rename = "Employee1",
        partner = "Employees1",
        referential_constraint(property = "ReportsTo", referenced_property = "EmployeeID")
    )]
    pub employee1: Navigation<Employee>,
    /// `Orders`: the orders the employee took.
    #[odata(navigation, rename = "Orders", partner = "Employee")]
    pub orders: Navigation<Vec<Order>>,
}

/// `NorthwindModel.Order`: an order of a customer, taken by an employee, shipped by a shipper.
#[derive(ODataEntity, Debug, Clone, Default, PartialEq)]
#[odata(type = "NorthwindModel.Order", key_property = "OrderID")]
pub struct Order {
    /// `OrderID`, the key.
    #[odata(rename = "OrderID", nullable = false)]
    pub order_id: Option<i32>,
    /// `CustomerID`.
    #[odata(rename = "CustomerID", max_length = 5)]
    pub customer_id: Option<String>,
    /// `EmployeeID`.
    #[odata(rename = "EmployeeID")]
    pub employee_id: Option<i32>,
    /// `OrderDate`.
    #[odata(rename = "OrderDate")]
    pub order_date: Option<DateTimeOffset>,
    /// `RequiredDate`.
    #[odata(rename = "RequiredDate")]
    pub required_date: Option<DateTimeOffset>,
    /// `ShippedDate`.
    #[odata(rename = "ShippedDate")]
    pub shipped_date: Option<DateTimeOffset>,
    /// `ShipVia`: the `ShipperID` of `Shipper`.
    #[odata(rename = "ShipVia")]
    pub ship_via: Option<i32>,
    /// `Freight`.
    #[odata(rename = "Freight", precision = 19, scale = 4)]
    pub freight: Option<Decimal>,
    /// `ShipName`.
    #[odata(rename = "ShipName", max_length = 40)]
    pub ship_name: Option<String>,
    /// `ShipAddress`.
    #[odata(rename = "ShipAddress", max_length = 60)]
    pub ship_address: Option<String>,
    /// `ShipCity`.
    #[odata(rename = "ShipCity", max_length = 15)]
    pub ship_city: Option<String>,
    /// `ShipRegion`.
    #[odata(rename = "ShipRegion", max_length = 15)]
    pub ship_region: Option<String>,
    /// `ShipPostalCode`.
    #[odata(rename = "ShipPostalCode", max_length = 10)]
    pub ship_postal_code: Option<String>,
    /// `ShipCountry`.
    #[odata(rename = "ShipCountry", max_length = 15)]
    pub ship_country: Option<String>,
    /// `Customer`: who ordered.
    #[odata(
        navigation,
        rename = "Customer",
        partner = "Orders",
        referential_constraint(property = "CustomerID", referenced_property = "CustomerID")
    )]
    pub customer: Navigation<Customer>,
    /// `Employee`: who took the order.
    #[odata(
        navigation,
        rename = "Employee",
        partner = "Orders",
        referential_constraint(property = "EmployeeID", referenced_property = "EmployeeID")
    )]
    pub employee: Navigation<Employee>,
    /// `Order_Details`: the order's lines.
    #[odata(navigation, rename = "Order_Details", partner = "Order")]
    pub order_details: Navigation<Vec<OrderDetail>>,
    /// `Shipper`: who ships it.
    #[odata(
        navigation,
        rename = "Shipper",
        partner = "Orders",
        referential_constraint(property = "ShipVia", referenced_property = "ShipperID")
    )]
    pub shipper: Navigation<Shipper>,
}

/// `NorthwindModel.Order_Detail`: one line of an order, keyed by `OrderID` and `ProductID`.
#[derive(ODataEntity, Debug, Clone, Default, PartialEq)]
#[odata(type = "NorthwindModel.Order_Detail", key_property = "OrderID", key_property = "ProductID")]
pub struct OrderDetail {
    /// `OrderID`, the first part of the key.
    #[odata(rename = "OrderID", nullable = false)]
    pub order_id: Option<i32>,
    /// `ProductID`, the second part of the key.
    #[odata(rename = "ProductID", nullable = false)]
    pub product_id: Option<i32>,
    /// `UnitPrice`: the price at the time of the order.
    #[odata(rename = "UnitPrice", nullable = false, precision = 19, scale = 4)]
    pub unit_price: Option<Decimal>,
    /// `Quantity`.
    #[odata(rename = "Quantity", nullable = false)]
    pub quantity: Option<i16>,
    /// `Discount`: a fraction (`0.15`).
    #[odata(rename = "Discount", nullable = false)]
    pub discount: Option<f32>,
    /// `Order`: the order the line belongs to.
    #[odata(
        navigation,
        rename = "Order",
        nullable = false,
        partner = "Order_Details",
        referential_constraint(property = "OrderID", referenced_property = "OrderID")
    )]
    pub order: Navigation<Order>,
    /// `Product`: the product ordered.
    #[odata(
        navigation,
        rename = "Product",
        nullable = false,
        partner = "Order_Details",
        referential_constraint(property = "ProductID", referenced_property = "ProductID")
    )]
    pub product: Navigation<Product>,
}

/// `NorthwindModel.Product`: a product, of a category, from a supplier.
#[derive(ODataEntity, Debug, Clone, Default, PartialEq)]
#[odata(type = "NorthwindModel.Product", key_property = "ProductID")]
pub struct Product {
    /// `ProductID`, the key.
    #[odata(rename = "ProductID", nullable = false)]
    pub product_id: Option<i32>,
    /// `ProductName`.
    #[odata(rename = "ProductName", nullable = false, max_length = 40)]
    pub product_name: Option<String>,
    /// `SupplierID`.
    #[odata(rename = "SupplierID")]
    pub supplier_id: Option<i32>,
    /// `CategoryID`.
    #[odata(rename = "CategoryID")]
    pub category_id: Option<i32>,
    /// `QuantityPerUnit`: `10 boxes x 20 bags`.
    #[odata(rename = "QuantityPerUnit", max_length = 20)]
    pub quantity_per_unit: Option<String>,
    /// `UnitPrice`.
    #[odata(rename = "UnitPrice", precision = 19, scale = 4)]
    pub unit_price: Option<Decimal>,
    /// `UnitsInStock`.
    #[odata(rename = "UnitsInStock")]
    pub units_in_stock: Option<i16>,
    /// `UnitsOnOrder`.
    #[odata(rename = "UnitsOnOrder")]
    pub units_on_order: Option<i16>,
    /// `ReorderLevel`.
    #[odata(rename = "ReorderLevel")]
    pub reorder_level: Option<i16>,
    /// `Discontinued`.
    #[odata(rename = "Discontinued", nullable = false)]
    pub discontinued: Option<bool>,
    /// `Category`: the product's category.
    #[odata(
        navigation,
        rename = "Category",
        partner = "Products",
        referential_constraint(property = "CategoryID", referenced_property = "CategoryID")
    )]
    pub category: Navigation<Category>,
    /// `Order_Details`: the order lines that ordered it.
    #[odata(navigation, rename = "Order_Details", partner = "Product")]
    pub order_details: Navigation<Vec<OrderDetail>>,
    /// `Supplier`: who supplies it.
    #[odata(
        navigation,
        rename = "Supplier",
        partner = "Products",
        referential_constraint(property = "SupplierID", referenced_property = "SupplierID")
    )]
    pub supplier: Navigation<Supplier>,
}

/// `NorthwindModel.DiscontinuedProduct`: a product no longer sold, and since when. Not in the
/// classic service; here to give the example a derived type.
#[derive(ODataEntity, Debug, Clone, Default, PartialEq)]
#[odata(type = "NorthwindModel.DiscontinuedProduct", base_type = "NorthwindModel.Product")]
pub struct DiscontinuedProduct {
    /// The inherited `Product` part.
    #[odata(base)]
    pub product: Product,
    /// `DiscontinuedDate`.
    #[odata(rename = "DiscontinuedDate")]
    pub discontinued_date: Option<DateTimeOffset>,
}

/// A `Product` or a `DiscontinuedProduct`, as the entity set `Products` holds them.
#[derive(ODataEntity, Debug, Clone, PartialEq)]
#[odata(type = "NorthwindModel.Product")]
pub enum AnyProduct {
    /// A product of the declared type (or of a type the model does not know).
    Product(Product),
    /// A discontinued product.
    DiscontinuedProduct(DiscontinuedProduct),
}

/// `NorthwindModel.Shipper`: a shipping company.
#[derive(ODataEntity, Debug, Clone, Default, PartialEq)]
#[odata(type = "NorthwindModel.Shipper", key_property = "ShipperID")]
pub struct Shipper {
    /// `ShipperID`, the key.
    #[odata(rename = "ShipperID", nullable = false)]
    pub shipper_id: Option<i32>,
    /// `CompanyName`.
    #[odata(rename = "CompanyName", nullable = false, max_length = 40)]
    pub company_name: Option<String>,
    /// `Phone`.
    #[odata(rename = "Phone", max_length = 24)]
    pub phone: Option<String>,
    /// `Orders`: the orders it ships.
    #[odata(navigation, rename = "Orders", partner = "Shipper")]
    pub orders: Navigation<Vec<Order>>,
}

/// `NorthwindModel.Supplier`: a supplier of products.
#[derive(ODataEntity, Debug, Clone, Default, PartialEq)]
#[odata(type = "NorthwindModel.Supplier", key_property = "SupplierID")]
pub struct Supplier {
    /// `SupplierID`, the key.
    #[odata(rename = "SupplierID", nullable = false)]
    pub supplier_id: Option<i32>,
    /// `CompanyName`.
    #[odata(rename = "CompanyName", nullable = false, max_length = 40)]
    pub company_name: Option<String>,
    /// `ContactName`.
    #[odata(rename = "ContactName", max_length = 30)]
    pub contact_name: Option<String>,
    /// `ContactTitle`.
    #[odata(rename = "ContactTitle", max_length = 30)]
    pub contact_title: Option<String>,
    /// `Address`.
    #[odata(rename = "Address", max_length = 60)]
    pub address: Option<String>,
    /// `City`.
    #[odata(rename = "City", max_length = 15)]
    pub city: Option<String>,
    /// `Region`.
    #[odata(rename = "Region", max_length = 15)]
    pub region: Option<String>,
    /// `PostalCode`.
    #[odata(rename = "PostalCode", max_length = 10)]
    pub postal_code: Option<String>,
    /// `Country`.
    #[odata(rename = "Country", max_length = 15)]
    pub country: Option<String>,
    /// `Phone`.
    #[odata(rename = "Phone", max_length = 24)]
    pub phone: Option<String>,
    /// `Fax`.
    #[odata(rename = "Fax", max_length = 24)]
    pub fax: Option<String>,
    /// `HomePage`.
    #[odata(rename = "HomePage", max_length = "max")]
    pub home_page: Option<String>,
    /// `Products`: what it supplies.
    #[odata(navigation, rename = "Products", partner = "Supplier")]
    pub products: Navigation<Vec<Product>>,
}

/// The entity container `NorthwindModel.NorthwindEntities`, with the classic service's
/// navigation property bindings (those to the sets left out dropped).
#[derive(ODataService, Debug, Clone)]
#[odata(namespace = "NorthwindModel", container = "NorthwindEntities")]
pub struct NorthwindEntities {
    /// `Categories`.
    #[odata(entity_set = "Categories", binding(path = "Products", target = "Products"))]
    pub categories: EntitySet<Category>,
    /// `Customers`.
    #[odata(entity_set = "Customers", binding(path = "Orders", target = "Orders"))]
    pub customers: EntitySet<Customer>,
    /// `Employees`.
    #[odata(
        entity_set = "Employees",
        binding(path = "Employees1", target = "Employees"),
        binding(path = "Employee1", target = "Employees"),
        binding(path = "Orders", target = "Orders")
    )]
    pub employees: EntitySet<Employee>,
    /// `Order_Details`.
    #[odata(
        entity_set = "Order_Details",
        binding(path = "Order", target = "Orders"),
        binding(path = "Product", target = "Products")
    )]
    pub order_details: EntitySet<OrderDetail>,
    /// `Orders`.
    #[odata(
        entity_set = "Orders",
        binding(path = "Customer", target = "Customers"),
        binding(path = "Employee", target = "Employees"),
        binding(path = "Order_Details", target = "Order_Details"),
        binding(path = "Shipper", target = "Shippers")
    )]
    pub orders: EntitySet<Order>,
    /// `Products` (some of them `DiscontinuedProduct`s).
    #[odata(
        entity_set = "Products",
        binding(path = "Category", target = "Categories"),
        binding(path = "Order_Details", target = "Order_Details"),
        binding(path = "Supplier", target = "Suppliers")
    )]
    pub products: EntitySet<Product>,
    /// `Shippers`.
    #[odata(entity_set = "Shippers", binding(path = "Orders", target = "Orders"))]
    pub shippers: EntitySet<Shipper>,
    /// `Suppliers`.
    #[odata(entity_set = "Suppliers", binding(path = "Products", target = "Products"))]
    pub suppliers: EntitySet<Supplier>,
}

#[cfg(test)]
mod tests {
    use odata_core::csdl::Document;

    /// The entity types this model keeps say what the classic service's `$metadata` says about
    /// them (properties, types, nullability, facets, keys, navigation properties with partners and
    /// referential constraints), except for the navigation properties to the types left out.
    #[test]
    fn the_model_matches_the_classic_metadata() {
        // services.odata.org's V4 Northwind `$metadata`, kept by odata-codegen's corpus
        // (provenance and licence in its README).
        let classic = Document::parse_xml(include_str!("../../../odata-codegen/tests/corpus/olingo-northwind.xml"))
            .expect("the corpus document parses");
        let ours = Document::builder().add_namespace("NorthwindModel").build();
        let kept = ["Category", "Customer", "Employee", "Order", "Order_Detail", "Product", "Shipper", "Supplier"];
        let differences: Vec<String> = ours
            .schema_differences(&classic, "NorthwindModel")
            .iter()
            .filter(|d| {
                let ty = d.fact.strip_prefix("EntityType ").unwrap_or_default();
                kept.iter().any(|k| ty.starts_with(&format!("{k}.")) || ty.starts_with(&format!("{k}:")))
            })
            .map(ToString::to_string)
            .collect();
        assert_eq!(
            differences,
            [
                "EntityType Customer.CustomerDemographics: navigation: (none) | \"Collection(NorthwindModel.CustomerDemographic) nullable=true contains_target=false partner=Customers\"",
                "EntityType Employee.Territories: navigation: (none) | \"Collection(NorthwindModel.Territory) nullable=true contains_target=false partner=Employees\"",
            ]
        );
    }
}
