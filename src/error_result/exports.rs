//! The `cass_error_result_*` functions: the details of a server error.
#![allow(unreachable_pub)] // the C ABI: reached from C, not from Rust

use super::{consistency_name, string_out, write_type_name, CassErrorResult, NOT_THIS_TYPE};
use crate::error::CassError;
use crate::ffi::with;
use crate::ffi::{guard, ArcHandle};
use crate::types::{cass_bool_t, CassConsistency, CassConsistencyArg, CassWriteType, CassWriteTypeArg};
use std::ffi::c_char;

/// Releases an error result. NULL is ignored.
#[no_mangle]
pub extern "C" fn cass_error_result_free(error_result: *const CassErrorResult) {
    guard(|| CassErrorResult::free(error_result))
}

/// The server error code (`CASS_ERROR_SERVER_*`); `CASS_ERROR_LIB_BAD_PARAMS` for NULL. A code
/// the native protocol does not define reads as `CASS_ERROR_SERVER_SERVER_ERROR`.
#[no_mangle]
pub extern "C" fn cass_error_result_code(error_result: *const CassErrorResult) -> CassError {
    with(error_result, CassError::CASS_ERROR_LIB_BAD_PARAMS, |e| e.code)
}

/// The consistency level of the request that failed, for `CASS_ERROR_SERVER_UNAVAILABLE`,
/// `_READ_TIMEOUT`, `_WRITE_TIMEOUT`, `_READ_FAILURE` and `_WRITE_FAILURE`;
/// `CASS_CONSISTENCY_UNKNOWN` for other codes and NULL.
#[no_mangle]
pub extern "C" fn cass_error_result_consistency(error_result: *const CassErrorResult) -> CassConsistency {
    with(error_result, CassConsistency::CASS_CONSISTENCY_UNKNOWN, |e| e.consistency)
}

/// The responses received (acknowledgments for writes, alive nodes for
/// `CASS_ERROR_SERVER_UNAVAILABLE`) for the codes of `cass_error_result_consistency()`; -1 for
/// other codes and NULL.
#[no_mangle]
pub extern "C" fn cass_error_result_responses_received(error_result: *const CassErrorResult) -> i32 {
    with(error_result, -1, |e| e.responses_received)
}

/// The responses (acknowledgments, alive nodes) the consistency level required, for the codes of
/// `cass_error_result_consistency()`; -1 for other codes and NULL.
#[no_mangle]
pub extern "C" fn cass_error_result_responses_required(error_result: *const CassErrorResult) -> i32 {
    with(error_result, -1, |e| e.responses_required)
}

/// The number of replicas that failed, for `CASS_ERROR_SERVER_READ_FAILURE` and
/// `CASS_ERROR_SERVER_WRITE_FAILURE`; -1 for other codes and NULL.
#[no_mangle]
pub extern "C" fn cass_error_result_num_failures(error_result: *const CassErrorResult) -> i32 {
    with(error_result, -1, |e| e.num_failures)
}

/// Whether the replica asked for the data answered, for `CASS_ERROR_SERVER_READ_TIMEOUT` and
/// `CASS_ERROR_SERVER_READ_FAILURE`; `cass_false` for other codes and NULL.
#[no_mangle]
pub extern "C" fn cass_error_result_data_present(error_result: *const CassErrorResult) -> cass_bool_t {
    with(error_result, cass_bool_t::cass_false, |e| e.data_present.into())
}

/// The kind of write, for `CASS_ERROR_SERVER_WRITE_TIMEOUT` and `CASS_ERROR_SERVER_WRITE_FAILURE`;
/// `CASS_WRITE_TYPE_UNKNOWN` for other codes and NULL.
#[no_mangle]
pub extern "C" fn cass_error_result_write_type(error_result: *const CassErrorResult) -> CassWriteType {
    with(error_result, CassWriteType::CASS_WRITE_TYPE_UNKNOWN, |e| e.write_type)
}

/// The keyspace, for `CASS_ERROR_SERVER_ALREADY_EXISTS` and `CASS_ERROR_SERVER_FUNCTION_FAILURE`
/// (not NUL-terminated; valid until the error result is freed).
/// `CASS_ERROR_LIB_INVALID_ERROR_RESULT_TYPE` for other codes; `CASS_ERROR_LIB_BAD_PARAMS` for
/// NULL arguments.
#[no_mangle]
pub extern "C" fn cass_error_result_keyspace(
    error_result: *const CassErrorResult,
    keyspace: *mut *const c_char,
    keyspace_length: *mut usize,
) -> CassError {
    string_out(error_result, |e| e.keyspace().ok_or(NOT_THIS_TYPE), keyspace, keyspace_length)
}

/// The table, for `CASS_ERROR_SERVER_ALREADY_EXISTS` ("" when a keyspace already existed; not
/// NUL-terminated; valid until the error result is freed). `CASS_ERROR_LIB_INVALID_ERROR_RESULT_TYPE`
/// for other codes; `CASS_ERROR_LIB_BAD_PARAMS` for NULL arguments.
#[no_mangle]
pub extern "C" fn cass_error_result_table(
    error_result: *const CassErrorResult,
    table: *mut *const c_char,
    table_length: *mut usize,
) -> CassError {
    string_out(error_result, |e| e.table().ok_or(NOT_THIS_TYPE), table, table_length)
}

/// The function's name, for `CASS_ERROR_SERVER_FUNCTION_FAILURE` (not NUL-terminated; valid until
/// the error result is freed). `CASS_ERROR_LIB_INVALID_ERROR_RESULT_TYPE` for other codes;
/// `CASS_ERROR_LIB_BAD_PARAMS` for NULL arguments.
#[no_mangle]
pub extern "C" fn cass_error_result_function(
    error_result: *const CassErrorResult,
    function: *mut *const c_char,
    function_length: *mut usize,
) -> CassError {
    string_out(error_result, |e| e.function().ok_or(NOT_THIS_TYPE), function, function_length)
}

/// The number of argument types of the function, for `CASS_ERROR_SERVER_FUNCTION_FAILURE`; 0 for
/// other codes and NULL.
#[no_mangle]
pub extern "C" fn cass_error_num_arg_types(error_result: *const CassErrorResult) -> usize {
    with(error_result, 0, |e| e.arg_types.len())
}

/// The CQL type of the function's argument at `index`, for `CASS_ERROR_SERVER_FUNCTION_FAILURE`
/// (not NUL-terminated; valid until the error result is freed).
/// `CASS_ERROR_LIB_INVALID_ERROR_RESULT_TYPE` for other codes, `CASS_ERROR_LIB_INDEX_OUT_OF_BOUNDS`
/// for `index >= cass_error_num_arg_types()` (the C++ driver reads past the end at
/// `index == count`), `CASS_ERROR_LIB_BAD_PARAMS` for NULL arguments.
#[no_mangle]
pub extern "C" fn cass_error_result_arg_type(
    error_result: *const CassErrorResult,
    index: usize,
    arg_type: *mut *const c_char,
    arg_type_length: *mut usize,
) -> CassError {
    string_out(error_result, |e| e.arg_type(index), arg_type, arg_type_length)
}

/// The name of a consistency level: "ALL", "ONE", "QUORUM", ..., "UNKNOWN" for
/// `CASS_CONSISTENCY_UNKNOWN`, "" for values that are not a consistency level. A static
/// NUL-terminated string.
#[no_mangle]
pub extern "C" fn cass_consistency_string(consistency: CassConsistencyArg) -> *const c_char {
    guard(|| consistency.get().map_or(c"", consistency_name).as_ptr())
}

/// The name of a write type: "SIMPLE", "BATCH", "COUNTER", ...; "" for `CASS_WRITE_TYPE_UNKNOWN`
/// and values that are not a write type. A static NUL-terminated string.
#[no_mangle]
pub extern "C" fn cass_write_type_string(write_type: CassWriteTypeArg) -> *const c_char {
    guard(|| write_type.get().map_or(c"", write_type_name).as_ptr())
}
