//! Connecting around contact points that accept a TCP connection and then never answer (a frozen
//! server process: the kernel completes the handshake from its backlog).
//!
//! The crate bounds only the TCP connect by the connect timeout, then waits for the node's answer
//! to OPTIONS and STARTUP without a limit, and tries its (shuffled) contact points one after the
//! other: such a contact point, when tried first, holds its whole connect. The C++ driver bounds
//! each connection's setup by the connect timeout and goes on with the next contact point.
//!
//! [`connect`] starts the crate's connect at once. If it is still running after [`PROBE_DELAY`],
//! every contact point given by address is asked for OPTIONS over plain TCP; those that accept but
//! do not answer within the connect timeout are silent, and a second connect starts without them.
//! The first of the two connects to succeed is the session. Clusters with TLS are not probed (a
//! plain frame on a TLS port is a failed handshake in the server's log); neither are contact
//! points given by host name.

use scylla::client::session::{Session, SessionConfig};
use scylla::cluster::KnownNode;
use scylla::errors::NewSessionError;
use std::future::Future;
use std::net::SocketAddr;
use std::pin::Pin;
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// How long a connect runs before the contact points are probed: most connects are done by then,
/// and send no probe.
const PROBE_DELAY: Duration = Duration::from_millis(200);

/// An OPTIONS request: protocol v4, no flags, stream 0, opcode 0x05, empty body.
const OPTIONS: [u8; 9] = [0x04, 0, 0, 0, 0x05, 0, 0, 0, 0];

type Connecting = Pin<Box<dyn Future<Output = Result<Session, NewSessionError>> + Send>>;

/// Connects with `config`, and also without the contact points found silent (see the module
/// doc) when `probe` and that connect is still running then. Each connection's setup is bounded
/// by `timeout`.
pub(super) async fn connect(config: SessionConfig, probe: bool, timeout: Duration) -> Result<Session, NewSessionError> {
    let addresses: Vec<SocketAddr> = config
        .known_nodes
        .iter()
        .filter_map(|node| match node {
            KnownNode::Address(address) => Some(*address),
            _ => None,
        })
        .collect();
    let mut first: Connecting = Box::pin(Session::connect(config.clone()));
    if !probe || addresses.is_empty() {
        return first.await;
    }
    let silent = async {
        tokio::time::sleep(PROBE_DELAY).await;
        let answers = futures::future::join_all(addresses.iter().map(|&address| is_silent(address, timeout))).await;
        addresses.iter().zip(answers).filter(|(_, silent)| *silent).map(|(address, _)| *address).collect::<Vec<_>>()
    };
    let silent = tokio::select! {
        connected = &mut first => return connected,
        silent = silent => silent,
    };
    let mut without = config;
    without.known_nodes.retain(|node| !matches!(node, KnownNode::Address(address) if silent.contains(address)));
    if silent.is_empty() || without.known_nodes.is_empty() {
        return first.await;
    }
    tracing::warn!(
        "contact point(s) {silent:?} accepted a connection but did not answer within {timeout:?}; connecting without them"
    );
    let second: Connecting = Box::pin(Session::connect(without));
    match futures::future::select_ok([first, second]).await {
        Ok((session, _other)) => Ok(session),
        Err(e) => Err(e),
    }
}

/// Whether `address` accepts a TCP connection and then answers nothing to OPTIONS within
/// `timeout`: neither a frame, nor a close. Refused or unreachable addresses are not silent (the
/// crate's own connect timeout covers them).
async fn is_silent(address: SocketAddr, timeout: Duration) -> bool {
    let started = tokio::time::Instant::now();
    let mut stream = match tokio::time::timeout(timeout, TcpStream::connect(address)).await {
        Ok(Ok(stream)) => stream,
        _ => return false,
    };
    if stream.write_all(&OPTIONS).await.is_err() {
        return false;
    }
    let mut byte = [0u8; 1];
    let left = timeout.saturating_sub(started.elapsed());
    tokio::time::timeout(left, stream.read(&mut byte)).await.is_err()
}
