//! Entity and complex types (structs): inheritance, the fields' roles, unknown data, wire names and
//! query constants, and an entity's key. The rules of a single field are in `property.rs`, those
//! of the key in `keys.rs`.

use std::collections::BTreeMap;

use darling::util::{Ignored, SpannedValue};
use proc_macro2::Span;
use quote::ToTokens;
use syn::spanned::Spanned;

use super::constants::{check_constants, constant_name};
use super::{
    Base, Field, KeyProperty, Kind, Model, Role, StructModel, check_not_generic, container, generic_argument,
    is_primitive_name, malformed_name,
};
use crate::ast::{ComplexAttrs, EntityAttrs, Input, Places, PropertyAttrs, StructuredKeys, error_at};
use crate::case;

mod keys;
mod property;

/// Where the receivers of a structured type sit, for darling's errors.
pub(super) fn places(kind: Kind) -> Places {
    Places {
        container: if kind == Kind::Entity { "`#[derive(ODataEntity)]`" } else { "`#[derive(ODataComplex)]`" },
        field: "a property field",
        variant: "a variant",
    }
}

pub(super) fn entity(
    input: Input<EntityAttrs, Ignored, PropertyAttrs>,
    errors: darling::error::Accumulator,
) -> darling::Result<Model> {
    let Input { attrs, data } = input;
    let parts = Parts { ident: &attrs.ident, generics: &attrs.generics, keys: &attrs.structured, entity: Some(&attrs) };
    validate(&parts, &data, Kind::Entity, errors)
}

pub(super) fn complex(
    input: Input<ComplexAttrs, Ignored, PropertyAttrs>,
    errors: darling::error::Accumulator,
) -> darling::Result<Model> {
    let Input { attrs, data } = input;
    let parts = Parts { ident: &attrs.ident, generics: &attrs.generics, keys: &attrs.structured, entity: None };
    validate(&parts, &data, Kind::Complex, errors)
}

/// What entity and complex types share, borrowed from either receiver; `entity` holds the keys
/// only entity types have.
struct Parts<'a> {
    ident: &'a syn::Ident,
    generics: &'a syn::Generics,
    keys: &'a StructuredKeys,
    entity: Option<&'a EntityAttrs>,
}

fn validate(
    parts: &Parts<'_>,
    data: &darling::ast::Data<Ignored, PropertyAttrs>,
    kind: Kind,
    mut errors: darling::error::Accumulator,
) -> darling::Result<Model> {
    let container = container(parts.ident, &parts.keys.common, kind, &mut errors);
    check_not_generic(parts.generics, kind, &mut errors);
    check_base_type_name(parts.keys, &mut errors);
    let structure = structure(parts, data, kind, &mut errors);
    errors.finish()?;
    match (container, structure) {
        (Some(container), Some(StructParts { base, keys, fields })) => Ok(Model::Struct(Box::new(StructModel {
            container,
            kind,
            base,
            is_abstract: parts.keys.is_abstract.is_present(),
            is_open: parts.keys.open_type.is_present(),
            has_stream: parts.entity.is_some_and(|e| e.has_stream.is_present()),
            keys,
            fields,
        }))),
        // Every path that yields no part has pushed an error.
        _ => Err(darling::Error::custom("the input could not be read")),
    }
}

/// `base_type` is a namespace-qualified name.
fn check_base_type_name(keys: &StructuredKeys, errors: &mut darling::error::Accumulator) {
    if let Some(base) = &keys.base_type
        && case::split_qualified_name(base).is_none()
    {
        errors.push(error_at(base.span(), malformed_name("base_type", base, "microsoft.graph.entity")));
    }
}

struct StructParts {
    base: Option<Base>,
    keys: Vec<KeyProperty>,
    fields: Vec<Field>,
}

/// The fields' roles, inheritance, unknown data, wire names, constants and (entity types) the key.
fn structure(
    parts: &Parts<'_>,
    data: &darling::ast::Data<Ignored, PropertyAttrs>,
    kind: Kind,
    errors: &mut darling::error::Accumulator,
) -> Option<StructParts> {
    let ident = parts.ident;
    let attrs = parts.keys;
    let fields = named_fields(ident, data, kind, errors)?;
    let mut out = Vec::with_capacity(fields.len());
    let mut base_fields: Vec<(&PropertyAttrs, Span)> = Vec::new();
    let mut additional: Vec<&PropertyAttrs> = Vec::new();
    // `base_type` without an `#[odata(base)]` field, but with a field that holds the base type:
    // say to mark that field, not to make it an `Option` (it is not a property).
    let unmarked_base = attrs.base_type.as_ref().and_then(|base_type| unmarked_base_field(base_type, fields));
    for field in fields {
        let Some(field_ident) = field.ident.clone() else { continue };
        if let (Some(base_type), Some(unmarked)) = (&attrs.base_type, unmarked_base)
            && std::ptr::eq(field, unmarked)
        {
            report_unmarked_base(field, &field_ident, base_type, errors);
            continue;
        }
        if let Some(role) = property::field_role(field, &field_ident, ident, errors) {
            match role {
                Role::Base => base_fields.push((field, field.base.span())),
                Role::AdditionalData => additional.push(field),
                _ => {}
            }
            let constant = constant_name(field, &field_ident);
            out.push(Field { ident: field_ident, constant, role });
        }
    }
    let base = base(attrs, &base_fields, unmarked_base.is_some(), errors);
    check_one_additional_data(&additional, errors);
    check_open_type_has_a_place(attrs, !additional.is_empty() || base.is_some(), errors);
    check_wire_names(fields, &out, errors);
    check_constants(fields, &out, errors);
    // Inheritance that failed validation still counts here: its error already says what to fix.
    let inherits = attrs.base_type.is_some() || !base_fields.is_empty();
    let keys = match parts.entity {
        Some(entity) => keys::keys(entity, fields, &mut out, inherits, errors),
        None => Vec::new(),
    };
    Some(StructParts { base, keys, fields: out })
}

/// An entity or complex type is a struct with named fields.
fn named_fields<'a>(
    ident: &syn::Ident,
    data: &'a darling::ast::Data<Ignored, PropertyAttrs>,
    kind: Kind,
    errors: &mut darling::error::Accumulator,
) -> Option<&'a [PropertyAttrs]> {
    match data {
        darling::ast::Data::Struct(fields) if fields.style == darling::ast::Style::Struct => Some(&fields.fields),
        darling::ast::Data::Struct(_) => {
            errors.push(error_at(
                ident.span(),
                format!(
                    "`#[derive({})]` needs a struct with named fields; each field is an OData property named after it",
                    kind.derive_name()
                ),
            ));
            None
        }
        // Enums are polymorphic holders, read by other receivers.
        darling::ast::Data::Enum(_) => None,
    }
}

/// A field that holds the base type but is not marked `#[odata(base)]`: say to mark it.
fn report_unmarked_base(
    field: &PropertyAttrs,
    field_ident: &syn::Ident,
    base_type: &SpannedValue<String>,
    errors: &mut darling::error::Accumulator,
) {
    let base_ty = generic_argument(&field.ty, "Option").unwrap_or(&field.ty);
    let written = base_ty.to_token_stream().to_string().replace(' ', "");
    let not_option =
        if generic_argument(&field.ty, "Option").is_some() { " (the inherited part is not an `Option`)" } else { "" };
    errors.push(error_at(
        field_ident.span(),
        format!("field `{field_ident}` holds the inherited part of `base_type = {:?}`, not a property; mark it `#[odata(base)]`: `#[odata(base)] pub {field_ident}: {written}`{not_option}", base_type.as_str()),
    ));
}

/// Inheritance: `base_type` and one `#[odata(base)]` field go together.
fn base(
    attrs: &StructuredKeys,
    base_fields: &[(&PropertyAttrs, Span)],
    unmarked: bool,
    errors: &mut darling::error::Accumulator,
) -> Option<Base> {
    if base_fields.len() > 1 {
        for (_, span) in base_fields {
            errors.push(error_at(*span, "`#[odata(base)]` appears on more than one field; a type has one base type, so keep it on the field that holds the inherited part"));
        }
    }
    match (&attrs.base_type, base_fields.first()) {
        (Some(base_type), Some((field, _))) => {
            Some(Base { field: field.ident.clone()?, ty: field.ty.clone(), qualified_name: base_type.clone() })
        }
        // The unmarked field's error already says what to write.
        (Some(_), None) if unmarked => None,
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
    }
}

/// Unknown data goes to one `AdditionalData` field.
fn check_one_additional_data(additional: &[&PropertyAttrs], errors: &mut darling::error::Accumulator) {
    for field in additional.iter().skip(1) {
        errors.push(error_at(
            field.ty.span(),
            "a second `AdditionalData` field; unknown data goes to one place, so keep one such field",
        ));
    }
}

/// An open type keeps its dynamic properties somewhere: its `AdditionalData` field, or its base's.
fn check_open_type_has_a_place(attrs: &StructuredKeys, has_place: bool, errors: &mut darling::error::Accumulator) {
    if attrs.open_type.is_present() && !has_place {
        errors.push(error_at(
            attrs.open_type.span(),
            "`#[odata(open_type)]` needs a place for dynamic properties; add a field `pub additional_data: AdditionalData`",
        ));
    }
}

/// The field that holds the base type when the struct has `base_type` but no `#[odata(base)]`
/// field: a field whose type (or `Option` of it) is a plain name that is, or ends with, the base
/// type's name (`OutlookItem`, `GraphOutlookItem` for `microsoft.graph.outlookItem`), or whose own
/// name is the base type's (`outlook_item: Item`). `None` when no field looks like it, so that no
/// property is taken for the base part (the error at `base_type` then says what to add).
fn unmarked_base_field<'a>(base_type: &str, fields: &'a [PropertyAttrs]) -> Option<&'a PropertyAttrs> {
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

/// Two fields may not share a wire name; report the conflict under each field that takes part.
fn check_wire_names(attrs: &[PropertyAttrs], fields: &[Field], errors: &mut darling::error::Accumulator) {
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
