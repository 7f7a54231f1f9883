use odata_core::{AdditionalData, ODataComplex};

#[derive(ODataComplex)]
#[odata(type = "example.shop.photo", has_stream)]
pub struct Photo {
    pub caption: Option<String>,
    pub additional_data: AdditionalData,
}

fn main() {}
