//! dse.h's `auth` functions.
#![allow(unreachable_pub)] // the C ABI: reached from C, not from Rust

use super::super::{DseGssapiAuthenticatorLockCallback, DseGssapiAuthenticatorUnlockCallback};
use super::{accept_execute_as, gssapi_not_built, set_plaintext};
use crate::batch::CassBatch;
use crate::cluster::CassCluster;
use crate::error::CassError;
use crate::ffi::strings::safe_strlen;
use crate::ffi::{guard, BoxHandle};
use crate::statement::CassStatement;
use std::ffi::c_char;

/// Logs in with SASL PLAIN (user name and password). Works with DSE's unified authenticator
/// and with Cassandra's `PasswordAuthenticator`. Replaces `cass_cluster_set_credentials()`.
/// NULL strings are read as ""; text that is not UTF-8 gives `CASS_ERROR_LIB_BAD_PARAMS`.
///
/// @param[in] cluster The cluster configuration; NULL gives `CASS_ERROR_LIB_BAD_PARAMS`.
/// @param[in] username The user name, NUL-terminated and copied; NULL is "".
/// @param[in] password The password, NUL-terminated and copied; NULL is "".
/// @return `CASS_OK`; `CASS_ERROR_LIB_BAD_PARAMS` for a NULL cluster or text that is not UTF-8.
#[no_mangle]
pub extern "C" fn cass_cluster_set_dse_plaintext_authenticator(
    cluster: *mut CassCluster,
    username: *const c_char,
    password: *const c_char,
) -> CassError {
    set_plaintext(cluster, (username, safe_strlen(username)), (password, safe_strlen(password)), (std::ptr::null(), 0))
}

/// Same as `cass_cluster_set_dse_plaintext_authenticator()`, with lengths.
///
/// @param[in] cluster The cluster configuration; NULL gives `CASS_ERROR_LIB_BAD_PARAMS`.
/// @param[in] username The user name (copied; need not be NUL-terminated); NULL is "".
/// @param[in] username_length Length of `username` in bytes.
/// @param[in] password The password (copied; need not be NUL-terminated); NULL is "".
/// @param[in] password_length Length of `password` in bytes.
/// @return `CASS_OK`; `CASS_ERROR_LIB_BAD_PARAMS` for a NULL cluster or text that is not UTF-8.
#[no_mangle]
pub extern "C" fn cass_cluster_set_dse_plaintext_authenticator_n(
    cluster: *mut CassCluster,
    username: *const c_char,
    username_length: usize,
    password: *const c_char,
    password_length: usize,
) -> CassError {
    set_plaintext(cluster, (username, username_length), (password, password_length), (std::ptr::null(), 0))
}

/// SASL PLAIN login as `username`, acting as the role `authorization_id` (DSE proxy login; the
/// server must allow `username` to log in as it). Cassandra's `PasswordAuthenticator` ignores
/// the authorization id and logs in as `username`, as it does with the C++ driver.
///
/// @param[in] cluster The cluster configuration; NULL gives `CASS_ERROR_LIB_BAD_PARAMS`.
/// @param[in] username The user name, NUL-terminated and copied; NULL is "".
/// @param[in] password The password, NUL-terminated and copied; NULL is "".
/// @param[in] authorization_id The role to act as, NUL-terminated and copied; NULL is "".
/// @return `CASS_OK`; `CASS_ERROR_LIB_BAD_PARAMS` for a NULL cluster or text that is not UTF-8.
#[no_mangle]
pub extern "C" fn cass_cluster_set_dse_plaintext_authenticator_proxy(
    cluster: *mut CassCluster,
    username: *const c_char,
    password: *const c_char,
    authorization_id: *const c_char,
) -> CassError {
    set_plaintext(
        cluster,
        (username, safe_strlen(username)),
        (password, safe_strlen(password)),
        (authorization_id, safe_strlen(authorization_id)),
    )
}

/// Same as `cass_cluster_set_dse_plaintext_authenticator_proxy()`, with lengths.
///
/// @param[in] cluster The cluster configuration; NULL gives `CASS_ERROR_LIB_BAD_PARAMS`.
/// @param[in] username The user name (copied; need not be NUL-terminated); NULL is "".
/// @param[in] username_length Length of `username` in bytes.
/// @param[in] password The password (copied; need not be NUL-terminated); NULL is "".
/// @param[in] password_length Length of `password` in bytes.
/// @param[in] authorization_id The role to act as (copied; need not be NUL-terminated); NULL is "".
/// @param[in] authorization_id_length Length of `authorization_id` in bytes.
/// @return `CASS_OK`; `CASS_ERROR_LIB_BAD_PARAMS` for a NULL cluster or text that is not UTF-8.
#[no_mangle]
pub extern "C" fn cass_cluster_set_dse_plaintext_authenticator_proxy_n(
    cluster: *mut CassCluster,
    username: *const c_char,
    username_length: usize,
    password: *const c_char,
    password_length: usize,
    authorization_id: *const c_char,
    authorization_id_length: usize,
) -> CassError {
    set_plaintext(
        cluster,
        (username, username_length),
        (password, password_length),
        (authorization_id, authorization_id_length),
    )
}

/// Kerberos (GSSAPI) login. Not available: this library has no Kerberos support, like the C++
/// driver built without Kerberos (the reference build): `CASS_ERROR_LIB_NOT_IMPLEMENTED`, and
/// the cluster's authentication is left as it was.
///
/// @param[in] cluster The cluster configuration; NULL gives `CASS_ERROR_LIB_BAD_PARAMS`.
/// @param[in] service The Kerberos service name (not used).
/// @param[in] principal The Kerberos principal (not used).
/// @return `CASS_ERROR_LIB_NOT_IMPLEMENTED` (logged); `CASS_ERROR_LIB_BAD_PARAMS` for a NULL cluster.
#[no_mangle]
pub extern "C" fn cass_cluster_set_dse_gssapi_authenticator(
    cluster: *mut CassCluster,
    service: *const c_char,
    principal: *const c_char,
) -> CassError {
    gssapi_not_built(cluster, (service, principal))
}

/// Same as `cass_cluster_set_dse_gssapi_authenticator()`: `CASS_ERROR_LIB_NOT_IMPLEMENTED`.
///
/// @param[in] cluster The cluster configuration; NULL gives `CASS_ERROR_LIB_BAD_PARAMS`.
/// @param[in] service The Kerberos service name (not used).
/// @param[in] service_length Length of `service` in bytes.
/// @param[in] principal The Kerberos principal (not used).
/// @param[in] principal_length Length of `principal` in bytes.
/// @return `CASS_ERROR_LIB_NOT_IMPLEMENTED` (logged); `CASS_ERROR_LIB_BAD_PARAMS` for a NULL cluster.
#[no_mangle]
pub extern "C" fn cass_cluster_set_dse_gssapi_authenticator_n(
    cluster: *mut CassCluster,
    service: *const c_char,
    service_length: usize,
    principal: *const c_char,
    principal_length: usize,
) -> CassError {
    gssapi_not_built(cluster, (service, service_length, principal, principal_length))
}

/// Kerberos login with an authorization id: `CASS_ERROR_LIB_NOT_IMPLEMENTED` (no Kerberos
/// support, as in the reference build).
///
/// @param[in] cluster The cluster configuration; NULL gives `CASS_ERROR_LIB_BAD_PARAMS`.
/// @param[in] service The Kerberos service name (not used).
/// @param[in] principal The Kerberos principal (not used).
/// @param[in] authorization_id The role to act as (not used).
/// @return `CASS_ERROR_LIB_NOT_IMPLEMENTED` (logged); `CASS_ERROR_LIB_BAD_PARAMS` for a NULL cluster.
#[no_mangle]
pub extern "C" fn cass_cluster_set_dse_gssapi_authenticator_proxy(
    cluster: *mut CassCluster,
    service: *const c_char,
    principal: *const c_char,
    authorization_id: *const c_char,
) -> CassError {
    gssapi_not_built(cluster, (service, principal, authorization_id))
}

/// Same as `cass_cluster_set_dse_gssapi_authenticator_proxy()`: `CASS_ERROR_LIB_NOT_IMPLEMENTED`.
///
/// @param[in] cluster The cluster configuration; NULL gives `CASS_ERROR_LIB_BAD_PARAMS`.
/// @param[in] service The Kerberos service name (not used).
/// @param[in] service_length Length of `service` in bytes.
/// @param[in] principal The Kerberos principal (not used).
/// @param[in] principal_length Length of `principal` in bytes.
/// @param[in] authorization_id The role to act as (not used).
/// @param[in] authorization_id_length Length of `authorization_id` in bytes.
/// @return `CASS_ERROR_LIB_NOT_IMPLEMENTED` (logged); `CASS_ERROR_LIB_BAD_PARAMS` for a NULL cluster.
#[no_mangle]
pub extern "C" fn cass_cluster_set_dse_gssapi_authenticator_proxy_n(
    cluster: *mut CassCluster,
    service: *const c_char,
    service_length: usize,
    principal: *const c_char,
    principal_length: usize,
    authorization_id: *const c_char,
    authorization_id_length: usize,
) -> CassError {
    gssapi_not_built(
        cluster,
        (service, service_length, principal, principal_length, authorization_id, authorization_id_length),
    )
}

/// Sets the locks the GSSAPI (Kerberos) authenticator would take around a Kerberos library that
/// is not thread-safe. This library has no Kerberos support (like the reference build of the C++
/// driver): `CASS_ERROR_LIB_NOT_IMPLEMENTED`, and the callbacks are never called.
///
/// @param[in] lock_callback The lock function (never called).
/// @param[in] unlock_callback The unlock function (never called).
/// @param[in] data Would be passed to the callbacks; the caller owns it.
/// @return `CASS_ERROR_LIB_NOT_IMPLEMENTED`, always.
#[no_mangle]
pub extern "C" fn dse_gssapi_authenticator_set_lock_callbacks(
    lock_callback: DseGssapiAuthenticatorLockCallback,
    unlock_callback: DseGssapiAuthenticatorUnlockCallback,
    data: *mut std::ffi::c_void,
) -> CassError {
    guard(|| {
        let _ = (lock_callback, unlock_callback, data);
        CassError::CASS_ERROR_LIB_NOT_IMPLEMENTED
    })
}

/// Asks DSE to run the batch as the role `name` (proxy execution). As with
/// `cass_statement_set_execute_as()`: the C++ driver sends a `ProxyExecute` custom payload, which
/// Apache Cassandra ignores; this library cannot send custom payloads, so the batch runs as the
/// logged-in user, against Cassandra (same outcome) and against DSE (README, support matrix).
/// NULL `name` is read as ""; a NULL batch or non-UTF-8 name gives `CASS_ERROR_LIB_BAD_PARAMS`.
///
/// @param[in] batch The batch; NULL gives `CASS_ERROR_LIB_BAD_PARAMS`.
/// @param[in] name The role's name, NUL-terminated; NULL is "".
/// @return `CASS_OK` (nothing is sent); `CASS_ERROR_LIB_BAD_PARAMS` for a NULL batch or a name that is not UTF-8.
#[no_mangle]
pub extern "C" fn cass_batch_set_execute_as(batch: *mut CassBatch, name: *const c_char) -> CassError {
    cass_batch_set_execute_as_n(batch, name, safe_strlen(name))
}

/// Same as `cass_batch_set_execute_as()`, with the name's length.
///
/// @param[in] batch The batch; NULL gives `CASS_ERROR_LIB_BAD_PARAMS`.
/// @param[in] name The role's name (need not be NUL-terminated); NULL is "".
/// @param[in] name_length Length of `name` in bytes.
/// @return `CASS_OK` (nothing is sent); `CASS_ERROR_LIB_BAD_PARAMS` for a NULL batch or a name that is not UTF-8.
#[no_mangle]
pub extern "C" fn cass_batch_set_execute_as_n(
    batch: *mut CassBatch,
    name: *const c_char,
    name_length: usize,
) -> CassError {
    guard(|| {
        if CassBatch::from_ptr_mut(batch).is_none() {
            return CassError::CASS_ERROR_LIB_BAD_PARAMS;
        }
        accept_execute_as("cass_batch_set_execute_as", name, name_length)
    })
}

/// Asks DSE to run the statement as the role `name` (proxy execution). The C++ driver does this
/// with a `ProxyExecute` custom payload, which Apache Cassandra ignores: the statement runs as the
/// logged-in user. This library cannot send custom payloads, so against Cassandra the outcome is
/// the same; against DSE the statement also runs as the logged-in user (README, support matrix).
/// NULL `name` is read as ""; a NULL statement or non-UTF-8 name gives `CASS_ERROR_LIB_BAD_PARAMS`.
///
/// @param[in] statement The statement; NULL gives `CASS_ERROR_LIB_BAD_PARAMS`.
/// @param[in] name The role's name, NUL-terminated; NULL is "".
/// @return `CASS_OK` (nothing is sent); `CASS_ERROR_LIB_BAD_PARAMS` for a NULL statement or a name that is not UTF-8.
#[no_mangle]
pub extern "C" fn cass_statement_set_execute_as(statement: *mut CassStatement, name: *const c_char) -> CassError {
    cass_statement_set_execute_as_n(statement, name, safe_strlen(name))
}

/// Same as `cass_statement_set_execute_as()`, with the name's length.
///
/// @param[in] statement The statement; NULL gives `CASS_ERROR_LIB_BAD_PARAMS`.
/// @param[in] name The role's name (need not be NUL-terminated); NULL is "".
/// @param[in] name_length Length of `name` in bytes.
/// @return `CASS_OK` (nothing is sent); `CASS_ERROR_LIB_BAD_PARAMS` for a NULL statement or a name that is not UTF-8.
#[no_mangle]
pub extern "C" fn cass_statement_set_execute_as_n(
    statement: *mut CassStatement,
    name: *const c_char,
    name_length: usize,
) -> CassError {
    guard(|| {
        if CassStatement::from_ptr_mut(statement).is_none() {
            return CassError::CASS_ERROR_LIB_BAD_PARAMS;
        }
        accept_execute_as("cass_statement_set_execute_as", name, name_length)
    })
}
