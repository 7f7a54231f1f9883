use odata_core::ODataEntity;

#[derive(ODataEntity)]
#[odata(type = "microsoft.graph.outlookItem", key_property = "id")]
pub struct OutlookItem {
    pub id: Option<String>,
    pub change_key: Option<String>,
}

// The inherited part is there, but without `#[odata(base)]`.
#[derive(ODataEntity)]
#[odata(type = "microsoft.graph.event", base_type = "microsoft.graph.outlookItem")]
pub struct Event {
    pub outlook_item: OutlookItem,
    pub subject: Option<String>,
}

// The same held as an `Option`, under another name: the type says it is the base part.
#[derive(ODataEntity)]
#[odata(type = "microsoft.graph.message", base_type = "microsoft.graph.outlookItem")]
pub struct Message {
    pub item: Option<OutlookItem>,
    pub subject: Option<String>,
}

fn main() {}
