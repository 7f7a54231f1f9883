use odata_core::ODataComplex;

#[derive(ODataComplex)]
#[odata(type = "#failureInfo")]
pub struct FailureInfo {
    pub reason: Option<String>,
}

fn main() {}
