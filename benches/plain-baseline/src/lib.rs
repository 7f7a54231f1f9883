//! The plain-serde twin of a crate that uses the odata-rs derives: the same structs and enums,
//! with `serde::Serialize` and `serde::Deserialize` in place of `ODataEntity`, `ODataComplex`,
//! `ODataEnum`, `ODataTypeDefinition`, `ODataFunction` and `ODataAction`, and plain types in place
//! of odata-core's. It is the baseline of the scale benchmarks (`benches/graph_scale.sh`, see
//! BENCHMARKS.md): what the same model costs to build without the derives. A bench-only tool,
//! not part of any published crate.
//!
//! The twin of each item (see `rewrite.rs` for the rules):
//! - an entity or complex struct: `#[serde(flatten)]` on the `#[odata(base)]` field and on the
//!   `AdditionalData` field (a `BTreeMap<String, serde_json::Value>`), and
//!   `#[serde(rename = "<wire name>", default, skip_serializing_if = "Option::is_none")]` on every
//!   property, with the derive's naming rule (`odata_names`);
//! - a polymorphic holder enum: `#[serde(tag = "@odata.type")]`, each variant renamed to
//!   `#<qualified type name>`; a field typed with a holder takes the holder's declared type;
//! - an enumeration: a `#[serde(rename)]` per member, the catch-all `Other(String)` becomes a
//!   `#[serde(other)]` unit variant;
//! - a type definition: a `#[serde(transparent)]` newtype;
//! - a function or action: a struct of its parameters, each renamed to its wire name;
//! - an entity container (`ODataService`): left out, it has no serde form;
//! - odata-core's value types: `String` for the Edm text types (dates, durations, decimals,
//!   binary, `Guid`, the path types), `serde_json::Value` for `Untyped`, `E` for `Flags<E>`,
//!   `Option<Box<T>>` / `Option<Vec<T>>` for `Navigation<T>` / `Navigation<Vec<T>>`.
//!
//! Everything else is copied as it is; `use odata_core::...` items go, and the manifest trades the
//! `odata-core` dependency for `serde` and `serde_json`.
//!
//! ```
//! use std::collections::BTreeMap;
//! use std::path::PathBuf;
//!
//! let source = r#"
//!     #[derive(odata_core::ODataComplex, Debug)]
//!     #[odata(type = "ns.point")]
//!     pub struct Point {
//!         pub x_value: Option<odata_core::Decimal>,
//!         pub additional_data: odata_core::AdditionalData,
//!     }
//! "#;
//! let files = BTreeMap::from([(PathBuf::from("lib.rs"), source.to_owned())]);
//! let (twin, summary) = plain_baseline::twin_sources(&files).unwrap();
//! assert!(twin[&PathBuf::from("lib.rs")].contains("pub x_value: Option<String>,"));
//! assert_eq!(summary.structs, 1);
//! ```

mod error;
mod index;
mod manifest;
mod rewrite;
mod types;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

pub use error::{Error, ErrorKind};
pub use manifest::twin_manifest;

/// What a twin holds: how many items of each kind were rewritten.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    /// Source files written.
    pub files: usize,
    /// Entity and complex structs.
    pub structs: usize,
    /// Polymorphic holder enums.
    pub holders: usize,
    /// Enumerations.
    pub enums: usize,
    /// Type definitions.
    pub type_definitions: usize,
    /// Functions and actions.
    pub operations: usize,
    /// Entity containers left out.
    pub services_removed: usize,
}

/// The twin of a crate's sources, given as paths relative to its `src/` (`lib.rs`,
/// `graph.rs`, `a/mod.rs`) with their text; the module of each file follows from its path.
/// Returns the twin's files under the same paths, formatted with prettyplease.
pub fn twin_sources(files: &BTreeMap<PathBuf, String>) -> Result<(BTreeMap<PathBuf, String>, Summary), Error> {
    let mut parsed = Vec::new();
    for (path, text) in files {
        let file = syn::parse_file(text).map_err(|e| Error::new(path, ErrorKind::Parse(e)))?;
        parsed.push((path, module_of(path), file));
    }
    // Pass one: every derived type's qualified name and every holder's declared type, across
    // files, since a field in one module names a holder of another.
    let mut index = index::Index::default();
    for (path, module, file) in &parsed {
        index.collect(&file.items, module).map_err(|kind| Error::new(path, kind))?;
    }
    let mut summary = Summary::default();
    let mut out = BTreeMap::new();
    for (path, module, mut file) in parsed {
        rewrite::file(&mut file, &module, &index, &mut summary).map_err(|kind| Error::new(path, kind))?;
        summary.files += 1;
        out.insert(path.clone(), prettyplease::unparse(&file));
    }
    Ok((out, summary))
}

/// Writes the twin of the crate in `input` (its `Cargo.toml` and `src/**/*.rs`) into `output`,
/// with the package renamed to `name` if given. `output` must not be `input`.
pub fn twin_crate(input: &Path, output: &Path, name: Option<&str>) -> Result<Summary, Error> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |e| Error::new(&path, ErrorKind::Io(e))
    };
    if output.canonicalize().ok().is_some_and(|o| input.canonicalize().ok() == Some(o)) {
        return Err(Error::new(output, ErrorKind::SameDirectory));
    }
    let src = input.join("src");
    let mut files = BTreeMap::new();
    let mut pending = vec![src.clone()];
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(&dir).map_err(io(&dir))? {
            let path = entry.map_err(io(&dir))?.path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).map_err(io(&path))?;
                // `path` lies below `src` by construction; the fallback is never taken.
                let relative = path.strip_prefix(&src).unwrap_or(&path).to_path_buf();
                files.insert(relative, text);
            }
        }
    }
    let (twin, summary) = twin_sources(&files)?;
    for (relative, text) in &twin {
        let path = output.join("src").join(relative);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(io(parent))?;
        }
        std::fs::write(&path, text).map_err(io(&path))?;
    }
    let manifest = input.join("Cargo.toml");
    let text = std::fs::read_to_string(&manifest).map_err(io(&manifest))?;
    // The twin keeps a `uuid` dependency only if something other than a Guid property used it.
    let keeps_uuid = twin.values().any(|t| t.contains("uuid::"));
    let path = output.join("Cargo.toml");
    std::fs::write(&path, twin_manifest(&text, name, keeps_uuid)).map_err(io(&path))?;
    Ok(summary)
}

/// The module path of a file below `src/`: `lib.rs` -> `[]`, `a.rs` and `a/mod.rs` -> `[a]`,
/// `a/b.rs` -> `[a, b]`.
fn module_of(path: &Path) -> Vec<String> {
    let mut segments: Vec<String> =
        path.with_extension("").components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect();
    if segments.len() == 1 && matches!(segments[0].as_str(), "lib" | "main") {
        segments.clear();
    } else if segments.last().is_some_and(|s| s == "mod") {
        segments.pop();
    }
    segments
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn module_paths_follow_the_file_layout() {
        assert_eq!(module_of(Path::new("lib.rs")), Vec::<String>::new());
        assert_eq!(module_of(Path::new("graph.rs")), ["graph"]);
        assert_eq!(module_of(Path::new("a/mod.rs")), ["a"]);
        assert_eq!(module_of(Path::new("a/b.rs")), ["a", "b"]);
    }
}
