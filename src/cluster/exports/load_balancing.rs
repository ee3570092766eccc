//! The `cass_cluster_*` functions of load balancing, host filtering, reconnection, timestamp
//! generators and execution profiles (the policies themselves are in `crate::policies` and
//! `crate::execution_profile`).
#![allow(unreachable_pub)] // the C ABI: reached from C, not from Rust

use super::super::CassCluster;
use crate::error::CassError;
use crate::execution_profile::CassExecProfile;
use crate::ffi::strings::{safe_strlen, str_n};
use crate::ffi::{guard, ArcHandle, BoxHandle};
use crate::ffi::{with, with_void};
use crate::policies::load_balancing::setters as lb;
use crate::policies::load_balancing::ListKind;
use crate::policies::reconnect::ReconnectConfig;
use crate::policies::timestamp::CassTimestampGen;
use crate::types::cass_bool_arg;
use std::ffi::{c_char, c_uint};

/// Uses round-robin load balancing: every host of the cluster in turn, all considered local.
///
/// @param[in] cluster The cluster configuration; NULL is ignored.
#[no_mangle]
pub extern "C" fn cass_cluster_set_load_balance_round_robin(cluster: *mut CassCluster) {
    lb::set_round_robin(cluster);
}

/// Uses DC-aware load balancing (the default, with the data center of the contact point the
/// session reaches): the hosts of `local_dc` in turn, then (when `used_hosts_per_remote_dc` > 0;
/// deprecated) that many hosts of each other data center, which LOCAL_ONE and LOCAL_QUORUM requests
/// use only if `allow_remote_dcs_for_local_cl` (deprecated). Hosts the policy does not use get no
/// connections. NULL or empty `local_dc` is `CASS_ERROR_LIB_BAD_PARAMS`.
///
/// @param[in] cluster The cluster configuration; NULL gives `CASS_ERROR_LIB_BAD_PARAMS`.
/// @param[in] local_dc The local data center's name, NUL-terminated and copied; must not be NULL or "".
/// @param[in] used_hosts_per_remote_dc How many hosts of each remote data center to use (0: none).
/// @param[in] allow_remote_dcs_for_local_cl Whether LOCAL_ONE and LOCAL_QUORUM requests may use them.
/// @return `CASS_OK`; `CASS_ERROR_LIB_BAD_PARAMS` for a NULL cluster or a NULL, empty or non-UTF-8 `local_dc`.
#[no_mangle]
pub extern "C" fn cass_cluster_set_load_balance_dc_aware(
    cluster: *mut CassCluster,
    local_dc: *const c_char,
    used_hosts_per_remote_dc: c_uint,
    allow_remote_dcs_for_local_cl: cass_bool_arg,
) -> CassError {
    // NULL reads as empty, which is refused.
    lb::set_dc_aware_n(
        cluster,
        (local_dc, safe_strlen(local_dc)),
        used_hosts_per_remote_dc,
        allow_remote_dcs_for_local_cl,
    )
}

/// Same as `cass_cluster_set_load_balance_dc_aware()`, with the data center's length given.
///
/// @param[in] cluster The cluster configuration; NULL gives `CASS_ERROR_LIB_BAD_PARAMS`.
/// @param[in] local_dc The local data center's name (copied; need not be NUL-terminated).
/// @param[in] local_dc_length Length of `local_dc` in bytes; 0 is refused.
/// @param[in] used_hosts_per_remote_dc How many hosts of each remote data center to use (0: none).
/// @param[in] allow_remote_dcs_for_local_cl Whether LOCAL_ONE and LOCAL_QUORUM requests may use them.
/// @return `CASS_OK`; `CASS_ERROR_LIB_BAD_PARAMS` for a NULL cluster or an empty, NULL or non-UTF-8 `local_dc`.
#[no_mangle]
pub extern "C" fn cass_cluster_set_load_balance_dc_aware_n(
    cluster: *mut CassCluster,
    local_dc: *const c_char,
    local_dc_length: usize,
    used_hosts_per_remote_dc: c_uint,
    allow_remote_dcs_for_local_cl: cass_bool_arg,
) -> CassError {
    lb::set_dc_aware_n(cluster, (local_dc, local_dc_length), used_hosts_per_remote_dc, allow_remote_dcs_for_local_cl)
}

/// Uses rack-aware load balancing: the hosts of `local_rack` in `local_dc` first, then the other
/// racks of `local_dc`, then (except for LOCAL_ONE and LOCAL_QUORUM requests) the other data
/// centers. NULL or empty `local_dc` or `local_rack` is `CASS_ERROR_LIB_BAD_PARAMS`.
///
/// @param[in] cluster The cluster configuration; NULL gives `CASS_ERROR_LIB_BAD_PARAMS`.
/// @param[in] local_dc The local data center's name, NUL-terminated and copied; must not be NULL or "".
/// @param[in] local_rack The local rack's name, NUL-terminated and copied; must not be NULL or "".
/// @return `CASS_OK`; `CASS_ERROR_LIB_BAD_PARAMS` for a NULL cluster or a NULL, empty or non-UTF-8 name.
#[no_mangle]
pub extern "C" fn cass_cluster_set_load_balance_rack_aware(
    cluster: *mut CassCluster,
    local_dc: *const c_char,
    local_rack: *const c_char,
) -> CassError {
    guard(|| {
        if local_dc.is_null() || local_rack.is_null() {
            return CassError::CASS_ERROR_LIB_BAD_PARAMS;
        }
        cass_cluster_set_load_balance_rack_aware_n(
            cluster,
            local_dc,
            safe_strlen(local_dc),
            local_rack,
            safe_strlen(local_rack),
        )
    })
}

/// Same as `cass_cluster_set_load_balance_rack_aware()`, with the lengths given.
///
/// @param[in] cluster The cluster configuration; NULL gives `CASS_ERROR_LIB_BAD_PARAMS`.
/// @param[in] local_dc The local data center's name (copied; need not be NUL-terminated).
/// @param[in] local_dc_length Length of `local_dc` in bytes; 0 is refused.
/// @param[in] local_rack The local rack's name (copied; need not be NUL-terminated).
/// @param[in] local_rack_length Length of `local_rack` in bytes; 0 is refused.
/// @return `CASS_OK`; `CASS_ERROR_LIB_BAD_PARAMS` for a NULL cluster or an empty, NULL or non-UTF-8 name.
#[no_mangle]
pub extern "C" fn cass_cluster_set_load_balance_rack_aware_n(
    cluster: *mut CassCluster,
    local_dc: *const c_char,
    local_dc_length: usize,
    local_rack: *const c_char,
    local_rack_length: usize,
) -> CassError {
    with(cluster, CassError::CASS_ERROR_LIB_BAD_PARAMS, |c| {
        match (str_n(local_dc, local_dc_length), str_n(local_rack, local_rack_length)) {
            (Ok(dc), Ok(rack)) => c.config.load_balancing.set_rack_aware(dc, rack),
            _ => CassError::CASS_ERROR_LIB_BAD_PARAMS,
        }
    })
}

/// Sets whether token-aware routing picks the replicas in random order per request (default on)
/// or always in the same order (which may help server-side caches).
///
/// @param[in] cluster The cluster configuration; NULL is ignored.
/// @param[in] enabled `cass_true` to shuffle the replicas, `cass_false` to keep their order.
#[no_mangle]
pub extern "C" fn cass_cluster_set_token_aware_routing_shuffle_replicas(
    cluster: *mut CassCluster,
    enabled: cass_bool_arg,
) {
    lb::set_shuffle_replicas(cluster, enabled);
}

/// Sets whether hosts answering much slower than the fastest are moved to the end of query plans
/// (default off); see `cass_cluster_set_latency_aware_routing_settings()`.
///
/// @param[in] cluster The cluster configuration; NULL is ignored.
/// @param[in] enabled `cass_true` to turn latency-aware routing on.
#[no_mangle]
pub extern "C" fn cass_cluster_set_latency_aware_routing(cluster: *mut CassCluster, enabled: cass_bool_arg) {
    lb::set_latency_aware(cluster, enabled);
}

/// Sets the latency-aware routing settings: a host whose average latency exceeds
/// `exclusion_threshold` (default 2.0) times the best host's is penalized for `retry_period_ms`
/// (default 10,000); `scale_ms` (default 100) weighs older measurements; the best average is
/// recomputed every `update_rate_ms` (default 100); hosts with fewer than `min_measured`
/// (default 50) measurements are not judged. The values are taken as given, as upstream.
///
/// @param[in] cluster The cluster configuration; NULL is ignored.
/// @param[in] exclusion_threshold How many times slower than the best host a host may be before it is penalized.
/// @param[in] scale_ms How fast older measurements lose weight, in milliseconds.
/// @param[in] retry_period_ms How long a slow host stays penalized, in milliseconds.
/// @param[in] update_rate_ms How often the best average is recomputed, in milliseconds.
/// @param[in] min_measured The number of measurements a host needs before it is judged.
#[no_mangle]
pub extern "C" fn cass_cluster_set_latency_aware_routing_settings(
    cluster: *mut CassCluster,
    exclusion_threshold: f64,
    scale_ms: u64,
    retry_period_ms: u64,
    update_rate_ms: u64,
    min_measured: u64,
) {
    lb::set_latency_settings(cluster, exclusion_threshold, scale_ms, retry_period_ms, update_rate_ms, min_measured);
}

/// Adds hosts (comma-separated addresses, white space trimmed) to the allow list; "" clears it.
/// With a non-empty list only those hosts are used, and no connections are opened to others.
///
/// @param[in] cluster The cluster configuration; NULL is ignored.
/// @param[in] hosts Comma-separated addresses, NUL-terminated and copied; "" or NULL clears the list.
#[no_mangle]
pub extern "C" fn cass_cluster_set_whitelist_filtering(cluster: *mut CassCluster, hosts: *const c_char) {
    cass_cluster_set_whitelist_filtering_n(cluster, hosts, safe_strlen(hosts))
}

/// Same as `cass_cluster_set_whitelist_filtering()`, with the text's length given.
///
/// @param[in] cluster The cluster configuration; NULL is ignored.
/// @param[in] hosts Comma-separated addresses (copied; need not be NUL-terminated).
/// @param[in] hosts_length Length of `hosts` in bytes; 0 clears the list.
#[no_mangle]
pub extern "C" fn cass_cluster_set_whitelist_filtering_n(
    cluster: *mut CassCluster,
    hosts: *const c_char,
    hosts_length: usize,
) {
    lb::update_list(cluster, ListKind::AllowHosts, hosts, hosts_length);
}

/// Adds hosts (comma-separated addresses, white space trimmed) to the deny list; "" clears it.
/// Those hosts are never used and get no connections.
///
/// @param[in] cluster The cluster configuration; NULL is ignored.
/// @param[in] hosts Comma-separated addresses, NUL-terminated and copied; "" or NULL clears the list.
#[no_mangle]
pub extern "C" fn cass_cluster_set_blacklist_filtering(cluster: *mut CassCluster, hosts: *const c_char) {
    cass_cluster_set_blacklist_filtering_n(cluster, hosts, safe_strlen(hosts))
}

/// Same as `cass_cluster_set_blacklist_filtering()`, with the text's length given.
///
/// @param[in] cluster The cluster configuration; NULL is ignored.
/// @param[in] hosts Comma-separated addresses (copied; need not be NUL-terminated).
/// @param[in] hosts_length Length of `hosts` in bytes; 0 clears the list.
#[no_mangle]
pub extern "C" fn cass_cluster_set_blacklist_filtering_n(
    cluster: *mut CassCluster,
    hosts: *const c_char,
    hosts_length: usize,
) {
    lb::update_list(cluster, ListKind::DenyHosts, hosts, hosts_length);
}

/// Adds data centers (comma-separated) to the allow list; "" clears it. With a non-empty list only
/// hosts of those data centers are used.
///
/// @param[in] cluster The cluster configuration; NULL is ignored.
/// @param[in] dcs Comma-separated data center names, NUL-terminated and copied; "" or NULL clears the list.
#[no_mangle]
pub extern "C" fn cass_cluster_set_whitelist_dc_filtering(cluster: *mut CassCluster, dcs: *const c_char) {
    cass_cluster_set_whitelist_dc_filtering_n(cluster, dcs, safe_strlen(dcs))
}

/// Same as `cass_cluster_set_whitelist_dc_filtering()`, with the text's length given.
///
/// @param[in] cluster The cluster configuration; NULL is ignored.
/// @param[in] dcs Comma-separated data center names (copied; need not be NUL-terminated).
/// @param[in] dcs_length Length of `dcs` in bytes; 0 clears the list.
#[no_mangle]
pub extern "C" fn cass_cluster_set_whitelist_dc_filtering_n(
    cluster: *mut CassCluster,
    dcs: *const c_char,
    dcs_length: usize,
) {
    lb::update_list(cluster, ListKind::AllowDcs, dcs, dcs_length);
}

/// Adds data centers (comma-separated) to the deny list; "" clears it. Hosts of those data centers
/// are never used.
///
/// @param[in] cluster The cluster configuration; NULL is ignored.
/// @param[in] dcs Comma-separated data center names, NUL-terminated and copied; "" or NULL clears the list.
#[no_mangle]
pub extern "C" fn cass_cluster_set_blacklist_dc_filtering(cluster: *mut CassCluster, dcs: *const c_char) {
    cass_cluster_set_blacklist_dc_filtering_n(cluster, dcs, safe_strlen(dcs))
}

/// Same as `cass_cluster_set_blacklist_dc_filtering()`, with the text's length given.
///
/// @param[in] cluster The cluster configuration; NULL is ignored.
/// @param[in] dcs Comma-separated data center names (copied; need not be NUL-terminated).
/// @param[in] dcs_length Length of `dcs` in bytes; 0 clears the list.
#[no_mangle]
pub extern "C" fn cass_cluster_set_blacklist_dc_filtering_n(
    cluster: *mut CassCluster,
    dcs: *const c_char,
    dcs_length: usize,
) {
    lb::update_list(cluster, ListKind::DenyDcs, dcs, dcs_length);
}

/// Deprecated: same as `cass_cluster_set_constant_reconnect()`.
///
/// @param[in] cluster The cluster configuration; NULL is ignored.
/// @param[in] wait_time Milliseconds to wait before each reconnection attempt.
#[no_mangle]
pub extern "C" fn cass_cluster_set_reconnect_wait_time(cluster: *mut CassCluster, wait_time: c_uint) {
    cass_cluster_set_constant_reconnect(cluster, wait_time as u64)
}

/// Waits `delay_ms` (0: no wait) before each attempt to reconnect to a host whose connections
/// failed.
///
/// @param[in] cluster The cluster configuration; NULL is ignored.
/// @param[in] delay_ms Milliseconds to wait before each reconnection attempt.
#[no_mangle]
pub extern "C" fn cass_cluster_set_constant_reconnect(cluster: *mut CassCluster, delay_ms: u64) {
    with_void(cluster, |c| c.config.reconnect = ReconnectConfig::Constant { delay_ms })
}

/// Waits exponentially longer between reconnection attempts, from `base_delay_ms` up to
/// `max_delay_ms` (defaults 2000 and 60000), with ±15 % jitter kept within those bounds. Both must
/// be greater than 1 and base not greater than max, else `CASS_ERROR_LIB_BAD_PARAMS`.
///
/// @param[in] cluster The cluster configuration; NULL gives `CASS_ERROR_LIB_BAD_PARAMS`.
/// @param[in] base_delay_ms The first delay in milliseconds, greater than 1.
/// @param[in] max_delay_ms The largest delay in milliseconds, greater than 1 and not less than `base_delay_ms`.
/// @return `CASS_OK`; `CASS_ERROR_LIB_BAD_PARAMS` for a NULL cluster or delays outside those bounds (logged).
#[no_mangle]
pub extern "C" fn cass_cluster_set_exponential_reconnect(
    cluster: *mut CassCluster,
    base_delay_ms: u64,
    max_delay_ms: u64,
) -> CassError {
    with(cluster, CassError::CASS_ERROR_LIB_BAD_PARAMS, |c| {
        if base_delay_ms <= 1 {
            tracing::error!("Base delay must be greater than 1");
            return CassError::CASS_ERROR_LIB_BAD_PARAMS;
        }
        if max_delay_ms <= 1 {
            tracing::error!("Max delay must be greater than 1");
            return CassError::CASS_ERROR_LIB_BAD_PARAMS;
        }
        if max_delay_ms < base_delay_ms {
            tracing::error!("Max delay cannot be less than base delay");
            return CassError::CASS_ERROR_LIB_BAD_PARAMS;
        }
        c.config.reconnect = ReconnectConfig::Exponential { base_ms: base_delay_ms, max_ms: max_delay_ms };
        CassError::CASS_OK
    })
}

/// Sets the generator of the client-side timestamps of requests that set none themselves (default:
/// a monotonic generator per cluster). The cluster keeps its own reference, so the generator may be
/// freed afterwards. NULL is ignored.
///
/// @param[in] cluster The cluster configuration; NULL is ignored.
/// @param[in] timestamp_gen The generator; the caller keeps its reference and may free it. NULL is ignored.
#[no_mangle]
pub extern "C" fn cass_cluster_set_timestamp_gen(cluster: *mut CassCluster, timestamp_gen: *mut CassTimestampGen) {
    with_void(cluster, |c| {
        if let Some(generator) = CassTimestampGen::clone_from_ptr(timestamp_gen) {
            c.config.timestamp_gen = generator;
        }
    })
}

/// Stores a copy of `profile` under `name` (replacing a profile of that name); statements and
/// batches select it with `cass_statement_set_execution_profile()`. Later changes to `profile` do
/// not affect the copy, so `profile` may be freed right away. NULL or empty `name` or NULL
/// `profile` is `CASS_ERROR_LIB_BAD_PARAMS`.
///
/// @param[in] cluster The cluster configuration; NULL gives `CASS_ERROR_LIB_BAD_PARAMS`.
/// @param[in] name The profile's name, NUL-terminated and copied; must not be NULL or "".
/// @param[in] profile The profile to copy; the caller still owns it. Must not be NULL.
/// @return `CASS_OK`; `CASS_ERROR_LIB_BAD_PARAMS` for a NULL cluster or a NULL profile, or a NULL, empty or non-UTF-8
///   name.
#[no_mangle]
pub extern "C" fn cass_cluster_set_execution_profile(
    cluster: *mut CassCluster,
    name: *const c_char,
    profile: *mut CassExecProfile,
) -> CassError {
    cass_cluster_set_execution_profile_n(cluster, name, safe_strlen(name), profile)
}

/// Same as `cass_cluster_set_execution_profile()`, with the name's length given.
///
/// @param[in] cluster The cluster configuration; NULL gives `CASS_ERROR_LIB_BAD_PARAMS`.
/// @param[in] name The profile's name (copied; need not be NUL-terminated).
/// @param[in] name_length Length of `name` in bytes; 0 is refused.
/// @param[in] profile The profile to copy; the caller still owns it. Must not be NULL.
/// @return `CASS_OK`; `CASS_ERROR_LIB_BAD_PARAMS` for a NULL cluster or a NULL profile, or a NULL, empty or non-UTF-8
///   name.
#[no_mangle]
pub extern "C" fn cass_cluster_set_execution_profile_n(
    cluster: *mut CassCluster,
    name: *const c_char,
    name_length: usize,
    profile: *mut CassExecProfile,
) -> CassError {
    with(cluster, CassError::CASS_ERROR_LIB_BAD_PARAMS, |c| {
        let (Ok(name), Some(profile)) = (str_n(name, name_length), CassExecProfile::from_ptr(profile)) else {
            return CassError::CASS_ERROR_LIB_BAD_PARAMS;
        };
        if name.is_empty() {
            return CassError::CASS_ERROR_LIB_BAD_PARAMS;
        }
        c.config.execution_profiles.insert(name.to_string(), profile.clone());
        CassError::CASS_OK
    })
}
