//! An async OData v4 client for `odata-core`'s typed resources and queries: `reqwest` over
//! rustls, a bearer-token hook for Microsoft Graph, timeouts, and paging that follows
//! `@odata.nextLink` to the end as a stream of items.
//!
//! ```no_run
//! use odata_client::Client;
//! use odata_core::query::{Query, ServiceRoot};
//! use odata_graph::call_records::{CallRecord, Modality, Session};
//!
//! # async fn run() -> Result<(), odata_client::Error> {
//! let client = Client::builder(ServiceRoot::graph_v1()).bearer_token("eyJ0...").max_page_size(60).build()?;
//! let sessions = client.root().entity_set::<CallRecord>("communications/callRecords")
//!     .key("e523d2ed-2966-4b6b-925b-754a88034cc5")
//!     .navigate(CallRecord::SESSIONS);
//! let query = Query::<Session>::new().filter(Session::MODALITIES.any(|m| m.eq(Modality::Audio)));
//! let mut pages = client.pages(&sessions, &query);
//! while let Some(page) = pages.next_page().await {
//!     for session in &page?.value {
//!         println!("{:?} {:?}", session.id, session.start_date_time);
//!     }
//! }
//! # Ok(()) }
//! ```
//!
//! [`Pages::items`] gives the items of every page as one `Stream` (pin it with
//! `std::pin::pin!` to call `try_next`), and [`Pages::collect_all`] collects them.
//!
//! For production ([`ClientBuilder`]): throttled and failed reads are retried after
//! `Retry-After` or a backoff with jitter ([`RetryPolicy`]; writes only when allowed), every
//! request and page is a `tracing` span, bodies are limited in size while they stream in,
//! [`Client::batch_all`] splits a `$batch` at the service's limit ([`GRAPH_BATCH_LIMIT`]), and
//! the TLS configuration is the client's own: building a client changes no global state.
//!
//! Sign-in: the `client-credentials` feature adds `ClientCredentials`, a [`TokenProvider`] for
//! the OAuth 2.0 client credentials grant (Microsoft identity platform for Graph, or any token
//! endpoint) with a token cache refreshed before expiry; a `401` from the service makes the
//! client sign in again and send the request once more.

mod auth;
mod batch;
mod client;
mod delta;
mod error;
mod page_stream;
mod paging;
mod retry;
mod stream;
mod transport;

#[cfg(feature = "client-credentials")]
pub use auth::{ClientCredentials, ClientCredentialsBuilder, OAuthError, SignInError};
pub use auth::{StaticToken, TokenFuture, TokenProvider};
pub use batch::GRAPH_BATCH_LIMIT;
pub use client::{Client, ClientBuilder};
pub use delta::DeltaRound;
pub use error::{BoxError, Error};
pub use paging::Pages;
pub use retry::RetryPolicy;

/// The `http` crate the client's signatures use (headers, methods, requests), so that callers
/// need no dependency of their own.
pub use http;
