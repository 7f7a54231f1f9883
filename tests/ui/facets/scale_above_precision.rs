use odata_core::{AdditionalData, Decimal, ODataComplex};

#[derive(ODataComplex)]
#[odata(type = "example.shop.price")]
pub struct Price {
    #[odata(precision = 4, scale = 6)]
    pub amount: Option<Decimal>,
    pub additional_data: AdditionalData,
}

fn main() {}
