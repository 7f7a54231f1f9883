//! The OData ABNF test cases (oasis-tcs/odata-abnf, `abnf/odata-abnf-testcases.yaml`) for the
//! rules this parser implements: `commonExpr`, `boolCommonExpr`, `firstMemberExpr`, `isofExpr`,
//! `filter`, `orderby`, `search`, `searchExpr` (syntax only, no model) and `expand` (against a
//! small model shaped like the one the test cases assume). Valid inputs must parse, invalid ones
//! must not; a case marked `unsupported` names a feature this server does not implement and must
//! be refused with an error (not accepted, not a panic). See fixtures/query/PROVENANCE.md.

use odata_core::{Navigation, ODataEntity, ODataType};
use odata_server::query::{Limits, QueryOptions, parse_orderby_syntax, parse_search, parse_syntax};
use percent_encoding::percent_decode_str;
use serde_json::Value;

// The model the `expand` cases name: orders with items, a customer and a category.
#[derive(ODataEntity, Debug, Default)]
#[odata(type = "Model.Order", key_property = "ID")]
struct AbnfOrder {
    #[odata(rename = "ID", nullable = false)]
    id: Option<i32>,
    #[odata(navigation, rename = "Items")]
    items: Navigation<Vec<AbnfItem>>,
    #[odata(navigation, rename = "Customer")]
    customer: Navigation<AbnfCustomer>,
    #[odata(navigation, rename = "Category")]
    category: Navigation<AbnfCustomer>,
}

#[derive(ODataEntity, Debug, Default)]
#[odata(type = "Model.Item", key_property = "ID")]
struct AbnfItem {
    #[odata(rename = "ID", nullable = false)]
    id: Option<i32>,
    #[odata(rename = "Name")]
    name: Option<String>,
    #[odata(rename = "Quantity")]
    quantity: Option<i32>,
    #[odata(navigation, rename = "Product")]
    product: Navigation<AbnfProduct>,
}

#[derive(ODataEntity, Debug, Default)]
#[odata(type = "Model.Product", key_property = "ID")]
struct AbnfProduct {
    #[odata(rename = "ID", nullable = false)]
    id: Option<i32>,
    #[odata(rename = "Name")]
    name: Option<String>,
    #[odata(rename = "Price")]
    price: Option<f64>,
}

#[derive(ODataEntity, Debug, Default)]
#[odata(type = "Model.Customer", key_property = "ID")]
struct AbnfCustomer {
    #[odata(rename = "ID", nullable = false)]
    id: Option<i32>,
    #[odata(rename = "Name")]
    name: Option<String>,
}

/// Whether the parser accepts `input` under `rule`.
fn accepts(rule: &str, input: &str) -> Result<(), String> {
    let limits = Limits::default();
    let decode = |s: &str| percent_decode_str(s).decode_utf8().map(|s| s.into_owned()).map_err(|e| e.to_string());
    let option = |prefix: &str| -> Result<String, String> {
        let (name, value) = input.split_once('=').ok_or("no `=`")?;
        if !name.eq_ignore_ascii_case(prefix) {
            return Err(format!("`{name}` is not `{prefix}` (the `$` is not optional here)"));
        }
        decode(value)
    };
    match rule {
        "commonExpr" | "boolCommonExpr" | "firstMemberExpr" | "isofExpr" => {
            parse_syntax(&decode(input)?, &limits).map(drop).map_err(|e| e.to_string())
        }
        "filter" => parse_syntax(&option("$filter")?, &limits).map(drop).map_err(|e| e.to_string()),
        "orderby" => parse_orderby_syntax(&option("$orderby")?, &limits).map(drop).map_err(|e| e.to_string()),
        "search" => parse_search(&option("$search")?, &limits).map(drop).map_err(|e| e.to_string()),
        "searchExpr" => parse_search(&decode(input)?, &limits).map(drop).map_err(|e| e.to_string()),
        "expand" => {
            option("$expand")?;
            QueryOptions::parse(input, AbnfOrder::TYPE_INFO, &limits).map(drop).map_err(|e| e.to_string())
        }
        other => Err(format!("no parser for rule {other}")),
    }
}

#[test]
fn the_abnf_test_cases_for_expressions_and_options() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/query/odata-abnf-testcases.jsonl");
    let text = std::fs::read_to_string(path).expect("the fixture");
    let (mut valid, mut invalid, mut unsupported) = (0, 0, 0);
    let mut failures = Vec::new();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let case: Value = serde_json::from_str(line).expect("a JSON line");
        let rule = case["rule"].as_str().expect("rule");
        let input = case["input"].as_str().expect("input");
        let name = case["name"].as_str().unwrap_or_default();
        let result = std::panic::catch_unwind(|| accepts(rule, input));
        let Ok(result) = result else {
            failures.push(format!("PANIC {rule} {input:?} ({name})"));
            continue;
        };
        match (case.get("unsupported"), case.get("fail_at")) {
            (Some(reason), _) => {
                unsupported += 1;
                if result.is_ok() {
                    failures.push(format!("accepted although marked unsupported ({reason}): {rule} {input:?}"));
                }
            }
            (None, Some(_)) => {
                invalid += 1;
                if result.is_ok() {
                    failures.push(format!("accepted an invalid input: {rule} {input:?} ({name})"));
                }
            }
            (None, None) => {
                valid += 1;
                if let Err(error) = result {
                    failures.push(format!("refused a valid input: {rule} {input:?} ({name}): {error}"));
                }
            }
        }
    }
    println!("{valid} valid, {invalid} invalid, {unsupported} unsupported cases");
    assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures.join("\n"));
    assert!(valid > 100 && invalid > 10, "{valid} valid, {invalid} invalid");
}
