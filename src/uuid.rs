//! `CassUuid` and its 16-byte wire form.
//!
//! `time_and_version` holds the 60-bit time (or random bits) with the version in the top 4 bits;
//! on the wire it is split into time_low (32 bits), time_mid (16) and time_hi_and_version (16).

use crate::types::CassUuid;

impl CassUuid {
    /// The UUID in wire (RFC 4122 byte) order.
    pub fn to_bytes(self) -> [u8; 16] {
        let t = self.time_and_version;
        let mut out = [0u8; 16];
        out[0..4].copy_from_slice(&(t as u32).to_be_bytes());
        out[4..6].copy_from_slice(&((t >> 32) as u16).to_be_bytes());
        out[6..8].copy_from_slice(&((t >> 48) as u16).to_be_bytes());
        out[8..16].copy_from_slice(&self.clock_seq_and_node.to_be_bytes());
        out
    }

    /// The UUID from wire order.
    pub fn from_bytes(b: &[u8; 16]) -> Self {
        let low = u32::from_be_bytes([b[0], b[1], b[2], b[3]]) as u64;
        let mid = u16::from_be_bytes([b[4], b[5]]) as u64;
        let hi = u16::from_be_bytes([b[6], b[7]]) as u64;
        CassUuid {
            time_and_version: (hi << 48) | (mid << 32) | low,
            clock_seq_and_node: u64::from_be_bytes([b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]]),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wire_round_trip() {
        let text_order: [u8; 16] = *uuid::Uuid::parse_str("550e8400-e29b-41d4-a716-446655440000").unwrap().as_bytes();
        let u = CassUuid::from_bytes(&text_order);
        assert_eq!(u.time_and_version >> 60, 4);
        assert_eq!(u.to_bytes(), text_order);
    }
}
