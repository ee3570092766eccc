//! Session metrics (`cass_session_get_metrics`, `cass_session_get_speculative_execution_metrics`):
//! request latencies in microseconds, request rates, timeout counts, and speculative executions.
//!
//! Latencies are measured by the session from submission to completion of each request
//! (statement or batch) and kept in a lock-free histogram; rates are exponentially weighted
//! moving averages ticked every 5 seconds when read or marked, as in the C++ driver. Connection
//! counts and connection timeouts come from the `scylla` crate's own metrics.

use crate::types::{
    CassMetrics, CassMetricsErrors, CassMetricsRequests, CassMetricsStats, CassSpeculativeExecutionMetrics,
};
use parking_lot::Mutex;
use scylla::errors::{RequestAttemptError, RequestError};
use scylla::observability::history::{AttemptId, HistoryListener, RequestId, SpeculativeId};
use scylla::policies::retry::RetryDecision;
use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicU64, Ordering::Relaxed};
use std::time::{Duration, Instant};

/// Sub-buckets per power of two: values are kept within 1/128 (under 0.8 %) of their size.
const SUB_BITS: u32 = 7;
const SUB: usize = 1 << SUB_BITS;
/// Powers of two covered: up to 2^40 µs (about 12 days); larger values are clamped.
const GROUPS: usize = 41 - SUB_BITS as usize;

/// A histogram of microsecond values that threads record into without locks.
pub(crate) struct Histogram {
    buckets: Box<[AtomicU64]>,
    count: AtomicU64,
    sum: AtomicU64,
    min: AtomicU64,
    max: AtomicU64,
}

/// What `Histogram::snapshot` gives: all in microseconds.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub(crate) struct Snapshot {
    pub count: u64,
    pub min: u64,
    pub max: u64,
    pub mean: u64,
    pub stddev: u64,
    pub median: u64,
    pub p75: u64,
    pub p95: u64,
    pub p98: u64,
    pub p99: u64,
    pub p999: u64,
}

impl Default for Histogram {
    fn default() -> Self {
        Histogram {
            buckets: (0..SUB * (GROUPS + 1)).map(|_| AtomicU64::new(0)).collect(),
            count: AtomicU64::new(0),
            sum: AtomicU64::new(0),
            min: AtomicU64::new(u64::MAX),
            max: AtomicU64::new(0),
        }
    }
}

/// The bucket of `value`: exact below `SUB`, then `SUB` buckets per power of two.
fn bucket_of(value: u64) -> usize {
    if value < SUB as u64 {
        return value as usize;
    }
    // The highest bit picks the group; the next SUB_BITS bits pick the bucket within it.
    let group = (63 - value.leading_zeros() - SUB_BITS + 1) as usize;
    if group > GROUPS {
        return SUB * (GROUPS + 1) - 1;
    }
    group * SUB + ((value >> (group - 1)) as usize - SUB)
}

/// The middle of bucket `index`'s value range.
fn value_of(index: usize) -> u64 {
    let (group, sub) = (index / SUB, (index % SUB) as u64);
    if group == 0 {
        return sub;
    }
    let shift = group as u32 - 1;
    let low = (SUB as u64 + sub) << shift;
    low + ((1u64 << shift) >> 1)
}

impl Histogram {
    /// Records one value (microseconds).
    #[inline]
    pub(crate) fn record(&self, micros: u64) {
        self.buckets[bucket_of(micros)].fetch_add(1, Relaxed);
        self.count.fetch_add(1, Relaxed);
        self.sum.fetch_add(micros, Relaxed);
        self.min.fetch_min(micros, Relaxed);
        self.max.fetch_max(micros, Relaxed);
    }

    /// Count, extremes, mean, standard deviation and percentiles of the values so far.
    pub(crate) fn snapshot(&self) -> Snapshot {
        let counts: Vec<u64> = self.buckets.iter().map(|b| b.load(Relaxed)).collect();
        let count: u64 = counts.iter().sum();
        if count == 0 {
            return Snapshot::default();
        }
        let (min, max) = (self.min.load(Relaxed), self.max.load(Relaxed));
        let mean = self.sum.load(Relaxed) as f64 / self.count.load(Relaxed).max(1) as f64;
        let variance = counts
            .iter()
            .enumerate()
            .filter(|(_, &n)| n > 0)
            .map(|(i, &n)| {
                let d = value_of(i).clamp(min, max) as f64 - mean;
                d * d * n as f64
            })
            .sum::<f64>()
            / count as f64;
        let percentile = |p: f64| {
            let rank = ((p / 100.0) * count as f64).ceil().max(1.0) as u64;
            let mut seen = 0;
            for (i, &n) in counts.iter().enumerate() {
                seen += n;
                if seen >= rank {
                    return value_of(i).clamp(min, max);
                }
            }
            max
        };
        Snapshot {
            count,
            min,
            max,
            mean: mean.round() as u64,
            stddev: variance.sqrt().round() as u64,
            median: percentile(50.0),
            p75: percentile(75.0),
            p95: percentile(95.0),
            p98: percentile(98.0),
            p99: percentile(99.0),
            p999: percentile(99.9),
        }
    }
}

/// Seconds between two ticks of the moving averages.
const TICK: Duration = Duration::from_secs(5);

/// Request rates: the mean since the start and 1, 5 and 15 minute moving averages.
pub(crate) struct Meter {
    start: Instant,
    count: AtomicU64,
    /// Requests not yet folded into the averages, and the averages (requests per second).
    averages: Mutex<Averages>,
}

struct Averages {
    last_tick: Instant,
    folded: u64,
    rates: [Option<f64>; 3],
}

impl Meter {
    fn new() -> Self {
        let now = Instant::now();
        Meter {
            start: now,
            count: AtomicU64::new(0),
            averages: Mutex::new(Averages { last_tick: now, folded: 0, rates: [None; 3] }),
        }
    }

    #[inline]
    fn mark(&self) {
        self.count.fetch_add(1, Relaxed);
    }

    /// (mean, 1 minute, 5 minutes, 15 minutes) in requests per second.
    fn rates(&self) -> (f64, f64, f64, f64) {
        let now = Instant::now();
        let count = self.count.load(Relaxed);
        let mut avg = self.averages.lock();
        while now.duration_since(avg.last_tick) >= TICK {
            let instant_rate = (count - avg.folded) as f64 / TICK.as_secs_f64();
            avg.folded = count;
            for (rate, minutes) in avg.rates.iter_mut().zip([1.0f64, 5.0, 15.0]) {
                let alpha = 1.0 - (-TICK.as_secs_f64() / 60.0 / minutes).exp();
                *rate = Some(match *rate {
                    None => instant_rate,
                    Some(r) => r + alpha * (instant_rate - r),
                });
            }
            avg.last_tick += TICK;
        }
        let elapsed = now.duration_since(self.start).as_secs_f64();
        let mean = if count == 0 || elapsed <= 0.0 { 0.0 } else { count as f64 / elapsed };
        let [one, five, fifteen] = avg.rates.map(|r| r.unwrap_or(0.0));
        (mean, one, five, fifteen)
    }
}

/// A session's metrics, shared by its requests.
pub(crate) struct SessionMetrics {
    latencies: Histogram,
    rates: Meter,
    request_timeouts: AtomicU64,
    speculative: Histogram,
    speculative_count: AtomicU64,
}

impl Default for SessionMetrics {
    fn default() -> Self {
        SessionMetrics {
            latencies: Histogram::default(),
            rates: Meter::new(),
            request_timeouts: AtomicU64::new(0),
            speculative: Histogram::default(),
            speculative_count: AtomicU64::new(0),
        }
    }
}

impl SessionMetrics {
    /// A request that completed (with a result or an error) after `elapsed`.
    #[inline]
    pub(crate) fn record_request(&self, elapsed: Duration) {
        self.latencies.record(elapsed.as_micros() as u64);
        self.rates.mark();
    }

    /// A request that failed because the client stopped waiting (`CASS_ERROR_LIB_REQUEST_TIMED_OUT`).
    pub(crate) fn record_timeout(&self) {
        self.request_timeouts.fetch_add(1, Relaxed);
    }

    /// Fills `CassMetrics`; `crate_metrics` gives connection counts and connection timeouts.
    pub(crate) fn fill(&self, crate_metrics: &scylla::observability::metrics::Metrics) -> CassMetrics {
        let s = self.latencies.snapshot();
        let (mean_rate, one_minute_rate, five_minute_rate, fifteen_minute_rate) = self.rates.rates();
        let total_connections = crate_metrics.get_total_connections();
        CassMetrics {
            requests: CassMetricsRequests {
                min: s.min,
                max: s.max,
                mean: s.mean,
                stddev: s.stddev,
                median: s.median,
                percentile_75th: s.p75,
                percentile_95th: s.p95,
                percentile_98th: s.p98,
                percentile_99th: s.p99,
                percentile_999th: s.p999,
                mean_rate,
                one_minute_rate,
                five_minute_rate,
                fifteen_minute_rate,
            },
            stats: CassMetricsStats {
                total_connections,
                available_connections: total_connections,
                exceeded_pending_requests_water_mark: 0,
                exceeded_write_bytes_water_mark: 0,
            },
            errors: CassMetricsErrors {
                connection_timeouts: crate_metrics.get_connection_timeouts(),
                pending_request_timeouts: 0,
                request_timeouts: self.request_timeouts.load(Relaxed),
            },
        }
    }

    /// Fills `CassSpeculativeExecutionMetrics`.
    pub(crate) fn fill_speculative(&self) -> CassSpeculativeExecutionMetrics {
        let s = self.speculative.snapshot();
        let count = self.speculative_count.load(Relaxed);
        let requests = self.rates.count.load(Relaxed);
        let total = count + requests;
        CassSpeculativeExecutionMetrics {
            min: s.min,
            max: s.max,
            mean: s.mean,
            stddev: s.stddev,
            median: s.median,
            percentile_75th: s.p75,
            percentile_95th: s.p95,
            percentile_98th: s.p98,
            percentile_99th: s.p99,
            percentile_999th: s.p999,
            count,
            percentage: if total == 0 { 0.0 } else { count as f64 / total as f64 * 100.0 },
        }
    }
}

/// Counts speculative executions (attached to requests only when a speculative execution policy
/// is in use). When a request completes, each of its executions but the one that answered was
/// aborted: each is counted, with the request's latency at that moment (the crate cancels the
/// losers, so their own answers are never seen; the C++ driver records when they arrive).
#[derive(Debug)]
pub(crate) struct SpeculativeListener {
    metrics: std::sync::Arc<SessionMetrics>,
    next_id: AtomicU64,
    requests: Mutex<HashMap<usize, (Instant, u64)>>,
}

impl std::fmt::Debug for SessionMetrics {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SessionMetrics")
    }
}

impl SpeculativeListener {
    pub(crate) fn new(metrics: std::sync::Arc<SessionMetrics>) -> Self {
        SpeculativeListener { metrics, next_id: AtomicU64::new(0), requests: Mutex::new(HashMap::new()) }
    }

    fn finish(&self, request_id: RequestId) {
        let Some((start, fibers)) = self.requests.lock().remove(&request_id.0) else {
            return;
        };
        let micros = start.elapsed().as_micros() as u64;
        for _ in 0..fibers {
            self.metrics.speculative.record(micros);
        }
        self.metrics.speculative_count.fetch_add(fibers, Relaxed);
    }
}

impl HistoryListener for SpeculativeListener {
    fn log_request_start(&self) -> RequestId {
        let id = self.next_id.fetch_add(1, Relaxed) as usize;
        self.requests.lock().insert(id, (Instant::now(), 0));
        RequestId(id)
    }

    fn log_request_success(&self, request_id: RequestId) {
        self.finish(request_id);
    }

    fn log_request_error(&self, request_id: RequestId, _error: &RequestError) {
        self.finish(request_id);
    }

    fn log_new_speculative_fiber(&self, request_id: RequestId) -> SpeculativeId {
        if let Some(entry) = self.requests.lock().get_mut(&request_id.0) {
            entry.1 += 1;
        }
        SpeculativeId(0)
    }

    fn log_attempt_start(&self, _: RequestId, _: Option<SpeculativeId>, _: SocketAddr) -> AttemptId {
        AttemptId(0)
    }

    fn log_attempt_success(&self, _: AttemptId) {}

    fn log_attempt_error(&self, _: AttemptId, _: &RequestAttemptError, _: &RetryDecision) {}
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn buckets_are_ordered_and_close() {
        let mut last = 0;
        for v in (0..5000u64).chain([1 << 20, (1 << 20) + 12345, 1 << 39]) {
            let b = bucket_of(v);
            assert!(b >= last, "bucket order at {v}");
            last = b;
            let back = value_of(b);
            assert!(back.abs_diff(v) <= v / 100 + 1, "{v} -> {back}");
        }
        assert_eq!(bucket_of(u64::MAX), SUB * (GROUPS + 1) - 1);
    }

    #[test]
    fn snapshot_percentiles() {
        let h = Histogram::default();
        for v in 1..=1000u64 {
            h.record(v);
        }
        let s = h.snapshot();
        assert_eq!((s.count, s.min, s.max), (1000, 1, 1000));
        assert!(s.median.abs_diff(500) <= 5, "{s:?}");
        assert!(s.p99.abs_diff(990) <= 8, "{s:?}");
        assert!(s.stddev.abs_diff(289) <= 5, "{s:?}");
        assert_eq!(s.mean, 501);
    }
}
