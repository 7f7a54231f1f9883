//! Code generation from a validated model. Nothing here fails: errors were found in `valid.rs`.

mod enumeration;
mod operation;
mod polymorphic;
mod structured;

use darling::FromDeriveInput;
use proc_macro2::TokenStream;

use crate::ast::ContainerAttrs;
use crate::fallback;
use crate::valid::{self, Kind, Model};

/// Runs one derive: parse, validate, expand; on errors, report them all plus a fallback impl.
pub fn derive(input: TokenStream, kind: Kind) -> TokenStream {
    let input: syn::DeriveInput = match syn::parse2(input) {
        Ok(input) => input,
        Err(error) => return error.to_compile_error(),
    };
    match try_expand(&input, kind) {
        Ok(tokens) => tokens,
        Err(errors) => {
            let mut tokens = errors.write_errors();
            tokens.extend(fallback::expand(&input, kind));
            tokens
        }
    }
}

fn try_expand(input: &syn::DeriveInput, kind: Kind) -> darling::Result<TokenStream> {
    let attrs = ContainerAttrs::from_derive_input(input)?;
    Ok(match valid::validate(attrs, kind)? {
        Model::Struct(model) => structured::expand(&model),
        Model::Enum(model) => enumeration::expand(&model),
        Model::Holder(model) => polymorphic::expand(&model),
        Model::Operation(model) => operation::expand(&model),
    })
}

#[cfg(test)]
mod snapshots;
