//! The `cass_future_*` functions.
#![allow(unreachable_pub)] // the C ABI: reached from C, not from Rust

use super::{CassFuture, CassFutureCallback, Payload};
use crate::error::CassError;
use crate::error_result::CassErrorResult;
use crate::ffi::RefHandle;
use crate::ffi::{guard, strings::write_str_out, ArcHandle, UserData};
use crate::node::CassNode;
use crate::prepared::CassPrepared;
use crate::result::CassResult;
use crate::types::{cass_bool_t, cass_byte_t, cass_duration_t, CassUuid};
use std::ffi::{c_char, c_void};
use std::time::Duration;

/// Releases the caller's reference to a future. Work in flight continues, and a callback that was
/// set still fires once.
///
/// @param[in] future The future; C's reference ends here. NULL is ignored.
#[no_mangle]
pub extern "C" fn cass_future_free(future: *mut CassFuture) {
    guard(|| CassFuture::free(future))
}

/// Sets the callback called once the future completes, on a library thread (or at once, on the
/// calling thread, when the future is already complete). The callback may call any function of
/// this API, including `cass_future_wait` on another future.
///
/// @param[in] future The future; freeing it before it completes does not cancel the callback.
/// @param[in] callback The function to call with the future and `data`; must not be NULL.
/// @param[in] data Passed to the callback as is (owned by the caller); NULL allowed.
/// @return `CASS_OK`; `CASS_ERROR_LIB_CALLBACK_ALREADY_SET` on a second call; `CASS_ERROR_LIB_BAD_PARAMS`
/// when `future` or `callback` is NULL.
#[no_mangle]
pub extern "C" fn cass_future_set_callback(
    future: *mut CassFuture,
    callback: CassFutureCallback,
    data: *mut c_void,
) -> CassError {
    guard(|| {
        let (Some(future), Some(callback)) = (CassFuture::clone_from_ptr(future), callback) else {
            return CassError::CASS_ERROR_LIB_BAD_PARAMS;
        };
        future.set_callback(callback, UserData(data))
    })
}

/// Whether the future has completed (never blocks).
///
/// @param[in] future The future; NULL allowed.
/// @return `cass_true` when complete; `cass_false` while pending and for NULL.
#[no_mangle]
pub extern "C" fn cass_future_ready(future: *mut CassFuture) -> cass_bool_t {
    guard(|| CassFuture::from_ptr(future).is_some_and(|f| f.is_ready()).into())
}

/// Blocks until the future completes.
///
/// @param[in] future The future; NULL is ignored (returns at once).
#[no_mangle]
pub extern "C" fn cass_future_wait(future: *mut CassFuture) {
    guard(|| {
        if let Some(future) = CassFuture::from_ptr(future) {
            future.wait(None);
        }
    })
}

/// Blocks until the future completes or `timeout_us` microseconds pass.
///
/// @param[in] future The future; NULL allowed.
/// @param[in] timeout_us The longest wait, in microseconds.
/// @return `cass_true` when the future completed in time; `cass_false` on timeout and for NULL.
#[no_mangle]
pub extern "C" fn cass_future_wait_timed(future: *mut CassFuture, timeout_us: cass_duration_t) -> cass_bool_t {
    guard(|| CassFuture::from_ptr(future).is_some_and(|f| f.wait(Some(Duration::from_micros(timeout_us)))).into())
}

/// Waits for the future and returns its result. The result outlives the future, the statement
/// and the session.
///
/// @param[in] future The future; NULL allowed.
/// @return A new reference to the result, freed by the caller with `cass_result_free()`; NULL when the
/// request failed, the future carries no result (connect, close, prepare) or `future` is NULL.
#[no_mangle]
pub extern "C" fn cass_future_get_result(future: *mut CassFuture) -> *const CassResult {
    guard(|| {
        let Some(future) = CassFuture::from_ptr(future) else {
            return std::ptr::null();
        };
        future.with_outcome(|outcome| match outcome {
            Ok(Payload::Result(result)) => CassResult::into_ptr(result.clone()),
            _ => std::ptr::null(),
        })
    })
}

/// Waits for the future and returns its error code.
///
/// @param[in] future The future; NULL allowed.
/// @return `CASS_OK` when the operation succeeded, otherwise its error code; `CASS_ERROR_LIB_BAD_PARAMS`
/// for NULL.
#[no_mangle]
pub extern "C" fn cass_future_error_code(future: *mut CassFuture) -> CassError {
    guard(|| {
        let Some(future) = CassFuture::from_ptr(future) else {
            return CassError::CASS_ERROR_LIB_BAD_PARAMS;
        };
        future.with_outcome(|outcome| match outcome {
            Ok(_) => CassError::CASS_OK,
            Err(failure) => failure.code,
        })
    })
}

/// Waits for the future and gives its error message.
///
/// @param[in] future The future; NULL gives "".
/// @param[out] message Receives the text, "" on success: owned by the future (valid until it is freed) and
/// also NUL-terminated. Nothing is written when it or `message_length` is NULL.
/// @param[out] message_length Receives the text's length in bytes.
#[no_mangle]
pub extern "C" fn cass_future_error_message(
    future: *mut CassFuture,
    message: *mut *const c_char,
    message_length: *mut usize,
) {
    guard(|| {
        let Some(future) = CassFuture::from_ptr(future) else {
            let _ = write_str_out(b"", message, message_length);
            return;
        };
        future.with_outcome(|outcome| {
            let text: &[u8] = match outcome {
                Ok(_) => b"\0",
                Err(failure) => failure.message.as_bytes_with_nul(),
            };
            // The outcome never changes after completion, so the text stays where it is.
            let _ = write_str_out(&text[..text.len() - 1], message, message_length);
        })
    })
}

/// Waits for the future and gives the tracing id of a traced request.
///
/// @param[in] future The future of a statement or batch; NULL gives `CASS_ERROR_LIB_BAD_PARAMS`.
/// @param[out] tracing_id Receives the id; must not be NULL.
/// @return `CASS_OK`; `CASS_ERROR_LIB_NO_TRACING_ID` when the request was not traced or failed;
/// `CASS_ERROR_LIB_INVALID_FUTURE_TYPE` for a successful future without a result (connect, close, prepare);
/// `CASS_ERROR_LIB_BAD_PARAMS` for a NULL future, or a NULL `tracing_id` when there is an id to write.
#[no_mangle]
pub extern "C" fn cass_future_tracing_id(future: *mut CassFuture, tracing_id: *mut CassUuid) -> CassError {
    guard(|| {
        let Some(future) = CassFuture::from_ptr(future) else {
            return CassError::CASS_ERROR_LIB_BAD_PARAMS;
        };
        future.with_outcome(|outcome| match outcome {
            Ok(Payload::Result(result)) => match result.tracing_id() {
                Some(id) => crate::ffi::write_out(tracing_id, id),
                None => CassError::CASS_ERROR_LIB_NO_TRACING_ID,
            },
            Ok(_) => CassError::CASS_ERROR_LIB_INVALID_FUTURE_TYPE,
            Err(_) => CassError::CASS_ERROR_LIB_NO_TRACING_ID,
        })
    })
}

/// Waits for the future and returns the server's error details.
///
/// @param[in] future The future; NULL allowed.
/// @return A new error result when the request failed with a server error, freed by the caller with
/// `cass_error_result_free()`; NULL on success, for client-side errors and for NULL.
#[no_mangle]
pub extern "C" fn cass_future_get_error_result(future: *mut CassFuture) -> *const CassErrorResult {
    guard(|| {
        let Some(future) = CassFuture::from_ptr(future) else {
            return std::ptr::null();
        };
        future.with_outcome(|outcome| match outcome {
            Err(failure) => failure.server_error.clone().map_or(std::ptr::null(), CassErrorResult::into_ptr),
            Ok(_) => std::ptr::null(),
        })
    })
}

/// Waits for the future and returns its prepared statement.
///
/// @param[in] future The future; NULL allowed.
/// @return A new reference, freed by the caller with `cass_prepared_free()`; NULL when the future is not a
/// successful `cass_session_prepare()` (or `_prepare_n()`, `_prepare_from_existing()`) or is NULL.
#[no_mangle]
pub extern "C" fn cass_future_get_prepared(future: *mut CassFuture) -> *const CassPrepared {
    guard(|| {
        let Some(future) = CassFuture::from_ptr(future) else {
            return std::ptr::null();
        };
        future.wait(None);
        future.with_outcome(|outcome| match outcome {
            Ok(Payload::Prepared(prepared)) => CassPrepared::into_ptr(prepared.clone()),
            _ => std::ptr::null(),
        })
    })
}

/// Waits for the future and returns the number of custom payload items of the response.
///
/// @param[in] future The future; NULL allowed.
/// @return Always 0: the `scylla` crate does not expose the payloads servers send (README, support matrix).
#[no_mangle]
pub extern "C" fn cass_future_custom_payload_item_count(future: *mut CassFuture) -> usize {
    guard(|| {
        if let Some(future) = CassFuture::from_ptr(future) {
            future.wait(None);
        }
        0
    })
}

/// Waits for the future and gives a custom payload item of the response. There are none (see
/// `cass_future_custom_payload_item_count()`), so nothing is ever written.
///
/// @param[in] future The future; NULL gives `CASS_ERROR_LIB_BAD_PARAMS`.
/// @param[in] index The item's position.
/// @param[out] name Would receive the item's name (not NUL-terminated).
/// @param[out] name_length Would receive the name's length in bytes.
/// @param[out] value Would receive the item's bytes.
/// @param[out] value_size Would receive the number of bytes.
/// @return `CASS_ERROR_LIB_INDEX_OUT_OF_BOUNDS` for every index; `CASS_ERROR_LIB_BAD_PARAMS` for a NULL
/// future.
#[no_mangle]
pub extern "C" fn cass_future_custom_payload_item(
    future: *mut CassFuture,
    index: usize,
    name: *mut *const c_char,
    name_length: *mut usize,
    value: *mut *const cass_byte_t,
    value_size: *mut usize,
) -> CassError {
    guard(|| match CassFuture::from_ptr(future) {
        Some(future) => {
            let _ = (index, name, name_length, value, value_size);
            future.wait(None);
            CassError::CASS_ERROR_LIB_INDEX_OUT_OF_BOUNDS
        }
        None => CassError::CASS_ERROR_LIB_BAD_PARAMS,
    })
}

/// Waits for the future and returns the node that coordinated the request: the node that answered,
/// also when it answered with an error (the node of the last failed attempt). A preparation is sent
/// to every node: when the server refused it, a node that answered.
///
/// @param[in] future The future; NULL allowed.
/// @return The node, owned by the future (valid as long as it, never freed by the caller); NULL for futures
/// of connect, close and successful preparations, when the request failed without a node's answer (timed
/// out, no host, a client-side error) and for NULL.
#[no_mangle]
pub extern "C" fn cass_future_coordinator(future: *mut CassFuture) -> *const CassNode {
    guard(|| {
        let Some(future) = CassFuture::from_ptr(future) else {
            return std::ptr::null();
        };
        future.with_outcome(|outcome| match outcome {
            // The result lives as long as the future holds it, so the node does too.
            Ok(Payload::Result(result)) => CassNode::as_ptr(result.coordinator()),
            Err(failure) => failure.coordinator.as_ref().map_or(std::ptr::null(), CassNode::as_ptr),
            _ => std::ptr::null(),
        })
    })
}
