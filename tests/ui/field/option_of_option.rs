use odata_core::ODataEntity;

// `null` and absent are told apart without a second `Option`.
#[derive(ODataEntity)]
#[odata(type = "microsoft.graph.event", key_property = "id")]
pub struct Event {
    pub id: Option<String>,
    pub subject: Option<Option<String>>,
}

fn main() {}
