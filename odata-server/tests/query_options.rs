//! Query options parsed against a Northwind-like model: what each option becomes, and the errors
//! (option, byte position, message) for unknown names, type mismatches, arity, limits and syntax.

mod query_support;

use odata_core::ODataType;
use odata_server::query::{
    BinaryOp, ExpandKind, ExprKind, Levels, Limits, Literal, QueryOptions, Search, SelectItem, Step, parse_filter,
};
use query_support::{Category, Order, Product};

fn product(query: &str) -> Result<QueryOptions, String> {
    QueryOptions::parse(query, Product::TYPE_INFO, &Limits::default()).map_err(|e| e.to_string())
}

fn error(query: &str) -> String {
    match product(query) {
        Ok(options) => panic!("{query} parsed: {options:?}"),
        Err(message) => message,
    }
}

#[test]
fn a_filter_becomes_a_typed_expression() {
    let options = product("$filter=UnitPrice%20gt%2018.5%20and%20Category/CategoryName%20eq%20'Beverages'").unwrap();
    let filter = options.filter.expect("a filter");
    let ExprKind::And(operands) = &filter.kind else { panic!("{filter:?}") };
    let ExprKind::Binary(BinaryOp::Gt, left, right) = &operands[0].kind else { panic!("{:?}", operands[0]) };
    let ExprKind::Member(member) = &left.kind else { panic!() };
    assert!(matches!(member.steps.as_slice(), [Step::Property(p)] if p.name == "UnitPrice"));
    assert!(matches!(&right.kind, ExprKind::Literal(Literal::Decimal(d)) if d == "18.5"));
    let ExprKind::Binary(BinaryOp::Eq, left, _) = &operands[1].kind else { panic!() };
    let ExprKind::Member(member) = &left.kind else { panic!() };
    assert!(
        matches!(member.steps.as_slice(), [Step::Navigation(n), Step::Property(p)] if n.name == "Category" && p.name == "CategoryName")
    );
    assert_eq!(operands[1].pos, 22);
}

#[test]
fn errors_name_the_option_and_the_position() {
    assert_eq!(
        error("$filter=ProductName eq 'x' and Prize gt 5"),
        "$filter at position 23: `Prize` is not a property or navigation property of NorthwindModel.Product"
    );
    assert_eq!(
        error("$filter=ProductName eq 5"),
        "$filter at position 15: `eq` cannot compare Edm.String with Edm.Int32"
    );
    assert_eq!(
        error("$filter=substring(ProductName)"),
        "$filter at position 0: `substring` takes 2 or 3 arguments, found 1"
    );
    assert_eq!(
        error("$filter=contains(ProductName,1)"),
        "$filter at position 21: argument 2 of `contains` must be Edm.String, found Edm.Int32"
    );
    assert_eq!(error("$filter=UnitPrice"), "$filter at position 0: expected a Boolean expression, found Edm.Decimal");
    assert_eq!(
        error("$filter=(ProductName eq 'x'"),
        "$filter at position 19: expected `)`, found the end of the expression"
    );
    assert_eq!(error("$filter=ProductName eq 'x"), "$filter at position 15: a string without its closing quote `'`");
    assert_eq!(
        error("$filter=Tags eq 'x'"),
        "$filter at position 8: `eq` cannot compare Collection(Edm.String) with Edm.String"
    );
    assert_eq!(
        error("$filter=Color eq 'Purple'"),
        "$filter at position 9: `Purple` is not a member of NorthwindModel.Color; its members are Red, Green, Blue"
    );
    assert_eq!(
        error("$orderby=Nme desc"),
        "$orderby at position 0: `Nme` is not a property or navigation property of NorthwindModel.Product"
    );
    assert_eq!(
        error("$expand=Categry"),
        "$expand at position 0: `Categry` is not a navigation property of NorthwindModel.Product"
    );
    assert_eq!(
        error("$expand=Category($filter=CategoryNam eq 'x')"),
        "$expand at position 17: `CategoryNam` is not a property or navigation property of NorthwindModel.Category"
    );
    assert_eq!(
        error("$select=ProductName,Price"),
        "$select at position 12: `Price` is not a property of NorthwindModel.Product"
    );
}

#[test]
fn the_query_string_is_percent_decoded_and_checked_as_a_whole() {
    let options =
        product("$top=5&$skip=10&$count=true&$skiptoken=abc%3D&$format=json&x=1&%24search=blue%20OR%20green").unwrap();
    assert_eq!(options.top, Some(5));
    assert_eq!(options.skip, Some(10));
    assert!(options.count);
    assert_eq!(options.skiptoken.as_deref(), Some("abc="));
    assert_eq!(options.format.as_deref(), Some("json"));
    assert_eq!(options.custom, vec![("x".to_owned(), "1".to_owned())]);
    assert_eq!(options.search, Some(Search::Or(vec![Search::Term("blue".into()), Search::Term("green".into())])));
    assert_eq!(error("$top=1&$TOP=2"), "$TOP at position 0: this system query option is given twice");
    assert_eq!(
        error("$filtr=true"),
        "$filtr at position 0: not a system query option; they are $filter, $select, $expand, $orderby, $top, $skip, $count, $search, $skiptoken, $format and $id"
    );
    assert_eq!(error("$top=-1"), "$top at position 0: expected a non-negative integer");
    assert_eq!(error("$top=10001"), "$top at position 0: $top is larger than the limit of 10000");
    assert_eq!(error("$count=yes"), "$count at position 0: expected `true` or `false`");
    assert_eq!(error("$apply=groupby((Color))"), "$apply at position 0: $apply is not supported");
    assert_eq!(error("$filter=%FF"), "$filter at position 0: the percent-decoded text is not UTF-8");
    // `+` is a space, as in HTML forms and most clients' query strings.
    assert!(product("$filter=ProductName+eq+'Chai'").unwrap().filter.is_some());
}

#[test]
fn orderby_select_and_expand() {
    let options = product("$orderby=Category/CategoryName,UnitPrice desc,ProductID asc").unwrap();
    let directions: Vec<bool> = options.orderby.iter().map(|o| o.descending).collect();
    assert_eq!(directions, [false, true, false]);

    let options =
        QueryOptions::parse("$select=OrderID,ShipAddress/City,*", Order::TYPE_INFO, &Limits::default()).unwrap();
    let select = options.select.unwrap();
    assert!(
        matches!(&select[1], SelectItem::Property { type_cast: None, path } if path.len() == 2 && path[1].name == "City")
    );
    assert!(matches!(select[2], SelectItem::All));
    let options = product("$select=NorthwindModel.DiscontinuedProduct/DiscontinuedDate,Category").unwrap();
    let select = options.select.unwrap();
    assert!(matches!(&select[0], SelectItem::Property { type_cast: Some(t), .. } if t.name == "DiscontinuedProduct"));
    assert!(matches!(select[1], SelectItem::Navigation(n) if n.name == "Category"));

    let options = QueryOptions::parse(
        "$expand=Products($filter=UnitPrice gt 10;$orderby=ProductName;$top=3;$skip=1;$count=true;$select=ProductName;$expand=Order_Details($expand=Order))",
        Category::TYPE_INFO,
        &Limits::default(),
    )
    .unwrap();
    let products = &options.expand[0];
    assert_eq!(products.navigation.name, "Products");
    assert_eq!(products.kind, ExpandKind::Entities);
    assert!(products.options.filter.is_some());
    assert_eq!(products.options.top, Some(3));
    assert_eq!(products.options.skip, Some(1));
    assert!(products.options.count);
    assert_eq!(products.options.expand[0].options.expand[0].navigation.name, "Order");

    let options = product("$expand=Category/$ref,Order_Details/$count($filter=Quantity gt 1),*").unwrap();
    let kinds: Vec<ExpandKind> = options.expand.iter().map(|e| e.kind).collect();
    assert_eq!(kinds, [ExpandKind::References, ExpandKind::Count, ExpandKind::Entities, ExpandKind::Entities]);
    let options = QueryOptions::parse("$expand=Products($levels=2)", Category::TYPE_INFO, &Limits::default()).unwrap();
    assert_eq!(options.expand[0].levels, Some(Levels::Count(2)));
    assert_eq!(
        error("$expand=Category($levels=04)"),
        "$expand at position 17: $levels is a positive number without leading zeros, or max"
    );
    assert_eq!(
        error("$expand=Category/$ref($select=CategoryName)"),
        "$expand at position 14: $select is not allowed here"
    );
    assert_eq!(
        error("$expand=Order_Details/$count($count=true)"),
        "$expand at position 21: $count is not allowed here"
    );
}

#[test]
fn limits_are_enforced_with_clear_errors() {
    let limits =
        Limits { max_expand_depth: 2, max_filter_length: 60, max_filter_depth: 5, max_in_list: 3, ..Limits::default() };
    let parse = |q: &str| QueryOptions::parse(q, Category::TYPE_INFO, &limits).map_err(|e| e.to_string());
    assert_eq!(
        parse("$expand=Products($expand=Category($expand=Products))").unwrap_err(),
        "$expand at position 34: $expand nests deeper than the limit of 2"
    );
    assert_eq!(
        parse("$filter=((((((true))))))").unwrap_err(),
        "$filter at position 5: the expression nests deeper than the limit of 5 levels"
    );
    assert_eq!(
        parse("$filter=CategoryID in (1,2,3,4)").unwrap_err(),
        "$filter at position 14: more than 3 values in one `in` list"
    );
    assert_eq!(
        parse("$filter=CategoryName eq 'a very long name indeed, longer than sixty bytes, yes'").unwrap_err(),
        "$filter at position 60: longer than the limit of 60 bytes"
    );
    assert_eq!(
        parse("$filter=not not not not not not true").unwrap_err(),
        "$filter at position 16: the expression nests deeper than the limit of 5 levels"
    );
}

#[test]
fn deep_and_long_inputs_are_errors_not_crashes() {
    let limits = Limits { max_filter_length: 1_000_000, ..Limits::default() };
    let deep = format!("{}true{}", "(".repeat(100_000), ")".repeat(100_000));
    assert!(parse_filter(&deep, Product::TYPE_INFO, &limits).is_err());
    let nots = format!("{}true", "not ".repeat(100_000));
    assert!(parse_filter(&nots, Product::TYPE_INFO, &limits).is_err());
    let chain = format!("UnitsInStock{} eq 1", " add 1".repeat(50_000));
    assert!(parse_filter(&chain, Product::TYPE_INFO, &limits).is_err());
    // A long `or` chain is flat, not deep: Power BI and Excel send these.
    let ors = (0..2_000).map(|i| format!("ProductID eq {i}")).collect::<Vec<_>>().join(" or ");
    assert!(parse_filter(&ors, Product::TYPE_INFO, &limits).is_ok());
}
