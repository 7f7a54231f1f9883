use odata_core::ODataComplex;

#[derive(ODataComplex)]
#[odata(type = "microsoft.graph.callRecords.failureInfo", key_property = "reason")]
pub struct FailureInfo {
    pub reason: Option<String>,
}

fn main() {}
