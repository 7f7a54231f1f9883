//! `$expand` to a source-backed set (the rest of `$expand` is [`crate::expand`]): the related
//! entities of a whole page in one read per expanded navigation property and level, the
//! source asked with its key-in condition (`CategoryID in (1,2)`, or `(A eq .. and B eq ..) or
//! ..` for several join properties) added to the item's own `$filter`. Per-parent `$top`/`$skip`
//! and `$count` are applied to the groups.

use super::row::to_row;
use super::{EntitySource, Query, SourceEntity};
use crate::catalog::{SetModel, ValueKind};
use crate::error::ODataError;
use crate::expand::{ParentValues, Related};
use crate::options::ExpandItem;
use crate::query::{BinaryOp, Expr, ExprKind, Literal, Member, Scope, Step, ValueType};
use crate::rows::Rows;
use crate::value::Datum;

/// The entities of `source` (serving `target`) related to the parents whose join values are
/// `parent_values`, joined on the properties `target_columns`.
pub(crate) async fn related(
    source: &dyn EntitySource,
    target: &SetModel,
    target_columns: &[usize],
    parent_values: &ParentValues,
    item: &ExpandItem,
) -> Result<Related, ODataError> {
    let distinct = &parent_values.distinct;
    let rows = if distinct.is_empty() {
        Rows::Entities(Vec::new())
    } else {
        let condition = key_in(target, target_columns, distinct);
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
        Rows::Entities(page.entities.iter().map(|e: &SourceEntity| to_row(target, e)).collect::<Result<Vec<_>, _>>()?)
    };
    let all = parent_values
        .groups((0..rows.len()).map(|row| target_columns.iter().map(|&c| rows.datum(row, c).into_owned()).collect()));
    let counts = item.options.count.then(|| all.iter().map(|g| g.len() as u64).collect());
    let skip = usize::try_from(item.options.skip.unwrap_or(0)).unwrap_or(usize::MAX);
    let top = item.options.top.map_or(usize::MAX, |t| usize::try_from(t).unwrap_or(usize::MAX));
    let groups = all.into_iter().map(|g| g.into_iter().skip(skip).take(top).collect()).collect();
    Ok(Related { rows, groups, counts })
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
