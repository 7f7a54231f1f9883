use odata_core::{AdditionalData, Decimal, ODataComplex};

#[derive(ODataComplex)]
#[odata(type = "example.shop.price")]
pub struct Price {
    #[odata(precision = 19, scale = "wide")]
    pub amount: Option<Decimal>,
    pub additional_data: AdditionalData,
}

fn main() {}
