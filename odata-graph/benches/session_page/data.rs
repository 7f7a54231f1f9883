//! The benchmark's input: a Graph-like page of sessions, grown from the docs' "List sessions with
//! segments" response (`callrecords-callrecord-list-sessions-2.json`).
//!
//! Every session keeps the original's shape (participant endpoints with client user agents,
//! identities, feedback, a segment with media and two streams); each fourth session's callee is a
//! service endpoint with a service user agent, so the page is polymorphic. Ids and a few numbers
//! vary per session. Written compact, with `@odata.type` first in every object, as Graph does.

use serde_json::{Value, json};

const FIXTURE: &str = include_str!("../../examples/data/callrecords-callrecord-list-sessions-2.json");

/// The page as JSON text. With `SESSION_PAGE_NULLS=drop` in the environment, the members the
/// fixture sends as `null` (nine per session) are left out: the cost of keeping `null`s apart
/// from absent members is then measured by the difference.
pub fn session_page(sessions: usize) -> String {
    let page: Value = serde_json::from_str(FIXTURE).expect("the fixture is JSON");
    let mut template = page["value"][0].clone();
    if std::env::var("SESSION_PAGE_NULLS").is_ok_and(|v| v == "drop") {
        drop_nulls(&mut template);
    }
    let mut value = Vec::with_capacity(sessions);
    for i in 0..sessions {
        let mut session = template.clone();
        let id = format!("{:08x}-2966-4b6b-925b-{:012x}", 0xe523d2ed_u32.wrapping_add(i as u32), i);
        session["id"] = json!(id);
        session["segments"][0]["id"] = json!(id);
        let streams = &mut session["segments"][0]["media"][0]["streams"];
        streams[0]["averageBandwidthEstimate"] = json!(9_965_083 + i as i64);
        streams[1]["packetUtilization"] = json!(700 + (i % 97) as i64);
        if i % 4 == 3 {
            let service = json!({
                "@odata.type": "#microsoft.graph.callRecords.serviceEndpoint",
                "userAgent": {
                    "@odata.type": "#microsoft.graph.callRecords.serviceUserAgent",
                    "headerValue": "Microsoft.Skype.Conferencing/1.0",
                    "applicationVersion": "2020.02.20.1",
                    "role": "skypeForBusinessAudioVideoMcu"
                }
            });
            session["callee"] = service.clone();
            session["segments"][0]["callee"] = service;
        }
        value.push(session);
    }
    let page = json!({
        "@odata.context": page["@odata.context"],
        "value": value,
        "@odata.nextLink": page["@odata.nextLink"],
    });
    // serde_json's map is ordered by key, which puts `@odata.type` first in every object.
    serde_json::to_string(&page).expect("encode")
}

/// Removes every member whose value is `null`, at any depth.
fn drop_nulls(value: &mut Value) {
    match value {
        Value::Object(members) => {
            members.retain(|_, v| !v.is_null());
            members.values_mut().for_each(drop_nulls);
        }
        Value::Array(items) => items.iter_mut().for_each(drop_nulls),
        _ => {}
    }
}
