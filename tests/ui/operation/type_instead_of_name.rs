use odata_core::ODataFunction;

#[derive(ODataFunction)]
#[odata(type = "microsoft.graph.callRecords.getPstnCalls", returns = "Vec<String>")]
pub struct GetPstnCalls {}

fn main() {}
