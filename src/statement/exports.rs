//! `cass_statement_new/free` and the statement settings of the first slice.
#![allow(unreachable_pub)] // the C ABI: reached from C, not from Rust

mod bind;
mod setters;

use super::CassStatement;
use crate::error::CassError;
use crate::ffi::strings::{safe_strlen, str_n};
use crate::ffi::{guard, BoxHandle};
use std::ffi::c_char;

/// Creates a statement from a CQL string with `parameter_count` bind markers (`?`). Free it with
/// `cass_statement_free()`.
///
/// @param[in] query The NUL-terminated CQL text (UTF-8), copied.
/// @param[in] parameter_count The number of bind markers.
/// @return A new statement the caller owns and frees with `cass_statement_free()`; NULL when `query` is NULL or not
/// UTF-8.
#[no_mangle]
pub extern "C" fn cass_statement_new(query: *const c_char, parameter_count: usize) -> *mut CassStatement {
    cass_statement_new_n(query, safe_strlen(query), parameter_count)
}

/// Same as `cass_statement_new()`, with the length of the query given.
///
/// @param[in] query The CQL text (UTF-8), copied.
/// @param[in] query_length The number of bytes in `query`.
/// @param[in] parameter_count The number of bind markers.
/// @return A new statement the caller owns and frees with `cass_statement_free()`; NULL when `query` is NULL with a
/// non-zero length or not UTF-8.
#[no_mangle]
pub extern "C" fn cass_statement_new_n(
    query: *const c_char,
    query_length: usize,
    parameter_count: usize,
) -> *mut CassStatement {
    guard(|| match str_n(query, query_length) {
        Ok(query) => CassStatement::new(query, parameter_count).into_ptr(),
        _ => {
            tracing::error!("cass_statement_new: the query is NULL or not valid UTF-8");
            std::ptr::null_mut()
        }
    })
}

/// Frees a statement. Requests already executed are not affected. NULL is ignored.
///
/// @param[in] statement The statement to free, or NULL.
#[no_mangle]
pub extern "C" fn cass_statement_free(statement: *mut CassStatement) {
    guard(|| CassStatement::free(statement))
}

/// Clears every bound value and sets the number of bind markers to `count`.
///
/// @param[in] statement The statement to reset; not NULL.
/// @param[in] count The new number of bind markers.
/// @return CASS_OK; CASS_ERROR_LIB_BAD_PARAMS when `statement` is NULL.
#[no_mangle]
pub extern "C" fn cass_statement_reset_parameters(statement: *mut CassStatement, count: usize) -> CassError {
    guard(|| match CassStatement::from_ptr_mut(statement) {
        Some(statement) => {
            statement.data_mut().values.reset(count);
            CassError::CASS_OK
        }
        None => CassError::CASS_ERROR_LIB_BAD_PARAMS,
    })
}
