//! `$filter` and `$orderby` as SQL: the typed expression written into a [`SqlBuilder`], every
//! value from the request as a bound parameter, every identifier from the model.
//!
//! OData's null semantics: `x eq null` is `IS NULL`; `ne` is true when exactly one side is null
//! (`IS DISTINCT FROM`); a comparison with null is false, never unknown, so under `not` (which
//! keeps unknown unknown, as SQL's `NOT` does) comparisons are written `COALESCE(..., FALSE)`. Lambdas are
//! `EXISTS` subqueries over the navigation's join (or over the elements of a JSON collection
//! column); a path through a single-valued navigation property is a scalar subquery.

use std::fmt;

use odata_core::{PropertyInfo, TypeInfo, registry};

use super::names::{SqlNames, postgres_type};
use super::{Dialect, SqlBuilder, SqlValue};
use crate::query::{BinaryOp, Expr, ExprKind, Function, Literal, Member, OrderItem, Primitive, Scope, Step, ValueType};

/// Where the entities a filter applies to are: the table, the alias the statement gives it, and
/// their entity type.
#[derive(Debug, Clone, Copy)]
pub struct SqlScope<'a> {
    /// The table (the entity set's name).
    pub table: &'a str,
    /// The alias of the table in the statement (must not start with `$`).
    pub alias: &'a str,
    /// The entity type of the set.
    pub entity_type: &'static TypeInfo,
}

/// An expression the storage cannot evaluate (`matchesPattern` on SQLite, a navigation the
/// storage cannot join, ...). A request with one is answered `501 Not Implemented` or `400`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SqlError {
    position: usize,
    message: String,
}

impl SqlError {
    fn new(position: usize, message: impl Into<String>) -> Self {
        SqlError { position, message: message.into() }
    }

    /// The byte position of the expression in its option's value.
    pub fn position(&self) -> usize {
        self.position
    }

    /// What cannot be translated.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for SqlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "at position {}: {}", self.position, self.message)
    }
}

impl std::error::Error for SqlError {}

type Result<T = ()> = std::result::Result<T, SqlError>;

/// Writes the condition of a `$filter` (without `WHERE`).
pub fn filter_sql(expr: &Expr, names: &dyn SqlNames, scope: &SqlScope<'_>, sql: &mut SqlBuilder) -> Result {
    Translator::new(names, scope).expr(expr, sql)
}

/// Writes the items of an `$orderby` (without `ORDER BY`): `expr ASC, expr DESC`, nulls first in
/// ascending order as OData sorts them.
pub fn orderby_sql(items: &[OrderItem], names: &dyn SqlNames, scope: &SqlScope<'_>, sql: &mut SqlBuilder) -> Result {
    let mut translator = Translator::new(names, scope);
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            sql.push_sql(", ");
        }
        translator.ordered(&item.expr, sql)?;
        let postgres = sql.dialect() == Dialect::Postgres;
        sql.push_sql(match (item.descending, postgres) {
            (false, false) => " ASC",
            (true, false) => " DESC",
            (false, true) => " ASC NULLS FIRST",
            (true, true) => " DESC NULLS LAST",
        });
    }
    Ok(())
}

/// What a scope of the expression is: entities in a table, or elements of a JSON array.
#[derive(Debug, Clone)]
enum Frame {
    Entity { table: String, alias: String, ty: &'static TypeInfo },
    Element { alias: String, item: ValueType },
}

/// Writes the condition of a subquery over the frame it opens.
type Condition<'c, 'n> = dyn FnMut(&mut Translator<'n>, &mut SqlBuilder) -> Result + 'c;

struct Translator<'n> {
    names: &'n dyn SqlNames,
    /// The root scope first, then one per enclosing lambda.
    frames: Vec<Frame>,
    /// Under an odd number of `not`s: comparisons must not be unknown.
    negated: bool,
}

impl<'n> Translator<'n> {
    fn new(names: &'n dyn SqlNames, scope: &SqlScope<'_>) -> Self {
        let root =
            Frame::Entity { table: scope.table.to_owned(), alias: scope.alias.to_owned(), ty: scope.entity_type };
        Translator { names, frames: vec![root], negated: false }
    }

    fn frame(&self, scope: Scope) -> &Frame {
        match scope {
            Scope::It => &self.frames[0],
            // The checker numbers lambdas from the outermost; frames hold the root first.
            Scope::Lambda(i) => self.frames.get(i + 1).unwrap_or(&self.frames[0]),
        }
    }

    /// A value in an `$orderby`: enumeration members by their value, not their name.
    fn ordered(&mut self, expr: &Expr, sql: &mut SqlBuilder) -> Result {
        match &expr.ty {
            ValueType::Enum(ty) => self.enum_ordinal(expr, ty, sql),
            _ => self.expr(expr, sql),
        }
    }

    fn expr(&mut self, expr: &Expr, sql: &mut SqlBuilder) -> Result {
        match &expr.kind {
            ExprKind::Literal(literal) => {
                push_literal(literal, sql);
                Ok(())
            }
            ExprKind::Member(member) => self.member(member, expr.pos, sql),
            ExprKind::Count(member) => self.count(member, expr.pos, sql),
            ExprKind::Lambda { all, collection, body, .. } => {
                self.lambda(*all, collection, body.as_deref(), expr.pos, sql)
            }
            ExprKind::Not(operand) => {
                self.negated = !self.negated;
                sql.push_sql("(NOT ");
                let result = self.expr(operand, sql);
                self.negated = !self.negated;
                result?;
                sql.push_sql(")");
                Ok(())
            }
            ExprKind::Negate(operand) => {
                sql.push_sql("(-");
                self.expr(operand, sql)?;
                sql.push_sql(")");
                Ok(())
            }
            ExprKind::And(operands) | ExprKind::Or(operands) => {
                let joiner = if matches!(expr.kind, ExprKind::And(_)) { " AND " } else { " OR " };
                sql.push_sql("(");
                for (i, operand) in operands.iter().enumerate() {
                    if i > 0 {
                        sql.push_sql(joiner);
                    }
                    self.expr(operand, sql)?;
                }
                sql.push_sql(")");
                Ok(())
            }
            ExprKind::Binary(op, left, right) if op.is_comparison() => self.compare(*op, left, right, sql),
            ExprKind::Binary(op, left, right) => self.arithmetic(*op, left, right, &expr.ty, sql),
            ExprKind::In(operand, values) => {
                if values.is_empty() {
                    sql.push_sql("(1 = 0)");
                    return Ok(());
                }
                let has_null = values.iter().any(is_null);
                let two_valued = self.negated;
                sql.push_sql(if two_valued { "COALESCE((" } else { "(" });
                self.expr(operand, sql)?;
                sql.push_sql(" IN (");
                let mut first = true;
                for value in values.iter().filter(|v| !is_null(v)) {
                    if !first {
                        sql.push_sql(", ");
                    }
                    first = false;
                    self.expr(value, sql)?;
                }
                if first {
                    sql.push_sql("NULL");
                }
                sql.push_sql(")");
                if has_null {
                    sql.push_sql(" OR ");
                    self.expr(operand, sql)?;
                    sql.push_sql(" IS NULL");
                }
                sql.push_sql(if two_valued { "), FALSE)" } else { ")" });
                Ok(())
            }
            ExprKind::Has(operand, Literal::Enum(_, members)) => {
                sql.push_sql("(");
                for (i, member) in members.iter().enumerate() {
                    if i > 0 {
                        sql.push_sql(" AND ");
                    }
                    sql.push_sql(if sql.dialect() == Dialect::Sqlite { "(instr(',' || " } else { "(strpos(',' || " });
                    self.expr(operand, sql)?;
                    sql.push_sql(" || ',', ").push_value(SqlValue::Text(format!(",{member},"))).push_sql(") > 0)");
                }
                sql.push_sql(")");
                Ok(())
            }
            ExprKind::Has(..) => Err(SqlError::new(expr.pos, "`has` needs an enumeration literal")),
            ExprKind::Call(function, args) => self.call(*function, args, expr.pos, sql),
            ExprKind::IsOf { scope, types } => self.isof(*scope, types, sql),
            ExprKind::Cast(operand, target) => {
                if operand.ty.primitive() == Some(*target) {
                    return self.expr(operand, sql);
                }
                sql.push_sql("CAST(");
                self.expr(operand, sql)?;
                let postgres = sql.dialect() == Dialect::Postgres;
                sql.push_sql(match (target, postgres) {
                    (Primitive::String, false) => " AS TEXT)",
                    (Primitive::String, true) => " AS text)",
                    (Primitive::Single | Primitive::Double, false) => " AS REAL)",
                    (Primitive::Single | Primitive::Double, true) => " AS double precision)",
                    (Primitive::Decimal, false) => " AS NUMERIC)",
                    (Primitive::Decimal, true) => " AS numeric)",
                    (_, false) => " AS INTEGER)",
                    (_, true) => " AS bigint)",
                });
                Ok(())
            }
        }
    }

    fn compare(&mut self, op: BinaryOp, left: &Expr, right: &Expr, sql: &mut SqlBuilder) -> Result {
        let postgres = sql.dialect() == Dialect::Postgres;
        // `x eq null`, `null ne x`: a test for null (of a related entity: whether there is one).
        if is_null(left) || is_null(right) {
            let (value, eq) = match (is_null(left), op) {
                (true, _) if is_null(right) => {
                    sql.push_sql(if matches!(op, BinaryOp::Eq | BinaryOp::Ge | BinaryOp::Le) {
                        "(1 = 1)"
                    } else {
                        "(1 = 0)"
                    });
                    return Ok(());
                }
                (true, BinaryOp::Eq) | (false, BinaryOp::Eq) => (if is_null(left) { right } else { left }, true),
                (_, BinaryOp::Ne) => (if is_null(left) { right } else { left }, false),
                _ => {
                    // Ordering against null is false in OData.
                    sql.push_sql("(1 = 0)");
                    return Ok(());
                }
            };
            if let (ValueType::Entity(_), ExprKind::Member(member)) = (&value.ty, &value.kind) {
                sql.push_sql(if eq { "(NOT " } else { "(" });
                self.exists(member, value.pos, None, sql)?;
                sql.push_sql(")");
                return Ok(());
            }
            sql.push_sql("(");
            self.expr(value, sql)?;
            sql.push_sql(if eq { " IS NULL)" } else { " IS NOT NULL)" });
            return Ok(());
        }
        let ordinal = matches!(left.ty, ValueType::Enum(_)) && !matches!(op, BinaryOp::Eq | BinaryOp::Ne);
        let literal = matches!(left.kind, ExprKind::Literal(_)) || matches!(right.kind, ExprKind::Literal(_));
        let operator = match op {
            // A literal is never null here, so `=` is exact and lets the database use an index.
            BinaryOp::Eq if literal => " = ",
            BinaryOp::Eq if postgres => " IS NOT DISTINCT FROM ",
            BinaryOp::Eq => " IS ",
            BinaryOp::Ne if postgres => " IS DISTINCT FROM ",
            BinaryOp::Ne => " IS NOT ",
            BinaryOp::Gt => " > ",
            BinaryOp::Ge => " >= ",
            BinaryOp::Lt => " < ",
            _ => " <= ",
        };
        // `=` and the order operators are unknown with a null operand, where OData says false.
        let two_valued = self.negated && !operator.starts_with(" IS ");
        sql.push_sql(if two_valued { "COALESCE((" } else { "(" });
        if ordinal {
            self.ordered(left, sql)?
        } else {
            self.expr(left, sql)?
        }
        sql.push_sql(operator);
        if ordinal {
            self.ordered(right, sql)?
        } else {
            self.expr(right, sql)?
        }
        sql.push_sql(if two_valued { "), FALSE)" } else { ")" });
        Ok(())
    }

    fn arithmetic(&mut self, op: BinaryOp, left: &Expr, right: &Expr, ty: &ValueType, sql: &mut SqlBuilder) -> Result {
        let integral = ty.primitive().is_some_and(Primitive::is_integer);
        let postgres = sql.dialect() == Dialect::Postgres;
        sql.push_sql("(");
        match op {
            BinaryOp::Div | BinaryOp::DivBy if !integral => {
                // Decimal division even of integer operands (SQLite's `/` of integers truncates).
                sql.push_sql("CAST(");
                self.expr(left, sql)?;
                sql.push_sql(if postgres { " AS numeric) / " } else { " AS REAL) / " });
            }
            _ => {
                self.expr(left, sql)?;
                sql.push_sql(match op {
                    BinaryOp::Add => " + ",
                    BinaryOp::Sub => " - ",
                    BinaryOp::Mul => " * ",
                    BinaryOp::Mod => " % ",
                    _ => " / ",
                });
            }
        }
        self.expr(right, sql)?;
        sql.push_sql(")");
        Ok(())
    }

    /// An enumeration value as its member's numeric value, for ordering.
    fn enum_ordinal(&mut self, expr: &Expr, ty: &'static TypeInfo, sql: &mut SqlBuilder) -> Result {
        if let ExprKind::Literal(Literal::Enum(_, members)) = &expr.kind {
            let value = members.iter().filter_map(|m| ty.member(m)).map(|m| m.value).fold(0, |a, v| a | v);
            sql.push_value(SqlValue::Int(value));
            return Ok(());
        }
        sql.push_sql("(CASE ");
        self.expr(expr, sql)?;
        for member in ty.members {
            sql.push_sql(" WHEN ").push_value(SqlValue::Text(member.name.to_owned()));
            sql.push_sql(" THEN ").push_value(SqlValue::Int(member.value));
        }
        sql.push_sql(" END)");
        Ok(())
    }

    /// The value a member path leads to.
    fn member(&mut self, member: &Member, pos: usize, sql: &mut SqlBuilder) -> Result {
        let frame = self.frame(member.scope).clone();
        let steps: Vec<Step> = member.steps.iter().copied().filter(|s| !matches!(s, Step::Cast(_))).collect();
        match frame {
            Frame::Element { alias, item } => self.element_value(&alias, &item, &steps, pos, sql),
            Frame::Entity { table, alias, ty } => self.entity_value(&table, &alias, ty, &steps, pos, sql),
        }
    }

    fn entity_value(
        &mut self,
        table: &str,
        alias: &str,
        ty: &'static TypeInfo,
        steps: &[Step],
        pos: usize,
        sql: &mut SqlBuilder,
    ) -> Result {
        match steps.first() {
            None => Err(SqlError::new(pos, "an entity is not a value; compare it with null or use its properties")),
            Some(Step::Navigation(navigation)) => {
                if navigation.ty.collection {
                    return Err(SqlError::new(
                        pos,
                        format!("`{}` is a collection: use any, all or $count", navigation.name),
                    ));
                }
                let target_alias = sql.fresh_alias();
                let Some(target) = navigation.ty.type_info() else {
                    return Err(SqlError::new(pos, format!("`{}` has no entity type", navigation.name)));
                };
                let join = self.join(table, ty, navigation, pos)?;
                sql.push_sql("(SELECT ");
                self.entity_value(&join.table, &target_alias, target, &steps[1..], pos, sql)?;
                sql.push_sql(" FROM ").push_ident(&join.table).push_sql(" AS ").push_ident(&target_alias);
                push_join_condition(&join.columns, alias, &target_alias, sql);
                sql.push_sql(")");
                Ok(())
            }
            Some(_) => {
                let properties = properties_of(steps, pos)?;
                self.names.push_property(sql, alias, &properties);
                Ok(())
            }
        }
    }

    /// A value inside the element of a JSON array (a lambda variable over a collection property).
    fn element_value(
        &mut self,
        alias: &str,
        item: &ValueType,
        steps: &[Step],
        pos: usize,
        sql: &mut SqlBuilder,
    ) -> Result {
        let properties = properties_of(steps, pos)?;
        let primitive_name = match properties.last() {
            Some(p) => p.ty.name,
            None => match item {
                ValueType::Primitive(p) => p.name(),
                _ => "Edm.String",
            },
        };
        match sql.dialect() {
            Dialect::Sqlite => {
                if properties.is_empty() {
                    sql.push_column(alias, "value");
                } else {
                    let path: String = properties.iter().map(|p| format!(".\"{}\"", p.name)).collect();
                    sql.push_sql("json_extract(").push_column(alias, "value").push_sql(", ");
                    sql.push_value(SqlValue::Text(format!("${path}"))).push_sql(")");
                }
            }
            Dialect::Postgres => {
                let elements: Vec<String> = properties.iter().map(|p| format!("\"{}\"", p.name)).collect();
                sql.push_sql("((").push_column(alias, "value").push_sql(" #>> ");
                sql.push_value(SqlValue::Text(format!("{{{}}}", elements.join(",")))).push_sql("::text[])");
                if let Some(cast) = postgres_type(primitive_name) {
                    sql.push_sql("::").push_sql(cast);
                }
                sql.push_sql(")");
            }
        }
        Ok(())
    }

    /// `EXISTS (SELECT 1 FROM <collection or related entity> WHERE <join> [AND <condition>])`;
    /// `condition` writes the predicate over the new frame.
    fn exists(
        &mut self,
        member: &Member,
        pos: usize,
        condition: Option<&mut Condition<'_, 'n>>,
        sql: &mut SqlBuilder,
    ) -> Result {
        sql.push_sql("EXISTS (SELECT 1 FROM ");
        let frame = self.open(member, pos, sql)?;
        self.frames.push(frame);
        // The subquery's condition only selects rows: a `not` outside does not reach into it.
        let negated = std::mem::replace(&mut self.negated, false);
        let result = match condition {
            Some(condition) => {
                sql.push_sql(" AND ");
                condition(self, sql)
            }
            None => Ok(()),
        };
        self.frames.pop();
        self.negated = negated;
        result?;
        sql.push_sql(")");
        Ok(())
    }

    /// Writes `<source> AS "$n" WHERE <join>` for the collection (or single related entity) a
    /// member leads to, and returns the frame of its elements.
    fn open(&mut self, member: &Member, pos: usize, sql: &mut SqlBuilder) -> Result<Frame> {
        let steps: Vec<Step> = member.steps.iter().copied().filter(|s| !matches!(s, Step::Cast(_))).collect();
        let frame = self.frame(member.scope).clone();
        let alias = sql.fresh_alias();
        match (steps.split_last(), &frame) {
            (Some((Step::Navigation(navigation), prefix)), Frame::Entity { table, alias: outer, ty }) => {
                let Some(target) = navigation.ty.type_info() else {
                    return Err(SqlError::new(pos, format!("`{}` has no entity type", navigation.name)));
                };
                // The entity the navigation starts from: this one, or one reached through
                // single-valued navigation properties.
                let (mut source_table, mut source_type) = (table.clone(), *ty);
                for step in prefix {
                    let Step::Navigation(single) = step else {
                        return Err(SqlError::new(
                            pos,
                            "a navigation property below a complex property is not supported",
                        ));
                    };
                    let join = self.join(&source_table, source_type, single, pos)?;
                    source_table = join.table;
                    source_type = single.ty.type_info().unwrap_or(source_type);
                }
                let join = self.join(&source_table, source_type, navigation, pos)?;
                sql.push_ident(&join.table).push_sql(" AS ").push_ident(&alias);
                if prefix.is_empty() {
                    push_join_condition(&join.columns, outer, &alias, sql);
                } else {
                    sql.push_sql(" WHERE ");
                    for (i, (source, target_column)) in join.columns.iter().enumerate() {
                        if i > 0 {
                            sql.push_sql(" AND ");
                        }
                        let Some(property) = source_type.property(source) else {
                            return Err(SqlError::new(
                                pos,
                                format!("`{source}` is not a property of {}", source_type.qualified_name),
                            ));
                        };
                        sql.push_column(&alias, target_column).push_sql(" = ");
                        let mut path = prefix.to_vec();
                        path.push(Step::Property(property));
                        self.entity_value(table, outer, ty, &path, pos, sql)?;
                    }
                }
                Ok(Frame::Entity { table: join.table, alias, ty: target })
            }
            (Some((Step::Property(last), _)), _) => {
                let item = match ValueType::of_ref(&last.ty) {
                    ValueType::Collection(item) => *item,
                    _ => return Err(SqlError::new(pos, format!("`{}` is not a collection", last.name))),
                };
                let postgres = sql.dialect() == Dialect::Postgres;
                sql.push_sql(if postgres { "jsonb_array_elements(CAST(" } else { "json_each(" });
                self.member(&Member { scope: member.scope, steps: steps.clone() }, pos, sql)?;
                sql.push_sql(if postgres { " AS jsonb)) AS " } else { ") AS " }).push_ident(&alias);
                if postgres {
                    sql.push_sql("(").push_ident("value").push_sql(")");
                }
                sql.push_sql(" WHERE 1 = 1");
                Ok(Frame::Element { alias, item })
            }
            _ => {
                Err(SqlError::new(pos, "lambdas and $count need a collection-valued navigation or collection property"))
            }
        }
    }

    fn join(
        &self,
        table: &str,
        ty: &'static TypeInfo,
        navigation: &'static odata_core::NavigationPropertyInfo,
        pos: usize,
    ) -> Result<super::NavigationJoin> {
        self.names.navigation(table, ty, navigation).ok_or_else(|| {
            SqlError::new(pos, format!("the storage cannot join the navigation property `{}`", navigation.name))
        })
    }

    fn lambda(
        &mut self,
        all: bool,
        collection: &Member,
        body: Option<&Expr>,
        pos: usize,
        sql: &mut SqlBuilder,
    ) -> Result {
        let Some(body) = body else {
            return self.exists(collection, pos, None, sql);
        };
        if all {
            sql.push_sql("(NOT ");
            self.exists(
                collection,
                pos,
                Some(&mut |t: &mut Self, sql: &mut SqlBuilder| {
                    sql.push_sql("(");
                    t.expr(body, sql)?;
                    sql.push_sql(") IS NOT TRUE");
                    Ok(())
                }),
                sql,
            )?;
            sql.push_sql(")");
            Ok(())
        } else {
            self.exists(collection, pos, Some(&mut |t: &mut Self, sql: &mut SqlBuilder| t.expr(body, sql)), sql)
        }
    }

    fn count(&mut self, member: &Member, pos: usize, sql: &mut SqlBuilder) -> Result {
        sql.push_sql("(SELECT COUNT(*) FROM ");
        self.open(member, pos, sql)?;
        sql.push_sql(")");
        Ok(())
    }

    fn isof(&mut self, scope: Scope, types: &[&'static str], sql: &mut SqlBuilder) -> Result {
        let frame = self.frame(scope).clone();
        let Frame::Entity { alias, ty, .. } = frame else {
            sql.push_sql("(1 = 0)");
            return Ok(());
        };
        // Every entity of the set is of the set's type: a test for a base type (or the type
        // itself) is true, one for an unrelated type false; only derived types need the column.
        if types.contains(&ty.qualified_name) {
            sql.push_sql("(1 = 1)");
            return Ok(());
        }
        let derived: Vec<&str> = types
            .iter()
            .copied()
            .filter(|name| registry::find_type(name).is_some_and(|t| t.is_or_derives_from(ty)))
            .collect();
        if derived.is_empty() {
            sql.push_sql("(1 = 0)");
            return Ok(());
        }
        sql.push_sql("(");
        self.names.push_type_column(sql, &alias);
        sql.push_sql(" IN (");
        for (i, name) in derived.iter().enumerate() {
            if i > 0 {
                sql.push_sql(", ");
            }
            sql.push_value(SqlValue::Text((*name).to_owned()));
        }
        sql.push_sql("))");
        Ok(())
    }

    fn call(&mut self, function: Function, args: &[Expr], pos: usize, sql: &mut SqlBuilder) -> Result {
        let postgres = sql.dialect() == Dialect::Postgres;
        let arg = |t: &mut Self, i: usize, sql: &mut SqlBuilder| match args.get(i) {
            Some(a) => t.expr(a, sql),
            None => Err(SqlError::new(pos, "a missing argument")),
        };
        // Writes `parts[0] arg0 parts[1] arg1 ...`, arguments by index.
        let template = |t: &mut Self, parts: &[(&str, Option<usize>)], sql: &mut SqlBuilder| -> Result {
            for (text, index) in parts {
                sql.push_sql(text);
                if let Some(i) = index {
                    arg(t, *i, sql)?;
                }
            }
            Ok(())
        };
        use Function as F;
        let find = if postgres { "strpos(" } else { "instr(" };
        match function {
            F::Contains => template(self, &[("(", None), (find, Some(0)), (", ", Some(1)), (") > 0)", None)], sql),
            F::StartsWith => template(self, &[("(", None), (find, Some(0)), (", ", Some(1)), (") = 1)", None)], sql),
            F::EndsWith if postgres => {
                template(self, &[("(right(", Some(0)), (", length(", Some(1)), (")) = ", Some(1)), (")", None)], sql)
            }
            F::EndsWith => template(
                self,
                &[
                    ("(length(", Some(1)),
                    (") <= length(", Some(0)),
                    (") AND substr(", Some(0)),
                    (", length(", Some(0)),
                    (") - length(", Some(1)),
                    (") + 1) = ", Some(1)),
                    (")", None),
                ],
                sql,
            ),
            F::Length => template(self, &[("length(", Some(0)), (")", None)], sql),
            F::IndexOf => template(self, &[("(", None), (find, Some(0)), (", ", Some(1)), (") - 1)", None)], sql),
            F::Substring => {
                let int = |s: &'static str| if postgres { s } else { "" };
                template(self, &[("substr(", Some(0)), (int(", CAST(("), None)], sql)?;
                if !postgres {
                    sql.push_sql(", (");
                }
                arg(self, 1, sql)?;
                sql.push_sql(if postgres { ") + 1 AS integer)" } else { ") + 1" });
                if args.len() > 2 {
                    sql.push_sql(if postgres { ", CAST(" } else { ", " });
                    arg(self, 2, sql)?;
                    sql.push_sql(if postgres { " AS integer)" } else { "" });
                }
                sql.push_sql(")");
                Ok(())
            }
            F::ToLower => template(self, &[("lower(", Some(0)), (")", None)], sql),
            F::ToUpper => template(self, &[("upper(", Some(0)), (")", None)], sql),
            F::Trim => template(self, &[("trim(", Some(0)), (")", None)], sql),
            F::Concat => template(self, &[("(", Some(0)), (" || ", Some(1)), (")", None)], sql),
            F::MatchesPattern if postgres => template(self, &[("(", Some(0)), (" ~ ", Some(1)), (")", None)], sql),
            F::MatchesPattern => {
                Err(SqlError::new(pos, "`matchesPattern` is not supported on SQLite (it has no regular expressions)"))
            }
            F::Year | F::Month | F::Day | F::Hour | F::Minute | F::Second => {
                let (format, field) = match function {
                    F::Year => ("%Y", "YEAR"),
                    F::Month => ("%m", "MONTH"),
                    F::Day => ("%d", "DAY"),
                    F::Hour => ("%H", "HOUR"),
                    F::Minute => ("%M", "MINUTE"),
                    _ => ("%S", "SECOND"),
                };
                if postgres {
                    sql.push_sql("CAST(floor(EXTRACT(").push_sql(field).push_sql(" FROM ");
                    self.utc(args, pos, sql)?;
                    sql.push_sql(")) AS integer)");
                } else {
                    sql.push_sql("CAST(strftime('").push_sql(format).push_sql("', ");
                    arg(self, 0, sql)?;
                    sql.push_sql(") AS INTEGER)");
                }
                Ok(())
            }
            F::FractionalSeconds if postgres => {
                sql.push_sql("(EXTRACT(SECOND FROM ");
                self.utc(args, pos, sql)?;
                sql.push_sql(") - floor(EXTRACT(SECOND FROM ");
                self.utc(args, pos, sql)?;
                sql.push_sql(")))");
                Ok(())
            }
            F::FractionalSeconds => template(
                self,
                &[
                    ("(CAST(strftime('%f', ", Some(0)),
                    (") AS REAL) - CAST(strftime('%S', ", Some(0)),
                    (") AS INTEGER))", None),
                ],
                sql,
            ),
            F::Date if postgres => {
                sql.push_sql("CAST(");
                self.utc(args, pos, sql)?;
                sql.push_sql(" AS date)");
                Ok(())
            }
            F::Date => template(self, &[("date(", Some(0)), (")", None)], sql),
            F::Time if postgres => {
                sql.push_sql("CAST(");
                self.utc(args, pos, sql)?;
                sql.push_sql(" AS time)");
                Ok(())
            }
            // The stored text is `YYYY-MM-DDThh:mm:ss.fffffffZ`: the time is its 12th to 27th character.
            F::Time => template(self, &[("substr(", Some(0)), (", 12, 16)", None)], sql),
            F::TotalOffsetMinutes => {
                template(self, &[("(CASE WHEN ", Some(0)), (" IS NULL THEN NULL ELSE 0 END)", None)], sql)
            }
            F::Now => {
                sql.push_value(SqlValue::date_time_offset(time::OffsetDateTime::now_utc()));
                Ok(())
            }
            F::MaxDateTime => {
                sql.push_value(SqlValue::DateTimeOffset("9999-12-31T23:59:59.9999999Z".into()));
                Ok(())
            }
            F::MinDateTime => {
                sql.push_value(SqlValue::DateTimeOffset("0001-01-01T00:00:00.0000000Z".into()));
                Ok(())
            }
            F::Round if postgres => template(self, &[("round(CAST(", Some(0)), (" AS numeric))", None)], sql),
            F::Round => template(self, &[("round(", Some(0)), (")", None)], sql),
            F::Floor if postgres => template(self, &[("floor(", Some(0)), (")", None)], sql),
            F::Ceiling if postgres => template(self, &[("ceil(", Some(0)), (")", None)], sql),
            // SQLite has floor and ceil only when built with its math functions.
            F::Floor => template(
                self,
                &[
                    ("(CASE WHEN ", Some(0)),
                    (" < CAST(", Some(0)),
                    (" AS INTEGER) THEN CAST(", Some(0)),
                    (" AS INTEGER) - 1 ELSE CAST(", Some(0)),
                    (" AS INTEGER) END)", None),
                ],
                sql,
            ),
            F::Ceiling => template(
                self,
                &[
                    ("(CASE WHEN ", Some(0)),
                    (" > CAST(", Some(0)),
                    (" AS INTEGER) THEN CAST(", Some(0)),
                    (" AS INTEGER) + 1 ELSE CAST(", Some(0)),
                    (" AS INTEGER) END)", None),
                ],
                sql,
            ),
        }
    }

    /// PostgreSQL: the first argument, at UTC when it is a `timestamptz` (whose fields
    /// otherwise follow the session's time zone).
    fn utc(&mut self, args: &[Expr], pos: usize, sql: &mut SqlBuilder) -> Result {
        let Some(arg) = args.first() else { return Err(SqlError::new(pos, "a missing argument")) };
        if arg.ty.primitive() == Some(Primitive::DateTimeOffset) {
            sql.push_sql("(");
            self.expr(arg, sql)?;
            sql.push_sql(" AT TIME ZONE 'UTC')");
            Ok(())
        } else {
            self.expr(arg, sql)
        }
    }
}

fn is_null(expr: &Expr) -> bool {
    matches!(expr.kind, ExprKind::Literal(Literal::Null))
}

/// The structural properties of a path (casts and navigations already handled).
fn properties_of(steps: &[Step], pos: usize) -> Result<Vec<&'static PropertyInfo>> {
    steps
        .iter()
        .filter(|s| !matches!(s, Step::Cast(_)))
        .map(|s| match s {
            Step::Property(p) => Ok(*p),
            _ => Err(SqlError::new(pos, "a navigation property below a complex property is not supported")),
        })
        .collect()
}

/// ` WHERE "inner"."t" = "outer"."s" AND ...`.
fn push_join_condition(columns: &[(&'static str, &'static str)], outer: &str, inner: &str, sql: &mut SqlBuilder) {
    sql.push_sql(" WHERE ");
    if columns.is_empty() {
        sql.push_sql("1 = 0");
    }
    for (i, (source, target)) in columns.iter().enumerate() {
        if i > 0 {
            sql.push_sql(" AND ");
        }
        sql.push_column(inner, target).push_sql(" = ").push_column(outer, source);
    }
}

fn push_literal(literal: &Literal, sql: &mut SqlBuilder) {
    let value = match literal {
        Literal::Null => {
            sql.push_sql("NULL");
            return;
        }
        Literal::Boolean(b) => SqlValue::Bool(*b),
        Literal::Int(i) => SqlValue::Int(*i),
        Literal::Decimal(d) => SqlValue::Decimal(d.clone()),
        Literal::Double(d) => SqlValue::Double(*d),
        Literal::String(s) | Literal::Duration(s) => SqlValue::Text(s.clone()),
        Literal::Date(d) => SqlValue::Date(d.clone()),
        Literal::DateTimeOffset(d) => SqlValue::DateTimeOffset(d.clone()),
        Literal::TimeOfDay(t) => SqlValue::TimeOfDay(t.clone()),
        Literal::Guid(g) => SqlValue::Guid(g.clone()),
        Literal::Binary(b) => SqlValue::Bytes(b.clone()),
        Literal::Enum(_, members) => SqlValue::Text(members.join(",")),
    };
    sql.push_value(value);
}
