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

/// Reads the container with `C`, each variant with `V` and each field with `F`, collecting every
/// error.
pub fn read<C: FromDeriveInput, V: FromVariant, F: FromField>(
    input: &syn::DeriveInput,
    places: &Places,
) -> darling::Result<Input<C, V, F>> {
    let mut errors = darling::Error::accumulator();
    let attrs = errors.handle(C::from_derive_input(input).map_err(|e| explain(e, places.container)));
    let data = match &input.data {
        syn::Data::Struct(data) => {
            let fields = data
                .fields
                .iter()
                .filter_map(|field| errors.handle(F::from_field(field).map_err(|e| explain(e, places.field))))
                .collect::<Vec<_>>();
            Some(Data::Struct(Fields::new(Style::from(&data.fields), fields)))
        }
        syn::Data::Enum(data) => {
            let variants = data
                .variants
                .iter()
                .filter_map(|variant| errors.handle(V::from_variant(variant).map_err(|e| explain(e, places.variant))))
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
    errors.finish()?;
    // `finish` has returned every error, so both parts are here.
    match (attrs, data) {
        (Some(attrs), Some(data)) => Ok(Input { attrs, data }),
        _ => Err(darling::Error::custom("the input could not be read")),
    }
}

/// Adds to each "Unknown field" error where its key belongs, or, when darling had nothing to
/// suggest (a receiver without keys), that the key is to be removed.
fn explain(errors: darling::Error, place: &str) -> darling::Error {
    let explained: Vec<darling::Error> = errors
        .into_iter()
        .map(|error| {
            let text = error.to_string();
            // Errors inside a nested key (`return_facets(...)`) carry a location: their place is
            // that key, not `place`.
            let key = text.strip_prefix("Unknown field: `").filter(|_| !text.contains(" at "));
            let Some(key) = key.and_then(|rest| rest.split('`').next()) else { return error };
            let Some(span) = error.explicit_span() else { return error };
            match belongs(key) {
                Some(owner) => {
                    error_at(span, format!("{text}; `{key}` is a key of {owner}, not of {place}; remove it"))
                }
                None if text.ends_with('`') => {
                    error_at(span, format!("{text}; {place} takes no `#[odata(...)]` keys; remove it"))
                }
                None => error,
            }
        })
        .collect();
    darling::Error::multiple(explained)
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
        "composable" => "functions (`#[derive(ODataFunction)]`): an action's result cannot be queried further",
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
