//! `$expand` from a source-backed set: the related entities of a whole page in one read per
//! expanded navigation property and level. A source-backed target is asked with its key-in
//! condition (`CategoryID in (1,2)`, or `(A eq .. and B eq ..) or ..` for several join
//! properties) added to the item's own `$filter`; a table-backed target is read with the
//! statement of the table path ([`crate::fetch`], `IN` over the parents' values). Nested
//! `$expand` continues from either. Per-parent `$top`/`$skip` and `$count` are applied to the
//! groups.

use std::future::Future;
use std::pin::Pin;

use odata_core::NavigationPropertyInfo;

use super::row::to_row;
use super::{Query, SourceEntity};
use crate::catalog::{SetModel, ValueKind};
use crate::error::ODataError;
use crate::expand::{Expansion, PARENTS_PER_STATEMENT, ParentValues, check_depth, join_indices, target_and_pairs};
use crate::fetch::{ParentJoin, RowSet, Selection, fetch, needed_columns};
use crate::options::{ExpandItem, Options};
use crate::query::{BinaryOp, Expr, ExprKind, Literal, Member, Scope, Step, ValueType};
use crate::rows::Rows;
use crate::service::Inner;
use crate::value::Datum;

/// Reads the expansions of `items` for the rows `parents` of `set`.
pub(crate) fn expand<'a, 'c: 'a>(
    inner: &'c Inner,
    set: &'c SetModel,
    parents: &'a Rows,
    items: &'a [ExpandItem],
    depth: u32,
) -> Pin<Box<dyn Future<Output = Result<Vec<Expansion<'c>>, ODataError>> + Send + 'a>> {
    Box::pin(async move {
        if items.is_empty() {
            return Ok(Vec::new());
        }
        check_depth(inner, depth)?;
        let mut expansions = Vec::new();
        for item in items {
            let navigation = item.navigation;
            let (target, pairs) = target_and_pairs(inner, set, navigation, false)?;
            let (source_columns, target_columns) = join_indices(set, target, &pairs, navigation)?;
            let parent_values = ParentValues::collect(
                (0..parents.len())
                    .map(|row| source_columns.iter().map(|&c| parents.datum(row, c).into_owned()).collect()),
            );
            let distinct = &parent_values.distinct;
            let rows = if distinct.is_empty() {
                Rows::Entities(Vec::new())
            } else if let Some(source) = inner.sources.get(target.name()) {
                let condition = key_in(target, &target_columns, distinct);
                let filter = match &item.options.filter {
                    Some(own) => {
                        Expr { kind: ExprKind::And(vec![condition, own.clone()]), ty: ValueType::BOOLEAN, pos: own.pos }
                    }
                    None => condition,
                };
                let mut query = Query::new(target.info);
                query.filter = Some(&filter);
                query.search = item.options.search.as_ref();
                query.orderby = &item.options.orderby;
                let page = source.read(query).await?;
                Rows::Entities(
                    page.entities.iter().map(|e: &SourceEntity| to_row(target, e)).collect::<Result<Vec<_>, _>>()?,
                )
            } else {
                Rows::Table(table_rows(inner, target, navigation, &target_columns, distinct, item).await?)
            };
            let all = parent_values.groups(
                (0..rows.len()).map(|row| target_columns.iter().map(|&c| rows.datum(row, c).into_owned()).collect()),
            );
            let counts = item.options.count.then(|| all.iter().map(|g| g.len() as u64).collect());
            let skip = usize::try_from(item.options.skip.unwrap_or(0)).unwrap_or(usize::MAX);
            let top = item.options.top.map_or(usize::MAX, |t| usize::try_from(t).unwrap_or(usize::MAX));
            let groups = all.into_iter().map(|g| g.into_iter().skip(skip).take(top).collect()).collect();
            let children = expand(inner, target, &rows, &item.options.expand, depth + 1).await?;
            expansions.push(Expansion {
                navigation,
                set: target,
                options: item.options.clone(),
                rows,
                groups,
                counts,
                children,
            });
        }
        Ok(expansions)
    })
}

/// The related rows of a table-backed target: all of them for the parents' values (paging and
/// counting per parent are done on the groups), with the item's `$filter`, `$search`, `$orderby`.
async fn table_rows(
    inner: &Inner,
    target: &SetModel,
    navigation: &'static NavigationPropertyInfo,
    target_columns: &[usize],
    distinct: &[Vec<Datum>],
    item: &ExpandItem,
) -> Result<RowSet, ODataError> {
    let mut conn = inner.pool.acquire().await.map_err(|e| ODataError::database(&e))?;
    // The item's options without its paging: applied per parent on the groups.
    let options = Options { top: None, skip: None, count: false, ..item.options.clone() };
    let mut extra: Vec<&'static str> = target_columns.iter().map(|&c| target.columns[c].name()).collect();
    for nested in &item.options.expand {
        if let Ok((_, pairs)) = target_and_pairs(inner, target, nested.navigation, false) {
            extra.extend(pairs.iter().map(|(source, _)| *source));
        }
    }
    let columns = needed_columns(target, &options, &extra)?;
    let cast = navigation.ty.type_info().filter(|t| t.qualified_name != target.ty.qualified_name);
    let join_columns: Vec<(&'static str, ValueKind)> =
        target_columns.iter().map(|&c| (target.columns[c].name(), target.columns[c].kind)).collect();
    let mut all: Option<RowSet> = None;
    // Bounded statements, as on the table path.
    for chunk in distinct.chunks(PARENTS_PER_STATEMENT) {
        let join = ParentJoin { columns: join_columns.clone(), parents: chunk.to_vec() };
        let selection = Selection { conds: &[], cast, options: &options, limit: None, offset: 0, join: Some(&join) };
        let rows = fetch(inner, &mut conn, target, &columns, &selection).await?;
        match &mut all {
            Some(all) => all.rows.extend(rows.rows),
            None => all = Some(rows),
        }
    }
    Ok(all.unwrap_or_else(|| RowSet::empty(target)))
}

/// `column in (values)` (one join property) or `(a eq .. and b eq ..) or ..` (several) over the
/// properties `columns` of `target`, as a typed expression a source evaluates like `$filter`.
fn key_in(target: &SetModel, columns: &[usize], parents: &[Vec<Datum>]) -> Expr {
    let member = |c: usize| {
        let property = target.columns[c].property;
        Expr {
            kind: ExprKind::Member(Member { scope: Scope::It, steps: vec![Step::Property(property)] }),
            ty: ValueType::of_ref(&property.ty),
            pos: 0,
        }
    };
    let literal = |c: usize, datum: &Datum| Expr {
        kind: ExprKind::Literal(literal_of(target.columns[c].kind, datum)),
        ty: ValueType::of_ref(&target.columns[c].property.ty),
        pos: 0,
    };
    let boolean = |kind| Expr { kind, ty: ValueType::BOOLEAN, pos: 0 };
    if let [column] = columns {
        let values = parents.iter().map(|p| literal(*column, &p[0])).collect();
        return boolean(ExprKind::In(Box::new(member(*column)), values));
    }
    boolean(ExprKind::Or(
        parents
            .iter()
            .map(|parent| {
                boolean(ExprKind::And(
                    columns
                        .iter()
                        .zip(parent)
                        .map(|(&c, datum)| {
                            boolean(ExprKind::Binary(BinaryOp::Eq, Box::new(member(c)), Box::new(literal(c, datum))))
                        })
                        .collect(),
                ))
            })
            .collect(),
    ))
}

/// The typed literal of a stored value of `kind`.
fn literal_of(kind: ValueKind, datum: &Datum) -> Literal {
    match (kind, datum) {
        (_, Datum::Null) => Literal::Null,
        (_, Datum::Bool(b)) => Literal::Boolean(*b),
        (ValueKind::Boolean, Datum::Int(i)) => Literal::Boolean(*i != 0),
        (ValueKind::Decimal, Datum::Int(i)) => Literal::Decimal(i.to_string()),
        (ValueKind::Decimal, Datum::Float(f)) => Literal::Decimal(f.to_string()),
        (_, Datum::Int(i)) => Literal::Int(*i),
        (_, Datum::Float(f)) => Literal::Double(*f),
        (_, Datum::Bytes(b)) => Literal::Binary(b.clone()),
        (ValueKind::Decimal, Datum::Text(t)) => Literal::Decimal(t.clone()),
        (ValueKind::Date, Datum::Text(t)) => Literal::Date(t.clone()),
        (ValueKind::DateTimeOffset, Datum::Text(t)) => Literal::DateTimeOffset(t.clone()),
        (ValueKind::TimeOfDay, Datum::Text(t)) => Literal::TimeOfDay(t.clone()),
        (ValueKind::Duration, Datum::Text(t)) => Literal::Duration(t.clone()),
        (ValueKind::Guid, Datum::Text(t)) => Literal::Guid(t.clone()),
        (ValueKind::Enum(info), Datum::Text(t)) => {
            Literal::Enum(info, t.split(',').filter_map(|m| info.member(m.trim())).map(|m| m.name).collect())
        }
        (_, Datum::Text(t)) => Literal::String(t.clone()),
    }
}
