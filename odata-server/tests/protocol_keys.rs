//! Server-generated keys: a POST that leaves out a single integer key gets one from the
//! database (max + 1 on SQLite, an identity on PostgreSQL, never a key a client sent), one that
//! leaves out an `Edm.Guid` key gets a new v4 uuid; 201 with `Location` and the key in the body;
//! deep insert and `$<id>` references with generated keys; a read-only key ignores a client's
//! value and is always generated; a string or compound key left out is a 400 naming it.

mod support;

use desk::Desk;
use serde_json::{Value, json};
use support::{Server, get, send};

/// The model: integer, Guid, read-only, string and compound keys.
mod desk {
    #![allow(dead_code)] // the container's fields describe the model; nothing reads them

    use odata_core::container::EntitySet;
    use odata_core::{Navigation, ODataEntity, ODataService};

    #[derive(ODataEntity, Debug, Clone, Default)]
    #[odata(type = "Desk.Ticket", key_property = "TicketID")]
    pub struct Ticket {
        #[odata(rename = "TicketID", nullable = false)]
        pub ticket_id: Option<i64>,
        #[odata(rename = "Title", nullable = false)]
        pub title: Option<String>,
        #[odata(navigation, rename = "Lines", partner = "Ticket")]
        pub lines: Navigation<Vec<Line>>,
    }

    #[derive(ODataEntity, Debug, Clone, Default)]
    #[odata(type = "Desk.Line", key_property = "LineID")]
    pub struct Line {
        #[odata(rename = "LineID", nullable = false)]
        pub line_id: Option<i32>,
        #[odata(rename = "TicketID")]
        pub ticket_id: Option<i64>,
        #[odata(rename = "Text")]
        pub text: Option<String>,
        #[odata(
            navigation,
            rename = "Ticket",
            partner = "Lines",
            referential_constraint(property = "TicketID", referenced_property = "TicketID")
        )]
        pub ticket: Navigation<Ticket>,
    }

    #[derive(ODataEntity, Debug, Clone, Default)]
    #[odata(type = "Desk.Note", key_property = "NoteID")]
    pub struct Note {
        #[odata(rename = "NoteID", nullable = false)]
        pub note_id: Option<uuid::Uuid>,
        #[odata(rename = "Text")]
        pub text: Option<String>,
    }

    #[derive(ODataEntity, Debug, Clone, Default)]
    #[odata(type = "Desk.Stamp", key_property = "StampID")]
    pub struct Stamp {
        #[odata(rename = "StampID", nullable = false, read_only)]
        pub stamp_id: Option<i32>,
        #[odata(rename = "Text")]
        pub text: Option<String>,
    }

    #[derive(ODataEntity, Debug, Clone, Default)]
    #[odata(type = "Desk.Tag", key_property = "Name")]
    pub struct Tag {
        #[odata(rename = "Name", nullable = false)]
        pub name: Option<String>,
    }

    #[derive(ODataEntity, Debug, Clone, Default)]
    #[odata(type = "Desk.Seat", key_property = "Row", key_property = "Number")]
    pub struct Seat {
        #[odata(rename = "Row", nullable = false)]
        pub row: Option<i32>,
        #[odata(rename = "Number", nullable = false)]
        pub number: Option<i32>,
    }

    #[derive(ODataService, Debug, Clone)]
    #[odata(namespace = "Desk", container = "DeskContainer")]
    pub struct Desk {
        #[odata(entity_set = "Tickets", binding(path = "Lines", target = "Lines"))]
        pub tickets: EntitySet<Ticket>,
        #[odata(entity_set = "Lines", binding(path = "Ticket", target = "Tickets"))]
        pub lines: EntitySet<Line>,
        #[odata(entity_set = "Notes")]
        pub notes: EntitySet<Note>,
        #[odata(entity_set = "Stamps")]
        pub stamps: EntitySet<Stamp>,
        #[odata(entity_set = "Tags")]
        pub tags: EntitySet<Tag>,
        #[odata(entity_set = "Seats")]
        pub seats: EntitySet<Seat>,
    }
}

async fn start() -> Server {
    let pool = support::database().await;
    let service = odata_server::Service::builder::<Desk>(pool).build().await.expect("service");
    support::serve(service).await
}

const JSON: (&str, &str) = ("Content-Type", "application/json");

async fn post(server: &Server, path: &str, body: Value) -> support::Response {
    send("POST", &format!("{}/{path}", server.root), &[JSON], Some(&body.to_string())).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_left_out_integer_key_comes_from_the_database() {
    let server = start().await;
    let root = &server.root;
    let first = post(&server, "Tickets", json!({"Title": "First"})).await;
    assert_eq!(first.status, 201, "{}", first.text);
    assert_eq!(first.header("location"), Some(format!("{root}/Tickets(1)").as_str()));
    assert_eq!(
        first.json(),
        json!({"@odata.context": format!("{root}/$metadata#Tickets/$entity"), "@odata.etag": "W/\"1\"", "TicketID": 1, "Title": "First"})
    );
    // A key a client sends is kept, and generated keys go past it.
    let sent = post(&server, "Tickets", json!({"TicketID": 10, "Title": "Sent"})).await;
    assert_eq!(sent.header("location"), Some(format!("{root}/Tickets(10)").as_str()));
    let next = post(&server, "Tickets", json!({"Title": "Next"})).await;
    assert_eq!((next.status, next.json()["TicketID"].clone()), (201, json!(11)));
    let minimal =
        send("POST", &format!("{root}/Tickets"), &[JSON, ("Prefer", "return=minimal")], Some(r#"{"Title":"Min"}"#))
            .await;
    assert_eq!(minimal.status, 204);
    assert_eq!(minimal.header("location"), Some(format!("{root}/Tickets(12)").as_str()));
    let titles = get(&format!("{root}/Tickets?$select=TicketID,Title&$orderby=TicketID")).await.json();
    let rows: Vec<(i64, String)> = titles["value"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| (t["TicketID"].as_i64().unwrap(), t["Title"].as_str().unwrap().to_owned()))
        .collect();
    assert_eq!(rows, [(1, "First".into()), (10, "Sent".into()), (11, "Next".into()), (12, "Min".into())]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn deep_insert_with_generated_keys_sets_the_foreign_keys() {
    let server = start().await;
    let root = &server.root;
    post(&server, "Tickets", json!({"Title": "Before"})).await;
    let deep = post(&server, "Tickets", json!({"Title": "Deep", "Lines": [{"Text": "a"}, {"Text": "b"}]})).await;
    assert_eq!(deep.status, 201, "{}", deep.text);
    assert_eq!(deep.header("location"), Some(format!("{root}/Tickets(2)").as_str()));
    // To-one nested: the line's ticket is inserted first and gives the line its TicketID.
    let up = post(&server, "Lines", json!({"Text": "c", "Ticket": {"Title": "Parent"}})).await;
    assert_eq!(up.status, 201, "{}", up.text);
    // Through a navigation path.
    let via = post(&server, "Tickets(1)/Lines", json!({"Text": "d"})).await;
    assert_eq!(via.status, 201, "{}", via.text);
    let lines = get(&format!("{root}/Lines?$select=LineID,TicketID,Text&$orderby=LineID")).await.json();
    let rows: Vec<Value> =
        lines["value"].as_array().unwrap().iter().map(|l| json!([l["LineID"], l["TicketID"], l["Text"]])).collect();
    assert_eq!(rows, [json!([1, 2, "a"]), json!([2, 2, "b"]), json!([3, 3, "c"]), json!([4, 1, "d"])]);
    assert_eq!(get(&format!("{root}/Tickets(3)/Title/$value")).await.text, "Parent");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn batch_references_reach_generated_keys() {
    let server = start().await;
    let root = &server.root;
    let batch = json!({"requests": [
        {"id": "t", "atomicityGroup": "g", "method": "POST", "url": "Tickets", "body": {"Title": "Batched"}},
        {"id": "l", "atomicityGroup": "g", "method": "POST", "url": "$t/Lines", "body": {"Text": "in batch"}}
    ]});
    let response = send("POST", &format!("{root}/$batch"), &[JSON], Some(&batch.to_string())).await;
    assert_eq!(response.status, 200, "{}", response.text);
    let body = response.json();
    assert_eq!(body["responses"][0]["headers"]["location"], format!("{root}/Tickets(1)"));
    assert_eq!(body["responses"][1]["headers"]["location"], format!("{root}/Lines(1)"));
    assert_eq!(body["responses"][1]["body"]["TicketID"], 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_left_out_guid_key_is_a_new_v4_uuid() {
    let server = start().await;
    let root = &server.root;
    let mut seen = Vec::new();
    for text in ["one", "two"] {
        let created = post(&server, "Notes", json!({"Text": text})).await;
        assert_eq!(created.status, 201, "{}", created.text);
        let id = created.json()["NoteID"].as_str().unwrap().to_owned();
        let uuid = uuid::Uuid::parse_str(&id).unwrap();
        assert_eq!((uuid.get_version_num(), id.clone()), (4, uuid.hyphenated().to_string()), "lower-case v4");
        assert_eq!(created.header("location"), Some(format!("{root}/Notes({id})").as_str()));
        assert_eq!(get(&format!("{root}/Notes({id})/Text/$value")).await.text, text);
        seen.push(id);
    }
    assert_ne!(seen[0], seen[1]);
    let sent = post(&server, "Notes", json!({"NoteID": "0b3a1e7c-5f9d-4c2b-8e6a-1d2f3a4b5c6d", "Text": "sent"})).await;
    assert_eq!(sent.header("location"), Some(format!("{root}/Notes(0b3a1e7c-5f9d-4c2b-8e6a-1d2f3a4b5c6d)").as_str()));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_read_only_key_is_always_generated() {
    let server = start().await;
    // A client's value of a computed key is ignored (OData part 1, 11.4.2); the key is generated.
    let ignored = post(&server, "Stamps", json!({"StampID": 5, "Text": "mine"})).await;
    assert_eq!((ignored.status, ignored.json()["StampID"].clone()), (201, json!(1)), "{}", ignored.text);
    let created = post(&server, "Stamps", json!({"Text": "theirs"})).await;
    assert_eq!((created.status, created.json()["StampID"].clone()), (201, json!(2)));
    let not_a_key = post(&server, "Stamps", json!({"StampID": "five", "Text": "bad"})).await;
    assert_eq!(not_a_key.status, 400);
    assert_eq!(not_a_key.error(), ("InvalidProperty".to_owned(), Some("StampID".to_owned())), "{}", not_a_key.text);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_left_out_string_or_compound_key_is_a_400_naming_it() {
    let server = start().await;
    for (set, body, key) in
        [("Tags", json!({}), "Name"), ("Seats", json!({"Number": 3}), "Row"), ("Seats", json!({"Row": 3}), "Number")]
    {
        let response = post(&server, set, body).await;
        assert_eq!(response.status, 400);
        assert_eq!(
            response.json(),
            json!({"error": {"code": "MissingKey", "message": format!("the key property {key} is missing"), "target": key}})
        );
    }
}

/// Models whose creates a table could never complete: a read-only property that must have a
/// value, which neither the client (its value is ignored) nor a table (it computes only the row
/// version and a single integer or Guid key) gives it.
mod unservable {
    #![allow(dead_code)] // the containers' fields describe the models; nothing reads them

    use odata_core::container::EntitySet;
    use odata_core::{DateTimeOffset, ODataEntity, ODataService};

    #[derive(ODataEntity, Debug, Clone, Default)]
    #[odata(type = "Ledger.Entry", key_property = "EntryID")]
    pub struct Entry {
        #[odata(rename = "EntryID", nullable = false)]
        pub entry_id: Option<i32>,
        #[odata(rename = "Posted", nullable = false, read_only)]
        pub posted: Option<DateTimeOffset>,
    }

    #[derive(ODataEntity, Debug, Clone, Default)]
    #[odata(type = "Ledger.Code", key_property = "Code")]
    pub struct Code {
        #[odata(rename = "Code", nullable = false, read_only)]
        pub code: Option<String>,
    }

    #[derive(ODataService, Debug, Clone)]
    #[odata(namespace = "Ledger", container = "Entries")]
    pub struct Entries {
        #[odata(entity_set = "Entries")]
        pub entries: EntitySet<Entry>,
    }

    #[derive(ODataService, Debug, Clone)]
    #[odata(namespace = "Ledger", container = "Codes")]
    pub struct Codes {
        #[odata(entity_set = "Codes")]
        pub codes: EntitySet<Code>,
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_read_only_value_no_one_can_give_is_refused_when_the_service_is_built() {
    let built = odata_server::Service::builder::<unservable::Entries>(support::database().await).build().await;
    assert_eq!(
        built.err().map(|e| e.to_string()).as_deref(),
        Some(
            "model not servable: Entries: the property Posted is read-only (Core.Computed) and a create must fill it, \
             but a table computes only its row version and a single integer or Guid key; make it nullable, or serve \
             Entries from a data source that sets it"
        )
    );
    // A key of a kind the service does not generate.
    let built = odata_server::Service::builder::<unservable::Codes>(support::database().await).build().await;
    let message = built.err().map(|e| e.to_string()).unwrap_or_default();
    assert!(message.starts_with("model not servable: Codes: the property Code is read-only"), "{message}");
}
