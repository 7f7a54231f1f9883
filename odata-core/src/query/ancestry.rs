//! Type-level ancestry: which types a derived type inherits from, so that a query on `Session`
//! takes the properties of `microsoft.graph.entity` too, and a filter on a base type's property
//! combines with one on the derived type's.
//!
//! The derives implement [`HasBase`] for each type with a base; [`Inherits`] follows the chain.
//! The depth markers exist only so that the impls do not overlap: callers never name them, the
//! compiler infers them.

use std::marker::PhantomData;

/// The type a derived type inherits from (its `#[odata(base)]` field's type; for a polymorphic
/// enum, the declared type). The derives implement it.
#[diagnostic::on_unimplemented(
    message = "the expression is over a type that `{Self}` does not derive from",
    label = "a property of another type",
    note = "`{Self}` has no base type; a query on a type takes the properties of that type and of its base types only"
)]
pub trait HasBase {
    /// The base type.
    type Base;
}

/// Depth marker of [`Inherits`]: the type itself.
#[derive(Debug)]
pub struct Here;

/// Depth marker of [`Inherits`]: one step further up the base chain.
#[derive(Debug)]
pub struct There<D>(PhantomData<D>);

/// `Self` is `B` or derives from it, `D` steps up the chain.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not `{B}` and does not derive from it",
    label = "an expression over `{B}` used where `{Self}` is queried",
    note = "a query on a type takes the properties of that type and of its base types"
)]
pub trait Inherits<B, D> {}

impl<T> Inherits<T, Here> for T {}

impl<T, B, D> Inherits<B, There<D>> for T
where
    T: HasBase,
    T::Base: Inherits<B, D>,
{
}

/// Depth marker of [`CastsFrom`]: the type cast from is `Self` or a base type of it.
#[derive(Debug)]
pub struct Derived<D>(PhantomData<D>);

/// Depth marker of [`CastsFrom`]: the type cast from is a polymorphic holder (`AnyEndpoint`),
/// and `Self` is its declared type or derives from it.
#[derive(Debug)]
pub struct Held<D>(PhantomData<D>);

/// A value of `F` may be cast to `Self`: what a cast segment and `isof` ask of their type.
/// `Self` is `F` or derives from it, or `F` is a polymorphic holder (`AnyEndpoint`, or
/// `AnyProduct` for a set whose type has derived types, as odata-codegen writes containers) and
/// `Self` is its declared type or derives from it: the holder's variants do not implement
/// [`Inherits`] of the holder, whose base is its declared type.
///
/// ```
/// use odata_core::query::{Query, ServiceRoot, is_of};
/// use odata_core::{ODataEntity, ODataType};
///
/// #[derive(ODataEntity, Debug, Default)]
/// #[odata(type = "Shop.Product", key_property = "id")]
/// pub struct Product {
///     #[odata(nullable = false)]
///     pub id: Option<i32>,
///     #[odata(navigation)]
///     pub replacement: odata_core::Navigation<AnyProduct>,
/// }
///
/// #[derive(ODataEntity, Debug, Default)]
/// #[odata(type = "Shop.DiscontinuedProduct", base_type = "Shop.Product")]
/// pub struct DiscontinuedProduct {
///     #[odata(base)]
///     pub product: Product,
///     pub since: Option<String>,
/// }
///
/// #[derive(ODataEntity, Debug)]
/// #[odata(type = "Shop.Product")]
/// pub enum AnyProduct {
///     Product(Product),
///     DiscontinuedProduct(DiscontinuedProduct),
/// }
///
/// let products = ServiceRoot::new("https://shop.example")?.entity_set::<AnyProduct>("Products");
/// let discontinued = products.clone().cast::<DiscontinuedProduct, _>();
/// assert_eq!(discontinued.path(), "Products/Shop.DiscontinuedProduct");
/// assert_eq!(products.key(1).cast::<DiscontinuedProduct, _>().path(), "Products(1)/Shop.DiscontinuedProduct");
/// let query = Query::<AnyProduct>::new()
///     .filter(is_of::<AnyProduct, DiscontinuedProduct, _>())
///     .filter(Product::REPLACEMENT.is_of::<DiscontinuedProduct, _>())
///     .select(Product::REPLACEMENT.cast::<DiscontinuedProduct, _>().then(DiscontinuedProduct::SINCE));
/// assert_eq!(
///     query.to_string(),
///     "$select=replacement/Shop.DiscontinuedProduct/since&$filter=isof(Shop.DiscontinuedProduct)%20and%20isof(replacement,Shop.DiscontinuedProduct)"
/// );
/// # Ok::<(), odata_core::query::InvalidServiceRoot>(())
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not `{F}` and does not derive from it",
    label = "a cast to a type outside the hierarchy of `{F}`",
    note = "a cast or `isof` names the type itself or a type derived from it (for a polymorphic holder, from its declared type)"
)]
pub trait CastsFrom<F, D> {}

impl<U, F, D> CastsFrom<F, Derived<D>> for U where U: Inherits<F, D> {}

impl<U, F, D> CastsFrom<F, Held<D>> for U
where
    F: crate::wire::poly::PolymorphicWire,
    U: Inherits<<F as crate::wire::poly::PolymorphicWire>::Declared, D>,
{
}

/// Marker of [`Unify`]: `Self` is the more derived type.
#[derive(Debug)]
pub struct Up<D>(PhantomData<D>);

/// Marker of [`Unify`]: the other type is the more derived one (strictly).
#[derive(Debug)]
pub struct Down<D>(PhantomData<D>);

/// Of `Self` and `U`, one derives from the other; [`Unify::Out`] is the more derived. Used to
/// combine a filter on `microsoft.graph.entity`'s `id` with one on a session's `startDateTime`
/// into a filter on sessions, in either order.
#[diagnostic::on_unimplemented(
    message = "`{Self}` and `{U}` are not in one inheritance chain",
    label = "combines expressions over unrelated types",
    note = "expressions combine when both are over the same type, or one over a base type of the other"
)]
pub trait Unify<U, D> {
    /// The more derived of the two.
    type Out;
}

impl<T, U, D> Unify<U, Up<D>> for T
where
    T: Inherits<U, D>,
{
    type Out = T;
}

impl<T, U, D> Unify<U, Down<There<D>>> for T
where
    U: Inherits<T, There<D>>,
{
    type Out = U;
}
