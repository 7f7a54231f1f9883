//! Values of flags enumeration types (`IsFlags="true"`): a set of members, `"read,write"`.

use std::fmt;
use std::marker::PhantomData;

use serde::Serializer;
use serde::de::{self, Deserializer, Visitor};

use super::EdmType;
use super::member::parse_member;
use crate::{ODataEnum, TypeRef};

/// A value of a flags enumeration type: the members it combines, as `"a,b"` on the wire.
///
/// Declare the enum with `#[derive(ODataEnum)]` and `#[odata(flags)]`, and the property as
/// `Option<Flags<MyEnum>>`. Members are kept in the order read; unknown members are kept when the
/// enum has a catch-all variant.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Flags<E> {
    members: Vec<E>,
}

impl<E> Default for Flags<E> {
    fn default() -> Self {
        Flags { members: Vec::new() }
    }
}

impl<E: PartialEq> Flags<E> {
    /// No member set.
    pub fn new() -> Self {
        Self::default()
    }

    /// Whether `member` is set.
    pub fn contains(&self, member: &E) -> bool {
        self.members.contains(member)
    }

    /// Sets `member` (once).
    pub fn insert(&mut self, member: E) {
        if !self.contains(&member) {
            self.members.push(member);
        }
    }

    /// Clears `member`; returns whether it was set.
    pub fn remove(&mut self, member: &E) -> bool {
        let before = self.members.len();
        self.members.retain(|m| m != member);
        self.members.len() != before
    }

    /// The members that are set.
    pub fn iter(&self) -> std::slice::Iter<'_, E> {
        self.members.iter()
    }

    /// Whether no member is set.
    pub fn is_empty(&self) -> bool {
        self.members.is_empty()
    }
}

impl<E: PartialEq> FromIterator<E> for Flags<E> {
    fn from_iter<I: IntoIterator<Item = E>>(iter: I) -> Self {
        let mut flags = Flags::new();
        for member in iter {
            flags.insert(member);
        }
        flags
    }
}

impl<E: PartialEq> From<E> for Flags<E> {
    fn from(member: E) -> Self {
        Flags { members: vec![member] }
    }
}

impl<E: ODataEnum> fmt::Display for Flags<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, member) in self.members.iter().enumerate() {
            if i > 0 {
                f.write_str(",")?;
            }
            f.write_str(member.member_name())?;
        }
        Ok(())
    }
}

impl<E: ODataEnum + PartialEq> EdmType for Flags<E> {
    const TYPE: TypeRef = TypeRef::of::<E>();

    fn serialize_edm<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }

    fn deserialize_edm<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(FlagsVisitor(PhantomData))
    }
}

struct FlagsVisitor<E>(PhantomData<E>);

impl<E: ODataEnum + PartialEq> Visitor<'_> for FlagsVisitor<E> {
    type Value = Flags<E>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "members of {} separated by commas", E::QUALIFIED_NAME)
    }

    fn visit_str<Er: de::Error>(self, v: &str) -> Result<Flags<E>, Er> {
        let mut flags = Flags::new();
        // The grammar has no spaces, but some services write "a, b".
        for part in v.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            flags.insert(parse_member::<E>(part).map_err(Er::custom)?);
        }
        Ok(flags)
    }
}
