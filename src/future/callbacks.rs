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
use once_cell::sync::Lazy;
use std::sync::mpsc::{channel, Sender};
use std::sync::Arc;

type Callback = extern "C" fn(*mut CassFuture, *mut std::ffi::c_void);

/// A callback to run: the future stays alive (and its pointer valid) until it has run.
struct Job {
    future: Arc<CassFuture>,
    callback: Callback,
    data: UserData,
}

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
    (job.callback)(Arc::as_ptr(&job.future) as *mut CassFuture, job.data.0);
}

/// Runs `callback` for `future` on the callback thread.
pub fn dispatch(future: Arc<CassFuture>, callback: Callback, data: UserData) {
    let job = Job { future, callback, data };
    if let Err(failed) = QUEUE.send(job) {
        // The thread is gone (the process is exiting): run it here rather than never.
        run(failed.0);
    }
}
