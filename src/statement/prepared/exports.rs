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
#[no_mangle]
pub extern "C" fn cass_prepared_free(prepared: *const CassPrepared) {
    guard(|| CassPrepared::free(prepared))
}

/// Creates a statement for executing the prepared statement, with every marker unset. Values are
/// checked against the marker types when bound. Free it with `cass_statement_free()`.
#[no_mangle]
pub extern "C" fn cass_prepared_bind(prepared: *const CassPrepared) -> *mut CassStatement {
    guard(|| match CassPrepared::clone_from_ptr(prepared) {
        Some(prepared) => CassStatement::from_prepared(prepared).into_ptr(),
        None => std::ptr::null_mut(),
    })
}

/// The name of the marker at `index` (valid as long as the prepared statement).
/// `CASS_ERROR_LIB_INDEX_OUT_OF_BOUNDS` past the last marker.
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
#[no_mangle]
pub extern "C" fn cass_prepared_parameter_data_type_by_name(
    prepared: *const CassPrepared,
    name: *const c_char,
) -> *const CassDataType {
    cass_prepared_parameter_data_type_by_name_n(prepared, name, safe_strlen(name))
}

/// Same as `cass_prepared_parameter_data_type_by_name()`, with the name's length given.
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
