use odata_core::{ODataAction, ODataFunction};

#[derive(ODataFunction)]
#[odata(name = "example.shop.total", returns = "i32", binding_nullable = false)]
pub struct Total;

#[derive(ODataAction)]
#[odata(name = "example.shop.count", bound_to = "i32", return_facets(precision = 3))]
pub struct Count;

fn main() {}
