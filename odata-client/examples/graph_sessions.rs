//! Lists a call record's audio sessions from Microsoft Graph, page by page: the README's example.
//!
//! `GRAPH_TOKEN=eyJ0... cargo run -p odata-client --example graph_sessions -- <callRecord id>`
//! (a token with CallRecords.Read.All). `tests/readme.rs` checks that the README shows this code.

use odata_client::{Client, Error};
use odata_core::query::{Query, ServiceRoot};
use odata_graph::Entity;
use odata_graph::call_records::{CallRecord, Modality, Session};

async fn print_audio_sessions(token: String, record: &str) -> Result<(), Error> {
    let client = Client::builder(ServiceRoot::graph_v1()).bearer_token(token).max_page_size(60).build()?;
    // GET /communications/callRecords/{record}/sessions?$select=id,startDateTime,modalities
    //     &$filter=modalities/any(m:m eq microsoft.graph.callRecords.modality'audio')
    //     &$orderby=startDateTime
    let sessions =
        client.root().entity_set::<CallRecord>("communications/callRecords").key(record).navigate(CallRecord::SESSIONS);
    let query = Query::<Session>::new()
        .select(Entity::ID)
        .select(Session::START_DATE_TIME)
        .select(Session::MODALITIES)
        .filter(Session::MODALITIES.any(|m| m.eq(Modality::Audio)))
        .order_by(Session::START_DATE_TIME);
    let mut pages = client.pages(&sessions, &query);
    while let Some(page) = pages.next_page().await {
        let page = page?;
        println!("page {} ({} sessions)", pages.pages_read(), page.value.len());
        for session in &page.value {
            println!("  {:?} started {:?}", session.id, session.start_date_time);
        }
    }
    Ok(())
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let token = std::env::var("GRAPH_TOKEN").map_err(|_| "set GRAPH_TOKEN to a Graph access token")?;
    let record = std::env::args().nth(1).ok_or("pass a call record id")?;
    print_audio_sessions(token, &record).await?;
    Ok(())
}
