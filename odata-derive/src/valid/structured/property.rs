//! The rules of one field of an entity or complex type: which role its keys and type give it
//! (the inherited part, a structural or navigation property, unknown data), and which keys go
//! with that role.

use quote::ToTokens;
use syn::spanned::Spanned;

use super::super::constants::constant_name;
use super::super::{Constraint, Role, facets, generic_argument, last_segment_is};
use crate::ast::{PropertyAttrs, error_at};
use crate::case;

/// What a field is, from its attributes and type: each role's rules in turn, in the order its
/// errors are reported.
pub(super) fn field_role(
    field: &PropertyAttrs,
    ident: &syn::Ident,
    owner: &syn::Ident,
    errors: &mut darling::error::Accumulator,
) -> Option<Role> {
    let wire_name = wire_name(field, ident, errors);
    let nullable = field.nullable.as_ref().is_none_or(|n| **n);
    if field.base.is_present() {
        check_base_field_keys(field, ident, errors);
        return Some(Role::Base);
    }
    check_read_only_placement(field, errors);
    let facets = facets(&field.facets, errors);
    if field.navigation.is_present() {
        return navigation(field, ident, wire_name, nullable, errors);
    }
    check_navigation_only_keys(field, errors);
    if last_segment_is(&field.ty, "AdditionalData") {
        check_additional_data_keys(field, errors);
        return Some(Role::AdditionalData);
    }
    check_navigation_marked(field, ident, errors)?;
    let inner = check_property_type(field, ident, owner, errors)?;
    Some(Role::Property { inner, wire_name, nullable, read_only: field.read_only.is_present(), facets })
}

/// The wire name: `rename = "..."` when it is a valid property name, else the field name in
/// camelCase.
fn wire_name(field: &PropertyAttrs, ident: &syn::Ident, errors: &mut darling::error::Accumulator) -> String {
    let name = case::field_to_wire(&ident.to_string());
    match &field.rename {
        Some(rename) if !case::is_wire_name(rename) => {
            errors.push(error_at(
                rename.span(),
                format!("`#[odata(rename = {:?})]` is not a valid property name; use letters, digits and `_`, starting with a letter or `_`", rename.as_str()),
            ));
            name
        }
        Some(rename) => rename.as_str().to_owned(),
        None => name,
    }
}

/// The `#[odata(base)]` field is not a property: no property keys.
fn check_base_field_keys(field: &PropertyAttrs, ident: &syn::Ident, errors: &mut darling::error::Accumulator) {
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
}

/// `read_only` is for structural properties, not navigation properties or unknown data.
fn check_read_only_placement(field: &PropertyAttrs, errors: &mut darling::error::Accumulator) {
    if field.read_only.is_present() && (field.navigation.is_present() || last_segment_is(&field.ty, "AdditionalData")) {
        errors.push(error_at(
            field.read_only.span(),
            "`#[odata(read_only)]` applies to structural properties; remove it",
        ));
    }
}

/// `partner`, `referential_constraint` and `contains_target` need `navigation`.
fn check_navigation_only_keys(field: &PropertyAttrs, errors: &mut darling::error::Accumulator) {
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
    if field.contains_target.is_present() {
        errors.push(error_at(field.contains_target.span(), "`#[odata(contains_target)]` applies to navigation properties; add `navigation`, as in `#[odata(navigation, contains_target)]`"));
    }
}

/// A navigation property: no facets, `partner` and constraints are paths, the type is
/// `Navigation<...>`.
fn navigation(
    field: &PropertyAttrs,
    ident: &syn::Ident,
    wire_name: String,
    nullable: bool,
    errors: &mut darling::error::Accumulator,
) -> Option<Role> {
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
    let constraints = constraints(field, errors);
    let Some(target) = generic_argument(&field.ty, "Navigation") else {
        errors.push(error_at(
            field.ty.span(),
            format!("navigation property `{ident}` must have type `Navigation<...>`; use `Navigation<Entity>` for one entity or `Navigation<Vec<Entity>>` for a collection"),
        ));
        return None;
    };
    Some(Role::Navigation {
        target: target.clone(),
        wire_name,
        nullable,
        contains_target: field.contains_target.is_present(),
        partner,
        constraints,
    })
}

/// Each `referential_constraint(...)` names two property paths.
fn constraints(field: &PropertyAttrs, errors: &mut darling::error::Accumulator) -> Vec<Constraint> {
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
    constraints
}

/// The `AdditionalData` field holds unknown data, not a property: no property keys.
fn check_additional_data_keys(field: &PropertyAttrs, errors: &mut darling::error::Accumulator) {
    if let Some(rename) = &field.rename {
        errors.push(error_at(rename.span(), "`#[odata(rename)]` does not apply to the `AdditionalData` field; it holds unknown data, not a property; remove it"));
    }
    if let Some(nullable) = &field.nullable {
        errors.push(error_at(nullable.span(), "`#[odata(nullable)]` does not apply to the `AdditionalData` field; it holds unknown data, not a property; remove it"));
    }
    if let Some((span, key)) = field.facets.first() {
        errors.push(error_at(span, format!("`#[odata({key})]` does not apply to the `AdditionalData` field; it holds unknown data, not a property; remove it")));
    }
}

/// A field of type `Navigation<...>` is marked `navigation`.
fn check_navigation_marked(
    field: &PropertyAttrs,
    ident: &syn::Ident,
    errors: &mut darling::error::Accumulator,
) -> Option<()> {
    if last_segment_is(&field.ty, "Navigation") {
        errors.push(error_at(
            field.ty.span(),
            format!("field `{ident}` has type `Navigation<...>` but is not marked as a navigation property; add `#[odata(navigation)]`"),
        ));
        return None;
    }
    Some(())
}

/// A structural property is an `Option<T>` (not `Option<Option<T>>`); yields `T`.
fn check_property_type(
    field: &PropertyAttrs,
    ident: &syn::Ident,
    owner: &syn::Ident,
    errors: &mut darling::error::Accumulator,
) -> Option<syn::Type> {
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
        Some(inner) => Some(inner.clone()),
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
pub(super) fn is_path(path: &str) -> bool {
    path.split('/').all(|segment| case::is_wire_name(segment) || case::split_qualified_name(segment).is_some())
}
