//! SELECT statements over one entity set: which columns, which rows (equality conditions from
//! keys and navigation, type casts, `$filter`, the parents of an `$expand`), in which order,
//! which page; and the rows they return.

use odata_core::TypeInfo;
use sqlx::AnyConnection;
use sqlx::any::AnyRow;

use crate::catalog::{SetModel, ValueKind};
use crate::error::ODataError;
use crate::options::Options;
use crate::service::Inner;
use crate::sql::Dialect;
use crate::stmt::Stmt;
use crate::value::Datum;

/// `column = value`: from a key predicate or a navigation step.
#[derive(Debug, Clone)]
pub(crate) struct Cond {
    pub(crate) column: &'static str,
    pub(crate) kind: ValueKind,
    pub(crate) value: Datum,
}

/// The rows of a set restricted to some parents: `column IN (values)` (one column) or
/// `(a = .. AND b = ..) OR ..` (several), each parent's values in `parents`.
#[derive(Debug, Clone)]
pub(crate) struct ParentJoin {
    pub(crate) columns: Vec<(&'static str, ValueKind)>,
    pub(crate) parents: Vec<Vec<Datum>>,
}

/// What to read: conditions, type, options, page.
pub(crate) struct Selection<'a> {
    pub(crate) conds: &'a [Cond],
    /// A type cast: only entities of this type (or derived from it).
    pub(crate) cast: Option<&'static TypeInfo>,
    pub(crate) options: &'a Options,
    /// `LIMIT`, `OFFSET` of the whole result (not per parent).
    pub(crate) limit: Option<u64>,
    pub(crate) offset: u64,
    /// For `$expand`: the parents, and per-parent `$top`/`$skip` through a window.
    pub(crate) join: Option<&'a ParentJoin>,
}

impl<'a> Selection<'a> {
    /// The one entity that `conds` (a key, or the conditions of a resolved path) address, of
    /// type `cast` when given.
    pub(crate) fn one(conds: &'a [Cond], cast: Option<&'static TypeInfo>, options: &'a Options) -> Self {
        Selection { conds, cast, options, limit: Some(1), offset: 0, join: None }
    }
}

/// Rows of one set, with where each column is in them.
pub(crate) struct RowSet {
    pub(crate) rows: Vec<AnyRow>,
    /// Per column of the set: its index in the rows, when selected.
    pub(crate) positions: Vec<Option<usize>>,
    pub(crate) discriminator: Option<usize>,
    pub(crate) version: usize,
}

impl RowSet {
    /// No rows of `set`.
    pub(crate) fn empty(set: &SetModel) -> Self {
        RowSet { rows: Vec::new(), positions: vec![None; set.columns.len()], discriminator: None, version: 0 }
    }

    /// The datum of column `column` of row `row`.
    pub(crate) fn datum(&self, row: usize, column: usize) -> Datum {
        match self.positions[column] {
            Some(index) => crate::value::read_datum(&self.rows[row], index),
            None => Datum::Null,
        }
    }

    /// The entity type of row `row`.
    pub(crate) fn type_of(&self, set: &SetModel, row: usize) -> &'static TypeInfo {
        match self.discriminator {
            Some(index) => match crate::value::read_datum(&self.rows[row], index) {
                Datum::Text(name) => set.type_named(&name).unwrap_or(set.ty),
                _ => set.ty,
            },
            None => set.ty,
        }
    }
}

/// Which columns a read needs: the selected properties (all by default), the key, the row
/// version, the discriminator, and `extra` (join columns of expansions).
pub(crate) fn needed_columns(set: &SetModel, options: &Options, extra: &[&str]) -> Result<Vec<usize>, ODataError> {
    let mut needed: Vec<usize> = set.key.clone();
    if let Some(etag) = set.etag {
        needed.push(etag);
    }
    match &options.select {
        None => needed.extend(0..set.columns.len()),
        Some(items) => {
            for item in items {
                if item == "*" {
                    needed.extend(0..set.columns.len());
                    continue;
                }
                let name = item.rsplit_once('/').map_or(item.as_str(), |(_, n)| n);
                match set.column(name) {
                    Some(index) => needed.push(index),
                    None if set.derived.iter().chain([&set.ty]).any(|t| t.navigation_property(name).is_some()) => {}
                    None => {
                        return Err(ODataError::bad_request(
                            "InvalidSelect",
                            format!("$select: {} has no property {name}", set.ty.qualified_name),
                        )
                        .with_target("$select"));
                    }
                }
            }
        }
    }
    for name in extra {
        if let Some(index) = set.column(name) {
            needed.push(index);
        }
    }
    let mut seen = vec![false; set.columns.len()];
    needed.retain(|&i| !std::mem::replace(&mut seen[i], true));
    Ok(needed)
}

/// Runs the read of `set`; `columns` from [`needed_columns`].
pub(crate) async fn fetch(
    inner: &Inner,
    conn: &mut AnyConnection,
    set: &SetModel,
    columns: &[usize],
    selection: &Selection<'_>,
) -> Result<RowSet, ODataError> {
    let mut stmt = Stmt::new(inner.backend);
    let windowed = selection.join.is_some() && (selection.options.top.is_some() || selection.options.skip.is_some());
    if windowed {
        stmt.push("SELECT * FROM (");
    }
    stmt.push("SELECT ");
    let mut positions = vec![None; set.columns.len()];
    for (i, &column) in columns.iter().enumerate() {
        if i > 0 {
            stmt.push(", ");
        }
        let col = &set.columns[column];
        stmt.select_column("t", col.name(), col.kind);
        positions[column] = Some(i);
    }
    let mut next = columns.len();
    let discriminator = if set.has_discriminator() {
        stmt.push(", ").column("t", "@odata.type");
        next += 1;
        Some(next - 1)
    } else {
        None
    };
    let version = match set.etag {
        Some(index) => positions[index].unwrap_or(0),
        None => {
            stmt.push(", ").column("t", crate::catalog::ROW_VERSION);
            next += 1;
            next - 1
        }
    };
    if windowed {
        let join = selection.join.map(|j| j.columns.clone()).unwrap_or_default();
        stmt.push(", ROW_NUMBER() OVER (PARTITION BY ");
        for (i, (name, _)) in join.iter().enumerate() {
            if i > 0 {
                stmt.push(", ");
            }
            stmt.column("t", name);
        }
        stmt.push(" ORDER BY ");
        write_order(inner, &mut stmt, set, selection.options)?;
        stmt.push(") AS \"@rn\"");
    }
    stmt.push(" FROM ").ident(set.name()).push(" t WHERE 1 = 1");
    write_where(inner, &mut stmt, set, selection)?;
    if windowed {
        stmt.push(") w WHERE w.\"@rn\" > ");
        let skip = selection.options.skip.unwrap_or(0);
        stmt.value(ValueKind::Int64, &Datum::Int(clamp(skip)));
        if let Some(top) = selection.options.top {
            stmt.push(" AND w.\"@rn\" <= ").value(ValueKind::Int64, &Datum::Int(clamp(skip.saturating_add(top))));
        }
        stmt.push(" ORDER BY ");
        let join = selection.join.map(|j| j.columns.clone()).unwrap_or_default();
        for (name, _) in &join {
            stmt.column("w", name).push(", ");
        }
        stmt.push("w.\"@rn\"");
    } else {
        stmt.push(" ORDER BY ");
        write_order(inner, &mut stmt, set, selection.options)?;
        if let Some(limit) = selection.limit {
            stmt.push(" LIMIT ").value(ValueKind::Int64, &Datum::Int(clamp(limit)));
            if selection.offset > 0 {
                stmt.push(" OFFSET ").value(ValueKind::Int64, &Datum::Int(clamp(selection.offset)));
            }
        } else if selection.offset > 0 {
            let all = if inner.backend == Dialect::Sqlite { " LIMIT -1" } else { " LIMIT ALL" };
            stmt.push(all).push(" OFFSET ").value(ValueKind::Int64, &Datum::Int(clamp(selection.offset)));
        }
    }
    let (sql, args) = stmt.into_parts()?;
    let rows = sqlx::query_with(sql, args).fetch_all(&mut *conn).await.map_err(|e| ODataError::database(&e))?;
    Ok(RowSet { rows, positions, discriminator, version })
}

/// `SELECT COUNT(*)` of the same selection (no paging).
pub(crate) async fn count(
    inner: &Inner,
    conn: &mut AnyConnection,
    set: &SetModel,
    selection: &Selection<'_>,
) -> Result<i64, ODataError> {
    let mut stmt = Stmt::new(inner.backend);
    stmt.push("SELECT COUNT(*) FROM ").ident(set.name()).push(" t WHERE 1 = 1");
    write_where(inner, &mut stmt, set, selection)?;
    let (sql, args) = stmt.into_parts()?;
    let row = sqlx::query_with(sql, args).fetch_one(&mut *conn).await.map_err(|e| ODataError::database(&e))?;
    Ok(match crate::value::read_datum(&row, 0) {
        Datum::Int(n) => n,
        _ => 0,
    })
}

/// `SELECT join columns, COUNT(*) .. GROUP BY join columns` of a selection with a parent join:
/// the number of related entities of each parent (by the `Debug` text of its join values).
pub(crate) async fn count_per_parent(
    inner: &Inner,
    conn: &mut AnyConnection,
    set: &SetModel,
    selection: &Selection<'_>,
) -> Result<std::collections::HashMap<String, i64>, ODataError> {
    let Some(join) = selection.join else {
        return Ok(std::collections::HashMap::new());
    };
    let mut stmt = Stmt::new(inner.backend);
    stmt.push("SELECT ");
    for (name, _) in &join.columns {
        stmt.column("t", name).push(", ");
    }
    stmt.push("COUNT(*) FROM ").ident(set.name()).push(" t WHERE 1 = 1");
    write_where(inner, &mut stmt, set, selection)?;
    stmt.push(" GROUP BY ");
    for (i, (name, _)) in join.columns.iter().enumerate() {
        if i > 0 {
            stmt.push(", ");
        }
        stmt.column("t", name);
    }
    let (sql, args) = stmt.into_parts()?;
    let rows = sqlx::query_with(sql, args).fetch_all(&mut *conn).await.map_err(|e| ODataError::database(&e))?;
    let n = join.columns.len();
    Ok(rows
        .iter()
        .map(|row| {
            let key: Vec<Datum> = (0..n).map(|i| crate::value::read_datum(row, i)).collect();
            let count = match crate::value::read_datum(row, n) {
                Datum::Int(c) => c,
                _ => 0,
            };
            (format!("{key:?}"), count)
        })
        .collect())
}

fn clamp(n: u64) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

fn write_where(inner: &Inner, stmt: &mut Stmt, set: &SetModel, selection: &Selection<'_>) -> Result<(), ODataError> {
    for cond in selection.conds {
        stmt.push(" AND ");
        if cond.value == Datum::Null {
            stmt.column("t", cond.column).push(" IS NULL");
        } else {
            stmt.column("t", cond.column).push(" = ").value(cond.kind, &cond.value);
        }
    }
    if let Some(cast) = selection.cast
        && cast.qualified_name != set.ty.qualified_name
    {
        stmt.push(" AND ").column("t", "@odata.type").push(" IN (");
        let names: Vec<&str> = std::iter::once(cast)
            .chain(
                set.derived
                    .iter()
                    .copied()
                    .filter(|d| d.is_or_derives_from(cast) && d.qualified_name != cast.qualified_name),
            )
            .map(|t| t.qualified_name)
            .collect();
        for (i, name) in names.iter().enumerate() {
            if i > 0 {
                stmt.push(", ");
            }
            stmt.value(ValueKind::String, &Datum::Text((*name).to_owned()));
        }
        stmt.push(")");
    }
    if let Some(join) = selection.join {
        stmt.push(" AND (");
        if join.parents.is_empty() {
            stmt.push("1 = 0");
        } else if join.columns.len() == 1 {
            let (name, kind) = join.columns[0];
            stmt.column("t", name).push(" IN (");
            for (i, parent) in join.parents.iter().enumerate() {
                if i > 0 {
                    stmt.push(", ");
                }
                stmt.value(kind, &parent[0]);
            }
            stmt.push(")");
        } else {
            for (i, parent) in join.parents.iter().enumerate() {
                if i > 0 {
                    stmt.push(" OR ");
                }
                stmt.push("(");
                for (j, (name, kind)) in join.columns.iter().enumerate() {
                    if j > 0 {
                        stmt.push(" AND ");
                    }
                    stmt.column("t", name).push(" = ").value(*kind, &parent[j]);
                }
                stmt.push(")");
            }
        }
        stmt.push(")");
    }
    if let Some(search) = &selection.options.search {
        crate::filter::write_search(inner, stmt, set, search)?;
    }
    if let Some(filter) = &selection.options.filter {
        crate::filter::write_filter(inner, stmt, set, filter)?;
    }
    Ok(())
}

/// The order: `$orderby`, then the key (so that pages are stable).
fn write_order(inner: &Inner, stmt: &mut Stmt, set: &SetModel, options: &Options) -> Result<(), ODataError> {
    if !options.orderby.is_empty() {
        crate::filter::write_orderby(inner, stmt, set, &options.orderby)?;
        stmt.push(", ");
    }
    for (i, &key) in set.key.iter().enumerate() {
        if i > 0 {
            stmt.push(", ");
        }
        stmt.column("t", set.columns[key].name());
    }
    Ok(())
}
