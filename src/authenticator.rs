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

use crate::cluster::{Authenticator, CassCluster};
use crate::error::CassError;
use crate::ffi::strings::{safe_strlen, str_n};
use crate::ffi::with;
use crate::ffi::{guard, struct_arg, write_out, RefHandle, UserData};
use crate::ffi::{Borrowed, Handle};
use crate::types::{CassAuthenticatorCallbacks, CassAuthenticatorDataCleanupCallback, CassInet};
use parking_lot::Mutex;
use scylla::authentication::{AuthError, AuthenticatorProvider, AuthenticatorSession};
use std::ffi::{c_char, c_void, CString};
use std::sync::Arc;

/// One authentication exchange, as C callbacks see it (`CassAuthenticator*`).
pub struct CassAuthenticator {
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

/// Authenticates with C callbacks (SASL exchanges driven by the caller), replacing credentials
/// and other authenticators set before. `cleanup_callback` (may be NULL) is called with `data`
/// once the cluster and every session connected with it are done with the callbacks. NULL
/// `exchange_callbacks` gives `CASS_ERROR_LIB_BAD_PARAMS`.
#[no_mangle]
pub extern "C" fn cass_cluster_set_authenticator_callbacks(
    cluster: *mut CassCluster,
    exchange_callbacks: *const CassAuthenticatorCallbacks,
    cleanup_callback: CassAuthenticatorDataCleanupCallback,
    data: *mut c_void,
) -> CassError {
    with(cluster, CassError::CASS_ERROR_LIB_BAD_PARAMS, |cluster| {
        let Some(exchange) = struct_arg(exchange_callbacks) else {
            return CassError::CASS_ERROR_LIB_BAD_PARAMS;
        };
        let callbacks =
            Arc::new(Callbacks { exchange: *exchange, data_cleanup: cleanup_callback, data: UserData(data) });
        cluster.config.credentials = None;
        cluster.config.authenticator = Some(Authenticator(Arc::new(CallbackProvider(callbacks))));
        CassError::CASS_OK
    })
}

/// The address of the node being authenticated: not known here (the `scylla` crate does not
/// pass it to authenticators), so `address` is set to an empty address (`address_length` 0).
/// NULL arguments are ignored.
#[no_mangle]
pub extern "C" fn cass_authenticator_address(auth: *const CassAuthenticator, address: *mut CassInet) {
    guard(|| {
        if CassAuthenticator::from_ptr(auth).is_some() {
            let _ = write_out(address, CassInet { address: [0; 16], address_length: 0 });
        }
    })
}

/// The host name of the node being authenticated: "" (not known here, as the address; the C++
/// driver also gives "" without hostname resolution). `length` (may be NULL) receives 0. NULL
/// for a NULL authenticator.
#[no_mangle]
pub extern "C" fn cass_authenticator_hostname(auth: *const CassAuthenticator, length: *mut usize) -> *const c_char {
    guard(|| match CassAuthenticator::from_ptr(auth) {
        Some(_) => {
            let _ = write_out(length, 0);
            c"".as_ptr()
        }
        None => std::ptr::null(),
    })
}

/// The server's authenticator class (for example
/// `org.apache.cassandra.auth.PasswordAuthenticator`), NUL-terminated, valid during the exchange;
/// `length` (may be NULL) receives its length. NULL for a NULL authenticator.
#[no_mangle]
pub extern "C" fn cass_authenticator_class_name(auth: *const CassAuthenticator, length: *mut usize) -> *const c_char {
    guard(|| match CassAuthenticator::from_ptr(auth) {
        Some(auth) => {
            let _ = write_out(length, auth.class_name.as_bytes().len());
            auth.class_name.as_ptr()
        }
        None => std::ptr::null(),
    })
}

/// The exchange's own data pointer (`cass_authenticator_set_exchange_data()`; NULL at first).
#[no_mangle]
pub extern "C" fn cass_authenticator_exchange_data(auth: *mut CassAuthenticator) -> *mut c_void {
    guard(|| CassAuthenticator::from_ptr(auth).map_or(std::ptr::null_mut(), |a| a.state.lock().exchange_data.0))
}

/// Sets the exchange's own data pointer, for the later callbacks of the same exchange (the
/// cleanup callback is where to free it).
#[no_mangle]
pub extern "C" fn cass_authenticator_set_exchange_data(auth: *mut CassAuthenticator, exchange_data: *mut c_void) {
    guard(|| {
        if let Some(auth) = CassAuthenticator::from_ptr(auth) {
            auth.state.lock().exchange_data = UserData(exchange_data);
        }
    })
}

/// A response buffer of `size` bytes (zeroed) for the callback to fill; it is sent when the
/// callback returns. Valid until the callback returns; replaces an earlier response. NULL for a
/// NULL authenticator.
#[no_mangle]
pub extern "C" fn cass_authenticator_response(auth: *mut CassAuthenticator, size: usize) -> *mut c_char {
    guard(|| match CassAuthenticator::from_ptr(auth) {
        Some(auth) => {
            let mut state = auth.state.lock();
            let response = state.response.insert(vec![0; size]);
            response.as_mut_ptr() as *mut c_char
        }
        None => std::ptr::null_mut(),
    })
}

/// Sets the response to send (a copy of `response_size` bytes; NULL with size 0 is an empty
/// response).
#[no_mangle]
pub extern "C" fn cass_authenticator_set_response(
    auth: *mut CassAuthenticator,
    response: *const c_char,
    response_size: usize,
) {
    guard(|| {
        if let (Some(auth), Some(bytes)) =
            (CassAuthenticator::from_ptr(auth), crate::ffi::slice_arg(response as *const u8, response_size))
        {
            auth.state.lock().response = Some(bytes.to_vec());
        }
    })
}

/// Fails the exchange with `message` (NUL-terminated; NULL is ""): the connection's login fails.
#[no_mangle]
pub extern "C" fn cass_authenticator_set_error(auth: *mut CassAuthenticator, message: *const c_char) {
    cass_authenticator_set_error_n(auth, message, safe_strlen(message))
}

/// Same as `cass_authenticator_set_error()`, with the message's length.
#[no_mangle]
pub extern "C" fn cass_authenticator_set_error_n(
    auth: *mut CassAuthenticator,
    message: *const c_char,
    message_length: usize,
) {
    guard(|| {
        if let Some(auth) = CassAuthenticator::from_ptr(auth) {
            let text = if message.is_null() { Ok("") } else { str_n(message, message_length) };
            auth.state.lock().error = Some(text.unwrap_or("(not UTF-8)").to_string());
        }
    })
}
