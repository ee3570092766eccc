//! Rules that make a request's answer the C++ driver's where the crate answers differently.

use super::Connected;
use crate::error::CassError;
use crate::future::{Failure, Outcome};
use crate::statement::settings::RequestSettings;
use scylla::client::session::Session;

/// The C++ driver's default retry policy moves an Unavailable answer to the next host; when the
/// request has no other host, the request fails with `CASS_ERROR_LIB_NO_HOSTS_AVAILABLE` instead of
/// the server's error. The crate's policy makes the same move but reports the server's error when
/// no host is left, so the answer is mapped here (one connected host: no next host).
pub(super) fn unavailable_as_upstream(connected: &Connected, settings: &RequestSettings, outcome: Outcome) -> Outcome {
    let Err(failure) = &outcome else {
        return outcome;
    };
    if failure.code != CassError::CASS_ERROR_SERVER_UNAVAILABLE {
        return outcome;
    }
    // Which policy decided, as recorded when it was made: the request's own, its profile's, or
    // the session's default.
    let moves_on = match (&settings.retry_policy, &settings.execution_profile) {
        (Some(policy), _) => policy.moves_unavailable,
        (None, Some(name)) => connected.profiles.get(name).is_none_or(|p| p.moves_unavailable),
        (None, None) => connected.profiles.default_moves_unavailable(),
    };
    if moves_on && connected_hosts(&connected.scylla) <= 1 {
        let message = format!(
            "All hosts in current policy attempted and were either unavailable or failed ({})",
            failure.message.to_string_lossy()
        );
        return Err(Failure::new(CassError::CASS_ERROR_LIB_NO_HOSTS_AVAILABLE, message));
    }
    outcome
}

/// Hosts the session has at least one connection to.
pub(super) fn connected_hosts(session: &Session) -> usize {
    session.get_cluster_state().get_nodes_info().iter().filter(|node| node.is_connected()).count()
}
