use odata_core::ODataEnum;

#[derive(ODataEnum)]
#[odata(type = "microsoft.graph.callRecords.modality")]
pub enum Modality {
    Audio,
    Other(String),
    Unknown(String),
}

fn main() {}
