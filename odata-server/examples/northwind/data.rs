//! The classic Northwind data set, as seed rows for the example's database.
//!
//! The JSON files in `data/` were converted once from Microsoft's `instnwnd.sql` by
//! `data/convert.py` (provenance, licence and what was left out: `data/README.md`). They are
//! compiled into the example with `include_str!`, so it needs no files at run time.
//!
//! Each row is an OData JSON entity body with the model's property names (`ProductID`,
//! `UnitPrice`, ...): numbers for `Edm.Decimal`/`Edm.Single`, `"1996-07-04T00:00:00Z"` for
//! `Edm.DateTimeOffset`, `null` where the source has `NULL`; the pictures
//! (`Categories.Picture`, `Employees.Photo`) are not in the rows. The eight discontinued products
//! are `NorthwindModel.DiscontinuedProduct`s: their rows start with
//! `"@odata.type":"#NorthwindModel.DiscontinuedProduct"` and carry a `DiscontinuedDate`.

// The server uses what it needs of this; the test below uses the rest.
#![allow(dead_code)]

use serde_json::{Map, Value};

/// The `@odata.type` of the seed rows of the derived type `NorthwindModel.DiscontinuedProduct`.
pub const DISCONTINUED_PRODUCT: &str = "#NorthwindModel.DiscontinuedProduct";

/// The seed files, one per entity set, in an order where every row's references to rows of
/// other sets point backwards (`Employees.ReportsTo` points within its own set, forwards for the
/// first employee).
const FILES: [(&str, &str); 8] = [
    ("Categories", include_str!("data/Categories.json")),
    ("Suppliers", include_str!("data/Suppliers.json")),
    ("Shippers", include_str!("data/Shippers.json")),
    ("Customers", include_str!("data/Customers.json")),
    ("Employees", include_str!("data/Employees.json")),
    ("Products", include_str!("data/Products.json")),
    ("Orders", include_str!("data/Orders.json")),
    ("Order_Details", include_str!("data/Order_Details.json")),
];

/// The seed rows of one entity set.
#[derive(Debug)]
pub struct SeedSet {
    /// The entity set, e.g. `Products`.
    pub entity_set: &'static str,
    /// Its rows, in key order, as JSON objects.
    pub rows: Vec<Map<String, Value>>,
}

/// Every entity set's seed rows, in the order of [`FILES`] (insert them in this order).
pub fn seed() -> Result<Vec<SeedSet>, serde_json::Error> {
    FILES.iter().map(|(entity_set, json)| Ok(SeedSet { entity_set, rows: serde_json::from_str(json)? })).collect()
}

/// The qualified name of a seed row's type when it is a derived type
/// (`NorthwindModel.DiscontinuedProduct`), `None` for a row of the entity set's own type.
pub fn derived_type(row: &Map<String, Value>) -> Option<&str> {
    row.get("@odata.type")?.as_str().map(|name| name.trim_start_matches('#'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{
        AnyProduct, Category, Customer, Employee, NorthwindEntities, Order, OrderDetail, Shipper, Supplier,
    };
    use odata_core::{ODataService, TypeInfo};

    fn set<'a>(seed: &'a [SeedSet], name: &str) -> &'a [Map<String, Value>] {
        &seed.iter().find(|s| s.entity_set == name).expect("every set has a file").rows
    }

    #[test]
    fn the_seed_has_the_classic_sizes() {
        let seed = seed().expect("the seed files are JSON arrays of objects");
        let sizes: Vec<(&str, usize)> = seed.iter().map(|s| (s.entity_set, s.rows.len())).collect();
        assert_eq!(
            sizes,
            [
                ("Categories", 8),
                ("Suppliers", 29),
                ("Shippers", 3),
                ("Customers", 91),
                ("Employees", 9),
                ("Products", 77),
                ("Orders", 830),
                ("Order_Details", 2155),
            ]
        );
    }

    #[test]
    fn the_discontinued_products_are_of_the_derived_type() {
        let seed = seed().expect("the seed files are JSON arrays of objects");
        let derived: Vec<i64> = set(&seed, "Products")
            .iter()
            .filter(|row| derived_type(row) == Some("NorthwindModel.DiscontinuedProduct"))
            .map(|row| row["ProductID"].as_i64().expect("ProductID is an integer"))
            .collect();
        assert_eq!(derived, [5, 9, 17, 24, 28, 29, 42, 53]);
        for row in set(&seed, "Products") {
            assert_eq!(row["Discontinued"].as_bool(), Some(derived_type(row).is_some()), "{row:?}");
        }
    }

    /// Every property of every row is one the model declares for the row's entity set (or for
    /// the row's derived type), so the server's tables take the rows as they are.
    #[test]
    fn the_rows_use_the_model_s_property_names() {
        let seed = seed().expect("the seed files are JSON arrays of objects");
        for seed_set in &seed {
            let entity_set = NorthwindEntities::CONTAINER_INFO
                .entity_set(seed_set.entity_set)
                .expect("every seed file is an entity set of the container");
            for row in &seed_set.rows {
                let ty: &'static TypeInfo = match derived_type(row) {
                    Some(name) => odata_core::registry::find_type(name).expect("a derived type"),
                    None => entity_set.entity_type,
                };
                for name in row.keys().filter(|name| *name != "@odata.type") {
                    assert!(
                        ty.all_properties().any(|p| p.name == name),
                        "{}: {name} is not a property of {}",
                        seed_set.entity_set,
                        ty.qualified_name
                    );
                }
            }
        }
    }

    /// The rows decode into the model's Rust types, the discontinued products into
    /// `DiscontinuedProduct`: the values have the right Edm types.
    #[test]
    fn the_rows_decode_into_the_model() {
        fn decode<T: serde::de::DeserializeOwned>(rows: &[Map<String, Value>]) -> Vec<T> {
            rows.iter()
                .map(|row| {
                    let json = serde_json::to_string(row).expect("a JSON object");
                    odata_core::from_str(&json).unwrap_or_else(|e| panic!("{e}: {json}"))
                })
                .collect()
        }
        let seed = seed().expect("the seed files are JSON arrays of objects");
        decode::<Category>(set(&seed, "Categories"));
        decode::<Supplier>(set(&seed, "Suppliers"));
        decode::<Shipper>(set(&seed, "Shippers"));
        decode::<Customer>(set(&seed, "Customers"));
        decode::<Employee>(set(&seed, "Employees"));
        decode::<Order>(set(&seed, "Orders"));
        let details = decode::<OrderDetail>(set(&seed, "Order_Details"));
        assert_eq!(details[1].unit_price.as_ref().map(|p| p.to_string()), Some("9.8".to_owned()));
        let products = decode::<AnyProduct>(set(&seed, "Products"));
        let discontinued: Vec<String> = products
            .iter()
            .filter_map(|p| match p {
                AnyProduct::DiscontinuedProduct(d) => {
                    Some(format!("{:?} {:?}", d.product_name, d.discontinued_date.as_ref().map(|t| t.to_string())))
                }
                AnyProduct::Product(_) => None,
            })
            .collect();
        assert_eq!(discontinued.len(), 8);
        assert_eq!(discontinued[0], r#"Some("Chef Anton's Gumbo Mix") Some("1998-04-24T00:00:00Z")"#);
    }
}
