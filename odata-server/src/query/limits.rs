//! Bounds on what one request may ask, so that no query option costs unbounded memory, stack or
//! database time.

/// Limits enforced while parsing query options; each exceeded limit is a [`QueryError`]
/// (`400 Bad Request`) that names it.
///
/// [`QueryError`]: super::QueryError
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// The largest `$top` accepted (default 10,000).
    pub max_top: u64,
    /// How deep `$expand` may nest, `$levels` included (default 4).
    pub max_expand_depth: usize,
    /// The longest `$filter` (and `$orderby`, `$search`) value accepted, in bytes after
    /// percent-decoding (default 8,192).
    pub max_filter_length: usize,
    /// How deep an expression may nest: parentheses, `not`, negation, lambdas and operands of
    /// operators (default 64). Also bounds the recursion of everything that walks the expression.
    pub max_filter_depth: usize,
    /// The most values in one `in (...)` list (default 1,000).
    pub max_in_list: usize,
}

impl Limits {
    /// The default limits.
    pub const DEFAULT: Limits = Limits {
        max_top: 10_000,
        max_expand_depth: 4,
        max_filter_length: 8_192,
        max_filter_depth: 64,
        max_in_list: 1_000,
    };

    /// The nesting depth actually enforced: the configured one, but never more than 256, which
    /// keeps the parser's recursion well inside a thread's stack.
    pub(crate) fn depth(&self) -> usize {
        self.max_filter_depth.min(256)
    }
}

impl Default for Limits {
    fn default() -> Self {
        Limits::DEFAULT
    }
}
