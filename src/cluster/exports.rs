//! The `cass_cluster_*` functions of the connection settings.
#![allow(unreachable_pub)] // the C ABI: reached from C, not from Rust

mod cloud;
mod compat_settings;
mod connection_settings;
mod deprecated;
mod load_balancing;

use super::CassCluster;
use crate::error::CassError;
use crate::ffi::strings::{safe_strlen, str_n};
use crate::ffi::{guard, BoxHandle};
use crate::policies::retry::CassRetryPolicy;
use crate::types::{cass_bool_arg, CassConsistency, CassConsistencyArg, CassUuid};
use std::ffi::{c_char, c_int, c_uint};

/// Creates a cluster configuration with the default settings. Free it with `cass_cluster_free()`;
/// sessions connected with it keep their own copy.
///
/// @return A new cluster configuration, owned by the caller (free it with `cass_cluster_free()`).
#[no_mangle]
pub extern "C" fn cass_cluster_new() -> *mut CassCluster {
    guard(|| CassCluster::default().into_ptr())
}

/// Frees a cluster configuration.
///
/// @param[in] cluster The configuration to free, which must not be used afterwards; NULL is ignored.
#[no_mangle]
pub extern "C" fn cass_cluster_free(cluster: *mut CassCluster) {
    guard(|| CassCluster::free(cluster))
}

/// Adds contact points: a comma-separated list of IP addresses or host names. An empty string
/// clears the list. Host names are resolved at connect time.
///
/// @param[in] cluster The cluster configuration; NULL gives `CASS_ERROR_LIB_BAD_PARAMS`.
/// @param[in] contact_points Comma-separated addresses or host names, NUL-terminated; "" or NULL clears the list.
/// @return `CASS_OK`; `CASS_ERROR_LIB_BAD_PARAMS` for a NULL cluster or text that is not UTF-8.
#[no_mangle]
pub extern "C" fn cass_cluster_set_contact_points(
    cluster: *mut CassCluster,
    contact_points: *const c_char,
) -> CassError {
    cass_cluster_set_contact_points_n(cluster, contact_points, safe_strlen(contact_points))
}

/// Same as `cass_cluster_set_contact_points()`, with the length of the list given.
///
/// @param[in] cluster The cluster configuration; NULL gives `CASS_ERROR_LIB_BAD_PARAMS`.
/// @param[in] contact_points Comma-separated addresses or host names (need not be NUL-terminated).
/// @param[in] contact_points_length Length of `contact_points` in bytes; 0 clears the list.
/// @return `CASS_OK`; `CASS_ERROR_LIB_BAD_PARAMS` for a NULL cluster, NULL text with a non-zero length, or text that is
///   not UTF-8.
#[no_mangle]
pub extern "C" fn cass_cluster_set_contact_points_n(
    cluster: *mut CassCluster,
    contact_points: *const c_char,
    contact_points_length: usize,
) -> CassError {
    guard(|| {
        let Some(cluster) = CassCluster::from_ptr_mut(cluster) else {
            return CassError::CASS_ERROR_LIB_BAD_PARAMS;
        };
        match str_n(contact_points, contact_points_length) {
            Ok(list) => {
                cluster.config.add_contact_points(list);
                CassError::CASS_OK
            }
            Err(e) => e.into(),
        }
    })
}

/// Sets the port of every contact point and discovered node (default 9042). Must be > 0.
///
/// @param[in] cluster The cluster configuration; NULL gives `CASS_ERROR_LIB_BAD_PARAMS`.
/// @param[in] port The port, 1 to 65535.
/// @return `CASS_OK`; `CASS_ERROR_LIB_BAD_PARAMS` for a NULL cluster or a port outside 1 to 65535.
#[no_mangle]
pub extern "C" fn cass_cluster_set_port(cluster: *mut CassCluster, port: c_int) -> CassError {
    guard(|| match (CassCluster::from_ptr_mut(cluster), u16::try_from(port)) {
        (Some(cluster), Ok(port)) if port > 0 => {
            cluster.config.port = port;
            CassError::CASS_OK
        }
        _ => CassError::CASS_ERROR_LIB_BAD_PARAMS,
    })
}

/// Sets the timeout for establishing a connection, in milliseconds (default 5000).
///
/// @param[in] cluster The cluster configuration; NULL is ignored.
/// @param[in] timeout_ms The connect timeout in milliseconds.
#[no_mangle]
pub extern "C" fn cass_cluster_set_connect_timeout(cluster: *mut CassCluster, timeout_ms: c_uint) {
    guard(|| {
        if let Some(cluster) = CassCluster::from_ptr_mut(cluster) {
            cluster.config.connect_timeout_ms = timeout_ms;
        }
    })
}

/// Sets the timeout of a request, in milliseconds (default 12000); 0 means no timeout.
///
/// @param[in] cluster The cluster configuration; NULL is ignored.
/// @param[in] timeout_ms The request timeout in milliseconds; 0 disables it.
#[no_mangle]
pub extern "C" fn cass_cluster_set_request_timeout(cluster: *mut CassCluster, timeout_ms: c_uint) {
    guard(|| {
        if let Some(cluster) = CassCluster::from_ptr_mut(cluster) {
            cluster.config.request_timeout_ms = timeout_ms;
        }
    })
}

/// Sets the timeout for resolving a host name, in milliseconds (default 2000).
///
/// @param[in] cluster The cluster configuration; NULL is ignored.
/// @param[in] timeout_ms The name resolution timeout in milliseconds.
#[no_mangle]
pub extern "C" fn cass_cluster_set_resolve_timeout(cluster: *mut CassCluster, timeout_ms: c_uint) {
    guard(|| {
        if let Some(cluster) = CassCluster::from_ptr_mut(cluster) {
            cluster.config.resolve_timeout_ms = timeout_ms;
        }
    })
}

/// Sets user name and password for the plain text authenticator. NULL is read as "".
///
/// @param[in] cluster The cluster configuration; NULL is ignored.
/// @param[in] username The user name, NUL-terminated and copied; NULL is "".
/// @param[in] password The password, NUL-terminated and copied; NULL is "".
#[no_mangle]
pub extern "C" fn cass_cluster_set_credentials(
    cluster: *mut CassCluster,
    username: *const c_char,
    password: *const c_char,
) {
    cass_cluster_set_credentials_n(cluster, username, safe_strlen(username), password, safe_strlen(password))
}

/// Same as `cass_cluster_set_credentials()`, with the lengths given. Text that is not valid UTF-8 is
/// refused with an error log line, and the previous credentials stay.
///
/// @param[in] cluster The cluster configuration; NULL is ignored.
/// @param[in] username The user name (copied; need not be NUL-terminated).
/// @param[in] username_length Length of `username` in bytes.
/// @param[in] password The password (copied; need not be NUL-terminated).
/// @param[in] password_length Length of `password` in bytes.
#[no_mangle]
pub extern "C" fn cass_cluster_set_credentials_n(
    cluster: *mut CassCluster,
    username: *const c_char,
    username_length: usize,
    password: *const c_char,
    password_length: usize,
) {
    guard(|| {
        let Some(cluster) = CassCluster::from_ptr_mut(cluster) else {
            return;
        };
        match (str_n(username, username_length), str_n(password, password_length)) {
            (Ok(user), Ok(pass)) => {
                cluster.config.authenticator = None;
                cluster.config.credentials = Some((user.to_string(), pass.to_string()))
            }
            _ => tracing::error!("cass_cluster_set_credentials: user name or password is NULL or not valid UTF-8"),
        }
    })
}

/// Sets the native protocol version. Only version 4 is spoken by this library: other versions
/// are refused with `CASS_ERROR_LIB_BAD_PARAMS` and an error log line (see README, support matrix).
///
/// @param[in] cluster The cluster configuration; NULL gives `CASS_ERROR_LIB_BAD_PARAMS`.
/// @param[in] protocol_version The protocol version; only 4 is accepted.
/// @return `CASS_OK` for version 4; `CASS_ERROR_LIB_BAD_PARAMS` for a NULL cluster, any other version, or after the
///   beta protocol version was asked for.
#[no_mangle]
pub extern "C" fn cass_cluster_set_protocol_version(cluster: *mut CassCluster, protocol_version: c_int) -> CassError {
    guard(|| {
        let Some(cluster) = CassCluster::from_ptr_mut(cluster) else {
            return CassError::CASS_ERROR_LIB_BAD_PARAMS;
        };
        if cluster.config.use_beta_protocol {
            tracing::error!(
                "The protocol version is already set to the newest beta version v5 and cannot be explicitly set."
            );
            return CassError::CASS_ERROR_LIB_BAD_PARAMS;
        }
        if protocol_version != 4 {
            tracing::error!(
                "protocol version {protocol_version} is not supported: this driver speaks protocol version 4"
            );
            return CassError::CASS_ERROR_LIB_BAD_PARAMS;
        }
        cluster.config.protocol_version = protocol_version;
        CassError::CASS_OK
    })
}

/// Sets the number of I/O threads of each session (default 1). Must be > 0.
///
/// @param[in] cluster The cluster configuration; NULL gives `CASS_ERROR_LIB_BAD_PARAMS`.
/// @param[in] num_threads The number of I/O threads, at least 1.
/// @return `CASS_OK`; `CASS_ERROR_LIB_BAD_PARAMS` for a NULL cluster or 0 threads.
#[no_mangle]
pub extern "C" fn cass_cluster_set_num_threads_io(cluster: *mut CassCluster, num_threads: c_uint) -> CassError {
    guard(|| match CassCluster::from_ptr_mut(cluster) {
        Some(cluster) if num_threads > 0 => {
            cluster.config.io_threads = num_threads;
            CassError::CASS_OK
        }
        _ => CassError::CASS_ERROR_LIB_BAD_PARAMS,
    })
}

fn set_consistency(
    cluster: *mut CassCluster,
    consistency: CassConsistencyArg,
    apply: impl FnOnce(&mut CassCluster, CassConsistency),
) -> CassError {
    guard(|| match (CassCluster::from_ptr_mut(cluster), consistency.get()) {
        (Some(cluster), Some(c)) if c != CassConsistency::CASS_CONSISTENCY_UNKNOWN => {
            apply(cluster, c);
            CassError::CASS_OK
        }
        _ => CassError::CASS_ERROR_LIB_BAD_PARAMS,
    })
}

/// Sets the default consistency of requests (default `CASS_CONSISTENCY_LOCAL_ONE`).
///
/// @param[in] cluster The cluster configuration; NULL gives `CASS_ERROR_LIB_BAD_PARAMS`.
/// @param[in] consistency The default consistency.
/// @return `CASS_OK`; `CASS_ERROR_LIB_BAD_PARAMS` for a NULL cluster, `CASS_CONSISTENCY_UNKNOWN`, or a value outside
///   the enum.
#[no_mangle]
pub extern "C" fn cass_cluster_set_consistency(
    cluster: *mut CassCluster,
    consistency: CassConsistencyArg,
) -> CassError {
    set_consistency(cluster, consistency, |cluster, c| cluster.config.consistency = c)
}

/// Sets the default serial consistency of requests (default `CASS_CONSISTENCY_ANY`, which means
/// none is sent and the server uses SERIAL).
///
/// @param[in] cluster The cluster configuration; NULL gives `CASS_ERROR_LIB_BAD_PARAMS`.
/// @param[in] consistency The default serial consistency.
/// @return `CASS_OK`; `CASS_ERROR_LIB_BAD_PARAMS` for a NULL cluster, `CASS_CONSISTENCY_UNKNOWN`, or a value outside
///   the enum.
#[no_mangle]
pub extern "C" fn cass_cluster_set_serial_consistency(
    cluster: *mut CassCluster,
    consistency: CassConsistencyArg,
) -> CassError {
    set_consistency(cluster, consistency, |cluster, c| cluster.config.serial_consistency = c)
}

/// Sets the client id sent to the server in STARTUP; by default each session makes a random one.
///
/// @param[in] cluster The cluster configuration; NULL is ignored.
/// @param[in] client_id The client id (a UUID, copied).
#[no_mangle]
pub extern "C" fn cass_cluster_set_client_id(cluster: *mut CassCluster, client_id: CassUuid) {
    guard(|| {
        if let Some(cluster) = CassCluster::from_ptr_mut(cluster) {
            cluster.config.client_id = Some(client_id);
        }
    })
}

/// Sets how long a traced request waits for its trace to be readable in `system_traces` before
/// its future completes, in milliseconds (default 15).
///
/// @param[in] cluster The cluster configuration; NULL is ignored.
/// @param[in] max_wait_time_ms How long to wait for a trace, in milliseconds.
#[no_mangle]
pub extern "C" fn cass_cluster_set_tracing_max_wait_time(cluster: *mut CassCluster, max_wait_time_ms: c_uint) {
    guard(|| {
        if let Some(cluster) = CassCluster::from_ptr_mut(cluster) {
            cluster.config.tracing_max_wait_ms = max_wait_time_ms;
        }
    })
}

/// Sets how often a traced request looks for its trace while waiting, in milliseconds (default 3).
///
/// @param[in] cluster The cluster configuration; NULL is ignored.
/// @param[in] retry_wait_time_ms The pause between two looks for a trace, in milliseconds.
#[no_mangle]
pub extern "C" fn cass_cluster_set_tracing_retry_wait_time(cluster: *mut CassCluster, retry_wait_time_ms: c_uint) {
    guard(|| {
        if let Some(cluster) = CassCluster::from_ptr_mut(cluster) {
            cluster.config.tracing_retry_wait_ms = retry_wait_time_ms;
        }
    })
}

/// Sets the consistency of the reads that look for a trace (default `CASS_CONSISTENCY_ONE`).
/// Unknown values are ignored.
///
/// @param[in] cluster The cluster configuration; NULL is ignored.
/// @param[in] consistency The consistency of the trace reads.
#[no_mangle]
pub extern "C" fn cass_cluster_set_tracing_consistency(cluster: *mut CassCluster, consistency: CassConsistencyArg) {
    guard(|| {
        if let (Some(cluster), Some(c)) = (CassCluster::from_ptr_mut(cluster), consistency.get()) {
            cluster.config.tracing_consistency = c;
        }
    })
}

/// Sets the number of connections to each host per I/O thread (default 1). 0 is
/// `CASS_ERROR_LIB_BAD_PARAMS`.
///
/// @param[in] cluster The cluster configuration; NULL gives `CASS_ERROR_LIB_BAD_PARAMS`.
/// @param[in] num_connections Connections per host and I/O thread, at least 1.
/// @return `CASS_OK`; `CASS_ERROR_LIB_BAD_PARAMS` for a NULL cluster or 0 connections.
#[no_mangle]
pub extern "C" fn cass_cluster_set_core_connections_per_host(
    cluster: *mut CassCluster,
    num_connections: c_uint,
) -> CassError {
    guard(|| match CassCluster::from_ptr_mut(cluster) {
        Some(cluster) if num_connections > 0 => {
            cluster.config.core_connections_per_host = num_connections;
            CassError::CASS_OK
        }
        _ => CassError::CASS_ERROR_LIB_BAD_PARAMS,
    })
}

/// Sets whether the session reads the schema metadata (default on). Off saves the reads at connect
/// and after schema changes.
///
/// @param[in] cluster The cluster configuration; NULL is ignored.
/// @param[in] enabled `cass_true` to read the schema metadata, `cass_false` not to.
#[no_mangle]
pub extern "C" fn cass_cluster_set_use_schema(cluster: *mut CassCluster, enabled: cass_bool_arg) {
    guard(|| {
        if let Some(cluster) = CassCluster::from_ptr_mut(cluster) {
            cluster.config.use_schema = enabled.get();
        }
    })
}

/// Sets whether requests with a known partition key go to one of its replicas first (default on).
///
/// @param[in] cluster The cluster configuration; NULL is ignored.
/// @param[in] enabled `cass_true` to route to replicas first.
#[no_mangle]
pub extern "C" fn cass_cluster_set_token_aware_routing(cluster: *mut CassCluster, enabled: cass_bool_arg) {
    guard(|| {
        if let Some(cluster) = CassCluster::from_ptr_mut(cluster) {
            cluster.config.token_aware_routing = enabled.get();
        }
    })
}

/// Sets the retry policy of requests that do not set their own (default: the policy
/// `cass_retry_policy_default_new()` makes). NULL is ignored. The cluster keeps its own reference.
///
/// @param[in] cluster The cluster configuration; NULL is ignored.
/// @param[in] retry_policy The retry policy; the caller keeps its reference and may free it. NULL is ignored.
#[no_mangle]
pub extern "C" fn cass_cluster_set_retry_policy(cluster: *mut CassCluster, retry_policy: *mut CassRetryPolicy) {
    guard(|| {
        if let (Some(cluster), Some(policy)) = (
            CassCluster::from_ptr_mut(cluster),
            crate::ffi::ArcHandle::clone_from_ptr(retry_policy as *const CassRetryPolicy),
        ) {
            cluster.config.retry_policy = Some(policy);
        }
    })
}

/// Sets the TLS settings of the cluster's connections. The cluster keeps its own reference, so
/// `ssl` may be freed afterwards; NULL turns TLS off.
///
/// @param[in] cluster The cluster configuration; NULL is ignored.
/// @param[in] ssl The TLS settings; the caller keeps its reference and may free it. NULL turns TLS off.
#[no_mangle]
pub extern "C" fn cass_cluster_set_ssl(cluster: *mut CassCluster, ssl: *mut crate::ssl::CassSsl) {
    guard(|| {
        if let Some(cluster) = CassCluster::from_ptr_mut(cluster) {
            cluster.config.ssl = <crate::ssl::CassSsl as crate::ffi::ArcHandle>::clone_from_ptr(ssl);
        }
    })
}
