//! The query options of a request as the readers use them: parsed and checked by the query
//! module ([`crate::query::QueryOptions`]) for the addressed entity type, then reduced to what
//! the statements need (selected column names, expansions by navigation property, the typed
//! `$filter` and `$orderby`).

use odata_core::{NavigationPropertyInfo, TypeInfo};

use crate::error::ODataError;
use crate::query::{self, ExpandKind, QueryError, QueryOptions, SelectItem};

/// The query options of one request, or of one `$expand` item.
#[derive(Debug, Clone, Default)]
pub(crate) struct Options {
    /// `$select`: property and navigation names (`*` for all); `None` selects all.
    pub(crate) select: Option<Vec<String>>,
    pub(crate) expand: Vec<ExpandItem>,
    pub(crate) top: Option<u64>,
    pub(crate) skip: Option<u64>,
    pub(crate) count: bool,
    pub(crate) orderby: Vec<query::OrderItem>,
    pub(crate) filter: Option<query::Expr>,
    pub(crate) search: Option<query::Search>,
    pub(crate) skiptoken: Option<String>,
}

/// One item of `$expand`: `Category($select=CategoryName)`.
#[derive(Debug, Clone)]
pub(crate) struct ExpandItem {
    pub(crate) navigation: &'static NavigationPropertyInfo,
    pub(crate) options: Options,
}

/// A query error as a 400 naming the option and the position.
pub(crate) fn query_error(error: &QueryError) -> ODataError {
    let target = if error.option().is_empty() { "query".to_owned() } else { error.option().to_owned() };
    ODataError::bad_request(
        "InvalidQueryOption",
        format!("{target} at position {}: {}", error.position(), error.message()),
    )
    .with_target(target)
}

impl Options {
    /// Parses the raw query string for entities of `ty`.
    pub(crate) fn parse(
        query: Option<&str>,
        ty: &'static TypeInfo,
        limits: &query::Limits,
    ) -> Result<Options, ODataError> {
        let parsed = QueryOptions::parse(query.unwrap_or_default(), ty, limits).map_err(|e| query_error(&e))?;
        Self::from_query(parsed)
    }

    fn from_query(parsed: QueryOptions) -> Result<Options, ODataError> {
        let select = parsed.select.map(|items| {
            items
                .iter()
                .map(|item| match item {
                    SelectItem::All => "*".to_owned(),
                    SelectItem::Property { path, .. } => path.first().map_or_else(String::new, |p| p.name.to_owned()),
                    SelectItem::Navigation(navigation) => navigation.name.to_owned(),
                })
                .filter(|name| !name.is_empty())
                .collect()
        });
        let mut expand = Vec::new();
        for item in parsed.expand {
            if item.kind != ExpandKind::Entities {
                return Err(ODataError::not_implemented("$expand with /$ref or /$count is not supported")
                    .with_target("$expand"));
            }
            if item.levels.is_some() {
                return Err(ODataError::not_implemented("$levels is not supported").with_target("$expand"));
            }
            expand.push(ExpandItem { navigation: item.navigation, options: Self::from_query(*item.options)? });
        }
        Ok(Options {
            select,
            expand,
            top: parsed.top,
            skip: parsed.skip,
            count: parsed.count,
            orderby: parsed.orderby,
            filter: parsed.filter,
            search: parsed.search,
            skiptoken: parsed.skiptoken,
        })
    }

    /// Whether any option that applies to collections only is present.
    pub(crate) fn has_collection_options(&self) -> bool {
        self.top.is_some()
            || self.skip.is_some()
            || !self.orderby.is_empty()
            || self.count
            || self.filter.is_some()
            || self.search.is_some()
    }

    /// 400 when an option that applies to collections only is given for a single entity.
    pub(crate) fn for_single_entity(&self) -> Result<(), crate::error::ODataError> {
        if self.has_collection_options() {
            return Err(crate::error::ODataError::bad_request(
                "InvalidQueryOption",
                "$filter, $top, $skip, $orderby and $count apply to collections only",
            ));
        }
        Ok(())
    }
}
