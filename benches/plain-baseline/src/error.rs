//! The tool's one error type: which file, and what went wrong there.

use std::fmt;
use std::path::{Path, PathBuf};

/// A file that could not be read, parsed or rewritten.
#[derive(Debug)]
pub struct Error {
    path: PathBuf,
    kind: ErrorKind,
}

/// What went wrong.
#[derive(Debug)]
#[non_exhaustive]
pub enum ErrorKind {
    /// Reading or writing the file.
    Io(std::io::Error),
    /// The file is not Rust syntax, or an `#[odata(...)]` or `#[derive(...)]` attribute in it is
    /// not a list of arguments.
    Parse(syn::Error),
    /// An odata-core type with no plain counterpart (the twin would not build).
    UnknownType {
        /// The item whose field uses it.
        item: String,
        /// The type's name in odata-core.
        name: String,
    },
    /// A holder variant whose type is not a derived type of the crate, so its `@odata.type`
    /// name is unknown.
    UnknownVariantType {
        /// The holder enum.
        item: String,
        /// The variant.
        variant: String,
    },
    /// The output directory is the input directory.
    SameDirectory,
}

impl Error {
    pub(crate) fn new(path: &Path, kind: ErrorKind) -> Self {
        Error { path: path.to_path_buf(), kind }
    }

    /// The file (or directory) concerned.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// What went wrong.
    pub fn kind(&self) -> &ErrorKind {
        &self.kind
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = self.path.display();
        match &self.kind {
            ErrorKind::Io(_) => write!(f, "{path}: cannot read or write"),
            ErrorKind::Parse(e) => write!(f, "{path}: {e}"),
            ErrorKind::UnknownType { item, name } => {
                write!(f, "{path}: `{item}` uses `odata_core::{name}`, which has no plain serde counterpart")
            }
            ErrorKind::UnknownVariantType { item, variant } => write!(
                f,
                "{path}: variant `{variant}` of `{item}` holds a type that is not derived in this crate; its \
                 `@odata.type` name is unknown"
            ),
            ErrorKind::SameDirectory => write!(f, "{path}: the twin must go to a directory of its own"),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &self.kind {
            ErrorKind::Io(e) => Some(e),
            _ => None,
        }
    }
}
