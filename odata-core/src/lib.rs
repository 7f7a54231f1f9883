//! OData v4 for Rust: describe resources as plain structs, derive the rest.
//!
//! Add `#[derive(ODataEntity)]`, `#[derive(ODataComplex)]` or `#[derive(ODataEnum)]` to a Rust
//! type, with attributes that repeat what the service's documentation says, and get:
//!
//! - the OData JSON wire format through `serde`: camelCase names, inheritance streamed through
//!   the base part, `@odata.type` read and written, every property optional (`$select`);
//! - polymorphism: the same derive on an enum whose variants hold a type and the types derived
//!   from it (`enum AnyEndpoint { Endpoint(..), ParticipantEndpoint(..) }`) decodes each value
//!   as the type its `@odata.type` names, streaming, and keeps types the model does not know;
//! - lossless reading: unknown properties, instance annotations and enum members the model does
//!   not know are kept ([`AdditionalData`], catch-all enum variants) and written back;
//! - the model at run time, as static tables ([`ODataType::TYPE_INFO`]);
//! - decode errors that name the JSON path and the OData type.
//!
//! ```
//! use odata_core::{AdditionalData, DateTimeOffset, Navigation, ODataComplex, ODataEntity, ODataEnum, Page};
//!
//! #[derive(ODataEntity, Debug, Clone, Default, PartialEq)]
//! #[odata(type = "microsoft.graph.entity", key_property = "id", abstract)]
//! pub struct Entity {
//!     #[odata(nullable = false)]
//!     pub id: Option<String>,
//!     pub additional_data: AdditionalData,
//! }
//!
//! #[derive(ODataEnum, Debug, Clone, PartialEq)]
//! #[odata(type = "microsoft.graph.callRecords.modality")]
//! pub enum Modality {
//!     Audio,
//!     Video,
//!     /// Members added to the service later are kept here, verbatim.
//!     Other(String),
//! }
//!
//! #[derive(ODataComplex, Debug, Clone, Default, PartialEq)]
//! #[odata(type = "microsoft.graph.callRecords.failureInfo")]
//! pub struct FailureInfo {
//!     pub reason: Option<String>,
//!     pub additional_data: AdditionalData,
//! }
//!
//! #[derive(ODataEntity, Debug, Clone, Default, PartialEq)]
//! #[odata(type = "microsoft.graph.callRecords.session", base_type = "microsoft.graph.entity", key_property = "id")]
//! pub struct Session {
//!     #[odata(base)]
//!     pub entity: Entity,
//!     #[odata(nullable = false)]
//!     pub start_date_time: Option<DateTimeOffset>,
//!     pub failure_info: Option<FailureInfo>,
//!     #[odata(nullable = false)]
//!     pub modalities: Option<Vec<Modality>>,
//!     #[odata(navigation, contains_target)]
//!     pub segments: Navigation<Vec<Session>>,
//! }
//!
//! let json = r#"{
//!     "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#communications/callRecords('x')/sessions",
//!     "value": [{
//!         "id": "e523d2ed",
//!         "startDateTime": "2020-02-25T18:52:21.2169889Z",
//!         "modalities": ["audio", "holographic"],
//!         "isTest": false
//!     }]
//! }"#;
//! let page: Page<Session> = serde_json::from_str(json)?;
//! let session = &page.value[0];
//! assert_eq!(session.id.as_deref(), Some("e523d2ed")); // inherited, through Deref
//! assert_eq!(session.modalities.as_deref(), Some(&[Modality::Audio, Modality::Other("holographic".into())][..]));
//! assert_eq!(session.additional_data.property("isTest").map(|raw| raw.get()), Some("false"));
//! assert!(!session.segments.is_expanded());
//!
//! // Encoding writes back everything that was read.
//! let again: Page<Session> = serde_json::from_str(&serde_json::to_string(&page)?)?;
//! assert_eq!(again, page);
//!
//! // Decode errors name the JSON path and the OData type.
//! let bad = r#"{"value": [{"id": "x", "failureInfo": {"reason": 7}}]}"#;
//! let error = serde_json::from_str::<Page<Session>>(bad).unwrap_err().to_string();
//! assert!(error.starts_with("$.value[0].failureInfo.reason: invalid type: integer `7`, expected Edm.String (microsoft.graph.callRecords.failureInfo)"), "{error}");
//!
//! // The model, at no cost at run time.
//! use odata_core::ODataType;
//! let info = Session::TYPE_INFO;
//! assert_eq!(info.base_type.map(|b| b.qualified_name), Some("microsoft.graph.entity"));
//! assert_eq!(info.key(), ["id"]);
//! assert_eq!(info.properties[0].name, "startDateTime");
//! # Ok::<(), serde_json::Error>(())
//! ```
//!
//! # Cargo features
//!
//! - `derive` (default): re-exports the derives of `odata-derive`.
//! - `arbitrary-precision`: turns on `serde_json/arbitrary_precision` for the whole program (see
//!   that crate's caveats about `#[serde(untagged)]` and `#[serde(flatten)]`), so that the few
//!   places that still build a `serde_json::Value` keep numbers digit for digit too: the
//!   annotations of navigation properties (`segments@ns.term`), a page's control information, and
//!   the `*_value` accessors of [`AdditionalData`]. Not needed for unknown properties and
//!   instance annotations, which are kept as the JSON text that was read (numbers of any size and
//!   precision included), nor for declared `Edm.Decimal` properties, which keep their text.

mod additional;
pub mod container;
mod control;
pub mod csdl;
mod decode;
mod delta;
pub mod edm;
mod encode;
pub mod error_guide;
pub mod guide;
// What a failed derive leaves behind (`__odata_fallback!`).
mod fallback;
mod json_path;
mod model;
mod navigation;
mod page;
mod page_items;
pub mod query;
pub mod registry;
pub mod request;
mod wire;

pub use additional::{AdditionalData, TypeAnnotation, TypeAnnotationKey};
pub use container::ODataService;
pub use decode::{DecodeError, from_slice, from_str};
pub use delta::{DeltaItem, DeltaLink, LinkChange, RemovalReason, Removed};
pub use edm::{Binary, Date, DateTimeOffset, Decimal, Duration, EdmParseError, EdmType, Flags, TimeOfDay, Untyped};
pub use encode::{
    EncodeOptions, JsonWriter, ODataVersion, Payload, to_string, to_string_with, to_vec, to_vec_with, to_writer,
    to_writer_with, with_encode_options,
};
pub use model::{
    EnumMemberInfo, FacetInfo, MaxLength, MediaEntity, NavigationPropertyInfo, NavigationTarget, ODataComplex,
    ODataEntity, ODataEnum, ODataOperation, ODataStructured, ODataType, ODataTypeDefinition, OperationInfo,
    OperationKind, ParameterInfo, PropertyInfo, ReferentialConstraintInfo, ReturnInfo, Scale, Srid, TypeInfo, TypeKind,
    TypeRef,
};
pub use navigation::{Navigation, NavigationControlInfo};
pub use page::Page;
pub use page_items::{ItemsError, read_page_items};

// The derives. Each shares its name with the trait it implements, so one `use` brings both.
#[cfg(feature = "derive")]
pub use odata_derive::{
    ODataAction, ODataComplex, ODataEntity, ODataEnum, ODataFunction, ODataService, ODataTypeDefinition,
};

/// What generated code reaches, and nothing else should: not part of the public API.
#[doc(hidden)]
pub mod __private {
    pub use crate::edm::adapters::{AsEdm, EdmSeed};
    pub use crate::json_path::at_root as path_at_root;
    pub use crate::model::checks;
    pub use crate::query::path::write_json_parameter;
    pub use crate::registry::{ContainerRegistration, OperationRegistration, Registration};
    pub use crate::wire::de::{
        NavigationControl, StructuredWire, deserialize_structured, visit_navigation, visit_nothing, visit_property,
    };
    pub use crate::wire::enums::{deserialize_enum, serialize_enum};
    pub use crate::wire::place::{deserialize_structured_in, deserialize_structured_push};
    pub use crate::wire::poly::{
        DispatchedAnnotation, PolymorphicWire, SideMembers, deserialize_polymorphic, deserialize_polymorphic_in,
        finish_declared, upgrade_variant, variant_not_placed, visit_variant_in,
    };
    pub use crate::wire::ser::{
        Nulls, serialize_navigation, serialize_property, serialize_structured, serialize_variant,
    };
    pub use inventory;
    pub use serde;
    pub use serde_json::value::RawValue;

    pub use crate::additional::TypeAnnotation;
    pub use core::default::Default;
    pub use core::ops::{Deref, DerefMut};
    pub use core::option::Option::{self, None, Some};
    pub use core::result::Result::{self, Err, Ok};
    pub use std::string::String;
}
