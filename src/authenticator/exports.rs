//! The `cass_authenticator_*` functions: what a C authenticator callback may do with its exchange.
#![allow(unreachable_pub)] // the C ABI: reached from C, not from Rust

use super::{CallbackProvider, Callbacks, CassAuthenticator};
use super::{CassAuthenticatorCallbacks, CassAuthenticatorDataCleanupCallback};
use crate::cluster::{Authenticator, CassCluster};
use crate::error::CassError;
use crate::ffi::strings::{safe_strlen, str_n};
use crate::ffi::with;
use crate::ffi::{guard, struct_arg, write_out, RefHandle, UserData};
use crate::types::CassInet;
use std::ffi::{c_char, c_void};
use std::sync::Arc;

/// Authenticates with C callbacks (SASL exchanges driven by the caller), replacing credentials
/// and other authenticators set before. `cleanup_callback` (may be NULL) is called with `data`
/// once the cluster and every session connected with it are done with the callbacks. NULL
/// `exchange_callbacks` gives `CASS_ERROR_LIB_BAD_PARAMS`.
///
/// @param[in] cluster The cluster configuration; NULL gives `CASS_ERROR_LIB_BAD_PARAMS`.
/// @param[in] exchange_callbacks The exchange callbacks, copied; must not be NULL.
/// @param[in] cleanup_callback Called with `data` once the callbacks are no longer used; may be NULL.
/// @param[in] data Passed to every callback unchanged; the caller owns it (may be NULL).
/// @return `CASS_OK`; `CASS_ERROR_LIB_BAD_PARAMS` for a NULL cluster or NULL `exchange_callbacks`.
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
///
/// @param[in] auth The authenticator the callback was given; NULL is ignored.
/// @param[out] address Receives the node's address (here always the empty address); NULL is ignored.
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
///
/// @param[in] auth The authenticator the callback was given; NULL is ignored.
/// @param[out] length Receives the host name's length (0); may be NULL.
/// @return A static, NUL-terminated "" that the caller must not free; NULL for a NULL authenticator.
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
///
/// @param[in] auth The authenticator the callback was given; NULL is ignored.
/// @param[out] length Receives the class name's length in bytes; may be NULL.
/// @return The class name, NUL-terminated, owned by the authenticator and valid during the exchange; NULL for a NULL
///   authenticator.
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
///
/// @param[in] auth The authenticator the callback was given; NULL is ignored.
/// @return The pointer last set with `cass_authenticator_set_exchange_data()` (the caller's), NULL if none or for a
///   NULL authenticator.
#[no_mangle]
pub extern "C" fn cass_authenticator_exchange_data(auth: *mut CassAuthenticator) -> *mut c_void {
    guard(|| CassAuthenticator::from_ptr(auth).map_or(std::ptr::null_mut(), |a| a.state.lock().exchange_data.0))
}

/// Sets the exchange's own data pointer, for the later callbacks of the same exchange (the
/// cleanup callback is where to free it).
///
/// @param[in] auth The authenticator the callback was given; NULL is ignored.
/// @param[in] exchange_data The caller's pointer to keep (not freed by the library); may be NULL.
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
///
/// @param[in] auth The authenticator the callback was given; NULL is ignored.
/// @param[in] size The response's size in bytes.
/// @return A zeroed buffer of `size` bytes, owned by the authenticator and valid until the callback returns; NULL for a
///   NULL authenticator.
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
///
/// @param[in] auth The authenticator the callback was given; NULL is ignored.
/// @param[in] response The response bytes, copied; NULL only with a size of 0.
/// @param[in] response_size Length of `response` in bytes.
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
///
/// @param[in] auth The authenticator the callback was given; NULL is ignored.
/// @param[in] message The error message, NUL-terminated and copied; NULL is "".
#[no_mangle]
pub extern "C" fn cass_authenticator_set_error(auth: *mut CassAuthenticator, message: *const c_char) {
    cass_authenticator_set_error_n(auth, message, safe_strlen(message))
}

/// Same as `cass_authenticator_set_error()`, with the message's length.
///
/// @param[in] auth The authenticator the callback was given; NULL is ignored.
/// @param[in] message The error message (copied; need not be NUL-terminated); NULL is "".
/// @param[in] message_length Length of `message` in bytes.
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
