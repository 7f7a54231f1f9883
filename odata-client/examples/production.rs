//! A client set up for production against Microsoft Graph: retries, timeouts, a body limit,
//! tracing, a header for some requests, and a `$batch` split at Graph's limit: the README's
//! "Production use" example.
//!
//! `GRAPH_TOKEN=eyJ0... cargo run -p odata-client --example production -- <callRecord id>...`
//! (a token with CallRecords.Read.All). `tests/readme.rs` checks that the README shows this code.

use std::time::Duration;

use odata_client::{Client, Error, GRAPH_BATCH_LIMIT, RetryPolicy};
use odata_core::query::{Query, ServiceRoot};
use odata_core::request::{BatchItem, BatchRequest};
use odata_graph::call_records::CallRecord;
use tracing::Instrument;

async fn report(token: String, ids: &[String]) -> Result<(), Error> {
    let client = Client::builder(ServiceRoot::graph_v1())
        .bearer_token(token)
        // 429, 503, 504 and connection failures of reads are sent again: after Retry-After,
        // else after an exponential backoff with jitter; 5 sendings and 5 minutes at most.
        .retry(RetryPolicy::new().max_attempts(5).max_elapsed(Duration::from_secs(300)))
        .connect_timeout(Duration::from_secs(5))
        .read_timeout(Duration::from_secs(20))
        .timeout(Duration::from_secs(60))
        .max_body_size(16 << 20)
        .build()?;
    let records = client.root().entity_set::<CallRecord>("communications/callRecords");
    // A header for some requests only (Graph's advanced queries).
    let eventual = client.with_header("ConsistencyLevel", "eventual")?;
    let total = eventual.count(&records, &Query::new()).await?;
    // As many $batch requests as needed, 20 requests each; throttled inner reads are sent again.
    let mut batch = BatchRequest::new(client.root().url());
    for id in ids {
        batch.add(BatchItem::get(format!("communications/callRecords/{id}")));
    }
    let responses = client.batch_all(&batch, GRAPH_BATCH_LIMIT).await?;
    for response in &responses {
        let record: CallRecord = response.read().map_err(Error::Response)?;
        println!("{} of {total}: {:?}", response.id, record.start_date_time);
    }
    Ok(())
}

// Every request is a `tracing` span `odata.request` (method, URL, attempt, status, duration,
// request-id) and every retry a `retrying` event: install a subscriber (tracing-subscriber's
// `fmt()`) to see them, inside spans of your own.
#[tokio::main]
async fn main() {
    let token = std::env::var("GRAPH_TOKEN").unwrap_or_default();
    let ids: Vec<String> = std::env::args().skip(1).collect();
    let work = report(token, &ids).instrument(tracing::info_span!("report", records = ids.len()));
    if let Err(error) = work.await {
        eprintln!("{error}");
        let mut source = std::error::Error::source(&error);
        while let Some(cause) = source {
            eprintln!("  caused by: {cause}");
            source = cause.source();
        }
        std::process::exit(1);
    }
}
