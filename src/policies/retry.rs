//! `CassRetryPolicy`: what to do when a request fails (retry at the same or another node, maybe at
//! another consistency, ignore, or return the error). The default, downgrading-consistency and
//! fallthrough policies are the `scylla` crate's policies of the same names and rules; the logging
//! policy is ours: it wraps another and logs each decision to retry or ignore at INFO, as the C++
//! driver does.

use crate::ffi::{guard, ArcHandle};
use crate::ffi::{Handle, Shared};
use scylla::policies::retry::{
    DefaultRetryPolicy, DowngradingConsistencyRetryPolicy, FallthroughRetryPolicy, RequestInfo, RetryDecision,
    RetryPolicy, RetrySession,
};
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

/// Creates the default retry policy: retry a read timeout once when enough replicas answered but
/// the data was missing, a write timeout once when a logged batch failed to write its batch log,
/// and an unavailable error once on another node; return every other error. Free it with
/// `cass_retry_policy_free()`.
#[no_mangle]
pub extern "C" fn cass_retry_policy_default_new() -> *mut CassRetryPolicy {
    guard(|| CassRetryPolicy::new(Arc::new(DefaultRetryPolicy::new()), true))
}

/// Creates the downgrading consistency policy (deprecated upstream: it may silently weaken
/// consistency): as the default, and retries at a lower consistency the replicas can satisfy.
#[no_mangle]
pub extern "C" fn cass_retry_policy_downgrading_consistency_new() -> *mut CassRetryPolicy {
    guard(|| CassRetryPolicy::new(Arc::new(DowngradingConsistencyRetryPolicy::new()), false))
}

/// Creates a policy that never retries: every error is returned.
#[no_mangle]
pub extern "C" fn cass_retry_policy_fallthrough_new() -> *mut CassRetryPolicy {
    guard(|| CassRetryPolicy::new(Arc::new(FallthroughRetryPolicy::new()), false))
}

/// Creates a policy that decides as `child_retry_policy` and logs each retry or ignore at INFO.
/// NULL when the child is NULL or itself a logging policy.
#[no_mangle]
pub extern "C" fn cass_retry_policy_logging_new(child_retry_policy: *mut CassRetryPolicy) -> *mut CassRetryPolicy {
    guard(|| match CassRetryPolicy::from_ptr(child_retry_policy) {
        Some(child) if !child.is_logging => {
            let policy = Arc::new(LoggingRetryPolicy { child: child.policy.clone() });
            let retry = CassRetryPolicy { policy, is_logging: true, moves_unavailable: child.moves_unavailable };
            CassRetryPolicy::into_ptr(Arc::new(retry)) as *mut _
        }
        _ => std::ptr::null_mut(),
    })
}

/// Releases C's reference to a retry policy. NULL is ignored.
#[no_mangle]
pub extern "C" fn cass_retry_policy_free(policy: *mut CassRetryPolicy) {
    guard(|| CassRetryPolicy::free(policy))
}
