//! Typing the untyped tree against the model: names resolve to properties, navigation
//! properties, lambda variables and types; operators and functions get operands of the types they
//! take. Every error names the position of the offending node.

use odata_core::{TypeInfo, TypeKind, registry};

use super::Limits;
use super::error::{Located, Result};
use super::expr::{BinaryOp, Expr, ExprKind, Function, Literal, Member, Primitive, Scope, Step, ValueType};
use super::literal;
use super::syntax::{self, Node, NodeKind, Segment};

/// Types expressions over entities of one type.
pub(crate) struct Checker<'l> {
    root: &'static TypeInfo,
    lambdas: Vec<(String, ValueType)>,
    limits: &'l Limits,
    /// In an option nested in `$expand`, where `$it` names the outer entity (not supported).
    nested: bool,
    /// The request's parameter aliases (`@p=20`: `("p", "20")`).
    aliases: &'l [(String, String)],
    /// The aliases being typed, innermost last (a cycle is an error).
    expanding: Vec<String>,
}

/// How deep parameter aliases may refer to aliases.
const MAX_ALIAS_NESTING: usize = 8;

impl<'l> Checker<'l> {
    pub(crate) fn new(root: &'static TypeInfo, limits: &'l Limits) -> Self {
        Checker { root, lambdas: Vec::new(), limits, nested: false, aliases: &[], expanding: Vec::new() }
    }

    /// A checker for an option nested in `$expand`.
    pub(crate) fn nested(root: &'static TypeInfo, limits: &'l Limits) -> Self {
        Checker { nested: true, ..Checker::new(root, limits) }
    }

    /// The same checker, with the request's parameter aliases.
    pub(crate) fn with_aliases(self, aliases: &'l [(String, String)]) -> Self {
        Checker { aliases, ..self }
    }

    /// The expression a parameter alias stands for (URL Conventions 5.1.1.13), placed at the
    /// alias's position; `None` for an alias the request gives no value (it is then null).
    fn alias(&self, name: &str, pos: usize) -> Result<Option<Node>> {
        let Some((_, value)) = self.aliases.iter().find(|(n, _)| n == name) else {
            return Ok(None);
        };
        if self.expanding.iter().any(|n| n == name) {
            return Err(Located::new(pos, format!("the parameter alias @{name} refers to itself")));
        }
        if self.expanding.len() >= MAX_ALIAS_NESTING {
            return Err(Located::new(pos, format!("parameter aliases nest deeper than {MAX_ALIAS_NESTING}")));
        }
        let node = syntax::parse_alias_value(value, self.limits.depth()).map_err(|e| {
            Located::new(pos, format!("the value of @{name}, at its position {}: {}", e.position, e.message))
        })?;
        Ok(Some(node.placed_at(pos)))
    }

    /// Types the expression of alias `name`.
    fn alias_expr(&mut self, name: &str, node: &Node) -> Result<Expr> {
        self.expanding.push(name.to_owned());
        let typed = self.expr(node);
        self.expanding.pop();
        typed
    }

    /// A `$filter`: a Boolean expression.
    pub(crate) fn filter(&mut self, node: &Node) -> Result<Expr> {
        let expr = self.expr(node)?;
        self.want_boolean(&expr)?;
        Ok(expr)
    }

    /// An `$orderby` item: a single primitive or enumeration value.
    pub(crate) fn order_key(&mut self, node: &Node) -> Result<Expr> {
        let expr = self.expr(node)?;
        match expr.ty {
            ValueType::Primitive(_) | ValueType::Enum(_) | ValueType::Null => Ok(expr),
            ref other => Err(Located::new(expr.pos, format!("cannot order by a value of type {}", other.name()))),
        }
    }

    fn want_boolean(&self, expr: &Expr) -> Result<()> {
        match expr.ty {
            ValueType::Primitive(Primitive::Boolean) | ValueType::Null => Ok(()),
            ref other => Err(Located::new(expr.pos, format!("expected a Boolean expression, found {}", other.name()))),
        }
    }

    fn expr(&mut self, node: &Node) -> Result<Expr> {
        let pos = node.pos;
        let make = |kind, ty| Ok(Expr { kind, ty, pos });
        match &node.kind {
            NodeKind::Literal(raw) => {
                let (value, ty) = literal::typed(raw, pos)?;
                make(ExprKind::Literal(value), ty)
            }
            NodeKind::Alias(name) => match self.alias(name, pos)? {
                Some(value) => self.alias_expr(name, &value),
                None => make(ExprKind::Literal(Literal::Null), ValueType::Null),
            },
            NodeKind::List(_) => Err(Located::new(pos, "a list `(a,b)` is allowed only after `in`")),
            NodeKind::Path(segments) => self.path(segments, pos),
            NodeKind::Call(name, args) => self.call(name, args, pos),
            NodeKind::Not(operand) => {
                let operand = self.expr(operand)?;
                self.want_boolean(&operand)?;
                make(ExprKind::Not(Box::new(operand)), ValueType::BOOLEAN)
            }
            NodeKind::Negate(operand) => {
                let operand = self.expr(operand)?;
                match (&operand.kind, operand.ty.primitive()) {
                    (ExprKind::Literal(Literal::Int(i)), _) => match i.checked_neg() {
                        Some(n) => make(ExprKind::Literal(Literal::Int(n)), operand.ty),
                        None => Err(Located::new(pos, "the negated number is out of range")),
                    },
                    (ExprKind::Literal(Literal::Decimal(d)), _) => {
                        let negated = d.strip_prefix('-').map_or_else(|| format!("-{d}"), str::to_owned);
                        make(ExprKind::Literal(Literal::Decimal(negated)), operand.ty)
                    }
                    (ExprKind::Literal(Literal::Double(d)), _) => {
                        make(ExprKind::Literal(Literal::Double(-d)), operand.ty)
                    }
                    (_, Some(p)) if p.is_numeric() => {
                        let ty = operand.ty.clone();
                        make(ExprKind::Negate(Box::new(operand)), ty)
                    }
                    _ => Err(Located::new(operand.pos, format!("cannot negate a value of type {}", operand.ty.name()))),
                }
            }
            NodeKind::And(operands) | NodeKind::Or(operands) => {
                let mut typed = Vec::with_capacity(operands.len());
                for operand in operands {
                    let operand = self.expr(operand)?;
                    self.want_boolean(&operand)?;
                    typed.push(operand);
                }
                let kind =
                    if matches!(node.kind, NodeKind::And(_)) { ExprKind::And(typed) } else { ExprKind::Or(typed) };
                make(kind, ValueType::BOOLEAN)
            }
            NodeKind::Binary(op, left, right) => self.binary(*op, left, right, pos),
            NodeKind::In(left, right) => self.in_list(left, right, pos),
            NodeKind::Has(left, right) => {
                let left = self.expr(left)?;
                let ValueType::Enum(ty) = left.ty else {
                    return Err(Located::new(
                        left.pos,
                        format!("`has` needs an enumeration value, found {}", left.ty.name()),
                    ));
                };
                let right = self.expr(right)?;
                let right = coerce(right, &left.ty)?;
                match right.kind {
                    ExprKind::Literal(Literal::Enum(rty, members)) if rty.qualified_name == ty.qualified_name => {
                        make(ExprKind::Has(Box::new(left), Literal::Enum(rty, members)), ValueType::BOOLEAN)
                    }
                    _ => Err(Located::new(
                        right.pos,
                        format!("`has` needs a literal of {}: `{}'member'`", ty.qualified_name, ty.qualified_name),
                    )),
                }
            }
        }
    }

    fn binary(&mut self, op: BinaryOp, left: &Node, right: &Node, pos: usize) -> Result<Expr> {
        let left = self.expr(left)?;
        let right = self.expr(right)?;
        let right = coerce(right, &left.ty)?;
        let left = coerce(left, &right.ty)?;
        if op.is_comparison() {
            comparable(op, &left, &right)?;
            return Ok(Expr {
                kind: ExprKind::Binary(op, Box::new(left), Box::new(right)),
                ty: ValueType::BOOLEAN,
                pos,
            });
        }
        let ty = arithmetic_type(op, &left, &right)?;
        Ok(Expr { kind: ExprKind::Binary(op, Box::new(left), Box::new(right)), ty, pos })
    }

    fn in_list(&mut self, left: &Node, right: &Node, pos: usize) -> Result<Expr> {
        // `x in @list` with `@list=[1,2]` or `@list=(1,2)`: the alias's list.
        if let NodeKind::Alias(name) = &right.kind
            && let Some(value) = self.alias(name, right.pos)?
            && matches!(value.kind, NodeKind::List(_))
        {
            self.expanding.push(name.clone());
            let typed = self.in_list(left, &value, pos);
            self.expanding.pop();
            return typed;
        }
        let left = self.expr(left)?;
        let items: Vec<&Node> = match &right.kind {
            NodeKind::List(items) => items.iter().collect(),
            _ => vec![right],
        };
        if items.len() > self.limits.max_in_list {
            return Err(Located::new(
                right.pos,
                format!("more than {} values in one `in` list", self.limits.max_in_list),
            ));
        }
        let listed = matches!(right.kind, NodeKind::List(_));
        let mut values = Vec::with_capacity(items.len());
        for item in items {
            let value = coerce(self.expr(item)?, &left.ty)?;
            if listed && !matches!(value.kind, ExprKind::Literal(_)) {
                return Err(Located::new(value.pos, "the list of `in` holds literals only"));
            }
            comparable(BinaryOp::Eq, &left, &value)?;
            values.push(value);
        }
        Ok(Expr { kind: ExprKind::In(Box::new(left), values), ty: ValueType::BOOLEAN, pos })
    }

    fn path(&mut self, segments: &[Segment], pos: usize) -> Result<Expr> {
        let mut rest = segments;
        let (scope, mut current) = match segments.first() {
            Some(Segment::Variable(name, at)) => {
                rest = &segments[1..];
                match name.as_str() {
                    "it" if self.nested => {
                        return Err(Located::new(
                            *at,
                            "`$it` inside $expand (the outer entity) is not supported; leave it out to name the expanded entity's properties",
                        ));
                    }
                    "it" => (Scope::It, ValueType::Entity(self.root)),
                    "this" => match self.lambdas.last() {
                        Some((_, ty)) => (Scope::Lambda(self.lambdas.len() - 1), ty.clone()),
                        None => (Scope::It, ValueType::Entity(self.root)),
                    },
                    _ => return Err(Located::new(*at, format!("`${name}` is not supported"))),
                }
            }
            Some(Segment::Name(name, _)) if self.lambda(name).is_some() => {
                rest = &segments[1..];
                let index = self.lambda(name).unwrap_or(0);
                (Scope::Lambda(index), self.lambdas[index].1.clone())
            }
            _ => (Scope::It, ValueType::Entity(self.root)),
        };
        let mut steps = Vec::new();
        for (i, segment) in rest.iter().enumerate() {
            let last = i + 1 == rest.len();
            match segment {
                Segment::Name(name, at) => {
                    let (step, ty) = step(&current, name, *at)?;
                    steps.push(step);
                    current = ty;
                }
                Segment::Variable(name, at) => return Err(Located::new(*at, format!("`${name}` must start the path"))),
                Segment::Count(at) => {
                    if !matches!(current, ValueType::Collection(_)) {
                        return Err(Located::new(
                            *at,
                            format!("`$count` needs a collection, found {}", current.name()),
                        ));
                    }
                    if !last {
                        return Err(Located::new(*at, "`$count` ends a path"));
                    }
                    let member = Member { scope, steps };
                    return Ok(Expr { kind: ExprKind::Count(member), ty: ValueType::Primitive(Primitive::Int64), pos });
                }
                Segment::Lambda { all, variable, body, pos: at } => {
                    let ValueType::Collection(item) = &current else {
                        return Err(Located::new(
                            *at,
                            format!("`any`/`all` need a collection, found {}", current.name()),
                        ));
                    };
                    let collection = Member { scope, steps };
                    let (variable, body) = match (variable, body) {
                        (Some((name, _)), Some(body)) => {
                            self.lambdas.push((name.clone(), (**item).clone()));
                            let body = self.expr(body);
                            self.lambdas.pop();
                            let body = body?;
                            self.want_boolean(&body)?;
                            (name.clone(), Some(Box::new(body)))
                        }
                        _ => (String::new(), None),
                    };
                    let kind = ExprKind::Lambda { all: *all, collection, variable, body };
                    return Ok(Expr { kind, ty: ValueType::BOOLEAN, pos });
                }
            }
        }
        Ok(Expr { kind: ExprKind::Member(Member { scope, steps }), ty: current, pos })
    }

    fn lambda(&self, name: &str) -> Option<usize> {
        self.lambdas.iter().rposition(|(n, _)| n == name)
    }

    fn call(&mut self, name: &str, args: &[Node], pos: usize) -> Result<Expr> {
        match name {
            "isof" => return self.isof(args, pos),
            "cast" => return self.cast(args, pos),
            "totalseconds" | "hassubset" | "hassubsequence" | "geo.distance" | "geo.intersects" | "geo.length" => {
                return Err(Located::new(pos, format!("`{name}` is not supported")));
            }
            _ => {}
        }
        let Some(function) = Function::from_name(name) else {
            return Err(Located::new(
                pos,
                if name.contains('.') {
                    format!("`{name}`: functions of the model are not supported in expressions")
                } else {
                    format!("`{name}` is not a function")
                },
            ));
        };
        let mut typed = Vec::with_capacity(args.len());
        for arg in args {
            // Values are stored at UTC, so parts of a literal in another offset would be wrong;
            // the URL Conventions (5.1.1.7) require such services to refuse them.
            if let NodeKind::Literal(super::syntax::RawLiteral::DateTimeOffset(text)) = &arg.kind {
                let utc = text.ends_with(['Z', 'z']) || text.ends_with("+00:00") || text.ends_with("-00:00");
                if !utc && !matches!(function, Function::Now | Function::MaxDateTime | Function::MinDateTime) {
                    return Err(Located::new(
                        arg.pos,
                        format!("`{name}` of a date-time literal needs it in UTC (`Z`)"),
                    ));
                }
            }
            typed.push(self.expr(arg)?);
        }
        use Function as F;
        use Primitive as P;
        let (arity, result): ((usize, usize), ValueType) = match function {
            F::Contains | F::StartsWith | F::EndsWith | F::MatchesPattern => ((2, 2), ValueType::BOOLEAN),
            F::Length | F::IndexOf => (
                (1 + usize::from(function == F::IndexOf), 1 + usize::from(function == F::IndexOf)),
                ValueType::Primitive(P::Int32),
            ),
            F::Substring => ((2, 3), ValueType::Primitive(P::String)),
            F::ToLower | F::ToUpper | F::Trim => ((1, 1), ValueType::Primitive(P::String)),
            F::Concat => ((2, 2), ValueType::Primitive(P::String)),
            F::Year | F::Month | F::Day | F::Hour | F::Minute | F::Second | F::TotalOffsetMinutes => {
                ((1, 1), ValueType::Primitive(P::Int32))
            }
            F::FractionalSeconds => ((1, 1), ValueType::Primitive(P::Decimal)),
            F::Date => ((1, 1), ValueType::Primitive(P::Date)),
            F::Time => ((1, 1), ValueType::Primitive(P::TimeOfDay)),
            F::Now | F::MaxDateTime | F::MinDateTime => ((0, 0), ValueType::Primitive(P::DateTimeOffset)),
            F::Round | F::Floor | F::Ceiling => {
                let ty = typed.first().map(|a| a.ty.clone()).unwrap_or(ValueType::Null);
                ((1, 1), if ty == ValueType::Null { ValueType::Primitive(P::Decimal) } else { ty })
            }
        };
        if typed.len() < arity.0 || typed.len() > arity.1 {
            let takes = match arity {
                (0, 0) => "no arguments".to_owned(),
                (1, 1) => "1 argument".to_owned(),
                (a, b) if a == b => format!("{a} arguments"),
                (a, b) => format!("{a} or {b} arguments"),
            };
            return Err(Located::new(pos, format!("`{name}` takes {takes}, found {}", typed.len())));
        }
        for (i, arg) in typed.iter().enumerate() {
            let wanted: &[P] = match function {
                F::Substring if i > 0 => &[P::Byte, P::SByte, P::Int16, P::Int32, P::Int64],
                F::Contains
                | F::StartsWith
                | F::EndsWith
                | F::MatchesPattern
                | F::Length
                | F::IndexOf
                | F::Substring
                | F::ToLower
                | F::ToUpper
                | F::Trim
                | F::Concat => &[P::String],
                F::Year | F::Month | F::Day => &[P::DateTimeOffset, P::Date],
                F::Hour | F::Minute | F::Second | F::FractionalSeconds => &[P::DateTimeOffset, P::TimeOfDay],
                F::Date | F::Time | F::TotalOffsetMinutes => &[P::DateTimeOffset],
                F::Round | F::Floor | F::Ceiling => {
                    &[P::Byte, P::SByte, P::Int16, P::Int32, P::Int64, P::Single, P::Double, P::Decimal]
                }
                F::Now | F::MaxDateTime | F::MinDateTime => &[],
            };
            match &arg.ty {
                ValueType::Null => {}
                ValueType::Primitive(p) if wanted.contains(p) => {}
                other => {
                    let names: Vec<&str> = wanted.iter().map(|p| p.name()).collect();
                    return Err(Located::new(
                        arg.pos,
                        format!(
                            "argument {} of `{name}` must be {}, found {}",
                            i + 1,
                            names.join(" or "),
                            other.name()
                        ),
                    ));
                }
            }
        }
        Ok(Expr { kind: ExprKind::Call(function, typed), ty: result, pos })
    }

    /// `isof(T)` (of `$it`) or `isof(x, T)`.
    fn isof(&mut self, args: &[Node], pos: usize) -> Result<Expr> {
        let (operand, type_node) = match args {
            [ty] => (None, ty),
            [operand, ty] => (Some(operand), ty),
            _ => return Err(Located::new(pos, format!("`isof` takes 1 or 2 arguments, found {}", args.len()))),
        };
        let operand = match operand {
            Some(node) => self.expr(node)?,
            None => Expr {
                kind: ExprKind::Member(Member { scope: Scope::It, steps: Vec::new() }),
                ty: ValueType::Entity(self.root),
                pos,
            },
        };
        let name = type_name(type_node)?;
        match &operand.ty {
            ValueType::Entity(base) => {
                let ExprKind::Member(Member { scope, steps }) = &operand.kind else {
                    return Err(Located::new(operand.pos, "`isof` tests `$it` or a lambda variable"));
                };
                if !steps.is_empty() {
                    return Err(Located::new(
                        operand.pos,
                        "`isof` tests `$it` or a lambda variable, not a related entity",
                    ));
                }
                let target = resolve_type(name, base, type_node.pos)?;
                let mut types: Vec<&'static str> =
                    registry::all_types().filter(|t| t.is_or_derives_from(target)).map(|t| t.qualified_name).collect();
                if !types.contains(&target.qualified_name) {
                    types.push(target.qualified_name);
                }
                types.sort_unstable();
                Ok(Expr { kind: ExprKind::IsOf { scope: *scope, types }, ty: ValueType::BOOLEAN, pos })
            }
            ValueType::Primitive(p) => {
                let Some(target) = Primitive::from_name(name) else {
                    return Err(Located::new(type_node.pos, format!("`{name}` is not a primitive type")));
                };
                Ok(Expr { kind: ExprKind::Literal(Literal::Boolean(*p == target)), ty: ValueType::BOOLEAN, pos })
            }
            other => {
                Err(Located::new(operand.pos, format!("`isof` on a value of type {} is not supported", other.name())))
            }
        }
    }

    /// `cast(x, Edm.Type)` between primitive types.
    fn cast(&mut self, args: &[Node], pos: usize) -> Result<Expr> {
        let [operand, type_node] = args else {
            return Err(Located::new(
                pos,
                "`cast` takes a value and a primitive type; cast entities with a type segment: `Ns.Derived/Property`",
            ));
        };
        let operand = self.expr(operand)?;
        let name = type_name(type_node)?;
        let Some(target) = Primitive::from_name(name).filter(|p| *p != Primitive::Other) else {
            return Err(Located::new(
                type_node.pos,
                format!("`cast` to `{name}` is not supported; cast to a primitive type"),
            ));
        };
        let ok = match operand.ty {
            ValueType::Null => true,
            ValueType::Primitive(p) => {
                p == target || target == Primitive::String || (p.is_numeric() && target.is_numeric())
            }
            ValueType::Enum(_) => target == Primitive::String,
            _ => false,
        };
        if !ok {
            return Err(Located::new(pos, format!("cannot cast {} to {}", operand.ty.name(), target.name())));
        }
        Ok(Expr { kind: ExprKind::Cast(Box::new(operand), target), ty: ValueType::Primitive(target), pos })
    }
}

/// The name in a type argument of `isof`/`cast`: `Ns.Type` or `Type`.
fn type_name(node: &Node) -> Result<&str> {
    match &node.kind {
        NodeKind::Path(segments) => match segments.as_slice() {
            [Segment::Name(name, _)] => Ok(name),
            _ => Err(Located::new(node.pos, "expected a type name")),
        },
        _ => Err(Located::new(node.pos, "expected a type name")),
    }
}

/// A structured type named `name` (qualified, or a simple name among the types derived from
/// `base`).
fn resolve_type(name: &str, base: &'static TypeInfo, pos: usize) -> Result<&'static TypeInfo> {
    if let Some(ty) = registry::find_type(name) {
        return Ok(ty);
    }
    let mut found = registry::all_types().filter(|t| t.name == name && t.is_or_derives_from(base));
    match (found.next(), found.next()) {
        (Some(ty), None) => Ok(ty),
        _ => Err(Located::new(pos, format!("`{name}` is not a type of the model"))),
    }
}

/// One path step from a value of type `current` by `name`.
fn step(current: &ValueType, name: &str, pos: usize) -> Result<(Step, ValueType)> {
    let ty = match current {
        ValueType::Entity(ty) | ValueType::Complex(ty) => *ty,
        ValueType::Collection(_) => {
            return Err(Located::new(
                pos,
                format!("`{name}`: the path before it is a collection; use `any(...)`, `all(...)` or `$count`"),
            ));
        }
        other => return Err(Located::new(pos, format!("`{name}`: a value of type {} has no members", other.name()))),
    };
    if let Some(property) = ty.property(name) {
        return Ok((Step::Property(property), ValueType::of_ref(&property.ty)));
    }
    if let Some(navigation) = ty.navigation_property(name) {
        return Ok((Step::Navigation(navigation), ValueType::of_ref(&navigation.ty)));
    }
    if let Ok(derived) = resolve_type(name, ty, pos)
        && derived.is_or_derives_from(ty)
        && derived.kind == ty.kind
    {
        let next =
            if derived.kind == TypeKind::Entity { ValueType::Entity(derived) } else { ValueType::Complex(derived) };
        return Ok((Step::Cast(derived), next));
    }
    Err(Located::new(pos, format!("`{name}` is not a property or navigation property of {}", ty.qualified_name)))
}

/// A string literal where an enumeration value is expected becomes a member of that type
/// (`style eq 'Yellow'`).
fn coerce(expr: Expr, target: &ValueType) -> Result<Expr> {
    match (&expr.kind, target) {
        (ExprKind::Literal(Literal::String(text)), ValueType::Enum(ty)) => {
            let members = literal::enum_members(ty, text, expr.pos)?;
            Ok(Expr { kind: ExprKind::Literal(Literal::Enum(ty, members)), ty: target.clone(), pos: expr.pos })
        }
        // OData 4.01: a duration literal may leave out its `duration` prefix.
        (ExprKind::Literal(Literal::String(text)), ValueType::Primitive(Primitive::Duration)) => {
            let raw = super::syntax::RawLiteral::Prefixed("duration".into(), text.clone());
            let (value, ty) = literal::typed(&raw, expr.pos)?;
            Ok(Expr { kind: ExprKind::Literal(value), ty, pos: expr.pos })
        }
        _ => Ok(expr),
    }
}

/// Whether `op` may compare values of these types.
fn comparable(op: BinaryOp, left: &Expr, right: &Expr) -> Result<()> {
    let ordering = !matches!(op, BinaryOp::Eq | BinaryOp::Ne);
    let ok = match (&left.ty, &right.ty) {
        (ValueType::Collection(_), _) | (_, ValueType::Collection(_)) => false,
        (ValueType::Null, ValueType::Null) => true,
        (ValueType::Null, ValueType::Entity(_) | ValueType::Complex(_))
        | (ValueType::Entity(_) | ValueType::Complex(_), ValueType::Null) => !ordering,
        (ValueType::Null, _) | (_, ValueType::Null) => true,
        (ValueType::Primitive(a), ValueType::Primitive(b)) => {
            (a == b || (a.is_numeric() && b.is_numeric())) && *a != Primitive::Other
        }
        (ValueType::Enum(a), ValueType::Enum(b)) => a.qualified_name == b.qualified_name,
        _ => false,
    };
    if ok {
        Ok(())
    } else {
        Err(Located::new(
            right.pos,
            format!("`{}` cannot compare {} with {}", op.as_str(), left.ty.name(), right.ty.name()),
        ))
    }
}

/// The type of `left op right` for an arithmetic operator.
fn arithmetic_type(op: BinaryOp, left: &Expr, right: &Expr) -> Result<ValueType> {
    let numeric = |e: &Expr| match &e.ty {
        ValueType::Null => Ok(None),
        ValueType::Primitive(p) if p.is_numeric() => Ok(Some(*p)),
        other => Err(Located::new(
            e.pos,
            format!(
                "`{}` needs numbers, found {} (date and time arithmetic is not supported)",
                op.as_str(),
                other.name()
            ),
        )),
    };
    let (a, b) = (numeric(left)?, numeric(right)?);
    use Primitive as P;
    let kinds = [a, b];
    let any = |p: &[P]| kinds.iter().flatten().any(|k| p.contains(k));
    let ty = if any(&[P::Double, P::Single]) {
        P::Double
    } else if any(&[P::Decimal]) || op == BinaryOp::DivBy {
        P::Decimal
    } else if any(&[P::Int64]) || kinds.iter().all(Option::is_none) {
        P::Int64
    } else {
        P::Int32
    };
    Ok(ValueType::Primitive(ty))
}
