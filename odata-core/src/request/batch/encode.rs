//! The batch as it goes on the wire: the rules of the format checked item by item, and the
//! `{"requests":[...]}` document written with the members in the order the format lists them and
//! the bodies verbatim.

use std::collections::HashSet;

use http::Method;
use http::header::CONTENT_TYPE;
use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};
use serde_json::value::RawValue;

use super::{BatchError, BatchRequest};

/// System resources that may start a relative URL; any other `$`-segment names a request.
const SYSTEM_RESOURCES: &[&str] = &["$batch", "$crossjoin", "$all", "$entity", "$root", "$id", "$metadata"];

impl BatchRequest {
    /// The `{"requests":[...]}` document, validated.
    pub(super) fn document(&self) -> Result<Vec<u8>, BatchError> {
        let items = self.encoded_items()?;
        crate::encode::json_vec(&Document { items: &items })
            .map_err(|e| BatchError::Request { message: format!("the batch did not encode: {e}") })
    }

    /// Checks the rules of the format.
    pub(super) fn check(&self) -> Result<(), BatchError> {
        self.encoded_items().map(|_| ())
    }

    /// Validates the batch and prepares each item for the wire.
    fn encoded_items(&self) -> Result<Vec<Encoded<'_>>, BatchError> {
        let all_ids: HashSet<&str> = self.ids().collect();
        let mut seen_ids: HashSet<&str> = HashSet::new();
        // The atomicity group of each earlier item, by id.
        let mut group_of: Vec<(&str, Option<&str>)> = Vec::new();
        let mut closed_groups: HashSet<&str> = HashSet::new();
        let mut previous_group: Option<&str> = None;
        let mut encoded = Vec::with_capacity(self.items.len());

        for item in &self.items {
            let id = item.id.as_deref().unwrap_or_default();
            let group = item.atomicity_group.as_deref();
            if !seen_ids.insert(id) {
                return Err(BatchError::DuplicateId { id: id.to_owned() });
            }
            if let Some(group) = group {
                if all_ids.contains(group) {
                    return Err(BatchError::DuplicateId { id: group.to_owned() });
                }
                if closed_groups.contains(group) {
                    return Err(BatchError::AtomicityGroupNotAdjacent { id: id.to_owned(), group: group.to_owned() });
                }
            }
            if let Some(previous) = previous_group
                && Some(previous) != group
            {
                closed_groups.insert(previous);
            }
            previous_group = group;

            if ![Method::GET, Method::POST, Method::PUT, Method::PATCH, Method::DELETE].contains(&item.method) {
                return Err(BatchError::UnsupportedMethod { id: id.to_owned(), method: item.method.to_string() });
            }
            let body = item.body.as_ref().filter(|body| !body.is_null()).map(|body| body.as_raw());
            if body.is_some() && (item.method == Method::GET || item.method == Method::DELETE) {
                return Err(BatchError::BodyNotAllowed { id: id.to_owned(), method: item.method.to_string() });
            }

            let mut depends_on: Vec<&str> = Vec::new();
            for dependency in &item.depends_on {
                let dependency = dependency.as_str();
                let earlier = group_of.iter().find(|(earlier, _)| *earlier == dependency);
                match earlier {
                    // A request of another atomicity group is waited for through its group.
                    Some((_, Some(other))) if Some(*other) != group => {
                        return Err(BatchError::DependsOnGroupMember {
                            id: id.to_owned(),
                            depends_on: dependency.to_owned(),
                            group: (*other).to_owned(),
                        });
                    }
                    Some(_) => {}
                    None if closed_groups.contains(dependency) => {}
                    None => {
                        return Err(BatchError::UnknownDependency {
                            id: id.to_owned(),
                            depends_on: dependency.to_owned(),
                        });
                    }
                }
                if !depends_on.contains(&dependency) {
                    depends_on.push(dependency);
                }
            }
            if let Some(reference) = request_reference(&item.url) {
                let Some((referenced, referenced_group)) = group_of.iter().find(|(earlier, _)| *earlier == reference)
                else {
                    return Err(BatchError::UnknownReference { id: id.to_owned(), reference: reference.to_owned() });
                };
                // The format requires the referenced request in `dependsOn` (its group, when
                // that is another one).
                let needed = match referenced_group {
                    Some(other) if Some(*other) != group => other,
                    _ => referenced,
                };
                if !depends_on.contains(needed) {
                    depends_on.push(needed);
                }
            }

            let mut headers: Vec<(&str, String)> = Vec::new();
            for name in item.headers.keys() {
                let mut values = Vec::new();
                for value in item.headers.get_all(name) {
                    let text = value
                        .to_str()
                        .map_err(|_| BatchError::InvalidHeader { id: id.to_owned(), name: name.as_str().to_owned() })?;
                    values.push(text);
                }
                headers.push((name.as_str(), values.join(", ")));
            }
            if body.is_some() && !item.headers.contains_key(CONTENT_TYPE) {
                headers.push((CONTENT_TYPE.as_str(), "application/json".to_owned()));
            }

            encoded.push(Encoded {
                id,
                method: item.method.as_str(),
                url: &item.url,
                headers,
                body,
                depends_on,
                atomicity_group: group,
            });
            group_of.push((id, group));
        }
        Ok(encoded)
    }
}

/// The request id a relative URL starts with (`$1/Friends` names `1`), if any.
fn request_reference(url: &str) -> Option<&str> {
    let first = url.split(['/', '?']).next()?;
    let id = first.strip_prefix('$')?;
    let name = first.split('(').next().unwrap_or(first);
    (!SYSTEM_RESOURCES.contains(&name)).then_some(id)
}

/// One item as it goes on the wire.
struct Encoded<'a> {
    id: &'a str,
    method: &'a str,
    url: &'a str,
    headers: Vec<(&'a str, String)>,
    body: Option<&'a RawValue>,
    depends_on: Vec<&'a str>,
    atomicity_group: Option<&'a str>,
}

/// `{"requests":[...]}`; written by hand to keep the members in the order the format lists them.
struct Document<'a, 'b> {
    items: &'b [Encoded<'a>],
}

impl Serialize for Document<'_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut document = serializer.serialize_map(Some(1))?;
        document.serialize_entry("requests", &Items(self.items))?;
        document.end()
    }
}

struct Items<'a, 'b>(&'b [Encoded<'a>]);

impl Serialize for Items<'_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut items = serializer.serialize_seq(Some(self.0.len()))?;
        for item in self.0 {
            items.serialize_element(item)?;
        }
        items.end()
    }
}

impl Serialize for Encoded<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("id", self.id)?;
        map.serialize_entry("method", self.method)?;
        map.serialize_entry("url", self.url)?;
        if !self.headers.is_empty() {
            map.serialize_entry("headers", &Headers(&self.headers))?;
        }
        if let Some(body) = self.body {
            map.serialize_entry("body", body)?;
        }
        if !self.depends_on.is_empty() {
            map.serialize_entry("dependsOn", &self.depends_on)?;
        }
        if let Some(group) = self.atomicity_group {
            map.serialize_entry("atomicityGroup", group)?;
        }
        map.end()
    }
}

struct Headers<'a, 'b>(&'b [(&'a str, String)]);

impl Serialize for Headers<'_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (name, value) in self.0 {
            map.serialize_entry(name, value)?;
        }
        map.end()
    }
}
