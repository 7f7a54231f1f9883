//! The system query options the core reads itself: `$select`, `$expand` (with nested options),
//! `$top`, `$skip`, `$count`, `$orderby`, `$skiptoken`, `$format`; `$filter` is kept as text for
//! the query module. Names are checked against the model by the readers.

use crate::error::ODataError;

/// The query options of one request, or of one `$expand` item.
#[derive(Debug, Clone, Default)]
pub(crate) struct Options {
    /// `$select`: property and navigation names; `None` selects all.
    pub(crate) select: Option<Vec<String>>,
    pub(crate) expand: Vec<ExpandItem>,
    pub(crate) top: Option<u64>,
    pub(crate) skip: Option<u64>,
    pub(crate) count: bool,
    /// `$orderby`: the raw text (checked and translated by the query module or the fallback).
    pub(crate) orderby: Option<String>,
    /// `$filter`: the raw text.
    pub(crate) filter: Option<String>,
    pub(crate) skiptoken: Option<String>,
    pub(crate) search: Option<String>,
}

/// One item of `$expand`: `Category($select=CategoryName)`.
#[derive(Debug, Clone)]
pub(crate) struct ExpandItem {
    pub(crate) navigation: String,
    pub(crate) options: Options,
}

fn bad(option: &str, message: impl Into<String>) -> ODataError {
    ODataError::bad_request("InvalidQueryOption", format!("{option}: {}", message.into()))
        .with_target(option.to_owned())
}

impl Options {
    /// Reads the options of a request; unknown `$` options are a 400, custom options are ignored.
    pub(crate) fn parse(pairs: &[(String, String)]) -> Result<Options, ODataError> {
        let mut options = Options::default();
        for (name, value) in pairs {
            options.set(name, value, false)?;
        }
        Ok(options)
    }

    fn set(&mut self, name: &str, value: &str, nested: bool) -> Result<(), ODataError> {
        let number = |value: &str| {
            value.trim().parse::<u64>().map_err(|_| bad(name, format!("{value} is not a non-negative integer")))
        };
        match name {
            "$select" => self.select = Some(split_top_level(value).into_iter().map(|s| s.trim().to_owned()).collect()),
            "$expand" => self.expand = parse_expand(value)?,
            "$top" => self.top = Some(number(value)?),
            "$skip" => self.skip = Some(number(value)?),
            "$count" => {
                self.count = match value {
                    "true" => true,
                    "false" => false,
                    _ => return Err(bad(name, format!("{value} is not true or false"))),
                }
            }
            "$orderby" => self.orderby = Some(value.to_owned()),
            "$filter" => self.filter = Some(value.to_owned()),
            "$search" => self.search = Some(value.to_owned()),
            "$skiptoken" if !nested => self.skiptoken = Some(value.to_owned()),
            "$format" if !nested => {}
            "$deltatoken" | "$apply" | "$compute" | "$index" | "$schemaversion" | "$levels" | "$id" => {
                return Err(ODataError::not_implemented(format!("the query option {name} is not supported"))
                    .with_target(name.to_owned()));
            }
            _ if name.starts_with('$') => return Err(bad(name, "unknown system query option")),
            _ if nested => return Err(bad(name, "only system query options are allowed inside $expand")),
            _ => {}
        }
        Ok(())
    }
}

/// `$expand` items, split at the top-level commas; each with its nested options.
fn parse_expand(text: &str) -> Result<Vec<ExpandItem>, ODataError> {
    let mut items = Vec::new();
    for item in split_top_level(text) {
        let item = item.trim();
        if item.is_empty() {
            return Err(bad("$expand", "an item is empty"));
        }
        let (navigation, options) = match item.find('(') {
            Some(open) => {
                let inner = item[open + 1..]
                    .strip_suffix(')')
                    .ok_or_else(|| bad("$expand", format!("{item}: `(` without `)`")))?;
                let mut options = Options::default();
                for part in split_nested(inner) {
                    let part = part.trim();
                    if part.is_empty() {
                        continue;
                    }
                    let (name, value) =
                        part.split_once('=').ok_or_else(|| bad("$expand", format!("{part}: write $option=value")))?;
                    options.set(name.trim(), value, true)?;
                }
                (item[..open].trim(), options)
            }
            None => (item, Options::default()),
        };
        if navigation.contains('/') {
            return Err(ODataError::not_implemented(
                "$expand paths through casts or complex properties are not supported",
            )
            .with_target("$expand"));
        }
        items.push(ExpandItem { navigation: navigation.to_owned(), options });
    }
    Ok(items)
}

/// Splits at commas outside parentheses and string literals.
fn split_top_level(text: &str) -> Vec<&str> {
    split_outside(text, ',')
}

/// Splits nested options at `;` outside parentheses and string literals.
fn split_nested(text: &str) -> Vec<&str> {
    split_outside(text, ';')
}

fn split_outside(text: &str, separator: char) -> Vec<&str> {
    let mut parts = Vec::new();
    let (mut depth, mut in_string, mut start) = (0i32, false, 0);
    for (i, c) in text.char_indices() {
        match c {
            '\'' => in_string = !in_string,
            '(' if !in_string => depth += 1,
            ')' if !in_string => depth -= 1,
            c if c == separator && depth == 0 && !in_string => {
                parts.push(&text[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&text[start..]);
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nested_expand() {
        let pairs = vec![
            ("$expand".to_owned(), "Category($select=CategoryName;$expand=Products($top=2)),Supplier".to_owned()),
            ("$top".to_owned(), "5".to_owned()),
        ];
        let options = Options::parse(&pairs).unwrap();
        assert_eq!(options.top, Some(5));
        assert_eq!(options.expand.len(), 2);
        let category = &options.expand[0];
        assert_eq!(category.navigation, "Category");
        assert_eq!(category.options.select.as_deref(), Some(&["CategoryName".to_owned()][..]));
        assert_eq!(category.options.expand[0].options.top, Some(2));
        assert!(Options::parse(&[("$top".into(), "-1".into())]).is_err());
        assert!(Options::parse(&[("$bogus".into(), "1".into())]).is_err());
        assert!(Options::parse(&[("custom".into(), "1".into())]).is_ok());
    }
}
