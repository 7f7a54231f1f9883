//! System query options, typed by the type queried: `Query<Session>` takes only the properties
//! of `session` (and of its base types) in `$select`, only its navigation properties in
//! `$expand` (with nested options typed by the target), and filters over `session`.
//!
//! ```
//! # use odata_core::query::{Property, Query};
//! # struct Session;
//! # const ID: Property<Session, String> = Property::property("id");
//! # const START: Property<Session, i64> = Property::property("start");
//! let query = Query::<Session>::new().select(ID).filter(ID.eq("a&b")).order_by_desc(START).top(5);
//! assert_eq!(query.to_query_string(), "$select=id&$filter=id%20eq%20'a%26b'&$orderby=start%20desc&$top=5");
//! ```

use std::fmt;
use std::marker::PhantomData;

use super::ancestry::Inherits;
use super::expr::{Expr, Node, PropertyKind, Renderer};
use super::literal::{QUERY_VALUE, push_encoded};
use crate::NavigationTarget;

/// System query options for a request on `T` (or on a collection of `T`).
pub struct Query<T> {
    options: QueryOptions,
    marker: PhantomData<fn() -> T>,
}

/// The options, untyped: what a nested `$expand` stores.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct QueryOptions {
    select: Vec<Node>,
    expand: Vec<(Node, Option<Box<QueryOptions>>)>,
    filter: Option<Node>,
    order_by: Vec<(Node, bool)>,
    top: Option<u64>,
    skip: Option<u64>,
    count: Option<bool>,
    search: Option<String>,
    skip_token: Option<String>,
    raw: Vec<(String, String)>,
}

impl<T> Query<T> {
    /// No options.
    pub fn new() -> Self {
        Query { options: QueryOptions::default(), marker: PhantomData }
    }

    /// Adds a property (or a path into a complex property) to `$select`.
    pub fn select<B, V, K: PropertyKind, D>(mut self, property: Expr<B, V, K>) -> Self
    where
        T: Inherits<B, D>,
    {
        self.options.select.push(property.into_node());
        self
    }

    /// Adds a navigation property to `$expand`.
    pub fn expand<B, N: NavigationTarget, D>(self, navigation: Expr<B, N, super::expr::Navigation>) -> Self
    where
        T: Inherits<B, D>,
    {
        self.expand_with(navigation, |nested| nested)
    }

    /// Adds a navigation property to `$expand` with nested options over its target:
    /// `sessions($select=id;$expand=segments)`.
    pub fn expand_with<B, N: NavigationTarget, D>(
        mut self,
        navigation: Expr<B, N, super::expr::Navigation>,
        nested: impl FnOnce(Query<N::Entity>) -> Query<N::Entity>,
    ) -> Self
    where
        T: Inherits<B, D>,
    {
        let options = nested(Query::new()).options;
        let options = (options != QueryOptions::default()).then(|| Box::new(options));
        self.options.expand.push((navigation.into_node(), options));
        self
    }

    /// Sets `$filter`; called again, the filters are combined with `and`.
    pub fn filter<B, D, K>(mut self, filter: Expr<B, bool, K>) -> Self
    where
        T: Inherits<B, D>,
    {
        let node = filter.into_node();
        self.options.filter = Some(match self.options.filter.take() {
            Some(before) => Node::Binary(super::expr::BinaryOp::And, Box::new(before), Box::new(node)),
            None => node,
        });
        self
    }

    /// Adds an ascending key to `$orderby`.
    pub fn order_by<B, V, K, D>(mut self, key: Expr<B, V, K>) -> Self
    where
        T: Inherits<B, D>,
    {
        self.options.order_by.push((key.into_node(), false));
        self
    }

    /// Adds a descending key to `$orderby`.
    pub fn order_by_desc<B, V, K, D>(mut self, key: Expr<B, V, K>) -> Self
    where
        T: Inherits<B, D>,
    {
        self.options.order_by.push((key.into_node(), true));
        self
    }

    /// `$top`: at most this many items.
    pub fn top(mut self, n: u64) -> Self {
        self.options.top = Some(n);
        self
    }

    /// `$skip`: leave out this many items first.
    pub fn skip(mut self, n: u64) -> Self {
        self.options.skip = Some(n);
        self
    }

    /// `$count=true`: the response says how many items match, across all pages.
    pub fn count(mut self, count: bool) -> Self {
        self.options.count = Some(count);
        self
    }

    /// `$search`, in the service's search syntax (phrases in double quotes, `AND`, `OR`,
    /// `NOT`). Percent-encoded like every option, so it cannot leak into other options.
    pub fn search(mut self, expression: impl Into<String>) -> Self {
        self.options.search = Some(expression.into());
        self
    }

    /// `$skiptoken`: the opaque token of a service's next page.
    pub fn skip_token(mut self, token: impl Into<String>) -> Self {
        self.options.skip_token = Some(token.into());
        self
    }

    /// Any other option, for what the typed API does not cover (`$apply`, `$compute`, custom
    /// options). Name and value are percent-encoded; the value is not otherwise checked.
    pub fn raw(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.options.raw.push((name.into(), value.into()));
        self
    }

    /// The options that apply to `/$count`: `$filter` and `$search` (the others do not).
    pub fn count_options(&self) -> Query<T> {
        let options = QueryOptions {
            filter: self.options.filter.clone(),
            search: self.options.search.clone(),
            ..QueryOptions::default()
        };
        Query { options, marker: PhantomData }
    }

    /// Whether no option is set.
    pub fn is_empty(&self) -> bool {
        self.options == QueryOptions::default()
    }

    /// The options as `name=value` pairs, in OData syntax, not percent-encoded.
    pub fn to_pairs(&self) -> Vec<(String, String)> {
        self.options.pairs()
    }

    /// The query string, percent-encoded, without the leading `?`.
    pub fn to_query_string(&self) -> String {
        let mut out = String::new();
        for (name, value) in self.options.pairs() {
            if !out.is_empty() {
                out.push('&');
            }
            push_encoded(&mut out, &name, QUERY_VALUE);
            out.push('=');
            push_encoded(&mut out, &value, QUERY_VALUE);
        }
        out
    }
}

impl QueryOptions {
    /// `(name, value)` in OData syntax, in a fixed order.
    fn pairs(&self) -> Vec<(String, String)> {
        let mut pairs = Vec::new();
        let mut push = |name: &str, value: String| pairs.push((name.to_owned(), value));
        if !self.select.is_empty() {
            push("$select", list(&self.select));
        }
        if !self.expand.is_empty() {
            let mut value = String::new();
            for (i, (navigation, nested)) in self.expand.iter().enumerate() {
                if i > 0 {
                    value.push(',');
                }
                Renderer::new(&mut value).node(navigation);
                if let Some(nested) = nested {
                    value.push('(');
                    for (j, (name, option)) in nested.pairs().into_iter().enumerate() {
                        if j > 0 {
                            value.push(';');
                        }
                        value.push_str(&name);
                        value.push('=');
                        value.push_str(&option);
                    }
                    value.push(')');
                }
            }
            push("$expand", value);
        }
        if let Some(filter) = &self.filter {
            push("$filter", render(filter));
        }
        if !self.order_by.is_empty() {
            let keys: Vec<String> = self
                .order_by
                .iter()
                .map(|(key, descending)| if *descending { render(key) + " desc" } else { render(key) })
                .collect();
            push("$orderby", keys.join(","));
        }
        if let Some(top) = self.top {
            push("$top", top.to_string());
        }
        if let Some(skip) = self.skip {
            push("$skip", skip.to_string());
        }
        if let Some(count) = self.count {
            push("$count", count.to_string());
        }
        if let Some(search) = &self.search {
            push("$search", search.clone());
        }
        if let Some(token) = &self.skip_token {
            push("$skiptoken", token.clone());
        }
        for (name, value) in &self.raw {
            push(name, value.clone());
        }
        pairs
    }
}

fn render(node: &Node) -> String {
    let mut out = String::new();
    Renderer::new(&mut out).node(node);
    out
}

fn list(nodes: &[Node]) -> String {
    nodes.iter().map(render).collect::<Vec<_>>().join(",")
}

impl<T> Default for Query<T> {
    fn default() -> Self {
        Query::new()
    }
}

impl<T> Clone for Query<T> {
    fn clone(&self) -> Self {
        Query { options: self.options.clone(), marker: PhantomData }
    }
}

impl<T> fmt::Debug for Query<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Query").field(&self.options.pairs()).finish()
    }
}

/// The query string, percent-encoded.
impl<T> fmt::Display for Query<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_query_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::expr::Property;

    struct Record;
    const ID: Property<Record, String> = Property::property("id");
    const START: Property<Record, i64> = Property::property("start");

    #[test]
    fn options_render_in_a_fixed_order_and_encode_once() {
        let query = Query::<Record>::new()
            .top(5)
            .filter(ID.eq("a&b"))
            .select(ID)
            .select(START)
            .order_by_desc(START)
            .order_by(ID)
            .filter(START.gt(1))
            .count(true)
            .search("\"blue sky\"")
            .skip(10)
            .skip_token("x+y")
            .raw("$apply", "groupby((id))");
        assert_eq!(
            query.to_query_string(),
            "$select=id,start&$filter=id%20eq%20'a%26b'%20and%20start%20gt%201&$orderby=start%20desc,id&$top=5&$skip=10&$count=true&$search=%22blue%20sky%22&$skiptoken=x%2By&$apply=groupby((id))"
        );
        assert!(Query::<Record>::new().is_empty());
    }
}
