//! DSE authentication (`dse.h`): the plain-text SASL authenticator with an optional authorization
//! id (proxy login), the GSSAPI authenticator (not built in, as in the reference build), and
//! proxy execution (`cass_statement_set_execute_as`, `cass_batch_set_execute_as`).

mod exports;
use crate::cluster::{Authenticator, CassCluster};
use crate::error::CassError;
use crate::ffi::strings::str_n;
use crate::ffi::with;
use scylla::authentication::{AuthError, AuthenticatorProvider, AuthenticatorSession};
use std::ffi::c_char;
use std::sync::Arc;

/// The class name under which DSE announces its unified authenticator.
const DSE_AUTHENTICATOR: &str = "com.datastax.bdp.cassandra.auth.DseAuthenticator";
/// The server's challenge after the "PLAIN" mechanism was chosen.
const PLAIN_START: &[u8] = b"PLAIN-START";

/// SASL PLAIN credentials: `authorization_id NUL username NUL password`. An empty authorization
/// id logs in as `username` itself; a non-empty one asks to act as that role (DSE proxy login).
pub(crate) struct DsePlainText {
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

/// The GSSAPI setters' answer; their settings (`_unused`) are not kept.
fn gssapi_not_built<T>(cluster: *mut CassCluster, _unused: T) -> CassError {
    with(cluster, CassError::CASS_ERROR_LIB_BAD_PARAMS, |_| {
        tracing::error!("The DSE GSSAPI (Kerberos) authenticator is not available in this build");
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
