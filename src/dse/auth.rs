//! DSE authentication (`dse.h`): the plain-text SASL authenticator with an optional authorization
//! id (proxy login), the GSSAPI authenticator (not built in, as in the reference build), and
//! proxy execution (`cass_statement_set_execute_as`, `cass_batch_set_execute_as`).

use super::{DseGssapiAuthenticatorLockCallback, DseGssapiAuthenticatorUnlockCallback};
use crate::batch::CassBatch;
use crate::cluster::{Authenticator, CassCluster};
use crate::error::CassError;
use crate::ffi::strings::{safe_strlen, str_n};
use crate::ffi::with;
use crate::ffi::{guard, BoxHandle};
use crate::statement::CassStatement;
use scylla::authentication::{AuthError, AuthenticatorProvider, AuthenticatorSession};
use std::ffi::c_char;
use std::sync::Arc;

/// The class name under which DSE announces its unified authenticator.
const DSE_AUTHENTICATOR: &str = "com.datastax.bdp.cassandra.auth.DseAuthenticator";
/// The server's challenge after the "PLAIN" mechanism was chosen.
const PLAIN_START: &[u8] = b"PLAIN-START";

/// SASL PLAIN credentials: `authorization_id NUL username NUL password`. An empty authorization
/// id logs in as `username` itself; a non-empty one asks to act as that role (DSE proxy login).
pub struct DsePlainText {
    username: String,
    password: String,
    authorization_id: String,
}

impl DsePlainText {
    fn token(&self) -> Vec<u8> {
        let mut token = Vec::with_capacity(self.authorization_id.len() + self.username.len() + self.password.len() + 2);
        token.extend_from_slice(self.authorization_id.as_bytes());
        token.push(0);
        token.extend_from_slice(self.username.as_bytes());
        token.push(0);
        token.extend_from_slice(self.password.as_bytes());
        token
    }
}

/// One login: DSE first gets the mechanism name and answers with a challenge; any other server
/// (Cassandra's PasswordAuthenticator) gets the credentials at once.
struct DsePlainTextSession {
    credentials: Vec<u8>,
}

#[async_trait::async_trait]
impl AuthenticatorSession for DsePlainTextSession {
    async fn evaluate_challenge(&mut self, token: Option<&[u8]>) -> Result<Option<Vec<u8>>, AuthError> {
        match token {
            Some(PLAIN_START) => Ok(Some(std::mem::take(&mut self.credentials))),
            other => Err(format!(
                "Invalid start token for DSE plaintext authenticator during challenge: '{}'",
                String::from_utf8_lossy(other.unwrap_or_default())
            )),
        }
    }

    async fn success(&mut self, _token: Option<&[u8]>) -> Result<(), AuthError> {
        Ok(())
    }
}

#[async_trait::async_trait]
impl AuthenticatorProvider for DsePlainText {
    async fn start_authentication_session(
        &self,
        authenticator_name: &str,
    ) -> Result<(Option<Vec<u8>>, Box<dyn AuthenticatorSession>), AuthError> {
        let credentials = self.token();
        if authenticator_name == DSE_AUTHENTICATOR {
            Ok((Some(b"PLAIN".to_vec()), Box::new(DsePlainTextSession { credentials })))
        } else {
            Ok((Some(credentials), Box::new(DsePlainTextSession { credentials: Vec::new() })))
        }
    }
}

fn set_plaintext(
    cluster: *mut CassCluster,
    (username, username_length): (*const c_char, usize),
    (password, password_length): (*const c_char, usize),
    (authorization_id, authorization_id_length): (*const c_char, usize),
) -> CassError {
    with(cluster, CassError::CASS_ERROR_LIB_BAD_PARAMS, |cluster| {
        let text = |p: *const c_char, n: usize| if p.is_null() { Ok("") } else { str_n(p, n) };
        match (
            text(username, username_length),
            text(password, password_length),
            text(authorization_id, authorization_id_length),
        ) {
            (Ok(username), Ok(password), Ok(authorization_id)) => {
                cluster.config.credentials = None;
                cluster.config.authenticator = Some(Authenticator(Arc::new(DsePlainText {
                    username: username.to_string(),
                    password: password.to_string(),
                    authorization_id: authorization_id.to_string(),
                })));
                CassError::CASS_OK
            }
            _ => CassError::CASS_ERROR_LIB_BAD_PARAMS,
        }
    })
}

/// Logs in with SASL PLAIN (user name and password). Works with DSE's unified authenticator
/// and with Cassandra's `PasswordAuthenticator`. Replaces `cass_cluster_set_credentials()`.
/// NULL strings are read as ""; text that is not UTF-8 gives `CASS_ERROR_LIB_BAD_PARAMS`.
#[no_mangle]
pub extern "C" fn cass_cluster_set_dse_plaintext_authenticator(
    cluster: *mut CassCluster,
    username: *const c_char,
    password: *const c_char,
) -> CassError {
    set_plaintext(cluster, (username, safe_strlen(username)), (password, safe_strlen(password)), (std::ptr::null(), 0))
}

/// Same as `cass_cluster_set_dse_plaintext_authenticator()`, with lengths.
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

/// The GSSAPI setters' answer; their settings (`_unused`) are not kept.
fn gssapi_not_built<T>(cluster: *mut CassCluster, _unused: T) -> CassError {
    with(cluster, CassError::CASS_ERROR_LIB_BAD_PARAMS, |_| {
        tracing::error!("The DSE GSSAPI (Kerberos) authenticator is not available in this build");
        CassError::CASS_ERROR_LIB_NOT_IMPLEMENTED
    })
}

/// Kerberos (GSSAPI) login. Not available: this library has no Kerberos support, like the C++
/// driver built without Kerberos (the reference build): `CASS_ERROR_LIB_NOT_IMPLEMENTED`, and
/// the cluster's authentication is left as it was.
#[no_mangle]
pub extern "C" fn cass_cluster_set_dse_gssapi_authenticator(
    cluster: *mut CassCluster,
    service: *const c_char,
    principal: *const c_char,
) -> CassError {
    gssapi_not_built(cluster, (service, principal))
}

/// Same as `cass_cluster_set_dse_gssapi_authenticator()`: `CASS_ERROR_LIB_NOT_IMPLEMENTED`.
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

/// The checks of `cass_*_set_execute_as_n`: NULL `name` is read as "", a non-UTF-8 name is
/// `CASS_ERROR_LIB_BAD_PARAMS`; nothing is sent (see `cass_statement_set_execute_as()`).
fn accept_execute_as(request: &str, name: *const c_char, name_length: usize) -> CassError {
    if !name.is_null() && str_n(name, name_length).is_err() {
        return CassError::CASS_ERROR_LIB_BAD_PARAMS;
    }
    tracing::debug!("{request}: proxy execution is not sent (no custom payloads)");
    CassError::CASS_OK
}

/// Asks DSE to run the batch as the role `name` (proxy execution). As with
/// `cass_statement_set_execute_as()`: the C++ driver sends a `ProxyExecute` custom payload, which
/// Apache Cassandra ignores; this library cannot send custom payloads, so the batch runs as the
/// logged-in user, against Cassandra (same outcome) and against DSE (README, support matrix).
/// NULL `name` is read as ""; a NULL batch or non-UTF-8 name gives `CASS_ERROR_LIB_BAD_PARAMS`.
#[no_mangle]
pub extern "C" fn cass_batch_set_execute_as(batch: *mut CassBatch, name: *const c_char) -> CassError {
    cass_batch_set_execute_as_n(batch, name, safe_strlen(name))
}

/// Same as `cass_batch_set_execute_as()`, with the name's length.
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
#[no_mangle]
pub extern "C" fn cass_statement_set_execute_as(statement: *mut CassStatement, name: *const c_char) -> CassError {
    cass_statement_set_execute_as_n(statement, name, safe_strlen(name))
}

/// Same as `cass_statement_set_execute_as()`, with the name's length.
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
