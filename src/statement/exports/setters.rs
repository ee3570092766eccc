//! `cass_statement_set_*`, `cass_statement_add_key_index`: request settings of one statement.
#![allow(unreachable_pub)] // the C ABI: reached from C, not from Rust

use super::super::CassStatement;
use crate::custom_payload::CassCustomPayload;
use crate::error::CassError;
use crate::ffi::strings::{bytes_n, safe_strlen, str_n};
use crate::ffi::with;
use crate::ffi::ArcHandle;
use crate::ffi::{guard, RefHandle};
use crate::node::CassNode;
use crate::policies::retry::CassRetryPolicy;
use crate::result::CassResult;
use crate::statement::request_setters;
use crate::types::{cass_bool_arg, cass_int64_t, cass_uint64_t, CassConsistencyArg, CassInet};
use scylla::response::PagingState;
use std::ffi::c_char;
use std::net::{IpAddr, SocketAddr};

/// Sets the consistency of the statement (`CASS_CONSISTENCY_UNKNOWN`: the cluster's default).
///
/// @param[in] statement The statement; not NULL.
/// @param[in] consistency The consistency level.
/// @return CASS_OK; CASS_ERROR_LIB_BAD_PARAMS when `statement` is NULL or `consistency` is not a known level.
#[no_mangle]
pub extern "C" fn cass_statement_set_consistency(
    statement: *mut CassStatement,
    consistency: CassConsistencyArg,
) -> CassError {
    request_setters::set_consistency(statement, consistency)
}

/// Sets the serial consistency of conditional updates (`CASS_CONSISTENCY_SERIAL` or
/// `CASS_CONSISTENCY_LOCAL_SERIAL`; `CASS_CONSISTENCY_UNKNOWN`: the cluster's default).
///
/// @param[in] statement The statement; not NULL.
/// @param[in] serial_consistency The serial consistency level.
/// @return CASS_OK; CASS_ERROR_LIB_BAD_PARAMS when `statement` is NULL or `serial_consistency` is not a known level.
#[no_mangle]
pub extern "C" fn cass_statement_set_serial_consistency(
    statement: *mut CassStatement,
    serial_consistency: CassConsistencyArg,
) -> CassError {
    request_setters::set_serial_consistency(statement, serial_consistency)
}

/// Sets the number of rows per page; -1 (the default) or 0 fetches every row at once.
///
/// @param[in] statement The statement; not NULL.
/// @param[in] page_size Rows per page; -1 or 0 for all rows.
/// @return CASS_OK; CASS_ERROR_LIB_BAD_PARAMS when `statement` is NULL.
#[no_mangle]
pub extern "C" fn cass_statement_set_paging_size(statement: *mut CassStatement, page_size: i32) -> CassError {
    with(statement, CassError::CASS_ERROR_LIB_BAD_PARAMS, |s| {
        s.data_mut().paging_size = page_size;
        CassError::CASS_OK
    })
}

/// Continues from the page after `result` (copied now; the result may be freed). A result on its
/// last page resets the statement to the first page.
///
/// @param[in] statement The statement; not NULL.
/// @param[in] result A result of an earlier page of the same query; not NULL.
/// @return CASS_OK; CASS_ERROR_LIB_BAD_PARAMS when `statement` or `result` is NULL.
#[no_mangle]
pub extern "C" fn cass_statement_set_paging_state(
    statement: *mut CassStatement,
    result: *const CassResult,
) -> CassError {
    with(statement, CassError::CASS_ERROR_LIB_BAD_PARAMS, |s| {
        let Some(result) = CassResult::from_ptr(result) else {
            return CassError::CASS_ERROR_LIB_BAD_PARAMS;
        };
        s.data_mut().paging_state = result.next_page_state();
        CassError::CASS_OK
    })
}

/// Continues from the page a `cass_result_paging_state_token()` token designates (copied now).
/// An empty token resets the statement to the first page.
///
/// @param[in] statement The statement; not NULL.
/// @param[in] paging_state The token's bytes, copied (NULL only with size 0).
/// @param[in] paging_state_size The number of bytes in `paging_state`.
/// @return CASS_OK; CASS_ERROR_LIB_BAD_PARAMS when `statement` is NULL or `paging_state` is NULL with a non-zero size.
#[no_mangle]
pub extern "C" fn cass_statement_set_paging_state_token(
    statement: *mut CassStatement,
    paging_state: *const c_char,
    paging_state_size: usize,
) -> CassError {
    with(statement, CassError::CASS_ERROR_LIB_BAD_PARAMS, |s| match bytes_n(paging_state, paging_state_size) {
        Ok([]) => {
            s.data_mut().paging_state = None;
            CassError::CASS_OK
        }
        Ok(bytes) => {
            s.data_mut().paging_state = Some(PagingState::new_from_raw_bytes(bytes));
            CassError::CASS_OK
        }
        Err(rc) => rc.into(),
    })
}

/// Sets the client-side timestamp in microseconds (`CASS_INT64_MIN`: none, the default).
///
/// @param[in] statement The statement; not NULL.
/// @param[in] timestamp Microseconds since the Unix epoch, or `CASS_INT64_MIN`.
/// @return CASS_OK; CASS_ERROR_LIB_BAD_PARAMS when `statement` is NULL.
#[no_mangle]
pub extern "C" fn cass_statement_set_timestamp(statement: *mut CassStatement, timestamp: cass_int64_t) -> CassError {
    request_setters::set_timestamp(statement, timestamp)
}

/// Sets how long to wait for the response, in milliseconds (`CASS_UINT64_MAX`: the cluster's
/// request timeout, the default; 0: no timeout).
///
/// @param[in] statement The statement; not NULL.
/// @param[in] timeout_ms The timeout in milliseconds.
/// @return CASS_OK; CASS_ERROR_LIB_BAD_PARAMS when `statement` is NULL.
#[no_mangle]
pub extern "C" fn cass_statement_set_request_timeout(
    statement: *mut CassStatement,
    timeout_ms: cass_uint64_t,
) -> CassError {
    request_setters::set_request_timeout(statement, timeout_ms)
}

/// Marks the statement idempotent, so it may be retried after timeouts and run speculatively.
///
/// @param[in] statement The statement; not NULL.
/// @param[in] is_idempotent cass_true when running it twice does no harm.
/// @return CASS_OK; CASS_ERROR_LIB_BAD_PARAMS when `statement` is NULL.
#[no_mangle]
pub extern "C" fn cass_statement_set_is_idempotent(
    statement: *mut CassStatement,
    is_idempotent: cass_bool_arg,
) -> CassError {
    request_setters::set_is_idempotent(statement, is_idempotent)
}

/// Asks the server to trace the request (`cass_future_tracing_id()`).
///
/// @param[in] statement The statement; not NULL.
/// @param[in] enabled cass_true to trace the request.
/// @return CASS_OK; CASS_ERROR_LIB_BAD_PARAMS when `statement` is NULL.
#[no_mangle]
pub extern "C" fn cass_statement_set_tracing(statement: *mut CassStatement, enabled: cass_bool_arg) -> CassError {
    request_setters::set_tracing(statement, enabled)
}

/// Custom payloads cannot be sent: the `scylla` crate never puts one on the wire. Returns
/// `CASS_ERROR_LIB_NOT_IMPLEMENTED` (and logs why) rather than dropping it silently.
///
/// @param[in] statement The statement; not NULL.
/// @param[in] payload The payload, or NULL for none.
/// @return CASS_OK for a NULL `payload`; CASS_ERROR_LIB_NOT_IMPLEMENTED for any other; CASS_ERROR_LIB_BAD_PARAMS when
/// `statement` is NULL.
#[no_mangle]
pub extern "C" fn cass_statement_set_custom_payload(
    statement: *mut CassStatement,
    payload: *const CassCustomPayload,
) -> CassError {
    request_setters::set_custom_payload(statement, payload)
}

/// Names the execution profile to run with (NULL or "": the default profile). An unknown name
/// fails the request with `CASS_ERROR_LIB_EXECUTION_PROFILE_INVALID`.
///
/// @param[in] statement The statement; not NULL.
/// @param[in] name The NUL-terminated profile name, copied; NULL or "" for the default profile.
/// @return CASS_OK; CASS_ERROR_LIB_BAD_PARAMS when `statement` is NULL or `name` is not UTF-8.
#[no_mangle]
pub extern "C" fn cass_statement_set_execution_profile(
    statement: *mut CassStatement,
    name: *const c_char,
) -> CassError {
    cass_statement_set_execution_profile_n(statement, name, safe_strlen(name))
}

/// Same as `cass_statement_set_execution_profile()`, with the name's length given.
///
/// @param[in] statement The statement; not NULL.
/// @param[in] name The profile name, copied; empty for the default profile.
/// @param[in] name_length The number of bytes in `name`.
/// @return CASS_OK; CASS_ERROR_LIB_BAD_PARAMS when `statement` is NULL or `name` is NULL with a non-zero length or not
/// UTF-8.
#[no_mangle]
pub extern "C" fn cass_statement_set_execution_profile_n(
    statement: *mut CassStatement,
    name: *const c_char,
    name_length: usize,
) -> CassError {
    request_setters::set_execution_profile_n(statement, name, name_length)
}

/// Sets the keyspace used to route the statement by token. Protocol v4 has no per-request
/// keyspace, so the server still uses the session's keyspace (as with the C++ driver on v4).
/// A prepared statement's keyspace comes from its metadata and cannot be set.
///
/// @param[in] statement The simple statement; not NULL.
/// @param[in] keyspace The NUL-terminated keyspace name, copied.
/// @return CASS_OK; CASS_ERROR_LIB_BAD_PARAMS when `statement` is NULL or prepared, or `keyspace` is not UTF-8.
#[no_mangle]
pub extern "C" fn cass_statement_set_keyspace(statement: *mut CassStatement, keyspace: *const c_char) -> CassError {
    cass_statement_set_keyspace_n(statement, keyspace, safe_strlen(keyspace))
}

/// Same as `cass_statement_set_keyspace()`, with the keyspace's length given.
///
/// @param[in] statement The simple statement; not NULL.
/// @param[in] keyspace The keyspace name, copied.
/// @param[in] keyspace_length The number of bytes in `keyspace`.
/// @return CASS_OK; CASS_ERROR_LIB_BAD_PARAMS when `statement` is NULL or prepared, or `keyspace` is NULL with a
/// non-zero length or not UTF-8.
#[no_mangle]
pub extern "C" fn cass_statement_set_keyspace_n(
    statement: *mut CassStatement,
    keyspace: *const c_char,
    keyspace_length: usize,
) -> CassError {
    with(statement, CassError::CASS_ERROR_LIB_BAD_PARAMS, |s| {
        if s.data.prepared.is_some() {
            return CassError::CASS_ERROR_LIB_BAD_PARAMS;
        }
        match str_n(keyspace, keyspace_length) {
            Ok(ks) => {
                s.data_mut().settings.set_keyspace(ks);
                CassError::CASS_OK
            }
            Err(rc) => rc.into(),
        }
    })
}

/// Adds the marker at `index` to the partition key of a simple statement (routing).
///
/// @param[in] statement The simple statement; not NULL.
/// @param[in] index The zero-based position of a marker holding part of the partition key.
/// @return CASS_OK; CASS_ERROR_LIB_BAD_PARAMS when `statement` is NULL or prepared, or `index` is not below the marker
/// count.
#[no_mangle]
pub extern "C" fn cass_statement_add_key_index(statement: *mut CassStatement, index: usize) -> CassError {
    with(statement, CassError::CASS_ERROR_LIB_BAD_PARAMS, |s| {
        if s.data.prepared.is_some() || index >= s.data.values.count() {
            return CassError::CASS_ERROR_LIB_BAD_PARAMS;
        }
        s.data_mut().key_indices.push(index);
        CassError::CASS_OK
    })
}

fn pin(statement: *mut CassStatement, address: Option<SocketAddr>) -> CassError {
    with(statement, CassError::CASS_ERROR_LIB_BAD_PARAMS, |s| match address {
        Some(address) => {
            s.data_mut().settings.target = Some(crate::policies::load_balancing::PinnedNode::policy(address));
            CassError::CASS_OK
        }
        None => CassError::CASS_ERROR_LIB_BAD_PARAMS,
    })
}

/// Sends the statement to the node at `host` (an IP address) and `port` only.
///
/// @param[in] statement The statement; not NULL.
/// @param[in] host The NUL-terminated IPv4 or IPv6 address (not a host name).
/// @param[in] port The port, 0 to 65535.
/// @return CASS_OK; CASS_ERROR_LIB_BAD_PARAMS when `statement` is NULL, `host` is not an IP address or `port` is out of
/// range.
#[no_mangle]
pub extern "C" fn cass_statement_set_host(statement: *mut CassStatement, host: *const c_char, port: i32) -> CassError {
    cass_statement_set_host_n(statement, host, safe_strlen(host), port)
}

/// Same as `cass_statement_set_host()`, with the host's length given.
///
/// @param[in] statement The statement; not NULL.
/// @param[in] host The IPv4 or IPv6 address (not a host name).
/// @param[in] host_length The number of bytes in `host`.
/// @param[in] port The port, 0 to 65535.
/// @return CASS_OK; CASS_ERROR_LIB_BAD_PARAMS when `statement` is NULL, `host` is not an IP address or `port` is out of
/// range.
#[no_mangle]
pub extern "C" fn cass_statement_set_host_n(
    statement: *mut CassStatement,
    host: *const c_char,
    host_length: usize,
    port: i32,
) -> CassError {
    guard(|| {
        let address = str_n(host, host_length)
            .ok()
            .and_then(|h| h.parse::<IpAddr>().ok())
            .zip(u16::try_from(port).ok())
            .map(|(ip, port)| SocketAddr::new(ip, port));
        pin(statement, address)
    })
}

/// Same as `cass_statement_set_host()`, with the address as a `CassInet`.
///
/// @param[in] statement The statement; not NULL.
/// @param[in] host The address, read now; not NULL.
/// @param[in] port The port, 0 to 65535.
/// @return CASS_OK; CASS_ERROR_LIB_BAD_PARAMS when `statement` or `host` is NULL, the address length is neither 4 nor
/// 16 or `port` is out of range.
#[no_mangle]
pub extern "C" fn cass_statement_set_host_inet(
    statement: *mut CassStatement,
    host: *const CassInet,
    port: i32,
) -> CassError {
    guard(|| {
        let address = crate::ffi::struct_arg(host)
            .and_then(|inet| inet.to_ip_addr())
            .zip(u16::try_from(port).ok())
            .map(|(ip, port)| SocketAddr::new(ip, port));
        pin(statement, address)
    })
}

/// Sends the statement to `node` only (for example the coordinator of an earlier request).
///
/// @param[in] statement The statement; not NULL.
/// @param[in] node The node (from `cass_future_coordinator()`); not NULL.
/// @return CASS_OK; CASS_ERROR_LIB_BAD_PARAMS when `statement` or `node` is NULL.
#[no_mangle]
pub extern "C" fn cass_statement_set_node(statement: *mut CassStatement, node: *const CassNode) -> CassError {
    pin(statement, CassNode::from_ptr(node).map(|n| n.address))
}

/// Sets the retry policy of the statement (NULL: the cluster's). The statement keeps its own
/// reference; the policy may be freed.
///
/// @param[in] statement The statement; not NULL.
/// @param[in] retry_policy The policy, or NULL for the cluster's.
/// @return CASS_OK; CASS_ERROR_LIB_BAD_PARAMS when `statement` is NULL.
#[no_mangle]
pub extern "C" fn cass_statement_set_retry_policy(
    statement: *mut CassStatement,
    retry_policy: *mut CassRetryPolicy,
) -> CassError {
    request_setters::set_retry_policy(statement, retry_policy)
}
