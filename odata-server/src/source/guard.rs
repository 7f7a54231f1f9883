//! Where a source-backed set meets the table-backed ones: navigation between them is refused
//! (501) where SQL would have to join a table that does not exist.

use odata_core::NavigationPropertyInfo;

use crate::catalog::SetModel;
use crate::error::ODataError;
use crate::query::{Expr, ExprKind, Member, OrderItem, Step};
use crate::service::Inner;

/// 501 for a navigation property that leads to or from a source-backed set.
pub(crate) fn navigation_refused(navigation: &NavigationPropertyInfo, set: &str) -> ODataError {
    ODataError::not_implemented(format!(
        "the navigation property {} connects the entity set {set}, which a data source serves, with another \
         entity set: navigation, $expand and $filter paths across a data source are not supported",
        navigation.name
    ))
    .with_target(navigation.name)
}

/// Refuses (501) navigation from a table-backed set into a source-backed `target`.
pub(crate) fn refuse_navigation(
    inner: &Inner,
    target: &SetModel,
    navigation: &NavigationPropertyInfo,
) -> Result<(), ODataError> {
    if inner.sources.get(target.name()).is_some() {
        return Err(navigation_refused(navigation, target.name()));
    }
    Ok(())
}

/// Refuses (501) a `$filter` or `$orderby` of a table-backed set whose paths navigate to the
/// entity type of a source-backed set: SQL cannot join a table that does not exist.
pub(crate) fn refuse_sourced_paths(
    inner: &Inner,
    filter: Option<&Expr>,
    orderby: &[OrderItem],
) -> Result<(), ODataError> {
    if inner.sources.is_empty() {
        return Ok(());
    }
    let mut navigations = Vec::new();
    if let Some(filter) = filter {
        collect_navigations(filter, &mut navigations);
    }
    for item in orderby {
        collect_navigations(&item.expr, &mut navigations);
    }
    for navigation in navigations {
        let Some(target) = navigation.ty.type_info() else { continue };
        for name in inner.sources.names() {
            if let Some(set) = inner.catalog.set_named(name)
                && (target.is_or_derives_from(set.ty) || set.ty.is_or_derives_from(target))
            {
                return Err(navigation_refused(navigation, name));
            }
        }
    }
    Ok(())
}

fn collect_navigations(expr: &Expr, out: &mut Vec<&'static NavigationPropertyInfo>) {
    let member = |m: &Member, out: &mut Vec<&'static NavigationPropertyInfo>| {
        out.extend(m.steps.iter().filter_map(|s| match s {
            Step::Navigation(n) => Some(*n),
            _ => None,
        }));
    };
    match &expr.kind {
        ExprKind::Member(m) | ExprKind::Count(m) => member(m, out),
        ExprKind::Lambda { collection, body, .. } => {
            member(collection, out);
            if let Some(body) = body {
                collect_navigations(body, out);
            }
        }
        ExprKind::Not(e) | ExprKind::Negate(e) | ExprKind::Cast(e, _) | ExprKind::Has(e, _) => {
            collect_navigations(e, out)
        }
        ExprKind::And(all) | ExprKind::Or(all) | ExprKind::Call(_, all) => {
            all.iter().for_each(|e| collect_navigations(e, out))
        }
        ExprKind::Binary(_, l, r) => {
            collect_navigations(l, out);
            collect_navigations(r, out);
        }
        ExprKind::In(e, values) => {
            collect_navigations(e, out);
            values.iter().for_each(|e| collect_navigations(e, out));
        }
        _ => {}
    }
}
