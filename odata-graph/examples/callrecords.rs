//! What a Teams admin wants to know about a call, from a real Microsoft Graph response
//! (`GET /communications/callRecords/{id}?$expand=sessions($expand=segments)`): the call, its
//! sessions with both endpoints, each segment's devices, networks and media quality, and any
//! failure. Then it re-encodes the response and checks that nothing was lost.
//!
//! Run with `cargo run --example callrecords`.

use odata_core::{DateTimeOffset, Duration, ODataEnum};
use odata_graph::AnyIdentity;
use odata_graph::call_records::{AnyEndpoint, AnyUserAgent, CallRecord, DeviceInfo, FailureInfo, NetworkInfo};
use serde_json::Value;

/// The response body from the Graph docs, kept verbatim in the repository.
const RESPONSE: &str = include_str!("data/callrecords-callrecord-get-2.json");

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let record: CallRecord = serde_json::from_str(RESPONSE)?;

    let call_type = record.r#type.as_ref().map_or("unknown type", ODataEnum::member_name);
    let modalities: Vec<&str> = record.modalities.iter().flatten().map(ODataEnum::member_name).collect();
    println!("Call {} ({call_type}; {})", record.id.as_deref().unwrap_or("?"), modalities.join(", "));
    println!("  started  {}", show_time(record.start_date_time));
    println!("  lasted   {}", show_span(record.start_date_time, record.end_date_time));
    let organizer = record.organizer_v2.get().and_then(|o| o.identity.as_ref()).and_then(|i| i.user.as_ref());
    println!("  organizer {}", organizer.map_or("(not given)".to_owned(), identity));

    let sessions = record.sessions.get().map(Vec::as_slice).unwrap_or_default();
    for (i, session) in sessions.iter().enumerate() {
        println!(
            "\n  Session {} of {}: {}, {}",
            i + 1,
            sessions.len(),
            show_span(session.start_date_time, session.end_date_time),
            session.modalities.iter().flatten().map(ODataEnum::member_name).collect::<Vec<_>>().join(", ")
        );
        println!("    caller: {}", endpoint(session.caller.as_ref()));
        println!("    callee: {}", endpoint(session.callee.as_ref()));
        if let Some(failure) = &session.failure_info {
            println!("    FAILED: {}", failure_text(failure));
        }
        for (j, segment) in session.segments.iter().enumerate() {
            println!("    Segment {}: {}", j + 1, show_span(segment.start_date_time, segment.end_date_time));
            if let Some(failure) = &segment.failure_info {
                println!("      FAILED: {}", failure_text(failure));
            }
            for media in segment.media.iter().flatten() {
                let label = media.label.as_deref().unwrap_or("media");
                println!(
                    "      {label}, caller side: {}",
                    device_and_network(media.caller_device.as_ref(), media.caller_network.as_ref())
                );
                println!(
                    "      {label}, callee side: {}",
                    device_and_network(media.callee_device.as_ref(), media.callee_network.as_ref())
                );
                for stream in media.streams.iter().flatten() {
                    let direction = stream.stream_direction.as_ref().map_or("?", ODataEnum::member_name);
                    println!(
                        "      {direction:<14} jitter {} (max {}), packet loss {} (max {}), round trip {} (max {})",
                        millis(stream.average_jitter),
                        millis(stream.max_jitter),
                        percent(stream.average_packet_loss_rate),
                        percent(stream.max_packet_loss_rate),
                        millis(stream.average_round_trip_time),
                        millis(stream.max_round_trip_time),
                    );
                }
            }
        }
    }
    if let Some(more) = record.sessions.next_link() {
        println!("\n  more sessions: {more}");
    }

    // The round trip: encode, then check every member of the response against the result.
    let encoded = serde_json::to_string(&record)?;
    let again: CallRecord = serde_json::from_str(&encoded)?;
    let lost = missing(&serde_json::from_str(RESPONSE)?, &serde_json::from_str(&encoded)?, "$");
    println!("\nRe-encoded to {} bytes (the response has {} with its indentation).", encoded.len(), RESPONSE.len());
    if lost.is_empty() && again == record {
        println!(
            "Nothing was lost: every member of the response is in the re-encoded JSON, and it decodes to an equal value."
        );
        Ok(())
    } else {
        Err(format!("the round trip lost {lost:?}").into())
    }
}

fn show_time(time: Option<DateTimeOffset>) -> String {
    time.map_or("(not given)".to_owned(), |t| t.to_string())
}

fn show_span(start: Option<DateTimeOffset>, end: Option<DateTimeOffset>) -> String {
    match (start, end) {
        (Some(start), Some(end)) => {
            let seconds = (end.to_offset_date_time() - start.to_offset_date_time()).as_seconds_f64();
            format!("{seconds:.1} s")
        }
        _ => "duration unknown".to_owned(),
    }
}

fn identity(identity: &AnyIdentity) -> String {
    identity.display_name.clone().or_else(|| identity.id.clone()).unwrap_or_else(|| "(anonymous)".to_owned())
}

/// Who (the associated identity), on what machine, with which client.
fn endpoint(endpoint: Option<&AnyEndpoint>) -> String {
    let software = match endpoint.and_then(|e| e.user_agent.as_ref()) {
        Some(AnyUserAgent::ClientUserAgent(client)) => format!(
            "{} on {}",
            client.product_family.as_ref().map_or("?", ODataEnum::member_name),
            client.platform.as_ref().map_or("?", ODataEnum::member_name)
        ),
        Some(AnyUserAgent::ServiceUserAgent(service)) => {
            format!("service ({})", service.role.as_ref().map_or("?", ODataEnum::member_name))
        }
        Some(AnyUserAgent::UserAgent(agent)) => agent.header_value.clone().unwrap_or_default(),
        None => "no user agent".to_owned(),
    };
    match endpoint {
        Some(AnyEndpoint::ParticipantEndpoint(participant)) => {
            let who = participant.associated_identity.as_ref().map_or("(unknown user)".to_owned(), identity);
            let machine = participant.name.as_deref().unwrap_or("?");
            let feedback = participant
                .feedback
                .as_ref()
                .and_then(|f| f.rating.as_ref())
                .map(|r| format!(", rated the call {}", r.member_name()));
            format!("{who} on {machine}, {software}{}", feedback.unwrap_or_default())
        }
        Some(AnyEndpoint::ServiceEndpoint(_)) => format!("a service, {software}"),
        Some(AnyEndpoint::Endpoint(_)) => software,
        None => "not given".to_owned(),
    }
}

fn device_and_network(device: Option<&DeviceInfo>, network: Option<&NetworkInfo>) -> String {
    let device = device.map(|d| {
        format!(
            "mic \"{}\", speaker \"{}\"",
            d.capture_device_name.as_deref().unwrap_or("?"),
            d.render_device_name.as_deref().unwrap_or("?")
        )
    });
    let network = network.map(|n| {
        let kind = n.connection_type.as_ref().map_or("network", ODataEnum::member_name);
        let speed = n.link_speed.map(|bits| format!(" at {} Mbit/s", bits / 1_000_000)).unwrap_or_default();
        format!("{kind} {}{speed}", n.ip_address.as_deref().unwrap_or("?"))
    });
    let parts: Vec<String> = [device, network].into_iter().flatten().collect();
    if parts.is_empty() { "not reported".to_owned() } else { parts.join("; ") }
}

fn failure_text(failure: &FailureInfo) -> String {
    let stage = failure.stage.as_ref().map_or("unknown stage", ODataEnum::member_name);
    format!("{} (during {stage})", failure.reason.as_deref().unwrap_or("no reason given"))
}

fn millis(duration: Option<Duration>) -> String {
    duration.map_or("n/a".to_owned(), |d| format!("{} ms", d.whole_milliseconds()))
}

fn percent(rate: Option<f32>) -> String {
    rate.map_or("n/a".to_owned(), |r| format!("{:.1} %", r * 100.0))
}

/// The members of `original` that `encoded` lacks or changed (a `null` may be left out; numbers
/// compare by value), as JSON paths.
fn missing(original: &Value, encoded: &Value, path: &str) -> Vec<String> {
    match (original, encoded) {
        (Value::Object(a), Value::Object(b)) => a
            .iter()
            .filter(|(_, value)| !value.is_null())
            .flat_map(|(key, value)| match b.get(key) {
                Some(other) => missing(value, other, &format!("{path}.{key}")),
                None => vec![format!("{path}.{key}")],
            })
            .collect(),
        (Value::Array(a), Value::Array(b)) if a.len() == b.len() => {
            a.iter().zip(b).enumerate().flat_map(|(i, (x, y))| missing(x, y, &format!("{path}[{i}]"))).collect()
        }
        (Value::Number(a), Value::Number(b)) if a.as_f64() == b.as_f64() => Vec::new(),
        (a, b) if a == b => Vec::new(),
        _ => vec![path.to_owned()],
    }
}
