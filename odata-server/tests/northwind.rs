//! The Northwind example's model and data set (examples/northwind), served over in-memory SQLite
//! as the example serves them, read with raw HTTP and with odata-client.

#[path = "../examples/northwind/data.rs"]
mod data;
#[path = "../examples/northwind/model.rs"]
mod model;
mod northwind_example;
mod support;

use model::{NorthwindEntities, Product};
use odata_client::Client;
use odata_core::ODataService;
use odata_core::query::{Query, ServiceRoot};
use serde_json::{Value, json};
use support::{get, send};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_classic_service() {
    let server = northwind_example::serve().await;
    let root = &server.root;
    for (set, count) in
        [("Products", 77), ("Categories", 8), ("Suppliers", 29), ("Orders", 830), ("Order_Details", 2155)]
    {
        assert_eq!(get(&format!("{root}/{set}/$count")).await.text, count.to_string(), "{set}");
    }
    let metadata = get(&format!("{root}/$metadata")).await.text;
    assert!(metadata.contains(r#"<Schema Namespace="NorthwindModel""#), "{metadata}");
    assert!(metadata.contains(r#"<EntityType Name="DiscontinuedProduct" BaseType="NorthwindModel.Product">"#));
    assert!(metadata.contains(r#"<Property Name="UnitPrice" Type="Edm.Decimal""#));

    let detail = get(&format!("{root}/Order_Details(OrderID=10248,ProductID=11)?$expand=Product($select=ProductName)"))
        .await
        .json();
    assert_eq!(detail["Quantity"], 12);
    assert_eq!(detail["Product"]["ProductName"], "Queso Cabrales");
    let expensive = get(&format!(
        "{root}/Products?$filter=UnitPrice%20ge%2080&$orderby=UnitPrice%20desc&$select=ProductName,UnitPrice&$expand=Category($select=CategoryName)"
    ))
    .await
    .json();
    assert_eq!(
        expensive["value"],
        json!([
            {"@odata.etag": "W/\"1\"", "ProductName": "Côte de Blaye", "UnitPrice": 263.5, "Category": {"@odata.etag": "W/\"1\"", "CategoryName": "Beverages"}},
            {"@odata.etag": "W/\"1\"", "ProductName": "Thüringer Rostbratwurst", "@odata.type": "#NorthwindModel.DiscontinuedProduct", "UnitPrice": 123.79, "Category": {"@odata.etag": "W/\"1\"", "CategoryName": "Meat/Poultry"}},
            {"@odata.etag": "W/\"1\"", "@odata.type": "#NorthwindModel.DiscontinuedProduct", "ProductName": "Mishi Kobe Niku", "UnitPrice": 97, "Category": {"@odata.etag": "W/\"1\"", "CategoryName": "Meat/Poultry"}},
            {"@odata.etag": "W/\"1\"", "ProductName": "Sir Rodney's Marmalade", "UnitPrice": 81, "Category": {"@odata.etag": "W/\"1\"", "CategoryName": "Confections"}}
        ])
    );
    assert_eq!(get(&format!("{root}/Products/NorthwindModel.DiscontinuedProduct/$count")).await.text, "8");
    assert_eq!(get(&format!("{root}/Categories(1)/Products/$count")).await.text, "12");
    let orders = send(
        "GET",
        &format!("{root}/Customers('ALFKI')/Orders?$select=OrderID"),
        &[("Prefer", "odata.maxpagesize=4")],
        None,
    )
    .await
    .json();
    assert_eq!(orders["value"].as_array().map(Vec::len), Some(4));
    assert_eq!(orders["@odata.nextLink"], format!("{root}/Customers('ALFKI')/Orders?$select=OrderID&$skiptoken=4"));

    // Three levels over the whole data set: 91 customers, their 830 orders, 2155 order lines.
    let deep = send(
        "GET",
        &format!("{root}/Customers?$select=CustomerID&$expand=Orders($select=OrderID;$expand=Order_Details($select=Quantity;$expand=Product($select=ProductID)))"),
        &[("Prefer", "odata.maxpagesize=1000")],
        None,
    )
    .await
    .json();
    let customers = deep["value"].as_array().expect("customers");
    let orders: Vec<&Value> = customers.iter().flat_map(|c| c["Orders"].as_array().expect("orders")).collect();
    let lines: Vec<&Value> = orders.iter().flat_map(|o| o["Order_Details"].as_array().expect("lines")).collect();
    assert_eq!((customers.len(), orders.len(), lines.len()), (91, 830, 2155));
    assert!(lines.iter().all(|l| l["Product"]["ProductID"].is_i64()));

    // A string key with characters a URL must escape: the Location is percent-encoded and leads back.
    let created = send(
        "POST",
        &format!("{root}/Customers"),
        &[("Content-Type", "application/json")],
        Some(r#"{"CustomerID":"Ä'B","CompanyName":"Umlaut & Co"}"#),
    )
    .await;
    assert_eq!(created.status, 201, "{}", created.text);
    let location = created.header("location").expect("location").to_owned();
    assert_eq!(location, format!("{root}/Customers('%C3%84''B')"));
    assert_eq!(get(&location).await.json()["CompanyName"], "Umlaut & Co");

    let too_long = send(
        "POST",
        &format!("{root}/Customers"),
        &[("Content-Type", "application/json")],
        Some(r#"{"CustomerID":"ABCDEF","CompanyName":"x"}"#),
    )
    .await;
    assert_eq!((too_long.status, too_long.error().1.as_deref()), (400, Some("CustomerID")), "{}", too_long.text);

    // The typed client with the example's own model.
    let service_root = ServiceRoot::new(root).expect("root");
    let client = Client::new(service_root.clone()).expect("client");
    let northwind = NorthwindEntities::at(&service_root);
    let chai: Product = client.get(&northwind.products.key(1), &Query::new()).await.expect("chai");
    assert_eq!(chai.product_name.as_deref(), Some("Chai"));
    assert_eq!(chai.unit_price.as_ref().map(|p| p.to_string()), Some("18".to_owned()));
}
