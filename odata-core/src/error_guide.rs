//! # Errors, and what to do about them
//!
//! Every failure names where it happened and what was expected. This page lists each kind with
//! a real message and the fix. Messages of decode errors start with the JSON path and end with
//! the OData type being read, so a log line alone says which response member was wrong.
//!
//! ## Reading responses
//!
//! | kind | example message | what to do |
//! |---|---|---|
//! | value of the wrong type | `` $.value[0].failureInfo.reason: invalid type: integer `7`, expected Edm.String (microsoft.graph.callRecords.failureInfo) at line 1 column 49 `` | The service sent another type than the model says: check the docs page of the type; if the service is right, change the field's Rust type. |
//! | type outside the hierarchy | `$.value[0].caller.@odata.type: the value's type microsoft.graph.callRecords.clientUserAgent is not microsoft.graph.callRecords.endpoint or a type derived from it (microsoft.graph.callRecords.endpoint) at line 1 column 94` | `@odata.type` names a known type that cannot stand here: a service bug, or a wrong `base_type` in the model. Types the model does not know at all are kept, not errors. |
//! | property twice | `$.value[0].id: the property appears twice in one object (microsoft.graph.callRecords.session) at line 1 column 24` | Malformed JSON from the service or a proxy; nothing is guessed. |
//! | not JSON / truncated | `$.value[0]: EOF while parsing an object at line 1 column 19` | A cut-off body: retry; check proxies and timeouts. |
//! | too deep | `$.value[0].segments@ns.x: recursion limit exceeded (microsoft.graph.callRecords.session) at line 1 column 160` | More than 128 nested arrays or objects where a value is built (an annotation of a navigation property): hostile or broken input. Unknown properties are kept as their text at any depth. |
//! | body not the value asked for | `200 OK, but the body did not decode: ...` ([`ResponseErrorKind::Decode`](crate::request::ResponseErrorKind::Decode)) | As above, with the HTTP status. |
//!
//! ## Service answers
//!
//! | kind | example message | what to do |
//! |---|---|---|
//! | service error | `` 400 Bad Request: BadRequest: Invalid filter clause (target `$filter`) `` ([`ResponseErrorKind::Service`](crate::request::ResponseErrorKind::Service)) | Read `error.code`, `message`, `target`, `details`; every other member (`innerError`, annotations) is in `additional`. |
//! | not an OData error | `502 Bad Gateway: <html>bad gateway</html>` ([`ResponseErrorKind::Status`](crate::request::ResponseErrorKind::Status)) | A proxy or gateway answered: retry later. |
//! | stale ETag | `412 Precondition Failed: the entity changed since its ETag was read` ([`ResponseErrorKind::PreconditionFailed`](crate::request::ResponseErrorKind::PreconditionFailed)) | Someone else wrote first: read the entity again, reapply the change ([`Changes::diff`](crate::request::Changes::diff)), send it with the new ETag. |
//! | ETag required | `428 Precondition Required: the service requires If-Match` | Read the entity and send its `additional_data.etag()` (or `If-Match: *` to overwrite knowingly). |
//! | not modified | `304 Not Modified` ([`ResponseErrorKind::NotModified`](crate::request::ResponseErrorKind::NotModified)) | The copy read with `If-None-Match` is current: keep it. |
//!
//! ## Writing and paging
//!
//! | kind | example message | what to do |
//! |---|---|---|
//! | key changed | `` the key property `id` of test.document changed; an update cannot change a key `` ([`ChangeError::KeyChanged`](crate::request::ChangeError::KeyChanged)) | Create a new entity (and delete the old one) instead. |
//! | invalid `$batch` | `` batch request `1` depends on `7`, which is no earlier request or atomicity group; add that first `` | Order the requests so that each depends on earlier ones. |
//! | repeated next link | `` the service repeated the @odata.nextLink `...` `` (odata-client) | A service bug that would loop forever; the pages read so far are valid. |
//! | foreign next link | `` invalid @odata.nextLink `https://attacker.example/...`: it leads to another origin than the service root `` | The token would be sent elsewhere; refused. Report it to the service owner. |
//! | page cap | `stopped after the page limit of 20 pages` | Raise `max_pages`, or narrow the query (`$filter`, `$top`). |
//!
//! ## At compile time
//!
//! | mistake | message | fix |
//! |---|---|---|
//! | misspelled property in a query | `` no associated item named `START_DATETIME` found for struct `Session` `` (with "a similar name" hint) | Use the suggested constant. |
//! | literal of the wrong type | `` `&str` cannot be compared with a value of type `DateTimeOffset` `` | Parse the value into the property's type first (`DateTimeOffset::parse`). |
//! | `$expand` of a structural property | `` expected `Expr<_, _, Navigation>`, found `Expr<Session, FailureInfo, Member>` `` | `$select` it instead; `$expand` is for navigation properties. |
//! | key or read-only property in an update | `` expected `Expr<_, _, Member>`, found `Expr<Entity, String, Key>` `` | Keys and computed properties cannot be changed. |
//! | property of another type | `` the expression is over a type that `Entity` does not derive from `` | Use a property of the queried type or of its base types. |
//! | attribute mistakes in a derive | spanned at the attribute, e.g. `` `#[odata(read_only)]` applies to structural properties; remove it `` | As the message says. |
//!
//! The decode and service messages above are checked by the crate's tests (`tests/` of the
//! workspace); the compile-time ones by its trybuild cases (`tests/ui/`).
