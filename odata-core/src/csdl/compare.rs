//! What two metadata documents say differently about a schema: a model's CSDL against the
//! service's `$metadata`, or generated code against the document it came from.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use super::{Document, Facets, NavigationProperty, Operation, Schema, StructuredType};

/// The term that makes a property computed (what a client may not write).
const COMPUTED: &str = "Org.OData.Core.V1.Computed";

/// One fact about a schema that two documents state differently (`None`: not stated at all).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SchemaDifference {
    /// What the fact is about: `EntityType session.startDateTime: property`,
    /// `EnumType modality: members`, `Function getPstnCalls: parameters`, ...
    pub fact: String,
    /// What the first document says.
    pub left: Option<String>,
    /// What the second document says.
    pub right: Option<String>,
}

impl fmt::Display for SchemaDifference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let show = |side: &Option<String>| side.as_deref().map_or("(none)".to_owned(), |s| format!("{s:?}"));
        write!(f, "{}: {} | {}", self.fact, show(&self.left), show(&self.right))
    }
}

impl Document {
    /// What `self` and `other` say differently about schema `namespace` (a namespace or alias in
    /// each), fact by fact, aliases resolved: of each entity and complex type its base type,
    /// abstract, open and stream flags, key, properties (type, nullability, facets) and navigation
    /// properties (type, nullability, containment, partner, referential constraints), and whether
    /// a property is `Core.Computed` (inline or in an `<Annotations>` group, the term's alias
    /// resolved: it decides what a client may write); of each
    /// enumeration its underlying type, its members with their values and whether it is a flags
    /// type; of each type definition its underlying type and facets; of each function and action
    /// overload its parameters (binding parameter first, with nullability and facets) and return
    /// type; of the entity container its entity sets, singletons, bindings and imports. Other
    /// annotations are not compared. A schema missing from a document
    /// states nothing, so each of the other's facts is a difference.
    ///
    /// Overloads are told apart as CSDL tells them apart: a function by its binding parameter's
    /// type and the names of its other parameters, an action by its binding parameter's type. So a
    /// parameter whose type changed is one difference, not an overload gone and another new.
    pub fn schema_differences(&self, other: &Document, namespace: &str) -> Vec<SchemaDifference> {
        let left = self.schema(namespace).map(|schema| facts(self, schema)).unwrap_or_default();
        let right = other.schema(namespace).map(|schema| facts(other, schema)).unwrap_or_default();
        let mut differences = Vec::new();
        for fact in left.keys().chain(right.keys().filter(|fact| !left.contains_key(*fact))) {
            let (l, r) = (left.get(fact), right.get(fact));
            if l != r {
                differences.push(SchemaDifference { fact: fact.clone(), left: l.cloned(), right: r.cloned() });
            }
        }
        differences
    }
}

/// A schema flattened into comparable facts, one line each.
fn facts(document: &Document, schema: &Schema) -> BTreeMap<String, String> {
    let resolve = |name: &str| document.resolve_alias(name);
    let mut facts = BTreeMap::new();
    let computed = computed_targets(document);
    let mut structured = |kind: &str, ty: &StructuredType| {
        let at = format!("{kind} {}", ty.name);
        facts.insert(format!("{at}: base type"), ty.base_type.as_deref().map(resolve).unwrap_or_default());
        facts.insert(format!("{at}: abstract"), ty.is_abstract.to_string());
        facts.insert(format!("{at}: open"), ty.is_open.to_string());
        facts.insert(format!("{at}: key"), ty.key.join(","));
        facts.insert(format!("{at}: stream"), ty.has_stream.to_string());
        for p in &ty.properties {
            let target = format!("{}.{}/{}", schema.namespace, ty.name, p.name);
            // Only when computed, so that other properties read as before.
            let is_computed =
                p.annotations.iter().any(|a| document.applies_tag(a, COMPUTED)) || computed.contains(&target);
            facts.insert(
                format!("{at}.{}: property", p.name),
                format!(
                    "{} nullable={}{}{}",
                    resolve(&p.ty),
                    p.nullable,
                    show_facets(&p.facets),
                    if is_computed { " computed" } else { "" }
                ),
            );
        }
        for n in &ty.navigation_properties {
            facts.insert(format!("{at}.{}: navigation", n.name), navigation(&resolve, n));
        }
    };
    for ty in &schema.entity_types {
        structured("EntityType", ty);
    }
    for ty in &schema.complex_types {
        structured("ComplexType", ty);
    }
    for ty in &schema.enum_types {
        let members: Vec<String> = ty.members.iter().map(|m| format!("{}={}", m.name, m.value)).collect();
        facts.insert(format!("EnumType {}: members", ty.name), members.join(","));
        facts.insert(format!("EnumType {}: flags", ty.name), ty.is_flags.to_string());
        // CSDL: without `UnderlyingType`, members are `Edm.Int32`.
        let underlying = ty.underlying_type.as_deref().map_or("Edm.Int32".to_owned(), resolve);
        facts.insert(format!("EnumType {}: underlying type", ty.name), underlying);
    }
    for ty in &schema.type_definitions {
        facts.insert(
            format!("TypeDefinition {}: underlying type", ty.name),
            format!("{}{}", resolve(&ty.underlying_type), show_facets(&ty.facets)),
        );
    }
    for (kind, list) in [("Function", &schema.functions), ("Action", &schema.actions)] {
        for operation in list {
            let at = format!("{kind} {}", overload(&resolve, operation, kind == "Function"));
            let parameters: Vec<String> = operation
                .parameters
                .iter()
                .map(|p| format!("{}:{} nullable={}{}", p.name, resolve(&p.ty), p.nullable, show_facets(&p.facets)))
                .collect();
            facts.insert(format!("{at}: parameters"), parameters.join(", "));
            let returns = operation
                .return_type
                .as_ref()
                .map(|r| format!("{} nullable={}{}", resolve(&r.ty), r.nullable, show_facets(&r.facets)));
            facts.insert(format!("{at}: returns"), returns.unwrap_or_default());
        }
    }
    super::container_facts::container_facts(document, schema, &mut facts);
    facts
}

/// The targets (`ns.Type/property`, aliases resolved) that the document's `<Annotations>` groups
/// declare `Core.Computed`, in any of its schemas.
fn computed_targets(document: &Document) -> BTreeSet<String> {
    let groups = document.schemas.iter().flat_map(|schema| &schema.annotation_groups);
    groups
        .filter(|group| group.annotations.iter().any(|a| document.applies_tag(a, COMPUTED)))
        .map(|group| document.resolve_target(&group.target))
        .collect()
}

/// A navigation property's facts; partner and constraints only when it has them, so that
/// documents without them read as before.
fn navigation(resolve: &impl Fn(&str) -> String, n: &NavigationProperty) -> String {
    let mut fact = format!("{} nullable={} contains_target={}", resolve(&n.ty), n.nullable, n.contains_target);
    if let Some(partner) = &n.partner {
        fact.push_str(&format!(" partner={partner}"));
    }
    if !n.referential_constraints.is_empty() {
        let constraints: Vec<String> =
            n.referential_constraints.iter().map(|c| format!("{}->{}", c.property, c.referenced_property)).collect();
        fact.push_str(&format!(" constraints={}", constraints.join(",")));
    }
    fact
}

/// The name of an overload as CSDL identifies it (part 3, 12.1 and 12.2): `name[binding type;
/// parameter names]` for a function (names sorted: their order does not tell overloads apart),
/// `name[binding type]` for an action; `unbound` in place of the type for an unbound one.
fn overload(resolve: &impl Fn(&str) -> String, operation: &Operation, is_function: bool) -> String {
    let (binding, rest) = match operation.parameters.split_first() {
        Some((binding, rest)) if operation.is_bound => (resolve(&binding.ty), rest),
        _ => ("unbound".to_owned(), operation.parameters.as_slice()),
    };
    if !is_function {
        return format!("{}[{binding}]", operation.name);
    }
    let mut names: Vec<&str> = rest.iter().map(|p| p.name.as_str()).collect();
    names.sort_unstable();
    format!("{}[{binding}; {}]", operation.name, names.join(","))
}

/// The facets that are declared, as ` Name=value` each; `Unicode="true"` is the default, so it
/// is the same as no `Unicode` at all.
fn show_facets(facets: &Facets) -> String {
    let mut out = String::new();
    let mut add = |name: &str, value: Option<String>| {
        if let Some(value) = value {
            out.push_str(&format!(" {name}={value}"));
        }
    };
    add("MaxLength", facets.max_length.clone());
    add("Precision", facets.precision.map(|p| p.to_string()));
    add("Scale", facets.scale.clone());
    add("SRID", facets.srid.clone());
    add("DefaultValue", facets.default_value.clone());
    add("Unicode", facets.unicode.filter(|u| !u).map(|u| u.to_string()));
    out
}

#[cfg(all(test, feature = "csdl-xml"))]
#[allow(clippy::unwrap_used)] // Tests may unwrap: a panic is a failed test.
mod tests {
    use super::*;

    const LEFT: &str = r#"<edmx:Edmx xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx" Version="4.0"><edmx:DataServices>
<Schema xmlns="http://docs.oasis-open.org/odata/ns/edm" Namespace="ns" Alias="self">
<EntityType Name="t"><Key><PropertyRef Name="id"/></Key><Property Name="id" Type="Edm.String" Nullable="false"/><Property Name="n" Type="Edm.Int32"/></EntityType>
<EnumType Name="e"><Member Name="a" Value="0"/></EnumType>
</Schema></edmx:DataServices></edmx:Edmx>"#;

    #[test]
    fn differences_name_the_fact_and_both_sides() {
        let left = Document::parse_xml(LEFT).unwrap();
        assert!(left.schema_differences(&left, "ns").is_empty());
        let changed = LEFT
            .replace(r#"Name="n" Type="Edm.Int32""#, r#"Name="n" Type="Edm.Int64""#)
            .replace(r#"<Member Name="a" Value="0"/>"#, r#"<Member Name="a" Value="0"/><Member Name="b" Value="1"/>"#);
        let right = Document::parse_xml(&changed).unwrap();
        let shown: Vec<String> = left.schema_differences(&right, "self").iter().map(ToString::to_string).collect();
        assert_eq!(
            shown,
            [
                r#"EntityType t.n: property: "Edm.Int32 nullable=true" | "Edm.Int64 nullable=true""#,
                r#"EnumType e: members: "a=0" | "a=0,b=1""#,
            ]
        );
        let empty = Document::default();
        let missing = left.schema_differences(&empty, "ns");
        assert!(missing.iter().all(|d| d.left.is_some() && d.right.is_none()) && missing.len() == 10, "{missing:?}");
    }

    /// Every construct of this part, once; each test below changes one thing in it.
    const EVERY: &str = r#"<edmx:Edmx xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx" Version="4.0"><edmx:DataServices>
<Schema xmlns="http://docs.oasis-open.org/odata/ns/edm" Namespace="ns" Alias="self">
<TypeDefinition Name="money" UnderlyingType="Edm.Decimal" Precision="19" Scale="4"/>
<EnumType Name="level" UnderlyingType="Edm.Byte"><Member Name="low" Value="0"/></EnumType>
<EntityType Name="order" HasStream="true"><Key><PropertyRef Name="id"/></Key>
<Property Name="id" Type="Edm.Int32" Nullable="false"/>
<Property Name="customerId" Type="Edm.String" MaxLength="40" Unicode="false"/>
<Property Name="total" Type="self.money"/>
<NavigationProperty Name="customer" Type="self.customer" Nullable="false" Partner="orders"><ReferentialConstraint Property="customerId" ReferencedProperty="id"/></NavigationProperty>
</EntityType>
<EntityType Name="customer"><Key><PropertyRef Name="id"/></Key><Property Name="id" Type="Edm.String" Nullable="false"/>
<NavigationProperty Name="orders" Type="Collection(self.order)" Partner="customer"/></EntityType>
<Function Name="total" IsBound="true"><Parameter Name="bindingParameter" Type="self.order" Nullable="false"/><ReturnType Type="Edm.Decimal" Scale="2"/></Function>
<Function Name="total" IsBound="true"><Parameter Name="bindingParameter" Type="self.customer"/><Parameter Name="since" Type="Edm.Date"/><ReturnType Type="Edm.Decimal"/></Function>
<Function Name="total"><Parameter Name="year" Type="Edm.Int32"/><ReturnType Type="Edm.Decimal"/></Function>
<Action Name="ship" IsBound="true"><Parameter Name="bindingParameter" Type="self.order"/></Action>
<Action Name="ship" IsBound="true"><Parameter Name="bindingParameter" Type="self.customer"/></Action>
</Schema></edmx:DataServices></edmx:Edmx>"#;

    /// The differences `EVERY` and `EVERY` with `from` replaced by `to` show.
    fn changed(from: &str, to: &str) -> Vec<String> {
        assert!(EVERY.contains(from), "{from}");
        let left = Document::parse_xml(EVERY).unwrap();
        let right = Document::parse_xml(&EVERY.replacen(from, to, 1)).unwrap();
        left.schema_differences(&right, "ns").iter().map(ToString::to_string).collect()
    }

    #[test]
    fn every_construct_compares_equal_to_itself() {
        let every = Document::parse_xml(EVERY).unwrap();
        assert_eq!(every.schema_differences(&every, "ns"), []);
    }

    #[test]
    fn partners_and_referential_constraints_are_compared() {
        assert_eq!(
            changed(r#"Partner="orders""#, ""),
            [
                r#"EntityType order.customer: navigation: "ns.customer nullable=false contains_target=false partner=orders constraints=customerId->id" | "ns.customer nullable=false contains_target=false constraints=customerId->id""#
            ]
        );
        assert_eq!(
            changed(r#"ReferencedProperty="id""#, r#"ReferencedProperty="code""#),
            [
                r#"EntityType order.customer: navigation: "ns.customer nullable=false contains_target=false partner=orders constraints=customerId->id" | "ns.customer nullable=false contains_target=false partner=orders constraints=customerId->code""#
            ]
        );
    }

    #[test]
    fn facets_are_compared_and_unicode_true_is_the_default() {
        assert_eq!(
            changed(r#"MaxLength="40""#, r#"MaxLength="max""#),
            [
                r#"EntityType order.customerId: property: "Edm.String nullable=true MaxLength=40 Unicode=false" | "Edm.String nullable=true MaxLength=max Unicode=false""#
            ]
        );
        assert_eq!(
            changed(
                r#"<Property Name="id" Type="Edm.Int32""#,
                r#"<Property Name="id" Type="Edm.Int32" Unicode="true""#
            ),
            Vec::<String>::new()
        );
        assert_eq!(
            changed(
                r#"<ReturnType Type="Edm.Decimal" Scale="2"/>"#,
                r#"<ReturnType Type="Edm.Decimal" Scale="variable"/>"#
            ),
            [
                r#"Function total[ns.order; ]: returns: "Edm.Decimal nullable=true Scale=2" | "Edm.Decimal nullable=true Scale=variable""#
            ]
        );
    }

    #[test]
    fn stream_flags_underlying_types_and_type_definitions_are_compared() {
        assert_eq!(changed(r#" HasStream="true""#, ""), [r#"EntityType order: stream: "true" | "false""#]);
        assert_eq!(
            changed(r#" UnderlyingType="Edm.Byte""#, ""),
            [r#"EnumType level: underlying type: "Edm.Byte" | "Edm.Int32""#]
        );
        // Without `UnderlyingType`, an enumeration's is `Edm.Int32`.
        let explicit = Document::parse_xml(&EVERY.replace("Edm.Byte", "Edm.Int32")).unwrap();
        let absent = Document::parse_xml(&EVERY.replace(r#" UnderlyingType="Edm.Byte""#, "")).unwrap();
        assert_eq!(explicit.schema_differences(&absent, "ns"), []);
        assert_eq!(
            changed(r#"Precision="19""#, r#"Precision="18""#),
            [
                r#"TypeDefinition money: underlying type: "Edm.Decimal Precision=19 Scale=4" | "Edm.Decimal Precision=18 Scale=4""#
            ]
        );
    }

    #[test]
    fn computed_properties_are_compared_inline_or_targeted_with_the_alias_resolved() {
        let core = r#"<edmx:Reference Uri="https://oasis-tcs.github.io/odata-vocabularies/vocabularies/Org.OData.Core.V1.xml"><edmx:Include Namespace="Org.OData.Core.V1" Alias="C"/></edmx:Reference><edmx:DataServices>"#;
        let with_core = EVERY.replacen("<edmx:DataServices>", core, 1);
        let id = r#"<Property Name="customerId" Type="Edm.String" MaxLength="40" Unicode="false"/>"#;
        let property = |annotation: &str| id.replace("/>", &format!(">{annotation}</Property>"));
        let plain = Document::parse_xml(EVERY).unwrap();
        let compare = |text: &str| {
            let other = Document::parse_xml(text).unwrap();
            plain.schema_differences(&other, "ns").iter().map(ToString::to_string).collect::<Vec<_>>()
        };
        let computed = [
            r#"EntityType order.customerId: property: "Edm.String nullable=true MaxLength=40 Unicode=false" | "Edm.String nullable=true MaxLength=40 Unicode=false computed""#,
        ];
        // Inline, through the reference's alias, with the term's default value.
        assert_eq!(compare(&with_core.replacen(id, &property(r#"<Annotation Term="C.Computed"/>"#), 1)), computed);
        // In an `<Annotations>` group, the full term and the schema's alias in the target.
        let group = r#"<Annotations Target="self.order/customerId"><Annotation Term="Org.OData.Core.V1.Computed" Bool="true"/></Annotations></Schema>"#;
        assert_eq!(compare(&EVERY.replacen("</Schema>", group, 1)), computed);
        // The conventional alias `Core` reads as the Core vocabulary even where it is not declared.
        assert_eq!(compare(&EVERY.replacen(id, &property(r#"<Annotation Term="Core.Computed"/>"#), 1)), computed);
        // Not computed: written `false`, qualified, another term, or another alias nobody declared.
        for annotation in [
            r#"<Annotation Term="C.Computed" Bool="false"/>"#,
            r#"<Annotation Term="C.Computed" Qualifier="phone"/>"#,
            r#"<Annotation Term="C.Immutable"/>"#,
        ] {
            assert_eq!(
                compare(&with_core.replacen(id, &property(annotation), 1)),
                Vec::<String>::new(),
                "{annotation}"
            );
        }
        assert_eq!(
            compare(&EVERY.replacen(id, &property(r#"<Annotation Term="C.Computed"/>"#), 1)),
            Vec::<String>::new()
        );
    }

    #[test]
    fn overloads_of_functions_and_actions_are_compared_one_by_one() {
        let every = Document::parse_xml(EVERY).unwrap();
        let facts = facts(&every, every.schema("ns").unwrap());
        let operations: Vec<&str> =
            facts.keys().filter(|f| f.starts_with("Function") || f.starts_with("Action")).map(String::as_str).collect();
        assert_eq!(
            operations,
            [
                "Action ship[ns.customer]: parameters",
                "Action ship[ns.customer]: returns",
                "Action ship[ns.order]: parameters",
                "Action ship[ns.order]: returns",
                "Function total[ns.customer; since]: parameters",
                "Function total[ns.customer; since]: returns",
                "Function total[ns.order; ]: parameters",
                "Function total[ns.order; ]: returns",
                "Function total[unbound; year]: parameters",
                "Function total[unbound; year]: returns",
            ]
        );
        // One overload's parameter changes type: that overload, and only it, differs.
        assert_eq!(
            changed(
                r#"<Parameter Name="since" Type="Edm.Date"/>"#,
                r#"<Parameter Name="since" Type="Edm.DateTimeOffset"/>"#
            ),
            [
                r#"Function total[ns.customer; since]: parameters: "bindingParameter:ns.customer nullable=true, since:Edm.Date nullable=true" | "bindingParameter:ns.customer nullable=true, since:Edm.DateTimeOffset nullable=true""#
            ]
        );
        // An action overload missing is reported by its binding type.
        let gone = changed(
            r#"<Action Name="ship" IsBound="true"><Parameter Name="bindingParameter" Type="self.customer"/></Action>"#,
            "",
        );
        assert_eq!(
            gone,
            [
                r#"Action ship[ns.customer]: parameters: "bindingParameter:ns.customer nullable=true" | (none)"#,
                r#"Action ship[ns.customer]: returns: "" | (none)"#
            ]
        );
    }

    #[test]
    fn binding_parameter_nullability_is_compared() {
        assert_eq!(
            changed(r#"Type="self.order" Nullable="false"/><ReturnType"#, r#"Type="self.order"/><ReturnType"#),
            [
                r#"Function total[ns.order; ]: parameters: "bindingParameter:ns.order nullable=false" | "bindingParameter:ns.order nullable=true""#
            ]
        );
    }
}
