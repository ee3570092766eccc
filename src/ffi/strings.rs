//! Strings across the boundary.
//!
//! In: `const char*` (NUL-terminated) and `(const char*, size_t)`; NULL and invalid UTF-8 are
//! reported, never read past. Out: `(const char** out, size_t* out_length)` pointing into memory the
//! library owns (not NUL-terminated unless documented otherwise).

use crate::error::CassError;
use std::ffi::{c_char, CStr};

/// Why a C string argument was rejected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum StrError {
    Null,
    NotUtf8,
}

impl From<StrError> for CassError {
    fn from(_: StrError) -> Self {
        CassError::CASS_ERROR_LIB_BAD_PARAMS
    }
}

/// A NUL-terminated C string as `&str`.
pub(crate) fn cstr<'a>(ptr: *const c_char) -> Result<&'a str, StrError> {
    if ptr.is_null() {
        return Err(StrError::Null);
    }
    // SAFETY: non-NULL, and the C caller promises a NUL-terminated string alive during the call.
    let bytes = unsafe { CStr::from_ptr(ptr) }.to_bytes();
    std::str::from_utf8(bytes).map_err(|_| StrError::NotUtf8)
}

/// A `(const char*, size_t)` pair as `&str`. NULL is accepted only with length 0.
pub(crate) fn str_n<'a>(ptr: *const c_char, len: usize) -> Result<&'a str, StrError> {
    std::str::from_utf8(bytes_n(ptr, len)?).map_err(|_| StrError::NotUtf8)
}

/// A `(const char*, size_t)` pair as raw bytes. NULL is accepted only with length 0.
pub(crate) fn bytes_n<'a, T>(ptr: *const T, len: usize) -> Result<&'a [u8], StrError> {
    if len == 0 {
        return Ok(&[]);
    }
    if ptr.is_null() {
        return Err(StrError::Null);
    }
    // SAFETY: non-NULL, and the C caller promises `len` readable bytes alive during the call.
    Ok(unsafe { std::slice::from_raw_parts(ptr as *const u8, len) })
}

/// The length a `const char*` argument would have under SAFE_STRLEN (NULL is 0).
pub(crate) fn safe_strlen(ptr: *const c_char) -> usize {
    if ptr.is_null() {
        0
    } else {
        // SAFETY: non-NULL, and the C caller promises a NUL-terminated string.
        unsafe { CStr::from_ptr(ptr) }.to_bytes().len()
    }
}

/// Hands `s` to C through `(const char** out, size_t* out_length)`. `s` must live as long as the
/// object C got it from. NULL out-pointers give `CASS_ERROR_LIB_BAD_PARAMS`.
pub(crate) fn write_str_out(s: &[u8], out: *mut *const c_char, out_len: *mut usize) -> CassError {
    if out.is_null() || out_len.is_null() {
        return CassError::CASS_ERROR_LIB_BAD_PARAMS;
    }
    // SAFETY: both out-pointers are non-NULL and the C caller promises they are writable.
    unsafe {
        out.write(s.as_ptr() as *const c_char);
        out_len.write(s.len());
    }
    CassError::CASS_OK
}

/// Copies `s` into a C buffer of at least `s.len() + 1` bytes and NUL-terminates it.
pub(crate) fn write_cstr_into(s: &str, out: *mut c_char) {
    if out.is_null() {
        return;
    }
    // SAFETY: the C API documents the buffer size (CASS_UUID_STRING_LENGTH, CASS_INET_STRING_LENGTH)
    // and callers of this helper never pass longer text.
    unsafe {
        std::ptr::copy_nonoverlapping(s.as_ptr(), out as *mut u8, s.len());
        out.add(s.len()).write(0);
    }
}
