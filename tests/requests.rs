//! Typed paths and query options reproduce the request URLs of the Graph docs pages, and keep
//! every value a literal.

use odata_core::query::{CompoundKey, Query, Resource, ServiceRoot, UrlConventions};
use odata_core::{DateTimeOffset, ODataType};
use odata_graph::Entity;
use odata_graph::call_records::{CallRecord, GetDirectRoutingCalls, GetPstnCalls, Modality, Session};
use percent_encoding::percent_decode_str;

/// Every `GET https://graph.microsoft.com/...` line of the v1.0 docs pages.
fn docs_urls() -> Vec<String> {
    let dir = odata_tests::graph_fixtures().join("docs/v1.0");
    let mut urls = Vec::new();
    for entry in std::fs::read_dir(&dir).expect("docs folder") {
        let text = std::fs::read_to_string(entry.expect("entry").path()).expect("docs page");
        for line in text.lines() {
            if let Some(url) = line.trim().strip_prefix("GET https://graph.microsoft.com/") {
                urls.push(format!("https://graph.microsoft.com/{url}"));
            }
        }
    }
    urls.sort();
    urls.dedup();
    urls
}

/// The URL as the docs write it: percent-decoded.
fn decoded(url: &str) -> String {
    percent_decode_str(url).decode_utf8().expect("UTF-8").into_owned()
}

fn call_records() -> Resource<Vec<CallRecord>> {
    ServiceRoot::graph_v1().entity_set::<CallRecord>("communications/callRecords")
}

fn date(text: &str) -> DateTimeOffset {
    DateTimeOffset::parse(text).expect("date")
}

#[test]
fn docs_request_urls_come_from_typed_calls() {
    let record = "e523d2ed-2966-4b6b-925b-754a88034cc5";
    let built = [
        call_records().url(),
        call_records().key("614e3ff0-4728-4394-8c03-52fb3b967fde").navigate(CallRecord::PARTICIPANTS_V2).url(),
        call_records().key(record).url(),
        call_records().key(record).url_with(&Query::<CallRecord>::new().expand(CallRecord::PARTICIPANTS_V2)),
        call_records()
            .key(record)
            .url_with(&Query::<CallRecord>::new().expand_with(CallRecord::SESSIONS, |s| s.expand(Session::SEGMENTS))),
        call_records().key("{id}").navigate(CallRecord::SESSIONS).url(),
        call_records()
            .key("{id}")
            .navigate(CallRecord::SESSIONS)
            .url_with(&Query::<Session>::new().expand(Session::SEGMENTS)),
        call_records().url_with(
            &Query::<CallRecord>::new()
                .filter(CallRecord::PARTICIPANTS_V2.any(|_| Entity::ID.eq("821809f5-0000-0000-0000-3b5136c0e777"))),
        ),
        call_records().url_with(
            &Query::<CallRecord>::new().filter(
                CallRecord::START_DATE_TIME
                    .ge(date("2023-09-25T09:25:00Z"))
                    .and(CallRecord::START_DATE_TIME.lt(date("2023-09-25T09:30:00Z"))),
            ),
        ),
    ];
    let docs = docs_urls();
    for url in &built {
        let url = decoded(url);
        assert!(docs.contains(&url), "{url} is not a request URL of the docs:\n{docs:#?}");
    }

    // The functions' parameters are Edm.DateTimeOffset: we write the full literal where the docs
    // shorten it to a date (which Graph also accepts).
    let range = (date("2019-11-01T00:00:00Z"), date("2019-12-01T00:00:00Z"));
    let pstn = call_records().call(&GetPstnCalls { from_date_time: range.0, to_date_time: range.1 });
    let direct = call_records().call(&GetDirectRoutingCalls { from_date_time: range.0, to_date_time: range.1 });
    for (url, function) in [(pstn.url(), "getPstnCalls"), (direct.url(), "getDirectRoutingCalls")] {
        let shortened = decoded(&url).replace("T00:00:00Z", "");
        assert!(docs.contains(&shortened), "{shortened}");
        assert!(
            url.ends_with(&format!("/{function}(fromDateTime=2019-11-01T00:00:00Z,toDateTime=2019-12-01T00:00:00Z)"))
        );
    }
}

#[test]
fn standard_conventions_quote_keys_and_qualify_operations() -> Result<(), Box<dyn std::error::Error>> {
    let root = ServiceRoot::new("http://127.0.0.1:4004/odata/v4/svc/")?;
    assert_eq!(root.clone().with_conventions(UrlConventions::STANDARD).conventions(), UrlConventions::default());
    let records = root.entity_set::<CallRecord>("CallRecords");
    let path = records.clone().key("a'b").navigate(CallRecord::SESSIONS).key("s/1").navigate(Session::SEGMENTS);
    assert_eq!(path.url(), "http://127.0.0.1:4004/odata/v4/svc/CallRecords('a''b')/sessions('s%2F1')/segments");
    let call = records.clone().call(&GetPstnCalls {
        from_date_time: date("2019-11-01T00:00:00+01:00"),
        to_date_time: date("2019-12-01T00:00:00Z"),
    });
    assert_eq!(
        call.path(),
        "CallRecords/microsoft.graph.callRecords.getPstnCalls(fromDateTime=2019-11-01T00:00:00%2B01:00,toDateTime=2019-12-01T00:00:00Z)"
    );
    assert_eq!(records.clone().count().url(), "http://127.0.0.1:4004/odata/v4/svc/CallRecords/$count");
    assert_eq!(
        records.key_value(CompoundKey::new().part("tenant", "t").part("id", 7i64)).path(),
        "CallRecords(tenant='t',id=7)"
    );
    Ok(())
}

#[test]
fn no_value_changes_the_meaning_of_a_query() {
    let hostile = "x' or 1 eq 1 or 'x";
    let query = Query::<Session>::new().filter(Entity::ID.eq(hostile));
    assert_eq!(query.to_pairs(), [("$filter".to_owned(), "id eq 'x'' or 1 eq 1 or ''x'".to_owned())]);
    // URL structure is encoded: the filter stays one option.
    let query = Query::<Session>::new().filter(Entity::ID.eq("a&$top=1#b+c%20"));
    assert_eq!(query.to_query_string(), "$filter=id%20eq%20'a%26$top=1%23b%2Bc%2520'");
    let key = call_records().key("../x?$top=1");
    assert_eq!(key.path(), "communications/callRecords/..%2Fx%3F$top=1");
    // Non-ASCII is UTF-8, percent-encoded.
    let query = Query::<Session>::new().filter(Entity::ID.eq("Zoë 東京"));
    assert_eq!(query.to_query_string(), "$filter=id%20eq%20'Zo%C3%AB%20%E6%9D%B1%E4%BA%AC'");
}

#[test]
fn options_are_typed_by_the_queried_type() {
    let query = Query::<Session>::new()
        .select(Entity::ID)
        .select(Session::START_DATE_TIME)
        .select(Session::FAILURE_INFO.then(odata_graph::call_records::FailureInfo::REASON))
        .filter(Session::MODALITIES.any(|m| m.eq(Modality::Audio)))
        .filter(Session::CALLER.is_not_null())
        .order_by_desc(Session::START_DATE_TIME)
        .top(10)
        .count(true);
    assert_eq!(
        query.to_pairs(),
        [
            ("$select", "id,startDateTime,failureInfo/reason"),
            ("$filter", "modalities/any(m:m eq microsoft.graph.callRecords.modality'audio') and caller ne null"),
            ("$orderby", "startDateTime desc"),
            ("$top", "10"),
            ("$count", "true"),
        ]
        .map(|(a, b)| (a.to_owned(), b.to_owned()))
    );
    let nested = Query::<CallRecord>::new().expand_with(CallRecord::SESSIONS, |sessions| {
        sessions
            .select(Entity::ID)
            .filter(Session::START_DATE_TIME.year().eq(2023))
            .order_by(Entity::ID)
            .top(2)
            .count(true)
    });
    assert_eq!(
        nested.to_pairs()[0].1,
        "sessions($select=id;$filter=year(startDateTime) eq 2023;$orderby=id;$top=2;$count=true)"
    );
    assert_eq!(<Session as ODataType>::QUALIFIED_NAME, "microsoft.graph.callRecords.session");
}

/// A function with a collection parameter, as Graph has (`labelIds`).
#[derive(odata_core::ODataFunction, Debug, Clone, PartialEq)]
#[odata(name = "test.labelled", bound_to = "Vec<CallRecord>", returns = "Vec<CallRecord>")]
pub struct Labelled {
    /// Written as a JSON array in the URL.
    pub label_ids: Vec<String>,
    /// A literal.
    pub top: i32,
}

#[test]
fn collection_parameters_are_json_arrays() {
    let call = call_records().call(&Labelled { label_ids: vec!["a'b".into(), "c&d".into()], top: 2 });
    assert_eq!(decoded(call.path()), r#"communications/callRecords/labelled(labelIds=["a'b","c&d"],top=2)"#);
    assert!(call.path().contains("%26"), "{}", call.path());
}

/// A function taking single entity and complex values: the derives write them as JSON objects
/// (`complexInUri`), a derived type with its `@odata.type`.
#[derive(odata_core::ODataFunction, Debug, Clone, PartialEq)]
#[odata(name = "test.near", bound_to = "Vec<CallRecord>", returns = "Vec<CallRecord>")]
pub struct Near {
    /// A complex value of a polymorphic type.
    pub caller: odata_graph::call_records::AnyEndpoint,
    /// An entity value.
    pub session: Session,
}

#[test]
fn structured_parameters_are_json_objects() {
    use odata_graph::call_records::{AnyEndpoint, ServiceEndpoint};
    let session = Session { entity: Entity { id: Some("s&1".into()), ..Entity::default() }, ..Session::default() };
    let near = Near { caller: AnyEndpoint::ServiceEndpoint(ServiceEndpoint::default()), session };
    let call = call_records().call(&near);
    assert_eq!(
        decoded(call.path()),
        r##"communications/callRecords/near(caller={"@odata.type":"#microsoft.graph.callRecords.serviceEndpoint"},session={"id":"s&1"})"##
    );
    assert!(call.path().contains("%26") && call.path().contains("%23"), "{}", call.path());
}

/// A response body from the directory fixtures (Graph v1.0 docs, see their README).
fn directory_body(name: &str) -> http::Response<Vec<u8>> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/graph-directory").join(name);
    let body = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    http::Response::builder().status(200).body(body).expect("response")
}

/// A keyed entity type that keeps nothing it does not declare.
#[derive(odata_core::ODataEntity, Debug, Clone, Default, PartialEq)]
#[odata(type = "test.lean", key_property = "id")]
struct Lean {
    id: Option<String>,
}

#[test]
fn a_response_of_the_other_shape_is_a_typed_error() {
    use odata_core::request::{ReadRequest, ResponseError, ResponseErrorKind, Shape};
    use odata_graph::directory::{Group, User};
    let single = |status: u16, context: Option<&str>| {
        let kind = ResponseErrorKind::Shape {
            expected: Shape::Single,
            found: Shape::Collection,
            context: context.map(str::to_owned),
        };
        ResponseError::new(http::StatusCode::from_u16(status).expect("status"), kind)
    };
    // A collection where one group was asked for: with a context URL that names the set (a
    // set or a singleton, so the `value` array tells), and without any.
    let group = ReadRequest::<Group>::from_url("https://graph.microsoft.com/v1.0/groups/x");
    assert_eq!(
        group.read_response(directory_body("group-list-transitivemembers-4.json")),
        Err(single(200, Some("https://graph.microsoft.com/v1.0/$metadata#users(displayName,id)")))
    );
    assert_eq!(group.read_response(directory_body("user-list-memberof-1.json")), Err(single(200, None)));
    // The same for a type that keeps no unknown data (the body itself is looked at).
    let lean = ReadRequest::<Lean>::from_url("https://h/svc/Leans('1')");
    assert_eq!(lean.read_response(directory_body("user-list-memberof-1.json")), Err(single(200, None)));
    let ok = http::Response::builder().status(200).body(br#"{"id": "1", "extra": [1]}"#.to_vec()).expect("response");
    assert_eq!(lean.read_response(ok), Ok(Lean { id: Some("1".into()) }));

    // One entity where a collection was asked for: its context URL says `$entity`, or it has no
    // `value` array.
    let groups = ReadRequest::<Vec<Group>>::from_url("https://graph.microsoft.com/v1.0/groups");
    let error = groups.read_response(directory_body("group-get-1.json")).expect_err("a single group");
    assert_eq!(error.status(), http::StatusCode::OK);
    assert_eq!(
        error.kind(),
        &ResponseErrorKind::Shape {
            expected: Shape::Collection,
            found: Shape::Single,
            context: Some("https://graph.microsoft.com/v1.0/$metadata#groups/$entity".into()),
        }
    );
    assert_eq!(
        error.to_string(),
        "200 OK, but the body is a single value where a collection was asked for \
         (@odata.context https://graph.microsoft.com/v1.0/$metadata#groups/$entity)"
    );
    let users = ReadRequest::<Vec<User>>::from_url("https://graph.microsoft.com/v1.0/users");
    assert!(
        matches!(
            users.read_response(directory_body("user-get-1.json")).as_ref().map_err(ResponseError::kind),
            Err(ResponseErrorKind::Shape { found: Shape::Single, context: None, .. })
        ),
        "no context, no value array"
    );
    // A page whose context says `$entity` is not a page either.
    let odd = br#"{"@odata.context": "https://h/$metadata#groups/$entity", "value": []}"#.to_vec();
    let odd = http::Response::builder().status(200).body(odd).expect("response");
    assert!(matches!(
        groups.read_response(odd).as_ref().map_err(ResponseError::kind),
        Err(ResponseErrorKind::Shape { found: Shape::Single, .. })
    ));
    // The right shapes read as before.
    assert!(group.read_response(directory_body("group-get-1.json")).is_ok());
    assert_eq!(groups.read_response(directory_body("group-list-transitivemembers-4.json")).map(|p| p.len()), Ok(1));
    // Decoded directly, a single object is no page either: an error at `$`.
    let message = serde_json::from_str::<odata_core::Page<User>>(r#"{"id": "1"}"#).expect_err("no value").to_string();
    assert!(message.starts_with("$: expected a collection response"), "{message}");
}
