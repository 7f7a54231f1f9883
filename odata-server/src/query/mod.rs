//! System query options (`$filter`, `$select`, `$expand`, `$orderby`, `$top`, `$skip`, `$count`,
//! `$search`, ...) parsed and checked against the model.
