// `Order_Details` has a compound key `(OrderID, ProductID)`: one value is not a key of it.
use odata_core::container::EntitySet;
use odata_core::query::ServiceRoot;
use odata_core::{ODataEntity, ODataService};

#[derive(ODataEntity, Debug, Default)]
#[odata(type = "NorthwindModel.Order_Detail", key_property = "OrderID", key_property = "ProductID")]
pub struct OrderDetail {
    #[odata(rename = "OrderID", nullable = false)]
    pub order_id: Option<i32>,
    #[odata(rename = "ProductID", nullable = false)]
    pub product_id: Option<i32>,
}

#[derive(ODataService)]
#[odata(namespace = "NorthwindModel", container = "NorthwindEntities")]
pub struct Northwind {
    #[odata(entity_set = "Order_Details")]
    pub order_details: EntitySet<OrderDetail>,
}

fn main() {
    let northwind = Northwind::at(&ServiceRoot::new("http://localhost/odata").unwrap());
    let _ = northwind.order_details.key(10248);
}
