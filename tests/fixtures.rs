//! Real Graph responses (the shared fixtures) decode into the model and re-encode losslessly.

use odata_core::{ODataStructured, Page};
use odata_graph::call_records::{CallRecord, DirectRoutingLogRow, Modality, Participant, PstnCallLogRow, Session};
use odata_tests::{assert_round_trip, example, example_names, round_trip_differences};
use serde_json::Value;

/// Every published response decodes as the type its page declares, and re-encodes losslessly.
#[test]
fn every_shared_example_round_trips_as_its_declared_type() {
    let mut checked = Vec::new();
    for name in example_names() {
        let text = example(&name);
        match name.as_str() {
            n if n.starts_with("callrecords-callrecord-get-") => {
                let record: CallRecord = assert_round_trip(&text);
                assert!(record.id.is_some(), "{n}");
            }
            n if n.starts_with("callrecords-cloudcommunications-list-callrecords-") => {
                let page: Page<CallRecord> = assert_round_trip(&text);
                assert!(!page.is_empty(), "{n}");
            }
            n if n.starts_with("callrecords-callrecord-list-sessions-") => {
                let page: Page<Session> = assert_round_trip(&text);
                assert!(!page.is_empty(), "{n}");
            }
            n if n.starts_with("callrecords-callrecord-list-participants_v2-") => {
                let page: Page<Participant> = assert_round_trip(&text);
                assert_eq!(page.len(), 2, "{n}");
            }
            n if n.starts_with("callrecords-callrecord-getdirectroutingcalls-") => {
                let page: Page<DirectRoutingLogRow> = assert_round_trip(&text);
                assert!(!page.is_empty(), "{n}");
            }
            n if n.starts_with("callrecords-callrecord-getpstncalls-") => {
                let page: Page<PstnCallLogRow> = assert_round_trip(&text);
                assert!(!page.is_empty(), "{n}");
            }
            n => panic!("a shared example this test does not know: {n}"),
        }
        checked.push(name);
    }
    assert_eq!(checked.len(), 12, "{checked:?}");
}

const SESSION_PAGES: [&str; 3] = [
    "callrecords-callrecord-list-sessions-1.json",
    "callrecords-callrecord-list-sessions-2.json",
    "callrecords-callrecord-list-sessions-2.dedup.json",
];

#[test]
fn session_pages_round_trip_without_loss() {
    for name in SESSION_PAGES {
        let page: Page<Session> = assert_round_trip(&example(name));
        assert_eq!(page.value.len(), 1, "{name}");
        assert!(page.context.as_deref().is_some_and(|c| c.ends_with("/sessions")), "{name}");
        assert!(page.next_link.as_deref().is_some_and(|l| l.contains("$skiptoken=abc")), "{name}");
    }
}

#[test]
fn each_session_round_trips_alone() {
    for name in SESSION_PAGES {
        let page: Value = serde_json::from_str(&example(name)).expect("JSON");
        for (i, session) in page["value"].as_array().expect("value array").iter().enumerate() {
            let text = session.to_string();
            let decoded: Session = assert_round_trip(&text);
            assert!(decoded.id.is_some(), "{name} value[{i}]");
        }
    }
}

#[test]
fn typed_fields_of_the_first_session() {
    let page: Page<Session> =
        serde_json::from_str(&example("callrecords-callrecord-list-sessions-2.json")).expect("decode");
    let session = &page.value[0];
    assert_eq!(session.id.as_deref(), Some("e523d2ed-2966-4b6b-925b-754a88034cc5"));
    assert_eq!(session.modalities.as_deref(), Some(&[Modality::Audio][..]));
    assert_eq!(session.start_date_time.map(|t| t.to_string()).as_deref(), Some("2020-02-25T18:52:21.2169889Z"));
    let segments = session.segments.get().expect("segments expanded");
    assert_eq!(segments.len(), 1);
    let stream = &segments[0].media.as_ref().expect("media")[0].streams.as_ref().expect("streams")[0];
    assert_eq!(stream.average_jitter.map(|d| d.to_string()).as_deref(), Some("PT0.016S"));
    assert_eq!(stream.was_media_bypassed, Some(false));
    let network = segments[0].media.as_ref().expect("media")[0].callee_network.as_ref().expect("network");
    assert_eq!(network.link_speed, Some(4_294_967_295));
    assert_eq!(network.dns_suffix, None);
}

#[test]
fn the_repeated_type_annotation_is_accepted_and_written_once() {
    let text = example("callrecords-callrecord-list-sessions-2.json");
    assert_eq!(text.matches("\"@odata.type\": \"#microsoft.graph.callRecords.participantEndpoint\",\n                        \"@odata.type\"").count(), 1);
    let page: Page<Session> = serde_json::from_str(&text).expect("decode");
    let callee = page.value[0].segments.get().expect("segments")[0].callee.as_ref().expect("callee");
    let annotation = callee.additional_data().and_then(|d| d.type_annotation()).expect("type annotation kept");
    assert_eq!(annotation.type_name(), "microsoft.graph.callRecords.participantEndpoint");
    // Four endpoints (caller and callee of the session and of its segment), one annotation each.
    assert_eq!(text.matches("participantEndpoint").count(), 5);
    let encoded = serde_json::to_string(&page).expect("encode");
    assert_eq!(encoded.matches("participantEndpoint").count(), 4);
}

#[test]
fn the_original_and_the_deduplicated_fixture_decode_alike() {
    let original: Page<Session> =
        serde_json::from_str(&example("callrecords-callrecord-list-sessions-2.json")).expect("decode");
    let dedup: Page<Session> =
        serde_json::from_str(&example("callrecords-callrecord-list-sessions-2.dedup.json")).expect("decode");
    assert_eq!(original, dedup);
}

#[test]
fn re_encoding_is_stable() {
    for name in SESSION_PAGES {
        let page: Page<Session> = serde_json::from_str(&example(name)).expect("decode");
        let once = serde_json::to_string(&page).expect("encode");
        let again: Page<Session> = serde_json::from_str(&once).expect("decode again");
        assert_eq!(again, page, "{name}");
        assert_eq!(serde_json::to_string(&again).expect("encode"), once, "{name}");
        if let Err(differences) = round_trip_differences(&example(name), &again) {
            panic!("{name}:\n{differences}");
        }
    }
}
