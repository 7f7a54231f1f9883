//! [`BatchError`]: a batch that breaks the rules of the format, or a response that cannot be read.

use std::fmt;

/// A batch that breaks the rules of the format, or a batch response that cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum BatchError {
    /// Two requests share an id, or an id is also an atomicity group.
    DuplicateId {
        /// The id.
        id: String,
    },
    /// `dependsOn` names no earlier request or atomicity group.
    UnknownDependency {
        /// The request.
        id: String,
        /// What it names.
        depends_on: String,
    },
    /// `dependsOn` names a request of another atomicity group, where the format wants the group.
    DependsOnGroupMember {
        /// The request.
        id: String,
        /// The request it names.
        depends_on: String,
        /// That request's atomicity group.
        group: String,
    },
    /// The URL starts with `$<id>` naming no earlier request.
    UnknownReference {
        /// The request.
        id: String,
        /// The id after `$`.
        reference: String,
    },
    /// The items of an atomicity group are not adjacent.
    AtomicityGroupNotAdjacent {
        /// The request that comes after another group.
        id: String,
        /// Its atomicity group.
        group: String,
    },
    /// A method other than `GET`, `POST`, `PUT`, `PATCH` and `DELETE`.
    UnsupportedMethod {
        /// The request.
        id: String,
        /// The method.
        method: String,
    },
    /// A body on a `GET` or `DELETE`.
    BodyNotAllowed {
        /// The request.
        id: String,
        /// The method.
        method: String,
    },
    /// A header value that is not text, which a JSON batch cannot carry.
    InvalidHeader {
        /// The request.
        id: String,
        /// The header name.
        name: String,
    },
    /// The HTTP request could not be built (a service root that is not a URL).
    Request {
        /// What failed.
        message: String,
    },
    /// The batch response is not JSON, or not of the expected shape.
    Json {
        /// The JSON path (`$.responses[2].headers`).
        path: String,
        /// What is wrong there.
        message: String,
    },
    /// A `status` that is not an HTTP status code.
    InvalidStatus {
        /// The JSON path (`$.responses[2].status`).
        path: String,
        /// The value sent.
        value: String,
    },
}

impl BatchError {
    pub(super) fn json(path: impl Into<String>, message: impl Into<String>) -> Self {
        BatchError::Json { path: path.into(), message: message.into() }
    }
}

impl fmt::Display for BatchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BatchError::DuplicateId { id } => {
                write!(f, "batch id `{id}` is used twice; ids and atomicity groups must be unique")
            }
            BatchError::UnknownDependency { id, depends_on } => write!(
                f,
                "batch request `{id}` depends on `{depends_on}`, which is no earlier request or atomicity group; \
                 add that first"
            ),
            BatchError::DependsOnGroupMember { id, depends_on, group } => write!(
                f,
                "batch request `{id}` depends on `{depends_on}` of atomicity group `{group}`; depend on `{group}`"
            ),
            BatchError::UnknownReference { id, reference } => {
                write!(f, "the URL of batch request `{id}` starts with `${reference}`, which names no earlier request")
            }
            BatchError::AtomicityGroupNotAdjacent { id, group } => write!(
                f,
                "batch request `{id}` of atomicity group `{group}` follows another request; \
                 the requests of a group must be adjacent"
            ),
            BatchError::UnsupportedMethod { id, method } => {
                write!(f, "batch request `{id}` uses `{method}`; a JSON batch allows GET, POST, PUT, PATCH and DELETE")
            }
            BatchError::BodyNotAllowed { id, method } => {
                write!(f, "batch request `{id}` is a {method} with a body; {method} takes none")
            }
            BatchError::InvalidHeader { id, name } => {
                write!(f, "header `{name}` of batch request `{id}` is not visible ASCII text")
            }
            BatchError::Request { message } => write!(f, "the batch request could not be built: {message}"),
            BatchError::Json { path, message } => write!(f, "{path}: {message}"),
            BatchError::InvalidStatus { path, value } => write!(f, "{path}: `{value}` is not an HTTP status code"),
        }
    }
}

impl std::error::Error for BatchError {}
