//! Reconnection: how long a host's connection pool waits before trying again after connections
//! failed (`cass_cluster_set_constant_reconnect`, `cass_cluster_set_exponential_reconnect`), mapped
//! to the crate's reconnect policies.

use scylla::policies::reconnect::{
    ConstantReconnectPolicy, ExponentialReconnectPolicy, ReconnectPolicy, ReconnectPolicySession,
};
use std::sync::Arc;
use std::time::{Duration, Instant};

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
    /// The policy a session's pools use: the configured delays after failures, none after a
    /// successful fill (see [`FillPromptly`]).
    pub fn policy(&self) -> Arc<dyn ReconnectPolicy> {
        Arc::new(FillPromptly { after_failure: self.crate_policy() })
    }

    fn crate_policy(&self) -> Arc<dyn ReconnectPolicy> {
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

/// How many fills may follow a successful one at once, within [`PROMPT_WINDOW`], before the
/// configured delay applies again: enough to open a pool's remaining connections right after its
/// first, never a tight loop against a node that accepts connections and then drops them.
const PROMPT_FILLS: u32 = 4;
const PROMPT_WINDOW: Duration = Duration::from_secs(1);

/// The crate's pool opens a host's first connection alone and schedules the rest with the
/// reconnection delay, even when that first connection succeeded, so a pool of 2 took the 2 s
/// base delay to fill and `connect` waited for it. The C++ driver opens a pool's core connections
/// together and waits only after failures: this wrapper gives no delay after a successful fill
/// (bounded by [`PROMPT_FILLS`]) and the configured policy's delay after a failed one.
#[derive(Debug)]
struct FillPromptly {
    after_failure: Arc<dyn ReconnectPolicy>,
}

impl ReconnectPolicy for FillPromptly {
    fn new_session(&self) -> Box<dyn ReconnectPolicySession> {
        Box::new(FillPromptlySession {
            inner: self.after_failure.new_session(),
            failed: false,
            window_start: Instant::now(),
            prompt_in_window: 0,
        })
    }
}

#[derive(Debug)]
struct FillPromptlySession {
    inner: Box<dyn ReconnectPolicySession>,
    /// Whether the last fill failed.
    failed: bool,
    window_start: Instant,
    prompt_in_window: u32,
}

impl ReconnectPolicySession for FillPromptlySession {
    fn get_delay(&self) -> Duration {
        if !self.failed && self.prompt_in_window <= PROMPT_FILLS {
            Duration::ZERO
        } else {
            self.inner.get_delay()
        }
    }

    fn on_successful_fill(&mut self) {
        self.inner.on_successful_fill();
        self.failed = false;
        if self.window_start.elapsed() > PROMPT_WINDOW {
            self.window_start = Instant::now();
            self.prompt_in_window = 0;
        }
        self.prompt_in_window += 1;
    }

    fn on_fill_error(&mut self) {
        self.inner.on_fill_error();
        self.failed = true;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_successful_fill_is_followed_at_once_a_failed_one_after_the_configured_delay() {
        let config = ReconnectConfig::Constant { delay_ms: 2000 };
        let mut session = config.policy().new_session();
        session.on_successful_fill();
        assert_eq!(session.get_delay(), Duration::ZERO);
        session.on_fill_error();
        assert_eq!(session.get_delay(), Duration::from_millis(2000));
        session.on_successful_fill();
        assert_eq!(session.get_delay(), Duration::ZERO);
    }

    #[test]
    fn prompt_fills_are_bounded_within_a_window() {
        let mut session = ReconnectConfig::Constant { delay_ms: 500 }.policy().new_session();
        for _ in 0..PROMPT_FILLS {
            session.on_successful_fill();
            assert_eq!(session.get_delay(), Duration::ZERO);
        }
        session.on_successful_fill();
        session.on_successful_fill();
        assert_eq!(session.get_delay(), Duration::from_millis(500));
    }
}
