//! The `cass_execution_profile_*` functions. Each answers `CASS_ERROR_LIB_BAD_PARAMS` for a NULL
//! profile (the C++ driver would crash).
#![allow(unreachable_pub)] // the C ABI: reached from C, not from Rust

use super::CassExecProfile;
use crate::error::CassError;
use crate::ffi::strings::safe_strlen;
use crate::ffi::with;
use crate::ffi::{guard, ArcHandle, BoxHandle};
use crate::policies::load_balancing::setters as lb;
use crate::policies::load_balancing::ListKind;
use crate::policies::retry::CassRetryPolicy;
use crate::statement::settings::consistency_setting;
use crate::types::{cass_bool_arg, CassConsistencyArg};
use std::ffi::{c_char, c_int, c_uint};

/// Creates an execution profile with nothing set (everything comes from the cluster). Free it with
/// `cass_execution_profile_free()`; `cass_cluster_set_execution_profile()` stores a copy.
///
/// @return A new profile, owned by the caller (free it with `cass_execution_profile_free()`).
#[no_mangle]
pub extern "C" fn cass_execution_profile_new() -> *mut CassExecProfile {
    guard(|| CassExecProfile::default().into_ptr())
}

/// Frees an execution profile.
///
/// @param[in] profile The profile to free, which must not be used afterwards; NULL is ignored.
#[no_mangle]
pub extern "C" fn cass_execution_profile_free(profile: *mut CassExecProfile) {
    guard(|| CassExecProfile::free(profile))
}

/// Sets the profile's request timeout in milliseconds: 0 for none, `CASS_UINT64_MAX` (the default)
/// for the cluster's.
///
/// @param[in] profile The execution profile; NULL gives `CASS_ERROR_LIB_BAD_PARAMS`.
/// @param[in] timeout_ms The timeout in milliseconds; 0 for none, `CASS_UINT64_MAX` for the cluster's.
/// @return `CASS_OK`; `CASS_ERROR_LIB_BAD_PARAMS` for a NULL profile.
#[no_mangle]
pub extern "C" fn cass_execution_profile_set_request_timeout(
    profile: *mut CassExecProfile,
    timeout_ms: u64,
) -> CassError {
    with(profile, CassError::CASS_ERROR_LIB_BAD_PARAMS, |p| {
        p.request_timeout_ms = timeout_ms;
        CassError::CASS_OK
    })
}

/// Sets the profile's consistency. `CASS_CONSISTENCY_UNKNOWN` (the default) means the driver's
/// default, `LOCAL_ONE`; a value outside the enum is `CASS_ERROR_LIB_BAD_PARAMS`.
///
/// @param[in] profile The execution profile; NULL gives `CASS_ERROR_LIB_BAD_PARAMS`.
/// @param[in] consistency The consistency; `CASS_CONSISTENCY_UNKNOWN` for the default.
/// @return `CASS_OK`; `CASS_ERROR_LIB_BAD_PARAMS` for a NULL profile or a value outside the enum.
#[no_mangle]
pub extern "C" fn cass_execution_profile_set_consistency(
    profile: *mut CassExecProfile,
    consistency: CassConsistencyArg,
) -> CassError {
    with(profile, CassError::CASS_ERROR_LIB_BAD_PARAMS, |p| match consistency_setting(consistency) {
        Ok(c) => {
            p.consistency = c;
            CassError::CASS_OK
        }
        Err(e) => e,
    })
}

/// Sets the profile's serial consistency. `CASS_CONSISTENCY_UNKNOWN` (the default) means the
/// cluster's; a value outside the enum is `CASS_ERROR_LIB_BAD_PARAMS`.
///
/// @param[in] profile The execution profile; NULL gives `CASS_ERROR_LIB_BAD_PARAMS`.
/// @param[in] serial_consistency The serial consistency; `CASS_CONSISTENCY_UNKNOWN` for the cluster's.
/// @return `CASS_OK`; `CASS_ERROR_LIB_BAD_PARAMS` for a NULL profile or a value outside the enum.
#[no_mangle]
pub extern "C" fn cass_execution_profile_set_serial_consistency(
    profile: *mut CassExecProfile,
    serial_consistency: CassConsistencyArg,
) -> CassError {
    with(profile, CassError::CASS_ERROR_LIB_BAD_PARAMS, |p| match consistency_setting(serial_consistency) {
        Ok(c) => {
            p.serial_consistency = c;
            CassError::CASS_OK
        }
        Err(e) => e,
    })
}

/// Gives the profile a round-robin load balancing policy of its own: every host in turn. Without a
/// policy of its own (the default), a profile uses the cluster's.
///
/// @param[in] profile The execution profile; NULL gives `CASS_ERROR_LIB_BAD_PARAMS`.
/// @return `CASS_OK`; `CASS_ERROR_LIB_BAD_PARAMS` for a NULL profile.
#[no_mangle]
pub extern "C" fn cass_execution_profile_set_load_balance_round_robin(profile: *mut CassExecProfile) -> CassError {
    lb::set_round_robin(profile)
}

/// Gives the profile a DC-aware load balancing policy: the hosts of `local_dc` in turn, then (when
/// `used_hosts_per_remote_dc` > 0; deprecated) that many hosts of each other data center, which
/// LOCAL_ONE and LOCAL_QUORUM requests use only if `allow_remote_dcs_for_local_cl`. NULL or empty
/// `local_dc` is `CASS_ERROR_LIB_BAD_PARAMS`.
///
/// @param[in] profile The execution profile; NULL gives `CASS_ERROR_LIB_BAD_PARAMS`.
/// @param[in] local_dc The local data center's name, NUL-terminated and copied; must not be NULL or "".
/// @param[in] used_hosts_per_remote_dc How many hosts of each remote data center to use (0: none).
/// @param[in] allow_remote_dcs_for_local_cl Whether LOCAL_ONE and LOCAL_QUORUM requests may use them.
/// @return `CASS_OK`; `CASS_ERROR_LIB_BAD_PARAMS` for a NULL profile or a NULL, empty or non-UTF-8 `local_dc`.
#[no_mangle]
pub extern "C" fn cass_execution_profile_set_load_balance_dc_aware(
    profile: *mut CassExecProfile,
    local_dc: *const c_char,
    used_hosts_per_remote_dc: c_uint,
    allow_remote_dcs_for_local_cl: cass_bool_arg,
) -> CassError {
    // NULL reads as empty, which is refused.
    lb::set_dc_aware_n(
        profile,
        (local_dc, safe_strlen(local_dc)),
        used_hosts_per_remote_dc,
        allow_remote_dcs_for_local_cl,
    )
}

/// Same as `cass_execution_profile_set_load_balance_dc_aware()`, with the data center's length given.
///
/// @param[in] profile The execution profile; NULL gives `CASS_ERROR_LIB_BAD_PARAMS`.
/// @param[in] local_dc The local data center's name (copied; need not be NUL-terminated).
/// @param[in] local_dc_length Length of `local_dc` in bytes; 0 is refused.
/// @param[in] used_hosts_per_remote_dc How many hosts of each remote data center to use (0: none).
/// @param[in] allow_remote_dcs_for_local_cl Whether LOCAL_ONE and LOCAL_QUORUM requests may use them.
/// @return `CASS_OK`; `CASS_ERROR_LIB_BAD_PARAMS` for a NULL profile or an empty, NULL or non-UTF-8 `local_dc`.
#[no_mangle]
pub extern "C" fn cass_execution_profile_set_load_balance_dc_aware_n(
    profile: *mut CassExecProfile,
    local_dc: *const c_char,
    local_dc_length: usize,
    used_hosts_per_remote_dc: c_uint,
    allow_remote_dcs_for_local_cl: cass_bool_arg,
) -> CassError {
    lb::set_dc_aware_n(profile, (local_dc, local_dc_length), used_hosts_per_remote_dc, allow_remote_dcs_for_local_cl)
}

/// Sets whether the profile's own policy sends requests to a replica of their partition first
/// (default on). Applies only when the profile has a load balancing policy of its own.
///
/// @param[in] profile The execution profile; NULL gives `CASS_ERROR_LIB_BAD_PARAMS`.
/// @param[in] enabled `cass_true` to route to replicas first.
/// @return `CASS_OK`; `CASS_ERROR_LIB_BAD_PARAMS` for a NULL profile.
#[no_mangle]
pub extern "C" fn cass_execution_profile_set_token_aware_routing(
    profile: *mut CassExecProfile,
    enabled: cass_bool_arg,
) -> CassError {
    with(profile, CassError::CASS_ERROR_LIB_BAD_PARAMS, |p| {
        p.token_aware_routing = enabled.get();
        CassError::CASS_OK
    })
}

/// Sets whether token-aware routing picks the replicas in random order per request (default on)
/// or always in the same order. Applies only when the profile has a load balancing policy of its own.
///
/// @param[in] profile The execution profile; NULL gives `CASS_ERROR_LIB_BAD_PARAMS`.
/// @param[in] enabled `cass_true` to shuffle the replicas, `cass_false` to keep their order.
/// @return `CASS_OK`; `CASS_ERROR_LIB_BAD_PARAMS` for a NULL profile.
#[no_mangle]
pub extern "C" fn cass_execution_profile_set_token_aware_routing_shuffle_replicas(
    profile: *mut CassExecProfile,
    enabled: cass_bool_arg,
) -> CassError {
    lb::set_shuffle_replicas(profile, enabled)
}

/// Sets whether the profile's own policy moves hosts answering much slower than the fastest to
/// the end of query plans (default off). Applies only when the profile has a load balancing
/// policy of its own.
///
/// @param[in] profile The execution profile; NULL gives `CASS_ERROR_LIB_BAD_PARAMS`.
/// @param[in] enabled `cass_true` to turn latency-aware routing on.
/// @return `CASS_OK`; `CASS_ERROR_LIB_BAD_PARAMS` for a NULL profile.
#[no_mangle]
pub extern "C" fn cass_execution_profile_set_latency_aware_routing(
    profile: *mut CassExecProfile,
    enabled: cass_bool_arg,
) -> CassError {
    lb::set_latency_aware(profile, enabled)
}

/// Sets the latency-aware routing settings of the profile (see
/// `cass_cluster_set_latency_aware_routing_settings()`; the values are taken as given).
///
/// @param[in] profile The execution profile; NULL gives `CASS_ERROR_LIB_BAD_PARAMS`.
/// @param[in] exclusion_threshold How many times slower than the best host a host may be before it is penalized.
/// @param[in] scale_ms How fast older measurements lose weight, in milliseconds.
/// @param[in] retry_period_ms How long a slow host stays penalized, in milliseconds.
/// @param[in] update_rate_ms How often the best average is recomputed, in milliseconds.
/// @param[in] min_measured The number of measurements a host needs before it is judged.
/// @return `CASS_OK`; `CASS_ERROR_LIB_BAD_PARAMS` for a NULL profile.
#[no_mangle]
pub extern "C" fn cass_execution_profile_set_latency_aware_routing_settings(
    profile: *mut CassExecProfile,
    exclusion_threshold: f64,
    scale_ms: u64,
    retry_period_ms: u64,
    update_rate_ms: u64,
    min_measured: u64,
) -> CassError {
    lb::set_latency_settings(profile, exclusion_threshold, scale_ms, retry_period_ms, update_rate_ms, min_measured)
}

/// Adds hosts (comma-separated addresses) to the profile's allow list; "" clears it. With a
/// non-empty list, the profile's policy uses only those hosts. Applies only when the profile has a
/// load balancing policy of its own.
///
/// @param[in] profile The execution profile; NULL gives `CASS_ERROR_LIB_BAD_PARAMS`.
/// @param[in] hosts Comma-separated addresses, NUL-terminated and copied; "" or NULL clears the list.
/// @return `CASS_OK`; `CASS_ERROR_LIB_BAD_PARAMS` for a NULL profile or text that is not UTF-8 (logged).
#[no_mangle]
pub extern "C" fn cass_execution_profile_set_whitelist_filtering(
    profile: *mut CassExecProfile,
    hosts: *const c_char,
) -> CassError {
    cass_execution_profile_set_whitelist_filtering_n(profile, hosts, safe_strlen(hosts))
}

/// Same as `cass_execution_profile_set_whitelist_filtering()`, with the text's length given.
///
/// @param[in] profile The execution profile; NULL gives `CASS_ERROR_LIB_BAD_PARAMS`.
/// @param[in] hosts Comma-separated addresses (copied; need not be NUL-terminated).
/// @param[in] hosts_length Length of `hosts` in bytes; 0 clears the list.
/// @return `CASS_OK`; `CASS_ERROR_LIB_BAD_PARAMS` for a NULL profile or NULL text with a non-zero length or text that
///   is not UTF-8 (logged).
#[no_mangle]
pub extern "C" fn cass_execution_profile_set_whitelist_filtering_n(
    profile: *mut CassExecProfile,
    hosts: *const c_char,
    hosts_length: usize,
) -> CassError {
    lb::update_list(profile, ListKind::AllowHosts, hosts, hosts_length)
}

/// Adds hosts (comma-separated addresses) to the profile's deny list; "" clears it. The profile's
/// policy never uses those hosts. Applies only when the profile has a load balancing policy of its own.
///
/// @param[in] profile The execution profile; NULL gives `CASS_ERROR_LIB_BAD_PARAMS`.
/// @param[in] hosts Comma-separated addresses, NUL-terminated and copied; "" or NULL clears the list.
/// @return `CASS_OK`; `CASS_ERROR_LIB_BAD_PARAMS` for a NULL profile or text that is not UTF-8 (logged).
#[no_mangle]
pub extern "C" fn cass_execution_profile_set_blacklist_filtering(
    profile: *mut CassExecProfile,
    hosts: *const c_char,
) -> CassError {
    cass_execution_profile_set_blacklist_filtering_n(profile, hosts, safe_strlen(hosts))
}

/// Same as `cass_execution_profile_set_blacklist_filtering()`, with the text's length given.
///
/// @param[in] profile The execution profile; NULL gives `CASS_ERROR_LIB_BAD_PARAMS`.
/// @param[in] hosts Comma-separated addresses (copied; need not be NUL-terminated).
/// @param[in] hosts_length Length of `hosts` in bytes; 0 clears the list.
/// @return `CASS_OK`; `CASS_ERROR_LIB_BAD_PARAMS` for a NULL profile or NULL text with a non-zero length or text that
///   is not UTF-8 (logged).
#[no_mangle]
pub extern "C" fn cass_execution_profile_set_blacklist_filtering_n(
    profile: *mut CassExecProfile,
    hosts: *const c_char,
    hosts_length: usize,
) -> CassError {
    lb::update_list(profile, ListKind::DenyHosts, hosts, hosts_length)
}

/// Adds data centers (comma-separated) to the profile's allow list; "" clears it. With a non-empty
/// list, the profile's policy uses only hosts of those data centers.
///
/// @param[in] profile The execution profile; NULL gives `CASS_ERROR_LIB_BAD_PARAMS`.
/// @param[in] dcs Comma-separated data center names, NUL-terminated and copied; "" or NULL clears the list.
/// @return `CASS_OK`; `CASS_ERROR_LIB_BAD_PARAMS` for a NULL profile or text that is not UTF-8 (logged).
#[no_mangle]
pub extern "C" fn cass_execution_profile_set_whitelist_dc_filtering(
    profile: *mut CassExecProfile,
    dcs: *const c_char,
) -> CassError {
    cass_execution_profile_set_whitelist_dc_filtering_n(profile, dcs, safe_strlen(dcs))
}

/// Same as `cass_execution_profile_set_whitelist_dc_filtering()`, with the text's length given.
///
/// @param[in] profile The execution profile; NULL gives `CASS_ERROR_LIB_BAD_PARAMS`.
/// @param[in] dcs Comma-separated data center names (copied; need not be NUL-terminated).
/// @param[in] dcs_length Length of `dcs` in bytes; 0 clears the list.
/// @return `CASS_OK`; `CASS_ERROR_LIB_BAD_PARAMS` for a NULL profile or NULL text with a non-zero length or text that
///   is not UTF-8 (logged).
#[no_mangle]
pub extern "C" fn cass_execution_profile_set_whitelist_dc_filtering_n(
    profile: *mut CassExecProfile,
    dcs: *const c_char,
    dcs_length: usize,
) -> CassError {
    lb::update_list(profile, ListKind::AllowDcs, dcs, dcs_length)
}

/// Adds data centers (comma-separated) to the profile's deny list; "" clears it. The profile's
/// policy never uses hosts of those data centers.
///
/// @param[in] profile The execution profile; NULL gives `CASS_ERROR_LIB_BAD_PARAMS`.
/// @param[in] dcs Comma-separated data center names, NUL-terminated and copied; "" or NULL clears the list.
/// @return `CASS_OK`; `CASS_ERROR_LIB_BAD_PARAMS` for a NULL profile or text that is not UTF-8 (logged).
#[no_mangle]
pub extern "C" fn cass_execution_profile_set_blacklist_dc_filtering(
    profile: *mut CassExecProfile,
    dcs: *const c_char,
) -> CassError {
    cass_execution_profile_set_blacklist_dc_filtering_n(profile, dcs, safe_strlen(dcs))
}

/// Same as `cass_execution_profile_set_blacklist_dc_filtering()`, with the text's length given.
///
/// @param[in] profile The execution profile; NULL gives `CASS_ERROR_LIB_BAD_PARAMS`.
/// @param[in] dcs Comma-separated data center names (copied; need not be NUL-terminated).
/// @param[in] dcs_length Length of `dcs` in bytes; 0 clears the list.
/// @return `CASS_OK`; `CASS_ERROR_LIB_BAD_PARAMS` for a NULL profile or NULL text with a non-zero length or text that
///   is not UTF-8 (logged).
#[no_mangle]
pub extern "C" fn cass_execution_profile_set_blacklist_dc_filtering_n(
    profile: *mut CassExecProfile,
    dcs: *const c_char,
    dcs_length: usize,
) -> CassError {
    lb::update_list(profile, ListKind::DenyDcs, dcs, dcs_length)
}

/// Sets the profile's retry policy; NULL clears it (the cluster's is used). The profile keeps its
/// own reference. A statement's or batch's own retry policy still wins.
///
/// @param[in] profile The execution profile; NULL gives `CASS_ERROR_LIB_BAD_PARAMS`.
/// @param[in] retry_policy The retry policy; the caller keeps its reference and may free it. NULL clears it.
/// @return `CASS_OK`; `CASS_ERROR_LIB_BAD_PARAMS` for a NULL profile.
#[no_mangle]
pub extern "C" fn cass_execution_profile_set_retry_policy(
    profile: *mut CassExecProfile,
    retry_policy: *mut CassRetryPolicy,
) -> CassError {
    with(profile, CassError::CASS_ERROR_LIB_BAD_PARAMS, |p| {
        p.retry_policy = CassRetryPolicy::clone_from_ptr(retry_policy);
        CassError::CASS_OK
    })
}

/// Runs up to `max_speculative_executions` extra executions of idempotent requests of this profile,
/// one every `constant_delay_ms` while no answer came. Negative values are
/// `CASS_ERROR_LIB_BAD_PARAMS`.
///
/// @param[in] profile The execution profile; NULL gives `CASS_ERROR_LIB_BAD_PARAMS`.
/// @param[in] constant_delay_ms Milliseconds between two executions, 0 or more.
/// @param[in] max_speculative_executions The most extra executions per request, 0 or more.
/// @return `CASS_OK`; `CASS_ERROR_LIB_BAD_PARAMS` for a NULL profile or a negative value.
#[no_mangle]
pub extern "C" fn cass_execution_profile_set_constant_speculative_execution_policy(
    profile: *mut CassExecProfile,
    constant_delay_ms: i64,
    max_speculative_executions: c_int,
) -> CassError {
    with(profile, CassError::CASS_ERROR_LIB_BAD_PARAMS, |p| {
        if constant_delay_ms < 0 || max_speculative_executions < 0 {
            return CassError::CASS_ERROR_LIB_BAD_PARAMS;
        }
        p.speculative = Some(Some((constant_delay_ms as u64, max_speculative_executions as usize)));
        CassError::CASS_OK
    })
}

/// No speculative executions for this profile's requests, whatever the cluster's setting.
///
/// @param[in] profile The execution profile; NULL gives `CASS_ERROR_LIB_BAD_PARAMS`.
/// @return `CASS_OK`; `CASS_ERROR_LIB_BAD_PARAMS` for a NULL profile.
#[no_mangle]
pub extern "C" fn cass_execution_profile_set_no_speculative_execution_policy(
    profile: *mut CassExecProfile,
) -> CassError {
    with(profile, CassError::CASS_ERROR_LIB_BAD_PARAMS, |p| {
        p.speculative = Some(None);
        CassError::CASS_OK
    })
}
