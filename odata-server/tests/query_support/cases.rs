//! The `$filter`, `$orderby` and `$search` cases of the query tests with the exact keys they
//! select from the data set of [`super::SCHEMA`], shared by the SQLite translation
//! (`tests/query_sqlite.rs`) and the in-memory evaluator of data sources
//! (`tests/source_query.rs`), which must select exactly the same keys.

/// Products (key ProductID): comparison, arithmetic, null semantics, math functions, cast.
pub const PRODUCTS_BY_COMPARISON: &[(&str, &[i64])] = &[
    ("$filter=UnitPrice gt 20", &[4, 5, 6]),
    ("$filter=UnitPrice ge 18 and UnitPrice le 19", &[1, 2]),
    ("$filter=UnitPrice add 1 gt 22", &[4, 5, 6]),
    ("$filter=UnitPrice div 2 eq 9", &[1]),
    ("$filter=UnitPrice eq 21.35", &[5]),
    ("$filter=UnitsInStock div 2 eq 6", &[3]),
    ("$filter=UnitsInStock mod 2 eq 1", &[1, 2, 3, 4]),
    ("$filter=-UnitsInStock lt -50", &[4]),
    ("$filter=UnitsInStock mul 2 sub 1 eq 77", &[1]),
    ("$filter=ProductName eq 'Chai'", &[1]),
    ("$filter=ProductName ne 'Chai'", &[2, 3, 4, 5, 6, 7]),
    ("$filter=ProductName eq null", &[7]),
    ("$filter=null ne ProductName", &[1, 2, 3, 4, 5, 6]),
    ("$filter=ProductName eq 'Chef Anton''s Gumbo Mix'", &[5]),
    ("$filter=not (UnitsInStock gt 20)", &[2, 3, 5, 6, 7]),
    ("$filter=UnitsInStock gt 20 or ProductName eq 'Chang'", &[1, 2, 4]),
    ("$filter=Discontinued eq true", &[5]),
    ("$filter=Discontinued", &[5]),
    // `not null` is null (OData URL Conventions 5.1.1.1.9): unknown rows stay out.
    ("$filter=not Discontinued", &[1, 2, 3, 4]),
    // A comparison with null is false, so its negation is true.
    ("$filter=not (Discontinued eq true)", &[1, 2, 3, 4, 6, 7]),
    ("$filter=not (ProductName in ('Chai','Chang'))", &[3, 4, 5, 6, 7]),
    ("$filter=not not (UnitsInStock gt 20)", &[1, 4]),
    ("$filter=ProductID in (1, 3, 5)", &[1, 3, 5]),
    ("$filter=ProductID in ()", &[]),
    ("$filter=ProductName in ('Chai', null)", &[1, 7]),
    ("$filter=Rating eq 4.5", &[1]),
    ("$filter=Rating gt 3", &[1, 4]),
    ("$filter=Rating lt 1e1 and Rating ge 2.5e0", &[1, 2, 4, 5]),
    ("$filter=round(UnitPrice) eq 21", &[5]),
    ("$filter=floor(UnitPrice) eq 21", &[5]),
    ("$filter=ceiling(UnitPrice) eq 22", &[4, 5]),
    ("$filter=cast(UnitsInStock, Edm.String) eq '39'", &[1]),
    ("$filter=true", &[1, 2, 3, 4, 5, 6, 7]),
    ("$filter=false", &[]),
];

/// Products: string functions, with `%` and `_` as plain characters.
pub const PRODUCTS_BY_STRING_FUNCTIONS: &[(&str, &[i64])] = &[
    // `%` and `_` are LIKE's wildcards; here they are just characters.
    ("$filter=contains(ProductName,'%')", &[6]),
    ("$filter=contains(ProductName,'_')", &[6]),
    ("$filter=contains(ProductName,'an')", &[2]),
    ("$filter=contains(ProductName,'Anton')", &[4, 5]),
    ("$filter=startswith(ProductName,'Chef')", &[4, 5]),
    ("$filter=startswith(ProductName,'chef')", &[]),
    ("$filter=endswith(ProductName,'Mix')", &[5]),
    ("$filter=endswith(ProductName,'')", &[1, 2, 3, 4, 5, 6]),
    ("$filter=endswith(ProductName,'a much longer suffix than any name')", &[]),
    ("$filter=length(ProductName) eq 4", &[1]),
    ("$filter=indexof(ProductName,'ai') eq 2", &[1]),
    ("$filter=substring(ProductName,1,2) eq 'ha'", &[1, 2]),
    ("$filter=substring(ProductName,8) eq 'Syrup'", &[3]),
    ("$filter=tolower(ProductName) eq 'chai'", &[1]),
    ("$filter=toupper(ProductName) eq 'CHANG'", &[2]),
    ("$filter=trim(concat(' ', ProductName)) eq 'Chai'", &[1]),
    ("$filter=concat(concat(ProductName,'-'),'x') eq 'Chai-x'", &[1]),
];

/// Products: enumerations, flags, collections, navigation, lambdas and type tests.
pub const PRODUCTS_BY_ENUMS_COLLECTIONS_NAVIGATION: &[(&str, &[i64])] = &[
    ("$filter=Color eq NorthwindModel.Color'Red'", &[1, 4]),
    ("$filter=Color eq 'Green'", &[2]),
    ("$filter=Color in ('Red','Blue')", &[1, 3, 4]),
    ("$filter=Color gt NorthwindModel.Color'Red'", &[2, 3]),
    ("$filter=Features has NorthwindModel.Features'Organic'", &[1, 2]),
    ("$filter=Features has NorthwindModel.Features'Organic,Fair'", &[2]),
    ("$filter=Tags/any(t:t eq 'beer')", &[2]),
    ("$filter=Tags/any()", &[1, 2, 5]),
    ("$filter=Tags/all(t:startswith(t,'h') or t eq 'tea')", &[1, 3, 4, 6, 7]),
    ("$filter=Tags/$count eq 2", &[1, 5]),
    ("$filter=Category/CategoryName eq 'Condiments'", &[3, 4, 5]),
    ("$filter=Category eq null", &[6, 7]),
    ("$filter=Category ne null", &[1, 2, 3, 4, 5]),
    ("$filter=Order_Details/any(d:d/Quantity gt 30)", &[5]),
    ("$filter=Order_Details/all(d:d/Discount eq 0)", &[2, 3, 4, 6, 7]),
    ("$filter=Order_Details/$count ge 2", &[1]),
    ("$filter=Order_Details/any(d:d/Order/CustomerID eq 'VINET')", &[1, 2]),
    ("$filter=Order_Details/any(d:d/UnitPrice lt $it/UnitPrice)", &[1, 2, 4]),
    ("$filter=isof(NorthwindModel.DiscontinuedProduct)", &[5]),
    ("$filter=isof($it,NorthwindModel.Product)", &[1, 2, 3, 4, 5, 6, 7]),
    ("$filter=not isof(DiscontinuedProduct)", &[1, 2, 3, 4, 6, 7]),
    ("$filter=NorthwindModel.DiscontinuedProduct/DiscontinuedDate lt 2025-01-01T00:00:00Z", &[5]),
];

/// Orders (key OrderID): dates, times and complex properties.
pub const ORDERS_BY_DATES_TIMES_COMPLEX: &[(&str, &[i64])] = &[
    ("$filter=year(OrderDate) eq 2024", &[10248, 10249]),
    ("$filter=month(OrderDate) eq 7 and day(OrderDate) eq 5", &[10249]),
    ("$filter=hour(OrderDate) eq 23 and minute(OrderDate) eq 30 and second(OrderDate) eq 15", &[10249]),
    ("$filter=fractionalseconds(OrderDate) eq 0.5", &[10249]),
    // 2024-07-05T00:00+02:00 is 2024-07-04T22:00Z; `+` is written `%2B` in a query string.
    ("$filter=OrderDate gt 2024-07-05T00:00:00%2B02:00", &[10249, 10250]),
    ("$filter=OrderDate eq 2024-07-04T10:00:00%2B02:00", &[10248]),
    ("$filter=OrderDate eq 2024-07-04T03:00:00-05:00", &[10248]),
    ("$filter=date(OrderDate) eq 2024-07-04", &[10248]),
    ("$filter=time(OrderDate) eq 23:30:15.5", &[10249]),
    ("$filter=time(OrderDate) lt 12:00", &[10248]),
    ("$filter=RequiredDate lt 2024-08-10", &[10248]),
    ("$filter=year(RequiredDate) eq 2024", &[10248, 10249]),
    ("$filter=RequiredDate eq null", &[10250]),
    ("$filter=ShipAddress/City eq 'Reims'", &[10248]),
    ("$filter=ShipAddress/City eq 'Münster'", &[10249]),
    ("$filter=ShipAddress/Country in ('Germany','France')", &[10248, 10249]),
    ("$filter=ShipAddress eq null", &[10250]),
    (
        "$filter=OrderDate lt now() and OrderDate gt mindatetime() and OrderDate lt maxdatetime()",
        &[10248, 10249, 10250],
    ),
    ("$filter=totaloffsetminutes(OrderDate) eq 0", &[10248, 10249, 10250]),
    ("$filter=Freight div 2 gt 30", &[10250]),
    ("$filter=Freight divby 2 gt 30", &[10250]),
    ("$filter=Order_Details/any(d:d/Product/Category/CategoryName eq 'Condiments')", &[10249]),
    ("$filter=Order_Details/any(d:d/Product/Tags/any(t:t eq 'tea'))", &[10248, 10250]),
];

/// Categories (key CategoryID): lambdas through partners.
pub const CATEGORIES_THROUGH_PARTNERS: &[(&str, &[i64])] = &[
    ("$filter=Products/any(p:p/Discontinued)", &[2]),
    ("$filter=Products/all(p:p/UnitPrice gt 15)", &[1, 3]),
    ("$filter=Products/$count eq 0", &[3]),
    ("$filter=not Products/any()", &[3]),
    ("$filter=Products/any(p:p/Order_Details/any(d:d/Discount gt 0))", &[1, 2]),
];

/// Order_Details (key OrderID * 100 + ProductID): navigation from a compound key.
pub const ORDER_DETAILS_BY_COMPOUND_KEY: &[(&str, &[i64])] = &[
    ("$filter=Order/CustomerID eq 'TOMSP'", &[1024904, 1024905]),
    ("$filter=Discount gt 0 and Quantity ge 10", &[1024905, 1025001]),
    (
        "$filter=Product/Category/CategoryName eq 'Beverages' and Order/OrderDate lt 2025-01-01T00:00:00Z",
        &[1024801, 1024802],
    ),
    ("$filter=Product/Order_Details/$count ge 2", &[1024801, 1025001]),
    ("$filter=Order/Order_Details/any(o:o/Quantity eq 40)", &[1024904, 1024905]),
];

/// Products: `$orderby` (nulls first, enumerations by value, navigation, `$count`).
pub const PRODUCTS_ORDERBY: &[(&str, &[i64])] = &[
    ("$orderby=Color desc", &[3, 2, 1, 4, 5, 6, 7]),
    ("$orderby=Color", &[5, 6, 7, 1, 4, 2, 3]),
    ("$orderby=UnitPrice desc", &[6, 4, 5, 2, 1, 3, 7]),
    ("$orderby=Category/CategoryName", &[6, 7, 1, 2, 3, 4, 5]),
    ("$orderby=length(ProductName) desc&$filter=ProductID le 3", &[3, 2, 1]),
    ("$orderby=Order_Details/$count desc,ProductName", &[1, 2, 4, 5, 7, 6, 3]),
];

/// Products: `$search` (case-insensitive substrings of the text properties).
pub const PRODUCTS_SEARCH: &[(&str, &[i64])] = &[
    ("$search=chef", &[4, 5]),
    ("$search=CHEF AND NOT gumbo", &[4]),
    ("$search=chef -x", &[]),
    ("$search=chai OR syrup", &[1, 3]),
    ("$search=%22anton's cajun%22", &[4]),
    ("$search=(chai OR chang) AND NOT chang", &[1]),
    ("$search=NOT a", &[6, 7]),
    ("$search=%25", &[6]),
    ("$search=ch&$filter=UnitPrice lt 20", &[1, 2]),
];
