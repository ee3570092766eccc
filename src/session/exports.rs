//! The `cass_session_*` functions of the first slice.
#![allow(unreachable_pub)] // the C ABI: reached from C, not from Rust

use super::CassSession;
use crate::batch::CassBatch;
use crate::cluster::CassCluster;
use crate::error::CassError;
use crate::ffi::strings::{safe_strlen, str_n};
use crate::ffi::{guard, ArcHandle, BoxHandle};
use crate::future::{CassFuture, Failure};
use crate::statement::settings::RequestSettings;
use crate::statement::CassStatement;
use crate::types::CassUuid;
use std::ffi::c_char;

/// Creates a session, not yet connected.
///
/// @return A new session, owned by the caller: free it with `cass_session_free()`.
#[no_mangle]
pub extern "C" fn cass_session_new() -> *mut CassSession {
    guard(|| CassSession::into_ptr(CassSession::new()) as *mut CassSession)
}

/// Closes the session (waiting for requests in flight), stops its I/O threads and frees it.
/// Results and prepared statements obtained from it stay valid.
///
/// @param[in] session The session; C's reference ends here. NULL is ignored.
#[no_mangle]
pub extern "C" fn cass_session_free(session: *mut CassSession) {
    guard(|| {
        if let Some(owned) = CassSession::clone_from_ptr(session) {
            owned.shutdown();
        }
        CassSession::free(session);
    })
}

fn bad_params_future(what: &str) -> *mut CassFuture {
    CassFuture::into_ptr(CassFuture::new_ready(Err(Failure::new(CassError::CASS_ERROR_LIB_BAD_PARAMS, what))))
        as *mut CassFuture
}

fn connect(session: *mut CassSession, cluster: *const CassCluster, keyspace: Option<String>) -> *mut CassFuture {
    guard(|| match (CassSession::clone_from_ptr(session), CassCluster::from_ptr(cluster)) {
        (Some(session), Some(cluster)) => {
            CassFuture::into_ptr(session.connect(&cluster.config, keyspace)) as *mut CassFuture
        }
        _ => bad_params_future("cass_session_connect: session or cluster is NULL"),
    })
}

/// Connects the session with the cluster's settings.
///
/// @param[in] session The session; NULL gives a future failed with `CASS_ERROR_LIB_BAD_PARAMS`.
/// @param[in] cluster The settings, copied: the cluster may be freed after this call. NULL gives a failed
/// future.
/// @return A new future, never NULL, freed by the caller with `cass_future_free()`. It completes when the
/// session is ready, or fails: `CASS_ERROR_LIB_UNABLE_TO_CONNECT` when the session is already connecting,
/// connected or closing, `CASS_ERROR_LIB_NO_HOSTS_AVAILABLE` when no contact point answers, or the
/// authentication, TLS or keyspace error of the attempt.
#[no_mangle]
pub extern "C" fn cass_session_connect(session: *mut CassSession, cluster: *const CassCluster) -> *mut CassFuture {
    connect(session, cluster, None)
}

/// Connects and sets the keyspace of every connection (`USE keyspace`).
///
/// @param[in] session The session; NULL gives a future failed with `CASS_ERROR_LIB_BAD_PARAMS`.
/// @param[in] cluster The settings, copied. NULL gives a failed future.
/// @param[in] keyspace NUL-terminated keyspace name; NULL or "" connects without a keyspace.
/// @return As `cass_session_connect()`; also `CASS_ERROR_LIB_UNABLE_TO_SET_KEYSPACE` when the keyspace
/// cannot be used.
#[no_mangle]
pub extern "C" fn cass_session_connect_keyspace(
    session: *mut CassSession,
    cluster: *const CassCluster,
    keyspace: *const c_char,
) -> *mut CassFuture {
    cass_session_connect_keyspace_n(session, cluster, keyspace, safe_strlen(keyspace))
}

/// Same as `cass_session_connect_keyspace()`, with the length of the keyspace name given.
///
/// @param[in] session The session; NULL gives a future failed with `CASS_ERROR_LIB_BAD_PARAMS`.
/// @param[in] cluster The settings, copied. NULL gives a failed future.
/// @param[in] keyspace The keyspace name, `keyspace_length` bytes (NULL only with length 0).
/// @param[in] keyspace_length The name's length in bytes; 0 connects without a keyspace.
/// @return As `cass_session_connect_keyspace()`; a future failed with `CASS_ERROR_LIB_BAD_PARAMS` when the
/// name is not valid UTF-8.
#[no_mangle]
pub extern "C" fn cass_session_connect_keyspace_n(
    session: *mut CassSession,
    cluster: *const CassCluster,
    keyspace: *const c_char,
    keyspace_length: usize,
) -> *mut CassFuture {
    guard(|| match str_n(keyspace, keyspace_length) {
        Ok("") => connect(session, cluster, None),
        Ok(ks) => connect(session, cluster, Some(ks.to_string())),
        Err(_) => bad_params_future("cass_session_connect_keyspace: keyspace is not valid UTF-8"),
    })
}

/// Closes the session once the requests in flight completed; the session may then be freed or
/// connected again.
///
/// @param[in] session The session; NULL gives a future failed with `CASS_ERROR_LIB_BAD_PARAMS`.
/// @return A new future, never NULL, freed by the caller with `cass_future_free()`: it completes when the
/// session is closed, or fails with `CASS_ERROR_LIB_UNABLE_TO_CLOSE` when the session is not connected.
#[no_mangle]
pub extern "C" fn cass_session_close(session: *mut CassSession) -> *mut CassFuture {
    guard(|| match CassSession::clone_from_ptr(session) {
        Some(session) => CassFuture::into_ptr(session.close()) as *mut CassFuture,
        None => bad_params_future("cass_session_close: session is NULL"),
    })
}

/// Executes a statement.
///
/// @param[in] session The session; NULL gives a future failed with `CASS_ERROR_LIB_BAD_PARAMS`.
/// @param[in] statement The statement, copied: it may be changed, executed again or freed at once. NULL
/// gives a failed future.
/// @return A new future, never NULL, freed by the caller with `cass_future_free()`; it gives the result, or
/// the request's error (`CASS_ERROR_LIB_NO_HOSTS_AVAILABLE` when the session is not connected).
#[no_mangle]
pub extern "C" fn cass_session_execute(session: *mut CassSession, statement: *const CassStatement) -> *mut CassFuture {
    guard(|| match (CassSession::from_ptr(session), CassStatement::from_ptr(statement)) {
        (Some(session), Some(statement)) => {
            CassFuture::into_ptr(session.execute(statement.data.clone())) as *mut CassFuture
        }
        _ => bad_params_future("cass_session_execute: session or statement is NULL"),
    })
}

/// The client id this session sends to the server (from `cass_cluster_set_client_id()` or random).
///
/// @param[in] session The session; NULL allowed.
/// @return The id (a copy); the nil UUID for NULL.
#[no_mangle]
pub extern "C" fn cass_session_get_client_id(session: *mut CassSession) -> CassUuid {
    guard(|| CassSession::from_ptr(session).map(|s| s.client_id()).unwrap_or_default())
}

/// Prepares a CQL statement.
///
/// @param[in] session The session; NULL gives a future failed with `CASS_ERROR_LIB_BAD_PARAMS`.
/// @param[in] query NUL-terminated CQL text, copied (NULL reads as "").
/// @return A new future, never NULL, freed by the caller with `cass_future_free()`;
/// `cass_future_get_prepared()` gives the prepared statement (`CASS_ERROR_LIB_NO_HOSTS_AVAILABLE` when the
/// session is not connected).
#[no_mangle]
pub extern "C" fn cass_session_prepare(session: *mut CassSession, query: *const c_char) -> *mut CassFuture {
    cass_session_prepare_n(session, query, safe_strlen(query))
}

/// Same as `cass_session_prepare()`, with the query's length given.
///
/// @param[in] session The session; NULL gives a future failed with `CASS_ERROR_LIB_BAD_PARAMS`.
/// @param[in] query CQL text of `query_length` bytes, copied (NULL only with length 0).
/// @param[in] query_length The text's length in bytes.
/// @return As `cass_session_prepare()`; a future failed with `CASS_ERROR_LIB_BAD_PARAMS` when the text is
/// not valid UTF-8 or NULL with a non-zero length.
#[no_mangle]
pub extern "C" fn cass_session_prepare_n(
    session: *mut CassSession,
    query: *const c_char,
    query_length: usize,
) -> *mut CassFuture {
    guard(|| {
        let Some(session) = CassSession::from_ptr(session) else {
            return bad_params_future("cass_session_prepare: the session is NULL");
        };
        match str_n(query, query_length) {
            Ok(query) => {
                CassFuture::into_ptr(session.prepare(query.to_string(), Default::default())) as *mut CassFuture
            }
            Err(_) => bad_params_future("cass_session_prepare: the query is NULL or not valid UTF-8"),
        }
    })
}

/// Executes a batch.
///
/// @param[in] session The session; NULL gives a future failed with `CASS_ERROR_LIB_BAD_PARAMS`.
/// @param[in] batch The batch, copied: it may be changed or freed at once. NULL gives a failed future.
/// @return A new future, never NULL, freed by the caller with `cass_future_free()`; its result is empty
/// except for conditional batches (`[applied]`).
#[no_mangle]
pub extern "C" fn cass_session_execute_batch(session: *mut CassSession, batch: *const CassBatch) -> *mut CassFuture {
    guard(|| {
        let (Some(session), Some(batch)) = (CassSession::from_ptr(session), CassBatch::from_ptr(batch)) else {
            return bad_params_future("cass_session_execute_batch: the session or the batch is NULL");
        };
        CassFuture::into_ptr(session.execute_batch(batch.data.clone())) as *mut CassFuture
    })
}

/// Prepares the query of an existing simple statement; statements bound from the result start with
/// its consistency, serial consistency, request timeout, retry policy, idempotence and keyspace.
///
/// @param[in] session The session; NULL gives a future failed with `CASS_ERROR_LIB_BAD_PARAMS`.
/// @param[in] statement The statement, read during the call only: it may be freed afterwards. NULL gives a
/// failed future.
/// @return As `cass_session_prepare()`.
#[no_mangle]
pub extern "C" fn cass_session_prepare_from_existing(
    session: *mut CassSession,
    statement: *mut CassStatement,
) -> *mut CassFuture {
    guard(|| {
        let (Some(session), Some(statement)) = (CassSession::from_ptr(session), CassStatement::from_ptr(statement))
        else {
            return bad_params_future("cass_session_prepare_from_existing: the session or the statement is NULL");
        };
        let data = &statement.data;
        // What a bound statement inherits, as with the C++ driver: consistencies, request timeout,
        // retry policy, idempotence and keyspace (not the timestamp, tracing or host).
        let inherited = RequestSettings {
            consistency: data.settings.consistency,
            serial_consistency: data.settings.serial_consistency,
            request_timeout: data.settings.request_timeout,
            retry_policy: data.settings.retry_policy.clone(),
            idempotent: data.settings.idempotent,
            keyspace: data.settings.keyspace.clone(),
            ..RequestSettings::default()
        };
        CassFuture::into_ptr(session.prepare(data.query.to_string(), inherited)) as *mut CassFuture
    })
}

/// Copies the session's request metrics: latencies (µs, from submission to completion of each
/// statement and batch), request rates, connection count, and timeouts. Before the session's first
/// connect everything is 0 (with a warning log line).
///
/// @param[in] session The session; NULL is ignored.
/// @param[out] output The caller's struct, overwritten; NULL is ignored.
#[no_mangle]
pub extern "C" fn cass_session_get_metrics(session: *const CassSession, output: *mut crate::types::CassMetrics) {
    guard(|| {
        let Some(session) = CassSession::from_ptr(session) else {
            return;
        };
        if output.is_null() {
            return;
        }
        let metrics = session.metrics().map(|(m, _)| m).unwrap_or_else(|| {
            tracing::warn!("Attempted to get metrics before connecting session object");
            Default::default()
        });
        // SAFETY: `output` is non-NULL and points to a CassMetrics the caller owns.
        unsafe { output.write(metrics) };
    })
}

/// Copies the session's speculative execution metrics: how many executions were started
/// speculatively and then aborted because another execution of the same request answered first,
/// their share of all executions (percent), and latencies (µs) taken when each was aborted. Zeros
/// before the first connect (with a warning log line).
///
/// @param[in] session The session; NULL is ignored.
/// @param[out] output The caller's struct, overwritten; NULL is ignored.
#[no_mangle]
pub extern "C" fn cass_session_get_speculative_execution_metrics(
    session: *const CassSession,
    output: *mut crate::types::CassSpeculativeExecutionMetrics,
) {
    guard(|| {
        let Some(session) = CassSession::from_ptr(session) else {
            return;
        };
        if output.is_null() {
            return;
        }
        let metrics = session.metrics().map(|(_, m)| m).unwrap_or_else(|| {
            tracing::warn!("Attempted to get speculative execution metrics before connecting session object");
            Default::default()
        });
        // SAFETY: `output` is non-NULL and points to a CassSpeculativeExecutionMetrics the caller owns.
        unsafe { output.write(metrics) };
    })
}

/// A snapshot of the session's schema metadata; it does not change afterwards (call again for
/// later changes). It is refreshed while connecting, after each CREATE/ALTER/DROP statement of
/// this session (before that statement's future completes), and within about a second of
/// another client's schema change. Before connecting, after closing, or with
/// `cass_cluster_set_use_schema(cluster, cass_false)` it has no keyspaces (the C++ driver
/// dereferences a NULL cluster before connecting).
///
/// @param[in] session The session; NULL allowed.
/// @return A new snapshot, owned by the caller: free it with `cass_schema_meta_free()`. NULL for a NULL
/// session.
#[no_mangle]
pub extern "C" fn cass_session_get_schema_meta(session: *const CassSession) -> *const crate::metadata::CassSchemaMeta {
    guard(|| match CassSession::from_ptr(session) {
        Some(session) => crate::metadata::CassSchemaMeta::into_ptr(session.schema_meta()),
        None => std::ptr::null(),
    })
}
