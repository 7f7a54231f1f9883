//! Out-of-line annotations from another document (`Options::annotations`, `--annotations FILE`):
//! descriptions kept apart from the service's metadata become the generated docs.

use odata_codegen::{Options, annotation_groups, generate};
use odata_core::csdl::Document;

const SERVICE: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
  <edmx:DataServices>
    <Schema Namespace="example.shop" Alias="shop" xmlns="http://docs.oasis-open.org/odata/ns/edm">
      <EntityType Name="product">
        <Key><PropertyRef Name="id"/></Key>
        <Property Name="id" Type="Edm.String" Nullable="false"/>
        <Property Name="name" Type="Edm.String">
          <Annotation Term="Core.Description" String="The service's own words."/>
        </Property>
        <Property Name="size" Type="shop.size"/>
        <Property Name="tag" Type="Edm.String"/>
        <NavigationProperty Name="related" Type="Collection(shop.product)"/>
      </EntityType>
      <ComplexType Name="size">
        <Property Name="width" Type="Edm.Int32"/>
      </ComplexType>
      <EnumType Name="color">
        <Member Name="red" Value="0"/>
        <Member Name="green" Value="1"/>
      </EnumType>
      <Annotations Target="shop.product/tag">
        <Annotation Term="Org.OData.Core.V1.Description" String="From the service's Annotations."/>
      </Annotations>
    </Schema>
  </edmx:DataServices>
</edmx:Edmx>
"#;

const DESCRIPTIONS: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
  <edmx:Reference Uri="https://oasis-tcs.github.io/odata-vocabularies/vocabularies/Org.OData.Core.V1.xml">
    <edmx:Include Namespace="Org.OData.Core.V1" Alias="Core"/>
  </edmx:Reference>
  <edmx:DataServices>
    <Schema Namespace="example.docs" xmlns="http://docs.oasis-open.org/odata/ns/edm">
      <Annotations Target="example.shop.product">
        <Annotation Term="Org.OData.Core.V1.Description" String="Anything sold."/>
      </Annotations>
      <Annotations Target="example.shop.product/id">
        <Annotation Term="Org.OData.Core.V1.Description" String="The product number.&#xA;&#xA;Read-only."/>
      </Annotations>
      <Annotations Target="example.shop.product/name">
        <Annotation Term="Org.OData.Core.V1.Description" String="The docs' words."/>
      </Annotations>
      <Annotations Target="shop.product/related">
        <Annotation Term="Core.Description" String="Products bought with this one."/>
      </Annotations>
      <Annotations Target="example.shop.size/width">
        <Annotation Term="Org.OData.Core.V1.Description" String="In millimetres."/>
        <Annotation Term="Org.OData.Core.V1.Description" Qualifier="fr" String="En millimètres."/>
      </Annotations>
      <Annotations Target="example.shop.color/green">
        <Annotation Term="Org.OData.Core.V1.Description" String="Like grass."/>
      </Annotations>
      <Annotations Target="example.shop.product/weight">
        <Annotation Term="Org.OData.Core.V1.Description" String="No such property."/>
      </Annotations>
      <Annotations Target="example.shop.gadget">
        <Annotation Term="Org.OData.Core.V1.Description" String="No such type."/>
      </Annotations>
    </Schema>
  </edmx:DataServices>
</edmx:Edmx>
"#;

fn shop(options: &Options) -> (String, Vec<String>) {
    let document = Document::parse_xml(SERVICE).expect("valid CSDL");
    let generated = generate(&document, options).expect("generates");
    let warnings = generated.summary.warnings.iter().map(ToString::to_string).collect();
    (generated.files["shop.rs"].clone(), warnings)
}

fn with_descriptions() -> (String, Vec<String>) {
    let descriptions = Document::parse_xml(DESCRIPTIONS).expect("valid CSDL");
    shop(&Options::new().annotations(annotation_groups(&descriptions)))
}

fn assert_contains(text: &str, snippet: &str) {
    assert!(text.contains(snippet), "missing:\n{snippet}\n--- in ---\n{text}");
}

#[test]
fn annotation_groups_are_read_from_every_schema_in_order() {
    let descriptions = Document::parse_xml(DESCRIPTIONS).expect("valid CSDL");
    let groups = annotation_groups(&descriptions);
    assert_eq!(groups.len(), 8);
    assert_eq!(groups[0].target, "example.shop.product");
    assert_eq!(groups[4].annotations.len(), 2);
}

#[test]
fn descriptions_document_types_properties_navigation_properties_and_members() {
    let (shop, _) = with_descriptions();
    assert_contains(&shop, "/// Anything sold.\n#[derive(odata_core::ODataEntity");
    assert_contains(
        &shop,
        "    /// The product number.\n    ///\n    /// Read-only.\n    #[odata(nullable = false)]\n    pub id:",
    );
    assert_contains(&shop, "    /// Products bought with this one.\n    #[odata(navigation)]\n    pub related:");
    assert_contains(&shop, "    /// Like grass.\n    Green,");
    // A qualified description is another annotation; only the unqualified one is the doc.
    assert_contains(&shop, "    /// In millimetres.\n    pub width: Option<i32>,");
    assert!(!shop.contains("millimètres"), "{shop}");
    // Elements the document does not describe keep the generated fallback.
    assert_contains(&shop, "    /// `red`\n    Red,");
}

#[test]
fn an_added_description_replaces_the_one_the_element_has() {
    let (plain, _) = shop(&Options::default());
    assert_contains(&plain, "    /// The service's own words.\n    pub name:");
    let (shop, _) = with_descriptions();
    assert_contains(&shop, "    /// The docs' words.\n    pub name: Option<String>,");
    assert!(!shop.contains("own words"), "{shop}");
    // One the added document does not mention stays.
    assert_contains(&shop, "    /// From the service's Annotations.\n    pub tag:");
}

#[test]
fn targets_that_name_nothing_are_skipped_with_a_warning() {
    let (shop, warnings) = with_descriptions();
    assert!(!shop.contains("No such"), "{shop}");
    assert!(
        warnings.iter().any(|w| w.contains(r#"<Annotations Target="example.shop.product/weight">"#)
            && w.contains("`example.shop.product` has no property, navigation property or member `weight`")),
        "{warnings:#?}"
    );
    assert!(
        warnings
            .iter()
            .any(|w| w.contains("`example.shop.gadget` is not a schema, type, operation or entity container")),
        "{warnings:#?}"
    );
    assert_eq!(warnings.len(), 2, "{warnings:#?}");
}

/// The Core vocabulary under SAP's alias, as SAP's services include it (the corpus'
/// `sap-rap-service.xml` writes `SAP__core.Computed` in an `<Annotations>` group).
const SAP_STYLE: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
  <edmx:Reference Uri="/sap/opu/odata/IWFND/CATALOGSERVICE;v=2/Vocabularies(TechnicalName='%2FIWBEP%2FVOC_CORE',Version='0001',SAP__Origin='LOCAL')/$value">
    <edmx:Include Namespace="Org.OData.Core.V1" Alias="SAP__core"/>
  </edmx:Reference>
  <edmx:DataServices>
    <Schema Namespace="example.sap" Alias="SAP__self" xmlns="http://docs.oasis-open.org/odata/ns/edm">
      <EntityType Name="order">
        <Key><PropertyRef Name="id"/></Key>
        <Property Name="id" Type="Edm.Guid" Nullable="false"/>
        <Property Name="created" Type="Edm.DateTimeOffset">
          <Annotation Term="SAP__core.Computed"/>
          <Annotation Term="SAP__core.Description" String="When the order was placed."/>
        </Property>
        <Property Name="note" Type="Edm.String">
          <Annotation Term="SAP__core.Computed" Qualifier="draft"/>
        </Property>
        <Property Name="total" Type="Edm.Decimal"/>
      </EntityType>
      <Annotations Target="SAP__self.order/id">
        <Annotation Term="SAP__core.Computed"/>
      </Annotations>
    </Schema>
  </edmx:DataServices>
</edmx:Edmx>
"#;

/// Descriptions of `SAP_STYLE` from a document with an alias of its own for the Core vocabulary.
const SAP_DESCRIPTIONS: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
  <edmx:Reference Uri="https://oasis-tcs.github.io/odata-vocabularies/vocabularies/Org.OData.Core.V1.xml">
    <edmx:Include Namespace="Org.OData.Core.V1" Alias="Vocabulary"/>
  </edmx:Reference>
  <edmx:Reference Uri="https://example.org/$metadata">
    <edmx:Include Namespace="example.sap" Alias="orders"/>
  </edmx:Reference>
  <edmx:DataServices>
    <Schema Namespace="example.docs" xmlns="http://docs.oasis-open.org/odata/ns/edm">
      <Annotations Target="orders.order/total">
        <Annotation Term="Vocabulary.Description" String="With tax."/>
        <Annotation Term="Vocabulary.Computed" Bool="true"/>
      </Annotations>
    </Schema>
  </edmx:DataServices>
</edmx:Edmx>
"#;

#[test]
fn core_terms_are_recognised_through_any_alias_of_the_vocabulary() {
    let document = Document::parse_xml(SAP_STYLE).expect("valid CSDL");
    let descriptions = Document::parse_xml(SAP_DESCRIPTIONS).expect("valid CSDL");
    let groups = annotation_groups(&descriptions);
    // Full names, through the describing document's own aliases.
    assert_eq!(groups[0].target, "example.sap.order/total");
    let terms: Vec<&str> = groups[0].annotations.iter().map(|a| a.term.as_str()).collect();
    assert_eq!(terms, ["Org.OData.Core.V1.Description", "Org.OData.Core.V1.Computed"]);
    let generated = generate(&document, &Options::new().annotations(groups)).expect("generates");
    assert!(generated.summary.warnings.is_empty(), "{:#?}", generated.summary.warnings);
    let sap = &generated.files["sap.rs"];
    // Inline and in the service's own `<Annotations>` group, through `SAP__core`.
    assert_contains(sap, "    #[odata(nullable = false, read_only)]\n    pub id: Option<uuid::Uuid>,");
    assert_contains(
        sap,
        "    /// When the order was placed.\n    #[odata(read_only)]\n    pub created: Option<odata_core::DateTimeOffset>,",
    );
    // A qualified `Computed` holds only where its qualifier applies: the property stays writable.
    assert_contains(sap, "    /// `note` (`Edm.String`).\n    pub note: Option<String>,");
    // From the other document, through its aliases.
    assert_contains(sap, "    /// With tax.\n    #[odata(read_only)]\n    pub total: Option<odata_core::Decimal>,");
}

/// Graph v1.0's `$metadata` marks 201 properties `Org.OData.Core.V1.Computed` in `<Annotations>`
/// groups: each is generated `read_only`, and nothing else is. It also marks four navigation
/// properties, outside the term's `AppliesTo="Property"`: each is a warning.
#[test]
fn graph_v1_properties_marked_computed_are_generated_read_only() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/graph/csdl/graph-v1.0.xml");
    let document = Document::parse_xml(&std::fs::read_to_string(path).expect("the Graph CSDL")).expect("valid CSDL");
    let is_property = |target: &str| {
        let Some((ty, property)) = target.split_once('/') else { return false };
        let ty = document.resolve_alias(ty);
        document.schemas.iter().any(|schema| {
            schema.entity_types.iter().chain(&schema.complex_types).any(|t| {
                format!("{}.{}", schema.namespace, t.name) == ty && t.properties.iter().any(|p| p.name == property)
            })
        })
    };
    let groups = document.schemas.iter().flat_map(|schema| &schema.annotation_groups);
    let computed = groups
        .filter(|g| g.annotations.iter().any(|a| document.resolve_term(&a.term) == "Org.OData.Core.V1.Computed"))
        .filter(|g| is_property(&g.target))
        .count();
    assert_eq!(computed, 201);
    let generated = generate(&document, &Options::default()).expect("generates");
    let on_navigation: Vec<String> =
        generated.summary.warnings.iter().map(ToString::to_string).filter(|w| w.contains("Core.Computed")).collect();
    let warning = |line: u32, property: &str, ty: &str| {
        format!(
            "line {line}, <NavigationProperty Name=\"{property}\"> of microsoft.graph.{ty}: its `Core.Computed` is not \
             kept: the term applies to structural properties only (the derive's `read_only` is theirs)"
        )
    };
    assert_eq!(
        on_navigation,
        [
            warning(17573, "windowsProtectionState", "managedDevice"),
            warning(17673, "contentVersions", "managedMobileLobApp"),
            warning(17837, "contentVersions", "mobileLobApp"),
            warning(22489, "committedContainedApps", "windowsUniversalAppX"),
        ]
    );
    // The attribute, on one line or one argument per line; not a field named `read_only`.
    let attributes: usize = generated
        .files
        .values()
        .flat_map(|file| file.lines())
        .map(str::trim)
        .filter(|line| {
            (line.starts_with("#[odata(") && (line.contains("(read_only") || line.contains(", read_only")))
                || *line == "read_only,"
                || *line == "read_only"
        })
        .count();
    assert_eq!(attributes, computed);
}
