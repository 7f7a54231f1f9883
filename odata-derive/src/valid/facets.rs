//! Facets, as written on property fields, parameters, `return_facets(...)` and type definitions.

use super::{Facets, MaxLength, Scale, Srid};
use crate::ast::{FacetAttrs, FacetValue, error_at};

/// The facets as declared, each checked on its own (whether a facet fits the property's type is
/// the service's business: CSDL allows them on several types).
pub fn facets(attrs: &FacetAttrs, errors: &mut darling::error::Accumulator) -> Facets {
    let mut out = Facets {
        precision: attrs.precision.as_ref().map(|p| **p),
        unicode: attrs.unicode.as_ref().map(|u| **u),
        default_value: attrs.default_value.as_ref().map(|d| d.as_str().to_owned()),
        ..Facets::default()
    };
    if let Some(value) = &attrs.max_length {
        match &**value {
            FacetValue::Number(0) => errors.push(error_at(value.span(), "`#[odata(max_length = 0)]` allows no value at all; write the longest length, e.g. `max_length = 40`, or `max_length = \"max\"`")),
            FacetValue::Number(n) => out.max_length = Some(MaxLength::Length(*n)),
            FacetValue::Word(word) if word == "max" => out.max_length = Some(MaxLength::Max),
            FacetValue::Word(word) => errors.push(error_at(value.span(), format!("`#[odata(max_length = {word:?})]` is not a length; write a number, e.g. `max_length = 40`, or `max_length = \"max\"`"))),
        }
    }
    if let Some(value) = &attrs.scale {
        match &**value {
            FacetValue::Number(n) => {
                if let Some(precision) = &attrs.precision
                    && *n > **precision
                {
                    errors.push(error_at(value.span(), format!("`#[odata(scale = {n})]` is more than `precision = {}`; the scale counts digits within the precision, so it is at most the precision", **precision)));
                }
                out.scale = Some(Scale::Digits(*n));
            }
            FacetValue::Word(word) if word == "variable" => out.scale = Some(Scale::Variable),
            FacetValue::Word(word) if word == "floating" => out.scale = Some(Scale::Floating),
            FacetValue::Word(word) => errors.push(error_at(value.span(), format!("`#[odata(scale = {word:?})]` is not a scale; write a number of digits, e.g. `scale = 4`, or `scale = \"variable\"` or `scale = \"floating\"`"))),
        }
    }
    if let Some(value) = &attrs.srid {
        match &**value {
            FacetValue::Number(n) => out.srid = Some(Srid::Id(*n)),
            FacetValue::Word(word) if word == "variable" => out.srid = Some(Srid::Variable),
            FacetValue::Word(word) => errors.push(error_at(value.span(), format!("`#[odata(srid = {word:?})]` is not a spatial reference system; write its number, e.g. `srid = 4326`, or `srid = \"variable\"`"))),
        }
    }
    out
}
