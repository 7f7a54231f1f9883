//! `#[derive(ODataTypeDefinition)]`: a newtype over a primitive, with the facets on the struct.

use darling::util::Ignored;

use super::{Kind, Model, TypeDefinitionModel, check_not_generic, container_of, facets};
use crate::ast::{Input, TypeDefinitionAttrs, TypeDefinitionFieldAttrs, error_at};

pub(super) fn validate(
    input: Input<TypeDefinitionAttrs, Ignored, TypeDefinitionFieldAttrs>,
    mut errors: darling::error::Accumulator,
) -> darling::Result<Model> {
    let Input { attrs, data } = input;
    let kind = Kind::TypeDefinition;
    let container = container_of(&attrs.ident, attrs.type_name.as_ref(), attrs.crate_path.as_ref(), kind, &mut errors);
    check_not_generic(&attrs.generics, kind, &mut errors);
    let facets = facets(&attrs.facets, &mut errors);
    let inner = newtype(&attrs.ident, &data, &mut errors);
    errors.finish()?;
    match (container, inner) {
        (Some(container), Some(inner)) => {
            Ok(Model::TypeDefinition(Box::new(TypeDefinitionModel { container, inner, facets })))
        }
        // Every path that yields no part has pushed an error.
        _ => Err(darling::Error::custom("the input could not be read")),
    }
}

/// The struct is a tuple struct with one field, the underlying primitive.
fn newtype(
    ident: &syn::Ident,
    data: &darling::ast::Data<Ignored, TypeDefinitionFieldAttrs>,
    errors: &mut darling::error::Accumulator,
) -> Option<syn::Type> {
    let field = match data {
        darling::ast::Data::Struct(fields) if fields.style == darling::ast::Style::Tuple && fields.len() == 1 => {
            fields.fields.first()
        }
        _ => None,
    };
    let Some(field) = field else {
        errors.push(error_at(
            ident.span(),
            format!("`#[derive(ODataTypeDefinition)]` needs a newtype over the underlying primitive, e.g. `pub struct {ident}(pub Decimal);`"),
        ));
        return None;
    };
    Some(field.ty.clone())
}
