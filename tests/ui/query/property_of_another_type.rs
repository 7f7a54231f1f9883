use odata_core::query::Query;
use odata_graph::call_records::{CallRecord, Session};

fn main() {
    let _ = Query::<Session>::new().select(CallRecord::JOIN_WEB_URL);
}
