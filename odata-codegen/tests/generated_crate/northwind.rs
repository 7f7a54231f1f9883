//! Copied into the crate generated from Northwind's V4 `$metadata` by
//! `odata-codegen/tests/containers.rs` (the harness writes it, with the document beside it as
//! `tests/northwind-v4.xml`), and run there with `cargo test`: the generated container emits the
//! container it was generated from, and its entity sets take their keys typed.

use northwind_models::model::NorthwindEntities;
use odata_core::ODataService;
use odata_core::csdl::Document;
use odata_core::query::ServiceRoot;

const CSDL: &str = include_str!("northwind-v4.xml");

#[test]
fn the_generated_container_emits_the_document_it_came_from() {
    let official = Document::parse_xml(CSDL).unwrap_or_else(|e| panic!("northwind-v4.xml: {e}"));
    let ours = Document::builder().add_container::<NorthwindEntities>().build();
    let mut report = Vec::new();
    for namespace in ["ODataWebExperimental.Northwind.Model", "NorthwindModel"] {
        for difference in official.schema_differences(&ours, namespace) {
            report.push(format!("{namespace}: {difference}"));
        }
    }
    // Issue 13 also finds that codegen drops `Nullable="false"` of single-valued navigation
    // properties; that is another part of the issue, whose merge empties this list. Nothing else
    // may differ, before or after it.
    let dropped_navigation_nullability = [
        r#"NorthwindModel: EntityType Order_Detail.Order: navigation: "NorthwindModel.Order nullable=false contains_target=false" | "NorthwindModel.Order nullable=true contains_target=false""#,
        r#"NorthwindModel: EntityType Order_Detail.Product: navigation: "NorthwindModel.Product nullable=false contains_target=false" | "NorthwindModel.Product nullable=true contains_target=false""#,
        r#"NorthwindModel: EntityType Territory.Region: navigation: "NorthwindModel.Region nullable=false contains_target=false" | "NorthwindModel.Region nullable=true contains_target=false""#,
    ];
    assert!(
        report.is_empty() || report == dropped_navigation_nullability,
        "the document | what the generated container emits:\n{}",
        report.join("\n")
    );
    // The container itself, element for element: the sets in document order, with their
    // bindings in document order.
    let container = |document: &Document| {
        let schema = document.schema("ODataWebExperimental.Northwind.Model").expect("the container's schema");
        schema.entity_container.clone().expect("a container")
    };
    assert_eq!(container(&ours), container(&official));
}

#[test]
fn entity_sets_take_their_keys_typed() {
    let root = ServiceRoot::new("https://services.odata.org/V4/Northwind/Northwind.svc").expect("a service root");
    let northwind = NorthwindEntities::at(&root);
    assert_eq!(northwind.products.key(1).path(), "Products(1)");
    assert_eq!(northwind.customers.key("ALFKI").path(), "Customers('ALFKI')");
    assert_eq!(northwind.customers.key("O'Brien's").path(), "Customers('O''Brien''s')");
    assert_eq!(northwind.order_details.key((10248, 11)).path(), "Order_Details(OrderID=10248,ProductID=11)");
    assert_eq!(
        northwind.current_product_lists.key((1, "Chai".to_owned())).url(),
        "https://services.odata.org/V4/Northwind/Northwind.svc/Current_Product_Lists(ProductID=1,ProductName='Chai')"
    );
    let info = NorthwindEntities::CONTAINER_INFO;
    assert_eq!((info.qualified_name, info.entity_sets.len()), ("ODataWebExperimental.Northwind.Model.NorthwindEntities", 26));
}
