//! Small helpers shared by the metadata exports: name getters, lookups by name, raw fields.

use super::model::Fields;
use crate::ffi::strings::{str_n, write_str_out};
use crate::ffi::RefHandle;
use crate::value::CassValue;
use std::ffi::c_char;

/// Writes `text` through the out-pointers of a `void` getter: "" when the object was NULL;
/// nothing through NULL out-pointers. The text lives as long as the schema snapshot.
pub(super) fn text_out(text: Option<&str>, out: *mut *const c_char, out_len: *mut usize) {
    // A NULL out-pointer leaves both untouched (write_str_out checks them).
    let _ = write_str_out(text.unwrap_or("").as_bytes(), out, out_len);
}

/// Looks `(name, name_length)` up in the object behind `meta` with `find`: NULL for a NULL object,
/// a NULL name with a non-zero length, text that is not UTF-8, or no match.
pub(super) fn by_name<M: RefHandle, R>(
    meta: *const M,
    name: *const c_char,
    name_length: usize,
    find: impl FnOnce(&M, &str) -> Option<*const R>,
) -> *const R {
    match (M::from_ptr(meta), str_n(name, name_length)) {
        (Some(meta), Ok(name)) => find(meta, name).unwrap_or(std::ptr::null()),
        _ => std::ptr::null(),
    }
}

/// The raw field `(name, name_length)` of the object behind `meta` (exact name), or NULL.
pub(super) fn field<M: RefHandle>(
    meta: *const M,
    name: *const c_char,
    name_length: usize,
    fields: impl FnOnce(&M) -> &Fields,
) -> *const CassValue {
    by_name(meta, name, name_length, |m, name| fields(m).get(name).map(CassValue::as_ptr))
}
