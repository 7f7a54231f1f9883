//! CSDL, the OData metadata document: a data model of it, built from the derives' tables
//! ([`Document::builder`]), read from and written to CSDL XML (`$metadata`), and written as
//! CSDL JSON.
//!
//! ```
//! # #[cfg(feature = "csdl-xml")] {
//! # use odata_core::{AdditionalData, ODataEntity};
//! #[derive(ODataEntity, Debug, Default)]
//! #[odata(type = "example.thing", key_property = "id")]
//! pub struct Thing {
//!     #[odata(nullable = false)]
//!     pub id: Option<String>,
//!     pub additional_data: AdditionalData,
//! }
//!
//! let document = odata_core::csdl::Document::builder().add_type::<Thing>().build();
//! let xml = document.to_xml();
//! assert!(xml.contains(r#"<EntityType Name="thing">"#));
//! let again = odata_core::csdl::Document::parse_xml(&xml)?;
//! assert_eq!(again.without_lines(), document);
//! # }
//! # Ok::<(), odata_core::csdl::CsdlError>(())
//! ```
//!
//! The model holds what CSDL says about types, functions, actions and the entity container;
//! annotations are kept as terms with simple values (enough for `Core.Description` and
//! `Core.Revisions`), and every element remembers the line it was read from.

mod build;
mod compare;
mod container_facts;
mod json;
#[cfg(feature = "csdl-xml")]
mod xml;

/// How deeply annotation values may nest (a collection of records of collections ...): the first
/// value is level 1. Graph needs 3; the cap keeps hostile input from building values whose
/// (recursive) drop, comparison or writing could exhaust the stack.
pub(crate) const MAX_EXPRESSION_DEPTH: usize = 64;

pub use build::DocumentBuilder;
pub use compare::SchemaDifference;

use std::fmt;

/// A CSDL document: `<edmx:Edmx>` with its schemas.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Document {
    /// `Version` of the EDMX document (`4.0` or `4.01`).
    pub version: String,
    /// The schemas, one per namespace.
    pub schemas: Vec<Schema>,
    /// `<edmx:Reference>` elements: the other documents whose namespaces this one uses.
    pub references: Vec<Reference>,
}

/// An `<edmx:Reference Uri>`: a document whose schemas this one may use, by the namespaces its
/// `<edmx:Include>` elements name.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Reference {
    /// `Uri`, e.g. `https://oasis-tcs.github.io/odata-vocabularies/vocabularies/Org.OData.Core.V1.xml`.
    pub uri: String,
    /// The `<edmx:Include>` elements.
    pub includes: Vec<Include>,
    /// The line of the element in the document read, if it was read from text.
    pub line: Option<u32>,
}

/// An `<edmx:Include Namespace Alias>` of a reference.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Include {
    /// `Namespace`, e.g. `Org.OData.Core.V1`.
    pub namespace: String,
    /// `Alias`, e.g. `Core`.
    pub alias: Option<String>,
}

/// A `<Schema>`: the types and operations of one namespace.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Schema {
    /// `Namespace`, e.g. `microsoft.graph.callRecords`.
    pub namespace: String,
    /// `Alias`, e.g. `graph`.
    pub alias: Option<String>,
    /// `<EntityType>` elements.
    pub entity_types: Vec<StructuredType>,
    /// `<ComplexType>` elements.
    pub complex_types: Vec<StructuredType>,
    /// `<EnumType>` elements.
    pub enum_types: Vec<EnumType>,
    /// `<TypeDefinition>` elements.
    pub type_definitions: Vec<TypeDefinition>,
    /// `<Function>` elements (overloads are separate entries).
    pub functions: Vec<Operation>,
    /// `<Action>` elements.
    pub actions: Vec<Operation>,
    /// `<EntityContainer>`, at most one per schema.
    pub entity_container: Option<EntityContainer>,
    /// `<Annotations Target="...">` elements: annotations on elements named by path.
    pub annotation_groups: Vec<AnnotationGroup>,
    /// Annotations of the schema itself.
    pub annotations: Vec<Annotation>,
}

/// An `<EntityType>` or `<ComplexType>` (which have the same shape; complex types have no key).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct StructuredType {
    /// `Name`, e.g. `session`.
    pub name: String,
    /// `BaseType`: a qualified name, as written (it may use the schema's alias).
    pub base_type: Option<String>,
    /// `Abstract="true"`.
    pub is_abstract: bool,
    /// `OpenType="true"`.
    pub is_open: bool,
    /// `HasStream="true"` (entity types only).
    pub has_stream: bool,
    /// `<Key>`: the key properties' names (entity types only; empty when inherited).
    pub key: Vec<String>,
    /// `<Property>` elements.
    pub properties: Vec<Property>,
    /// `<NavigationProperty>` elements.
    pub navigation_properties: Vec<NavigationProperty>,
    /// Annotations inside the element.
    pub annotations: Vec<Annotation>,
    /// The line the element starts on, when read from a document.
    pub line: Option<u32>,
}

/// A `<Property>`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Property {
    /// `Name`.
    pub name: String,
    /// `Type`: `Edm.String`, `ns.type`, `Collection(ns.type)`, as written.
    pub ty: String,
    /// `Nullable` (absent means `true`).
    pub nullable: bool,
    /// `MaxLength`, `Precision`, `Scale`, `SRID`, `DefaultValue`, `Unicode`.
    pub facets: Facets,
    /// Annotations inside the element.
    pub annotations: Vec<Annotation>,
    /// The line the element starts on, when read from a document.
    pub line: Option<u32>,
}

/// The facets of a property, parameter or return type.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Facets {
    /// `MaxLength` (a number or `max`).
    pub max_length: Option<String>,
    /// `Precision`.
    pub precision: Option<u32>,
    /// `Scale` (a number, `variable` or `floating`).
    pub scale: Option<String>,
    /// `SRID`.
    pub srid: Option<String>,
    /// `DefaultValue`.
    pub default_value: Option<String>,
    /// `Unicode` (absent means `true`).
    pub unicode: Option<bool>,
}

/// A `<NavigationProperty>`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct NavigationProperty {
    /// `Name`.
    pub name: String,
    /// `Type`: an entity type, or `Collection(...)` of one.
    pub ty: String,
    /// `Nullable` (absent means `true`; meaningful for single-valued ones).
    pub nullable: bool,
    /// `ContainsTarget="true"`.
    pub contains_target: bool,
    /// `Partner`.
    pub partner: Option<String>,
    /// `<ReferentialConstraint>` elements.
    pub referential_constraints: Vec<ReferentialConstraint>,
    /// Annotations inside the element.
    pub annotations: Vec<Annotation>,
    /// The line the element starts on, when read from a document.
    pub line: Option<u32>,
}

/// A `<ReferentialConstraint Property ReferencedProperty>` of a navigation property.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ReferentialConstraint {
    /// `Property`: a property (path) of the type that declares the navigation property.
    pub property: String,
    /// `ReferencedProperty`: the property (path) of the target type it equals.
    pub referenced_property: String,
}

/// An `<EnumType>`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct EnumType {
    /// `Name`.
    pub name: String,
    /// `UnderlyingType` (absent means `Edm.Int32`).
    pub underlying_type: Option<String>,
    /// `IsFlags="true"`.
    pub is_flags: bool,
    /// `<Member>` elements, in order.
    pub members: Vec<EnumMember>,
    /// Annotations inside the element.
    pub annotations: Vec<Annotation>,
    /// The line the element starts on, when read from a document.
    pub line: Option<u32>,
}

/// A `<Member>` of an enumeration type.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct EnumMember {
    /// `Name`.
    pub name: String,
    /// `Value` (absent in the document: the member's position, for non-flags enums).
    pub value: i64,
    /// Annotations inside the element.
    pub annotations: Vec<Annotation>,
}

/// A `<TypeDefinition>`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TypeDefinition {
    /// `Name`.
    pub name: String,
    /// `UnderlyingType`, a primitive type.
    pub underlying_type: String,
    /// Facets of the underlying type.
    pub facets: Facets,
    /// Annotations inside the element.
    pub annotations: Vec<Annotation>,
}

/// A `<Function>` or `<Action>`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Operation {
    /// `Name`.
    pub name: String,
    /// `IsBound="true"`: the first parameter is the binding parameter.
    pub is_bound: bool,
    /// `IsComposable="true"` (functions only).
    pub is_composable: bool,
    /// `EntitySetPath`.
    pub entity_set_path: Option<String>,
    /// `<Parameter>` elements, binding parameter first.
    pub parameters: Vec<Parameter>,
    /// `<ReturnType>`; functions always have one.
    pub return_type: Option<ReturnType>,
    /// Annotations inside the element.
    pub annotations: Vec<Annotation>,
    /// The line the element starts on, when read from a document.
    pub line: Option<u32>,
}

/// A `<Parameter>` of a function or action.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Parameter {
    /// `Name`.
    pub name: String,
    /// `Type`.
    pub ty: String,
    /// `Nullable` (absent means `true`).
    pub nullable: bool,
    /// Facets.
    pub facets: Facets,
    /// Annotations inside the element.
    pub annotations: Vec<Annotation>,
}

/// A `<ReturnType>`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ReturnType {
    /// `Type`.
    pub ty: String,
    /// `Nullable` (absent means `true`).
    pub nullable: bool,
    /// Facets.
    pub facets: Facets,
}

/// An `<EntityContainer>`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct EntityContainer {
    /// `Name`.
    pub name: String,
    /// `<EntitySet>` elements.
    pub entity_sets: Vec<EntitySet>,
    /// `<Singleton>` elements.
    pub singletons: Vec<EntitySet>,
    /// `<FunctionImport>` and `<ActionImport>` elements.
    pub operation_imports: Vec<OperationImport>,
}

/// An `<EntitySet>` or `<Singleton>`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct EntitySet {
    /// `Name`.
    pub name: String,
    /// `EntityType` (entity sets) or `Type` (singletons).
    pub entity_type: String,
    /// `<NavigationPropertyBinding Path Target>` elements.
    pub navigation_bindings: Vec<(String, String)>,
    /// `IncludeInServiceDocument` as written (entity sets only; absent means `true`).
    pub include_in_service_document: Option<bool>,
}

/// A `<FunctionImport>` or `<ActionImport>`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct OperationImport {
    /// `Name`.
    pub name: String,
    /// `Function` or `Action`: the qualified name of the operation.
    pub operation: String,
    /// Whether it imports an action.
    pub is_action: bool,
    /// `EntitySet`.
    pub entity_set: Option<String>,
    /// `IncludeInServiceDocument` as written (function imports only; absent means `false`).
    pub include_in_service_document: Option<bool>,
}

/// `<Annotations Target="...">`: annotations applied from outside the annotated element.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct AnnotationGroup {
    /// `Target`, e.g. `microsoft.graph.callRecords.callRecord/organizer`.
    pub target: String,
    /// The annotations.
    pub annotations: Vec<Annotation>,
}

/// An `<Annotation Term="...">`.
#[derive(Debug, Clone, PartialEq)]
pub struct Annotation {
    /// `Term`, e.g. `Org.OData.Core.V1.Description`.
    pub term: String,
    /// `Qualifier`.
    pub qualifier: Option<String>,
    /// The value: an attribute (`String="..."`, `Bool="true"`) or a nested expression.
    pub value: AnnotationValue,
}

/// The value of an annotation, as far as this model reads it.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum AnnotationValue {
    /// No value (a term whose default applies, e.g. `<Annotation Term="Core.Computed"/>`).
    Default,
    /// `String="..."`, `<String>`.
    String(String),
    /// `Bool="..."`.
    Bool(bool),
    /// `Int="..."`.
    Int(i64),
    /// `EnumMember="..."`, `<EnumMember>`.
    EnumMember(String),
    /// Another constant (`Date`, `Decimal`, `Path`, ...): its element name and text.
    Other(String, String),
    /// `<Record>`: property values by name.
    Record(Vec<(String, AnnotationValue)>),
    /// `<Collection>`.
    Collection(Vec<AnnotationValue>),
}

/// A CSDL document that cannot be read: what is wrong, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsdlError {
    /// The line (1-based) of the element the problem is in, when known.
    pub line: Option<u32>,
    /// The element, e.g. `<Property Name="id">`.
    pub element: Option<String>,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for CsdlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.line, &self.element) {
            (Some(line), Some(element)) => write!(f, "line {line}, {element}: {}", self.message),
            (Some(line), None) => write!(f, "line {line}: {}", self.message),
            (None, Some(element)) => write!(f, "{element}: {}", self.message),
            (None, None) => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for CsdlError {}

impl Document {
    /// Reads a CSDL XML document (`$metadata`). A byte-order mark is skipped. (Cargo feature
    /// `csdl-xml`, on by default.)
    #[cfg(feature = "csdl-xml")]
    pub fn parse_xml(text: &str) -> Result<Document, CsdlError> {
        xml::parse(text)
    }

    /// The document as CSDL XML, indented, starting with the XML declaration. (Cargo feature
    /// `csdl-xml`, on by default.)
    #[cfg(feature = "csdl-xml")]
    pub fn to_xml(&self) -> String {
        xml::write(self)
    }

    /// The document as CSDL JSON (OData CSDL JSON Representation 4.01).
    pub fn to_json(&self) -> serde_json::Value {
        json::write(self)
    }

    /// A document of the derived types (and functions) you add, with everything they reference.
    pub fn builder() -> DocumentBuilder {
        DocumentBuilder::new()
    }

    /// The document with every `line` cleared: to compare a document read from text with one
    /// built or written, where lines mean nothing.
    pub fn without_lines(mut self) -> Document {
        self.references.iter_mut().for_each(|reference| reference.line = None);
        for schema in &mut self.schemas {
            for ty in schema.entity_types.iter_mut().chain(&mut schema.complex_types) {
                ty.line = None;
                ty.properties.iter_mut().for_each(|property| property.line = None);
                ty.navigation_properties.iter_mut().for_each(|property| property.line = None);
            }
            schema.enum_types.iter_mut().for_each(|ty| ty.line = None);
            schema.functions.iter_mut().chain(&mut schema.actions).for_each(|operation| operation.line = None);
        }
        self
    }

    /// The schema with this namespace (or alias).
    pub fn schema(&self, namespace_or_alias: &str) -> Option<&Schema> {
        self.schemas
            .iter()
            .find(|s| s.namespace == namespace_or_alias || s.alias.as_deref() == Some(namespace_or_alias))
    }

    /// `name` with a schema alias replaced by the namespace (`graph.entity` ->
    /// `microsoft.graph.entity`), inside `Collection(...)` too; the alias of an `<edmx:Include>`
    /// likewise (`Core.Tag` -> `Org.OData.Core.V1.Tag`).
    pub fn resolve_alias(&self, name: &str) -> String {
        if let Some(inner) = name.strip_prefix("Collection(").and_then(|n| n.strip_suffix(')')) {
            return format!("Collection({})", self.resolve_alias(inner));
        }
        for schema in &self.schemas {
            if let Some(alias) = &schema.alias
                && let Some(rest) = name.strip_prefix(alias.as_str()).and_then(|r| r.strip_prefix('.'))
                && !rest.contains('.')
            {
                return format!("{}.{rest}", schema.namespace);
            }
        }
        // `Core.Description` through `<edmx:Include Namespace="Org.OData.Core.V1" Alias="Core"/>`.
        for include in self.references.iter().flat_map(|reference| &reference.includes) {
            if let Some(alias) = &include.alias
                && let Some(rest) = name.strip_prefix(alias.as_str()).and_then(|r| r.strip_prefix('.'))
                && !rest.contains('.')
            {
                return format!("{}.{rest}", include.namespace);
            }
        }
        name.to_owned()
    }

    /// An `<Annotations Target>` path with the alias of its type or schema resolved
    /// (`graph.user/manager` -> `microsoft.graph.user/manager`).
    pub fn resolve_target(&self, target: &str) -> String {
        match target.split_once('/') {
            Some((head, rest)) => format!("{}/{rest}", self.resolve_alias(head)),
            None => self.resolve_alias(target),
        }
    }

    /// Whether `annotation` applies the tag term `term` (full name, e.g.
    /// `Org.OData.Core.V1.Computed`): unqualified (a qualified one holds only where its qualifier
    /// applies), its term read with [`resolve_term`](Self::resolve_term), and not written `false`
    /// (a tag's value defaults to `true`).
    pub fn applies_tag(&self, annotation: &Annotation, term: &str) -> bool {
        annotation.qualifier.is_none()
            && self.resolve_term(&annotation.term) == term
            && !matches!(annotation.value, AnnotationValue::Bool(false))
    }

    /// The full name of an annotation's term: the alias this document gives the vocabulary
    /// resolved (`SAP__core.Computed` -> `Org.OData.Core.V1.Computed`), and `Core.` read as the
    /// Core vocabulary also where a document uses that conventional alias without declaring it.
    ///
    /// ```
    /// # #[cfg(feature = "csdl-xml")] {
    /// use odata_core::csdl::Document;
    ///
    /// let sap = Document::parse_xml(r#"<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
    ///   <edmx:Reference Uri="/sap/opu/odata/IWFND/CATALOGSERVICE;v=2/Vocabularies(TechnicalName='%2FIWBEP%2FVOC_CORE',Version='0001',SAP__Origin='LOCAL')/$value">
    ///     <edmx:Include Namespace="Org.OData.Core.V1" Alias="SAP__core"/>
    ///   </edmx:Reference>
    ///   <edmx:DataServices/>
    /// </edmx:Edmx>"#).unwrap();
    /// assert_eq!(sap.resolve_term("SAP__core.Computed"), "Org.OData.Core.V1.Computed");
    /// assert_eq!(sap.resolve_term("Core.Description"), "Org.OData.Core.V1.Description");
    /// assert_eq!(sap.resolve_term("SAP__common.Label"), "SAP__common.Label"); // not included
    /// # }
    /// ```
    pub fn resolve_term(&self, term: &str) -> String {
        let full = self.resolve_alias(term);
        match full.strip_prefix("Core.") {
            Some(name) => format!("Org.OData.Core.V1.{name}"),
            None => full,
        }
    }
}
