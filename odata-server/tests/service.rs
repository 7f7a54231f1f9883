//! The service document, `$metadata` (XML and JSON) and the protocol headers.

mod support;

use support::{get, send, start};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn service_document_lists_sets_and_singletons() {
    let server = start().await;
    let response = get(&format!("{}/", server.root)).await;
    assert_eq!(response.status, 200);
    assert_eq!(response.header("odata-version"), Some("4.0"));
    assert_eq!(
        response.header("content-type"),
        Some("application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false")
    );
    assert_eq!(
        response.text,
        format!(
            r#"{{"@odata.context":"{}/$metadata","value":[{{"kind":"EntitySet","name":"Categories","url":"Categories"}},{{"kind":"EntitySet","name":"Products","url":"Products"}},{{"kind":"EntitySet","name":"OrderLines","url":"OrderLines"}},{{"kind":"Singleton","name":"Config","url":"Config"}}]}}"#,
            server.root
        )
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn metadata_as_xml_and_json() {
    let server = start().await;
    let xml = get(&format!("{}/$metadata", server.root)).await;
    assert_eq!(xml.status, 200);
    assert_eq!(xml.header("content-type"), Some("application/xml"));
    assert_eq!(xml.text, server.service.metadata_xml());
    assert!(xml.text.contains(r#"<EntitySet Name="OrderLines" EntityType="Shop.OrderLine">"#), "{}", xml.text);
    assert!(xml.text.contains(r#"<EntityType Name="SpecialProduct" BaseType="Shop.Product">"#), "{}", xml.text);
    let parsed = odata_core::csdl::Document::parse_xml(&xml.text).expect("CSDL");
    assert!(parsed.schema("Shop").is_some());

    let by_format = get(&format!("{}/$metadata?$format=json", server.root)).await;
    assert_eq!(by_format.header("content-type"), Some("application/json"));
    let json = by_format.json();
    assert_eq!(json["$Version"], "4.0");
    assert_eq!(json["Shop"]["ShopContainer"]["Products"]["$Type"], "Shop.Product");
    let by_accept = send("GET", &format!("{}/$metadata", server.root), &[("Accept", "application/json")], None).await;
    assert_eq!(by_accept.text, by_format.text);

    let refused = send("GET", &format!("{}/$metadata", server.root), &[("Accept", "text/csv")], None).await;
    assert_eq!(refused.status, 406);
    assert_eq!(refused.error().0, "NotAcceptable");
    let posted = send("POST", &format!("{}/$metadata", server.root), &[], Some("{}")).await;
    assert_eq!(posted.status, 405);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn nested_under_a_prefix() {
    let pool = support::database().await;
    let service = odata_server::Service::builder::<support::Shop>(pool).build().await.expect("service");
    support::seed(&service).await;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let address = listener.local_addr().expect("address");
    let router = axum::Router::new().nest("/odata", service.router());
    tokio::spawn(async move { axum::serve(listener, router).await.expect("serve") });
    let response = get(&format!("http://{address}/odata/Categories(1)")).await;
    assert_eq!(response.status, 200, "{}", response.text);
    assert_eq!(response.json()["@odata.context"], format!("http://{address}/odata/$metadata#Categories/$entity"));
}
