//! The classic Northwind service, served by odata-server from the derives in `model.rs`, seeded
//! with the classic data set (`data.rs`) at start:
//!
//! ```text
//! cargo run -p odata-server --example northwind -- --listen 127.0.0.1:8080
//! cargo run -p odata-server --example northwind -- --database sqlite://northwind.db?mode=rwc
//! cargo run -p odata-server --example northwind -- --database postgres://user@localhost/northwind
//! ```
//!
//! `--database` defaults to an in-memory SQLite database; a database that already holds the
//! data set is not seeded again. Then try `http://127.0.0.1:8080/Products?$filter=UnitPrice gt
//! 50&$expand=Category($select=CategoryName)&$select=ProductName,UnitPrice`.

mod data;
mod model;

use std::process::ExitCode;

use odata_server::Service;

/// The command line: `--listen ADDRESS`, `--database URL`, `--page-size N`.
struct Args {
    listen: String,
    database: String,
    page_size: Option<u32>,
}

fn args() -> Result<Args, String> {
    let mut args = Args { listen: "127.0.0.1:8080".into(), database: "sqlite::memory:".into(), page_size: None };
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        let mut value = || it.next().ok_or_else(|| format!("{arg} needs a value"));
        match arg.as_str() {
            "--listen" => args.listen = value()?,
            "--database" => args.database = value()?,
            "--page-size" => {
                let text = value()?;
                args.page_size = Some(text.parse().map_err(|_| format!("--page-size {text}: not a number"))?);
            }
            "--help" | "-h" => {
                return Err("usage: northwind [--listen 127.0.0.1:8080] [--database sqlite::memory:|sqlite://file.db?mode=rwc|postgres://...] [--page-size N]".into());
            }
            other => return Err(format!("unknown argument {other} (try --help)")),
        }
    }
    Ok(args)
}

#[tokio::main]
async fn main() -> ExitCode {
    match run().await {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("northwind: {message}");
            ExitCode::FAILURE
        }
    }
}

async fn run() -> Result<(), String> {
    let args = args()?;
    let pool = odata_server::connect(&args.database).await.map_err(|e| format!("{}: {e}", args.database))?;
    let mut builder = Service::builder::<model::NorthwindEntities>(pool);
    if let Some(size) = args.page_size {
        builder = builder.page_size(size);
    }
    let service = builder.build().await.map_err(|e| e.to_string())?;
    seed(&service).await?;
    let listener = tokio::net::TcpListener::bind(&args.listen).await.map_err(|e| format!("{}: {e}", args.listen))?;
    let address = listener.local_addr().map_err(|e| e.to_string())?;
    eprintln!("northwind: serving http://{address}/ ($metadata, Products, Orders, ...)");
    axum::serve(listener, service.router()).await.map_err(|e| e.to_string())
}

/// Inserts the classic data set, unless the database already has it.
async fn seed(service: &Service) -> Result<(), String> {
    if service.count("Categories").await.map_err(|e| e.to_string())? > 0 {
        eprintln!("northwind: the database already holds data; not seeding");
        return Ok(());
    }
    let sets = data::seed().map_err(|e| format!("seed data: {e}"))?;
    for set in sets {
        let rows: Vec<serde_json::Value> = set.rows.into_iter().map(serde_json::Value::Object).collect();
        let n =
            service.insert_all(set.entity_set, &rows).await.map_err(|e| format!("seeding {}: {e}", set.entity_set))?;
        eprintln!("northwind: {n} {}", set.entity_set);
    }
    Ok(())
}
