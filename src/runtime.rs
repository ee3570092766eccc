//! The I/O runtime a session owns, and the queue that hands requests to it.
//!
//! Requests are submitted from C threads through [`Submitter`]: a locked vector that the runtime's
//! dispatcher task drains in batches. A submitting thread wakes the dispatcher only when no wake is
//! already owed, so under load many requests cost one wake-up. The dispatcher spawns each request as
//! a task on the worker thread it runs on (a cheap local spawn).
//!
//! Tasks get a `Handle` or the `Submitter`, never the `Runtime` itself: only the session owns it,
//! so no task can end up dropping the runtime from inside.

use futures::task::AtomicWaker;
use parking_lot::Mutex;
use std::cell::Cell;
use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::task::Poll;

/// A request ready to run on the runtime.
pub type Job = Pin<Box<dyn Future<Output = ()> + Send + 'static>>;

thread_local! {
    static ON_RUNTIME_THREAD: Cell<bool> = const { Cell::new(false) };
}

/// True on the threads of any I/O runtime of this library.
pub fn on_worker_thread() -> bool {
    ON_RUNTIME_THREAD.with(|flag| flag.get())
}

/// The submission queue between C threads and one runtime.
pub struct Submitter {
    queue: Mutex<Vec<Job>>,
    waker: AtomicWaker,
    wake_owed: AtomicBool,
}

impl Submitter {
    /// Queues a job; never blocks on the runtime.
    pub fn submit(&self, job: Job) {
        self.queue.lock().push(job);
        if !self.wake_owed.swap(true, Ordering::AcqRel) {
            self.waker.wake();
        }
    }

    /// The dispatcher: runs forever on the runtime, spawning what C threads submitted.
    async fn dispatch(self: Arc<Self>) {
        let mut batch: Vec<Job> = Vec::with_capacity(64);
        std::future::poll_fn(|cx| {
            self.waker.register(cx.waker());
            // Cleared before draining: a job pushed from now on owes a new wake-up.
            self.wake_owed.store(false, Ordering::Release);
            std::mem::swap(&mut *self.queue.lock(), &mut batch);
            for job in batch.drain(..) {
                tokio::spawn(job);
            }
            Poll::<()>::Pending
        })
        .await
    }
}

/// A session's runtime: `num_threads_io` worker threads.
pub struct IoRuntime {
    runtime: Option<tokio::runtime::Runtime>,
    pub submitter: Arc<Submitter>,
}

impl IoRuntime {
    pub fn new(io_threads: usize) -> std::io::Result<Self> {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(io_threads.max(1))
            .max_blocking_threads(64)
            .thread_name("cass-io")
            .on_thread_start(|| ON_RUNTIME_THREAD.with(|flag| flag.set(true)))
            .enable_all()
            .build()?;
        let submitter = Arc::new(Submitter {
            queue: Mutex::new(Vec::with_capacity(64)),
            waker: AtomicWaker::new(),
            wake_owed: AtomicBool::new(false),
        });
        runtime.spawn(submitter.clone().dispatch());
        Ok(IoRuntime { runtime: Some(runtime), submitter })
    }

    pub fn handle(&self) -> &tokio::runtime::Handle {
        self.runtime.as_ref().expect("runtime is alive until drop").handle()
    }
}

impl Drop for IoRuntime {
    fn drop(&mut self) {
        if let Some(runtime) = self.runtime.take() {
            // Does not wait for tasks, so it is also safe on one of this runtime's own threads.
            runtime.shutdown_background();
        }
    }
}
