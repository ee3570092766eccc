//! Custom authenticators (`cass_cluster_set_authenticator_callbacks`, `cass_authenticator_*`):
//! the server's SASL exchange driven by C callbacks, on the I/O thread of the connection being
//! authenticated, as with the C++ driver.
//!
//! Each connection's login is one [`CassAuthenticator`]: the initial callback writes the first
//! response, the challenge callback answers each challenge, the success callback sees the final
//! token, and the cleanup callback runs when the exchange ends (whatever its outcome). The
//! cluster's data cleanup callback runs once, when the last cluster or session holding the
//! callbacks lets go of them.
//!
//! Not available here: the node's address and host name (`cass_authenticator_address()`,
//! `cass_authenticator_hostname()`). The `scylla` crate starts an exchange with the
//! authenticator's class name only, so they read as an empty address and "" (README).

mod exports;
use crate::ffi::UserData;
use crate::ffi::{Borrowed, Handle};
use parking_lot::Mutex;
use scylla::authentication::{AuthError, AuthenticatorProvider, AuthenticatorSession};
use std::ffi::{c_char, CString};
use std::sync::Arc;

/// `void (*)(CassAuthenticator* auth, void* data)`: starts an exchange.
pub(crate) type CassAuthenticatorInitialCallback =
    Option<extern "C" fn(auth: *mut CassAuthenticator, data: *mut std::ffi::c_void)>;
/// `void (*)(CassAuthenticator* auth, void* data, const char* token, size_t token_size)`.
pub(crate) type CassAuthenticatorChallengeCallback = Option<
    extern "C" fn(
        auth: *mut CassAuthenticator,
        data: *mut std::ffi::c_void,
        token: *const std::ffi::c_char,
        token_size: usize,
    ),
>;
/// `void (*)(CassAuthenticator* auth, void* data, const char* token, size_t token_size)`.
pub(crate) type CassAuthenticatorSuccessCallback = Option<
    extern "C" fn(
        auth: *mut CassAuthenticator,
        data: *mut std::ffi::c_void,
        token: *const std::ffi::c_char,
        token_size: usize,
    ),
>;
/// `void (*)(CassAuthenticator* auth, void* data)`: ends an exchange.
pub(crate) type CassAuthenticatorCleanupCallback =
    Option<extern "C" fn(auth: *mut CassAuthenticator, data: *mut std::ffi::c_void)>;
/// `void (*)(void* data)`: frees the data of an authenticator.
pub(crate) type CassAuthenticatorDataCleanupCallback = Option<extern "C" fn(data: *mut std::ffi::c_void)>;

/// The callbacks of a custom authenticator.
#[repr(C)]
#[derive(Clone, Copy)]
pub(crate) struct CassAuthenticatorCallbacks {
    pub initial_callback: CassAuthenticatorInitialCallback,
    pub challenge_callback: CassAuthenticatorChallengeCallback,
    pub success_callback: CassAuthenticatorSuccessCallback,
    pub cleanup_callback: CassAuthenticatorCleanupCallback,
}

/// One authentication exchange, as C callbacks see it (`CassAuthenticator*`).
pub(crate) struct CassAuthenticator {
    /// The server's authenticator class, NUL-terminated for C.
    class_name: CString,
    state: Mutex<Exchange>,
}

impl Handle for CassAuthenticator {
    type Ownership = Borrowed;
}

#[derive(Default)]
struct Exchange {
    /// What the callback wants sent next (`cass_authenticator_response`, `_set_response`).
    response: Option<Vec<u8>>,
    /// Set by `cass_authenticator_set_error*`: the exchange fails with this message.
    error: Option<String>,
    /// The callbacks' own per-exchange pointer.
    exchange_data: UserData,
}

impl CassAuthenticator {
    fn new(class_name: &str) -> Box<Self> {
        let mut name = class_name.to_string();
        name.retain(|c| c != '\0');
        Box::new(CassAuthenticator {
            class_name: CString::new(name).unwrap_or_default(),
            state: Mutex::new(Exchange::default()),
        })
    }

    fn as_c(&self) -> *mut CassAuthenticator {
        self as *const Self as *mut Self
    }

    /// What the last callback left: its response (taken), or its error.
    fn outcome(&self) -> Result<Option<Vec<u8>>, AuthError> {
        let mut state = self.state.lock();
        match state.error.take() {
            Some(message) => Err(message),
            None => Ok(state.response.take()),
        }
    }
}

/// The callbacks and their data, shared by the cluster and its sessions.
struct Callbacks {
    exchange: CassAuthenticatorCallbacks,
    data_cleanup: CassAuthenticatorDataCleanupCallback,
    data: UserData,
}

// SAFETY: the C caller promises its callbacks and data may be used from any library thread (the
// C++ driver calls them from its I/O threads too).
unsafe impl Send for Callbacks {}
// SAFETY: as above; the callbacks are only read.
unsafe impl Sync for Callbacks {}

impl Drop for Callbacks {
    fn drop(&mut self) {
        if let Some(cleanup) = self.data_cleanup {
            cleanup(self.data.0);
        }
    }
}

/// The crate's view of the callbacks: one [`CallbackSession`] per connection's login.
struct CallbackProvider(Arc<Callbacks>);

struct CallbackSession {
    callbacks: Arc<Callbacks>,
    auth: Box<CassAuthenticator>,
}

// SAFETY: the exchange's pointers (its data) belong to the C callbacks, which accept any thread.
unsafe impl Send for CallbackSession {}
// SAFETY: as above; the state is behind a mutex.
unsafe impl Sync for CallbackSession {}

/// A token as the callbacks take it: pointer and length (NULL and 0 for none).
fn token_parts(token: Option<&[u8]>) -> (*const c_char, usize) {
    token.map_or((std::ptr::null(), 0), |t| (t.as_ptr() as *const c_char, t.len()))
}

#[async_trait::async_trait]
impl AuthenticatorProvider for CallbackProvider {
    async fn start_authentication_session(
        &self,
        authenticator_name: &str,
    ) -> Result<(Option<Vec<u8>>, Box<dyn AuthenticatorSession>), AuthError> {
        let session = CallbackSession { callbacks: self.0.clone(), auth: CassAuthenticator::new(authenticator_name) };
        if let Some(initial) = session.callbacks.exchange.initial_callback {
            initial(session.auth.as_c(), session.callbacks.data.0);
        }
        let response = session.auth.outcome()?;
        Ok((response, Box::new(session)))
    }
}

#[async_trait::async_trait]
impl AuthenticatorSession for CallbackSession {
    async fn evaluate_challenge(&mut self, token: Option<&[u8]>) -> Result<Option<Vec<u8>>, AuthError> {
        let Some(challenge) = self.callbacks.exchange.challenge_callback else {
            return Err("The authenticator has no challenge callback".to_string());
        };
        let (ptr, len) = token_parts(token);
        challenge(self.auth.as_c(), self.callbacks.data.0, ptr, len);
        self.auth.outcome()
    }

    async fn success(&mut self, token: Option<&[u8]>) -> Result<(), AuthError> {
        if let Some(success) = self.callbacks.exchange.success_callback {
            let (ptr, len) = token_parts(token);
            success(self.auth.as_c(), self.callbacks.data.0, ptr, len);
        }
        self.auth.outcome().map(|_| ())
    }
}

impl Drop for CallbackSession {
    fn drop(&mut self) {
        if let Some(cleanup) = self.callbacks.exchange.cleanup_callback {
            cleanup(self.auth.as_c(), self.callbacks.data.0);
        }
    }
}
