//! Reading CSDL XML: quick-xml events, an explicit stack of open elements, lines for errors.

use std::borrow::Cow;
use std::str::FromStr;

use quick_xml::escape::resolve_predefined_entity;
use quick_xml::events::{BytesRef, BytesStart, Event};
use quick_xml::{Reader, XmlVersion};

use crate::csdl::{
    Annotation, AnnotationGroup, AnnotationValue, CsdlError, Document, EntityContainer, EntitySet, EnumMember,
    EnumType, Facets, Include, NavigationProperty, Operation, OperationImport, Parameter, Property, Reference,
    ReferentialConstraint, ReturnType, Schema, StructuredType, TypeDefinition,
};

use super::{ATTRIBUTE_EXPRESSIONS, MAX_EXPRESSION_DEPTH};

mod version;
use version::declarations;

/// Reads a CSDL XML document; see [`Document::parse_xml`].
pub(in crate::csdl) fn parse(text: &str) -> Result<Document, CsdlError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    Parser::new(text).run()
}

/// Where the reader is relative to the root element.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Root {
    Before,
    Inside,
    After,
}

/// An element the model knows, open on the reader's stack, with what has been read of it so far.
#[derive(Debug)]
enum Frame {
    Edmx,
    Reference(Reference),
    DataServices,
    Schema(Box<Schema>),
    /// An entity type (`true`) or complex type (`false`).
    Structured(StructuredType, bool),
    Key(Vec<String>),
    Property(Property),
    NavigationProperty(NavigationProperty),
    EnumType(EnumType),
    Member(EnumMember),
    TypeDefinition(TypeDefinition),
    /// A function or action (`true`).
    Operation(Operation, bool),
    Parameter(Parameter),
    EntityContainer(EntityContainer),
    /// An entity set or singleton (`true`).
    EntitySet(EntitySet, bool),
    Annotations(AnnotationGroup),
    Annotation(Annotation),
    /// `<PropertyValue Property>` of a record, with its value.
    PropertyValue(String, AnnotationValue),
    Record(Vec<(String, AnnotationValue)>),
    Collection(Vec<AnnotationValue>),
    /// A value written as element text: `<String>`, `<Int>`, `<Path>`, ...
    Text(TextValue),
}

impl Frame {
    /// Whether this frame is an annotation value (and counts towards [`MAX_EXPRESSION_DEPTH`]).
    fn is_value(&self) -> bool {
        matches!(self, Frame::Record(_) | Frame::Collection(_) | Frame::Text(_))
    }

    /// Whether the element keeps annotations (see [`Frame::annotations_mut`]).
    fn has_annotations(&self) -> bool {
        matches!(
            self,
            Frame::Schema(_)
                | Frame::Structured(..)
                | Frame::Property(_)
                | Frame::NavigationProperty(_)
                | Frame::EnumType(_)
                | Frame::Member(_)
                | Frame::TypeDefinition(_)
                | Frame::Operation(..)
                | Frame::Parameter(_)
                | Frame::Annotations(_)
        )
    }

    /// The annotations of the element, for those that keep them.
    fn annotations_mut(&mut self) -> Option<&mut Vec<Annotation>> {
        match self {
            Frame::Schema(schema) => Some(&mut schema.annotations),
            Frame::Structured(ty, _) => Some(&mut ty.annotations),
            Frame::Property(property) => Some(&mut property.annotations),
            Frame::NavigationProperty(property) => Some(&mut property.annotations),
            Frame::EnumType(ty) => Some(&mut ty.annotations),
            Frame::Member(member) => Some(&mut member.annotations),
            Frame::TypeDefinition(ty) => Some(&mut ty.annotations),
            Frame::Operation(operation, _) => Some(&mut operation.annotations),
            Frame::Parameter(parameter) => Some(&mut parameter.annotations),
            Frame::Annotations(group) => Some(&mut group.annotations),
            _ => None,
        }
    }

    /// The element, for messages.
    fn tag(&self) -> Cow<'static, str> {
        Cow::Borrowed(match self {
            Frame::Edmx => "edmx:Edmx",
            Frame::Reference(_) => "edmx:Reference",
            Frame::DataServices => "edmx:DataServices",
            Frame::Schema(_) => "Schema",
            Frame::Structured(_, true) => "EntityType",
            Frame::Structured(_, false) => "ComplexType",
            Frame::Key(_) => "Key",
            Frame::Property(_) => "Property",
            Frame::NavigationProperty(_) => "NavigationProperty",
            Frame::EnumType(_) => "EnumType",
            Frame::Member(_) => "Member",
            Frame::TypeDefinition(_) => "TypeDefinition",
            Frame::Operation(_, false) => "Function",
            Frame::Operation(_, true) => "Action",
            Frame::Parameter(_) => "Parameter",
            Frame::EntityContainer(_) => "EntityContainer",
            Frame::EntitySet(_, false) => "EntitySet",
            Frame::EntitySet(_, true) => "Singleton",
            Frame::Annotations(_) => "Annotations",
            Frame::Annotation(_) => "Annotation",
            Frame::PropertyValue(..) => "PropertyValue",
            Frame::Record(_) => "Record",
            Frame::Collection(_) => "Collection",
            Frame::Text(text) => return Cow::Owned(text.kind.tag().to_owned()),
        })
    }
}

/// A value written as element text, being read.
#[derive(Debug)]
struct TextValue {
    kind: TextKind,
    text: String,
    /// Whether child elements were skipped (then surrounding whitespace is layout, not content).
    had_children: bool,
}

#[derive(Debug)]
enum TextKind {
    String,
    Bool,
    Int,
    EnumMember,
    /// Any other expression, by element name.
    Other(String),
}

impl TextKind {
    fn tag(&self) -> &str {
        match self {
            TextKind::String => "String",
            TextKind::Bool => "Bool",
            TextKind::Int => "Int",
            TextKind::EnumMember => "EnumMember",
            TextKind::Other(name) => name,
        }
    }
}

impl TextValue {
    fn into_value(self, line: u32) -> Result<AnnotationValue, CsdlError> {
        let invalid = |what: &str| {
            let tag = self.kind.tag();
            error(Some(line), Some(format!("<{tag}>")), format!("\"{}\" is not {what}", self.text.trim()))
        };
        Ok(match &self.kind {
            TextKind::String => AnnotationValue::String(self.text),
            TextKind::Bool => AnnotationValue::Bool(match self.text.trim() {
                "true" => true,
                "false" => false,
                _ => return Err(invalid("true or false")),
            }),
            TextKind::Int => AnnotationValue::Int(self.text.trim().parse().map_err(|_| invalid("an integer"))?),
            TextKind::EnumMember => AnnotationValue::EnumMember(self.text.trim().to_owned()),
            TextKind::Other(name) => {
                let text = if self.had_children { self.text.trim().to_owned() } else { self.text };
                AnnotationValue::Other(name.clone(), text)
            }
        })
    }
}

/// An open element on the reader's stack and the line it starts on.
#[derive(Debug)]
struct Open {
    frame: Frame,
    line: u32,
}

struct Parser<'a> {
    reader: Reader<&'a [u8]>,
    lines: Lines<'a>,
    stack: Vec<Open>,
    /// Depth inside an element whose content is skipped (0: none is).
    skipping: usize,
    /// Annotation values open on the stack.
    expression_depth: usize,
    root: Root,
    /// Namespace declarations (`prefix`, URI; `""` for the default namespace) of `<edmx:Edmx>`
    /// and `<edmx:DataServices>`, which a `<Schema>` inherits.
    declared: Vec<(String, String)>,
    document: Document,
}

impl<'a> Parser<'a> {
    fn new(text: &'a str) -> Self {
        Parser {
            reader: Reader::from_str(text),
            lines: Lines { text: text.as_bytes(), offset: 0, line: 1 },
            stack: Vec::new(),
            skipping: 0,
            expression_depth: 0,
            root: Root::Before,
            declared: Vec::new(),
            document: Document::default(),
        }
    }

    fn run(mut self) -> Result<Document, CsdlError> {
        loop {
            let start = self.reader.buffer_position();
            let event = match self.reader.read_event() {
                Ok(event) => event,
                Err(cause) => {
                    let line = self.lines.line_at(self.reader.error_position());
                    return Err(error(Some(line), None, format!("malformed XML: {cause}")));
                }
            };
            match event {
                Event::Start(element) => {
                    let line = self.lines.line_at(start);
                    self.start(&element, line, false)?;
                }
                Event::Empty(element) => {
                    let line = self.lines.line_at(start);
                    self.start(&element, line, true)?;
                }
                Event::End(_) => self.end()?,
                Event::Text(text) => {
                    if let Some(sink) = self.text_sink() {
                        sink.push_str(&text.xml10_content());
                    }
                }
                Event::CData(text) => {
                    if let Some(sink) = self.text_sink() {
                        sink.push_str(&text.xml10_content());
                    }
                }
                Event::GeneralRef(reference) => {
                    if self.text_sink().is_some() {
                        let line = self.lines.line_at(start);
                        let resolved = resolve_reference(&reference, line)?;
                        if let Some(sink) = self.text_sink() {
                            sink.push_str(&resolved);
                        }
                    }
                }
                Event::Eof => return self.finish(),
                // Declarations, comments, processing instructions and DOCTYPE carry no model.
                Event::Decl(_) | Event::Comment(_) | Event::PI(_) | Event::DocType(_) => {}
            }
        }
    }

    /// Where element text goes: the open text value, if the innermost known element is one.
    fn text_sink(&mut self) -> Option<&mut String> {
        match self.stack.last_mut() {
            Some(Open { frame: Frame::Text(value), .. }) => Some(&mut value.text),
            _ => None,
        }
    }

    fn start(&mut self, element: &BytesStart<'_>, line: u32, empty: bool) -> Result<(), CsdlError> {
        if self.skipping > 0 {
            if !empty {
                self.skipping += 1;
            }
            return Ok(());
        }
        let attrs = Attrs::read(element, line)?;
        match self.open(element.local_name().into_inner(), &attrs, line)? {
            Some(frame) => {
                if frame.is_value() {
                    self.expression_depth += 1;
                }
                self.stack.push(Open { frame, line });
                if empty {
                    self.close()?;
                }
            }
            None if !empty => self.skipping = 1,
            None => {}
        }
        Ok(())
    }

    fn end(&mut self) -> Result<(), CsdlError> {
        if self.skipping > 0 {
            self.skipping -= 1;
            return Ok(());
        }
        self.close()
    }

    /// The frame for an element that starts, given its parent; `None` skips the element's content
    /// (unknown elements, and leaves such as `<PropertyRef>` that are recorded right away).
    fn open(&mut self, name: &str, attrs: &Attrs<'_>, line: u32) -> Result<Option<Frame>, CsdlError> {
        let expression_depth = self.expression_depth;
        let Some(parent) = self.stack.last_mut() else {
            return self.open_root(name, attrs).map(Some);
        };
        let frame = match (&mut parent.frame, name) {
            (Frame::Edmx, "Reference") => {
                version::check_namespace(attrs, &self.declared, version::EDMX, "edmx")?;
                Frame::Reference(Reference { uri: attrs.required("Uri")?, includes: Vec::new(), line: Some(line) })
            }
            (Frame::Reference(reference), "Include") => {
                let namespace = attrs.required("Namespace")?;
                reference.includes.push(Include { namespace, alias: attrs.string("Alias") });
                return Ok(None);
            }
            (Frame::Edmx, "DataServices") => {
                self.declared.extend(declarations(attrs));
                Frame::DataServices
            }
            (Frame::DataServices, "Schema") => Frame::Schema(Box::new(Schema {
                namespace: {
                    version::check_namespace(attrs, &self.declared, version::EDM, "edm")?;
                    attrs.required("Namespace")?
                },
                alias: attrs.string("Alias"),
                ..Schema::default()
            })),
            (Frame::Schema(_), "EntityType" | "ComplexType") => {
                Frame::Structured(structured_type(attrs, line)?, name == "EntityType")
            }
            (Frame::Schema(_), "EnumType") => Frame::EnumType(EnumType {
                name: attrs.required("Name")?,
                underlying_type: attrs.string("UnderlyingType"),
                is_flags: attrs.flag("IsFlags", false)?,
                members: Vec::new(),
                annotations: Vec::new(),
                line: Some(line),
            }),
            (Frame::Schema(_), "TypeDefinition") => Frame::TypeDefinition(TypeDefinition {
                name: attrs.required("Name")?,
                underlying_type: attrs.required("UnderlyingType")?,
                facets: facets(attrs)?,
                annotations: Vec::new(),
            }),
            (Frame::Schema(_), "Function" | "Action") => Frame::Operation(
                Operation {
                    name: attrs.required("Name")?,
                    is_bound: attrs.flag("IsBound", false)?,
                    is_composable: attrs.flag("IsComposable", false)?,
                    entity_set_path: attrs.string("EntitySetPath"),
                    parameters: Vec::new(),
                    return_type: None,
                    annotations: Vec::new(),
                    line: Some(line),
                },
                name == "Action",
            ),
            (Frame::Schema(schema), "EntityContainer") => {
                if schema.entity_container.is_some() {
                    return Err(attrs.error("a second entity container in one schema; a schema holds at most one"));
                }
                Frame::EntityContainer(EntityContainer { name: attrs.required("Name")?, ..EntityContainer::default() })
            }
            (Frame::Schema(_), "Annotations") => {
                Frame::Annotations(AnnotationGroup { target: attrs.required("Target")?, annotations: Vec::new() })
            }
            (Frame::Structured(..), "Key") => Frame::Key(Vec::new()),
            (Frame::Key(key), "PropertyRef") => {
                key.push(attrs.required("Name")?);
                return Ok(None);
            }
            (Frame::Structured(..), "Property") => Frame::Property(Property {
                name: attrs.required("Name")?,
                ty: attrs.required("Type")?,
                nullable: attrs.flag("Nullable", true)?,
                facets: facets(attrs)?,
                annotations: Vec::new(),
                line: Some(line),
            }),
            (Frame::Structured(..), "NavigationProperty") => Frame::NavigationProperty(NavigationProperty {
                name: attrs.required("Name")?,
                ty: attrs.required("Type")?,
                nullable: attrs.flag("Nullable", true)?,
                contains_target: attrs.flag("ContainsTarget", false)?,
                partner: attrs.string("Partner"),
                referential_constraints: Vec::new(),
                annotations: Vec::new(),
                line: Some(line),
            }),
            (Frame::NavigationProperty(property), "ReferentialConstraint") => {
                property.referential_constraints.push(ReferentialConstraint {
                    property: attrs.required("Property")?,
                    referenced_property: attrs.required("ReferencedProperty")?,
                });
                return Ok(None);
            }
            (Frame::EnumType(ty), "Member") => {
                let name = attrs.required("Name")?;
                let value = match attrs.get("Value") {
                    Some(value) => {
                        value.trim().parse().map_err(|_| attrs.error(format!("Value=\"{value}\" is not an integer")))?
                    }
                    // CSDL: without `Value`, members are numbered from 0 in document order.
                    None => i64::try_from(ty.members.len()).unwrap_or(i64::MAX),
                };
                Frame::Member(EnumMember { name, value, annotations: Vec::new() })
            }
            (Frame::Operation(..), "Parameter") => Frame::Parameter(Parameter {
                name: attrs.required("Name")?,
                ty: attrs.required("Type")?,
                nullable: attrs.flag("Nullable", true)?,
                facets: facets(attrs)?,
                annotations: Vec::new(),
            }),
            (Frame::Operation(operation, _), "ReturnType") => {
                operation.return_type = Some(ReturnType {
                    ty: attrs.required("Type")?,
                    nullable: attrs.flag("Nullable", true)?,
                    facets: facets(attrs)?,
                });
                return Ok(None);
            }
            (Frame::EntityContainer(_), "EntitySet" | "Singleton") => {
                let singleton = name == "Singleton";
                let set = EntitySet {
                    name: attrs.required("Name")?,
                    entity_type: attrs.required(if singleton { "Type" } else { "EntityType" })?,
                    navigation_bindings: Vec::new(),
                    include_in_service_document: attrs.optional_flag("IncludeInServiceDocument")?,
                };
                Frame::EntitySet(set, singleton)
            }
            (Frame::EntityContainer(container), "FunctionImport" | "ActionImport") => {
                let is_action = name == "ActionImport";
                container.operation_imports.push(OperationImport {
                    name: attrs.required("Name")?,
                    operation: attrs.required(if is_action { "Action" } else { "Function" })?,
                    is_action,
                    entity_set: attrs.string("EntitySet"),
                    include_in_service_document: attrs.optional_flag("IncludeInServiceDocument")?,
                });
                return Ok(None);
            }
            (Frame::EntitySet(set, _), "NavigationPropertyBinding") => {
                set.navigation_bindings.push((attrs.required("Path")?, attrs.required("Target")?));
                return Ok(None);
            }
            (Frame::Record(_), "PropertyValue") => {
                Frame::PropertyValue(attrs.required("Property")?, attribute_value(attrs)?)
            }
            // Annotations of annotations and of records are not part of the model.
            (
                Frame::Annotation(_) | Frame::Record(_) | Frame::PropertyValue(..) | Frame::Collection(_),
                "Annotation",
            ) => {
                return Ok(None);
            }
            (Frame::Annotation(_) | Frame::PropertyValue(..) | Frame::Collection(_), _) => {
                if expression_depth >= MAX_EXPRESSION_DEPTH {
                    return Err(attrs.error(format!(
                        "annotation values nest deeper than {MAX_EXPRESSION_DEPTH} levels; this reader stops there"
                    )));
                }
                expression(name)
            }
            (Frame::Text(value), _) => {
                value.had_children = true;
                return Ok(None);
            }
            (frame, "Annotation") if frame.has_annotations() => Frame::Annotation(Annotation {
                term: attrs.required("Term")?,
                qualifier: attrs.string("Qualifier"),
                value: attribute_value(attrs)?,
            }),
            _ => return Ok(None),
        };
        Ok(Some(frame))
    }

    fn open_root(&mut self, name: &str, attrs: &Attrs<'_>) -> Result<Frame, CsdlError> {
        match self.root {
            Root::After => Err(attrs.error("an element after the end of <edmx:Edmx>; a document has one root element")),
            _ if name != "Edmx" => Err(attrs.error("the root element is not <edmx:Edmx>; this is not a CSDL document")),
            _ => {
                self.root = Root::Inside;
                self.declared.extend(declarations(attrs));
                version::check_namespace(attrs, &self.declared, version::EDMX, "edmx")?;
                self.document.version = attrs.string("Version").unwrap_or_default();
                version::check_version(attrs, &self.document.version)?;
                Ok(Frame::Edmx)
            }
        }
    }

    /// Ends the innermost open frame and hands what it read to its parent.
    fn close(&mut self) -> Result<(), CsdlError> {
        let Some(Open { frame, line }) = self.stack.pop() else {
            // quick-xml checks that end tags match start tags, so this is not reached.
            return Err(error(None, None, "an end tag without a start tag".to_owned()));
        };
        if frame.is_value() {
            self.expression_depth = self.expression_depth.saturating_sub(1);
        }
        let parent = self.stack.last_mut().map(|open| &mut open.frame);
        // `open` only creates frames under the parents below, so the fall-through arms are not reached.
        match frame {
            Frame::Edmx => self.root = Root::After,
            Frame::Reference(reference) => self.document.references.push(reference),
            Frame::DataServices => {}
            Frame::Schema(schema) => self.document.schemas.push(*schema),
            Frame::Structured(ty, is_entity) => {
                if let Some(Frame::Schema(schema)) = parent {
                    if is_entity { schema.entity_types.push(ty) } else { schema.complex_types.push(ty) }
                }
            }
            Frame::Key(key) => {
                if let Some(Frame::Structured(ty, _)) = parent {
                    ty.key.extend(key);
                }
            }
            Frame::Property(property) => {
                if let Some(Frame::Structured(ty, _)) = parent {
                    ty.properties.push(property);
                }
            }
            Frame::NavigationProperty(property) => {
                if let Some(Frame::Structured(ty, _)) = parent {
                    ty.navigation_properties.push(property);
                }
            }
            Frame::EnumType(ty) => {
                if let Some(Frame::Schema(schema)) = parent {
                    schema.enum_types.push(ty);
                }
            }
            Frame::Member(member) => {
                if let Some(Frame::EnumType(ty)) = parent {
                    ty.members.push(member);
                }
            }
            Frame::TypeDefinition(ty) => {
                if let Some(Frame::Schema(schema)) = parent {
                    schema.type_definitions.push(ty);
                }
            }
            Frame::Operation(operation, is_action) => {
                if let Some(Frame::Schema(schema)) = parent {
                    if is_action { schema.actions.push(operation) } else { schema.functions.push(operation) }
                }
            }
            Frame::Parameter(parameter) => {
                if let Some(Frame::Operation(operation, _)) = parent {
                    operation.parameters.push(parameter);
                }
            }
            Frame::EntityContainer(container) => {
                if let Some(Frame::Schema(schema)) = parent {
                    schema.entity_container = Some(container);
                }
            }
            Frame::EntitySet(set, is_singleton) => {
                if let Some(Frame::EntityContainer(container)) = parent {
                    if is_singleton { container.singletons.push(set) } else { container.entity_sets.push(set) }
                }
            }
            Frame::Annotations(group) => {
                if let Some(Frame::Schema(schema)) = parent {
                    schema.annotation_groups.push(group);
                }
            }
            Frame::Annotation(annotation) => {
                if let Some(annotations) = parent.and_then(Frame::annotations_mut) {
                    annotations.push(annotation);
                }
            }
            Frame::PropertyValue(property, value) => {
                if let Some(Frame::Record(properties)) = parent {
                    properties.push((property, value));
                }
            }
            Frame::Record(properties) => set_value(parent, AnnotationValue::Record(properties)),
            Frame::Collection(items) => set_value(parent, AnnotationValue::Collection(items)),
            Frame::Text(value) => set_value(parent, value.into_value(line)?),
        }
        Ok(())
    }

    fn finish(mut self) -> Result<Document, CsdlError> {
        match self.root {
            Root::After => Ok(self.document),
            Root::Before => {
                Err(error(None, None, "no <edmx:Edmx> root element; this is not a CSDL document".to_owned()))
            }
            Root::Inside => {
                let line = self.lines.line_at(u64::MAX);
                let element = self.stack.last().map(|open| format!("<{}> (line {})", open.frame.tag(), open.line));
                Err(error(Some(line), element, "the document ends before this element is closed".to_owned()))
            }
        }
    }
}

/// The frame for an annotation value written as an element.
fn expression(name: &str) -> Frame {
    let kind = match name {
        "Record" => return Frame::Record(Vec::new()),
        "Collection" => return Frame::Collection(Vec::new()),
        "String" => TextKind::String,
        "Bool" => TextKind::Bool,
        "Int" => TextKind::Int,
        "EnumMember" => TextKind::EnumMember,
        other => TextKind::Other(other.to_owned()),
    };
    Frame::Text(TextValue { kind, text: String::new(), had_children: false })
}

/// Gives a finished annotation value to the element it belongs to.
fn set_value(parent: Option<&mut Frame>, value: AnnotationValue) {
    match parent {
        Some(Frame::Annotation(annotation)) => annotation.value = value,
        Some(Frame::PropertyValue(_, slot)) => *slot = value,
        Some(Frame::Collection(items)) => items.push(value),
        _ => {}
    }
}

fn structured_type(attrs: &Attrs<'_>, line: u32) -> Result<StructuredType, CsdlError> {
    Ok(StructuredType {
        name: attrs.required("Name")?,
        base_type: attrs.string("BaseType"),
        is_abstract: attrs.flag("Abstract", false)?,
        is_open: attrs.flag("OpenType", false)?,
        has_stream: attrs.flag("HasStream", false)?,
        line: Some(line),
        ..StructuredType::default()
    })
}

fn facets(attrs: &Attrs<'_>) -> Result<Facets, CsdlError> {
    Ok(Facets {
        max_length: attrs.string("MaxLength"),
        precision: attrs.number("Precision", "a non-negative integer")?,
        scale: attrs.string("Scale"),
        srid: attrs.string("SRID"),
        default_value: attrs.string("DefaultValue"),
        unicode: attrs.optional_flag("Unicode")?,
    })
}

/// The value of an `<Annotation>` or `<PropertyValue>` given as an attribute, if any.
fn attribute_value(attrs: &Attrs<'_>) -> Result<AnnotationValue, CsdlError> {
    for (key, value) in &attrs.list {
        return Ok(match *key {
            "String" => AnnotationValue::String(value.clone().into_owned()),
            "Bool" => AnnotationValue::Bool(attrs.flag("Bool", false)?),
            "Int" => AnnotationValue::Int(
                value.trim().parse().map_err(|_| attrs.error(format!("Int=\"{value}\" is not an integer")))?,
            ),
            "EnumMember" => AnnotationValue::EnumMember(value.clone().into_owned()),
            key if ATTRIBUTE_EXPRESSIONS.contains(&key) => {
                AnnotationValue::Other(key.to_owned(), value.clone().into_owned())
            }
            _ => continue,
        });
    }
    Ok(AnnotationValue::Default)
}

/// The text of `&name;` or `&#n;` in element text.
fn resolve_reference(reference: &BytesRef<'_>, line: u32) -> Result<Cow<'static, str>, CsdlError> {
    match reference.resolve_char_ref() {
        Ok(Some(ch)) => Ok(Cow::Owned(ch.to_string())),
        Ok(None) => resolve_predefined_entity(reference)
            .map(Cow::Borrowed)
            .ok_or_else(|| error(Some(line), None, format!("malformed XML: unknown entity `&{};`", &**reference))),
        Err(cause) => Err(error(Some(line), None, format!("malformed XML: {cause}"))),
    }
}

fn error(line: Option<u32>, element: Option<String>, message: String) -> CsdlError {
    CsdlError { line, element, message }
}

/// The attributes of one element, unescaped, with what a message about the element needs.
struct Attrs<'e> {
    /// The element's name as written, e.g. `edmx:Edmx`.
    element: &'e str,
    line: u32,
    list: Vec<(&'e str, Cow<'e, str>)>,
}

impl<'e> Attrs<'e> {
    fn read(element: &'e BytesStart<'_>, line: u32) -> Result<Self, CsdlError> {
        let name = element.name().into_inner();
        let mut list = Vec::new();
        for attribute in element.attributes() {
            let malformed = |cause: &dyn std::fmt::Display| {
                error(Some(line), Some(format!("<{name}>")), format!("malformed XML: {cause}"))
            };
            let attribute = attribute.map_err(|cause| malformed(&cause))?;
            let value = attribute.normalized_value(XmlVersion::Implicit1_0).map_err(|cause| malformed(&cause))?;
            list.push((attribute.key.into_inner(), value));
        }
        Ok(Attrs { element: name, line, list })
    }

    fn get(&self, key: &str) -> Option<&str> {
        self.list.iter().find(|(name, _)| *name == key).map(|(_, value)| &**value)
    }

    fn string(&self, key: &str) -> Option<String> {
        self.get(key).map(str::to_owned)
    }

    fn required(&self, key: &str) -> Result<String, CsdlError> {
        self.string(key).ok_or_else(|| self.error(format!("the required attribute `{key}` is missing")))
    }

    fn optional_flag(&self, key: &str) -> Result<Option<bool>, CsdlError> {
        match self.get(key) {
            None => Ok(None),
            Some("true") => Ok(Some(true)),
            Some("false") => Ok(Some(false)),
            Some(other) => Err(self.error(format!("{key}=\"{other}\" is neither true nor false"))),
        }
    }

    fn flag(&self, key: &str, default: bool) -> Result<bool, CsdlError> {
        Ok(self.optional_flag(key)?.unwrap_or(default))
    }

    fn number<T: FromStr>(&self, key: &str, what: &str) -> Result<Option<T>, CsdlError> {
        self.get(key)
            .map(|value| value.trim().parse().map_err(|_| self.error(format!("{key}=\"{value}\" is not {what}"))))
            .transpose()
    }

    /// An error about this element: `<Property Name="id">` and its line.
    fn error(&self, message: impl Into<String>) -> CsdlError {
        let identity = ["Name", "Term", "Target", "Namespace", "Property"]
            .into_iter()
            .find_map(|key| self.get(key).map(|value| format!(" {key}=\"{value}\"")))
            .unwrap_or_default();
        error(Some(self.line), Some(format!("<{}{identity}>", self.element)), message.into())
    }
}

/// Byte offsets to 1-based line numbers, counting forward from the last offset asked about, so
/// the whole document is scanned once however many elements ask.
struct Lines<'a> {
    text: &'a [u8],
    offset: usize,
    line: u32,
}

impl Lines<'_> {
    fn line_at(&mut self, offset: u64) -> u32 {
        let offset = usize::try_from(offset).unwrap_or(usize::MAX).min(self.text.len());
        if offset < self.offset {
            // An error position can lie before the last event; count it from the start.
            return count_lines(&self.text[..offset]).saturating_add(1);
        }
        self.line = self.line.saturating_add(count_lines(&self.text[self.offset..offset]));
        self.offset = offset;
        self.line
    }
}

fn count_lines(bytes: &[u8]) -> u32 {
    u32::try_from(bytes.iter().filter(|&&byte| byte == b'\n').count()).unwrap_or(u32::MAX)
}
