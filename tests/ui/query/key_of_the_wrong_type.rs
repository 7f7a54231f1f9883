// `Products` has an `Edm.Int32` key: neither a string nor a float is one.
use odata_core::ODataEntity;
use odata_core::query::ServiceRoot;

#[derive(ODataEntity, Debug, Default)]
#[odata(type = "NorthwindModel.Product", key_property = "ProductID")]
pub struct Product {
    #[odata(rename = "ProductID", nullable = false)]
    pub product_id: Option<i32>,
}

fn main() {
    let root = ServiceRoot::new("https://services.odata.org/V4/Northwind/Northwind.svc").unwrap();
    let _ = root.entity_set::<Product>("Products").key("1");
    let _ = root.entity_set::<Product>("Products").key(1.5);
}
