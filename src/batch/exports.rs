//! The `cass_batch_*` functions.
#![allow(unreachable_pub)] // the C ABI: reached from C, not from Rust

use super::CassBatch;
use crate::custom_payload::CassCustomPayload;
use crate::error::CassError;
use crate::ffi::strings::safe_strlen;
use crate::ffi::with;
use crate::ffi::{guard, BoxHandle};
use crate::policies::retry::CassRetryPolicy;
use crate::statement::request_setters;
use crate::statement::CassStatement;
use crate::types::{cass_bool_arg, cass_int64_t, cass_uint64_t, CassBatchTypeArg, CassConsistencyArg};
use std::ffi::c_char;

/// Creates an empty batch of the given kind. Free it with `cass_batch_free()`.
///
/// @param[in] type_ Logged, unlogged or counter.
/// @return A new batch the caller owns and frees with `cass_batch_free()`; NULL for an unknown kind.
#[no_mangle]
pub extern "C" fn cass_batch_new(type_: CassBatchTypeArg) -> *mut CassBatch {
    guard(|| match type_.get() {
        Some(kind) => CassBatch::new(kind).into_ptr(),
        None => std::ptr::null_mut(),
    })
}

/// Frees a batch. Executions already started are not affected. NULL is ignored.
///
/// @param[in] batch The batch to free, or NULL.
#[no_mangle]
pub extern "C" fn cass_batch_free(batch: *mut CassBatch) {
    guard(|| CassBatch::free(batch))
}

/// Adds a statement (simple or bound from a prepared statement) as it is now, values included:
/// later changes to the statement do not reach the batch. The statement may be freed.
///
/// @param[in] batch The batch; not NULL.
/// @param[in] statement The statement to copy in; the caller keeps and frees it. Not NULL.
/// @return CASS_OK; CASS_ERROR_LIB_BAD_PARAMS when `batch` or `statement` is NULL.
#[no_mangle]
pub extern "C" fn cass_batch_add_statement(batch: *mut CassBatch, statement: *mut CassStatement) -> CassError {
    with(batch, CassError::CASS_ERROR_LIB_BAD_PARAMS, |b| match CassStatement::from_ptr(statement) {
        Some(statement) => {
            b.data_mut().statements.push(statement.data.clone());
            CassError::CASS_OK
        }
        None => CassError::CASS_ERROR_LIB_BAD_PARAMS,
    })
}

/// Sets the batch's consistency (`CASS_CONSISTENCY_UNKNOWN`: the cluster's default).
///
/// @param[in] batch The batch; not NULL.
/// @param[in] consistency The consistency level.
/// @return CASS_OK; CASS_ERROR_LIB_BAD_PARAMS when `batch` is NULL or `consistency` is not a known level.
#[no_mangle]
pub extern "C" fn cass_batch_set_consistency(batch: *mut CassBatch, consistency: CassConsistencyArg) -> CassError {
    request_setters::set_consistency(batch, consistency)
}

/// Sets the serial consistency of conditional updates in the batch.
///
/// @param[in] batch The batch; not NULL.
/// @param[in] serial_consistency The serial consistency level (`CASS_CONSISTENCY_UNKNOWN`: the cluster's default).
/// @return CASS_OK; CASS_ERROR_LIB_BAD_PARAMS when `batch` is NULL or `serial_consistency` is not a known level.
#[no_mangle]
pub extern "C" fn cass_batch_set_serial_consistency(
    batch: *mut CassBatch,
    serial_consistency: CassConsistencyArg,
) -> CassError {
    request_setters::set_serial_consistency(batch, serial_consistency)
}

/// Sets the batch's client-side timestamp in microseconds (`CASS_INT64_MIN`: none).
///
/// @param[in] batch The batch; not NULL.
/// @param[in] timestamp Microseconds since the Unix epoch, or `CASS_INT64_MIN`.
/// @return CASS_OK; CASS_ERROR_LIB_BAD_PARAMS when `batch` is NULL.
#[no_mangle]
pub extern "C" fn cass_batch_set_timestamp(batch: *mut CassBatch, timestamp: cass_int64_t) -> CassError {
    request_setters::set_timestamp(batch, timestamp)
}

/// Sets the batch's request timeout in milliseconds (`CASS_UINT64_MAX`: the cluster's; 0: none).
///
/// @param[in] batch The batch; not NULL.
/// @param[in] timeout_ms The timeout in milliseconds.
/// @return CASS_OK; CASS_ERROR_LIB_BAD_PARAMS when `batch` is NULL.
#[no_mangle]
pub extern "C" fn cass_batch_set_request_timeout(batch: *mut CassBatch, timeout_ms: cass_uint64_t) -> CassError {
    request_setters::set_request_timeout(batch, timeout_ms)
}

/// Marks the batch idempotent (it may be retried after timeouts and run speculatively).
///
/// @param[in] batch The batch; not NULL.
/// @param[in] is_idempotent cass_true when running it twice does no harm.
/// @return CASS_OK; CASS_ERROR_LIB_BAD_PARAMS when `batch` is NULL.
#[no_mangle]
pub extern "C" fn cass_batch_set_is_idempotent(batch: *mut CassBatch, is_idempotent: cass_bool_arg) -> CassError {
    request_setters::set_is_idempotent(batch, is_idempotent)
}

/// Asks the server to trace the batch.
///
/// @param[in] batch The batch; not NULL.
/// @param[in] enabled cass_true to trace the request.
/// @return CASS_OK; CASS_ERROR_LIB_BAD_PARAMS when `batch` is NULL.
#[no_mangle]
pub extern "C" fn cass_batch_set_tracing(batch: *mut CassBatch, enabled: cass_bool_arg) -> CassError {
    request_setters::set_tracing(batch, enabled)
}

/// Custom payloads cannot be sent (the `scylla` crate never sends them); a refused one is logged.
///
/// @param[in] batch The batch; not NULL.
/// @param[in] payload The payload, or NULL for none.
/// @return CASS_OK for a NULL `payload`; CASS_ERROR_LIB_NOT_IMPLEMENTED for any other; CASS_ERROR_LIB_BAD_PARAMS when
/// `batch` is NULL.
#[no_mangle]
pub extern "C" fn cass_batch_set_custom_payload(batch: *mut CassBatch, payload: *const CassCustomPayload) -> CassError {
    request_setters::set_custom_payload(batch, payload)
}

/// Sets the keyspace used to route the batch (routing only: protocol v4 has no per-request
/// keyspace, as with the C++ driver on v4).
///
/// @param[in] batch The batch; not NULL.
/// @param[in] keyspace The NUL-terminated keyspace name, copied.
/// @return CASS_OK; CASS_ERROR_LIB_BAD_PARAMS when `batch` is NULL or `keyspace` is not UTF-8.
#[no_mangle]
pub extern "C" fn cass_batch_set_keyspace(batch: *mut CassBatch, keyspace: *const c_char) -> CassError {
    cass_batch_set_keyspace_n(batch, keyspace, safe_strlen(keyspace))
}

/// Same as `cass_batch_set_keyspace()`, with the keyspace's length given.
///
/// @param[in] batch The batch; not NULL.
/// @param[in] keyspace The keyspace name, copied.
/// @param[in] keyspace_length The number of bytes in `keyspace`.
/// @return CASS_OK; CASS_ERROR_LIB_BAD_PARAMS when `batch` is NULL or `keyspace` is NULL with a non-zero length or not
/// UTF-8.
#[no_mangle]
pub extern "C" fn cass_batch_set_keyspace_n(
    batch: *mut CassBatch,
    keyspace: *const c_char,
    keyspace_length: usize,
) -> CassError {
    request_setters::set_keyspace_n(batch, keyspace, keyspace_length)
}

/// Names the execution profile to run with (NULL or "": the default). An unknown name fails the
/// request with `CASS_ERROR_LIB_EXECUTION_PROFILE_INVALID`.
///
/// @param[in] batch The batch; not NULL.
/// @param[in] name The NUL-terminated profile name, copied; NULL or "" for the default profile.
/// @return CASS_OK; CASS_ERROR_LIB_BAD_PARAMS when `batch` is NULL or `name` is not UTF-8.
#[no_mangle]
pub extern "C" fn cass_batch_set_execution_profile(batch: *mut CassBatch, name: *const c_char) -> CassError {
    cass_batch_set_execution_profile_n(batch, name, safe_strlen(name))
}

/// Same as `cass_batch_set_execution_profile()`, with the name's length given.
///
/// @param[in] batch The batch; not NULL.
/// @param[in] name The profile name, copied; empty for the default profile.
/// @param[in] name_length The number of bytes in `name`.
/// @return CASS_OK; CASS_ERROR_LIB_BAD_PARAMS when `batch` is NULL or `name` is NULL with a non-zero length or not
/// UTF-8.
#[no_mangle]
pub extern "C" fn cass_batch_set_execution_profile_n(
    batch: *mut CassBatch,
    name: *const c_char,
    name_length: usize,
) -> CassError {
    request_setters::set_execution_profile_n(batch, name, name_length)
}

/// Sets the retry policy of the batch (NULL: the cluster's). The batch keeps its own reference.
///
/// @param[in] batch The batch; not NULL.
/// @param[in] retry_policy The policy, or NULL for the cluster's.
/// @return CASS_OK; CASS_ERROR_LIB_BAD_PARAMS when `batch` is NULL.
#[no_mangle]
pub extern "C" fn cass_batch_set_retry_policy(batch: *mut CassBatch, retry_policy: *mut CassRetryPolicy) -> CassError {
    request_setters::set_retry_policy(batch, retry_policy)
}
