//! The validated model: what the expansion reads. Every value here has passed the rules, so code
//! generation cannot fail.

use darling::util::SpannedValue;
use proc_macro2::{Span, TokenStream};

use super::Kind;

/// What every derive knows about its type.
pub struct Container {
    pub ident: syn::Ident,
    /// The path to odata-core.
    pub krate: TokenStream,
    pub namespace: String,
    pub name: String,
    pub qualified_name: String,
}

/// A validated entity or complex type.
pub struct StructModel {
    pub container: Container,
    pub kind: Kind,
    pub base: Option<Base>,
    pub is_abstract: bool,
    pub is_open: bool,
    pub has_stream: bool,
    pub keys: Vec<KeyProperty>,
    pub fields: Vec<Field>,
}

/// Validated facets (`None`: not declared).
#[derive(Default, Clone)]
pub struct Facets {
    pub max_length: Option<MaxLength>,
    pub precision: Option<u32>,
    pub scale: Option<Scale>,
    pub srid: Option<Srid>,
    pub unicode: Option<bool>,
    pub default_value: Option<String>,
}

#[derive(Clone, Copy)]
pub enum MaxLength {
    Max,
    Length(u32),
}

#[derive(Clone, Copy)]
pub enum Scale {
    Digits(u32),
    Variable,
    Floating,
}

#[derive(Clone, Copy)]
pub enum Srid {
    Id(u32),
    Variable,
}

/// A validated `<ReferentialConstraint>`.
pub struct Constraint {
    pub property: String,
    pub referenced_property: String,
}

/// A validated type definition: a newtype over a primitive.
pub struct TypeDefinitionModel {
    pub container: Container,
    /// The wrapped Rust type (its `EdmType` must be primitive: checked by a constant assertion).
    pub inner: syn::Type,
    pub facets: Facets,
}

/// The inherited part.
pub struct Base {
    pub field: syn::Ident,
    pub ty: syn::Type,
    /// The `base_type` attribute, checked against the base's own name at compile time.
    pub qualified_name: SpannedValue<String>,
}

/// A key property; `own` when the struct declares it (else it must be inherited: checked by a
/// constant assertion, since only the base's derive knows its properties).
pub struct KeyProperty {
    pub name: String,
    pub span: Span,
    pub own: bool,
}

/// A field of the struct, in declaration order.
pub struct Field {
    pub ident: syn::Ident,
    /// The name of the property's constant for typed queries (`Session::START_DATE_TIME`).
    pub constant: syn::Ident,
    pub role: Role,
}

pub enum Role {
    Base,
    Property {
        inner: syn::Type,
        wire_name: String,
        nullable: bool,
        read_only: bool,
        facets: Facets,
    },
    Navigation {
        target: syn::Type,
        wire_name: String,
        nullable: bool,
        contains_target: bool,
        partner: Option<String>,
        constraints: Vec<Constraint>,
    },
    AdditionalData,
}

/// A validated enumeration type.
pub struct EnumModel {
    pub container: Container,
    pub is_flags: bool,
    /// `UnderlyingType` as declared (`None`: the default).
    pub underlying_type: Option<String>,
    pub members: Vec<Member>,
    /// The variant that keeps unknown members' text.
    pub catch_all: Option<syn::Ident>,
}

pub struct Member {
    pub variant: syn::Ident,
    pub name: String,
    pub value: i64,
}

/// A validated polymorphic holder: an enum whose variants hold the declared type (first) and
/// types derived from it, for properties of that declared type.
pub struct HolderModel {
    pub container: Container,
    pub kind: Kind,
    pub variants: Vec<HolderVariant>,
}

pub struct HolderVariant {
    pub ident: syn::Ident,
    /// The type held (inside the `Box` when boxed).
    pub ty: syn::Type,
    /// `Variant(Box<Type>)`: a large, rare variant kept off the enum's inline size.
    pub boxed: bool,
}

/// A validated function or action.
pub struct OperationModel {
    pub ident: syn::Ident,
    pub krate: TokenStream,
    pub namespace: String,
    pub name: String,
    pub qualified_name: String,
    pub kind: Kind,
    /// The binding parameter's Rust type, name and nullability, for a bound operation.
    pub binding: Option<(syn::Type, String, bool)>,
    /// The result's Rust type, nullability and facets.
    pub returns: Option<(syn::Type, bool, Facets)>,
    pub composable: bool,
    pub parameters: Vec<OperationParameter>,
}

pub struct OperationParameter {
    pub ident: syn::Ident,
    pub ty: syn::Type,
    pub wire_name: String,
    pub nullable: bool,
    pub facets: Facets,
}

pub enum Model {
    Struct(Box<StructModel>),
    Enum(EnumModel),
    Holder(HolderModel),
    Operation(Box<OperationModel>),
    TypeDefinition(Box<TypeDefinitionModel>),
}
