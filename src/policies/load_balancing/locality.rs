//! The session's local data center and rack as the C++ driver detects them (those of the contact
//! point the session reached), and the host filter that keeps connections away from hosts no
//! policy of the session uses.

use super::chain::{ChainPolicy, Distance, HostView};
use scylla::cluster::metadata::Peer;
use scylla::cluster::ClusterState;
use scylla::policies::host_filter::HostFilter;
use std::net::IpAddr;
use std::sync::{Arc, OnceLock};

/// The detected local data center and rack, shared by the policies of one session. Policies with an
/// explicit data center (or rack) do not use it.
#[derive(Debug)]
pub struct Locality {
    contact_ips: Vec<IpAddr>,
    detected: OnceLock<(Option<String>, Option<String>)>,
}

impl Locality {
    /// `contact_ips`: the addresses of the contact points (host names already resolved).
    pub fn new(contact_ips: Vec<IpAddr>) -> Self {
        Locality { contact_ips, detected: OnceLock::new() }
    }

    pub fn dc(&self) -> Option<&str> {
        self.detected.get().and_then(|(dc, _)| dc.as_deref())
    }

    pub fn rack(&self) -> Option<&str> {
        self.detected.get().and_then(|(_, rack)| rack.as_deref())
    }

    fn is_known(&self) -> bool {
        self.detected.get().is_some()
    }

    fn set(&self, dc: &str, rack: Option<&str>) {
        if self.detected.set((Some(dc.to_string()), rack.map(str::to_string))).is_ok() {
            tracing::info!(
                "Using '{dc}' for the local data center and '{}' for the local rack (if this is incorrect, please \
                 provide the correct data center)",
                rack.unwrap_or("")
            );
        }
    }

    /// Takes the data center and rack of `host` when it is a contact point.
    pub(super) fn observe(&self, host: &HostView<'_>) {
        if !self.is_known() && self.contact_ips.contains(&host.ip) {
            if let Some(dc) = host.dc {
                self.set(dc, host.rack);
            }
        }
    }

    /// Detects the locality from the cluster's nodes when no host filter saw it first: a contact
    /// point's node, else (as the C++ DC-aware policy does with the first host it learns) any node
    /// with a data center.
    pub(super) fn ensure(&self, cluster: &ClusterState) {
        if self.is_known() {
            return;
        }
        let nodes = cluster.get_nodes_info();
        for node in nodes {
            self.observe(&HostView::of_node(node));
        }
        if !self.is_known() {
            if let Some(node) = nodes.iter().find(|node| node.datacenter.is_some()) {
                self.set(node.datacenter.as_deref().unwrap_or_default(), node.rack.as_deref());
            }
        }
    }
}

/// Accepts a host unless every policy of the session ignores it (no connections are opened to
/// an ignored host), as the C++ driver's connection pools do.
pub struct SessionHostFilter {
    chains: Vec<Arc<ChainPolicy>>,
    locality: Arc<Locality>,
}

impl SessionHostFilter {
    /// The filter for these policies, or None when one of them uses every host (nothing to filter).
    pub fn for_policies(chains: Vec<Arc<ChainPolicy>>, locality: Arc<Locality>) -> Option<Self> {
        if chains.is_empty() || chains.iter().any(|chain| !chain.may_ignore_hosts()) {
            return None;
        }
        Some(SessionHostFilter { chains, locality })
    }
}

impl HostFilter for SessionHostFilter {
    fn accept(&self, peer: &Peer) -> bool {
        let host = HostView::of_peer(peer);
        self.locality.observe(&host);
        let accepted = self.chains.iter().any(|chain| chain.distance(&host) != Distance::Ignore);
        if !accepted {
            tracing::debug!("no load balancing policy uses host {}: no connections to it", host.ip);
        }
        accepted
    }
}
