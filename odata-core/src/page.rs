//! `Page<T>`: one response of a collection (`GET .../sessions`).

use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::ser::{SerializeMap, Serializer};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::control::{ControlTerm, expect_string, parse_count};
use crate::edm::{AsEdm, EdmSeed};
use crate::json_path as path;
use crate::{AdditionalData, EdmType};

/// A collection response: the items in `value` plus the collection's control information.
///
/// ```json
/// { "@odata.context": "...", "@odata.count": 2, "value": [ ... ], "@odata.nextLink": "..." }
/// ```
///
/// Generic over the item type: `Page<Session>`, `Page<Option<i32>>`, ... Any other annotation or
/// member is kept in [`additional_data`](Page::additional_data) and written back.
#[derive(Debug, Clone, PartialEq)]
pub struct Page<T> {
    /// The items of this page.
    pub value: Vec<T>,
    /// `@odata.context`: the context URL.
    pub context: Option<String>,
    /// `@odata.count`: the total number of items in the collection, across all pages (present
    /// when the request asked for `$count=true`).
    pub count: Option<i64>,
    /// `@odata.nextLink`: where the next page is; `None` on the last page.
    pub next_link: Option<String>,
    /// `@odata.deltaLink`: where later changes can be read (on the last page of a delta query).
    pub delta_link: Option<String>,
    /// Every other annotation or member of the response, kept to be written back.
    pub additional_data: AdditionalData,
}

impl<T> Default for Page<T> {
    fn default() -> Self {
        Page::new(Vec::new())
    }
}

impl<T> Page<T> {
    /// A page holding these items and no control information.
    pub fn new(value: Vec<T>) -> Self {
        Page {
            value,
            context: None,
            count: None,
            next_link: None,
            delta_link: None,
            additional_data: AdditionalData::new(),
        }
    }

    /// Whether a next page exists.
    pub fn has_next(&self) -> bool {
        self.next_link.is_some()
    }

    /// The items of this page.
    pub fn iter(&self) -> std::slice::Iter<'_, T> {
        self.value.iter()
    }

    /// The number of items on this page (not the collection's total; see [`count`](Page::count)).
    pub fn len(&self) -> usize {
        self.value.len()
    }

    /// Whether this page holds no items.
    pub fn is_empty(&self) -> bool {
        self.value.is_empty()
    }
}

impl<T> IntoIterator for Page<T> {
    type Item = T;
    type IntoIter = std::vec::IntoIter<T>;

    fn into_iter(self) -> Self::IntoIter {
        self.value.into_iter()
    }
}

impl<'a, T> IntoIterator for &'a Page<T> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;

    fn into_iter(self) -> Self::IntoIter {
        self.value.iter()
    }
}

impl<T: EdmType> Serialize for Page<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        if let Some(context) = &self.context {
            map.serialize_entry("@odata.context", context)?;
        }
        if let Some(count) = self.count {
            map.serialize_entry("@odata.count", &count)?;
        }
        self.additional_data.serialize_annotations(&mut map)?;
        map.serialize_entry("value", &AsEdm(&self.value))?;
        if let Some(next_link) = &self.next_link {
            map.serialize_entry("@odata.nextLink", next_link)?;
        }
        if let Some(delta_link) = &self.delta_link {
            map.serialize_entry("@odata.deltaLink", delta_link)?;
        }
        self.additional_data.serialize_tail(&mut map)?;
        map.end()
    }
}

impl<'de, T: EdmType> Deserialize<'de> for Page<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(PageVisitor(PhantomData)).map_err(path::at_root)
    }
}

struct PageVisitor<T>(PhantomData<T>);

impl<'de, T: EdmType> Visitor<'de> for PageVisitor<T> {
    type Value = Page<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a collection response (an object with \"value\": [{}, ...])", T::TYPE.name)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Page<T>, A::Error> {
        // The page is a root: on failure, the recorded JSON path becomes the message.
        read_page(&mut map).map_err(path::finish)
    }
}

fn read_page<'de, T: EdmType, A: MapAccess<'de>>(map: &mut A) -> Result<Page<T>, A::Error> {
    read_page_with(map, |map| map.next_value_seed(EdmSeed::<Vec<T>>::new()))
}

/// Reads a page's members, with `value` read by `read_value` (the whole array, or item by item
/// in `crate::page_items`).
pub(crate) fn read_page_with<'de, T, A: MapAccess<'de>>(
    map: &mut A,
    mut read_value: impl FnMut(&mut A) -> Result<Vec<T>, A::Error>,
) -> Result<Page<T>, A::Error> {
    let mut page = Page::new(Vec::new());
    let mut seen_value = false;
    while let Some(key) = map.next_key::<String>()? {
        let fail = |error: &A::Error| path::member(error, &key, None);
        if key == "value" {
            if seen_value {
                let error = de::Error::custom("the property appears twice in one object");
                fail(&error);
                return Err(error);
            }
            seen_value = true;
            page.value = read_value(map).inspect_err(fail)?;
            continue;
        }
        let control = key.strip_prefix('@').and_then(ControlTerm::parse);
        let twice = match control {
            Some(ControlTerm::Context) => page.context.is_some(),
            Some(ControlTerm::NextLink) => page.next_link.is_some(),
            Some(ControlTerm::DeltaLink) => page.delta_link.is_some(),
            Some(ControlTerm::Count) => page.count.is_some(),
            None => page.additional_data.has_member(&key),
        };
        if twice {
            let error = de::Error::custom("the member appears twice in one object");
            fail(&error);
            return Err(error);
        }
        let Some(term) = control else {
            map.next_value_seed(page.additional_data.keep(&key)).inspect_err(fail)?;
            continue;
        };
        let raw: Value = map.next_value().inspect_err(fail)?;
        let name = &key[1..];
        let stored = match term {
            ControlTerm::Context => expect_string(name, raw).map(|s| page.context = Some(s)),
            ControlTerm::NextLink => expect_string(name, raw).map(|s| page.next_link = Some(s)),
            ControlTerm::DeltaLink => expect_string(name, raw).map(|s| page.delta_link = Some(s)),
            ControlTerm::Count => parse_count(&raw).map(|n| page.count = Some(n)),
        };
        if let Err(message) = stored {
            let error = de::Error::custom(message);
            fail(&error);
            return Err(error);
        }
    }
    if !seen_value {
        // An entity or a complex value is not an empty page.
        return Err(de::Error::custom(
            "expected a collection response, an object with \"value\": [...]; this object has no \"value\"",
        ));
    }
    Ok(page)
}
