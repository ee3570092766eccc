//! `CassNode`: a node of the cluster, as reported for the coordinator of a request.

use crate::ffi::RefHandle;
use std::net::SocketAddr;

/// A node, borrowed from the result (or future) that reported it.
#[derive(Debug, Clone, Copy)]
pub struct CassNode {
    pub address: SocketAddr,
}

impl RefHandle for CassNode {}
