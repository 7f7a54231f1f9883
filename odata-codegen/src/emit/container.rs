//! The entity container: one struct with `#[derive(ODataService)]`, a field per entity set,
//! singleton, function import and action import, written in the module of the schema that holds
//! the container.
//!
//! A member whose type or operation is not generated (an operation left out for an unsupported
//! parameter, an import of an operation the document does not declare unbound) is left out with
//! a warning, and so is a navigation property binding whose path names no navigation property of
//! the entity type or whose target names no member that is written: the derive checks both, and
//! the generated crate must build.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use odata_core::csdl::{EntityContainer, EntitySet, OperationImport};

use super::{MAX_WIDTH, Writer, attribute, claim};
use crate::model::{self, Kind, Mapped};
use crate::names;

impl Writer<'_, '_> {
    pub(super) fn container(&mut self, container: &EntityContainer) {
        if self.model.selection.is_some() {
            return;
        }
        let namespace = self.module.schema.namespace.clone();
        let qualified = format!("{namespace}.{}", container.name);
        let element = format!("<EntityContainer Name=\"{}\">", container.name);
        let mut members = Vec::new();
        for set in &container.entity_sets {
            if let Some(ty) = self.set_type(set, &element, "EntitySet") {
                members.push((set.name.as_str(), "EntitySet", ty, Some(set), None));
            }
        }
        for set in &container.singletons {
            if let Some(ty) = self.set_type(set, &element, "Singleton") {
                members.push((set.name.as_str(), "Singleton", ty, Some(set), None));
            }
        }
        for import in &container.operation_imports {
            if let Some(ty) = self.import_type(import, &element) {
                let wrapper = if import.is_action { "ActionImport" } else { "FunctionImport" };
                members.push((import.name.as_str(), wrapper, ty, None, Some(import)));
            }
        }
        let written: BTreeSet<&str> = members.iter().filter(|m| m.3.is_some()).map(|m| m.0).collect();
        let sets: BTreeSet<&str> = members.iter().filter(|m| m.1 == "EntitySet").map(|m| m.0).collect();

        let name = self.container_ident(&container.name);
        self.out.push('\n');
        let annotations = self.model.annotations(&[], &qualified);
        self.docs(
            "",
            &annotations,
            &format!("The entity container `{qualified}`: what the service offers at its root."),
        );
        self.out.push_str("#[derive(odata_core::ODataService, Debug, Clone)]\n");
        let args = [format!("namespace = {namespace:?}"), format!("container = {:?}", container.name)];
        self.out.push_str(&attribute("", "odata", &args));
        let _ = writeln!(self.out, "pub struct {name} {{");
        let mut taken = BTreeSet::new();
        for (member, wrapper, ty, set, import) in members {
            let ident = claim(&mut taken, names::field_ident(member));
            let key = match (wrapper, import) {
                ("EntitySet", _) => "entity_set",
                ("Singleton", _) => "singleton",
                (_, Some(import)) if import.is_action => "action_import",
                _ => "function_import",
            };
            let what = match key {
                "entity_set" => "entity set",
                "singleton" => "singleton",
                "action_import" => "action import",
                _ => "function import",
            };
            let annotations = self.model.annotations(&[], &format!("{qualified}/{member}"));
            self.docs("    ", &annotations, &format!("The {what} `{member}`."));
            let mut args = vec![format!("{key} = {member:?}")];
            if let Some(set) = set {
                if wrapper == "EntitySet" && set.include_in_service_document == Some(false) {
                    args.push("include_in_service_document = false".to_owned());
                }
                for (path, target) in &set.navigation_bindings {
                    match self.binding_problem(set, path, target, &written) {
                        None => args.push(format!("binding(path = {path:?}, target = {target:?})")),
                        Some(problem) => self.warn(
                            format!("<NavigationPropertyBinding Path=\"{path}\"> of {wrapper} {member} in {element}"),
                            None,
                            format!("{problem}; the binding is left out"),
                        ),
                    }
                }
            }
            if let Some(import) = import {
                if let Some(entity_set) = &import.entity_set {
                    if sets.contains(entity_set.as_str()) {
                        args.push(format!("entity_set = {entity_set:?}"));
                    } else {
                        self.warn(
                            format!("<{wrapper} Name=\"{member}\"> of {element}"),
                            None,
                            format!(
                                "its EntitySet `{entity_set}` is not an entity set that is written; it is left out"
                            ),
                        );
                    }
                }
                if !import.is_action && import.include_in_service_document == Some(true) {
                    args.push("include_in_service_document".to_owned() + " = true");
                }
            }
            self.out.push_str(&attribute("    ", "odata", &args));
            let line = format!("    pub {ident}: odata_core::container::{wrapper}<{ty}>,");
            if line.chars().count() <= MAX_WIDTH {
                let _ = writeln!(self.out, "{line}");
            } else {
                // As rustfmt breaks a field whose type does not fit: after the colon.
                let _ = writeln!(self.out, "    pub {ident}:\n        odata_core::container::{wrapper}<{ty}>,");
            }
        }
        self.out.push_str("}\n");
    }

    /// The Rust type an entity set or singleton holds, or `None` (with a warning) when its type
    /// is not an entity type that is written.
    fn set_type(&mut self, set: &EntitySet, element: &str, kind: &str) -> Option<String> {
        let resolved = self.model.doc.resolve_alias(&set.entity_type);
        let entity = self.model.types.get(&resolved).is_some_and(|info| info.kind == Kind::Entity);
        let mapped = if entity { Some(self.model.map(&resolved, &self.module.name)) } else { None };
        match mapped {
            Some(Mapped::Type(ty)) => Some(ty),
            _ => {
                self.warn(
                    format!("<{kind} Name=\"{}\"> of {element}", set.name),
                    None,
                    format!("`{}` is not an entity type of the document; the {kind} is left out", set.entity_type),
                );
                None
            }
        }
    }

    /// The Rust struct of the unbound operation an import imports, or `None` (with a warning)
    /// when the document declares none that is written.
    fn import_type(&mut self, import: &OperationImport, element: &str) -> Option<String> {
        let resolved = self.model.doc.resolve_alias(&import.operation);
        let found = self.model.modules.iter().find_map(|module| {
            let (namespace, name) = resolved.rsplit_once('.')?;
            if module.schema.namespace != namespace {
                return None;
            }
            let names = module.function_names.iter().chain(&module.action_names);
            model::operations(module.schema)
                .zip(names)
                .find(|((operation, is_action), _)| {
                    operation.name == name && *is_action == import.is_action && !operation.is_bound
                })
                .map(|((operation, _), rust)| (module, operation, rust.clone()))
        });
        let kind = if import.is_action { "ActionImport" } else { "FunctionImport" };
        let Some((module, operation, rust)) = found else {
            self.warn(
                format!("<{kind} Name=\"{}\"> of {element}", import.name),
                None,
                format!("`{}` is not an unbound operation of the document; the import is left out", import.operation),
            );
            return None;
        };
        // The operation is written only when all its types are (see `operation.rs`).
        let types = operation.parameters.iter().map(|p| &p.ty).chain(operation.return_type.iter().map(|r| &r.ty));
        let supported =
            types.map(|ty| self.model.map(ty, &module.name)).all(|mapped| matches!(mapped, Mapped::Type(_)));
        if !supported {
            self.warn(
                format!("<{kind} Name=\"{}\"> of {element}", import.name),
                None,
                format!("`{}` is left out (an unsupported type); so is the import", import.operation),
            );
            return None;
        }
        Some(if module.name == self.module.name { rust } else { format!("crate::{}::{rust}", module.name) })
    }

    /// Why a binding cannot be written, or `None`: a simple path must name a navigation property
    /// of the set's entity type (or of its base types), and a simple target a member written.
    fn binding_problem(&self, set: &EntitySet, path: &str, target: &str, written: &BTreeSet<&str>) -> Option<String> {
        if !target.contains(['/', '.']) && !written.contains(target) {
            return Some(format!("its target `{target}` is not an entity set or singleton that is written"));
        }
        if path.contains('/') {
            return None;
        }
        let mut current = Some(self.model.doc.resolve_alias(&set.entity_type));
        while let Some(qualified) = current {
            let info = self.model.types.get(&qualified)?;
            let ty = self.model.structured_type(info);
            if ty.navigation_properties.iter().any(|n| n.name == path) {
                return None;
            }
            current = ty.base_type.as_ref().map(|b| self.model.doc.resolve_alias(b));
        }
        Some(format!("`{path}` is not a navigation property of `{}`", set.entity_type))
    }

    /// The container struct's name: the container's, unless a type or operation of the module
    /// has it.
    fn container_ident(&self, name: &str) -> String {
        let mut taken: BTreeSet<String> = self
            .model
            .types
            .values()
            .filter(|info| info.module == self.module.name)
            .flat_map(|info| std::iter::once(info.rust.clone()).chain(info.any.clone()))
            .collect();
        taken.extend(self.module.function_names.iter().chain(&self.module.action_names).cloned());
        let mut ident = names::type_ident(name);
        while taken.contains(&ident) {
            ident.push_str("Container");
        }
        ident
    }
}
