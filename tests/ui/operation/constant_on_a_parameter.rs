use odata_core::ODataFunction;

// Parameters get no query constants.
#[derive(ODataFunction)]
#[odata(name = "microsoft.graph.callRecords.getPstnCalls", returns = "Vec<String>")]
pub struct GetPstnCalls {
    #[odata(constant = "FROM")]
    pub from_date_time: Option<String>,
}

fn main() {}
