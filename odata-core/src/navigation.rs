//! Navigation properties: related entities, present only when the request expanded them.

use serde::ser::SerializeMap;
use serde_json::Value;

use crate::control::{ControlTerm, expect_string, parse_count};
use crate::wire::NavigationControl;

/// A navigation property: `Navigation<Vec<Segment>>` for a collection (`Collection(segment)`),
/// `Navigation<Organizer>` for a single entity.
///
/// A response carries the related entities only when the request asked for them (`$expand`), so
/// a navigation property is in one of three states: not expanded, expanded (for a collection,
/// possibly empty), or, for a single entity, expanded as `null`. A value written to a service
/// may instead link existing entities ([`Navigation::bind`]). Its control information
/// (`segments@odata.context`, `@odata.count`, `@odata.nextLink`, ...) is kept beside it, also when
/// the value itself is absent; see [`control_info`](Navigation::control_info).
#[derive(Debug, Clone)]
pub struct Navigation<T> {
    expansion: Expansion<T>,
    // Rare, so kept behind a pointer: the field stays as small as an `Option<Vec<T>>`.
    control: Option<Box<NavigationControlInfo>>,
}

/// The control information of a navigation property: `segments@odata.context`,
/// `segments@odata.count`, `segments@odata.nextLink`, ...
#[derive(Debug, Clone, Default, PartialEq)]
pub struct NavigationControlInfo {
    /// `prop@odata.context`: the context URL of the expanded value.
    pub context: Option<String>,
    /// `prop@odata.count`: the total count of a collection, when `$count=true` asked for it.
    pub count: Option<i64>,
    /// `prop@odata.nextLink`: where the rest of a partial collection can be read.
    pub next_link: Option<String>,
    /// `prop@odata.deltaLink`: where changes to the collection can be read.
    pub delta_link: Option<String>,
    /// Other annotations of the navigation property (`prop@ns.term`), keyed by the part after
    /// `@` (`ns.term`).
    pub annotations: Vec<(String, Value)>,
}

static NO_CONTROL: NavigationControlInfo =
    NavigationControlInfo { context: None, count: None, next_link: None, delta_link: None, annotations: Vec::new() };

impl<T: PartialEq> PartialEq for Navigation<T> {
    fn eq(&self, other: &Self) -> bool {
        self.expansion == other.expansion && self.control_info() == other.control_info()
    }
}

/// The expanded value is boxed so that an entity type may navigate to itself
/// (`Navigation<User>` inside `User`) without an infinitely sized type.
#[derive(Debug, Clone, PartialEq)]
enum Expansion<T> {
    NotExpanded,
    Null,
    Expanded(Box<T>),
    /// Links to existing entities, for a create or update: written as binds.
    Bind(Vec<String>),
}

impl<T> Default for Navigation<T> {
    fn default() -> Self {
        Navigation::not_expanded()
    }
}

impl<T> Navigation<T> {
    /// Not expanded: the response did not include the related entities.
    pub const fn not_expanded() -> Self {
        Navigation { expansion: Expansion::NotExpanded, control: None }
    }

    /// Expanded with this value.
    pub fn expanded(value: T) -> Self {
        Navigation { expansion: Expansion::Expanded(Box::new(value)), ..Navigation::not_expanded() }
    }

    /// Whether the related entities were included (also when `null` or empty).
    pub fn is_expanded(&self) -> bool {
        matches!(self.expansion, Expansion::Null | Expansion::Expanded(_))
    }

    /// A link to an existing entity, by its id (`Sessions('x')`, relative to the service root,
    /// or absolute): in a create, written `nav@odata.bind` (OData 4.0) or `{"@id": ...}` (4.01,
    /// see [`EncodeOptions::version`](crate::EncodeOptions::version)).
    pub fn bind(id: impl Into<String>) -> Self {
        Navigation { expansion: Expansion::Bind(vec![id.into()]), control: None }
    }

    /// Links to existing entities of a collection-valued navigation property.
    pub fn bind_all<I: Into<String>>(ids: impl IntoIterator<Item = I>) -> Self {
        Navigation { expansion: Expansion::Bind(ids.into_iter().map(Into::into).collect()), control: None }
    }

    /// The ids of the linked entities, for a navigation property made with [`Navigation::bind`].
    pub fn bound_ids(&self) -> &[String] {
        match &self.expansion {
            Expansion::Bind(ids) => ids,
            _ => &[],
        }
    }

    /// Whether a single-valued navigation property was expanded and is `null`.
    pub fn is_null(&self) -> bool {
        matches!(self.expansion, Expansion::Null)
    }

    /// The expanded value; `None` when not expanded or `null`.
    pub fn get(&self) -> Option<&T> {
        match &self.expansion {
            Expansion::Expanded(value) => Some(value),
            _ => None,
        }
    }

    /// Mutable access to the expanded value.
    pub fn get_mut(&mut self) -> Option<&mut T> {
        match &mut self.expansion {
            Expansion::Expanded(value) => Some(value),
            _ => None,
        }
    }

    /// The expanded value, giving up the control information.
    pub fn into_inner(self) -> Option<T> {
        match self.expansion {
            Expansion::Expanded(value) => Some(*value),
            _ => None,
        }
    }

    /// `None` when not expanded, `Some(None)` when expanded as `null`, else the value.
    pub fn expansion(&self) -> Option<Option<&T>> {
        match &self.expansion {
            Expansion::NotExpanded | Expansion::Bind(_) => None,
            Expansion::Null => Some(None),
            Expansion::Expanded(value) => Some(Some(value)),
        }
    }

    /// Marks the property expanded with this value (`None` for `null`).
    pub fn set_expanded(&mut self, value: Option<T>) {
        self.expansion = match value {
            Some(value) => Expansion::Expanded(Box::new(value)),
            None => Expansion::Null,
        };
    }

    /// Marks the property not expanded, returning the value it held.
    pub fn take(&mut self) -> Option<T> {
        match std::mem::replace(&mut self.expansion, Expansion::NotExpanded) {
            Expansion::Expanded(value) => Some(*value),
            _ => None,
        }
    }

    /// The control information (`prop@odata.nextLink`, ...), all empty when none was sent.
    pub fn control_info(&self) -> &NavigationControlInfo {
        self.control.as_deref().unwrap_or(&NO_CONTROL)
    }

    /// Mutable control information, to set `@odata.nextLink` and the like before encoding.
    pub fn control_info_mut(&mut self) -> &mut NavigationControlInfo {
        self.control.get_or_insert_with(Default::default)
    }

    /// `prop@odata.context`.
    pub fn context(&self) -> Option<&str> {
        self.control_info().context.as_deref()
    }

    /// `prop@odata.count`: the total number of related entities, when `$count=true` asked for it.
    pub fn count(&self) -> Option<i64> {
        self.control_info().count
    }

    /// `prop@odata.nextLink`: where the rest of a partial collection can be read.
    pub fn next_link(&self) -> Option<&str> {
        self.control_info().next_link.as_deref()
    }

    /// `prop@odata.deltaLink`.
    pub fn delta_link(&self) -> Option<&str> {
        self.control_info().delta_link.as_deref()
    }

    /// Writes the annotations as `name@odata.context`, ... (in the OData 4.0 spelling).
    pub(crate) fn serialize_annotations<M: SerializeMap>(&self, name: &str, map: &mut M) -> Result<(), M::Error> {
        let Some(control) = self.control.as_deref() else { return Ok(()) };
        if crate::encode::is_request() {
            // Context, count and links are what a service says about the related entities.
            for (term, value) in &control.annotations {
                if !crate::Payload::is_response_only_term(term) {
                    map.serialize_entry(&format!("{name}@{term}"), value)?;
                }
            }
            return Ok(());
        }
        if let Some(context) = &control.context {
            map.serialize_entry(&format!("{name}@odata.context"), context)?;
        }
        if let Some(count) = control.count {
            map.serialize_entry(&format!("{name}@odata.count"), &count)?;
        }
        for (term, value) in &control.annotations {
            map.serialize_entry(&format!("{name}@{term}"), value)?;
        }
        if let Some(next_link) = &control.next_link {
            map.serialize_entry(&format!("{name}@odata.nextLink"), next_link)?;
        }
        if let Some(delta_link) = &control.delta_link {
            map.serialize_entry(&format!("{name}@odata.deltaLink"), delta_link)?;
        }
        Ok(())
    }
}

impl<T> Navigation<Vec<T>> {
    /// The expanded entities; empty when not expanded.
    pub fn iter(&self) -> std::slice::Iter<'_, T> {
        self.get().map(|v| v.as_slice()).unwrap_or(&[]).iter()
    }
}

impl<'a, T> IntoIterator for &'a Navigation<Vec<T>> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl<T> From<T> for Navigation<T> {
    fn from(value: T) -> Self {
        Navigation::expanded(value)
    }
}

impl<T> NavigationControl for Navigation<T> {
    fn set_annotation(&mut self, term: &str, value: Value) -> Result<(), String> {
        let control = self.control_info_mut();
        let twice = || Err("the annotation appears twice in one object".to_owned());
        match ControlTerm::parse(term) {
            Some(ControlTerm::Context) if control.context.is_some() => return twice(),
            Some(ControlTerm::Context) => control.context = Some(expect_string(term, value)?),
            Some(ControlTerm::NextLink) if control.next_link.is_some() => return twice(),
            Some(ControlTerm::NextLink) => control.next_link = Some(expect_string(term, value)?),
            Some(ControlTerm::DeltaLink) if control.delta_link.is_some() => return twice(),
            Some(ControlTerm::DeltaLink) => control.delta_link = Some(expect_string(term, value)?),
            Some(ControlTerm::Count) if control.count.is_some() => return twice(),
            Some(ControlTerm::Count) => control.count = Some(parse_count(&value)?),
            None if control.annotations.iter().any(|(t, _)| t == term) => return twice(),
            None => control.annotations.push((term.to_owned(), value)),
        }
        Ok(())
    }
}
