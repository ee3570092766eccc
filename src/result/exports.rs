//! The `cass_result_*` and `cass_row_*` functions of the first slice.
#![allow(unreachable_pub)] // the C ABI: reached from C, not from Rust

use super::{CassResult, CassRow};
use crate::data_type::CassDataType;
use crate::error::CassError;
use crate::ffi::strings::{safe_strlen, str_n, write_str_out};
use crate::ffi::{guard, ArcHandle, RefHandle};
use crate::types::{cass_bool_t, CassValueType};
use crate::value::CassValue;
use std::ffi::c_char;
use std::sync::Arc;

/// Releases a result. Rows and values obtained from it become invalid. NULL is ignored.
///
/// @param[in] result The result to release, or NULL.
#[no_mangle]
pub extern "C" fn cass_result_free(result: *const CassResult) {
    guard(|| CassResult::free(result))
}

/// The number of rows in the result (0 for NULL).
///
/// @param[in] result The result.
/// @return Its number of rows in this page; 0 when `result` is NULL.
#[no_mangle]
pub extern "C" fn cass_result_row_count(result: *const CassResult) -> usize {
    guard(|| CassResult::from_ptr(result).map_or(0, |r| r.row_count()))
}

/// The number of columns in the result (0 for NULL).
///
/// @param[in] result The result.
/// @return Its number of columns; 0 when `result` is NULL.
#[no_mangle]
pub extern "C" fn cass_result_column_count(result: *const CassResult) -> usize {
    guard(|| CassResult::from_ptr(result).map_or(0, |r| r.column_count()))
}

/// The name of a column; the text lives as long as the result.
///
/// @param[in] result The result; not NULL.
/// @param[in] index The zero-based position of the column.
/// @param[out] name Where the name goes (not NUL-terminated, owned by the result); not NULL.
/// @param[out] name_length Where its length in bytes goes; not NULL.
/// @return CASS_OK once both are written; CASS_ERROR_LIB_BAD_PARAMS when `result`, `name` or `name_length` is NULL;
/// CASS_ERROR_LIB_INDEX_OUT_OF_BOUNDS when `index` is not below the column count.
#[no_mangle]
pub extern "C" fn cass_result_column_name(
    result: *const CassResult,
    index: usize,
    name: *mut *const c_char,
    name_length: *mut usize,
) -> CassError {
    guard(|| {
        let Some(result) = CassResult::from_ptr(result) else {
            return CassError::CASS_ERROR_LIB_BAD_PARAMS;
        };
        match result.column_name(index) {
            Some(text) => write_str_out(text.as_bytes(), name, name_length),
            None => CassError::CASS_ERROR_LIB_INDEX_OUT_OF_BOUNDS,
        }
    })
}

/// The value type of a column.
///
/// @param[in] result The result.
/// @param[in] index The zero-based position of the column.
/// @return The column's value type; `CASS_VALUE_TYPE_UNKNOWN` when `result` is NULL or `index` is not below the
/// column count.
#[no_mangle]
pub extern "C" fn cass_result_column_type(result: *const CassResult, index: usize) -> CassValueType {
    guard(|| {
        CassResult::from_ptr(result)
            .and_then(|r| r.column_type(index))
            .map_or(CassValueType::CASS_VALUE_TYPE_UNKNOWN, |t| t.value_type)
    })
}

/// The data type of a column.
///
/// @param[in] result The result.
/// @param[in] index The zero-based position of the column.
/// @return The column's type, owned by the result (do not free); NULL when `result` is NULL or `index` is not
/// below the column count.
#[no_mangle]
pub extern "C" fn cass_result_column_data_type(result: *const CassResult, index: usize) -> *const CassDataType {
    guard(|| CassResult::from_ptr(result).and_then(|r| r.column_type(index)).map_or(std::ptr::null(), Arc::as_ptr))
}

/// The first row of the result.
///
/// @param[in] result The result.
/// @return The first row, owned by the result (do not free); NULL when there is no row or `result` is NULL.
#[no_mangle]
pub extern "C" fn cass_result_first_row(result: *const CassResult) -> *const CassRow {
    guard(|| CassResult::from_ptr(result).and_then(|r| r.row(0)).map_or(std::ptr::null(), CassRow::as_ptr))
}

/// Whether more pages follow this one.
///
/// @param[in] result The result.
/// @return cass_true when another page can be fetched; cass_false otherwise and when `result` is NULL.
#[no_mangle]
pub extern "C" fn cass_result_has_more_pages(result: *const CassResult) -> cass_bool_t {
    guard(|| CassResult::from_ptr(result).is_some_and(|r| r.has_more_pages()).into())
}

/// The value of the column at `index`.
///
/// @param[in] row The row.
/// @param[in] index The zero-based position of the column.
/// @return The column's value, owned by the result (do not free); NULL when `row` is NULL or `index` is not below the
/// column count.
#[no_mangle]
pub extern "C" fn cass_row_get_column(row: *const CassRow, index: usize) -> *const CassValue {
    guard(|| CassRow::from_ptr(row).and_then(|r| r.column(index)).map_or(std::ptr::null(), CassValue::as_ptr))
}

/// The value of the column named `name`. Names match case-insensitively unless quoted.
///
/// A row does not know its result's column names in the C++ driver's API either, so the lookup
/// goes through the result that owns the row.
///
/// @param[in] row The row.
/// @param[in] name The NUL-terminated column name.
/// @return The value of the first column of that name, owned by the result (do not free); NULL when `row` is NULL or no
/// column has that name.
#[no_mangle]
pub extern "C" fn cass_row_get_column_by_name(row: *const CassRow, name: *const c_char) -> *const CassValue {
    cass_row_get_column_by_name_n(row, name, safe_strlen(name))
}

/// Same as `cass_row_get_column_by_name()`, with the length of the name given.
///
/// @param[in] row The row.
/// @param[in] name The column name.
/// @param[in] name_length The number of bytes in `name`.
/// @return The value of the first column of that name, owned by the result (do not free); NULL when `row` is NULL,
/// `name` is invalid or no column has that name.
#[no_mangle]
pub extern "C" fn cass_row_get_column_by_name_n(
    row: *const CassRow,
    name: *const c_char,
    name_length: usize,
) -> *const CassValue {
    guard(|| {
        let (Some(row), Ok(name)) = (CassRow::from_ptr(row), str_n(name, name_length)) else {
            return std::ptr::null();
        };
        row.result()
            .and_then(|result| result.column_index(name))
            .and_then(|i| row.column(i))
            .map_or(std::ptr::null(), CassValue::as_ptr)
    })
}

/// The raw paging state of the next page (valid as long as the result), for
/// `cass_statement_set_paging_state_token()`.
///
/// @param[in] result The result; not NULL.
/// @param[out] paging_state Where the pointer to the token's bytes goes (owned by the result, not NUL-terminated); not
/// NULL.
/// @param[out] paging_state_size Where their number goes; not NULL.
/// @return CASS_OK once both are written; CASS_ERROR_LIB_BAD_PARAMS when an argument is NULL;
/// CASS_ERROR_LIB_NO_PAGING_STATE when this is the last page.
#[no_mangle]
pub extern "C" fn cass_result_paging_state_token(
    result: *const CassResult,
    paging_state: *mut *const c_char,
    paging_state_size: *mut usize,
) -> CassError {
    guard(|| {
        let Some(result) = CassResult::from_ptr(result) else {
            return CassError::CASS_ERROR_LIB_BAD_PARAMS;
        };
        match result.paging_state_bytes() {
            Some(bytes) => write_str_out(bytes, paging_state, paging_state_size),
            None => CassError::CASS_ERROR_LIB_NO_PAGING_STATE,
        }
    })
}
