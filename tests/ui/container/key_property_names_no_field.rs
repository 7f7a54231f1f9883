use odata_core::ODataEntity;

#[derive(ODataEntity)]
#[odata(type = "microsoft.graph.entity", key_property = "idd")]
pub struct Entity {
    pub id: Option<String>,
    pub display_name: Option<String>,
}

fn main() {}
