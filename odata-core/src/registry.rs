//! Every OData type (and function, action and entity container) the program derives, by
//! qualified name.
//!
//! Decoding needs it only on a cold path: to tell a type annotation that names a type of the
//! model (which must then fit the declared type) from one that names a type the model does not
//! know (a derived type added to the service later, kept as data). Each derive registers its
//! type at link time through `inventory`, since no crate can otherwise list the types that other
//! crates derive; the map is built on the first lookup.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::container::ContainerInfo;
use crate::{OperationInfo, TypeInfo};

/// One registered type. The derives submit these; there is no need to write one by hand.
#[doc(hidden)]
pub struct Registration(pub &'static TypeInfo);

inventory::collect!(Registration);

/// One registered function or action.
#[doc(hidden)]
pub struct OperationRegistration(pub &'static OperationInfo);

inventory::collect!(OperationRegistration);

/// One registered entity container (`#[derive(ODataService)]`).
#[doc(hidden)]
pub struct ContainerRegistration(pub &'static ContainerInfo);

inventory::collect!(ContainerRegistration);

fn by_name() -> &'static HashMap<&'static str, &'static TypeInfo> {
    static MAP: OnceLock<HashMap<&'static str, &'static TypeInfo>> = OnceLock::new();
    MAP.get_or_init(|| inventory::iter::<Registration>.into_iter().map(|r| (r.0.qualified_name, r.0)).collect())
}

/// The type of the model with this qualified name (`microsoft.graph.callRecords.session`).
pub fn find_type(qualified_name: &str) -> Option<&'static TypeInfo> {
    by_name().get(qualified_name).copied()
}

/// Every type of the model, in no particular order.
pub fn all_types() -> impl Iterator<Item = &'static TypeInfo> {
    by_name().values().copied()
}

/// Every function and action of the model, in no particular order.
pub fn all_operations() -> impl Iterator<Item = &'static OperationInfo> {
    inventory::iter::<OperationRegistration>.into_iter().map(|r| r.0)
}

/// Every entity container of the model, in no particular order.
pub fn all_containers() -> impl Iterator<Item = &'static ContainerInfo> {
    inventory::iter::<ContainerRegistration>.into_iter().map(|r| r.0)
}

/// Whether a value annotated with type `name` fits where `declared` is expected: it does when it
/// is that type, derives from it, or is a type the model does not know.
pub(crate) fn check_hierarchy(name: &str, declared: &'static TypeInfo) -> Result<(), String> {
    if name == declared.qualified_name {
        return Ok(());
    }
    match find_type(name) {
        Some(found) if !found.is_or_derives_from(declared) => {
            Err(format!("the value's type {name} is not {} or a type derived from it", declared.qualified_name))
        }
        _ => Ok(()),
    }
}
