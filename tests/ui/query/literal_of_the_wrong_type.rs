use odata_core::query::Query;
use odata_graph::call_records::Session;

fn main() {
    let _ = Query::<Session>::new().filter(Session::START_DATE_TIME.ge("2023-09-25T09:25:00Z"));
}
