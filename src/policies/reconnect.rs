//! Reconnection: how long a host's connection pool waits before trying again after connections
//! failed (`cass_cluster_set_constant_reconnect`, `cass_cluster_set_exponential_reconnect`), mapped
//! to the crate's reconnect policies.

use scylla::policies::reconnect::{
    ConstantReconnectPolicy, ExponentialReconnectPolicy, ReconnectPolicy, ReconnectPolicySession,
};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ReconnectConfig {
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
    /// successful fill, and short probes while every pool is failing (see [`FillPromptly`]).
    /// Called once per session: its pools share one [`PoolHealth`].
    pub(crate) fn policy(&self) -> Arc<dyn ReconnectPolicy> {
        Arc::new(FillPromptly { after_failure: self.crate_policy(), health: Arc::default() })
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

/// The longest a failing pool waits while every pool of its session is failing, or within
/// [`PROBE_WINDOW`] of losing its connections or of its node being announced back.
const OUTAGE_PROBE: Duration = Duration::from_millis(500);

/// How long a pool probes every [`OUTAGE_PROBE`] after it lost its connections (a node restart
/// takes tens of seconds; the configured schedule has grown to many seconds by then), or after
/// the crate reset its schedule while it was failing (the server's UP event for its node, which
/// gossip may deliver to the control connection's node seconds after the CQL port opened, or
/// before it did).
const PROBE_WINDOW: Duration = Duration::from_secs(60);

/// At most one [`PROBE_WINDOW`] per this long: a node that accepts connections and drops them
/// again would otherwise open a new window with each fill that works.
const PROBE_REARM: Duration = Duration::from_secs(120);

/// How many pools a session has and how many of them failed their last fill, shared by the
/// session's pools (one [`FillPromptlySession`] each).
#[derive(Debug, Default)]
struct PoolHealth {
    pools: AtomicUsize,
    failing: AtomicUsize,
}

impl PoolHealth {
    fn all_failing(&self) -> bool {
        let pools = self.pools.load(Ordering::Relaxed);
        pools > 0 && self.failing.load(Ordering::Relaxed) >= pools
    }
}

/// The crate's pool opens a host's first connection alone and schedules the rest with the
/// reconnection delay, even when that first connection succeeded, so a pool of 2 took the 2 s
/// base delay to fill and `connect` waited for it. The C++ driver opens a pool's core connections
/// together and waits only after failures: this wrapper gives no delay after a successful fill
/// (bounded by [`PROMPT_FILLS`]) and the configured policy's delay after a failed one.
///
/// A host that comes back is otherwise found in two ways: the crate refills a pool at once on the
/// server's UP event, and the pool retries on its schedule. While every pool of the session is
/// failing (a full outage, or the only node down) no control connection is there to deliver UP
/// events, and after a long outage the schedule has grown to minutes. So while all pools fail, a
/// failing pool waits at most [`OUTAGE_PROBE`] (two connection attempts per second per pool, as
/// cheap as a refused TCP connect), and the first host to answer is used again within about a
/// second; once any pool works, the configured schedule applies again. Likewise a pool that lost
/// its connections, or whose failing schedule the crate reset (the server's UP event for its
/// node), probes every [`OUTAGE_PROBE`] for [`PROBE_WINDOW`] before its schedule applies: a
/// restarted node is used again within half a second of opening its CQL port, whichever node
/// the control connection is on and whenever gossip tells it. A refused connect costs both sides
/// next to nothing; an unreachable node holds each attempt for the connect timeout.
#[derive(Debug)]
struct FillPromptly {
    after_failure: Arc<dyn ReconnectPolicy>,
    health: Arc<PoolHealth>,
}

impl ReconnectPolicy for FillPromptly {
    fn new_session(&self) -> Box<dyn ReconnectPolicySession> {
        Box::new(self.session())
    }
}

impl FillPromptly {
    /// A new pool's schedule, counted in the session's [`PoolHealth`].
    fn session(&self) -> FillPromptlySession {
        self.health.pools.fetch_add(1, Ordering::Relaxed);
        FillPromptlySession {
            inner: self.after_failure.new_session(),
            health: Arc::clone(&self.health),
            failed: false,
            window_start: Instant::now(),
            prompt_in_window: 0,
            probing_since: None,
        }
    }
}

/// One pool's schedule. Counted in its session's [`PoolHealth`] from creation to drop.
#[derive(Debug)]
struct FillPromptlySession {
    inner: Box<dyn ReconnectPolicySession>,
    health: Arc<PoolHealth>,
    /// Whether the last fill failed (then counted in `health.failing`).
    failed: bool,
    window_start: Instant,
    prompt_in_window: u32,
    /// When the pool's last [`PROBE_WINDOW`] opened.
    probing_since: Option<Instant>,
}

impl FillPromptlySession {
    fn set_failed(&mut self, failed: bool) {
        if failed != self.failed {
            self.failed = failed;
            if failed {
                self.health.failing.fetch_add(1, Ordering::Relaxed);
            } else {
                self.health.failing.fetch_sub(1, Ordering::Relaxed);
            }
        }
    }
}

impl FillPromptlySession {
    /// Opens a [`PROBE_WINDOW`] unless one opened less than [`PROBE_REARM`] ago.
    fn open_probe_window(&mut self) {
        if self.probing_since.is_none_or(|at| at.elapsed() >= PROBE_REARM) {
            self.probing_since = Some(Instant::now());
        }
    }
}

impl Drop for FillPromptlySession {
    fn drop(&mut self) {
        self.set_failed(false);
        self.health.pools.fetch_sub(1, Ordering::Relaxed);
    }
}

impl ReconnectPolicySession for FillPromptlySession {
    fn get_delay(&self) -> Duration {
        if !self.failed && self.prompt_in_window <= PROMPT_FILLS {
            Duration::ZERO
        } else if self.failed
            && (self.health.all_failing() || self.probing_since.is_some_and(|at| at.elapsed() < PROBE_WINDOW))
        {
            self.inner.get_delay().min(OUTAGE_PROBE)
        } else {
            self.inner.get_delay()
        }
    }

    fn on_successful_fill(&mut self) {
        self.inner.on_successful_fill();
        if self.failed {
            self.open_probe_window();
        }
        self.set_failed(false);
        if self.window_start.elapsed() > PROMPT_WINDOW {
            self.window_start = Instant::now();
            self.prompt_in_window = 0;
        }
        self.prompt_in_window += 1;
    }

    fn on_fill_error(&mut self) {
        self.inner.on_fill_error();
        if !self.failed {
            self.open_probe_window();
        }
        self.set_failed(true);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close_window(pool: &mut FillPromptlySession) {
        pool.probing_since = Some(Instant::now() - PROBE_WINDOW);
    }

    fn policy(config: ReconnectConfig) -> FillPromptly {
        FillPromptly { after_failure: config.crate_policy(), health: Arc::default() }
    }

    #[test]
    fn a_successful_fill_is_followed_at_once_a_failed_one_after_the_configured_delay() {
        let policy = policy(ReconnectConfig::Constant { delay_ms: 2000 });
        let mut session = policy.session();
        let _working_pool = policy.session();
        session.on_successful_fill();
        assert_eq!(session.get_delay(), Duration::ZERO);
        session.on_fill_error();
        assert_eq!(session.get_delay(), OUTAGE_PROBE, "within the window after losing its connections");
        close_window(&mut session);
        assert_eq!(session.get_delay(), Duration::from_millis(2000));
        session.on_successful_fill();
        assert_eq!(session.get_delay(), Duration::ZERO);
    }

    #[test]
    fn a_failing_pool_told_to_refill_probes_often_for_a_while() {
        let policy = policy(ReconnectConfig::Exponential { base_ms: 2000, max_ms: 60000 });
        let mut pool = policy.session();
        let _working_pool = policy.session();
        pool.on_fill_error();
        pool.probing_since = Some(Instant::now() - PROBE_REARM);
        pool.on_fill_error();
        assert!(pool.get_delay() >= Duration::from_millis(1700), "the configured schedule");
        // The crate's reset on the server's UP event, then the attempt it triggers fails.
        pool.on_successful_fill();
        pool.on_successful_fill();
        assert_eq!(pool.get_delay(), Duration::ZERO);
        pool.on_fill_error();
        assert_eq!(pool.get_delay(), OUTAGE_PROBE);
        pool.on_fill_error();
        assert_eq!(pool.get_delay(), OUTAGE_PROBE);
    }

    #[test]
    fn a_pool_that_keeps_dropping_its_connections_opens_one_window_per_rearm_period() {
        let policy = policy(ReconnectConfig::Constant { delay_ms: 5000 });
        let mut pool = policy.session();
        let _working_pool = policy.session();
        pool.on_successful_fill();
        pool.on_fill_error();
        close_window(&mut pool);
        pool.on_successful_fill();
        pool.on_fill_error();
        assert_eq!(pool.get_delay(), Duration::from_millis(5000), "no new window before the rearm period");
    }

    #[test]
    fn failing_pools_probe_often_only_while_every_pool_fails() {
        let policy = policy(ReconnectConfig::Constant { delay_ms: 5000 });
        let mut a = policy.session();
        let mut b = policy.session();
        a.on_fill_error();
        close_window(&mut a);
        assert_eq!(a.get_delay(), Duration::from_millis(5000), "b still works");
        b.on_fill_error();
        close_window(&mut b);
        assert_eq!(a.get_delay(), OUTAGE_PROBE);
        assert_eq!(b.get_delay(), OUTAGE_PROBE);
        b.on_successful_fill();
        close_window(&mut b);
        assert_eq!(a.get_delay(), Duration::from_millis(5000), "b works again");
        drop(b);
        assert_eq!(a.get_delay(), OUTAGE_PROBE, "a is the only pool left");
    }

    #[test]
    fn prompt_fills_are_bounded_within_a_window() {
        let policy = ReconnectConfig::Constant { delay_ms: 500 }.policy();
        let mut session = policy.new_session();
        for _ in 0..PROMPT_FILLS {
            session.on_successful_fill();
            assert_eq!(session.get_delay(), Duration::ZERO);
        }
        session.on_successful_fill();
        session.on_successful_fill();
        assert_eq!(session.get_delay(), Duration::from_millis(500));
    }
}
