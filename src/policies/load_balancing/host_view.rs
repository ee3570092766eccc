//! `HostView`: what the load balancing policies read of a host, whichever way the crate reports it.

use scylla::cluster::metadata::Peer;
use scylla::cluster::Node;
use std::net::IpAddr;
use uuid::Uuid;

/// What the policies read of a host, from the crate's `Node` or from a topology `Peer`.
pub(crate) struct HostView<'a> {
    pub host_id: Uuid,
    pub ip: IpAddr,
    pub dc: Option<&'a str>,
    pub rack: Option<&'a str>,
}

impl<'a> HostView<'a> {
    pub(crate) fn of_node(node: &'a Node) -> Self {
        HostView {
            host_id: node.host_id,
            ip: node.address.ip(),
            dc: node.datacenter.as_deref(),
            rack: node.rack.as_deref(),
        }
    }

    pub(crate) fn of_peer(peer: &'a Peer) -> Self {
        HostView {
            host_id: peer.host_id,
            ip: peer.address.ip(),
            dc: peer.datacenter.as_deref(),
            rack: peer.rack.as_deref(),
        }
    }
}
