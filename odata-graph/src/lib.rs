//! Microsoft Graph models, built with odata-core's derives.
//!
//! Every type is a plain Rust struct or enum whose attributes repeat what the Graph docs say
//! about it; decoding keeps whatever the model does not know (unknown properties, instance
//! annotations, enum members added later), so decoding and re-encoding a Graph response loses
//! nothing.
//!
//! ```
//! use odata_graph::call_records::{Modality, Session};
//! use odata_core::Page;
//!
//! let json = r#"{
//!   "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#communications/callRecords('e523d2ed')/sessions",
//!   "value": [{
//!     "id": "e523d2ed-2966-4b6b-925b-754a88034cc5",
//!     "modalities": ["audio"],
//!     "startDateTime": "2020-02-25T18:52:21.2169889Z",
//!     "endDateTime": "2020-02-25T18:52:46.7640013Z"
//!   }]
//! }"#;
//! let page: Page<Session> = serde_json::from_str(json)?;
//! let session = &page.value[0];
//! assert_eq!(session.modalities.as_deref(), Some(&[Modality::Audio][..]));
//! assert_eq!(session.id.as_deref(), Some("e523d2ed-2966-4b6b-925b-754a88034cc5"));
//! # Ok::<(), serde_json::Error>(())
//! ```

// A polymorphic enum is as large as its largest variant; boxing the variants would cost an
// allocation per decoded value, which the decoder's allocation budget does not allow.
#![allow(clippy::large_enum_variant)]

pub mod call_records;
pub mod directory;
mod identity;

use odata_core::{AdditionalData, ODataEntity};

/// The metadata document (CSDL) of the call records model: `microsoft.graph.callRecords` and the
/// `microsoft.graph` types it uses, with the bound functions. (The [`directory`] types, also in
/// `microsoft.graph`, are not part of it: `Document::builder().add_type::<directory::User>()`
/// and so on describe them.)
pub fn metadata() -> odata_core::csdl::Document {
    // The identity types by name: some are reachable only through a polymorphic holder.
    odata_core::csdl::Document::builder()
        .add_type::<Entity>()
        .add_type::<Identity>()
        .add_type::<UserIdentity>()
        .add_type::<IdentitySet>()
        .add_type::<CommunicationsIdentitySet>()
        .add_type::<EndpointType>()
        .add_namespace("microsoft.graph.callRecords")
        .build()
}

pub use identity::{
    AnyIdentity, AnyIdentitySet, CommunicationsIdentitySet, EndpointType, Identity, IdentitySet, UserIdentity,
};

/// The base of every Graph entity type (`microsoft.graph.entity`): it holds the `id` key, and, for
/// every derived type, the unknown properties and instance annotations (`@odata.etag`, ...).
#[derive(ODataEntity, Debug, Clone, Default, PartialEq)]
#[odata(type = "microsoft.graph.entity", key_property = "id", abstract)]
pub struct Entity {
    /// The unique identifier for an entity. Read-only.
    #[odata(nullable = false)]
    pub id: Option<String>,
    /// Unknown properties and instance annotations, kept to be written back.
    pub additional_data: AdditionalData,
}
