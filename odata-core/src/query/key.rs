//! Typed entity keys: each entity type names the Rust type of its key
//! ([`ODataEntity::Key`](crate::ODataEntity::Key)), so that `.key(..)` on a collection of
//! `Product`s takes a `Product::Key` and nothing else (`.key("1")` and `.key(1.5)` do not compile
//! for an `Edm.Int32` key).
//!
//! A single key property is its value's Rust type (`i32`, `String`, `uuid::Uuid`); a compound key is
//! a tuple of the key properties' types in the order `<Key>` lists them (`(i32, i32)` for
//! Northwind's `Order_Details(OrderID=1,ProductID=2)`); an entity type without a key has [`NoKey`],
//! which no value converts to.

use super::literal::UrlLiteral;

/// The key of an entity type, as URL literals: one per key property, in key order.
///
/// Implemented for every [`UrlLiteral`] (a single key property) and for tuples of up to twelve
/// of them (compound keys: Northwind's `Invoice` view has nine key properties); the derive picks the type, so users rarely name this trait.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be the key of an entity type",
    label = "not a primitive or enumeration value, nor a tuple of them",
    note = "key properties are primitive (or enumeration) properties; a compound key is a tuple of their Rust types"
)]
pub trait EntityKey {
    /// The number of key properties.
    const PARTS: usize;

    /// Calls `part` with each key property's value, in key order.
    fn visit_parts(&self, part: &mut dyn FnMut(&dyn UrlLiteral));
}

impl<T: UrlLiteral> EntityKey for T {
    const PARTS: usize = 1;

    fn visit_parts(&self, part: &mut dyn FnMut(&dyn UrlLiteral)) {
        part(self);
    }
}

macro_rules! tuple_keys {
    ($($len:literal => ($($name:ident : $index:tt),+);)+) => {$(
        impl<$($name: UrlLiteral),+> EntityKey for ($($name,)+) {
            const PARTS: usize = $len;

            fn visit_parts(&self, part: &mut dyn FnMut(&dyn UrlLiteral)) {
                $(part(&self.$index);)+
            }
        }
    )+};
}

tuple_keys! {
    2 => (A: 0, B: 1);
    3 => (A: 0, B: 1, C: 2);
    4 => (A: 0, B: 1, C: 2, D: 3);
    5 => (A: 0, B: 1, C: 2, D: 3, E: 4);
    6 => (A: 0, B: 1, C: 2, D: 3, E: 4, F: 5);
    7 => (A: 0, B: 1, C: 2, D: 3, E: 4, F: 5, G: 6);
    8 => (A: 0, B: 1, C: 2, D: 3, E: 4, F: 5, G: 6, H: 7);
    9 => (A: 0, B: 1, C: 2, D: 3, E: 4, F: 5, G: 6, H: 7, I: 8);
    10 => (A: 0, B: 1, C: 2, D: 3, E: 4, F: 5, G: 6, H: 7, I: 8, J: 9);
    11 => (A: 0, B: 1, C: 2, D: 3, E: 4, F: 5, G: 6, H: 7, I: 8, J: 9, K: 10);
    12 => (A: 0, B: 1, C: 2, D: 3, E: 4, F: 5, G: 6, H: 7, I: 8, J: 9, K: 10, L: 11);
}

/// The key of an entity type that has none (`#[odata(keyless)]`, Graph's singleton-only types):
/// no value of it exists, so such an entity cannot be addressed by key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NoKey {}

impl EntityKey for NoKey {
    const PARTS: usize = 0;

    fn visit_parts(&self, _: &mut dyn FnMut(&dyn UrlLiteral)) {
        match *self {}
    }
}

/// What `.key(..)` accepts for an entity type whose key is `K`: `K` itself, and for a `String`
/// key also `&str`, `&String`, `Box<str>` and `Cow<str>` (`.key("ALFKI")`). Nothing converts
/// between numbers: an `Edm.Int32` key takes an `i32` (an integer literal is one).
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a key of this entity type, whose key is `{K}`",
    label = "expected a key of type `{K}`",
    note = "the entity type's key properties decide the key's Rust type: one property is its type, several are a tuple in key order; an entity type without a key has `NoKey`",
    note = "for a key the model does not describe (a `CompoundKey`, a resource typed by hand), `.key_value(..)` takes any `KeyValue`"
)]
pub trait IntoKey<K> {
    /// The key value.
    fn into_key(self) -> K;
}

impl<K: EntityKey> IntoKey<K> for K {
    fn into_key(self) -> K {
        self
    }
}

impl IntoKey<String> for &str {
    fn into_key(self) -> String {
        self.to_owned()
    }
}

impl IntoKey<String> for &String {
    fn into_key(self) -> String {
        self.clone()
    }
}

impl IntoKey<String> for Box<str> {
    fn into_key(self) -> String {
        self.into()
    }
}

impl IntoKey<String> for std::borrow::Cow<'_, str> {
    fn into_key(self) -> String {
        self.into_owned()
    }
}

/// Writes `key` of an entity type whose key properties are `names`, without the parentheses:
/// `1` for a single key, `OrderID=1,ProductID=2` for a compound one. A single key is written
/// without its name, as the OData URL conventions' canonical form does.
pub(crate) fn write_key<K: EntityKey + ?Sized>(key: &K, names: &[&str], out: &mut String) {
    if K::PARTS == 1 {
        key.visit_parts(&mut |value| value.write_literal(out));
        return;
    }
    let mut names = names.iter();
    let mut first = true;
    key.visit_parts(&mut |value| {
        if !first {
            out.push(',');
        }
        first = false;
        // The derive makes the key's parts and names agree; were they to differ, the value is
        // still written rather than dropped, and the service reports the malformed key.
        if let Some(name) = names.next() {
            out.push_str(name);
            out.push('=');
        }
        value.write_literal(out);
    });
}
