//! Resolves a resource path against the model: `Products`, `Products(1)`, `Products(1)/Category`,
//! `Categories(1)/Products(2)`, `Products(1)/ProductName/$value`, `Products/$count`, type casts.
//! Each navigation step from a single entity reads the values its referential constraints need.

use odata_core::{NavigationPropertyInfo, TypeInfo};
use sqlx::AnyConnection;

use crate::catalog::{Catalog, SetModel};
use crate::error::ODataError;
use crate::fetch::{Cond, Selection, fetch};
use crate::options::Options;
use crate::path::{KeyPredicate, Segment};
use crate::service::Inner;
use crate::value::{Datum, from_literal};

/// Entities of one set that a path reaches.
#[derive(Debug, Clone)]
pub(crate) struct Scope<'c> {
    pub(crate) set: &'c SetModel,
    pub(crate) conds: Vec<Cond>,
    /// The type the path casts to (the set's type without a cast).
    pub(crate) ty: &'static TypeInfo,
    /// The navigation step that led here, from a parent entity (for POST through navigation).
    pub(crate) via: Option<Via>,
}

/// A navigation step from a single entity: the target's columns that take the parent's values.
#[derive(Debug, Clone)]
pub(crate) struct Via {
    /// Conditions the related entities satisfy; a new related entity takes these values.
    pub(crate) conds: Vec<Cond>,
}

/// What a path addresses.
#[derive(Debug)]
pub(crate) enum Addressed<'c> {
    /// A collection of entities.
    Collection(Scope<'c>),
    /// One entity (it may not exist: the read finds out).
    Entity(Scope<'c>),
    /// A single-valued navigation property whose related entity is absent (null).
    NoEntity,
    /// A structural property of one entity; `raw`: `/$value`.
    Property { scope: Scope<'c>, column: usize, raw: bool },
    /// `/$count` of a collection.
    Count(Scope<'c>),
    /// `/$ref`: the ids of the entities (reads only; links change through `@odata.bind`).
    References { scope: Scope<'c>, single: bool },
    /// A function or action call (the last segment).
    Operation {
        registered: crate::operation::Registered,
        binding: crate::operation::Binding,
        args: Option<KeyPredicate>,
        /// The entity set its returned entities belong to.
        entity_set: Option<&'static str>,
    },
}

fn not_found(what: &str) -> ODataError {
    ODataError::not_found(what.to_owned()).with_target(what.to_owned())
}

/// Walks the segments.
pub(crate) async fn resolve<'c>(
    inner: &'c Inner,
    conn: &mut AnyConnection,
    segments: &[Segment],
) -> Result<Addressed<'c>, ODataError> {
    let catalog = &inner.catalog;
    let Some(Segment::Name { name, key }) = segments.first() else {
        return Err(not_found("the path does not start with an entity set or a singleton"));
    };
    let mut current = match catalog.set_named(name) {
        Some(set) if set.singleton => {
            if key.is_some() {
                return Err(ODataError::bad_request("InvalidKey", format!("{name} is a singleton: it takes no key"))
                    .with_target(name.clone()));
            }
            Addressed::Entity(Scope { set, conds: Vec::new(), ty: set.ty, via: None })
        }
        Some(set) => {
            let scope = Scope { set, conds: Vec::new(), ty: set.ty, via: None };
            match key {
                Some(key) => Addressed::Entity(with_key(scope, key)?),
                None => Addressed::Collection(scope),
            }
        }
        None if catalog.container.operation_imports.iter().any(|i| i.name == name.as_str()) => {
            let import = catalog
                .container
                .operation_imports
                .iter()
                .find(|i| i.name == name.as_str())
                .ok_or_else(|| not_found(name))?;
            let registered = inner
                .operations
                .iter()
                .find(|r| r.info.qualified_name == import.operation.qualified_name)
                .cloned()
                .ok_or_else(|| {
                    ODataError::not_implemented(format!(
                        "the operation import {name} is not implemented by this service"
                    ))
                })?;
            if segments.len() > 1 {
                return Err(ODataError::not_implemented("composing on the result of an operation is not supported"));
            }
            let binding = crate::operation::Binding::None;
            return Ok(Addressed::Operation { registered, binding, args: key.clone(), entity_set: import.entity_set });
        }
        None => return Err(not_found(&format!("no entity set or singleton named {name}"))),
    };
    for (i, segment) in segments.iter().enumerate().skip(1) {
        let last = i + 1 == segments.len();
        current = match (current, segment) {
            (Addressed::Collection(scope), Segment::Count) if last => Addressed::Count(scope),
            (Addressed::Property { scope, column, raw: false }, Segment::Value) if last => {
                Addressed::Property { scope, column, raw: true }
            }
            (Addressed::Collection(scope), Segment::Ref) if last => Addressed::References { scope, single: false },
            (Addressed::Entity(scope), Segment::Ref) if last => Addressed::References { scope, single: true },
            (Addressed::NoEntity, Segment::Ref) if last => Addressed::NoEntity,
            (_, Segment::Ref) => return Err(not_found("$ref follows an entity or a collection of entities")),
            (Addressed::Collection(scope), Segment::Name { name, key })
                if last && bound(inner, &scope, name, true).is_some() =>
            {
                let registered = bound(inner, &scope, name, true).cloned().ok_or_else(|| not_found(name))?;
                let entity_set = result_set(catalog, &registered);
                let binding = crate::operation::Binding::Collection(scope.set.name());
                Addressed::Operation { registered, binding, args: key.clone(), entity_set }
            }
            (Addressed::Entity(scope), Segment::Name { name, key })
                if last && bound(inner, &scope, name, false).is_some() =>
            {
                let registered = bound(inner, &scope, name, false).cloned().ok_or_else(|| not_found(name))?;
                let entity_set = result_set(catalog, &registered);
                let conds = scope.conds.iter().map(|c| (c.column, c.kind, c.value.clone())).collect();
                Addressed::Operation {
                    registered,
                    binding: crate::operation::Binding::Entity(conds),
                    args: key.clone(),
                    entity_set,
                }
            }
            (Addressed::Collection(scope), Segment::Name { name, key }) if name.contains('.') => {
                let ty = cast(&scope, name)?;
                let scope = Scope { ty, ..scope };
                match key {
                    Some(key) => Addressed::Entity(with_key(scope, key)?),
                    None => Addressed::Collection(scope),
                }
            }
            (Addressed::Entity(scope), Segment::Name { name, key: None }) if name.contains('.') => {
                let ty = cast(&scope, name)?;
                Addressed::Entity(Scope { ty, ..scope })
            }
            (Addressed::Entity(scope), Segment::Name { name, key }) => {
                if let Some(column) = scope.set.column(name).filter(|&c| scope.set.column_applies(c, scope.ty)) {
                    if key.is_some() {
                        return Err(ODataError::bad_request(
                            "InvalidKey",
                            format!("{name} is a property: it takes no key"),
                        ));
                    }
                    Addressed::Property { scope, column, raw: false }
                } else if let Some(navigation) = scope.ty.navigation_property(name) {
                    navigate(inner, conn, catalog, scope, navigation, key.as_ref()).await?
                } else {
                    return Err(not_found(&format!("{} has no property {name}", scope.ty.qualified_name)));
                }
            }
            (Addressed::NoEntity, _) => return Err(not_found("the related entity does not exist")),
            (_, segment) => {
                return Err(not_found(&format!(
                    "the path segment {} cannot follow what precedes it",
                    describe(segment)
                )));
            }
        };
    }
    Ok(current)
}

/// The registered operation `name` bound to the scope's type (as a collection or not).
fn bound<'i>(
    inner: &'i Inner,
    scope: &Scope<'_>,
    name: &str,
    collection: bool,
) -> Option<&'i crate::operation::Registered> {
    inner.operations.iter().find(|r| {
        r.info.qualified_name == name
            && r.info.binding.as_ref().is_some_and(|b| {
                b.ty.collection == collection && b.ty.type_info().is_some_and(|t| scope.ty.is_or_derives_from(t))
            })
    })
}

/// The entity set of the entities an operation returns: the only set of its return type.
fn result_set(catalog: &Catalog, registered: &crate::operation::Registered) -> Option<&'static str> {
    let ty = registered.info.return_type.as_ref()?.ty.type_info()?;
    let mut sets = catalog.sets.iter().filter(|s| !s.singleton && s.ty.qualified_name == ty.qualified_name);
    let first = sets.next()?;
    if sets.next().is_some() { None } else { Some(first.info.name) }
}

fn describe(segment: &Segment) -> String {
    match segment {
        Segment::Count => "$count".into(),
        Segment::Value => "$value".into(),
        Segment::Ref => "$ref".into(),
        Segment::Name { name, .. } => name.clone(),
    }
}

fn cast(scope: &Scope<'_>, name: &str) -> Result<&'static TypeInfo, ODataError> {
    let ty = scope
        .set
        .type_named(name)
        .ok_or_else(|| not_found(&format!("{name} is not a type of the entity set {}", scope.set.name())))?;
    if !ty.is_or_derives_from(scope.ty) {
        return Err(not_found(&format!("{name} does not derive from {}", scope.ty.qualified_name)));
    }
    Ok(ty)
}

/// Adds the conditions of a key predicate.
pub(crate) fn with_key<'c>(mut scope: Scope<'c>, key: &KeyPredicate) -> Result<Scope<'c>, ODataError> {
    let set = scope.set;
    let bad = |message: String| ODataError::bad_request("InvalidKey", message).with_target(set.name());
    match key {
        KeyPredicate::Single(literal) => {
            if set.key.len() != 1 {
                let names: Vec<&str> = set.key.iter().map(|&i| set.columns[i].name()).collect();
                return Err(bad(format!(
                    "the key of {} has several properties: write ({})",
                    set.name(),
                    names.join("=..,")
                )));
            }
            let column = &set.columns[set.key[0]];
            let value = from_literal(column.kind, literal).map_err(|m| bad(format!("key {}: {m}", column.name())))?;
            scope.conds.push(Cond { column: column.name(), kind: column.kind, value });
        }
        KeyPredicate::Named(pairs) => {
            if pairs.len() != set.key.len() {
                return Err(bad(format!(
                    "the key of {} has {} properties, the predicate {}",
                    set.name(),
                    set.key.len(),
                    pairs.len()
                )));
            }
            for (name, literal) in pairs {
                let index = set
                    .key
                    .iter()
                    .copied()
                    .find(|&i| set.columns[i].name() == name)
                    .ok_or_else(|| bad(format!("{name} is not a key property of {}", set.name())))?;
                let column = &set.columns[index];
                let value = from_literal(column.kind, literal).map_err(|m| bad(format!("key {name}: {m}")))?;
                scope.conds.push(Cond { column: column.name(), kind: column.kind, value });
            }
        }
    }
    if scope.conds.iter().any(|c| c.value == Datum::Null) {
        return Err(bad("a key value cannot be null".into()));
    }
    Ok(scope)
}

/// How the entities of `navigation` (from an entity of `from`) relate to it: pairs of
/// (column of the source, column of the target) that hold equal values.
pub(crate) fn join_columns(
    from: &SetModel,
    target: &SetModel,
    navigation: &NavigationPropertyInfo,
) -> Option<Vec<(&'static str, &'static str)>> {
    if !navigation.referential_constraints.is_empty() {
        return Some(navigation.referential_constraints.iter().map(|c| (c.property, c.referenced_property)).collect());
    }
    let partner = navigation.partner.and_then(|p| target.ty.navigation_property(p)).or_else(|| {
        // No partner named: a navigation property of the target type back to this type with
        // constraints.
        target.ty.all_navigation_properties().find(|n| {
            n.partner == Some(navigation.name)
                || (!n.referential_constraints.is_empty()
                    && n.ty.type_info().is_some_and(|t| from.ty.is_or_derives_from(t)))
        })
    })?;
    if partner.referential_constraints.is_empty() {
        return None;
    }
    Some(partner.referential_constraints.iter().map(|c| (c.referenced_property, c.property)).collect())
}

async fn navigate<'c>(
    inner: &'c Inner,
    conn: &mut AnyConnection,
    catalog: &'c Catalog,
    scope: Scope<'c>,
    navigation: &'static NavigationPropertyInfo,
    key: Option<&KeyPredicate>,
) -> Result<Addressed<'c>, ODataError> {
    let target = catalog.target_set(scope.set, navigation).ok_or_else(|| {
        ODataError::not_implemented(format!("{} leads to no entity set of this service", navigation.name))
    })?;
    crate::source::guard::refuse_navigation(inner, target, navigation)?;
    let pairs = join_columns(scope.set, target, navigation).ok_or_else(|| {
        ODataError::not_implemented(format!(
            "{} has no referential constraint (nor its partner) to follow",
            navigation.name
        ))
    })?;
    // Read the source entity's values for the join.
    let columns: Vec<usize> = pairs.iter().filter_map(|(source, _)| scope.set.column(source)).collect();
    if columns.len() != pairs.len() {
        return Err(ODataError::not_implemented(format!(
            "{}: a referential constraint names no column",
            navigation.name
        )));
    }
    let options = Options::default();
    let selection = Selection::one(&scope.conds, Some(scope.ty), &options);
    let rows = fetch(inner, conn, scope.set, &columns, &selection).await?;
    if rows.rows.is_empty() {
        return Err(not_found(&format!("no entity of {} with this key", scope.set.name())));
    }
    let mut conds = Vec::new();
    for (source, target_column) in &pairs {
        let source_index = scope.set.column(source).unwrap_or_default();
        let value = rows.datum(0, source_index);
        let target_index = target.column(target_column).ok_or_else(|| {
            ODataError::not_implemented(format!(
                "{}: {target_column} is no property of {}",
                navigation.name, target.ty.qualified_name
            ))
        })?;
        let column = &target.columns[target_index];
        conds.push(Cond { column: column.name(), kind: column.kind, value });
    }
    let ty = navigation.ty.type_info().unwrap_or(target.ty);
    let via = Via { conds: conds.clone() };
    let null_link = conds.iter().any(|c| c.value == Datum::Null);
    let scope = Scope { set: target, conds, ty, via: Some(via) };
    if navigation.ty.collection {
        match key {
            Some(key) => Ok(Addressed::Entity(with_key(scope, key)?)),
            None => Ok(Addressed::Collection(scope)),
        }
    } else if key.is_some() {
        Err(ODataError::bad_request("InvalidKey", format!("{} is single-valued: it takes no key", navigation.name)))
    } else if null_link {
        Ok(Addressed::NoEntity)
    } else {
        Ok(Addressed::Entity(scope))
    }
}
