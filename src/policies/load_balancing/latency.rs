//! Latency awareness with the C++ driver's rules: a per-host average of request latencies (an
//! exponentially weighted mean whose weight depends on the time between measurements and `scale`),
//! a minimum average over the well-measured hosts recomputed every `update_rate`, and hosts whose
//! average exceeds `exclusion_threshold` times that minimum moved to the end of query plans until
//! their measurements are older than `retry_period`.

use super::LatencySettings;
use parking_lot::Mutex;
use std::collections::HashMap;
use std::sync::atomic::{AtomicI64, Ordering};
use std::time::{Duration, Instant};
use uuid::Uuid;

#[derive(Clone, Copy, Debug)]
struct Average {
    /// Nanoseconds; -1 until enough measurements were taken.
    average: i64,
    /// When the last measurement was taken (nanoseconds since the tracker's start).
    timestamp: i64,
    num_measured: u64,
}

impl Default for Average {
    fn default() -> Self {
        Average { average: -1, timestamp: 0, num_measured: 0 }
    }
}

#[derive(Debug)]
pub(super) struct LatencyTracker {
    settings: LatencySettings,
    /// Measurements before which no average is kept (30 % of `min_measured`, as upstream).
    threshold_to_account: u64,
    start: Instant,
    hosts: Mutex<HashMap<Uuid, Average>>,
    /// The minimum average (ns), -1 when unknown.
    min_average: AtomicI64,
    /// When the minimum was last recomputed (ns since `start`).
    last_update: AtomicI64,
}

fn nanos(d: Duration) -> i64 {
    i64::try_from(d.as_nanos()).unwrap_or(i64::MAX)
}

impl LatencyTracker {
    pub(super) fn new(settings: LatencySettings) -> Self {
        LatencyTracker {
            settings,
            threshold_to_account: settings.min_measured.saturating_mul(30) / 100,
            start: Instant::now(),
            hosts: Mutex::new(HashMap::new()),
            min_average: AtomicI64::new(-1),
            last_update: AtomicI64::new(0),
        }
    }

    fn now(&self) -> i64 {
        nanos(self.start.elapsed())
    }

    /// Records one request's latency at a host.
    pub(super) fn record(&self, host: Uuid, latency: Duration) {
        let now = self.now();
        let latency = nanos(latency);
        let mut hosts = self.hosts.lock();
        let current = hosts.entry(host).or_default();
        let previous = *current;
        if previous.num_measured < self.threshold_to_account {
            current.average = -1;
        } else if previous.average < 0 {
            current.average = latency;
        } else {
            let delay = now - previous.timestamp;
            if delay <= 0 {
                return;
            }
            let scaled = delay as f64 / nanos(self.settings.scale).max(1) as f64;
            let weight = (scaled + 1.0).ln() / scaled;
            current.average = ((1.0 - weight) * latency as f64 + weight * previous.average as f64) as i64;
        }
        current.num_measured = previous.num_measured + 1;
        current.timestamp = now;
    }

    /// Recomputes the minimum average when `update_rate` has passed since the last time (the C++
    /// driver does it on a timer; here the first plan after the period does it).
    fn maybe_update_min(&self, now: i64) {
        let last = self.last_update.load(Ordering::Relaxed);
        if now - last < nanos(self.settings.update_rate)
            || self.last_update.compare_exchange(last, now, Ordering::Relaxed, Ordering::Relaxed).is_err()
        {
            return;
        }
        let retry_period = nanos(self.settings.retry_period);
        let min = self
            .hosts
            .lock()
            .values()
            .filter(|a| {
                a.average >= 0 && a.num_measured >= self.settings.min_measured && now - a.timestamp <= retry_period
            })
            .map(|a| a.average)
            .min();
        if let Some(min) = min {
            self.min_average.store(min, Ordering::Relaxed);
        }
    }

    /// A predicate telling which hosts are penalized right now.
    pub(super) fn penalized(&self) -> impl Fn(Uuid) -> bool + '_ {
        let now = self.now();
        self.maybe_update_min(now);
        let min = self.min_average.load(Ordering::Relaxed);
        let retry_period = nanos(self.settings.retry_period);
        move |host| {
            if min < 0 {
                return false;
            }
            let Some(a) = self.hosts.lock().get(&host).copied() else {
                return false;
            };
            if a.average < 0 || a.num_measured < self.settings.min_measured || now - a.timestamp > retry_period {
                return false;
            }
            a.average > (self.settings.exclusion_threshold * min as f64) as i64
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slow_host_is_penalized_once_measured() {
        let settings = LatencySettings {
            min_measured: 10,
            update_rate: Duration::ZERO,
            retry_period: Duration::from_secs(60),
            ..LatencySettings::default()
        };
        let tracker = LatencyTracker::new(settings);
        let (fast, slow) = (Uuid::from_u128(1), Uuid::from_u128(2));
        assert!(!tracker.penalized()(slow));
        for _ in 0..20 {
            std::thread::sleep(Duration::from_micros(50));
            tracker.record(fast, Duration::from_millis(1));
            tracker.record(slow, Duration::from_millis(10));
        }
        let penalized = tracker.penalized();
        assert!(penalized(slow));
        assert!(!penalized(fast));
        assert!(!penalized(Uuid::from_u128(3)));
    }
}
