use odata_core::{AdditionalData, ODataComplex};

#[derive(ODataComplex)]
#[odata(type = "example.shop.label", max_length = 40)]
pub struct Label {
    pub text: Option<String>,
    pub additional_data: AdditionalData,
}

fn main() {}
