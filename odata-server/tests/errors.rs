//! Bad input of every kind is a 4xx with the OData JSON error body, never a 500.

mod support;

use support::{send, start, start_with};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_requests_are_4xx_with_an_error_body() {
    let server = start().await;
    let root = &server.root;
    let cases: &[(&str, &str, u16, &str)] = &[
        ("GET", "Nothing", 404, "NotFound"),
        ("GET", "Products(999)", 404, "NotFound"),
        ("GET", "Products(1)/Nothing", 404, "NotFound"),
        ("GET", "Products(1)/ProductName/Nothing", 404, "NotFound"),
        ("GET", "Products/$value", 404, "NotFound"),
        ("GET", "Products('one')", 400, "InvalidKey"),
        ("GET", "Products(1", 400, "InvalidKey"),
        ("GET", "Products(2147483648)", 400, "InvalidKey"),
        ("GET", "OrderLines(1)", 400, "InvalidKey"),
        ("GET", "OrderLines(OrderID=1,Nope=2)", 400, "InvalidKey"),
        ("GET", "Config(1)", 400, "InvalidKey"),
        ("GET", "Products?$filter=Nope%20eq%201", 400, "InvalidQueryOption"),
        ("GET", "Products?$filter=ProductName%20eq%201", 400, "InvalidQueryOption"),
        ("GET", "Products?$filter=(((", 400, "InvalidQueryOption"),
        ("GET", "Products?$top=-1", 400, "InvalidQueryOption"),
        ("GET", "Products?$top=99999999", 400, "InvalidQueryOption"),
        ("GET", "Products?$orderby=Nope", 400, "InvalidQueryOption"),
        ("GET", "Products?$select=Nope", 400, "InvalidQueryOption"),
        ("GET", "Products?$expand=Nope", 400, "InvalidQueryOption"),
        ("GET", "Products?$top=1&$top=2", 400, "DuplicateQueryOption"),
        ("GET", "Products?$bogus=1", 400, "InvalidQueryOption"),
        ("GET", "Products(1)?$top=1", 400, "InvalidQueryOption"),
        ("GET", "Products?$format=xml", 406, "NotAcceptable"),
        ("DELETE", "Products(1)/Category/$ref", 501, "NotImplemented"),
        ("GET", "Products(1)/$ref/Category", 404, "NotFound"),
        ("PUT", "Products", 405, "MethodNotAllowed"),
        ("DELETE", "Products", 405, "MethodNotAllowed"),
        ("POST", "Products(1)", 405, "MethodNotAllowed"),
        ("OPTIONS", "Products", 405, "MethodNotAllowed"),
        ("POST", "", 405, "MethodNotAllowed"),
    ];
    for (method, path, status, code) in cases {
        let response =
            send(method, &format!("{root}/{path}"), &[("Content-Type", "application/json")], Some("{}")).await;
        assert_eq!(response.status, *status, "{method} {path}: {}", response.text);
        assert_eq!(response.error().0, *code, "{method} {path}");
        assert_eq!(response.header("odata-version"), Some("4.0"));
        assert_eq!(response.header("content-type"), Some("application/json;odata.metadata=minimal"));
    }
    let accept = send("GET", &format!("{root}/Products"), &[("Accept", "text/html")], None).await;
    assert_eq!(accept.status, 406);
    let version = send("GET", &format!("{root}/Products"), &[("OData-MaxVersion", "3.0")], None).await;
    assert_eq!(version.status, 400);
    let filter = send("GET", &format!("{root}/Products?$filter=ProductName%20eq%201"), &[], None).await;
    assert!(filter.error().1.as_deref() == Some("$filter"), "{}", filter.text);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn limits_on_bodies_and_pages() {
    let mut limits = odata_server::Limits::default();
    limits.max_body_bytes = 1024;
    limits.max_page_size = 3;
    let server = start_with(move |b| b.limits(limits)).await;
    let root = &server.root;
    let big = format!(r#"{{"CategoryID":60,"Name":"{}"}}"#, "x".repeat(2000));
    let response =
        send("POST", &format!("{root}/Categories"), &[("Content-Type", "application/json")], Some(&big)).await;
    assert_eq!((response.status, response.error().0.as_str()), (413, "PayloadTooLarge"));
    let page = send("GET", &format!("{root}/Products"), &[("Prefer", "odata.maxpagesize=50")], None).await;
    assert_eq!(page.header("preference-applied"), Some("odata.maxpagesize=3"));
    assert_eq!(page.json()["value"].as_array().unwrap().len(), 3);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn garbage_never_makes_a_500() {
    let server = start().await;
    let root = &server.root;
    let paths = [
        "Products(%FF)",
        "Products('%00')",
        "Products(ProductID=1,ProductID=1)",
        "Products(1)/Category/Products(1)/Category/Name/$value/x",
        "%24metadata/x",
        "Products?$expand=Category($expand=Products($expand=Category($expand=Products($expand=Category($expand=Products)))))",
        "Products?$filter=Tags/any(t:t%20eq%20'tea')",
        "Products?$filter=Made/City%20eq%20'Delhi'",
        "Products?$orderby=Category/Name%20desc",
        "Products?$filter=contains(ProductName,'%27)",
        "OrderLines(OrderID='x',ProductID=1)",
        "Products(1.5)",
        "Products(-0)",
        "Products?$skip=18446744073709551615",
        "Products?$top=0",
    ];
    for path in paths {
        for method in ["GET", "PATCH", "DELETE", "POST"] {
            let response =
                send(method, &format!("{root}/{path}"), &[("Content-Type", "application/json")], Some("[]")).await;
            assert!(
                response.status < 500 || response.status == 501,
                "{method} {path}: {} {}",
                response.status,
                response.text
            );
            if response.status >= 400 {
                response.error();
            }
        }
    }
}
