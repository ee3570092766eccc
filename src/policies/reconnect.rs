//! Reconnection: how long a host's connection pool waits before trying again after connections
//! failed (`cass_cluster_set_constant_reconnect`, `cass_cluster_set_exponential_reconnect`), mapped
//! to the crate's reconnect policies.

use scylla::policies::reconnect::{ConstantReconnectPolicy, ExponentialReconnectPolicy, ReconnectPolicy};
use std::sync::Arc;
use std::time::Duration;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReconnectConfig {
    /// The same delay every time, without jitter (as the C++ driver).
    Constant { delay_ms: u64 },
    /// Doubling from `base_ms` up to `max_ms`, with ±15 % jitter kept within [base, max] (the
    /// crate's exponential policy has exactly these rules). The setter ensures 1 < base <= max.
    Exponential { base_ms: u64, max_ms: u64 },
}

impl Default for ReconnectConfig {
    /// The C++ driver's default: exponential, 2 s up to 60 s.
    fn default() -> Self {
        ReconnectConfig::Exponential { base_ms: 2000, max_ms: 60000 }
    }
}

impl ReconnectConfig {
    pub fn policy(&self) -> Arc<dyn ReconnectPolicy> {
        match *self {
            ReconnectConfig::Constant { delay_ms } => {
                Arc::new(ConstantReconnectPolicy::new(Duration::from_millis(delay_ms)).with_jitter_range(1.0..=1.0))
            }
            ReconnectConfig::Exponential { base_ms, max_ms } => {
                // `with_backoff_limits` panics when min > max: order them (the setter already did).
                let (min, max) = (base_ms.min(max_ms), base_ms.max(max_ms));
                Arc::new(
                    ExponentialReconnectPolicy::new()
                        .with_backoff_limits(Duration::from_millis(min), Duration::from_millis(max)),
                )
            }
        }
    }
}
