use odata_core::ODataComplex;

// A property `typeInfo` would get `Device::TYPE_INFO`, hiding `ODataType::TYPE_INFO`.
#[derive(ODataComplex)]
#[odata(type = "ns.device")]
pub struct Device {
    pub type_info: Option<String>,
}

fn main() {}
