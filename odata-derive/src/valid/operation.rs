//! `#[derive(ODataFunction)]` and `#[derive(ODataAction)]`: a struct whose fields are the
//! operation's parameters.

use darling::util::{Ignored, SpannedValue};
use quote::ToTokens;
use syn::spanned::Spanned;

use super::{Facets, Kind, Model, OperationModel, OperationParameter, facets, krate, malformed_name, respan};
use crate::ast::{ActionAttrs, FacetAttrs, FunctionAttrs, Input, OperationKeys, ParameterAttrs, Places, error_at};
use crate::case;

/// Where the receivers of an operation sit, for darling's errors.
pub(super) fn places(kind: Kind) -> Places {
    Places {
        container: if kind == Kind::Function { "`#[derive(ODataFunction)]`" } else { "`#[derive(ODataAction)]`" },
        field: "a parameter of an operation",
        variant: "a variant",
    }
}

pub(super) fn function(
    input: Input<FunctionAttrs, Ignored, ParameterAttrs>,
    errors: darling::error::Accumulator,
) -> darling::Result<Model> {
    let Input { attrs, data } = input;
    let parts = Parts {
        ident: &attrs.ident,
        generics: &attrs.generics,
        keys: &attrs.operation,
        composable: attrs.composable.is_present(),
    };
    validate(&parts, &data, Kind::Function, errors)
}

pub(super) fn action(
    input: Input<ActionAttrs, Ignored, ParameterAttrs>,
    errors: darling::error::Accumulator,
) -> darling::Result<Model> {
    let Input { attrs, data } = input;
    let parts = Parts { ident: &attrs.ident, generics: &attrs.generics, keys: &attrs.operation, composable: false };
    validate(&parts, &data, Kind::Action, errors)
}

/// What functions and actions share, borrowed from either receiver.
struct Parts<'a> {
    ident: &'a syn::Ident,
    generics: &'a syn::Generics,
    keys: &'a OperationKeys,
    composable: bool,
}

fn validate(
    parts: &Parts<'_>,
    data: &darling::ast::Data<Ignored, ParameterAttrs>,
    kind: Kind,
    mut errors: darling::error::Accumulator,
) -> darling::Result<Model> {
    let Parts { ident, keys, .. } = *parts;
    if !parts.generics.params.is_empty() {
        errors.push(error_at(
            parts.generics.span(),
            format!("`#[derive({})]` does not support generic types", kind.derive_name()),
        ));
    }
    let binding = binding(keys, &mut errors);
    let returns = returns(ident, keys, kind, &mut errors);
    let qualified = qualified_name(ident, keys, kind, &mut errors);
    let parameters = parameters(ident, data, kind, &mut errors);
    errors.finish()?;
    match (qualified, parameters) {
        (Some((namespace, name, qualified_name)), Some(parameters)) => Ok(Model::Operation(Box::new(OperationModel {
            ident: ident.clone(),
            krate: krate(keys.crate_path.as_ref()),
            namespace,
            name,
            qualified_name,
            kind,
            binding,
            returns,
            composable: parts.composable,
            parameters,
        }))),
        // Every path that yields no part has pushed an error.
        _ => Err(darling::Error::custom("the input could not be read")),
    }
}

/// A Rust type written as a string (`returns = "Vec<CallRecord>"`).
fn parse_type(value: &SpannedValue<String>, key: &str, errors: &mut darling::error::Accumulator) -> Option<syn::Type> {
    match syn::parse_str::<syn::Type>(value) {
        // Tokens parsed from a string sit at the call site; move them to the string, so that
        // a type without an Edm mapping is reported there.
        Ok(ty) => Some(syn::Type::Verbatim(respan(ty.to_token_stream(), value.span()))),
        Err(_) => {
            errors.push(error_at(value.span(), format!("`#[odata({key} = {:?})]` is not a Rust type; write the type as a string, e.g. `{key} = \"Vec<CallRecord>\"`", value.as_str())));
            None
        }
    }
}

/// The binding parameter of a bound operation: `bound_to`, with `binding_parameter` and
/// `binding_nullable` only next to it.
fn binding(keys: &OperationKeys, errors: &mut darling::error::Accumulator) -> Option<(syn::Type, String, bool)> {
    let binding = keys.bound_to.as_ref().and_then(|b| parse_type(b, "bound_to", errors)).map(|ty| {
        let name = keys.binding_parameter.as_ref().map_or("bindingParameter".to_owned(), |n| n.as_str().to_owned());
        (ty, name, keys.binding_nullable.as_ref().is_none_or(|n| **n))
    });
    if keys.bound_to.is_none() {
        if let Some(nullable) = &keys.binding_nullable {
            errors.push(error_at(
                nullable.span(),
                "`#[odata(binding_nullable)]` is about the binding parameter of a bound operation; add `bound_to = \"...\"` too",
            ));
        }
        if let Some(name) = &keys.binding_parameter {
            errors.push(error_at(
                name.span(),
                "`#[odata(binding_parameter)]` names the binding parameter of a bound operation; add `bound_to = \"...\"` too",
            ));
        }
    }
    binding
}

/// The result: `returns` (required on functions), with `return_nullable` and `return_facets`.
fn returns(
    ident: &syn::Ident,
    keys: &OperationKeys,
    kind: Kind,
    errors: &mut darling::error::Accumulator,
) -> Option<(syn::Type, bool, Facets)> {
    let return_facets = keys.return_facets.as_ref().map(|f| facets(f, errors)).unwrap_or_default();
    if keys.returns.is_none()
        && let Some(span) = keys.return_facets.as_ref().and_then(FacetAttrs::first_span)
    {
        errors.push(error_at(span, "`#[odata(return_facets(...))]` describes the result; add `returns = \"...\"` too"));
    }
    if kind == Kind::Function && keys.returns.is_none() {
        errors.push(error_at(
            ident.span(),
            "a function returns something; add `#[odata(returns = \"...\")]` with the Rust type of its `<ReturnType>`",
        ));
    }
    keys.returns
        .as_ref()
        .and_then(|r| parse_type(r, "returns", errors))
        .map(|ty| (ty, keys.return_nullable.as_ref().is_none_or(|n| **n), return_facets))
}

/// `name = "namespace.name"` (required): the namespace, the name and the qualified name.
fn qualified_name(
    ident: &syn::Ident,
    keys: &OperationKeys,
    kind: Kind,
    errors: &mut darling::error::Accumulator,
) -> Option<(String, String, String)> {
    let Some(name) = &keys.name else {
        errors.push(error_at(
            ident.span(),
            format!("`#[derive({})]` needs the operation's name; add `#[odata(name = \"namespace.name\")]`, e.g. `#[odata(name = \"microsoft.graph.callRecords.getPstnCalls\")]`", kind.derive_name()),
        ));
        return None;
    };
    match case::split_qualified_name(name) {
        Some((namespace, simple)) => Some((namespace.to_owned(), simple.to_owned(), name.as_str().to_owned())),
        None => {
            errors
                .push(error_at(name.span(), malformed_name("name", name, "microsoft.graph.callRecords.getPstnCalls")));
            None
        }
    }
}

/// The parameters: the named fields of the struct (a unit struct has none), each named by
/// `rename` or its field name in camelCase.
fn parameters(
    ident: &syn::Ident,
    data: &darling::ast::Data<Ignored, ParameterAttrs>,
    kind: Kind,
    errors: &mut darling::error::Accumulator,
) -> Option<Vec<OperationParameter>> {
    let fields = match data {
        darling::ast::Data::Struct(fields) if fields.style != darling::ast::Style::Tuple => &fields.fields,
        _ => {
            errors.push(error_at(
                ident.span(),
                format!(
                    "`#[derive({})]` needs a struct with named fields (its parameters) or a unit struct",
                    kind.derive_name()
                ),
            ));
            return None;
        }
    };
    let mut parameters = Vec::with_capacity(fields.len());
    for field in fields {
        let Some(field_ident) = field.ident.clone() else { continue };
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
    Some(parameters)
}
