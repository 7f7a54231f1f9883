use odata_core::query::Query;
use odata_graph::call_records::Session;

fn main() {
    let _ = Query::<Session>::new().expand(Session::FAILURE_INFO);
}
