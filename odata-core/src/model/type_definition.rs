//! Type definitions (`<TypeDefinition Name UnderlyingType>`): a named primitive type, made with
//! `#[derive(ODataTypeDefinition)]` on a newtype over the primitive's Rust type.

use super::ODataType;
use crate::EdmType;

/// A type definition: a Rust newtype (`pub struct Money(pub Decimal)`) whose values are written
/// and read as its underlying primitive type, and whose CSDL keeps its own qualified name and
/// facets. Made with `#[derive(ODataTypeDefinition)]`.
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
