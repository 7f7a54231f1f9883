//! Decodes a real Microsoft Graph response (List sessions of a call record, with segments),
//! prints typed fields, and re-encodes it.
//!
//! Run with `cargo run --example session`.

use odata_core::{ODataEnum, Page};
use odata_graph::call_records::{AnyEndpoint, AnyUserAgent, Session};

/// The response body from the Graph docs (`GET /communications/callRecords/{id}/sessions?$expand=segments`),
/// kept verbatim; it repeats `@odata.type` inside one object, as Graph really does.
const RESPONSE: &str = include_str!("data/callrecords-callrecord-list-sessions-2.json");

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let page: Page<Session> = serde_json::from_str(RESPONSE)?;
    println!("{} session(s); more at {}", page.len(), page.next_link.as_deref().unwrap_or("(last page)"));

    for session in &page {
        println!("\nsession {}", session.id.as_deref().unwrap_or("?"));
        let modalities: Vec<&str> = session.modalities.iter().flatten().map(ODataEnum::member_name).collect();
        println!("  modalities: {}", modalities.join(", "));
        if let (Some(start), Some(end)) = (session.start_date_time, session.end_date_time) {
            let duration = end.to_offset_date_time() - start.to_offset_date_time();
            println!("  {start} for {:.3} s", duration.as_seconds_f64());
        }
        println!("  caller: {}", describe(session.caller.as_ref()));
        println!("  callee: {}", describe(session.callee.as_ref()));
        for segment in &session.segments {
            for media in segment.media.iter().flatten() {
                for stream in media.streams.iter().flatten() {
                    let direction =
                        stream.stream_direction.as_ref().map_or("?", |d| odata_core::ODataEnum::member_name(d));
                    let jitter = stream.average_jitter.map(|j| format!("{} ms", j.whole_milliseconds()));
                    let round_trip = stream.average_round_trip_time.map(|t| format!("{} ms", t.whole_milliseconds()));
                    println!(
                        "  {} {direction}: jitter {}, round trip {}, packet loss {:.2} %",
                        media.label.as_deref().unwrap_or("media"),
                        jitter.as_deref().unwrap_or("n/a"),
                        round_trip.as_deref().unwrap_or("n/a"),
                        stream.average_packet_loss_rate.unwrap_or(0.0) * 100.0,
                    );
                }
            }
        }
    }

    let encoded = serde_json::to_string(&page)?;
    let again: Page<Session> = serde_json::from_str(&encoded)?;
    println!(
        "\nre-encoded: {} bytes (from {} with indentation); decoding it again gives {}",
        encoded.len(),
        RESPONSE.len(),
        if again == page { "the same value" } else { "A DIFFERENT VALUE" }
    );
    Ok(())
}

/// Who or what the endpoint is, and the software it ran: `caller` is declared as `endpoint` and
/// arrives as a derived type, which `@odata.type` picked.
fn describe(endpoint: Option<&AnyEndpoint>) -> String {
    let who = match endpoint {
        Some(AnyEndpoint::ParticipantEndpoint(participant)) => {
            let name = participant.name.as_deref().unwrap_or("?");
            let cpu = participant.cpu_name.as_deref().unwrap_or("unknown CPU");
            format!("participant on {name} ({cpu})")
        }
        Some(AnyEndpoint::ServiceEndpoint(_)) => "service".to_owned(),
        Some(AnyEndpoint::Endpoint(_)) => "endpoint".to_owned(),
        None => return "unknown".to_owned(),
    };
    // `Deref` reaches the part every endpoint has.
    let agent = match endpoint.and_then(|e| e.user_agent.as_ref()) {
        Some(AnyUserAgent::ClientUserAgent(client)) => {
            let family = client.product_family.as_ref().map_or("?", ODataEnum::member_name);
            let platform = client.platform.as_ref().map_or("?", ODataEnum::member_name);
            format!("{family} on {platform}")
        }
        Some(AnyUserAgent::ServiceUserAgent(service)) => {
            format!("service role {}", service.role.as_ref().map_or("?", ODataEnum::member_name))
        }
        Some(AnyUserAgent::UserAgent(other)) => other.header_value.clone().unwrap_or_default(),
        None => "no user agent".to_owned(),
    };
    format!("{who}, {agent}")
}
