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
use crate::ffi::{ArcHandle, UserData};
use crate::result::CassResult;
use crate::session::CassSession;
use parking_lot::{Condvar, Mutex};
use std::ffi::CString;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// A C callback: `void (*)(CassFuture* future, void* data)`.
pub type CassFutureCallback = Option<extern "C" fn(future: *mut CassFuture, data: *mut std::ffi::c_void)>;

/// What a successful future carries.
pub enum Payload {
    /// Nothing (connect, close).
    Empty,
    /// The result of an executed statement.
    Result(Arc<CassResult>),
    /// A connected session, kept alive while the connect future exists.
    Session(Arc<CassSession>),
    /// A prepared statement (`cass_session_prepare`).
    Prepared(Arc<crate::prepared::CassPrepared>),
}

/// A failed future's code and message (NUL-terminated for C), and the server's error details when
/// the server answered with an error.
pub struct Failure {
    pub code: CassError,
    pub message: CString,
    pub server_error: Option<Arc<crate::error_result::CassErrorResult>>,
}

impl Failure {
    pub fn new(code: CassError, message: impl Into<String>) -> Self {
        let mut text = message.into();
        text.retain(|c| c != '\0');
        Failure { code, message: CString::new(text).unwrap_or_default(), server_error: None }
    }

    /// A failure the server reported (an ERROR response): its code and details, and its message.
    pub fn from_server(details: crate::error_result::CassErrorResult, message: impl Into<String>) -> Self {
        let code = details.code;
        Failure { server_error: Some(Arc::new(details)), ..Self::new(code, message) }
    }
}

pub type Outcome = Result<Payload, Failure>;

struct State {
    outcome: Option<Outcome>,
    callback: Option<(extern "C" fn(*mut CassFuture, *mut std::ffi::c_void), UserData)>,
    /// True once a callback was registered (or fired): a second one is refused.
    callback_taken: bool,
    waiters: u32,
}

/// The future handle C sees. Its outcome is written once and read-only afterwards.
pub struct CassFuture {
    state: Mutex<State>,
    ready: Condvar,
    done: AtomicBool,
}

impl ArcHandle for CassFuture {}

impl CassFuture {
    pub fn new_pending() -> Arc<Self> {
        Arc::new(CassFuture {
            state: Mutex::new(State { outcome: None, callback: None, callback_taken: false, waiters: 0 }),
            ready: Condvar::new(),
            done: AtomicBool::new(false),
        })
    }

    /// A future that is already complete.
    pub fn new_ready(outcome: Outcome) -> Arc<Self> {
        let future = Self::new_pending();
        future.complete(outcome);
        future
    }

    /// Stores the outcome, wakes waiters and runs the callback (once, on this thread).
    pub fn complete(self: &Arc<Self>, outcome: Outcome) {
        let (callback, wake) = {
            let mut state = self.state.lock();
            if state.outcome.is_some() {
                return;
            }
            state.outcome = Some(outcome);
            self.done.store(true, Ordering::Release);
            (state.callback.take(), state.waiters > 0)
        };
        if wake {
            self.ready.notify_all();
        }
        if let Some((callback, data)) = callback {
            callbacks::dispatch(self.clone(), callback, data);
        }
    }

    pub fn is_ready(&self) -> bool {
        self.done.load(Ordering::Acquire)
    }

    /// Registers the callback; calls it at once on this thread when the future is already complete.
    pub fn set_callback(
        self: &Arc<Self>,
        callback: extern "C" fn(*mut CassFuture, *mut std::ffi::c_void),
        data: UserData,
    ) -> CassError {
        {
            let mut state = self.state.lock();
            if state.callback_taken {
                return CassError::CASS_ERROR_LIB_CALLBACK_ALREADY_SET;
            }
            state.callback_taken = true;
            if state.outcome.is_none() {
                state.callback = Some((callback, data));
                return CassError::CASS_OK;
            }
        }
        callback(Arc::as_ptr(self) as *mut CassFuture, data.0);
        CassError::CASS_OK
    }

    /// Blocks until the future completes, or until `timeout` passed; true when complete.
    ///
    /// On a runtime worker thread (a callback that waits on another future) the worker first hands
    /// its other work to a new thread, so the future it waits for can still complete.
    pub fn wait(&self, timeout: Option<Duration>) -> bool {
        if self.is_ready() {
            return true;
        }
        if crate::runtime::on_worker_thread() {
            return tokio::task::block_in_place(|| self.wait_blocking(timeout));
        }
        self.wait_blocking(timeout)
    }

    fn wait_blocking(&self, timeout: Option<Duration>) -> bool {
        let deadline = timeout.map(|t| Instant::now() + t);
        let mut state = self.state.lock();
        state.waiters += 1;
        while state.outcome.is_none() {
            match deadline {
                None => self.ready.wait(&mut state),
                Some(deadline) => {
                    if self.ready.wait_until(&mut state, deadline).timed_out() {
                        break;
                    }
                }
            }
        }
        state.waiters -= 1;
        state.outcome.is_some()
    }

    /// Runs `f` on the outcome, waiting for completion first.
    pub fn with_outcome<R>(&self, f: impl FnOnce(&Outcome) -> R) -> R {
        self.wait(None);
        let state = self.state.lock();
        f(state.outcome.as_ref().expect("a waited future has an outcome"))
    }
}
