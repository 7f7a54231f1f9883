//! Decodes a real Microsoft Graph response (List sessions of a call record, with segments),
//! prints typed fields, and re-encodes it.
//!
//! Run with `cargo run --example session`.

use odata_core::{ODataStructured, Page};
use odata_graph::call_records::{Endpoint, Session};

/// The response body from the Graph docs (`GET /communications/callRecords/{id}/sessions?$expand=segments`),
/// kept verbatim; it repeats `@odata.type` inside one object, as Graph really does.
const RESPONSE: &str = include_str!("data/callrecords-callrecord-list-sessions-2.json");

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let page: Page<Session> = serde_json::from_str(RESPONSE)?;
    println!("{} session(s); more at {}", page.len(), page.next_link.as_deref().unwrap_or("(last page)"));

    for session in &page {
        println!("\nsession {}", session.id.as_deref().unwrap_or("?"));
        let modalities: Vec<&str> =
            session.modalities.iter().flatten().map(odata_core::ODataEnum::member_name).collect();
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

/// The endpoint's platform and product, from its user agent. The user agent arrives as a derived
/// type (`clientUserAgent`), whose own properties the declared type keeps as unknown data.
fn describe(endpoint: Option<&Endpoint>) -> String {
    let Some(agent) = endpoint.and_then(|e| e.user_agent.as_ref()) else { return "unknown".to_owned() };
    let extra = agent.additional_data();
    let field = |name: &str| extra.and_then(|d| d.property(name)).and_then(|v| v.as_str()).unwrap_or("?").to_owned();
    let kind = extra.and_then(|d| d.type_annotation()).map_or("userAgent", |a| a.type_name());
    format!(
        "{} on {} ({kind}: {})",
        field("productFamily"),
        field("platform"),
        agent.header_value.as_deref().unwrap_or("?")
    )
}
