//! Policies C configures: retry policies, load balancing (with the host filter it implies),
//! reconnection and timestamp generators. Speculative execution is a cluster setting
//! (`cluster/connection_settings.rs`).

pub(crate) mod load_balancing;
pub(crate) mod reconnect;
pub(crate) mod retry;
pub(crate) mod timestamp;
