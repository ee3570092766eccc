//! The `cass_error_desc` function.
#![allow(unreachable_pub)] // the C ABI: reached from C, not from Rust

use super::{CassError, CassErrorArg};
use std::ffi::c_char;

/// Returns a description of an error code: a static NUL-terminated string, "" for `CASS_OK` and
/// for values that are not error codes.
///
/// @param[in] error The error code to describe.
/// @return A static NUL-terminated string the caller must not free; "" for `CASS_OK` and unknown codes.
#[no_mangle]
pub extern "C" fn cass_error_desc(error: CassErrorArg) -> *const c_char {
    crate::ffi::guard(|| CassError::desc_cstr(error.0).as_ptr())
}
