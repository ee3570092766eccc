//! `CassFuture`: the bridge between requests running on the I/O runtime and C threads that wait
//! for them or register callbacks.
//!
//! A future is completed exactly once, on whichever thread finishes the work. Completion stores the
//! outcome, takes the callback out under the lock, wakes waiters, and then calls the callback
//! without any lock held. C holds one `Arc` reference (released by `cass_future_free`); the work in
//! flight holds another, so a callback still fires, with a valid future pointer, after C freed its
//! reference early.

pub(crate) mod callbacks;
mod exports;

use crate::error::CassError;
use crate::ffi::UserData;
use crate::result::CassResult;
use parking_lot::{Condvar, Mutex};
use std::ffi::CString;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// A C callback: `void (*)(CassFuture* future, void* data)`.
pub(crate) type CassFutureCallback = Option<extern "C" fn(future: *mut CassFuture, data: *mut std::ffi::c_void)>;

/// What a successful future carries.
pub(crate) enum Payload {
    /// Nothing (connect, close).
    Empty,
    /// The result of an executed statement.
    Result(Arc<CassResult>),
    /// A prepared statement (`cass_session_prepare`).
    Prepared(Arc<crate::prepared::CassPrepared>),
}

/// A failed future's code and message (NUL-terminated for C), the server's error details when
/// the server answered with an error, and the node whose attempt failed last (when one did).
pub(crate) struct Failure {
    pub code: CassError,
    pub message: CString,
    pub server_error: Option<Arc<crate::error_result::CassErrorResult>>,
    /// `cass_future_coordinator` of the failed request; lives as long as the future.
    pub coordinator: Option<crate::node::CassNode>,
}

impl Failure {
    pub(crate) fn new(code: CassError, message: impl Into<String>) -> Self {
        let mut text = message.into();
        text.retain(|c| c != '\0');
        Failure { code, message: CString::new(text).unwrap_or_default(), server_error: None, coordinator: None }
    }

    /// A failure the server reported (an ERROR response): its code and details, and its message.
    pub(crate) fn from_server(details: crate::error_result::CassErrorResult, message: impl Into<String>) -> Self {
        let code = details.code;
        Failure { server_error: Some(Arc::new(details)), ..Self::new(code, message) }
    }
}

pub(crate) type Outcome = Result<Payload, Failure>;

type Callback = extern "C" fn(*mut CassFuture, *mut std::ffi::c_void);

/// Where a future's C callback is in its life.
enum CallbackState {
    /// None registered yet.
    Unset,
    /// Registered; the future is still pending.
    Registered(Callback, UserData),
    /// The future completed; the callback waits for whichever thread takes it first: the
    /// completion runner (`callbacks::run_completed`) or a thread waiting on the future.
    Due(Callback, UserData),
    /// Being called, on the thread `RUNNING` names.
    Running,
    /// Called and returned (or there is none and the future completed).
    Done,
}

struct State {
    outcome: Option<Outcome>,
    callback: CallbackState,
    waiters: u32,
}

thread_local! {
    /// The futures whose callbacks this thread is running (innermost last): a wait on one of them
    /// from inside its own callback returns at once.
    static RUNNING: std::cell::RefCell<Vec<*const CassFuture>> = const { std::cell::RefCell::new(Vec::new()) };
}

fn running_here(future: &CassFuture) -> bool {
    RUNNING.with(|running| running.borrow().contains(&(future as *const CassFuture)))
}

/// The future handle C sees. Its outcome is written once and read-only afterwards.
///
/// Ordering, as with the C++ driver: a callback has returned by the time `cass_future_wait` on its
/// future returns. A waiter that finds the callback due but not started runs it itself, so a
/// callback waiting on another future whose callback is queued behind it never deadlocks.
pub(crate) struct CassFuture {
    state: Mutex<State>,
    ready: Condvar,
    done: AtomicBool,
}

impl crate::ffi::Handle for CassFuture {
    type Ownership = crate::ffi::Shared;
}

impl CassFuture {
    pub(crate) fn new_pending() -> Arc<Self> {
        Arc::new(CassFuture {
            state: Mutex::new(State { outcome: None, callback: CallbackState::Unset, waiters: 0 }),
            ready: Condvar::new(),
            done: AtomicBool::new(false),
        })
    }

    /// A future that is already complete.
    pub(crate) fn new_ready(outcome: Outcome) -> Arc<Self> {
        let future = Self::new_pending();
        future.complete(outcome);
        future
    }

    /// Stores the outcome and wakes waiters; a registered callback is handed to the completion
    /// runner of this thread (`callbacks::run_completed`).
    pub(crate) fn complete(self: &Arc<Self>, outcome: Outcome) {
        let (due, wake) = {
            let mut state = self.state.lock();
            if state.outcome.is_some() {
                return;
            }
            state.outcome = Some(outcome);
            self.done.store(true, Ordering::Release);
            let due = match std::mem::replace(&mut state.callback, CallbackState::Done) {
                CallbackState::Registered(callback, data) => {
                    state.callback = CallbackState::Due(callback, data);
                    true
                }
                other => {
                    state.callback = other;
                    false
                }
            };
            (due, state.waiters > 0)
        };
        if wake {
            self.ready.notify_all();
        }
        if due {
            callbacks::run_completed(self.clone());
        }
    }

    /// Calls the callback if it is still due (no other thread took it); true when this call ran it.
    pub(crate) fn run_due_callback(&self) -> bool {
        let (callback, data) = {
            let mut state = self.state.lock();
            match std::mem::replace(&mut state.callback, CallbackState::Running) {
                CallbackState::Due(callback, data) => (callback, data),
                other => {
                    state.callback = other;
                    return false;
                }
            }
        };
        self.call(callback, data);
        true
    }

    /// Calls the callback (its state is `Running`), then marks it `Done` and wakes waiters.
    fn call(&self, callback: Callback, data: UserData) {
        RUNNING.with(|running| running.borrow_mut().push(self as *const CassFuture));
        callback(self as *const CassFuture as *mut CassFuture, data.0);
        RUNNING.with(|running| running.borrow_mut().pop());
        let wake = {
            let mut state = self.state.lock();
            state.callback = CallbackState::Done;
            state.waiters > 0
        };
        if wake {
            self.ready.notify_all();
        }
    }

    pub(crate) fn is_ready(&self) -> bool {
        self.done.load(Ordering::Acquire)
    }

    /// Registers the callback; calls it at once on this thread when the future is already complete.
    pub(crate) fn set_callback(self: &Arc<Self>, callback: Callback, data: UserData) -> CassError {
        {
            let mut state = self.state.lock();
            if !matches!(state.callback, CallbackState::Unset) {
                return CassError::CASS_ERROR_LIB_CALLBACK_ALREADY_SET;
            }
            if state.outcome.is_none() {
                state.callback = CallbackState::Registered(callback, data);
                return CassError::CASS_OK;
            }
            state.callback = CallbackState::Running;
        }
        self.call(callback, data);
        CassError::CASS_OK
    }

    /// Blocks until the future completes and its callback (if any) has returned, or until
    /// `timeout` passed; true when complete.
    ///
    /// On a runtime worker thread (a callback that waits on another future) the worker first hands
    /// its other work to a new thread, so the future it waits for can still complete.
    pub(crate) fn wait(&self, timeout: Option<Duration>) -> bool {
        if self.is_ready() && self.settled_or_run() {
            return true;
        }
        if crate::runtime::on_worker_thread() {
            return tokio::task::block_in_place(|| self.wait_blocking(timeout));
        }
        self.wait_blocking(timeout)
    }

    /// For a completed future: true when nothing is left to wait for (no callback, or it
    /// returned, or it is running on this very thread); a due callback is run here first.
    fn settled_or_run(&self) -> bool {
        loop {
            match &self.state.lock().callback {
                CallbackState::Unset | CallbackState::Done => return true,
                CallbackState::Running => return running_here(self),
                CallbackState::Registered(..) => return false,
                CallbackState::Due(..) => {}
            }
            self.run_due_callback();
        }
    }

    fn wait_blocking(&self, timeout: Option<Duration>) -> bool {
        let deadline = timeout.map(|t| Instant::now() + t);
        let mut state = self.state.lock();
        state.waiters += 1;
        let complete = loop {
            if state.outcome.is_some() {
                match state.callback {
                    CallbackState::Unset | CallbackState::Done => break true,
                    CallbackState::Running if running_here(self) => break true,
                    CallbackState::Due(..) => {
                        drop(state);
                        self.run_due_callback();
                        state = self.state.lock();
                        continue;
                    }
                    _ => {}
                }
            }
            match deadline {
                None => self.ready.wait(&mut state),
                Some(deadline) => {
                    if self.ready.wait_until(&mut state, deadline).timed_out() {
                        break state.outcome.is_some();
                    }
                }
            }
        };
        state.waiters -= 1;
        complete
    }

    /// Runs `f` on the outcome, waiting for completion first.
    pub(crate) fn with_outcome<R>(&self, f: impl FnOnce(&Outcome) -> R) -> R {
        self.wait(None);
        let state = self.state.lock();
        f(state.outcome.as_ref().expect("a waited future has an outcome"))
    }
}
