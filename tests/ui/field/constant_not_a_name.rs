use odata_core::{AdditionalData, ODataComplex};

// `constant` takes an upper-case identifier, and only on fields that are properties.
#[derive(ODataComplex)]
#[odata(type = "ns.label", open_type)]
pub struct Label {
    #[odata(constant = "kind")]
    pub r#type: Option<String>,
    #[odata(constant = "EXTRA")]
    pub additional_data: AdditionalData,
}

fn main() {}
