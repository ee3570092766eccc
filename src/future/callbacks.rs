//! The thread that runs C future callbacks.
//!
//! Completions happen on the I/O runtime's workers; their callbacks are handed to this one thread
//! instead of running on the worker. Measured with bench/run-simple-insert.sh (null server, one
//! I/O thread, client pinned to one core, 100,000 requests): client CPU per request went from
//! 7.6-7.7 µs to 5.8-6.1 µs at 32 in flight and from 4.8-5.0 µs to 3.6-4.4 µs at 256, because the
//! worker no longer stops its I/O loop for C code (which typically signals another thread), and
//! a busy callback thread drains completions in runs. It also means a callback may block, for
//! example waiting on another future, without ever stalling I/O, even with one I/O thread.

use super::CassFuture;
use crate::ffi::UserData;
use crate::types::{CassHostListenerEvent, CassInet};
use once_cell::sync::Lazy;
use std::sync::mpsc::{channel, Sender};
use std::sync::Arc;

type Callback = extern "C" fn(*mut CassFuture, *mut std::ffi::c_void);

/// Work for the callback thread, run in the order it was queued.
enum Job {
    /// A future's callback: the future stays alive (and its pointer valid) until it has run.
    Future { future: Arc<CassFuture>, callback: Callback, data: UserData },
    /// A host listener event (`cass_cluster_set_host_listener_callback`).
    Host { callback: HostCallback, event: CassHostListenerEvent, address: CassInet, data: UserData },
    /// Tells a waiter that everything queued before it has run.
    Barrier(tokio::sync::oneshot::Sender<()>),
}

type HostCallback = extern "C" fn(CassHostListenerEvent, CassInet, *mut std::ffi::c_void);

static QUEUE: Lazy<Sender<Job>> = Lazy::new(|| {
    let (sender, receiver) = channel::<Job>();
    std::thread::Builder::new()
        .name("cass-callbacks".into())
        .spawn(move || {
            for job in receiver {
                run(job);
            }
        })
        .expect("unable to start the callback thread");
    sender
});

fn run(job: Job) {
    match job {
        Job::Future { future, callback, data } => callback(Arc::as_ptr(&future) as *mut CassFuture, data.0),
        Job::Host { callback, event, address, data } => callback(event, address, data.0),
        Job::Barrier(done) => {
            let _ = done.send(());
        }
    }
}

fn queue(job: Job) {
    if let Err(failed) = QUEUE.send(job) {
        // The thread is gone (the process is exiting): run it here rather than never.
        run(failed.0);
    }
}

/// Runs `callback` for `future` on the callback thread.
pub fn dispatch(future: Arc<CassFuture>, callback: Callback, data: UserData) {
    queue(Job::Future { future, callback, data });
}

/// Runs a host listener `callback` on the callback thread, after the callbacks queued before it.
pub fn dispatch_host(callback: HostCallback, event: CassHostListenerEvent, address: CassInet, data: UserData) {
    queue(Job::Host { callback, event, address, data });
}

/// Completes once every callback queued before this call has run.
pub async fn barrier() {
    let (done, wait) = tokio::sync::oneshot::channel();
    queue(Job::Barrier(done));
    let _ = wait.await;
}
