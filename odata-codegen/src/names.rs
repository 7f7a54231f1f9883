//! CSDL names to Rust names: `startDateTime` -> `start_date_time`, `callRecord` -> `CallRecord`,
//! `microsoft.graph.callRecords` -> `call_records`. The inverse rules are the derive's, from the
//! shared `odata-names` crate (re-exported here): a field's wire name is its camelCase, a
//! variant's member name is the variant with a lowercase first letter; where the round trip
//! differs we emit a `rename`.

pub use odata_names::{field_to_wire, variant_to_member};

/// Keywords that may be written as raw identifiers (`r#type`).
const RAW_KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "do", "dyn", "else", "enum",
    "extern", "false", "final", "fn", "for", "gen", "if", "impl", "in", "let", "loop", "macro", "match", "mod", "move",
    "mut", "override", "priv", "pub", "ref", "return", "static", "struct", "trait", "true", "try", "type", "typeof",
    "unsafe", "unsized", "use", "virtual", "where", "while", "yield",
];

/// Keywords that cannot be raw identifiers: they get a trailing `_` (and a `rename`).
const PLAIN_ONLY: &[&str] = &["self", "Self", "super", "crate", "_"];

/// Type names the generated code uses unqualified (the prelude, the derives' helper types);
/// a CSDL type with one of these names gets a `Type` suffix so it shadows nothing.
const RESERVED_TYPES: &[&str] =
    &["Option", "Some", "None", "Vec", "String", "Box", "Result", "Ok", "Err", "Default", "Clone", "Debug", "Self"];

/// The snake_case form of a camelCase or PascalCase name: `reflexiveIPAddress` ->
/// `reflexive_ip_address`, `organizer_v2` stays.
pub fn snake(name: &str) -> String {
    let chars: Vec<char> = name.chars().collect();
    let mut out = String::with_capacity(name.len() + 4);
    for (i, &c) in chars.iter().enumerate() {
        if c.is_uppercase() {
            let prev = if i > 0 { Some(chars[i - 1]) } else { None };
            let after_lower = prev.is_some_and(|p| p.is_lowercase() || p.is_ascii_digit());
            let acronym_end =
                prev.is_some_and(|p| p.is_uppercase()) && chars.get(i + 1).is_some_and(|n| n.is_lowercase());
            if (after_lower || acronym_end) && !out.ends_with('_') {
                out.push('_');
            }
            out.extend(c.to_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// UpperCamel: the first letter in upper case, `_` between words removed (`_x0020_` ->
/// `X0020`, `A_x0020_b` -> `AX0020B`); a `_` stays only between two digits (`1_2`), where the
/// numbers would otherwise join. Characters that Rust identifiers do not take (CSDL's connector
/// punctuation `‿`, joiners) separate words like `_`. What is left passes rustc's
/// `non_camel_case_types`.
pub fn upper_camel(name: &str) -> String {
    let chars: Vec<char> = name.chars().collect();
    let mut out = String::with_capacity(name.len());
    let mut upper_next = true;
    for (i, &c) in chars.iter().enumerate() {
        if c == '_' || !(c.is_alphanumeric()) {
            let digit_before = out.ends_with(|p: char| p.is_ascii_digit());
            let digit_after = chars.get(i + 1).is_some_and(|n| n.is_ascii_digit());
            if digit_before && digit_after {
                out.push('_');
            }
            upper_next = true;
        } else if upper_next {
            out.extend(c.to_uppercase());
            upper_next = false;
        } else {
            out.push(c);
        }
    }
    if out.is_empty() || out.starts_with(|c: char| c.is_ascii_digit()) {
        out.insert(0, '_');
    }
    out
}

/// `a__b` -> `a_b`: rustc's `non_snake_case` takes no double underscore inside a name (SAP's
/// `SAP__Messages`); leading and trailing ones stay.
fn single_underscores(ident: &str) -> String {
    let body = ident.trim_matches('_');
    let lead = &ident[..ident.len() - ident.trim_start_matches('_').len()];
    let trail = if body.is_empty() { "" } else { &ident[lead.len() + body.len()..] };
    let mut out = String::with_capacity(ident.len());
    out.push_str(lead);
    for c in body.chars() {
        if !(c == '_' && out.ends_with('_') && out.len() > lead.len()) {
            out.push(c);
        }
    }
    out.push_str(trail);
    out
}

/// A name for a file, a module and a Cargo feature: ASCII (rustc loads no module file of a
/// non-ASCII name, Cargo takes no such feature), each other character written as its code point
/// (`straßenverkehr` -> `stra_u00df_enverkehr`).
fn ascii(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        if c.is_ascii_alphanumeric() || c == '_' {
            out.push(c);
        } else {
            if !out.is_empty() && !out.ends_with('_') {
                out.push('_');
            }
            out.push_str(&format!("u{:04x}_", u32::from(c)));
        }
    }
    if !name.ends_with('_') {
        out.truncate(out.trim_end_matches('_').len());
    }
    single_underscores(&out)
}

/// A field identifier for a property name, and whether it needs `rename = "<name>"`.
pub fn field_ident(wire: &str) -> String {
    // `request-id` (Graph's innerError) becomes `request_id`, renamed.
    let ident: String = snake(wire).chars().map(|c| if c.is_alphanumeric() || c == '_' { c } else { '_' }).collect();
    let mut ident = single_underscores(&ident);
    if ident.starts_with(|c: char| c.is_ascii_digit()) {
        ident.insert(0, '_');
    }
    escape_keyword(ident)
}

/// `type` -> `r#type`, `self` -> `self_`.
pub fn escape_keyword(ident: String) -> String {
    if RAW_KEYWORDS.contains(&ident.as_str()) {
        format!("r#{ident}")
    } else if PLAIN_ONLY.contains(&ident.as_str()) {
        format!("{ident}_")
    } else {
        ident
    }
}

/// A type identifier for a CSDL type name.
pub fn type_ident(name: &str) -> String {
    let ident = upper_camel(name);
    if RESERVED_TYPES.contains(&ident.as_str()) { format!("{ident}Type") } else { ident }
}

/// A variant identifier for an enumeration member name.
pub fn variant_ident(member: &str) -> String {
    let ident = upper_camel(member);
    if PLAIN_ONLY.contains(&ident.as_str()) { format!("{ident}_") } else { ident }
}

/// The module name of a namespace: its last segment in snake_case (`microsoft.graph.callRecords`
/// -> `call_records`); `extra` more segments when the last one alone is taken.
pub fn module_name(namespace: &str, extra: usize) -> String {
    let segments: Vec<&str> = namespace.split('.').collect();
    let start = segments.len().saturating_sub(1 + extra);
    let joined: Vec<String> = segments[start..].iter().map(|s| snake(s)).collect();
    let mut name = ascii(&joined.join("_"));
    if name.starts_with(|c: char| c.is_ascii_digit()) {
        name.insert(0, '_');
    }
    escape_keyword(name)
}

/// The identifier without `r#`, for file names and wire-name comparisons.
pub fn unraw(ident: &str) -> &str {
    ident.strip_prefix("r#").unwrap_or(ident)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert_eq!(snake("reflexiveIPAddress"), "reflexive_ip_address");
        assert_eq!(snake("organizer_v2"), "organizer_v2");
        assert_eq!(snake("startDateTime"), "start_date_time");
        assert_eq!(field_ident("type"), "r#type");
        assert_eq!(field_ident("self"), "self_");
        assert_eq!(type_ident("callRecord"), "CallRecord");
        assert_eq!(type_ident("option"), "OptionType");
        assert_eq!(variant_ident("macOS"), "MacOS");
        assert_eq!(variant_ident("frequency24GHz"), "Frequency24GHz");
        assert_eq!(module_name("microsoft.graph.callRecords", 0), "call_records");
        assert_eq!(module_name("microsoft.graph", 0), "graph");
        assert_eq!(module_name("microsoft.graph.security", 1), "graph_security");
        assert_eq!(field_to_wire("organizer_v2"), "organizerV2");
    }

    #[test]
    fn names_that_rustc_lints_or_rejects() {
        assert_eq!(field_ident("SAP__Messages"), "sap_messages");
        assert_eq!(field_ident("__Intern"), "__intern");
        assert_eq!(field_ident("Zulassung_"), "zulassung_");
        assert_eq!(field_ident("straße‿nummer"), "straße_nummer");
        assert_eq!(field_ident("ÄNDERUNG"), "änderung");
        assert_eq!(variant_ident("_x0020_"), "X0020");
        assert_eq!(variant_ident("A_x0020_b"), "AX0020B");
        assert_eq!(variant_ident("v1_2"), "V1_2");
        assert_eq!(variant_ident("Kraft__rad"), "KraftRad");
        assert_eq!(type_ident("übersicht_"), "Übersicht");
        assert_eq!(type_ident("___"), "_");
        assert_eq!(module_name("Beispiel.Straßenverkehr", 0), "stra_u00df_enverkehr");
        assert_eq!(module_name("a.名前", 0), "u540d_u524d");
        assert_eq!(module_name("x.SAP__Y", 0), "sap_y");
    }
}
