//! Sign-in with `ClientCredentials` (feature `client-credentials`) against a scripted token
//! endpoint and OData service on 127.0.0.1: the form sent, the token reused and refreshed before
//! it expires, one token request for concurrent requests, the endpoint's OAuth error as a typed
//! error (Microsoft's documented answer, `tests/fixtures/identity-platform/`), a `401` answered by
//! one new token and one resend, and no secret in `Debug` or `tracing`.

mod support;

use std::sync::{Arc, Mutex};
use std::time::Duration;

use odata_client::http::StatusCode;
use odata_client::{Client, ClientCredentials, ClientCredentialsBuilder, Error, RetryPolicy, SignInError, StaticToken};
use odata_core::query::{Query, ServiceRoot};
use odata_graph::call_records::CallRecord;
use support::{Recorder, Reply, Seen, Server, reply, serve, with_header};

const TOKEN_PATH: &str = "/contoso.onmicrosoft.com/oauth2/v2.0/token";
const CLIENT_ID: &str = "535fb089-9ff3-47b6-9bfb-4f1264799865";
/// A secret with characters that the form must encode.
const SECRET: &str = "s3cr&t=value+/~";
const GRAPH_SCOPE: &str = "https://graph.microsoft.com/.default";

fn fixture(name: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/identity-platform").join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// A token answer as Microsoft's documentation shows it, with another token and lifetime.
fn token_answer(token: &str, expires_in: u64) -> Reply {
    let mut answer: serde_json::Value = serde_json::from_str(&fixture("token-response.json")).expect("fixture");
    answer["access_token"] = token.into();
    answer["expires_in"] = expires_in.into();
    reply(200, &answer.to_string())
}

/// One server: a token endpoint at `TOKEN_PATH` that issues `t1`, `t2`, ... valid for
/// `expires_in` seconds, and the service under `/svc`, answered by `service`.
fn serve_signin(expires_in: u64, mut service: impl FnMut(&Seen) -> Reply + Send + 'static) -> Server {
    let mut issued = 0;
    serve(Box::new(move |_, seen| {
        if seen.target == TOKEN_PATH {
            issued += 1;
            token_answer(&format!("t{issued}"), expires_in)
        } else {
            service(seen)
        }
    }))
}

fn credentials(server: &Server) -> ClientCredentialsBuilder {
    ClientCredentials::builder(format!("{}{TOKEN_PATH}", server.origin), CLIENT_ID)
        .client_secret(SECRET)
        .scope(GRAPH_SCOPE)
}

fn client(server: &Server, credentials: ClientCredentials) -> Client {
    let root = ServiceRoot::new(&server.root).expect("root");
    Client::builder(root).retry(RetryPolicy::none()).auth(credentials).build().expect("client")
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread().enable_all().build().expect("runtime")
}

fn count(client: &Client) -> Result<u64, Error> {
    runtime().block_on(client.count(&client.root().entity_set::<CallRecord>("Records"), &Query::new()))
}

fn token_requests(server: &Server) -> usize {
    server.seen().iter().filter(|seen| seen.target == TOKEN_PATH).count()
}

/// The `Authorization` header of each request to the service, in order.
fn bearers(server: &Server) -> Vec<String> {
    server
        .seen()
        .iter()
        .filter(|seen| seen.target != TOKEN_PATH)
        .map(|seen| seen.header("authorization").unwrap_or("none").to_owned())
        .collect()
}

#[test]
fn the_token_request_is_the_client_credentials_form_of_rfc_6749() {
    let server = serve_signin(3599, |_| reply(200, "1"));
    let client = client(&server, credentials(&server).build().expect("credentials"));
    assert_eq!(count(&client).expect("count"), 1);
    let seen = server.seen();
    let token = &seen[0];
    assert_eq!((token.method.as_str(), token.target.as_str()), ("POST", TOKEN_PATH));
    assert_eq!(token.header("content-type"), Some("application/x-www-form-urlencoded"));
    assert_eq!(token.header("accept"), Some("application/json"));
    assert_eq!(token.header("authorization"), None);
    assert_eq!(
        token.body,
        "grant_type=client_credentials&client_id=535fb089-9ff3-47b6-9bfb-4f1264799865\
         &client_secret=s3cr%26t%3Dvalue%2B%2F%7E&scope=https%3A%2F%2Fgraph.microsoft.com%2F.default"
    );
    assert_eq!(bearers(&server), ["Bearer t1"]);
}

#[test]
fn a_client_assertion_is_sent_in_place_of_the_secret() {
    let server = serve_signin(3599, |_| reply(200, "1"));
    let assertion = "eyJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJ4In0.c2lnbmF0dXJl";
    let credentials = credentials(&server).client_assertion(assertion).build().expect("credentials");
    count(&client(&server, credentials)).expect("count");
    assert_eq!(
        server.seen()[0].body,
        format!(
            "grant_type=client_credentials&client_id={CLIENT_ID}\
             &client_assertion_type=urn%3Aietf%3Aparams%3Aoauth%3Aclient-assertion-type%3Ajwt-bearer\
             &client_assertion={assertion}&scope=https%3A%2F%2Fgraph.microsoft.com%2F.default"
        )
    );
}

#[test]
fn a_token_is_reused_across_requests_while_it_is_fresh() {
    let server = serve_signin(3599, |_| reply(200, "1"));
    let client = client(&server, credentials(&server).build().expect("credentials"));
    for _ in 0..3 {
        count(&client).expect("count");
    }
    assert_eq!(token_requests(&server), 1);
    assert_eq!(bearers(&server), ["Bearer t1", "Bearer t1", "Bearer t1"]);
}

#[test]
fn a_token_is_refreshed_within_the_margin_before_it_expires() {
    // Valid for 60 s, refreshed once less than 59.8 s remain: fresh for 200 ms only.
    let server = serve_signin(60, |_| reply(200, "1"));
    let credentials = credentials(&server).refresh_margin(Duration::from_millis(59_800)).build().expect("credentials");
    let client = client(&server, credentials);
    count(&client).expect("count");
    std::thread::sleep(Duration::from_millis(300));
    count(&client).expect("count");
    assert_eq!(token_requests(&server), 2);
    assert_eq!(bearers(&server), ["Bearer t1", "Bearer t2"]);
}

#[test]
fn concurrent_requests_share_one_token_request() {
    let server = serve_signin(3599, |_| reply(200, "1"));
    let client = client(&server, credentials(&server).build().expect("credentials"));
    let records = client.root().entity_set::<CallRecord>("Records");
    let query = Query::new();
    let counts = runtime()
        .block_on(futures_util::future::join_all((0..8).map(|_| client.count(&records, &query))))
        .into_iter()
        .collect::<Result<Vec<_>, _>>()
        .expect("counts");
    assert_eq!(counts, [1; 8]);
    assert_eq!(token_requests(&server), 1);
    assert_eq!(bearers(&server), vec!["Bearer t1"; 8]);
}

#[test]
fn an_oauth_error_answer_is_a_typed_error_with_the_aadsts_code() {
    let server = serve(Box::new(|_, _| reply(400, &fixture("token-error-invalid-scope.json"))));
    let client = client(&server, credentials(&server).build().expect("credentials"));
    let error = count(&client).expect_err("refused");
    let Some(SignInError::Refused { endpoint, status, error: oauth }) = error.sign_in() else {
        panic!("not a refused sign-in: {error:?}");
    };
    assert_eq!(endpoint, &format!("{}{TOKEN_PATH}", server.origin));
    assert_eq!(*status, StatusCode::BAD_REQUEST);
    assert_eq!(oauth.error, "invalid_scope");
    assert_eq!(oauth.aadsts(), Some("AADSTS70011"));
    assert_eq!(oauth.codes, [70011]);
    assert_eq!(oauth.trace_id.as_deref(), Some("255d1aef-8c98-452f-ac51-23d051240864"));
    assert_eq!(oauth.correlation_id.as_deref(), Some("fb3d2015-bc17-4bb9-bb85-30c5cf1aaaa7"));
    assert!(oauth.description.as_deref().is_some_and(|d| d.ends_with("Timestamp: 2016-01-09 02:02:12Z")));
    assert_eq!(error.to_string(), "the token provider failed");
    let cause = std::error::Error::source(&error).expect("the sign-in error").to_string();
    assert_eq!(
        cause,
        format!(
            "the token endpoint `{}{TOKEN_PATH}` refused the sign-in (400 Bad Request): invalid_scope: AADSTS70011: \
             The provided value for the input parameter 'scope' is not valid. The scope \
             https://foo.microsoft.com/.default is not valid.",
            server.origin
        )
    );
    // The service was not asked without a token.
    assert_eq!(server.seen().len(), 1);
}

#[test]
fn an_answer_that_is_neither_token_nor_oauth_error_is_named_with_its_status() {
    let server = serve(Box::new(|_, seen| {
        if seen.target == TOKEN_PATH {
            Reply { headers: vec![("content-type", "text/html".into())], ..reply(502, "<html>Bad gateway</html>") }
        } else {
            reply(200, "1")
        }
    }));
    let client = client(&server, credentials(&server).build().expect("credentials"));
    let error = count(&client).expect_err("no token");
    let Some(SignInError::InvalidResponse { status, reason, .. }) = error.sign_in() else {
        panic!("not an invalid answer: {error:?}");
    };
    assert_eq!((*status, reason.as_str()), (StatusCode::BAD_GATEWAY, "not an OAuth error: `<html>Bad gateway</html>`"));
}

#[test]
fn a_lifetime_sent_as_text_is_read_and_a_token_type_other_than_bearer_is_refused() {
    // Azure AD's v1 endpoints send `expires_in` as a string.
    let answers = [
        r#"{"token_type":"Bearer","expires_in":"3599","access_token":"v1"}"#,
        r#"{"token_type":"pop","expires_in":3599,"access_token":"p"}"#,
    ];
    for (answer, expected) in answers.into_iter().zip([Ok("Bearer v1"), Err("the token type is `pop`, not `Bearer`")]) {
        let server = serve(Box::new(
            move |_, seen| if seen.target == TOKEN_PATH { reply(200, answer) } else { reply(200, "1") },
        ));
        let client = client(&server, credentials(&server).build().expect("credentials"));
        match (count(&client), expected) {
            (Ok(_), Ok(bearer)) => assert_eq!(bearers(&server), [bearer]),
            (Err(error), Err(reason)) => match error.sign_in() {
                Some(SignInError::InvalidResponse { status: StatusCode::OK, reason: got, .. }) => {
                    assert_eq!(got, reason)
                }
                _ => panic!("{error:?}"),
            },
            (result, expected) => panic!("{result:?}, expected {expected:?}"),
        }
    }
}

#[test]
fn a_token_endpoint_that_does_not_answer_is_unreachable_with_the_transport_error_as_source() {
    let port = std::net::TcpListener::bind("127.0.0.1:0").expect("bind").local_addr().expect("address").port();
    let server = serve(Box::new(|_, _| reply(200, "1")));
    let credentials = ClientCredentials::builder(format!("http://127.0.0.1:{port}/token"), CLIENT_ID)
        .client_secret(SECRET)
        .scope(GRAPH_SCOPE)
        .build()
        .expect("credentials");
    let error = count(&client(&server, credentials)).expect_err("nobody listens");
    let Some(sign_in @ SignInError::Unreachable { endpoint, .. }) = error.sign_in() else {
        panic!("not unreachable: {error:?}");
    };
    assert_eq!(endpoint, &format!("http://127.0.0.1:{port}/token"));
    assert!(std::error::Error::source(sign_in).is_some_and(|cause| cause.is::<reqwest::Error>()));
    assert!(server.seen().is_empty());
}

#[test]
fn a_401_from_the_service_gets_one_new_token_and_one_resend_even_of_a_write() {
    let mut refused = false;
    let server = serve_signin(3599, move |_| {
        if refused {
            reply(204, "")
        } else {
            refused = true;
            with_header(
                reply(
                    401,
                    r#"{"error":{"code":"InvalidAuthenticationToken","message":"Access token has expired or is not yet valid."}}"#,
                ),
                "www-authenticate",
                "Bearer error=\"invalid_token\"",
            )
        }
    });
    let client = client(&server, credentials(&server).build().expect("credentials"));
    let records = client.root().entity_set::<CallRecord>("Records");
    runtime().block_on(client.delete(&records.key("r1"), None)).expect("deleted after a new sign-in");
    assert_eq!(token_requests(&server), 2);
    assert_eq!(bearers(&server), ["Bearer t1", "Bearer t2"]);
}

#[test]
fn a_second_401_is_returned_as_the_error() {
    let server =
        serve_signin(3599, |_| reply(401, r#"{"error":{"code":"InvalidAuthenticationToken","message":"no"}}"#));
    let client = client(&server, credentials(&server).build().expect("credentials"));
    let error = count(&client).expect_err("refused twice");
    assert_eq!(error.status(), Some(StatusCode::UNAUTHORIZED));
    assert_eq!(token_requests(&server), 2);
    assert_eq!(bearers(&server), ["Bearer t1", "Bearer t2"]);
}

#[test]
fn a_static_token_refused_with_401_is_not_sent_again() {
    let server = serve(Box::new(|_, _| reply(401, "{}")));
    let root = ServiceRoot::new(&server.root).expect("root");
    let client = Client::builder(root).auth(StaticToken::new("fixed")).build().expect("client");
    let error = count(&client).expect_err("refused");
    assert_eq!(error.status(), Some(StatusCode::UNAUTHORIZED));
    assert_eq!(server.seen().len(), 1);
}

#[test]
fn neither_debug_nor_tracing_shows_the_secret_or_a_token() {
    let server = serve_signin(3599, |_| reply(200, "1"));
    let recorder = Recorder::default();
    let credentials = credentials(&server).build().expect("credentials");
    let debug = format!("{credentials:?} {:?}", ClientCredentials::builder("https://x", "id").client_secret(SECRET));
    assert!(!debug.contains(SECRET), "{debug}");
    assert!(debug.contains("client_secret(..)"), "{debug}");
    tracing::subscriber::with_default(recorder.clone(), || count(&client(&server, credentials))).expect("count");
    let spans = recorder.spans.lock().expect("spans").clone();
    let sign_in = spans.iter().find(|(name, _)| name == "odata.sign_in").expect("a sign-in span");
    let endpoint = format!("endpoint={}{TOKEN_PATH}", server.origin);
    for expected in
        [endpoint.as_str(), "client_id=535fb089-9ff3-47b6-9bfb-4f1264799865", "status=200", "expires_in=3599"]
    {
        assert!(sign_in.1.iter().any(|f| f == expected), "{expected} not in {:?}", sign_in.1);
    }
    let recorded = format!("{spans:?} {:?}", recorder.events.lock().expect("events"));
    assert!(!recorded.contains(SECRET) && !recorded.contains("t1"), "{recorded}");
}

#[test]
fn the_microsoft_graph_settings_name_the_tenant_endpoint_and_the_default_scope() {
    let credentials = ClientCredentials::microsoft_graph("contoso.onmicrosoft.com", CLIENT_ID)
        .client_secret(SECRET)
        .build()
        .expect("ok");
    assert_eq!(credentials.token_url(), "https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token");
    assert_eq!(credentials.scope(), GRAPH_SCOPE);
    assert_eq!(credentials.client_id(), CLIENT_ID);
}

#[test]
fn settings_that_cannot_sign_in_are_refused_by_build() {
    let message = |builder: ClientCredentialsBuilder| match builder.build() {
        Ok(_) => "built".to_owned(),
        Err(error) => match error.sign_in() {
            Some(SignInError::InvalidSettings(reason)) => reason.clone(),
            _ => format!("{error:?}"),
        },
    };
    let graph = |tenant: &str| ClientCredentials::microsoft_graph(tenant, CLIENT_ID).client_secret(SECRET);
    assert_eq!(message(graph("a/b")), "the tenant `a/b` is neither a tenant id nor a domain");
    assert_eq!(message(graph("contoso.onmicrosoft.com").scope("")), "built");
    assert_eq!(
        message(ClientCredentials::microsoft_graph("contoso", CLIENT_ID)),
        "no client secret and no client assertion"
    );
    assert_eq!(
        message(ClientCredentials::builder("https://login.example.com/token", CLIENT_ID).client_secret(SECRET)),
        "no scope"
    );
    let url = |url: &str| message(ClientCredentials::builder(url, CLIENT_ID).client_secret(SECRET).scope("s"));
    assert_eq!(
        url("http://login.example.com/token"),
        "the token URL `http://login.example.com/token` is not https (the secret would travel in clear)"
    );
    assert_eq!(url("token"), "the token URL `token` is not an absolute URL");
    for loopback in ["http://127.0.0.1:8080/token", "http://[::1]/token", "http://localhost/token"] {
        assert_eq!(url(loopback), "built");
    }
}

/// Two refusals in a row from the service, then concurrent requests: all of them signed in again
/// through one token request.
#[test]
fn concurrent_401s_share_one_new_token() {
    let accepted = Arc::new(Mutex::new(String::from("Bearer t1")));
    let current = Arc::clone(&accepted);
    let server = serve_signin(3599, move |seen| {
        let current = current.lock().expect("token");
        if seen.header("authorization") == Some(current.as_str()) { reply(200, "1") } else { reply(401, "{}") }
    });
    let client = client(&server, credentials(&server).build().expect("credentials"));
    count(&client).expect("signed in with t1");
    // The service now takes t2 only: t1 has been revoked.
    *accepted.lock().expect("token") = "Bearer t2".to_owned();
    let records = client.root().entity_set::<CallRecord>("Records");
    let query = Query::new();
    let counts = runtime()
        .block_on(futures_util::future::join_all((0..4).map(|_| client.count(&records, &query))))
        .into_iter()
        .collect::<Result<Vec<_>, _>>()
        .expect("counts");
    assert_eq!(counts, [1; 4]);
    assert_eq!(token_requests(&server), 2);
}
