use odata_core::ODataEnum;

#[derive(ODataEnum)]
#[odata(type = "microsoft.graph.callRecords.modality")]
pub enum Modality {
    Audio,
    Video { codec: String },
}

fn main() {}
