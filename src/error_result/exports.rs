//! The `cass_error_result_*` functions: the details of a server error.
#![allow(unreachable_pub)] // the C ABI: reached from C, not from Rust

use super::{consistency_name, string_out, write_type_name, CassErrorResult, NOT_THIS_TYPE};
use crate::error::CassError;
use crate::ffi::with;
use crate::ffi::{guard, ArcHandle};
use crate::types::{cass_bool_t, CassConsistency, CassConsistencyArg, CassWriteType, CassWriteTypeArg};
use std::ffi::c_char;

/// Releases an error result.
///
/// @param[in] error_result The error result (from `cass_future_get_error_result()`); NULL is ignored.
#[no_mangle]
pub extern "C" fn cass_error_result_free(error_result: *const CassErrorResult) {
    guard(|| CassErrorResult::free(error_result))
}

/// The error code the server answered with.
///
/// @param[in] error_result The error result (from `cass_future_get_error_result()`); NULL allowed.
/// @return A `CASS_ERROR_SERVER_*` code (a code the native protocol does not define reads as
/// `CASS_ERROR_SERVER_SERVER_ERROR`); `CASS_ERROR_LIB_BAD_PARAMS` for NULL.
#[no_mangle]
pub extern "C" fn cass_error_result_code(error_result: *const CassErrorResult) -> CassError {
    with(error_result, CassError::CASS_ERROR_LIB_BAD_PARAMS, |e| e.code)
}

/// The consistency level of the request that failed.
///
/// @param[in] error_result The error result (from `cass_future_get_error_result()`); NULL allowed.
/// @return The level, for `CASS_ERROR_SERVER_UNAVAILABLE`, `_READ_TIMEOUT`, `_WRITE_TIMEOUT`,
/// `_READ_FAILURE` and `_WRITE_FAILURE`; `CASS_CONSISTENCY_UNKNOWN` for other codes and for NULL.
#[no_mangle]
pub extern "C" fn cass_error_result_consistency(error_result: *const CassErrorResult) -> CassConsistency {
    with(error_result, CassConsistency::CASS_CONSISTENCY_UNKNOWN, |e| e.consistency)
}

/// The responses received: acknowledgments for writes, alive nodes for
/// `CASS_ERROR_SERVER_UNAVAILABLE`.
///
/// @param[in] error_result The error result (from `cass_future_get_error_result()`); NULL allowed.
/// @return The count, for the codes `cass_error_result_consistency()` reports a level for; -1 for other
/// codes and for NULL.
#[no_mangle]
pub extern "C" fn cass_error_result_responses_received(error_result: *const CassErrorResult) -> i32 {
    with(error_result, -1, |e| e.responses_received)
}

/// The responses (acknowledgments, alive nodes) the consistency level required.
///
/// @param[in] error_result The error result (from `cass_future_get_error_result()`); NULL allowed.
/// @return The count, for the codes `cass_error_result_consistency()` reports a level for; -1 for other
/// codes and for NULL.
#[no_mangle]
pub extern "C" fn cass_error_result_responses_required(error_result: *const CassErrorResult) -> i32 {
    with(error_result, -1, |e| e.responses_required)
}

/// The number of replicas that failed.
///
/// @param[in] error_result The error result (from `cass_future_get_error_result()`); NULL allowed.
/// @return The count, for `CASS_ERROR_SERVER_READ_FAILURE` and `CASS_ERROR_SERVER_WRITE_FAILURE`; -1 for
/// other codes and for NULL.
#[no_mangle]
pub extern "C" fn cass_error_result_num_failures(error_result: *const CassErrorResult) -> i32 {
    with(error_result, -1, |e| e.num_failures)
}

/// Whether the replica asked for the data answered.
///
/// @param[in] error_result The error result (from `cass_future_get_error_result()`); NULL allowed.
/// @return The flag, for `CASS_ERROR_SERVER_READ_TIMEOUT` and `CASS_ERROR_SERVER_READ_FAILURE`;
/// `cass_false` for other codes and for NULL.
#[no_mangle]
pub extern "C" fn cass_error_result_data_present(error_result: *const CassErrorResult) -> cass_bool_t {
    with(error_result, cass_bool_t::cass_false, |e| e.data_present.into())
}

/// The kind of write that failed.
///
/// @param[in] error_result The error result (from `cass_future_get_error_result()`); NULL allowed.
/// @return The write type, for `CASS_ERROR_SERVER_WRITE_TIMEOUT` and `CASS_ERROR_SERVER_WRITE_FAILURE`;
/// `CASS_WRITE_TYPE_UNKNOWN` for other codes and for NULL.
#[no_mangle]
pub extern "C" fn cass_error_result_write_type(error_result: *const CassErrorResult) -> CassWriteType {
    with(error_result, CassWriteType::CASS_WRITE_TYPE_UNKNOWN, |e| e.write_type)
}

/// The keyspace the error names.
///
/// @param[in] error_result The error result; NULL gives `CASS_ERROR_LIB_BAD_PARAMS`.
/// @param[out] keyspace Receives the name: not NUL-terminated, owned by the error result (valid until it is
/// freed). Must not be NULL.
/// @param[out] keyspace_length Receives the name's length in bytes. Must not be NULL.
/// @return `CASS_OK` for `CASS_ERROR_SERVER_ALREADY_EXISTS` and `CASS_ERROR_SERVER_FUNCTION_FAILURE`;
/// `CASS_ERROR_LIB_INVALID_ERROR_RESULT_TYPE` for other codes; `CASS_ERROR_LIB_BAD_PARAMS` when an argument
/// is NULL.
#[no_mangle]
pub extern "C" fn cass_error_result_keyspace(
    error_result: *const CassErrorResult,
    keyspace: *mut *const c_char,
    keyspace_length: *mut usize,
) -> CassError {
    string_out(error_result, |e| e.keyspace().ok_or(NOT_THIS_TYPE), keyspace, keyspace_length)
}

/// The table the error names ("" when a keyspace already existed).
///
/// @param[in] error_result The error result; NULL gives `CASS_ERROR_LIB_BAD_PARAMS`.
/// @param[out] table Receives the name: not NUL-terminated, owned by the error result (valid until it is
/// freed). Must not be NULL.
/// @param[out] table_length Receives the name's length in bytes. Must not be NULL.
/// @return `CASS_OK` for `CASS_ERROR_SERVER_ALREADY_EXISTS`; `CASS_ERROR_LIB_INVALID_ERROR_RESULT_TYPE` for
/// other codes; `CASS_ERROR_LIB_BAD_PARAMS` when an argument is NULL.
#[no_mangle]
pub extern "C" fn cass_error_result_table(
    error_result: *const CassErrorResult,
    table: *mut *const c_char,
    table_length: *mut usize,
) -> CassError {
    string_out(error_result, |e| e.table().ok_or(NOT_THIS_TYPE), table, table_length)
}

/// The name of the function that failed.
///
/// @param[in] error_result The error result; NULL gives `CASS_ERROR_LIB_BAD_PARAMS`.
/// @param[out] function Receives the name: not NUL-terminated, owned by the error result (valid until it is
/// freed). Must not be NULL.
/// @param[out] function_length Receives the name's length in bytes. Must not be NULL.
/// @return `CASS_OK` for `CASS_ERROR_SERVER_FUNCTION_FAILURE`; `CASS_ERROR_LIB_INVALID_ERROR_RESULT_TYPE`
/// for other codes; `CASS_ERROR_LIB_BAD_PARAMS` when an argument is NULL.
#[no_mangle]
pub extern "C" fn cass_error_result_function(
    error_result: *const CassErrorResult,
    function: *mut *const c_char,
    function_length: *mut usize,
) -> CassError {
    string_out(error_result, |e| e.function().ok_or(NOT_THIS_TYPE), function, function_length)
}

/// The number of argument types of the function that failed.
///
/// @param[in] error_result The error result (from `cass_future_get_error_result()`); NULL allowed.
/// @return The count, for `CASS_ERROR_SERVER_FUNCTION_FAILURE`; 0 for other codes and for NULL.
#[no_mangle]
pub extern "C" fn cass_error_num_arg_types(error_result: *const CassErrorResult) -> usize {
    with(error_result, 0, |e| e.arg_types.len())
}

/// The CQL type of an argument of the function that failed.
///
/// @param[in] error_result The error result; NULL gives `CASS_ERROR_LIB_BAD_PARAMS`.
/// @param[in] index The argument's position, from 0 to `cass_error_num_arg_types()` - 1.
/// @param[out] arg_type Receives the type's CQL text: not NUL-terminated, owned by the error result (valid
/// until it is freed). Must not be NULL.
/// @param[out] arg_type_length Receives the text's length in bytes. Must not be NULL.
/// @return `CASS_OK`; `CASS_ERROR_LIB_INVALID_ERROR_RESULT_TYPE` for codes other than
/// `CASS_ERROR_SERVER_FUNCTION_FAILURE`; `CASS_ERROR_LIB_INDEX_OUT_OF_BOUNDS` when `index` is past the last
/// argument (the C++ driver reads past the end at `index == count`); `CASS_ERROR_LIB_BAD_PARAMS` when an
/// argument is NULL.
#[no_mangle]
pub extern "C" fn cass_error_result_arg_type(
    error_result: *const CassErrorResult,
    index: usize,
    arg_type: *mut *const c_char,
    arg_type_length: *mut usize,
) -> CassError {
    string_out(error_result, |e| e.arg_type(index), arg_type, arg_type_length)
}

/// The name of a consistency level: "ALL", "ONE", "QUORUM", ...
///
/// @param[in] consistency Any value; those that are not a consistency level are allowed.
/// @return A static NUL-terminated string, never freed: the level's name, "UNKNOWN" for
/// `CASS_CONSISTENCY_UNKNOWN`, "" for values that are not a consistency level.
#[no_mangle]
pub extern "C" fn cass_consistency_string(consistency: CassConsistencyArg) -> *const c_char {
    guard(|| consistency.get().map_or(c"", consistency_name).as_ptr())
}

/// The name of a write type: "SIMPLE", "BATCH", "COUNTER", ...
///
/// @param[in] write_type Any value; those that are not a write type are allowed.
/// @return A static NUL-terminated string, never freed: the type's name, "" for `CASS_WRITE_TYPE_UNKNOWN`
/// and for values that are not a write type.
#[no_mangle]
pub extern "C" fn cass_write_type_string(write_type: CassWriteTypeArg) -> *const c_char {
    guard(|| write_type.get().map_or(c"", write_type_name).as_ptr())
}
