//! `<edmx:Reference Uri>`: the documents a document builds on (vocabularies, Redfish's shared
//! `Resource_v1.xml`, ...). Each is found in [`Options::reference_texts`] (the command line fills
//! it from the service with `--url`), [`Options::reference_files`], or a file of the URI's last
//! segment in one of [`Options::reference_dirs`]. A document found joins with its schemas (those
//! its `<edmx:Include>` elements name, and their siblings, which they may use), and so do,
//! transitively, the documents of its own references.
//! The document's own namespaces stay the ones generated (unless [`Options::namespaces`] says
//! otherwise); a referenced schema is generated where one of them uses its types.
//!
//! A reference that is found nowhere is only a warning: what uses its namespaces is left out (see
//! `unresolved.rs`), everything else is generated.

use std::borrow::Cow;
use std::collections::{BTreeSet, VecDeque};
use std::path::PathBuf;

use odata_core::csdl::Document;

use crate::{Diagnostic, Options};

/// The document with the included schemas of every reference found, the options to generate it
/// with, and what could not be resolved.
pub(crate) struct Resolved<'d> {
    pub document: Cow<'d, Document>,
    pub options: Cow<'d, Options>,
    pub warnings: Vec<Diagnostic>,
}

/// Whether any source of referenced documents is configured.
fn has_sources(options: &Options) -> bool {
    !options.reference_texts.is_empty() || !options.reference_files.is_empty() || !options.reference_dirs.is_empty()
}

pub(crate) fn resolve<'d>(document: &'d Document, options: &'d Options) -> Resolved<'d> {
    if document.references.is_empty() || !has_sources(options) {
        return Resolved { document: Cow::Borrowed(document), options: Cow::Borrowed(options), warnings: Vec::new() };
    }
    let mut merged = document.clone();
    let mut warnings = Vec::new();
    let mut seen: BTreeSet<String> = BTreeSet::new();
    let mut namespaces: BTreeSet<String> = document.schemas.iter().map(|s| s.namespace.clone()).collect();
    // Each reference with the document that names it (`None`: the document itself); its line is
    // a line of that document.
    let mut queue: VecDeque<(_, Option<String>)> = document.references.iter().map(|r| (r.clone(), None)).collect();
    while let Some((reference, named_by)) = queue.pop_front() {
        let of = named_by.as_ref().map(|uri| format!(" (in the document of {uri})")).unwrap_or_default();
        if !seen.insert(reference.uri.clone()) {
            continue;
        }
        let wanted: Vec<&str> = reference
            .includes
            .iter()
            .map(|include| include.namespace.as_str())
            .filter(|namespace| !namespaces.contains(*namespace))
            .collect();
        if wanted.is_empty() {
            continue; // nothing new to take from it
        }
        let element = format!("<edmx:Reference Uri=\"{}\">", reference.uri);
        let referenced = match load(&reference.uri, options) {
            Ok(text) => match Document::parse_xml(&text) {
                Ok(referenced) => referenced,
                Err(error) => {
                    let message = format!(
                        "the referenced document{of} is not read ({error}); what uses {} is left out",
                        wanted.join(", ")
                    );
                    warnings.push(Diagnostic { element, line: reference.line, message });
                    continue;
                }
            },
            Err(where_looked) => {
                let message = format!("not found{of} ({where_looked}); what uses {} is left out", wanted.join(", "));
                warnings.push(Diagnostic { element, line: reference.line, message });
                continue;
            }
        };
        for namespace in wanted {
            if !referenced.schemas.iter().any(|schema| schema.namespace == namespace) {
                warnings.push(Diagnostic {
                    element: element.clone(),
                    line: reference.line,
                    message: format!("the referenced document has no schema `{namespace}`; what uses it is left out"),
                });
            }
        }
        // Every schema of the document joins, not only those included: an included schema may
        // use its siblings (Redfish's `Resource` uses `Resource.v1_22_0`). Only what the
        // document's own types use is generated.
        for schema in &referenced.schemas {
            if namespaces.insert(schema.namespace.clone()) {
                merged.schemas.push(schema.clone());
            }
        }
        // Their own references: for the types and aliases the included schemas use.
        for next in &referenced.references {
            if !merged.references.contains(next) {
                merged.references.push(next.clone());
            }
            queue.push_back((next.clone(), Some(reference.uri.clone())));
        }
    }
    let mut options = Cow::Borrowed(options);
    if options.namespaces.is_empty() && options.types.is_empty() {
        options.to_mut().namespaces = document.schemas.iter().map(|s| s.namespace.clone()).collect();
    }
    Resolved { document: Cow::Owned(merged), options, warnings }
}

/// The text of the document at `uri`, or where it was looked for.
fn load(uri: &str, options: &Options) -> Result<String, String> {
    if let Some(text) = options.reference_texts.get(uri) {
        return Ok(text.clone());
    }
    let mut tried = Vec::new();
    let mut candidates: Vec<PathBuf> = options.reference_files.get(uri).cloned().into_iter().collect();
    if let Some(name) = file_name(uri) {
        candidates.extend(options.reference_dirs.iter().map(|dir| dir.join(name)));
    }
    for path in candidates {
        match std::fs::read_to_string(&path) {
            Ok(text) => return Ok(text),
            Err(error) => tried.push(format!("{}: {error}", path.display())),
        }
    }
    if tried.is_empty() {
        return Err("no file or directory is given for it".to_owned());
    }
    Err(tried.join("; "))
}

/// The last segment of a URI's path: `https://host/v/Org.OData.Core.V1.xml?x#y` ->
/// `Org.OData.Core.V1.xml`. None for an OData segment such as SAP's `.../Vocabularies(...)/$value`,
/// which names no file (every such reference would find the same one).
pub fn file_name(uri: &str) -> Option<&str> {
    let path = uri.split(['?', '#']).next().unwrap_or(uri);
    let name = path.rsplit('/').next().unwrap_or(path);
    let usable = !name.is_empty() && name != "." && name != ".." && !name.starts_with('$') && !name.contains('\\');
    usable.then_some(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_of_uris() {
        assert_eq!(file_name("https://host/v/Org.OData.Core.V1.xml?x=1#y"), Some("Org.OData.Core.V1.xml"));
        assert_eq!(file_name("Resource_v1.xml"), Some("Resource_v1.xml"));
        assert_eq!(file_name("https://host/v/"), None);
        assert_eq!(file_name("../.."), None);
        assert_eq!(file_name("/sap/opu/odata/IWFND/CATALOGSERVICE;v=2/Vocabularies(TechnicalName='X')/$value"), None);
    }
}
