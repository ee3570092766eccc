//! The load balancing setters clusters and execution profiles share
//! (`cass_cluster_set_load_balance_*` and `cass_execution_profile_set_load_balance_*`, the latency-
//! aware and filtering ones): each is written once here, generic over the handle, and the exports
//! of a pair are one-line calls into it (the cluster's return nothing, as upstream).

use super::{BasePolicy, ListKind, LoadBalancingConfig};
use crate::error::CassError;
use crate::ffi::strings::str_n;
use crate::ffi::{with, BoxHandle};
use crate::types::cass_bool_arg;
use std::ffi::{c_char, c_uint};

/// A cluster or an execution profile: a handle C holds as a Box that carries load balancing.
pub(crate) trait WithLoadBalancing: BoxHandle {
    fn load_balancing_mut(&mut self) -> &mut LoadBalancingConfig;
}

/// Runs `change` on the load balancing of the handle behind `handle`; NULL:
/// `CASS_ERROR_LIB_BAD_PARAMS`.
fn with_load_balancing<H: WithLoadBalancing>(
    handle: *mut H,
    change: impl FnOnce(&mut LoadBalancingConfig) -> CassError,
) -> CassError {
    with(handle, CassError::CASS_ERROR_LIB_BAD_PARAMS, |handle| change(handle.load_balancing_mut()))
}

pub(crate) fn set_round_robin<H: WithLoadBalancing>(handle: *mut H) -> CassError {
    with_load_balancing(handle, |lb| {
        lb.base = Some(BasePolicy::RoundRobin);
        CassError::CASS_OK
    })
}

pub(crate) fn set_dc_aware_n<H: WithLoadBalancing>(
    handle: *mut H,
    (local_dc, local_dc_length): (*const c_char, usize),
    used_hosts_per_remote_dc: c_uint,
    allow_remote_dcs_for_local_cl: cass_bool_arg,
) -> CassError {
    with_load_balancing(handle, |lb| match str_n(local_dc, local_dc_length) {
        Ok(dc) => lb.set_dc_aware(dc, used_hosts_per_remote_dc, allow_remote_dcs_for_local_cl.get()),
        Err(e) => e.into(),
    })
}

pub(crate) fn set_shuffle_replicas<H: WithLoadBalancing>(handle: *mut H, enabled: cass_bool_arg) -> CassError {
    with_load_balancing(handle, |lb| {
        lb.shuffle_replicas = enabled.get();
        CassError::CASS_OK
    })
}

pub(crate) fn set_latency_aware<H: WithLoadBalancing>(handle: *mut H, enabled: cass_bool_arg) -> CassError {
    with_load_balancing(handle, |lb| {
        lb.latency_aware = enabled.get();
        CassError::CASS_OK
    })
}

/// The latency-aware settings, taken as given.
pub(crate) fn set_latency_settings<H: WithLoadBalancing>(
    handle: *mut H,
    exclusion_threshold: f64,
    scale_ms: u64,
    retry_period_ms: u64,
    update_rate_ms: u64,
    min_measured: u64,
) -> CassError {
    with_load_balancing(handle, |lb| {
        lb.set_latency_settings(exclusion_threshold, scale_ms, retry_period_ms, update_rate_ms, min_measured);
        CassError::CASS_OK
    })
}

/// Replaces one of the host or data center lists with the comma-separated `text` ("" clears it);
/// text that is not UTF-8 is refused (`CASS_ERROR_LIB_BAD_PARAMS`, logged).
pub(crate) fn update_list<H: WithLoadBalancing>(
    handle: *mut H,
    kind: ListKind,
    text: *const c_char,
    length: usize,
) -> CassError {
    with_load_balancing(handle, |lb| match str_n(text, length) {
        Ok(text) => {
            lb.lists.update(kind, text);
            CassError::CASS_OK
        }
        Err(e) => {
            tracing::error!("host or data center list is not valid UTF-8: ignored");
            e.into()
        }
    })
}
