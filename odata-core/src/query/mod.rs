//! Typed requests: resource paths, system query options and `$filter`, checked by the compiler
//! against the model the derives describe.
//!
//! The derives generate a constant per property (`Session::START_DATE_TIME`) and per navigation
//! property (`CallRecord::SESSIONS`). A misspelled property does not compile, `$expand` takes
//! only navigation properties, and a literal must have the type of the property it is compared
//! with. Literals are escaped and URLs percent-encoded per the OData ABNF and RFC 3986, so no
//! value can change what a URL means.
//!
//! - [`ServiceRoot`] and [`Resource`]: `communications/callRecords/{id}/sessions`, keys, casts,
//!   bound functions, `$count` ([`path`](self::ServiceRoot)); keys typed by the entity type's
//!   key ([`EntityKey`], [`IntoKey`]);
//! - [`Query`]: `$select`, `$expand` (nested), `$filter`, `$orderby`, `$top`, `$skip`,
//!   `$count`, `$search`, `$skiptoken`, and raw options;
//! - [`Expr`] and [`Filter`]: the `$filter` language;
//! - [`UrlLiteral`]: values as URL literals.

mod ancestry;
mod expr;
mod filter;
mod key;
mod literal;
mod options;
pub(crate) mod path;

pub use ancestry::{CastsFrom, Derived, Down, HasBase, Held, Here, Inherits, There, Unify, Up};
pub use expr::{
    Computed, Expr, Filter, Key, KeyProperty, Member, Navigation, NavigationProperty, PathKind, Property, PropertyKind,
    ReadOnly, ReadOnlyProperty,
};
pub use filter::{Numeric, Operand, is_of, literal};
pub use key::{EntityKey, IntoKey, NoKey};
pub use literal::{PATH_SEGMENT, QUERY_VALUE, UrlLiteral, write_enum_literal};
pub use options::Query;
pub use path::{
    CompoundKey, Count, FunctionParameters, InvalidServiceRoot, KeyValue, MediaStream, ParameterValue, ParameterWriter,
    Resource, ServiceRoot, UrlConventions,
};
