//! A daemon signed in to Microsoft Graph as an application (OAuth 2.0 client credentials, a
//! cached token refreshed before it expires): the README's "Sign-in" example.
//!
//! `TENANT=contoso.onmicrosoft.com CLIENT_ID=... CLIENT_SECRET=... cargo run -p odata-client
//! --features client-credentials --example signin` (an application with User.Read.All).
//! `tests/readme.rs` checks that the README shows this code.

use odata_client::{Client, ClientCredentials, Error, SignInError};
use odata_core::query::{Query, ServiceRoot};
use odata_graph::directory::User;

async fn count_users(tenant: &str, client_id: &str, secret: String) -> Result<u64, Error> {
    // The tenant's token endpoint on login.microsoftonline.com, the scope Graph's `.default`.
    // The token is reused until 5 minutes before it expires; concurrent requests share one
    // refresh, and a 401 from Graph makes the client sign in again and resend the request once.
    let credentials = ClientCredentials::microsoft_graph(tenant, client_id).client_secret(secret).build()?;
    let client = Client::builder(ServiceRoot::graph_v1()).auth(credentials).build()?;
    let users = client.root().entity_set::<User>("users");
    let result = client.with_header("ConsistencyLevel", "eventual")?.count(&users, &Query::new()).await;
    // A refused sign-in is typed: the endpoint's `error`, its description with the AADSTS code.
    if let Some(refused) = result.as_ref().err().and_then(Error::sign_in).and_then(SignInError::oauth_error) {
        eprintln!("sign-in refused: {} ({})", refused.error, refused.aadsts().unwrap_or("no AADSTS code"));
    }
    result
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let variable = |name: &str| std::env::var(name).map_err(|_| format!("set {name}"));
    let users = count_users(&variable("TENANT")?, &variable("CLIENT_ID")?, variable("CLIENT_SECRET")?).await?;
    println!("{users} users");
    Ok(())
}
