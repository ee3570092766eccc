//! `SessionHostFilter`: keeps connections away from the hosts no load balancing policy of the session
//! uses.

use super::chain::{ChainPolicy, Distance};
use super::host_view::HostView;
use super::locality::Locality;
use scylla::cluster::metadata::Peer;
use scylla::policies::host_filter::HostFilter;
use std::sync::Arc;

/// Accepts a host unless every policy of the session ignores it (no connections are opened to
/// an ignored host), as the C++ driver's connection pools do.
pub(crate) struct SessionHostFilter {
    chains: Vec<Arc<ChainPolicy>>,
    locality: Arc<Locality>,
}

impl SessionHostFilter {
    /// The filter for these policies, or None when one of them uses every host (nothing to filter).
    pub(crate) fn for_policies(chains: Vec<Arc<ChainPolicy>>, locality: Arc<Locality>) -> Option<Self> {
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
