//! The constants a structured type gets for typed queries (`Session::START_DATE_TIME`): one per
//! property, named after the field in upper case or by `#[odata(constant = "...")]`. An inherent
//! constant wins over a trait's in `Session::NAME`, so a property's constant must not take the name
//! of a constant the derive implements, and two properties must not share one.

use std::collections::BTreeMap;

use super::{Field, Role};
use crate::ast::{PropertyAttrs, error_at};

/// Constants of the traits every entity and complex type implements that a property's constant
/// would hide. (`EdmType::TYPE` is left out: a field `r#type` has always given `TYPE`, Graph types
/// have such a property, and the Edm type stays reachable as `<T as EdmType>::TYPE`.)
const RESERVED: [(&str, &str); 3] =
    [("QUALIFIED_NAME", "ODataType"), ("TYPE_ANNOTATION", "ODataType"), ("TYPE_INFO", "ODataType")];

/// The name of the field's constant: `constant = "..."` when it is an upper-case identifier (else
/// `check_constants` reports it), or the field name in upper case.
pub(super) fn constant_name(attrs: &PropertyAttrs, ident: &syn::Ident) -> syn::Ident {
    match &attrs.constant {
        Some(name) if is_constant_name(name) => syn::Ident::new(name, name.span()),
        _ => {
            let rust_name = ident.to_string();
            quote::format_ident!("{}", rust_name.strip_prefix("r#").unwrap_or(&rust_name).to_uppercase())
        }
    }
}

/// An upper-case Rust identifier that is not a keyword (`KIND`, `START_DATE_TIME`, `_2FA`).
fn is_constant_name(name: &str) -> bool {
    name.starts_with(|c: char| c.is_ascii_uppercase() || c == '_')
        && name != "_"
        && name.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
}

/// Reports a malformed or misplaced `constant`, a constant that hides a trait's, and constants
/// shared by several fields (under each of them).
pub(super) fn check_constants(attrs: &[PropertyAttrs], fields: &[Field], errors: &mut darling::error::Accumulator) {
    let given =
        |ident: &syn::Ident| attrs.iter().find(|a| a.ident.as_ref() == Some(ident)).and_then(|a| a.constant.as_ref());
    // `constant` on fields that get no constant.
    for attr in attrs {
        let Some(constant) = &attr.constant else { continue };
        let field = fields.iter().find(|f| attr.ident.as_ref() == Some(&f.ident));
        let what = match field.map(|f| &f.role) {
            Some(Role::Base) => "the `#[odata(base)]` field; the base part is not a property",
            Some(Role::AdditionalData) => "the `AdditionalData` field; it holds unknown data, not a property",
            _ => "",
        };
        if !what.is_empty() {
            errors.push(error_at(constant.span(), format!("`#[odata(constant)]` does not apply to {what}; remove it")));
        } else if !is_constant_name(constant) {
            errors.push(error_at(
                constant.span(),
                format!("`#[odata(constant = {:?})]` is not a constant name; write an upper-case Rust identifier, e.g. `constant = \"KIND\"`", constant.as_str()),
            ));
        }
    }
    let mut by_name: BTreeMap<String, Vec<&Field>> = BTreeMap::new();
    for field in fields.iter().filter(|f| matches!(f.role, Role::Property { .. } | Role::Navigation { .. })) {
        let name = field.constant.to_string();
        if let Some((_, owner)) = RESERVED.iter().find(|(reserved, _)| *reserved == name) {
            let ident = &field.ident;
            let span = given(ident).map_or(ident.span(), |c| c.span());
            errors.push(error_at(
                span,
                format!("field `{ident}` would get the query constant `{name}`, which hides `{owner}::{name}`; name its constant with `#[odata(constant = \"{name}_PROPERTY\")]`"),
            ));
        }
        by_name.entry(name).or_default().push(field);
    }
    for (name, fields) in by_name.into_iter().filter(|(_, fields)| fields.len() > 1) {
        for field in &fields {
            let ident = &field.ident;
            let others: Vec<String> =
                fields.iter().filter(|other| other.ident != *ident).map(|other| format!("`{}`", other.ident)).collect();
            let span = given(ident).map_or(ident.span(), |c| c.span());
            errors.push(error_at(
                span,
                format!("field `{ident}` gets the query constant `{name}`, as {} does; give it another with `#[odata(constant = \"...\")]`", others.join(", ")),
            ));
        }
    }
}
