//! Load balancing as the C++ driver composes it: a base policy (round-robin, DC-aware or
//! rack-aware), wrapped by host and data-center allow/deny lists, then by token awareness, then by
//! latency awareness. The configuration (`LoadBalancingConfig`) lives on the cluster and on
//! execution profiles; at connect, each session builds one `ChainPolicy` per configuration
//! (`chain.rs`), so rotation counters and latency averages are per session, as upstream.
//!
//! Why our own `LoadBalancingPolicy` instead of the crate's `DefaultPolicy`: the C API promises a
//! strict rotation over the usable hosts (`DefaultPolicy` shuffles randomly), a base policy of any
//! kind under the token-aware and latency-aware wrappers (`DefaultPolicy` cannot wrap another
//! policy), `used_hosts_per_remote_dc` and `allow_remote_dcs_for_local_cl` (no equivalent), and
//! allow/deny lists per profile. One chain covers all of them with the upstream rules; replicas are
//! still found with the crate's replica locator (vnodes and tablets).
//!
//! Connections follow the C++ driver's rule too: a host that every policy of the session ignores
//! (a denied host, or a remote host a DC-aware policy does not use) gets no connection pool
//! (`SessionHostFilter`, the crate's `HostFilter`).

mod chain;
pub(crate) mod failed_node;
mod host_filter;
mod host_view;
mod latency;
mod locality;
mod pinned;
pub(crate) mod setters;

pub(crate) use chain::ChainPolicy;
pub(crate) use host_filter::SessionHostFilter;
pub(crate) use locality::Locality;
pub(crate) use pinned::PinnedNode;

use crate::error::CassError;
use std::time::Duration;

/// The base policy: which hosts a request may use, in which order.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum BasePolicy {
    /// Every host, in strict rotation (`cass_*_set_load_balance_round_robin`).
    RoundRobin,
    /// The local data center's hosts in rotation, then (deprecated settings) up to
    /// `used_hosts_per_remote_dc` hosts of each other data center. `local_dc` None: the data center
    /// of the contact point the session reached (the default policy).
    DcAware { local_dc: Option<String>, used_hosts_per_remote_dc: usize, allow_remote_dcs_for_local_cl: bool },
    /// The local rack first, then the other racks of the local data center, then (not for
    /// LOCAL_ONE / LOCAL_QUORUM requests) the other data centers.
    RackAware { local_dc: String, local_rack: String },
}

impl Default for BasePolicy {
    /// The C++ driver's default: DC-aware, local data center detected, no remote hosts.
    fn default() -> Self {
        BasePolicy::DcAware { local_dc: None, used_hosts_per_remote_dc: 0, allow_remote_dcs_for_local_cl: false }
    }
}

/// `cass_*_set_latency_aware_routing_settings`, with the C++ driver's defaults.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct LatencySettings {
    pub exclusion_threshold: f64,
    pub scale: Duration,
    pub retry_period: Duration,
    pub update_rate: Duration,
    pub min_measured: u64,
}

impl Default for LatencySettings {
    fn default() -> Self {
        LatencySettings {
            exclusion_threshold: 2.0,
            scale: Duration::from_millis(100),
            retry_period: Duration::from_secs(10),
            update_rate: Duration::from_millis(100),
            min_measured: 50,
        }
    }
}

/// The allow/deny lists (`cass_*_set_{whitelist,blacklist}[_dc]_filtering`): host addresses and
/// data center names.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct HostLists {
    pub allow_hosts: Vec<String>,
    pub deny_hosts: Vec<String>,
    pub allow_dcs: Vec<String>,
    pub deny_dcs: Vec<String>,
}

/// Updates one list as the C++ driver does: an empty text clears it; otherwise the comma-separated
/// items, with white space trimmed and empty items skipped, are appended.
pub(crate) fn update_list(list: &mut Vec<String>, text: &str) {
    if text.is_empty() {
        list.clear();
        return;
    }
    list.extend(text.split(',').map(str::trim).filter(|item| !item.is_empty()).map(str::to_string));
}

/// The load balancing settings of the cluster (its default profile) or of an execution profile.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct LoadBalancingConfig {
    /// None (profiles only, the default there): the profile uses the cluster's whole policy, and
    /// its own lists, token-aware and latency-aware settings do not apply (as upstream).
    pub base: Option<BasePolicy>,
    pub lists: HostLists,
    pub shuffle_replicas: bool,
    pub latency_aware: bool,
    pub latency: LatencySettings,
}

impl Default for LoadBalancingConfig {
    /// An execution profile's settings: no policy of its own.
    fn default() -> Self {
        LoadBalancingConfig {
            base: None,
            lists: HostLists::default(),
            shuffle_replicas: true,
            latency_aware: false,
            latency: LatencySettings::default(),
        }
    }
}

impl LoadBalancingConfig {
    /// The cluster's settings: the default DC-aware policy.
    pub(crate) fn for_cluster() -> Self {
        LoadBalancingConfig { base: Some(BasePolicy::default()), ..Default::default() }
    }

    /// `*_set_load_balance_dc_aware`: an empty data center is `CASS_ERROR_LIB_BAD_PARAMS`.
    pub(crate) fn set_dc_aware(
        &mut self,
        local_dc: &str,
        used_hosts_per_remote_dc: u32,
        allow_remote_dcs_for_local_cl: bool,
    ) -> CassError {
        if local_dc.is_empty() {
            return CassError::CASS_ERROR_LIB_BAD_PARAMS;
        }
        self.base = Some(BasePolicy::DcAware {
            local_dc: Some(local_dc.to_string()),
            used_hosts_per_remote_dc: used_hosts_per_remote_dc as usize,
            allow_remote_dcs_for_local_cl,
        });
        CassError::CASS_OK
    }

    /// `*_set_load_balance_rack_aware`: an empty data center or rack is `CASS_ERROR_LIB_BAD_PARAMS`.
    pub(crate) fn set_rack_aware(&mut self, local_dc: &str, local_rack: &str) -> CassError {
        if local_dc.is_empty() || local_rack.is_empty() {
            return CassError::CASS_ERROR_LIB_BAD_PARAMS;
        }
        self.base = Some(BasePolicy::RackAware { local_dc: local_dc.to_string(), local_rack: local_rack.to_string() });
        CassError::CASS_OK
    }

    /// `*_set_latency_aware_routing_settings` (times in milliseconds), taken as given, as upstream.
    pub(crate) fn set_latency_settings(
        &mut self,
        exclusion_threshold: f64,
        scale_ms: u64,
        retry_period_ms: u64,
        update_rate_ms: u64,
        min_measured: u64,
    ) {
        self.latency = LatencySettings {
            exclusion_threshold,
            scale: Duration::from_millis(scale_ms),
            retry_period: Duration::from_millis(retry_period_ms),
            update_rate: Duration::from_millis(update_rate_ms),
            min_measured,
        };
    }
}

/// Which allow/deny list a `*_filtering` function updates.
#[derive(Clone, Copy, Debug)]
pub(crate) enum ListKind {
    AllowHosts,
    DenyHosts,
    AllowDcs,
    DenyDcs,
}

impl HostLists {
    /// Whether no host or data center is allowed or denied by name.
    pub(crate) fn is_empty(&self) -> bool {
        self.allow_hosts.is_empty()
            && self.deny_hosts.is_empty()
            && self.allow_dcs.is_empty()
            && self.deny_dcs.is_empty()
    }

    pub(crate) fn update(&mut self, kind: ListKind, text: &str) {
        let list = match kind {
            ListKind::AllowHosts => &mut self.allow_hosts,
            ListKind::DenyHosts => &mut self.deny_hosts,
            ListKind::AllowDcs => &mut self.allow_dcs,
            ListKind::DenyDcs => &mut self.deny_dcs,
        };
        update_list(list, text);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_append_trim_and_clear() {
        let mut list = Vec::new();
        update_list(&mut list, " 127.0.0.1 ,, 127.0.0.2");
        update_list(&mut list, "127.0.0.3");
        assert_eq!(list, ["127.0.0.1", "127.0.0.2", "127.0.0.3"]);
        update_list(&mut list, " ");
        assert_eq!(list.len(), 3);
        update_list(&mut list, "");
        assert!(list.is_empty());
    }
}
