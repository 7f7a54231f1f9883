use odata_core::{AdditionalData, ODataEntity};

#[derive(ODataEntity)]
#[odata(type = "example.shop.order", key_property = "id")]
pub struct Order {
    #[odata(nullable = false)]
    pub id: Option<String>,
    #[odata(partner = "orders", referential_constraint(property = "customerId", referenced_property = "id"))]
    pub customer_id: Option<String>,
    pub additional_data: AdditionalData,
}

fn main() {}
