//! How the declared properties read as `null` are recorded.
//!
//! Graph sends `null`s in numbers (a network's `dnsSuffix`, two to seven per media stream, dozens
//! on a `user`), usually in objects that carry nothing else the model does not declare. Such an
//! object records them as a bit per field index beside the reading type's generated
//! index-to-name function, in the two words `AdditionalData` has anyway: no allocation. Anything
//! else (a `null` past index 47, or other kept data beside them) records wire names in the owned
//! part.

use std::iter::FusedIterator;

/// Names the field at an index: the reading type's `StructuredWire::__odata_field_name`.
pub(crate) type NameOf = fn(u16) -> &'static str;

/// `null` properties at field indexes below [`NullBits::CAPACITY`] of one type, without
/// allocating. 48 bits and packed (fields are only ever copied out), so that with the enum's tag
/// the representation stays two words (`AdditionalData`'s size test checks it).
#[derive(Clone, Copy)]
#[repr(C, packed)]
pub(crate) struct NullBits {
    low: u32,
    high: u16,
    name_of: NameOf,
}

impl NullBits {
    /// Field indexes below this fit the bits.
    pub(crate) const CAPACITY: u16 = 48;

    /// The record of one `null` at `index` (below `CAPACITY`) of the type that `name_of` names.
    pub(crate) fn one(index: u16, name_of: NameOf) -> Self {
        let mut bits = NullBits { low: 0, high: 0, name_of };
        bits.set(bits.get() | 1 << index);
        bits
    }

    /// Whether `name_of` reads the same indexes as the one recorded with the bits. Function
    /// addresses are not unique, but that errs only one way here: two different addresses for
    /// one type's function mean a lookup by name (correct, slower; the derive keeps the
    /// function out of line so that it has one address), and two types' functions at one
    /// address have the same code, hence the same names.
    pub(crate) fn same_type(&self, name_of: NameOf) -> bool {
        std::ptr::fn_addr_eq(self.name_of, name_of)
    }

    /// The bits, index 0 lowest.
    pub(crate) fn get(&self) -> u64 {
        u64::from(self.low) | u64::from(self.high) << 32
    }

    fn set(&mut self, bits: u64) {
        // Indexes below 48 only: the casts keep every bit that can be set.
        self.low = bits as u32;
        self.high = (bits >> 32) as u16;
    }

    pub(crate) fn insert(&mut self, index: u16) {
        self.set(self.get() | 1 << index);
    }

    /// Clears the bit of the property with this wire name; false when it was not set.
    pub(crate) fn remove(&mut self, name: &str) -> bool {
        let Some(index) = self.indexes().find(|&index| (self.name_of)(index) == name) else { return false };
        self.set(self.get() & !(1 << index));
        true
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.get() == 0
    }

    /// The recorded field indexes, lowest first.
    pub(crate) fn indexes(&self) -> impl Iterator<Item = u16> + use<> {
        let mut bits = self.get();
        std::iter::from_fn(move || {
            let index = u16::try_from(bits.trailing_zeros()).ok().filter(|&i| i < 64)?;
            bits &= bits - 1;
            Some(index)
        })
    }

    /// The recorded wire names, in field order.
    pub(crate) fn names<'a>(&self) -> NullNamesIter<'a> {
        NullNamesIter::Bits { bits: self.get(), name_of: self.name_of }
    }
}

/// The `null` properties' wire names, from either record.
#[derive(Clone)]
pub(crate) enum NullNamesIter<'a> {
    Bits { bits: u64, name_of: NameOf },
    Names(std::slice::Iter<'a, &'a str>),
}

impl<'a> Iterator for NullNamesIter<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        match self {
            NullNamesIter::Bits { bits, name_of } => {
                if *bits == 0 {
                    return None;
                }
                let index = bits.trailing_zeros() as u16;
                *bits &= *bits - 1;
                Some(name_of(index))
            }
            NullNamesIter::Names(names) => names.next().copied(),
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let len = match self {
            NullNamesIter::Bits { bits, .. } => bits.count_ones() as usize,
            NullNamesIter::Names(names) => names.len(),
        };
        (len, Some(len))
    }
}

impl ExactSizeIterator for NullNamesIter<'_> {}
impl FusedIterator for NullNamesIter<'_> {}

/// The record as the encoder and the decoder's duplicate check read it.
#[derive(Clone, Copy)]
pub(crate) enum NullRecord<'a> {
    /// No `null`s: the usual case.
    None,
    Bits(NullBits),
    Names(&'a [&'static str]),
}

impl<'a> NullRecord<'a> {
    /// The recorded wire names.
    pub(crate) fn names(self) -> NullNamesIter<'a> {
        match self {
            NullRecord::None => NullNamesIter::Names([].iter()),
            NullRecord::Bits(bits) => bits.names(),
            NullRecord::Names(names) => NullNamesIter::Names(names.iter()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name_of(index: u16) -> &'static str {
        ["a", "b", "c"].get(usize::from(index)).copied().unwrap_or(if index == 47 { "last" } else { "?" })
    }

    #[test]
    fn bits_cover_every_index_below_the_capacity() {
        let mut bits = NullBits::one(47, name_of);
        bits.insert(0);
        bits.insert(31);
        bits.insert(32);
        assert_eq!(bits.indexes().collect::<Vec<_>>(), [0, 31, 32, 47]);
        assert_eq!(bits.names().len(), 4);
        assert_eq!(bits.names().next(), Some("a"));
        assert!(bits.remove("last"));
        assert!(!bits.remove("last"));
        assert_eq!(bits.indexes().collect::<Vec<_>>(), [0, 31, 32]);
        assert!(bits.same_type(name_of));
    }
}
