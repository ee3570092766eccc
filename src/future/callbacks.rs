//! Where C callbacks run.
//!
//! Future callbacks run on the I/O threads of the session that completed the request, as with
//! the C++ driver: no hand-off to another runtime or to a process-wide thread. Each of the
//! runtime's dispatchers (one per I/O thread, `crate::runtime`) polls its requests itself, so a
//! callback must not run inside that poll (a callback that waits on another future would stop
//! the dispatcher that completes it): completions are queued to the dispatcher's own completion
//! task (`crate::runtime::Completions`), which runs them in a batch right after the dispatcher
//! yields. A callback may block, for example waiting on another future: the worker then hands its
//! other work to a new thread (`CassFuture::wait`).
//!
//! Host listener events keep one process-wide thread of their own, so that they reach C in order
//! and `barrier` can tell when the events queued before it were delivered.

use super::CassFuture;
use crate::ffi::UserData;
use crate::types::{CassHostListenerEvent, CassInet};
use once_cell::sync::Lazy;
use std::sync::mpsc::{channel, Sender};
use std::sync::Arc;

/// Work for the host event thread, run in the order it was queued.
enum Job {
    /// A host listener event (`cass_cluster_set_host_listener_callback`).
    Host { callback: HostCallback, event: CassHostListenerEvent, address: CassInet, data: UserData },
    /// Tells a waiter that everything queued before it has run.
    Barrier(tokio::sync::oneshot::Sender<()>),
}

type HostCallback = extern "C" fn(CassHostListenerEvent, CassInet, *mut std::ffi::c_void);

static QUEUE: Lazy<Sender<Job>> = Lazy::new(|| {
    let (sender, receiver) = channel::<Job>();
    std::thread::Builder::new()
        .name("cass-host-events".into())
        .spawn(move || {
            for job in receiver {
                run(job);
            }
        })
        .expect("unable to start the host event thread");
    sender
});

fn run(job: Job) {
    match job {
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

/// Runs the due callback of a future that just completed: queued to the completion task of the
/// dispatcher that completed it, at once when it was completed outside a dispatcher.
pub(crate) fn run_completed(future: Arc<CassFuture>) {
    if let Err(future) = crate::runtime::queue_completion(future) {
        future.run_due();
    }
}

impl crate::runtime::DueCallback for CassFuture {
    fn run_due(&self) {
        self.run_due_callback();
    }
}

/// Runs a host listener `callback` on the host event thread, after the events queued before it.
pub(crate) fn dispatch_host(callback: HostCallback, event: CassHostListenerEvent, address: CassInet, data: UserData) {
    queue(Job::Host { callback, event, address, data });
}

/// Completes once every host event queued before this call has been delivered.
pub(crate) async fn barrier() {
    let (done, wait) = tokio::sync::oneshot::channel();
    queue(Job::Barrier(done));
    let _ = wait.await;
}
