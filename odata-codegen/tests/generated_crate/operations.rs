//! Copied into the crate generated from `operations.xml` by `odata-codegen/tests/call_records.rs`
//! and run there: a function's structured parameters go into its URL as JSON (OData 4.01
//! `complexInUri`), derived types with their `@odata.type`; an action's are in its metadata.

use odata_core::ODataOperation;
use odata_core::query::ServiceRoot;
use operations_models::ops::{Address, AnyAddress, Near, Order, PostalAddress, Ship, Window};

fn root() -> ServiceRoot {
    ServiceRoot::new("http://host/service").expect("a service root")
}

#[test]
fn structured_function_parameters_are_written_into_the_url_as_json() {
    let near = Near {
        r#where: AnyAddress::PostalAddress(PostalAddress {
            address: Address { street: Some("Main St 1".into()), ..Default::default() },
            code: Some("8000".into()),
        }),
        like: Order { id: Some(7), ..Default::default() },
        during: Window { from: Some("2024-01-01T00:00:00Z".parse().expect("a date")), ..Default::default() },
        also: vec![AnyAddress::Address(Address::default())],
    };
    let url = root().entity_set::<Order>("Orders").call(&near).url();
    assert_eq!(
        url,
        "http://host/service/Orders/example.ops.near(\
         where=%7B%22@odata.type%22:%22%23example.ops.postalAddress%22,%22street%22:%22Main%20St%201%22,%22code%22:%228000%22%7D,\
         like=%7B%22id%22:7%7D,\
         during=%7B%22from%22:%222024-01-01T00:00:00Z%22%7D,\
         also=%5B%7B%7D%5D)"
    );
}

#[test]
fn structured_parameters_are_in_the_operations_metadata() {
    let parameters = |info: &odata_core::OperationInfo| -> Vec<String> {
        info.parameters.iter().map(|p| format!("{}: {} nullable={}", p.name, p.ty, p.nullable)).collect()
    };
    assert_eq!(
        parameters(<Near as ODataOperation>::OPERATION_INFO),
        [
            "where: example.ops.address nullable=false",
            "like: example.ops.order nullable=true",
            "during: example.ops.window nullable=true",
            "also: Collection(example.ops.address) nullable=true",
        ]
    );
    assert_eq!(
        parameters(<Ship as ODataOperation>::OPERATION_INFO),
        ["to: example.ops.address nullable=false", "stops: Collection(example.ops.address) nullable=true"]
    );
}
