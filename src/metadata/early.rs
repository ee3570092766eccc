//! The first schema snapshot of a session, read on a plain connection of our own (`super::direct`)
//! while the `scylla` crate sets up its control connection and pools, so that the snapshot is in
//! hand about when the connect future completes (the C++ driver reads it before its pools open).
//! `SchemaHolder::load_first` takes it over once the session is connected, and reads through the
//! session instead when there is no early read or it failed.

use super::{direct, loader, CassSchemaMeta, Scope};
use std::net::SocketAddr;
use std::time::Duration;

/// The first snapshot, being read on a connection of our own while the session connects
/// ([`EarlyFirstRead::start`]); handed to [`super::SchemaHolder::load_first`]. Dropping it stops the read.
pub(crate) struct EarlyFirstRead {
    read: tokio::task::JoinHandle<Result<CassSchemaMeta, String>>,
    started: std::time::Instant,
}

impl Drop for EarlyFirstRead {
    fn drop(&mut self) {
        self.read.abort();
    }
}

/// How long the early read may still take once the session is connected, at least (see
/// `EarlyFirstRead::finish`).
const EARLY_READ_GRACE: Duration = Duration::from_millis(500);

impl EarlyFirstRead {
    /// Starts reading the first snapshot from the first contact point that answers, on a plain
    /// connection of our own (see `direct`), when the cluster needs nothing that connection
    /// lacks: no TLS, no authenticator but user name and password, no bound local address, no
    /// host or data-center lists.
    /// Must be called on the session's runtime. None when the cluster does not qualify.
    pub(crate) fn start(config: &crate::cluster::ClusterConfig) -> Option<Self> {
        let plain = config.ssl.is_none()
            && config.authenticator.is_none()
            && config.cloud_bundle.is_none()
            && config.local_address.is_none()
            && config.local_port_range.is_none()
            && config.load_balancing.lists.is_empty();
        if !plain || config.contact_points.is_empty() {
            return None;
        }
        let scope = Scope::of(config.use_schema, config.token_aware_routing);
        let (hosts, port, credentials) = (config.contact_points.clone(), config.port, config.credentials.clone());
        let connect_timeout = Duration::from_millis(config.connect_timeout_ms.max(1) as u64);
        let request_timeout = Duration::from_millis(config.request_timeout_ms.max(1) as u64);
        let started = std::time::Instant::now();
        let read = tokio::spawn(async move {
            let mut addresses = Vec::with_capacity(hosts.len());
            for host in &hosts {
                match host.parse::<std::net::IpAddr>() {
                    Ok(ip) => addresses.push(SocketAddr::new(ip, port)),
                    Err(_) => {
                        match tokio::time::timeout(connect_timeout, tokio::net::lookup_host((host.as_str(), port)))
                            .await
                        {
                            Ok(Ok(found)) => addresses.extend(found),
                            _ => continue,
                        }
                    }
                }
            }
            let connection =
                direct::DirectConnection::open(&addresses, credentials.as_ref(), connect_timeout, request_timeout)
                    .await?;
            let started = std::time::Instant::now();
            let snapshot = loader::load_first(&loader::Source::Direct(&connection), scope).await?;
            tracing::debug!("first schema snapshot read on a connection of our own in {:?}", started.elapsed());
            Ok(snapshot)
        });
        Some(EarlyFirstRead { read, started })
    }

    /// The snapshot, or why it could not be read. Called once the session is connected: the read
    /// gets as long again as it has had (at least [`EARLY_READ_GRACE`]), so that a contact point
    /// that accepted the connection but does not answer (the session connected through another)
    /// delays the snapshot by that much, not by the connect and request timeouts.
    pub(super) async fn finish(mut self) -> Result<CassSchemaMeta, String> {
        let grace = self.started.elapsed().max(EARLY_READ_GRACE);
        match tokio::time::timeout(grace, &mut self.read).await {
            Ok(Ok(read)) => read,
            Ok(Err(e)) => Err(e.to_string()),
            Err(_) => Err(format!("no snapshot {grace:?} after the session connected")),
        }
    }
}
