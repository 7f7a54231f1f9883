use odata_core::ODataComplex;

#[derive(ODataComplex)]
#[odata(type = "microsoft.graph.callRecords.networkInfo")]
pub struct NetworkInfo {
    pub relay_ip_address: Option<String>,
    #[odata(rename = "relayIpAddress")]
    pub relay_address: Option<String>,
}

fn main() {}
