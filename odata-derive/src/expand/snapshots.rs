//! Expansion snapshots: what the derives write for entity, complex, enumeration types and a type
//! definition. Refresh with `UPDATE_EXPECT=1 cargo test -p odata-derive`, then read the diff.

use expect_test::expect_file;

use super::derive;
use crate::valid::Kind;

fn expand(kind: Kind, input: &str) -> String {
    let input: proc_macro2::TokenStream = input.parse().expect("valid Rust");
    let file: syn::File = syn::parse2(derive(input, kind)).expect("the expansion parses");
    prettyplease::unparse(&file)
}

#[test]
fn entity_with_base_type_and_navigation() {
    let output = expand(
        Kind::Entity,
        r#"
        #[odata(type = "microsoft.graph.callRecords.session", base_type = "microsoft.graph.entity", key_property = "id")]
        pub struct Session {
            #[odata(base)]
            pub entity: Entity,
            pub caller: Option<Endpoint>,
            #[odata(nullable = false)]
            pub start_date_time: Option<DateTimeOffset>,
            #[odata(nullable = false)]
            pub modalities: Option<Vec<Modality>>,
            #[odata(navigation, contains_target)]
            pub segments: Navigation<Vec<Segment>>,
        }
        "#,
    );
    expect_file!["../../snapshots/entity_session.rs"].assert_eq(&output);
}

#[test]
fn complex_type_with_additional_data_and_rename() {
    let output = expand(
        Kind::Complex,
        r#"
        #[odata(type = "microsoft.graph.callRecords.networkInfo", open_type)]
        pub struct NetworkInfo {
            #[odata(rename = "relayIPAddress")]
            pub relay_ip_address: Option<String>,
            pub link_speed: Option<i64>,
            pub additional_data: AdditionalData,
        }
        "#,
    );
    expect_file!["../../snapshots/complex_network_info.rs"].assert_eq(&output);
}

#[test]
fn enumeration_with_values_and_catch_all() {
    let output = expand(
        Kind::Enum,
        r#"
        #[odata(type = "microsoft.graph.callRecords.productFamily")]
        pub enum ProductFamily {
            Unknown,
            Teams,
            #[odata(value = 4)]
            UnknownFutureValue,
            AzureCommunicationServices,
            Other(String),
        }
        "#,
    );
    expect_file!["../../snapshots/enum_product_family.rs"].assert_eq(&output);
}

#[test]
fn polymorphic_enum_with_a_boxed_variant() {
    let output = expand(
        Kind::Complex,
        r#"
        #[odata(type = "microsoft.graph.identitySet")]
        pub enum AnyIdentitySet {
            IdentitySet(IdentitySet),
            CommunicationsIdentitySet(Box<CommunicationsIdentitySet>),
        }
        "#,
    );
    expect_file!["../../snapshots/polymorphic_identity_set.rs"].assert_eq(&output);
}

#[test]
fn errors_come_with_a_fallback_impl() {
    let output = expand(
        Kind::Complex,
        r#"
        #[odata(type = "failureInfo")]
        pub struct FailureInfo {
            pub reason: Option<String>,
        }
        "#,
    );
    assert!(output.contains("compile_error!"), "{output}");
    assert!(output.contains("_odata::__odata_fallback!(complex FailureInfo);"), "{output}");
}

#[test]
fn constant_names_a_property_constant() {
    let output = expand(
        Kind::Complex,
        r#"
        #[odata(type = "example.shop.device")]
        pub struct Device {
            #[odata(constant = "TYPE_INFO_PROPERTY")]
            pub type_info: Option<String>,
            pub r#type: Option<String>,
        }
        "#,
    );
    assert!(!output.contains("compile_error!"), "{output}");
    assert!(output.contains("pub const TYPE_INFO_PROPERTY: _odata::query::Expr<"), "{output}");
    assert!(output.contains("pub const TYPE: _odata::query::Expr<Device, String, _odata::query::Member>"), "{output}");
    assert!(!output.contains("pub const TYPE_INFO:"), "{output}");
}

#[test]
fn type_definition_with_facets() {
    let output = expand(
        Kind::TypeDefinition,
        r#"
        #[odata(type = "example.shop.money", precision = 19, scale = 4)]
        pub struct Money(pub Decimal);
        "#,
    );
    expect_file!["../../snapshots/type_definition_money.rs"].assert_eq(&output);
}

#[test]
fn media_entity_with_facets_partner_and_constraint() {
    let output = expand(
        Kind::Entity,
        r#"
        #[odata(type = "example.shop.order", key_property = "id", has_stream)]
        pub struct Order {
            #[odata(nullable = false)]
            pub id: Option<i32>,
            #[odata(max_length = 40, unicode = false)]
            pub customer_id: Option<String>,
            #[odata(navigation, nullable = false, partner = "orders", referential_constraint(property = "customerId", referenced_property = "id"))]
            pub customer: Navigation<Customer>,
        }
        "#,
    );
    expect_file!["../../snapshots/entity_media_order.rs"].assert_eq(&output);
}
