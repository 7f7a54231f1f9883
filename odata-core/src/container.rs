//! Entity containers: what a service offers at its root (entity sets, singletons, function and
//! action imports) as a typed struct, made with `#[derive(ODataService)]`.
//!
//! Each field is one member of the container, its attribute the CSDL element's: `entity_set =
//! "Products"` on an [`EntitySet<Product>`](EntitySet), `singleton = "Me"` on a
//! [`Singleton<User>`](Singleton), `function_import = "..."` on a
//! [`FunctionImport<F>`](FunctionImport) of an unbound `#[derive(ODataFunction)]`,
//! `action_import = "..."` on an [`ActionImport<A>`](ActionImport); `binding(path = "Category",
//! target = "Categories")` (repeatable) is a `<NavigationPropertyBinding>`, `entity_set = "..."`
//! next to an import its `EntitySet`, `include_in_service_document = ...` its
//! `IncludeInServiceDocument`. A misspelled binding path or target, an entity set of a complex
//! type, or an import of a bound operation does not compile.
//!
//! The entity set knows its entity type, so `.key(..)` takes that type's key
//! ([`ODataEntity::Key`]): the key property's Rust type, or a tuple of them for a compound key.
//!
//! ```
//! use odata_core::container::{EntitySet, FunctionImport, Singleton};
//! use odata_core::csdl::Document;
//! use odata_core::query::ServiceRoot;
//! use odata_core::{Navigation, ODataEntity, ODataFunction, ODataService};
//!
//! #[derive(ODataEntity, Debug, Default)]
//! #[odata(type = "NorthwindModel.Product", key_property = "ProductID")]
//! pub struct Product {
//!     #[odata(rename = "ProductID", nullable = false)]
//!     pub product_id: Option<i32>,
//!     #[odata(rename = "ProductName")]
//!     pub product_name: Option<String>,
//!     #[odata(navigation, rename = "Category")]
//!     pub category: Navigation<Category>,
//! }
//!
//! #[derive(ODataEntity, Debug, Default)]
//! #[odata(type = "NorthwindModel.Category", key_property = "CategoryID")]
//! pub struct Category {
//!     #[odata(rename = "CategoryID", nullable = false)]
//!     pub category_id: Option<i32>,
//! }
//!
//! #[derive(ODataEntity, Debug, Default)]
//! #[odata(type = "NorthwindModel.Order_Detail", key_property = "OrderID", key_property = "ProductID")]
//! pub struct OrderDetail {
//!     #[odata(rename = "OrderID", nullable = false)]
//!     pub order_id: Option<i32>,
//!     #[odata(rename = "ProductID", nullable = false)]
//!     pub product_id: Option<i32>,
//! }
//!
//! #[derive(ODataFunction, Debug)]
//! #[odata(name = "NorthwindModel.TopProducts", returns = "Vec<Product>")]
//! pub struct TopProducts {
//!     pub count: i32,
//! }
//!
//! #[derive(ODataService, Debug, Clone)]
//! #[odata(namespace = "ODataWebExperimental.Northwind.Model", container = "NorthwindEntities")]
//! pub struct Northwind {
//!     #[odata(entity_set = "Products", binding(path = "Category", target = "Categories"))]
//!     pub products: EntitySet<Product>,
//!     #[odata(entity_set = "Categories")]
//!     pub categories: EntitySet<Category>,
//!     #[odata(entity_set = "Order_Details")]
//!     pub order_details: EntitySet<OrderDetail>,
//!     #[odata(singleton = "ProductOfTheDay")]
//!     pub product_of_the_day: Singleton<Product>,
//!     #[odata(function_import = "TopProducts", entity_set = "Products")]
//!     pub top_products: FunctionImport<TopProducts>,
//! }
//!
//! let root = ServiceRoot::new("https://services.odata.org/V4/Northwind/Northwind.svc")?;
//! let northwind = Northwind::at(&root);
//! assert_eq!(northwind.products.key(1).path(), "Products(1)");
//! assert_eq!(northwind.order_details.key((10248, 11)).path(), "Order_Details(OrderID=10248,ProductID=11)");
//! // `northwind.products.key("1")` and `northwind.products.key(1.5)` do not compile.
//! assert_eq!(northwind.product_of_the_day.path(), "ProductOfTheDay");
//! assert_eq!(northwind.top_products.call(&TopProducts { count: 5 }).path(), "TopProducts(count=5)");
//!
//! // The model at run time, and in CSDL with the types it reaches.
//! let info = Northwind::CONTAINER_INFO;
//! assert_eq!(info.entity_sets[0].entity_type.qualified_name, "NorthwindModel.Product");
//! let csdl = Document::builder().add_container::<Northwind>().build().to_xml();
//! assert!(csdl.contains(r#"<NavigationPropertyBinding Path="Category" Target="Categories" />"#));
//! assert!(csdl.contains(r#"<EntityType Name="Order_Detail">"#));
//! # Ok::<(), odata_core::query::InvalidServiceRoot>(())
//! ```

use std::fmt;
use std::marker::PhantomData;
use std::ops::Deref;

use crate::query::{FunctionParameters, IntoKey, Resource, ServiceRoot};
use crate::{ODataEntity, ODataOperation, OperationInfo, TypeInfo};

/// Everything the model knows about one entity container (`<EntityContainer>`).
#[derive(Debug)]
pub struct ContainerInfo {
    /// The namespace of the schema that holds the container.
    pub namespace: &'static str,
    /// The container's name, e.g. `NorthwindEntities`.
    pub name: &'static str,
    /// The namespace-qualified name.
    pub qualified_name: &'static str,
    /// The entity sets, in declaration order.
    pub entity_sets: &'static [EntitySetInfo],
    /// The singletons, in declaration order.
    pub singletons: &'static [EntitySetInfo],
    /// The function imports and action imports, in declaration order.
    pub operation_imports: &'static [OperationImportInfo],
}

/// An entity set (`<EntitySet>`) or a singleton (`<Singleton>`).
#[derive(Debug)]
pub struct EntitySetInfo {
    /// The name, e.g. `Products`.
    pub name: &'static str,
    /// The Rust field that holds it.
    pub rust_name: &'static str,
    /// The entity type of its members (of the singleton).
    pub entity_type: &'static TypeInfo,
    /// `<NavigationPropertyBinding>` elements: where related entities are.
    pub navigation_bindings: &'static [NavigationBindingInfo],
    /// `IncludeInServiceDocument` (entity sets only; `true` unless said otherwise).
    pub include_in_service_document: bool,
}

/// A `<NavigationPropertyBinding Path Target>`: the entities a navigation property leads to
/// are in the entity set (or singleton) `target`.
#[derive(Debug)]
pub struct NavigationBindingInfo {
    /// The navigation property's path, e.g. `Category` (or `ns.Type/nav` through a cast).
    pub path: &'static str,
    /// The entity set or singleton, e.g. `Categories` (or `ns.Container/Set` in another container).
    pub target: &'static str,
}

/// A function import (`<FunctionImport>`) or action import (`<ActionImport>`).
#[derive(Debug)]
pub struct OperationImportInfo {
    /// The name it is called by at the service root.
    pub name: &'static str,
    /// The Rust field that holds it.
    pub rust_name: &'static str,
    /// The unbound function or action it imports.
    pub operation: &'static OperationInfo,
    /// `EntitySet`: the entity set the returned entities belong to.
    pub entity_set: Option<&'static str>,
    /// `IncludeInServiceDocument` (function imports only; `false` unless said otherwise).
    pub include_in_service_document: bool,
}

impl ContainerInfo {
    /// The entity set with this name.
    pub fn entity_set(&self, name: &str) -> Option<&'static EntitySetInfo> {
        self.entity_sets.iter().find(|set| set.name == name)
    }

    /// The singleton with this name.
    pub fn singleton(&self, name: &str) -> Option<&'static EntitySetInfo> {
        self.singletons.iter().find(|set| set.name == name)
    }
}

/// An entity container, made with `#[derive(ODataService)]` on a struct whose fields are its
/// entity sets ([`EntitySet`]), singletons ([`Singleton`]) and imports ([`FunctionImport`],
/// [`ActionImport`]).
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not an OData entity container",
    label = "needs `#[derive(ODataService)]`"
)]
pub trait ODataService: Sized {
    /// What the model knows about the container.
    const CONTAINER_INFO: &'static ContainerInfo;

    /// The container of the service at `root`: each field addresses its resource there.
    fn at(root: &ServiceRoot) -> Self;
}

/// An entity set of `E`s: `Products`. Derefs to its [`Resource`], for queries; [`key`](Self::key)
/// takes `E`'s key type.
pub struct EntitySet<E> {
    resource: Resource<Vec<E>>,
}

// `new` needs no bound: the derive checks the type argument once, with its own message.
impl<E> EntitySet<E> {
    /// The entity set `name` of the service at `root`.
    pub fn new(root: &ServiceRoot, name: &str) -> Self {
        EntitySet { resource: root.resource(name) }
    }
}

impl<E: ODataEntity> EntitySet<E> {
    /// The entity with this key: `Products(1)`, `Order_Details(OrderID=1,ProductID=2)`. Takes
    /// `E`'s key type ([`ODataEntity::Key`]); see [`Resource::key`].
    pub fn key(&self, key: impl IntoKey<E::Key>) -> Resource<E> {
        self.resource.clone().key(key)
    }

    /// The entity set as a resource (a copy).
    pub fn resource(&self) -> Resource<Vec<E>> {
        self.resource.clone()
    }
}

impl<E> Deref for EntitySet<E> {
    type Target = Resource<Vec<E>>;

    fn deref(&self) -> &Resource<Vec<E>> {
        &self.resource
    }
}

/// A singleton, an `E`: Graph's `me`. Derefs to its [`Resource`].
pub struct Singleton<E> {
    resource: Resource<E>,
}

impl<E> Singleton<E> {
    /// The singleton `name` of the service at `root`.
    pub fn new(root: &ServiceRoot, name: &str) -> Self {
        Singleton { resource: root.resource(name) }
    }

    /// The singleton as a resource (a copy).
    pub fn resource(&self) -> Resource<E> {
        self.resource.clone()
    }
}

impl<E> Deref for Singleton<E> {
    type Target = Resource<E>;

    fn deref(&self) -> &Resource<E> {
        &self.resource
    }
}

/// A function import: an unbound function `F` called at the service root by the import's name.
pub struct FunctionImport<F> {
    root: ServiceRoot,
    name: String,
    marker: PhantomData<fn() -> F>,
}

impl<F> FunctionImport<F> {
    /// The function import `name` of the service at `root`.
    pub fn new(root: &ServiceRoot, name: &str) -> Self {
        FunctionImport { root: root.clone(), name: name.to_owned(), marker: PhantomData }
    }
}

impl<F: ODataOperation> FunctionImport<F> {
    /// The call with the parameters `function` holds: `GetProductsByRating(rating=4)`.
    pub fn call(&self, function: &F) -> Resource<F::Output>
    where
        F: ODataOperation<Binding = ()> + FunctionParameters,
    {
        self.root.resource::<()>("").call_import(&self.name, function)
    }
}

/// An action import: an unbound action `A`, invoked with a `POST` to the import's name at the
/// service root, its parameters in the body.
pub struct ActionImport<A> {
    resource: Resource<()>,
    marker: PhantomData<fn() -> A>,
}

impl<A> ActionImport<A> {
    /// The action import `name` of the service at `root`.
    pub fn new(root: &ServiceRoot, name: &str) -> Self {
        ActionImport { resource: root.resource(name), marker: PhantomData }
    }
}

impl<A: ODataOperation> ActionImport<A> {
    /// Where to `POST` the action's parameters: `ResetDataSource`.
    pub fn resource(&self) -> Resource<A::Output> {
        self.resource.clone().retyped()
    }
}

impl<E> fmt::Debug for EntitySet<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "EntitySet({})", self.resource.url())
    }
}

impl<E> fmt::Debug for Singleton<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Singleton({})", self.resource.url())
    }
}

impl<F> fmt::Debug for FunctionImport<F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "FunctionImport({}/{})", self.root.url(), self.name)
    }
}

impl<A> fmt::Debug for ActionImport<A> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ActionImport({})", self.resource.url())
    }
}

impl<E> Clone for EntitySet<E> {
    fn clone(&self) -> Self {
        EntitySet { resource: self.resource.clone() }
    }
}

impl<E> Clone for Singleton<E> {
    fn clone(&self) -> Self {
        Singleton { resource: self.resource.clone() }
    }
}

impl<F> Clone for FunctionImport<F> {
    fn clone(&self) -> Self {
        FunctionImport { root: self.root.clone(), name: self.name.clone(), marker: PhantomData }
    }
}

impl<A> Clone for ActionImport<A> {
    fn clone(&self) -> Self {
        ActionImport { resource: self.resource.clone(), marker: PhantomData }
    }
}
