//! Typed expressions: property paths, filters, and the syntax tree behind them.
//!
//! An [`Expr<T, V, K>`] is an expression evaluated on an instance of `T` that yields a `V`. The
//! derives generate one constant per property (`Session::START_DATE_TIME` is a
//! `Property<Session, DateTimeOffset>`); methods combine them into filters
//! (`Filter<Session>` = `Expr<Session, bool>`). `K` says what the expression is, so that
//! `$select` takes only property paths and `$expand` only navigation properties.
//!
//! Expressions are trees, rendered only when the URL is built: that is where operator
//! precedence decides the parentheses and where lambda variables get their names.

use std::fmt;
use std::marker::PhantomData;

use super::ancestry::{CastsFrom, Inherits};

/// Kind of an [`Expr`]: a path to a structural property (selectable, orderable, comparable,
/// and writable in updates).
#[derive(Debug, Clone, Copy)]
pub struct Member;

/// Kind of an [`Expr`]: a key property. Queries take it; updates do not (a key never changes).
#[derive(Debug, Clone, Copy)]
pub struct Key;

/// Kind of an [`Expr`]: a property the service computes (`#[odata(read_only)]`). Queries take
/// it; updates do not.
#[derive(Debug, Clone, Copy)]
pub struct ReadOnly;

/// Kind of an [`Expr`]: a path to a navigation property (expandable, navigable).
#[derive(Debug, Clone, Copy)]
pub struct Navigation;

/// Kind of an [`Expr`]: anything computed (comparisons, functions, arithmetic).
#[derive(Debug, Clone, Copy)]
pub struct Computed;

/// The kinds of [`Expr`] that are paths: structural properties and [`Navigation`].
pub trait PathKind: sealed::Sealed {}
impl PathKind for Member {}
impl PathKind for Key {}
impl PathKind for ReadOnly {}
impl PathKind for Navigation {}

/// The kinds of [`Expr`] that are paths to structural properties: what `$select` takes.
pub trait PropertyKind: PathKind {}
impl PropertyKind for Member {}
impl PropertyKind for Key {}
impl PropertyKind for ReadOnly {}

mod sealed {
    pub trait Sealed {}
    impl Sealed for super::Member {}
    impl Sealed for super::Key {}
    impl Sealed for super::ReadOnly {}
    impl Sealed for super::Navigation {}
}

/// An expression over an instance of `T` that yields a `V`; see the [`query`](crate::query) module.
pub struct Expr<T, V, K = Computed> {
    pub(crate) node: Node,
    marker: Typed<T, V, K>,
}

/// Covariant, `Send` and `Sync` whatever `T`, `V` and `K` are: an expression holds none of them.
type Typed<T, V, K> = PhantomData<fn() -> (T, V, K)>;

/// The structural property of `T` whose values are `V`s: `Session::START_DATE_TIME`.
pub type Property<T, V> = Expr<T, V, Member>;

/// A key property of `T`: `Entity::ID`.
pub type KeyProperty<T, V> = Expr<T, V, Key>;

/// A property of `T` the service computes.
pub type ReadOnlyProperty<T, V> = Expr<T, V, ReadOnly>;

/// The navigation property of `T` leading to `N` (an entity type, or a `Vec` of one):
/// `CallRecord::SESSIONS`.
pub type NavigationProperty<T, N> = Expr<T, N, Navigation>;

/// A boolean expression over `T`: a `$filter`.
pub type Filter<T> = Expr<T, bool, Computed>;

impl<T, V, K> Expr<T, V, K> {
    pub(crate) fn from_node(node: Node) -> Self {
        Expr { node, marker: PhantomData }
    }

    /// The expression in OData syntax, not yet percent-encoded (also what `Display` writes).
    pub fn to_odata(&self) -> String {
        let mut out = String::new();
        Renderer::new(&mut out).node(&self.node);
        out
    }

    pub(crate) fn into_node(self) -> Node {
        self.node
    }

    /// The same expression, typed as computed (for APIs that take any expression).
    pub fn computed(self) -> Expr<T, V, Computed> {
        Expr::from_node(self.node)
    }
}

impl<T, V, K: PropertyKind> Expr<T, V, K> {
    /// The property of `T` with this wire name (what the derives generate).
    pub const fn property(name: &'static str) -> Self {
        Expr { node: Node::Member(name), marker: PhantomData }
    }

    /// The wire name when the expression is one property of `T` itself (not a path through a
    /// complex property).
    pub fn property_name(&self) -> Option<&'static str> {
        match self.node {
            Node::Member(name) => Some(name),
            _ => None,
        }
    }
}

impl<T, N> Expr<T, N, Navigation> {
    /// The navigation property of `T` with this wire name (what the derives generate).
    pub const fn navigation(name: &'static str) -> Self {
        Expr { node: Node::Member(name), marker: PhantomData }
    }
}

impl<T, V, K: PathKind> Expr<T, V, K> {
    /// Continues the path into a property of the complex (or single-valued navigation) value:
    /// `Session::FAILURE_INFO.then(FailureInfo::REASON)` is `failureInfo/reason`. The next
    /// property may be declared on a base type of `V`.
    pub fn then<B, W, K2: PathKind, D>(self, next: Expr<B, W, K2>) -> Expr<T, W, K2>
    where
        V: Inherits<B, D>,
    {
        let mut segments = self.node.into_segments();
        segments.extend(next.node.into_segments());
        Expr::from_node(Node::Path(segments))
    }

    /// Narrows the path to the derived type `U` with a cast segment (`endpoint/microsoft.graph.callRecords.participantEndpoint`),
    /// so that `U`'s own properties follow.
    pub fn cast<U, D>(self) -> Expr<T, U, K>
    where
        U: crate::ODataType + CastsFrom<V, D>,
    {
        let mut segments = self.node.into_segments();
        segments.push(U::QUALIFIED_NAME);
        Expr::from_node(Node::Path(segments))
    }

    /// The path's segments joined with `/`: what `$select` and `$expand` write.
    pub fn path(&self) -> String {
        self.to_odata()
    }
}

impl<T, I, K: PathKind> Expr<T, Vec<I>, K> {
    /// Narrows the items of a collection to the derived type `U` (a cast segment).
    pub fn cast_items<U, D>(self) -> Expr<T, Vec<U>, K>
    where
        U: crate::ODataType + CastsFrom<I, D>,
    {
        let mut segments = self.node.into_segments();
        segments.push(U::QUALIFIED_NAME);
        Expr::from_node(Node::Path(segments))
    }
}

// By hand: derived impls would demand `Clone`/`Debug` of `T`, `V` and `K`.
impl<T, V, K> Clone for Expr<T, V, K> {
    fn clone(&self) -> Self {
        Expr::from_node(self.node.clone())
    }
}

impl<T, V, K> fmt::Debug for Expr<T, V, K> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Expr({})", self.to_odata())
    }
}

impl<T, V, K> fmt::Display for Expr<T, V, K> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_odata())
    }
}

/// The syntax tree. Paths are relative to the current scope: the queried instance, or the
/// variable of the innermost lambda.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Node {
    /// A property of the scope's instance.
    Member(&'static str),
    /// Property names and cast segments; empty for the scope's instance itself (`$it`, or the
    /// lambda variable).
    Path(Vec<&'static str>),
    /// A literal, already in OData syntax.
    Literal(String),
    Not(Box<Node>),
    Binary(BinaryOp, Box<Node>, Box<Node>),
    In(Box<Node>, Vec<Node>),
    Call(&'static str, Vec<Node>),
    Lambda {
        collection: Box<Node>,
        all: bool,
        body: Option<Box<Node>>,
    },
    /// A qualified type name, as the argument of `isof` and `cast`.
    TypeName(&'static str),
}

impl Node {
    fn into_segments(self) -> Vec<&'static str> {
        match self {
            Node::Member(name) => vec![name],
            Node::Path(segments) => segments,
            // `then` and `cast` take `PathKind` expressions, which this module builds only from
            // `Member` and `Path` nodes.
            other => {
                debug_assert!(false, "not a path: {other:?}");
                Vec::new()
            }
        }
    }

    fn precedence(&self) -> u8 {
        match self {
            Node::Binary(op, ..) => op.precedence(),
            Node::Not(_) => UNARY,
            Node::In(..) => PRIMARY_OPERATOR,
            _ => ATOM,
        }
    }
}

/// Binary operators, with their precedence from the OData URL conventions (higher binds tighter).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum BinaryOp {
    Or,
    And,
    Eq,
    Ne,
    Gt,
    Ge,
    Lt,
    Le,
    Add,
    Sub,
    Mul,
    Div,
    Mod,
    Has,
}

const UNARY: u8 = 7;
const PRIMARY_OPERATOR: u8 = 8;
const ATOM: u8 = 9;

impl BinaryOp {
    fn keyword(self) -> &'static str {
        match self {
            BinaryOp::Or => "or",
            BinaryOp::And => "and",
            BinaryOp::Eq => "eq",
            BinaryOp::Ne => "ne",
            BinaryOp::Gt => "gt",
            BinaryOp::Ge => "ge",
            BinaryOp::Lt => "lt",
            BinaryOp::Le => "le",
            BinaryOp::Add => "add",
            BinaryOp::Sub => "sub",
            BinaryOp::Mul => "mul",
            BinaryOp::Div => "div",
            BinaryOp::Mod => "mod",
            BinaryOp::Has => "has",
        }
    }

    fn precedence(self) -> u8 {
        match self {
            BinaryOp::Or => 1,
            BinaryOp::And => 2,
            BinaryOp::Eq | BinaryOp::Ne => 3,
            BinaryOp::Gt | BinaryOp::Ge | BinaryOp::Lt | BinaryOp::Le => 4,
            BinaryOp::Add | BinaryOp::Sub => 5,
            BinaryOp::Mul | BinaryOp::Div | BinaryOp::Mod => 6,
            BinaryOp::Has => PRIMARY_OPERATOR,
        }
    }

    /// `a and (b and c)` means `(a and b) and c`: no parentheses needed on either side.
    fn is_associative(self) -> bool {
        matches!(self, BinaryOp::And | BinaryOp::Or)
    }
}

/// Writes a tree in OData syntax. `variables` holds the lambda variables in scope, innermost
/// last; paths are written relative to the innermost one.
pub(crate) struct Renderer<'a> {
    out: &'a mut String,
    variables: Vec<String>,
}

impl<'a> Renderer<'a> {
    pub(crate) fn new(out: &'a mut String) -> Self {
        Renderer { out, variables: Vec::new() }
    }

    pub(crate) fn node(&mut self, node: &Node) {
        match node {
            Node::Member(name) => self.path(&[name]),
            Node::Path(segments) => self.path(segments),
            Node::Literal(text) => self.out.push_str(text),
            Node::TypeName(name) => self.out.push_str(name),
            Node::Not(operand) => {
                self.out.push_str("not ");
                self.operand(operand, operand.precedence() < UNARY);
            }
            Node::Binary(op, left, right) => {
                let precedence = op.precedence();
                self.operand(left, left.precedence() < precedence);
                self.out.push(' ');
                self.out.push_str(op.keyword());
                self.out.push(' ');
                let same_operator = matches!(&**right, Node::Binary(inner, ..) if inner == op);
                let needs = right.precedence() < precedence
                    || (right.precedence() == precedence && !(op.is_associative() && same_operator));
                self.operand(right, needs);
            }
            Node::In(value, list) => {
                self.operand(value, value.precedence() <= PRIMARY_OPERATOR);
                self.out.push_str(" in (");
                self.list(list);
                self.out.push(')');
            }
            Node::Call(name, arguments) => {
                self.out.push_str(name);
                self.out.push('(');
                self.list(arguments);
                self.out.push(')');
            }
            Node::Lambda { collection, all, body } => {
                self.node(collection);
                self.out.push_str(if *all { "/all(" } else { "/any(" });
                if let Some(body) = body {
                    let variable = self.fresh_variable(collection);
                    self.out.push_str(&variable);
                    self.out.push(':');
                    self.variables.push(variable);
                    self.node(body);
                    self.variables.pop();
                }
                self.out.push(')');
            }
        }
    }

    fn operand(&mut self, node: &Node, parenthesize: bool) {
        if parenthesize {
            self.out.push('(');
            self.node(node);
            self.out.push(')');
        } else {
            self.node(node);
        }
    }

    fn list(&mut self, nodes: &[Node]) {
        for (i, node) in nodes.iter().enumerate() {
            if i > 0 {
                self.out.push(',');
            }
            self.node(node);
        }
    }

    fn path(&mut self, segments: &[&'static str]) {
        match (self.variables.last(), segments.is_empty()) {
            (Some(variable), _) => {
                self.out.push_str(variable);
                for segment in segments {
                    self.out.push('/');
                    self.out.push_str(segment);
                }
            }
            (None, true) => self.out.push_str("$it"),
            (None, false) => self.out.push_str(&segments.join("/")),
        }
    }

    /// The lambda variable: the first letter of the collection's name (`participants_v2/any(p:...)`,
    /// as the Graph docs write it), numbered when an enclosing lambda already uses it.
    fn fresh_variable(&self, collection: &Node) -> String {
        let last = match collection {
            Node::Member(name) => Some(*name),
            Node::Path(segments) => segments.iter().rev().find(|s| !s.contains('.')).copied(),
            _ => None,
        };
        let letter = last
            .and_then(|name| name.chars().next())
            .filter(char::is_ascii_alphabetic)
            .map_or('x', |c| c.to_ascii_lowercase());
        let mut variable = letter.to_string();
        let mut n = 1;
        while self.variables.contains(&variable) {
            variable = format!("{letter}{n}");
            n += 1;
        }
        variable
    }
}
