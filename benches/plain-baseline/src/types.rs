//! Field types: odata-core's value types become the plain types a serde user would write (the
//! Edm text types stay text), and a holder enum becomes its declared type, wherever they nest
//! (`Option<Vec<odata_core::DateTimeOffset>>` -> `Option<Vec<String>>`).

use std::collections::BTreeMap;

use syn::visit_mut::{self, VisitMut};
use syn::{GenericArgument, PathArguments, Type, UseTree, parse_quote};

use crate::index::{Index, last_segment, resolve};

/// The names a file brings in from odata-core with `use`.
#[derive(Debug, Default)]
pub struct Imports {
    /// Local name -> odata-core name (`use odata_core::Date as D` -> `D` -> `Date`).
    names: BTreeMap<String, String>,
    /// `use odata_core::*` (or `odata_core::edm::*`): any name odata-core's may come from there.
    glob: bool,
}

impl Imports {
    /// Records a `use` tree if it starts at `odata_core`; says whether it did (the item then goes).
    pub fn add(&mut self, tree: &UseTree) -> bool {
        match tree {
            UseTree::Path(p) if p.ident == "odata_core" => {
                self.walk(&p.tree);
                true
            }
            _ => false,
        }
    }

    fn walk(&mut self, tree: &UseTree) {
        match tree {
            UseTree::Path(p) => self.walk(&p.tree),
            UseTree::Name(n) => {
                self.names.insert(n.ident.to_string(), n.ident.to_string());
            }
            UseTree::Rename(r) => {
                self.names.insert(r.rename.to_string(), r.ident.to_string());
            }
            UseTree::Glob(_) => self.glob = true,
            UseTree::Group(g) => g.items.iter().for_each(|t| self.walk(t)),
        }
    }
}

/// The rewrite of the types of one item's fields.
pub struct PlainTypes<'a> {
    pub index: &'a Index,
    pub module: &'a [String],
    pub imports: &'a Imports,
    /// The first odata-core type met that has no plain counterpart.
    pub unknown: Option<String>,
}

impl PlainTypes<'_> {
    /// The odata-core name of a type path (`odata_core::edm::PropertyPath` -> `PropertyPath`),
    /// through the file's imports for a bare name.
    fn odata_core_name(&self, path: &syn::Path) -> Option<String> {
        let first = path.segments.first()?.ident.to_string();
        if first == "odata_core" {
            return Some(last_segment(path));
        }
        if path.segments.len() != 1 || path.leading_colon.is_some() {
            return None;
        }
        if let Some(name) = self.imports.names.get(&first) {
            return Some(name.clone());
        }
        let declared_here = resolve(self.module, path).is_some_and(|p| self.index.qualified.contains_key(&p));
        (self.imports.glob && !declared_here && plain_counterpart(&first)).then_some(first)
    }

    /// The plain type for an odata-core type; `None` if it has none.
    fn plain(&mut self, name: &str, path: &syn::Path) -> Option<Type> {
        Some(match name {
            "DateTimeOffset"
            | "Date"
            | "TimeOfDay"
            | "Duration"
            | "Decimal"
            | "Binary"
            | "PropertyPath"
            | "NavigationPropertyPath"
            | "AnyPropertyPath"
            | "AnnotationPath"
            | "ModelElementPath" => {
                parse_quote!(String)
            }
            "Untyped" => parse_quote!(serde_json::Value),
            "AdditionalData" => parse_quote!(std::collections::BTreeMap<String, serde_json::Value>),
            "Flags" => {
                let mut inner = type_argument(path)?;
                self.visit_type_mut(&mut inner);
                inner
            }
            "Navigation" => {
                let inner = type_argument(path)?;
                match &inner {
                    Type::Path(p) if last_segment(&p.path) == "Vec" => {
                        let mut element = type_argument(&p.path)?;
                        self.visit_type_mut(&mut element);
                        parse_quote!(Option<Vec<#element>>)
                    }
                    _ => {
                        let mut inner = inner;
                        self.visit_type_mut(&mut inner);
                        parse_quote!(Option<Box<#inner>>)
                    }
                }
            }
            _ => return None,
        })
    }
}

/// Whether odata-core has a type of this name that the twin replaces.
fn plain_counterpart(name: &str) -> bool {
    matches!(
        name,
        "DateTimeOffset"
            | "Date"
            | "TimeOfDay"
            | "Duration"
            | "Decimal"
            | "Binary"
            | "PropertyPath"
            | "NavigationPropertyPath"
            | "AnyPropertyPath"
            | "AnnotationPath"
            | "ModelElementPath"
            | "Untyped"
            | "AdditionalData"
            | "Flags"
            | "Navigation"
    )
}

/// The first type argument of a path's last segment (`T` of `Navigation<T>`).
fn type_argument(path: &syn::Path) -> Option<Type> {
    let PathArguments::AngleBracketed(args) = &path.segments.last()?.arguments else { return None };
    args.args.iter().find_map(|a| match a {
        GenericArgument::Type(t) => Some(t.clone()),
        _ => None,
    })
}

/// `target` as written in `module`: its bare name in its own module, else `crate::...` (the
/// form the generator writes). Made of identifiers taken from parsed paths, so it parses; were it
/// not to, the field keeps the holder's path.
fn path_from(module: &[String], target: &[String]) -> Option<syn::Path> {
    let (name, parent) = target.split_last()?;
    let text = if parent == module { name.clone() } else { format!("crate::{}", target.join("::")) };
    syn::parse_str(&text).ok()
}

impl VisitMut for PlainTypes<'_> {
    fn visit_type_mut(&mut self, ty: &mut Type) {
        if let Type::Path(tp) = ty
            && tp.qself.is_none()
        {
            if let Some(name) = self.odata_core_name(&tp.path) {
                match self.plain(&name, &tp.path.clone()) {
                    Some(plain) => *ty = plain,
                    None => {
                        self.unknown.get_or_insert(name);
                    }
                }
                return;
            }
            let segments: Vec<String> = tp.path.segments.iter().map(|s| s.ident.to_string()).collect();
            if segments == ["uuid", "Uuid"] {
                *ty = parse_quote!(String);
                return;
            }
            let declared = resolve(self.module, &tp.path).and_then(|p| self.index.holders.get(&p));
            if let Some(path) = declared.and_then(|d| path_from(self.module, d)) {
                tp.path = path;
                return;
            }
        }
        visit_mut::visit_type_mut(self, ty);
    }
}

#[cfg(test)]
mod tests {
    use quote::ToTokens;

    use super::*;

    fn twin(ty: &str, imports: &str) -> String {
        let mut index = Index::default();
        index.holders.insert(vec!["graph".into(), "AnyIdentitySet".into()], vec!["graph".into(), "IdentitySet".into()]);
        index.holders.insert(vec!["cr".into(), "AnyEndpoint".into()], vec!["cr".into(), "Endpoint".into()]);
        let mut uses = Imports::default();
        if !imports.is_empty() {
            let item: syn::ItemUse = syn::parse_str(imports).unwrap();
            assert!(uses.add(&item.tree));
        }
        let module = vec!["cr".to_owned()];
        let mut rewrite = PlainTypes { index: &index, module: &module, imports: &uses, unknown: None };
        let mut ty: Type = syn::parse_str(ty).unwrap();
        rewrite.visit_type_mut(&mut ty);
        match rewrite.unknown {
            Some(name) => format!("unknown {name}"),
            None => ty.to_token_stream().to_string(),
        }
    }

    #[test]
    fn edm_text_types_become_strings() {
        assert_eq!(twin("Option<odata_core::DateTimeOffset>", ""), "Option < String >");
        assert_eq!(twin("Option<Vec<odata_core::Duration>>", ""), "Option < Vec < String > >");
        assert_eq!(twin("odata_core::edm::PropertyPath", ""), "String");
        assert_eq!(twin("::odata_core::Decimal", ""), "String");
        assert_eq!(twin("Option<uuid::Uuid>", ""), "Option < String >");
        assert_eq!(twin("Option<odata_core::Untyped>", ""), "Option < serde_json :: Value >");
    }

    #[test]
    fn flags_become_their_enum_and_navigation_an_option() {
        assert_eq!(twin("Option<odata_core::Flags<Modality>>", ""), "Option < Modality >");
        assert_eq!(twin("odata_core::Navigation<Session>", ""), "Option < Box < Session > >");
        assert_eq!(twin("odata_core::Navigation<Vec<Session>>", ""), "Option < Vec < Session > >");
    }

    #[test]
    fn holders_become_their_declared_type_in_the_form_the_generator_writes() {
        assert_eq!(twin("Option<crate::graph::AnyIdentitySet>", ""), "Option < crate :: graph :: IdentitySet >");
        assert_eq!(twin("Option<AnyEndpoint>", ""), "Option < Endpoint >");
        assert_eq!(twin("odata_core::Navigation<Vec<AnyEndpoint>>", ""), "Option < Vec < Endpoint > >");
        assert_eq!(twin("Option<crate::cr::AnyEndpoint>", ""), "Option < Endpoint >");
        assert_eq!(twin("Option<AnyIdentitySet>", ""), "Option < AnyIdentitySet >", "not a holder of this module");
    }

    #[test]
    fn imported_names_are_recognised() {
        assert_eq!(twin("Option<D>", "use odata_core::{Date as D, Navigation};"), "Option < String >");
        assert_eq!(
            twin("Navigation<Session>", "use odata_core::{Date as D, Navigation};"),
            "Option < Box < Session > >"
        );
        assert_eq!(twin("Option<Date>", "use odata_core::*;"), "Option < String >");
        assert_eq!(twin("Option<Date>", ""), "Option < Date >", "not odata-core's without an import");
    }

    #[test]
    fn odata_core_types_without_a_counterpart_are_reported() {
        assert_eq!(twin("odata_core::Page<Session>", ""), "unknown Page");
        assert_eq!(twin("odata_core::Navigation", ""), "unknown Navigation");
    }
}
