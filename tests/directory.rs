//! The directory objects (`odata_graph::directory`) on the responses published in the Graph v1.0
//! docs (`tests/fixtures/graph-directory/`, see its README): each body decodes as its declared
//! type, each item of a `directoryObject` collection as the type its `@odata.type` names, and
//! each body round-trips; the types' metadata agrees with the official CSDL.

use std::path::PathBuf;

use odata_core::Page;
use odata_core::csdl::Document;
use odata_graph::directory::{
    AdministrativeUnit, AnyDirectoryObject, Device, DirectoryObject, DirectoryRole, Group, OrgContact, PhoneType,
    ServicePrincipal, User,
};
use odata_tests::assert_round_trip;

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures/graph-directory")
}

fn fixture(name: &str) -> String {
    let path = fixtures().join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The variant of a directory object, by its type name.
fn variant(object: &AnyDirectoryObject) -> &'static str {
    match object {
        AnyDirectoryObject::DirectoryObject(_) => "directoryObject",
        AnyDirectoryObject::AdministrativeUnit(_) => "administrativeUnit",
        AnyDirectoryObject::Device(_) => "device",
        AnyDirectoryObject::DirectoryRole(_) => "directoryRole",
        AnyDirectoryObject::Group(_) => "group",
        AnyDirectoryObject::OrgContact(_) => "orgContact",
        AnyDirectoryObject::ServicePrincipal(_) => "servicePrincipal",
        AnyDirectoryObject::User(_) => "user",
    }
}

/// `Collection(microsoft.graph.directoryObject)` bodies, with the variant each item must decode
/// as: the type its `@odata.type` names, or `directoryObject` where it has none.
const DIRECTORY_OBJECT_PAGES: &[(&str, &[&str])] = &[
    ("user-list-memberof-1.json", &["group"]),
    ("user-list-transitivememberof-1.json", &["group"]),
    ("group-list-members-1.json", &["directoryObject"]),
    ("group-list-transitivemembers-1.json", &["user"]),
    ("group-list-owners-1.json", &["user", "user", "user"]),
    ("directoryobject-getbyids-1.json", &["user", "user"]),
    ("directoryrole-list-members-1.json", &["directoryObject"]),
    ("administrativeunit-list-members-1.json", &["device", "device"]),
    ("administrativeunit-list-members-2.json", &["directoryObject", "directoryObject"]),
];

#[test]
fn each_item_of_a_directory_object_collection_decodes_as_its_odata_type() {
    for (name, expected) in DIRECTORY_OBJECT_PAGES {
        let page: Page<AnyDirectoryObject> =
            serde_json::from_str(&fixture(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
        let variants: Vec<&str> = page.value.iter().map(variant).collect();
        assert_eq!(&variants, expected, "{name}");
    }
}

#[test]
fn derived_members_keep_their_own_properties() {
    let page: Page<AnyDirectoryObject> = serde_json::from_str(&fixture("group-list-owners-1.json")).unwrap();
    let AnyDirectoryObject::User(megan) = &page.value[1] else { panic!("{:?}", page.value[1]) };
    assert_eq!(megan.id.as_deref(), Some("f0206b06-7c5d-461c-ae24-08f68b7ef463"));
    assert_eq!(megan.user_principal_name.as_deref(), Some("MeganB@contoso.com"));
    assert_eq!(megan.account_enabled, Some(true));

    let page: Page<AnyDirectoryObject> =
        serde_json::from_str(&fixture("administrativeunit-list-members-1.json")).unwrap();
    let AnyDirectoryObject::Device(linux) = &page.value[1] else { panic!("{:?}", page.value[1]) };
    assert_eq!(linux.operating_system.as_deref(), Some("linux"));
    assert_eq!(linux.account_enabled, Some(false));
    // Deref reaches the common part of any variant.
    assert_eq!(page.value[0].id.as_deref(), Some("7c06cd31-7c30-4f3b-a5c3-444cd8dd63ac"));

    // An item without `@odata.type` is the declared type; what it says beyond that is kept.
    let page: Page<AnyDirectoryObject> = serde_json::from_str(&fixture("directoryrole-list-members-1.json")).unwrap();
    let AnyDirectoryObject::DirectoryObject(adele) = &page.value[0] else { panic!("{:?}", page.value[0]) };
    assert!(adele.additional_data.property("userPrincipalName").is_some(), "{adele:?}");
}

#[test]
fn cast_collections_decode_as_their_type() {
    for name in [
        "user-list-memberof-6.json",
        "user-list-transitivememberof-5.json",
        "group-list-transitivemembers-3.fixed.json",
    ] {
        let page: Page<Group> = serde_json::from_str(&fixture(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(!page.value.is_empty(), "{name}");
    }
    let page: Page<Group> = serde_json::from_str(&fixture("user-list-transitivememberof-5.json")).unwrap();
    assert_eq!(page.count, Some(76));
    let page: Page<User> = serde_json::from_str(&fixture("group-list-transitivemembers-4.json")).unwrap();
    assert_eq!(page.value[0].display_name.as_deref(), Some("Joseph Price"));
    let page: Page<DirectoryRole> = serde_json::from_str(&fixture("directoryrole-list-1.json")).unwrap();
    assert_eq!(page.value[0].role_template_id.as_deref(), Some("roleTemplateId-value"));
}

#[test]
fn the_published_transitive_members_cast_example_is_not_json_and_its_fix_removes_two_commas() {
    let published = fixture("group-list-transitivemembers-3.json");
    assert!(serde_json::from_str::<serde_json::Value>(&published).is_err(), "the published body became valid JSON");
    let fixed = fixture("group-list-transitivemembers-3.fixed.json");
    let refixed = published
        .replace("\"mailNickname\": \"Executives\",\n", "\"mailNickname\": \"Executives\"\n")
        .replace("\"mailNickname\": \"Falcon\",\n", "\"mailNickname\": \"Falcon\"\n");
    assert_eq!(fixed, refixed);
}

#[test]
fn entities_decode_as_their_type() {
    let user: User = serde_json::from_str(&fixture("user-get-1.json")).unwrap();
    assert_eq!(user.business_phones.as_deref(), Some(&["+1 425 555 0109".to_owned()][..]));
    assert_eq!(user.id.as_deref(), Some("87d349ed-44d7-43e1-9a83-5f2406dee5bd"));

    let user: User = serde_json::from_str(&fixture("user-get-3.json")).unwrap();
    let identities = user.identities.as_ref().expect("identities");
    assert_eq!(identities[0].issuer_assigned_id.as_deref(), Some("AdeleV@contoso.com"));

    // A schema extension is not in the model: kept as it came.
    let user: User = serde_json::from_str(&fixture("user-get-4.json")).unwrap();
    assert!(user.additional_data.property("ext55gb1l09_msLearnCourses").is_some(), "{user:?}");

    // Custom security attributes: an open type holding open values with their annotations.
    let user: User = serde_json::from_str(&fixture("user-get-5.json")).unwrap();
    let attributes = user.custom_security_attributes.as_ref().expect("customSecurityAttributes");
    assert!(attributes.additional_data.property("Engineering").is_some(), "{attributes:?}");
    let user: User = serde_json::from_str(&fixture("user-get-5-unassigned.json")).unwrap();
    assert_eq!(user.custom_security_attributes, None);

    let group: Group = serde_json::from_str(&fixture("group-get-1.json")).unwrap();
    assert_eq!(group.group_types.as_deref(), Some(&["Unified".to_owned()][..]));
    assert_eq!(group.visibility.as_deref(), Some("Private"));
    let group: Group = serde_json::from_str(&fixture("group-get-2.json")).unwrap();
    assert_eq!(group.unseen_count, Some(3));

    let contact: OrgContact = serde_json::from_str(&fixture("orgcontact-get-1.json")).unwrap();
    let phones = contact.phones.as_ref().expect("phones");
    assert_eq!(phones[0].r#type, Some(PhoneType::BusinessFax));
    let addresses = contact.addresses.as_ref().expect("addresses");
    assert_eq!(addresses[0].country_or_region.as_deref(), Some("United States"));

    let device: Device = serde_json::from_str(&fixture("device-get-1.json")).unwrap();
    assert_eq!(device.operating_system_version.as_deref(), Some("10.0.19043.1165"));
    // `extensionAttributes` is a beta property (the example's request is to /beta); v1.0's device
    // is an open type, so it is kept as a dynamic property.
    let device: Device = serde_json::from_str(&fixture("device-get-2.json")).unwrap();
    let attributes = device.additional_data.property_value("extensionAttributes").expect("extensionAttributes");
    assert_eq!(attributes["extensionAttribute1"], "BYOD-Device");

    let unit: AdministrativeUnit = serde_json::from_str(&fixture("administrativeunit-get-1.json")).unwrap();
    assert_eq!(unit.visibility.as_deref(), Some("visibility-value"));

    let app: ServicePrincipal = serde_json::from_str(&fixture("serviceprincipal-get-1.json")).unwrap();
    assert_eq!(
        app.app_owner_organization_id.map(|g| g.to_string()).as_deref(),
        Some("65415bb1-9267-4313-bbf5-ae259732ee12")
    );
    assert_eq!(app.verified_publisher.as_ref().and_then(|p| p.verified_publisher_id.as_deref()), Some("9999999"));
    let app: ServicePrincipal = serde_json::from_str(&fixture("serviceprincipal-get-2.json")).unwrap();
    let scopes = app.oauth2_permission_scopes.as_ref().expect("oauth2PermissionScopes");
    assert_eq!(scopes[0].value.as_deref(), Some("profile"));
    let app: ServicePrincipal = serde_json::from_str(&fixture("serviceprincipal-get-3.json")).unwrap();
    assert!(app.custom_security_attributes.is_some());
}

#[test]
fn a_single_directory_object_decodes_as_its_type_through_the_holder() {
    let object: AnyDirectoryObject = serde_json::from_str(&fixture("device-get-1.json")).unwrap();
    // No `@odata.type`: the declared type, with the device's properties kept.
    assert_eq!(variant(&object), "directoryObject");
    let object: AnyDirectoryObject =
        serde_json::from_str(r##"{"@odata.type": "#microsoft.graph.orgContact", "id": "c", "companyName": "Adatum"}"##)
            .unwrap();
    let AnyDirectoryObject::OrgContact(contact) = object else { panic!("{object:?}") };
    assert_eq!(contact.company_name.as_deref(), Some("Adatum"));
}

/// One round-trip test per fixture, so that each failure names its file.
macro_rules! round_trips {
    ($($test:ident: $ty:ty = $file:literal),* $(,)?) => {$(
        #[test]
        fn $test() {
            assert_round_trip::<$ty>(&fixture($file));
        }
    )*};
}

round_trips! {
    round_trip_user_list_memberof_1: Page<AnyDirectoryObject> = "user-list-memberof-1.json",
    round_trip_user_list_memberof_6: Page<Group> = "user-list-memberof-6.json",
    round_trip_user_list_transitivememberof_1: Page<AnyDirectoryObject> = "user-list-transitivememberof-1.json",
    round_trip_user_list_transitivememberof_5: Page<Group> = "user-list-transitivememberof-5.json",
    round_trip_group_list_members_1: Page<AnyDirectoryObject> = "group-list-members-1.json",
    round_trip_group_list_transitivemembers_1: Page<AnyDirectoryObject> = "group-list-transitivemembers-1.json",
    round_trip_group_list_transitivemembers_3_fixed: Page<Group> = "group-list-transitivemembers-3.fixed.json",
    round_trip_group_list_transitivemembers_4: Page<User> = "group-list-transitivemembers-4.json",
    round_trip_group_list_owners_1: Page<AnyDirectoryObject> = "group-list-owners-1.json",
    round_trip_directoryobject_getbyids_1: Page<AnyDirectoryObject> = "directoryobject-getbyids-1.json",
    round_trip_directoryrole_list_1: Page<DirectoryRole> = "directoryrole-list-1.json",
    round_trip_directoryrole_list_members_1: Page<AnyDirectoryObject> = "directoryrole-list-members-1.json",
    round_trip_administrativeunit_list_members_1: Page<AnyDirectoryObject> = "administrativeunit-list-members-1.json",
    round_trip_administrativeunit_list_members_2: Page<AnyDirectoryObject> = "administrativeunit-list-members-2.json",
    round_trip_user_get_1: User = "user-get-1.json",
    round_trip_user_get_3: User = "user-get-3.json",
    round_trip_user_get_4: User = "user-get-4.json",
    round_trip_user_get_5: User = "user-get-5.json",
    round_trip_user_get_5_unassigned: User = "user-get-5-unassigned.json",
    round_trip_group_get_1: Group = "group-get-1.json",
    round_trip_group_get_2: Group = "group-get-2.json",
    round_trip_orgcontact_get_1: OrgContact = "orgcontact-get-1.json",
    round_trip_device_get_1: Device = "device-get-1.json",
    round_trip_device_get_2: Device = "device-get-2.json",
    round_trip_administrativeunit_get_1: AdministrativeUnit = "administrativeunit-get-1.json",
    round_trip_serviceprincipal_get_1: ServicePrincipal = "serviceprincipal-get-1.json",
    round_trip_serviceprincipal_get_2: ServicePrincipal = "serviceprincipal-get-2.json",
    round_trip_serviceprincipal_get_3: ServicePrincipal = "serviceprincipal-get-3.json",
}

#[test]
fn every_fixture_is_covered() {
    let mut listed: Vec<&str> = DIRECTORY_OBJECT_PAGES.iter().map(|(name, _)| *name).collect();
    listed.extend(include_str!("directory.rs").lines().filter_map(|line| {
        let (_, rest) = line.split_once(" = \"")?;
        rest.strip_suffix("\",")
    }));
    listed.push("group-list-transitivemembers-3.json"); // not JSON as published; see its test
    let mut files: Vec<String> = std::fs::read_dir(fixtures())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|name| name.ends_with(".json"))
        .collect();
    files.sort();
    let missing: Vec<&String> = files.iter().filter(|f| !listed.contains(&f.as_str())).collect();
    assert!(missing.is_empty(), "fixtures no test reads: {missing:?}");
}

/// The directory types as the derives describe them: from the base type and `user` alone, the
/// rest is reached through them (`memberOf` holds any directory object; the complex types derived
/// from a property's type are reached through its holder).
fn ours() -> Document {
    Document::builder().add_type::<DirectoryObject>().add_type::<User>().build()
}

#[test]
fn the_directory_types_agree_with_the_official_csdl() {
    let text = fixture("directory-csdl.xml");
    let official = Document::parse_xml(&text).expect("the CSDL excerpt parses");
    let ours = ours();
    let mut left_out = Vec::new();
    let mut other = Vec::new();
    for difference in official.schema_differences(&ours, "microsoft.graph") {
        // Navigation properties to types outside the module are left out on purpose.
        if difference.fact.ends_with(": navigation") && difference.right.is_none() {
            left_out.push(difference.fact);
        } else {
            other.push(difference.to_string());
        }
    }
    assert!(other.is_empty(), "differences:\n{}", other.join("\n"));
    for kept in ["user.memberOf", "user.transitiveMemberOf", "user.manager", "user.directReports", "group.members"] {
        assert!(!left_out.iter().any(|fact| fact.contains(&format!(" {kept}:"))), "{kept} is left out");
    }
    assert_eq!(left_out.len(), 84, "{left_out:#?}");
}
