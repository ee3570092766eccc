//! Per-request settings of statements and batches, and how they are applied to the crate's
//! statement types at execution.

use crate::custom_payload::CassCustomPayload;
use crate::error::CassError;
use crate::policies::retry::CassRetryPolicy;
use crate::types::{CassConsistency, CassConsistencyArg};
use scylla::policies::load_balancing::LoadBalancingPolicy;
use std::sync::Arc;
use std::time::Duration;

/// What `cass_statement_set_*` and `cass_batch_set_*` store. `None` means "the cluster's
/// (or the execution profile's) setting".
#[derive(Clone, Default)]
pub struct RequestSettings {
    pub consistency: Option<CassConsistency>,
    pub serial_consistency: Option<CassConsistency>,
    /// Client-side timestamp in microseconds.
    pub timestamp: Option<i64>,
    pub request_timeout: Option<Duration>,
    pub idempotent: Option<bool>,
    pub tracing: bool,
    /// Used for routing only: protocol v4 has no per-request keyspace.
    pub keyspace: Option<Arc<str>>,
    pub execution_profile: Option<Arc<str>>,
    /// A pinned coordinator (`cass_statement_set_host*`, `cass_statement_set_node`).
    pub target: Option<Arc<dyn LoadBalancingPolicy>>,
    pub retry_policy: Option<Arc<CassRetryPolicy>>,
}

impl std::fmt::Debug for RequestSettings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RequestSettings")
            .field("consistency", &self.consistency)
            .field("serial_consistency", &self.serial_consistency)
            .field("timestamp", &self.timestamp)
            .field("request_timeout", &self.request_timeout)
            .field("idempotent", &self.idempotent)
            .field("tracing", &self.tracing)
            .field("keyspace", &self.keyspace)
            .field("execution_profile", &self.execution_profile)
            .field("target", &self.target.is_some())
            .field("retry_policy", &self.retry_policy)
            .finish()
    }
}

impl RequestSettings {
    /// True when nothing was set (the statement runs with the cluster's settings).
    pub fn is_default(&self) -> bool {
        self.consistency.is_none()
            && self.serial_consistency.is_none()
            && self.timestamp.is_none()
            && self.request_timeout.is_none()
            && self.idempotent.is_none()
            && !self.tracing
            && self.target.is_none()
            && self.retry_policy.is_none()
    }

    /// `cass_*_set_request_timeout`: `CASS_UINT64_MAX` keeps the cluster's timeout; 0 means none.
    pub fn set_request_timeout_ms(&mut self, timeout_ms: u64) {
        self.request_timeout = match timeout_ms {
            u64::MAX => None,
            // "No timeout": far enough in the future never to fire.
            0 => Some(Duration::from_secs(u32::MAX as u64)),
            ms => Some(Duration::from_millis(ms)),
        };
    }

    /// `cass_*_set_keyspace`: "" clears it.
    pub fn set_keyspace(&mut self, keyspace: &str) {
        self.keyspace = (!keyspace.is_empty()).then(|| keyspace.into());
    }

    /// `cass_*_set_execution_profile`: "" means the default profile.
    pub fn set_execution_profile(&mut self, name: &str) {
        self.execution_profile = (!name.is_empty()).then(|| name.into());
    }

    /// `cass_*_set_timestamp`: `CASS_INT64_MIN` means none (the default).
    pub fn set_timestamp(&mut self, timestamp: i64) {
        self.timestamp = (timestamp != i64::MIN).then_some(timestamp);
    }
}

/// A consistency argument as a setting: `CASS_CONSISTENCY_UNKNOWN` means the cluster's (or
/// profile's); a value outside the enum is `CASS_ERROR_LIB_BAD_PARAMS`.
pub(crate) fn consistency_setting(consistency: CassConsistencyArg) -> Result<Option<CassConsistency>, CassError> {
    match consistency.get() {
        Some(CassConsistency::CASS_CONSISTENCY_UNKNOWN) => Ok(None),
        Some(c) => Ok(Some(c)),
        None => Err(CassError::CASS_ERROR_LIB_BAD_PARAMS),
    }
}

/// `cass_*_set_custom_payload`: the `scylla` crate never sends custom payloads, so attaching one
/// fails (logged) instead of being dropped silently; NULL (none) is accepted.
pub(crate) fn refuse_custom_payload(payload: *const CassCustomPayload) -> CassError {
    if payload.is_null() {
        return CassError::CASS_OK;
    }
    tracing::error!("custom payloads are not supported: the scylla crate cannot send them");
    CassError::CASS_ERROR_LIB_NOT_IMPLEMENTED
}
