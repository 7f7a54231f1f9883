//! Public `$metadata` documents of other vendors and generators (`tests/corpus/`, provenance and
//! licences in its README): each one is read, generated into a crate of one workspace that must
//! build without a single warning, and the CSDL its generated types emit (a small program per crate
//! prints `Document::builder().add_registry()`) is compared with the original, schema by schema,
//! with `Document::schema_differences`.
//!
//! What is not yet generated is written down, per document, in `tests/corpus/expected/<name>.txt`:
//! the generator's warnings and the differences, each difference with the reason it is known. The
//! test fails on any change to that text (refresh with `UPDATE_EXPECT=1`, then read the diff), and
//! on any difference without a known reason, whatever the file says.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

use odata_codegen::{Generated, Options, generate};
use odata_core::csdl::{Document, SchemaDifference};

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus");

/// The documents of the corpus, by file name. Each one becomes crate `corpus_<stem>`.
const DOCUMENTS: &[&str] = &[
    "olingo-trippin.xml",
    "olingo-northwind.xml",
    "olingo-odata-wcf-service.xml",
    "olingo-odata-demo.xml",
    "webapi-singleton-sample.xml",
    "webapi-composite-key-sample.xml",
    "sap-api-test-srv.xml",
    "sap-api-multiple-schemas-srv.xml",
    "sap-cap-test-service.xml",
    "sap-communication.xml",
    "sap-rap-service.xml",
    "Org.OData.Core.V1.xml",
    "Org.OData.Capabilities.V1.xml",
    "Org.OData.Authorization.V1.xml",
    "Org.OData.Validation.V1.xml",
    "Org.OData.Measures.V1.xml",
    "RedfishExtensions_v1.xml",
    "Session_v1.xml",
];

/// Documents written for these tests (`tests/constructed/`), built and compared the same way: names that
/// CSDL allows and Rust writes otherwise.
const CONSTRUCTED: &[&str] = &["identifiers.xml", "abstract-types.xml"];
const NAMES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/constructed");

/// Why a difference between a document (left) and what its generated types emit (right) is
/// known, given the generator's warnings; `None` for one nobody has explained: that fails the test.
/// What the generator left out is known only where one of its warnings names the element.
fn reason(namespace: &str, difference: &SchemaDifference, warnings: &[String]) -> Option<&'static str> {
    let fact = difference.fact.as_str();
    let left = difference.left.as_deref().unwrap_or("");
    let right = difference.right.as_deref().unwrap_or("");
    let only_nullability = |l: &str, r: &str| l != r && l.replace("nullable=false", "nullable=true") == r;
    // `EntityType person.name: property` -> kind `EntityType`, type `person`, member `name`.
    let (subject, what) = fact.rsplit_once(": ").unwrap_or((fact, ""));
    let (kind, path) = subject.split_once(' ').unwrap_or(("", subject));
    let (ty, member) = path.split_once('.').map_or((path, None), |(t, m)| (t, Some(m)));
    let warned = |needle: &str| warnings.iter().any(|w| w.contains(needle));
    let type_warned = || warned(&format!("> {namespace}.{ty}:"));
    match (kind, what, difference.right.is_some()) {
        (_, "navigation", true) if only_nullability(left, right) => {
            Some("navigation nullability is not emitted (issue 13, another part)")
        }
        ("Function", "parameters", true)
            if left.split_once(", ").map(|(_, rest)| rest) == right.split_once(", ").map(|(_, rest)| rest)
                && only_nullability(
                    left.split(", ").next().unwrap_or(left),
                    right.split(", ").next().unwrap_or(right),
                ) =>
        {
            Some("binding parameters are emitted nullable (issue 13, another part)")
        }
        // An import of a bound operation (not CSDL: imports name unbound ones), or of one left out.
        ("FunctionImport" | "ActionImport", _, false) if warned(&format!("<{kind} Name=\"{path}\">")) => {
            Some("the import is left out (see the warnings)")
        }
        // An overload is named `name[binding]`; the warning names the operation.
        ("Function" | "Action", _, false)
            if warned(&format!("<{kind} Name=\"{}\">", ty.split('[').next().unwrap_or(ty))) =>
        {
            Some("the operation is left out (see the warnings)")
        }
        (_, "property" | "navigation", false)
            if member
                .is_some_and(|m| warned(&format!("Name=\"{m}\"> of ")) && warned(&format!("{namespace}.{ty}"))) =>
        {
            Some("the property is left out (see the warnings)")
        }
        ("EntityType" | "ComplexType" | "EnumType", _, false) if type_warned() => {
            Some("the type is left out (see the warnings)")
        }
        (_, "property", true)
            if left.split(' ').nth(1) == right.split(' ').nth(1)
                && warned(&format!("<EnumType> {}:", left.split(' ').next().unwrap_or_default())) =>
        {
            Some("the property's enumeration type is left out, its values kept as strings (see the warnings)")
        }
        (_, "property", true)
            if left.split(' ').nth(1) == right.split(' ').nth(1)
                && warned(&format!("<TypeDefinition> {}:", left.split(' ').next().unwrap_or_default())) =>
        {
            Some("a type definition is emitted as its underlying type (issue 13, another part)")
        }
        _ => None,
    }
}

/// `target/` of the workspace: this test binary is `target/<profile>/deps/<name>`.
fn target_dir() -> PathBuf {
    let exe = std::env::current_exe().expect("test executable path");
    exe.ancestors().nth(3).expect("target directory").to_path_buf()
}

fn crate_name(file: &str) -> String {
    let stem = file.strip_suffix(".xml").unwrap_or(file);
    let stem: String =
        stem.chars().map(|c| if c.is_ascii_alphanumeric() { c.to_ascii_lowercase() } else { '_' }).collect();
    format!("corpus_{stem}")
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// One document, generated: its crate's files and the generator's summary.
struct Case {
    file: &'static str,
    name: String,
    original: Document,
    generated: Generated,
    /// The document and those it references that are in the corpus, for their schemas.
    referenced: Vec<Document>,
}

fn generate_all() -> Vec<Case> {
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("workspace root");
    let corpus = DOCUMENTS.iter().map(|&file| (file, CORPUS));
    let constructed = CONSTRUCTED.iter().map(|&file| (file, NAMES));
    corpus
        .chain(constructed)
        .map(|(file, dir)| {
            let original = Document::parse_xml(&read(&Path::new(dir).join(file)))
                .unwrap_or_else(|e| panic!("{file} is not read: {e}"));
            let name = crate_name(file);
            let options = Options::new()
                .crate_name(name.clone())
                .odata_core_dependency(format!("{{ path = {:?} }}", workspace.join("odata-core").display().to_string()))
                // References are resolved from the corpus itself (the vocabularies) and from
                // `references/` (Redfish's `Resource_v1.xml`); the others stay unresolved.
                .reference_dir(CORPUS)
                .reference_dir(Path::new(CORPUS).join("references"));
            let generated = generate(&original, &options).unwrap_or_else(|e| panic!("{file} does not generate:\n{e}"));
            let mut referenced = vec![original.clone()];
            let mut queue: Vec<String> = original.references.iter().map(|r| r.uri.clone()).collect();
            let mut seen = std::collections::BTreeSet::new();
            while let Some(uri) = queue.pop() {
                let file_name = uri.rsplit('/').next().unwrap_or(&uri).to_owned();
                if !seen.insert(file_name.clone()) {
                    continue;
                }
                for dir in &options.reference_dirs {
                    if let Ok(text) = std::fs::read_to_string(dir.join(&file_name))
                        && let Ok(document) = Document::parse_xml(&text)
                    {
                        queue.extend(document.references.iter().map(|r| r.uri.clone()));
                        referenced.push(document);
                        break;
                    }
                }
            }
            Case { file, name, original, generated, referenced }
        })
        .collect()
}

/// Writes every crate into one workspace (one build, one target directory), each with a program
/// that prints the CSDL its types describe.
fn write_workspace(cases: &[Case]) -> PathBuf {
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("workspace root");
    let root = target_dir().join("codegen-check").join("corpus");
    let _ = std::fs::remove_dir_all(&root);
    let mut members = String::new();
    for case in cases {
        let dir = root.join(&case.name);
        for (path, content) in &case.generated.files {
            let path = dir.join(path);
            std::fs::create_dir_all(path.parent().expect("a parent")).expect("create dir");
            std::fs::write(&path, content).expect("write file");
        }
        // `extern crate` links the library, so that its types register themselves.
        let program = format!(
            "extern crate {name};\n\nfn main() {{\n    print!(\"{{}}\", odata_core::csdl::Document::builder().add_registry().build().to_xml());\n}}\n",
            name = case.name
        );
        std::fs::create_dir_all(dir.join("src/bin")).expect("create dir");
        std::fs::write(dir.join(format!("src/bin/emit_{}.rs", case.name)), program).expect("write the program");
        let _ = write!(members, "{:?}, ", case.name);
    }
    let manifest = format!("[workspace]\nresolver = \"3\"\nmembers = [{}]\n", members.trim_end_matches(", "));
    std::fs::write(root.join("Cargo.toml"), manifest).expect("write the workspace manifest");
    // The workspace's versions, so the check builds offline with what is already downloaded.
    std::fs::copy(workspace.join("Cargo.lock"), root.join("Cargo.lock")).expect("copy Cargo.lock");
    root
}

/// `cargo build` of the whole generated workspace: it must succeed without a warning.
fn build(root: &Path) {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let output = Command::new(cargo)
        .args(["build", "--offline", "--workspace", "--all-features", "--message-format", "short"])
        .current_dir(root)
        .env("CARGO_TARGET_DIR", target_dir().join("codegen-check").join("target"))
        .env_remove("RUSTFLAGS")
        .output()
        .expect("run cargo");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "the corpus crates do not build:\n{stderr}");
    let warnings: Vec<&str> = stderr.lines().filter(|line| line.contains("warning")).collect();
    assert!(warnings.is_empty(), "the corpus crates build with warnings:\n{}", warnings.join("\n"));
}

/// What the generated types of a crate describe, from its program.
fn emitted(case: &Case) -> Document {
    let program = target_dir().join("codegen-check/target/debug").join(format!("emit_{}", case.name));
    let output = Command::new(&program).output().unwrap_or_else(|e| panic!("{}: {e}", program.display()));
    assert!(output.status.success(), "{} failed: {}", program.display(), String::from_utf8_lossy(&output.stderr));
    let text = String::from_utf8(output.stdout).expect("UTF-8 CSDL");
    Document::parse_xml(&text).unwrap_or_else(|e| panic!("the CSDL {} prints is not read: {e}\n{text}", case.name))
}

/// The expected text of one document: the generator's warnings, then each difference with its
/// reason; unexplained differences are collected apart.
fn report(case: &Case, emitted: &Document, unexplained: &mut Vec<String>) -> String {
    let mut out = format!("# {}: {}\n\n## Generator warnings\n", case.file, case.generated.summary);
    for warning in &case.generated.summary.warnings {
        // Where references were looked for, without this checkout's path.
        let _ = writeln!(out, "{}", warning.to_string().replace(CORPUS, "<corpus>"));
    }
    out.push_str("\n## Differences (original | emitted by the generated types), with their reasons\n");
    let warnings: Vec<String> = case.generated.summary.warnings.iter().map(ToString::to_string).collect();
    for schema in &case.original.schemas {
        for difference in case.original.schema_differences(emitted, &schema.namespace) {
            match reason(&schema.namespace, &difference, &warnings) {
                Some(reason) => {
                    let _ = writeln!(out, "{}: {difference}\n    because {reason}", schema.namespace);
                }
                None => unexplained.push(format!("{}: {}: {difference}", case.file, schema.namespace)),
            }
        }
    }
    // Schemas of referenced documents are generated where the document's own types use them.
    let included = |namespace: &str| case.referenced.iter().skip(1).any(|d| d.schema(namespace).is_some());
    for schema in &emitted.schemas {
        if case.original.schema(&schema.namespace).is_none() && !included(&schema.namespace) {
            unexplained
                .push(format!("{}: the generated types emit schema {} of no origin", case.file, schema.namespace));
        }
    }
    out
}

#[test]
fn every_corpus_document_generates_builds_without_warnings_and_comes_back_as_expected() {
    let cases = generate_all();
    let root = write_workspace(&cases);
    build(&root);
    let update = std::env::var_os("UPDATE_EXPECT").is_some();
    let mut unexplained = Vec::new();
    let mut changed = Vec::new();
    for case in &cases {
        let text = report(case, &emitted(case), &mut unexplained);
        let dir = if CONSTRUCTED.contains(&case.file) { NAMES } else { CORPUS };
        let path = Path::new(dir).join("expected").join(format!("{}.txt", case.file.trim_end_matches(".xml")));
        if update {
            std::fs::create_dir_all(path.parent().expect("a parent")).expect("create dir");
            std::fs::write(&path, &text).expect("write expected");
        } else if std::fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
            changed.push(format!("{}:\n{text}", path.display()));
        }
    }
    assert!(unexplained.is_empty(), "differences without a known reason:\n{}", unexplained.join("\n"));
    assert!(
        changed.is_empty(),
        "the corpus results changed (UPDATE_EXPECT=1 rewrites them; read the diff):\n{}",
        changed.join("\n")
    );
}

/// Every document of the corpus directory is in the test, and has its provenance in the README.
#[test]
fn every_corpus_file_is_tested_and_has_its_provenance() {
    let readme = read(&Path::new(CORPUS).join("README.md"));
    let mut files: Vec<String> = std::fs::read_dir(CORPUS)
        .expect("the corpus directory")
        .map(|entry| entry.expect("dir entry").file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".xml"))
        .collect();
    files.sort();
    let mut listed: Vec<String> = DOCUMENTS.iter().map(|s| (*s).to_owned()).collect();
    listed.sort();
    assert_eq!(files, listed);
    for file in DOCUMENTS {
        assert!(readme.contains(&format!("`{file}`")), "{file} has no provenance in the corpus README");
    }
}
