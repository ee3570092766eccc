//! Translation of a `ClusterConfig` into the crate's `SessionConfig` at connect time.

use super::{consistency, failure, serial_consistency};
use crate::cluster::ClusterConfig;
use crate::error::CassError;
use crate::future::Outcome;
use crate::policies::load_balancing::{ChainPolicy, LoadBalancingConfig, Locality, SessionHostFilter};
use crate::policies::retry::CassRetryPolicy;
use crate::types::CassConsistency;
use crate::types::CassUuid;
use scylla::client::execution_profile::{ExecutionProfile, ExecutionProfileHandle};
use scylla::client::session::SessionConfig;
use scylla::cluster::KnownNode;
use scylla::policies::load_balancing::LoadBalancingPolicy;
use scylla::policies::speculative_execution::{SimpleSpeculativeExecutionPolicy, SpeculativeExecutionPolicy};
use scylla::statement::Consistency;
use std::collections::HashMap;
use std::net::{IpAddr, ToSocketAddrs};
use std::sync::Arc;
use std::time::Duration;

/// The named execution profiles of a session, and its default load balancing policy.
pub(super) struct Profiles {
    named: HashMap<String, Profile>,
    default_policy: Arc<ChainPolicy>,
    /// Whether the default profile's retry policy moves an Unavailable answer to the next host.
    default_moves_unavailable: bool,
    /// The cluster's serial consistency as set (the crate's profiles keep only serial levels).
    default_serial: CassConsistency,
}

/// A named execution profile, as the crate runs it.
pub(super) struct Profile {
    pub(super) handle: ExecutionProfileHandle,
    /// Whether its retry policy moves an Unavailable answer to the next host.
    pub(super) moves_unavailable: bool,
    /// Its serial consistency as set (or the cluster's).
    pub(super) serial: CassConsistency,
}

/// Whether `policy` (None: the crate's default policy) moves an Unavailable answer on.
fn moves_unavailable(policy: Option<&Arc<CassRetryPolicy>>) -> bool {
    policy.is_none_or(|p| p.moves_unavailable)
}

impl Profiles {
    pub(super) fn get(&self, name: &str) -> Option<&Profile> {
        self.named.get(name)
    }

    pub(super) fn default_moves_unavailable(&self) -> bool {
        self.default_moves_unavailable
    }

    pub(super) fn default_serial(&self) -> CassConsistency {
        self.default_serial
    }

    /// Whether the connected session's default policy selects any host: the C++ driver fails the
    /// connect when it selects none (a misspelled local data center, say).
    pub(super) fn default_policy_has_hosts(&self, session: &scylla::client::session::Session) -> bool {
        self.default_policy.selects_any_host(&session.get_cluster_state())
    }

    pub(super) fn no_hosts_failure(&self) -> Outcome {
        let message = self.default_policy.no_hosts_message();
        tracing::error!("{message}");
        failure(CassError::CASS_ERROR_LIB_NO_HOSTS_AVAILABLE, message)
    }
}

fn speculative_policy(setting: Option<(u64, usize)>) -> Option<Arc<dyn SpeculativeExecutionPolicy>> {
    setting.map(|(delay_ms, max)| {
        Arc::new(SimpleSpeculativeExecutionPolicy {
            max_retry_count: max,
            retry_interval: Duration::from_millis(delay_ms),
        }) as Arc<dyn SpeculativeExecutionPolicy>
    })
}

/// The contact points' addresses, for detecting the local data center. Host names are resolved
/// only when a policy detects its data center (the default one does).
fn contact_ips(config: &ClusterConfig, needed: bool) -> Vec<IpAddr> {
    let mut ips = Vec::new();
    for host in &config.contact_points {
        match host.parse::<IpAddr>() {
            Ok(ip) => ips.push(ip),
            Err(_) if needed => match (host.as_str(), config.port).to_socket_addrs() {
                Ok(addrs) => ips.extend(addrs.map(|addr| addr.ip())),
                Err(e) => tracing::debug!("contact point {host} did not resolve: {e}"),
            },
            Err(_) => {}
        }
    }
    ips
}

/// Whether a policy of the cluster or of a profile takes its data center from the contact points.
fn detects_locality(config: &ClusterConfig) -> bool {
    use crate::policies::load_balancing::BasePolicy;
    std::iter::once(&config.load_balancing)
        .chain(config.execution_profiles.values().map(|p| &p.load_balancing))
        .any(|lb| matches!(lb.base, Some(BasePolicy::DcAware { local_dc: None, .. })))
}

/// The crate's session configuration and the named execution profiles.
pub(super) fn build_session_config(
    config: &ClusterConfig,
    keyspace: Option<String>,
    client_id: CassUuid,
) -> Result<(SessionConfig, Profiles), Outcome> {
    if config.cloud_bundle.is_some() {
        return Err(failure(CassError::CASS_ERROR_LIB_UNABLE_TO_CONNECT, crate::cluster::cloud::NOT_SUPPORTED));
    }
    if config.no_compact {
        tracing::warn!("NO_COMPACT is not sent (no custom startup options): compact tables of Cassandra 3.x keep their compact view");
    }
    if config.contact_points.is_empty() {
        return Err(failure(CassError::CASS_ERROR_LIB_NO_HOSTS_AVAILABLE, "No contact points provided"));
    }
    let mut sc = SessionConfig::new();
    sc.known_nodes = config
        .contact_points
        .iter()
        .map(|host| match host.parse::<std::net::IpAddr>() {
            Ok(ip) => KnownNode::Address(std::net::SocketAddr::new(ip, config.port)),
            Err(_) => KnownNode::Hostname(format!("{host}:{}", config.port)),
        })
        .collect();
    sc.connect_timeout = Duration::from_millis(config.connect_timeout_ms as u64);
    sc.hostname_resolution_timeout = Some(Duration::from_millis(config.resolve_timeout_ms as u64));
    if let Some(authenticator) = &config.authenticator {
        sc.authenticator = Some(authenticator.0.clone());
    } else if let Some((user, pass)) = &config.credentials {
        sc.authenticator =
            Some(Arc::new(scylla::authentication::PlainTextAuthenticator::new(user.clone(), pass.clone())));
    }
    let request_timeout = match config.request_timeout_ms {
        0 => None,
        ms => Some(Duration::from_millis(ms as u64)),
    };
    let connections = config.connections_per_host();
    sc.connection_pool_size = scylla::client::PoolSize::PerHost(
        std::num::NonZeroUsize::new(connections).unwrap_or(std::num::NonZeroUsize::MIN),
    );
    // The crate reads keyspaces (replication, for token-aware routing) only when routing needs
    // them; tables, columns and types it never needs: schema metadata for C comes from our own
    // reader (`crate::metadata`). So a column type the crate cannot parse breaks nothing.
    sc.fetch_schema_metadata = config.use_schema || config.token_aware_routing;
    sc.fetch_full_schema_metadata = false;
    let locality = Arc::new(Locality::new(contact_ips(config, detects_locality(config))));
    let default_chain = ChainPolicy::build(&config.load_balancing, config.token_aware_routing, &locality)
        .or_else(|| ChainPolicy::build(&LoadBalancingConfig::for_cluster(), config.token_aware_routing, &locality))
        .ok_or_else(|| failure(CassError::CASS_ERROR_LIB_INTERNAL_ERROR, "no load balancing policy"))?;
    let mut chains = vec![default_chain.clone()];
    let policy: Arc<dyn LoadBalancingPolicy> = default_chain.clone();
    sc.keepalive_interval =
        (config.heartbeat_interval_secs > 0).then(|| Duration::from_secs(config.heartbeat_interval_secs as u64));
    sc.keepalive_timeout = (config.heartbeat_interval_secs > 0 && config.idle_timeout_secs > 0)
        .then(|| Duration::from_secs(config.idle_timeout_secs as u64));
    sc.tcp_nodelay = config.tcp_nodelay;
    // Write coalescing: under a millisecond the crate yields once to let more requests join the
    // write (1-300 µs, close to upstream's 200 µs default); from a millisecond it waits that
    // long; 0 writes each batch at once.
    sc.enable_write_coalescing = config.coalesce_delay_us > 0;
    if let Some(ms) = std::num::NonZeroU64::new(config.coalesce_delay_us / 1000) {
        sc.write_coalescing_delay = scylla::client::WriteCoalescingDelay::Milliseconds(ms);
    }
    sc.tcp_keepalive_interval = config.tcp_keepalive_secs.map(|s| Duration::from_secs(s as u64));
    sc.schema_agreement_timeout = Duration::from_millis(config.max_schema_wait_ms as u64);
    // A DDL's future completes once the nodes agree on the schema and our snapshot shows the
    // change: `SchemaHolder::follow` does both at once (the crate would wait for agreement, then
    // re-read its whole metadata, then we would re-read ours, one after the other). The crate's
    // metadata worker still re-reads a changed keyspace when the server's SCHEMA_CHANGE event
    // arrives, as the C++ driver does.
    sc.schema_agreement_automatic_waiting = false;
    sc.refresh_metadata_on_auto_schema_agreement = false;
    sc.local_ip_address = config.local_address;
    if let Some((lo, hi)) = config.local_port_range {
        if let Ok(range) = scylla::routing::ShardAwarePortRange::new(lo..=hi) {
            sc.shard_aware_local_port_range = range;
        }
    }
    let mut profile = ExecutionProfile::builder()
        .load_balancing_policy(policy.clone())
        .speculative_execution_policy(speculative_policy(config.speculative));
    if let Some(retry) = &config.retry_policy {
        profile = profile.retry_policy(retry.policy.clone());
    }
    let profile = profile
        .consistency(consistency(config.consistency).unwrap_or(Consistency::LocalOne))
        .serial_consistency(serial_consistency(config.serial_consistency))
        .request_timeout(request_timeout)
        .build();
    sc.default_execution_profile_handle = profile.into_handle();
    // Named profiles: what they leave unset comes from the cluster, except the consistency (the
    // driver's default, as upstream; see `crate::execution_profile`).
    let mut profiles = Profiles {
        named: HashMap::new(),
        default_policy: default_chain,
        default_moves_unavailable: moves_unavailable(config.retry_policy.as_ref()),
        default_serial: config.serial_consistency,
    };
    for (name, p) in &config.execution_profiles {
        let lb: Arc<dyn LoadBalancingPolicy> =
            match ChainPolicy::build(&p.load_balancing, p.token_aware_routing, &locality) {
                Some(chain) => {
                    chains.push(chain.clone());
                    chain
                }
                None => policy.clone(),
            };
        let timeout = match p.request_timeout_ms {
            u64::MAX => request_timeout,
            0 => None,
            ms => Some(Duration::from_millis(ms)),
        };
        let mut builder = ExecutionProfile::builder()
            .load_balancing_policy(lb)
            .consistency(p.consistency.and_then(consistency).unwrap_or(Consistency::LocalOne))
            .serial_consistency(serial_consistency(p.serial_consistency.unwrap_or(config.serial_consistency)))
            .request_timeout(timeout)
            .speculative_execution_policy(speculative_policy(p.speculative.unwrap_or(config.speculative)));
        let retry = p.retry_policy.as_ref().or(config.retry_policy.as_ref());
        if let Some(retry) = retry {
            builder = builder.retry_policy(retry.policy.clone());
        }
        let profile = Profile {
            handle: builder.build().into_handle(),
            moves_unavailable: moves_unavailable(retry),
            serial: p.serial_consistency.unwrap_or(config.serial_consistency),
        };
        profiles.named.insert(name.clone(), profile);
    }
    if let Some(filter) = SessionHostFilter::for_policies(chains, locality) {
        sc.host_filter = Some(Arc::new(filter));
    }
    sc.reconnect_policy = config.reconnect.policy();
    sc.timestamp_generator = config.timestamp_gen.generator();
    if let Some(ks) = keyspace {
        let case_sensitive = ks.starts_with('"') && ks.ends_with('"') && ks.len() >= 2;
        let name = if case_sensitive { ks[1..ks.len() - 1].to_string() } else { ks };
        sc.used_keyspace = Some(name);
        sc.keyspace_case_sensitive = case_sensitive;
    }
    let mut identity = scylla::client::SelfIdentity::new();
    if let Some(name) = &config.application_name {
        identity = identity.with_application_name(name.clone());
    }
    if let Some(version) = &config.application_version {
        identity = identity.with_application_version(version.clone());
    }
    sc.identity = identity
        .with_custom_driver_name("scylla-cpp-driver (Rust)")
        .with_custom_driver_version(env!("CARGO_PKG_VERSION"))
        .with_client_id(uuid::Uuid::from_bytes(client_id.to_bytes()).to_string());
    sc.driver_config_reporting = false;
    if let Some(listener) = config.host_listener {
        sc.host_listener = Some(Arc::new(listener));
    }
    if let Some(ssl) = &config.ssl {
        sc.tls_context =
            Some(ssl.tls_context(config.use_hostname_resolution).map_err(|e| {
                failure(CassError::CASS_ERROR_LIB_UNABLE_TO_CONNECT, format!("Unable to set up TLS: {e}"))
            })?);
    }
    Ok((sc, profiles))
}
