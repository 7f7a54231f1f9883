use odata_core::{AdditionalData, ODataComplex};

#[derive(ODataComplex)]
#[odata(type = "example.shop.label")]
pub struct Label {
    #[odata(max_length = 0)]
    pub short: Option<String>,
    #[odata(max_length = "long")]
    pub long: Option<String>,
    #[odata(srid = "any")]
    pub place: Option<String>,
    pub additional_data: AdditionalData,
}

fn main() {}
