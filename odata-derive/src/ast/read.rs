//! Runs a derive's receivers over its input: the container's keys with one receiver, each field or
//! variant with another. A key a receiver does not take is rejected by darling ("Unknown field",
//! with its "did you mean" or the keys it takes); when the key belongs somewhere else, the error
//! also says where, since darling only knows the receiver at hand.

use darling::ast::{Data, Fields, Style};
use darling::{FromDeriveInput, FromField, FromVariant};

use super::error_at;

/// A derive's input as its receivers read it.
pub struct Input<C, V, F> {
    /// The container's keys (`#[odata(...)]` on the struct or enum).
    pub attrs: C,
    /// The variants (an enum) or the fields (a struct), each read by its receiver.
    pub data: Data<V, F>,
}

/// Where the receivers sit, as error messages name them: `#[derive(ODataComplex)]`, "a property
/// field", ...
pub struct Places {
    pub container: &'static str,
    pub field: &'static str,
    pub variant: &'static str,
}

/// Reads the container with `C`, each variant with `V` and each field with `F`, pushing every
/// error to `errors`; `None` when a part could not be read at all. After darling rejects a key
/// that belongs elsewhere, the item is read again without it, so that the rules (`valid/`) still
/// see the item and report their errors with darling's, all at once.
pub fn read<C: FromDeriveInput, V: FromVariant, F: FromField>(
    input: &syn::DeriveInput,
    places: &Places,
    errors: &mut darling::error::Accumulator,
) -> Option<Input<C, V, F>> {
    let attrs = tolerant(C::from_derive_input(input), &input.attrs, places.container, errors, |attrs| {
        C::from_derive_input(&syn::DeriveInput { attrs, ..input.clone() })
    });
    let data = match &input.data {
        syn::Data::Struct(data) => {
            let fields = data
                .fields
                .iter()
                .filter_map(|field| {
                    tolerant(F::from_field(field), &field.attrs, places.field, errors, |attrs| {
                        F::from_field(&syn::Field { attrs, ..field.clone() })
                    })
                })
                .collect::<Vec<_>>();
            Some(Data::Struct(Fields::new(Style::from(&data.fields), fields)))
        }
        syn::Data::Enum(data) => {
            let variants = data
                .variants
                .iter()
                .filter_map(|variant| {
                    tolerant(V::from_variant(variant), &variant.attrs, places.variant, errors, |attrs| {
                        V::from_variant(&syn::Variant { attrs, ..variant.clone() })
                    })
                })
                .collect();
            Some(Data::Enum(variants))
        }
        syn::Data::Union(data) => {
            errors.push(error_at(
                data.union_token.span,
                format!("{} does not apply to a union; OData types are structs and enums", places.container),
            ));
            None
        }
    };
    Some(Input { attrs: attrs?, data: data? })
}

/// `first`, darling's reading of an item; when darling rejected only keys that belong elsewhere,
/// pushes its errors (explained) and reads the item again with `retry`, over `attrs` without those
/// keys. (The copy is made only then: most items parse the first time.)
fn tolerant<T>(
    first: darling::Result<T>,
    attrs: &[syn::Attribute],
    place: &str,
    errors: &mut darling::error::Accumulator,
    retry: impl FnOnce(Vec<syn::Attribute>) -> darling::Result<T>,
) -> Option<T> {
    let error = match first {
        Ok(value) => return Some(value),
        Err(error) => error,
    };
    let explained: Vec<(darling::Error, Option<String>)> = error.into_iter().map(|e| explain(e, place)).collect();
    let misplaced: Option<Vec<String>> = explained.iter().map(|(_, key)| key.clone()).collect();
    for (error, _) in explained {
        errors.push(error);
    }
    // Only keys that belong elsewhere: read the rest. (Any other error leaves the item out.)
    retry(without_keys(attrs, &misplaced?)).ok()
}

/// `attrs` with the keys `keys` taken out of each `#[odata(...)]`. The list is split at its
/// top-level commas by hand: `syn::Meta` does not parse a keyword key such as `type`.
fn without_keys(attrs: &[syn::Attribute], keys: &[String]) -> Vec<syn::Attribute> {
    attrs
        .iter()
        .map(|attr| {
            let mut attr = attr.clone();
            if let syn::Meta::List(list) = &mut attr.meta
                && list.path.is_ident("odata")
            {
                let mut items: Vec<Vec<proc_macro2::TokenTree>> = vec![Vec::new()];
                for token in list.tokens.clone() {
                    match &token {
                        proc_macro2::TokenTree::Punct(p) if p.as_char() == ',' => items.push(Vec::new()),
                        _ => items.last_mut().into_iter().for_each(|item| item.push(token.clone())),
                    }
                }
                let kept = items.into_iter().filter(|item| match item.first() {
                    Some(proc_macro2::TokenTree::Ident(ident)) => !keys.iter().any(|key| ident == key),
                    _ => !item.is_empty(),
                });
                let kept: Vec<proc_macro2::TokenStream> = kept.map(|item| item.into_iter().collect()).collect();
                list.tokens = quote::quote!(#(#kept),*);
            }
            attr
        })
        .collect()
}

/// An "Unknown field" error, with where its key belongs, or, when darling had nothing to suggest
/// (a receiver without keys), that the key is to be removed; and the key when it belongs to
/// another derive or item (then removing it is the remedy). Other errors pass through.
fn explain(error: darling::Error, place: &str) -> (darling::Error, Option<String>) {
    let text = error.to_string();
    // Errors inside a nested key (`return_facets(...)`) carry a location: that key is known.
    let key = text.strip_prefix("Unknown field: `").filter(|_| !text.contains(" at "));
    let Some(key) = key.and_then(|rest| rest.split('`').next()).map(str::to_owned) else { return (error, None) };
    let Some(span) = error.explicit_span() else { return (error, None) };
    match belongs(&key) {
        Some(owner) => {
            (error_at(span, format!("Unknown field: `{key}` on {place}; it is a key of {owner}; remove it")), Some(key))
        }
        // A key of no derive: a typo, to be fixed rather than removed, so the item is not read
        // without it (its rules would report the key as missing).
        None if text == format!("Unknown field: `{key}`") => {
            (error_at(span, format!("{text}; {place} takes no `#[odata(...)]` keys; remove it")), None)
        }
        None => (error, None),
    }
}

/// Where each key of the derives belongs, by key.
fn belongs(key: &str) -> Option<&'static str> {
    const TYPES: &str = "entity and complex types (the struct, not an enum of the types a value may have)";
    const ENTITIES: &str = "entity types (`#[derive(ODataEntity)]` on a struct)";
    const ENUMERATIONS: &str = "enumeration types (`#[derive(ODataEnum)]`)";
    const OPERATIONS: &str = "functions and actions (`#[derive(ODataFunction)]`, `#[derive(ODataAction)]`)";
    const PROPERTIES: &str = "the fields of entity and complex types";
    const FACETS: &str =
        "the fields of entity and complex types, the parameters of operations and type definitions (on the struct)";
    Some(match key {
        "type" => {
            "entity, complex and enumeration types and type definitions (a function or action is named with `name = \"namespace.name\"`)"
        }
        "crate" => "the struct or enum under the derive",
        "base_type" | "open_type" | "abstract" => TYPES,
        "key_property" | "keyless" | "has_stream" => ENTITIES,
        "flags" | "underlying_type" => ENUMERATIONS,
        "name" | "bound_to" | "binding_parameter" | "binding_nullable" | "returns" | "return_nullable"
        | "return_facets" => OPERATIONS,
        "composable" => "functions (`#[derive(ODataFunction)]`; an action's result cannot be queried further)",
        "base" | "navigation" | "contains_target" | "constant" | "read_only" | "partner" | "referential_constraint" => {
            PROPERTIES
        }
        "rename" => "the fields of entity and complex types, the parameters of operations and enumeration members",
        "nullable" => "the fields of entity and complex types and the parameters of operations",
        "max_length" | "precision" | "scale" | "srid" | "unicode" | "default_value" => FACETS,
        "value" => "enumeration members (the variants of `#[derive(ODataEnum)]`)",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use crate::valid::{Kind, validate};

    /// Every key of every receiver, with a value of its shape.
    const KEYS: [&str; 34] = [
        "type = \"a.b\"",
        "crate = \"odata_core\"",
        "base_type = \"a.b\"",
        "open_type",
        "abstract",
        "key_property = \"id\"",
        "keyless",
        "has_stream",
        "flags",
        "underlying_type = \"Edm.Byte\"",
        "name = \"a.b\"",
        "bound_to = \"String\"",
        "binding_parameter = \"p\"",
        "binding_nullable = false",
        "returns = \"String\"",
        "return_nullable = false",
        "return_facets(max_length = 4)",
        "composable",
        "base",
        "navigation",
        "contains_target",
        "constant = \"K\"",
        "read_only",
        "partner = \"p\"",
        "referential_constraint(property = \"a\", referenced_property = \"b\")",
        "rename = \"r\"",
        "nullable = false",
        "max_length = 4",
        "precision = 4",
        "scale = 2",
        "srid = 4326",
        "unicode = false",
        "default_value = \"d\"",
        "value = 1",
    ];

    /// The errors of a derive over `source`, one string each.
    fn errors(kind: Kind, source: &str) -> Vec<String> {
        let input: syn::DeriveInput = syn::parse_str(source).expect("valid Rust");
        match validate(&input, kind) {
            Ok(_) => Vec::new(),
            Err(errors) => errors.into_iter().map(|e| e.to_string()).collect(),
        }
    }

    /// Wherever a key is written, it is either taken or rejected with where it belongs: no key of
    /// one receiver meets another with darling's bare "Unknown field".
    #[test]
    fn every_rejected_key_says_where_it_belongs() {
        let mut rejected = 0;
        for key in KEYS {
            let word = key.split([' ', '(']).next().unwrap_or(key);
            let places = [
                (Kind::Entity, format!("#[odata({key})] struct S {{ id: Option<String> }}")),
                (Kind::Complex, format!("#[odata({key})] struct S {{}}")),
                (Kind::Entity, format!("#[odata({key})] enum H {{ A(A) }}")),
                (Kind::Enum, format!("#[odata({key})] enum E {{ A }}")),
                (Kind::TypeDefinition, format!("#[odata({key})] struct T(String);")),
                (Kind::Function, format!("#[odata({key})] struct F;")),
                (Kind::Action, format!("#[odata({key})] struct A;")),
                (Kind::Complex, format!("#[odata(type = \"a.b\")] struct S {{ #[odata({key})] p: Option<String> }}")),
                (Kind::Function, format!("#[odata(name = \"a.f\")] struct F {{ #[odata({key})] p: String }}")),
                (Kind::Enum, format!("#[odata(type = \"a.e\")] enum E {{ #[odata({key})] A }}")),
                (Kind::Complex, format!("#[odata(type = \"a.h\")] enum H {{ #[odata({key})] A(A) }}")),
                (Kind::TypeDefinition, format!("#[odata(type = \"a.t\")] struct T(#[odata({key})] String);")),
            ];
            for (kind, source) in places {
                let unknown = format!("Unknown field: `{word}`");
                for error in errors(kind, &source).iter().filter(|e| e.starts_with(&unknown)) {
                    assert!(error.contains("; it is a key of "), "{kind:?} on `{source}`: {error}");
                    rejected += 1;
                }
            }
        }
        // Most keys belong to one or two places of the twelve.
        assert!(rejected > 300, "only {rejected} rejections: the receivers take keys they should not");
    }
}
