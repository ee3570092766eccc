//! Decoding the bytes of one value, with the C++ driver's rules for malformed and unusual data
//! (pinned by `ctests/integration/value_decoding.c`):
//!
//! - an empty value of a type that is not text, blob, varint, custom or a collection reads as
//!   NULL (also at the top of a row: the C++ driver does that for the first row only and reads
//!   later rows' empty cells as non-NULL values without data; we keep one answer for every row);
//! - numbers read their leading bytes and ignore the rest;
//! - a duration is three vints; bytes after them are ignored, and months and days keep the low
//!   32 bits of what was encoded;
//! - a decimal is a 4-byte scale followed by at least one byte of varint;
//! - an inet's address length is the value's size modulo 256, and must be at most 16;
//! - a collection is a 4-byte element count followed by its elements: its bytes, as
//!   `cass_value_get_bytes()` gives them, start after the count. Inside another value, a
//!   collection too short for its count ends the iteration (as with the C++ driver); in a row
//!   (never sent by Cassandra, which refuses such values) it reads as an empty collection, where
//!   the C++ driver fails the whole result. A negative count is 0 items (the C++ driver reports
//!   it sign-extended as `cass_value_item_count()` and iterates nothing).
//!
//! Everything here is safe code over slices: the fuzz tests (`fuzz_tests.rs`) run it on
//! arbitrary bytes.

use crate::encode::{is_bytes_type, is_string_type, read_vint};
use crate::types::{CassInet, CassValueType};

/// Whether an empty (zero-length, not NULL) value of this type reads as NULL.
pub(crate) fn empty_is_null(value_type: CassValueType) -> bool {
    use CassValueType::*;
    !(is_string_type(value_type)
        || is_bytes_type(value_type)
        || matches!(value_type, CASS_VALUE_TYPE_LIST | CASS_VALUE_TYPE_SET | CASS_VALUE_TYPE_MAP))
}

/// The leading `N` bytes, when there are that many.
pub(crate) fn fixed<const N: usize>(bytes: &[u8]) -> Option<[u8; N]> {
    bytes.get(..N)?.try_into().ok()
}

/// A duration: months, days, nanoseconds (zigzag vints); trailing bytes are ignored.
pub(crate) fn duration(bytes: &[u8]) -> Option<(i32, i32, i64)> {
    let unzigzag = |v: u64| ((v >> 1) as i64) ^ -((v & 1) as i64);
    let (months, a) = read_vint(bytes)?;
    let (days, b) = read_vint(&bytes[a..])?;
    let (nanos, _) = read_vint(&bytes[a + b..])?;
    // Truncation on purpose: the C++ driver keeps the low 32 bits.
    Some((unzigzag(months) as i32, unzigzag(days) as i32, unzigzag(nanos)))
}

/// A decimal: the unscaled varint bytes (never empty) and the scale.
pub(crate) fn decimal(bytes: &[u8]) -> Option<(&[u8], i32)> {
    let scale = i32::from_be_bytes(fixed::<4>(bytes)?);
    let varint = &bytes[4..];
    (!varint.is_empty()).then_some((varint, scale))
}

/// An inet address: the value's size modulo 256 is the address length, at most 16.
pub(crate) fn inet(bytes: &[u8]) -> Option<CassInet> {
    let length = bytes.len() as u8;
    if usize::from(length) > 16 {
        return None;
    }
    let mut inet = CassInet { address: [0; 16], address_length: length };
    inet.address[..usize::from(length)].copy_from_slice(&bytes[..usize::from(length)]);
    Some(inet)
}

/// A collection's element count (as sent: may be negative) and the bytes of its elements.
pub(crate) fn collection(bytes: &[u8]) -> Option<(i32, &[u8])> {
    Some((i32::from_be_bytes(fixed::<4>(bytes)?), &bytes[4..]))
}

/// One `[int length][bytes]` item at the start of `bytes`: the item (None for a negative
/// length, i.e. NULL) and the bytes after it; None when the bytes end before the item does.
pub(crate) fn item(bytes: &[u8]) -> Option<(Option<&[u8]>, &[u8])> {
    let len = i32::from_be_bytes(fixed::<4>(bytes)?);
    let rest = &bytes[4..];
    if len < 0 {
        return Some((None, rest));
    }
    let len = len as usize;
    (rest.len() >= len).then(|| (Some(&rest[..len]), &rest[len..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn duration_ignores_trailing_bytes_and_truncates_like_the_cpp_driver() {
        assert_eq!(duration(&[2, 4, 6]), Some((1, 2, 3)));
        assert_eq!(duration(&[2, 4, 6, 0xde, 0xad]), Some((1, 2, 3)));
        assert_eq!(duration(&[2, 4]), None);
        assert_eq!(duration(&[]), None);
        // months = 2^32 + 1 (zigzag 2^33 + 2): a 5-byte vint; the low 32 bits are 1.
        let big = [0xf0 | 0x02, 0x00, 0x00, 0x00, 0x02];
        let mut bytes = big.to_vec();
        bytes.extend([0, 0]);
        assert_eq!(duration(&bytes), Some((1, 0, 0)));
    }

    #[test]
    fn decimal_needs_a_varint_byte() {
        assert_eq!(decimal(&[0, 0, 0, 2]), None);
        assert_eq!(decimal(&[0, 0, 0, 2, 7]), Some((&[7u8][..], 2)));
        assert_eq!(decimal(&[0, 0, 2]), None);
    }

    #[test]
    fn inet_length_is_the_size_modulo_256() {
        assert_eq!(inet(&[1, 2, 3, 4]).map(|i| i.address_length), Some(4));
        assert_eq!(inet(&[1; 5]).map(|i| i.address_length), Some(5));
        assert!(inet(&[1; 17]).is_none());
        let wrapped = inet(&[9; 260]).expect("260 bytes read as 4");
        assert_eq!((wrapped.address_length, wrapped.address[..4].to_vec()), (4, vec![9; 4]));
    }

    #[test]
    fn items_and_collections() {
        assert_eq!(item(&[0, 0, 0, 1, 5, 6]), Some((Some(&[5u8][..]), &[6u8][..])));
        assert_eq!(item(&[0xff, 0xff, 0xff, 0xff, 6]), Some((None, &[6u8][..])));
        assert_eq!(item(&[0, 0, 0, 3, 5]), None);
        assert_eq!(item(&[0, 0]), None);
        assert_eq!(collection(&[0xff, 0xff, 0xff, 0xfe, 1]), Some((-2, &[1u8][..])));
        assert_eq!(collection(&[0, 0, 1]), None);
    }
}
