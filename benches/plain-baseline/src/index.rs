//! Pass one: what the rewrite of one item needs to know about the others. A holder variant is
//! renamed to the `@odata.type` of the type it holds, which is declared on that type, maybe in
//! another module; a field typed with a holder takes the holder's declared type instead.
//!
//! Types are known by their absolute module path (`["graph", "IdentitySet"]`); a Rust path in
//! the source is resolved by the forms generated code uses (`Name`, `crate::m::Name`, `self::`,
//! `super::`), not through `use` items.

use std::collections::BTreeMap;

use syn::punctuated::Punctuated;
use syn::{Attribute, Expr, ExprLit, Item, Lit, Token};

use crate::ErrorKind;

/// The derives the tool knows, by their last path segment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Derive {
    Entity,
    Complex,
    Enum,
    TypeDefinition,
    Function,
    Action,
    Service,
}

impl Derive {
    fn from_name(name: &str) -> Option<Self> {
        Some(match name {
            "ODataEntity" => Derive::Entity,
            "ODataComplex" => Derive::Complex,
            "ODataEnum" => Derive::Enum,
            "ODataTypeDefinition" => Derive::TypeDefinition,
            "ODataFunction" => Derive::Function,
            "ODataAction" => Derive::Action,
            "ODataService" => Derive::Service,
            _ => return None,
        })
    }
}

/// The odata derive among an item's `#[derive(...)]` attributes.
pub fn odata_derive(attrs: &[Attribute]) -> Result<Option<Derive>, ErrorKind> {
    for attr in attrs.iter().filter(|a| a.path().is_ident("derive")) {
        let paths =
            attr.parse_args_with(Punctuated::<syn::Path, Token![,]>::parse_terminated).map_err(ErrorKind::Parse)?;
        if let Some(derive) = paths.iter().find_map(|p| Derive::from_name(&last_segment(p))) {
            return Ok(Some(derive));
        }
    }
    Ok(None)
}

/// One argument of an `#[odata(...)]` attribute: its key, and its value if that is a string.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Arg {
    key: String,
    value: Option<String>,
}

/// The arguments of every `#[odata(...)]` attribute, in order. Parsed with
/// `parse_nested_meta`, which takes keywords as keys (`type = "..."`); lists such as
/// `referential_constraint(...)` are skipped whole.
pub fn odata_args(attrs: &[Attribute]) -> Result<Vec<Arg>, ErrorKind> {
    let mut args = Vec::new();
    for attr in attrs.iter().filter(|a| a.path().is_ident("odata")) {
        attr.parse_nested_meta(|meta| {
            let key = meta.path.segments.last().map(|s| s.ident.to_string()).unwrap_or_default();
            let mut value = None;
            if meta.input.peek(Token![=]) {
                if let Expr::Lit(ExprLit { lit: Lit::Str(s), .. }) = meta.value()?.parse::<Expr>()? {
                    value = Some(s.value());
                }
            } else if meta.input.peek(syn::token::Paren) {
                let content;
                syn::parenthesized!(content in meta.input);
                content.parse::<proc_macro2::TokenStream>()?;
            }
            args.push(Arg { key, value });
            Ok(())
        })
        .map_err(ErrorKind::Parse)?;
    }
    Ok(args)
}

/// The string value of `key = "..."` among the arguments.
pub fn string_arg(args: &[Arg], key: &str) -> Option<String> {
    args.iter().find(|a| a.key == key).and_then(|a| a.value.clone())
}

/// Whether the bare key `key` is among the arguments (`base`, `navigation`).
pub fn flag(args: &[Arg], key: &str) -> bool {
    args.iter().any(|a| a.key == key && a.value.is_none())
}

pub fn last_segment(path: &syn::Path) -> String {
    path.segments.last().map(|s| s.ident.to_string()).unwrap_or_default()
}

/// The absolute module path of `path` as seen from `module`, by the forms generated code uses;
/// `None` for a path from another crate (`::x`, `odata_core::`, `std::`, ... cannot name a
/// derived type of this crate, and a lookup of them simply fails).
pub fn resolve(module: &[String], path: &syn::Path) -> Option<Vec<String>> {
    if path.leading_colon.is_some() {
        return None;
    }
    let segments: Vec<String> = path.segments.iter().map(|s| s.ident.to_string()).collect();
    let (first, rest) = segments.split_first()?;
    let mut out = module.to_vec();
    match first.as_str() {
        "crate" => return Some(rest.to_vec()),
        "self" => {}
        "super" => {
            out.pop()?;
            let mut rest = rest;
            while let Some(("super", tail)) = rest.split_first().map(|(h, t)| (h.as_str(), t)) {
                out.pop()?;
                rest = tail;
            }
            out.extend(rest.iter().cloned());
            return Some(out);
        }
        _ => out.push(first.clone()),
    }
    out.extend(rest.iter().cloned());
    Some(out)
}

/// The derived types of a crate.
#[derive(Debug, Default)]
pub struct Index {
    /// The `#[odata(type = "...")]` of every entity, complex, enum and type definition.
    pub qualified: BTreeMap<Vec<String>, String>,
    /// Every holder enum, with the type of its first variant (the declared type).
    pub holders: BTreeMap<Vec<String>, Vec<String>>,
}

impl Index {
    /// Adds the derived items of one file (and of the inline modules in it).
    pub fn collect(&mut self, items: &[Item], module: &[String]) -> Result<(), ErrorKind> {
        for item in items {
            let (attrs, ident) = match item {
                Item::Struct(s) => (&s.attrs, &s.ident),
                Item::Enum(e) => (&e.attrs, &e.ident),
                Item::Mod(m) => {
                    if let Some((_, items)) = &m.content {
                        let mut inner = module.to_vec();
                        inner.push(m.ident.to_string());
                        self.collect(items, &inner)?;
                    }
                    continue;
                }
                _ => continue,
            };
            let Some(derive) = odata_derive(attrs)? else { continue };
            if !matches!(derive, Derive::Entity | Derive::Complex | Derive::Enum | Derive::TypeDefinition) {
                continue;
            }
            let mut path = module.to_vec();
            path.push(ident.to_string());
            if let Some(name) = string_arg(&odata_args(attrs)?, "type") {
                self.qualified.insert(path.clone(), name);
            }
            if let (Item::Enum(e), Derive::Entity | Derive::Complex) = (item, derive) {
                let declared = e.variants.first().and_then(|v| v.fields.iter().next()).and_then(|f| match &f.ty {
                    syn::Type::Path(p) => resolve(module, &p.path),
                    _ => None,
                });
                if let Some(declared) = declared {
                    self.holders.insert(path, declared);
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn path(text: &str) -> syn::Path {
        syn::parse_str(text).unwrap()
    }

    #[test]
    fn paths_resolve_by_the_forms_generated_code_uses() {
        let module = vec!["a".to_owned(), "b".to_owned()];
        assert_eq!(resolve(&module, &path("X")), Some(vec!["a".into(), "b".into(), "X".into()]));
        assert_eq!(resolve(&module, &path("crate::graph::X")), Some(vec!["graph".into(), "X".into()]));
        assert_eq!(resolve(&module, &path("self::X")), Some(vec!["a".into(), "b".into(), "X".into()]));
        assert_eq!(resolve(&module, &path("super::X")), Some(vec!["a".into(), "X".into()]));
        assert_eq!(resolve(&module, &path("super::super::X")), Some(vec!["X".into()]));
        assert_eq!(resolve(&module, &path("super::super::super::X")), None);
        assert_eq!(resolve(&module, &path("::odata_core::Date")), None);
    }

    #[test]
    fn holders_and_qualified_names_are_collected_across_inline_modules() {
        let file: syn::File = syn::parse_str(
            r#"
            mod m {
                #[derive(odata_core::ODataComplex)]
                #[odata(type = "ns.base")]
                pub struct Base {}
                #[derive(ODataComplex)]
                #[odata(type = "ns.base")]
                pub enum AnyBase { Base(Base), Derived(super::Derived) }
            }
            #[derive(serde::Serialize)]
            pub struct NotDerived {}
            "#,
        )
        .unwrap();
        let mut index = Index::default();
        index.collect(&file.items, &[]).unwrap();
        let names: Vec<(String, String)> = index.qualified.iter().map(|(k, v)| (k.join("::"), v.clone())).collect();
        assert_eq!(names, [("m::AnyBase".to_owned(), "ns.base".to_owned()), ("m::Base".into(), "ns.base".into())]);
        let holders: Vec<(String, String)> = index.holders.iter().map(|(k, v)| (k.join("::"), v.join("::"))).collect();
        assert_eq!(holders, [("m::AnyBase".to_owned(), "m::Base".to_owned())]);
    }
}
