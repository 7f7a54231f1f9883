//! The `#[odata(...)]` attributes of `#[derive(ODataService)]` as darling reads them. Each key's
//! `///` doc is its reference; the keys mirror the CSDL attributes of `<EntityContainer>` and its
//! children.

use darling::util::SpannedValue;
use darling::{FromDeriveInput, FromField, FromMeta};

/// The struct attribute: `#[odata(namespace = "...", container = "...")]`.
#[derive(FromDeriveInput)]
#[darling(attributes(odata), supports(any))]
pub struct ServiceAttrs {
    pub ident: syn::Ident,
    pub generics: syn::Generics,
    pub data: darling::ast::Data<darling::util::Ignored, ServiceFieldAttrs>,

    /// `namespace = "NorthwindModel"`: the namespace of the schema that holds the container
    /// (required).
    pub namespace: Option<SpannedValue<String>>,

    /// `container = "NorthwindEntities"`: the container's `Name` (required).
    pub container: Option<SpannedValue<String>>,

    /// `crate = "path"`: where odata-core is, for crates that re-export it
    /// (default `::odata_core`).
    #[darling(rename = "crate")]
    pub crate_path: Option<syn::Path>,
}

/// A field attribute: what the field is in the container.
#[derive(FromField)]
#[darling(attributes(odata))]
pub struct ServiceFieldAttrs {
    pub ident: Option<syn::Ident>,
    pub ty: syn::Type,

    /// `entity_set = "Products"`: an `<EntitySet>` of this name; the field is an
    /// `EntitySet<EntityType>`. Next to `function_import` or `action_import` it is instead the
    /// import's `EntitySet`: the entity set its returned entities belong to.
    pub entity_set: Option<SpannedValue<String>>,

    /// `singleton = "Me"`: a `<Singleton>` of this name; the field is a `Singleton<EntityType>`.
    pub singleton: Option<SpannedValue<String>>,

    /// `function_import = "GetProductsByRating"`: a `<FunctionImport>` of this name; the field is a
    /// `FunctionImport<Function>` of an unbound `#[derive(ODataFunction)]`.
    pub function_import: Option<SpannedValue<String>>,

    /// `action_import = "ResetDataSource"`: an `<ActionImport>` of this name; the field is an
    /// `ActionImport<Action>` of an unbound `#[derive(ODataAction)]`.
    pub action_import: Option<SpannedValue<String>>,

    /// `binding(path = "Category", target = "Categories")`: a `<NavigationPropertyBinding>` of an
    /// entity set or singleton: the entities the navigation property `path` leads to are in the
    /// entity set (or singleton) `target`. Repeat it for each navigation property.
    #[darling(multiple)]
    pub binding: Vec<SpannedValue<Binding>>,

    /// `include_in_service_document = false`: `IncludeInServiceDocument` of an entity set
    /// (default `true`) or a function import (default `false`).
    pub include_in_service_document: Option<SpannedValue<bool>>,
}

/// `binding(path = "...", target = "...")`.
#[derive(FromMeta, Clone)]
pub struct Binding {
    /// The navigation property's path from the entity type, e.g. `Category`.
    pub path: SpannedValue<String>,
    /// The entity set or singleton the related entities are in, e.g. `Categories`.
    pub target: SpannedValue<String>,
}
