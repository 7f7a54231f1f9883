//! Delta payloads: the items of a delta response (a changed entity, a removed one, a link added or
//! removed) and the delta link to resume from.
//!
//! A delta response is a collection response whose items are of several kinds, so a delta page is
//! a [`Page<DeltaItem<T>>`](crate::Page): the same wire format as any page (`value`,
//! `@odata.nextLink`, `@odata.deltaLink`, other members kept). Each item is told apart by what
//! it carries, in every shape the standards and Graph use:
//!
//! | shape | removed entity | added link | removed link |
//! |---|---|---|---|
//! | OData JSON 4.0 | `"@odata.context": "#Set/$deletedEntity"`, `id`, `reason` | `"#Set/$link"` | `"#Set/$deletedLink"` |
//! | OData JSON 4.01 | `"@removed": {"reason": ..}`, `@id` | `"@context": "#Set/$link"` | `"#Set/$deletedLink"` |
//! | Graph | `"@removed": {"reason": "changed" \| "deleted"}`, `id` | | |
//!
//! Anything else is a changed (or new) entity, decoded as `T`; with `Prefer: return=minimal` it
//! holds only the changed properties, so `T`'s properties are all optional in practice.
//!
//! Removed items and links keep the JSON object the service sent and write it back unchanged, so
//! a delta page round-trips exactly.

use std::collections::HashMap;

use serde::de::{self, Deserializer};
use serde::ser::Serializer;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use serde_json::value::RawValue;

use crate::model::TypeRef;
use crate::request::{ReadError, Readable};
use crate::{EdmType, ODataStructured, Page};

/// One item of a delta response.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum DeltaItem<T> {
    /// A new or changed entity (with `Prefer: return=minimal`, only its changed properties).
    Changed(T),
    /// An entity removed from the collection: deleted, or no longer a member.
    Removed(Removed),
    /// A link added between two entities (OData `$link`).
    LinkAdded(LinkChange),
    /// A link removed between two entities (OData `$deletedLink`).
    LinkRemoved(LinkChange),
}

impl<T> DeltaItem<T> {
    /// The changed entity, if this item is one.
    pub fn changed(&self) -> Option<&T> {
        match self {
            DeltaItem::Changed(value) => Some(value),
            _ => None,
        }
    }

    /// The removal, if this item is one.
    pub fn removed(&self) -> Option<&Removed> {
        match self {
            DeltaItem::Removed(removed) => Some(removed),
            _ => None,
        }
    }
}

/// Why an entity was removed (`reason`).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum RemovalReason {
    /// `deleted`: the entity no longer exists.
    Deleted,
    /// `changed`: the entity left the collection (or, in Graph, was soft-deleted and may come back).
    Changed,
    /// Any other reason the service gave.
    Other(String),
}

impl RemovalReason {
    fn parse(reason: &str) -> RemovalReason {
        match reason {
            "deleted" => RemovalReason::Deleted,
            "changed" => RemovalReason::Changed,
            other => RemovalReason::Other(other.to_owned()),
        }
    }
}

/// An entity removed from the collection: its id and the reason, as far as the service said them,
/// and the object as sent (written back unchanged).
#[derive(Debug, Clone)]
pub struct Removed {
    id: Option<String>,
    reason: Option<RemovalReason>,
    raw: Box<RawValue>,
}

impl PartialEq for Removed {
    fn eq(&self, other: &Self) -> bool {
        self.raw.get() == other.raw.get()
    }
}

impl Removed {
    /// The entity's id: `@id` / `@odata.id` (an entity id, often a URL), or else the `id`
    /// property (Graph, OData 4.0's `$deletedEntity`).
    pub fn id(&self) -> Option<&str> {
        self.id.as_deref()
    }

    /// Why it was removed; `None` when the service did not say.
    pub fn reason(&self) -> Option<&RemovalReason> {
        self.reason.as_ref()
    }

    /// The JSON object as the service sent it.
    pub fn json(&self) -> &RawValue {
        &self.raw
    }
}

/// A link added or removed between two entities.
#[derive(Debug, Clone)]
pub struct LinkChange {
    source: String,
    relationship: String,
    target: String,
    raw: Box<RawValue>,
}

impl PartialEq for LinkChange {
    fn eq(&self, other: &Self) -> bool {
        self.raw.get() == other.raw.get()
    }
}

impl LinkChange {
    /// The id of the entity the link starts from.
    pub fn source(&self) -> &str {
        &self.source
    }

    /// The navigation property the link belongs to.
    pub fn relationship(&self) -> &str {
        &self.relationship
    }

    /// The id of the entity the link points to.
    pub fn target(&self) -> &str {
        &self.target
    }

    /// The JSON object as the service sent it.
    pub fn json(&self) -> &RawValue {
        &self.raw
    }
}

/// The members that tell the kinds of item apart, by name; everything else is left to `T`.
struct Probe(HashMap<String, Box<RawValue>>);

impl Probe {
    fn value(&self, names: &[&str]) -> Option<Value> {
        names.iter().find_map(|name| self.0.get(*name)).and_then(|raw| serde_json::from_str(raw.get()).ok())
    }

    fn string(&self, names: &[&str]) -> Option<String> {
        match self.value(names)? {
            Value::String(text) => Some(text),
            _ => None,
        }
    }
}

impl<T: EdmType> DeltaItem<T> {
    fn read(raw: Box<RawValue>) -> Result<DeltaItem<T>, String> {
        // Only the member names are read here (their values stay text), so an ordinary entity
        // costs one extra scan of its text.
        let probe = Probe(serde_json::from_str(raw.get()).map_err(|e| e.to_string())?);
        let context = probe.string(&["@context", "@odata.context"]).unwrap_or_default();
        let id = || probe.string(&["@id", "@odata.id"]).or_else(|| probe.string(&["id"]));
        if let Some(marker) = probe.value(&["@removed", "@odata.removed"]) {
            let reason = marker.get("reason").and_then(Value::as_str).map(RemovalReason::parse);
            return Ok(DeltaItem::Removed(Removed { id: id(), reason, raw }));
        }
        if context.ends_with("/$deletedEntity") {
            let reason = probe.string(&["reason"]).map(|r| RemovalReason::parse(&r));
            return Ok(DeltaItem::Removed(Removed { id: id(), reason, raw }));
        }
        let link = |kind: &str| -> Result<LinkChange, String> {
            let member =
                |name: &str| probe.string(&[name]).ok_or_else(|| format!("a {kind} item needs a string \"{name}\""));
            Ok(LinkChange {
                source: member("source")?,
                relationship: member("relationship")?,
                target: member("target")?,
                raw: raw.clone(),
            })
        };
        if context.ends_with("/$deletedLink") {
            return link("$deletedLink").map(DeltaItem::LinkRemoved);
        }
        if context.ends_with("/$link") {
            return link("$link").map(DeltaItem::LinkAdded);
        }
        let mut deserializer = serde_json::Deserializer::from_str(raw.get());
        T::deserialize_edm(&mut deserializer).map(DeltaItem::Changed).map_err(|e| e.to_string())
    }
}

impl<T: EdmType> EdmType for DeltaItem<T> {
    // A delta item is an item of a collection of `T` as far as metadata goes.
    const TYPE: TypeRef = T::TYPE;

    fn serialize_edm<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            DeltaItem::Changed(value) => value.serialize_edm(serializer),
            DeltaItem::Removed(Removed { raw, .. })
            | DeltaItem::LinkAdded(LinkChange { raw, .. })
            | DeltaItem::LinkRemoved(LinkChange { raw, .. }) => raw.serialize(serializer),
        }
    }

    fn deserialize_edm<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // Which kind an item is shows only in its members, which may come in any order: the
        // object is kept as its text (one item at a time) and read again once the kind is known.
        let raw = Box::<RawValue>::deserialize(deserializer)?;
        DeltaItem::read(raw).map_err(de::Error::custom)
    }
}

/// A delta page reads as a collection of delta items over `T` (`Client::delta` in odata-client).
impl<T: ODataStructured + EdmType> Readable for Vec<DeltaItem<T>> {
    type Item = DeltaItem<T>;
    type Response = Page<DeltaItem<T>>;

    fn read(body: &[u8]) -> Result<Page<DeltaItem<T>>, ReadError> {
        crate::from_slice(body).map_err(ReadError::Decode)
    }
}

/// The delta link of a finished round: where the next round's changes are read. A token to store
/// (it serialises as the URL string) and resume from later.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct DeltaLink(String);

impl Serialize for DeltaLink {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for DeltaLink {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(DeltaLink)
    }
}

impl DeltaLink {
    /// A delta link kept from an earlier round.
    pub fn new(url: impl Into<String>) -> Self {
        DeltaLink(url.into())
    }

    /// The delta link of a page (`@odata.deltaLink`), on the last page of a round.
    pub fn of_page<T>(page: &Page<T>) -> Option<DeltaLink> {
        page.delta_link.clone().map(DeltaLink)
    }

    /// The URL.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for DeltaLink {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}
