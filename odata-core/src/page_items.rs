//! A page read item by item: each item of `value` is handed to a callback as soon as it is
//! decoded, so memory holds one item, not the page's `Vec`.
//!
//! serde drives the decoding: a visitor over the page object reads the control members as
//! [`Page`] does, and a `DeserializeSeed` over the `value` array decodes one item, calls back,
//! and drops it before the next.

use std::fmt;
use std::io;
use std::marker::PhantomData;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

use crate::edm::EdmSeed;
use crate::json_path as path;
use crate::page::read_page_with;
use crate::request::DecodeError;
use crate::{EdmType, Page};

/// Why [`read_page_items`] stopped.
#[derive(Debug)]
#[non_exhaustive]
pub enum ItemsError<E> {
    /// The body did not decode; the message names the JSON path and the OData type.
    Decode(DecodeError),
    /// The callback returned this error; decoding stopped there.
    Callback(E),
}

impl<E: fmt::Display> fmt::Display for ItemsError<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ItemsError::Decode(error) => fmt::Display::fmt(error, f),
            ItemsError::Callback(error) => write!(f, "the item callback failed: {error}"),
        }
    }
}

impl<E: std::error::Error + 'static> std::error::Error for ItemsError<E> {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ItemsError::Decode(error) => Some(error),
            ItemsError::Callback(error) => Some(error),
        }
    }
}

/// Reads a collection response from `reader` and hands each item of `value` to `on_item` as it
/// is decoded; returns the page's control information (`@odata.nextLink`, `@odata.deltaLink`,
/// `@odata.count`, other members) with an empty `value`.
///
/// Memory holds one item at a time (plus the reader's buffer): a 100 MB page is read in about
/// the memory of its largest item (see BENCHMARKS.md). The first error of `on_item` stops the
/// reading and is returned as [`ItemsError::Callback`].
///
/// ```
/// use odata_core::{Page, read_page_items};
///
/// let body = br#"{"value": [1, 2, 3], "@odata.nextLink": "next"}"#;
/// let mut sum = 0;
/// let page: Page<i32> = read_page_items(&body[..], |n: i32| {
///     sum += n;
///     Ok::<(), std::convert::Infallible>(())
/// })?;
/// assert_eq!((sum, page.next_link.as_deref(), page.value.len()), (6, Some("next"), 0));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn read_page_items<T, E, R>(reader: R, on_item: impl FnMut(T) -> Result<(), E>) -> Result<Page<T>, ItemsError<E>>
where
    T: EdmType,
    R: io::Read,
{
    let mut on_item = on_item;
    let mut failed = None;
    let mut deserializer = serde_json::Deserializer::from_reader(reader);
    let visitor = PageItems { on_item: &mut on_item, failed: &mut failed, marker: PhantomData };
    let read = crate::decode::decode(|| {
        let page = deserializer.deserialize_map(visitor).map_err(path::at_root)?;
        deserializer.end()?;
        Ok(page)
    });
    match (read, failed) {
        // The callback's error travelled up as a placeholder decode error: give the real one.
        (_, Some(error)) => Err(ItemsError::Callback(error)),
        (Ok(page), None) => Ok(page),
        (Err(error), None) => Err(ItemsError::Decode(error)),
    }
}

struct PageItems<'a, T, E, F> {
    on_item: &'a mut F,
    failed: &'a mut Option<E>,
    marker: PhantomData<fn() -> T>,
}

impl<'de, T, E, F> Visitor<'de> for PageItems<'_, T, E, F>
where
    T: EdmType,
    F: FnMut(T) -> Result<(), E>,
{
    type Value = Page<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a collection response (an object with \"value\": [{}, ...])", T::TYPE.name)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Page<T>, A::Error> {
        let PageItems { on_item, failed, .. } = self;
        read_page_with(&mut map, |map| {
            map.next_value_seed(ItemsSeed { on_item: &mut *on_item, failed: &mut *failed, marker: PhantomData })?;
            Ok(Vec::new())
        })
        .map_err(path::finish)
    }
}

/// The `value` array, one item at a time.
struct ItemsSeed<'a, T, E, F> {
    on_item: &'a mut F,
    failed: &'a mut Option<E>,
    marker: PhantomData<fn() -> T>,
}

impl<'de, T, E, F> DeserializeSeed<'de> for ItemsSeed<'_, T, E, F>
where
    T: EdmType,
    F: FnMut(T) -> Result<(), E>,
{
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_seq(self)
    }
}

impl<'de, T, E, F> Visitor<'de> for ItemsSeed<'_, T, E, F>
where
    T: EdmType,
    F: FnMut(T) -> Result<(), E>,
{
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "an array of {}", T::TYPE.name)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let mut index = 0;
        loop {
            let item = match seq.next_element_seed(EdmSeed::<T>::new()) {
                Ok(Some(item)) => item,
                Ok(None) => return Ok(()),
                Err(error) => {
                    path::index(&error, index);
                    return Err(error);
                }
            };
            if let Err(error) = (self.on_item)(item) {
                *self.failed = Some(error);
                return Err(de::Error::custom("stopped by the item callback"));
            }
            index += 1;
        }
    }
}
