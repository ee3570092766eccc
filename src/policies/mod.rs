//! Policies C configures: retry policies so far (load balancing, speculative execution,
//! reconnection and timestamps come with the configuration work).

pub mod retry;
