use odata_core::ODataEnum;

#[derive(ODataEnum)]
#[odata(type = "microsoft.graph.callRecords.modality")]
pub enum Modality {
    Audio,
    #[odata(value = 0)]
    Video,
}

fn main() {}
