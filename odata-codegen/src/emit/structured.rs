//! Entity and complex types, their polymorphic holders, and enumerations.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use odata_core::csdl::{Annotation, EnumType, StructuredType, TypeDefinition};

use super::{Writer, attribute, claim};
use crate::model::{self, Kind, Mapped, TypeInfo};
use crate::names;

/// The term that makes a property `read_only`.
const COMPUTED: &str = "Org.OData.Core.V1.Computed";

impl Writer<'_, '_> {
    pub(super) fn structured(&mut self, qualified: &str, info: &TypeInfo, ty: &StructuredType) {
        let kind = info.kind;
        match kind {
            Kind::Entity => self.summary.entity_types += 1,
            _ => self.summary.complex_types += 1,
        }
        let annotations = self.model.annotations(&ty.annotations, qualified);
        self.docs("", &annotations, &format!("`{qualified}`."));
        let mut args = vec![format!("type = {qualified:?}")];
        let base = ty.base_type.as_ref().map(|b| self.model.doc.resolve_alias(b));
        if let Some(base) = &base {
            args.push(format!("base_type = {base:?}"));
        }
        args.extend(ty.key.iter().map(|k| format!("key_property = {k:?}")));
        if kind == Kind::Entity && ty.key.is_empty() && base.is_none() && !ty.is_abstract {
            // Singleton-only types (Graph's `admin`) have no key.
            args.push("keyless".into());
        }
        if ty.is_open {
            args.push("open_type".into());
        }
        if ty.is_abstract {
            args.push("abstract".into());
        }
        if ty.has_stream && kind == Kind::Entity {
            args.push("has_stream".into());
        }
        let derive = if kind == Kind::Entity { "ODataEntity" } else { "ODataComplex" };
        let _ = writeln!(self.out, "#[derive(odata_core::{derive}, Debug, Clone, Default, PartialEq)]");
        self.out.push_str(&attribute("", "odata", &args));
        let _ = writeln!(self.out, "pub struct {} {{", info.rust);
        let mut taken = BTreeSet::new();
        let mut fields = Vec::new();
        for property in &ty.properties {
            let element = model::property_element(&property.name, kind, qualified);
            let line = property.line.or(ty.line);
            let ty_text = match self.model.map(&property.ty, &self.module.name) {
                Mapped::Type(t) => t,
                Mapped::Unsupported(reason) => {
                    let message =
                        format!("{reason}; the property is left out (its values stay in the type's additional data)");
                    self.warn(element, line, message);
                    continue;
                }
            };
            self.uses_uuid |= ty_text.contains("uuid::");
            let boxed = self.model.boxed.contains(&(qualified.to_owned(), property.name.clone()));
            let ty_text = if boxed { format!("Option<Box<{ty_text}>>") } else { format!("Option<{ty_text}>") };
            let target = format!("{qualified}/{}", property.name);
            let annotations = self.model.annotations(&property.annotations, &target);
            let mut odata = Vec::new();
            if !property.nullable {
                odata.push("nullable = false".to_owned());
            }
            if annotations.iter().any(|a| self.model.doc.applies_tag(a, COMPUTED)) {
                odata.push("read_only".to_owned());
            }
            odata.extend(self.facet_args(&property.facets, &element, line));
            fields.push(Field {
                wire: property.name.clone(),
                ty: ty_text,
                odata,
                annotations,
                fallback: format!("`{}` (`{}`).", property.name, property.ty),
            });
        }
        for nav in &ty.navigation_properties {
            let resolved = self.model.doc.resolve_alias(&nav.ty);
            let inner = model::strip_collection(&resolved);
            if let Some(problem) = self.model.navigation_problem(inner) {
                let element = format!("<NavigationProperty Name=\"{}\"> of {qualified}", nav.name);
                let message = format!(
                    "{problem}; the navigation property is left out (an expanded value stays in the type's additional data)"
                );
                self.warn(element, nav.line.or(ty.line), message);
                continue;
            }
            if !self.model.is_generated(inner) && !self.model.extern_types.contains_key(inner) {
                let element = format!("<NavigationProperty Name=\"{}\"> of {qualified}", nav.name);
                let message = format!(
                    "its target `{inner}` is not among the selected types; the navigation property is left out \
                     (an expanded value stays in the type's additional data)"
                );
                self.warn(element, nav.line.or(ty.line), message);
                continue;
            }
            // A navigation property may hold any type derived from its target: its holder.
            let name = match self.model.types.get(inner) {
                Some(info) => info.any.clone().unwrap_or_else(|| info.rust.clone()),
                None => String::new(),
            };
            let target = self.path_to(inner, &name);
            let many = resolved.starts_with("Collection(");
            let ty_text = if many {
                format!("odata_core::Navigation<Vec<{target}>>")
            } else {
                format!("odata_core::Navigation<{target}>")
            };
            let mut odata = vec!["navigation".to_owned()];
            if !nav.nullable {
                odata.push("nullable = false".to_owned());
            }
            if nav.contains_target {
                odata.push("contains_target".to_owned());
            }
            if let Some(partner) = &nav.partner {
                odata.push(format!("partner = {partner:?}"));
            }
            for constraint in &nav.referential_constraints {
                odata.push(format!(
                    "referential_constraint(property = {:?}, referenced_property = {:?})",
                    constraint.property, constraint.referenced_property
                ));
            }
            let annotations = self.model.annotations(&nav.annotations, &format!("{qualified}/{}", nav.name));
            if annotations.iter().any(|a| self.model.doc.applies_tag(a, COMPUTED)) {
                // Graph v1.0 has four; the Core vocabulary declares the term `AppliesTo="Property"`.
                let element = format!("<NavigationProperty Name=\"{}\"> of {qualified}", nav.name);
                let message = "its `Core.Computed` is not kept: the term applies to structural properties only \
                               (the derive's `read_only` is theirs)"
                    .to_owned();
                self.warn(element, nav.line.or(ty.line), message);
            }
            fields.push(Field {
                wire: nav.name.clone(),
                ty: ty_text,
                odata,
                annotations,
                fallback: format!("`{}`: navigation to `{}`.", nav.name, nav.ty),
            });
        }
        // Property names first, so that the base and additional-data fields yield on a clash.
        let idents: Vec<String> = fields.iter().map(|f| claim(&mut taken, names::field_ident(&f.wire))).collect();
        if let Some(base) = &base {
            let base_info = self.model.types.get(base).cloned();
            let base_name = base.rsplit('.').next().unwrap_or(base);
            let ident = claim(&mut taken, names::field_ident(base_name));
            let rust = base_info.map(|i| i.rust).unwrap_or_default();
            let path = self.path_to(base, &rust);
            let _ = writeln!(self.out, "    /// The inherited part (`{base}`).");
            self.out.push_str("    #[odata(base)]\n");
            let _ = writeln!(self.out, "    pub {ident}: {path},");
        }
        for (field, ident) in fields.iter().zip(&idents) {
            self.summary.properties += 1;
            self.docs("    ", &field.annotations, &field.fallback);
            let mut args = field.odata.clone();
            if names::field_to_wire(ident) != field.wire {
                args.push(format!("rename = {:?}", field.wire));
            }
            if !args.is_empty() {
                self.out.push_str(&attribute("    ", "odata", &args));
            }
            let _ = writeln!(self.out, "    pub {ident}: {},", field.ty);
        }
        if base.is_none() {
            let ident = claim(&mut taken, "additional_data".to_owned());
            self.out.push_str("    /// Unknown properties and instance annotations, kept to be written back.\n");
            let _ = writeln!(self.out, "    pub {ident}: odata_core::AdditionalData,");
        }
        self.out.push_str("}\n");
    }

    pub(super) fn holder(&mut self, qualified: &str, info: &TypeInfo) {
        self.summary.polymorphic_enums += 1;
        let Some(any) = &info.any else { return };
        let _ = writeln!(
            self.out,
            "/// A `{qualified}` value of any type derived from it that this model knows; `@odata.type`\n/// picks the variant."
        );
        let derive = if info.kind == Kind::Entity { "ODataEntity" } else { "ODataComplex" };
        let _ = writeln!(self.out, "#[derive(odata_core::{derive}, Debug, Clone, PartialEq)]");
        self.out.push_str(&attribute("", "odata", &[format!("type = {qualified:?}")]));
        let _ = writeln!(self.out, "pub enum {any} {{");
        let mut taken = BTreeSet::new();
        let mut variants = vec![(qualified.to_owned(), info.clone())];
        for derived in self.model.descendants.get(qualified).into_iter().flatten() {
            if let Some(d) = self.model.types.get(derived) {
                variants.push((derived.clone(), d.clone()));
            }
        }
        for (i, (name, variant)) in variants.iter().enumerate() {
            let mut ident = variant.rust.clone();
            if taken.contains(&ident) {
                ident = format!("{}{}", names::upper_camel(names::unraw(&variant.module)), variant.rust);
            }
            let ident = claim(&mut taken, ident);
            if i == 0 {
                let _ = writeln!(self.out, "    /// `{name}` itself (or a derived type this model does not know).");
            } else {
                let _ = writeln!(self.out, "    /// `{name}`.");
            }
            if variant.module != self.module.name && self.options.crate_name.is_some() {
                let _ = writeln!(self.out, "    #[cfg(feature = \"{}\")]", names::unraw(&variant.module));
            }
            let path = self.path_to(name, &variant.rust);
            let _ = writeln!(self.out, "    {ident}({path}),");
        }
        self.out.push_str("}\n");
    }

    pub(super) fn enumeration(&mut self, qualified: &str, ty: &EnumType) {
        self.summary.enum_types += 1;
        let underlying = ty.underlying_type.as_ref().map(|u| self.model.doc.resolve_alias(u));
        // The derive rejects a member that does not fit: say so here, and leave the type out of
        // the attribute, rather than write code that does not build.
        let underlying = match underlying.as_deref().map(|u| (u, integer_range(u))) {
            Some((name, Some((low, high)))) => {
                let misfits: Vec<String> = ty
                    .members
                    .iter()
                    .filter(|m| m.value < low || m.value > high)
                    .map(|m| format!("`{}` = {}", m.name, m.value))
                    .collect();
                if misfits.is_empty() {
                    Some(name.to_owned())
                } else {
                    self.warn(
                        model::element_name(Kind::Enum, qualified),
                        ty.line,
                        format!(
                            "members {} do not fit in `UnderlyingType=\"{name}\"`; the underlying type is left out \
                             (the generated type emits the default `Edm.Int32`)",
                            misfits.join(", ")
                        ),
                    );
                    None
                }
            }
            Some((name, None)) => {
                self.warn(
                    model::element_name(Kind::Enum, qualified),
                    ty.line,
                    format!(
                        "`UnderlyingType=\"{name}\"` is not an integer type of CSDL; it is left out (the generated \
                         type emits the default `Edm.Int32`)"
                    ),
                );
                None
            }
            None => None,
        };
        let annotations = self.model.annotations(&ty.annotations, qualified);
        self.docs("", &annotations, &format!("`{qualified}`."));
        let rust = self.model.types.get(qualified).map(|i| i.rust.clone()).unwrap_or_default();
        self.out.push_str("#[derive(odata_core::ODataEnum, Debug, Clone, PartialEq, Eq, Hash)]\n");
        let mut args = vec![format!("type = {qualified:?}")];
        if let Some(underlying) = &underlying {
            args.push(format!("underlying_type = {underlying:?}"));
        }
        if ty.is_flags {
            args.push("flags".into());
        }
        self.out.push_str(&attribute("", "odata", &args));
        let _ = writeln!(self.out, "pub enum {rust} {{");
        let mut taken = BTreeSet::new();
        let mut expected = 0i64;
        for member in &ty.members {
            let ident = claim(&mut taken, names::variant_ident(&member.name));
            let annotations = self.model.annotations(&member.annotations, &format!("{qualified}/{}", member.name));
            self.docs("    ", &annotations, &format!("`{}`", member.name));
            let mut args = Vec::new();
            if names::variant_to_member(&ident) != member.name {
                args.push(format!("rename = {:?}", member.name));
            }
            if ty.is_flags || member.value != expected {
                args.push(format!("value = {}", member.value));
            }
            if !args.is_empty() {
                self.out.push_str(&attribute("    ", "odata", &args));
            }
            expected = member.value.wrapping_add(1);
            let _ = writeln!(self.out, "    {ident},");
        }
        let other = claim(&mut taken, "Other".to_owned());
        let _ = writeln!(
            self.out,
            "    /// A member this model does not know (added to the service later), kept verbatim.\n    {other}(String),"
        );
        self.out.push_str("}\n");
    }

    /// A type definition: a newtype over its primitive, with its facets.
    pub(super) fn type_definition(&mut self, qualified: &str, info: &TypeInfo, ty: &TypeDefinition) {
        self.summary.type_definitions += 1;
        let underlying = match self.model.map(&ty.underlying_type, &self.module.name) {
            Mapped::Type(t) => t,
            // `Model::map` flattens a definition it cannot generate; nothing refers to this one.
            Mapped::Unsupported(reason) => {
                let element = model::element_name(Kind::TypeDefinition, qualified);
                self.warn(element, None, format!("{reason}; the type definition is left out"));
                return;
            }
        };
        self.uses_uuid |= underlying.contains("uuid::");
        let annotations = self.model.annotations(&ty.annotations, qualified);
        self.docs("", &annotations, &format!("`{qualified}`: a type definition of `{}`.", ty.underlying_type));
        self.out.push_str("#[derive(odata_core::ODataTypeDefinition, Debug, Clone, PartialEq)]\n");
        let mut args = vec![format!("type = {qualified:?}")];
        args.extend(self.facet_args(&ty.facets, &model::element_name(Kind::TypeDefinition, qualified), None));
        self.out.push_str(&attribute("", "odata", &args));
        let _ = writeln!(self.out, "pub struct {}(pub {underlying});", info.rust);
    }
}

/// The values an enumeration's `UnderlyingType` holds; `None` for a type that is not one of
/// CSDL's integer types.
fn integer_range(name: &str) -> Option<(i64, i64)> {
    Some(match name {
        "Edm.Byte" => (0, 255),
        "Edm.SByte" => (-128, 127),
        "Edm.Int16" => (i64::from(i16::MIN), i64::from(i16::MAX)),
        "Edm.Int32" => (i64::from(i32::MIN), i64::from(i32::MAX)),
        "Edm.Int64" => (i64::MIN, i64::MAX),
        _ => return None,
    })
}

struct Field<'a> {
    wire: String,
    ty: String,
    odata: Vec<String>,
    annotations: Vec<&'a Annotation>,
    fallback: String,
}
