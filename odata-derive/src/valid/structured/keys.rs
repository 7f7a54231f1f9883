//! An entity type's key: `key_property` names structural properties (own or inherited), never
//! null; `keyless`, an abstract type and a derived type may go without.

use darling::util::SpannedValue;

use super::super::{Field, KeyProperty, Role};
use crate::ast::{EntityAttrs, PropertyAttrs, error_at};

/// The key properties, in the order given; marks the own ones non-nullable.
pub(super) fn keys(
    attrs: &EntityAttrs,
    props: &[PropertyAttrs],
    fields: &mut [Field],
    has_base: bool,
    errors: &mut darling::error::Accumulator,
) -> Vec<KeyProperty> {
    check_keyless_without_key(attrs, errors);
    check_key_present(attrs, has_base, errors);
    let mut keys: Vec<KeyProperty> = Vec::new();
    for key in &attrs.key_property {
        if keys.iter().any(|k| k.name == **key) {
            errors.push(error_at(
                key.span(),
                format!("`#[odata(key_property = {:?})]` is given twice; name each key property once", key.as_str()),
            ));
            continue;
        }
        let own = key_property(attrs, key, props, fields, has_base, errors);
        keys.push(KeyProperty { name: key.as_str().to_owned(), span: key.span(), own });
    }
    keys
}

/// `keyless` and `key_property` contradict each other.
fn check_keyless_without_key(attrs: &EntityAttrs, errors: &mut darling::error::Accumulator) {
    if attrs.keyless.is_present() && !attrs.key_property.is_empty() {
        errors.push(error_at(attrs.keyless.span(), "`#[odata(keyless)]` contradicts `key_property`; remove one"));
    }
}

/// An entity type has a key, unless it says `keyless`, is abstract or inherits one.
fn check_key_present(attrs: &EntityAttrs, has_base: bool, errors: &mut darling::error::Accumulator) {
    if attrs.key_property.is_empty()
        && !has_base
        && !attrs.structured.is_abstract.is_present()
        && !attrs.keyless.is_present()
    {
        errors.push(error_at(
            attrs.ident.span(),
            "an entity type needs a key; add `#[odata(key_property = \"id\")]` with the docs' `keyProperty`, or derive it from a base type with `base_type`",
        ));
    }
}

/// One `key_property`: a structural property of this type (made non-nullable, and not marked
/// `nullable = true`), or, in a derived type, an inherited one (`false`: checked by a constant
/// assertion, since only the base's derive knows its properties).
fn key_property(
    attrs: &EntityAttrs,
    key: &SpannedValue<String>,
    props: &[PropertyAttrs],
    fields: &mut [Field],
    has_base: bool,
    errors: &mut darling::error::Accumulator,
) -> bool {
    let field = fields.iter_mut().find(|f| match &f.role {
        Role::Property { wire_name, .. } | Role::Navigation { wire_name, .. } => wire_name == key.as_str(),
        _ => false,
    });
    match field {
        Some(Field { role: Role::Property { nullable, .. }, ident, .. }) => {
            let explicit = props.iter().find(|p| p.ident.as_ref() == Some(ident)).and_then(|p| p.nullable.as_ref());
            if explicit.is_some_and(|n| **n) {
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
    }
}

/// A wire name within edit distance 2 of `key`, or whose field is named `key`. (darling's own
/// "did you mean" is private to its errors, so the one suggestion darling cannot make, a value
/// naming a property, keeps this small distance.)
fn similar(key: &str, fields: &[Field]) -> Option<String> {
    fields.iter().find_map(|f| match &f.role {
        Role::Property { wire_name, .. } if f.ident == key || edit_distance(wire_name, key) <= 2 => {
            Some(wire_name.clone())
        }
        _ => None,
    })
}

/// Levenshtein distance, by characters.
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
