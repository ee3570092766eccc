//! Connection-level cluster settings: identity, heartbeats, TCP options, local address and port
//! range, schema agreement wait, speculative execution, and the C++ driver's internal tuning knobs.
#![allow(unreachable_pub)] // the C ABI: reached from C, not from Rust

use super::super::CassCluster;
use crate::error::CassError;
use crate::ffi::strings::{safe_strlen, str_n};
use crate::ffi::{with, with_void};
use crate::types::cass_bool_arg;
use std::ffi::{c_char, c_int, c_uint};
use std::net::IpAddr;

/// Sets the application name sent to the server in the STARTUP message. NULL clears it.
///
/// @param[in] cluster The cluster configuration; NULL is ignored.
/// @param[in] application_name The name, NUL-terminated and copied; NULL or "" clears it.
#[no_mangle]
pub extern "C" fn cass_cluster_set_application_name(cluster: *mut CassCluster, application_name: *const c_char) {
    cass_cluster_set_application_name_n(cluster, application_name, safe_strlen(application_name))
}

/// Same as `cass_cluster_set_application_name()`, with the name's length given.
///
/// @param[in] cluster The cluster configuration; NULL is ignored.
/// @param[in] application_name The name (copied; need not be NUL-terminated).
/// @param[in] application_name_length Length of `application_name` in bytes; 0 clears the name.
#[no_mangle]
pub extern "C" fn cass_cluster_set_application_name_n(
    cluster: *mut CassCluster,
    application_name: *const c_char,
    application_name_length: usize,
) {
    with_void(cluster, |c| {
        if let Ok(name) = str_n(application_name, application_name_length) {
            c.config.application_name = (!name.is_empty()).then(|| name.to_string());
        }
    })
}

/// Sets the application version sent to the server in the STARTUP message. NULL clears it.
///
/// @param[in] cluster The cluster configuration; NULL is ignored.
/// @param[in] application_version The version, NUL-terminated and copied; NULL or "" clears it.
#[no_mangle]
pub extern "C" fn cass_cluster_set_application_version(cluster: *mut CassCluster, application_version: *const c_char) {
    cass_cluster_set_application_version_n(cluster, application_version, safe_strlen(application_version))
}

/// Same as `cass_cluster_set_application_version()`, with the version's length given.
///
/// @param[in] cluster The cluster configuration; NULL is ignored.
/// @param[in] application_version The version (copied; need not be NUL-terminated).
/// @param[in] application_version_length Length of `application_version` in bytes; 0 clears the version.
#[no_mangle]
pub extern "C" fn cass_cluster_set_application_version_n(
    cluster: *mut CassCluster,
    application_version: *const c_char,
    application_version_length: usize,
) {
    with_void(cluster, |c| {
        if let Ok(version) = str_n(application_version, application_version_length) {
            c.config.application_version = (!version.is_empty()).then(|| version.to_string());
        }
    })
}

/// Sets how often an idle connection is checked with a heartbeat, in seconds (default 30; 0
/// disables heartbeats).
///
/// @param[in] cluster The cluster configuration; NULL is ignored.
/// @param[in] interval_secs Seconds between heartbeats on an idle connection; 0 disables them.
#[no_mangle]
pub extern "C" fn cass_cluster_set_connection_heartbeat_interval(cluster: *mut CassCluster, interval_secs: c_uint) {
    with_void(cluster, |c| c.config.heartbeat_interval_secs = interval_secs)
}

/// Sets how long a connection may go without an answered heartbeat before it is closed, in
/// seconds (default 60).
///
/// @param[in] cluster The cluster configuration; NULL is ignored.
/// @param[in] timeout_secs Seconds without an answered heartbeat before the connection is closed.
#[no_mangle]
pub extern "C" fn cass_cluster_set_connection_idle_timeout(cluster: *mut CassCluster, timeout_secs: c_uint) {
    with_void(cluster, |c| c.config.idle_timeout_secs = timeout_secs)
}

/// Enables or disables Nagle's algorithm being off (TCP_NODELAY; default on).
///
/// @param[in] cluster The cluster configuration; NULL is ignored.
/// @param[in] enabled `cass_true` to set TCP_NODELAY on connections.
#[no_mangle]
pub extern "C" fn cass_cluster_set_tcp_nodelay(cluster: *mut CassCluster, enabled: cass_bool_arg) {
    with_void(cluster, |c| c.config.tcp_nodelay = enabled.get())
}

/// Enables TCP keep-alive with `delay_secs` of idleness before the first probe (default off).
///
/// @param[in] cluster The cluster configuration; NULL is ignored.
/// @param[in] enabled `cass_true` to turn TCP keep-alive on, `cass_false` to turn it off.
/// @param[in] delay_secs Seconds of idleness before the first keep-alive probe.
#[no_mangle]
pub extern "C" fn cass_cluster_set_tcp_keepalive(
    cluster: *mut CassCluster,
    enabled: cass_bool_arg,
    delay_secs: c_uint,
) {
    with_void(cluster, |c| c.config.tcp_keepalive_secs = enabled.get().then_some(delay_secs))
}

/// Sets how long DDL run through a session waits for the cluster's schema agreement, in
/// milliseconds (default 10000).
///
/// @param[in] cluster The cluster configuration; NULL is ignored.
/// @param[in] wait_time_ms How long to wait for schema agreement, in milliseconds.
#[no_mangle]
pub extern "C" fn cass_cluster_set_max_schema_wait_time(cluster: *mut CassCluster, wait_time_ms: c_uint) {
    with_void(cluster, |c| c.config.max_schema_wait_ms = wait_time_ms)
}

/// Binds outgoing connections to a local IP address (NULL or "": any).
/// `CASS_ERROR_LIB_HOST_RESOLUTION` when it is not an IP address.
///
/// @param[in] cluster The cluster configuration; NULL gives `CASS_ERROR_LIB_BAD_PARAMS`.
/// @param[in] name An IP address, NUL-terminated; NULL or "" means any.
/// @return `CASS_OK`; `CASS_ERROR_LIB_HOST_RESOLUTION` when `name` is not an IP address; `CASS_ERROR_LIB_BAD_PARAMS`
///   for a NULL cluster or text that is not UTF-8.
#[no_mangle]
pub extern "C" fn cass_cluster_set_local_address(cluster: *mut CassCluster, name: *const c_char) -> CassError {
    cass_cluster_set_local_address_n(cluster, name, safe_strlen(name))
}

/// Same as `cass_cluster_set_local_address()`, with the address's length given.
///
/// @param[in] cluster The cluster configuration; NULL gives `CASS_ERROR_LIB_BAD_PARAMS`.
/// @param[in] name An IP address (need not be NUL-terminated).
/// @param[in] name_length Length of `name` in bytes; 0 means any address.
/// @return `CASS_OK`; `CASS_ERROR_LIB_HOST_RESOLUTION` when `name` is not an IP address; `CASS_ERROR_LIB_BAD_PARAMS`
///   for a NULL cluster, NULL `name` with a non-zero length, or text that is not UTF-8.
#[no_mangle]
pub extern "C" fn cass_cluster_set_local_address_n(
    cluster: *mut CassCluster,
    name: *const c_char,
    name_length: usize,
) -> CassError {
    with(cluster, CassError::CASS_ERROR_LIB_BAD_PARAMS, |c| match str_n(name, name_length) {
        Ok("") => {
            c.config.local_address = None;
            CassError::CASS_OK
        }
        Ok(text) => match text.parse::<IpAddr>() {
            Ok(ip) => {
                c.config.local_address = Some(ip);
                CassError::CASS_OK
            }
            Err(_) => CassError::CASS_ERROR_LIB_HOST_RESOLUTION,
        },
        Err(_) => CassError::CASS_ERROR_LIB_BAD_PARAMS,
    })
}

/// Sets the local port range for shard-aware connections (ScyllaDB); a busy port is skipped.
/// `CASS_ERROR_LIB_BAD_PARAMS` unless 1024 <= lo <= hi <= 65535.
///
/// @param[in] cluster The cluster configuration; NULL gives `CASS_ERROR_LIB_BAD_PARAMS`.
/// @param[in] lo The lowest local port, at least 1024.
/// @param[in] hi The highest local port, from `lo` to 65535.
/// @return `CASS_OK`; `CASS_ERROR_LIB_BAD_PARAMS` for a NULL cluster or a range outside those bounds (logged).
#[no_mangle]
pub extern "C" fn cass_cluster_set_local_port_range(cluster: *mut CassCluster, lo: c_int, hi: c_int) -> CassError {
    with(cluster, CassError::CASS_ERROR_LIB_BAD_PARAMS, |c| {
        if lo < 1024 || hi < lo || hi > 65535 {
            tracing::error!("Invalid local port range. Expected: 1024 <= lo <= hi <= 65535.");
            return CassError::CASS_ERROR_LIB_BAD_PARAMS;
        }
        c.config.local_port_range = Some((lo as u16, hi as u16));
        CassError::CASS_OK
    })
}

/// Runs up to `max_speculative_executions` extra executions of idempotent requests, one every
/// `constant_delay_ms` while no answer came. Negative values are `CASS_ERROR_LIB_BAD_PARAMS`.
///
/// @param[in] cluster The cluster configuration; NULL gives `CASS_ERROR_LIB_BAD_PARAMS`.
/// @param[in] constant_delay_ms Milliseconds between two executions, 0 or more.
/// @param[in] max_speculative_executions The most extra executions per request, 0 or more.
/// @return `CASS_OK`; `CASS_ERROR_LIB_BAD_PARAMS` for a NULL cluster or a negative value.
#[no_mangle]
pub extern "C" fn cass_cluster_set_constant_speculative_execution_policy(
    cluster: *mut CassCluster,
    constant_delay_ms: i64,
    max_speculative_executions: c_int,
) -> CassError {
    with(cluster, CassError::CASS_ERROR_LIB_BAD_PARAMS, |c| {
        if constant_delay_ms < 0 || max_speculative_executions < 0 {
            return CassError::CASS_ERROR_LIB_BAD_PARAMS;
        }
        c.config.speculative = Some((constant_delay_ms as u64, max_speculative_executions as usize));
        CassError::CASS_OK
    })
}

/// No speculative executions (the default).
///
/// @param[in] cluster The cluster configuration; NULL gives `CASS_ERROR_LIB_BAD_PARAMS`.
/// @return `CASS_OK`; `CASS_ERROR_LIB_BAD_PARAMS` for a NULL cluster.
#[no_mangle]
pub extern "C" fn cass_cluster_set_no_speculative_execution_policy(cluster: *mut CassCluster) -> CassError {
    with(cluster, CassError::CASS_ERROR_LIB_BAD_PARAMS, |c| {
        c.config.speculative = None;
        CassError::CASS_OK
    })
}

/// The C++ driver's request queue size per I/O thread. Validated as upstream (0 is
/// `CASS_ERROR_LIB_BAD_PARAMS`); here requests go through an unbounded batched queue, so the
/// value has nothing to size.
///
/// @param[in] cluster The cluster configuration; NULL gives `CASS_ERROR_LIB_BAD_PARAMS`.
/// @param[in] queue_size The queue size (checked, not used), at least 1.
/// @return `CASS_OK`; `CASS_ERROR_LIB_BAD_PARAMS` for a NULL cluster or a size of 0.
#[no_mangle]
pub extern "C" fn cass_cluster_set_queue_size_io(cluster: *mut CassCluster, queue_size: c_uint) -> CassError {
    with(cluster, CassError::CASS_ERROR_LIB_BAD_PARAMS, |_| {
        if queue_size == 0 {
            CassError::CASS_ERROR_LIB_BAD_PARAMS
        } else {
            CassError::CASS_OK
        }
    })
}

/// How long a connection waits for more requests to join one write (upstream's default 200 µs).
/// The `scylla` crate offers two ways to wait: below a millisecond it yields once to the other
/// work of the I/O thread (about 1-300 µs), from a millisecond it waits whole milliseconds
/// (`delay_us / 1000`); 0 turns coalescing off, every batch of requests at hand is written at
/// once.
///
/// @param[in] cluster The cluster configuration; NULL gives `CASS_ERROR_LIB_BAD_PARAMS`.
/// @param[in] delay_us The delay in microseconds, 0 or more.
/// @return `CASS_OK`; `CASS_ERROR_LIB_BAD_PARAMS` for a NULL cluster or a negative delay.
#[no_mangle]
pub extern "C" fn cass_cluster_set_coalesce_delay(cluster: *mut CassCluster, delay_us: i64) -> CassError {
    with(cluster, CassError::CASS_ERROR_LIB_BAD_PARAMS, |cluster| {
        if delay_us < 0 {
            CassError::CASS_ERROR_LIB_BAD_PARAMS
        } else {
            cluster.config.coalesce_delay_us = delay_us as u64;
            CassError::CASS_OK
        }
    })
}

/// The C++ driver's share of I/O loop time spent on new requests (1-100, else
/// `CASS_ERROR_LIB_BAD_PARAMS`); tokio schedules request and I/O work itself, so there is nothing
/// to apportion.
///
/// @param[in] cluster The cluster configuration; NULL gives `CASS_ERROR_LIB_BAD_PARAMS`.
/// @param[in] ratio The percentage (checked, not used), 1 to 100.
/// @return `CASS_OK`; `CASS_ERROR_LIB_BAD_PARAMS` for a NULL cluster or a ratio outside 1 to 100.
#[no_mangle]
pub extern "C" fn cass_cluster_set_new_request_ratio(cluster: *mut CassCluster, ratio: i32) -> CassError {
    with(cluster, CassError::CASS_ERROR_LIB_BAD_PARAMS, |_| {
        if ratio <= 0 || ratio > 100 {
            CassError::CASS_ERROR_LIB_BAD_PARAMS
        } else {
            CassError::CASS_OK
        }
    })
}

/// The C++ driver's pool of reusable write buffers; accepted as upstream. Buffers here are
/// per-request frames of the `scylla` crate, so there is no pool to size.
///
/// @param[in] cluster The cluster configuration; NULL gives `CASS_ERROR_LIB_BAD_PARAMS`.
/// @param[in] num_objects The pool size (not used).
/// @return `CASS_OK`; `CASS_ERROR_LIB_BAD_PARAMS` for a NULL cluster.
#[no_mangle]
pub extern "C" fn cass_cluster_set_max_reusable_write_objects(
    cluster: *mut CassCluster,
    num_objects: c_uint,
) -> CassError {
    with(cluster, CassError::CASS_ERROR_LIB_BAD_PARAMS, |_| {
        let _ = num_objects;
        CassError::CASS_OK
    })
}

/// The interval of DataStax Insights monitoring reports, a DSE feature; accepted and not used,
/// as the C++ driver does against Apache Cassandra.
///
/// @param[in] cluster The cluster configuration; NULL is ignored.
/// @param[in] interval_secs The report interval in seconds (not used).
#[no_mangle]
pub extern "C" fn cass_cluster_set_monitor_reporting_interval(cluster: *mut CassCluster, interval_secs: c_uint) {
    with_void(cluster, |_| {
        let _ = interval_secs;
    })
}
