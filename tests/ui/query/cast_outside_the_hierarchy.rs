use odata_core::query::ServiceRoot;
use odata_graph::call_records::{CallRecord, Session};

fn main() {
    let records = ServiceRoot::graph_v1().entity_set::<CallRecord>("communications/callRecords");
    let _ = records.cast::<Session, _>();
}
