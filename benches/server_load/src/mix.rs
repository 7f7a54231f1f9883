//! The request mix: operation `i` of a run is always the same requests, so both servers get the
//! same work in the same proportions.
//!
//! Out of every ten operations: four reads by key, two filtered pages, two expands and two
//! writes; a write is three requests on a fresh row (POST, then PATCH, then DELETE), so ten
//! operations are fourteen HTTP requests. Keys and filter values rotate through rows of the
//! classic data set (`odata-server/examples/northwind/data`), which both servers hold.

use serde_json::json;

/// What a request does; latencies are reported per kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    /// `GET Products(7)`, `GET Order_Details(OrderID=..,ProductID=..)`, ...
    ReadByKey,
    /// `GET Orders?$filter=...&$orderby=...&$top=20&$skip=...`
    FilteredPage,
    /// `GET Orders(10250)?$expand=Order_Details($expand=Product),Customer`, ...
    Expand,
    /// `POST Products` of a fresh row.
    Create,
    /// `PATCH` of the row just created.
    Update,
    /// `DELETE` of the row just created and updated.
    Delete,
}

impl Kind {
    /// Every kind, in the order of the table's columns.
    pub const ALL: [Kind; 6] =
        [Kind::ReadByKey, Kind::FilteredPage, Kind::Expand, Kind::Create, Kind::Update, Kind::Delete];

    /// The column title.
    pub fn title(self) -> &'static str {
        match self {
            Kind::ReadByKey => "read by key",
            Kind::FilteredPage => "filtered page",
            Kind::Expand => "expand",
            Kind::Create => "create",
            Kind::Update => "update",
            Kind::Delete => "delete",
        }
    }
}

/// The HTTP method of a request.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Method {
    /// A read.
    Get,
    /// A create.
    Post,
    /// An update.
    Patch,
    /// A delete.
    Delete,
}

/// One request of the mix.
#[derive(Debug)]
pub struct Request {
    /// What it does.
    pub kind: Kind,
    /// Its method.
    pub method: Method,
    /// Its path and query, relative to the service root (`Products(7)`), spaces already `%20`.
    pub path: String,
    /// Its JSON body (writes only).
    pub body: Option<Vec<u8>>,
}

/// Keys of `Order_Details` rows (every 200th line of the data set).
const ORDER_LINES: [(i32, i32); 11] = [
    (10248, 11),
    (10324, 63),
    (10398, 55),
    (10474, 14),
    (10548, 34),
    (10626, 53),
    (10703, 73),
    (10781, 74),
    (10857, 29),
    (10941, 72),
    (11022, 69),
];

/// Keys of `Customers` rows (every 9th customer).
const CUSTOMERS: [&str; 11] =
    ["ALFKI", "BOTTM", "EASTC", "FURIB", "HUNGO", "LILAS", "OLDWO", "RANCH", "SIMOB", "TRAIH", "WOLZA"];

/// Countries of customers and orders.
const COUNTRIES: [&str; 8] = ["Germany", "USA", "France", "Brazil", "UK", "Spain", "Mexico", "Italy"];

/// The `OrderID`s of the data set: 10248 to 11077.
const FIRST_ORDER: i32 = 10248;
const ORDERS: i32 = 830;

/// The requests of operation `i`; `id_base + i` is the key of the row a write creates (the data
/// set's keys are below 12,000, so any base above that gives fresh rows).
pub fn operation(i: usize, id_base: i32) -> Vec<Request> {
    // `round` picks the variant within the slot; `n` spreads keys and values over the data.
    let slot = i % 10;
    let round = i / 10;
    let n = i32::try_from(i % 1_000_000).unwrap_or(0);
    match slot {
        0..=3 => vec![get(Kind::ReadByKey, read_by_key(round * 4 + slot, n))],
        4 | 5 => vec![get(Kind::FilteredPage, filtered_page(round * 2 + slot - 4, n))],
        6 | 7 => vec![get(Kind::Expand, expand(round * 2 + slot - 6, n))],
        _ => write(slot == 8, id_base.saturating_add(n), n),
    }
}

fn get(kind: Kind, path: String) -> Request {
    Request { kind, method: Method::Get, path: path.replace(' ', "%20"), body: None }
}

fn read_by_key(variant: usize, n: i32) -> String {
    match variant % 4 {
        0 => format!("Products({})", n % 77 + 1),
        1 => format!("Orders({})", FIRST_ORDER + n % ORDERS),
        2 => format!("Customers('{}')", CUSTOMERS[variant / 4 % CUSTOMERS.len()]),
        _ => {
            let (order, product) = ORDER_LINES[variant / 4 % ORDER_LINES.len()];
            format!("Order_Details(OrderID={order},ProductID={product})")
        }
    }
}

fn filtered_page(variant: usize, n: i32) -> String {
    let country = COUNTRIES[variant / 4 % COUNTRIES.len()];
    match variant % 4 {
        0 => format!(
            "Products?$filter=UnitPrice gt {} and Discontinued eq false&$orderby=ProductName&$top=10&$skip={}",
            n % 40,
            n % 3 * 10
        ),
        1 => format!(
            "Orders?$filter=ShipCountry eq '{country}' and Freight gt {}&$orderby=OrderID desc&$top=20&$skip={}&$count=true",
            n % 50,
            n % 2 * 20
        ),
        2 => format!(
            "Order_Details?$filter=Quantity ge {} and Discount gt 0&$orderby=OrderID,ProductID&$top=25&$skip={}",
            n % 30 + 1,
            n % 4 * 25
        ),
        _ => format!(
            "Customers?$filter=Country eq '{country}' or startswith(CompanyName,'A')&$orderby=CompanyName&$top=10&$select=CustomerID,CompanyName,City,Country"
        ),
    }
}

fn expand(variant: usize, n: i32) -> String {
    match variant % 4 {
        0 => format!(
            "Orders({})?$expand=Order_Details($expand=Product($select=ProductName,UnitPrice)),Customer",
            FIRST_ORDER + n % ORDERS
        ),
        1 => {
            "Categories?$expand=Products($select=ProductName,UnitPrice;$orderby=ProductName;$top=5)&$orderby=CategoryID"
                .to_owned()
        }
        2 => format!(
            "Products?$filter=CategoryID eq {}&$expand=Supplier($select=CompanyName,Country),Category($select=CategoryName)&$orderby=ProductID&$top=10",
            n % 8 + 1
        ),
        _ => format!(
            "Customers('{}')?$expand=Orders($select=OrderID,OrderDate,Freight;$orderby=OrderDate desc;$top=10)",
            CUSTOMERS[variant / 4 % CUSTOMERS.len()]
        ),
    }
}

/// POST a fresh product (or order) with key `id`, PATCH two of its properties, DELETE it.
fn write(product: bool, id: i32, n: i32) -> Vec<Request> {
    let (path, created, changes) = if product {
        (
            format!("Products({id})"),
            json!({
                "ProductID": id, "ProductName": format!("Load test {id}"), "SupplierID": n % 29 + 1,
                "CategoryID": n % 8 + 1, "QuantityPerUnit": "12 boxes", "UnitPrice": 12.5,
                "UnitsInStock": 40, "UnitsOnOrder": 0, "ReorderLevel": 10, "Discontinued": false
            }),
            json!({ "UnitPrice": 13.75, "UnitsInStock": 39 }),
        )
    } else {
        (
            format!("Orders({id})"),
            json!({
                "OrderID": id, "CustomerID": CUSTOMERS[usize::try_from(n).unwrap_or(0) % CUSTOMERS.len()],
                "EmployeeID": n % 9 + 1, "OrderDate": "1998-05-06T00:00:00Z",
                "RequiredDate": "1998-06-03T00:00:00Z", "ShipVia": n % 3 + 1, "Freight": 25.5,
                "ShipName": "Load test", "ShipCity": "Berlin", "ShipCountry": "Germany"
            }),
            json!({ "ShippedDate": "1998-05-08T00:00:00Z", "Freight": 26.25 }),
        )
    };
    let set = if product { "Products" } else { "Orders" };
    vec![
        Request {
            kind: Kind::Create,
            method: Method::Post,
            path: set.to_owned(),
            body: Some(created.to_string().into_bytes()),
        },
        Request {
            kind: Kind::Update,
            method: Method::Patch,
            path: path.clone(),
            body: Some(changes.to_string().into_bytes()),
        },
        Request { kind: Kind::Delete, method: Method::Delete, path, body: None },
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ten_operations_are_fourteen_requests_in_the_stated_proportions() {
        let requests: Vec<Request> = (0..10).flat_map(|i| operation(i, 1_000_000)).collect();
        let count = |kind| requests.iter().filter(|r| r.kind == kind).count();
        assert_eq!(requests.len(), 14);
        assert_eq!(
            Kind::ALL.map(count),
            [4, 2, 2, 2, 2, 2],
            "read by key, filtered page, expand, create, update, delete"
        );
    }

    #[test]
    fn operations_are_the_same_on_every_call_and_writes_use_fresh_keys() {
        let paths = |i| operation(i, 1_000_000).into_iter().map(|r| r.path).collect::<Vec<_>>();
        assert_eq!(paths(13), paths(13));
        assert_eq!(paths(0), ["Products(1)"]);
        assert_eq!(paths(3), ["Order_Details(OrderID=10248,ProductID=11)"]);
        assert_eq!(paths(18), ["Products", "Products(1000018)", "Products(1000018)"]);
        assert_eq!(paths(19), ["Orders", "Orders(1000019)", "Orders(1000019)"]);
        assert_eq!(
            paths(5),
            [
                "Orders?$filter=ShipCountry%20eq%20'Germany'%20and%20Freight%20gt%205&$orderby=OrderID%20desc&$top=20&$skip=20&$count=true"
            ]
        );
    }
}
