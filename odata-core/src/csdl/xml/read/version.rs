//! Whether a document is OData V4 CSDL at all: the edmx and edm namespaces of OASIS, and
//! `Version="4.0"` or `"4.01"`. A V2/V3 document (Microsoft's `ado/2007/06/edmx`,
//! `ado/2009/11/edm`, ...) looks alike element by element, so without this check it would be
//! read as V4 and generate wrong models.
//!
//! A prefix that is declared nowhere (fragments written by hand in tests) is taken as the V4
//! namespace; a declaration of any other namespace, or any other version, is an error.

use super::Attrs;
use crate::csdl::CsdlError;

/// The namespace of `<edmx:Edmx>`, `<edmx:Reference>`, `<edmx:DataServices>`.
pub(super) const EDMX: &str = "http://docs.oasis-open.org/odata/ns/edmx";
/// The namespace of `<Schema>` and its content.
pub(super) const EDM: &str = "http://docs.oasis-open.org/odata/ns/edm";

/// The versions this reader takes.
const VERSIONS: [&str; 2] = ["4.0", "4.01"];

/// The `xmlns` declarations of an element: (`prefix`, URI), `""` for the default namespace.
pub(super) fn declarations(attrs: &Attrs<'_>) -> Vec<(String, String)> {
    attrs
        .list
        .iter()
        .filter_map(|(key, value)| {
            let prefix = if *key == "xmlns" { "" } else { key.strip_prefix("xmlns:")? };
            Some((prefix.to_owned(), value.to_string()))
        })
        .collect()
}

/// The element's namespace must be `expected` where its prefix is declared (on the element
/// itself, else by an ancestor in `inherited`).
pub(super) fn check_namespace(
    attrs: &Attrs<'_>,
    inherited: &[(String, String)],
    expected: &str,
    what: &str,
) -> Result<(), CsdlError> {
    let prefix = attrs.element.split_once(':').map_or("", |(prefix, _)| prefix);
    let own = declarations(attrs);
    let declared = own.iter().chain(inherited.iter().rev()).find(|(p, _)| p == prefix).map(|(_, uri)| uri.as_str());
    match declared {
        None => Ok(()),
        Some(uri) if uri == expected => Ok(()),
        Some(uri) => Err(attrs.error(format!(
            "the {what} namespace is `{uri}`{}; OData V4 CSDL uses `{expected}`",
            older(uri).map(|o| format!(" ({o})")).unwrap_or_default()
        ))),
    }
}

/// `Version` must be 4.0 or 4.01 where it is stated.
pub(super) fn check_version(attrs: &Attrs<'_>, version: &str) -> Result<(), CsdlError> {
    if version.is_empty() || VERSIONS.contains(&version) {
        return Ok(());
    }
    Err(attrs
        .error(format!("Version=\"{version}\" is not OData V4; this reader takes CSDL of Version=\"4.0\" or \"4.01\"")))
}

/// What an older namespace is, for the message.
fn older(uri: &str) -> Option<&'static str> {
    if uri.starts_with("http://schemas.microsoft.com/ado/") { Some("CSDL of OData V1-V3") } else { None }
}
