//! An enum with `#[derive(ODataEntity)]` / `#[derive(ODataComplex)]`: a polymorphic holder, one
//! newtype variant per type a value may have, the declared type first. Whether each variant's type
//! fits is checked by constant assertions in the expansion, since only the compiler knows the
//! types' names.

use darling::util::Ignored;
use quote::ToTokens;
use syn::spanned::Spanned;

use super::{HolderModel, HolderVariant, Kind, Model, check_not_generic, container, generic_argument};
use crate::ast::{HolderAttrs, HolderVariantAttrs, Input, error_at};

pub(super) fn validate(
    input: Input<HolderAttrs, HolderVariantAttrs, Ignored>,
    kind: Kind,
    mut errors: darling::error::Accumulator,
) -> darling::Result<Model> {
    let Input { attrs, data } = input;
    let container = container(&attrs.ident, &attrs.common, kind, &mut errors);
    check_not_generic(&attrs.generics, kind, &mut errors);
    let variants = match &data {
        darling::ast::Data::Enum(variants) => variants.as_slice(),
        // `validate` sends enums only here.
        darling::ast::Data::Struct(_) => &[],
    };
    let held = check_variants_present(&attrs.ident, variants, kind, &mut errors)
        .then(|| held_types(variants, kind, &mut errors));
    errors.finish()?;
    match (container, held) {
        (Some(container), Some(variants)) => Ok(Model::Holder(HolderModel { container, kind, variants })),
        // Every path that yields no part has pushed an error.
        _ => Err(darling::Error::custom("the input could not be read")),
    }
}

/// The enum lists types: it has variants, and not only unit ones (that would be an enumeration).
fn check_variants_present(
    ident: &syn::Ident,
    variants: &[HolderVariantAttrs],
    kind: Kind,
    errors: &mut darling::error::Accumulator,
) -> bool {
    let derive = kind.derive_name();
    if variants.is_empty() {
        errors.push(error_at(
            ident.span(),
            format!("`#[derive({derive})]` on an enum needs one variant per type a value may have, the declared type first, e.g. `Endpoint(Endpoint)`"),
        ));
        return false;
    }
    if variants.iter().all(|v| v.fields.style == darling::ast::Style::Unit) {
        errors.push(error_at(
            ident.span(),
            format!("`#[derive({derive})]` on an enum of unit variants; for an OData enumeration type use `#[derive(ODataEnum)]` (an enum with `#[derive({derive})]` holds the types a value may have, e.g. `Endpoint(Endpoint)`)"),
        ));
        return false;
    }
    true
}

/// Each variant holds exactly one type, possibly boxed, and no two hold the same.
fn held_types(
    variants: &[HolderVariantAttrs],
    kind: Kind,
    errors: &mut darling::error::Accumulator,
) -> Vec<HolderVariant> {
    let derive = kind.derive_name();
    let mut out: Vec<HolderVariant> = Vec::with_capacity(variants.len());
    for variant in variants {
        let field = match (variant.fields.style, variant.fields.fields.as_slice()) {
            (darling::ast::Style::Tuple, [field]) => field,
            _ => {
                errors.push(error_at(
                    variant.ident.span(),
                    format!("variant `{}` must hold exactly one type, as in `{0}({0})`; an enum with `#[derive({derive})]` lists the types a value may have", variant.ident),
                ));
                continue;
            }
        };
        // The same type written twice (an alias is caught by a constant assertion instead).
        let written = field.ty.to_token_stream().to_string();
        if let Some(first) = out.iter().find(|v| v.ty.to_token_stream().to_string() == written) {
            errors.push(error_at(
                field.ty.span(),
                format!(
                    "variant `{}` holds the same type as `{}`; keep one variant per type",
                    variant.ident, first.ident
                ),
            ));
            continue;
        }
        let (ty, boxed) = match generic_argument(&field.ty, "Box") {
            Some(inner) => (inner.clone(), true),
            None => (field.ty.clone(), false),
        };
        out.push(HolderVariant { ident: variant.ident.clone(), ty, boxed });
    }
    out
}
