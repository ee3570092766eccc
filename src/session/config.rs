//! Translation of a `ClusterConfig` into the crate's `SessionConfig` at connect time.

use super::{consistency, failure, serial_consistency};
use crate::cluster::ClusterConfig;
use crate::error::CassError;
use crate::future::Outcome;
use crate::types::CassUuid;
use scylla::client::execution_profile::ExecutionProfile;
use scylla::client::session::SessionConfig;
use scylla::cluster::KnownNode;
use scylla::statement::Consistency;
use std::sync::Arc;
use std::time::Duration;

pub(super) fn build_session_config(
    config: &ClusterConfig,
    keyspace: Option<String>,
    client_id: CassUuid,
) -> Result<SessionConfig, Outcome> {
    if config.cloud_bundle.is_some() {
        return Err(failure(CassError::CASS_ERROR_LIB_UNABLE_TO_CONNECT, crate::cluster::cloud::NOT_SUPPORTED));
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
    let connections = config.core_connections_per_host.max(1) as usize * config.io_threads.max(1) as usize;
    sc.connection_pool_size = scylla::client::PoolSize::PerHost(
        std::num::NonZeroUsize::new(connections).unwrap_or(std::num::NonZeroUsize::MIN),
    );
    sc.fetch_schema_metadata = config.use_schema;
    let policy =
        scylla::policies::load_balancing::DefaultPolicy::builder().token_aware(config.token_aware_routing).build();
    sc.keepalive_interval =
        (config.heartbeat_interval_secs > 0).then(|| Duration::from_secs(config.heartbeat_interval_secs as u64));
    sc.keepalive_timeout = (config.heartbeat_interval_secs > 0 && config.idle_timeout_secs > 0)
        .then(|| Duration::from_secs(config.idle_timeout_secs as u64));
    sc.tcp_nodelay = config.tcp_nodelay;
    sc.tcp_keepalive_interval = config.tcp_keepalive_secs.map(|s| Duration::from_secs(s as u64));
    sc.schema_agreement_timeout = Duration::from_millis(config.max_schema_wait_ms as u64);
    sc.local_ip_address = config.local_address;
    if let Some((lo, hi)) = config.local_port_range {
        if let Ok(range) = scylla::routing::ShardAwarePortRange::new(lo..=hi) {
            sc.shard_aware_local_port_range = range;
        }
    }
    let mut profile = ExecutionProfile::builder().load_balancing_policy(policy);
    if let Some((delay_ms, max)) = config.speculative {
        profile = profile.speculative_execution_policy(Some(Arc::new(
            scylla::policies::speculative_execution::SimpleSpeculativeExecutionPolicy {
                max_retry_count: max,
                retry_interval: Duration::from_millis(delay_ms),
            },
        )));
    }
    if let Some(retry) = &config.retry_policy {
        profile = profile.retry_policy(retry.clone());
    }
    let profile = profile
        .consistency(consistency(config.consistency).unwrap_or(Consistency::LocalOne))
        .serial_consistency(serial_consistency(config.serial_consistency))
        .request_timeout(request_timeout)
        .build();
    sc.default_execution_profile_handle = profile.into_handle();
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
    Ok(sc)
}
