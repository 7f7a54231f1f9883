//! Rust models from an OData CSDL metadata document: structs and enums that use odata-core's
//! derives, one module per namespace.
//!
//! ```
//! use odata_core::csdl::Document;
//!
//! let csdl = r#"<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
//!   <edmx:DataServices>
//!     <Schema Namespace="example.shop" xmlns="http://docs.oasis-open.org/odata/ns/edm">
//!       <EntityType Name="product">
//!         <Key><PropertyRef Name="id"/></Key>
//!         <Property Name="id" Type="Edm.String" Nullable="false"/>
//!       </EntityType>
//!       <EntityContainer Name="Shop">
//!         <EntitySet Name="Products" EntityType="example.shop.product"/>
//!       </EntityContainer>
//!     </Schema>
//!   </edmx:DataServices>
//! </edmx:Edmx>"#;
//! let document = Document::parse_xml(csdl)?;
//! let generated = odata_codegen::generate(&document, &odata_codegen::Options::default())?;
//! let shop = &generated.files["shop.rs"];
//! assert!(shop.contains("pub struct Product {"));
//! assert_eq!(generated.summary.entity_types, 1);
//! // The entity container: a struct with `#[derive(ODataService)]`, a field per member.
//! assert!(shop.contains("#[derive(odata_core::ODataService, Debug, Clone)]"));
//! assert!(shop.contains("    #[odata(entity_set = \"Products\")]\n    pub products: odata_core::container::EntitySet<Product>,\n"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! A document's `<EntityContainer>` becomes a struct with `#[derive(ODataService)]` in the module
//! of its schema: its entity sets take their keys typed (`shop.products.key("p1")`), and
//! `Document::builder().add_container::<Shop>()` emits the container back. A member whose entity
//! type or operation is not generated, or a binding to one, is left out with a warning.
//!
//! Generated code names other modules as `crate::<module>::Type`: mount the modules at the root
//! of a crate, or let [`Options::crate_name`] write a whole crate.
//!
//! The `odata-codegen` command line reads a CSDL file, or with `--url` the `$metadata` of a
//! running service (through odata-client; Cargo feature `fetch`, on by default). The library
//! does not use that feature: with `default-features = false` it needs no HTTP stack.

mod emit;
mod model;
mod names;
mod references;
mod unresolved;

use std::collections::BTreeMap;
use std::fmt;
use std::path::PathBuf;

use odata_core::csdl::{Annotation, AnnotationGroup, Document};

/// What to generate: [`Options::new`] (everything, as module files) and its setters, so that
/// options added later do not break callers. The fields stay readable.
///
/// ```
/// let options = odata_codegen::Options::new()
///     .namespace("microsoft.graph.callRecords")
///     .extern_type("microsoft.graph.entity", "crate::Entity")
///     .crate_name("call_records");
/// assert_eq!(options.crate_name.as_deref(), Some("call_records"));
/// ```
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Options {
    /// The namespaces to generate, with every namespace they reference; empty means all.
    pub namespaces: Vec<String>,
    /// Qualified names of the types to generate, with everything structurally reachable from
    /// them: base types, property types, and the derived types of every structured type among
    /// those (the variants of its holder). Empty means every type of the selected namespaces.
    /// With a selection, a navigation property whose target is outside it is left out with a
    /// warning (an expanded value then stays in the additional data), and no operations are
    /// generated.
    pub types: Vec<String>,
    /// Types written elsewhere, by qualified name: the Rust path to use for each instead of
    /// generating it (`microsoft.graph.entity` -> `crate::Entity`). Its derived types are
    /// generated as usual, with the path as their base part.
    pub extern_types: BTreeMap<String, String>,
    /// Out-of-line annotations (`<Annotations Target="ns.type/property">`) from other documents,
    /// applied as if the document held them: `Core.Description` and `Core.LongDescription`
    /// become the docs of the type, property, navigation property, enumeration member or
    /// operation they target, `Core.Revisions` deprecations become `#[deprecated]`. One replaces
    /// an annotation of the same term and qualifier that the element already has. A target is
    /// resolved with the document's aliases; one that names nothing in the document is skipped
    /// with a warning. [`annotation_groups`] reads them from a document.
    pub annotations: Vec<AnnotationGroup>,
    /// Write a buildable crate of this name (`Cargo.toml`, `src/lib.rs`, one Cargo feature per
    /// namespace) instead of bare module files.
    pub crate_name: Option<String>,
    /// The `odata-core` dependency written into a generated crate's `Cargo.toml`, as TOML
    /// (default `"0.1.0"`; a test uses `{ path = "..." }`).
    pub odata_core_dependency: String,
    /// The documents of `<edmx:Reference Uri>`s, by URI, as CSDL text (the command line fills this
    /// from the service with `--url`). The schemas an `<edmx:Include>` names join the document;
    /// the document's own namespaces stay the ones generated, with what they use.
    pub reference_texts: BTreeMap<String, String>,
    /// The files of `<edmx:Reference Uri>`s, by URI.
    pub reference_files: BTreeMap<String, PathBuf>,
    /// Directories where the document of an `<edmx:Reference Uri>` is looked for by the URI's
    /// last segment (`.../Org.OData.Core.V1.xml` -> `<dir>/Org.OData.Core.V1.xml`). A reference
    /// found nowhere leaves out what uses its namespaces, with a warning.
    pub reference_dirs: Vec<PathBuf>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            namespaces: Vec::new(),
            types: Vec::new(),
            extern_types: BTreeMap::new(),
            annotations: Vec::new(),
            crate_name: None,
            odata_core_dependency: "\"0.1.0\"".to_owned(),
            reference_texts: BTreeMap::new(),
            reference_files: BTreeMap::new(),
            reference_dirs: Vec::new(),
        }
    }
}

impl Options {
    /// Every type of every namespace, written as module files.
    pub fn new() -> Self {
        Options::default()
    }

    /// Generates this namespace (with every namespace it references); repeat for more.
    pub fn namespace(mut self, namespace: impl Into<String>) -> Self {
        self.namespaces.push(namespace.into());
        self
    }

    /// Generates this type and what it reaches (see [`types`](Self::types)); repeat for more.
    pub fn select_type(mut self, qualified_name: impl Into<String>) -> Self {
        self.types.push(qualified_name.into());
        self
    }

    /// Uses `rust_path` for the type `qualified_name` instead of generating it
    /// (see [`extern_types`](Self::extern_types)).
    pub fn extern_type(mut self, qualified_name: impl Into<String>, rust_path: impl Into<String>) -> Self {
        self.extern_types.insert(qualified_name.into(), rust_path.into());
        self
    }

    /// Applies these out-of-line annotations (see [`annotations`](Self::annotations)).
    pub fn annotations(mut self, groups: impl IntoIterator<Item = AnnotationGroup>) -> Self {
        self.annotations.extend(groups);
        self
    }

    /// Writes a buildable crate of this name (see [`crate_name`](Self::crate_name)).
    pub fn crate_name(mut self, name: impl Into<String>) -> Self {
        self.crate_name = Some(name.into());
        self
    }

    /// The `odata-core` dependency of a generated crate, as TOML (`"0.1.0"`, `{ path = "..." }`).
    pub fn odata_core_dependency(mut self, toml: impl Into<String>) -> Self {
        self.odata_core_dependency = toml.into();
        self
    }

    /// The CSDL text of the document at `uri` (see [`reference_texts`](Self::reference_texts)).
    pub fn reference_text(mut self, uri: impl Into<String>, csdl: impl Into<String>) -> Self {
        self.reference_texts.insert(uri.into(), csdl.into());
        self
    }

    /// The file of the document at `uri` (see [`reference_files`](Self::reference_files)).
    pub fn reference_file(mut self, uri: impl Into<String>, file: impl Into<PathBuf>) -> Self {
        self.reference_files.insert(uri.into(), file.into());
        self
    }

    /// A directory where referenced documents are looked for
    /// (see [`reference_dirs`](Self::reference_dirs)).
    pub fn reference_dir(mut self, dir: impl Into<PathBuf>) -> Self {
        self.reference_dirs.push(dir.into());
        self
    }
}

/// The generated files and what they hold.
#[derive(Debug, Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct Generated {
    /// Relative path (`graph.rs`, or `src/graph.rs` and `Cargo.toml` for a crate) -> content.
    pub files: BTreeMap<String, String>,
    /// Counts and warnings.
    pub summary: Summary,
}

/// Counts of what was generated, and what was left out.
#[derive(Debug, Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct Summary {
    /// Namespaces (modules) written.
    pub namespaces: usize,
    /// Entity type structs.
    pub entity_types: usize,
    /// Complex type structs.
    pub complex_types: usize,
    /// Enumeration types.
    pub enum_types: usize,
    /// Type definitions (newtypes over a primitive).
    pub type_definitions: usize,
    /// Polymorphic holder enums (`AnyX`).
    pub polymorphic_enums: usize,
    /// Function structs.
    pub functions: usize,
    /// Action structs.
    pub actions: usize,
    /// Properties and navigation properties written as fields.
    pub properties: usize,
    /// Lines written, over all files.
    pub lines: usize,
    /// Elements that were left out or approximated, each naming the element and its line.
    pub warnings: Vec<Diagnostic>,
}

impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} namespaces: {} entity types, {} complex types, {} enum types, {} type definitions, {} polymorphic enums, {} functions, {} actions, {} properties; {} lines; {} warnings",
            self.namespaces,
            self.entity_types,
            self.complex_types,
            self.enum_types,
            self.type_definitions,
            self.polymorphic_enums,
            self.functions,
            self.actions,
            self.properties,
            self.lines,
            self.warnings.len()
        )
    }
}

/// A problem with one CSDL element: what, where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The element, e.g. `<Property Name="content"> of microsoft.graph.driveItem`.
    pub element: String,
    /// The line of the element (or of the nearest enclosing element that has one).
    pub line: Option<u32>,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "line {line}, {}: {}", self.element, self.message),
            None => write!(f, "{}: {}", self.element, self.message),
        }
    }
}

/// Why nothing could be generated: every element that stands in the way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodegenError {
    /// The problems, in document order.
    pub errors: Vec<Diagnostic>,
}

impl fmt::Display for CodegenError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, error) in self.errors.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            write!(f, "{error}")?;
        }
        Ok(())
    }
}

impl std::error::Error for CodegenError {}

/// The out-of-line annotations (`<Annotations Target>` elements) of every schema of `document`, in
/// document order: for [`Options::annotations`], from a document that annotates another one
/// (descriptions kept apart from the service's `$metadata`, say). Targets and terms are given
/// their full names through `document`'s own aliases, which the annotated document does not know
/// (`SAP__core.Computed` is `Org.OData.Core.V1.Computed`).
///
/// ```
/// use odata_core::csdl::Document;
///
/// let descriptions = Document::parse_xml(r#"<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
///   <edmx:DataServices>
///     <Schema Namespace="example.docs" xmlns="http://docs.oasis-open.org/odata/ns/edm">
///       <Annotations Target="example.shop.product/id">
///         <Annotation Term="Org.OData.Core.V1.Description" String="The product number."/>
///       </Annotations>
///     </Schema>
///   </edmx:DataServices>
/// </edmx:Edmx>"#)?;
/// let mut options = odata_codegen::Options::default();
/// options.annotations.extend(odata_codegen::annotation_groups(&descriptions));
/// assert_eq!(options.annotations[0].target, "example.shop.product/id");
/// # Ok::<(), odata_core::csdl::CsdlError>(())
/// ```
pub fn annotation_groups(document: &Document) -> Vec<AnnotationGroup> {
    let groups = document.schemas.iter().flat_map(|schema| &schema.annotation_groups);
    groups
        .map(|group| AnnotationGroup {
            target: document.resolve_target(&group.target),
            annotations: group
                .annotations
                .iter()
                .map(|annotation| Annotation { term: document.resolve_alias(&annotation.term), ..annotation.clone() })
                .collect(),
        })
        .collect()
}

/// Generates the Rust modules (or crate) for `document`.
///
/// The documents of its `<edmx:Reference>` elements are read from [`Options::reference_texts`],
/// [`Options::reference_files`] and [`Options::reference_dirs`]; what uses a namespace none of
/// them provides is left out with a warning.
pub fn generate(document: &Document, options: &Options) -> Result<Generated, CodegenError> {
    let resolved = references::resolve(document, options);
    let model = model::Model::build(&resolved.document, &resolved.options)?;
    let mut generated = emit::emit(&model, &resolved.options);
    // A reference found nowhere is worth a warning only where something was left out for it
    // (services reference vocabularies for their annotations alone).
    let used: Vec<Diagnostic> = resolved
        .warnings
        .into_iter()
        .filter(|failure| generated.summary.warnings.iter().any(|w| w.message.contains(&failure.element)))
        .collect();
    generated.summary.warnings.splice(0..0, used);
    Ok(generated)
}
