use odata_core::{Navigation, ODataComplex, ODataEntity};

#[derive(ODataComplex)]
#[odata(type = "microsoft.graph.callRecords.media")]
pub struct Media {
    pub label: Option<String>,
}

#[derive(ODataEntity)]
#[odata(type = "microsoft.graph.callRecords.segment", key_property = "id")]
pub struct Segment {
    pub id: Option<String>,
    #[odata(navigation)]
    pub media: Navigation<Vec<Media>>,
}

fn main() {}
