//! Property tests (proptest) for every type of the Graph model and for the derive's machinery.
//!
//! The values come from the model's own metadata (`ODataType::TYPE_INFO`), so a type added to the
//! model is covered by adding its name to the list below, and what is generated can never drift
//! from what the derive declares:
//!
//! - **valid documents** of a type (every property in any order, `@odata.type` anywhere, derived
//!   types for polymorphic properties, nulls, unknown enum members, unknown properties and
//!   instance annotations, expanded navigation properties) decode, encode to an equivalent
//!   document (nothing lost), and the encoding decodes to an equal value;
//! - **damaged documents** (any node of a valid one replaced by arbitrary JSON) decode, with the
//!   same round trip, or fail with an error that starts with the JSON path of the problem.
//!
//! A failure prints the document; proptest shrinks it first.

use odata_core::{
    AdditionalData, Binary, Date, DateTimeOffset, Decimal, Duration, Flags, Navigation, ODataComplex, ODataEntity,
    ODataEnum, ODataType, Page, TimeOfDay, TypeInfo, TypeKind, registry,
};
use odata_tests::round_trip_differences;
use proptest::prelude::*;
use proptest::sample::Index;
use proptest::strategy::BoxedStrategy;
use proptest::test_runner::{Config, TestCaseError, TestRunner};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

/// How deep complex values and expanded navigation properties nest.
const DEPTH: u32 = 3;
/// Cases per type and property.
const CASES: u32 = 192;

// ---------------------------------------------------------------------------------------------
// Generated JSON, with member order kept (so `@odata.type` can come last).

#[derive(Debug, Clone)]
enum Json {
    Leaf(Value),
    Array(Vec<Json>),
    Object(Vec<(String, Json)>),
}

impl Json {
    fn write(&self, out: &mut String) {
        match self {
            Json::Leaf(value) => out.push_str(&value.to_string()),
            Json::Array(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    item.write(out);
                }
                out.push(']');
            }
            Json::Object(members) => {
                out.push('{');
                for (i, (name, value)) in members.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    out.push_str(&Value::from(name.as_str()).to_string());
                    out.push(':');
                    value.write(out);
                }
                out.push('}');
            }
        }
    }

    fn text(&self) -> String {
        let mut out = String::new();
        self.write(&mut out);
        out
    }

    fn nodes(&self) -> usize {
        1 + match self {
            Json::Leaf(_) => 0,
            Json::Array(items) => items.iter().map(Json::nodes).sum(),
            Json::Object(members) => members.iter().map(|(_, v)| v.nodes()).sum(),
        }
    }

    /// Replaces the `n`th node (pre-order) with `with`.
    fn replace(&mut self, n: &mut usize, with: &Json) -> bool {
        if *n == 0 {
            *self = with.clone();
            return true;
        }
        *n -= 1;
        match self {
            Json::Leaf(_) => false,
            Json::Array(items) => items.iter_mut().any(|item| item.replace(n, with)),
            Json::Object(members) => members.iter_mut().any(|(_, v)| v.replace(n, with)),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Strategies from the metadata.

fn leaf<T: Serialize>(value: T) -> Json {
    Json::Leaf(serde_json::to_value(value).expect("a JSON value"))
}

/// Text of any Unicode, quotes, escapes and controls included.
fn any_text() -> BoxedStrategy<String> {
    prop::collection::vec(any::<char>(), 0..10).prop_map(String::from_iter).boxed()
}

fn two(n: u32) -> String {
    format!("{n:02}")
}

fn fraction() -> BoxedStrategy<String> {
    prop_oneof![
        Just(String::new()),
        (1u32..8, any::<u32>()).prop_map(|(digits, n)| { format!(".{}", &format!("{n:010}")[..digits as usize]) })
    ]
    .boxed()
}

fn date_text() -> BoxedStrategy<String> {
    (1u32..=9999, 1u32..=12, 1u32..=28).prop_map(|(y, m, d)| format!("{y:04}-{}-{}", two(m), two(d))).boxed()
}

fn time_text() -> BoxedStrategy<String> {
    (0u32..24, 0u32..60, 0u32..60, fraction())
        .prop_map(|(h, m, s, f)| format!("{}:{}:{}{f}", two(h), two(m), two(s)))
        .boxed()
}

fn offset_text() -> BoxedStrategy<String> {
    prop_oneof![
        Just("Z".to_owned()),
        (any::<bool>(), 0u32..14, prop::sample::select(vec![0u32, 30, 45])).prop_map(|(minus, h, m)| format!(
            "{}{}:{}",
            if minus { '-' } else { '+' },
            two(h),
            two(m)
        ))
    ]
    .boxed()
}

fn duration_text() -> BoxedStrategy<String> {
    // Up to the widest literal there is (`time::Duration` holds 106,751,991,167,300 days and a bit).
    let days = prop_oneof![0u64..400, 0u64..=106_751_991_167_299];
    (any::<bool>(), days, 0u32..24, 0u32..60, 0u32..60, fraction())
        .prop_map(|(minus, d, h, m, s, f)| {
            let sign = if minus { "-" } else { "" };
            format!("{sign}P{d}DT{h}H{m}M{s}{f}S")
        })
        .boxed()
}

/// A finite `f32` whose shortest text reads as the same `f64`.
fn single() -> BoxedStrategy<f32> {
    // An f32 is written in its shortest f32 digits (`24.3203125f32` as `24.320312`, the same f32);
    // JSON that an f64 reader would see differently is left to tests/wire_format.rs.
    (-(1i32 << 20)..(1i32 << 20), -12i32..12)
        .prop_map(|(m, e)| m as f32 * 2f32.powi(e))
        .prop_filter("the same number as f32 and f64", |x| x.to_string().parse::<f64>() == Ok(f64::from(*x)))
        .boxed()
}

/// A value of a primitive type, as OData JSON writes it.
fn primitive(name: &str) -> BoxedStrategy<Json> {
    match name {
        "Edm.String" => any_text().prop_map(leaf).boxed(),
        "Edm.Boolean" => any::<bool>().prop_map(leaf).boxed(),
        "Edm.Byte" => any::<u8>().prop_map(leaf).boxed(),
        "Edm.SByte" => any::<i8>().prop_map(leaf).boxed(),
        "Edm.Int16" => any::<i16>().prop_map(leaf).boxed(),
        "Edm.Int32" => any::<i32>().prop_map(leaf).boxed(),
        "Edm.Int64" => any::<i64>().prop_map(leaf).boxed(),
        "Edm.Single" => single().prop_map(leaf).boxed(),
        "Edm.Double" => any::<f64>().prop_filter("finite", |x| x.is_finite()).prop_map(leaf).boxed(),
        "Edm.Decimal" => (any::<i64>(), 0u32..8)
            .prop_map(|(n, scale)| {
                let digits = n.unsigned_abs().to_string();
                let text = if scale == 0 { digits } else { format!("{digits}e-{scale}") };
                let text = if n < 0 { format!("-{text}") } else { text };
                leaf(Decimal::parse(&text).expect("a decimal"))
            })
            .boxed(),
        "Edm.Guid" => any::<u128>().prop_map(|n| leaf(uuid::Uuid::from_u128(n).hyphenated().to_string())).boxed(),
        "Edm.Date" => date_text().prop_map(|t| leaf(t.parse::<Date>().expect("a date"))).boxed(),
        "Edm.TimeOfDay" => time_text().prop_map(|t| leaf(t.parse::<TimeOfDay>().expect("a time"))).boxed(),
        "Edm.DateTimeOffset" => (date_text(), time_text(), offset_text())
            .prop_map(|(d, t, o)| leaf(format!("{d}T{t}{o}").parse::<DateTimeOffset>().expect("a DateTimeOffset")))
            .boxed(),
        "Edm.Duration" => duration_text().prop_map(|t| leaf(t.parse::<Duration>().expect("a duration"))).boxed(),
        "Edm.Binary" => prop::collection::vec(any::<u8>(), 0..24).prop_map(|b| leaf(Binary::from(b))).boxed(),
        other => panic!("no generator for the primitive type {other}: add one here"),
    }
}

/// A member name, or (one time in six) a member the model does not know.
fn enum_member(info: &'static TypeInfo) -> BoxedStrategy<String> {
    let names: Vec<&'static str> = info.members.iter().map(|m| m.name).collect();
    prop_oneof![5 => prop::sample::select(names).prop_map(str::to_owned), 1 => "[a-z][a-zA-Z0-9]{0,12}Future"].boxed()
}

fn enum_value(info: &'static TypeInfo) -> BoxedStrategy<Json> {
    if info.is_flags {
        // Distinct members: a repeated one (`read,read`) is the same value and is written once.
        prop::collection::vec(enum_member(info), 1..4)
            .prop_map(|mut members| {
                let mut seen = std::collections::HashSet::new();
                members.retain(|m| seen.insert(m.clone()));
                leaf(members.join(","))
            })
            .boxed()
    } else {
        enum_member(info).prop_map(leaf).boxed()
    }
}

/// `info` and the types the registry knows to derive from it, without the abstract ones.
fn concrete_types(info: &'static TypeInfo) -> Vec<&'static TypeInfo> {
    let mut types: Vec<&'static TypeInfo> =
        registry::all_types().filter(|t| t.is_or_derives_from(info) && !t.is_abstract).collect();
    types.sort_by_key(|t| t.qualified_name);
    types.dedup_by_key(|t| t.qualified_name);
    types
}

/// A value of a structured type declared as `declared`: the type itself or a derived type.
fn structured(declared: &'static TypeInfo, depth: u32) -> BoxedStrategy<Json> {
    let types = concrete_types(declared);
    assert!(!types.is_empty(), "{} has no concrete type", declared.qualified_name);
    prop::sample::select(types).prop_flat_map(move |concrete| object(concrete, declared, depth)).boxed()
}

/// One member with its value, or `None` when left out.
type Member = Option<(String, Json)>;

fn object(concrete: &'static TypeInfo, declared: &'static TypeInfo, depth: u32) -> BoxedStrategy<Json> {
    let mut members: Vec<BoxedStrategy<Member>> = Vec::new();
    let annotation = format!("#{}", concrete.qualified_name);
    let type_member = Some(("@odata.type".to_owned(), leaf(annotation)));
    if concrete.qualified_name == declared.qualified_name {
        members.push(prop_oneof![Just(None), Just(type_member)].boxed());
    } else {
        members.push(Just(type_member).boxed());
    }
    for property in concrete.all_properties() {
        let name = property.name.to_owned();
        let is_key = concrete.key().contains(&property.name);
        let value = value_of(property.ty.name, property.ty.info, property.ty.collection, depth);
        let value = if property.nullable && !is_key {
            prop_oneof![4 => value, 1 => Just(Json::Leaf(Value::Null))].boxed()
        } else {
            value
        };
        let member = value.prop_map(move |v| Some((name.clone(), v)));
        members.push(if is_key { member.boxed() } else { prop_oneof![Just(None), member].boxed() });
    }
    if depth > 0 {
        for navigation in concrete.all_navigation_properties() {
            let name = navigation.name.to_owned();
            let target = navigation.ty.info.expect("a navigation target has metadata")();
            let value = if navigation.ty.collection {
                prop::collection::vec(structured(target, depth - 1), 0..3).prop_map(Json::Array).boxed()
            } else {
                structured(target, depth - 1)
            };
            members.push(prop_oneof![3 => Just(None), 1 => value.prop_map(move |v| Some((name.clone(), v)))].boxed());
        }
    }
    // What the model does not declare: kept by its `AdditionalData`.
    members.push(
        prop_oneof![
            Just(None),
            (any_text(), unknown_value()).prop_map(|(s, v)| Some((format!("zzUnknown{}", s.len()), v)))
        ]
        .boxed(),
    );
    members.push(prop_oneof![Just(None), unknown_value().prop_map(|v| Some(("@zz.note".to_owned(), v)))].boxed());
    members.push(prop_oneof![Just(None), any_text().prop_map(|s| Some(("@odata.etag".to_owned(), leaf(s))))].boxed());
    members
        .prop_map(|members| members.into_iter().flatten().collect::<Vec<_>>())
        .prop_shuffle()
        .prop_map(Json::Object)
        .boxed()
}

fn value_of(
    name: &'static str,
    info: Option<fn() -> &'static TypeInfo>,
    collection: bool,
    depth: u32,
) -> BoxedStrategy<Json> {
    let item = move || match info.map(|f| f()) {
        None => primitive(name),
        Some(info) if info.kind == TypeKind::Enum => enum_value(info),
        Some(info) if depth == 0 => {
            // Deep enough: the smallest value of the type.
            Just(Json::Object(vec![("@odata.type".to_owned(), leaf(format!("#{}", info.qualified_name)))])).boxed()
        }
        Some(info) => structured(info, depth - 1),
    };
    if collection { prop::collection::vec(item(), 0..3).prop_map(Json::Array).boxed() } else { item() }
}

/// Any JSON: what an unknown property may hold, and what damages a document.
fn unknown_value() -> BoxedStrategy<Json> {
    let leaf_value = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>().prop_filter("finite", |x| x.is_finite()).prop_map(Value::from),
        any_text().prop_map(Value::from),
    ]
    .prop_map(Json::Leaf);
    leaf_value
        .prop_recursive(3, 16, 4, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..4).prop_map(Json::Array),
                // Distinct names: a member twice is not a valid document (and is an error).
                prop::collection::btree_map("[a-z@.]{1,8}", inner, 0..4)
                    .prop_map(|members| Json::Object(members.into_iter().collect())),
            ]
        })
        .boxed()
}

// ---------------------------------------------------------------------------------------------
// The properties.

fn encode<T: Serialize>(value: &T) -> Result<String, TestCaseError> {
    serde_json::to_string(value).map_err(|e| TestCaseError::fail(format!("a decoded value does not encode: {e}")))
}

/// Decoded values encode, and the encoding decodes to an equal value.
fn round_trip<T: DeserializeOwned + Serialize + PartialEq + std::fmt::Debug>(
    value: &T,
) -> Result<String, TestCaseError> {
    let encoded = encode(value)?;
    let again: T = serde_json::from_str(&encoded)
        .map_err(|e| TestCaseError::fail(format!("the encoding does not decode: {e}\n{encoded}")))?;
    prop_assert_eq!(value, &again, "decode(encode(x)) != x\n{}", encoded);
    Ok(encoded)
}

fn valid_documents_round_trip<T>(declared: &'static TypeInfo)
where
    T: DeserializeOwned + Serialize + PartialEq + std::fmt::Debug,
{
    let mut runner = TestRunner::new(Config { cases: CASES, failure_persistence: None, ..Config::default() });
    let result = runner.run(&structured(declared, DEPTH), |document| {
        let text = document.text();
        let value: T = serde_json::from_str(&text)
            .map_err(|e| TestCaseError::fail(format!("a valid document does not decode: {e}\n{text}")))?;
        round_trip(&value)?;
        round_trip_differences(&text, &value)
            .map_err(|differences| TestCaseError::fail(format!("{differences}\nread:  {text}")))?;
        Ok(())
    });
    if let Err(failure) = result {
        panic!("{}: {failure}", declared.qualified_name);
    }
}

fn damaged_documents_decode_or_name_a_path<T>(declared: &'static TypeInfo)
where
    T: DeserializeOwned + Serialize + PartialEq + std::fmt::Debug,
{
    let mut runner = TestRunner::new(Config { cases: CASES, failure_persistence: None, ..Config::default() });
    let damaged = (structured(declared, DEPTH), any::<Index>(), unknown_value()).prop_map(|(mut doc, at, with)| {
        let mut n = at.index(doc.nodes());
        doc.replace(&mut n, &with);
        doc
    });
    let result = runner.run(&damaged, |document| {
        let text = document.text();
        match serde_json::from_str::<T>(&text) {
            Ok(value) => round_trip(&value).map(drop),
            Err(error) => {
                let message = error.to_string();
                prop_assert!(message.starts_with('$'), "the error names no JSON path: {}\n{}", message, text);
                Ok(())
            }
        }
    });
    if let Err(failure) = result {
        panic!("{}: {failure}", declared.qualified_name);
    }
}

/// Both properties for each listed type: `T`'s own metadata declares the documents.
macro_rules! properties {
    ($($module:ident: $ty:ty),* $(,)?) => {$(
        mod $module {
            use super::*;

            #[test]
            fn valid_documents_round_trip() {
                super::valid_documents_round_trip::<$ty>(<$ty as ODataType>::TYPE_INFO);
            }

            #[test]
            fn damaged_documents_decode_or_name_a_path() {
                super::damaged_documents_decode_or_name_a_path::<$ty>(<$ty as ODataType>::TYPE_INFO);
            }
        }
    )*};
}

mod graph {
    use super::*;
    use odata_graph::call_records::*;
    use odata_graph::{AnyIdentity, AnyIdentitySet, CommunicationsIdentitySet, Entity, Identity, IdentitySet};

    properties! {
        entity: Entity,
        call_record: CallRecord,
        session: Session,
        segment: Segment,
        failure_info: FailureInfo,
        media: Media,
        media_stream: MediaStream,
        device_info: DeviceInfo,
        network_info: NetworkInfo,
        trace_route_hop: TraceRouteHop,
        endpoint: Endpoint,
        any_endpoint: AnyEndpoint,
        participant_endpoint: ParticipantEndpoint,
        service_endpoint: ServiceEndpoint,
        user_agent: UserAgent,
        any_user_agent: AnyUserAgent,
        client_user_agent: ClientUserAgent,
        service_user_agent: ServiceUserAgent,
        user_feedback: UserFeedback,
        feedback_token_set: FeedbackTokenSet,
        user_identity: UserIdentity,
        participant_base: ParticipantBase,
        any_participant_base: AnyParticipantBase,
        participant: Participant,
        organizer: Organizer,
        administrative_unit_info: AdministrativeUnitInfo,
        direct_routing_log_row: DirectRoutingLogRow,
        pstn_call_log_row: PstnCallLogRow,
        identity: Identity,
        any_identity: AnyIdentity,
        identity_set: IdentitySet,
        any_identity_set: AnyIdentitySet,
        communications_identity_set: CommunicationsIdentitySet,
        graph_user_identity: odata_graph::UserIdentity,
    }

    /// Every enumeration type: any member name, known or not, is kept and written back as sent
    /// (an integer is a member value, read as that member); any other JSON decodes or names `$`.
    macro_rules! enum_properties {
        ($($name:ident: $ty:ty),* $(,)?) => {$(
            #[test]
            fn $name() {
                enum_round_trip::<$ty>();
            }
        )*};
    }

    enum_properties! {
        audio_codec: AudioCodec,
        call_type: CallType,
        client_platform: ClientPlatform,
        failure_stage: FailureStage,
        media_stream_direction: MediaStreamDirection,
        modality: Modality,
        network_connection_type: NetworkConnectionType,
        network_transport_protocol: NetworkTransportProtocol,
        product_family: ProductFamily,
        pstn_call_duration_source: PstnCallDurationSource,
        service_role: ServiceRole,
        user_feedback_rating: UserFeedbackRating,
        video_codec: VideoCodec,
        wifi_band: WifiBand,
        wifi_radio_type: WifiRadioType,
        endpoint_type: odata_graph::EndpointType,
    }

    fn enum_round_trip<E>()
    where
        E: ODataType + DeserializeOwned + Serialize + PartialEq + std::fmt::Debug,
    {
        let mut runner = TestRunner::new(Config { cases: CASES, failure_persistence: None, ..Config::default() });
        let text = prop_oneof![enum_member(E::TYPE_INFO), any_text()];
        let result = runner.run(&(text, unknown_value()), |(name, other)| {
            let json = Value::from(name.as_str()).to_string();
            let value: E = serde_json::from_str(&json).map_err(|e| TestCaseError::fail(format!("{e}\n{json}")))?;
            let encoded = round_trip(&value)?;
            let is_value =
                !name.is_empty() && name.strip_prefix('-').unwrap_or(&name).bytes().all(|b| b.is_ascii_digit());
            if !is_value {
                prop_assert_eq!(&encoded, &json);
            }
            let other = other.text();
            if let Err(error) = serde_json::from_str::<E>(&other) {
                prop_assert!(error.to_string().starts_with('$'), "no path in {}", error);
            }
            Ok(())
        });
        if let Err(failure) = result {
            panic!("{}: {failure}", E::QUALIFIED_NAME);
        }
    }

    /// Pages of entities: the shape of every collection response.
    #[test]
    fn pages_of_sessions_and_call_records_round_trip() {
        page_round_trip::<Session>();
        page_round_trip::<CallRecord>();
    }

    fn page_round_trip<T>()
    where
        T: ODataType + odata_core::EdmType + DeserializeOwned + Serialize + PartialEq + std::fmt::Debug,
    {
        let mut runner = TestRunner::new(Config { cases: 64, failure_persistence: None, ..Config::default() });
        let page = (
            prop::collection::vec(structured(T::TYPE_INFO, 2), 0..4),
            prop::option::of(any::<u32>()),
            prop::option::of(any_text()),
        )
            .prop_map(|(items, count, next)| {
                let mut members = vec![("value".to_owned(), Json::Array(items))];
                members.extend(count.map(|n| ("@odata.count".to_owned(), leaf(n))));
                members.extend(
                    next.map(|link| ("@odata.nextLink".to_owned(), leaf(format!("https://x/y?$skiptoken={link}")))),
                );
                Json::Object(members)
            });
        let result = runner.run(&page, |document| {
            let text = document.text();
            let page: Page<T> = serde_json::from_str(&text).map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
            round_trip(&page)?;
            round_trip_differences(&text, &page)
                .map_err(|differences| TestCaseError::fail(format!("{differences}\nread:  {text}")))?;
            Ok(())
        });
        if let Err(failure) = result {
            panic!("Page<{}>: {failure}", T::QUALIFIED_NAME);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The derive's machinery on a model of the test's own: every primitive type, flags, open types,
// a three-level hierarchy under a polymorphic holder, containment navigation, collections of
// nullable values.

/// An enumeration with a catch-all.
#[derive(ODataEnum, Debug, Clone, PartialEq)]
#[odata(type = "test.props.level")]
enum Level {
    Low,
    #[odata(value = 10)]
    High,
    #[odata(rename = "veryHigh")]
    Extreme,
    Other(String),
}

/// A flags enumeration with a catch-all.
#[derive(ODataEnum, Debug, Clone, PartialEq)]
#[odata(type = "test.props.access", flags)]
enum Access {
    #[odata(value = 1)]
    Read,
    #[odata(value = 2)]
    Write,
    #[odata(value = 4)]
    Admin,
    Other(String),
}

#[derive(ODataComplex, Debug, Clone, Default, PartialEq)]
#[odata(type = "test.props.primitives")]
struct Primitives {
    text: Option<String>,
    flag: Option<bool>,
    byte: Option<u8>,
    signed_byte: Option<i8>,
    small: Option<i16>,
    number: Option<i32>,
    big: Option<i64>,
    single: Option<f32>,
    double: Option<f64>,
    decimal: Option<Decimal>,
    guid: Option<uuid::Uuid>,
    date: Option<Date>,
    time: Option<TimeOfDay>,
    instant: Option<DateTimeOffset>,
    duration: Option<Duration>,
    binary: Option<Binary>,
    level: Option<Level>,
    access: Option<Flags<Access>>,
    levels: Option<Vec<Option<Level>>>,
    texts: Option<Vec<Option<String>>>,
    additional_data: AdditionalData,
}

#[derive(ODataComplex, Debug, Clone, Default, PartialEq)]
#[odata(type = "test.props.shape", open_type)]
struct Shape {
    name: Option<String>,
    values: Option<Primitives>,
    additional_data: AdditionalData,
}

#[derive(ODataComplex, Debug, Clone, Default, PartialEq)]
#[odata(type = "test.props.polygon", base_type = "test.props.shape")]
struct Polygon {
    #[odata(base)]
    shape: Shape,
    corners: Option<i32>,
}

#[derive(ODataComplex, Debug, Clone, Default, PartialEq)]
#[odata(type = "test.props.square", base_type = "test.props.polygon")]
struct Square {
    #[odata(base)]
    polygon: Polygon,
    side: Option<Decimal>,
}

/// The holder: polygon is a known derived type it does not list (kept as a `Shape`).
#[derive(ODataComplex, Debug, Clone, PartialEq)]
#[odata(type = "test.props.shape")]
enum AnyShape {
    Shape(Shape),
    Square(Square),
}

#[derive(ODataEntity, Debug, Clone, Default, PartialEq)]
#[odata(type = "test.props.drawing", key_property = "id")]
struct Drawing {
    id: Option<String>,
    main: Option<AnyShape>,
    shapes: Option<Vec<AnyShape>>,
    #[odata(read_only)]
    revision: Option<i64>,
    #[odata(navigation, contains_target)]
    layers: Navigation<Vec<Layer>>,
    #[odata(navigation)]
    parent: Navigation<Drawing>,
    additional_data: AdditionalData,
}

#[derive(ODataEntity, Debug, Clone, Default, PartialEq)]
#[odata(type = "test.props.layer", key_property = "id")]
struct Layer {
    id: Option<String>,
    order: Option<i32>,
    #[odata(navigation)]
    drawing: Navigation<Drawing>,
    additional_data: AdditionalData,
}

properties! {
    primitives: Primitives,
    shape: Shape,
    polygon: Polygon,
    square: Square,
    any_shape: AnyShape,
    drawing: Drawing,
    layer: Layer,
}
