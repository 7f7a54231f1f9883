use odata_core::ODataEntity;

#[derive(ODataEntity)]
#[odata(type = "microsoft.graph.callRecords.modality")]
pub enum Modality {
    Audio,
    Video,
}

fn main() {}
