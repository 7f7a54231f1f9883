//! Identities of users, devices and applications (`microsoft.graph.identity`, `identitySet`).

use odata_core::{AdditionalData, ODataComplex};

/// An identity of an actor: a user, a device or an application (`microsoft.graph.identity`). Open:
/// services add properties such as `tenantId`.
#[derive(ODataComplex, Debug, Clone, Default, PartialEq)]
#[odata(type = "microsoft.graph.identity", open_type)]
pub struct Identity {
    /// The display name of the identity. It may not always be available or up to date.
    pub display_name: Option<String>,
    /// Unique identifier for the identity or actor.
    pub id: Option<String>,
    /// Unknown properties and instance annotations, kept to be written back.
    pub additional_data: AdditionalData,
}

/// A keyed collection of identities: the user, device and application involved in an action
/// (`microsoft.graph.identitySet`).
#[derive(ODataComplex, Debug, Clone, Default, PartialEq)]
#[odata(type = "microsoft.graph.identitySet", open_type)]
pub struct IdentitySet {
    /// The Microsoft Entra application associated with the actor, if any.
    pub application: Option<Identity>,
    /// The device associated with the actor, if any.
    pub device: Option<Identity>,
    /// The user associated with the actor, if any.
    pub user: Option<Identity>,
    /// Unknown properties and instance annotations, kept to be written back.
    pub additional_data: AdditionalData,
}
