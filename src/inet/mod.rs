//! `CassInet`: IPv4 and IPv6 addresses and their text forms.
//!
//! Text in: dotted IPv4 ("127.0.0.1", no leading zeros in a part) or IPv6 in any RFC 4291 form
//! ("::1", "2001:db8::8:800:200c:417a", "::ffff:1.2.3.4"); an IPv6 zone ("fe80::1%eth0") is
//! accepted and dropped, as the C++ driver (through libuv) does.
//! Text out: what `inet_ntop()` prints, so the same as the C++ driver: dotted IPv4, and IPv6 in
//! lowercase hex with the first longest run of two or more zero groups written as "::", and the
//! last 32 bits in dotted form for IPv4-mapped ("::ffff:1.2.3.4") and IPv4-compatible ("::1.2.3.4")
//! addresses.

mod exports;
use crate::ffi::PanicAnswer;
use crate::types::CassInet;
use std::fmt::Write;
use std::net::{Ipv4Addr, Ipv6Addr};

/// Bytes of an IPv4 address (CASS_INET_V4_LENGTH).
pub(crate) const INET_V4_LENGTH: u8 = 4;
/// Bytes of an IPv6 address (CASS_INET_V6_LENGTH).
pub(crate) const INET_V6_LENGTH: u8 = 16;
/// The longest address text, without its NUL (CASS_INET_STRING_LENGTH - 1).
const MAX_TEXT_LENGTH: usize = 45;

impl PanicAnswer for CassInet {
    fn on_panic() -> Self {
        CassInet { address: [0; 16], address_length: 0 }
    }
}

impl CassInet {
    /// An IPv4 address from its 4 bytes (network order).
    pub(crate) fn v4(bytes: [u8; 4]) -> Self {
        let mut address = [0u8; 16];
        address[..4].copy_from_slice(&bytes);
        CassInet { address, address_length: INET_V4_LENGTH }
    }

    /// An IPv6 address from its 16 bytes (network order).
    pub(crate) fn v6(bytes: [u8; 16]) -> Self {
        CassInet { address: bytes, address_length: INET_V6_LENGTH }
    }

    /// The address as a Rust `IpAddr`; None unless it has 4 or 16 bytes.
    pub(crate) fn to_ip_addr(self) -> Option<std::net::IpAddr> {
        match self.address_length {
            INET_V4_LENGTH => {
                Some(Ipv4Addr::new(self.address[0], self.address[1], self.address[2], self.address[3]).into())
            }
            INET_V6_LENGTH => Some(Ipv6Addr::from(self.address).into()),
            _ => None,
        }
    }

    /// Parses an address text (see the module documentation); `None` when it is not one.
    pub(crate) fn parse(text: &[u8]) -> Option<Self> {
        if let Some(v4) = std::str::from_utf8(text).ok().and_then(|t| t.parse::<Ipv4Addr>().ok()) {
            return Some(CassInet::v4(v4.octets()));
        }
        let address = match text.iter().position(|&c| c == b'%') {
            Some(zone) => &text[..zone],
            None => text,
        };
        if address.len() > MAX_TEXT_LENGTH {
            return None;
        }
        let v6 = std::str::from_utf8(address).ok()?.parse::<Ipv6Addr>().ok()?;
        Some(CassInet::v6(v6.octets()))
    }

    /// The text form (see the module documentation). An `address_length` other than 4 is read as
    /// IPv6 (all 16 bytes), as the C++ driver does.
    pub(crate) fn to_text(self) -> String {
        let mut out = String::with_capacity(MAX_TEXT_LENGTH);
        if self.address_length == INET_V4_LENGTH {
            push_dotted(&mut out, &self.address[..4]);
        } else {
            push_v6(&mut out, &self.address);
        }
        out
    }
}

fn push_dotted(out: &mut String, bytes: &[u8]) {
    let [a, b, c, d] = [bytes[0], bytes[1], bytes[2], bytes[3]];
    let _ = write!(out, "{a}.{b}.{c}.{d}");
}

fn push_v6(out: &mut String, bytes: &[u8; 16]) {
    let mut groups = [0u16; 8];
    for (group, pair) in groups.iter_mut().zip(bytes.chunks_exact(2)) {
        *group = u16::from_be_bytes([pair[0], pair[1]]);
    }
    // The first longest run of zero groups; a single zero group is not shortened.
    let (mut run_start, mut run_len) = (0, 0);
    let mut i = 0;
    while i < 8 {
        let start = i;
        while i < 8 && groups[i] == 0 {
            i += 1;
        }
        if i - start > run_len {
            (run_start, run_len) = (start, i - start);
        }
        i += 1;
    }
    if run_len < 2 {
        run_len = 0;
    }
    // IPv4-compatible (6 leading zero groups) and IPv4-mapped (5 zero groups, then ffff).
    if run_start == 0 && (run_len == 6 || (run_len == 5 && groups[5] == 0xffff)) {
        out.push_str(if run_len == 6 { "::" } else { "::ffff:" });
        push_dotted(out, &bytes[12..]);
        return;
    }
    let mut i = 0;
    while i < 8 {
        if run_len > 0 && i == run_start {
            out.push_str("::");
            i += run_len;
            continue;
        }
        if i > 0 && !out.ends_with(':') {
            out.push(':');
        }
        let _ = write!(out, "{:x}", groups[i]);
        i += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::exports::*;
    use super::*;
    use crate::error::CassError;
    use std::ffi::c_char;

    fn parse(text: &str) -> Option<CassInet> {
        CassInet::parse(text.as_bytes())
    }

    fn round_trip(text: &str) -> String {
        parse(text).unwrap_or_else(|| panic!("{text} should parse")).to_text()
    }

    #[test]
    fn v4_text() {
        let inet = parse("192.168.1.10").unwrap();
        assert_eq!(inet.address_length, 4);
        assert_eq!(&inet.address[..4], &[192, 168, 1, 10]);
        assert_eq!(inet.to_text(), "192.168.1.10");
        assert_eq!(round_trip("0.0.0.0"), "0.0.0.0");
        assert_eq!(round_trip("255.255.255.255"), "255.255.255.255");
        for bad in
            ["", "1.2.3", "1.2.3.4.5", "256.1.1.1", "01.2.3.4", "1.2.3.4 ", " 1.2.3.4", "1..2.3", "a.b.c.d", "1.2.3.-4"]
        {
            assert!(parse(bad).is_none(), "{bad:?} should be rejected");
        }
    }

    #[test]
    fn v6_text() {
        let loopback = parse("::1").unwrap();
        assert_eq!(loopback.address_length, 16);
        assert_eq!(loopback.address, Ipv6Addr::LOCALHOST.octets());
        let cases = [
            ("::1", "::1"),
            ("::", "::"),
            ("1::", "1::"),
            ("2001:DB8::1", "2001:db8::1"),
            ("2001:db8:0:0:1:0:0:1", "2001:db8::1:0:0:1"),
            ("1:0:0:2:0:0:0:3", "1:0:0:2::3"),
            ("1:0:2:3:4:5:6:7", "1:0:2:3:4:5:6:7"),
            ("1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7:8"),
            ("1:2:3:4:5:6:7::", "1:2:3:4:5:6:7:0"),
            ("fe80::0:0:1:2", "fe80::1:2"),
            ("::ffff:1.2.3.4", "::ffff:1.2.3.4"),
            ("::ffff:0102:0304", "::ffff:1.2.3.4"),
            ("::ffff:0:0", "::ffff:0.0.0.0"),
            ("::1.2.3.4", "::1.2.3.4"),
            ("::0.1.0.0", "::0.1.0.0"),
            ("::1:0:0:0", "::1:0:0:0"),
            ("0:0:1:0:0:0:0:0", "0:0:1::"),
            ("64:ff9b::1.2.3.4", "64:ff9b::102:304"),
            ("1:2:3:4:5:6:1.2.3.4", "1:2:3:4:5:6:102:304"),
            ("fe80::1%eth0", "fe80::1"),
            ("fe80::1%", "fe80::1"),
        ];
        for (input, expected) in cases {
            assert_eq!(round_trip(input), expected, "{input}");
        }
        // The output parses back to the same address.
        for (input, _) in cases {
            let inet = parse(input).unwrap();
            assert_eq!(parse(&inet.to_text()), Some(inet));
        }
        for bad in [
            ":::1",
            "1::2::3",
            "12345::1",
            "1:2:3:4:5:6:7:8:9",
            "1:2:3:4:5:6:7:8::",
            ":1::",
            "::g",
            "::1.2.3",
            "::1.2.3.04",
            "1.2.3.4%eth0",
            "[::1]",
        ] {
            assert!(parse(bad).is_none(), "{bad:?} should be rejected");
        }
    }

    #[test]
    fn agrees_with_std_display_where_inet_ntop_does() {
        // std prints IPv4-compatible addresses in hex; everything else matches inet_ntop.
        for bytes in [[0u8; 16], [0x20, 1, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1], [0xff; 16]] {
            assert_eq!(CassInet::v6(bytes).to_text(), Ipv6Addr::from(bytes).to_string());
        }
        for n in 0u32..2000 {
            let x = n.wrapping_mul(2_654_435_761);
            let mut bytes = [0u8; 16];
            for (i, b) in bytes.iter_mut().enumerate() {
                // Many zero groups, so that runs of every length appear.
                *b = if (x >> (i / 2)) & 1 == 0 { 0 } else { (x >> (i % 8)) as u8 | 1 };
            }
            let inet = CassInet::v6(bytes);
            let std_text = Ipv6Addr::from(bytes).to_string();
            let ours = inet.to_text();
            if !(ours.starts_with("::") && ours.contains('.') && !ours.starts_with("::ffff:")) {
                assert_eq!(ours, std_text);
            }
            assert_eq!(parse(&ours), Some(inet));
        }
    }

    #[test]
    fn other_lengths_print_as_v6() {
        let mut inet = CassInet::v6(Ipv6Addr::LOCALHOST.octets());
        inet.address_length = 0;
        assert_eq!(inet.to_text(), "::1");
    }

    #[test]
    fn exports() {
        let v4 = cass_inet_init_v4([10u8, 0, 0, 1].as_ptr());
        assert_eq!(v4, CassInet::v4([10, 0, 0, 1]));
        assert_eq!(cass_inet_init_v4(std::ptr::null()).address_length, 0);
        assert_eq!(cass_inet_init_v6(std::ptr::null()).address_length, 0);
        let mut out = [0x55 as c_char; 46];
        cass_inet_string(v4, out.as_mut_ptr());
        // SAFETY: cass_inet_string wrote a NUL-terminated text into `out`.
        assert_eq!(unsafe { std::ffi::CStr::from_ptr(out.as_ptr()) }.to_str().unwrap(), "10.0.0.1");
        let longest = CassInet::v6([0xff; 16]);
        let mapped = parse("::ffff:255.255.255.255").unwrap();
        for inet in [longest, mapped] {
            assert!(inet.to_text().len() <= MAX_TEXT_LENGTH);
        }
        cass_inet_string(v4, std::ptr::null_mut());

        let mut inet = CassInet::v4([0; 4]);
        let text = b"::1\0garbage";
        let p = text.as_ptr() as *const c_char;
        assert_eq!(cass_inet_from_string(p, &mut inet), CassError::CASS_OK);
        assert_eq!(inet.address_length, 16);
        assert_eq!(cass_inet_from_string_n(p, text.len(), &mut inet), CassError::CASS_OK);
        assert_eq!(cass_inet_from_string_n(p, 2, &mut inet), CassError::CASS_OK); // "::"
        assert_eq!(inet.address, [0; 16]);
        assert_eq!(cass_inet_from_string_n(p, 1, &mut inet), CassError::CASS_ERROR_LIB_BAD_PARAMS);
        assert_eq!(cass_inet_from_string(std::ptr::null(), &mut inet), CassError::CASS_ERROR_LIB_BAD_PARAMS);
        assert_eq!(cass_inet_from_string(p, std::ptr::null_mut()), CassError::CASS_ERROR_LIB_BAD_PARAMS);
        assert_eq!(cass_inet_from_string_n(std::ptr::null(), 3, &mut inet), CassError::CASS_ERROR_LIB_BAD_PARAMS);
        assert_eq!(cass_inet_from_string_n(std::ptr::null(), 0, &mut inet), CassError::CASS_ERROR_LIB_BAD_PARAMS);
        let long = [b'1'; 46];
        assert_eq!(
            cass_inet_from_string_n(long.as_ptr() as *const c_char, 46, &mut inet),
            CassError::CASS_ERROR_LIB_BAD_PARAMS
        );
    }
}
