//! `#[derive(ODataEnum)]`: an enumeration type. Unit variants are its members; one variant holding
//! a `String` may keep the members the model does not know.

use std::collections::BTreeMap;

use darling::util::{Ignored, SpannedValue};
use syn::spanned::Spanned;

use super::{EnumModel, Kind, Member, Model, check_not_generic, container, generic_argument, last_segment_is};
use crate::ast::{EnumAttrs, Input, MemberAttrs, error_at};
use crate::case;

pub(super) fn validate(
    input: Input<EnumAttrs, MemberAttrs, Ignored>,
    mut errors: darling::error::Accumulator,
) -> darling::Result<Model> {
    let Input { attrs, data } = input;
    let container = container(&attrs.ident, &attrs.common, Kind::Enum, &mut errors);
    check_not_generic(&attrs.generics, Kind::Enum, &mut errors);
    let members = members(&attrs, &data, &mut errors);
    let underlying_type = members.as_ref().and_then(|(members, _)| underlying_type(&attrs, members, &mut errors));
    errors.finish()?;
    match (container, members) {
        (Some(container), Some((members, catch_all))) => Ok(Model::Enum(EnumModel {
            container,
            is_flags: attrs.flags.is_present(),
            underlying_type,
            members,
            catch_all,
        })),
        // Every path that yields no part has pushed an error.
        _ => Err(darling::Error::custom("the input could not be read")),
    }
}

/// The members, in order, and the catch-all variant if there is one.
fn members(
    attrs: &EnumAttrs,
    data: &darling::ast::Data<MemberAttrs, Ignored>,
    errors: &mut darling::error::Accumulator,
) -> Option<(Vec<Member>, Option<syn::Ident>)> {
    let ident = &attrs.ident;
    let darling::ast::Data::Enum(variants) = data else {
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
        let Some(name) = member_name(variant, errors) else { continue };
        let Some(value) = member_value(variant, &name, is_flags, next_value, errors) else { continue };
        next_value = value.saturating_add(1);
        members.push(Member { variant: variant.ident.clone(), name, value });
    }
    check_distinct_members(variants, &members, errors);
    Some((members, catch_all))
}

/// The member's name: `rename = "..."`, a simple identifier, or the variant's name with a
/// lowercase first letter.
fn member_name(variant: &MemberAttrs, errors: &mut darling::error::Accumulator) -> Option<String> {
    match &variant.rename {
        Some(rename) if !case::is_simple_identifier(rename) => {
            errors.push(error_at(rename.span(), format!("`#[odata(rename = {:?})]` is not a valid member name; use letters, digits and `_`, starting with a letter or `_`", rename.as_str())));
            None
        }
        Some(rename) => Some(rename.as_str().to_owned()),
        None => Some(case::variant_to_member(&variant.ident.to_string())),
    }
}

/// The member's value: `value = ...`, or one more than the previous member's. Members of a flags
/// enumeration give theirs, and none is negative.
fn member_value(
    variant: &MemberAttrs,
    name: &str,
    is_flags: bool,
    next_value: i64,
    errors: &mut darling::error::Accumulator,
) -> Option<i64> {
    let value = match &variant.value {
        Some(value) => value.0,
        None if is_flags => {
            errors.push(error_at(
                variant.ident.span(),
                format!("member `{name}` of a flags enumeration needs an explicit value; add `#[odata(value = ...)]` with the CSDL `Value` (a power of two)"),
            ));
            return None;
        }
        None => next_value,
    };
    if is_flags && value < 0 {
        errors.push(error_at(
            variant.value.as_ref().map_or(variant.ident.span(), SpannedValue::span),
            "flags members need non-negative values; use the CSDL `Value`",
        ));
    }
    Some(value)
}

/// Two members may share neither a name nor a value; reported under the later one.
fn check_distinct_members(variants: &[MemberAttrs], members: &[Member], errors: &mut darling::error::Accumulator) {
    let mut by_name: BTreeMap<&str, &syn::Ident> = BTreeMap::new();
    let mut by_value: BTreeMap<i64, &syn::Ident> = BTreeMap::new();
    for member in members {
        let ident = &member.variant;
        if let Some(other) = by_name.insert(&member.name, ident) {
            errors.push(error_at(ident.span(), format!("variant `{ident}` has the member name `{}`, as `{other}` does; give it another with `#[odata(rename = \"...\")]`", member.name)));
        }
        if let Some(other) = by_value.insert(member.value, ident) {
            let given = variants.iter().find(|v| v.ident == *ident).and_then(|v| v.value.as_ref());
            let span = given.map_or(ident.span(), SpannedValue::span);
            errors.push(error_at(span, format!("variant `{ident}` has the value {}, as `{other}` does; give each member its own `#[odata(value = ...)]`", member.value)));
        }
    }
}

/// The catch-all variant holds a `String` (or `Box<str>`), takes no member keys, and is the only
/// one.
fn catch_all_variant(variant: &MemberAttrs, slot: &mut Option<syn::Ident>, errors: &mut darling::error::Accumulator) {
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
    // `rename` and `value` name and number members; the catch-all holds whatever member the
    // service sends. (The receiver takes them, since it cannot tell this variant from a member.)
    let keys = [
        (variant.rename.as_ref().map(SpannedValue::span), "rename"),
        (variant.value.as_ref().map(SpannedValue::span), "value"),
    ];
    for (span, key) in keys {
        if let Some(span) = span {
            errors.push(error_at(span, format!("`#[odata({key})]` does not apply to the catch-all variant `{}`; it holds whatever member the service sends; remove it", variant.ident)));
        }
    }
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

/// `underlying_type` of an enumeration: one of CSDL's integer types, wide enough for every member.
fn underlying_type(attrs: &EnumAttrs, members: &[Member], errors: &mut darling::error::Accumulator) -> Option<String> {
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
