//! Parameter aliases (OData URL Conventions 5.1.1.13): `$filter=UnitPrice gt @p&@p=18.5`, in
//! `$filter`, `$orderby` and options nested in `$expand`; an alias's value is a literal, an
//! expression or a list for `in` (`[1,3]`, `(1,3)`); an alias the request gives no value is
//! null; a cycle, a bad value or a type mismatch is a 400 at the alias's position.

mod support;

use serde_json::{Value, json};
use support::{Server, get, start};

/// The `ProductID`s of a read of `Products` with `query`.
async fn ids(server: &Server, query: &str) -> Vec<i64> {
    let response = get(&format!("{}/Products?$select=ProductID&{query}", server.root)).await;
    assert_eq!(response.status, 200, "{query}: {}", response.text);
    response.json()["value"].as_array().expect("value").iter().map(|p| p["ProductID"].as_i64().expect("id")).collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn aliases_stand_for_their_values() {
    let server = start().await;
    let cases: &[(&str, &[i64])] = &[
        ("$filter=UnitPrice%20gt%20@p&@p=18.5", &[2, 4]),
        ("@p=18.5&$filter=UnitPrice%20gt%20@p", &[2, 4]),
        ("$filter=ProductName%20eq%20@name&@name='Chai'", &[1]),
        ("$filter=ProductName%20eq%20@name&@name='Chef%20Anton''s%20Cajun%20Seasoning'", &[4]),
        ("$filter=startswith(ProductName,@s)&@s='Ch'&$orderby=ProductID", &[1, 2, 4]),
        ("$filter=ProductID%20in%20@ids&@ids=[1,3]", &[1, 3]),
        ("$filter=ProductID%20in%20@ids&@ids=(1,3)", &[1, 3]),
        ("$filter=@twice%20gt%2050&@twice=Stock%20mul%202&$orderby=ProductID", &[1, 4, 5]),
        ("$filter=UnitPrice%20gt%20@a&@a=@b&@b=18.5", &[2, 4]),
        ("$filter=UnitPrice%20lt%20@p%20and%20Stock%20gt%20@p&@p=15", &[5]),
        // Undefined: null (`CategoryID eq null`).
        ("$filter=CategoryID%20eq%20@missing", &[5]),
        ("$filter=CategoryID%20ne%20@missing&$orderby=ProductID", &[1, 2, 3, 4]),
        // $orderby: `ProductName eq 'Chang'` first, then by key.
        ("$orderby=ProductName%20eq%20@n%20desc,ProductID&@n='Chang'", &[2, 1, 3, 4, 5]),
        ("$orderby=Stock%20mul%20@sign,ProductID&@sign=-1&$filter=Stock%20lt%20100", &[4, 1, 2, 3]),
    ];
    for (query, expected) in cases {
        assert_eq!(ids(&server, query).await, *expected, "{query}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn aliases_reach_options_nested_in_expand() {
    let server = start().await;
    let url = format!(
        "{}/Categories(1)?$select=Name&$expand=Products($filter=UnitPrice%20gt%20@p;$select=ProductID)&@p=18.5",
        server.root
    );
    let response = get(&url).await;
    assert_eq!(response.status, 200, "{}", response.text);
    let products: Vec<Value> =
        response.json()["Products"].as_array().unwrap().iter().map(|p| p["ProductID"].clone()).collect();
    assert_eq!(products, [json!(2)]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_aliases_are_400_at_their_position() {
    let server = start().await;
    let cases = [
        (
            "$filter=UnitPrice%20gt%20@p&@p='x'",
            "$filter",
            "$filter at position 13: `gt` cannot compare Edm.Decimal with Edm.String",
        ),
        (
            "$filter=UnitPrice%20gt%20@a&@a=@b&@b=@a",
            "$filter",
            "$filter at position 13: the parameter alias @a refers to itself",
        ),
        (
            "$filter=UnitPrice%20gt%20@p&@p=(1",
            "$filter",
            "$filter at position 13: the value of @p, at its position 2: expected the end of the list or `,`, found the end of the expression",
        ),
        ("$filter=UnitPrice%20gt%20@p&@p=1&@p=2", "@p", "@p at position 0: this parameter alias is given twice"),
        ("$filter=UnitPrice%20gt%20@p&@=1", "@", "@ at position 0: a parameter alias is `@` and an identifier"),
    ];
    for (query, target, message) in cases {
        let response = get(&format!("{}/Products?{query}", server.root)).await;
        assert_eq!(response.status, 400, "{query}: {}", response.text);
        let body = response.json();
        assert_eq!(body["error"]["code"], "InvalidQueryOption", "{query}");
        assert_eq!(body["error"]["target"], target, "{query}");
        assert_eq!(body["error"]["message"], message, "{query}");
    }
}
