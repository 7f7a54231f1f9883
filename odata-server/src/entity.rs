//! Entities as OData JSON text, written straight from the rows in declaration order, with the
//! control information `odata.metadata` asks for and the expanded navigation properties; the
//! same for rows of a table and entities of a source ([`Rows`]).

use odata_core::TypeInfo;

use crate::catalog::SetModel;
use crate::expand::Expansion;
use crate::format::{Format, MetadataLevel};
use crate::rows::Rows;
use crate::value::{literal, push_json_string};

/// Which properties of an entity to write: `$select` (`None`: all) and the expansions.
#[derive(Clone, Copy)]
pub(crate) struct Shape<'a> {
    pub(crate) select: Option<&'a [String]>,
    pub(crate) expansions: &'a [Expansion<'a>],
}

impl Shape<'_> {
    /// Every property, nothing expanded.
    pub(crate) const ALL: Shape<'static> = Shape { select: None, expansions: &[] };
}

/// What every entity of a response shares.
pub(crate) struct Writer<'a> {
    pub(crate) root: &'a str,
    pub(crate) format: Format,
}

/// The key segment of an entity: `Products(1)`, `Order_Details(OrderID=1,ProductID=2)`.
pub(crate) fn entity_path(set: &SetModel, rows: &Rows, row: usize) -> String {
    if set.singleton {
        return set.name().to_owned();
    }
    let mut path = format!("{}(", set.name());
    let single = set.key.len() == 1;
    for (i, &column) in set.key.iter().enumerate() {
        if i > 0 {
            path.push(',');
        }
        let col = &set.columns[column];
        if !single {
            path.push_str(col.name());
            path.push('=');
        }
        path.push_str(&literal(col.kind, &rows.datum(row, column)));
    }
    path.push(')');
    path
}

/// Percent-encodes what a URL path segment cannot hold as it is.
pub(crate) fn url_path(path: &str) -> String {
    const SET: &percent_encoding::AsciiSet =
        &percent_encoding::CONTROLS.add(b' ').add(b'"').add(b'#').add(b'%').add(b'?').add(b'<').add(b'>');
    percent_encoding::utf8_percent_encode(path, SET).to_string()
}

impl Writer<'_> {
    /// `{...}` of row `row`; `context`: the `@odata.context` of a single-entity response.
    pub(crate) fn entity(
        &self,
        out: &mut String,
        set: &SetModel,
        rows: &Rows,
        row: usize,
        shape: Shape<'_>,
        context: Option<&str>,
    ) {
        let Shape { select, expansions } = shape;
        out.push('{');
        let mut first = true;
        let mut field = |out: &mut String, name: &str| {
            if !std::mem::replace(&mut first, false) {
                out.push(',');
            }
            push_json_string(out, name);
            out.push(':');
        };
        let ty: &'static TypeInfo = rows.type_of(set, row);
        let full = self.format.metadata == MetadataLevel::Full;
        let none = self.format.metadata == MetadataLevel::None;
        if let Some(context) = context.filter(|_| !none) {
            field(out, "@odata.context");
            push_json_string(out, context);
        }
        let path = if full { url_path(&entity_path(set, rows, row)) } else { String::new() };
        if full {
            field(out, "@odata.type");
            push_json_string(out, &format!("#{}", ty.qualified_name));
            field(out, "@odata.id");
            push_json_string(out, &format!("{}/{path}", self.root));
            field(out, "@odata.editLink");
            push_json_string(out, &path);
        } else if !none && ty.qualified_name != set.ty.qualified_name {
            field(out, "@odata.type");
            push_json_string(out, &format!("#{}", ty.qualified_name));
        }
        if !none && let Some(etag) = rows.etag(row) {
            field(out, "@odata.etag");
            push_json_string(out, &etag);
        }
        let all = select.is_none_or(|s| s.iter().any(|i| i == "*"));
        for (index, column) in set.columns.iter().enumerate() {
            if !rows.has(index) || !set.column_applies(index, ty) {
                continue;
            }
            if !all
                && !select.is_some_and(|s| {
                    s.iter().any(|i| i.rsplit_once('/').map_or(i.as_str(), |(_, n)| n) == column.name())
                })
            {
                continue;
            }
            field(out, column.name());
            rows.write(out, row, index, self.format.ieee754, set);
        }
        for expansion in expansions {
            // The model's tables are constants that may sit at several addresses: by name.
            if ty.navigation_property(expansion.navigation.name).is_none() {
                continue;
            }
            if let Some(count) = expansion.counts.as_ref().and_then(|c| c.get(row)) {
                field(out, &format!("{}@odata.count", expansion.navigation.name));
                out.push_str(&count.to_string());
            }
            field(out, expansion.navigation.name);
            let related = expansion.groups.get(row).map(Vec::as_slice).unwrap_or_default();
            let select = expansion.options.select.as_deref();
            if expansion.navigation.ty.collection {
                out.push('[');
                for (i, &child) in related.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    self.entity(
                        out,
                        expansion.set,
                        &expansion.rows,
                        child,
                        Shape { select, expansions: &expansion.children },
                        None,
                    );
                }
                out.push(']');
            } else {
                match related.first() {
                    Some(&child) => self.entity(
                        out,
                        expansion.set,
                        &expansion.rows,
                        child,
                        Shape { select, expansions: &expansion.children },
                        None,
                    ),
                    None => out.push_str("null"),
                }
            }
        }
        if full {
            for navigation in ty.all_navigation_properties() {
                if expansions.iter().any(|e| e.navigation.name == navigation.name) {
                    continue;
                }
                field(out, &format!("{}@odata.navigationLink", navigation.name));
                push_json_string(out, &format!("{path}/{}", navigation.name));
            }
        }
        out.push('}');
    }
}
