//! The attribute references cannot fall behind the parser: every `#[odata(...)]` key the derives
//! parse (each documented where it is parsed, its `///` line starting with the key) appears in
//! README's attribute table and on a derive's reference page (`odata-derive/docs/*.md`), and
//! every page is attached to its derive.

use std::fs;
use std::path::{Path, PathBuf};

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("the workspace root").to_path_buf()
}

/// Every `.rs` file under `dir`, recursively, in a stable order.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut entries: Vec<_> =
        fs::read_dir(dir).expect("a source folder").map(|e| e.expect("an entry").path()).collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            files.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
    files
}

/// The keys of the darling receivers: a `pub` field whose doc block starts with `` `key`` ``,
/// `` `key = ...` `` or `` `key(...)` ``, as the parser's house style writes them.
fn parsed_keys(source: &str) -> Vec<String> {
    let mut keys = Vec::new();
    let mut first_doc_line: Option<&str> = None;
    for line in source.lines().map(str::trim) {
        if let Some(doc) = line.strip_prefix("///") {
            first_doc_line.get_or_insert(doc.trim());
        } else if line.starts_with("#[") {
            // Attributes between the doc and the field (`#[darling(...)]`).
        } else {
            if line.starts_with("pub ")
                && line.contains(':')
                && let Some(doc) = first_doc_line
                && let Some(rest) = doc.strip_prefix('`')
            {
                let key: String = rest.chars().take_while(|c| c.is_ascii_lowercase() || *c == '_').collect();
                let next = rest[key.len()..].chars().next();
                if !key.is_empty() && matches!(next, Some('`' | ' ' | '(')) {
                    keys.push(key);
                }
            }
            first_doc_line = None;
        }
    }
    keys
}

#[test]
fn every_parsed_key_is_in_the_readme_table_and_on_a_reference_page() {
    let root = workspace();
    let mut keys = Vec::new();
    for file in rust_files(&root.join("odata-derive/src")) {
        keys.extend(parsed_keys(&fs::read_to_string(&file).expect("a source file")));
    }
    keys.sort();
    keys.dedup();
    // The parser's keys as of this test: the scan must keep finding them (a change of the doc
    // convention would otherwise make this test pass vacuously).
    for known in ["type", "key_property", "keyless", "read_only", "flags", "binding", "max_length", "value"] {
        assert!(keys.iter().any(|k| k == known), "`{known}` was not found among the parsed keys {keys:?}");
    }

    let readme = fs::read_to_string(root.join("README.md")).expect("README.md");
    let table = readme.split("### Attributes").nth(1).and_then(|s| s.split("\n\n").nth(2)).expect("the table");
    assert!(table.starts_with("| derive |"), "the attribute table moved:\n{table}");
    let pages: String = fs::read_dir(root.join("odata-derive/docs"))
        .expect("odata-derive/docs")
        .map(|e| fs::read_to_string(e.expect("a page").path()).expect("a page"))
        .collect();
    let mentioned = |text: &str, key: &str| {
        [format!("`{key}`"), format!("`{key} ="), format!("`{key}("), format!(", {key} =")]
            .iter()
            .any(|p| text.contains(p))
    };
    let missing_in_readme: Vec<_> = keys.iter().filter(|k| !mentioned(table, k)).collect();
    let missing_in_pages: Vec<_> = keys.iter().filter(|k| !mentioned(&pages, k)).collect();
    assert!(missing_in_readme.is_empty(), "README's attribute table does not list {missing_in_readme:?}");
    assert!(missing_in_pages.is_empty(), "no page in odata-derive/docs lists {missing_in_pages:?}");
}

#[test]
fn every_reference_page_is_attached_to_its_derive() {
    let root = workspace();
    let lib = fs::read_to_string(root.join("odata-derive/src/lib.rs")).expect("lib.rs");
    for (page, derive) in [
        ("entity.md", "ODataEntity"),
        ("complex.md", "ODataComplex"),
        ("enum.md", "ODataEnum"),
        ("type_definition.md", "ODataTypeDefinition"),
        ("function.md", "ODataFunction"),
        ("action.md", "ODataAction"),
        ("service.md", "ODataService"),
    ] {
        let attached = format!("#[doc = include_str!(\"../docs/{page}\")]\n#[proc_macro_derive({derive},");
        assert!(lib.contains(&attached), "{page} is not the doc of `{derive}` in odata-derive/src/lib.rs");
    }
}
