//! Maps the crate's errors to `CassError` codes and messages.

use crate::error::CassError;
use crate::error_result::CassErrorResult;
use crate::future::Failure;
use crate::node::CassNode;
use scylla::errors::{ExecutionError, NewSessionError, RequestAttemptError};

fn attempt_failure(e: &RequestAttemptError) -> Failure {
    match e {
        // The server's own message, as the C++ driver reports it; the code and details (consistency,
        // responses, keyspace, ...) go to the future's `CassErrorResult`.
        RequestAttemptError::DbError(db, message) => {
            Failure::from_server(CassErrorResult::from_db_error(db), message.clone())
        }
        RequestAttemptError::SerializationError(e) => {
            Failure::new(CassError::CASS_ERROR_LIB_MESSAGE_ENCODE, format!("Unable to encode the values: {e}"))
        }
        RequestAttemptError::BrokenConnectionError(e) => {
            Failure::new(CassError::CASS_ERROR_LIB_WRITE_ERROR, format!("Connection broken: {e}"))
        }
        RequestAttemptError::UnableToAllocStreamId => {
            Failure::new(CassError::CASS_ERROR_LIB_NO_STREAMS, "No stream ids available on the connection")
        }
        other => Failure::new(CassError::CASS_ERROR_LIB_UNEXPECTED_RESPONSE, other.to_string()),
    }
}

/// The code and message of a failed request. Called while the request's future is polled: a last
/// attempt's error names the node that attempt went to (`policies::load_balancing::failed_node`).
pub(super) fn execution_failure(e: &ExecutionError) -> Failure {
    match e {
        ExecutionError::LastAttemptError(attempt) => Failure {
            coordinator: crate::policies::load_balancing::failed_node::last().map(|address| CassNode { address }),
            ..attempt_failure(attempt)
        },
        ExecutionError::RequestTimeout(after) => Failure::new(
            CassError::CASS_ERROR_LIB_REQUEST_TIMED_OUT,
            format!("Request timed out after {} ms", after.as_millis()),
        ),
        ExecutionError::EmptyPlan | ExecutionError::ConnectionPoolError(_) => Failure::new(
            CassError::CASS_ERROR_LIB_NO_HOSTS_AVAILABLE,
            format!("All hosts in current policy attempted and were either unavailable or failed: {e}"),
        ),
        ExecutionError::BadQuery(bad) => Failure::new(CassError::CASS_ERROR_LIB_MESSAGE_ENCODE, bad.to_string()),
        ExecutionError::PrepareError(prepare) => match prepare {
            scylla::errors::PrepareError::AllAttemptsFailed { first_attempt } => attempt_failure(first_attempt),
            other => Failure::new(CassError::CASS_ERROR_LIB_NO_HOSTS_AVAILABLE, other.to_string()),
        },
        ExecutionError::UseKeyspaceError(use_ks) => {
            Failure::new(CassError::CASS_ERROR_LIB_UNABLE_TO_SET_KEYSPACE, use_ks.to_string())
        }
        other => Failure::new(CassError::CASS_ERROR_LIB_UNEXPECTED_RESPONSE, other.to_string()),
    }
}

/// The code and message of a failed prepare.
pub(super) fn prepare_failure(e: &scylla::errors::PrepareError) -> Failure {
    match e {
        scylla::errors::PrepareError::AllAttemptsFailed { first_attempt } => attempt_failure(first_attempt),
        scylla::errors::PrepareError::ConnectionPoolError(_) => {
            Failure::new(CassError::CASS_ERROR_LIB_NO_HOSTS_AVAILABLE, e.to_string())
        }
        other => Failure::new(CassError::CASS_ERROR_LIB_UNEXPECTED_RESPONSE, other.to_string()),
    }
}

/// The failure of a preparation, with the coordinator `prepare_coordinator` names.
pub(super) fn refused_preparation(
    session: &scylla::client::session::Session,
    e: &scylla::errors::PrepareError,
) -> Failure {
    Failure { coordinator: prepare_coordinator(session, e), ..prepare_failure(e) }
}

/// The node to report as the coordinator of a preparation the server refused. The crate
/// prepares on a connection to every node and reports only the first attempt's error, not its
/// node; when that error is the server's (a syntax error, an unknown table), every node was
/// asked and answered, so the first connected node is one that answered it (with one node, the
/// node). None for failures without a server answer, as upstream.
fn prepare_coordinator(
    session: &scylla::client::session::Session,
    e: &scylla::errors::PrepareError,
) -> Option<CassNode> {
    let scylla::errors::PrepareError::AllAttemptsFailed { first_attempt: RequestAttemptError::DbError(..) } = e else {
        return None;
    };
    let cluster = session.get_cluster_state();
    let node = cluster.get_nodes_info().iter().find(|node| node.is_connected())?;
    Some(CassNode { address: std::net::SocketAddr::new(node.address.ip(), node.address.port()) })
}

/// The code and message of a failed connect.
/// The error of a connect that took longer than the connect timeout allows (a node that accepts
/// TCP connections but never answers).
pub(super) fn connect_timed_out(bound: std::time::Duration) -> Failure {
    Failure::new(
        CassError::CASS_ERROR_LIB_NO_HOSTS_AVAILABLE,
        format!("Unable to connect to any contact point: no answer within {} ms (connect timeout)", bound.as_millis()),
    )
}

/// The crate's words for a node that asks for credentials none were set for, written for Rust
/// users (`SessionBuilder`); a C user gets the C++ driver's.
const CRATE_MISSING_AUTH: &str = "Authentication is required. You can use SessionBuilder::user(\"user\", \"pass\") to provide credentials or SessionBuilder::authenticator_provider to provide custom authenticator";

pub(super) fn connect_failure(e: &NewSessionError) -> Failure {
    match e {
        NewSessionError::FailedToResolveAnyHostname(hosts) => Failure::new(
            CassError::CASS_ERROR_LIB_NO_HOSTS_AVAILABLE,
            format!("Unable to resolve any contact point: {}", hosts.join(", ")),
        ),
        NewSessionError::UseKeyspaceError(use_ks) => {
            Failure::new(CassError::CASS_ERROR_LIB_UNABLE_TO_SET_KEYSPACE, use_ks.to_string())
        }
        other => {
            // The crate reports TLS and login failures only as text inside its connection setup
            // errors: our TLS verify callback puts a marker there (`crate::ssl`), and a refused
            // login carries the server's message.
            let text =
                other.to_string().replace(CRATE_MISSING_AUTH, "Authentication required but no auth provider set");
            if text.contains(crate::ssl::IDENTITY_MISMATCH) {
                Failure::new(CassError::CASS_ERROR_SSL_IDENTITY_MISMATCH, text)
            } else if text.contains(crate::ssl::INVALID_PEER_CERT) || text.contains("certificate verify failed") {
                Failure::new(CassError::CASS_ERROR_SSL_INVALID_PEER_CERT, text)
            } else if text.contains("SSL routines") {
                // Any other TLS failure (e.g. a node that does not speak TLS: "wrong version number").
                Failure::new(CassError::CASS_ERROR_SSL_PROTOCOL_ERROR, text)
            } else if text.contains("Bad credentials") || text.contains("uthenticat") {
                Failure::new(CassError::CASS_ERROR_SERVER_BAD_CREDENTIALS, text)
            } else {
                Failure::new(
                    CassError::CASS_ERROR_LIB_NO_HOSTS_AVAILABLE,
                    format!("Unable to connect to any contact point: {text}"),
                )
            }
        }
    }
}
