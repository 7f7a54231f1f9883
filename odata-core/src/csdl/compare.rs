//! What two metadata documents say differently about a schema: a model's CSDL against the
//! service's `$metadata`, or generated code against the document it came from.

use std::collections::BTreeMap;
use std::fmt;

use super::{Document, Schema, StructuredType};

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
    /// abstract and open flags, key, properties (type, nullability) and navigation properties
    /// (type, nullability, containment); of each enumeration its members with their values and
    /// whether it is a flags type; of each function its binding, parameters and return type; of
    /// the entity container its entity sets, singletons, bindings and imports. Annotations and
    /// actions are not compared. A schema missing from a document states nothing, so each of the
    /// other's facts is a difference.
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
    let mut structured = |kind: &str, ty: &StructuredType| {
        let at = format!("{kind} {}", ty.name);
        facts.insert(format!("{at}: base type"), ty.base_type.as_deref().map(resolve).unwrap_or_default());
        facts.insert(format!("{at}: abstract"), ty.is_abstract.to_string());
        facts.insert(format!("{at}: open"), ty.is_open.to_string());
        facts.insert(format!("{at}: key"), ty.key.join(","));
        for p in &ty.properties {
            facts.insert(format!("{at}.{}: property", p.name), format!("{} nullable={}", resolve(&p.ty), p.nullable));
        }
        for n in &ty.navigation_properties {
            facts.insert(
                format!("{at}.{}: navigation", n.name),
                format!("{} nullable={} contains_target={}", resolve(&n.ty), n.nullable, n.contains_target),
            );
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
    }
    for f in &schema.functions {
        let parameters: Vec<String> =
            f.parameters.iter().map(|p| format!("{}:{} nullable={}", p.name, resolve(&p.ty), p.nullable)).collect();
        facts.insert(format!("Function {}: bound", f.name), f.is_bound.to_string());
        facts.insert(format!("Function {}: parameters", f.name), parameters.join(", "));
        let returns = f.return_type.as_ref().map(|r| format!("{} nullable={}", resolve(&r.ty), r.nullable));
        facts.insert(format!("Function {}: returns", f.name), returns.unwrap_or_default());
    }
    super::container_facts::container_facts(document, schema, &mut facts);
    facts
}

#[cfg(test)]
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
        assert!(missing.iter().all(|d| d.left.is_some() && d.right.is_none()) && missing.len() == 8, "{missing:?}");
    }
}
