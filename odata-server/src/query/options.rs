//! The query string: split, percent-decoded, each system query option parsed and checked against
//! the entity type; `$expand` recursively with its nested options.

use odata_core::{NavigationPropertyInfo, PropertyInfo, TypeInfo, TypeKind};
use percent_encoding::percent_decode_str;

use super::Limits;
use super::check::Checker;
use super::error::{Located, QueryError, Result};
use super::expr::{Expr, ValueType};
use super::search::{self, Search};
use super::syntax::{Parser, parse_expression};

/// The system query options of one request (or of one `$expand` item), checked against the
/// entity type they apply to.
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct QueryOptions {
    /// `$filter`: a Boolean expression.
    pub filter: Option<Expr>,
    /// `$orderby`, in order.
    pub orderby: Vec<OrderItem>,
    /// `$select`; `None` when absent (all structural properties).
    pub select: Option<Vec<SelectItem>>,
    /// `$expand`.
    pub expand: Vec<ExpandItem>,
    /// `$top`.
    pub top: Option<u64>,
    /// `$skip`.
    pub skip: Option<u64>,
    /// `$count=true`.
    pub count: bool,
    /// `$search`.
    pub search: Option<Search>,
    /// `$skiptoken`, as sent (opaque to the parser).
    pub skiptoken: Option<String>,
    /// `$format`, as sent.
    pub format: Option<String>,
    /// `$id` (of `$ref` requests), as sent.
    pub id: Option<String>,
    /// Custom query options (names without `$`) and parameter aliases (`@name`), decoded, in order.
    pub custom: Vec<(String, String)>,
}

/// One `$orderby` item.
#[derive(Debug, Clone)]
pub struct OrderItem {
    /// The value ordered by.
    pub expr: Expr,
    /// `desc`.
    pub descending: bool,
}

/// One `$select` item.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub enum SelectItem {
    /// `*`: every structural property.
    All,
    /// A structural property, or a path into complex properties (`Address/City`), optionally
    /// after a cast to a derived type (`Ns.Derived/Prop`).
    Property {
        /// The derived type the path starts with a cast to.
        type_cast: Option<&'static TypeInfo>,
        /// The properties along the path, the selected one last.
        path: Vec<&'static PropertyInfo>,
    },
    /// A navigation property (its link, in `odata.metadata=full`).
    Navigation(&'static NavigationPropertyInfo),
}

/// What an `$expand` item asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum ExpandKind {
    /// The related entities.
    Entities,
    /// `/$ref`: their references.
    References,
    /// `/$count`: their number.
    Count,
}

/// `$levels` of an `$expand` item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Levels {
    /// `$levels=n`.
    Count(usize),
    /// `$levels=max`: as deep as the limit allows.
    Max,
}

/// One `$expand` item.
#[derive(Debug, Clone)]
pub struct ExpandItem {
    /// A cast before the navigation property (`Ns.Derived/Nav`).
    pub type_cast: Option<&'static TypeInfo>,
    /// The navigation property expanded.
    pub navigation: &'static NavigationPropertyInfo,
    /// Entities, references or a count.
    pub kind: ExpandKind,
    /// The nested options, checked against the navigation's target type.
    pub options: Box<QueryOptions>,
    /// `$levels`.
    pub levels: Option<Levels>,
}

/// System query options the server knows but does not implement.
const UNSUPPORTED: &[&str] = &["$apply", "$compute", "$index", "$deltatoken", "$schemaversion", "$levels"];

impl QueryOptions {
    /// Parses the raw query string of a request (without `?`) for a resource whose entities are
    /// of `entity_type`: percent-decoding (`+` is a space), duplicates and unknown `$`-options
    /// refused, every option checked against the model and `limits`.
    pub fn parse(query: &str, entity_type: &'static TypeInfo, limits: &Limits) -> Result<QueryOptions, QueryError> {
        let mut options = QueryOptions::default();
        let aliases = aliases(query, limits)?;
        let mut seen: Vec<String> = Vec::new();
        for part in query.split('&').filter(|p| !p.is_empty()) {
            let (raw_name, raw_value) = part.split_once('=').unwrap_or((part, ""));
            let name = decode(raw_name).map_err(|m| QueryError::new("", 0, m))?;
            let value = decode(raw_value).map_err(|m| QueryError::new(name.clone(), 0, m))?;
            if !name.starts_with('$') {
                options.custom.push((name, value));
                continue;
            }
            let canonical = name.to_ascii_lowercase();
            if seen.contains(&canonical) {
                return Err(QueryError::new(name, 0, "this system query option is given twice"));
            }
            seen.push(canonical.clone());
            options.set(&canonical, &value, entity_type, limits, &aliases, 0).map_err(|e| e.in_option(&name))?;
        }
        Ok(options)
    }

    /// Sets the option `name` (lower-case, with `$`) from its decoded value.
    fn set(
        &mut self,
        name: &str,
        value: &str,
        ty: &'static TypeInfo,
        limits: &Limits,
        aliases: Aliases,
        depth: usize,
    ) -> Result<()> {
        let long = matches!(name, "$filter" | "$orderby" | "$search" | "$select" | "$expand");
        if long && value.len() > limits.max_filter_length {
            return Err(Located::new(
                limits.max_filter_length,
                format!("longer than the limit of {} bytes", limits.max_filter_length),
            ));
        }
        match name {
            "$filter" => self.filter = Some(parse_filter_at(value, 0, ty, limits, aliases)?),
            "$orderby" => self.orderby = parse_orderby_at(value, 0, ty, limits, aliases, false)?,
            "$select" => self.select = Some(parse_select(value, 0, ty)?),
            "$expand" => self.expand = parse_expand(value, 0, ty, limits, aliases, depth + 1)?,
            "$top" => {
                let top = number(value, 0)?;
                if top > limits.max_top {
                    return Err(Located::new(0, format!("$top is larger than the limit of {}", limits.max_top)));
                }
                self.top = Some(top);
            }
            "$skip" => self.skip = Some(number(value, 0)?),
            "$count" => self.count = boolean(value, 0)?,
            "$search" => {
                self.search =
                    Some(search::parse(value, limits.depth()).map_err(|e| Located::new(e.position, e.message))?)
            }
            "$skiptoken" => self.skiptoken = Some(value.to_owned()),
            "$format" => self.format = Some(value.to_owned()),
            "$id" => self.id = Some(value.to_owned()),
            _ if UNSUPPORTED.contains(&name) => return Err(Located::new(0, format!("{name} is not supported"))),
            _ => {
                return Err(Located::new(
                    0,
                    "not a system query option; they are $filter, $select, $expand, $orderby, $top, $skip, $count, $search, $skiptoken, $format and $id",
                ));
            }
        }
        Ok(())
    }
}

/// Parses and checks one `$filter` value for entities of `entity_type`.
pub fn parse_filter(text: &str, entity_type: &'static TypeInfo, limits: &Limits) -> Result<Expr, QueryError> {
    if text.len() > limits.max_filter_length {
        return Err(QueryError::new(
            "$filter",
            limits.max_filter_length,
            format!("longer than the limit of {} bytes", limits.max_filter_length),
        ));
    }
    parse_filter_at(text, 0, entity_type, limits, &[]).map_err(|e| e.in_option("$filter"))
}

/// The parameter aliases of a request (`@p=20`): name without `@`, decoded value.
type Aliases<'a> = &'a [(String, String)];

/// The parameter aliases of the query string (URL Conventions 5.1.1.13), each given once and
/// within the length limit of an expression.
fn aliases(query: &str, limits: &Limits) -> Result<Vec<(String, String)>, QueryError> {
    let mut aliases: Vec<(String, String)> = Vec::new();
    for part in query.split('&').filter(|p| p.starts_with('@')) {
        let (raw_name, raw_value) = part.split_once('=').unwrap_or((part, ""));
        let name = decode(raw_name).map_err(|m| QueryError::new("", 0, m))?;
        let value = decode(raw_value).map_err(|m| QueryError::new(name.clone(), 0, m))?;
        let bare = &name[1..];
        if bare.is_empty() || !bare.chars().all(|c| c.is_alphanumeric() || c == '_') {
            return Err(QueryError::new(name, 0, "a parameter alias is `@` and an identifier"));
        }
        if aliases.iter().any(|(n, _)| n == bare) {
            return Err(QueryError::new(name, 0, "this parameter alias is given twice"));
        }
        if value.len() > limits.max_filter_length {
            return Err(QueryError::new(
                name,
                limits.max_filter_length,
                format!("longer than the limit of {} bytes", limits.max_filter_length),
            ));
        }
        aliases.push((bare.to_owned(), value));
    }
    Ok(aliases)
}

fn parse_filter_at(text: &str, base: usize, ty: &'static TypeInfo, limits: &Limits, aliases: Aliases) -> Result<Expr> {
    let node = parse_expression(text, base, limits.depth())?;
    Checker::new(ty, limits).with_aliases(aliases).filter(&node)
}

fn parse_filter_nested(
    text: &str,
    base: usize,
    ty: &'static TypeInfo,
    limits: &Limits,
    aliases: Aliases,
) -> Result<Expr> {
    let node = parse_expression(text, base, limits.depth())?;
    Checker::nested(ty, limits).with_aliases(aliases).filter(&node)
}

fn parse_orderby_at(
    text: &str,
    base: usize,
    ty: &'static TypeInfo,
    limits: &Limits,
    aliases: Aliases,
    nested: bool,
) -> Result<Vec<OrderItem>> {
    let mut parser = Parser::new(text, base, limits.depth())?;
    let mut items = Vec::new();
    loop {
        let node = parser.expression()?;
        let descending = parser.direction().unwrap_or(false);
        let checker = if nested { Checker::nested(ty, limits) } else { Checker::new(ty, limits) };
        let mut checker = checker.with_aliases(aliases);
        items.push(OrderItem { expr: checker.order_key(&node)?, descending });
        if !parser.eat_comma() {
            parser.expect_end()?;
            return Ok(items);
        }
    }
}

fn decode(text: &str) -> std::result::Result<String, String> {
    let spaced = text.replace('+', " ");
    percent_decode_str(&spaced)
        .decode_utf8()
        .map(|s| s.into_owned())
        .map_err(|_| "the percent-decoded text is not UTF-8".to_owned())
}

/// `1*DIGIT`, as `$top`/`$skip` take it.
fn number(text: &str, base: usize) -> Result<u64> {
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return Err(Located::new(base, "expected a non-negative integer"));
    }
    text.parse().map_err(|_| Located::new(base, "the number is too large"))
}

fn boolean(text: &str, base: usize) -> Result<bool> {
    if text.eq_ignore_ascii_case("true") {
        Ok(true)
    } else if text.eq_ignore_ascii_case("false") {
        Ok(false)
    } else {
        Err(Located::new(base, "expected `true` or `false`"))
    }
}

/// The parts of `text` between top-level `sep`s (outside parentheses, brackets and quotes),
/// each with its offset in `text`.
fn split_top(text: &str, sep: u8) -> Result<Vec<(usize, &str)>> {
    let mut parts = Vec::new();
    let (mut depth, mut start) = (0usize, 0usize);
    let mut quote: Option<u8> = None;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        match quote {
            Some(q) => {
                if b == b'\\' && q == b'"' {
                    i += 1;
                } else if b == q {
                    quote = None;
                }
            }
            None => match b {
                b'\'' | b'"' => quote = Some(b),
                b'(' | b'[' | b'{' => depth += 1,
                b')' | b']' | b'}' => {
                    depth = depth
                        .checked_sub(1)
                        .ok_or_else(|| Located::new(i, format!("`{}` without its opening", b as char)))?
                }
                _ if b == sep && depth == 0 => {
                    parts.push((start, &text[start..i]));
                    start = i + 1;
                }
                _ => {}
            },
        }
        i += 1;
    }
    if depth > 0 || quote.is_some() {
        return Err(Located::new(text.len(), "unbalanced parentheses or quotes"));
    }
    parts.push((start, &text[start..]));
    Ok(parts)
}

fn parse_select(text: &str, base: usize, ty: &'static TypeInfo) -> Result<Vec<SelectItem>> {
    let mut items = Vec::new();
    for (offset, item) in split_top(text, b',')? {
        let at = base + offset;
        if item.is_empty() {
            return Err(Located::new(at, "an empty $select item"));
        }
        if item.contains('(') {
            return Err(Located::new(at, "options nested in $select are not supported"));
        }
        if item == "*" {
            items.push(SelectItem::All);
            continue;
        }
        let mut current = ty;
        let mut type_cast = None;
        let mut path = Vec::new();
        let segments: Vec<&str> = item.split('/').collect();
        let mut seg_at = at;
        for (i, segment) in segments.iter().enumerate() {
            let last = i + 1 == segments.len();
            if let Some(property) = current.property(segment) {
                path.push(property);
                match ValueType::of_ref(&property.ty) {
                    ValueType::Complex(inner) => current = inner,
                    _ if !last => {
                        return Err(Located::new(seg_at, format!("`{segment}` has no properties to select below it")));
                    }
                    _ => {}
                }
            } else if let Some(navigation) = current.navigation_property(segment).filter(|_| last && path.is_empty()) {
                items.push(SelectItem::Navigation(navigation));
                break;
            } else if let Some(derived) =
                odata_core::registry::find_type(segment).filter(|d| i == 0 && d.is_or_derives_from(ty) && !last)
            {
                type_cast = Some(derived);
                current = derived;
            } else {
                return Err(Located::new(
                    seg_at,
                    format!("`{segment}` is not a property of {}", current.qualified_name),
                ));
            }
            seg_at += segment.len() + 1;
            if last {
                items.push(SelectItem::Property { type_cast, path: path.clone() });
            }
        }
    }
    Ok(items)
}

fn parse_expand(
    text: &str,
    base: usize,
    ty: &'static TypeInfo,
    limits: &Limits,
    aliases: Aliases,
    depth: usize,
) -> Result<Vec<ExpandItem>> {
    if depth > limits.max_expand_depth {
        return Err(Located::new(base, format!("$expand nests deeper than the limit of {}", limits.max_expand_depth)));
    }
    let mut items = Vec::new();
    for (offset, item) in split_top(text, b',')? {
        let at = base + offset;
        let (path, nested) = match item.find('(') {
            Some(open) => {
                let Some(inner) = item[open + 1..].strip_suffix(')') else {
                    return Err(Located::new(at + item.len(), "expected `)` at the end of the nested options"));
                };
                (&item[..open], Some((at + open + 1, inner)))
            }
            None => (item, None),
        };
        if path.is_empty() {
            return Err(Located::new(at, "an empty $expand item"));
        }
        let (path, kind) = if let Some(p) = path.strip_suffix("/$ref") {
            (p, ExpandKind::References)
        } else if let Some(p) = path.strip_suffix("/$count") {
            (p, ExpandKind::Count)
        } else {
            (path, ExpandKind::Entities)
        };
        let mut segments: Vec<&str> = path.split('/').collect();
        let mut type_cast = None;
        let mut owner = ty;
        if segments.len() == 2 {
            match odata_core::registry::find_type(segments[0]).filter(|d| d.is_or_derives_from(ty)) {
                Some(derived) => {
                    type_cast = Some(derived);
                    owner = derived;
                    segments.remove(0);
                }
                None => {
                    return Err(Located::new(
                        at,
                        format!("`{}`: expanding through a complex property is not supported", segments[0]),
                    ));
                }
            }
        }
        let [name] = segments.as_slice() else {
            return Err(Located::new(at, format!("`{path}`: expand a navigation property of {}", ty.qualified_name)));
        };
        let navigations: Vec<&'static NavigationPropertyInfo> = if *name == "*" {
            owner.all_navigation_properties().collect()
        } else {
            match owner.navigation_property(name) {
                Some(navigation) => vec![navigation],
                None => {
                    return Err(Located::new(
                        at,
                        format!("`{name}` is not a navigation property of {}", owner.qualified_name),
                    ));
                }
            }
        };
        for navigation in navigations {
            let Some(target) = navigation.ty.type_info().filter(|t| t.kind == TypeKind::Entity) else {
                return Err(Located::new(at, format!("`{}` does not lead to an entity type", navigation.name)));
            };
            let mut options = QueryOptions::default();
            let mut levels = None;
            if let Some((inner_at, inner)) = nested {
                let mut seen: Vec<String> = Vec::new();
                for (offset, option) in split_top(inner, b';')? {
                    let option_at = inner_at + offset;
                    let Some((name, value)) = option.split_once('=') else {
                        return Err(Located::new(option_at, "expected `$option=value`"));
                    };
                    let value_at = option_at + name.len() + 1;
                    let canonical = name.to_ascii_lowercase();
                    if !canonical.starts_with('$') {
                        return Err(Located::new(
                            option_at,
                            format!("`{name}`: only system query options nest in $expand"),
                        ));
                    }
                    if seen.contains(&canonical) {
                        return Err(Located::new(option_at, format!("{name} is given twice")));
                    }
                    seen.push(canonical.clone());
                    let allowed: &[&str] = match kind {
                        ExpandKind::Entities => &[
                            "$filter", "$select", "$orderby", "$top", "$skip", "$count", "$expand", "$levels",
                            "$search",
                        ],
                        ExpandKind::References => &["$filter", "$orderby", "$top", "$skip", "$count", "$search"],
                        ExpandKind::Count => &["$filter", "$search"],
                    };
                    if !allowed.contains(&canonical.as_str()) {
                        return Err(Located::new(option_at, format!("{name} is not allowed here")));
                    }
                    match canonical.as_str() {
                        "$filter" => {
                            options.filter = Some(parse_filter_nested(value, value_at, target, limits, aliases)?)
                        }
                        "$orderby" => {
                            options.orderby = parse_orderby_at(value, value_at, target, limits, aliases, true)?
                        }
                        "$select" => options.select = Some(parse_select(value, value_at, target)?),
                        "$expand" => {
                            options.expand = parse_expand(value, value_at, target, limits, aliases, depth + 1)?
                        }
                        "$levels" => {
                            let n = if value.eq_ignore_ascii_case("max") {
                                Levels::Max
                            } else if value.starts_with('0') {
                                return Err(Located::new(
                                    value_at,
                                    "$levels is a positive number without leading zeros, or max",
                                ));
                            } else {
                                let n = number(value, value_at)? as usize;
                                if depth + n - 1 > limits.max_expand_depth {
                                    return Err(Located::new(
                                        value_at,
                                        format!(
                                            "$levels goes deeper than the $expand limit of {}",
                                            limits.max_expand_depth
                                        ),
                                    ));
                                }
                                Levels::Count(n)
                            };
                            levels = Some(n);
                        }
                        other => options
                            .set(other, value, target, limits, aliases, depth)
                            .map_err(|e| Located::new(value_at + e.position, e.message))?,
                    }
                }
            }
            items.push(ExpandItem { type_cast, navigation, kind, options: Box::new(options), levels });
        }
    }
    Ok(items)
}
