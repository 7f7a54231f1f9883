use odata_core::ODataFunction;

#[derive(ODataFunction)]
#[odata(name = "test.whereAmI", returns = "std::net::IpAddr")]
pub struct WhereAmI;

fn main() {}
