//! The bound functions of `microsoft.graph.callRecords`: the direct routing and PSTN call logs,
//! read from the collection of call records (`GET /communications/callRecords/getPstnCalls(...)`).
//! Each struct's fields are the function's parameters.

use odata_core::{DateTimeOffset, ODataFunction};

/// Gets a log of direct routing calls as a collection of `directRoutingLogRow` entries
/// (`callRecord: getDirectRoutingCalls`). The time range may not exceed 90 days.
#[derive(ODataFunction, Debug, Clone, PartialEq)]
#[odata(
    name = "microsoft.graph.callRecords.getDirectRoutingCalls",
    bound_to = "Vec<super::CallRecord>",
    returns = "Vec<super::DirectRoutingLogRow>"
)]
pub struct GetDirectRoutingCalls {
    /// Start of time range to query. UTC, inclusive. Time range is based on the call start time.
    pub from_date_time: DateTimeOffset,
    /// End of time range to query. UTC, exclusive.
    pub to_date_time: DateTimeOffset,
}

/// Gets a log of PSTN calls as a collection of `pstnCallLogRow` entries
/// (`callRecord: getPstnCalls`). No information is returned for Telstra or Softbank calling
/// plans; the time range may not exceed 90 days.
#[derive(ODataFunction, Debug, Clone, PartialEq)]
#[odata(
    name = "microsoft.graph.callRecords.getPstnCalls",
    bound_to = "Vec<super::CallRecord>",
    returns = "Vec<super::PstnCallLogRow>"
)]
pub struct GetPstnCalls {
    /// Start of time range to query. UTC, inclusive. Time range is based on the call start time.
    pub from_date_time: DateTimeOffset,
    /// End of time range to query. UTC, inclusive.
    pub to_date_time: DateTimeOffset,
}
