//! The runtime model: what each derived type says about itself, read from static tables.

use odata_core::{ODataType, TypeKind};
use odata_graph::Entity;
use odata_graph::call_records::{ClientUserAgent, Endpoint, MediaStream, Session, UserAgent};

#[test]
fn a_session_describes_itself_as_the_csdl_does() {
    let info = Session::TYPE_INFO;
    assert_eq!(
        (info.namespace, info.name, info.qualified_name),
        ("microsoft.graph.callRecords", "session", "microsoft.graph.callRecords.session")
    );
    assert_eq!(info.kind, TypeKind::Entity);
    assert!(!info.is_abstract && !info.is_open);
    assert_eq!(info.base_type.map(|b| b.qualified_name), Some("microsoft.graph.entity"));
    assert_eq!(info.key(), ["id"], "the key comes from the base type");

    let properties: Vec<(&str, String, bool)> =
        info.properties.iter().map(|p| (p.name, p.ty.to_string(), p.nullable)).collect();
    for expected in [
        ("caller", "microsoft.graph.callRecords.endpoint".to_owned(), true),
        ("modalities", "Collection(microsoft.graph.callRecords.modality)".to_owned(), false),
        ("startDateTime", "Edm.DateTimeOffset".to_owned(), false),
        ("isTest", "Edm.Boolean".to_owned(), true),
    ] {
        assert!(properties.contains(&expected), "{expected:?} in {properties:?}");
    }
    let segments = &info.navigation_properties[0];
    assert_eq!((segments.name, segments.rust_name, segments.contains_target), ("segments", "segments", true));
    assert_eq!(segments.ty.to_string(), "Collection(microsoft.graph.callRecords.segment)");
    assert_eq!(segments.ty.type_info().map(|t| t.kind), Some(TypeKind::Entity));
}

#[test]
fn inherited_members_are_found_through_the_base_chain() {
    let info = Session::TYPE_INFO;
    let all: Vec<&str> = info.all_properties().map(|p| p.name).collect();
    assert_eq!(all.first(), Some(&"id"), "inherited properties come first");
    assert_eq!(info.property("id").map(|p| p.nullable), Some(false));
    assert!(info.navigation_property("segments").is_some());
    assert!(info.is_or_derives_from(Entity::TYPE_INFO));
    assert!(!Entity::TYPE_INFO.is_or_derives_from(info));
    let chain: Vec<&str> = ClientUserAgent::TYPE_INFO.ancestry().map(|t| t.name).collect();
    assert_eq!(chain, ["clientUserAgent", "userAgent"]);
}

#[test]
fn flags_of_complex_types() {
    assert!(UserAgent::TYPE_INFO.is_abstract);
    assert_eq!(UserAgent::TYPE_INFO.kind, TypeKind::Complex);
    assert!(Entity::TYPE_INFO.is_abstract);
    assert!(Endpoint::TYPE_INFO.key().is_empty());
    let stream = MediaStream::TYPE_INFO;
    let jitter = stream.property("averageJitter").expect("declared");
    assert_eq!((jitter.rust_name, jitter.ty.name, jitter.nullable), ("average_jitter", "Edm.Duration", true));
    let direction = stream.property("streamDirection").expect("declared");
    assert_eq!(direction.ty.type_info().map(|t| t.members.len()), Some(2));
}

#[test]
fn renamed_and_raw_fields_keep_both_names() {
    let network = odata_graph::call_records::NetworkInfo::TYPE_INFO;
    let relay = network.property("relayIPAddress").expect("renamed");
    assert_eq!(relay.rust_name, "relay_ip_address");
    let agent = ClientUserAgent::TYPE_INFO.property("azureADAppId").expect("renamed");
    assert_eq!(agent.rust_name, "azure_ad_app_id");
}
