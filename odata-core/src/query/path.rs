//! Typed resource paths: the service root, entity sets and singletons, keys, navigation, type
//! casts, bound functions and `$count`, per the OData URL conventions.
//!
//! A [`Resource<R>`] knows what it addresses: `Resource<Vec<CallRecord>>` is a collection,
//! `.key(id)` turns it into a `Resource<CallRecord>`, `.navigate(CallRecord::SESSIONS)` into a
//! `Resource<Vec<Session>>`. Each segment is percent-encoded on its own, so a key cannot add
//! segments or a query.

use std::fmt;
use std::marker::PhantomData;
use std::sync::Arc;

use super::ancestry::{CastsFrom, Inherits};
use super::expr::{Expr, Navigation};
use super::key::{EntityKey, IntoKey, write_key};
use super::literal::{PATH_SEGMENT, UrlLiteral, push_encoded};
use super::options::Query;
use crate::{NavigationTarget, ODataEntity, ODataOperation, ODataType};

/// How a service spells what the URL conventions leave open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UrlConventions {
    /// Single-part keys as their own path segment (`callRecords/{id}`) instead of in
    /// parentheses (`callRecords('{id}')`). Compound keys always use parentheses.
    pub key_as_segment: bool,
    /// Bound operations by their namespace-qualified name (what OData 4.0 requires) instead of
    /// their simple name (what Microsoft Graph writes).
    pub qualified_operations: bool,
}

impl UrlConventions {
    /// The OData 4.0 defaults: keys in parentheses, qualified operation names.
    pub const STANDARD: UrlConventions = UrlConventions { key_as_segment: false, qualified_operations: true };

    /// Microsoft Graph's: keys as segments, simple operation names.
    pub const GRAPH: UrlConventions = UrlConventions { key_as_segment: true, qualified_operations: false };
}

impl Default for UrlConventions {
    fn default() -> Self {
        UrlConventions::STANDARD
    }
}

/// A service root URL was not absolute `http` or `https`, or had a query or fragment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvalidServiceRoot {
    url: String,
    reason: &'static str,
}

impl fmt::Display for InvalidServiceRoot {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid OData service root `{}`: {}", self.url, self.reason)
    }
}

impl std::error::Error for InvalidServiceRoot {}

/// The service root (`https://graph.microsoft.com/v1.0`) and its URL conventions. Cheap to clone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServiceRoot {
    url: Arc<str>,
    conventions: UrlConventions,
}

impl ServiceRoot {
    /// The service at `url` (absolute `http`/`https`, no query or fragment; a trailing `/` is
    /// dropped), with the standard conventions.
    pub fn new(url: &str) -> Result<Self, InvalidServiceRoot> {
        let invalid = |reason| InvalidServiceRoot { url: url.to_owned(), reason };
        let uri: http::Uri = url.parse().map_err(|_| invalid("not a URL"))?;
        match uri.scheme_str() {
            Some("http" | "https") => {}
            _ => return Err(invalid("the scheme must be http or https")),
        }
        if uri.authority().is_none() {
            return Err(invalid("no host"));
        }
        if uri.query().is_some() || url.contains('#') {
            return Err(invalid("a service root has no query or fragment"));
        }
        let url = url.trim_end_matches('/');
        Ok(ServiceRoot { url: url.into(), conventions: UrlConventions::STANDARD })
    }

    /// Microsoft Graph v1.0, with Graph's conventions.
    pub fn graph_v1() -> Self {
        ServiceRoot { url: "https://graph.microsoft.com/v1.0".into(), conventions: UrlConventions::GRAPH }
    }

    /// Microsoft Graph beta, with Graph's conventions.
    pub fn graph_beta() -> Self {
        ServiceRoot { url: "https://graph.microsoft.com/beta".into(), conventions: UrlConventions::GRAPH }
    }

    /// The same root with other conventions.
    pub fn with_conventions(mut self, conventions: UrlConventions) -> Self {
        self.conventions = conventions;
        self
    }

    /// The root URL, without a trailing `/`.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// The conventions paths are built with.
    pub fn conventions(&self) -> UrlConventions {
        self.conventions
    }

    /// The entity set `name` (a path from the root: `communications/callRecords` for Graph's
    /// contained call records), holding `E`s.
    pub fn entity_set<E: ODataType>(&self, name: &str) -> Resource<Vec<E>> {
        self.resource(name)
    }

    /// The singleton `name`, an `E`.
    pub fn singleton<E: ODataType>(&self, name: &str) -> Resource<E> {
        self.resource(name)
    }

    /// Any resource by its path from the root, typed by the caller: for what the typed path
    /// API does not cover. Each `/`-separated part is percent-encoded as a segment.
    pub fn resource<R>(&self, path: &str) -> Resource<R> {
        let mut resource = Resource { root: self.clone(), path: String::new(), marker: PhantomData };
        for segment in path.split('/').filter(|s| !s.is_empty()) {
            resource.push_segment(segment);
        }
        resource
    }

    /// The `$metadata` document's URL.
    pub fn metadata_url(&self) -> String {
        format!("{}/$metadata", self.url)
    }
}

/// A resource of the service: what a URL path addresses, typed by what it holds (`Vec<E>` for
/// a collection, `E` for a single entity). See the [`query`](crate::query) module.
pub struct Resource<R> {
    root: ServiceRoot,
    /// Percent-encoded, relative to the root, without a leading `/`.
    path: String,
    marker: PhantomData<fn() -> R>,
}

impl<R> Resource<R> {
    /// The service root.
    pub fn root(&self) -> &ServiceRoot {
        &self.root
    }

    /// The path below the root, percent-encoded, without a leading `/`.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// The absolute URL, without query options.
    pub fn url(&self) -> String {
        format!("{}/{}", self.root.url, self.path)
    }

    /// The absolute URL with these query options.
    pub fn url_with<T>(&self, query: &Query<T>) -> String {
        let mut url = self.url();
        if !query.is_empty() {
            url.push('?');
            url.push_str(&query.to_query_string());
        }
        url
    }

    fn push_segment(&mut self, segment: &str) {
        if !self.path.is_empty() {
            self.path.push('/');
        }
        push_encoded(&mut self.path, segment, PATH_SEGMENT);
    }

    fn retype<S>(self) -> Resource<S> {
        Resource { root: self.root, path: self.path, marker: PhantomData }
    }

    /// The same path, typed as holding an `S`: for what the model types elsewhere (an action
    /// import's result).
    pub(crate) fn retyped<S>(self) -> Resource<S> {
        self.retype()
    }

    /// The function bound to this resource, called with the parameters `function` holds:
    /// `callRecords/getPstnCalls(fromDateTime=...,toDateTime=...)`.
    pub fn call<F>(self, function: &F) -> Resource<F::Output>
    where
        F: ODataOperation<Binding = R> + FunctionParameters,
    {
        let info = F::OPERATION_INFO;
        let name = if self.root.conventions.qualified_operations { info.qualified_name } else { info.name };
        self.call_import(name, function)
    }

    /// The function called as `name(...)` below this resource: a bound function, or (below the
    /// root) a function import, which is called by the import's simple name.
    pub(crate) fn call_import<F>(mut self, name: &str, function: &F) -> Resource<F::Output>
    where
        F: ODataOperation + FunctionParameters,
    {
        let mut segment = name.to_owned();
        segment.push('(');
        let mut parameters = ParameterWriter { out: &mut segment, first: true };
        function.write_parameters(&mut parameters);
        segment.push(')');
        self.push_segment(&segment);
        self.retype()
    }
}

impl<R> Resource<R> {
    /// The action bound to this resource, by its qualified name: `orders(1)/ns.ship` (an action
    /// is invoked with POST, its parameters in the body). The binding type picks the overload:
    /// `A::Binding` must be this resource's type, so each overload of a name bound to another
    /// type is a different `A`.
    pub fn action<A>(mut self) -> Resource<A::Output>
    where
        A: ODataOperation<Binding = R>,
    {
        let info = A::OPERATION_INFO;
        let name = if self.root.conventions.qualified_operations { info.qualified_name } else { info.name };
        self.push_segment(name);
        self.retype()
    }
}

impl<E: ODataEntity> Resource<Vec<E>> {
    /// The entity with this key, typed by the entity type's key ([`ODataEntity::Key`]):
    /// `Products(1)`, `Order_Details(OrderID=1,ProductID=2)`, `Customers('ALFKI')`, or
    /// `sessions/x` with [`UrlConventions::key_as_segment`] (single keys only). Strings are quoted
    /// and their `'` doubled; every character that could end the segment is percent-encoded.
    ///
    /// A key of another type does not compile: `.key("1")` or `.key(1.5)` for an `Edm.Int32`
    /// key. For a key the model does not describe, [`key_value`](Self::key_value) takes any
    /// [`KeyValue`].
    pub fn key(self, key: impl IntoKey<E::Key>) -> Resource<E> {
        let key = key.into_key();
        let names = E::TYPE_INFO.key();
        let mut text = String::new();
        if self.root.conventions.key_as_segment && <E::Key as EntityKey>::PARTS == 1 {
            key.visit_parts(&mut |value| value.write_key_segment(&mut text));
            return self.push_key_segment(&text);
        }
        text.push('(');
        write_key(&key, names, &mut text);
        text.push(')');
        self.push_key_parentheses(&text)
    }
}

impl<E> Resource<Vec<E>> {
    /// The entity with this key, untyped: any [`KeyValue`] (a literal, or a [`CompoundKey`]
    /// naming its parts), for a resource typed by hand or a key the model does not describe.
    /// Prefer the typed [`key`](Self::key), which checks the key's type.
    pub fn key_value(self, key: impl KeyValue) -> Resource<E> {
        let mut text = String::new();
        if self.root.conventions.key_as_segment && key.is_single() {
            key.write_key_segment(&mut text);
            return self.push_key_segment(&text);
        }
        text.push('(');
        key.write_key(&mut text);
        text.push(')');
        self.push_key_parentheses(&text)
    }

    fn push_key_segment(mut self, text: &str) -> Resource<E> {
        self.push_segment(text);
        self.retype()
    }

    fn push_key_parentheses(mut self, text: &str) -> Resource<E> {
        // The parentheses belong to the last segment: `Sessions('x')`.
        push_encoded(&mut self.path, text, PATH_SEGMENT);
        self.retype()
    }

    /// Only the items of the derived type `U`: `participants_v2/microsoft.graph.callRecords.organizer`.
    pub fn cast<U, D>(mut self) -> Resource<Vec<U>>
    where
        U: ODataType + CastsFrom<E, D>,
    {
        self.push_segment(U::QUALIFIED_NAME);
        self.retype()
    }

    /// `/$count`: the number of items (a plain-text integer in the response).
    pub fn count(mut self) -> Resource<Count<E>> {
        self.path.push_str("/$count");
        self.retype()
    }
}

impl<E: ODataType> Resource<E> {
    /// Follows a navigation property of the entity (or of its base types):
    /// `callRecords/{id}/sessions`.
    pub fn navigate<B, N: NavigationTarget, D>(mut self, navigation: Expr<B, N, Navigation>) -> Resource<N>
    where
        E: Inherits<B, D>,
    {
        self.push_segment(&navigation.path());
        self.retype()
    }

    /// The entity as the derived type `U` (a cast segment; the service answers 404 when it is
    /// another type).
    pub fn cast<U, D>(mut self) -> Resource<U>
    where
        U: ODataType + CastsFrom<E, D>,
    {
        self.push_segment(U::QUALIFIED_NAME);
        self.retype()
    }
}

impl<E: crate::MediaEntity> Resource<E> {
    /// `/$value` of a media entity: its stream (the bytes of the photo, document or recording).
    /// A service may name another place in the entity's `@odata.mediaReadLink`
    /// ([`MediaEntity::media_read_link`](crate::MediaEntity::media_read_link)); this is the
    /// conventional one.
    pub fn media_stream(mut self) -> Resource<MediaStream<E>> {
        self.path.push_str("/$value");
        self.retype()
    }
}

/// What `/$value` of a media entity addresses: the stream of an `E`.
#[derive(Debug)]
pub struct MediaStream<E>(PhantomData<fn() -> E>);

/// What `/$count` addresses: the number of `E`s (a filter over `E` may narrow it).
#[derive(Debug)]
pub struct Count<E>(PhantomData<fn() -> E>);

impl<R> Clone for Resource<R> {
    fn clone(&self) -> Self {
        Resource { root: self.root.clone(), path: self.path.clone(), marker: PhantomData }
    }
}

impl<R> fmt::Debug for Resource<R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Resource({})", self.url())
    }
}

/// The absolute URL.
impl<R> fmt::Display for Resource<R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.root.url, self.path)
    }
}

/// An entity key: a single value ([`UrlLiteral`]) or a [`CompoundKey`].
pub trait KeyValue {
    /// Writes the key in parentheses' syntax, without the parentheses: `'x'` or `a=1,b='x'`.
    fn write_key(&self, out: &mut String);

    /// Whether the key is a single value (which may then be written as a path segment).
    fn is_single(&self) -> bool;

    /// Writes a single-part key as a path segment (strings unquoted).
    fn write_key_segment(&self, out: &mut String);
}

impl<T: UrlLiteral> KeyValue for T {
    fn write_key(&self, out: &mut String) {
        self.write_literal(out);
    }

    fn is_single(&self) -> bool {
        true
    }

    fn write_key_segment(&self, out: &mut String) {
        UrlLiteral::write_key_segment(self, out);
    }
}

/// A key of several properties: `(partnerId=1,name='x')`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CompoundKey {
    text: String,
}

impl CompoundKey {
    /// No parts yet.
    pub fn new() -> Self {
        CompoundKey::default()
    }

    /// Adds the key property `name` with its value.
    pub fn part(mut self, name: &str, value: impl UrlLiteral) -> Self {
        if !self.text.is_empty() {
            self.text.push(',');
        }
        self.text.push_str(name);
        self.text.push('=');
        value.write_literal(&mut self.text);
        self
    }
}

impl KeyValue for CompoundKey {
    fn write_key(&self, out: &mut String) {
        out.push_str(&self.text);
    }

    fn is_single(&self) -> bool {
        false
    }

    fn write_key_segment(&self, out: &mut String) {
        out.push_str(&self.text);
    }
}

/// The parameters of a function, written into its call segment. `#[derive(ODataFunction)]`
/// implements it: each field is a parameter, and must be a [`UrlLiteral`].
pub trait FunctionParameters {
    /// Writes each parameter with [`ParameterWriter::parameter`].
    fn write_parameters(&self, out: &mut ParameterWriter<'_>);
}

/// Writes `name=literal` pairs, comma-separated, into a function call segment.
#[derive(Debug)]
pub struct ParameterWriter<'a> {
    out: &'a mut String,
    first: bool,
}

impl ParameterWriter<'_> {
    /// Writes one parameter.
    pub fn parameter(&mut self, name: &str, value: &(impl ParameterValue + ?Sized)) {
        if !self.first {
            self.out.push(',');
        }
        self.first = false;
        self.out.push_str(name);
        self.out.push('=');
        value.write_parameter(self.out);
    }
}

/// A function parameter's value in the URL: a literal, or a collection written as a JSON array
/// (`labelIds=["a","b"]`, which the OData 4.01 ABNF allows in URLs).
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be a function parameter in a URL",
    label = "not a primitive, enumeration or collection value",
    note = "function parameters are literals (strings, numbers, dates, enums, ...) or collections of them"
)]
pub trait ParameterValue {
    /// Appends the value, not yet percent-encoded.
    fn write_parameter(&self, out: &mut String);
}

impl<T: UrlLiteral + ?Sized> ParameterValue for T {
    fn write_parameter(&self, out: &mut String) {
        self.write_literal(out);
    }
}

impl<T: crate::EdmType> ParameterValue for Vec<T> {
    fn write_parameter(&self, out: &mut String) {
        write_json_parameter(self, out);
    }
}

/// A collection, or a single entity or complex value (the derives implement [`ParameterValue`]
/// with this), as JSON text: what the OData 4.01 ABNF allows for them in a URL
/// (`collectionInUri`, `complexInUri`).
pub fn write_json_parameter<T: crate::EdmType>(value: &T, out: &mut String) {
    match serde_json::to_string(&crate::edm::AsEdm(value)) {
        Ok(json) => out.push_str(&json),
        // Encoding a model value to JSON text does not fail; `null` keeps the URL valid.
        Err(_) => out.push_str("null"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roots_are_validated() {
        assert!(ServiceRoot::new("ftp://x/y").is_err());
        assert!(ServiceRoot::new("/relative").is_err());
        assert!(ServiceRoot::new("http://x/odata?x=1").is_err());
        assert_eq!(
            ServiceRoot::new("http://127.0.0.1:4004/odata/v4/x/").map(|r| r.metadata_url()).ok().as_deref(),
            Some("http://127.0.0.1:4004/odata/v4/x/$metadata")
        );
    }

    #[test]
    fn keys_stay_inside_their_segment() -> Result<(), InvalidServiceRoot> {
        let root = ServiceRoot::new("http://h/s")?;
        let set: Resource<Vec<()>> = root.resource("People");
        assert_eq!(set.clone().key_value("a'b/c?d#e").url(), "http://h/s/People('a''b%2Fc%3Fd%23e')");
        assert_eq!(set.clone().key_value(42i64).url(), "http://h/s/People(42)");
        assert_eq!(
            set.clone().key_value(CompoundKey::new().part("a", 1i32).part("b", "x")).url(),
            "http://h/s/People(a=1,b='x')"
        );
        let graph = root.with_conventions(UrlConventions::GRAPH);
        let set: Resource<Vec<()>> = graph.resource("users");
        assert_eq!(set.clone().key_value("a'b/c").url(), "http://h/s/users/a'b%2Fc");
        assert_eq!(set.count().url(), "http://h/s/users/$count");
        Ok(())
    }
}
