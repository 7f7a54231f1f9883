//! The document, resolved: which namespaces to write, the Rust name and module of every type,
//! the derived types of each type, and the fields that must be boxed to break cycles.

use std::collections::{BTreeMap, BTreeSet};

use odata_core::csdl::{Annotation, Document, Operation, Schema, StructuredType};

use crate::names;
use crate::{CodegenError, Diagnostic, Options};

/// What a named type is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Entity,
    Complex,
    Enum,
    TypeDefinition,
}

/// A named type of the document.
#[derive(Debug, Clone)]
pub struct TypeInfo {
    pub kind: Kind,
    /// The index of its schema in the document.
    pub schema: usize,
    /// Its index among its schema's types of its kind.
    pub index: usize,
    pub module: String,
    pub rust: String,
    /// The polymorphic holder enum, for a structured type with derived types.
    pub any: Option<String>,
    pub is_flags: bool,
}

/// A namespace to write.
#[derive(Debug)]
pub struct Module<'a> {
    pub name: String,
    pub schema: &'a Schema,
    /// Modules it refers to (for the crate's features).
    pub deps: BTreeSet<String>,
    /// Rust names of its operations, in the order of `functions` then `actions`.
    pub function_names: Vec<String>,
    pub action_names: Vec<String>,
}

/// The resolved document.
pub struct Model<'a> {
    pub doc: &'a Document,
    pub modules: Vec<Module<'a>>,
    pub types: BTreeMap<String, TypeInfo>,
    /// Every type derived from a type, at any depth, in preorder with sorted children.
    pub descendants: BTreeMap<String, Vec<String>>,
    /// `(qualified type, property)` pairs whose field is `Box`ed: the property's type contains
    /// the type again by value.
    pub boxed: BTreeSet<(String, String)>,
    /// Annotations from `<Annotations Target>` elements, by resolved target.
    pub external: BTreeMap<String, Vec<&'a Annotation>>,
    /// [`Options::annotations`]: out-of-line annotations from other documents, by resolved
    /// target; each replaces an annotation of the same term and qualifier the element has.
    pub added: BTreeMap<String, Vec<Annotation>>,
    pub warnings: Vec<Diagnostic>,
    /// With [`Options::types`]: the qualified names of the types to write (`None`: every type of
    /// the selected namespaces).
    pub selection: Option<BTreeSet<String>>,
    /// [`Options::extern_types`]: types written elsewhere, with their Rust paths.
    pub extern_types: BTreeMap<String, String>,
    /// Types left out because what they build on is not declared (see `unresolved.rs`), with why.
    pub excluded: BTreeMap<String, String>,
}

/// A Rust type for a CSDL type reference.
pub enum Mapped {
    Type(String),
    /// Why the reference has no Rust type; the caller says what is left out because of it.
    Unsupported(String),
}

impl<'a> Model<'a> {
    pub fn build(doc: &'a Document, options: &Options) -> Result<Model<'a>, CodegenError> {
        let mut errors = Vec::new();
        let module_names = module_names(doc);
        let mut types = BTreeMap::new();
        for (s, schema) in doc.schemas.iter().enumerate() {
            let module = module_names[s].clone();
            let mut taken = BTreeSet::new();
            let mut named: Vec<(&str, Kind, usize, bool)> = Vec::new();
            named
                .extend(schema.entity_types.iter().enumerate().map(|(i, t)| (t.name.as_str(), Kind::Entity, i, false)));
            named.extend(
                schema.complex_types.iter().enumerate().map(|(i, t)| (t.name.as_str(), Kind::Complex, i, false)),
            );
            named.extend(
                schema.enum_types.iter().enumerate().map(|(i, t)| (t.name.as_str(), Kind::Enum, i, t.is_flags)),
            );
            named.extend(
                schema
                    .type_definitions
                    .iter()
                    .enumerate()
                    .map(|(i, t)| (t.name.as_str(), Kind::TypeDefinition, i, false)),
            );
            named.sort_by(|a, b| a.0.cmp(b.0));
            for (name, kind, index, is_flags) in named {
                let rust = unique(&mut taken, names::type_ident(name));
                let info = TypeInfo { kind, schema: s, index, module: module.clone(), rust, any: None, is_flags };
                let qualified = format!("{}.{name}", schema.namespace);
                if types.insert(qualified.clone(), info).is_some() {
                    errors.push(Diagnostic {
                        element: format!("type {qualified}"),
                        line: None,
                        message: "is declared twice".into(),
                    });
                }
            }
        }
        let mut model = Model {
            doc,
            modules: Vec::new(),
            types,
            descendants: BTreeMap::new(),
            boxed: BTreeSet::new(),
            external: BTreeMap::new(),
            added: BTreeMap::new(),
            warnings: Vec::new(),
            selection: None,
            extern_types: options.extern_types.iter().map(|(k, v)| (doc.resolve_alias(k), v.clone())).collect(),
            excluded: BTreeMap::new(),
        };
        model.exclude_unresolved_bases();
        model.link_bases(&mut errors);
        model.check_references(&mut errors);
        if !errors.is_empty() {
            return Err(CodegenError { errors });
        }
        let selected = if options.types.is_empty() {
            model.select(&module_names, options, &mut errors)
        } else {
            model.select_types(&module_names, options, &mut errors)
        };
        if !errors.is_empty() {
            return Err(CodegenError { errors });
        }
        model.name_holders_and_operations(&module_names, &selected);
        model.find_cycles();
        for schema in &doc.schemas {
            for group in &schema.annotation_groups {
                let target = doc.resolve_target(&group.target);
                model.external.entry(target).or_default().extend(group.annotations.iter());
            }
        }
        for group in &options.annotations {
            let target = doc.resolve_target(&group.target);
            if let Some(problem) = model.missing_target(&target) {
                model.warnings.push(Diagnostic {
                    element: format!("<Annotations Target=\"{}\">", group.target),
                    line: None,
                    message: format!("{problem}; its annotations are not applied"),
                });
                continue;
            }
            let added = model.added.entry(target).or_default();
            for annotation in &group.annotations {
                added.retain(|a| !same_annotation(doc, a, annotation));
                added.push(annotation.clone());
            }
        }
        Ok(model)
    }

    /// Why `target` (aliases resolved) names no element of the document, or `None` when it
    /// names one: a schema, a type, a property, navigation property or enumeration member, an
    /// operation or the entity container.
    fn missing_target(&self, target: &str) -> Option<String> {
        let (head, member) = match target.split_once('/') {
            Some((head, member)) => (head, Some(member)),
            None => (target, None),
        };
        // `ns.op(ns.type)/param`: an overload of an operation.
        let head = head.split_once('(').map_or(head, |(name, _)| name);
        if let Some(info) = self.types.get(head) {
            let member = member?;
            let found = match info.kind {
                Kind::Entity | Kind::Complex => {
                    let ty = self.structured_type(info);
                    ty.properties.iter().any(|p| p.name == member)
                        || ty.navigation_properties.iter().any(|n| n.name == member)
                }
                Kind::Enum => {
                    self.doc.schemas[info.schema].enum_types[info.index].members.iter().any(|m| m.name == member)
                }
                Kind::TypeDefinition => false,
            };
            return (!found).then(|| format!("`{head}` has no property, navigation property or member `{member}`"));
        }
        let known = self.doc.schemas.iter().any(|schema| {
            let local = head.strip_prefix(schema.namespace.as_str()).and_then(|rest| rest.strip_prefix('.'));
            head == schema.namespace
                || local.is_some_and(|name| {
                    operations(schema).any(|(operation, _)| operation.name == name)
                        || schema.entity_container.as_ref().is_some_and(|container| container.name == name)
                })
        });
        (!known).then(|| format!("`{head}` is not a schema, type, operation or entity container of the document"))
    }

    /// Every structured type with its qualified name.
    pub fn structured(&self) -> impl Iterator<Item = (String, &'a StructuredType, Kind)> + '_ {
        self.doc.schemas.iter().flat_map(|schema| {
            let entities =
                schema.entity_types.iter().map(move |t| (format!("{}.{}", schema.namespace, t.name), t, Kind::Entity));
            let complexes = schema
                .complex_types
                .iter()
                .map(move |t| (format!("{}.{}", schema.namespace, t.name), t, Kind::Complex));
            entities.chain(complexes)
        })
    }

    pub fn structured_type(&self, info: &TypeInfo) -> &'a StructuredType {
        let schema = &self.doc.schemas[info.schema];
        match info.kind {
            Kind::Entity => &schema.entity_types[info.index],
            _ => &schema.complex_types[info.index],
        }
    }

    fn link_bases(&mut self, errors: &mut Vec<Diagnostic>) {
        let mut children: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for (qualified, ty, kind) in self.structured() {
            let Some(base) = &ty.base_type else { continue };
            let base = self.doc.resolve_alias(base);
            if self.excluded.contains_key(&qualified) {
                continue; // its base type is not declared: left out with a warning
            }
            match self.types.get(&base) {
                Some(info) if info.kind == kind => children.entry(base).or_default().push(qualified),
                _ => errors.push(Diagnostic {
                    element: element_name(kind, &qualified),
                    line: ty.line,
                    message: format!("base type `{base}` is not a {} type of the document", kind_word(kind)),
                }),
            }
        }
        // Inheritance cycles would make the walks below loop: find them first.
        for (qualified, ty, kind) in self.structured() {
            let mut seen = BTreeSet::from([qualified.clone()]);
            let mut current = ty.base_type.as_ref().map(|b| self.doc.resolve_alias(b));
            while let Some(base) = current {
                if !seen.insert(base.clone()) {
                    errors.push(Diagnostic {
                        element: element_name(kind, &qualified),
                        line: ty.line,
                        message: format!("its base types form a cycle through `{base}`"),
                    });
                    break;
                }
                current = self
                    .types
                    .get(&base)
                    .filter(|info| matches!(info.kind, Kind::Entity | Kind::Complex))
                    .and_then(|info| self.structured_type(info).base_type.as_ref())
                    .map(|b| self.doc.resolve_alias(b));
            }
        }
        if !errors.is_empty() {
            return;
        }
        for list in children.values_mut() {
            list.sort();
        }
        for root in children.keys() {
            let mut all = Vec::new();
            let mut stack: Vec<String> = children[root].iter().rev().cloned().collect();
            while let Some(next) = stack.pop() {
                if let Some(grand) = children.get(&next) {
                    stack.extend(grand.iter().rev().cloned());
                }
                all.push(next);
            }
            self.descendants.insert(root.clone(), all);
        }
    }

    /// What makes the document unusable whatever is left out. A type that is not declared is not
    /// among these: what uses it is left out with a warning (see `unresolved.rs`).
    fn check_references(&self, errors: &mut Vec<Diagnostic>) {
        for (qualified, ty, _) in self.structured() {
            for nav in &ty.navigation_properties {
                let resolved = self.doc.resolve_alias(&nav.ty);
                if let Some(info) = self.types.get(strip_collection(&resolved))
                    && info.kind != Kind::Entity
                {
                    errors.push(Diagnostic {
                        element: format!("<NavigationProperty Name=\"{}\"> of {qualified}", nav.name),
                        line: nav.line.or(ty.line),
                        message: format!("type `{}` is not an entity type of the document", nav.ty),
                    });
                }
            }
        }
        for schema in &self.doc.schemas {
            for (operation, is_action) in operations(schema) {
                let element = operation_element(operation, is_action, &schema.namespace);
                if operation.is_bound && operation.parameters.is_empty() {
                    errors.push(Diagnostic {
                        element,
                        line: operation.line,
                        message: "is bound but has no binding parameter".into(),
                    });
                } else if !is_action && operation.return_type.is_none() {
                    errors.push(Diagnostic {
                        element,
                        line: operation.line,
                        message: "a function needs a <ReturnType>".into(),
                    });
                }
            }
        }
    }

    /// The namespaces to write: those asked for and what they reference, transitively.
    fn select(&mut self, module_names: &[String], options: &Options, errors: &mut Vec<Diagnostic>) -> BTreeSet<usize> {
        let doc = self.doc;
        let mut deps: Vec<BTreeSet<usize>> = vec![BTreeSet::new(); doc.schemas.len()];
        for (s, schema) in doc.schemas.iter().enumerate() {
            let mut refer = |ty: &str| {
                let resolved = doc.resolve_alias(ty);
                if let Some(info) = self.types.get(strip_collection(&resolved))
                    && info.schema != s
                {
                    deps[s].insert(info.schema);
                }
            };
            for ty in schema.entity_types.iter().chain(&schema.complex_types) {
                ty.base_type.iter().for_each(|b| refer(b));
                ty.properties.iter().for_each(|p| refer(&p.ty));
                ty.navigation_properties.iter().for_each(|p| refer(&p.ty));
            }
            for (operation, _) in operations(schema) {
                operation.parameters.iter().for_each(|p| refer(&p.ty));
                operation.return_type.iter().for_each(|r| refer(&r.ty));
            }
            // The container's entity sets and imports name types and operations of other schemas.
            if let Some(container) = &schema.entity_container {
                container.entity_sets.iter().chain(&container.singletons).for_each(|set| refer(&set.entity_type));
                for import in &container.operation_imports {
                    if let Some((namespace, _)) = doc.resolve_alias(&import.operation).rsplit_once('.')
                        && let Some(d) = doc.schemas.iter().position(|other| other.namespace == namespace)
                        && d != s
                    {
                        deps[s].insert(d);
                    }
                }
            }
        }
        let mut selected = BTreeSet::new();
        let mut stack = Vec::new();
        if options.namespaces.is_empty() {
            stack.extend(0..doc.schemas.len());
        }
        for namespace in &options.namespaces {
            match doc.schemas.iter().position(|s| &s.namespace == namespace || s.alias.as_ref() == Some(namespace)) {
                Some(s) => stack.push(s),
                None => errors.push(Diagnostic {
                    element: format!("--namespace {namespace}"),
                    line: None,
                    message: "names no <Schema> of the document".into(),
                }),
            }
        }
        while let Some(s) = stack.pop() {
            if selected.insert(s) {
                stack.extend(deps[s].iter().copied());
            }
        }
        for &s in &selected {
            self.modules.push(Module {
                name: module_names[s].clone(),
                schema: &doc.schemas[s],
                deps: deps[s].iter().map(|&d| module_names[d].clone()).collect(),
                function_names: Vec::new(),
                action_names: Vec::new(),
            });
        }
        self.modules.sort_by(|a, b| a.name.cmp(&b.name));
        selected
    }

    /// The types asked for and what they reach (see [`Options::types`]); the namespaces that hold
    /// them become the modules.
    fn select_types(
        &mut self,
        module_names: &[String],
        options: &Options,
        errors: &mut Vec<Diagnostic>,
    ) -> BTreeSet<usize> {
        let doc = self.doc;
        let mut stack = Vec::new();
        for name in &options.types {
            let resolved = doc.resolve_alias(name);
            if self.types.contains_key(&resolved) {
                stack.push(resolved);
            } else {
                errors.push(Diagnostic {
                    element: format!("--type {name}"),
                    line: None,
                    message: "names no type of the document".into(),
                });
            }
        }
        let mut set = BTreeSet::new();
        while let Some(qualified) = stack.pop() {
            if self.extern_types.contains_key(&qualified) || !set.insert(qualified.clone()) {
                continue;
            }
            let info = &self.types[&qualified];
            if !matches!(info.kind, Kind::Entity | Kind::Complex) {
                continue;
            }
            let ty = self.structured_type(info);
            let mut reach = |ty: &str| {
                let resolved = doc.resolve_alias(ty);
                let inner = strip_collection(&resolved);
                if self.types.contains_key(inner) {
                    stack.push(inner.to_owned());
                }
            };
            ty.base_type.iter().for_each(|b| reach(b));
            ty.properties.iter().for_each(|p| reach(&p.ty));
            if info.kind == Kind::Complex {
                // A property of this type may hold any type derived from it.
                stack.extend(self.descendants.get(&qualified).into_iter().flatten().cloned());
            }
        }
        let schemas: BTreeSet<usize> = set.iter().map(|q| self.types[q].schema).collect();
        for &s in &schemas {
            let mut deps = BTreeSet::new();
            for q in set.iter().filter(|q| self.types[*q].schema == s) {
                let info = &self.types[q];
                if !matches!(info.kind, Kind::Entity | Kind::Complex) {
                    continue;
                }
                let ty = self.structured_type(info);
                let references = ty
                    .base_type
                    .iter()
                    .chain(ty.properties.iter().map(|p| &p.ty))
                    .chain(ty.navigation_properties.iter().map(|n| &n.ty));
                for reference in references {
                    let resolved = doc.resolve_alias(reference);
                    let inner = strip_collection(&resolved);
                    if let Some(target) = self.types.get(inner)
                        && target.schema != s
                        && set.contains(inner)
                    {
                        deps.insert(module_names[target.schema].clone());
                    }
                }
            }
            self.modules.push(Module {
                name: module_names[s].clone(),
                schema: &doc.schemas[s],
                deps,
                function_names: Vec::new(),
                action_names: Vec::new(),
            });
        }
        self.modules.sort_by(|a, b| a.name.cmp(&b.name));
        self.selection = Some(set);
        schemas
    }

    /// Whether the type is written here: selected, and not written elsewhere.
    pub fn is_generated(&self, qualified: &str) -> bool {
        !self.extern_types.contains_key(qualified)
            && !self.excluded.contains_key(qualified)
            && self.selection.as_ref().is_none_or(|set| set.contains(qualified))
    }

    fn name_holders_and_operations(&mut self, module_names: &[String], selected: &BTreeSet<usize>) {
        let doc = self.doc;
        let mut taken: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for info in self.types.values() {
            taken.entry(info.module.clone()).or_default().insert(info.rust.clone());
        }
        // Derived types outside the selection are not written; leave them out of the holders.
        let mut descendants = std::mem::take(&mut self.descendants);
        for list in descendants.values_mut() {
            list.retain(|d| {
                self.types.get(d).is_some_and(|info| selected.contains(&info.schema)) && self.is_generated(d)
            });
        }
        descendants.retain(|_, list| !list.is_empty());
        self.descendants = descendants;
        for (qualified, _) in self.descendants.iter() {
            if self.extern_types.contains_key(qualified) {
                continue; // its holder, if any, is written where the type is
            }
            if let Some(info) = self.types.get_mut(qualified) {
                let set = taken.entry(info.module.clone()).or_default();
                info.any = Some(unique(set, format!("Any{}", info.rust)));
            }
        }
        if self.selection.is_some() {
            return; // no operations with a type selection
        }
        for module in &mut self.modules {
            let set = taken.entry(module.name.clone()).or_default();
            for (operation, is_action) in operations(module.schema) {
                // Overloads share a name: the first keeps it, the others are named for what
                // tells them apart (CSDL: the binding type, then the parameters).
                let mut name = names::type_ident(&operation.name);
                if set.contains(&name) && operation.is_bound {
                    let binding = doc.resolve_alias(&operation.parameters[0].ty);
                    let many = binding.starts_with("Collection(");
                    let binding = strip_collection(&binding);
                    let on = binding.rsplit('.').next().unwrap_or(binding);
                    name = format!("{name}On{}{}", names::upper_camel(on), if many { "Collection" } else { "" });
                }
                if set.contains(&name) {
                    let own = operation.parameters.iter().skip(usize::from(operation.is_bound));
                    let with: Vec<String> = own.map(|p| names::upper_camel(&p.name)).collect();
                    name = if with.is_empty() {
                        format!("{name}WithoutParameters")
                    } else {
                        format!("{name}With{}", with.join(""))
                    };
                }
                let name = unique(set, name);
                if is_action { module.action_names.push(name) } else { module.function_names.push(name) }
            }
        }
        let _ = module_names;
    }

    /// Marks the fields that close a by-value cycle (`a: Option<B>` in `A`, `b: Option<A>` in
    /// `B`), which would make the types infinitely large: those are boxed.
    fn find_cycles(&mut self) {
        let keys: Vec<String> = self.structured().map(|(q, _, _)| q).collect();
        let index: BTreeMap<&str, usize> = keys.iter().enumerate().map(|(i, k)| (k.as_str(), i)).collect();
        let mut edges: Vec<Vec<(usize, Option<String>)>> = vec![Vec::new(); keys.len()];
        for (qualified, ty, _) in self.structured() {
            let from = index[qualified.as_str()];
            if let Some(base) = &ty.base_type {
                let base = self.doc.resolve_alias(base);
                if let Some(&to) = index.get(base.as_str()) {
                    edges[from].push((to, None));
                }
            }
            for property in &ty.properties {
                let resolved = self.doc.resolve_alias(&property.ty);
                if resolved.starts_with("Collection(") {
                    continue; // a Vec is already indirect
                }
                if let Some(&to) = index.get(resolved.as_str()) {
                    edges[from].push((to, Some(property.name.clone())));
                    for derived in self.descendants.get(&resolved).into_iter().flatten() {
                        if let Some(&to) = index.get(derived.as_str()) {
                            edges[from].push((to, Some(property.name.clone())));
                        }
                    }
                }
            }
        }
        let component = strongly_connected(&edges);
        for (from, list) in edges.iter().enumerate() {
            for (to, property) in list {
                if let Some(property) = property
                    && component[*to] == component[from]
                {
                    self.boxed.insert((keys[from].clone(), property.clone()));
                }
            }
        }
    }

    /// The Rust type for a CSDL type reference, as seen from `module`.
    pub fn map(&self, ty: &str, module: &str) -> Mapped {
        let resolved = self.doc.resolve_alias(ty);
        if let Some(inner) = resolved.strip_prefix("Collection(").and_then(|r| r.strip_suffix(')')) {
            return match self.map(inner, module) {
                Mapped::Type(t) => Mapped::Type(format!("Vec<{t}>")),
                other => other,
            };
        }
        if let Some(primitive) = resolved.strip_prefix("Edm.") {
            return primitive_type(primitive);
        }
        if let Some(path) = self.extern_types.get(&resolved) {
            return Mapped::Type(path.clone());
        }
        if let Some(problem) = self.unavailable(&resolved) {
            return Mapped::Unsupported(problem);
        }
        let Some(info) = self.types.get(&resolved) else {
            return Mapped::Unsupported(self.undeclared(&resolved));
        };
        if info.kind == Kind::TypeDefinition {
            // A type definition is a newtype of its own (its CSDL keeps its name and facets),
            // unless its underlying type has no Rust type: then that is the answer.
            let def = &self.doc.schemas[info.schema].type_definitions[info.index];
            let underlying = self.map(&def.underlying_type, module);
            if matches!(underlying, Mapped::Unsupported(_)) {
                return underlying;
            }
        }
        let name = info.any.clone().unwrap_or_else(|| info.rust.clone());
        let path = if info.module == module { name } else { format!("crate::{}::{name}", info.module) };
        if info.is_flags { Mapped::Type(format!("odata_core::Flags<{path}>")) } else { Mapped::Type(path) }
    }

    /// The annotations of an element: its own, those aimed at it from outside, and those
    /// [`Options::annotations`] adds (which replace any of the same term and qualifier).
    pub fn annotations<'b>(&'b self, own: &'b [Annotation], target: &str) -> Vec<&'b Annotation> {
        let mut all: Vec<&Annotation> = own.iter().collect();
        if let Some(external) = self.external.get(target) {
            all.extend(external.iter().copied());
        }
        if let Some(added) = self.added.get(target) {
            all.retain(|a| !added.iter().any(|b| same_annotation(self.doc, a, b)));
            all.extend(added.iter());
        }
        all
    }
}

/// Whether two annotations apply the same term with the same qualifier (terms compared by
/// their full names: SAP's services include the Core vocabulary as `SAP__core`, most others as
/// `Core`).
fn same_annotation(doc: &Document, a: &Annotation, b: &Annotation) -> bool {
    a.qualifier == b.qualifier && doc.resolve_term(&a.term) == doc.resolve_term(&b.term)
}

fn primitive_type(name: &str) -> Mapped {
    let rust = match name {
        "String" => "String",
        "Boolean" => "bool",
        "Byte" => "u8",
        "SByte" => "i8",
        "Int16" => "i16",
        "Int32" => "i32",
        "Int64" => "i64",
        "Single" => "f32",
        "Double" => "f64",
        "Decimal" => "odata_core::Decimal",
        "Guid" => "uuid::Uuid",
        "DateTimeOffset" => "odata_core::DateTimeOffset",
        "Date" => "odata_core::Date",
        "TimeOfDay" => "odata_core::TimeOfDay",
        "Duration" => "odata_core::Duration",
        "Binary" => "odata_core::Binary",
        "Untyped" => "odata_core::Untyped",
        "PropertyPath" => "odata_core::edm::PropertyPath",
        "NavigationPropertyPath" => "odata_core::edm::NavigationPropertyPath",
        "AnyPropertyPath" => "odata_core::edm::AnyPropertyPath",
        "AnnotationPath" => "odata_core::edm::AnnotationPath",
        "ModelElementPath" => "odata_core::edm::ModelElementPath",
        other => {
            return Mapped::Unsupported(format!("`Edm.{other}` has no Rust type in odata-core"));
        }
    };
    Mapped::Type(rust.to_owned())
}

/// Functions then actions of a schema, each with whether it is an action.
pub fn operations(schema: &Schema) -> impl Iterator<Item = (&Operation, bool)> {
    schema.functions.iter().map(|f| (f, false)).chain(schema.actions.iter().map(|a| (a, true)))
}

pub fn strip_collection(ty: &str) -> &str {
    ty.strip_prefix("Collection(").and_then(|t| t.strip_suffix(')')).unwrap_or(ty)
}

pub fn element_name(kind: Kind, qualified: &str) -> String {
    let tag = match kind {
        Kind::Entity => "EntityType",
        Kind::Complex => "ComplexType",
        Kind::Enum => "EnumType",
        Kind::TypeDefinition => "TypeDefinition",
    };
    format!("<{tag}> {qualified}")
}

pub fn property_element(name: &str, kind: Kind, qualified: &str) -> String {
    format!("<Property Name=\"{name}\"> of {}", element_name(kind, qualified))
}

pub fn operation_element(operation: &Operation, is_action: bool, namespace: &str) -> String {
    let tag = if is_action { "Action" } else { "Function" };
    format!("<{tag} Name=\"{}\"> of {namespace}", operation.name)
}

fn kind_word(kind: Kind) -> &'static str {
    match kind {
        Kind::Entity => "entity",
        Kind::Complex => "complex",
        Kind::Enum => "enumeration",
        Kind::TypeDefinition => "type definition",
    }
}

/// `name`, or `name2`, `name3`, ... when taken; records the result.
fn unique(taken: &mut BTreeSet<String>, name: String) -> String {
    let mut candidate = name.clone();
    let mut n = 2;
    while taken.contains(&candidate) {
        candidate = format!("{name}{n}");
        n += 1;
    }
    taken.insert(candidate.clone());
    candidate
}

/// One module name per schema: the namespace's last segment, with more segments where two
/// namespaces end alike.
fn module_names(doc: &Document) -> Vec<String> {
    let mut extra = vec![0; doc.schemas.len()];
    loop {
        let names: Vec<String> =
            doc.schemas.iter().zip(&extra).map(|(s, &e)| names::module_name(&s.namespace, e)).collect();
        let mut changed = false;
        for i in 0..names.len() {
            let clash = names.iter().enumerate().any(|(j, n)| j != i && *n == names[i]);
            let segments = doc.schemas[i].namespace.split('.').count();
            if clash && extra[i] + 1 < segments {
                extra[i] += 1;
                changed = true;
            }
        }
        if !changed {
            // Identical namespaces (an error elsewhere) or exhausted segments: number the rest.
            let mut taken = BTreeSet::new();
            return names.into_iter().map(|n| unique(&mut taken, n)).collect();
        }
    }
}

/// Kosaraju's algorithm, iterative (Graph's type graph is deep enough to matter on a test
/// thread's stack): the component of each node.
fn strongly_connected(edges: &[Vec<(usize, Option<String>)>]) -> Vec<usize> {
    let n = edges.len();
    let mut order = Vec::with_capacity(n);
    let mut visited = vec![false; n];
    for start in 0..n {
        if visited[start] {
            continue;
        }
        visited[start] = true;
        let mut stack = vec![(start, 0usize)];
        while let Some((node, next)) = stack.pop() {
            if let Some((to, _)) = edges[node].get(next) {
                stack.push((node, next + 1));
                if !visited[*to] {
                    visited[*to] = true;
                    stack.push((*to, 0));
                }
            } else {
                order.push(node);
            }
        }
    }
    let mut reverse = vec![Vec::new(); n];
    for (from, list) in edges.iter().enumerate() {
        for (to, _) in list {
            reverse[*to].push(from);
        }
    }
    let mut component = vec![usize::MAX; n];
    for (c, &start) in order.iter().rev().enumerate() {
        if component[start] != usize::MAX {
            continue;
        }
        component[start] = c;
        let mut stack = vec![start];
        while let Some(node) = stack.pop() {
            for &from in &reverse[node] {
                if component[from] == usize::MAX {
                    component[from] = c;
                    stack.push(from);
                }
            }
        }
    }
    component
}
