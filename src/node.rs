//! `CassNode`: a node of the cluster, as reported for the coordinator of a request.

use crate::ffi::{Borrowed, Handle};
use std::net::SocketAddr;

/// A node, borrowed from the result (or future) that reported it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct CassNode {
    pub address: SocketAddr,
}

impl Handle for CassNode {
    type Ownership = Borrowed;
}
