//! The grammar of OData expressions (`commonExpr` of the OData ABNF), parsed by hand into an
//! untyped tree that `check` then types against the model.
//!
//! Why by hand: no maintained Rust crate parses OData `$filter`; the grammar is small enough for
//! precedence climbing, and a hand-written parser gives byte positions in every error and a
//! recursion bound ([`Limits::max_filter_depth`](super::Limits)) that keeps any input from
//! overflowing the stack.
//!
//! Precedence, loosest first (OData URL Conventions 5.1.1.15): `or`; `and`; `eq ne`;
//! `gt ge lt le`; `add sub`; `mul div divby mod`; unary `-` and `not`; `has` and `in`; primary
//! (literals, member paths, function calls, parentheses).

use super::error::{Located, Result};
use super::lexer::{Tok, Token, tokenize};

/// A node of the untyped expression tree, with the byte position where it starts.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// What the node is.
    pub kind: NodeKind,
    /// Its byte position in the option's value.
    pub pos: usize,
    depth: usize,
}

/// The kinds of nodes of the untyped tree.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum NodeKind {
    /// A literal as written.
    Literal(RawLiteral),
    /// A member path: `Name`, `Address/City`, `Products/any(p:p/Price gt 5)`, `$it/Name`.
    Path(Vec<Segment>),
    /// A function call by name: `contains(Name,'x')`, `isof(Ns.Type)`.
    Call(String, Vec<Node>),
    /// `not` operand.
    Not(Box<Node>),
    /// `-` operand.
    Negate(Box<Node>),
    /// Operands joined by `and`.
    And(Vec<Node>),
    /// Operands joined by `or`.
    Or(Vec<Node>),
    /// A binary operator other than `and`/`or`.
    Binary(BinaryOp, Box<Node>, Box<Node>),
    /// `operand in list`.
    In(Box<Node>, Box<Node>),
    /// `operand has flags`.
    Has(Box<Node>, Box<Node>),
    /// `(a, b, ...)` or `[a, b, ...]`: the right side of `in`.
    List(Vec<Node>),
    /// `@name`: a parameter alias.
    Alias(String),
}

/// Binary operators other than `and`, `or`, `in`, `has`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum BinaryOp {
    /// `eq`
    Eq,
    /// `ne`
    Ne,
    /// `gt`
    Gt,
    /// `ge`
    Ge,
    /// `lt`
    Lt,
    /// `le`
    Le,
    /// `add`
    Add,
    /// `sub`
    Sub,
    /// `mul`
    Mul,
    /// `div`
    Div,
    /// `divby`
    DivBy,
    /// `mod`
    Mod,
}

impl BinaryOp {
    /// The operator as written in a URL.
    pub fn as_str(self) -> &'static str {
        match self {
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
            BinaryOp::DivBy => "divby",
            BinaryOp::Mod => "mod",
        }
    }

    /// Whether it compares (`eq` .. `le`) rather than computes.
    pub fn is_comparison(self) -> bool {
        matches!(self, BinaryOp::Eq | BinaryOp::Ne | BinaryOp::Gt | BinaryOp::Ge | BinaryOp::Lt | BinaryOp::Le)
    }
}

/// A literal before typing.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum RawLiteral {
    /// `null`
    Null,
    /// `true` / `false`
    Boolean(bool),
    /// A number as written (`42`, `2.5`, `1e3`, `INF`, `NaN`).
    Number(String),
    /// A string, unescaped.
    String(String),
    /// `YYYY-MM-DD`
    Date(String),
    /// A date-time with offset.
    DateTimeOffset(String),
    /// `hh:mm[:ss[.f]]`
    TimeOfDay(String),
    /// A GUID, lower-cased.
    Guid(String),
    /// `prefix'text'`: `duration`, `binary`, `geography`, `geometry` or a qualified enum type.
    Prefixed(String, String),
}

/// One segment of a member path.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Segment {
    /// A name: property, navigation property, lambda variable or type (a cast); dotted for a
    /// qualified type name.
    Name(String, usize),
    /// `$it`, `$root` or `$this` (the name without `$`), first segment only.
    Variable(String, usize),
    /// `$count`.
    Count(usize),
    /// `any(...)` / `all(...)`: the lambda variable and predicate (`any()` has neither).
    Lambda {
        /// `true` for `all`.
        all: bool,
        /// The variable and its position.
        variable: Option<(String, usize)>,
        /// The predicate.
        body: Option<Box<Node>>,
        /// Where `any`/`all` starts.
        pos: usize,
    },
}

/// The functions the grammar knows by name (case-insensitive), with their canonical spelling.
pub(crate) const FUNCTIONS: &[&str] = &[
    "contains",
    "startswith",
    "endswith",
    "length",
    "indexof",
    "substring",
    "tolower",
    "toupper",
    "trim",
    "concat",
    "matchesPattern",
    "year",
    "month",
    "day",
    "hour",
    "minute",
    "second",
    "fractionalseconds",
    "totalseconds",
    "date",
    "time",
    "totaloffsetminutes",
    "now",
    "maxdatetime",
    "mindatetime",
    "round",
    "floor",
    "ceiling",
    "isof",
    "cast",
    "hassubset",
    "hassubsequence",
    "geo.distance",
    "geo.intersects",
    "geo.length",
];

impl Node {
    fn new(kind: NodeKind, pos: usize) -> Node {
        let child = |n: &Node| n.depth;
        let depth = 1 + match &kind {
            NodeKind::Literal(_) | NodeKind::Alias(_) => 0,
            NodeKind::Path(segments) => segments
                .iter()
                .map(|s| match s {
                    Segment::Lambda { body: Some(body), .. } => body.depth,
                    _ => 0,
                })
                .max()
                .unwrap_or(0),
            NodeKind::Call(_, args) | NodeKind::And(args) | NodeKind::Or(args) | NodeKind::List(args) => {
                args.iter().map(child).max().unwrap_or(0)
            }
            NodeKind::Not(a) | NodeKind::Negate(a) => a.depth,
            NodeKind::Binary(_, a, b) | NodeKind::In(a, b) | NodeKind::Has(a, b) => a.depth.max(b.depth),
        };
        Node { kind, pos, depth }
    }

    /// How deep the tree below this node is (1 for a leaf).
    pub fn depth(&self) -> usize {
        self.depth
    }
}

/// Parses the value of a parameter alias: an expression, or a list for `in` (`[1,2]`, `(1,2)`).
pub(crate) fn parse_alias_value(text: &str, max_depth: usize) -> Result<Node> {
    let mut parser = Parser::new(text, 0, max_depth)?;
    if parser.peek() == Some(&Tok::LParen) {
        // `(Price add 1) mul 2` is an expression, `(1,2)` a list.
        if let Ok(node) = parse_expression(text, 0, max_depth) {
            return Ok(node);
        }
    }
    let node = match parser.peek() {
        Some(Tok::LBracket | Tok::LParen) => parser.in_list()?,
        _ => parser.expression()?,
    };
    parser.expect_end()?;
    Ok(node)
}

impl Node {
    /// The same tree with every position set to `pos` (an alias's value, placed where the alias
    /// is used: its own positions are in another option).
    pub(crate) fn placed_at(mut self, pos: usize) -> Node {
        self.place(pos);
        self
    }

    fn place(&mut self, pos: usize) {
        self.pos = pos;
        match &mut self.kind {
            NodeKind::Literal(_) | NodeKind::Alias(_) => {}
            NodeKind::Path(segments) => {
                for segment in segments {
                    match segment {
                        Segment::Name(_, at) | Segment::Variable(_, at) | Segment::Count(at) => *at = pos,
                        Segment::Lambda { variable, body, pos: at, .. } => {
                            *at = pos;
                            if let Some((_, v)) = variable {
                                *v = pos;
                            }
                            if let Some(body) = body {
                                body.place(pos);
                            }
                        }
                    }
                }
            }
            NodeKind::Call(_, args) | NodeKind::And(args) | NodeKind::Or(args) | NodeKind::List(args) => {
                args.iter_mut().for_each(|a| a.place(pos));
            }
            NodeKind::Not(a) | NodeKind::Negate(a) => a.place(pos),
            NodeKind::Binary(_, a, b) | NodeKind::In(a, b) | NodeKind::Has(a, b) => {
                a.place(pos);
                b.place(pos);
            }
        }
    }
}

/// Parses a whole expression (`$filter`'s value); `base` is the offset of `text` in the option's
/// value, for positions.
pub(crate) fn parse_expression(text: &str, base: usize, max_depth: usize) -> Result<Node> {
    let mut parser = Parser::new(text, base, max_depth)?;
    let node = parser.expression()?;
    parser.expect_end()?;
    Ok(node)
}

/// The parser over the tokens of one option value.
pub(crate) struct Parser {
    tokens: Vec<Token>,
    next: usize,
    end: usize,
    depth: usize,
    max_depth: usize,
    /// Inside the arguments of `isof`/`cast`, where a qualified type name stands alone.
    type_names: bool,
}

impl Parser {
    pub(crate) fn new(text: &str, base: usize, max_depth: usize) -> Result<Parser> {
        if text.trim().is_empty() {
            return Err(Located::new(base, "an empty expression"));
        }
        if text.starts_with([' ', '\t']) {
            return Err(Located::new(base, "an expression cannot start with a space"));
        }
        Ok(Parser {
            tokens: tokenize(text, base)?,
            next: 0,
            end: base + text.len(),
            depth: 0,
            max_depth,
            type_names: false,
        })
    }

    fn peek(&self) -> Option<&Tok> {
        self.tokens.get(self.next).map(|t| &t.tok)
    }

    fn peek_at(&self, ahead: usize) -> Option<&Tok> {
        self.tokens.get(self.next + ahead).map(|t| &t.tok)
    }

    /// The position of the next token, or the end of the text.
    pub(crate) fn pos(&self) -> usize {
        self.tokens.get(self.next).map_or(self.end, |t| t.pos)
    }

    fn bump(&mut self) -> Option<Token> {
        let token = self.tokens.get(self.next).cloned();
        self.next += 1;
        token
    }

    pub(crate) fn at_end(&self) -> bool {
        self.next >= self.tokens.len()
    }

    pub(crate) fn expect_end(&self) -> Result<()> {
        if self.at_end() { Ok(()) } else { Err(self.unexpected("the end of the expression")) }
    }

    fn unexpected(&self, wanted: &str) -> Located {
        match self.tokens.get(self.next) {
            Some(token) => Located::new(token.pos, format!("expected {wanted}, found {}", describe(&token.tok))),
            None => Located::new(self.end, format!("expected {wanted}, found the end of the expression")),
        }
    }

    fn expect(&mut self, tok: Tok, wanted: &str) -> Result<()> {
        if self.peek() == Some(&tok) {
            self.next += 1;
            Ok(())
        } else {
            Err(self.unexpected(wanted))
        }
    }

    /// The next token is the keyword `word` (case-insensitive, as OData 4.01 allows).
    pub(crate) fn keyword(&self, word: &str) -> bool {
        matches!(self.peek(), Some(Tok::Ident(name)) if name.eq_ignore_ascii_case(word))
    }

    pub(crate) fn eat_keyword(&mut self, word: &str) -> bool {
        let found = self.keyword(word);
        if found {
            self.next += 1;
        }
        found
    }

    pub(crate) fn eat_comma(&mut self) -> bool {
        let found = self.peek() == Some(&Tok::Comma);
        if found {
            self.next += 1;
        }
        found
    }

    fn enter(&mut self) -> Result<()> {
        self.depth += 1;
        if self.depth > self.max_depth {
            return Err(Located::new(
                self.pos(),
                format!("the expression nests deeper than the limit of {} levels", self.max_depth),
            ));
        }
        Ok(())
    }

    fn checked(&self, node: Node) -> Result<Node> {
        if node.depth > self.max_depth {
            return Err(Located::new(
                node.pos,
                format!("the expression nests deeper than the limit of {} levels", self.max_depth),
            ));
        }
        Ok(node)
    }

    /// `commonExpr`, loosest first.
    pub(crate) fn expression(&mut self) -> Result<Node> {
        self.enter()?;
        let result = self.or();
        self.depth -= 1;
        result
    }

    fn or(&mut self) -> Result<Node> {
        let first = self.and()?;
        if !self.keyword("or") {
            return Ok(first);
        }
        let pos = first.pos;
        let mut operands = vec![first];
        while self.eat_keyword("or") {
            operands.push(self.and()?);
        }
        self.checked(Node::new(NodeKind::Or(operands), pos))
    }

    fn and(&mut self) -> Result<Node> {
        let first = self.equality()?;
        if !self.keyword("and") {
            return Ok(first);
        }
        let pos = first.pos;
        let mut operands = vec![first];
        while self.eat_keyword("and") {
            operands.push(self.equality()?);
        }
        self.checked(Node::new(NodeKind::And(operands), pos))
    }

    fn binary_level(&mut self, ops: &[BinaryOp], next: fn(&mut Parser) -> Result<Node>) -> Result<Node> {
        let mut left = next(self)?;
        'outer: loop {
            for op in ops {
                if self.eat_keyword(op.as_str()) {
                    let right = next(self)?;
                    let pos = left.pos;
                    left = self.checked(Node::new(NodeKind::Binary(*op, Box::new(left), Box::new(right)), pos))?;
                    continue 'outer;
                }
            }
            return Ok(left);
        }
    }

    fn equality(&mut self) -> Result<Node> {
        self.binary_level(&[BinaryOp::Eq, BinaryOp::Ne], Parser::relational)
    }

    fn relational(&mut self) -> Result<Node> {
        self.binary_level(&[BinaryOp::Gt, BinaryOp::Ge, BinaryOp::Lt, BinaryOp::Le], Parser::additive)
    }

    fn additive(&mut self) -> Result<Node> {
        self.binary_level(&[BinaryOp::Add, BinaryOp::Sub], Parser::multiplicative)
    }

    fn multiplicative(&mut self) -> Result<Node> {
        self.binary_level(&[BinaryOp::Mul, BinaryOp::DivBy, BinaryOp::Div, BinaryOp::Mod], Parser::unary)
    }

    fn unary(&mut self) -> Result<Node> {
        let pos = self.pos();
        let negate = self.peek() == Some(&Tok::Minus);
        // `not` is a keyword only before an operand: `not(...)`/`not x`, not a property `not`.
        let not = !negate && self.keyword("not") && self.peek_at(1).is_some_and(|t| !is_binary_keyword(t));
        if !negate && !not {
            return self.postfix();
        }
        self.enter()?;
        self.next += 1;
        let operand = self.unary();
        self.depth -= 1;
        let operand = Box::new(operand?);
        self.checked(Node::new(if negate { NodeKind::Negate(operand) } else { NodeKind::Not(operand) }, pos))
    }

    fn postfix(&mut self) -> Result<Node> {
        let mut node = self.primary()?;
        loop {
            let pos = node.pos;
            if self.eat_keyword("has") {
                let right = self.primary()?;
                node = self.checked(Node::new(NodeKind::Has(Box::new(node), Box::new(right)), pos))?;
            } else if self.eat_keyword("in") {
                let right = self.in_list()?;
                node = self.checked(Node::new(NodeKind::In(Box::new(node), Box::new(right)), pos))?;
            } else {
                return Ok(node);
            }
        }
    }

    fn primary(&mut self) -> Result<Node> {
        let pos = self.pos();
        let Some(token) = self.bump() else {
            return Err(Located::new(self.end, "expected an operand, found the end of the expression"));
        };
        let literal = |l| Ok(Node::new(NodeKind::Literal(l), pos));
        match token.tok {
            Tok::Str(s) => literal(RawLiteral::String(s)),
            Tok::Number(n) => literal(RawLiteral::Number(n)),
            Tok::Date(d) => literal(RawLiteral::Date(d)),
            Tok::DateTimeOffset(d) => literal(RawLiteral::DateTimeOffset(d)),
            Tok::TimeOfDay(t) => literal(RawLiteral::TimeOfDay(t)),
            Tok::Guid(g) => literal(RawLiteral::Guid(g)),
            Tok::Prefixed(prefix, text) => literal(RawLiteral::Prefixed(prefix, text)),
            Tok::At(name) => Ok(Node::new(NodeKind::Alias(name), pos)),
            Tok::LParen => {
                let inner = self.expression()?;
                if self.peek() == Some(&Tok::Comma) {
                    return Err(Located::new(pos, "a list `(a,b)` is allowed only after `in`"));
                }
                self.expect(Tok::RParen, "`)`")?;
                Ok(inner)
            }
            Tok::LBracket => Err(Located::new(pos, "JSON arrays are allowed only after `in`")),
            Tok::Dollar(name) => {
                if !["it", "root", "this"].contains(&name.as_str()) {
                    return Err(Located::new(pos, format!("`${name}` cannot start an expression")));
                }
                self.path(Segment::Variable(name, pos), pos)
            }
            Tok::Ident(name) => {
                let lower = name.to_ascii_lowercase();
                if self.peek() != Some(&Tok::LParen) {
                    match lower.as_str() {
                        "true" => return literal(RawLiteral::Boolean(true)),
                        "false" => return literal(RawLiteral::Boolean(false)),
                        "null" => return literal(RawLiteral::Null),
                        _ if name == "INF" || name == "NaN" => return literal(RawLiteral::Number(name)),
                        _ => return self.path(Segment::Name(name, pos), pos),
                    }
                }
                if lower == "any" || lower == "all" {
                    return Err(Located::new(
                        pos,
                        format!("`{name}` needs a collection before it: `Items/{name}(...)`"),
                    ));
                }
                let canonical = FUNCTIONS.iter().find(|f| f.eq_ignore_ascii_case(&name)).map(|f| (*f).to_owned());
                let function = canonical.unwrap_or(name);
                self.next += 1;
                // Type names stand alone only as arguments of `isof` and `cast`.
                let outer = std::mem::replace(&mut self.type_names, function == "isof" || function == "cast");
                let mut args = Vec::new();
                let result = (|| {
                    if self.peek() != Some(&Tok::RParen) {
                        args.push(self.expression()?);
                        while self.eat_comma() {
                            args.push(self.expression()?);
                        }
                    }
                    Ok(())
                })();
                self.type_names = outer;
                result?;
                self.expect(Tok::RParen, "`)` or `,` in the arguments")?;
                self.checked(Node::new(NodeKind::Call(function, args), pos))
            }
            other => Err(Located::new(pos, format!("expected an operand, found {}", describe(&other)))),
        }
    }

    /// A member path after its first segment: `/name`, `/$count`, `/any(...)`, `/all(...)`.
    fn path(&mut self, first: Segment, pos: usize) -> Result<Node> {
        let mut segments = vec![first];
        while self.peek() == Some(&Tok::Slash) {
            self.next += 1;
            let at = self.pos();
            match self.bump().map(|t| t.tok) {
                Some(Tok::Dollar(name)) if name == "count" => segments.push(Segment::Count(at)),
                Some(Tok::Ident(name)) if self.peek() == Some(&Tok::LParen) => {
                    let lower = name.to_ascii_lowercase();
                    if lower != "any" && lower != "all" {
                        return Err(Located::new(
                            at,
                            format!("`{name}(...)`: functions and key predicates in paths are not supported"),
                        ));
                    }
                    segments.push(self.lambda(lower == "all", at)?);
                    // A lambda ends the path: it is a Boolean.
                    break;
                }
                Some(Tok::Ident(name)) => segments.push(Segment::Name(name, at)),
                Some(Tok::Star) => return Err(Located::new(at, "`*` is not an expression")),
                Some(other) => {
                    return Err(Located::new(at, format!("expected a name after `/`, found {}", describe(&other))));
                }
                None => return Err(Located::new(at, "expected a name after `/`")),
            }
        }
        if let [Segment::Name(name, at)] = segments.as_slice()
            && name.contains('.')
            && !self.type_names
        {
            return Err(Located::new(*at, format!("`{name}` names a type or function: follow it with `/` or `(...)`")));
        }
        self.checked(Node::new(NodeKind::Path(segments), pos))
    }

    /// The right side of `in`: a `(...)` or `[...]` list of literals, or one operand.
    fn in_list(&mut self) -> Result<Node> {
        let pos = self.pos();
        let close = match self.peek() {
            Some(Tok::LParen) => Tok::RParen,
            Some(Tok::LBracket) => Tok::RBracket,
            _ => return self.primary(),
        };
        self.next += 1;
        let mut items = Vec::new();
        if self.peek() != Some(&close) {
            loop {
                let item = self.expression()?;
                if !matches!(item.kind, NodeKind::Literal(_))
                    && (close == Tok::RBracket || self.peek() == Some(&Tok::Comma) || !items.is_empty())
                {
                    return Err(Located::new(item.pos, "the list of `in` holds literals only"));
                }
                items.push(item);
                if !self.eat_comma() {
                    break;
                }
            }
        }
        self.expect(close, "the end of the list or `,`")?;
        // `x in (y)` with one operand that is not a literal is `x in y`, a parenthesised operand.
        if items.len() == 1 && !matches!(items[0].kind, NodeKind::Literal(_)) {
            return Ok(items.remove(0));
        }
        self.checked(Node::new(NodeKind::List(items), pos))
    }

    fn lambda(&mut self, all: bool, pos: usize) -> Result<Segment> {
        self.expect(Tok::LParen, "`(`")?;
        if self.peek() == Some(&Tok::RParen) {
            if all {
                return Err(self.unexpected("a lambda `variable:predicate` (`all` needs one)"));
            }
            self.next += 1;
            return Ok(Segment::Lambda { all, variable: None, body: None, pos });
        }
        let at = self.pos();
        let variable = match self.bump().map(|t| t.tok) {
            Some(Tok::Ident(name)) if !name.contains('.') => name,
            _ => return Err(Located::new(at, "expected the lambda variable: `any(x:x/Price gt 5)`")),
        };
        self.expect(Tok::Colon, "`:` after the lambda variable")?;
        let body = self.expression()?;
        self.expect(Tok::RParen, "`)` after the lambda predicate")?;
        Ok(Segment::Lambda { all, variable: Some((variable, at)), body: Some(Box::new(body)), pos })
    }

    /// `asc` or `desc` after an `$orderby` item; `Some(true)` for `desc`.
    pub(crate) fn direction(&mut self) -> Option<bool> {
        if self.eat_keyword("asc") {
            Some(false)
        } else if self.eat_keyword("desc") {
            Some(true)
        } else {
            None
        }
    }
}

fn is_binary_keyword(tok: &Tok) -> bool {
    matches!(tok, Tok::Ident(word) if ["eq", "ne", "gt", "ge", "lt", "le", "and", "or", "add", "sub", "mul", "div", "divby", "mod", "has", "in"]
        .iter()
        .any(|k| k.eq_ignore_ascii_case(word)))
}

fn describe(tok: &Tok) -> String {
    match tok {
        Tok::Ident(name) => format!("`{name}`"),
        Tok::Dollar(name) => format!("`${name}`"),
        Tok::At(name) => format!("`@{name}`"),
        Tok::Str(_) => "a string".into(),
        Tok::Number(n) => format!("the number `{n}`"),
        Tok::Date(d) | Tok::DateTimeOffset(d) | Tok::TimeOfDay(d) | Tok::Guid(d) => format!("`{d}`"),
        Tok::Prefixed(prefix, _) => format!("a `{prefix}'...'` literal"),
        Tok::Minus => "`-`".into(),
        Tok::LParen => "`(`".into(),
        Tok::RParen => "`)`".into(),
        Tok::LBracket => "`[`".into(),
        Tok::RBracket => "`]`".into(),
        Tok::Comma => "`,`".into(),
        Tok::Slash => "`/`".into(),
        Tok::Colon => "`:`".into(),
        Tok::Semicolon => "`;`".into(),
        Tok::Equals => "`=`".into(),
        Tok::Star => "`*`".into(),
    }
}
