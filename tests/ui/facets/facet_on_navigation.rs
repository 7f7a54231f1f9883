use odata_core::{AdditionalData, Navigation, ODataEntity};

#[derive(ODataEntity)]
#[odata(type = "example.shop.order", key_property = "id")]
pub struct Order {
    #[odata(nullable = false)]
    pub id: Option<String>,
    #[odata(navigation, max_length = 40)]
    pub next: Navigation<Order>,
    pub additional_data: AdditionalData,
}

fn main() {}
