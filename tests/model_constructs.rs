//! The model constructs beyond types and properties, from the derive attributes to CSDL:
//! navigation partners and referential constraints, facets, media entities (`HasStream`),
//! enumeration underlying types, type definitions, binding-parameter nullability, operation
//! overloads and computed (read-only) properties. Each test states what the derives put in the runtime tables and what CSDL the
//! document builder writes from them, exactly.

use odata_core::csdl::Document;
use odata_core::query::ServiceRoot;
use odata_core::request::ReadRequest;
use odata_core::{
    AdditionalData, Decimal, FacetInfo, MaxLength, MediaEntity, Navigation, ODataAction, ODataComplex, ODataEntity,
    ODataEnum, ODataFunction, ODataOperation, ODataType, ODataTypeDefinition, Scale, Srid,
};

/// A type definition: an `Edm.Decimal` with precision and scale.
#[derive(ODataTypeDefinition, Debug, Clone, PartialEq)]
#[odata(type = "example.shop.money", precision = 19, scale = 4)]
pub struct Money(pub Decimal);

/// An enumeration of `Edm.Byte` values.
#[derive(ODataEnum, Debug, Clone, PartialEq)]
#[odata(type = "example.shop.level", underlying_type = "Edm.Byte")]
pub enum Level {
    /// `low`.
    Low,
    /// `high`.
    #[odata(value = 200)]
    High,
}

/// The principal end of `order.customer`.
#[derive(ODataEntity, Debug, Default)]
#[odata(type = "example.shop.customer", key_property = "id")]
pub struct Customer {
    /// `id`.
    #[odata(nullable = false, max_length = 40, unicode = false)]
    pub id: Option<String>,
    /// `name`.
    #[odata(max_length = "max", default_value = "anonymous")]
    pub name: Option<String>,
    /// `orders`.
    #[odata(navigation, partner = "customer")]
    pub orders: Navigation<Vec<Order>>,
    /// `additional_data`.
    pub additional_data: AdditionalData,
}

/// A media entity with facets, a type definition and a constrained navigation property.
#[derive(ODataEntity, Debug, Default)]
#[odata(type = "example.shop.order", key_property = "id", has_stream)]
pub struct Order {
    /// `id`.
    #[odata(nullable = false)]
    pub id: Option<i32>,
    /// `customer_id`.
    #[odata(nullable = false, max_length = 40, unicode = false)]
    pub customer_id: Option<String>,
    /// `total`.
    pub total: Option<Money>,
    /// `discount`.
    #[odata(precision = 5, scale = "variable")]
    pub discount: Option<Decimal>,
    /// `place`.
    #[odata(srid = 4326)]
    pub place: Option<String>,
    /// `level`.
    pub level: Option<Level>,
    /// `placed`, set by the service.
    #[odata(read_only)]
    pub placed: Option<odata_core::DateTimeOffset>,
    /// `customer`.
    #[odata(
        navigation,
        nullable = false,
        partner = "orders",
        referential_constraint(property = "customerId", referenced_property = "id")
    )]
    pub customer: Navigation<Customer>,
    /// `additional_data`.
    pub additional_data: AdditionalData,
}

/// A complex type nothing refers to, registered all the same.
#[derive(ODataComplex, Debug, Default)]
#[odata(type = "example.shop.note")]
pub struct Note {
    /// `text`.
    pub text: Option<String>,
    /// `additional_data`.
    pub additional_data: AdditionalData,
}

/// A navigation property whose partner and constraint are paths (through a type cast and a
/// complex property), as CSDL allows.
#[derive(ODataEntity, Debug, Default)]
#[odata(type = "example.shop.special", key_property = "id")]
pub struct Special {
    /// `id`.
    #[odata(nullable = false)]
    pub id: Option<String>,
    /// `owner`.
    #[odata(
        navigation,
        partner = "example.shop.special/orders",
        referential_constraint(property = "ref/id", referenced_property = "id")
    )]
    pub owner: Navigation<Customer>,
}

/// `total` bound to one order, whose binding parameter is never null.
#[derive(ODataFunction)]
#[odata(
    name = "example.shop.total",
    bound_to = "Order",
    binding_nullable = false,
    returns = "Money",
    return_nullable = false
)]
pub struct Total;

/// `total` bound to the collection of orders: an overload.
#[derive(ODataFunction)]
#[odata(
    name = "example.shop.total",
    bound_to = "Vec<Order>",
    returns = "Decimal",
    return_facets(precision = 19, scale = 4)
)]
pub struct TotalOfOrders {
    /// `since`.
    #[odata(nullable = false, precision = 3)]
    pub since: odata_core::DateTimeOffset,
}

/// `ship` bound to an order; [`ShipAll`] is its overload for the collection.
#[derive(ODataAction)]
#[odata(name = "example.shop.ship", bound_to = "Order", binding_nullable = false)]
pub struct Ship {
    /// `note`.
    #[odata(max_length = 200)]
    pub note: Option<String>,
}

/// `ship` bound to the collection of orders.
#[derive(ODataAction)]
#[odata(name = "example.shop.ship", bound_to = "Vec<Order>")]
pub struct ShipAll;

fn document() -> Document {
    Document::builder()
        .add_type::<Order>()
        .add_operation::<Total>()
        .add_operation::<TotalOfOrders>()
        .add_operation::<Ship>()
        .add_operation::<ShipAll>()
        .build()
}

#[test]
fn the_runtime_tables_hold_every_construct() {
    let order = Order::TYPE_INFO;
    assert!(order.has_stream && !Customer::TYPE_INFO.has_stream);
    let customer = order.navigation_property("customer").unwrap();
    assert_eq!((customer.nullable, customer.partner), (false, Some("orders")));
    let constraints: Vec<(&str, &str)> =
        customer.referential_constraints.iter().map(|c| (c.property, c.referenced_property)).collect();
    assert_eq!(constraints, [("customerId", "id")]);
    assert_eq!(
        order.property("discount").unwrap().facets,
        FacetInfo { precision: Some(5), scale: Some(Scale::Variable), ..FacetInfo::NONE }
    );
    assert_eq!(order.property("place").unwrap().facets.srid, Some(Srid::Id(4326)));
    assert_eq!(
        Customer::TYPE_INFO.property("name").unwrap().facets,
        FacetInfo { max_length: Some(MaxLength::Max), default_value: Some("anonymous"), ..FacetInfo::NONE }
    );
    assert_eq!(Level::TYPE_INFO.underlying_type, Some("Edm.Byte"));
    let money = Money::TYPE_INFO;
    assert_eq!((money.kind, money.underlying_type), (odata_core::TypeKind::TypeDefinition, Some("Edm.Decimal")));
    assert_eq!((money.facets.precision, money.facets.scale), (Some(19), Some(Scale::Digits(4))));
    assert_eq!(order.property("total").unwrap().ty.name, "example.shop.money");
    let binding = |info: &odata_core::OperationInfo| info.binding.as_ref().map(|b| b.nullable);
    assert_eq!(binding(Total::OPERATION_INFO), Some(false));
    assert_eq!(binding(TotalOfOrders::OPERATION_INFO), Some(true));
    assert_eq!(TotalOfOrders::OPERATION_INFO.return_type.as_ref().unwrap().facets.scale, Some(Scale::Digits(4)));
    assert_eq!(TotalOfOrders::OPERATION_INFO.parameters[0].facets.precision, Some(3));
}

#[test]
fn partners_and_constraints_may_be_paths() {
    let owner = Special::TYPE_INFO.navigation_property("owner").unwrap();
    assert_eq!(owner.partner, Some("example.shop.special/orders"));
    assert_eq!(owner.referential_constraints[0].property, "ref/id");
}

#[test]
fn the_built_document_writes_every_construct_as_csdl_xml() {
    let xml = document().to_xml();
    let schema = &xml[xml.find("<Schema").unwrap()..xml.find("</Schema>").unwrap()];
    let expected = r#"<Schema Namespace="example.shop" xmlns="http://docs.oasis-open.org/odata/ns/edm">
      <EnumType Name="level" UnderlyingType="Edm.Byte">
        <Member Name="low" Value="0" />
        <Member Name="high" Value="200" />
      </EnumType>
      <TypeDefinition Name="money" UnderlyingType="Edm.Decimal" Precision="19" Scale="4" />
      <EntityType Name="customer">
        <Key>
          <PropertyRef Name="id" />
        </Key>
        <Property Name="id" Type="Edm.String" Nullable="false" MaxLength="40" Unicode="false" />
        <Property Name="name" Type="Edm.String" MaxLength="max" DefaultValue="anonymous" />
        <NavigationProperty Name="orders" Type="Collection(example.shop.order)" Partner="customer" />
      </EntityType>
      <EntityType Name="order" HasStream="true">
        <Key>
          <PropertyRef Name="id" />
        </Key>
        <Property Name="id" Type="Edm.Int32" Nullable="false" />
        <Property Name="customerId" Type="Edm.String" Nullable="false" MaxLength="40" Unicode="false" />
        <Property Name="total" Type="example.shop.money" />
        <Property Name="discount" Type="Edm.Decimal" Precision="5" Scale="variable" />
        <Property Name="place" Type="Edm.String" SRID="4326" />
        <Property Name="level" Type="example.shop.level" />
        <Property Name="placed" Type="Edm.DateTimeOffset">
          <Annotation Term="Core.Computed" Bool="true" />
        </Property>
        <NavigationProperty Name="customer" Type="example.shop.customer" Nullable="false" Partner="orders">
          <ReferentialConstraint Property="customerId" ReferencedProperty="id" />
        </NavigationProperty>
      </EntityType>
      <Function Name="total" IsBound="true">
        <Parameter Name="bindingParameter" Type="Collection(example.shop.order)" />
        <Parameter Name="since" Type="Edm.DateTimeOffset" Nullable="false" Precision="3" />
        <ReturnType Type="Edm.Decimal" Precision="19" Scale="4" />
      </Function>
      <Function Name="total" IsBound="true">
        <Parameter Name="bindingParameter" Type="example.shop.order" Nullable="false" />
        <ReturnType Type="example.shop.money" Nullable="false" />
      </Function>
      <Action Name="ship" IsBound="true">
        <Parameter Name="bindingParameter" Type="Collection(example.shop.order)" />
      </Action>
      <Action Name="ship" IsBound="true">
        <Parameter Name="bindingParameter" Type="example.shop.order" Nullable="false" />
        <Parameter Name="note" Type="Edm.String" MaxLength="200" />
      </Action>
    "#;
    assert_eq!(schema, expected);
    // The term of `placed`'s annotation is in scope through the reference to the Core vocabulary.
    let head = &xml[..xml.find("<edmx:DataServices>").unwrap()];
    assert!(
        head.ends_with(
            r#"<edmx:Reference Uri="https://oasis-tcs.github.io/odata-vocabularies/vocabularies/Org.OData.Core.V1.xml">
    <edmx:Include Namespace="Org.OData.Core.V1" Alias="Core" />
  </edmx:Reference>
  "#
        ),
        "{head}"
    );
    // And back: what is read is what was built.
    assert_eq!(Document::parse_xml(&xml).unwrap().without_lines(), document());
}

#[test]
fn the_json_form_has_every_construct() {
    let json = document().to_json();
    let schema = &json["example.shop"];
    let customer = &schema["order"]["customer"];
    assert_eq!(customer["$Partner"], "orders");
    assert_eq!(customer["$ReferentialConstraint"], serde_json::json!({"customerId": "id"}));
    assert_eq!(schema["order"]["$HasStream"], true);
    assert_eq!(schema["level"]["$UnderlyingType"], "Edm.Byte");
    assert_eq!(schema["money"]["$Kind"], "TypeDefinition");
    assert_eq!(schema["money"]["$Scale"], 4);
    assert_eq!(schema["total"].as_array().map(Vec::len), Some(2));
    assert_eq!(schema["ship"].as_array().map(Vec::len), Some(2));
    assert_eq!(schema["order"]["placed"]["@Core.Computed"], true);
    assert_eq!(
        json["$Reference"],
        serde_json::json!({
            "https://oasis-tcs.github.io/odata-vocabularies/vocabularies/Org.OData.Core.V1.xml": {
                "$Include": [{"$Namespace": "Org.OData.Core.V1", "$Alias": "Core"}]
            }
        })
    );
}

#[test]
fn a_computed_property_is_a_fact_of_the_schema() {
    // What a client may write is part of the schema: a document that drops `Core.Computed` differs.
    let built = document();
    let mut dropped = built.clone();
    for ty in &mut dropped.schemas[0].entity_types {
        ty.properties.iter_mut().for_each(|p| p.annotations.clear());
    }
    let differences: Vec<String> =
        built.schema_differences(&dropped, "example.shop").iter().map(ToString::to_string).collect();
    assert_eq!(
        differences,
        [
            r#"EntityType order.placed: property: "Edm.DateTimeOffset nullable=true computed" | "Edm.DateTimeOffset nullable=true""#
        ]
    );
    // A document without read-only properties references no vocabulary.
    assert!(Document::builder().add_type::<Note>().build().references.is_empty());
}

#[test]
fn a_type_definition_is_its_primitive_on_the_wire_and_in_urls() {
    let order: Order = serde_json::from_str(r#"{"id":7,"total":12.5}"#).unwrap();
    assert_eq!(order.total, Some(Money("12.5".parse().unwrap())));
    assert_eq!(serde_json::to_string(&order).unwrap(), r#"{"id":7,"total":12.5}"#);
    assert_eq!(Money::from_underlying("3".parse().unwrap()).as_underlying().to_string(), "3");
    assert_eq!(odata_core::query::UrlLiteral::to_literal(&Money("1.25".parse().unwrap())), "1.25");
}

#[test]
fn a_media_entity_reads_its_stream_annotations_and_addresses_its_stream() {
    let order: Order = serde_json::from_str(
        r#"{"id":7,"@odata.mediaReadLink":"https://cdn/o7","@odata.mediaEditLink":"Orders(7)/$value","@odata.mediaContentType":"image/jpeg","@odata.mediaEtag":"W/\"1\""}"#,
    )
    .unwrap();
    assert_eq!(order.media_read_link().as_deref(), Some("https://cdn/o7"));
    assert_eq!(order.media_edit_link().as_deref(), Some("Orders(7)/$value"));
    assert_eq!(order.media_content_type().as_deref(), Some("image/jpeg"));
    assert_eq!(order.media_etag().as_deref(), Some("W/\"1\""));
    let fresh = Order::default();
    assert_eq!(fresh.media_read_link(), None);
    let root = ServiceRoot::new("https://host/svc").unwrap();
    let stream = root.entity_set::<Order>("Orders").key(7).media_stream();
    assert_eq!(stream.url(), "https://host/svc/Orders(7)/$value");
    // Read with any media type, as the bytes sent.
    let request = ReadRequest::new(&stream);
    assert_eq!(request.to_http().unwrap().headers()["accept"], "*/*");
    let response = http::Response::builder().status(200).body(vec![0xff_u8, 0xd8, 0xff]).unwrap();
    assert_eq!(request.read_response(response).unwrap(), [0xff, 0xd8, 0xff]);
}

#[test]
fn overloads_are_distinct_operations_with_their_own_urls() {
    let root = ServiceRoot::new("https://host/svc").unwrap();
    let orders = root.entity_set::<Order>("Orders");
    assert_eq!(orders.clone().key(7).call(&Total).url(), "https://host/svc/Orders(7)/example.shop.total()");
    let since = TotalOfOrders { since: "2024-01-01T00:00:00Z".parse().unwrap() };
    assert_eq!(
        orders.clone().call(&since).url(),
        "https://host/svc/Orders/example.shop.total(since=2024-01-01T00:00:00Z)"
    );
    assert_eq!(orders.clone().key(7).action::<Ship>().url(), "https://host/svc/Orders(7)/example.shop.ship");
    assert_eq!(orders.action::<ShipAll>().url(), "https://host/svc/Orders/example.shop.ship");
    let graph = ServiceRoot::graph_v1().entity_set::<Order>("orders").key(7).action::<Ship>();
    assert_eq!(graph.url(), "https://graph.microsoft.com/v1.0/orders/7/ship");
}

#[test]
fn every_registered_overload_is_in_the_namespace_document() {
    let document = Document::builder().add_namespace("example.shop").build();
    let schema = document.schema("example.shop").unwrap();
    let bindings = |list: &[odata_core::csdl::Operation]| -> Vec<String> {
        list.iter().map(|o| format!("{}({})", o.name, o.parameters[0].ty)).collect()
    };
    assert_eq!(bindings(&schema.functions), ["total(Collection(example.shop.order))", "total(example.shop.order)"]);
    assert_eq!(bindings(&schema.actions), ["ship(Collection(example.shop.order))", "ship(example.shop.order)"]);
    // The complex type nothing refers to is there too, being registered.
    assert!(schema.complex_types.iter().any(|t| t.name == "note"));
    assert_eq!(Note::TYPE_INFO.facets, FacetInfo::NONE);
}
