use odata_core::ODataEnum;

#[derive(ODataEnum)]
#[odata(type = "microsoft.graph.callRecords.modality")]
pub struct Modality {
    pub name: Option<String>,
}

fn main() {}
