//! The `cass_custom_payload_*` functions.
#![allow(unreachable_pub)] // the C ABI: reached from C, not from Rust

use super::CassCustomPayload;
use crate::ffi::strings::{bytes_n, safe_strlen, str_n};
use crate::ffi::{guard, BoxHandle};
use crate::types::cass_byte_t;
use std::ffi::c_char;

/// Creates an empty custom payload. Free it with `cass_custom_payload_free()`.
///
/// @return A new payload the caller owns and frees with `cass_custom_payload_free()`.
#[no_mangle]
pub extern "C" fn cass_custom_payload_new() -> *mut CassCustomPayload {
    guard(|| CassCustomPayload::default().into_ptr())
}

/// Frees a custom payload. NULL is ignored.
///
/// @param[in] payload The payload to free, or NULL.
#[no_mangle]
pub extern "C" fn cass_custom_payload_free(payload: *mut CassCustomPayload) {
    guard(|| CassCustomPayload::free(payload))
}

/// Sets the item `name` to a copy of `value` (replacing an item of that name).
///
/// @param[in] payload The payload to change; NULL does nothing.
/// @param[in] name The NUL-terminated item name (UTF-8), copied.
/// @param[in] value The item's bytes, copied (NULL only with size 0).
/// @param[in] value_size The number of bytes in `value`.
#[no_mangle]
pub extern "C" fn cass_custom_payload_set(
    payload: *mut CassCustomPayload,
    name: *const c_char,
    value: *const cass_byte_t,
    value_size: usize,
) {
    cass_custom_payload_set_n(payload, name, safe_strlen(name), value, value_size)
}

/// Same as `cass_custom_payload_set()`, with the name's length given. Invalid arguments (NULL,
/// non-UTF-8 name) are ignored: the function has no way to report them.
///
/// @param[in] payload The payload to change; NULL does nothing.
/// @param[in] name The item name (UTF-8), copied.
/// @param[in] name_length The number of bytes in `name`.
/// @param[in] value The item's bytes, copied (NULL only with size 0).
/// @param[in] value_size The number of bytes in `value`.
#[no_mangle]
pub extern "C" fn cass_custom_payload_set_n(
    payload: *mut CassCustomPayload,
    name: *const c_char,
    name_length: usize,
    value: *const cass_byte_t,
    value_size: usize,
) {
    guard(|| {
        if let (Some(payload), Ok(name), Ok(value)) =
            (CassCustomPayload::from_ptr_mut(payload), str_n(name, name_length), bytes_n(value, value_size))
        {
            payload.set(name, value);
        }
    })
}

/// Removes the item `name`, if present.
///
/// @param[in] payload The payload to change; NULL does nothing.
/// @param[in] name The NUL-terminated name of the item to remove.
#[no_mangle]
pub extern "C" fn cass_custom_payload_remove(payload: *mut CassCustomPayload, name: *const c_char) {
    cass_custom_payload_remove_n(payload, name, safe_strlen(name))
}

/// Same as `cass_custom_payload_remove()`, with the name's length given.
///
/// @param[in] payload The payload to change; NULL does nothing.
/// @param[in] name The name of the item to remove.
/// @param[in] name_length The number of bytes in `name`.
#[no_mangle]
pub extern "C" fn cass_custom_payload_remove_n(
    payload: *mut CassCustomPayload,
    name: *const c_char,
    name_length: usize,
) {
    guard(|| {
        if let (Some(payload), Ok(name)) = (CassCustomPayload::from_ptr_mut(payload), str_n(name, name_length)) {
            payload.remove(name);
        }
    })
}
