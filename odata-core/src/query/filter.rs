//! The `$filter` language over typed expressions: comparisons, `and`/`or`/`not`, `in`,
//! arithmetic, string and date functions, `any`/`all` lambdas, `has`, and `isof`.
//!
//! ```
//! # use odata_core::query::{Expr, Filter, Property};
//! # struct Call;
//! # const START: Property<Call, odata_core::DateTimeOffset> = Property::property("startDateTime");
//! # const NAME: Property<Call, String> = Property::property("name");
//! let from = odata_core::DateTimeOffset::parse("2023-09-25T09:25:00Z")?;
//! let filter: Filter<Call> = START.ge(from).and(NAME.starts_with("it's").or(NAME.is_null()));
//! assert_eq!(filter.to_string(), "startDateTime ge 2023-09-25T09:25:00Z and (startswith(name,'it''s') or name eq null)");
//! # Ok::<(), odata_core::EdmParseError>(())
//! ```

use std::ops;

use super::ancestry::{CastsFrom, Inherits, Unify};
use super::expr::{BinaryOp, Computed, Expr, Filter, Member, Node};
use super::literal::UrlLiteral;
use crate::edm::{Date, DateTimeOffset, Decimal, Flags};
use crate::{ODataEnum, ODataType};

/// What may stand on the right of a comparison with an expression yielding `V`: a value of
/// type `V` (or a reference to one, `&str` for strings, `None` for `null`), or another
/// expression over `T` yielding `V`.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be compared with a value of type `{V}`",
    label = "expected a `{V}` (or a reference to one), `None`, or an expression yielding `{V}`",
    note = "filter literals have the type of the property they are compared with"
)]
pub trait Operand<T, V> {
    #[doc(hidden)]
    fn into_operand(self) -> OperandNode;
}

/// An operand's syntax tree; opaque outside this crate.
#[doc(hidden)]
#[derive(Debug)]
pub struct OperandNode(Node);

fn operand<T, V>(operand: impl Operand<T, V>) -> Node {
    operand.into_operand().0
}

impl<T, V, K> Operand<T, V> for Expr<T, V, K> {
    fn into_operand(self) -> OperandNode {
        OperandNode(self.into_node())
    }
}

impl<T, V: UrlLiteral> Operand<T, V> for V {
    fn into_operand(self) -> OperandNode {
        OperandNode(Node::Literal(self.to_literal()))
    }
}

impl<T, V: UrlLiteral> Operand<T, V> for &V {
    fn into_operand(self) -> OperandNode {
        OperandNode(Node::Literal(self.to_literal()))
    }
}

impl<T> Operand<T, String> for &str {
    fn into_operand(self) -> OperandNode {
        OperandNode(Node::Literal(self.to_literal()))
    }
}

impl<T, V: UrlLiteral> Operand<T, V> for Option<V> {
    fn into_operand(self) -> OperandNode {
        OperandNode(Node::Literal(self.to_literal()))
    }
}

fn binary<T, R>(op: BinaryOp, left: Node, right: Node) -> Expr<T, R> {
    Expr::from_node(Node::Binary(op, Box::new(left), Box::new(right)))
}

fn call<T, R>(name: &'static str, arguments: Vec<Node>) -> Expr<T, R> {
    Expr::from_node(Node::Call(name, arguments))
}

/// Comparisons, available on every expression.
impl<T, V, K> Expr<T, V, K> {
    /// `eq`: equal to the value or expression.
    pub fn eq(self, other: impl Operand<T, V>) -> Filter<T> {
        binary(BinaryOp::Eq, self.into_node(), operand(other))
    }

    /// `ne`: not equal.
    pub fn ne(self, other: impl Operand<T, V>) -> Filter<T> {
        binary(BinaryOp::Ne, self.into_node(), operand(other))
    }

    /// `gt`: greater than.
    pub fn gt(self, other: impl Operand<T, V>) -> Filter<T> {
        binary(BinaryOp::Gt, self.into_node(), operand(other))
    }

    /// `ge`: greater than or equal.
    pub fn ge(self, other: impl Operand<T, V>) -> Filter<T> {
        binary(BinaryOp::Ge, self.into_node(), operand(other))
    }

    /// `lt`: less than.
    pub fn lt(self, other: impl Operand<T, V>) -> Filter<T> {
        binary(BinaryOp::Lt, self.into_node(), operand(other))
    }

    /// `le`: less than or equal.
    pub fn le(self, other: impl Operand<T, V>) -> Filter<T> {
        binary(BinaryOp::Le, self.into_node(), operand(other))
    }

    /// `eq null`.
    pub fn is_null(self) -> Filter<T> {
        binary(BinaryOp::Eq, self.into_node(), Node::Literal("null".to_owned()))
    }

    /// `ne null`.
    pub fn is_not_null(self) -> Filter<T> {
        binary(BinaryOp::Ne, self.into_node(), Node::Literal("null".to_owned()))
    }

    /// `in (a,b,...)`: equal to one of the values. An empty list matches nothing and is written
    /// `false`, since the ABNF has no empty list.
    pub fn is_in<I>(self, values: I) -> Filter<T>
    where
        I: IntoIterator,
        I::Item: Operand<T, V>,
    {
        let list: Vec<Node> = values.into_iter().map(operand).collect();
        if list.is_empty() {
            return Expr::from_node(Node::Literal("false".to_owned()));
        }
        Expr::from_node(Node::In(Box::new(self.into_node()), list))
    }

    /// `isof(path,Namespace.type)`: the value is a `U` (or derives from it).
    pub fn is_of<U, D>(self) -> Filter<T>
    where
        U: ODataType + CastsFrom<V, D>,
    {
        call("isof", vec![self.into_node(), Node::TypeName(U::QUALIFIED_NAME)])
    }
}

/// `isof(Namespace.type)`: the instance being filtered is a `U` (or derives from it).
pub fn is_of<T, U, D>() -> Filter<T>
where
    U: ODataType + CastsFrom<T, D>,
{
    call("isof", vec![Node::TypeName(U::QUALIFIED_NAME)])
}

/// Logic, on boolean expressions (filters and boolean properties).
impl<T, K> Expr<T, bool, K> {
    /// `and`. Either side may be over a base type of the other; the result is over the more
    /// derived type.
    pub fn and<U, D, K2>(self, other: Expr<U, bool, K2>) -> Filter<<T as Unify<U, D>>::Out>
    where
        T: Unify<U, D>,
    {
        binary(BinaryOp::And, self.into_node(), other.into_node())
    }

    /// `or`. Either side may be over a base type of the other.
    pub fn or<U, D, K2>(self, other: Expr<U, bool, K2>) -> Filter<<T as Unify<U, D>>::Out>
    where
        T: Unify<U, D>,
    {
        binary(BinaryOp::Or, self.into_node(), other.into_node())
    }

    /// The filter as seen from a type derived from `T` (to store filters over one type
    /// together).
    pub fn within<U, D>(self) -> Filter<U>
    where
        U: Inherits<T, D>,
    {
        Expr::from_node(self.into_node())
    }
}

/// `not`.
impl<T, K> ops::Not for Expr<T, bool, K> {
    type Output = Filter<T>;

    fn not(self) -> Filter<T> {
        Expr::from_node(Node::Not(Box::new(self.into_node())))
    }
}

/// `a & b` is `a and b` (both over the same type; see [`Expr::and`] otherwise).
impl<T, K, K2> ops::BitAnd<Expr<T, bool, K2>> for Expr<T, bool, K> {
    type Output = Filter<T>;

    fn bitand(self, other: Expr<T, bool, K2>) -> Filter<T> {
        binary(BinaryOp::And, self.into_node(), other.into_node())
    }
}

/// `a | b` is `a or b` (both over the same type; see [`Expr::or`] otherwise).
impl<T, K, K2> ops::BitOr<Expr<T, bool, K2>> for Expr<T, bool, K> {
    type Output = Filter<T>;

    fn bitor(self, other: Expr<T, bool, K2>) -> Filter<T> {
        binary(BinaryOp::Or, self.into_node(), other.into_node())
    }
}

/// Numeric Edm types: the operands of `add`, `sub`, `mul`, `div` and `mod`.
pub trait Numeric: UrlLiteral {}
impl Numeric for u8 {}
impl Numeric for i8 {}
impl Numeric for i16 {}
impl Numeric for i32 {}
impl Numeric for i64 {}
impl Numeric for f32 {}
impl Numeric for f64 {}
impl Numeric for Decimal {}

macro_rules! arithmetic {
    ($($trait:ident $method:ident $op:ident),*) => {$(
        #[doc = concat!("`", stringify!($method), "` in OData: `x ", stringify!($op), " y`.")]
        impl<T, V: Numeric, K, R: Operand<T, V>> ops::$trait<R> for Expr<T, V, K> {
            type Output = Expr<T, V>;

            fn $method(self, other: R) -> Expr<T, V> {
                binary(BinaryOp::$op, self.into_node(), operand(other))
            }
        }
    )*};
}

arithmetic!(Add add Add, Sub sub Sub, Mul mul Mul, Div div Div, Rem rem Mod);

/// String functions.
impl<T, K> Expr<T, String, K> {
    /// `contains(s,x)`.
    pub fn contains(self, part: impl Operand<T, String>) -> Filter<T> {
        call("contains", vec![self.into_node(), operand(part)])
    }

    /// `startswith(s,x)`.
    pub fn starts_with(self, prefix: impl Operand<T, String>) -> Filter<T> {
        call("startswith", vec![self.into_node(), operand(prefix)])
    }

    /// `endswith(s,x)`.
    pub fn ends_with(self, suffix: impl Operand<T, String>) -> Filter<T> {
        call("endswith", vec![self.into_node(), operand(suffix)])
    }

    /// `length(s)`.
    pub fn length(self) -> Expr<T, i32> {
        call("length", vec![self.into_node()])
    }

    /// `indexof(s,x)`: the zero-based position of `x`, or -1.
    pub fn index_of(self, part: impl Operand<T, String>) -> Expr<T, i32> {
        call("indexof", vec![self.into_node(), operand(part)])
    }

    /// `substring(s,start)`.
    pub fn substring(self, start: impl Operand<T, i32>) -> Expr<T, String> {
        call("substring", vec![self.into_node(), operand(start)])
    }

    /// `substring(s,start,length)`.
    pub fn substring_len(self, start: impl Operand<T, i32>, length: impl Operand<T, i32>) -> Expr<T, String> {
        call("substring", vec![self.into_node(), operand(start), operand(length)])
    }

    /// `tolower(s)`.
    pub fn to_lower(self) -> Expr<T, String> {
        call("tolower", vec![self.into_node()])
    }

    /// `toupper(s)`.
    pub fn to_upper(self) -> Expr<T, String> {
        call("toupper", vec![self.into_node()])
    }

    /// `trim(s)`.
    pub fn trim(self) -> Expr<T, String> {
        call("trim", vec![self.into_node()])
    }

    /// `concat(s,x)`.
    pub fn concat(self, other: impl Operand<T, String>) -> Expr<T, String> {
        call("concat", vec![self.into_node(), operand(other)])
    }
}

macro_rules! date_parts {
    ($ty:ty: $($method:ident),*) => {
        impl<T, K> Expr<T, $ty, K> {
            $(
                #[doc = concat!("`", stringify!($method), "(x)`.")]
                pub fn $method(self) -> Expr<T, i32> {
                    call(stringify!($method), vec![self.into_node()])
                }
            )*
        }
    };
}

date_parts!(DateTimeOffset: year, month, day, hour, minute, second);
date_parts!(Date: year, month, day);

impl<T, K> Expr<T, DateTimeOffset, K> {
    /// `date(x)`: the date part.
    pub fn date(self) -> Expr<T, Date> {
        call("date", vec![self.into_node()])
    }
}

/// `has`, on flags enumerations.
impl<T, E: ODataEnum + UrlLiteral, K> Expr<T, Flags<E>, K> {
    /// `x has Namespace.type'member'`: the member is set.
    pub fn has(self, member: E) -> Filter<T> {
        binary(BinaryOp::Has, self.into_node(), Node::Literal(member.to_literal()))
    }
}

/// Lambdas, on collections: collection-valued properties and navigation properties.
impl<T, I, K> Expr<T, Vec<I>, K> {
    /// `path/any(x:predicate)`: some item satisfies the predicate. The closure gets the lambda
    /// variable (for collections of primitive or enumeration values, compare it directly:
    /// `|m| m.eq(Modality::Audio)`); properties of the item are written as usual and resolve
    /// against the variable: `CallRecord::PARTICIPANTS_V2.any(|_| Entity::ID.eq("821809f5"))` is
    /// `participants_v2/any(p:p/id eq '821809f5')`.
    pub fn any<U, D, K2>(self, predicate: impl FnOnce(Expr<I, I, Member>) -> Expr<U, bool, K2>) -> Filter<T>
    where
        I: Inherits<U, D>,
    {
        self.lambda(false, predicate(Expr::from_node(Node::Path(Vec::new()))).into_node())
    }

    /// `path/all(x:predicate)`: every item satisfies the predicate.
    pub fn all<U, D, K2>(self, predicate: impl FnOnce(Expr<I, I, Member>) -> Expr<U, bool, K2>) -> Filter<T>
    where
        I: Inherits<U, D>,
    {
        self.lambda(true, predicate(Expr::from_node(Node::Path(Vec::new()))).into_node())
    }

    /// `path/any()`: the collection is not empty.
    pub fn is_not_empty(self) -> Filter<T> {
        Expr::from_node(Node::Lambda { collection: Box::new(self.into_node()), all: false, body: None })
    }

    fn lambda(self, all: bool, body: Node) -> Filter<T> {
        Expr::from_node(Node::Lambda { collection: Box::new(self.into_node()), all, body: Some(Box::new(body)) })
    }
}

/// A literal that stands alone in an expression, for comparisons whose left side is a value:
/// `literal::<Call, _>(5).lt(Call::COUNT)`.
pub fn literal<T, V: UrlLiteral>(value: V) -> Expr<T, V, Computed> {
    Expr::from_node(Node::Literal(value.to_literal()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::ancestry::HasBase;
    use crate::query::expr::{NavigationProperty, Property};

    struct Base;
    struct Derived;
    impl HasBase for Derived {
        type Base = Base;
    }
    const ID: Property<Base, String> = Property::property("id");
    const NAME: Property<Derived, String> = Property::property("name");
    const SIZE: Property<Derived, i64> = Property::property("size");
    const RATIO: Property<Derived, f64> = Property::property("ratio");
    const TAGS: Property<Derived, Vec<String>> = Property::property("tags");
    const CHILDREN: NavigationProperty<Derived, Vec<Derived>> = NavigationProperty::navigation("children");

    #[test]
    fn precedence_decides_the_parentheses() {
        let f = NAME.eq("a").or(NAME.eq("b")).and(SIZE.gt(1));
        assert_eq!(f.to_string(), "(name eq 'a' or name eq 'b') and size gt 1");
        let f = NAME.eq("a").or(NAME.eq("b").and(SIZE.gt(1)));
        assert_eq!(f.to_string(), "name eq 'a' or name eq 'b' and size gt 1");
        let f = NAME.eq("a").and(NAME.eq("b").and(SIZE.gt(1)));
        assert_eq!(f.to_string(), "name eq 'a' and name eq 'b' and size gt 1");
        assert_eq!((!NAME.eq("a")).to_string(), "not (name eq 'a')");
        assert_eq!(((SIZE + 1) * 2).gt(SIZE - (SIZE - 1)).to_string(), "(size add 1) mul 2 gt size sub (size sub 1)");
        assert_eq!((RATIO / 2.5).le(0.5).to_string(), "ratio div 2.5 le 0.5");
    }

    #[test]
    fn base_and_derived_filters_combine_in_either_order() {
        let a: Filter<Derived> = ID.eq("x").and(NAME.eq("y"));
        let b: Filter<Derived> = NAME.eq("y").or(ID.eq("x"));
        assert_eq!(a.to_string(), "id eq 'x' and name eq 'y'");
        assert_eq!(b.to_string(), "name eq 'y' or id eq 'x'");
        let c: Filter<Derived> = ID.ne("z").within();
        assert_eq!(c.to_string(), "id ne 'z'");
    }

    #[test]
    fn lambdas_name_their_variables_and_nest() {
        let f = CHILDREN.any(|_| NAME.eq("n").and(CHILDREN.all(|_| SIZE.lt(3))));
        assert_eq!(f.to_string(), "children/any(c:c/name eq 'n' and c/children/all(c1:c1/size lt 3))");
        assert_eq!(TAGS.any(|t| t.eq("x")).to_string(), "tags/any(t:t eq 'x')");
        assert_eq!(TAGS.is_not_empty().to_string(), "tags/any()");
        assert_eq!(CHILDREN.any(|_| ID.eq("i")).to_string(), "children/any(c:c/id eq 'i')");
    }

    #[test]
    fn in_lists_and_functions() {
        assert_eq!(NAME.is_in(["a", "b'"]).to_string(), "name in ('a','b''')");
        assert_eq!(NAME.is_in(Vec::<String>::new()).to_string(), "false");
        assert_eq!(NAME.to_lower().contains("abc").to_string(), "contains(tolower(name),'abc')");
        assert_eq!(NAME.length().ge(3).to_string(), "length(name) ge 3");
        assert_eq!(literal::<Derived, i64>(5).lt(SIZE).to_string(), "5 lt size");
        assert_eq!(NAME.eq(None).to_string(), "name eq null");
    }
}
