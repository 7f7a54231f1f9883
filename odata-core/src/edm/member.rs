//! Reading an enumeration member from its text: by name, by value, or kept as unknown. Shared by
//! single members (the wire format) and flags (`"a,b"`).

use crate::ODataEnum;

/// One member: by name, by value (`enumMemberValue = int64Value`), or kept as unknown.
pub(crate) fn parse_member<E: ODataEnum>(text: &str) -> Result<E, String> {
    if let Some(member) = E::from_member_name(text) {
        return Ok(member);
    }
    let digits = text.strip_prefix('-').unwrap_or(text);
    if !digits.is_empty()
        && digits.bytes().all(|b| b.is_ascii_digit())
        && let Ok(value) = text.parse::<i64>()
    {
        return member_by_value(value, text);
    }
    E::from_unknown_member(text).ok_or_else(|| unknown_member::<E>(text))
}

pub(crate) fn member_by_value<E: ODataEnum>(value: i64, text: &str) -> Result<E, String> {
    E::from_member_value(value).or_else(|| E::from_unknown_member(text)).ok_or_else(|| unknown_member::<E>(text))
}

#[cold]
pub(crate) fn unknown_member<E: ODataEnum>(text: &str) -> String {
    let shown: String = text.chars().take(64).collect();
    format!(
        "unknown member {shown:?} for enum {}; add a catch-all variant such as `Other(String)` to keep members the model does not know",
        E::QUALIFIED_NAME
    )
}
