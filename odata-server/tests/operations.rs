//! Functions and actions: unbound through imports, bound to an entity or a collection, with
//! parameters checked against the model and results in the OData format.

mod support;

use odata_server::{ODataError, OperationCall};
use serde_json::{Value, json};
use support::{Discount, MostExpensive, PriceWithTax, Restock, get, send, start_with};

async fn most_expensive(call: OperationCall) -> Result<Value, ODataError> {
    let count = call.parameters["count"].as_i64().unwrap_or_default();
    let products = [
        json!({"ProductID": 4, "ProductName": "Chef Anton's Cajun Seasoning"}),
        json!({"ProductID": 2, "ProductName": "Chang"}),
    ];
    Ok(Value::Array(products.into_iter().take(usize::try_from(count).unwrap_or(0)).collect()))
}

async fn price_with_tax(call: OperationCall) -> Result<Value, ODataError> {
    let id = call.binding["ProductID"].as_i64().unwrap_or_default();
    let rate: f64 = call.parameters["rate"].as_f64().unwrap_or_default();
    Ok(json!(f64::from(id as i32) * 10.0 * (1.0 + rate)))
}

async fn discount(call: OperationCall) -> Result<Value, ODataError> {
    if call.parameters["percent"].as_i64() > Some(50) {
        return Err(ODataError::bad_request("TooMuch", "at most 50 percent").with_target("percent"));
    }
    Ok(json!(call.binding["@entitySet"].as_str().map(str::len)))
}

async fn restock(_call: OperationCall) -> Result<Value, ODataError> {
    Ok(Value::Null)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn functions_and_actions() {
    let server = start_with(|b| {
        b.operation::<MostExpensive>(most_expensive)
            .operation::<PriceWithTax>(price_with_tax)
            .operation::<Discount>(discount)
            .operation::<Restock>(restock)
    })
    .await;
    let root = &server.root;
    let top = get(&format!("{root}/MostExpensive(count=1)")).await;
    assert_eq!(top.status, 200, "{}", top.text);
    assert_eq!(
        top.text,
        format!(
            r#"{{"@odata.context":"{root}/$metadata#Products","value":[{{"ProductID":4,"ProductName":"Chef Anton's Cajun Seasoning"}}]}}"#
        )
    );
    let price = get(&format!("{root}/Products(2)/Shop.PriceWithTax(rate=0.5)")).await;
    assert_eq!(price.text, format!(r#"{{"@odata.context":"{root}/$metadata#Edm.Decimal","value":30.0}}"#));
    let discounted = send(
        "POST",
        &format!("{root}/Products/Shop.Discount"),
        &[("Content-Type", "application/json")],
        Some(r#"{"percent":10}"#),
    )
    .await;
    assert_eq!(discounted.json()["value"], 8);
    let refused = send(
        "POST",
        &format!("{root}/Products/Shop.Discount"),
        &[("Content-Type", "application/json")],
        Some(r#"{"percent":90}"#),
    )
    .await;
    assert_eq!((refused.status, refused.error()), (400, ("TooMuch".into(), Some("percent".into()))));
    let restocked =
        send("POST", &format!("{root}/Restock"), &[("Content-Type", "application/json")], Some(r#"{"amount":5}"#))
            .await;
    assert_eq!(restocked.status, 204);

    // The bound operations are in $metadata.
    let metadata = get(&format!("{root}/$metadata")).await.text;
    assert!(metadata.contains(r#"<Function Name="PriceWithTax" IsBound="true">"#), "{metadata}");
    assert!(
        metadata
            .contains(r#"<FunctionImport Name="MostExpensive" Function="Shop.MostExpensive" EntitySet="Products" />"#),
        "{metadata}"
    );

    // Bad calls.
    let cases = [
        ("GET", "MostExpensive()", None, 400, "InvalidParameter"),
        ("GET", "MostExpensive(count='x')", None, 400, "InvalidParameter"),
        ("GET", "MostExpensive(count=1,other=2)", None, 400, "InvalidParameter"),
        ("POST", "MostExpensive(count=1)", None, 405, "MethodNotAllowed"),
        ("GET", "Restock", None, 405, "MethodNotAllowed"),
        ("POST", "Restock", Some(r#"{"amount":"many"}"#), 400, "InvalidParameter"),
        ("POST", "Restock", Some(r#"{"amount":1,"extra":2}"#), 400, "InvalidParameter"),
        ("POST", "Restock", Some("[1]"), 400, "InvalidJson"),
        ("GET", "Products/Shop.PriceWithTax(rate=1)", None, 404, "NotFound"),
        ("GET", "Products(99)/Shop.Nothing()", None, 404, "NotFound"),
    ];
    for (method, path, body, status, code) in cases {
        let response = send(method, &format!("{root}/{path}"), &[("Content-Type", "application/json")], body).await;
        assert_eq!(
            (response.status, response.error().0.as_str()),
            (status, code),
            "{method} {path}: {}",
            response.text
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unregistered_imports_are_not_implemented() {
    let server = start_with(|b| b).await;
    let response = get(&format!("{}/MostExpensive(count=1)", server.root)).await;
    assert_eq!((response.status, response.error().0.as_str()), (501, "NotImplemented"));
}
