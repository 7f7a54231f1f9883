//! What a document names but does not declare: types of namespaces that come from an
//! `<edmx:Reference>` nobody resolved, and the abstract `Edm` types (`Edm.EntityType`, ...).
//! One such name leaves out only what depends on it (a property, a navigation property, an
//! operation, a type whose base type it is, with that type's derived types), each with a warning
//! naming the element and the missing reference; everything else is generated.

use crate::Diagnostic;
use crate::model::{Kind, Model, element_name, strip_collection};

impl Model<'_> {
    /// Leaves out every structured type whose base type is not declared, and the types derived
    /// from it at any depth, with a warning each.
    pub(crate) fn exclude_unresolved_bases(&mut self) {
        loop {
            let mut found = Vec::new();
            for (qualified, ty, kind) in self.structured() {
                let Some(base) = &ty.base_type else { continue };
                if self.excluded.contains_key(&qualified) {
                    continue;
                }
                let base = self.doc.resolve_alias(base);
                let reason = if let Some(why) = self.excluded.get(&base) {
                    format!("its base type `{base}` is left out ({why})")
                } else if !self.types.contains_key(&base) {
                    format!("its base {}", self.undeclared(&base))
                } else {
                    continue;
                };
                found.push((qualified, kind, ty.line, reason));
            }
            if found.is_empty() {
                return;
            }
            for (qualified, kind, line, reason) in found {
                self.warnings.push(Diagnostic {
                    element: element_name(kind, &qualified),
                    line,
                    message: format!("{reason}; the type is left out"),
                });
                self.excluded.insert(qualified, reason);
            }
        }
    }

    /// Why the type (aliases resolved, outside `Collection(...)`) has no Rust type here, when it
    /// is a type of the document's namespaces that is not written: left out, or not declared.
    pub(crate) fn unavailable(&self, resolved: &str) -> Option<String> {
        if let Some(why) = self.excluded.get(resolved) {
            return Some(format!("type `{resolved}` is left out ({why})"));
        }
        (!resolved.starts_with("Edm.")
            && !self.types.contains_key(resolved)
            && !self.extern_types.contains_key(resolved))
        .then(|| self.undeclared(resolved))
    }

    /// Why a navigation property to `target` (aliases resolved, outside `Collection(...)`) is left
    /// out, if it is: an abstract or undeclared target, or one left out.
    pub(crate) fn navigation_problem(&self, target: &str) -> Option<String> {
        if target == "Edm.EntityType" {
            return Some(
                "its target `Edm.EntityType` (any entity type) has no Rust type: a navigation property holds one \
                 entity type and its derived types"
                    .to_owned(),
            );
        }
        if self.extern_types.contains_key(target) {
            return None;
        }
        if let Some(problem) = self.unavailable(target) {
            return Some(problem);
        }
        match self.types.get(target) {
            Some(info) if info.kind == Kind::Entity => None,
            _ => Some(format!("`{target}` is not an entity type")),
        }
    }

    /// `type `X` is not declared in the document`, with the reference it would come from.
    pub(crate) fn undeclared(&self, ty: &str) -> String {
        let inner = strip_collection(ty);
        let namespace = inner.rsplit_once('.').map_or("", |(namespace, _)| namespace);
        let reference = self
            .doc
            .references
            .iter()
            .find(|reference| reference.includes.iter().any(|include| include.namespace == namespace));
        match reference {
            Some(reference) => format!(
                "type `{inner}` is not declared in the document: its namespace `{namespace}` is included from \
                 <edmx:Reference Uri=\"{}\">, which is not resolved",
                reference.uri
            ),
            None if namespace.is_empty()
                || namespace == "Edm"
                || self.doc.schemas.iter().any(|schema| schema.namespace == namespace) =>
            {
                format!("type `{inner}` is not declared in the document")
            }
            None => format!(
                "type `{inner}` is not declared in the document, and no <edmx:Reference> includes its namespace \
                 `{namespace}`"
            ),
        }
    }
}
