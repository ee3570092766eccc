//! The session's local data center and rack as the C++ driver detects them (those of the contact
//! point the session reached).

use super::host_view::HostView;
use scylla::cluster::ClusterState;
use std::net::IpAddr;
use std::sync::OnceLock;

/// The detected local data center and rack, shared by the policies of one session. Policies with an
/// explicit data center (or rack) do not use it.
#[derive(Debug)]
pub(crate) struct Locality {
    contact_ips: Vec<IpAddr>,
    detected: OnceLock<(Option<String>, Option<String>)>,
}

impl Locality {
    /// `contact_ips`: the addresses of the contact points (host names already resolved).
    pub(crate) fn new(contact_ips: Vec<IpAddr>) -> Self {
        Locality { contact_ips, detected: OnceLock::new() }
    }

    pub(crate) fn dc(&self) -> Option<&str> {
        self.detected.get().and_then(|(dc, _)| dc.as_deref())
    }

    pub(crate) fn rack(&self) -> Option<&str> {
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
