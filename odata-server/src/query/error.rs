//! Errors in query options: which option, where in its (percent-decoded) value, and what is wrong.

use std::fmt;

/// A query option the server cannot accept: a syntax error, a name the model does not know, a
/// type mismatch, a limit exceeded. A request with one is answered `400 Bad Request`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueryError {
    option: String,
    position: usize,
    message: String,
}

impl QueryError {
    pub(crate) fn new(option: impl Into<String>, position: usize, message: impl Into<String>) -> Self {
        QueryError { option: option.into(), position, message: message.into() }
    }

    /// The query option, as written in the request (`$filter`); empty for an error in the query
    /// string as a whole.
    pub fn option(&self) -> &str {
        &self.option
    }

    /// The byte position in the option's percent-decoded value where the error starts.
    pub fn position(&self) -> usize {
        self.position
    }

    /// What is wrong, in words.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for QueryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.option.is_empty() {
            write!(f, "{}", self.message)
        } else {
            write!(f, "{} at position {}: {}", self.option, self.position, self.message)
        }
    }
}

impl std::error::Error for QueryError {}

/// An error at a byte position of the text being parsed, before it is tied to its option.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Located {
    pub(crate) position: usize,
    pub(crate) message: String,
}

impl Located {
    pub(crate) fn new(position: usize, message: impl Into<String>) -> Self {
        Located { position, message: message.into() }
    }

    /// The error of `option`, whose value starts at `offset` of the text parsed.
    pub(crate) fn in_option(self, option: &str) -> QueryError {
        QueryError::new(option, self.position, self.message)
    }
}

pub(crate) type Result<T, E = Located> = std::result::Result<T, E>;
