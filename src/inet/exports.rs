//! The `cass_inet_*` functions: building and formatting IP addresses.
#![allow(unreachable_pub)] // the C ABI: reached from C, not from Rust

use super::{INET_V4_LENGTH, INET_V6_LENGTH, MAX_TEXT_LENGTH};
use crate::error::CassError;
use crate::ffi::strings::{bytes_n, safe_strlen, write_cstr_into};
use crate::ffi::{guard, slice_arg, write_out, PanicAnswer};
use crate::types::{cass_uint8_t, CassInet};
use std::ffi::c_char;

/// Returns the IPv4 address of the CASS_INET_V4_LENGTH (4) bytes at `address` (network order).
/// When `address` is NULL, returns an inet of all zeros whose `address_length` is 0.
///
/// @param[in] address 4 bytes in network order, read now; NULL gives the zero inet.
/// @return The address by value (`address_length` 4, or 0 when `address` is NULL).
#[no_mangle]
pub extern "C" fn cass_inet_init_v4(address: *const cass_uint8_t) -> CassInet {
    guard(|| match slice_arg(address, usize::from(INET_V4_LENGTH)).and_then(|b| <[u8; 4]>::try_from(b).ok()) {
        Some(bytes) => CassInet::v4(bytes),
        None => CassInet::on_panic(),
    })
}

/// Returns the IPv6 address of the CASS_INET_V6_LENGTH (16) bytes at `address` (network order).
/// When `address` is NULL, returns an inet of all zeros whose `address_length` is 0.
///
/// @param[in] address 16 bytes in network order, read now; NULL gives the zero inet.
/// @return The address by value (`address_length` 16, or 0 when `address` is NULL).
#[no_mangle]
pub extern "C" fn cass_inet_init_v6(address: *const cass_uint8_t) -> CassInet {
    guard(|| match slice_arg(address, usize::from(INET_V6_LENGTH)).and_then(|b| <[u8; 16]>::try_from(b).ok()) {
        Some(bytes) => CassInet::v6(bytes),
        None => CassInet::on_panic(),
    })
}

/// Writes the text form of an address and a NUL into `output`, which must have room for
/// CASS_INET_STRING_LENGTH (46) characters: "127.0.0.1" for IPv4; for IPv6 what `inet_ntop()`
/// prints, e.g. "::1", "2001:db8::1", "::ffff:1.2.3.4". An `address_length` other than 4 is
/// printed as IPv6. Does nothing when `output` is NULL.
///
/// @param[in] inet The address, passed by value.
/// @param[out] output The caller's buffer of at least CASS_INET_STRING_LENGTH bytes; NULL writes nothing.
#[no_mangle]
pub extern "C" fn cass_inet_string(inet: CassInet, output: *mut c_char) {
    guard(|| write_cstr_into(&inet.to_text(), output))
}

/// Parses an address: dotted IPv4 ("127.0.0.1") or IPv6 ("::1", "2001:db8::1", "::ffff:1.2.3.4";
/// a zone such as "%eth0" is ignored).
///
/// @param[in] str The NUL-terminated text; not NULL.
/// @param[out] output Where the parsed address goes; not NULL.
/// @return CASS_OK once `output` is written; CASS_ERROR_LIB_BAD_PARAMS (with `output` unchanged) when `str` or `output`
/// is NULL or `str` is not an address.
#[no_mangle]
pub extern "C" fn cass_inet_from_string(str: *const c_char, output: *mut CassInet) -> CassError {
    guard(|| {
        if str.is_null() {
            return CassError::CASS_ERROR_LIB_BAD_PARAMS;
        }
        match bytes_n(str, safe_strlen(str)).ok().and_then(CassInet::parse) {
            Some(inet) => write_out(output, inet),
            None => CassError::CASS_ERROR_LIB_BAD_PARAMS,
        }
    })
}

/// Same as `cass_inet_from_string()`, with the length of `str` given (`str` need not be
/// NUL-terminated). The text ends at its first NUL, if any.
///
/// @param[in] str The text (NULL only with length 0).
/// @param[in] str_length The number of bytes in `str`, at most 45.
/// @param[out] output Where the parsed address goes; not NULL.
/// @return CASS_OK once `output` is written; CASS_ERROR_LIB_BAD_PARAMS (with `output` unchanged) when `str_length` is
/// over 45, `str` is NULL with a non-zero length, `output` is NULL or the text is not an address.
#[no_mangle]
pub extern "C" fn cass_inet_from_string_n(str: *const c_char, str_length: usize, output: *mut CassInet) -> CassError {
    guard(|| {
        if str_length > MAX_TEXT_LENGTH {
            return CassError::CASS_ERROR_LIB_BAD_PARAMS;
        }
        let Ok(bytes) = bytes_n(str, str_length) else {
            return CassError::CASS_ERROR_LIB_BAD_PARAMS;
        };
        let text = bytes.iter().position(|&c| c == 0).map_or(bytes, |end| &bytes[..end]);
        match CassInet::parse(text) {
            Some(inet) => write_out(output, inet),
            None => CassError::CASS_ERROR_LIB_BAD_PARAMS,
        }
    })
}
