//! Rust names to OData names: `start_date_time` -> `startDateTime`, `VideoBasedScreenSharing`
//! -> `videoBasedScreenSharing`, and what a CSDL name may be.
//!
//! One crate for the rules that `odata-derive` applies and `odata-codegen` must predict (it emits
//! a `rename` wherever the derive's rule would not give the CSDL name back), so the two cannot
//! drift apart. A proc-macro crate can export only macros, hence this small crate of its own.

/// The camelCase wire name of a snake_case field; `r#` of raw identifiers is dropped.
pub fn field_to_wire(field: &str) -> String {
    let field = field.strip_prefix("r#").unwrap_or(field);
    let mut out = String::with_capacity(field.len());
    let mut upper_next = false;
    for (i, c) in field.chars().enumerate() {
        if c == '_' && i > 0 {
            upper_next = true;
        } else if upper_next {
            out.extend(c.to_uppercase());
            upper_next = false;
        } else {
            out.push(c);
        }
    }
    out
}

/// The member name of an enum variant: the variant name with a lowercase first letter.
pub fn variant_to_member(variant: &str) -> String {
    let variant = variant.strip_prefix("r#").unwrap_or(variant);
    let mut chars = variant.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The snake_case form of a variant name, for method names: `ParticipantEndpoint` ->
/// `participant_endpoint`.
pub fn variant_to_snake(variant: &str) -> String {
    let variant = variant.strip_prefix("r#").unwrap_or(variant);
    let chars: Vec<char> = variant.chars().collect();
    let mut out = String::with_capacity(variant.len() + 4);
    for (i, &c) in chars.iter().enumerate() {
        if c.is_uppercase() {
            let after_lower = i > 0 && (chars[i - 1].is_lowercase() || chars[i - 1].is_ascii_digit());
            let acronym_end =
                i > 0 && chars[i - 1].is_uppercase() && chars.get(i + 1).is_some_and(|n| n.is_lowercase());
            if after_lower || acronym_end {
                out.push('_');
            }
            out.extend(c.to_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// A CSDL `SimpleIdentifier`: a letter or `_`, then letters, digits, `_`, connector punctuation
/// (`‿`), combining marks or joiners; at most 128 chars. (CSDL's rule by Unicode category, with
/// the marks and format characters that identifiers use, since std has no category tables.)
pub fn is_simple_identifier(s: &str) -> bool {
    let mut chars = s.chars();
    matches!(chars.next(), Some(c) if c.is_alphabetic() || c == '_')
        && chars.all(|c| c.is_alphanumeric() || c == '_' || is_connector_or_mark(c))
        && s.chars().count() <= 128
}

/// Connector punctuation (category Pc besides `_`), the common blocks of combining marks (Mn,
/// Mc), and the zero-width joiners (Cf) that CSDL allows after the first character.
fn is_connector_or_mark(c: char) -> bool {
    matches!(
        c,
        '\u{203F}' | '\u{2040}' | '\u{2054}' | '\u{FE33}' | '\u{FE34}' | '\u{FE4D}'..='\u{FE4F}' | '\u{FF3F}'
            | '\u{0300}'..='\u{036F}'
            | '\u{1AB0}'..='\u{1AFF}'
            | '\u{1DC0}'..='\u{1DFF}'
            | '\u{20D0}'..='\u{20FF}'
            | '\u{FE20}'..='\u{FE2F}'
            | '\u{200C}'
            | '\u{200D}'
    )
}

/// A property name as services send it: a simple identifier, or one with `-` inside (Graph's
/// `innerError` has `request-id` and `client-request-id`).
pub fn is_wire_name(s: &str) -> bool {
    is_simple_identifier(&s.replace('-', "_")) && !s.ends_with('-')
}

/// A namespace-qualified name `a.b.c`: at least two simple identifiers joined by dots.
/// Returns `(namespace, name)`.
pub fn split_qualified_name(s: &str) -> Option<(&str, &str)> {
    let (namespace, name) = s.rsplit_once('.')?;
    let valid = namespace.split('.').all(is_simple_identifier) && is_simple_identifier(name) && namespace.len() <= 511;
    valid.then_some((namespace, name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_become_camel_case() {
        assert_eq!(field_to_wire("start_date_time"), "startDateTime");
        assert_eq!(field_to_wire("id"), "id");
        assert_eq!(field_to_wire("r#type"), "type");
        assert_eq!(field_to_wire("participants_v2"), "participantsV2");
        assert_eq!(field_to_wire("organizer_v2"), "organizerV2");
        assert_eq!(field_to_wire("_private"), "_private");
    }

    #[test]
    fn variants_get_a_lowercase_first_letter() {
        assert_eq!(variant_to_member("VideoBasedScreenSharing"), "videoBasedScreenSharing");
        assert_eq!(variant_to_member("MacOS"), "macOS");
        assert_eq!(variant_to_member("IOS"), "iOS");
        assert_eq!(variant_to_member("Frequency24GHz"), "frequency24GHz");
    }

    #[test]
    fn variants_in_snake_case() {
        assert_eq!(variant_to_snake("ParticipantEndpoint"), "participant_endpoint");
        assert_eq!(variant_to_snake("Endpoint"), "endpoint");
        assert_eq!(variant_to_snake("HTTPAgent"), "http_agent");
        assert_eq!(variant_to_snake("UserIdentity2"), "user_identity2");
    }

    #[test]
    fn simple_identifiers_take_any_letter_and_connector_punctuation() {
        for name in ["Größe", "straße‿nummer", "名前", "_x0020_", "SAP__Messages", "e\u{301}t\u{e9}", "a\u{200d}b"]
        {
            assert!(is_simple_identifier(name), "{name}");
        }
        for name in ["", "1a", "‿a", "a b", "a-b", "a.b", "a\u{0}"] {
            assert!(!is_simple_identifier(name), "{name:?}");
        }
        assert_eq!(
            split_qualified_name("Beispiel.Straßenverkehr.Fahrzeug"),
            Some(("Beispiel.Straßenverkehr", "Fahrzeug"))
        );
    }

    #[test]
    fn qualified_names() {
        assert_eq!(
            split_qualified_name("microsoft.graph.callRecords.session"),
            Some(("microsoft.graph.callRecords", "session"))
        );
        assert_eq!(split_qualified_name("session"), None);
        assert_eq!(split_qualified_name("a..b"), None);
        assert_eq!(split_qualified_name("a.b-c"), None);
        assert_eq!(split_qualified_name("a.1b"), None);
        assert_eq!(split_qualified_name(".a"), None);
    }
}
