//! The `cass_uuid_*` functions that read and write UUIDs.
#![allow(unreachable_pub)] // the C ABI: reached from C, not from Rust

use crate::error::CassError;
use crate::ffi::strings::{bytes_n, safe_strlen, write_cstr_into};
use crate::ffi::{guard, write_out};
use crate::types::{cass_uint64_t, cass_uint8_t, CassUuid};
use std::ffi::c_char;

/// Sets `output` to the smallest version-1 UUID of the time `time` (milliseconds since the Unix
/// epoch), in the order Cassandra sorts timeuuid values: the lower bound of a time range. Its clock
/// sequence and node bytes are all 0x80. Does nothing when `output` is NULL.
///
/// @param[in] time Milliseconds since the Unix epoch.
/// @param[out] output Where the UUID goes; NULL writes nothing.
#[no_mangle]
pub extern "C" fn cass_uuid_min_from_time(time: cass_uint64_t, output: *mut CassUuid) {
    guard(|| {
        write_out(output, CassUuid::min_for_time(time));
    })
}

/// Sets `output` to the largest version-1 UUID of the time `time` (milliseconds since the Unix
/// epoch), in the order Cassandra sorts timeuuid values: the upper bound of a time range. Its clock
/// sequence and node bytes are all 0x7f. Does nothing when `output` is NULL.
///
/// @param[in] time Milliseconds since the Unix epoch.
/// @param[out] output Where the UUID goes; NULL writes nothing.
#[no_mangle]
pub extern "C" fn cass_uuid_max_from_time(time: cass_uint64_t, output: *mut CassUuid) {
    guard(|| {
        write_out(output, CassUuid::max_for_time(time));
    })
}

/// Returns the time of a version-1 UUID in milliseconds since the Unix epoch (1970-01-01 00:00 UTC),
/// or 0 when the UUID is not version 1. A time before the epoch is returned as the two's
/// complement of the negative number of milliseconds (cast the result to `cass_int64_t`).
///
/// @param[in] uuid The UUID, passed by value.
/// @return Its time in milliseconds since the Unix epoch; 0 when it is not version 1.
#[no_mangle]
pub extern "C" fn cass_uuid_timestamp(uuid: CassUuid) -> cass_uint64_t {
    guard(|| uuid.unix_ms())
}

/// Returns the version of a UUID (the top 4 bits of `time_and_version`): 1 for time UUIDs, 4 for
/// random ones.
///
/// @param[in] uuid The UUID, passed by value.
/// @return Its version number (0 to 15).
#[no_mangle]
pub extern "C" fn cass_uuid_version(uuid: CassUuid) -> cass_uint8_t {
    guard(|| uuid.version())
}

/// Writes the text form of a UUID, 36 lowercase characters such as
/// "550e8400-e29b-41d4-a716-446655440000" and a NUL, into `output`, which must have room for
/// CASS_UUID_STRING_LENGTH (37) characters. Does nothing when `output` is NULL.
///
/// @param[in] uuid The UUID, passed by value.
/// @param[out] output The caller's buffer of at least CASS_UUID_STRING_LENGTH bytes; NULL writes nothing.
#[no_mangle]
pub extern "C" fn cass_uuid_string(uuid: CassUuid, output: *mut c_char) {
    guard(|| {
        let text = uuid.to_text();
        // The text is ASCII hex digits and dashes.
        write_cstr_into(std::str::from_utf8(&text).unwrap_or_default(), output);
    })
}

/// Parses the text form of a UUID, e.g. "550e8400-e29b-41d4-a716-446655440000" (hex digits in
/// either case): 36 characters, 32 hex digits in pairs and 4 dashes.
///
/// @param[in] str The NUL-terminated text; not NULL.
/// @param[out] output Where the parsed UUID goes; not NULL.
/// @return CASS_OK once `output` is written; CASS_ERROR_LIB_BAD_PARAMS (with `output` unchanged) when `str` or `output`
/// is NULL or `str` is not a UUID.
#[no_mangle]
pub extern "C" fn cass_uuid_from_string(str: *const c_char, output: *mut CassUuid) -> CassError {
    guard(|| {
        if str.is_null() {
            return CassError::CASS_ERROR_LIB_BAD_PARAMS;
        }
        cass_uuid_from_string_n(str, safe_strlen(str), output)
    })
}

/// Same as `cass_uuid_from_string()`, with the length of `str` given (`str` need not be
/// NUL-terminated; the length must be 36).
///
/// @param[in] str The text (NULL only with length 0).
/// @param[in] str_length The number of bytes in `str`.
/// @param[out] output Where the parsed UUID goes; not NULL.
/// @return CASS_OK once `output` is written; CASS_ERROR_LIB_BAD_PARAMS (with `output` unchanged) when `output` is NULL
/// or the text is not a UUID.
#[no_mangle]
pub extern "C" fn cass_uuid_from_string_n(str: *const c_char, str_length: usize, output: *mut CassUuid) -> CassError {
    guard(|| match bytes_n(str, str_length).ok().and_then(CassUuid::parse) {
        Some(uuid) => write_out(output, uuid),
        None => CassError::CASS_ERROR_LIB_BAD_PARAMS,
    })
}
