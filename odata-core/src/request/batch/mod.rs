//! JSON batch requests and responses (OData JSON Format v4.01, section 19): many requests in one
//! `POST {service root}/$batch`, with dependencies (`dependsOn`, `$<id>` in a URL) and atomicity
//! groups, and the `{"responses":[...]}` document the service answers with.
//!
//! Bodies stay JSON text ([`RawJson`]) from the moment they are encoded until they are read as
//! their type, so an `Edm.Decimal` or a large `Edm.Int64` keeps every digit both ways.
//!
//! ```
//! use odata_core::request::{BatchItem, BatchRequest, BatchResponse};
//! use serde_json::json;
//!
//! let mut batch = BatchRequest::new("https://example.com/odata");
//! let created = batch.add(BatchItem::post("People", json!({"name": "Ann"})));
//! batch.add(BatchItem::get(format!("${created}/Friends")));
//! let http = batch.to_http()?;
//! assert_eq!(http.uri(), "https://example.com/odata/$batch");
//!
//! // ... send `http` with any client, then:
//! let body = br#"{"responses":[{"id":"2","status":200,"body":{"value":[]}},
//!     {"id":"1","status":201,"body":{"id":"7","name":"Ann","balance":12345678901234567890.01}}]}"#;
//! let response = BatchResponse::parse(body)?;
//! let person = response.get(&created).expect("answered");
//! assert_eq!(person.body.as_ref().map(|b| b.get()), Some(r#"{"id":"7","name":"Ann","balance":12345678901234567890.01}"#));
//! #[derive(serde::Deserialize)]
//! struct Person { name: String, balance: odata_core::Decimal }
//! let person: Person = person.read()?;
//! assert_eq!((person.name.as_str(), person.balance.as_str()), ("Ann", "12345678901234567890.01"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! A typed write goes in with its method, URL, preconditions and exact body:
//! `batch.add(BatchItem::from_write(&WriteRequest::create(&people, &person, version)?)?)`.

mod body;
mod encode;
mod error;
mod item;
mod request;
mod response;
#[cfg(test)]
mod tests;

pub use body::RawJson;
pub use error::BatchError;
pub use item::BatchItem;
pub use request::BatchRequest;
pub use response::{BatchItemResponse, BatchResponse};
