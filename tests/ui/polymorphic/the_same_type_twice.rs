use odata_core::{AdditionalData, ODataComplex, ODataEntity};

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
#[odata(type = "test.color")]
pub struct Color {
    pub rgb: Option<String>,
}

#[derive(ODataEntity)]
#[odata(type = "test.thing", key_property = "id")]
pub struct Thing {
    pub id: Option<String>,
}

#[derive(ODataComplex)]
#[odata(type = "test.shape")]
pub enum AnyShape {
    Shape(Shape),
    Square(Square),
    AlsoSquare(Square),
}

fn main() {}
