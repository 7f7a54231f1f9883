//! Type definitions (`<TypeDefinition Name UnderlyingType>`): a named primitive type, made with
//! `#[derive(ODataTypeDefinition)]` on a newtype over the primitive's Rust type.

use super::ODataType;
use crate::EdmType;

/// A type definition: a Rust newtype (`pub struct Money(pub Decimal)`) whose values are written
/// and read as its underlying primitive type, and whose CSDL keeps its own qualified name and
/// facets. Made with `#[derive(ODataTypeDefinition)]`, whose attribute takes `type` and the
/// facets (`max_length`, `precision`, `scale`, `srid`, `unicode`, `default_value`):
///
/// ```
/// use odata_core::{Decimal, ODataType, ODataTypeDefinition};
///
/// #[derive(ODataTypeDefinition, Debug, Clone, PartialEq)]
/// #[odata(type = "example.shop.money", precision = 19, scale = 4)]
/// pub struct Money(pub Decimal);
///
/// let info = Money::TYPE_INFO;
/// assert_eq!((info.underlying_type, info.facets.precision), (Some("Edm.Decimal"), Some(19)));
/// let price: Money = serde_json::from_str("12.5")?;
/// assert_eq!(price.as_underlying().to_string(), "12.5");
/// let xml = odata_core::csdl::Document::builder().add_type::<Money>().build().to_xml();
/// assert!(xml.contains(r#"<TypeDefinition Name="money" UnderlyingType="Edm.Decimal" Precision="19" Scale="4" />"#));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not an OData type definition",
    label = "needs `#[derive(ODataTypeDefinition)]`"
)]
pub trait ODataTypeDefinition: ODataType + EdmType {
    /// The Rust type of the underlying primitive type (`Decimal` for `Edm.Decimal`).
    type Underlying: EdmType;

    /// The value as its underlying primitive.
    fn as_underlying(&self) -> &Self::Underlying;

    /// A value from its underlying primitive.
    fn from_underlying(value: Self::Underlying) -> Self;
}
