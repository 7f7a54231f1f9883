//! The Northwind example's service as the example builds and seeds it, served on a free loopback
//! port: for the tests that include the example's `model.rs` and `data.rs` at their crate root
//! (`data.rs`'s own tests name `crate::model`), with `mod support`.

use odata_server::Service;

use crate::{data, model, support};

/// The example's service over a fresh database (`support::database`: in-memory SQLite, or a
/// PostgreSQL schema under `tests/postgres.sh`), seeded with the classic data set.
pub async fn serve() -> support::Server {
    let pool = support::database().await;
    let service = Service::builder::<model::NorthwindEntities>(pool).build().await.expect("service");
    for set in data::seed().expect("seed") {
        let rows: Vec<serde_json::Value> = set.rows.into_iter().map(serde_json::Value::Object).collect();
        service.insert_all(set.entity_set, &rows).await.expect("seed rows");
    }
    support::serve(service).await
}
