//! Writing CSDL XML, indented, with attributes only where they differ from the defaults.

use std::borrow::Cow;
use std::io;

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};

use crate::csdl::{
    Annotation, AnnotationValue, Document, EntityContainer, EnumType, Facets, Operation, Schema, StructuredType,
    TypeDefinition,
};

use super::{ATTRIBUTE_EXPRESSIONS, EDM_NAMESPACE, EDMX_NAMESPACE, MAX_EXPRESSION_DEPTH};

/// Writes a CSDL XML document; see [`Document::to_xml`]. `line` fields are not written.
pub(in crate::csdl) fn write(document: &Document) -> String {
    let mut writer = Writer::new_with_indent(Vec::new(), b' ', 2);
    writer.config_mut().add_space_before_slash_in_empty_elements = true;
    let mut out = Out { writer };
    // A `Vec<u8>` sink never fails: the `io::Result`s only exist because `Writer` is generic.
    if out.document(document).is_err() {
        return String::new();
    }
    // quick-xml writes the `&str`s it is given and ASCII markup, so the bytes are UTF-8.
    String::from_utf8(out.writer.into_inner())
        .unwrap_or_else(|bytes| String::from_utf8_lossy(bytes.as_bytes()).into_owned())
}

type Attr<'a> = (&'static str, Cow<'a, str>);

/// Attributes that are written only when they differ from CSDL's default.
fn flag_attr(attrs: &mut Vec<Attr<'_>>, key: &'static str, value: bool, default: bool) {
    if value != default {
        attrs.push((key, Cow::Borrowed(if value { "true" } else { "false" })));
    }
}

fn optional_attr<'a>(attrs: &mut Vec<Attr<'a>>, key: &'static str, value: Option<&'a str>) {
    if let Some(value) = value {
        attrs.push((key, Cow::Borrowed(value)));
    }
}

fn facet_attrs<'a>(attrs: &mut Vec<Attr<'a>>, facets: &'a Facets) {
    optional_attr(attrs, "MaxLength", facets.max_length.as_deref());
    if let Some(precision) = facets.precision {
        attrs.push(("Precision", Cow::Owned(precision.to_string())));
    }
    optional_attr(attrs, "Scale", facets.scale.as_deref());
    optional_attr(attrs, "SRID", facets.srid.as_deref());
    optional_attr(attrs, "DefaultValue", facets.default_value.as_deref());
    if let Some(unicode) = facets.unicode {
        attrs.push(("Unicode", Cow::Borrowed(if unicode { "true" } else { "false" })));
    }
}

/// The attribute form of a value (`String="..."`), for those that have one.
fn attribute_form(value: &AnnotationValue) -> Option<Attr<'_>> {
    match value {
        AnnotationValue::String(text) => Some(("String", Cow::Borrowed(text))),
        AnnotationValue::Bool(value) => Some(("Bool", Cow::Borrowed(if *value { "true" } else { "false" }))),
        AnnotationValue::Int(value) => Some(("Int", Cow::Owned(value.to_string()))),
        AnnotationValue::EnumMember(member) => Some(("EnumMember", Cow::Borrowed(member))),
        AnnotationValue::Other(name, text) => {
            ATTRIBUTE_EXPRESSIONS.iter().find(|known| **known == name).map(|known| (*known, Cow::Borrowed(&**text)))
        }
        AnnotationValue::Default | AnnotationValue::Record(_) | AnnotationValue::Collection(_) => None,
    }
}

/// Whether `name` can be written as an element name (kept simple: letters, digits, `_ - .`).
fn is_element_name(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|first| first.is_alphabetic() || first == '_')
        && chars.all(|ch| ch.is_alphanumeric() || matches!(ch, '_' | '-' | '.'))
}

struct Out {
    writer: Writer<Vec<u8>>,
}

impl Out {
    fn open(&mut self, name: &str, attrs: &[Attr<'_>], empty: bool) -> io::Result<()> {
        let start = BytesStart::new(name).with_attributes(attrs.iter().map(|(key, value)| (*key, &**value)));
        self.writer.write_event(if empty { Event::Empty(start) } else { Event::Start(start) })
    }

    fn close(&mut self, name: &str) -> io::Result<()> {
        self.writer.write_event(Event::End(BytesEnd::new(name)))
    }

    /// `<name>text</name>`, or `<name />` for empty text (which reads back as empty text).
    fn text_element(&mut self, name: &str, text: &str) -> io::Result<()> {
        if text.is_empty() {
            return self.open(name, &[], true);
        }
        self.open(name, &[], false)?;
        self.writer.write_event(Event::Text(BytesText::new(text)))?;
        self.close(name)
    }

    fn document(&mut self, document: &Document) -> io::Result<()> {
        self.writer.write_event(Event::Decl(BytesDecl::new("1.0", Some("utf-8"), None)))?;
        let attrs = [("Version", Cow::Borrowed(&*document.version)), ("xmlns:edmx", Cow::Borrowed(EDMX_NAMESPACE))];
        self.open("edmx:Edmx", &attrs, false)?;
        for reference in &document.references {
            self.open("edmx:Reference", &[("Uri", Cow::Borrowed(&*reference.uri))], reference.includes.is_empty())?;
            if !reference.includes.is_empty() {
                for include in &reference.includes {
                    let mut attrs = vec![("Namespace", Cow::Borrowed(&*include.namespace))];
                    optional_attr(&mut attrs, "Alias", include.alias.as_deref());
                    self.open("edmx:Include", &attrs, true)?;
                }
                self.close("edmx:Reference")?;
            }
        }
        self.open("edmx:DataServices", &[], document.schemas.is_empty())?;
        if !document.schemas.is_empty() {
            for schema in &document.schemas {
                self.schema(schema)?;
            }
            self.close("edmx:DataServices")?;
        }
        self.close("edmx:Edmx")
    }

    fn schema(&mut self, schema: &Schema) -> io::Result<()> {
        let mut attrs = vec![("Namespace", Cow::Borrowed(&*schema.namespace))];
        optional_attr(&mut attrs, "Alias", schema.alias.as_deref());
        attrs.push(("xmlns", Cow::Borrowed(EDM_NAMESPACE)));
        let empty = schema.enum_types.is_empty()
            && schema.type_definitions.is_empty()
            && schema.complex_types.is_empty()
            && schema.entity_types.is_empty()
            && schema.functions.is_empty()
            && schema.actions.is_empty()
            && schema.entity_container.is_none()
            && schema.annotation_groups.is_empty()
            && schema.annotations.is_empty();
        self.open("Schema", &attrs, empty)?;
        if empty {
            return Ok(());
        }
        for ty in &schema.enum_types {
            self.enum_type(ty)?;
        }
        for ty in &schema.type_definitions {
            self.type_definition(ty)?;
        }
        for ty in &schema.complex_types {
            self.structured_type("ComplexType", ty)?;
        }
        for ty in &schema.entity_types {
            self.structured_type("EntityType", ty)?;
        }
        for operation in &schema.functions {
            self.operation("Function", operation)?;
        }
        for operation in &schema.actions {
            self.operation("Action", operation)?;
        }
        if let Some(container) = &schema.entity_container {
            self.entity_container(container)?;
        }
        for group in &schema.annotation_groups {
            self.open("Annotations", &[("Target", Cow::Borrowed(&*group.target))], group.annotations.is_empty())?;
            if !group.annotations.is_empty() {
                self.annotations(&group.annotations)?;
                self.close("Annotations")?;
            }
        }
        self.annotations(&schema.annotations)?;
        self.close("Schema")
    }

    fn enum_type(&mut self, ty: &EnumType) -> io::Result<()> {
        let mut attrs = vec![("Name", Cow::Borrowed(&*ty.name))];
        optional_attr(&mut attrs, "UnderlyingType", ty.underlying_type.as_deref());
        flag_attr(&mut attrs, "IsFlags", ty.is_flags, false);
        let empty = ty.members.is_empty() && ty.annotations.is_empty();
        self.open("EnumType", &attrs, empty)?;
        if empty {
            return Ok(());
        }
        for member in &ty.members {
            let attrs = [("Name", Cow::Borrowed(&*member.name)), ("Value", Cow::Owned(member.value.to_string()))];
            self.element_with_annotations("Member", &attrs, &member.annotations)?;
        }
        self.annotations(&ty.annotations)?;
        self.close("EnumType")
    }

    fn type_definition(&mut self, ty: &TypeDefinition) -> io::Result<()> {
        let mut attrs =
            vec![("Name", Cow::Borrowed(&*ty.name)), ("UnderlyingType", Cow::Borrowed(&*ty.underlying_type))];
        facet_attrs(&mut attrs, &ty.facets);
        self.element_with_annotations("TypeDefinition", &attrs, &ty.annotations)
    }

    fn structured_type(&mut self, element: &str, ty: &StructuredType) -> io::Result<()> {
        let mut attrs = vec![("Name", Cow::Borrowed(&*ty.name))];
        optional_attr(&mut attrs, "BaseType", ty.base_type.as_deref());
        flag_attr(&mut attrs, "Abstract", ty.is_abstract, false);
        flag_attr(&mut attrs, "OpenType", ty.is_open, false);
        flag_attr(&mut attrs, "HasStream", ty.has_stream, false);
        let empty = ty.key.is_empty()
            && ty.properties.is_empty()
            && ty.navigation_properties.is_empty()
            && ty.annotations.is_empty();
        self.open(element, &attrs, empty)?;
        if empty {
            return Ok(());
        }
        if !ty.key.is_empty() {
            self.open("Key", &[], false)?;
            for name in &ty.key {
                self.open("PropertyRef", &[("Name", Cow::Borrowed(name))], true)?;
            }
            self.close("Key")?;
        }
        for property in &ty.properties {
            let mut attrs = vec![("Name", Cow::Borrowed(&*property.name)), ("Type", Cow::Borrowed(&*property.ty))];
            flag_attr(&mut attrs, "Nullable", property.nullable, true);
            facet_attrs(&mut attrs, &property.facets);
            self.element_with_annotations("Property", &attrs, &property.annotations)?;
        }
        for property in &ty.navigation_properties {
            let mut attrs = vec![("Name", Cow::Borrowed(&*property.name)), ("Type", Cow::Borrowed(&*property.ty))];
            flag_attr(&mut attrs, "Nullable", property.nullable, true);
            optional_attr(&mut attrs, "Partner", property.partner.as_deref());
            flag_attr(&mut attrs, "ContainsTarget", property.contains_target, false);
            if property.referential_constraints.is_empty() {
                self.element_with_annotations("NavigationProperty", &attrs, &property.annotations)?;
                continue;
            }
            self.open("NavigationProperty", &attrs, false)?;
            for constraint in &property.referential_constraints {
                let attrs = [
                    ("Property", Cow::Borrowed(&*constraint.property)),
                    ("ReferencedProperty", Cow::Borrowed(&*constraint.referenced_property)),
                ];
                self.open("ReferentialConstraint", &attrs, true)?;
            }
            self.annotations(&property.annotations)?;
            self.close("NavigationProperty")?;
        }
        self.annotations(&ty.annotations)?;
        self.close(element)
    }

    fn operation(&mut self, element: &str, operation: &Operation) -> io::Result<()> {
        let mut attrs = vec![("Name", Cow::Borrowed(&*operation.name))];
        flag_attr(&mut attrs, "IsBound", operation.is_bound, false);
        flag_attr(&mut attrs, "IsComposable", operation.is_composable, false);
        optional_attr(&mut attrs, "EntitySetPath", operation.entity_set_path.as_deref());
        let empty =
            operation.parameters.is_empty() && operation.return_type.is_none() && operation.annotations.is_empty();
        self.open(element, &attrs, empty)?;
        if empty {
            return Ok(());
        }
        for parameter in &operation.parameters {
            let mut attrs = vec![("Name", Cow::Borrowed(&*parameter.name)), ("Type", Cow::Borrowed(&*parameter.ty))];
            flag_attr(&mut attrs, "Nullable", parameter.nullable, true);
            facet_attrs(&mut attrs, &parameter.facets);
            self.element_with_annotations("Parameter", &attrs, &parameter.annotations)?;
        }
        if let Some(return_type) = &operation.return_type {
            let mut attrs = vec![("Type", Cow::Borrowed(&*return_type.ty))];
            flag_attr(&mut attrs, "Nullable", return_type.nullable, true);
            facet_attrs(&mut attrs, &return_type.facets);
            self.open("ReturnType", &attrs, true)?;
        }
        self.annotations(&operation.annotations)?;
        self.close(element)
    }

    fn entity_container(&mut self, container: &EntityContainer) -> io::Result<()> {
        let empty = container.entity_sets.is_empty()
            && container.singletons.is_empty()
            && container.operation_imports.is_empty();
        self.open("EntityContainer", &[("Name", Cow::Borrowed(&*container.name))], empty)?;
        if empty {
            return Ok(());
        }
        for (element, type_key, sets) in
            [("EntitySet", "EntityType", &container.entity_sets), ("Singleton", "Type", &container.singletons)]
        {
            for set in sets {
                let mut attrs = vec![("Name", Cow::Borrowed(&*set.name)), (type_key, Cow::Borrowed(&*set.entity_type))];
                if let Some(include) = set.include_in_service_document {
                    attrs.push(("IncludeInServiceDocument", Cow::Borrowed(if include { "true" } else { "false" })));
                }
                self.open(element, &attrs, set.navigation_bindings.is_empty())?;
                if !set.navigation_bindings.is_empty() {
                    for (path, target) in &set.navigation_bindings {
                        let attrs = [("Path", Cow::Borrowed(&**path)), ("Target", Cow::Borrowed(&**target))];
                        self.open("NavigationPropertyBinding", &attrs, true)?;
                    }
                    self.close(element)?;
                }
            }
        }
        for import in &container.operation_imports {
            let (element, key) =
                if import.is_action { ("ActionImport", "Action") } else { ("FunctionImport", "Function") };
            let mut attrs = vec![("Name", Cow::Borrowed(&*import.name)), (key, Cow::Borrowed(&*import.operation))];
            optional_attr(&mut attrs, "EntitySet", import.entity_set.as_deref());
            if let Some(include) = import.include_in_service_document {
                attrs.push(("IncludeInServiceDocument", Cow::Borrowed(if include { "true" } else { "false" })));
            }
            self.open(element, &attrs, true)?;
        }
        self.close("EntityContainer")
    }

    /// An element whose only children are annotations.
    fn element_with_annotations(
        &mut self,
        name: &str,
        attrs: &[Attr<'_>],
        annotations: &[Annotation],
    ) -> io::Result<()> {
        self.open(name, attrs, annotations.is_empty())?;
        if annotations.is_empty() {
            return Ok(());
        }
        self.annotations(annotations)?;
        self.close(name)
    }

    fn annotations(&mut self, annotations: &[Annotation]) -> io::Result<()> {
        for annotation in annotations {
            let mut attrs = vec![("Term", Cow::Borrowed(&*annotation.term))];
            optional_attr(&mut attrs, "Qualifier", annotation.qualifier.as_deref());
            if let Some(attr) = attribute_form(&annotation.value) {
                attrs.push(attr);
                self.open("Annotation", &attrs, true)?;
            } else if annotation.value == AnnotationValue::Default {
                self.open("Annotation", &attrs, true)?;
            } else {
                self.open("Annotation", &attrs, false)?;
                self.expression(&annotation.value, 1)?;
                self.close("Annotation")?;
            }
        }
        Ok(())
    }

    /// A value as an element, at nesting level `depth` (the annotation's own value is level 1).
    ///
    /// What XML cannot hold is written as `<Null />`: a non-empty record or collection at
    /// [`MAX_EXPRESSION_DEPTH`] (its content would exceed the depth the reader accepts), a value
    /// without an expression inside a collection, and an [`AnnotationValue::Other`] whose name is no
    /// element name. The recursion is bounded by the same cap.
    fn expression(&mut self, value: &AnnotationValue, depth: usize) -> io::Result<()> {
        match value {
            AnnotationValue::String(text) => self.text_element("String", text),
            AnnotationValue::Bool(value) => self.text_element("Bool", if *value { "true" } else { "false" }),
            AnnotationValue::Int(value) => self.text_element("Int", &value.to_string()),
            AnnotationValue::EnumMember(member) => self.text_element("EnumMember", member),
            AnnotationValue::Other(name, text) if is_element_name(name) => self.text_element(name, text),
            AnnotationValue::Record(properties) if properties.is_empty() => self.open("Record", &[], true),
            AnnotationValue::Collection(items) if items.is_empty() => self.open("Collection", &[], true),
            AnnotationValue::Record(properties) if depth < MAX_EXPRESSION_DEPTH => {
                self.open("Record", &[], false)?;
                for (property, value) in properties {
                    let mut attrs = vec![("Property", Cow::Borrowed(&**property))];
                    if let Some(attr) = attribute_form(value) {
                        attrs.push(attr);
                        self.open("PropertyValue", &attrs, true)?;
                    } else if *value == AnnotationValue::Default {
                        self.open("PropertyValue", &attrs, true)?;
                    } else {
                        self.open("PropertyValue", &attrs, false)?;
                        self.expression(value, depth + 1)?;
                        self.close("PropertyValue")?;
                    }
                }
                self.close("Record")
            }
            AnnotationValue::Collection(items) if depth < MAX_EXPRESSION_DEPTH => {
                self.open("Collection", &[], false)?;
                for item in items {
                    self.expression(item, depth + 1)?;
                }
                self.close("Collection")
            }
            AnnotationValue::Default
            | AnnotationValue::Other(..)
            | AnnotationValue::Record(_)
            | AnnotationValue::Collection(_) => self.open("Null", &[], true),
        }
    }
}
