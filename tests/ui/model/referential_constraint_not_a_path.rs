use odata_core::{AdditionalData, Navigation, ODataEntity};

#[derive(ODataEntity)]
#[odata(type = "example.shop.order", key_property = "id")]
pub struct Order {
    #[odata(nullable = false)]
    pub id: Option<String>,
    pub customer_id: Option<String>,
    #[odata(navigation, partner = "the orders", referential_constraint(property = "customer id", referenced_property = "id"))]
    pub previous: Navigation<Order>,
    pub additional_data: AdditionalData,
}

fn main() {}
