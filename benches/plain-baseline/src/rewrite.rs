//! Pass two: each item with an odata derive becomes its plain serde twin (the rules are listed in
//! the crate docs); `use odata_core::...` items go; everything else stays as it is.

use syn::punctuated::Punctuated;
use syn::visit_mut::VisitMut;
use syn::{Attribute, Fields, Item, ItemEnum, ItemStruct, Token, Type, parse_quote};

use crate::index::{Derive, Index, odata_args, odata_derive, resolve, string_arg};
use crate::types::{Imports, PlainTypes};
use crate::{ErrorKind, Summary};

/// Rewrites one parsed file in place.
pub fn file(file: &mut syn::File, module: &[String], index: &Index, summary: &mut Summary) -> Result<(), ErrorKind> {
    let mut imports = Imports::default();
    collect_imports(&file.items, &mut imports);
    let context = Context { index, imports: &imports, summary };
    items(&mut file.items, module, context)
}

struct Context<'a> {
    index: &'a Index,
    imports: &'a Imports,
    summary: &'a mut Summary,
}

/// The odata-core imports of a file, inline modules included (one set per file is enough for
/// generated code, which writes full paths anyway).
fn collect_imports(items: &[Item], imports: &mut Imports) {
    for item in items {
        match item {
            Item::Use(u) => {
                imports.add(&u.tree);
            }
            Item::Mod(m) => {
                if let Some((_, inner)) = &m.content {
                    collect_imports(inner, imports);
                }
            }
            _ => {}
        }
    }
}

fn items(items: &mut Vec<Item>, module: &[String], mut cx: Context<'_>) -> Result<(), ErrorKind> {
    let mut kept = Vec::with_capacity(items.len());
    for mut item in std::mem::take(items) {
        let keep = match &mut item {
            Item::Use(u) => !Imports::default().add(&u.tree),
            Item::Mod(m) => {
                if let Some((_, inner)) = &mut m.content {
                    let mut path = module.to_vec();
                    path.push(m.ident.to_string());
                    let cx = Context { index: cx.index, imports: cx.imports, summary: &mut *cx.summary };
                    self::items(inner, &path, cx)?;
                }
                true
            }
            Item::Struct(s) => match odata_derive(&s.attrs)? {
                Some(Derive::Service) => {
                    cx.summary.services_removed += 1;
                    false
                }
                Some(derive) => {
                    structure(s, derive, module, &mut cx)?;
                    true
                }
                None => true,
            },
            Item::Enum(e) => {
                match odata_derive(&e.attrs)? {
                    Some(Derive::Entity | Derive::Complex) => holder(e, module, &mut cx)?,
                    Some(Derive::Enum) => enumeration(e, &mut cx)?,
                    _ => {}
                }
                true
            }
            _ => true,
        };
        if keep {
            kept.push(item);
        }
    }
    *items = kept;
    Ok(())
}

/// An entity or complex struct, a type definition, or the parameters of an operation.
fn structure(item: &mut ItemStruct, derive: Derive, module: &[String], cx: &mut Context<'_>) -> Result<(), ErrorKind> {
    serde_derive(&mut item.attrs)?;
    let name = item.ident.to_string();
    match derive {
        Derive::TypeDefinition => {
            cx.summary.type_definitions += 1;
            item.attrs.push(parse_quote!(#[serde(transparent)]));
        }
        Derive::Function | Derive::Action => cx.summary.operations += 1,
        _ => cx.summary.structs += 1,
    }
    for field in item.fields.iter_mut() {
        let args = odata_args(&field.attrs)?;
        let additional = matches!(&field.ty, Type::Path(p) if crate::index::last_segment(&p.path) == "AdditionalData");
        field.attrs.retain(|a| !a.path().is_ident("odata"));
        plain_type(&mut field.ty, &name, module, cx)?;
        let Some(ident) = &field.ident else { continue };
        let wire = string_arg(&args, "rename").unwrap_or_else(|| odata_names::field_to_wire(&ident.to_string()));
        let attr: Attribute = match derive {
            // Parameters are always written, as the operation's URL or body needs them.
            Derive::Function | Derive::Action => parse_quote!(#[serde(rename = #wire)]),
            _ if additional || crate::index::flag(&args, "base") => parse_quote!(#[serde(flatten)]),
            _ if is_option(&field.ty) => {
                parse_quote!(#[serde(rename = #wire, default, skip_serializing_if = "Option::is_none")])
            }
            _ => parse_quote!(#[serde(rename = #wire)]),
        };
        field.attrs.push(attr);
    }
    Ok(())
}

/// A polymorphic holder: serde's internally tagged enum on `@odata.type`.
fn holder(item: &mut ItemEnum, module: &[String], cx: &mut Context<'_>) -> Result<(), ErrorKind> {
    cx.summary.holders += 1;
    let own = string_arg(&odata_args(&item.attrs)?, "type");
    serde_derive(&mut item.attrs)?;
    item.attrs.push(parse_quote!(#[serde(tag = "@odata.type")]));
    let name = item.ident.to_string();
    for (i, variant) in item.variants.iter_mut().enumerate() {
        let held = variant.fields.iter().next().and_then(|f| match &f.ty {
            Type::Path(p) => resolve(module, &p.path).and_then(|p| cx.index.qualified.get(&p).cloned()),
            _ => None,
        });
        let qualified = if i == 0 { own.clone().or(held) } else { held };
        let Some(qualified) = qualified else {
            return Err(ErrorKind::UnknownVariantType { item: name, variant: variant.ident.to_string() });
        };
        let tag = format!("#{qualified}");
        variant.attrs.retain(|a| !a.path().is_ident("odata"));
        // Before a `#[cfg]`, where the generator wrote it.
        let at = variant.attrs.iter().position(|a| a.path().is_ident("cfg")).unwrap_or(variant.attrs.len());
        variant.attrs.insert(at, parse_quote!(#[serde(rename = #tag)]));
        for field in variant.fields.iter_mut() {
            plain_type(&mut field.ty, &name, module, cx)?;
        }
    }
    Ok(())
}

/// An enumeration: a rename per member; the catch-all becomes `#[serde(other)]`.
fn enumeration(item: &mut ItemEnum, cx: &mut Context<'_>) -> Result<(), ErrorKind> {
    cx.summary.enums += 1;
    serde_derive(&mut item.attrs)?;
    for variant in item.variants.iter_mut() {
        let args = odata_args(&variant.attrs)?;
        variant.attrs.retain(|a| !a.path().is_ident("odata"));
        match &variant.fields {
            Fields::Unit => {
                let member = string_arg(&args, "rename")
                    .unwrap_or_else(|| odata_names::variant_to_member(&variant.ident.to_string()));
                variant.attrs.push(parse_quote!(#[serde(rename = #member)]));
            }
            // The derive's catch-all keeps the unknown member's text; serde's can only note it.
            Fields::Unnamed(fields) if fields.unnamed.len() == 1 => {
                variant.fields = Fields::Unit;
                variant.attrs.push(parse_quote!(#[serde(other)]));
            }
            _ => {}
        }
    }
    Ok(())
}

/// The derive list with serde's two derives in place of the odata one, and no `#[odata]` left on
/// the item.
fn serde_derive(attrs: &mut Vec<Attribute>) -> Result<(), ErrorKind> {
    for attr in attrs.iter_mut().filter(|a| a.path().is_ident("derive")) {
        let paths =
            attr.parse_args_with(Punctuated::<syn::Path, Token![,]>::parse_terminated).map_err(ErrorKind::Parse)?;
        let mut out: Vec<syn::Path> = Vec::new();
        for path in paths {
            let name = crate::index::last_segment(&path);
            if name.starts_with("OData") {
                if !out.iter().any(|p| p.segments.first().is_some_and(|s| s.ident == "serde")) {
                    out.insert(0, parse_quote!(serde::Deserialize));
                    out.insert(0, parse_quote!(serde::Serialize));
                }
            } else {
                out.push(path);
            }
        }
        *attr = parse_quote!(#[derive(#(#out),*)]);
    }
    attrs.retain(|a| !a.path().is_ident("odata"));
    Ok(())
}

fn plain_type(ty: &mut Type, item: &str, module: &[String], cx: &mut Context<'_>) -> Result<(), ErrorKind> {
    let mut rewrite = PlainTypes { index: cx.index, module, imports: cx.imports, unknown: None };
    rewrite.visit_type_mut(ty);
    match rewrite.unknown {
        Some(name) => Err(ErrorKind::UnknownType { item: item.to_owned(), name }),
        None => Ok(()),
    }
}

fn is_option(ty: &Type) -> bool {
    matches!(ty, Type::Path(p) if p.qself.is_none() && crate::index::last_segment(&p.path) == "Option")
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;
    use std::path::PathBuf;

    use crate::{ErrorKind, Summary, twin_sources};

    /// The twin of one file as `lib.rs`, and what it counted.
    fn twin(source: &str) -> (String, Summary) {
        let files = BTreeMap::from([(PathBuf::from("lib.rs"), source.to_owned())]);
        let (mut out, summary) = twin_sources(&files).unwrap();
        (out.remove(&PathBuf::from("lib.rs")).unwrap(), summary)
    }

    #[test]
    fn an_entity_keeps_its_fields_with_wire_names_and_flattens_base_and_additional_data() {
        let (out, summary) = twin(
            r#"
/// `ns.callRecord`.
#[derive(odata_core::ODataEntity, Debug, Clone, Default, PartialEq)]
#[odata(type = "ns.callRecord", base_type = "ns.entity")]
pub struct CallRecord {
    /// The inherited part (`ns.entity`).
    #[odata(base)]
    pub entity: Entity,
    #[odata(nullable = false)]
    pub end_date_time: Option<odata_core::DateTimeOffset>,
    #[odata(rename = "azureADAppId", read_only)]
    #[deprecated(note = "gone")]
    pub azure_ad_app_id: Option<String>,
    #[odata(navigation, contains_target, rename = "organizer_v2")]
    pub organizer_v2: odata_core::Navigation<Organizer>,
    #[odata(navigation)]
    pub sessions: odata_core::Navigation<Vec<Session>>,
    pub modalities: Option<Vec<odata_core::Flags<Modality>>>,
    pub r#type: i32,
}

#[derive(odata_core::ODataEntity, Debug, Clone, Default, PartialEq)]
#[odata(type = "ns.entity", key_property = "id")]
pub struct Entity {
    pub id: Option<String>,
    /// Unknown properties.
    pub additional_data: odata_core::AdditionalData,
}
"#,
        );
        let expected = r#"/// `ns.callRecord`.
#[derive(serde::Serialize, serde::Deserialize, Debug, Clone, Default, PartialEq)]
pub struct CallRecord {
    /// The inherited part (`ns.entity`).
    #[serde(flatten)]
    pub entity: Entity,
    #[serde(rename = "endDateTime", default, skip_serializing_if = "Option::is_none")]
    pub end_date_time: Option<String>,
    #[deprecated(note = "gone")]
    #[serde(rename = "azureADAppId", default, skip_serializing_if = "Option::is_none")]
    pub azure_ad_app_id: Option<String>,
    #[serde(rename = "organizer_v2", default, skip_serializing_if = "Option::is_none")]
    pub organizer_v2: Option<Box<Organizer>>,
    #[serde(rename = "sessions", default, skip_serializing_if = "Option::is_none")]
    pub sessions: Option<Vec<Session>>,
    #[serde(rename = "modalities", default, skip_serializing_if = "Option::is_none")]
    pub modalities: Option<Vec<Modality>>,
    #[serde(rename = "type")]
    pub r#type: i32,
}
#[derive(serde::Serialize, serde::Deserialize, Debug, Clone, Default, PartialEq)]
pub struct Entity {
    #[serde(rename = "id", default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Unknown properties.
    #[serde(flatten)]
    pub additional_data: std::collections::BTreeMap<String, serde_json::Value>,
}
"#;
        assert_eq!(out, expected);
        assert_eq!(summary, Summary { files: 1, structs: 2, ..Summary::default() });
    }

    #[test]
    fn a_holder_is_tagged_by_odata_type_and_fields_take_its_declared_type() {
        let files = BTreeMap::from([
            (
                PathBuf::from("graph.rs"),
                r#"
#[derive(odata_core::ODataComplex, Debug, Clone, Default, PartialEq)]
#[odata(type = "microsoft.graph.identitySet")]
pub struct IdentitySet {}

#[derive(odata_core::ODataComplex, Debug, Clone, PartialEq)]
#[odata(type = "microsoft.graph.identitySet")]
pub enum AnyIdentitySet {
    IdentitySet(IdentitySet),
    #[cfg(feature = "call_records")]
    ParticipantEndpoint(crate::call_records::UserIdentity),
}
"#
                .to_owned(),
            ),
            (
                PathBuf::from("call_records.rs"),
                r#"
#[derive(odata_core::ODataComplex, Debug, Clone, Default, PartialEq)]
#[odata(type = "microsoft.graph.callRecords.userIdentity", base_type = "microsoft.graph.identitySet")]
pub struct UserIdentity {
    #[odata(base)]
    pub identity_set: crate::graph::IdentitySet,
    pub organizer: Option<crate::graph::AnyIdentitySet>,
}
"#
                .to_owned(),
            ),
        ]);
        let (out, summary) = twin_sources(&files).unwrap();
        let expected_graph = r##"#[derive(serde::Serialize, serde::Deserialize, Debug, Clone, Default, PartialEq)]
pub struct IdentitySet {}
#[derive(serde::Serialize, serde::Deserialize, Debug, Clone, PartialEq)]
#[serde(tag = "@odata.type")]
pub enum AnyIdentitySet {
    #[serde(rename = "#microsoft.graph.identitySet")]
    IdentitySet(IdentitySet),
    #[serde(rename = "#microsoft.graph.callRecords.userIdentity")]
    #[cfg(feature = "call_records")]
    ParticipantEndpoint(crate::call_records::UserIdentity),
}
"##;
        assert_eq!(out[&PathBuf::from("graph.rs")], expected_graph);
        let expected_call_records = r#"#[derive(serde::Serialize, serde::Deserialize, Debug, Clone, Default, PartialEq)]
pub struct UserIdentity {
    #[serde(flatten)]
    pub identity_set: crate::graph::IdentitySet,
    #[serde(rename = "organizer", default, skip_serializing_if = "Option::is_none")]
    pub organizer: Option<crate::graph::IdentitySet>,
}
"#;
        assert_eq!(out[&PathBuf::from("call_records.rs")], expected_call_records);
        assert_eq!((summary.structs, summary.holders), (2, 1));
    }

    #[test]
    fn an_enumeration_renames_each_member_and_its_catch_all_becomes_serde_other() {
        let (out, summary) = twin(
            r#"
#[derive(odata_core::ODataEnum, Debug, Clone, PartialEq, Eq, Hash)]
#[odata(type = "ns.modality", flags)]
pub enum Modality {
    /// `audio`
    #[odata(value = 1)]
    Audio,
    #[odata(rename = "videoBasedScreenSharing", value = 2)]
    VideoScreen,
    UnknownFutureValue,
    /// A member this model does not know.
    Other(String),
}
"#,
        );
        let expected = r#"#[derive(serde::Serialize, serde::Deserialize, Debug, Clone, PartialEq, Eq, Hash)]
pub enum Modality {
    /// `audio`
    #[serde(rename = "audio")]
    Audio,
    #[serde(rename = "videoBasedScreenSharing")]
    VideoScreen,
    #[serde(rename = "unknownFutureValue")]
    UnknownFutureValue,
    /// A member this model does not know.
    #[serde(other)]
    Other,
}
"#;
        assert_eq!(out, expected);
        assert_eq!(summary.enums, 1);
    }

    #[test]
    fn operations_rename_every_parameter_and_type_definitions_are_transparent() {
        let (out, summary) = twin(
            r#"
use odata_core::{DateTimeOffset, ODataFunction, ODataTypeDefinition};

#[derive(ODataFunction, Debug, Clone, PartialEq)]
#[odata(name = "ns.getCalls", bound_to = "Vec<CallRecord>", returns = "Vec<Row>")]
pub struct GetCalls {
    pub from_date_time: DateTimeOffset,
    #[odata(nullable = false, rename = "To")]
    pub to: Option<DateTimeOffset>,
}

#[derive(odata_core::ODataAction, Debug, Clone, PartialEq)]
#[odata(name = "ns.reset")]
pub struct Reset;

#[derive(ODataTypeDefinition, Debug, Clone, PartialEq)]
#[odata(type = "ns.money", precision = 19, scale = 4)]
pub struct Money(pub odata_core::Decimal);
"#,
        );
        let expected = r#"#[derive(serde::Serialize, serde::Deserialize, Debug, Clone, PartialEq)]
pub struct GetCalls {
    #[serde(rename = "fromDateTime")]
    pub from_date_time: String,
    #[serde(rename = "To")]
    pub to: Option<String>,
}
#[derive(serde::Serialize, serde::Deserialize, Debug, Clone, PartialEq)]
pub struct Reset;
#[derive(serde::Serialize, serde::Deserialize, Debug, Clone, PartialEq)]
#[serde(transparent)]
pub struct Money(pub String);
"#;
        assert_eq!(out, expected);
        assert_eq!((summary.operations, summary.type_definitions), (2, 1));
    }

    #[test]
    fn the_service_container_and_odata_core_imports_go_and_other_items_stay() {
        let (out, summary) = twin(
            r#"
#![allow(deprecated)]
use odata_core::container::EntitySet;
use std::fmt;

#[derive(odata_core::ODataService, Debug, Clone)]
#[odata(namespace = "ns", container = "Container")]
pub struct Container {
    #[odata(entity_set = "Calls")]
    pub calls: EntitySet<Call>,
}

/// Not a derive of ours.
#[derive(Debug)]
pub struct Other(fmt::Error);
"#,
        );
        let expected = r#"#![allow(deprecated)]
use std::fmt;
/// Not a derive of ours.
#[derive(Debug)]
pub struct Other(fmt::Error);
"#;
        assert_eq!(out, expected);
        assert_eq!(summary.services_removed, 1);
    }

    #[test]
    fn an_odata_core_type_without_a_plain_counterpart_is_an_error_naming_it() {
        let source = r#"
#[derive(odata_core::ODataComplex)]
#[odata(type = "ns.page")]
pub struct Page { pub items: Option<odata_core::Page<Item>> }
"#;
        let files = BTreeMap::from([(PathBuf::from("models/mod.rs"), source.to_owned())]);
        let error = twin_sources(&files).unwrap_err();
        assert!(matches!(error.kind(), ErrorKind::UnknownType { item, name } if item == "Page" && name == "Page"));
        assert_eq!(
            error.to_string(),
            "models/mod.rs: `Page` uses `odata_core::Page`, which has no plain serde counterpart"
        );
    }

    #[test]
    fn a_holder_variant_of_an_unknown_type_is_an_error() {
        let source = r#"
#[derive(odata_core::ODataComplex)]
#[odata(type = "ns.base")]
pub enum AnyBase { Base(Base), Elsewhere(other_crate::Derived) }
"#;
        let files = BTreeMap::from([(PathBuf::from("lib.rs"), source.to_owned())]);
        let error = twin_sources(&files).unwrap_err();
        assert!(matches!(error.kind(), ErrorKind::UnknownVariantType { variant, .. } if variant == "Elsewhere"));
    }

    #[test]
    fn bad_syntax_is_a_parse_error_of_the_file() {
        let files = BTreeMap::from([(PathBuf::from("lib.rs"), "pub struct {".to_owned())]);
        let error = twin_sources(&files).unwrap_err();
        assert!(matches!(error.kind(), ErrorKind::Parse(_)));
        assert!(error.to_string().starts_with("lib.rs: "), "{error}");
    }
}
