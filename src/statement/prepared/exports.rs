//! The `cass_prepared_*` functions: binding prepared statements and reading their parameters.
#![allow(unreachable_pub)] // the C ABI: reached from C, not from Rust

use super::CassPrepared;
use crate::data_type::CassDataType;
use crate::error::CassError;
use crate::ffi::strings::{safe_strlen, str_n, write_str_out};
use crate::ffi::{guard, ArcHandle, BoxHandle};
use crate::statement::CassStatement;
use std::ffi::c_char;
use std::sync::Arc;

/// Releases C's reference to a prepared statement. Statements bound from it stay usable. NULL is
/// ignored.
///
/// @param[in] prepared The prepared statement to release, or NULL.
#[no_mangle]
pub extern "C" fn cass_prepared_free(prepared: *const CassPrepared) {
    guard(|| CassPrepared::free(prepared))
}

/// Creates a statement for executing the prepared statement, with every marker unset. Values are
/// checked against the marker types when bound. Free it with `cass_statement_free()`.
///
/// @param[in] prepared The prepared statement; the new statement keeps its own reference.
/// @return A new statement the caller owns and frees with `cass_statement_free()`; NULL when `prepared` is NULL.
#[no_mangle]
pub extern "C" fn cass_prepared_bind(prepared: *const CassPrepared) -> *mut CassStatement {
    guard(|| match CassPrepared::clone_from_ptr(prepared) {
        Some(prepared) => CassStatement::from_prepared(prepared).into_ptr(),
        None => std::ptr::null_mut(),
    })
}

/// The name of the marker at `index` (valid as long as the prepared statement).
///
/// @param[in] prepared The prepared statement; not NULL.
/// @param[in] index The zero-based position of the marker.
/// @param[out] name Where the name goes (not NUL-terminated, owned by `prepared`); not NULL.
/// @param[out] name_length Where the name's length in bytes goes; not NULL.
/// @return CASS_OK; CASS_ERROR_LIB_BAD_PARAMS when `prepared`, `name` or `name_length` is NULL;
/// CASS_ERROR_LIB_INDEX_OUT_OF_BOUNDS when `index` is not below the marker count.
#[no_mangle]
pub extern "C" fn cass_prepared_parameter_name(
    prepared: *const CassPrepared,
    index: usize,
    name: *mut *const c_char,
    name_length: *mut usize,
) -> CassError {
    guard(|| {
        let Some(prepared) = CassPrepared::from_ptr(prepared) else {
            return CassError::CASS_ERROR_LIB_BAD_PARAMS;
        };
        match prepared.specs.names.get(index) {
            Some(n) => write_str_out(n.as_bytes(), name, name_length),
            None => CassError::CASS_ERROR_LIB_INDEX_OUT_OF_BOUNDS,
        }
    })
}

/// The data type of the marker at `index` (valid as long as the prepared statement), or NULL.
///
/// @param[in] prepared The prepared statement.
/// @param[in] index The zero-based position of the marker.
/// @return The marker's type, owned by `prepared` (do not free); NULL when `prepared` is NULL or `index` is past the
/// last marker.
#[no_mangle]
pub extern "C" fn cass_prepared_parameter_data_type(
    prepared: *const CassPrepared,
    index: usize,
) -> *const CassDataType {
    guard(|| {
        CassPrepared::from_ptr(prepared).and_then(|p| p.specs.types.get(index)).map_or(std::ptr::null(), Arc::as_ptr)
    })
}

/// The data type of the first marker called `name`, or NULL.
///
/// @param[in] prepared The prepared statement.
/// @param[in] name The NUL-terminated marker name (case-insensitive unless in double quotes).
/// @return The marker's type, owned by `prepared` (do not free); NULL when `prepared` is NULL or no marker has that
/// name.
#[no_mangle]
pub extern "C" fn cass_prepared_parameter_data_type_by_name(
    prepared: *const CassPrepared,
    name: *const c_char,
) -> *const CassDataType {
    cass_prepared_parameter_data_type_by_name_n(prepared, name, safe_strlen(name))
}

/// Same as `cass_prepared_parameter_data_type_by_name()`, with the name's length given.
///
/// @param[in] prepared The prepared statement.
/// @param[in] name The marker name (case-insensitive unless in double quotes).
/// @param[in] name_length The number of bytes in `name`.
/// @return The marker's type, owned by `prepared` (do not free); NULL when `prepared` is NULL, `name` is invalid or no
/// marker has that name.
#[no_mangle]
pub extern "C" fn cass_prepared_parameter_data_type_by_name_n(
    prepared: *const CassPrepared,
    name: *const c_char,
    name_length: usize,
) -> *const CassDataType {
    guard(|| {
        let (Some(prepared), Ok(name)) = (CassPrepared::from_ptr(prepared), str_n(name, name_length)) else {
            return std::ptr::null();
        };
        prepared.type_by_name(name).map_or(std::ptr::null(), Arc::as_ptr)
    })
}
