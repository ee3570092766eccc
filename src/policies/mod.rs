//! Policies C configures: retry policies, load balancing (with the host filter it implies),
//! reconnection and timestamp generators. Speculative execution is a cluster setting
//! (`cluster/connection_settings.rs`).

pub mod load_balancing;
pub mod reconnect;
pub mod retry;
pub mod timestamp;
