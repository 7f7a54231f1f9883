//! A guided tour, from a Graph docs page to typed requests and their errors.
//!
//! This module holds no code: it is documentation whose examples are compiled and run by
//! `cargo test --doc`, so they cannot go stale. Each example is complete (types declared in an
//! earlier section are repeated, hidden); the shapes are Microsoft Graph's
//! (`microsoft.graph.callRecords`, `microsoft.graph.user`), and the JSON of sections 1 to 3 is cut
//! from real responses of the Graph docs (`tests/fixtures/graph` and
//! `tests/fixtures/graph-directory` in the repository); the others are written in their shape. Every attribute of every derive is listed, with
//! its CSDL meaning, on the derive's own page: [`ODataEntity`](crate::ODataEntity),
//! [`ODataComplex`](crate::ODataComplex), [`ODataEnum`](crate::ODataEnum),
//! [`ODataTypeDefinition`](crate::ODataTypeDefinition), [`ODataFunction`](crate::ODataFunction),
//! [`ODataAction`](crate::ODataAction) and [`ODataService`](crate::ODataService).
//!
//! 1. [Modelling a resource](#1-modelling-a-resource)
//! 2. [Inheritance](#2-inheritance)
//! 3. [Polymorphic holders](#3-polymorphic-holders)
//! 4. [Enumerations](#4-enumerations)
//! 5. [Navigation and queries](#5-navigation-and-queries)
//! 6. [Writes](#6-writes)
//! 7. [Entity containers and typed keys](#7-entity-containers-and-typed-keys)
//! 8. [Errors](#8-errors)
//! 9. [The remaining attributes](#9-the-remaining-attributes)
//!
//! # 1. Modelling a resource
//!
//! Each Graph docs page of a resource starts with an annotation block (hidden in the rendered
//! page, visible in its markdown source), and its properties table says which properties are
//! read-only or never null:
//!
//! ```text
//! <!-- {
//!   "blockType": "resource",
//!   "@odata.type": "microsoft.graph.callRecords.callRecord",
//!   "baseType": "microsoft.graph.entity",
//!   "keyProperty": "id",
//!   "openType": false
//! }-->
//! ```
//!
//! The block becomes the type's attribute, one key each (`type`, `base_type`, `key_property`,
//! and `open_type` when it says `true`); the table becomes the fields. A field is an
//! `Option<T>` whatever the docs say, because `$select` may leave any property out;
//! `nullable = false` records the CSDL `Nullable="false"` for the metadata. The field name is the
//! property name in snake_case (`start_date_time` is `startDateTime` on the wire); `rename` is for
//! names that do not convert back (`reflexiveIPAddress`), and a property named `type` is the
//! raw identifier `r#type`. A field of type [`AdditionalData`](crate::AdditionalData) keeps
//! whatever the model does not declare (unknown properties, instance annotations) so it is
//! written back.
//!
//! ```
//! use odata_core::{AdditionalData, DateTimeOffset, ODataEntity, ODataEnum, ODataType};
//!
//! #[derive(ODataEntity, Debug, Clone, Default, PartialEq)]
//! #[odata(type = "microsoft.graph.entity", key_property = "id", abstract)]
//! pub struct Entity {
//!     #[odata(nullable = false, read_only)]
//!     pub id: Option<String>,
//!     pub additional_data: AdditionalData,
//! }
//!
//! #[derive(ODataEnum, Debug, Clone, PartialEq)]
//! #[odata(type = "microsoft.graph.callRecords.callType")]
//! pub enum CallType {
//!     Unknown,
//!     GroupCall,
//!     PeerToPeer,
//!     UnknownFutureValue,
//!     Other(String),
//! }
//!
//! #[derive(ODataEntity, Debug, Clone, Default, PartialEq)]
//! #[odata(type = "microsoft.graph.callRecords.callRecord", base_type = "microsoft.graph.entity", key_property = "id")]
//! pub struct CallRecord {
//!     #[odata(base)]
//!     pub entity: Entity,
//!     #[odata(nullable = false)]
//!     pub version: Option<i64>,
//!     pub r#type: Option<CallType>,
//!     #[odata(nullable = false)]
//!     pub start_date_time: Option<DateTimeOffset>,
//!     pub join_web_url: Option<String>,
//! }
//!
//! // An excerpt of the docs' "Get callRecord" response.
//! let json = r#"{
//!     "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#communications/callRecords/$entity",
//!     "version": 1,
//!     "type": "peerToPeer",
//!     "modalities": ["audio"],
//!     "startDateTime": "2020-02-25T18:52:21.2169889Z",
//!     "id": "e523d2ed-2966-4b6b-925b-754a88034cc5"
//! }"#;
//! let record: CallRecord = serde_json::from_str(json)?;
//! assert_eq!(record.r#type, Some(CallType::PeerToPeer));
//! assert_eq!(record.id.as_deref(), Some("e523d2ed-2966-4b6b-925b-754a88034cc5")); // through Deref
//! assert_eq!(record.join_web_url, None); // absent (the service did not send it)
//! // Not declared here: kept, in the base part's `AdditionalData`, and written back.
//! assert_eq!(record.additional_data.property("modalities").map(|raw| raw.get()), Some(r#"["audio"]"#));
//!
//! // The metadata the attributes declare, at run time.
//! let info = CallRecord::TYPE_INFO;
//! assert_eq!(info.qualified_name, "microsoft.graph.callRecords.callRecord");
//! assert_eq!(info.key(), ["id"]);
//! assert_eq!(info.properties[1].name, "type");
//! assert!(!info.properties[0].nullable);
//! # Ok::<(), serde_json::Error>(())
//! ```
//!
//! # 2. Inheritance
//!
//! `base_type` names the type this one derives from, and exactly one field marked
//! `#[odata(base)]` holds the inherited part (a struct of the base type, itself derived). The
//! properties of both are read and written in line, with no `#[serde(flatten)]` and no
//! buffering; the derive also implements `Deref`/`DerefMut` to the base part, so inherited
//! properties read as if they were the type's own (`record.id`), and the constants of the base
//! type (`Entity::ID`) are accepted wherever the derived type's are. An abstract base
//! (`abstract`) is still a struct: its instances are the base parts of derived values.
//!
//! ```
//! # use odata_core::{AdditionalData, ODataEntity, ODataType};
//! # #[derive(ODataEntity, Debug, Clone, Default, PartialEq)]
//! # #[odata(type = "microsoft.graph.entity", key_property = "id", abstract)]
//! # pub struct Entity {
//! #     #[odata(nullable = false, read_only)]
//! #     pub id: Option<String>,
//! #     pub additional_data: AdditionalData,
//! # }
//! #[derive(ODataEntity, Debug, Clone, Default, PartialEq)]
//! #[odata(type = "microsoft.graph.directoryObject", base_type = "microsoft.graph.entity", key_property = "id")]
//! pub struct DirectoryObject {
//!     #[odata(base)]
//!     pub entity: Entity,
//!     pub deleted_date_time: Option<odata_core::DateTimeOffset>,
//! }
//!
//! #[derive(ODataEntity, Debug, Clone, Default, PartialEq)]
//! #[odata(type = "microsoft.graph.user", base_type = "microsoft.graph.directoryObject", key_property = "id")]
//! pub struct User {
//!     #[odata(base)]
//!     pub directory_object: DirectoryObject,
//!     pub account_enabled: Option<bool>,
//!     pub display_name: Option<String>,
//!     pub user_principal_name: Option<String>,
//! }
//!
//! let megan: User = serde_json::from_str(r##"{
//!     "@odata.type": "#microsoft.graph.user",
//!     "id": "f0206b06-7c5d-461c-ae24-08f68b7ef463",
//!     "accountEnabled": true,
//!     "displayName": "Megan Bowen",
//!     "userPrincipalName": "MeganB@contoso.com"
//! }"##)?;
//! assert_eq!(megan.id.as_deref(), Some("f0206b06-7c5d-461c-ae24-08f68b7ef463")); // two levels up
//! assert_eq!(User::TYPE_INFO.base_type.map(|b| b.qualified_name), Some("microsoft.graph.directoryObject"));
//! // Written back with its `@odata.type` first, then the inherited properties.
//! assert!(serde_json::to_string(&megan)?.starts_with(r##"{"@odata.type":"#microsoft.graph.user","id":"f0206b06"##));
//! # Ok::<(), serde_json::Error>(())
//! ```
//!
//! # 3. Polymorphic holders
//!
//! A property declared with one type may hold any type derived from it: Graph's
//! `callRecords.endpoint` property holds a `participantEndpoint` or a `serviceEndpoint`, a
//! group's `owners` are users, service principals, devices... Give such a property an *enum*
//! whose variants each hold one type, the declared type first, and put the same derive on it
//! (`ODataComplex` for complex types, `ODataEntity` for entity types) with only `type`, the
//! declared type's name. `@odata.type` picks the variant; a value without one, or of a type the
//! model does not know, is the first variant (keeping its type name and its unknown properties).
//! The enum derefs to the declared type's part, so the common properties need no `match`.
//!
//! Complex types:
//!
//! ```
//! use odata_core::{AdditionalData, ODataComplex};
//!
//! #[derive(ODataComplex, Debug, Clone, Default, PartialEq)]
//! #[odata(type = "microsoft.graph.callRecords.userAgent")]
//! pub struct UserAgent {
//!     pub header_value: Option<String>,
//!     pub application_version: Option<String>,
//! }
//!
//! #[derive(ODataComplex, Debug, Clone, Default, PartialEq)]
//! #[odata(type = "microsoft.graph.callRecords.endpoint")]
//! pub struct Endpoint {
//!     pub user_agent: Option<UserAgent>,
//!     pub additional_data: AdditionalData,
//! }
//!
//! #[derive(ODataComplex, Debug, Clone, Default, PartialEq)]
//! #[odata(type = "microsoft.graph.callRecords.serviceEndpoint", base_type = "microsoft.graph.callRecords.endpoint")]
//! pub struct ServiceEndpoint {
//!     #[odata(base)]
//!     pub endpoint: Endpoint,
//! }
//!
//! #[derive(ODataComplex, Debug, Clone, Default, PartialEq)]
//! #[odata(type = "microsoft.graph.callRecords.participantEndpoint", base_type = "microsoft.graph.callRecords.endpoint")]
//! pub struct ParticipantEndpoint {
//!     #[odata(base)]
//!     pub endpoint: Endpoint,
//!     pub cpu_name: Option<String>,
//!     pub cpu_cores_count: Option<i32>,
//! }
//!
//! #[derive(ODataComplex, Debug, Clone, PartialEq)]
//! #[odata(type = "microsoft.graph.callRecords.endpoint")]
//! pub enum AnyEndpoint {
//!     Endpoint(Endpoint), // the declared type, and derived types the model does not know
//!     ParticipantEndpoint(ParticipantEndpoint),
//!     ServiceEndpoint(Box<ServiceEndpoint>), // a large, rare variant may be boxed
//! }
//!
//! #[derive(ODataComplex, Debug, Clone, Default, PartialEq)]
//! #[odata(type = "microsoft.graph.callRecords.segment")]
//! pub struct Segment {
//!     pub caller: Option<AnyEndpoint>,
//!     pub callee: Option<AnyEndpoint>,
//! }
//!
//! // An excerpt of the first session of the docs' "List sessions" response.
//! let session: Segment = serde_json::from_str(r##"{
//!     "caller": {
//!         "@odata.type": "#microsoft.graph.callRecords.participantEndpoint",
//!         "name": "machineName_1",
//!         "cpuName": "AMD EPYC 7452 32-Core Processor",
//!         "cpuCoresCount": 8,
//!         "userAgent": {
//!             "@odata.type": "#microsoft.graph.callRecords.clientUserAgent",
//!             "headerValue": "RTCC/7.0.0.0 UCWA/7.0.0.0 AndroidLync/6.25.0.27 (SM-G930U Android 8.0.0)"
//!         }
//!     },
//!     "callee": {
//!         "userAgent": {"headerValue": "UCCAPI/16.0.12527.20122 OC/16.0.12527.20194 (Skype for Business)"}
//!     }
//! }"##)?;
//! match &session.caller {
//!     Some(AnyEndpoint::ParticipantEndpoint(p)) => assert_eq!(p.cpu_cores_count, Some(8)),
//!     other => panic!("{other:?}"),
//! }
//! // Without `@odata.type`, a value is of the declared type; Deref reaches the declared type's
//! // part whatever the variant.
//! let callee = session.callee.as_ref().unwrap();
//! assert!(matches!(callee, AnyEndpoint::Endpoint(_)));
//! assert!(callee.user_agent.as_ref().unwrap().header_value.as_deref().unwrap().starts_with("UCCAPI"));
//! // A derived type this model does not know (a made-up name here) decodes as the declared
//! // type and keeps its name and data.
//! let unknown: AnyEndpoint = serde_json::from_str(r##"{"@odata.type": "#microsoft.graph.callRecords.futureEndpoint", "x": 1}"##)?;
//! assert!(matches!(unknown, AnyEndpoint::Endpoint(_)));
//! assert_eq!(serde_json::to_string(&unknown)?, r##"{"@odata.type":"#microsoft.graph.callRecords.futureEndpoint","x":1}"##);
//! # Ok::<(), serde_json::Error>(())
//! ```
//!
//! Entity types, such as the members of a group (a collection of `microsoft.graph.directoryObject`):
//! the holder takes `ODataEntity`, and is the target of a navigation property
//! (`Navigation<Vec<AnyDirectoryObject>>`) or the item of a [`Page`](crate::Page).
//!
//! ```
//! # use odata_core::{AdditionalData, ODataEntity};
//! # #[derive(ODataEntity, Debug, Clone, Default, PartialEq)]
//! # #[odata(type = "microsoft.graph.entity", key_property = "id", abstract)]
//! # pub struct Entity {
//! #     #[odata(nullable = false, read_only)]
//! #     pub id: Option<String>,
//! #     pub additional_data: AdditionalData,
//! # }
//! # #[derive(ODataEntity, Debug, Clone, Default, PartialEq)]
//! # #[odata(type = "microsoft.graph.directoryObject", base_type = "microsoft.graph.entity", key_property = "id")]
//! # pub struct DirectoryObject {
//! #     #[odata(base)]
//! #     pub entity: Entity,
//! # }
//! # #[derive(ODataEntity, Debug, Clone, Default, PartialEq)]
//! # #[odata(type = "microsoft.graph.user", base_type = "microsoft.graph.directoryObject", key_property = "id")]
//! # pub struct User {
//! #     #[odata(base)]
//! #     pub directory_object: DirectoryObject,
//! #     pub display_name: Option<String>,
//! # }
//! #[derive(ODataEntity, Debug, Clone, Default, PartialEq)]
//! #[odata(type = "microsoft.graph.group", base_type = "microsoft.graph.directoryObject", key_property = "id")]
//! pub struct Group {
//!     #[odata(base)]
//!     pub directory_object: DirectoryObject,
//!     pub display_name: Option<String>,
//!     pub security_enabled: Option<bool>,
//! }
//!
//! #[derive(ODataEntity, Debug, Clone, PartialEq)]
//! #[odata(type = "microsoft.graph.directoryObject")]
//! pub enum AnyDirectoryObject {
//!     DirectoryObject(DirectoryObject),
//!     Group(Group),
//!     User(User),
//! }
//!
//! // The docs' "List memberOf" response, then an excerpt of "List group owners".
//! let member_of: odata_core::Page<AnyDirectoryObject> = serde_json::from_str(r##"{"value": [
//!     {"@odata.type": "#microsoft.graph.group", "displayName": "All Users", "mailEnabled": false, "securityEnabled": true}
//! ]}"##)?;
//! assert!(matches!(&member_of.value[0], AnyDirectoryObject::Group(g) if g.security_enabled == Some(true)));
//! let owners: odata_core::Page<AnyDirectoryObject> = serde_json::from_str(r##"{
//!     "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#directoryObjects",
//!     "value": [
//!         {"@odata.type": "#microsoft.graph.user", "id": "f0206b06-7c5d-461c-ae24-08f68b7ef463",
//!          "accountEnabled": true, "displayName": "Megan Bowen", "userPrincipalName": "MeganB@contoso.com"}
//!     ]
//! }"##)?;
//! assert!(matches!(&owners.value[0], AnyDirectoryObject::User(u) if u.display_name.as_deref() == Some("Megan Bowen")));
//! assert_eq!(owners.value[0].id.as_deref(), Some("f0206b06-7c5d-461c-ae24-08f68b7ef463")); // Deref
//! # Ok::<(), serde_json::Error>(())
//! ```
//!
//! A variant whose type does not derive from the declared type, a holder of complex types under
//! `ODataEntity` (or the reverse), and an entity holder used as a structural property do not
//! compile, each with a message saying what to write.
//!
//! # 4. Enumerations
//!
//! An enumeration type is a Rust enum of unit variants; each is a member named after the variant
//! with a lowercase first letter (`PeerToPeer` is `peerToPeer`; `rename` otherwise) whose value
//! is the previous member's plus one, starting at 0 (`value` otherwise, negative values
//! included). One variant holding a `String` is the catch-all: it receives members the model
//! does not know (Graph adds members after `unknownFutureValue`) and writes them back verbatim.
//! `underlying_type` declares an integer type narrower or wider than `Edm.Int32`; every value
//! must fit in it.
//!
//! A service enumeration that already has a member named `other` (Graph's `phoneType`) keeps
//! its unit variant `Other`; name the catch-all anything else (`odata-codegen` writes `Other_`).
//! The catch-all is recognised by holding a `String`, not by its name.
//!
//! ```
//! use odata_core::{Flags, ODataComplex, ODataEnum, ODataType};
//!
//! #[derive(ODataEnum, Debug, Clone, PartialEq)]
//! #[odata(type = "microsoft.graph.phoneType")]
//! pub enum PhoneType {
//!     Home,
//!     Business,
//!     Mobile,
//!     Other, // the service's own member `other` (value 3)
//!     Assistant,
//!     HomeFax,
//!     BusinessFax,
//!     OtherFax,
//!     Pager,
//!     Radio,
//!     Unrecognized(String), // members added later
//! }
//!
//! #[derive(ODataEnum, Debug, Clone, PartialEq)]
//! #[odata(type = "sample.offset", underlying_type = "Edm.SByte")]
//! pub enum Offset {
//!     #[odata(value = -1)]
//!     Below,
//!     Level, // 0: one more than the previous
//!     #[odata(rename = "up", value = 10)]
//!     Above,
//! }
//!
//! // Flags: every member has an explicit value; properties use `Flags<TheEnum>`.
//! #[derive(ODataEnum, Debug, Clone, PartialEq)]
//! #[odata(type = "sample.permission", flags)]
//! pub enum Permission {
//!     #[odata(value = 1)]
//!     Read,
//!     #[odata(value = 2)]
//!     Write,
//!     #[odata(value = 4)]
//!     Delete,
//!     Other(String),
//! }
//!
//! #[derive(ODataComplex, Debug, Clone, Default, PartialEq)]
//! #[odata(type = "microsoft.graph.phone")]
//! pub struct Phone {
//!     pub number: Option<String>,
//!     pub r#type: Option<PhoneType>,
//!     pub offset: Option<Offset>,
//!     pub permissions: Option<Flags<Permission>>,
//! }
//!
//! let phone: Phone = serde_json::from_str(r#"{"number": "+1 425 555 0109", "type": "other"}"#)?;
//! assert_eq!(phone.r#type, Some(PhoneType::Other));
//! let later: Phone = serde_json::from_str(r#"{"type": "satellite"}"#)?;
//! assert_eq!(later.r#type, Some(PhoneType::Unrecognized("satellite".into())));
//! assert_eq!(serde_json::to_string(&later)?, r#"{"type":"satellite"}"#);
//!
//! // Members by name or by value, negative ones included.
//! let by_value: Phone = serde_json::from_str(r#"{"offset": "-1"}"#)?;
//! assert_eq!(by_value.offset, Some(Offset::Below));
//! assert_eq!(Offset::Above.member_value(), Some(10));
//! assert_eq!(Offset::TYPE_INFO.members[1].value, 0);
//!
//! let flags: Phone = serde_json::from_str(r#"{"permissions": "read,delete,archive"}"#)?;
//! let permissions = flags.permissions.as_ref().unwrap();
//! assert!(permissions.contains(&Permission::Delete) && !permissions.contains(&Permission::Write));
//! assert!(permissions.contains(&Permission::Other("archive".into())));
//! assert_eq!(permissions.to_string(), "read,delete,archive");
//! # Ok::<(), serde_json::Error>(())
//! ```
//!
//! # 5. Navigation and queries
//!
//! A navigation property is a field marked `#[odata(navigation)]` of type
//! [`Navigation<T>`](crate::Navigation) (to one) or `Navigation<Vec<T>>` (to many), plus
//! `contains_target` when the service says `ContainsTarget="true"` (Graph's `sessions` of a call
//! record). It is empty until a request expands it; then it holds the entities and their own
//! control information (`sessions@odata.nextLink`, `@odata.count`).
//!
//! The derives give every property a constant named after the field in upper case:
//! `CallRecord::START_DATE_TIME`, `CallRecord::SESSIONS`, and `CallRecord::TYPE` for the field
//! `r#type`. Inherited properties are the base type's constants (`Entity::ID`). Queries take the
//! constants, so a misspelled property, an `$expand` of a structural property or a literal of
//! the wrong type does not compile:
//!
//! - `select`, `filter`, `order_by` / `order_by_desc`, `top`, `skip`, `count`, `search`, and
//!   `raw` for anything else;
//! - `expand(CallRecord::SESSIONS)`, or `expand_with(CallRecord::SESSIONS, |sessions| ...)`,
//!   whose closure receives the nested query of the navigation's target type (here
//!   `Query<Session>`) and returns it with its own options;
//! - `.then(..)` continues a path into a complex property (`failureInfo/reason`), for
//!   `$select`, `$filter` and `$orderby` alike.
//!
//! ```
//! # use odata_core::{AdditionalData, DateTimeOffset, ODataComplex, ODataEntity, ODataEnum};
//! # #[derive(ODataEntity, Debug, Clone, Default, PartialEq)]
//! # #[odata(type = "microsoft.graph.entity", key_property = "id", abstract)]
//! # pub struct Entity {
//! #     #[odata(nullable = false, read_only)]
//! #     pub id: Option<String>,
//! #     pub additional_data: AdditionalData,
//! # }
//! # #[derive(ODataEnum, Debug, Clone, PartialEq)]
//! # #[odata(type = "microsoft.graph.callRecords.callType")]
//! # pub enum CallType { Unknown, GroupCall, PeerToPeer, UnknownFutureValue, Other(String) }
//! use odata_core::query::{Query, ServiceRoot};
//!
//! #[derive(ODataComplex, Debug, Clone, Default, PartialEq)]
//! #[odata(type = "microsoft.graph.callRecords.failureInfo")]
//! pub struct FailureInfo {
//!     pub reason: Option<String>,
//! }
//!
//! #[derive(ODataEntity, Debug, Clone, Default, PartialEq)]
//! #[odata(type = "microsoft.graph.callRecords.segment", base_type = "microsoft.graph.entity", key_property = "id")]
//! pub struct Segment {
//!     #[odata(base)]
//!     pub entity: Entity,
//!     pub start_date_time: Option<DateTimeOffset>,
//! }
//!
//! #[derive(ODataEntity, Debug, Clone, Default, PartialEq)]
//! #[odata(type = "microsoft.graph.callRecords.session", base_type = "microsoft.graph.entity", key_property = "id")]
//! pub struct Session {
//!     #[odata(base)]
//!     pub entity: Entity,
//!     pub start_date_time: Option<DateTimeOffset>,
//!     pub failure_info: Option<FailureInfo>,
//!     #[odata(navigation, contains_target)]
//!     pub segments: odata_core::Navigation<Vec<Segment>>,
//! }
//!
//! #[derive(ODataEntity, Debug, Clone, Default, PartialEq)]
//! #[odata(type = "microsoft.graph.callRecords.callRecord", base_type = "microsoft.graph.entity", key_property = "id")]
//! pub struct CallRecord {
//!     #[odata(base)]
//!     pub entity: Entity,
//!     pub r#type: Option<CallType>,
//!     pub start_date_time: Option<DateTimeOffset>,
//!     #[odata(navigation, contains_target)]
//!     pub sessions: odata_core::Navigation<Vec<Session>>,
//! }
//!
//! let records = ServiceRoot::graph_v1().entity_set::<CallRecord>("communications/callRecords");
//! let record = records.key("e523d2ed-2966-4b6b-925b-754a88034cc5");
//!
//! // The docs' "Get callRecord" with `$expand=sessions($expand=segments)`.
//! let query = Query::<CallRecord>::new().expand_with(CallRecord::SESSIONS, |sessions| sessions.expand(Session::SEGMENTS));
//! assert_eq!(query.to_pairs(), [("$expand".to_owned(), "sessions($expand=segments)".to_owned())]);
//!
//! // Nested options are typed by the target: `Session`'s constants, not `CallRecord`'s.
//! let failed = Query::<CallRecord>::new()
//!     .select(CallRecord::TYPE) // the constant of the field `r#type`
//!     .expand_with(CallRecord::SESSIONS, |sessions| {
//!         sessions
//!             .select(Session::FAILURE_INFO.then(FailureInfo::REASON)) // a sub-property path
//!             .filter(Session::FAILURE_INFO.then(FailureInfo::REASON).eq("timeout"))
//!             .order_by(Session::START_DATE_TIME)
//!             .top(5)
//!     })
//!     .filter(Entity::ID.ne("x")); // an inherited property: the base type's constant
//! assert_eq!(
//!     failed.to_pairs(),
//!     [
//!         ("$select".to_owned(), "type".to_owned()),
//!         ("$expand".to_owned(),
//!          "sessions($select=failureInfo/reason;$filter=failureInfo/reason eq 'timeout';$orderby=startDateTime;$top=5)".to_owned()),
//!         ("$filter".to_owned(), "id ne 'x'".to_owned()),
//!     ]
//! );
//!
//! // Paths: keys, navigation, the URL of a request.
//! assert_eq!(
//!     record.clone().navigate(CallRecord::SESSIONS).url(),
//!     "https://graph.microsoft.com/v1.0/communications/callRecords/e523d2ed-2966-4b6b-925b-754a88034cc5/sessions"
//! );
//!
//! // An expanded navigation property, as the response of that request carries it.
//! let read: CallRecord = serde_json::from_str(r#"{
//!     "id": "e523d2ed-2966-4b6b-925b-754a88034cc5",
//!     "type": "peerToPeer",
//!     "sessions@odata.context": "https://graph.microsoft.com/v1.0/$metadata#communications/callRecords('e523d2ed-2966-4b6b-925b-754a88034cc5')/sessions(segments())",
//!     "sessions": [{"id": "e523d2ed-2966-4b6b-925b-754a88034cc5", "segments": [{"id": "e523d2ed-2966-4b6b-925b-754a88034cc5"}]}]
//! }"#)?;
//! assert!(read.sessions.is_expanded());
//! assert_eq!(read.sessions.iter().flat_map(|s| s.segments.iter()).count(), 1);
//! assert!(read.sessions.context().is_some());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! [`query`](crate::query) lists the filter functions (`contains`, `any`/`all`, `has`, `is_of`,
//! arithmetic), casts (`.cast::<Derived, _>()`), bound functions (`.call(&function)`) and
//! `$count`; [`request::ReadRequest`](crate::request::ReadRequest) turns a path and a query into
//! an `http::Request` and its response into the typed value.
//!
//! # 6. Writes
//!
//! Mark what the service computes with `read_only` (the docs' "Read-only" column,
//! `Core.Computed`): an update cannot set it. Updates send only what changed:
//! [`Changes`](crate::request::Changes) is built property by property (`set`, `clear` for an
//! explicit `null`, a `.then(..)` path for one member of a complex value) or found by
//! `Changes::diff(&before, &after)`. [`WriteRequest`](crate::request::WriteRequest) makes the
//! `http::Request` of a create, update, replace or delete, with `If-Match` from the ETag.
//!
//! Absent and `null` are different on the wire: both read as `None`, and the value's
//! `AdditionalData` records which properties were `null` so that encoding writes them back.
//! `is_null`, `set_null` and `clear_null` (trait [`ODataStructured`](crate::ODataStructured))
//! tell them apart or choose. A request body (`WriteRequest`, or
//! [`EncodeOptions`](crate::EncodeOptions) with [`Payload::Request`](crate::Payload::Request))
//! leaves out the control information only a service sends (`@odata.etag`, `@odata.context`,
//! links, counts).
//!
//! ```
//! use odata_core::query::ServiceRoot;
//! use odata_core::request::{Changes, WriteRequest};
//! use odata_core::{AdditionalData, EncodeOptions, ODataEntity, ODataStructured, ODataVersion, Payload};
//!
//! #[derive(ODataEntity, Debug, Clone, Default, PartialEq)]
//! #[odata(type = "microsoft.graph.todoTask", key_property = "id")]
//! pub struct TodoTask {
//!     #[odata(nullable = false, read_only)]
//!     pub id: Option<String>,
//!     pub title: Option<String>,
//!     pub body_last_modified_date_time: Option<odata_core::DateTimeOffset>,
//!     #[odata(read_only)]
//!     pub created_date_time: Option<odata_core::DateTimeOffset>,
//!     pub additional_data: AdditionalData,
//! }
//!
//! let read: TodoTask = serde_json::from_str(r#"{
//!     "@odata.etag": "W/\"xzyPKP0BiUGgld+lMKXwbQABnnnvUw==\"",
//!     "id": "AAkALgAAAAAAHYQDEapmEc2byACqAC-EWg0AxzyPKP0BiUGgld-lMKXwbQABnnnvUwAA",
//!     "title": "A new task",
//!     "bodyLastModifiedDateTime": null,
//!     "createdDateTime": "2020-08-18T22:49:23.4582017Z"
//! }"#)?;
//!
//! // Null and absent: `bodyLastModifiedDateTime` was sent as null, `status` not at all.
//! assert!(read.is_null(&TodoTask::BODY_LAST_MODIFIED_DATE_TIME));
//!
//! // An update: only the changed members, typed (`TodoTask::ID` or `CREATED_DATE_TIME` does not compile here).
//! let mut wanted = read.clone();
//! wanted.title = Some("Buy milk".into());
//! let changes = Changes::diff(&read, &wanted)?;
//! assert_eq!(changes.to_json()?, r#"{"title":"Buy milk"}"#);
//! assert_eq!(Changes::<TodoTask>::new().clear(TodoTask::TITLE).to_json()?, r#"{"title":null}"#);
//!
//! let tasks = ServiceRoot::graph_v1().entity_set::<TodoTask>("me/todo/lists/tasks-list/tasks");
//! let task = tasks.clone().key(read.id.clone().unwrap());
//! let patch = WriteRequest::update(&task, &changes)?.if_match_etag(read.additional_data.etag().as_deref());
//! let http = patch.to_http()?;
//! assert_eq!(http.method(), "PATCH");
//! assert_eq!(http.headers()["If-Match"], r#"W/"xzyPKP0BiUGgld+lMKXwbQABnnnvUw==""#);
//! assert_eq!(http.body(), br#"{"title":"Buy milk"}"#);
//!
//! // A create sends a request payload: no `@odata.etag`, but the explicit null stays.
//! let mut new_task = TodoTask { title: Some("Call Megan".into()), ..Default::default() };
//! assert!(new_task.set_null(&TodoTask::BODY_LAST_MODIFIED_DATE_TIME));
//! let create = WriteRequest::create(&tasks, &new_task, ODataVersion::V4_0)?;
//! assert_eq!(create.body(), Some(&br#"{"title":"Call Megan","bodyLastModifiedDateTime":null}"#[..]));
//! let as_request = odata_core::to_string_with(&read, EncodeOptions::new().payload(Payload::Request))?;
//! assert!(!as_request.contains("@odata.etag"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # 7. Entity containers and typed keys
//!
//! A service's entity container is a struct with `#[derive(ODataService)]` whose fields are its
//! entity sets, singletons and imports. Each entity set knows its entity type, so `.key(..)`
//! takes that type's key ([`ODataEntity::Key`](crate::ODataEntity::Key): the key property's Rust
//! type, a tuple for a compound key). [`container`](crate::container) walks through Northwind's;
//! here is Graph's shape, whose keys are written as path segments:
//!
//! ```
//! # use odata_core::{AdditionalData, ODataEntity};
//! # #[derive(ODataEntity, Debug, Clone, Default, PartialEq)]
//! # #[odata(type = "microsoft.graph.entity", key_property = "id", abstract)]
//! # pub struct Entity {
//! #     #[odata(nullable = false, read_only)]
//! #     pub id: Option<String>,
//! #     pub additional_data: AdditionalData,
//! # }
//! use odata_core::ODataService;
//! use odata_core::container::{EntitySet, Singleton};
//! use odata_core::query::ServiceRoot;
//!
//! #[derive(ODataEntity, Debug, Clone, Default, PartialEq)]
//! #[odata(type = "microsoft.graph.user", base_type = "microsoft.graph.entity", key_property = "id")]
//! pub struct User {
//!     #[odata(base)]
//!     pub entity: Entity,
//!     pub display_name: Option<String>,
//!     #[odata(navigation)]
//!     pub manager: odata_core::Navigation<User>,
//! }
//!
//! #[derive(ODataService, Debug, Clone)]
//! #[odata(namespace = "microsoft.graph", container = "GraphService")]
//! pub struct GraphService {
//!     #[odata(entity_set = "users", binding(path = "manager", target = "users"))]
//!     pub users: EntitySet<User>,
//!     #[odata(singleton = "me", binding(path = "manager", target = "users"))]
//!     pub me: Singleton<User>,
//! }
//!
//! let graph = GraphService::at(&ServiceRoot::graph_v1());
//! assert_eq!(graph.users.key("48d31887-5fad-4d73-a9f5-3c356e68a038".to_owned()).path(), "users/48d31887-5fad-4d73-a9f5-3c356e68a038");
//! // `graph.users.key(7)` does not compile: the key of `microsoft.graph.user` is a string.
//! assert_eq!(graph.me.resource().navigate(User::MANAGER).path(), "me/manager");
//! ```
//!
//! # 8. Errors
//!
//! Nothing panics on any input. Decoding a body fails with the JSON path, the expected Edm type
//! and the OData type that declared it; [`error_guide`](crate::error_guide) lists each kind
//! with what to do. A request's response becomes a
//! [`ResponseError`](crate::request::ResponseError): its status, `Retry-After`, Graph's
//! `request-id`, and why ([`ResponseErrorKind`](crate::request::ResponseErrorKind)): the
//! service's `{"error": ...}`, a body that did not decode (with the path), a body of the other
//! shape, or a precondition.
//!
//! ```
//! use odata_core::request::{ReadRequest, ResponseErrorKind};
//! use odata_core::query::ServiceRoot;
//! use odata_core::{AdditionalData, ODataEntity};
//!
//! #[derive(ODataEntity, Debug, Clone, Default, PartialEq)]
//! #[odata(type = "microsoft.graph.user", key_property = "id")]
//! pub struct User {
//!     pub id: Option<String>,
//!     pub account_enabled: Option<bool>,
//!     pub additional_data: AdditionalData,
//! }
//!
//! // A decode error names the path, the Edm type and the OData type.
//! let bad = r#"{"value": [{"id": "a"}, {"id": "b", "accountEnabled": "yes"}]}"#;
//! let error = serde_json::from_str::<odata_core::Page<User>>(bad).unwrap_err().to_string();
//! assert!(error.starts_with(r#"$.value[1].accountEnabled: invalid type: string "yes", expected Edm.Boolean (microsoft.graph.user)"#), "{error}");
//!
//! // A service error (Graph's body for an unknown user) keeps the status, headers and body.
//! let users = ServiceRoot::graph_v1().entity_set::<User>("users");
//! let request = ReadRequest::new(&users.key("nobody".to_owned()));
//! let response = http::Response::builder()
//!     .status(404)
//!     .header("request-id", "7d8f7e3f-7d1b-4c93-a1b4-2c5e0bfdfd63")
//!     .body(br#"{"error":{"code":"Request_ResourceNotFound","message":"Resource 'nobody' does not exist or one of its queried reference-property objects are not present.","innerError":{"date":"2024-01-01T00:00:00"}}}"#.to_vec())?;
//! let error = request.read_response(response).unwrap_err();
//! assert!(error.is_not_found() && !error.is_transient());
//! assert_eq!(error.request_id(), Some("7d8f7e3f-7d1b-4c93-a1b4-2c5e0bfdfd63"));
//! assert_eq!(error.service_error().map(|e| e.code.as_str()), Some("Request_ResourceNotFound"));
//!
//! // A success whose body does not decode is a `Decode` error with the path.
//! let response = http::Response::builder().status(200).body(br#"{"id": "x", "accountEnabled": 1}"#.to_vec())?;
//! let error = request.read_response(response).unwrap_err();
//! let ResponseErrorKind::Decode(decode) = error.kind() else { panic!("{error}") };
//! assert!(decode.to_string().starts_with("$.accountEnabled: invalid type: integer `1`, expected Edm.Boolean"), "{decode}");
//! // serde_json's own error stays inside: its category and position (the `1`, column 31).
//! assert!(decode.is_data() && !decode.is_eof());
//! assert_eq!(decode.position(), Some((1, 31)));
//! assert_eq!((decode.path(), decode.odata_type()), (Some("$.accountEnabled"), Some("microsoft.graph.user")));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # 9. The remaining attributes
//!
//! The examples of the derives' reference pages that the sections above do not run: media and
//! open entity types, keyless types, partners and referential constraints, facets, type
//! definitions, functions and actions (bound, unbound, overloads), and a container with an
//! action import. The metadata document built from them shows each attribute's CSDL.
//!
//! ```
//! use odata_core::container::{ActionImport, EntitySet, FunctionImport};
//! use odata_core::csdl::Document;
//! use odata_core::{
//!     AdditionalData, DateTimeOffset, Decimal, Navigation, ODataAction, ODataComplex, ODataEntity, ODataFunction,
//!     ODataService, ODataTypeDefinition,
//! };
//!
//! #[derive(ODataTypeDefinition, Debug, Clone, PartialEq)]
//! #[odata(type = "example.shop.money", precision = 19, scale = 4)]
//! pub struct Money(pub Decimal);
//!
//! #[derive(ODataTypeDefinition, Debug, Clone, PartialEq)]
//! #[odata(type = "example.shop.sku", max_length = 40, unicode = false)]
//! pub struct Sku(pub String);
//!
//! #[derive(ODataEntity, Debug, Default)]
//! #[odata(type = "example.shop.customer", key_property = "id")]
//! pub struct Customer {
//!     #[odata(nullable = false, max_length = 40, unicode = false)]
//!     pub id: Option<String>,
//!     #[odata(max_length = "max", default_value = "anonymous")]
//!     pub name: Option<String>,
//!     #[odata(navigation, partner = "customer")]
//!     pub orders: Navigation<Vec<Order>>,
//! }
//!
//! #[derive(ODataEntity, Debug, Default)]
//! #[odata(type = "example.shop.order", key_property = "id", has_stream, open_type)]
//! pub struct Order {
//!     #[odata(nullable = false)]
//!     pub id: Option<i32>,
//!     #[odata(nullable = false, max_length = 40, unicode = false)]
//!     pub customer_id: Option<String>,
//!     pub sku: Option<Sku>,
//!     pub total: Option<Money>,
//!     #[odata(precision = 5, scale = "variable")]
//!     pub discount: Option<Decimal>,
//!     #[odata(read_only, precision = 7)]
//!     pub created_date_time: Option<DateTimeOffset>,
//!     #[odata(rename = "reflexiveIPAddress")]
//!     pub reflexive_ip_address: Option<String>,
//!     #[odata(navigation, nullable = false, partner = "orders",
//!             referential_constraint(property = "customerId", referenced_property = "id"))]
//!     pub customer: Navigation<Customer>,
//!     pub additional_data: AdditionalData,
//! }
//!
//! #[derive(ODataEntity, Debug, Default)]
//! #[odata(type = "example.shop.settings", keyless, crate = "::odata_core")]
//! pub struct Settings {
//!     pub currency: Option<String>,
//! }
//!
//! #[derive(ODataComplex, Debug, Clone, Default, PartialEq)]
//! #[odata(type = "example.shop.address", abstract)]
//! pub struct Address {
//!     #[odata(max_length = 64)]
//!     pub street: Option<String>,
//! }
//!
//! #[derive(ODataFunction)]
//! #[odata(name = "example.shop.total", bound_to = "Order", binding_nullable = false,
//!         returns = "Money", return_nullable = false, composable)]
//! pub struct Total;
//!
//! #[derive(ODataFunction)]
//! #[odata(name = "example.shop.total", bound_to = "Vec<Order>", binding_parameter = "orders",
//!         returns = "Decimal", return_facets(precision = 19, scale = 4))]
//! pub struct TotalOfOrders {
//!     #[odata(nullable = false, precision = 3)]
//!     pub since: DateTimeOffset,
//! }
//!
//! #[derive(ODataFunction)]
//! #[odata(name = "example.shop.bestSellers", returns = "Vec<Order>")]
//! pub struct BestSellers {
//!     #[odata(rename = "top")]
//!     pub count: i32,
//! }
//!
//! #[derive(ODataAction, Debug)]
//! #[odata(name = "example.shop.ship", bound_to = "Order", binding_nullable = false)]
//! pub struct Ship {
//!     #[odata(max_length = 200)]
//!     pub note: Option<String>,
//! }
//!
//! #[derive(ODataAction, Debug)]
//! #[odata(name = "example.shop.ship", bound_to = "Vec<Order>")]
//! pub struct ShipAll;
//!
//! #[derive(ODataAction, Debug)]
//! #[odata(name = "example.shop.resetDataSource")]
//! pub struct ResetDataSource;
//!
//! #[derive(ODataService, Debug, Clone)]
//! #[odata(namespace = "example.shop", container = "Shop")]
//! pub struct Shop {
//!     #[odata(entity_set = "Orders", binding(path = "customer", target = "Customers"))]
//!     pub orders: EntitySet<Order>,
//!     #[odata(entity_set = "Customers", include_in_service_document = false, binding(path = "orders", target = "Orders"))]
//!     pub customers: EntitySet<Customer>,
//!     #[odata(function_import = "BestSellers", entity_set = "Orders", include_in_service_document = true)]
//!     pub best_sellers: FunctionImport<BestSellers>,
//!     #[odata(action_import = "ResetDataSource")]
//!     pub reset_data_source: ActionImport<ResetDataSource>,
//! }
//!
//! let csdl = Document::builder()
//!     .add_container::<Shop>()
//!     .add_type::<Settings>()
//!     .add_type::<Address>()
//!     .add_operation::<Total>()
//!     .add_operation::<TotalOfOrders>()
//!     .add_operation::<Ship>()
//!     .add_operation::<ShipAll>()
//!     .build()
//!     .to_xml();
//! for element in [
//!     r#"<TypeDefinition Name="money" UnderlyingType="Edm.Decimal" Precision="19" Scale="4" />"#,
//!     r#"<TypeDefinition Name="sku" UnderlyingType="Edm.String" MaxLength="40" Unicode="false" />"#,
//!     r#"<EntityType Name="order" OpenType="true" HasStream="true">"#,
//!     r#"<EntityType Name="settings">"#,
//!     r#"<ComplexType Name="address" Abstract="true">"#,
//!     r#"<Property Name="discount" Type="Edm.Decimal" Precision="5" Scale="variable" />"#,
//!     r#"<Property Name="reflexiveIPAddress" Type="Edm.String" />"#,
//!     r#"<Property Name="name" Type="Edm.String" MaxLength="max" DefaultValue="anonymous" />"#,
//!     r#"<NavigationProperty Name="customer" Type="example.shop.customer" Nullable="false" Partner="orders">"#,
//!     r#"<ReferentialConstraint Property="customerId" ReferencedProperty="id" />"#,
//!     r#"<Function Name="total" IsBound="true" IsComposable="true">"#,
//!     r#"<Parameter Name="orders" Type="Collection(example.shop.order)" />"#,
//!     r#"<ReturnType Type="Edm.Decimal" Precision="19" Scale="4" />"#,
//!     r#"<Action Name="ship" IsBound="true">"#,
//!     r#"<EntitySet Name="Customers" EntityType="example.shop.customer" IncludeInServiceDocument="false">"#,
//!     r#"<FunctionImport Name="BestSellers" Function="example.shop.bestSellers" EntitySet="Orders" IncludeInServiceDocument="true" />"#,
//!     r#"<ActionImport Name="ResetDataSource" Action="example.shop.resetDataSource" />"#,
//! ] {
//!     assert!(csdl.contains(element), "{element} is not in\n{csdl}");
//! }
//! ```
