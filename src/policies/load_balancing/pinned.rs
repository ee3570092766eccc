//! `PinnedNode`: the policy of a statement pinned to one node (`cass_statement_set_host*`,
//! `cass_statement_set_node`). The crate's single-target policy chooses the node; this wrapper
//! also records a failed attempt's node, as the session's own policies do, for
//! `cass_future_coordinator` (`failed_node`).

use scylla::cluster::{ClusterState, NodeRef};
use scylla::errors::RequestAttemptError;
use scylla::policies::load_balancing::{
    FallbackPlan, LoadBalancingPolicy, NodeIdentifier, RoutingInfo, SingleTargetLoadBalancingPolicy,
};
use scylla::routing::Shard;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

/// Owns the crate's single-target policy for one statement's settings.
#[derive(Debug)]
pub(crate) struct PinnedNode {
    target: Arc<dyn LoadBalancingPolicy>,
}

impl PinnedNode {
    /// A policy that sends every request to the node at `address`.
    pub(crate) fn policy(address: SocketAddr) -> Arc<dyn LoadBalancingPolicy> {
        Arc::new(PinnedNode {
            target: SingleTargetLoadBalancingPolicy::new(NodeIdentifier::NodeAddress(address), None),
        })
    }
}

impl LoadBalancingPolicy for PinnedNode {
    fn pick<'a>(&'a self, info: &'a RoutingInfo, cluster: &'a ClusterState) -> Option<(NodeRef<'a>, Option<Shard>)> {
        self.target.pick(info, cluster)
    }

    fn fallback<'a>(&'a self, info: &'a RoutingInfo, cluster: &'a ClusterState) -> FallbackPlan<'a> {
        self.target.fallback(info, cluster)
    }

    fn on_request_failure(
        &self,
        _info: &RoutingInfo,
        _latency: Duration,
        node: NodeRef<'_>,
        _error: &RequestAttemptError,
    ) {
        super::failed_node::record(SocketAddr::new(node.address.ip(), node.address.port()));
    }

    fn name(&self) -> String {
        self.target.name()
    }
}
