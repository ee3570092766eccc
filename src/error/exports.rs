//! The `cass_error_desc` function.

use super::{CassError, CassErrorArg};
use std::ffi::c_char;

/// Returns a description of an error code: a static NUL-terminated string, "" for `CASS_OK` and
/// for values that are not error codes.
#[no_mangle]
pub extern "C" fn cass_error_desc(error: CassErrorArg) -> *const c_char {
    crate::ffi::guard(|| CassError::desc_cstr(error.0).as_ptr())
}
