//! Whether a success response has the shape that was asked for: a single value, or a
//! collection. A service that answers an entity read with a collection (or the reverse) has a
//! bug, or the request went to the wrong URL; decoding it anyway would hand the program an empty
//! entity or an empty page.

use std::fmt;

use super::members::Members;

/// The two shapes of a JSON response body.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Shape {
    /// One entity or complex value (an object with its properties).
    Single,
    /// A collection (an object with `"value": [...]`).
    Collection,
}

impl fmt::Display for Shape {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Shape::Single => "a single value",
            Shape::Collection => "a collection",
        })
    }
}

/// What a context URL (`@odata.context`) says about the shape, where it says anything:
/// `...#People/$entity` is a single entity, `...#Collection(ns.T)` a collection. A bare
/// `...#People` is a collection or a singleton and says nothing here.
pub(crate) fn of_context(context: &str) -> Option<Shape> {
    let fragment = context.rsplit_once('#').map_or(context, |(_, fragment)| fragment);
    if fragment.ends_with("/$entity") {
        Some(Shape::Single)
    } else if fragment.starts_with("Collection(") || fragment.ends_with("/$delta") {
        Some(Shape::Collection)
    } else {
        None
    }
}

/// The shape of a body and its context URL, from its top-level members only: the context URL
/// where that tells, else whether it has `"value": [...]`. Used where the typed decoding cannot
/// tell (a type without `AdditionalData`, a page that failed to decode). `None` when the body is
/// not a JSON object.
pub(crate) fn of_body(body: &[u8]) -> Option<(Shape, Option<String>)> {
    let members = Members::parse(body).ok()?;
    let context = members.get("@odata.context").or_else(|| members.get("@context"));
    let context = context.and_then(|raw| serde_json::from_str::<String>(raw.get()).ok());
    let is_array = members.get("value").is_some_and(|raw| raw.get().starts_with('['));
    let shape = context.as_deref().and_then(of_context);
    Some((shape.unwrap_or(if is_array { Shape::Collection } else { Shape::Single }), context))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn context_urls_that_tell_the_shape() {
        assert_eq!(of_context("https://graph.microsoft.com/v1.0/$metadata#users/$entity"), Some(Shape::Single));
        assert_eq!(of_context("$metadata#Collection(microsoft.graph.user)"), Some(Shape::Collection));
        assert_eq!(of_context("https://h/$metadata#users/$delta"), Some(Shape::Collection));
        assert_eq!(of_context("https://h/$metadata#users"), None, "a set or a singleton");
        assert_eq!(of_context("https://h/$metadata#users(displayName)"), None);
    }

    #[test]
    fn bodies_without_a_telling_context() {
        assert_eq!(of_body(br#"{"value": [{"id": "1"}]}"#), Some((Shape::Collection, None)));
        assert_eq!(of_body(br#"{"id": "1", "value": 3}"#), Some((Shape::Single, None)));
        let entity = of_body(br#"{"@odata.context": "x#People/$entity", "value": []}"#);
        assert_eq!(entity, Some((Shape::Single, Some("x#People/$entity".to_owned()))));
        assert_eq!(of_body(b"[1]"), None);
    }
}
