//! The receivers of entity and complex types (structs): the type's keys and its property fields.

use darling::util::{Flag, SpannedValue};
use darling::{FromDeriveInput, FromField, FromMeta};

use super::{FacetAttrs, TypeKeys};

/// `#[derive(ODataEntity)]` on a struct: `#[odata(type = "...", base_type = "...",
/// key_property = "...", ...)]`.
///
/// The keys mirror the annotation block at the top of a Graph docs page:
/// `{"@odata.type": "microsoft.graph.callRecords.session", "baseType": "microsoft.graph.entity", "keyProperty": "id", "openType": false}`.
#[derive(FromDeriveInput)]
#[darling(attributes(odata))]
pub struct EntityAttrs {
    pub ident: syn::Ident,
    pub generics: syn::Generics,

    /// The keys entity and complex types share.
    #[darling(flatten)]
    pub structured: StructuredKeys,

    /// `key_property = "id"`: a key property of an entity type (the docs' `keyProperty`); repeat
    /// it for a compound key. May name an inherited property.
    #[darling(multiple)]
    pub key_property: Vec<SpannedValue<String>>,

    /// `keyless`: an entity type without a key, as services declare for types used only by
    /// singletons (Graph's `admin`, `cloudCommunications`). Without it a missing key is an error.
    pub keyless: Flag,

    /// `has_stream`: a media entity type (`HasStream="true"`): each instance has a stream, read
    /// at `/$value`; the type implements `MediaEntity`.
    pub has_stream: Flag,
}

/// `#[derive(ODataComplex)]` on a struct: `#[odata(type = "...", base_type = "...", open_type)]`.
#[derive(FromDeriveInput)]
#[darling(attributes(odata))]
pub struct ComplexAttrs {
    pub ident: syn::Ident,
    pub generics: syn::Generics,

    /// The keys entity and complex types share (all a complex type has).
    #[darling(flatten)]
    pub structured: StructuredKeys,
}

/// The keys of entity and complex types alike.
#[derive(FromMeta)]
pub struct StructuredKeys {
    /// The keys every type has: `type` and `crate`.
    #[darling(flatten)]
    pub common: TypeKeys,

    /// `base_type = "namespace.name"`: the type this one derives from (the docs' `baseType`).
    /// The struct then has one `#[odata(base)]` field holding the inherited part.
    pub base_type: Option<SpannedValue<String>>,

    /// `open_type`: instances may carry dynamic properties (the docs' `"openType": true`). They are
    /// kept in the type's `AdditionalData` field.
    pub open_type: Flag,

    /// `abstract`: no instance is of exactly this type (`Abstract="true"` in CSDL).
    #[darling(rename = "abstract")]
    pub is_abstract: Flag,
}

/// `referential_constraint(property = "customerId", referenced_property = "id")`.
#[derive(FromMeta)]
pub struct ConstraintAttrs {
    /// The property of this type that holds the target's value.
    pub property: SpannedValue<String>,
    /// The property of the target type it equals.
    pub referenced_property: SpannedValue<String>,
}

/// A field of an entity or complex type: `#[odata(rename = "...", nullable = false, navigation, ...)]`.
#[derive(FromField)]
#[darling(attributes(odata))]
pub struct PropertyAttrs {
    pub ident: Option<syn::Ident>,
    pub ty: syn::Type,

    /// `base`: this field holds the inherited part (the type named by `base_type`); the struct
    /// derefs to it, and its properties are read and written in line with the struct's own.
    pub base: Flag,

    /// `navigation`: a navigation property, of type `Navigation<Entity>` or
    /// `Navigation<Vec<Entity>>`.
    pub navigation: Flag,

    /// `contains_target`: the navigation property contains its targets (`ContainsTarget="true"`).
    pub contains_target: Flag,

    /// `rename = "wireName"`: the property name on the wire, when it is not the field name in
    /// camelCase (`reflexive_ip_address` is `reflexiveIPAddress` in Graph).
    pub rename: Option<SpannedValue<String>>,

    /// `constant = "KIND"`: the name of the property's constant for typed queries, when the
    /// default (the field name in upper case) is taken: `TYPE_INFO`, `QUALIFIED_NAME` and
    /// `TYPE_ANNOTATION` would hide the constants of `ODataType` (`Session::TYPE_INFO`), and two
    /// fields may map to the same name. (`TYPE`, from a field `r#type`, stays the property's: Graph
    /// types have a `type` property and code already writes `CallRecord::TYPE` for it; the Edm
    /// type is `<CallRecord as EdmType>::TYPE`.)
    pub constant: Option<SpannedValue<String>>,

    /// `nullable = false`: the property is never null (`Nullable="false"` in CSDL; the default is
    /// `true`, as in CSDL). Fields stay `Option`, because a response may omit any property.
    pub nullable: Option<SpannedValue<bool>>,

    /// `read_only`: the service computes the property (`Core.Computed`, or read-only in the docs'
    /// table); updates never send it.
    pub read_only: Flag,

    /// `partner = "customer"`: the navigation property of the target type that leads back
    /// (`Partner`; navigation properties only).
    pub partner: Option<SpannedValue<String>>,

    /// `referential_constraint(property = "customerId", referenced_property = "id")`: a property
    /// of this type that holds the target's (`<ReferentialConstraint>`; navigation properties
    /// only); repeat it for a compound key.
    #[darling(multiple)]
    pub referential_constraint: Vec<SpannedValue<ConstraintAttrs>>,

    /// Facets of the property: `max_length = 40`, `precision = 19, scale = 4`,
    /// `scale = "variable"`, `srid = 4326`, `unicode = false`, `default_value = "..."`.
    #[darling(flatten)]
    pub facets: FacetAttrs,
}
