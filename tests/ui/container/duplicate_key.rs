use odata_core::ODataComplex;

#[derive(ODataComplex)]
#[odata(type = "microsoft.graph.callRecords.failureInfo", type = "microsoft.graph.callRecords.failure")]
pub struct FailureInfo {
    pub reason: Option<String>,
}

fn main() {}
