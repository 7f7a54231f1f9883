//! Delta payloads from the Graph documentation and the OData JSON Format specification
//! (`tests/fixtures/graph-delta/`, see its README): each item decodes as its type or as a removal,
//! the delta and next links are read, and every page round-trips exactly.

use odata_core::{DeltaItem, DeltaLink, Page, read_page_items};
use odata_graph::directory::{Group, User};
use odata_tests::assert_round_trip;

fn fixture(name: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/graph-delta").join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// What an item is, in one line: `changed <id or name>`, `removed <id> <reason>`, `link+ ...`.
fn describe<T>(item: &DeltaItem<T>, name: impl Fn(&T) -> String) -> String {
    match item {
        DeltaItem::Changed(value) => format!("changed {}", name(value)),
        DeltaItem::Removed(removed) => format!("removed {:?} {:?}", removed.id(), removed.reason()),
        DeltaItem::LinkAdded(link) => format!("link+ {} {} {}", link.source(), link.relationship(), link.target()),
        DeltaItem::LinkRemoved(link) => format!("link- {} {} {}", link.source(), link.relationship(), link.target()),
        _ => "other".to_owned(),
    }
}

fn user_name(user: &User) -> String {
    format!("{:?} {:?}", user.directory_object.entity.id, user.display_name)
}

#[test]
fn graph_user_pages_decode_changed_and_removed_users_and_round_trip() {
    let cases: &[(&str, &[&str])] = &[
        (
            "users-delta-initial.json",
            &[
                r#"changed Some("ffff7b1a-13b6-477b-8c0c-380905cd99f7") Some("Cameron White")"#,
                r#"changed Some("605d1257-ffff-40b6-8e6f-528a53f5dc55") Some("Delia Dennis")"#,
                r#"removed Some("86462606-fde0-4fc4-9e0c-a20eb73e54c6") Some(Deleted)"#,
                r#"changed Some("6ea91a8d-e32e-41a1-b7bd-d2d185eed0e0") Some("Conf Room Adams")"#,
            ],
        ),
        (
            "users-delta-next.json",
            &[
                r#"changed Some("d8c37826-ffff-4cae-b348-e2725b1e814b") Some("Mallory Cortez")"#,
                r#"changed Some("8b1ee412-cd8f-4d59-ffff-24010edb9f1f") Some("Diego Sicilian")"#,
            ],
        ),
        (
            "users-delta-final.json",
            &[
                r#"changed Some("25dcffff-959e-4ece-9973-e5d9b800e8cc") Some("Lidia Holloway")"#,
                r#"changed Some("f6ede700-27d0-4c42-bfb9-4dffff43c74a") Some("Patti Fernandez")"#,
            ],
        ),
        ("users-delta-no-changes.json", &[]),
        (
            "users-delta-changes.json",
            &[
                r#"changed Some("25dcffff-959e-4ece-9973-e5d9b800e8cc") Some("MOD Administrator")"#,
                r#"removed Some("8ffff70c-1c63-4860-b963-e34ec660931d") Some(Changed)"#,
            ],
        ),
        ("user-delta-1.json", &[r#"changed Some("id-value") Some("displayName-value")"#]),
        // `Prefer: return=minimal`: only the changed properties, no id.
        ("user-delta-3.json", &[r#"changed None Some("displayName-value")"#]),
    ];
    for (name, expected) in cases {
        let text = fixture(name);
        let page: Page<DeltaItem<User>> = assert_round_trip(&text);
        let found: Vec<String> = page.iter().map(|item| describe(item, user_name)).collect();
        assert_eq!(found, *expected, "{name}");
    }
}

#[test]
fn a_partial_user_keeps_null_apart_from_absent() {
    let page: Page<DeltaItem<User>> = assert_round_trip(&fixture("user-delta-3.json"));
    let user = page.value[0].changed().expect("a changed user");
    // `"jobTitle": null` was sent; `mobilePhone` was not (unchanged).
    assert_eq!(user.job_title, None);
    assert!(user.mobile_phone.is_none());
    let written = serde_json::to_string(&page).expect("encode");
    assert!(written.contains(r#""jobTitle":null"#) && !written.contains("mobilePhone"), "{written}");
}

#[test]
fn graph_group_pages_keep_members_delta_and_round_trip() {
    let page: Page<DeltaItem<Group>> = assert_round_trip(&fixture("group-delta-1.json"));
    let group = page.value[0].changed().expect("a changed group");
    assert_eq!(group.display_name.as_deref(), Some("All Company"));
    // `members@delta` (the members added, by id) is kept with the group and written back.
    let written = serde_json::to_string(group).expect("encode");
    assert!(
        written.contains(r#""members@delta":[{"#) && written.contains("693acd06-2877-4339-8ade-b704261fe7a0"),
        "{written}"
    );
    let page: Page<DeltaItem<Group>> = assert_round_trip(&fixture("group-delta-2.json"));
    assert_eq!(page.value[0].changed().and_then(|g| g.mail_nickname.as_deref()), Some("allcompany@contoso.com"));
}

#[test]
fn the_delta_link_is_a_token_that_serialises_as_its_url() {
    let page: Page<DeltaItem<User>> = assert_round_trip(&fixture("users-delta-final.json"));
    let link = DeltaLink::of_page(&page).expect("the last page has a delta link");
    let stored = serde_json::to_string(&link).expect("encode");
    assert_eq!(stored, format!("\"{}\"", page.delta_link.as_deref().expect("delta link")));
    assert_eq!(serde_json::from_str::<DeltaLink>(&stored).expect("decode"), link);
    let page: Page<DeltaItem<User>> = assert_round_trip(&fixture("users-delta-initial.json"));
    assert_eq!(DeltaLink::of_page(&page), None, "a page with a next link ends no round");
}

#[derive(odata_core::ODataEntity, Debug, Clone, Default, PartialEq)]
#[odata(type = "test.delta.customer", key_property = "ID", open_type)]
struct Customer {
    #[odata(rename = "ID")]
    id: Option<String>,
    #[odata(rename = "ContactName")]
    contact_name: Option<String>,
    additional_data: odata_core::AdditionalData,
}

#[test]
fn odata_4_01_removed_entities_are_read_by_their_removed_control_information() {
    let text = fixture("odata-4.01-example-34.json");
    // A page writes its own control information in the 4.0 form (`@odata.context`), as `Page`
    // does for every response: that is the one change, and only at the page's level; the items
    // come back as sent.
    let text = text.replace(r#""@context""#, r#""@odata.context""#).replace(r#""@count""#, r#""@odata.count""#);
    let text = text.replace(r#""@deltaLink""#, r#""@odata.deltaLink""#);
    let page: Page<DeltaItem<Customer>> = assert_round_trip(&text);
    let found: Vec<String> = page.iter().map(|item| describe(item, |c| format!("{:?}", c.contact_name))).collect();
    assert_eq!(
        found,
        [
            r#"changed Some("Susan Halvenstern")"#,
            r#"removed Some("Customers('ANTON')") Some(Deleted)"#,
            r#"changed Some("Blake Smithe")"#,
        ]
    );
    assert_eq!(page.count, Some(3));
}

#[test]
fn odata_4_0_links_and_deleted_entities_are_read_by_their_context_url() {
    let text = fixture("odata-4.0-example-41.json");
    let page: Page<DeltaItem<Customer>> = assert_round_trip(&text);
    let found: Vec<String> = page.iter().map(|item| describe(item, |c| format!("{:?}", c.contact_name))).collect();
    assert_eq!(
        found,
        [
            "link- Customers('ALFKI') Orders Orders(10643)",
            "link+ Customers('BOTTM') Orders Orders(10645)",
            // A related order (`#Orders/$entity`) is an entity of another set: kept, decoded as far
            // as the customer type reads it (an open type keeps its members).
            "changed None",
            r#"removed Some("Customers('ANTON')") None"#,
            r#"changed Some("Blake Smithe")"#,
        ]
    );
    assert_eq!(
        DeltaLink::of_page(&page).map(|l| l.to_string()).as_deref(),
        Some("Customers?$expand=Orders&$deltatoken=8016")
    );
}

#[test]
fn a_bad_item_is_an_error_with_its_path() {
    let text = r#"{"value": [{"id": "a"}, {"@removed": {"reason": "deleted"}}, {"displayName": 7}]}"#;
    let error = serde_json::from_str::<Page<DeltaItem<User>>>(text).expect_err("displayName is a string");
    let message = error.to_string();
    assert!(message.starts_with("$.value[2]"), "{message}");
    assert!(message.contains("displayName"), "{message}");
}

#[test]
fn a_page_read_item_by_item_gives_the_same_items_and_control_information() {
    let text = fixture("users-delta-initial.json");
    let whole: Page<DeltaItem<User>> = serde_json::from_str(&text).expect("decode");
    let mut items = Vec::new();
    let page = read_page_items(text.as_bytes(), |item: DeltaItem<User>| {
        items.push(item);
        Ok::<(), std::convert::Infallible>(())
    })
    .expect("read");
    assert_eq!(items, whole.value);
    assert_eq!(Page { value: items, ..page }, whole);
}

#[test]
fn the_item_callback_stops_the_reading_with_its_error() {
    let text = fixture("users-delta-next.json");
    let mut seen = 0;
    let error = read_page_items(text.as_bytes(), |_: DeltaItem<User>| {
        seen += 1;
        Err("enough")
    })
    .expect_err("the callback fails");
    assert!(matches!(error, odata_core::ItemsError::Callback("enough")), "{error}");
    assert_eq!(seen, 1);
}

#[test]
fn a_bad_item_read_item_by_item_is_an_error_with_its_path() {
    let text = r#"{"value": [{"id": "a"}, {"displayName": 7}]}"#;
    let error = read_page_items(text.as_bytes(), |_: User| Ok::<(), std::convert::Infallible>(())).expect_err("bad");
    let message = error.to_string();
    assert!(message.starts_with("$.value[1].displayName"), "{message}");
}

// Outlook and OneDrive resources, modelled here with the properties their examples hold as real
// values (odata-graph does not model them); everything else is kept as unknown members, so the
// pages must still round-trip exactly.

/// `microsoft.graph.event`, in part.
#[derive(odata_core::ODataEntity, Debug, Clone, PartialEq)]
#[odata(type = "microsoft.graph.event", key_property = "id")]
struct Event {
    id: Option<String>,
    #[odata(rename = "iCalUId")]
    ical_uid: Option<String>,
    reminder_minutes_before_start: Option<i32>,
    is_draft: Option<bool>,
    is_reminder_on: Option<bool>,
    transaction_id: Option<String>,
    additional_data: odata_core::AdditionalData,
}

/// `microsoft.graph.itemBody`.
#[derive(odata_core::ODataComplex, Debug, Clone, PartialEq)]
#[odata(type = "microsoft.graph.itemBody")]
struct ItemBody {
    content: Option<String>,
    additional_data: odata_core::AdditionalData,
}

/// `microsoft.graph.message`, in part.
#[derive(odata_core::ODataEntity, Debug, Clone, PartialEq)]
#[odata(type = "microsoft.graph.message", key_property = "id")]
struct Message {
    id: Option<String>,
    subject: Option<String>,
    has_attachments: Option<bool>,
    body: Option<ItemBody>,
    additional_data: odata_core::AdditionalData,
}

/// `microsoft.graph.deleted`: the facet of a deleted drive item.
#[derive(odata_core::ODataComplex, Debug, Clone, PartialEq)]
#[odata(type = "microsoft.graph.deleted")]
struct Deleted {
    state: Option<String>,
    additional_data: odata_core::AdditionalData,
}

/// `microsoft.graph.driveItem`, in part (`folder` and `file` stay unknown members).
#[derive(odata_core::ODataEntity, Debug, Clone, PartialEq)]
#[odata(type = "microsoft.graph.driveItem", key_property = "id")]
struct DriveItem {
    id: Option<String>,
    name: Option<String>,
    deleted: Option<Deleted>,
    additional_data: odata_core::AdditionalData,
}

#[test]
fn graph_event_and_message_pages_decode_and_round_trip() {
    let page: Page<DeltaItem<Event>> = assert_round_trip(&fixture("event-delta.json"));
    let event = page.value[0].changed().expect("a changed event");
    assert_eq!(
        (event.ical_uid.as_deref(), event.reminder_minutes_before_start, event.is_draft, event.is_reminder_on),
        (Some("iCalUId-value"), Some(99), Some(false), Some(true))
    );
    assert!(page.next_link.as_deref().is_some_and(|l| l.contains("calendarView/delta?$skiptoken=")));
    // `"transactionId": null` was sent: it stays null, apart from the absent `id`.
    let written = serde_json::to_string(&page).expect("encode");
    assert!(written.contains(r#""transactionId":null"#) && !written.contains(r#""id""#), "{written}");

    let page: Page<DeltaItem<Message>> = assert_round_trip(&fixture("message-delta.json"));
    let message = page.value[0].changed().expect("a changed message");
    assert_eq!(message.subject.as_deref(), Some("subject-value"));
    assert_eq!(message.body.as_ref().and_then(|b| b.content.as_deref()), Some("content-value"));
    assert!(page.next_link.as_deref().is_some_and(|l| l.contains("/messages/delta?$skiptoken=")));
}

#[test]
fn graph_drive_item_pages_mark_deletions_with_the_deleted_facet_and_round_trip() {
    let describe_item = |item: &DeltaItem<DriveItem>| {
        let item = item.changed().expect("drive items are never `@removed`");
        format!(
            "{} {} deleted={}",
            item.id.as_deref().unwrap_or("?"),
            item.name.as_deref().unwrap_or("?"),
            item.deleted.is_some()
        )
    };
    let page: Page<DeltaItem<DriveItem>> = assert_round_trip(&fixture("driveitem-delta-1.json"));
    let found: Vec<String> = page.iter().map(describe_item).collect();
    assert_eq!(
        found,
        [
            "0123456789abc folder2 deleted=false",
            "123010204abac file.txt deleted=false",
            "2353010204ddgg file5.txt deleted=true"
        ]
    );
    assert!(page.next_link.is_some() && DeltaLink::of_page(&page).is_none());

    let page: Page<DeltaItem<DriveItem>> = assert_round_trip(&fixture("driveitem-delta-2.json"));
    let found: Vec<String> = page.iter().map(describe_item).collect();
    assert_eq!(found, ["0123456789abc folder2 deleted=true", "123010204abac file.txt deleted=false"]);
    let link = DeltaLink::of_page(&page).expect("the last page's delta link");
    assert!(link.as_str().ends_with("JTIzOyUyMzA')"), "{}", link.as_str());

    // `token=latest`: no items, only where the next round starts.
    let page: Page<DeltaItem<DriveItem>> = assert_round_trip(&fixture("driveitem-delta-3.json"));
    assert!(page.is_empty());
    assert_eq!(
        DeltaLink::of_page(&page).map(|l| l.as_str().to_owned()).as_deref(),
        Some("https://graph.microsoft.com/v1.0/me/drive/root/delta?token=1230919asd190410jlka")
    );
}
