//! `CassTimestampGen`: where the client-side timestamps of requests come from.
//!
//! - server side: no timestamp is sent; the coordinator assigns one;
//! - monotonic (the default): microseconds since the epoch, strictly increasing per generator
//!   (when requests come faster than one per microsecond, or the clock goes back, the last
//!   timestamp is incremented), with a warning, at most once per `warning_interval_ms`, when the
//!   generated timestamps run more than `warning_threshold_us` ahead of the clock. The C++
//!   driver's algorithm, lock-free.
//!
//! A session hands the generator to the crate (`SessionConfig::timestamp_generator`), which asks it
//! once per attempt of a request; the C++ driver asks once per request, so a retried or speculative
//! attempt carries a newer timestamp here. A statement's or batch's own timestamp always wins.

mod exports;
use crate::ffi::{Handle, Shared};
use scylla::policies::timestamp_generator::TimestampGenerator;
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::{Arc, OnceLock};
use std::time::{Instant, SystemTime, UNIX_EPOCH};

/// The monotonic generator.
#[derive(Debug)]
pub(crate) struct MonotonicTimestamps {
    last: AtomicI64,
    /// When the last clock-skew warning was logged (ms on a monotonic clock).
    last_warning_ms: AtomicI64,
    /// Negative: never warn.
    warning_threshold_us: i64,
    warning_interval_ms: i64,
}

fn now_us() -> i64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_micros() as i64).unwrap_or(0)
}

fn monotonic_ms() -> i64 {
    static START: OnceLock<Instant> = OnceLock::new();
    START.get_or_init(Instant::now).elapsed().as_millis() as i64
}

impl MonotonicTimestamps {
    pub(crate) fn new(warning_threshold_us: i64, warning_interval_ms: i64) -> Self {
        MonotonicTimestamps {
            last: AtomicI64::new(0),
            // The first warning is never held back.
            last_warning_ms: AtomicI64::new(i64::MIN / 2),
            warning_threshold_us,
            warning_interval_ms: warning_interval_ms.max(0),
        }
    }

    fn compute_next(&self, last: i64) -> i64 {
        let current = now_us();
        if last < current {
            return current;
        }
        if self.warning_threshold_us >= 0 && last > current.saturating_add(self.warning_threshold_us) {
            let now = monotonic_ms();
            let last_warning = self.last_warning_ms.load(Ordering::Relaxed);
            if now > last_warning.saturating_add(self.warning_interval_ms)
                && self
                    .last_warning_ms
                    .compare_exchange(last_warning, now, Ordering::Relaxed, Ordering::Relaxed)
                    .is_ok()
            {
                tracing::warn!(
                    "Clock skew detected. The current time ({current}) was {} microseconds behind the last generated \
                     timestamp ({last}). The next generated timestamp will be artificially incremented to guarantee \
                     monotonicity.",
                    last - current
                );
            }
        }
        last + 1
    }

    /// The next timestamp (microseconds), larger than every one this generator gave before.
    pub(crate) fn next(&self) -> i64 {
        let mut last = self.last.load(Ordering::Relaxed);
        loop {
            let next = self.compute_next(last);
            match self.last.compare_exchange_weak(last, next, Ordering::Relaxed, Ordering::Relaxed) {
                Ok(_) => return next,
                Err(actual) => last = actual,
            }
        }
    }
}

impl Default for MonotonicTimestamps {
    /// The C++ driver's defaults: warn beyond 1 s of skew, at most once a second.
    fn default() -> Self {
        MonotonicTimestamps::new(1_000_000, 1_000)
    }
}

impl TimestampGenerator for MonotonicTimestamps {
    fn next_timestamp(&self) -> i64 {
        self.next()
    }
}

/// A timestamp generator C holds (Arc; `cass_timestamp_gen_free`). Clusters hold their own
/// reference, and sessions share the generator of the cluster they connected with.
#[derive(Debug)]
pub(crate) enum CassTimestampGen {
    ServerSide,
    Monotonic(Arc<MonotonicTimestamps>),
}

impl Handle for CassTimestampGen {
    type Ownership = Shared;
}

impl Default for CassTimestampGen {
    fn default() -> Self {
        CassTimestampGen::Monotonic(Arc::new(MonotonicTimestamps::default()))
    }
}

impl CassTimestampGen {
    /// What the crate's session configuration takes (None: server-side timestamps).
    pub(crate) fn generator(&self) -> Option<Arc<dyn TimestampGenerator>> {
        match self {
            CassTimestampGen::ServerSide => None,
            CassTimestampGen::Monotonic(generator) => Some(generator.clone()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strictly_increasing_across_threads() {
        let generator = Arc::new(MonotonicTimestamps::new(-1, 0));
        let handles: Vec<_> = (0..4)
            .map(|_| {
                let generator = generator.clone();
                std::thread::spawn(move || (0..10_000).map(|_| generator.next()).collect::<Vec<_>>())
            })
            .collect();
        let mut all = Vec::new();
        for handle in handles {
            let values = handle.join().unwrap();
            assert!(values.windows(2).all(|w| w[0] < w[1]));
            all.extend(values);
        }
        let count = all.len();
        all.sort_unstable();
        all.dedup();
        assert_eq!(all.len(), count);
    }

    #[test]
    fn runs_ahead_of_a_clock_behind() {
        let generator = MonotonicTimestamps::new(0, 0);
        let ahead = now_us() + 5_000_000;
        generator.last.store(ahead, Ordering::Relaxed);
        assert_eq!(generator.next(), ahead + 1);
        assert_eq!(generator.next(), ahead + 2);
    }
}
