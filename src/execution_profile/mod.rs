//! `CassExecProfile`: a named set of request settings (timeout, consistencies, load balancing,
//! retry and speculative execution policies) that statements and batches select by name
//! (`cass_statement_set_execution_profile`). `cass_cluster_set_execution_profile` stores a copy in
//! the cluster; at connect, each becomes one of the crate's execution profiles.
//!
//! What a profile leaves unset, as the C++ driver resolves it at connect:
//! - request timeout, serial consistency, retry policy, speculative execution: the cluster's;
//! - consistency: the driver's default, `LOCAL_ONE` (not the cluster's consistency: upstream
//!   fills unset profile consistencies with the default level, like the cluster's own);
//! - load balancing: without a base policy (round-robin, DC-aware), the profile shares the
//!   cluster's whole policy; its lists, token-aware and latency-aware settings then do not apply.
//!
//! Settings made on a statement or batch still win over its profile's.

mod exports;

use crate::ffi::{Handle, Owned};
use crate::policies::load_balancing::LoadBalancingConfig;
use crate::types::CassConsistency;
use std::sync::Arc;

/// An execution profile (Box-owned by C; `cass_execution_profile_free`). The cluster keeps a copy.
#[derive(Clone, Debug)]
pub(crate) struct CassExecProfile {
    /// Milliseconds; `u64::MAX`: the cluster's timeout; 0: none.
    pub request_timeout_ms: u64,
    pub consistency: Option<CassConsistency>,
    pub serial_consistency: Option<CassConsistency>,
    pub load_balancing: LoadBalancingConfig,
    pub token_aware_routing: bool,
    pub retry_policy: Option<Arc<crate::policies::retry::CassRetryPolicy>>,
    /// None: the cluster's; Some(None): no speculative executions; Some(Some((delay ms, max))).
    pub speculative: Option<Option<(u64, usize)>>,
}

impl Default for CassExecProfile {
    fn default() -> Self {
        CassExecProfile {
            request_timeout_ms: u64::MAX,
            consistency: None,
            serial_consistency: None,
            load_balancing: LoadBalancingConfig::default(),
            token_aware_routing: true,
            retry_policy: None,
            speculative: None,
        }
    }
}

impl Handle for CassExecProfile {
    type Ownership = Owned;
}

impl crate::policies::load_balancing::setters::WithLoadBalancing for CassExecProfile {
    fn load_balancing_mut(&mut self) -> &mut LoadBalancingConfig {
        &mut self.load_balancing
    }
}
