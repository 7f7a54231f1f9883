use odata_core::ODataEntity;

#[derive(ODataEntity)]
#[odata(type = "microsoft.graph.entity", key_property = "id")]
pub struct Entity(pub Option<String>);

fn main() {}
