use odata_core::ODataComplex;

#[derive(ODataComplex)]
#[odata(type = "microsoft.graph.callRecords.networkInfo")]
pub struct NetworkInfo {
    pub ip_address: Option<std::net::IpAddr>,
}

fn main() {}
