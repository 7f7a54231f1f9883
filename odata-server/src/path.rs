//! The resource path of a request URL, split into segments: `Products(1)/Category`,
//! `Order_Details(OrderID=10248,ProductID=11)`, `Products/$count`, `$metadata`, `$batch`.
//! Names are resolved against the model later (read.rs); this only splits and decodes.

use percent_encoding::percent_decode_str;

use crate::error::ODataError;

/// What a request addresses.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Target {
    /// The service root: the service document.
    ServiceDocument,
    /// `$metadata`.
    Metadata,
    /// `$batch`.
    Batch,
    /// A resource: an entity set or singleton and what follows.
    Resource(Vec<Segment>),
}

/// One path segment after the service root.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Segment {
    /// `$count`.
    Count,
    /// `$value`.
    Value,
    /// `$ref`.
    Ref,
    /// A name, with a key predicate: `Products(1)`, `Category`, `ProductName`, `NS.Type`.
    Name { name: String, key: Option<KeyPredicate> },
}

/// A key predicate: `(1)` or `(OrderID=10248,ProductID=11)`, literals as written.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum KeyPredicate {
    /// A single value, for a single-property key.
    Single(String),
    /// Named values, for any key.
    Named(Vec<(String, String)>),
}

/// Splits and decodes `path` (what follows the service root, without the leading `/`).
pub(crate) fn parse(path: &str) -> Result<Target, ODataError> {
    let path = path.trim_start_matches('/');
    let path = path.strip_suffix('/').unwrap_or(path);
    match path {
        "" => return Ok(Target::ServiceDocument),
        "$metadata" => return Ok(Target::Metadata),
        "$batch" => return Ok(Target::Batch),
        _ => {}
    }
    let mut segments = Vec::new();
    for raw in path.split('/') {
        let text = percent_decode_str(raw).decode_utf8().map_err(|_| {
            ODataError::bad_request("InvalidPath", format!("the path segment {raw} is not UTF-8")).with_target(raw)
        })?;
        segments.push(segment(&text)?);
    }
    Ok(Target::Resource(segments))
}

fn segment(text: &str) -> Result<Segment, ODataError> {
    match text {
        "$count" => return Ok(Segment::Count),
        "$value" => return Ok(Segment::Value),
        "$ref" => return Ok(Segment::Ref),
        "" => return Err(ODataError::bad_request("InvalidPath", "the path has an empty segment")),
        _ => {}
    }
    let Some(open) = text.find('(') else {
        return Ok(Segment::Name { name: text.to_owned(), key: None });
    };
    let name = &text[..open];
    let inner = text[open + 1..].strip_suffix(')').ok_or_else(|| {
        ODataError::bad_request("InvalidKey", format!("the key predicate of {text} does not end with `)`"))
            .with_target(text)
    })?;
    Ok(Segment::Name { name: name.to_owned(), key: Some(key_predicate(inner, text)?) })
}

/// Splits the inside of a key predicate at the commas and equal signs outside string literals.
fn key_predicate(inner: &str, segment: &str) -> Result<KeyPredicate, ODataError> {
    let bad = |message: &str| {
        ODataError::bad_request("InvalidKey", format!("{segment}: {message}")).with_target(segment.to_owned())
    };
    if inner.trim().is_empty() {
        // `f()`: a function call without parameters (an empty key is refused later).
        return Ok(KeyPredicate::Named(Vec::new()));
    }
    let mut parts = Vec::new();
    let mut current = String::new();
    let mut in_string = false;
    for c in inner.chars() {
        match c {
            '\'' => {
                in_string = !in_string;
                current.push(c);
            }
            ',' if !in_string => parts.push(std::mem::take(&mut current)),
            _ => current.push(c),
        }
    }
    if in_string {
        return Err(bad("a string literal is not closed"));
    }
    parts.push(current);
    if parts.len() == 1 && !looks_named(&parts[0]) {
        let value = parts.remove(0);
        if value.trim().is_empty() {
            return Err(bad("the key predicate is empty"));
        }
        return Ok(KeyPredicate::Single(value));
    }
    let mut named = Vec::new();
    for part in parts {
        let (name, value) = part.split_once('=').ok_or_else(|| bad("write each key property as Name=value"))?;
        let name = name.trim();
        if name.is_empty() || value.is_empty() {
            return Err(bad("write each key property as Name=value"));
        }
        if named.iter().any(|(n, _): &(String, String)| n == name) {
            return Err(bad(&format!("the key property {name} is given twice")));
        }
        named.push((name.to_owned(), value.to_owned()));
    }
    Ok(KeyPredicate::Named(named))
}

/// Whether a lone key part is `Name=value` (an `=` before any quote).
fn looks_named(part: &str) -> bool {
    match (part.find('='), part.find('\'')) {
        (Some(eq), Some(quote)) => eq < quote,
        (Some(_), None) => true,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(name: &str, key: Option<KeyPredicate>) -> Segment {
        Segment::Name { name: name.into(), key }
    }

    #[test]
    fn splits_keys_and_segments() {
        assert_eq!(parse("").unwrap(), Target::ServiceDocument);
        assert_eq!(parse("$metadata").unwrap(), Target::Metadata);
        assert_eq!(
            parse("Products(1)/Category").unwrap(),
            Target::Resource(vec![name("Products", Some(KeyPredicate::Single("1".into()))), name("Category", None)])
        );
        assert_eq!(
            parse("Order_Details(OrderID=10248,ProductID=11)/$value").unwrap(),
            Target::Resource(vec![
                name(
                    "Order_Details",
                    Some(KeyPredicate::Named(vec![
                        ("OrderID".into(), "10248".into()),
                        ("ProductID".into(), "11".into())
                    ]))
                ),
                Segment::Value
            ])
        );
        assert_eq!(
            parse("People('a%2Cb%27%27c=(d)')").unwrap(),
            Target::Resource(vec![name("People", Some(KeyPredicate::Single("'a,b''c=(d)'".into())))])
        );
        assert!(parse("Products(1").is_err());
        assert!(parse("Products('x)").is_err());
        assert_eq!(parse("Top()").unwrap(), Target::Resource(vec![name("Top", Some(KeyPredicate::Named(vec![])))]));
        assert!(parse("Products(A=1,A=2)").is_err());
        assert!(parse("Products//x").is_err());
    }
}
