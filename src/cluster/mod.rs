//! `CassCluster`: plain configuration data. A session copies it when it connects, so the cluster
//! may be freed or changed afterwards without affecting connected sessions.

pub(crate) mod cloud;
mod exports;

use crate::ffi::{Handle, Owned};
use crate::types::{CassConsistency, CassUuid};

/// Connection settings, with the C++ driver's defaults.
#[derive(Clone, Debug)]
pub(crate) struct ClusterConfig {
    pub contact_points: Vec<String>,
    pub port: u16,
    pub connect_timeout_ms: u32,
    pub request_timeout_ms: u32,
    pub resolve_timeout_ms: u32,
    pub credentials: Option<(String, String)>,
    /// A SASL authenticator set instead of credentials (DSE plain text); the last one set wins.
    pub authenticator: Option<Authenticator>,
    pub protocol_version: i32,
    /// `cass_cluster_set_use_beta_protocol_version(cass_true)`: the protocol version may no longer
    /// be set explicitly, as upstream.
    pub use_beta_protocol: bool,
    pub io_threads: u32,
    pub consistency: CassConsistency,
    pub serial_consistency: CassConsistency,
    pub client_id: Option<CassUuid>,
    /// How long a traced request waits for its trace to be readable (ms), how often it looks,
    /// and at which consistency (`cass_cluster_set_tracing_*`).
    pub tracing_max_wait_ms: u32,
    pub tracing_retry_wait_ms: u32,
    pub tracing_consistency: CassConsistency,
    /// Connections to each host per I/O thread (`cass_cluster_set_core_connections_per_host`).
    pub core_connections_per_host: u32,
    /// Whether the session reads schema metadata (`cass_cluster_set_use_schema`).
    pub use_schema: bool,
    /// Whether requests go to a replica of their partition first (`cass_cluster_set_token_aware_routing`).
    pub token_aware_routing: bool,
    /// The default retry policy (None: the default policy).
    pub retry_policy: Option<std::sync::Arc<crate::policies::retry::CassRetryPolicy>>,
    /// TLS settings (`cass_cluster_set_ssl`); None: plain connections.
    pub ssl: Option<std::sync::Arc<crate::ssl::CassSsl>>,
    /// Connection settings (`connection_settings.rs`).
    pub application_name: Option<String>,
    pub application_version: Option<String>,
    pub heartbeat_interval_secs: u32,
    pub idle_timeout_secs: u32,
    pub tcp_nodelay: bool,
    /// `cass_cluster_set_coalesce_delay` in microseconds (0: every write goes out at once).
    pub coalesce_delay_us: u64,
    pub tcp_keepalive_secs: Option<u32>,
    pub max_schema_wait_ms: u32,
    pub local_address: Option<std::net::IpAddr>,
    pub local_port_range: Option<(u16, u16)>,
    /// Compatibility settings (`compat_settings.rs`).
    pub use_hostname_resolution: bool,
    pub no_compact: bool,
    pub use_randomized_contact_points: bool,
    pub prepare_on_all_hosts: bool,
    pub prepare_on_up_or_add_host: bool,
    /// A loaded cloud secure connection bundle (`cloud.rs`); connecting with one is refused.
    pub cloud_bundle: Option<std::sync::Arc<cloud::CloudBundle>>,
    /// The host listener callback (`cass_cluster_set_host_listener_callback`).
    pub host_listener: Option<crate::host_listener::HostCallback>,
    /// Constant speculative execution: (delay ms, max extra executions).
    pub speculative: Option<(u64, usize)>,
    /// Load balancing of the default profile (`load_balancing_exports.rs`); token awareness is
    /// `token_aware_routing` above.
    pub load_balancing: crate::policies::load_balancing::LoadBalancingConfig,
    pub reconnect: crate::policies::reconnect::ReconnectConfig,
    /// Shared with the C handle it came from and with the sessions connected with this cluster.
    pub timestamp_gen: std::sync::Arc<crate::policies::timestamp::CassTimestampGen>,
    /// Named execution profiles (copies; `cass_cluster_set_execution_profile`).
    pub execution_profiles: std::collections::BTreeMap<String, crate::execution_profile::CassExecProfile>,
}

impl Default for ClusterConfig {
    fn default() -> Self {
        ClusterConfig {
            contact_points: Vec::new(),
            port: 9042,
            connect_timeout_ms: 5000,
            request_timeout_ms: 12000,
            resolve_timeout_ms: 2000,
            credentials: None,
            authenticator: None,
            protocol_version: 4,
            use_beta_protocol: false,
            io_threads: 1,
            consistency: CassConsistency::CASS_CONSISTENCY_LOCAL_ONE,
            serial_consistency: CassConsistency::CASS_CONSISTENCY_ANY,
            client_id: None,
            tracing_max_wait_ms: 15,
            tracing_retry_wait_ms: 3,
            tracing_consistency: CassConsistency::CASS_CONSISTENCY_ONE,
            core_connections_per_host: 1,
            use_schema: true,
            token_aware_routing: true,
            retry_policy: None,
            ssl: None,
            application_name: None,
            application_version: None,
            heartbeat_interval_secs: 30,
            idle_timeout_secs: 60,
            tcp_nodelay: true,
            coalesce_delay_us: 200,
            tcp_keepalive_secs: None,
            max_schema_wait_ms: 10000,
            local_address: None,
            local_port_range: None,
            speculative: None,
            use_hostname_resolution: false,
            no_compact: false,
            use_randomized_contact_points: true,
            prepare_on_all_hosts: true,
            prepare_on_up_or_add_host: true,
            cloud_bundle: None,
            host_listener: None,
            load_balancing: crate::policies::load_balancing::LoadBalancingConfig::for_cluster(),
            reconnect: Default::default(),
            timestamp_gen: Default::default(),
            execution_profiles: Default::default(),
        }
    }
}

impl ClusterConfig {
    /// Connections the session keeps to each host: the core connections per I/O thread.
    pub(crate) fn connections_per_host(&self) -> usize {
        self.core_connections_per_host.max(1) as usize * self.io_threads.max(1) as usize
    }

    /// Adds the comma-separated hosts of `list`; an empty list clears the contact points.
    pub(crate) fn add_contact_points(&mut self, list: &str) {
        if list.is_empty() {
            self.contact_points.clear();
            return;
        }
        self.contact_points.extend(list.split(',').map(str::trim).filter(|host| !host.is_empty()).map(str::to_string));
    }
}

impl crate::policies::load_balancing::setters::WithLoadBalancing for CassCluster {
    fn load_balancing_mut(&mut self) -> &mut crate::policies::load_balancing::LoadBalancingConfig {
        &mut self.config.load_balancing
    }
}

/// An authenticator provider, shared by every session connected with this configuration.
#[derive(Clone)]
pub(crate) struct Authenticator(pub std::sync::Arc<dyn scylla::authentication::AuthenticatorProvider>);

impl std::fmt::Debug for Authenticator {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Authenticator")
    }
}

/// The cluster handle C holds (Box-owned; `cass_cluster_free`).
#[derive(Default)]
pub(crate) struct CassCluster {
    pub config: ClusterConfig,
}

impl Handle for CassCluster {
    type Ownership = Owned;
}
