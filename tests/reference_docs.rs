//! The attribute references cannot fall behind the parser: every `#[odata(...)]` key the derives
//! parse (each documented where it is parsed, its `///` line starting with the key) appears in
//! README's attribute table and on a derive's reference page (`odata-derive/docs/*.md`), each
//! receiver's keys (with those of the structs it flattens) on the page of the derive that uses it,
//! and every page is attached to its derive.

use std::collections::BTreeMap;
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

/// Each darling receiver of the sources, by struct name: its own keys (`parsed_keys` over its
/// body) and the structs it takes in with `#[darling(flatten)]`.
fn receivers(sources: &[String]) -> BTreeMap<String, (Vec<String>, Vec<String>)> {
    let mut out = BTreeMap::new();
    for source in sources {
        // The struct being read: its name, body and flattened structs.
        let mut current: Option<(String, String, Vec<String>)> = None;
        let mut flatten = false;
        for line in source.lines() {
            let trimmed = line.trim();
            if let Some(rest) = trimmed.strip_prefix("pub struct ") {
                let name: String = rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
                current = trimmed.ends_with('{').then(|| (name, String::new(), Vec::new()));
            } else if trimmed == "}" {
                if let Some((name, body, flattened)) = current.take() {
                    out.insert(name, (parsed_keys(&body), flattened));
                }
            } else if let Some((_, body, flattened)) = &mut current {
                body.push_str(line);
                body.push('\n');
                if trimmed.starts_with("#[darling(") && trimmed.contains("flatten") {
                    flatten = true;
                } else if trimmed.starts_with("pub ") && trimmed.contains(':') {
                    if flatten {
                        let ty = trimmed.split(':').nth(1).unwrap_or("").trim().trim_end_matches(',');
                        flattened.push(ty.to_owned());
                    }
                    flatten = false;
                }
            }
        }
    }
    out
}

/// The keys `receiver` takes, its flattened structs' included.
fn keys_of(receivers: &BTreeMap<String, (Vec<String>, Vec<String>)>, receiver: &str) -> Vec<String> {
    let (own, flattened) =
        receivers.get(receiver).unwrap_or_else(|| panic!("no receiver `{receiver}` in odata-derive/src"));
    let mut keys = own.clone();
    for inner in flattened {
        keys.extend(keys_of(receivers, inner));
    }
    keys
}

#[test]
fn each_receivers_keys_are_on_its_derives_page() {
    let root = workspace();
    let sources: Vec<String> = rust_files(&root.join("odata-derive/src"))
        .iter()
        .map(|file| fs::read_to_string(file).expect("a source file"))
        .collect();
    let receivers = receivers(&sources);
    let mentioned = |text: &str, key: &str| {
        [format!("`{key}`"), format!("`{key} ="), format!("`{key}("), format!(", {key} =")]
            .iter()
            .any(|p| text.contains(p))
    };
    let mut checked = 0;
    for (receiver, pages) in [
        ("EntityAttrs", &["entity.md"][..]),
        ("ComplexAttrs", &["complex.md"]),
        ("HolderAttrs", &["entity.md", "complex.md"]),
        ("PropertyAttrs", &["entity.md", "complex.md"]),
        ("EnumAttrs", &["enum.md"]),
        ("MemberAttrs", &["enum.md"]),
        ("TypeDefinitionAttrs", &["type_definition.md"]),
        ("FunctionAttrs", &["function.md"]),
        ("ActionAttrs", &["action.md"]),
        ("ParameterAttrs", &["function.md", "action.md"]),
        ("ServiceAttrs", &["service.md"]),
        ("ServiceFieldAttrs", &["service.md"]),
    ] {
        let keys = keys_of(&receivers, receiver);
        assert!(!keys.is_empty(), "no keys found for `{receiver}`: the scan no longer reads the receivers");
        for page in pages {
            let text = fs::read_to_string(root.join("odata-derive/docs").join(page)).expect("a page");
            let missing: Vec<_> = keys.iter().filter(|k| !mentioned(&text, k)).collect();
            assert!(missing.is_empty(), "{page} does not list {missing:?}, keys of `{receiver}`");
            checked += keys.len();
        }
    }
    // The flattened keys are counted too: `EntityAttrs` alone has `type` (flattened twice deep).
    assert!(keys_of(&receivers, "EntityAttrs").iter().any(|k| k == "type"), "flattened keys are not followed");
    assert!(checked > 60, "only {checked} keys were checked");
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
