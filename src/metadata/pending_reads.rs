//! Snapshot reads that run in the background while their callers go on: the first schema
//! snapshot of a session (read once the session is connected, so that connecting does not wait
//! for it) and the re-reads after the session's own schema changes (so that a DDL's future
//! completes once the nodes agree); whoever asks for the snapshot meanwhile waits for them.
//!
//! The C++ driver reads the schema on its control connection before it opens the pools; here the
//! pools open first (the `scylla` crate's connect), so reading the schema before completing the
//! connect future would add its round trips to every connect. Requests never need the snapshot
//! (routing uses the crate's metadata), so the connect future completes once the pools are up,
//! and `cass_session_get_schema_meta()` (and every refresh) waits until the first snapshot is
//! there: what it returns is the same as if connect had waited.

use parking_lot::{Condvar, Mutex};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

/// How many background reads are unfinished, for synchronous and asynchronous waiters.
pub(super) struct PendingReads {
    pending: AtomicUsize,
    lock: Mutex<()>,
    published: Condvar,
    published_async: tokio::sync::Notify,
}

impl PendingReads {
    /// `done`: nothing to wait for yet; otherwise one read (the first snapshot) is pending.
    pub(super) fn new(done: bool) -> Self {
        PendingReads {
            pending: AtomicUsize::new(usize::from(!done)),
            lock: Mutex::new(()),
            published: Condvar::new(),
            published_async: tokio::sync::Notify::new(),
        }
    }

    pub(super) fn is_done(&self) -> bool {
        self.pending.load(Ordering::Acquire) == 0
    }

    /// One more read is pending until the guard is dropped.
    pub(super) fn begin(self: &Arc<Self>) -> Pending {
        self.pending.fetch_add(1, Ordering::AcqRel);
        Pending(self.clone())
    }

    /// Marks one read finished (also when it failed); the last one wakes every waiter.
    pub(super) fn finish(&self) {
        {
            let _guard = self.lock.lock();
            if self.pending.fetch_sub(1, Ordering::AcqRel) != 1 {
                return;
            }
            self.published.notify_all();
        }
        self.published_async.notify_waiters();
    }

    /// Waits (on the runtime) until the first snapshot is published.
    pub(super) async fn wait(&self) {
        loop {
            // Created before the check: `notify_waiters` reaches it from then on.
            let published = self.published_async.notified();
            if self.is_done() {
                return;
            }
            published.await;
        }
    }

    /// Blocks the calling thread at most `limit` until the first snapshot is published; false
    /// when it is not. On an I/O thread of a runtime, that thread's other tasks move to another
    /// thread while it waits (`block_in_place`), so the read it waits for goes on even with
    /// one I/O thread.
    pub(super) fn wait_blocking(&self, limit: Duration) -> bool {
        if self.is_done() {
            return true;
        }
        let wait = || {
            let mut guard = self.lock.lock();
            let deadline = std::time::Instant::now() + limit;
            while !self.is_done() {
                if self.published.wait_until(&mut guard, deadline).timed_out() {
                    break;
                }
            }
            self.is_done()
        };
        let on_multi_thread_runtime = tokio::runtime::Handle::try_current()
            .is_ok_and(|h| h.runtime_flavor() == tokio::runtime::RuntimeFlavor::MultiThread);
        if crate::runtime::on_worker_thread() && on_multi_thread_runtime {
            tokio::task::block_in_place(wait)
        } else {
            wait()
        }
    }
}

/// Marks the first load finished when dropped: also when the task reading it is dropped (the
/// session's runtime shutting down), so that no waiter waits for a read that will never end.
pub(super) struct FinishOnDrop<'a>(pub(super) &'a PendingReads);

impl Drop for FinishOnDrop<'_> {
    fn drop(&mut self) {
        self.0.finish();
    }
}

/// A read begun with [`PendingReads::begin`]; finished when dropped (also with its task).
pub(crate) struct Pending(Arc<PendingReads>);

impl Drop for Pending {
    fn drop(&mut self) {
        self.0.finish();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    #[test]
    fn waiters_return_once_finished() {
        let load = Arc::new(PendingReads::new(false));
        assert!(!load.wait_blocking(Duration::from_millis(10)));
        let finisher = load.clone();
        let thread = std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(20));
            let _done = FinishOnDrop(&finisher);
        });
        assert!(load.wait_blocking(Duration::from_secs(5)));
        thread.join().unwrap();
        let runtime = tokio::runtime::Builder::new_current_thread().build().unwrap();
        runtime.block_on(load.wait());
    }

    #[test]
    fn waiters_wait_for_every_pending_read() {
        let gate = Arc::new(PendingReads::new(true));
        let (one, two) = (gate.begin(), gate.begin());
        drop(one);
        assert!(!gate.wait_blocking(Duration::from_millis(10)));
        drop(two);
        assert!(gate.wait_blocking(Duration::ZERO));
    }

    #[test]
    fn done_from_the_start() {
        let load = PendingReads::new(true);
        assert!(load.wait_blocking(Duration::ZERO));
    }
}
