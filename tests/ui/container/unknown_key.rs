use odata_core::{AdditionalData, ODataComplex};

#[derive(ODataComplex)]
#[odata(tpye = "microsoft.graph.callRecords.failureInfo")]
pub struct FailureInfo {
    pub reason: Option<String>,
    pub additional_data: AdditionalData,
}

fn main() {}
