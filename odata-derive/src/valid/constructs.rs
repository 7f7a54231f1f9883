//! Rules of the model constructs beyond types and properties: facets (on properties, parameters,
//! return types and type definitions), the newtype of a type definition, and an enumeration's
//! underlying type. Each pushes its errors and yields what is valid.

use super::{Facets, MaxLength, Member, Scale, Srid};
use crate::ast::{ContainerAttrs, FacetAttrs, FacetValue, error_at};

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

/// `#[derive(ODataTypeDefinition)]`: a tuple struct with one field, the underlying primitive.
pub(super) fn type_definition(
    attrs: &ContainerAttrs,
    errors: &mut darling::error::Accumulator,
) -> Option<(syn::Type, Facets)> {
    let facets = facets(&attrs.facets, errors);
    let field = match &attrs.data {
        darling::ast::Data::Struct(fields) if fields.style == darling::ast::Style::Tuple && fields.len() == 1 => {
            fields.fields.first()
        }
        _ => None,
    };
    let Some(field) = field else {
        errors.push(error_at(
            attrs.ident.span(),
            format!("`#[derive(ODataTypeDefinition)]` needs a newtype over the underlying primitive, e.g. `pub struct {}(pub Decimal);`", attrs.ident),
        ));
        return None;
    };
    let field_keys = [
        (field.navigation.is_present().then(|| field.navigation.span()), "navigation"),
        (field.base.is_present().then(|| field.base.span()), "base"),
        (field.rename.as_ref().map(|r| r.span()), "rename"),
        (field.nullable.as_ref().map(|n| n.span()), "nullable"),
        (field.constant.as_ref().map(|c| c.span()), "constant"),
        (field.facets.first_span(), field.facets.first().map_or("max_length", |(_, key)| key)),
    ];
    for (span, key) in field_keys {
        if let Some(span) = span {
            errors.push(error_at(span, format!("`#[odata({key})]` does not apply to the field of a type definition; facets go on the struct, as in `#[odata(type = \"...\", max_length = 40)]`; remove it")));
        }
    }
    Some((field.ty.clone(), facets))
}

/// `underlying_type` of an enumeration: one of CSDL's integer types, wide enough for every member.
pub(super) fn underlying_type(
    attrs: &ContainerAttrs,
    members: &[Member],
    errors: &mut darling::error::Accumulator,
) -> Option<String> {
    let declared = attrs.underlying_type.as_ref()?;
    let range: (i64, i64) = match declared.as_str() {
        "Edm.Byte" => (0, 255),
        "Edm.SByte" => (-128, 127),
        "Edm.Int16" => (i64::from(i16::MIN), i64::from(i16::MAX)),
        "Edm.Int32" => (i64::from(i32::MIN), i64::from(i32::MAX)),
        "Edm.Int64" => (i64::MIN, i64::MAX),
        other => {
            errors.push(error_at(declared.span(), format!("`#[odata(underlying_type = {other:?})]` is not an integer type of CSDL; use `Edm.Byte`, `Edm.SByte`, `Edm.Int16`, `Edm.Int32` or `Edm.Int64`")));
            return None;
        }
    };
    for member in members.iter().filter(|m| m.value < range.0 || m.value > range.1) {
        errors.push(error_at(
            member.variant.span(),
            format!("member `{}` has the value {}, which does not fit in `{}` ({}..={}); change the value or the underlying type", member.name, member.value, declared.as_str(), range.0, range.1),
        ));
    }
    Some(declared.as_str().to_owned())
}
