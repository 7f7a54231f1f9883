use odata_core::{Navigation, ODataEntity};

#[derive(ODataEntity)]
#[odata(type = "test.order", key_property = "id")]
pub struct Order {
    pub id: Option<String>,
    #[odata(navigaton)]
    pub lines: Navigation<Vec<Order>>,
}

fn main() {}
