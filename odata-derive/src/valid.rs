//! Receivers -> a validated model. Every rule lives here, and every error is collected before
//! any is reported, so the user sees all of them at once. Code generation then cannot fail.

use std::collections::BTreeMap;

use darling::util::SpannedValue;
use proc_macro2::{Span, TokenStream};
use quote::{ToTokens, quote};
use syn::spanned::Spanned;

use crate::ast::{ContainerAttrs, FacetAttrs, FieldAttrs, VariantAttrs, error_at, flag_span};
use crate::case;

// The rules of the model constructs beyond types and properties: facets, type definitions,
// enumeration underlying types.
mod constructs;
pub use constructs::facets;
use constructs::{type_definition, underlying_type};
// The query constants of structured types: reserved names, clashes, `constant = "..."`.
mod constants;
use constants::{check_constants, constant_name};

/// Which derive is running.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Entity,
    Complex,
    Enum,
    Function,
    Action,
    TypeDefinition,
}

impl Kind {
    pub fn derive_name(self) -> &'static str {
        match self {
            Kind::Entity => "ODataEntity",
            Kind::Complex => "ODataComplex",
            Kind::Enum => "ODataEnum",
            Kind::Function => "ODataFunction",
            Kind::Action => "ODataAction",
            Kind::TypeDefinition => "ODataTypeDefinition",
        }
    }

    fn is_operation(self) -> bool {
        matches!(self, Kind::Function | Kind::Action)
    }
}

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

pub fn validate(attrs: ContainerAttrs, kind: Kind) -> darling::Result<Model> {
    let mut errors = darling::Error::accumulator();
    if kind.is_operation() {
        let model = operation(&attrs, kind, &mut errors);
        errors.finish()?;
        return model
            .map(|m| Model::Operation(Box::new(m)))
            .ok_or_else(|| darling::Error::custom("the input could not be read"));
    }
    for (present, span, key) in [
        (attrs.name.is_some(), attrs.name.as_ref().map(|n| n.span()), "name"),
        (attrs.bound_to.is_some(), attrs.bound_to.as_ref().map(|b| b.span()), "bound_to"),
        (attrs.binding_parameter.is_some(), attrs.binding_parameter.as_ref().map(|b| b.span()), "binding_parameter"),
        (attrs.returns.is_some(), attrs.returns.as_ref().map(|r| r.span()), "returns"),
        (attrs.return_nullable.is_some(), attrs.return_nullable.as_ref().map(|r| r.span()), "return_nullable"),
        (attrs.composable.is_present(), Some(attrs.composable.span()), "composable"),
        (attrs.binding_nullable.is_some(), attrs.binding_nullable.as_ref().map(|b| b.span()), "binding_nullable"),
        (attrs.return_facets.is_some(), attrs.return_facets.as_ref().and_then(FacetAttrs::first_span), "return_facets"),
    ] {
        if present {
            errors.push(error_at(
                span.unwrap_or(attrs.ident.span()),
                format!("`#[odata({key})]` is for functions and actions, not `#[derive({})]`; remove it, or use `#[derive(ODataFunction)]`", kind.derive_name()),
            ));
        }
    }
    let container = container(&attrs, kind, &mut errors);
    if !attrs.generics.params.is_empty() || attrs.generics.where_clause.is_some() {
        errors.push(error_at(
            attrs.generics.span(),
            format!(
                "`#[derive({})]` does not support generic types; an OData type has no type parameters",
                kind.derive_name()
            ),
        ));
    }
    if kind != Kind::TypeDefinition
        && let Some((span, key)) = attrs.facets.first()
    {
        errors.push(error_at(
            span,
            format!("`#[odata({key})]` does not apply to `#[derive({})]` itself; put facets on the property fields, or use `#[derive(ODataTypeDefinition)]` for a named primitive type with facets", kind.derive_name()),
        ));
    }
    let model = match kind {
        // Handled at the top of `validate`.
        Kind::Function | Kind::Action => None,
        Kind::TypeDefinition => {
            type_definition(&attrs, &mut errors).zip(container).map(|((inner, facets), container)| {
                Model::TypeDefinition(Box::new(TypeDefinitionModel { container, inner, facets }))
            })
        }
        Kind::Enum => enumeration(&attrs, &mut errors).zip(container).map(|((members, catch_all), container)| {
            let underlying_type = underlying_type(&attrs, &members, &mut errors);
            Model::Enum(EnumModel {
                container,
                is_flags: attrs.flags.is_present(),
                underlying_type,
                members,
                catch_all,
            })
        }),
        Kind::Entity | Kind::Complex if matches!(attrs.data, darling::ast::Data::Enum(_)) => {
            holder(&attrs, kind, &mut errors)
                .zip(container)
                .map(|(variants, container)| Model::Holder(HolderModel { container, kind, variants }))
        }
        Kind::Entity | Kind::Complex => structure(&attrs, kind, &mut errors).zip(container).map(
            |(StructParts { base, keys, fields }, container)| {
                Model::Struct(Box::new(StructModel {
                    container,
                    kind,
                    base,
                    is_abstract: attrs.is_abstract.is_present(),
                    is_open: attrs.open_type.is_present(),
                    has_stream: attrs.has_stream.is_present(),
                    keys,
                    fields,
                }))
            },
        ),
    };
    errors.finish()?;
    // Every path that yields no model has pushed an error, so this is not reached.
    model.ok_or_else(|| darling::Error::custom("the input could not be read"))
}

fn container(attrs: &ContainerAttrs, kind: Kind, errors: &mut darling::error::Accumulator) -> Option<Container> {
    let ident = &attrs.ident;
    let krate = match &attrs.crate_path {
        Some(path) => path.to_token_stream(),
        None => quote!(::odata_core),
    };
    // Keys that only fit some derives.
    let not_structured = matches!(kind, Kind::Enum | Kind::TypeDefinition);
    let misplaced: [(bool, Span, &str, &str); 7] = [
        (
            kind != Kind::Entity && !attrs.key_property.is_empty(),
            attrs.key_property.first().map_or(ident.span(), |k| k.span()),
            "key_property",
            "only entity types have a key; remove it, or use `#[derive(ODataEntity)]`",
        ),
        (
            not_structured && attrs.open_type.is_present(),
            flag_span(&attrs.open_type, ident),
            "open_type",
            "only entity and complex types can be open; remove it",
        ),
        (
            not_structured && attrs.is_abstract.is_present(),
            flag_span(&attrs.is_abstract, ident),
            "abstract",
            "only entity and complex types can be abstract; remove it",
        ),
        (
            kind == Kind::TypeDefinition && attrs.keyless.is_present(),
            flag_span(&attrs.keyless, ident),
            "keyless",
            "only entity types have a key; remove it",
        ),
        (
            kind != Kind::Entity && attrs.has_stream.is_present(),
            flag_span(&attrs.has_stream, ident),
            "has_stream",
            "only entity types have a stream (media entities); remove it, or use `#[derive(ODataEntity)]`",
        ),
        (
            kind != Kind::Enum && attrs.underlying_type.is_some(),
            attrs.underlying_type.as_ref().map_or(ident.span(), |u| u.span()),
            "underlying_type",
            "only enumeration types name an underlying type here (a type definition takes it from the field it wraps); remove it",
        ),
        (
            kind != Kind::Enum && attrs.flags.is_present(),
            flag_span(&attrs.flags, ident),
            "flags",
            "only enumeration types can be flags; remove it, or use `#[derive(ODataEnum)]`",
        ),
    ];
    for (wrong, span, key, remedy) in misplaced {
        if wrong {
            errors.push(error_at(
                span,
                format!("`#[odata({key})]` does not apply to `#[derive({})]`; {remedy}", kind.derive_name()),
            ));
        }
    }
    if not_structured && let Some(base) = &attrs.base_type {
        errors.push(error_at(
            base.span(),
            format!("`#[odata(base_type = ...)]` does not apply to `#[derive({})]`; only entity and complex types have a base type; remove it", kind.derive_name()),
        ));
    }
    if let Some(base) = &attrs.base_type
        && case::split_qualified_name(base).is_none()
    {
        errors.push(error_at(base.span(), malformed_name("base_type", base, "microsoft.graph.entity")));
    }
    let Some(type_name) = &attrs.type_name else {
        errors.push(error_at(
            ident.span(),
            format!(
                "`#[derive({})]` needs the OData type name; add `#[odata(type = \"namespace.name\")]` with the `@odata.type` of the docs' annotation block, e.g. `#[odata(type = \"microsoft.graph.callRecords.session\")]`",
                kind.derive_name()
            ),
        ));
        return None;
    };
    let Some((namespace, name)) = case::split_qualified_name(type_name) else {
        errors
            .push(error_at(type_name.span(), malformed_name("type", type_name, "microsoft.graph.callRecords.session")));
        return None;
    };
    Some(Container {
        ident: ident.clone(),
        krate,
        namespace: namespace.to_owned(),
        name: name.to_owned(),
        qualified_name: type_name.as_str().to_owned(),
    })
}

fn malformed_name(key: &str, value: &str, example: &str) -> String {
    format!(
        "`#[odata({key} = {value:?})]` is not a namespace-qualified name; write `namespace.name` with letters, digits and `_` (e.g. `{example}`), without a leading `#`"
    )
}

struct StructParts {
    base: Option<Base>,
    keys: Vec<KeyProperty>,
    fields: Vec<Field>,
}

fn structure(attrs: &ContainerAttrs, kind: Kind, errors: &mut darling::error::Accumulator) -> Option<StructParts> {
    let ident = &attrs.ident;
    let derive = kind.derive_name();
    let fields = match &attrs.data {
        darling::ast::Data::Struct(fields) if fields.style == darling::ast::Style::Struct => &fields.fields,
        darling::ast::Data::Struct(_) => {
            errors.push(error_at(
                ident.span(),
                format!("`#[derive({derive})]` needs a struct with named fields; each field is an OData property named after it"),
            ));
            return None;
        }
        // Enums are polymorphic holders, validated by `holder`.
        darling::ast::Data::Enum(_) => return None,
    };

    let mut out = Vec::with_capacity(fields.len());
    let mut base_fields: Vec<(&FieldAttrs, Span)> = Vec::new();
    let mut additional: Vec<&FieldAttrs> = Vec::new();
    // `base_type` without an `#[odata(base)]` field, but with a field that holds the base type:
    // say to mark that field, not to make it an `Option` (it is not a property).
    let unmarked_base = attrs.base_type.as_ref().and_then(|base_type| unmarked_base_field(base_type, fields));
    for field in fields {
        let Some(field_ident) = field.ident.clone() else { continue };
        if let (Some(base_type), Some(unmarked)) = (&attrs.base_type, unmarked_base)
            && std::ptr::eq(field, unmarked)
        {
            let base_ty = generic_argument(&field.ty, "Option").unwrap_or(&field.ty);
            let written = base_ty.to_token_stream().to_string().replace(' ', "");
            let not_option = if generic_argument(&field.ty, "Option").is_some() {
                " (the inherited part is not an `Option`)"
            } else {
                ""
            };
            errors.push(error_at(
                field_ident.span(),
                format!("field `{field_ident}` holds the inherited part of `base_type = {:?}`, not a property; mark it `#[odata(base)]`: `#[odata(base)] pub {field_ident}: {written}`{not_option}", base_type.as_str()),
            ));
            continue;
        }
        if let Some(role) = field_role(field, &field_ident, ident, errors) {
            match role {
                Role::Base => base_fields.push((field, field.base.span())),
                Role::AdditionalData => additional.push(field),
                _ => {}
            }
            let constant = constant_name(field, &field_ident);
            out.push(Field { ident: field_ident, constant, role });
        }
    }

    // Inheritance: `base_type` and one `#[odata(base)]` field go together.
    if base_fields.len() > 1 {
        for (_, span) in &base_fields {
            errors.push(error_at(*span, "`#[odata(base)]` appears on more than one field; a type has one base type, so keep it on the field that holds the inherited part"));
        }
    }
    let base = match (&attrs.base_type, base_fields.first()) {
        (Some(base_type), Some((field, _))) => {
            Some(Base { field: field.ident.clone()?, ty: field.ty.clone(), qualified_name: base_type.clone() })
        }
        // The unmarked field's error already says what to write.
        (Some(_), None) if unmarked_base.is_some() => None,
        (Some(base_type), None) => {
            errors.push(error_at(
                base_type.span(),
                format!("`#[odata(base_type = {:?})]` needs a field that holds the inherited part; add one marked `#[odata(base)]`, e.g. `#[odata(base)] pub entity: Entity`", base_type.as_str()),
            ));
            None
        }
        (None, Some((_, span))) => {
            errors.push(error_at(*span, "`#[odata(base)]` needs the base type's name on the type; add `#[odata(base_type = \"namespace.name\")]` next to `type`"));
            None
        }
        (None, None) => None,
    };
    if additional.len() > 1 {
        for field in &additional[1..] {
            errors.push(error_at(
                field.ty.span(),
                "a second `AdditionalData` field; unknown data goes to one place, so keep one such field",
            ));
        }
    }
    if attrs.open_type.is_present() && additional.is_empty() && base.is_none() {
        errors.push(error_at(
            attrs.open_type.span(),
            "`#[odata(open_type)]` needs a place for dynamic properties; add a field `pub additional_data: AdditionalData`",
        ));
    }

    check_wire_names(fields, &out, errors);
    check_constants(fields, &out, errors);
    // Inheritance that failed validation still counts here: its error already says what to fix.
    let inherits = attrs.base_type.is_some() || !base_fields.is_empty();
    let keys = keys(attrs, kind, &mut out, inherits, errors);
    Some(StructParts { base, keys, fields: out })
}

/// The field that holds the base type when the struct has `base_type` but no `#[odata(base)]`
/// field: a field whose type (or `Option` of it) is a plain name that is, or ends with, the base
/// type's name (`OutlookItem`, `GraphOutlookItem` for `microsoft.graph.outlookItem`), or whose own
/// name is the base type's (`outlook_item: Item`). `None` when no field looks like it, so that no
/// property is taken for the base part (the error at `base_type` then says what to add).
fn unmarked_base_field<'a>(base_type: &str, fields: &'a [FieldAttrs]) -> Option<&'a FieldAttrs> {
    if fields.iter().any(|f| f.base.is_present()) {
        return None;
    }
    let base_name = case::split_qualified_name(base_type)?.1.to_ascii_lowercase();
    let plain_name = |ty: &syn::Type| match ty {
        syn::Type::Path(path) if path.qself.is_none() => path
            .path
            .segments
            .last()
            .filter(|s| matches!(s.arguments, syn::PathArguments::None))
            .map(|s| s.ident.to_string()),
        _ => None,
    };
    fields.iter().filter(|f| !f.navigation.is_present()).find(|f| {
        let Some(type_name) = plain_name(generic_argument(&f.ty, "Option").unwrap_or(&f.ty)) else { return false };
        if is_primitive_name(&type_name) || matches!(type_name.as_str(), "AdditionalData" | "Navigation") {
            return false;
        }
        let field_name = f.ident.as_ref().map(|i| i.to_string().replace('_', "").to_ascii_lowercase());
        type_name.to_ascii_lowercase().ends_with(&base_name) || field_name.as_deref() == Some(&base_name)
    })
}

/// Rust types of the Edm primitive types (by last path segment), which no entity or complex
/// type is.
pub fn is_primitive_name(name: &str) -> bool {
    matches!(
        name,
        "String"
            | "str"
            | "bool"
            | "u8"
            | "i8"
            | "i16"
            | "i32"
            | "i64"
            | "f32"
            | "f64"
            | "Decimal"
            | "Uuid"
            | "DateTimeOffset"
            | "Date"
            | "TimeOfDay"
            | "Duration"
            | "Binary"
            | "Flags"
    )
}

/// What a field is, from its attributes and type.
fn field_role(
    field: &FieldAttrs,
    ident: &syn::Ident,
    owner: &syn::Ident,
    errors: &mut darling::error::Accumulator,
) -> Option<Role> {
    let name = case::field_to_wire(&ident.to_string());
    let wire_name = match &field.rename {
        Some(rename) if !case::is_wire_name(rename) => {
            errors.push(error_at(
                rename.span(),
                format!("`#[odata(rename = {:?})]` is not a valid property name; use letters, digits and `_`, starting with a letter or `_`", rename.as_str()),
            ));
            name
        }
        Some(rename) => rename.as_str().to_owned(),
        None => name,
    };
    let nullable = field.nullable.as_ref().is_none_or(|n| **n);

    if field.base.is_present() {
        let extras = [
            (field.navigation.is_present(), field.navigation.span(), "navigation"),
            (field.contains_target.is_present(), field.contains_target.span(), "contains_target"),
            (field.rename.is_some(), field.rename.as_ref().map_or(ident.span(), |r| r.span()), "rename"),
            (field.nullable.is_some(), field.nullable.as_ref().map_or(ident.span(), |n| n.span()), "nullable"),
            (field.read_only.is_present(), field.read_only.span(), "read_only"),
            (field.partner.is_some(), field.partner.as_ref().map_or(ident.span(), |p| p.span()), "partner"),
            (
                !field.referential_constraint.is_empty(),
                field.referential_constraint.first().map_or(ident.span(), |c| c.span()),
                "referential_constraint",
            ),
            (
                field.facets.first().is_some(),
                field.facets.first_span().unwrap_or(ident.span()),
                field.facets.first().map_or("max_length", |(_, key)| key),
            ),
        ];
        for (present, span, key) in extras {
            if present {
                errors.push(error_at(span, format!("`#[odata({key})]` does not apply to the `#[odata(base)]` field; the base part is not a property; remove it")));
            }
        }
        return Some(Role::Base);
    }
    if field.read_only.is_present() && (field.navigation.is_present() || last_segment_is(&field.ty, "AdditionalData")) {
        errors.push(error_at(
            field.read_only.span(),
            "`#[odata(read_only)]` applies to structural properties; remove it",
        ));
    }
    let facets = facets(&field.facets, errors);
    if !field.navigation.is_present() {
        let navigation_only = [
            (field.partner.as_ref().map(|p| p.span()), "partner"),
            (field.referential_constraint.first().map(|c| c.span()), "referential_constraint"),
        ];
        for (span, key) in navigation_only {
            if let Some(span) = span {
                errors.push(error_at(
                    span,
                    format!("`#[odata({key})]` applies to navigation properties; add `navigation`, or remove it"),
                ));
            }
        }
    }
    if field.navigation.is_present() {
        if let Some((span, key)) = field.facets.first() {
            errors.push(error_at(
                span,
                format!("`#[odata({key})]` is a facet of structural properties, not navigation properties; remove it"),
            ));
        }
        let partner = match &field.partner {
            Some(partner) if !is_path(partner) => {
                errors.push(error_at(partner.span(), format!("`#[odata(partner = {:?})]` is not a navigation property name or path; use letters, digits and `_`, starting with a letter or `_` (a path joins names, and type casts `ns.type`, with `/`)", partner.as_str())));
                None
            }
            other => other.as_ref().map(|p| p.as_str().to_owned()),
        };
        let mut constraints = Vec::new();
        for constraint in &field.referential_constraint {
            let mut ok = true;
            for (path, key) in
                [(&constraint.property, "property"), (&constraint.referenced_property, "referenced_property")]
            {
                if !is_path(path) {
                    errors.push(error_at(path.span(), format!("`{key} = {:?}` is not a property path; name a property (or a path `complex/property`) with letters, digits and `_`", path.as_str())));
                    ok = false;
                }
            }
            if ok {
                constraints.push(Constraint {
                    property: constraint.property.as_str().to_owned(),
                    referenced_property: constraint.referenced_property.as_str().to_owned(),
                });
            }
        }
        let Some(target) = generic_argument(&field.ty, "Navigation") else {
            errors.push(error_at(
                field.ty.span(),
                format!("navigation property `{ident}` must have type `Navigation<...>`; use `Navigation<Entity>` for one entity or `Navigation<Vec<Entity>>` for a collection"),
            ));
            return None;
        };
        return Some(Role::Navigation {
            target: target.clone(),
            wire_name,
            nullable,
            contains_target: field.contains_target.is_present(),
            partner,
            constraints,
        });
    }
    if field.contains_target.is_present() {
        errors.push(error_at(field.contains_target.span(), "`#[odata(contains_target)]` applies to navigation properties; add `navigation`, as in `#[odata(navigation, contains_target)]`"));
    }
    if last_segment_is(&field.ty, "AdditionalData") {
        if let Some(rename) = &field.rename {
            errors.push(error_at(rename.span(), "`#[odata(rename)]` does not apply to the `AdditionalData` field; it holds unknown data, not a property; remove it"));
        }
        if let Some(nullable) = &field.nullable {
            errors.push(error_at(nullable.span(), "`#[odata(nullable)]` does not apply to the `AdditionalData` field; it holds unknown data, not a property; remove it"));
        }
        if let Some((span, key)) = field.facets.first() {
            errors.push(error_at(span, format!("`#[odata({key})]` does not apply to the `AdditionalData` field; it holds unknown data, not a property; remove it")));
        }
        return Some(Role::AdditionalData);
    }
    if last_segment_is(&field.ty, "Navigation") {
        errors.push(error_at(
            field.ty.span(),
            format!("field `{ident}` has type `Navigation<...>` but is not marked as a navigation property; add `#[odata(navigation)]`"),
        ));
        return None;
    }
    match generic_argument(&field.ty, "Option") {
        Some(inner) if generic_argument(inner, "Option").is_some() => {
            let handle = constant_name(field, ident);
            errors.push(error_at(
                field.ty.span(),
                format!(
                    "`{}` is not a property type: write `{}`; a property sent as `null` reads as `None` and is written back as `null` (ask with `value.is_null(&{owner}::{handle})`, send one with `value.set_null(&{owner}::{handle})`)",
                    field.ty.to_token_stream().to_string().replace(' ', ""),
                    inner.to_token_stream().to_string().replace(' ', ""),
                ),
            ));
            None
        }
        Some(inner) => Some(Role::Property {
            inner: inner.clone(),
            wire_name,
            nullable,
            read_only: field.read_only.is_present(),
            facets,
        }),
        None => {
            errors.push(error_at(
                field.ty.span(),
                format!(
                    "property `{ident}` must have type `Option<{}>`; a response may leave out any property (`$select`), so every property is an `Option`",
                    field.ty.to_token_stream().to_string().replace(' ', "")
                ),
            ));
            None
        }
    }
}

/// A path as CSDL writes one in `Partner` and `<ReferentialConstraint>`: names joined by `/`,
/// each a property name or a type cast (`ns.type`).
fn is_path(path: &str) -> bool {
    path.split('/').all(|segment| case::is_wire_name(segment) || case::split_qualified_name(segment).is_some())
}

/// Two fields may not share a wire name; report the conflict under each field that takes part.
fn check_wire_names(attrs: &[FieldAttrs], fields: &[Field], errors: &mut darling::error::Accumulator) {
    let mut by_name: BTreeMap<&str, Vec<&syn::Ident>> = BTreeMap::new();
    for field in fields {
        if let Role::Property { wire_name, .. } | Role::Navigation { wire_name, .. } = &field.role {
            by_name.entry(wire_name).or_default().push(&field.ident);
        }
    }
    for (wire_name, idents) in by_name.into_iter().filter(|(_, idents)| idents.len() > 1) {
        for ident in &idents {
            let others: Vec<String> = idents.iter().filter(|other| other != &ident).map(|i| format!("`{i}`")).collect();
            let attr = attrs.iter().find(|a| a.ident.as_ref() == Some(*ident));
            let span = attr.and_then(|a| a.rename.as_ref()).map_or(ident.span(), |r| r.span());
            errors.push(error_at(
                span,
                format!("field `{ident}` has the wire name `{wire_name}`, as {} does; give each property its own name with `#[odata(rename = \"...\")]`", others.join(", ")),
            ));
        }
    }
}

fn keys(
    attrs: &ContainerAttrs,
    kind: Kind,
    fields: &mut [Field],
    has_base: bool,
    errors: &mut darling::error::Accumulator,
) -> Vec<KeyProperty> {
    if kind != Kind::Entity {
        return Vec::new();
    }
    if attrs.keyless.is_present() && !attrs.key_property.is_empty() {
        errors.push(error_at(attrs.keyless.span(), "`#[odata(keyless)]` contradicts `key_property`; remove one"));
    }
    if attrs.key_property.is_empty() && !has_base && !attrs.is_abstract.is_present() && !attrs.keyless.is_present() {
        errors.push(error_at(
            attrs.ident.span(),
            "an entity type needs a key; add `#[odata(key_property = \"id\")]` with the docs' `keyProperty`, or derive it from a base type with `base_type`",
        ));
    }
    let mut keys: Vec<KeyProperty> = Vec::new();
    for key in &attrs.key_property {
        if keys.iter().any(|k| k.name == **key) {
            errors.push(error_at(
                key.span(),
                format!("`#[odata(key_property = {:?})]` is given twice; name each key property once", key.as_str()),
            ));
            continue;
        }
        let field = fields.iter_mut().find(|f| match &f.role {
            Role::Property { wire_name, .. } | Role::Navigation { wire_name, .. } => wire_name == key.as_str(),
            _ => false,
        });
        let own = match field {
            Some(Field { role: Role::Property { nullable, .. }, ident, .. }) => {
                let explicit = attrs_nullable(attrs, ident);
                if explicit == Some(true) {
                    errors.push(error_at(key.span(), format!("key property `{}` is marked `nullable = true`; a key is never null, so remove `nullable` from field `{ident}`", key.as_str())));
                }
                // CSDL: key properties are never null.
                *nullable = false;
                true
            }
            Some(Field { role: Role::Navigation { .. }, ident, .. }) => {
                errors.push(error_at(key.span(), format!("`#[odata(key_property = {:?})]` names the navigation property `{ident}`; a key is made of structural properties", key.as_str())));
                true
            }
            _ if has_base => false,
            _ => {
                let names: Vec<String> = fields
                    .iter()
                    .filter_map(|f| match &f.role {
                        Role::Property { wire_name, .. } => Some(format!("`{wire_name}`")),
                        _ => None,
                    })
                    .collect();
                let hint = match similar(key, fields) {
                    Some(close) => format!("; did you mean `{close}`?"),
                    None => String::new(),
                };
                errors.push(error_at(
                    key.span(),
                    format!(
                        "`#[odata(key_property = {:?})]` names no property of `{}`; the properties are {}{hint}",
                        key.as_str(),
                        attrs.ident,
                        if names.is_empty() { "none".to_owned() } else { names.join(", ") }
                    ),
                ));
                true
            }
        };
        keys.push(KeyProperty { name: key.as_str().to_owned(), span: key.span(), own });
    }
    keys
}

fn attrs_nullable(attrs: &ContainerAttrs, ident: &syn::Ident) -> Option<bool> {
    let darling::ast::Data::Struct(fields) = &attrs.data else { return None };
    fields.fields.iter().find(|f| f.ident.as_ref() == Some(ident)).and_then(|f| f.nullable.as_ref().map(|n| **n))
}

/// A wire name within edit distance 2 of `key`, or whose field is named `key`.
fn similar(key: &str, fields: &[Field]) -> Option<String> {
    fields.iter().find_map(|f| match &f.role {
        Role::Property { wire_name, .. } if f.ident == key || edit_distance(wire_name, key) <= 2 => {
            Some(wire_name.clone())
        }
        _ => None,
    })
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let current = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != *cb)).min(row[j] + 1).min(current + 1);
            prev = current;
        }
    }
    row[b.len()]
}

/// A struct with `#[derive(ODataFunction)]` / `#[derive(ODataAction)]`: its fields are the
/// operation's parameters.
fn operation(attrs: &ContainerAttrs, kind: Kind, errors: &mut darling::error::Accumulator) -> Option<OperationModel> {
    let ident = &attrs.ident;
    let derive = kind.derive_name();
    let type_keys = [
        (attrs.type_name.as_ref().map(|t| t.span()), "type"),
        (attrs.base_type.as_ref().map(|b| b.span()), "base_type"),
        (attrs.key_property.first().map(|k| k.span()), "key_property"),
        (attrs.open_type.is_present().then(|| attrs.open_type.span()), "open_type"),
        (attrs.is_abstract.is_present().then(|| attrs.is_abstract.span()), "abstract"),
        (attrs.keyless.is_present().then(|| attrs.keyless.span()), "keyless"),
        (attrs.flags.is_present().then(|| attrs.flags.span()), "flags"),
    ];
    for (span, key) in type_keys {
        if let Some(span) = span {
            let hint = if key == "type" { "name the operation with `name = \"namespace.name\"`" } else { "remove it" };
            errors.push(error_at(span, format!("`#[odata({key})]` is for types, not `#[derive({derive})]`; {hint}")));
        }
    }
    if !attrs.generics.params.is_empty() {
        errors.push(error_at(attrs.generics.span(), format!("`#[derive({derive})]` does not support generic types")));
    }
    if kind == Kind::Action && attrs.composable.is_present() {
        errors.push(error_at(
            attrs.composable.span(),
            "`#[odata(composable)]` is for functions; actions cannot be composed; remove it",
        ));
    }
    let parse_type = |value: &SpannedValue<String>, key: &str, errors: &mut darling::error::Accumulator| {
        match syn::parse_str::<syn::Type>(value) {
            // Tokens parsed from a string sit at the call site; move them to the string, so that
            // a type without an Edm mapping is reported there.
            Ok(ty) => Some(syn::Type::Verbatim(respan(ty.to_token_stream(), value.span()))),
            Err(_) => {
                errors.push(error_at(value.span(), format!("`#[odata({key} = {:?})]` is not a Rust type; write the type as a string, e.g. `{key} = \"Vec<CallRecord>\"`", value.as_str())));
                None
            }
        }
    };
    let binding = attrs.bound_to.as_ref().and_then(|b| parse_type(b, "bound_to", errors)).map(|ty| {
        let name = attrs.binding_parameter.as_ref().map_or("bindingParameter".to_owned(), |n| n.as_str().to_owned());
        (ty, name, attrs.binding_nullable.as_ref().is_none_or(|n| **n))
    });
    if attrs.binding_nullable.is_some() && attrs.bound_to.is_none() {
        errors.push(error_at(
            attrs.binding_nullable.as_ref().map_or(ident.span(), |b| b.span()),
            "`#[odata(binding_nullable)]` is about the binding parameter of a bound operation; add `bound_to = \"...\"` too",
        ));
    }
    let return_facets = attrs.return_facets.as_ref().map(|f| facets(f, errors)).unwrap_or_default();
    if attrs.returns.is_none()
        && let Some(span) = attrs.return_facets.as_ref().and_then(FacetAttrs::first_span)
    {
        errors.push(error_at(span, "`#[odata(return_facets(...))]` describes the result; add `returns = \"...\"` too"));
    }
    if attrs.binding_parameter.is_some() && attrs.bound_to.is_none() {
        errors.push(error_at(
            attrs.binding_parameter.as_ref().map_or(ident.span(), |b| b.span()),
            "`#[odata(binding_parameter)]` names the binding parameter of a bound operation; add `bound_to = \"...\"` too",
        ));
    }
    let returns = attrs
        .returns
        .as_ref()
        .and_then(|r| parse_type(r, "returns", errors))
        .map(|ty| (ty, attrs.return_nullable.as_ref().is_none_or(|n| **n), return_facets));
    if kind == Kind::Function && attrs.returns.is_none() {
        errors.push(error_at(
            ident.span(),
            "a function returns something; add `#[odata(returns = \"...\")]` with the Rust type of its `<ReturnType>`",
        ));
    }
    let qualified = match &attrs.name {
        Some(name) => match case::split_qualified_name(name) {
            Some(parts) => Some((parts.0.to_owned(), parts.1.to_owned(), name.as_str().to_owned())),
            None => {
                errors.push(error_at(
                    name.span(),
                    malformed_name("name", name, "microsoft.graph.callRecords.getPstnCalls"),
                ));
                None
            }
        },
        None => {
            errors.push(error_at(
                ident.span(),
                format!("`#[derive({derive})]` needs the operation's name; add `#[odata(name = \"namespace.name\")]`, e.g. `#[odata(name = \"microsoft.graph.callRecords.getPstnCalls\")]`"),
            ));
            None
        }
    };
    let fields = match &attrs.data {
        darling::ast::Data::Struct(fields) if fields.style != darling::ast::Style::Tuple => &fields.fields,
        _ => {
            errors.push(error_at(
                ident.span(),
                format!("`#[derive({derive})]` needs a struct with named fields (its parameters) or a unit struct"),
            ));
            return None;
        }
    };
    let mut parameters = Vec::with_capacity(fields.len());
    for field in fields {
        let Some(field_ident) = field.ident.clone() else { continue };
        for (present, span, key) in [
            (field.base.is_present(), field.base.span(), "base"),
            (field.navigation.is_present(), field.navigation.span(), "navigation"),
            (field.contains_target.is_present(), field.contains_target.span(), "contains_target"),
            (field.read_only.is_present(), field.read_only.span(), "read_only"),
            (field.partner.is_some(), field.partner.as_ref().map_or(field_ident.span(), |p| p.span()), "partner"),
            (
                !field.referential_constraint.is_empty(),
                field.referential_constraint.first().map_or(field_ident.span(), |c| c.span()),
                "referential_constraint",
            ),
            (field.constant.is_some(), field.constant.as_ref().map_or(field_ident.span(), |c| c.span()), "constant"),
        ] {
            if present {
                errors.push(error_at(
                    span,
                    format!("`#[odata({key})]` is for properties of types, not parameters of operations; remove it"),
                ));
            }
        }
        let wire_name = match &field.rename {
            Some(rename) if !case::is_simple_identifier(rename) => {
                errors.push(error_at(
                    rename.span(),
                    format!(
                        "`#[odata(rename = {:?})]` is not a valid parameter name; use letters, digits and `_`",
                        rename.as_str()
                    ),
                ));
                continue;
            }
            Some(rename) => rename.as_str().to_owned(),
            None => case::field_to_wire(&field_ident.to_string()),
        };
        parameters.push(OperationParameter {
            ident: field_ident,
            ty: field.ty.clone(),
            wire_name,
            nullable: field.nullable.as_ref().is_none_or(|n| **n),
            facets: facets(&field.facets, errors),
        });
    }
    let (namespace, name, qualified_name) = qualified?;
    Some(OperationModel {
        ident: ident.clone(),
        krate: attrs.crate_path.as_ref().map_or(quote!(::odata_core), |p| p.to_token_stream()),
        namespace,
        name,
        qualified_name,
        kind,
        binding,
        returns,
        composable: attrs.composable.is_present(),
        parameters,
    })
}

/// An enum with `#[derive(ODataEntity)]` / `#[derive(ODataComplex)]`: one newtype variant per
/// type a value may have, the declared type first. Whether each variant's type fits is checked
/// by constant assertions in the expansion, since only the compiler knows the types' names.
fn holder(attrs: &ContainerAttrs, kind: Kind, errors: &mut darling::error::Accumulator) -> Option<Vec<HolderVariant>> {
    let derive = kind.derive_name();
    let darling::ast::Data::Enum(variants) = &attrs.data else { return None };
    let struct_keys = [
        (attrs.base_type.as_ref().map(|b| b.span()), "base_type"),
        // (On a complex type, `container` already reported `key_property`.)
        (attrs.key_property.first().filter(|_| kind == Kind::Entity).map(|k| k.span()), "key_property"),
        (attrs.open_type.is_present().then(|| attrs.open_type.span()), "open_type"),
        (attrs.is_abstract.is_present().then(|| attrs.is_abstract.span()), "abstract"),
        (attrs.keyless.is_present().then(|| attrs.keyless.span()), "keyless"),
    ];
    for (span, key) in struct_keys {
        if let Some(span) = span {
            errors.push(error_at(
                span,
                format!("`#[odata({key})]` belongs on the struct of the type; an enum with `#[derive({derive})]` only lists the types a value may have; move it to the struct"),
            ));
        }
    }
    if variants.is_empty() {
        errors.push(error_at(
            attrs.ident.span(),
            format!("`#[derive({derive})]` on an enum needs one variant per type a value may have, the declared type first, e.g. `Endpoint(Endpoint)`"),
        ));
        return None;
    }
    if variants.iter().all(|v| v.fields.style == darling::ast::Style::Unit) {
        errors.push(error_at(
            attrs.ident.span(),
            format!("`#[derive({derive})]` on an enum of unit variants; for an OData enumeration type use `#[derive(ODataEnum)]` (an enum with `#[derive({derive})]` holds the types a value may have, e.g. `Endpoint(Endpoint)`)"),
        ));
        return None;
    }
    let mut out = Vec::with_capacity(variants.len());
    for variant in variants {
        let field = match (variant.fields.style, variant.fields.fields.as_slice()) {
            (darling::ast::Style::Tuple, [field]) => field,
            _ => {
                errors.push(error_at(
                    variant.ident.span(),
                    format!("variant `{}` must hold exactly one type, as in `{0}({0})`; an enum with `#[derive({derive})]` lists the types a value may have", variant.ident),
                ));
                continue;
            }
        };
        reject_member_keys(variant, "a variant of a polymorphic enum; the type it holds has its own name", errors);
        // The same type written twice (an alias is caught by a constant assertion instead).
        let written = field.ty.to_token_stream().to_string();
        if let Some(first) = out.iter().find(|v: &&HolderVariant| v.ty.to_token_stream().to_string() == written) {
            errors.push(error_at(
                field.ty.span(),
                format!(
                    "variant `{}` holds the same type as `{}`; keep one variant per type",
                    variant.ident, first.ident
                ),
            ));
            continue;
        }
        let (ty, boxed) = match generic_argument(&field.ty, "Box") {
            Some(inner) => (inner.clone(), true),
            None => (field.ty.clone(), false),
        };
        out.push(HolderVariant { ident: variant.ident.clone(), ty, boxed });
    }
    Some(out)
}

fn enumeration(
    attrs: &ContainerAttrs,
    errors: &mut darling::error::Accumulator,
) -> Option<(Vec<Member>, Option<syn::Ident>)> {
    let ident = &attrs.ident;
    let darling::ast::Data::Enum(variants) = &attrs.data else {
        errors.push(error_at(
            ident.span(),
            "`#[derive(ODataEnum)]` needs a Rust enum; for an entity or complex type use `#[derive(ODataEntity)]` or `#[derive(ODataComplex)]`",
        ));
        return None;
    };
    if variants.is_empty() {
        errors.push(error_at(
            ident.span(),
            "an enumeration type needs at least one member; add a variant per CSDL `Member`",
        ));
    }
    let is_flags = attrs.flags.is_present();
    let mut members: Vec<Member> = Vec::new();
    let mut catch_all: Option<syn::Ident> = None;
    let mut next_value: i64 = 0;
    let mut by_name: BTreeMap<String, &syn::Ident> = BTreeMap::new();
    let mut by_value: BTreeMap<i64, &syn::Ident> = BTreeMap::new();
    for variant in variants {
        match variant.fields.style {
            darling::ast::Style::Unit => {}
            darling::ast::Style::Tuple if variant.fields.len() == 1 => {
                catch_all_variant(variant, &mut catch_all, errors);
                continue;
            }
            _ => {
                errors.push(error_at(
                    variant.ident.span(),
                    format!("variant `{}` has fields; enumeration members are unit variants, plus at most one catch-all such as `Other(String)`", variant.ident),
                ));
                continue;
            }
        }
        let name = match &variant.rename {
            Some(rename) if !case::is_simple_identifier(rename) => {
                errors.push(error_at(rename.span(), format!("`#[odata(rename = {:?})]` is not a valid member name; use letters, digits and `_`, starting with a letter or `_`", rename.as_str())));
                continue;
            }
            Some(rename) => rename.as_str().to_owned(),
            None => case::variant_to_member(&variant.ident.to_string()),
        };
        let value = match &variant.value {
            Some(value) => value.0,
            None if is_flags => {
                errors.push(error_at(
                    variant.ident.span(),
                    format!("member `{name}` of a flags enumeration needs an explicit value; add `#[odata(value = ...)]` with the CSDL `Value` (a power of two)"),
                ));
                continue;
            }
            None => next_value,
        };
        if is_flags && value < 0 {
            errors.push(error_at(
                variant.value.as_ref().map_or(variant.ident.span(), |v| v.span()),
                "flags members need non-negative values; use the CSDL `Value`",
            ));
        }
        next_value = value.saturating_add(1);
        if let Some(other) = by_name.insert(name.clone(), &variant.ident) {
            errors.push(error_at(variant.ident.span(), format!("variant `{}` has the member name `{name}`, as `{other}` does; give it another with `#[odata(rename = \"...\")]`", variant.ident)));
        }
        if let Some(other) = by_value.insert(value, &variant.ident) {
            let span = variant.value.as_ref().map_or(variant.ident.span(), |v| v.span());
            errors.push(error_at(span, format!("variant `{}` has the value {value}, as `{other}` does; give each member its own `#[odata(value = ...)]`", variant.ident)));
        }
        members.push(Member { variant: variant.ident.clone(), name, value });
    }
    Some((members, catch_all))
}

fn catch_all_variant(variant: &VariantAttrs, slot: &mut Option<syn::Ident>, errors: &mut darling::error::Accumulator) {
    let Some(field) = variant.fields.fields.first() else { return };
    let holds_text = last_segment_is(&field.ty, "String")
        || generic_argument(&field.ty, "Box")
            .is_some_and(|inner| matches!(inner, syn::Type::Path(p) if p.path.is_ident("str")));
    if !holds_text {
        errors.push(error_at(
            field.ty.span(),
            format!(
                "the catch-all variant `{}` must hold a `String`; it keeps the text of members the model does not know",
                variant.ident
            ),
        ));
    }
    let what = format!("the catch-all variant `{}`; it holds whatever member the service sends", variant.ident);
    reject_member_keys(variant, &what, errors);
    match slot {
        Some(first) => errors.push(error_at(
            variant.ident.span(),
            format!(
                "a second catch-all variant `{}` (after `{first}`); keep one variant that holds unknown members",
                variant.ident
            ),
        )),
        None => *slot = Some(variant.ident.clone()),
    }
}

fn respan(tokens: TokenStream, span: Span) -> TokenStream {
    tokens
        .into_iter()
        .map(|mut token| {
            if let proc_macro2::TokenTree::Group(group) = &token {
                let mut inner = proc_macro2::Group::new(group.delimiter(), respan(group.stream(), span));
                inner.set_span(span);
                token = proc_macro2::TokenTree::Group(inner);
            }
            token.set_span(span);
            token
        })
        .collect()
}

/// `rename` and `value` name and number enumeration members; on other variants they are errors.
fn reject_member_keys(variant: &VariantAttrs, what: &str, errors: &mut darling::error::Accumulator) {
    let keys =
        [(variant.rename.as_ref().map(|r| r.span()), "rename"), (variant.value.as_ref().map(|v| v.span()), "value")];
    for (span, key) in keys {
        if let Some(span) = span {
            errors.push(error_at(span, format!("`#[odata({key})]` does not apply to {what}; remove it")));
        }
    }
}

/// `T` of a type whose last path segment is `name<T>` (`Option<T>`, `::core::option::Option<T>`).
pub fn generic_argument<'a>(ty: &'a syn::Type, name: &str) -> Option<&'a syn::Type> {
    let syn::Type::Path(path) = ty else { return None };
    if path.qself.is_some() {
        return None;
    }
    let segment = path.path.segments.last()?;
    if segment.ident != name {
        return None;
    }
    let syn::PathArguments::AngleBracketed(args) = &segment.arguments else { return None };
    let mut types = args.args.iter().filter_map(|arg| match arg {
        syn::GenericArgument::Type(ty) => Some(ty),
        _ => None,
    });
    let first = types.next()?;
    (args.args.len() == 1).then_some(first)
}

fn last_segment_is(ty: &syn::Type, name: &str) -> bool {
    matches!(ty, syn::Type::Path(path) if path.qself.is_none() && path.path.segments.last().is_some_and(|s| s.ident == name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edit_distances() {
        assert_eq!(edit_distance("idd", "id"), 1);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("", "ab"), 2);
    }
}
