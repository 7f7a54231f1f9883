//! Documents from the derives' tables: the types, operations and containers added, everything they reference
//! (base types, property types, navigation targets, parameter and return types), grouped into one
//! schema per namespace, in name order so that the output is deterministic. A `read_only`
//! property is annotated `Core.Computed`, with the reference to the Core vocabulary that the term
//! needs (CSDL 4.0 part 3, 3.3: a term is in scope only through an `edmx:Include`).

use std::collections::BTreeMap;

use super::{
    Annotation, AnnotationValue, Document, EntityContainer, EntitySet, EnumMember, EnumType, Facets, Include,
    NavigationProperty, Operation, OperationImport, Parameter, Property, Reference, ReferentialConstraint, ReturnType,
    Schema, StructuredType, TypeDefinition,
};
use crate::container::{ContainerInfo, EntitySetInfo, ODataService};
use crate::{
    FacetInfo, ODataOperation, ODataType, OperationInfo, OperationKind, ParameterInfo, TypeInfo, TypeKind, TypeRef,
};

/// Collects types and operations (and everything they reference) into a [`Document`].
#[derive(Debug, Clone, Default)]
pub struct DocumentBuilder {
    types: BTreeMap<&'static str, &'static TypeInfo>,
    /// By [`overload_key`]: overloads share a qualified name, so that alone would collapse them.
    operations: BTreeMap<String, &'static OperationInfo>,
    containers: BTreeMap<&'static str, &'static ContainerInfo>,
}

/// What tells overloads of an operation apart (CSDL 4.0 part 3, 12.1 and 12.2): the qualified
/// name, the binding parameter's type, and the other parameters (names and types).
fn overload_key(info: &OperationInfo) -> String {
    let binding = info.binding.as_ref().map(|b| b.ty.to_string()).unwrap_or_default();
    let parameters: Vec<String> = info.parameters.iter().map(|p| format!("{}:{}", p.name, p.ty)).collect();
    format!("{}({binding};{})", info.qualified_name, parameters.join(","))
}

impl DocumentBuilder {
    /// An empty builder.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds type `T` and the types it references.
    pub fn add_type<T: ODataType>(self) -> Self {
        self.add_type_info(T::TYPE_INFO)
    }

    /// Adds operation `O` and the types it references.
    pub fn add_operation<O: ODataOperation>(self) -> Self {
        self.add_operation_info(O::OPERATION_INFO)
    }

    /// Adds a type (by its table) and the types it references.
    pub fn add_type_info(mut self, info: &'static TypeInfo) -> Self {
        self.collect(info);
        self
    }

    /// Adds an operation (by its table) and the types it references.
    pub fn add_operation_info(mut self, info: &'static OperationInfo) -> Self {
        self.operations.insert(overload_key(info), info);
        let references =
            info.binding.iter().chain(info.parameters).map(|p| p.ty).chain(info.return_type.as_ref().map(|r| r.ty));
        for target in references.flat_map(referenced) {
            self.collect(target);
        }
        self
    }

    /// Adds entity container `S` (`#[derive(ODataService)]`), with the entity types of its sets
    /// and singletons and the operations it imports, and what they reference.
    pub fn add_container<S: ODataService>(self) -> Self {
        self.add_container_info(S::CONTAINER_INFO)
    }

    /// Adds an entity container (by its table) and what it reaches. A schema holds one
    /// container: a second one in the same namespace replaces the first.
    pub fn add_container_info(mut self, info: &'static ContainerInfo) -> Self {
        self.containers.insert(info.namespace, info);
        for set in info.entity_sets.iter().chain(info.singletons) {
            self.collect(set.entity_type);
        }
        for import in info.operation_imports {
            self = self.add_operation_info(import.operation);
        }
        self
    }

    /// Adds every type, operation and entity container the program derives (see [`crate::registry`]).
    pub fn add_registry(mut self) -> Self {
        for info in crate::registry::all_types() {
            self.collect(info);
        }
        for info in crate::registry::all_operations() {
            self = self.add_operation_info(info);
        }
        for info in crate::registry::all_containers() {
            self = self.add_container_info(info);
        }
        self
    }

    /// Adds every type, operation and entity container the program derives in `namespace` (see
    /// [`crate::registry`]), and what they reference.
    pub fn add_namespace(mut self, namespace: &str) -> Self {
        for info in crate::registry::all_types().filter(|t| t.namespace == namespace) {
            self.collect(info);
        }
        for info in crate::registry::all_operations().filter(|o| o.namespace == namespace) {
            self = self.add_operation_info(info);
        }
        for info in crate::registry::all_containers().filter(|c| c.namespace == namespace) {
            self = self.add_container_info(info);
        }
        self
    }

    /// Adds `info` and, transitively, what it references. Iterative, so that a deep model cannot
    /// overflow the stack.
    fn collect(&mut self, info: &'static TypeInfo) {
        let mut pending = vec![info];
        while let Some(info) = pending.pop() {
            if self.types.insert(info.qualified_name, info).is_some() {
                continue;
            }
            pending.extend(info.base_type);
            let references =
                info.properties.iter().map(|p| p.ty).chain(info.navigation_properties.iter().map(|n| n.ty));
            pending.extend(references.flat_map(referenced));
        }
    }

    /// The document, OData version 4.0.
    pub fn build(self) -> Document {
        let mut schemas: BTreeMap<&'static str, Schema> = BTreeMap::new();
        for info in self.types.values() {
            let target = schema(&mut schemas, info.namespace);
            match info.kind {
                TypeKind::Entity => target.entity_types.push(structured(info)),
                TypeKind::Complex => target.complex_types.push(structured(info)),
                TypeKind::Enum => target.enum_types.push(enumeration(info)),
                TypeKind::TypeDefinition => target.type_definitions.push(TypeDefinition {
                    name: info.name.to_owned(),
                    underlying_type: info.underlying_type.unwrap_or_default().to_owned(),
                    facets: facets(&info.facets),
                    annotations: Vec::new(),
                }),
                TypeKind::Primitive => {}
            }
        }
        for info in self.operations.values() {
            let target = schema(&mut schemas, info.namespace);
            match info.kind {
                OperationKind::Function => target.functions.push(operation(info)),
                OperationKind::Action => target.actions.push(operation(info)),
            }
        }
        for info in self.containers.values() {
            schema(&mut schemas, info.namespace).entity_container = Some(container(info));
        }
        for schema in schemas.values_mut() {
            schema.entity_types.sort_by(|a, b| a.name.cmp(&b.name));
            schema.complex_types.sort_by(|a, b| a.name.cmp(&b.name));
            schema.enum_types.sort_by(|a, b| a.name.cmp(&b.name));
            schema.type_definitions.sort_by(|a, b| a.name.cmp(&b.name));
            schema.functions.sort_by(|a, b| a.name.cmp(&b.name));
            schema.actions.sort_by(|a, b| a.name.cmp(&b.name));
        }
        let annotated = self.types.values().any(|info| info.properties.iter().any(|p| p.read_only));
        let references = if annotated { vec![core_vocabulary()] } else { Vec::new() };
        Document { version: "4.0".to_owned(), schemas: schemas.into_values().collect(), references }
    }
}

/// The Core vocabulary's published location; its terms are written with the alias `Core`.
const CORE_VOCABULARY: &str = "https://oasis-tcs.github.io/odata-vocabularies/vocabularies/Org.OData.Core.V1.xml";

/// `<edmx:Reference>` to the Core vocabulary, included as `Core`.
fn core_vocabulary() -> Reference {
    Reference {
        uri: CORE_VOCABULARY.to_owned(),
        includes: vec![Include { namespace: "Org.OData.Core.V1".to_owned(), alias: Some("Core".to_owned()) }],
        line: None,
    }
}

/// The annotations of a property: `Core.Computed` when the service computes it (`read_only`), as
/// `Bool="true"`, the way services commonly write it (the term's default is also `true`).
fn property_annotations(read_only: bool) -> Vec<Annotation> {
    let computed = Annotation { term: "Core.Computed".to_owned(), qualifier: None, value: AnnotationValue::Bool(true) };
    if read_only { vec![computed] } else { Vec::new() }
}

/// The types a reference reaches: its own, and for a polymorphic holder the derived types its
/// variants hold (a type reachable only through a holder is still part of the model).
fn referenced(reference: TypeRef) -> impl Iterator<Item = &'static TypeInfo> {
    reference.type_info().into_iter().chain(reference.derived.iter().filter_map(TypeRef::type_info))
}

/// The schema of `namespace`, created when new.
fn schema<'a>(schemas: &'a mut BTreeMap<&'static str, Schema>, namespace: &'static str) -> &'a mut Schema {
    schemas.entry(namespace).or_insert_with(|| Schema { namespace: namespace.to_owned(), ..Schema::default() })
}

fn type_name(ty: TypeRef) -> String {
    ty.to_string()
}

fn facets(info: &FacetInfo) -> Facets {
    Facets {
        max_length: info.max_length.map(|m| m.to_string()),
        precision: info.precision,
        scale: info.scale.map(|s| s.to_string()),
        srid: info.srid.map(|s| s.to_string()),
        default_value: info.default_value.map(str::to_owned),
        unicode: info.unicode,
    }
}

fn structured(info: &TypeInfo) -> StructuredType {
    StructuredType {
        name: info.name.to_owned(),
        base_type: info.base_type.map(|base| base.qualified_name.to_owned()),
        is_abstract: info.is_abstract,
        is_open: info.is_open,
        has_stream: info.has_stream,
        // A derived type inherits its key; CSDL declares it on the type that introduces it.
        key: if info.base_type.is_none() { info.key.iter().map(|k| (*k).to_owned()).collect() } else { Vec::new() },
        properties: info
            .properties
            .iter()
            .map(|p| Property {
                name: p.name.to_owned(),
                ty: type_name(p.ty),
                nullable: p.nullable,
                facets: facets(&p.facets),
                annotations: property_annotations(p.read_only),
                ..Property::default()
            })
            .collect(),
        navigation_properties: info
            .navigation_properties
            .iter()
            .map(|n| NavigationProperty {
                name: n.name.to_owned(),
                ty: type_name(n.ty),
                nullable: n.nullable,
                contains_target: n.contains_target,
                partner: n.partner.map(str::to_owned),
                referential_constraints: n
                    .referential_constraints
                    .iter()
                    .map(|c| ReferentialConstraint {
                        property: c.property.to_owned(),
                        referenced_property: c.referenced_property.to_owned(),
                    })
                    .collect(),
                ..NavigationProperty::default()
            })
            .collect(),
        ..StructuredType::default()
    }
}

fn enumeration(info: &TypeInfo) -> EnumType {
    EnumType {
        name: info.name.to_owned(),
        underlying_type: info.underlying_type.map(str::to_owned),
        is_flags: info.is_flags,
        members: info
            .members
            .iter()
            .map(|m| EnumMember { name: m.name.to_owned(), value: m.value, annotations: Vec::new() })
            .collect(),
        ..EnumType::default()
    }
}

fn operation(info: &OperationInfo) -> Operation {
    let parameter = |p: &ParameterInfo| Parameter {
        name: p.name.to_owned(),
        ty: type_name(p.ty),
        nullable: p.nullable,
        facets: facets(&p.facets),
        ..Parameter::default()
    };
    Operation {
        name: info.name.to_owned(),
        is_bound: info.binding.is_some(),
        is_composable: info.is_composable,
        parameters: info.binding.iter().chain(info.parameters).map(parameter).collect(),
        return_type: info.return_type.as_ref().map(|r| ReturnType {
            ty: type_name(r.ty),
            nullable: r.nullable,
            facets: facets(&r.facets),
        }),
        ..Operation::default()
    }
}

/// The `<EntityContainer>` of a container's table, members in declaration order (as written).
fn container(info: &ContainerInfo) -> EntityContainer {
    let set = |set: &EntitySetInfo, is_set: bool| EntitySet {
        name: set.name.to_owned(),
        entity_type: set.entity_type.qualified_name.to_owned(),
        navigation_bindings: set
            .navigation_bindings
            .iter()
            .map(|binding| (binding.path.to_owned(), binding.target.to_owned()))
            .collect(),
        // Written only where it differs from the default (`true` for entity sets).
        include_in_service_document: (is_set && !set.include_in_service_document).then_some(false),
    };
    EntityContainer {
        name: info.name.to_owned(),
        entity_sets: info.entity_sets.iter().map(|s| set(s, true)).collect(),
        singletons: info.singletons.iter().map(|s| set(s, false)).collect(),
        operation_imports: info
            .operation_imports
            .iter()
            .map(|import| {
                let is_action = matches!(import.operation.kind, OperationKind::Action);
                OperationImport {
                    name: import.name.to_owned(),
                    operation: import.operation.qualified_name.to_owned(),
                    is_action,
                    entity_set: import.entity_set.map(str::to_owned),
                    // Written only where it differs from the default (`false`, function imports).
                    include_in_service_document: (!is_action && import.include_in_service_document).then_some(true),
                }
            })
            .collect(),
    }
}
