//! `#[derive(ODataService)]` receivers -> a validated container. Every rule that the attributes
//! alone decide lives here, and all errors are collected before any is reported; what needs the
//! types (that a set's type is an entity type, that a binding path names one of its navigation
//! properties, that an import imports an unbound operation) is asserted by the expansion.

use std::collections::BTreeMap;

use darling::util::SpannedValue;
use proc_macro2::{Span, TokenStream};
use quote::{ToTokens, quote};
use syn::spanned::Spanned;

use super::ast::{ServiceAttrs, ServiceFieldAttrs};
use crate::ast::error_at;
use crate::case;
use crate::valid::generic_argument;

/// A validated entity container.
pub struct ServiceModel {
    pub ident: syn::Ident,
    /// The path to odata-core.
    pub krate: TokenStream,
    pub namespace: String,
    pub name: String,
    pub members: Vec<Member>,
}

/// A field of the struct: one child of the container.
pub struct Member {
    pub field: syn::Ident,
    /// The CSDL `Name`.
    pub name: String,
    pub kind: MemberKind,
    /// The type argument of the field's wrapper: the entity type, function or action.
    pub target: syn::Type,
    pub bindings: Vec<(SpannedValue<String>, String)>,
    /// The import's `EntitySet`.
    pub entity_set: Option<String>,
    pub include_in_service_document: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MemberKind {
    EntitySet,
    Singleton,
    FunctionImport,
    ActionImport,
}

impl MemberKind {
    /// The attribute key that declares it.
    fn key(self) -> &'static str {
        match self {
            MemberKind::EntitySet => "entity_set",
            MemberKind::Singleton => "singleton",
            MemberKind::FunctionImport => "function_import",
            MemberKind::ActionImport => "action_import",
        }
    }

    /// The wrapper type a field of this kind has.
    pub fn wrapper(self) -> &'static str {
        match self {
            MemberKind::EntitySet => "EntitySet",
            MemberKind::Singleton => "Singleton",
            MemberKind::FunctionImport => "FunctionImport",
            MemberKind::ActionImport => "ActionImport",
        }
    }

    /// What the wrapper's type argument is, for messages.
    fn argument(self) -> &'static str {
        match self {
            MemberKind::EntitySet | MemberKind::Singleton => "EntityType",
            MemberKind::FunctionImport => "Function",
            MemberKind::ActionImport => "Action",
        }
    }
}

pub fn validate(attrs: ServiceAttrs) -> darling::Result<ServiceModel> {
    let mut errors = darling::Error::accumulator();
    let ident = &attrs.ident;
    if !attrs.generics.params.is_empty() || attrs.generics.where_clause.is_some() {
        errors.push(error_at(
            attrs.generics.span(),
            "`#[derive(ODataService)]` does not support generic types; an entity container has no type parameters",
        ));
    }
    let namespace = match &attrs.namespace {
        Some(namespace) if namespace.split('.').all(case::is_simple_identifier) => Some(namespace.as_str().to_owned()),
        Some(namespace) => {
            errors.push(error_at(namespace.span(), format!("`#[odata(namespace = {:?})]` is not a namespace; write dotted identifiers of letters, digits and `_`, e.g. `NorthwindModel` or `microsoft.graph`", namespace.as_str())));
            None
        }
        None => {
            errors.push(error_at(ident.span(), "`#[derive(ODataService)]` needs the namespace of the container's schema; add `#[odata(namespace = \"...\")]`, e.g. `#[odata(namespace = \"microsoft.graph\", container = \"GraphService\")]`"));
            None
        }
    };
    let name = match &attrs.container {
        Some(name) if case::is_simple_identifier(name) => Some(name.as_str().to_owned()),
        Some(name) => {
            errors.push(error_at(name.span(), format!("`#[odata(container = {:?})]` is not a simple identifier; write letters, digits and `_`, e.g. `NorthwindEntities`", name.as_str())));
            None
        }
        None => {
            errors.push(error_at(ident.span(), "`#[derive(ODataService)]` needs the container's name; add `#[odata(container = \"...\")]`, e.g. `#[odata(namespace = \"microsoft.graph\", container = \"GraphService\")]`"));
            None
        }
    };
    let fields = match &attrs.data {
        darling::ast::Data::Struct(fields) if fields.style == darling::ast::Style::Struct => &fields.fields[..],
        _ => {
            errors.push(error_at(ident.span(), "`#[derive(ODataService)]` needs a struct with named fields; each field is an entity set, singleton or import of the container"));
            &[]
        }
    };
    let mut members = Vec::new();
    for field in fields {
        if let Some(member) = member(field, &mut errors) {
            members.push(member);
        }
    }
    check_names(fields, &mut errors);
    check_targets(fields, &members, &mut errors);
    errors.finish()?;
    let krate = match &attrs.crate_path {
        Some(path) => path.to_token_stream(),
        None => quote!(::odata_core),
    };
    match (namespace, name) {
        (Some(namespace), Some(name)) => Ok(ServiceModel { ident: ident.clone(), krate, namespace, name, members }),
        // Each missing part has pushed an error, so this is not reached.
        _ => Err(darling::Error::custom("the input could not be read")),
    }
}

/// The kind keys a field carries: `entity_set` counts as a kind only without an import key.
fn kinds(field: &ServiceFieldAttrs) -> Vec<(MemberKind, &SpannedValue<String>)> {
    let import = field.function_import.is_some() || field.action_import.is_some();
    let mut kinds = Vec::new();
    if let Some(name) = field.entity_set.as_ref().filter(|_| !import) {
        kinds.push((MemberKind::EntitySet, name));
    }
    for (kind, name) in [
        (MemberKind::Singleton, &field.singleton),
        (MemberKind::FunctionImport, &field.function_import),
        (MemberKind::ActionImport, &field.action_import),
    ] {
        if let Some(name) = name {
            kinds.push((kind, name));
        }
    }
    kinds
}

fn member(field: &ServiceFieldAttrs, errors: &mut darling::error::Accumulator) -> Option<Member> {
    let ident = field.ident.clone()?;
    let kinds = kinds(field);
    let Some(&(kind, name)) = kinds.first() else {
        errors.push(error_at(
            ident.span(),
            format!("field `{ident}` is not a member of the container; mark it `#[odata(entity_set = \"Name\")]`, `#[odata(singleton = \"Name\")]`, `#[odata(function_import = \"Name\")]` or `#[odata(action_import = \"Name\")]`"),
        ));
        return None;
    };
    // At the field: the spans of two values of one attribute do not say which came first.
    for (other, other_name) in &kinds[1..] {
        errors.push(error_at(
            ident.span(),
            format!("field `{ident}` is both `#[odata({} = {:?})]` and `#[odata({} = {:?})]`; a field is one member of the container, so keep one", kind.key(), name.as_str(), other.key(), other_name.as_str()),
        ));
    }
    if kinds.len() > 1 {
        // Which wrapper type the field needs depends on the one kept.
        return None;
    }
    if !case::is_simple_identifier(name) {
        errors.push(error_at(
            name.span(),
            format!(
                "`#[odata({} = {:?})]` is not a simple identifier; write letters, digits and `_`",
                kind.key(),
                name.as_str()
            ),
        ));
    }
    let wrapper = kind.wrapper();
    let target = generic_argument(&field.ty, wrapper).cloned();
    if target.is_none() {
        let written = field.ty.to_token_stream().to_string().replace(' ', "");
        errors.push(error_at(
            field.ty.span(),
            format!(
                "`#[odata({} = {:?})]` needs a field of type `{wrapper}<{}>`, not `{written}`",
                kind.key(),
                name.as_str(),
                kind.argument()
            ),
        ));
    }
    let is_set = matches!(kind, MemberKind::EntitySet | MemberKind::Singleton);
    if !is_set {
        for binding in &field.binding {
            errors.push(error_at(
                binding.span(),
                format!("`#[odata(binding(...))]` does not apply to `{}`; navigation property bindings belong to entity sets and singletons; remove it", kind.key()),
            ));
        }
    }
    let include = match (&field.include_in_service_document, kind) {
        (Some(flag), MemberKind::Singleton | MemberKind::ActionImport) => {
            errors.push(error_at(
                flag.span(),
                format!("`#[odata(include_in_service_document)]` does not apply to `{}`; only entity sets and function imports have it; remove it", kind.key()),
            ));
            false
        }
        (Some(flag), _) => **flag,
        (None, MemberKind::EntitySet) => true,
        (None, _) => false,
    };
    let mut paths: BTreeMap<&str, Span> = BTreeMap::new();
    for binding in &field.binding {
        let path = binding.path.as_str();
        if paths.insert(path, binding.path.span()).is_some() {
            errors.push(error_at(
                binding.path.span(),
                format!("`binding(path = {path:?})` appears twice on `{ident}`; a navigation property is bound to one target, so keep one"),
            ));
        }
    }
    Some(Member {
        field: ident,
        name: name.as_str().to_owned(),
        kind,
        target: target?,
        bindings: if is_set {
            field.binding.iter().map(|b| (b.path.clone(), b.target.as_str().to_owned())).collect()
        } else {
            Vec::new()
        },
        entity_set: if is_set { None } else { field.entity_set.as_ref().map(|s| s.as_str().to_owned()) },
        include_in_service_document: include,
    })
}

/// Entity sets, singletons and imports share one namespace in a container.
fn check_names(fields: &[ServiceFieldAttrs], errors: &mut darling::error::Accumulator) {
    let mut seen: BTreeMap<String, String> = BTreeMap::new();
    for field in fields {
        let Some(ident) = &field.ident else { continue };
        let Some(&(kind, name)) = kinds(field).first() else { continue };
        if let Some(first) = seen.get(name.as_str()) {
            errors.push(error_at(
                name.span(),
                format!("`#[odata({} = {:?})]` is also the name of `{first}`; the members of a container need distinct names", kind.key(), name.as_str()),
            ));
        } else {
            seen.insert(name.as_str().to_owned(), ident.to_string());
        }
    }
}

/// A binding target or an import's entity set names an entity set or singleton of this
/// container (a target with `/` or `.` is a path into another container, not checked here).
fn check_targets(fields: &[ServiceFieldAttrs], members: &[Member], errors: &mut darling::error::Accumulator) {
    // Sorted and deduplicated, for the lists in messages.
    let sets: Vec<&str> = members
        .iter()
        .filter(|m| m.kind == MemberKind::EntitySet)
        .map(|m| m.name.as_str())
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    let targets: Vec<&str> = members
        .iter()
        .filter(|m| matches!(m.kind, MemberKind::EntitySet | MemberKind::Singleton))
        .map(|m| m.name.as_str())
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    let list = |names: &[&str]| if names.is_empty() { "none".to_owned() } else { names.join(", ") };
    for field in fields {
        for binding in &field.binding {
            let target = binding.target.as_str();
            if !target.contains(['/', '.']) && !targets.contains(&target) {
                errors.push(error_at(
                    binding.target.span(),
                    format!("`binding(target = {target:?})` names no entity set or singleton of this container; they are {}", list(&targets)),
                ));
            }
        }
        let import = field.function_import.is_some() || field.action_import.is_some();
        if let Some(set) = field.entity_set.as_ref().filter(|_| import)
            && !sets.contains(&set.as_str())
        {
            errors.push(error_at(
                set.span(),
                format!(
                    "`#[odata(entity_set = {:?})]` of an import names no entity set of this container; they are {}",
                    set.as_str(),
                    list(&sets)
                ),
            ));
        }
    }
}
