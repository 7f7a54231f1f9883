//! The strict comparison behind every round-trip test: what comes back must be the JSON that was
//! read, member for member and digit for digit. Member order is free (OData JSON objects are
//! unordered); `null` is not absent; a number is compared by its text.
//!
//! # The normalisations
//!
//! The library changes a payload on purpose in these ways only, and this comparison forgives
//! exactly these, each only where the model's type says so (the type of every object is taken
//! from an encoding with `@odata.type` on every value, so no guess is involved):
//!
//! 1. [`Normalisation::FloatDigits`]: an `Edm.Single` or `Edm.Double` property is written in
//!    one form per value: a whole number without a fraction (`0.0` comes back as `0`, where the
//!    integer is exact), anything else in the shortest digits that read back as the same value
//!    (`24.3203125` as the `f32` `24.320312`, `1E-2` as `0.01`). The value is an `f32` or `f64`;
//!    its other spellings are not kept.
//! 2. [`Normalisation::RepeatedFlagsMember`]: a flags enumeration value that names a member
//!    twice (`"read,read,write"`) is written with each member once, in the order first named
//!    (`"read,write"`). The value is a set of members.
//! 3. [`Normalisation::RepeatedTypeAnnotation`]: the same type annotation twice in one object
//!    (a quirk of Graph's published session list) is written once. Two different ones are a
//!    decode error; any other member sent twice is a decode error too.
//!
//! Everything else, including every number in an unknown property, a `Edm.Decimal`'s trailing
//! zeros, a timestamp's digits and offset, and the difference between `null` and absent, must
//! come back exactly.

use std::fmt::Write as _;

use odata_core::TypeInfo;

/// A deliberate normalisation; see the [module docs](self).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Normalisation {
    /// `Edm.Single` and `Edm.Double` in one form per value.
    FloatDigits,
    /// A flags member named twice written once.
    RepeatedFlagsMember,
    /// A repeated identical type annotation written once.
    RepeatedTypeAnnotation,
}

/// A JSON document as written: numbers keep their text, objects their member order and
/// duplicates.
#[derive(Debug, Clone, PartialEq)]
pub enum Json {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number, as its text.
    Number(String),
    /// A string, unescaped.
    String(String),
    /// An array.
    Array(Vec<Json>),
    /// An object: members in the order written, duplicates included.
    Object(Vec<(String, Json)>),
}

impl Json {
    /// Parses `text`; an error says where.
    pub fn parse(text: &str) -> Result<Json, String> {
        let mut parser = Parser { text, at: 0 };
        let value = parser.value()?;
        parser.space();
        if parser.at != text.len() {
            return Err(format!("text after the JSON value at byte {}", parser.at));
        }
        Ok(value)
    }

    fn member(&self, name: &str) -> Option<&Json> {
        match self {
            Json::Object(members) => members.iter().find(|(k, _)| k == name).map(|(_, v)| v),
            _ => None,
        }
    }

    /// The model type an object's type annotation names.
    fn annotated_type(&self) -> Option<&'static TypeInfo> {
        let name = match self.member("@odata.type").or_else(|| self.member("@type"))? {
            Json::String(value) => value.rsplit('#').next().unwrap_or(value),
            _ => return None,
        };
        odata_core::registry::find_type(name)
    }
}

struct Parser<'a> {
    text: &'a str,
    at: usize,
}

impl Parser<'_> {
    fn space(&mut self) {
        let rest = &self.text[self.at..];
        self.at += rest.len() - rest.trim_start_matches([' ', '\t', '\n', '\r']).len();
    }

    fn fail<T>(&self, what: &str) -> Result<T, String> {
        Err(format!("{what} at byte {}", self.at))
    }

    fn eat(&mut self, token: &str) -> bool {
        let found = self.text[self.at..].starts_with(token);
        if found {
            self.at += token.len();
        }
        found
    }

    fn value(&mut self) -> Result<Json, String> {
        self.space();
        let rest = &self.text[self.at..];
        match rest.as_bytes().first() {
            Some(b'{') => self.object(),
            Some(b'[') => self.array(),
            Some(b'"') => self.string().map(Json::String),
            Some(b'-' | b'0'..=b'9') => {
                let len =
                    rest.find(|c: char| !matches!(c, '-' | '+' | '.' | 'e' | 'E' | '0'..='9')).unwrap_or(rest.len());
                let number = &rest[..len];
                // The digits must be JSON; serde_json is the judge.
                serde_json::from_str::<serde::de::IgnoredAny>(number)
                    .map_err(|e| format!("{e} at byte {}", self.at))?;
                self.at += len;
                Ok(Json::Number(number.to_owned()))
            }
            _ if self.eat("null") => Ok(Json::Null),
            _ if self.eat("true") => Ok(Json::Bool(true)),
            _ if self.eat("false") => Ok(Json::Bool(false)),
            _ => self.fail("expected a JSON value"),
        }
    }

    fn string(&mut self) -> Result<String, String> {
        let bytes = self.text.as_bytes();
        let start = self.at;
        let mut end = start + 1;
        while end < bytes.len() && bytes[end] != b'"' {
            end += if bytes[end] == b'\\' { 2 } else { 1 };
        }
        if end >= bytes.len() {
            return self.fail("unterminated string");
        }
        self.at = end + 1;
        serde_json::from_str(&self.text[start..=end]).map_err(|e| format!("{e} at byte {start}"))
    }

    fn array(&mut self) -> Result<Json, String> {
        self.at += 1;
        let mut items = Vec::new();
        self.space();
        if self.eat("]") {
            return Ok(Json::Array(items));
        }
        loop {
            items.push(self.value()?);
            self.space();
            if self.eat("]") {
                return Ok(Json::Array(items));
            }
            if !self.eat(",") {
                return self.fail("expected , or ]");
            }
        }
    }

    fn object(&mut self) -> Result<Json, String> {
        self.at += 1;
        let mut members = Vec::new();
        self.space();
        if self.eat("}") {
            return Ok(Json::Object(members));
        }
        loop {
            self.space();
            if !self.text[self.at..].starts_with('"') {
                return self.fail("expected a member name");
            }
            let name = self.string()?;
            self.space();
            if !self.eat(":") {
                return self.fail("expected :");
            }
            members.push((name, self.value()?));
            self.space();
            if self.eat("}") {
                return Ok(Json::Object(members));
            }
            if !self.eat(",") {
                return self.fail("expected , or }");
            }
        }
    }
}

/// Compares what was read (`expected`) with what was written (`actual`), strictly. `typed` is
/// the same value encoded with `@odata.type` on every structured value (it names the model type
/// of each object, and so where a normalisation applies). Returns the normalisations used, or
/// every difference, one per line, each with its JSON path.
pub fn compare(expected: &Json, actual: &Json, typed: Option<&Json>) -> Result<Vec<Normalisation>, String> {
    let mut comparison = Comparison { differences: String::new(), used: Vec::new() };
    comparison.value(expected, actual, typed, "$", None);
    if comparison.differences.is_empty() { Ok(comparison.used) } else { Err(comparison.differences) }
}

/// Compares two JSON texts strictly, without a model (no normalisation applies).
pub fn compare_texts(expected: &str, actual: &str) -> Result<(), String> {
    let expected = Json::parse(expected).map_err(|e| format!("expected: {e}"))?;
    let actual = Json::parse(actual).map_err(|e| format!("actual: {e}"))?;
    compare(&expected, &actual, None).map(|_| ())
}

struct Comparison {
    differences: String,
    used: Vec<Normalisation>,
}

impl Comparison {
    fn differ(&mut self, path: &str, what: std::fmt::Arguments<'_>) {
        let _ = writeln!(self.differences, "{path}: {what}");
    }

    fn allow(&mut self, normalisation: Normalisation) {
        if !self.used.contains(&normalisation) {
            self.used.push(normalisation);
        }
    }

    /// `edm` is the primitive type the model declares here (for a number), if any.
    fn value(&mut self, expected: &Json, actual: &Json, typed: Option<&Json>, path: &str, edm: Option<&str>) {
        match (expected, actual) {
            (Json::Object(a), Json::Object(b)) => self.object(a, b, typed, path),
            (Json::Array(a), Json::Array(b)) => {
                if a.len() != b.len() {
                    self.differ(path, format_args!("{} items, expected {}", b.len(), a.len()));
                    return;
                }
                let typed_items = match typed {
                    Some(Json::Array(items)) if items.len() == a.len() => Some(items),
                    _ => None,
                };
                for (i, (x, y)) in a.iter().zip(b).enumerate() {
                    let t = typed_items.map(|items| &items[i]);
                    self.value(x, y, t, &format!("{path}[{i}]"), edm);
                }
            }
            (Json::Number(a), Json::Number(b)) if a != b => match edm {
                Some(edm @ ("Edm.Single" | "Edm.Double")) if float_form(edm, a).as_deref() == Some(b.as_str()) => {
                    self.allow(Normalisation::FloatDigits)
                }
                _ => self.differ(path, format_args!("{b}, expected {a}")),
            },
            (Json::String(a), Json::String(b)) if a != b && is_flags(edm) && distinct_members(a) == *b => {
                self.allow(Normalisation::RepeatedFlagsMember)
            }
            (a, b) if a == b => {}
            (a, b) => self.differ(path, format_args!("{}, expected {}", short(b), short(a))),
        }
    }

    fn object(&mut self, expected: &[(String, Json)], actual: &[(String, Json)], typed: Option<&Json>, path: &str) {
        let ty = typed.and_then(Json::annotated_type);
        let mut expected_members: Vec<&(String, Json)> = Vec::new();
        for member in expected {
            match expected_members.iter().find(|(k, _)| *k == member.0) {
                Some((_, first)) if is_type_annotation(&member.0) && *first == member.1 => {
                    self.allow(Normalisation::RepeatedTypeAnnotation)
                }
                Some(_) => {
                    self.differ(path, format_args!("member {:?} appears twice in the expected document", member.0))
                }
                None => expected_members.push(member),
            }
        }
        let mut seen: Vec<&str> = Vec::new();
        for (name, value) in actual {
            let at = member_path(path, name);
            if seen.contains(&name.as_str()) {
                self.differ(&at, format_args!("written twice"));
                continue;
            }
            seen.push(name);
            match expected_members.iter().find(|(k, _)| k == name) {
                Some((_, original)) => {
                    let edm = ty.and_then(|ty| ty.property(name)).map(|p| p.ty.name);
                    let typed_member = typed.and_then(|t| t.member(name));
                    self.value(original, value, typed_member, &at, edm);
                }
                None => self.differ(&at, format_args!("added ({})", short(value))),
            }
        }
        for (name, original) in expected_members {
            if !seen.contains(&name.as_str()) {
                self.differ(&member_path(path, name), format_args!("lost (was {})", short(original)));
            }
        }
    }
}

/// Whether the model type declared here is a flags enumeration.
fn is_flags(edm: Option<&str>) -> bool {
    edm.and_then(odata_core::registry::find_type).is_some_and(|ty| ty.is_flags)
}

/// The members of a flags value, each once, in the order first named.
fn distinct_members(value: &str) -> String {
    let mut members: Vec<&str> = Vec::new();
    for member in value.split(',') {
        if !members.contains(&member) {
            members.push(member);
        }
    }
    members.join(",")
}

fn is_type_annotation(name: &str) -> bool {
    name == "@odata.type" || name == "@type"
}

fn member_path(path: &str, name: &str) -> String {
    format!("{path}.{name}")
}

fn short(value: &Json) -> String {
    let text = match value {
        Json::Null => "null".to_owned(),
        Json::Bool(b) => b.to_string(),
        Json::Number(n) => n.clone(),
        Json::String(s) => format!("{s:?}"),
        Json::Array(items) => format!("an array of {}", items.len()),
        Json::Object(members) => format!("an object of {} members", members.len()),
    };
    if text.len() > 80 { format!("{}...", &text[..text.floor_char_boundary(77)]) } else { text }
}

/// The one form the library writes an `Edm.Single` or `Edm.Double` number in (see
/// `odata_core::edm`): whole numbers below 2^24 (Single) or 2^53 (Double) as integers, others
/// in their shortest digits.
fn float_form(edm: &str, text: &str) -> Option<String> {
    let (value, limit) = match edm {
        "Edm.Single" => (f64::from(text.parse::<f32>().ok()?), 16_777_216.0),
        _ => (text.parse::<f64>().ok()?, 9_007_199_254_740_992.0),
    };
    if value.fract() == 0.0 && value.abs() < limit && (value != 0.0 || value.is_sign_positive()) {
        return Some(format!("{}", value as i64));
    }
    match edm {
        "Edm.Single" => serde_json::to_string(&(value as f32)).ok(),
        _ => serde_json::to_string(&value).ok(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn null_is_not_absent_and_numbers_keep_their_text() {
        assert_eq!(compare_texts(r#"{"a": 1, "b": null}"#, r#"{"b": null, "a": 1}"#), Ok(()));
        assert_eq!(compare_texts(r#"{"a": 1, "b": null}"#, r#"{"a": 1}"#), Err("$.b: lost (was null)\n".into()));
        assert_eq!(compare_texts(r#"{"a": 1}"#, r#"{"a": 1, "b": null}"#), Err("$.b: added (null)\n".into()));
        assert_eq!(compare_texts(r#"{"a": 1}"#, r#"{"a": 1.0}"#), Err("$.a: 1.0, expected 1\n".into()));
        assert_eq!(compare_texts(r#"{"a": 0.10}"#, r#"{"a": 0.1}"#), Err("$.a: 0.1, expected 0.10\n".into()));
        assert_eq!(
            compare_texts(r#"{"t": "2020-01-01T00:00:00Z"}"#, r#"{"t": "2020-01-01T00:00:00.000Z"}"#),
            Err("$.t: \"2020-01-01T00:00:00.000Z\", expected \"2020-01-01T00:00:00Z\"\n".into())
        );
        assert_eq!(compare_texts(r#"{"a": [1, 2]}"#, r#"{"a": [1, 3]}"#), Err("$.a[1]: 3, expected 2\n".into()));
    }

    #[test]
    fn duplicates_are_differences_except_a_repeated_type_annotation() {
        assert!(compare_texts(r#"{"a": 1}"#, r#"{"a": 1, "a": 1}"#).is_err());
        assert!(compare_texts(r#"{"a": 1, "a": 1}"#, r#"{"a": 1}"#).is_err());
        let repeated = Json::parse(r##"{"@odata.type": "#x.y", "@odata.type": "#x.y"}"##).expect("JSON");
        let once = Json::parse(r##"{"@odata.type": "#x.y"}"##).expect("JSON");
        assert_eq!(compare(&repeated, &once, None), Ok(vec![Normalisation::RepeatedTypeAnnotation]));
        let different = Json::parse(r##"{"@odata.type": "#x.y", "@odata.type": "#x.z"}"##).expect("JSON");
        assert!(compare(&different, &once, None).is_err());
    }

    #[test]
    fn number_normalisations_need_the_model_type() {
        let expected = Json::parse("24.3203125").expect("JSON");
        let actual = Json::parse("24.320312").expect("JSON");
        assert!(compare(&expected, &actual, None).is_err(), "no model type, no normalisation");
        let mut comparison = Comparison { differences: String::new(), used: Vec::new() };
        comparison.value(&expected, &actual, None, "$", Some("Edm.Single"));
        assert_eq!((comparison.differences.as_str(), comparison.used), ("", vec![Normalisation::FloatDigits]));
        let mut comparison = Comparison { differences: String::new(), used: Vec::new() };
        comparison.value(&Json::Number("0.0".into()), &Json::Number("0".into()), None, "$", Some("Edm.Double"));
        assert_eq!(comparison.differences, "");
        let mut comparison = Comparison { differences: String::new(), used: Vec::new() };
        comparison.value(&Json::Number("0.5".into()), &Json::Number("0.50".into()), None, "$", Some("Edm.Double"));
        assert!(!comparison.differences.is_empty(), "only the library's own form is forgiven");
        let mut comparison = Comparison { differences: String::new(), used: Vec::new() };
        comparison.value(&expected, &actual, None, "$", Some("Edm.Decimal"));
        assert!(!comparison.differences.is_empty(), "a decimal keeps its digits");
    }

    #[test]
    fn the_parser_keeps_what_serde_json_would_lose() {
        let json = Json::parse(r#"{"n": 123456789012345678901234567890, "s": "a\"b\u00e9"}"#).expect("JSON");
        assert_eq!(json.member("n"), Some(&Json::Number("123456789012345678901234567890".into())));
        assert_eq!(json.member("s"), Some(&Json::String("a\"bé".into())));
        assert!(Json::parse(r#"{"a": 01}"#).is_err());
        assert!(Json::parse(r#"{"a": 1} x"#).is_err());
    }
}
