//! `$expand`: the related entities of all the entities of a page in one read per expanded
//! navigation property and level (no N+1), with nested options, whatever stores the parents and
//! the targets. A table-backed target is read with one statement (`IN` over the parents' join
//! values; per-parent `$top`/`$skip` through `ROW_NUMBER() OVER (PARTITION BY ..)`); a
//! source-backed one with one query (`source/expand.rs`).

use std::collections::{HashMap, HashSet};
use std::future::Future;
use std::pin::Pin;

use odata_core::NavigationPropertyInfo;
use sqlx::pool::PoolConnection;
use sqlx::{Any, AnyConnection, AnyPool};

use crate::catalog::{SetModel, ValueKind};
use crate::error::ODataError;
use crate::fetch::{ParentJoin, RowSet, Selection, fetch, needed_columns};
use crate::options::{ExpandItem, Options};
use crate::resolve::join_columns;
use crate::rows::Rows;
use crate::service::Inner;
use crate::value::Datum;

/// The most parents whose join values one statement binds (databases cap the number of bound
/// values).
pub(crate) const PARENTS_PER_STATEMENT: usize = 1000;

/// Pairs of (source column, target column) with equal values.
type Join = Vec<(&'static str, &'static str)>;

/// The related entities of one expanded navigation property, grouped by parent row.
pub(crate) struct Expansion<'c> {
    pub(crate) navigation: &'static NavigationPropertyInfo,
    pub(crate) set: &'c SetModel,
    pub(crate) options: Options,
    pub(crate) rows: Rows,
    /// Per parent row: the indices of its related rows.
    pub(crate) groups: Vec<Vec<usize>>,
    pub(crate) children: Vec<Expansion<'c>>,
    /// Per parent row, with the nested `$count=true`: how many related entities there are
    /// (before the nested `$top`/`$skip`).
    pub(crate) counts: Option<Vec<u64>>,
}

/// The columns of `set` the expansions of `items` join on (to be read with the parents);
/// `from_table` as for [`target_and_pairs`].
pub(crate) fn join_sources(
    inner: &Inner,
    set: &SetModel,
    items: &[ExpandItem],
    from_table: bool,
) -> Result<Vec<&'static str>, ODataError> {
    let mut names = Vec::new();
    for item in items {
        let navigation = item.navigation;
        let (_, pairs) = target_and_pairs(inner, set, navigation, from_table)?;
        names.extend(pairs.iter().map(|(source, _)| *source));
    }
    Ok(names)
}

/// The target set of `navigation` from `set` and the (source, target) columns they join on;
/// `from_table`: the request addresses a table-backed set, whose reads cannot join a
/// source-backed target (501).
pub(crate) fn target_and_pairs<'c>(
    inner: &'c Inner,
    set: &SetModel,
    navigation: &'static NavigationPropertyInfo,
    from_table: bool,
) -> Result<(&'c SetModel, Join), ODataError> {
    let target = inner.catalog.target_set(set, navigation).ok_or_else(|| {
        ODataError::not_implemented(format!("$expand: {} leads to no entity set of this service", navigation.name))
    })?;
    if from_table {
        crate::source::guard::refuse_navigation(inner, target, navigation)?;
    }
    let pairs = join_columns(set, target, navigation).ok_or_else(|| {
        ODataError::not_implemented(format!(
            "$expand: {} has no referential constraint (nor its partner) to follow",
            navigation.name
        ))
    })?;
    Ok((target, pairs))
}

/// The column indices of the join `pairs` in `set` (the parents) and in `target`.
pub(crate) fn join_indices(
    set: &SetModel,
    target: &SetModel,
    pairs: &Join,
    navigation: &'static NavigationPropertyInfo,
) -> Result<(Vec<usize>, Vec<usize>), ODataError> {
    let source_columns: Vec<usize> = pairs.iter().filter_map(|(s, _)| set.column(s)).collect();
    let target_columns: Vec<usize> = pairs.iter().filter_map(|(_, t)| target.column(t)).collect();
    if source_columns.len() != pairs.len() || target_columns.len() != pairs.len() {
        return Err(ODataError::not_implemented(format!(
            "$expand: a referential constraint of {} names no property",
            navigation.name
        )));
    }
    Ok((source_columns, target_columns))
}

/// A 400 when `$expand` nests past the limit.
pub(crate) fn check_depth(inner: &Inner, depth: u32) -> Result<(), ODataError> {
    if depth as usize > inner.limits.query.max_expand_depth {
        return Err(ODataError::bad_request(
            "ExpandTooDeep",
            format!("$expand nests deeper than {} levels", inner.limits.query.max_expand_depth),
        )
        .with_target("$expand"));
    }
    Ok(())
}

/// The parents' join values: per parent a group key (`None`: a null value joins nothing), and
/// the distinct values in the order first seen, to be bound or matched once each.
pub(crate) struct ParentValues {
    keys: Vec<Option<String>>,
    pub(crate) distinct: Vec<Vec<Datum>>,
}

impl ParentValues {
    pub(crate) fn collect(parents: impl Iterator<Item = Vec<Datum>>) -> Self {
        let mut keys = Vec::new();
        let mut seen = HashSet::new();
        let mut distinct = Vec::new();
        for datums in parents {
            if datums.contains(&Datum::Null) {
                keys.push(None);
                continue;
            }
            let key = format!("{datums:?}");
            if seen.insert(key.clone()) {
                distinct.push(datums);
            }
            keys.push(Some(key));
        }
        ParentValues { keys, distinct }
    }

    /// The group key of each parent, in parent order.
    pub(crate) fn keys(&self) -> &[Option<String>] {
        &self.keys
    }

    /// Per parent: the indices of the related rows whose join values (`related`, in row order)
    /// equal its own.
    pub(crate) fn groups(&self, related: impl Iterator<Item = Vec<Datum>>) -> Vec<Vec<usize>> {
        let mut by_key: HashMap<String, Vec<usize>> = HashMap::new();
        for (index, datums) in related.enumerate() {
            by_key.entry(format!("{datums:?}")).or_default().push(index);
        }
        self.keys.iter().map(|key| key.as_ref().and_then(|k| by_key.get(k)).cloned().unwrap_or_default()).collect()
    }
}

/// The connection `$expand` reads tables with: the request's, or (a request to a source-backed
/// set has none) one taken from the pool when a table is first read.
pub(crate) enum Tables<'a> {
    Conn(&'a mut AnyConnection),
    Pool(&'a AnyPool, Option<PoolConnection<Any>>),
}

impl Tables<'_> {
    async fn conn(&mut self) -> Result<&mut AnyConnection, ODataError> {
        match self {
            Tables::Conn(conn) => Ok(conn),
            Tables::Pool(pool, held) => {
                if held.is_none() {
                    *held = Some(pool.acquire().await.map_err(|e| ODataError::database(&e))?);
                }
                held.as_deref_mut().ok_or_else(|| ODataError::database(&sqlx::Error::PoolClosed))
            }
        }
    }
}

/// The related rows of one expanded navigation property, grouped by parent.
pub(crate) struct Related {
    pub(crate) rows: Rows,
    /// Per parent: the indices of its related rows, paged by the item's `$skip`/`$top`.
    pub(crate) groups: Vec<Vec<usize>>,
    /// Per parent, with the item's `$count=true`: how many before paging.
    pub(crate) counts: Option<Vec<u64>>,
}

/// Reads the expansions of `items` for the rows `parents` of `set`; `from_table` as for
/// [`target_and_pairs`].
pub(crate) fn expand<'a, 'c: 'a, 't: 'a>(
    inner: &'c Inner,
    tables: &'a mut Tables<'t>,
    set: &'c SetModel,
    parents: &'a Rows,
    items: &'a [ExpandItem],
    depth: u32,
    from_table: bool,
) -> Pin<Box<dyn Future<Output = Result<Vec<Expansion<'c>>, ODataError>> + Send + 'a>> {
    Box::pin(async move {
        if items.is_empty() {
            return Ok(Vec::new());
        }
        check_depth(inner, depth)?;
        let mut expansions = Vec::new();
        for item in items {
            let navigation = item.navigation;
            let (target, pairs) = target_and_pairs(inner, set, navigation, from_table)?;
            let (source_columns, target_columns) = join_indices(set, target, &pairs, navigation)?;
            let parent_values = ParentValues::collect(
                (0..parents.len())
                    .map(|row| source_columns.iter().map(|&c| parents.datum(row, c).into_owned()).collect()),
            );
            let Related { rows, groups, counts } = match inner.sources.get(target.name()) {
                Some(source) => {
                    crate::source::expand::related(source.as_ref(), target, &target_columns, &parent_values, item)
                        .await?
                }
                None => {
                    table_rows(inner, tables, target, navigation, &target_columns, &parent_values, item, from_table)
                        .await?
                }
            };
            let children = expand(inner, tables, target, &rows, &item.options.expand, depth + 1, from_table).await?;
            expansions.push(Expansion {
                counts,
                navigation,
                set: target,
                options: item.options.clone(),
                rows,
                groups,
                children,
            });
        }
        Ok(expansions)
    })
}

/// The related rows in the table of `target`: one statement per level for any page up to
/// [`PARENTS_PER_STATEMENT`] parents, per-parent `$top`/`$skip` in the statement.
#[allow(clippy::too_many_arguments)]
async fn table_rows(
    inner: &Inner,
    tables: &mut Tables<'_>,
    target: &SetModel,
    navigation: &'static NavigationPropertyInfo,
    target_columns: &[usize],
    parent_values: &ParentValues,
    item: &ExpandItem,
    from_table: bool,
) -> Result<Related, ODataError> {
    let options = &item.options;
    let columns: Vec<(&'static str, ValueKind)> =
        target_columns.iter().map(|&c| (target.columns[c].name(), target.columns[c].kind)).collect();
    let mut extra: Vec<&'static str> = columns.iter().map(|(n, _)| *n).collect();
    extra.extend(join_sources(inner, target, &options.expand, from_table)?);
    let needed = needed_columns(target, options, &extra)?;
    let cast = navigation.ty.type_info().filter(|t| t.qualified_name != target.ty.qualified_name);
    let mut all: Option<RowSet> = None;
    let mut per_parent = HashMap::new();
    let counted = options.count && (options.top.is_some() || options.skip.is_some());
    for chunk in parent_values.distinct.chunks(PARENTS_PER_STATEMENT) {
        let conn = tables.conn().await?;
        let part = ParentJoin { columns: columns.clone(), parents: chunk.to_vec() };
        let selection = Selection { conds: &[], cast, options, limit: None, offset: 0, join: Some(&part) };
        let rows = fetch(inner, conn, target, &needed, &selection).await?;
        match &mut all {
            Some(all) => all.rows.extend(rows.rows),
            None => all = Some(rows),
        }
        if counted {
            per_parent.extend(crate::fetch::count_per_parent(inner, conn, target, &selection).await?);
        }
    }
    let rows = Rows::Table(all.unwrap_or_else(|| RowSet::empty(target)));
    let groups = parent_values
        .groups((0..rows.len()).map(|row| target_columns.iter().map(|&c| rows.datum(row, c).into_owned()).collect()));
    let counts = if !options.count {
        None
    } else if !counted {
        Some(groups.iter().map(|g: &Vec<usize>| g.len() as u64).collect())
    } else {
        Some(
            parent_values
                .keys()
                .iter()
                .map(|k| k.as_ref().and_then(|k| per_parent.get(k)).map_or(0, |&n| u64::try_from(n).unwrap_or(0)))
                .collect(),
        )
    };
    Ok(Related { rows, groups, counts })
}
