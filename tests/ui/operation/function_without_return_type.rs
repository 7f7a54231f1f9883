use odata_core::{DateTimeOffset, ODataFunction};

#[derive(ODataFunction)]
#[odata(name = "microsoft.graph.callRecords.getPstnCalls")]
pub struct GetPstnCalls {
    pub from_date_time: DateTimeOffset,
}

fn main() {}
