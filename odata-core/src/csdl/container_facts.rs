//! The facts `Document::schema_differences` compares about a schema's entity container: its
//! name, each entity set's and singleton's type and navigation property bindings, each import's
//! operation and entity set, and `IncludeInServiceDocument` with its defaults applied (so that
//! a document that spells out a default states the same as one that leaves it out).

use std::collections::BTreeMap;

use super::{Document, Schema};

/// Adds the container's facts to `facts`, names resolved through the document's aliases.
pub(super) fn container_facts(document: &Document, schema: &Schema, facts: &mut BTreeMap<String, String>) {
    let Some(container) = &schema.entity_container else { return };
    let resolve = |name: &str| document.resolve_alias(name);
    facts.insert("EntityContainer: name".to_owned(), container.name.clone());
    for (kind, sets) in [("EntitySet", &container.entity_sets), ("Singleton", &container.singletons)] {
        for set in sets {
            let at = format!("{kind} {}", set.name);
            facts.insert(format!("{at}: type"), resolve(&set.entity_type));
            if kind == "EntitySet" {
                let include = set.include_in_service_document.unwrap_or(true);
                facts.insert(format!("{at}: include in service document"), include.to_string());
            }
            for (path, target) in &set.navigation_bindings {
                facts.insert(format!("{at}.{path}: binding"), target.clone());
            }
        }
    }
    for import in &container.operation_imports {
        let (kind, include) = if import.is_action {
            ("ActionImport", String::new())
        } else {
            let include = import.include_in_service_document.unwrap_or(false);
            ("FunctionImport", format!(" include_in_service_document={include}"))
        };
        let entity_set = import.entity_set.as_deref().unwrap_or("");
        facts.insert(
            format!("{kind} {}", import.name),
            format!("{} entity_set={entity_set}{include}", resolve(&import.operation)),
        );
    }
}

#[cfg(all(test, feature = "csdl-xml"))]
#[allow(clippy::unwrap_used)] // Tests may unwrap: a panic is a failed test.
mod tests {
    use super::super::Document;

    const LEFT: &str = r#"<edmx:Edmx xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx" Version="4.0"><edmx:DataServices>
<Schema xmlns="http://docs.oasis-open.org/odata/ns/edm" Namespace="ns" Alias="self">
<EntityType Name="t"><Key><PropertyRef Name="id"/></Key><Property Name="id" Type="Edm.String" Nullable="false"/><NavigationProperty Name="parent" Type="self.t"/></EntityType>
<Function Name="f"><ReturnType Type="Edm.String"/></Function>
<EntityContainer Name="c">
<EntitySet Name="ts" EntityType="self.t"><NavigationPropertyBinding Path="parent" Target="ts"/></EntitySet>
<Singleton Name="me" Type="ns.t"/>
<FunctionImport Name="fi" Function="self.f" EntitySet="ts"/>
</EntityContainer>
</Schema></edmx:DataServices></edmx:Edmx>"#;

    #[test]
    fn containers_are_compared_member_by_member_with_defaults_applied() {
        let left = Document::parse_xml(LEFT).unwrap();
        assert!(left.schema_differences(&left, "ns").is_empty());
        // Spelling out the defaults and the aliases states the same facts.
        let same = LEFT
            .replace(r#"EntityType="self.t">"#, r#"EntityType="ns.t" IncludeInServiceDocument="true">"#)
            .replace(r#"EntitySet="ts"/>"#, r#"EntitySet="ts" IncludeInServiceDocument="false"/>"#);
        assert!(left.schema_differences(&Document::parse_xml(&same).unwrap(), "ns").is_empty());
        let changed = LEFT
            .replace(r#"Target="ts""#, r#"Target="me""#)
            .replace(
                r#"<Singleton Name="me" Type="ns.t"/>"#,
                r#"<Singleton Name="me" Type="ns.t"/><Singleton Name="you" Type="ns.t"/>"#,
            )
            .replace(r#"EntitySet="ts"/>"#, r#"IncludeInServiceDocument="true"/>"#);
        let right = Document::parse_xml(&changed).unwrap();
        let shown: Vec<String> = left.schema_differences(&right, "ns").iter().map(ToString::to_string).collect();
        assert_eq!(
            shown,
            [
                r#"EntitySet ts.parent: binding: "ts" | "me""#,
                r#"FunctionImport fi: "ns.f entity_set=ts include_in_service_document=false" | "ns.f entity_set= include_in_service_document=true""#,
                r#"Singleton you: type: (none) | "ns.t""#,
            ]
        );
    }
}
