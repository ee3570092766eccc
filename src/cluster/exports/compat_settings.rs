//! Cluster settings whose C++ driver behaviour this library reproduces only in part, because the
//! `scylla` crate fixes it: protocol version choice, the NO_COMPACT startup option, where
//! statements are prepared, contact point order, and reverse DNS of node addresses. Each doc
//! comment says what a value does here.
#![allow(unreachable_pub)] // the C ABI: reached from C, not from Rust

use super::super::CassCluster;
use crate::error::CassError;
use crate::ffi::with;
use crate::types::cass_bool_arg;

/// Asks for the newest beta protocol version (v5), falling back to older versions the node
/// accepts, as the C++ driver does; afterwards `cass_cluster_set_protocol_version()` is refused
/// (`CASS_ERROR_LIB_BAD_PARAMS`) until this is called with `cass_false`. This library speaks
/// protocol v4 only (the `scylla` crate has no v5), so with `cass_true` connections use v4, the
/// version the C++ driver falls back to when v5 is refused; a warning says so.
///
/// @param[in] cluster The cluster configuration; NULL gives `CASS_ERROR_LIB_BAD_PARAMS`.
/// @param[in] enable `cass_true` to ask for the beta protocol version, `cass_false` to stop asking.
/// @return `CASS_OK`; `CASS_ERROR_LIB_BAD_PARAMS` for a NULL cluster.
#[no_mangle]
pub extern "C" fn cass_cluster_set_use_beta_protocol_version(
    cluster: *mut CassCluster,
    enable: cass_bool_arg,
) -> CassError {
    with(cluster, CassError::CASS_ERROR_LIB_BAD_PARAMS, |c| {
        c.config.use_beta_protocol = enable.get();
        if enable.get() {
            tracing::warn!(
                "The beta protocol version (v5) is not spoken by this driver: connections use protocol version 4"
            );
        }
        c.config.protocol_version = 4;
        CassError::CASS_OK
    })
}

/// The NO_COMPACT startup option (for tables WITH COMPACT STORAGE on Cassandra 3.x). The
/// connection layer cannot add startup options, so the option is not sent: against Cassandra 4.0
/// and later, which have no compact tables and ignore it, the outcome is the C++ driver's; against
/// 3.x, compact tables keep their compact view (a warning is logged when the session connects).
///
/// @param[in] cluster The cluster configuration; NULL gives `CASS_ERROR_LIB_BAD_PARAMS`.
/// @param[in] enabled `cass_true` to ask for the NO_COMPACT option.
/// @return `CASS_OK`; `CASS_ERROR_LIB_BAD_PARAMS` for a NULL cluster.
#[no_mangle]
pub extern "C" fn cass_cluster_set_no_compact(cluster: *mut CassCluster, enabled: cass_bool_arg) -> CassError {
    with(cluster, CassError::CASS_ERROR_LIB_BAD_PARAMS, |c| {
        c.config.no_compact = enabled.get();
        CassError::CASS_OK
    })
}

/// Prepares statements on every available host (default `cass_true`). Statements are always
/// prepared on all hosts here; with `cass_false` they still are, which costs a little more at
/// prepare time and saves a re-preparation later. The value is kept and reported as set.
///
/// @param[in] cluster The cluster configuration; NULL gives `CASS_ERROR_LIB_BAD_PARAMS`.
/// @param[in] enabled Whether to prepare on every host.
/// @return `CASS_OK`; `CASS_ERROR_LIB_BAD_PARAMS` for a NULL cluster.
#[no_mangle]
pub extern "C" fn cass_cluster_set_prepare_on_all_hosts(
    cluster: *mut CassCluster,
    enabled: cass_bool_arg,
) -> CassError {
    with(cluster, CassError::CASS_ERROR_LIB_BAD_PARAMS, |c| {
        c.config.prepare_on_all_hosts = enabled.get();
        CassError::CASS_OK
    })
}

/// Prepares known statements on a host that comes up or joins (default `cass_true`). Here a
/// host that does not know a statement answers UNPREPARED on first use and the statement is
/// prepared there and run again, within the same request, whatever the value.
///
/// @param[in] cluster The cluster configuration; NULL gives `CASS_ERROR_LIB_BAD_PARAMS`.
/// @param[in] enabled Whether to prepare on hosts that come up or join.
/// @return `CASS_OK`; `CASS_ERROR_LIB_BAD_PARAMS` for a NULL cluster.
#[no_mangle]
pub extern "C" fn cass_cluster_set_prepare_on_up_or_add_host(
    cluster: *mut CassCluster,
    enabled: cass_bool_arg,
) -> CassError {
    with(cluster, CassError::CASS_ERROR_LIB_BAD_PARAMS, |c| {
        c.config.prepare_on_up_or_add_host = enabled.get();
        CassError::CASS_OK
    })
}

/// Looks up host names of node addresses by reverse DNS (default `cass_false`). They are used to
/// verify TLS certificates with `CASS_SSL_VERIFY_PEER_IDENTITY_DNS`, which fails without them.
///
/// @param[in] cluster The cluster configuration; NULL gives `CASS_ERROR_LIB_BAD_PARAMS`.
/// @param[in] enabled `cass_true` to resolve node host names by reverse DNS.
/// @return `CASS_OK`; `CASS_ERROR_LIB_BAD_PARAMS` for a NULL cluster.
#[no_mangle]
pub extern "C" fn cass_cluster_set_use_hostname_resolution(
    cluster: *mut CassCluster,
    enabled: cass_bool_arg,
) -> CassError {
    with(cluster, CassError::CASS_ERROR_LIB_BAD_PARAMS, |c| {
        c.config.use_hostname_resolution = enabled.get();
        CassError::CASS_OK
    })
}

/// Shuffles the contact points before the first connection (default `cass_true`). The contact
/// points are always tried in random order here; `cass_false` (a debugging aid upstream) is
/// kept but does not fix the order.
///
/// @param[in] cluster The cluster configuration; NULL gives `CASS_ERROR_LIB_BAD_PARAMS`.
/// @param[in] enabled Whether to shuffle the contact points (kept; the order is random either way).
/// @return `CASS_OK`; `CASS_ERROR_LIB_BAD_PARAMS` for a NULL cluster.
#[no_mangle]
pub extern "C" fn cass_cluster_set_use_randomized_contact_points(
    cluster: *mut CassCluster,
    enabled: cass_bool_arg,
) -> CassError {
    with(cluster, CassError::CASS_ERROR_LIB_BAD_PARAMS, |c| {
        c.config.use_randomized_contact_points = enabled.get();
        CassError::CASS_OK
    })
}

/// Sets the callback told about hosts: ADD and UP for each host when the session connects (before
/// the connect future completes), later DOWN, UP, ADD and REMOVE as the cluster changes. It runs
/// on the library's host event thread, one event at a time, in order. NULL removes the callback.
/// `data` is passed back unchanged and must stay valid while sessions use this configuration.
///
/// @param[in] cluster The cluster configuration; NULL gives `CASS_ERROR_LIB_BAD_PARAMS`.
/// @param[in] callback The function told about host events; NULL removes it.
/// @param[in] data Passed to `callback` unchanged; the caller owns it (may be NULL).
/// @return `CASS_OK`; `CASS_ERROR_LIB_BAD_PARAMS` for a NULL cluster.
#[no_mangle]
pub extern "C" fn cass_cluster_set_host_listener_callback(
    cluster: *mut CassCluster,
    callback: crate::types::CassHostListenerCallback,
    data: *mut std::ffi::c_void,
) -> CassError {
    with(cluster, CassError::CASS_ERROR_LIB_BAD_PARAMS, |c| {
        c.config.host_listener =
            callback.map(|callback| crate::host_listener::HostCallback { callback, data: crate::ffi::UserData(data) });
        CassError::CASS_OK
    })
}
