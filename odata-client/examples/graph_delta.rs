//! Tracks changes to Graph users with a delta query, and lists all users one at a time.
//!
//! `GRAPH_TOKEN=... cargo run -p odata-client --example graph_delta -- [delta-link-file]`

use futures_util::TryStreamExt;
use odata_client::{Client, Error};
use odata_core::query::{Query, ServiceRoot};
use odata_core::{DeltaItem, DeltaLink};
use odata_graph::directory::User;

/// One delta round: from the stored delta link if there is one, else from the start.
async fn sync_users(client: &Client, stored: Option<DeltaLink>) -> Result<DeltaLink, Error> {
    let users = client.root().entity_set::<User>("users/delta");
    let round = match &stored {
        Some(link) => client.delta_from::<User>(link).await?,
        None => client.delta(&users, &Query::new()).await?,
    };
    for item in &round.items {
        match item {
            DeltaItem::Changed(user) => println!("changed {:?}", user.display_name),
            DeltaItem::Removed(removed) => println!("removed {:?} ({:?})", removed.id(), removed.reason()),
            _ => println!("another change"),
        }
    }
    // Serialises as the URL: store it (a file, a database) and resume from it next time.
    Ok(round.delta_link)
}

/// Every user, one at a time: one page in memory (`items`), or one user (`for_each_item`).
async fn count_users(client: &Client) -> Result<(usize, usize), Error> {
    let users = client.root().entity_set::<User>("users");
    let streamed = client.items(&users, &Query::new()).try_fold(0, |n, _user| async move { Ok(n + 1) }).await?;
    let mut called = 0;
    client.for_each_item(&users, &Query::new(), |_user| called += 1).await?;
    Ok((streamed, called))
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let token = std::env::var("GRAPH_TOKEN").map_err(|_| "set GRAPH_TOKEN to a Graph access token")?;
    let client = Client::builder(ServiceRoot::graph_v1()).bearer_token(token).build()?;
    let file = std::env::args().nth(1);
    let stored = match &file {
        Some(path) => std::fs::read_to_string(path).ok().map(|text| serde_json::from_str(&text)).transpose()?,
        None => None,
    };
    let link = sync_users(&client, stored).await?;
    if let Some(path) = &file {
        std::fs::write(path, serde_json::to_string(&link)?)?;
    }
    println!("{:?} users", count_users(&client).await?);
    Ok(())
}
