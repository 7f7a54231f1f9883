use odata_core::{AdditionalData, ODataComplex};

#[derive(ODataComplex)]
#[odata(type = "test.shape")]
pub struct Shape {
    pub name: Option<String>,
    pub additional_data: AdditionalData,
}

#[derive(ODataComplex)]
#[odata(type = "test.square", base_type = "test.shape")]
pub struct Square {
    #[odata(base)]
    pub shape: Shape,
    pub side: Option<f64>,
}

#[derive(ODataComplex)]
#[odata(type = "test.shape")]
pub enum AnyShape {
    Shape(Shape),
    #[odata(value = 2)]
    Square(Square),
}

fn main() {}
