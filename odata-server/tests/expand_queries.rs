//! `$expand` reads the related entities of a whole page in one statement per expanded
//! navigation property and level: the statements sqlx runs are counted through its `tracing`
//! events (target `sqlx::query`).

mod support;

use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};

use support::{get, serve, sqlite};
use tracing::field::{Field, Visit};
use tracing::span::{Attributes, Id, Record};
use tracing::{Event, Metadata, Subscriber};

static STATEMENTS: Mutex<Vec<String>> = Mutex::new(Vec::new());
static NEXT_SPAN: AtomicU64 = AtomicU64::new(1);

/// Keeps the text of every statement sqlx logs.
struct Statements;

struct Text(String);

impl Visit for Text {
    fn record_debug(&mut self, field: &Field, value: &dyn std::fmt::Debug) {
        if field.name() == "db.statement" || field.name() == "summary" {
            self.0.push_str(&format!("{value:?} "));
        }
    }

    fn record_str(&mut self, field: &Field, value: &str) {
        if field.name() == "db.statement" || field.name() == "summary" {
            self.0.push_str(value);
            self.0.push(' ');
        }
    }
}

impl Subscriber for Statements {
    fn enabled(&self, metadata: &Metadata<'_>) -> bool {
        metadata.target() == "sqlx::query"
    }

    fn new_span(&self, _: &Attributes<'_>) -> Id {
        Id::from_u64(NEXT_SPAN.fetch_add(1, Ordering::Relaxed))
    }

    fn record(&self, _: &Id, _: &Record<'_>) {}

    fn record_follows_from(&self, _: &Id, _: &Id) {}

    fn event(&self, event: &Event<'_>) {
        let mut text = Text(String::new());
        event.record(&mut text);
        STATEMENTS.lock().expect("lock").push(text.0);
    }

    fn enter(&self, _: &Id) {}

    fn exit(&self, _: &Id) {}
}

fn take() -> Vec<String> {
    std::mem::take(&mut *STATEMENTS.lock().expect("lock"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_statement_per_expanded_level() {
    tracing::subscriber::set_global_default(Statements).expect("the only subscriber");
    // SQLite's placeholders are checked below.
    let service = odata_server::Service::builder::<support::Shop>(sqlite().await).build().await.expect("service");
    support::seed(&service).await;
    let server = serve(service).await;
    take();
    let response = get(&format!("{}/Categories?$expand=Products($expand=Lines,Category)", server.root)).await;
    assert_eq!(response.status, 200);
    let statements = take();
    // Categories; their Products; the Lines and the Category of those products.
    assert_eq!(statements.len(), 4, "{statements:#?}");
    assert!(statements[1].contains(r#""t"."CategoryID" IN (?, ?, ?)"#), "{statements:#?}");
    assert!(statements[2].contains(r#""t"."ProductID" IN (?, ?, ?, ?)"#), "{statements:#?}");
}
