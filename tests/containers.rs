//! Entity containers written by hand with `#[derive(ODataService)]`: typed keys and their URLs,
//! singletons and imports, and the `<EntityContainer>` the derive emits, compared with the real
//! Northwind V4 `$metadata` (`tests/fixtures/northwind/`).

use odata_core::container::{ActionImport, EntitySet, FunctionImport, Singleton};
use odata_core::csdl::{Document, EntityContainer};
use odata_core::query::{InvalidServiceRoot, Query, ServiceRoot, UrlConventions};
use odata_core::{Navigation, ODataAction, ODataEntity, ODataFunction, ODataService};

const NORTHWIND: &str = include_str!("fixtures/northwind/northwind-v4.xml");

/// Three of Northwind's entity types, with the navigation properties between them.
#[derive(ODataEntity, Debug, Default)]
#[odata(type = "NorthwindModel.Category", key_property = "CategoryID")]
struct Category {
    #[odata(rename = "CategoryID", nullable = false)]
    category_id: Option<i32>,
    #[odata(rename = "CategoryName", nullable = false)]
    category_name: Option<String>,
    #[odata(navigation, rename = "Products")]
    products: Navigation<Vec<Product>>,
}

#[derive(ODataEntity, Debug, Default)]
#[odata(type = "NorthwindModel.Product", key_property = "ProductID")]
struct Product {
    #[odata(rename = "ProductID", nullable = false)]
    product_id: Option<i32>,
    #[odata(rename = "ProductName", nullable = false)]
    product_name: Option<String>,
    #[odata(navigation, rename = "Category")]
    category: Navigation<Category>,
    #[odata(navigation, rename = "Order_Details")]
    order_details: Navigation<Vec<OrderDetail>>,
}

#[derive(ODataEntity, Debug, Default)]
#[odata(type = "NorthwindModel.Order_Detail", key_property = "OrderID", key_property = "ProductID")]
struct OrderDetail {
    #[odata(rename = "OrderID", nullable = false)]
    order_id: Option<i32>,
    #[odata(rename = "ProductID", nullable = false)]
    product_id: Option<i32>,
    #[odata(navigation, rename = "Product", nullable = false)]
    product: Navigation<Product>,
}

/// Northwind's container, with the sets of the three types and their bindings among them.
#[derive(ODataService, Debug, Clone)]
#[odata(namespace = "ODataWebExperimental.Northwind.Model", container = "NorthwindEntities")]
struct Northwind {
    #[odata(entity_set = "Categories", binding(path = "Products", target = "Products"))]
    categories: EntitySet<Category>,
    #[odata(entity_set = "Order_Details", binding(path = "Product", target = "Products"))]
    order_details: EntitySet<OrderDetail>,
    #[odata(
        entity_set = "Products",
        binding(path = "Category", target = "Categories"),
        binding(path = "Order_Details", target = "Order_Details")
    )]
    products: EntitySet<Product>,
}

fn northwind() -> Result<Northwind, InvalidServiceRoot> {
    Ok(Northwind::at(&ServiceRoot::new("https://services.odata.org/V4/Northwind/Northwind.svc/")?))
}

#[test]
fn keys_are_typed_and_written_as_the_url_conventions_say() -> Result<(), InvalidServiceRoot> {
    let northwind = northwind()?;
    assert_eq!(northwind.products.key(1).url(), "https://services.odata.org/V4/Northwind/Northwind.svc/Products(1)");
    assert_eq!(northwind.products.key(-7).path(), "Products(-7)");
    assert_eq!(northwind.order_details.key((10248, 11)).path(), "Order_Details(OrderID=10248,ProductID=11)");
    // A key reached through navigation is typed as well.
    let path = northwind.categories.key(1).navigate(Category::PRODUCTS).key(2).navigate(Product::ORDER_DETAILS);
    assert_eq!(path.key((3, 2)).path(), "Categories(1)/Products(2)/Order_Details(OrderID=3,ProductID=2)");
    // The set is a resource: queries work on it as on any collection.
    let query = Query::<Product>::new().select(Product::PRODUCT_NAME).top(2);
    assert_eq!(northwind.products.url_with(&query), northwind.products.resource().url_with(&query));
    assert!(northwind.products.url_with(&query).ends_with("/Products?$select=ProductName&$top=2"));
    Ok(())
}

#[derive(ODataEntity, Debug, Default)]
#[odata(type = "example.customer", key_property = "id")]
struct Customer {
    #[odata(nullable = false)]
    id: Option<String>,
}

#[derive(ODataEntity, Debug, Default)]
#[odata(type = "example.device", key_property = "tenant", key_property = "serial")]
struct Device {
    #[odata(nullable = false)]
    tenant: Option<uuid::Uuid>,
    #[odata(nullable = false)]
    serial: Option<String>,
}

#[test]
fn string_keys_are_quoted_escaped_and_kept_inside_their_segment() -> Result<(), InvalidServiceRoot> {
    let root = ServiceRoot::new("http://h/s")?;
    let customers = root.entity_set::<Customer>("Customers");
    assert_eq!(customers.clone().key("ALFKI").path(), "Customers('ALFKI')");
    assert_eq!(customers.clone().key("O'Brien/x?y#z").path(), "Customers('O''Brien%2Fx%3Fy%23z')");
    assert_eq!(customers.clone().key(String::from("a b")).path(), "Customers('a%20b')");
    let tenant = uuid::Uuid::from_u128(0x0123_4567_89ab_cdef_0123_4567_89ab_cdef);
    let devices = root.entity_set::<Device>("Devices");
    assert_eq!(
        devices.clone().key((tenant, "s'1".to_owned())).path(),
        "Devices(tenant=01234567-89ab-cdef-0123-456789abcdef,serial='s''1')"
    );
    // Keys as segments (Graph's convention) apply to single keys; compound keys keep parentheses.
    let graph = root.with_conventions(UrlConventions::GRAPH);
    assert_eq!(graph.entity_set::<Customer>("customers").key("a'b/c").path(), "customers/a'b%2Fc");
    assert_eq!(
        graph.entity_set::<Device>("devices").key((tenant, "x".to_owned())).path(),
        "devices(tenant=01234567-89ab-cdef-0123-456789abcdef,serial='x')"
    );
    Ok(())
}

#[test]
fn an_inherited_key_is_the_base_types() {
    use odata_graph::call_records::Session;
    fn key_of<E: ODataEntity>(_: E::Key) {}
    key_of::<Session>(String::from("inherited from microsoft.graph.entity"));
    let sessions = ServiceRoot::graph_v1().entity_set::<Session>("sessions");
    assert_eq!(sessions.key("e523d2ed").path(), "sessions/e523d2ed");
}

#[derive(ODataFunction, Debug)]
#[odata(name = "example.topCustomers", returns = "Vec<Customer>")]
struct TopCustomers {
    count: i32,
    region: String,
}

#[derive(ODataAction, Debug)]
#[odata(name = "example.resetDataSource")]
struct ResetDataSource;

#[derive(ODataService, Debug, Clone)]
#[odata(namespace = "example", container = "Shop")]
struct Shop {
    #[odata(entity_set = "Customers", include_in_service_document = false)]
    customers: EntitySet<Customer>,
    #[odata(singleton = "Me")]
    me: Singleton<Customer>,
    #[odata(function_import = "TopCustomers", entity_set = "Customers", include_in_service_document = true)]
    top_customers: FunctionImport<TopCustomers>,
    #[odata(action_import = "ResetDataSource")]
    reset_data_source: ActionImport<ResetDataSource>,
}

#[test]
fn singletons_and_imports_are_addressed_at_the_root() -> Result<(), InvalidServiceRoot> {
    let shop = Shop::at(&ServiceRoot::new("http://h/s")?);
    assert_eq!(shop.me.url(), "http://h/s/Me");
    assert_eq!(shop.customers.key("c1").url(), "http://h/s/Customers('c1')");
    let top: odata_core::query::Resource<Vec<Customer>> =
        shop.top_customers.call(&TopCustomers { count: 3, region: "it's".into() });
    assert_eq!(top.url(), "http://h/s/TopCustomers(count=3,region='it''s')");
    assert_eq!(shop.reset_data_source.resource().url(), "http://h/s/ResetDataSource");
    Ok(())
}

#[test]
fn the_shop_container_is_emitted_with_every_member() {
    let document = Document::builder().add_container::<Shop>().build();
    let xml = document.to_xml();
    let start = xml.find("<EntityContainer").unwrap_or_else(|| panic!("no container in {xml}"));
    let end = xml.find("</EntityContainer>").unwrap_or_else(|| panic!("no container end in {xml}"));
    assert_eq!(
        &xml[start..end],
        concat!(
            "<EntityContainer Name=\"Shop\">\n",
            "        <EntitySet Name=\"Customers\" EntityType=\"example.customer\" IncludeInServiceDocument=\"false\" />\n",
            "        <Singleton Name=\"Me\" Type=\"example.customer\" />\n",
            "        <FunctionImport Name=\"TopCustomers\" Function=\"example.topCustomers\" EntitySet=\"Customers\" IncludeInServiceDocument=\"true\" />\n",
            "        <ActionImport Name=\"ResetDataSource\" Action=\"example.resetDataSource\" />\n",
            "      "
        )
    );
    // What it reaches is in the document: the entity type, the function and the action.
    let schema = document.schema("example").unwrap_or_else(|| panic!("no schema"));
    assert_eq!((schema.entity_types.len(), schema.functions.len(), schema.actions.len()), (1, 1, 1));
    // Read back, it is the same document; in CSDL JSON it is the document's container.
    let again = Document::parse_xml(&xml).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(again.without_lines(), document);
    let json = document.to_json();
    assert_eq!(json["$EntityContainer"], "example.Shop");
    assert_eq!(json["example"]["Shop"]["Customers"]["$IncludeInServiceDocument"], false);
    assert_eq!(json["example"]["Shop"]["TopCustomers"]["$IncludeInServiceDocument"], true);
}

/// The derive's container is Northwind's, restricted to the sets it declares (and the bindings
/// between them): compared element by element with the real document.
#[test]
fn the_hand_written_container_is_northwinds() {
    let official = Document::parse_xml(NORTHWIND).unwrap_or_else(|e| panic!("northwind-v4.xml: {e}"));
    let namespace = "ODataWebExperimental.Northwind.Model";
    let container = |document: &Document| -> EntityContainer {
        let schema = document.schema(namespace).unwrap_or_else(|| panic!("no {namespace}"));
        schema.entity_container.clone().unwrap_or_else(|| panic!("no container"))
    };
    let ours = container(&Document::builder().add_container::<Northwind>().build());
    let mut expected = container(&official);
    let declared: Vec<&str> = Northwind::CONTAINER_INFO.entity_sets.iter().map(|s| s.name).collect();
    expected.entity_sets.retain(|set| declared.contains(&set.name.as_str()));
    for set in &mut expected.entity_sets {
        set.navigation_bindings.retain(|(_, target)| declared.contains(&target.as_str()));
    }
    expected.entity_sets.sort_by(|a, b| a.name.cmp(&b.name));
    assert_eq!(ours, expected);
    assert_eq!(ours.entity_sets.iter().map(|s| s.navigation_bindings.len()).sum::<usize>(), 4);
}

/// README's example of containers is `odata_core::container`'s doc test, so it compiles.
#[test]
fn readme_shows_the_container_doc_test() {
    let readme = include_str!("../README.md");
    let module = include_str!("../odata-core/src/container.rs");
    let doc: Vec<&str> = module.lines().take_while(|line| line.starts_with("//!")).collect();
    let start = doc.iter().position(|line| *line == "//! ```").unwrap_or_else(|| panic!("no doc test"));
    let end =
        start + 1 + doc[start + 1..].iter().position(|line| *line == "//! ```").unwrap_or_else(|| panic!("no end"));
    let code: String = doc[start + 1..end]
        .iter()
        .map(|line| line.strip_prefix("//! ").unwrap_or(line.trim_start_matches("//!")))
        .filter(|line| !line.starts_with("# "))
        .map(|line| format!("{line}\n"))
        .collect();
    assert!(
        readme.contains(&format!("```rust\n{code}```")),
        "README.md and odata_core::container's doc test differ:\n{code}"
    );
}
