//! The error for a primitive value that does not follow its Edm type's grammar.

use std::fmt;

/// A text that is not a valid literal of an Edm primitive type (OData ABNF, `*Value` rules).
///
/// It names the Edm type, repeats the input (shortened when long) and says what is wrong, e.g.
/// `invalid Edm.Duration "P1H": the hours must follow "T"`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EdmParseError {
    edm_type: &'static str,
    input: String,
    reason: &'static str,
}

/// Longest input echoed back in a message; a hostile payload must not make errors huge.
const MAX_ECHO: usize = 64;

impl EdmParseError {
    /// An error for `input`, which is not a valid `edm_type` literal because of `reason`.
    pub fn new(edm_type: &'static str, input: &str, reason: &'static str) -> Self {
        let input = match input.char_indices().nth(MAX_ECHO) {
            Some((cut, _)) => format!("{}...", &input[..cut]),
            None => input.to_owned(),
        };
        EdmParseError { edm_type, input, reason }
    }

    /// The Edm type that was expected, e.g. `Edm.DateTimeOffset`.
    pub fn edm_type(&self) -> &'static str {
        self.edm_type
    }

    /// What is wrong with the input.
    pub fn reason(&self) -> &'static str {
        self.reason
    }
}

impl fmt::Display for EdmParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid {} {:?}: {}", self.edm_type, self.input, self.reason)
    }
}

impl std::error::Error for EdmParseError {}
