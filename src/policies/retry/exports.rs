//! The `cass_retry_policy_*` functions.
#![allow(unreachable_pub)] // the C ABI: reached from C, not from Rust

use super::{CassRetryPolicy, LoggingRetryPolicy};
use crate::ffi::{guard, ArcHandle};
use scylla::policies::retry::{DefaultRetryPolicy, DowngradingConsistencyRetryPolicy, FallthroughRetryPolicy};
use std::sync::Arc;

/// Creates the default retry policy: retry a read timeout once when enough replicas answered but
/// the data was missing, a write timeout once when a logged batch failed to write its batch log,
/// and an unavailable error once on another node; return every other error. Free it with
/// `cass_retry_policy_free()`.
///
/// @return A new policy, owned by the caller (free it with `cass_retry_policy_free()`).
#[no_mangle]
pub extern "C" fn cass_retry_policy_default_new() -> *mut CassRetryPolicy {
    guard(|| CassRetryPolicy::new(Arc::new(DefaultRetryPolicy::new()), true))
}

/// Creates the downgrading consistency policy (deprecated upstream: it may silently weaken
/// consistency): as the default, and retries at a lower consistency the replicas can satisfy.
///
/// @return A new policy, owned by the caller (free it with `cass_retry_policy_free()`).
#[no_mangle]
pub extern "C" fn cass_retry_policy_downgrading_consistency_new() -> *mut CassRetryPolicy {
    guard(|| CassRetryPolicy::new(Arc::new(DowngradingConsistencyRetryPolicy::new()), false))
}

/// Creates a policy that never retries: every error is returned.
///
/// @return A new policy, owned by the caller (free it with `cass_retry_policy_free()`).
#[no_mangle]
pub extern "C" fn cass_retry_policy_fallthrough_new() -> *mut CassRetryPolicy {
    guard(|| CassRetryPolicy::new(Arc::new(FallthroughRetryPolicy::new()), false))
}

/// Creates a policy that decides as `child_retry_policy` and logs each retry or ignore at INFO.
/// NULL when the child is NULL or itself a logging policy.
///
/// @param[in] child_retry_policy The policy that decides; the caller keeps its reference and may free it.
/// @return A new policy, owned by the caller (free it with `cass_retry_policy_free()`); NULL when `child_retry_policy`
///   is NULL or a logging policy.
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
///
/// @param[in] policy The caller's policy reference to release; NULL is ignored.
#[no_mangle]
pub extern "C" fn cass_retry_policy_free(policy: *mut CassRetryPolicy) {
    guard(|| CassRetryPolicy::free(policy))
}
