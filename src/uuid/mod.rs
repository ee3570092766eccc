//! `CassUuid`: its wire and text forms, the time arithmetic of version-1 (time) UUIDs, and the
//! UUID functions of `cassandra.h` that need no generator. `CassUuidGen` is in [`gen`].
//!
//! `time_and_version` holds the 60-bit time (or random bits) with the version in the top 4 bits;
//! on the wire it is split into time_low (32 bits), time_mid (16) and time_hi_and_version (16).
//! `clock_seq_and_node` holds the variant (top 2 bits), the 14-bit clock sequence and the 48-bit
//! node, in wire order. The time of a v1 UUID counts 100-nanosecond ticks since 1582-10-15 00:00 UTC.

mod exports;
pub(crate) mod gen;
mod random;

use crate::types::CassUuid;

/// Ticks (100 ns) from the start of the UUID calendar (1582-10-15) to the Unix epoch (1970-01-01).
pub(crate) const UNIX_EPOCH_TICKS: u64 = 0x01B2_1DD2_1381_4000;
/// Ticks (100 ns) per millisecond.
pub(crate) const TICKS_PER_MS: u64 = 10_000;
/// The 60 time bits of `time_and_version`.
const TIME_MASK: u64 = 0x0FFF_FFFF_FFFF_FFFF;
/// The 48 node bits of `clock_seq_and_node`.
pub(crate) const NODE_MASK: u64 = 0x0000_FFFF_FFFF_FFFF;
/// The RFC 4122 variant (binary 10) in the top bits of `clock_seq_and_node`.
pub(crate) const VARIANT_RFC4122: u64 = 0x8000_0000_0000_0000;
/// Cassandra orders timeuuids with equal times by their last 8 bytes compared as signed bytes, so
/// 0x80 in every byte sorts first and 0x7f in every byte sorts last: the bounds of a time range.
const MIN_CLOCK_SEQ_AND_NODE: u64 = 0x8080_8080_8080_8080;
const MAX_CLOCK_SEQ_AND_NODE: u64 = 0x7f7f_7f7f_7f7f_7f7f;
/// Characters of the text form (without the NUL).
const TEXT_LENGTH: usize = 36;

/// `time` (low 60 bits) with `version` in the top 4 bits.
pub(crate) fn with_version(time: u64, version: u8) -> u64 {
    (time & TIME_MASK) | (u64::from(version & 0x0F) << 60)
}

/// The tick of a Unix time in milliseconds. Arithmetic is modulo 2^64, as in the C++ driver, so a
/// negative time passed as `cass_uint64_t` still gives its tick (for times after 1582).
pub(crate) fn ticks_from_unix_ms(ms: u64) -> u64 {
    ms.wrapping_mul(TICKS_PER_MS).wrapping_add(UNIX_EPOCH_TICKS)
}

fn hex_value(c: u8) -> Option<u8> {
    match c {
        b'0'..=b'9' => Some(c - b'0'),
        b'a'..=b'f' => Some(c - b'a' + 10),
        b'A'..=b'F' => Some(c - b'A' + 10),
        _ => None,
    }
}

impl CassUuid {
    /// The UUID in wire (RFC 4122 byte) order.
    pub(crate) fn to_bytes(self) -> [u8; 16] {
        let t = self.time_and_version;
        let mut out = [0u8; 16];
        out[0..4].copy_from_slice(&(t as u32).to_be_bytes());
        out[4..6].copy_from_slice(&((t >> 32) as u16).to_be_bytes());
        out[6..8].copy_from_slice(&((t >> 48) as u16).to_be_bytes());
        out[8..16].copy_from_slice(&self.clock_seq_and_node.to_be_bytes());
        out
    }

    /// The UUID from wire order.
    pub(crate) fn from_bytes(b: &[u8; 16]) -> Self {
        let low = u32::from_be_bytes([b[0], b[1], b[2], b[3]]) as u64;
        let mid = u16::from_be_bytes([b[4], b[5]]) as u64;
        let hi = u16::from_be_bytes([b[6], b[7]]) as u64;
        CassUuid {
            time_and_version: (hi << 48) | (mid << 32) | low,
            clock_seq_and_node: u64::from_be_bytes([b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]]),
        }
    }

    /// The version (the top 4 bits of `time_and_version`): 1 for time UUIDs, 4 for random ones.
    pub(crate) fn version(self) -> u8 {
        (self.time_and_version >> 60) as u8
    }

    /// The lowercase text form, `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx`.
    pub(crate) fn to_text(self) -> [u8; TEXT_LENGTH] {
        const DIGITS: &[u8; 16] = b"0123456789abcdef";
        let mut out = [b'-'; TEXT_LENGTH];
        let mut at = 0;
        for (i, byte) in self.to_bytes().into_iter().enumerate() {
            if matches!(i, 4 | 6 | 8 | 10) {
                at += 1; // keeps the dash
            }
            out[at] = DIGITS[usize::from(byte >> 4)];
            out[at + 1] = DIGITS[usize::from(byte & 0x0F)];
            at += 2;
        }
        out
    }

    /// Parses the text form. Accepted: exactly 36 characters made of 16 pairs of hex digits (either
    /// case), each pair optionally preceded by one `-`, then only `-` up to the end. That is the
    /// usual `8-4-4-4-12` form plus every other placement of the 4 dashes between or around the
    /// pairs that the C++ driver accepts; unlike it, characters after the 16th pair that are not
    /// dashes are rejected instead of ignored.
    pub(crate) fn parse(text: &[u8]) -> Option<Self> {
        if text.len() != TEXT_LENGTH {
            return None;
        }
        let mut bytes = [0u8; 16];
        let mut at = 0;
        for byte in &mut bytes {
            if text[at] == b'-' {
                at += 1;
            }
            let pair = text.get(at..at + 2)?;
            *byte = (hex_value(pair[0])? << 4) | hex_value(pair[1])?;
            at += 2;
        }
        text[at..].iter().all(|&c| c == b'-').then(|| CassUuid::from_bytes(&bytes))
    }

    /// The smallest v1 UUID (in Cassandra's timeuuid order) of a Unix time in milliseconds.
    pub(crate) fn min_for_time(unix_ms: u64) -> Self {
        CassUuid {
            time_and_version: with_version(ticks_from_unix_ms(unix_ms), 1),
            clock_seq_and_node: MIN_CLOCK_SEQ_AND_NODE,
        }
    }

    /// The largest v1 UUID (in Cassandra's timeuuid order) of a Unix time in milliseconds.
    pub(crate) fn max_for_time(unix_ms: u64) -> Self {
        CassUuid {
            time_and_version: with_version(ticks_from_unix_ms(unix_ms), 1),
            clock_seq_and_node: MAX_CLOCK_SEQ_AND_NODE,
        }
    }

    /// The time of a v1 UUID in milliseconds since the Unix epoch, rounded down; 0 for any other
    /// version. A time before 1970 comes out as a negative number in two's complement.
    pub(crate) fn unix_ms(self) -> u64 {
        if self.version() != 1 {
            return 0;
        }
        // Both operands are below 2^60: the difference fits an i64.
        let since_epoch = (self.time_and_version & TIME_MASK) as i64 - UNIX_EPOCH_TICKS as i64;
        since_epoch.div_euclid(TICKS_PER_MS as i64) as u64
    }
}

#[cfg(test)]
mod tests {
    use super::exports::*;
    use super::*;
    use crate::error::CassError;
    use std::ffi::c_char;

    #[test]
    fn wire_round_trip() {
        let text_order: [u8; 16] = *uuid::Uuid::parse_str("550e8400-e29b-41d4-a716-446655440000").unwrap().as_bytes();
        let u = CassUuid::from_bytes(&text_order);
        assert_eq!(u.time_and_version >> 60, 4);
        assert_eq!(u.to_bytes(), text_order);
    }

    #[test]
    fn text_round_trip_and_fields() {
        let u = CassUuid::parse(b"550e8400-e29b-41d4-a716-446655440000").unwrap();
        assert_eq!(u.time_and_version, 0x41d4_e29b_550e_8400);
        assert_eq!(u.clock_seq_and_node, 0xa716_4466_5544_0000);
        assert_eq!(u.version(), 4);
        assert_eq!(&u.to_text(), b"550e8400-e29b-41d4-a716-446655440000");
        let upper = CassUuid::parse(b"550E8400-E29B-41D4-A716-446655440000").unwrap();
        assert_eq!(upper, u);
        // Agrees with the uuid crate on random values.
        for _ in 0..100 {
            let reference = uuid::Uuid::new_v4();
            let ours = CassUuid::from_bytes(reference.as_bytes());
            assert_eq!(std::str::from_utf8(&ours.to_text()).unwrap(), reference.hyphenated().to_string());
            assert_eq!(CassUuid::parse(reference.hyphenated().to_string().as_bytes()), Some(ours));
        }
    }

    #[test]
    fn text_rejections_and_dash_placements() {
        let ok = |s: &str| CassUuid::parse(s.as_bytes()).is_some();
        assert!(ok("550e8400-e29b-41d4-a716-446655440000"));
        assert!(ok("-550e8400e29b-41d4-a716-446655440000"));
        assert!(ok("550e8400e29b41d4a716446655440000----"));
        assert!(ok("55-0e-84-00-e29b41d4a716446655440000"));
        assert!(!ok("550e8400e29b41d4a716446655440000"));
        assert!(!ok("550e8400-e29b-41d4-a716-4466554400000"));
        assert!(!ok("550e8400-e29b-41d4-a716-44665544000"));
        assert!(!ok("550e8400-e29b-41d4-a716-44665544000g"));
        assert!(!ok("550e8400--e29b41d4-a716-446655440000"));
        assert!(!ok("550e8400e29b41d4a716446655440000zzzz"));
        assert!(!ok("5-50e8400e29b41d4a716446655440000---"));
        assert!(!ok("{50e8400-e29b-41d4-a716-44665544000}"));
        assert!(!ok(""));
    }

    #[test]
    fn known_v1_time() {
        // RFC 9562, appendix A.1: a v1 UUID of 2022-02-22 19:22:22 UTC (tick 0x1EC9414C232AB00).
        let u = CassUuid::parse(b"C232AB00-9414-11EC-B3C8-9F6BDECED846").unwrap();
        assert_eq!(u.version(), 1);
        assert_eq!(u.time_and_version & TIME_MASK, 0x1EC_9414_C232_AB00);
        assert_eq!(u.unix_ms(), 1_645_557_742_000);
        let min = CassUuid::min_for_time(1_645_557_742_000);
        assert_eq!(min.time_and_version, u.time_and_version);
        assert_eq!(&min.to_text(), b"c232ab00-9414-11ec-8080-808080808080");
        assert_eq!(&CassUuid::max_for_time(1_645_557_742_000).to_text(), b"c232ab00-9414-11ec-7f7f-7f7f7f7f7f7f");
    }

    #[test]
    fn timestamps_of_other_versions_and_before_1970() {
        let v4 = CassUuid::parse(b"550e8400-e29b-41d4-a716-446655440000").unwrap();
        assert_eq!(v4.unix_ms(), 0);
        assert_eq!(CassUuid::min_for_time(0).unix_ms(), 0);
        assert_eq!(CassUuid::min_for_time(0).time_and_version, with_version(UNIX_EPOCH_TICKS, 1));
        // -1500 ms, passed as the C caller's (cass_uint64_t)-1500.
        let before = CassUuid::min_for_time((-1500i64) as u64);
        assert_eq!(before.unix_ms() as i64, -1500);
        // A tick inside a millisecond rounds down, also before the epoch.
        let mut odd = before;
        odd.time_and_version += 1;
        assert_eq!(odd.unix_ms() as i64, -1500);
        odd.time_and_version -= 2;
        assert_eq!(odd.unix_ms() as i64, -1501);
    }

    #[test]
    fn exports_check_their_pointers() {
        let mut u = CassUuid::default();
        let text = b"550e8400-e29b-41d4-a716-446655440000\0";
        let ptr = text.as_ptr() as *const c_char;
        assert_eq!(cass_uuid_from_string(ptr, &mut u), CassError::CASS_OK);
        assert_eq!(u.version(), 4);
        assert_eq!(cass_uuid_from_string(std::ptr::null(), &mut u), CassError::CASS_ERROR_LIB_BAD_PARAMS);
        assert_eq!(cass_uuid_from_string(ptr, std::ptr::null_mut()), CassError::CASS_ERROR_LIB_BAD_PARAMS);
        assert_eq!(cass_uuid_from_string_n(std::ptr::null(), 36, &mut u), CassError::CASS_ERROR_LIB_BAD_PARAMS);
        assert_eq!(cass_uuid_from_string_n(ptr, 35, &mut u), CassError::CASS_ERROR_LIB_BAD_PARAMS);
        let mut out = [0x55 as c_char; 37];
        cass_uuid_string(u, out.as_mut_ptr());
        assert_eq!(&out[..36].iter().map(|&c| c as u8).collect::<Vec<_>>(), &text[..36]);
        assert_eq!(out[36], 0);
        cass_uuid_string(u, std::ptr::null_mut());
        cass_uuid_min_from_time(0, std::ptr::null_mut());
        cass_uuid_max_from_time(0, std::ptr::null_mut());
    }
}
