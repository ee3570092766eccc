//! `CassRetryPolicy`: what to do when a request fails (retry at the same or another node, maybe at
//! another consistency, ignore, or return the error). The default, downgrading-consistency and
//! fallthrough policies are the `scylla` crate's policies of the same names and rules; the logging
//! policy is ours: it wraps another and logs each decision to retry or ignore at INFO, as the C++
//! driver does.

mod exports;
use crate::ffi::ArcHandle;
use crate::ffi::{Handle, Shared};
use scylla::policies::retry::{RequestInfo, RetryDecision, RetryPolicy, RetrySession};
use std::sync::Arc;

/// A retry policy C holds (Arc; `cass_retry_policy_free`). Clusters, statements and batches that
/// use it hold their own reference.
#[derive(Debug)]
pub struct CassRetryPolicy {
    pub policy: Arc<dyn RetryPolicy>,
    is_logging: bool,
    /// Whether an Unavailable answer moves to the next host (the default policy, and a logging
    /// policy around it); recorded when the policy is made, for `crate::session`'s upstream rule.
    pub moves_unavailable: bool,
}

impl Handle for CassRetryPolicy {
    type Ownership = Shared;
}

impl CassRetryPolicy {
    fn new(policy: Arc<dyn RetryPolicy>, moves_unavailable: bool) -> *mut CassRetryPolicy {
        CassRetryPolicy::into_ptr(Arc::new(CassRetryPolicy { policy, is_logging: false, moves_unavailable })) as *mut _
    }
}

/// Wraps a policy and logs its decisions to retry or ignore.
#[derive(Debug)]
struct LoggingRetryPolicy {
    child: Arc<dyn RetryPolicy>,
}

struct LoggingRetrySession {
    child: Box<dyn RetrySession>,
    retries: u32,
}

impl RetryPolicy for LoggingRetryPolicy {
    fn new_session(&self) -> Box<dyn RetrySession> {
        Box::new(LoggingRetrySession { child: self.child.new_session(), retries: 0 })
    }
}

impl RetrySession for LoggingRetrySession {
    fn decide_should_retry(&mut self, request_info: RequestInfo) -> RetryDecision {
        let (error, consistency) = (request_info.error, request_info.consistency);
        let decision = self.child.decide_should_retry(request_info);
        match &decision {
            RetryDecision::RetrySameTarget(c) | RetryDecision::RetryNextTarget(c) => tracing::info!(
                "Retrying at consistency {:?} (initial consistency: {consistency:?}, retries: {}) after: {error}",
                c.unwrap_or(consistency),
                self.retries
            ),
            RetryDecision::IgnoreWriteError => {
                tracing::info!(
                    "Ignoring error (initial consistency: {consistency:?}, retries: {}): {error}",
                    self.retries
                )
            }
            _ => {}
        }
        self.retries += 1;
        decision
    }

    fn reset(&mut self) {
        self.child.reset();
        self.retries = 0;
    }
}
