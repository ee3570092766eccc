//! `CassSession`: a connection to a cluster, its I/O runtime, and its lifecycle (connect, close).
//!
//! The session owns its runtime; what requests in flight share ([`Connected`]: the crate's
//! session, profiles, schema snapshot, metrics) is an `Arc` they hold. Submitting (`connect`,
//! `execute`, `close`) never blocks: it snapshots what it needs and queues a job on the runtime
//! ([`CassSession::submit`]). Running a request is `execute`; the rules that make its answer the
//! C++ driver's are `upstream`.

mod config;
mod errors;
mod execute;
mod exports;
mod implicit;
mod silent;
mod tracing_wait;
mod upstream;

use crate::batch::BatchData;
use crate::cluster::ClusterConfig;
use crate::error::CassError;
use crate::future::{CassFuture, Failure, Outcome, Payload};
use crate::metrics::SessionMetrics;
use crate::prepared::CassPrepared;
use crate::runtime::IoRuntime;
use crate::statement::settings::RequestSettings;
use crate::statement::StatementData;
use crate::types::{CassConsistency, CassUuid};
use futures::FutureExt;
use parking_lot::Mutex;
use scylla::client::session::Session;
use scylla::statement::{Consistency, SerialConsistency};
use std::panic::AssertUnwindSafe;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// What requests in flight share: the `scylla` crate's connected session (`scylla`), the in-flight
/// count that close waits on, and the session's profiles, schema snapshot and metrics.
pub(crate) struct Connected {
    pub scylla: Session,
    /// The runtime's queue, kept here so a request takes no lock but the session state's.
    submitter: Arc<crate::runtime::Submitter>,
    inflight: AtomicUsize,
    drained: tokio::sync::Notify,
    /// Preparations of simple statements with values (one round trip when repeated).
    implicit: implicit::ImplicitPreparations,
    tracing: tracing_wait::TracingWait,
    /// The named execution profiles (`cass_cluster_set_execution_profile`), built at connect.
    profiles: config::Profiles,
    /// The schema metadata snapshot and its refreshes (`crate::metadata`).
    pub metadata: crate::metadata::SchemaHolder,
    /// Latencies, rates and timeouts of this connection's requests (also kept by the session).
    metrics: Arc<SessionMetrics>,
    /// Counts speculative executions; only set when a speculative execution policy is in use.
    speculative: Option<Arc<crate::metrics::SpeculativeListener>>,
}

enum State {
    Idle,
    Connecting,
    Connected(Arc<Connected>),
    Closing,
}

/// The session handle C holds (Arc; `cass_session_free` closes it and releases C's reference).
pub(crate) struct CassSession {
    state: Mutex<State>,
    runtime: Mutex<Option<IoRuntime>>,
    client_id: Mutex<CassUuid>,
    /// The metrics of the last connection (kept after close) and the crate's, for connection counts.
    metrics: Mutex<Option<(Arc<SessionMetrics>, Arc<scylla::observability::metrics::Metrics>)>>,
}

impl crate::ffi::Handle for CassSession {
    type Ownership = crate::ffi::Shared;
}

fn failure(code: CassError, message: impl Into<String>) -> Outcome {
    Err(Failure::new(code, message))
}

pub(crate) fn consistency(c: CassConsistency) -> Option<Consistency> {
    use CassConsistency::*;
    Some(match c {
        CASS_CONSISTENCY_ANY => Consistency::Any,
        CASS_CONSISTENCY_ONE => Consistency::One,
        CASS_CONSISTENCY_TWO => Consistency::Two,
        CASS_CONSISTENCY_THREE => Consistency::Three,
        CASS_CONSISTENCY_QUORUM => Consistency::Quorum,
        CASS_CONSISTENCY_ALL => Consistency::All,
        CASS_CONSISTENCY_LOCAL_QUORUM => Consistency::LocalQuorum,
        CASS_CONSISTENCY_EACH_QUORUM => Consistency::EachQuorum,
        CASS_CONSISTENCY_SERIAL => Consistency::Serial,
        CASS_CONSISTENCY_LOCAL_SERIAL => Consistency::LocalSerial,
        CASS_CONSISTENCY_LOCAL_ONE => Consistency::LocalOne,
        CASS_CONSISTENCY_UNKNOWN => return None,
    })
}

/// Serial consistency as the protocol carries it: only SERIAL and LOCAL_SERIAL are sent; ANY (the
/// C++ driver's default) and others mean none.
pub(crate) fn serial_consistency(c: CassConsistency) -> Option<SerialConsistency> {
    match c {
        CassConsistency::CASS_CONSISTENCY_SERIAL => Some(SerialConsistency::Serial),
        CassConsistency::CASS_CONSISTENCY_LOCAL_SERIAL => Some(SerialConsistency::LocalSerial),
        _ => None,
    }
}

impl CassSession {
    pub(crate) fn new() -> Arc<Self> {
        Arc::new(CassSession {
            state: Mutex::new(State::Idle),
            runtime: Mutex::new(None),
            client_id: Mutex::new(CassUuid::from_bytes(uuid::Uuid::new_v4().as_bytes())),
            metrics: Mutex::new(None),
        })
    }

    pub(crate) fn client_id(&self) -> CassUuid {
        *self.client_id.lock()
    }

    /// Starts connecting with a copy of `config`; the future completes when the session is usable.
    pub(crate) fn connect(self: &Arc<Self>, config: &ClusterConfig, keyspace: Option<String>) -> Arc<CassFuture> {
        {
            let mut state = self.state.lock();
            if !matches!(*state, State::Idle) {
                return CassFuture::new_ready(failure(
                    CassError::CASS_ERROR_LIB_UNABLE_TO_CONNECT,
                    "Already connecting, connected or closing",
                ));
            }
            *state = State::Connecting;
        }
        if let Some(id) = config.client_id {
            *self.client_id.lock() = id;
        }
        let submitter = {
            let mut runtime = self.runtime.lock();
            if runtime.is_none() {
                match IoRuntime::new(config.io_threads as usize) {
                    Ok(rt) => *runtime = Some(rt),
                    Err(e) => {
                        *self.state.lock() = State::Idle;
                        return CassFuture::new_ready(failure(
                            CassError::CASS_ERROR_LIB_UNABLE_TO_INIT,
                            format!("Unable to start the I/O threads: {e}"),
                        ));
                    }
                }
            }
            runtime.as_ref().map(|rt| rt.submitter.clone()).expect("runtime was just created")
        };
        let future = CassFuture::new_pending();
        let (session, done, config) = (self.clone(), future.clone(), config.clone());
        let client_id = self.client_id();
        let queue = submitter.clone();
        let tracing_wait = tracing_wait::TracingWait::from_config(&config);
        submitter.submit(Box::pin(async move {
            let outcome = match config::build_session_config(&config, keyspace, client_id) {
                Err(outcome) => outcome,
                Ok((session_config, profiles)) => {
                    tracing::info!("connecting to {:?}", config.contact_points);
                    // The crate bounds only the TCP connect by the connect timeout; the C++
                    // driver bounds each connection's whole setup. A node that accepts TCP and
                    // never answers must not hold the connect future for minutes, nor keep the
                    // other contact points from being tried (`silent`).
                    let per_contact = Duration::from_millis(config.connect_timeout_ms.max(1) as u64);
                    let bound = per_contact * config.contact_points.len().max(1) as u32 + Duration::from_secs(1);
                    // The first schema snapshot is read alongside, when the cluster allows it.
                    let early_schema = crate::metadata::EarlyFirstRead::start(&config);
                    let probe = config.ssl.is_none();
                    let connecting = silent::connect(session_config, probe, per_contact);
                    let attempt = match tokio::time::timeout(bound, connecting).await {
                        Ok(connected) => connected.map_err(|e| errors::connect_failure(&e)),
                        Err(_) => Err(errors::connect_timed_out(bound)),
                    };
                    match attempt {
                        Ok(connected) if !profiles.default_policy_has_hosts(&connected) => profiles.no_hosts_failure(),
                        Ok(connected) => {
                            // The schema snapshot is read in the background (started above on a
                            // connection of our own, or from here on through the session), while
                            // the pools open their other connections (see
                            // `crate::metadata::pending_reads`); whoever asks for it first waits.
                            let metadata = crate::metadata::SchemaHolder::new(
                                config.use_schema,
                                config.token_aware_routing,
                                Duration::from_millis(
                                    config.connect_timeout_ms.max(config.request_timeout_ms).max(1) as u64
                                ),
                            );
                            let metrics = Arc::new(SessionMetrics::default());
                            *session.metrics.lock() = Some((metrics.clone(), connected.get_metrics()));
                            let speculative = config
                                .speculative
                                .map(|_| Arc::new(crate::metrics::SpeculativeListener::new(metrics.clone())));
                            let connected = Arc::new(Connected {
                                scylla: connected,
                                submitter: queue,
                                inflight: AtomicUsize::new(0),
                                drained: tokio::sync::Notify::new(),
                                implicit: Default::default(),
                                tracing: tracing_wait,
                                profiles,
                                metadata,
                                metrics,
                                speculative,
                            });
                            let first = connected.clone();
                            connected.submitter.submit(Box::pin(async move {
                                first.metadata.load_first(&first.scylla, early_schema).await
                            }));
                            wait_for_pools(&connected.scylla, &config).await;
                            if config.host_listener.is_some() {
                                // The hosts' ADD and UP events reach the callback before the
                                // connect future completes.
                                crate::future::callbacks::barrier().await;
                            }
                            tracing::info!("session connected");
                            if connected.metadata.enabled() {
                                let watch =
                                    crate::metadata::watch(Arc::downgrade(&connected), |c| (&c.scylla, &c.metadata));
                                connected.submitter.submit(Box::pin(watch));
                            }
                            *session.state.lock() = State::Connected(connected);
                            Ok(Payload::Empty)
                        }
                        Err(failure) => Err(failure),
                    }
                }
            };
            if outcome.is_err() {
                *session.state.lock() = State::Idle;
            }
            done.complete(outcome);
        }));
        future
    }

    /// The current schema snapshot (no I/O); the empty one when not connected.
    pub(crate) fn schema_meta(&self) -> Arc<crate::metadata::CassSchemaMeta> {
        self.connected().map_or_else(crate::metadata::empty, |c| c.metadata.current())
    }

    fn connected(&self) -> Option<Arc<Connected>> {
        match &*self.state.lock() {
            State::Connected(connected) => Some(connected.clone()),
            _ => None,
        }
    }

    /// Executes a statement snapshot; the future completes with its result.
    pub(crate) fn execute(&self, statement: Arc<StatementData>) -> Arc<CassFuture> {
        self.submit(Some(Instant::now()), move |connected| async move {
            let outcome = execute::run_statement(&connected, &statement).await;
            let outcome = upstream::unavailable_as_upstream(&connected, &statement.settings, outcome);
            match &outcome {
                // DDL (never a rows result): the nodes agree before its future completes, and
                // every schema snapshot taken after that shows its change (the crate's own wait
                // for agreement is off, see `config`).
                Ok(Payload::Result(result)) if !result.is_rows() => {
                    let change = crate::metadata::schema_change(&statement.query, || connected.scylla.get_keyspace());
                    if change != crate::metadata::SchemaChange::None {
                        // The re-read of what changed starts once the nodes agree (its queries
                        // would slow the agreement check down) and ends after the future
                        // completes: the snapshot waits for it from now on.
                        let routing = change.moves_routing();
                        let (pending, background) = (connected.metadata.begin_reread(), connected.clone());
                        let coordinator = result.coordinator().address;
                        connected.metadata.agree(&connected.scylla, routing).await;
                        connected.submitter.submit(Box::pin(async move {
                            let _pending = pending;
                            background.metadata.reread(&background.scylla, change, coordinator).await;
                        }));
                    }
                }
                _ => {}
            }
            if statement.settings.tracing {
                wait_for_trace(&connected, &outcome).await;
            }
            outcome
        })
    }

    /// Executes a batch snapshot; the future completes with its (usually empty) result.
    pub(crate) fn execute_batch(&self, batch: Arc<BatchData>) -> Arc<CassFuture> {
        self.submit(Some(Instant::now()), move |connected| async move {
            let outcome = execute::run_batch(&connected, &batch).await;
            let outcome = upstream::unavailable_as_upstream(&connected, &batch.settings, outcome);
            if batch.settings.tracing {
                wait_for_trace(&connected, &outcome).await;
            }
            outcome
        })
    }

    /// Prepares `query` on the cluster; the future completes with a `CassPrepared`.
    pub(crate) fn prepare(&self, query: String, settings: RequestSettings) -> Arc<CassFuture> {
        self.submit(None, move |connected| async move {
            match connected.scylla.prepare(query).await {
                Ok(prepared) => Ok(Payload::Prepared(Arc::new(CassPrepared::new(prepared, settings)))),
                Err(e) => Err(errors::refused_preparation(&connected.scylla, &e)),
            }
        })
    }

    /// Copies the session's metrics into C's structs; zeros (and a warning) before the first connect.
    pub(crate) fn metrics(&self) -> Option<(crate::types::CassMetrics, crate::types::CassSpeculativeExecutionMetrics)> {
        let guard = self.metrics.lock();
        let (ours, crate_metrics) = guard.as_ref()?;
        Some((ours.fill(crate_metrics), ours.fill_speculative()))
    }

    /// Runs `work` on the runtime as a request in flight (close waits for it). With `start`, the
    /// request's latency (from `start`) and a client-side timeout are recorded in the session's
    /// metrics before its future completes (statements and batches).
    fn submit<F, Fut>(&self, start: Option<Instant>, work: F) -> Arc<CassFuture>
    where
        F: FnOnce(Arc<Connected>) -> Fut + Send + 'static,
        Fut: std::future::Future<Output = Outcome> + Send + 'static,
    {
        let Some(connected) = self.connected() else {
            return CassFuture::new_ready(failure(
                CassError::CASS_ERROR_LIB_NO_HOSTS_AVAILABLE,
                "Session is not connected",
            ));
        };
        let future = CassFuture::new_pending();
        let done = future.clone();
        connected.inflight.fetch_add(1, Ordering::AcqRel);
        let submitter = connected.submitter.clone();
        submitter.submit(Box::pin(async move {
            // A panic in the request completes its future with an error instead of leaving it
            // pending (and, with one I/O thread, instead of stopping the dispatcher).
            let request = crate::policies::load_balancing::failed_node::tracked(work(connected.clone()));
            let outcome = AssertUnwindSafe(request).catch_unwind().await.unwrap_or_else(|_| {
                tracing::error!("internal error: a request panicked");
                failure(CassError::CASS_ERROR_LIB_INTERNAL_ERROR, "Internal error while running the request")
            });
            if let Some(start) = start {
                connected.metrics.record_request(start.elapsed());
                if matches!(&outcome, Err(f) if f.code == CassError::CASS_ERROR_LIB_REQUEST_TIMED_OUT) {
                    connected.metrics.record_timeout();
                }
            }
            done.complete(outcome);
            if connected.inflight.fetch_sub(1, Ordering::AcqRel) == 1 {
                connected.drained.notify_waiters();
            }
        }));
        future
    }

    /// Closes the session: waits for requests in flight, then drops the connections.
    pub(crate) fn close(self: &Arc<Self>) -> Arc<CassFuture> {
        let connected = {
            let mut state = self.state.lock();
            match std::mem::replace(&mut *state, State::Closing) {
                State::Connected(connected) => connected,
                other => {
                    *state = other;
                    return CassFuture::new_ready(failure(
                        CassError::CASS_ERROR_LIB_UNABLE_TO_CLOSE,
                        "Already closing or closed",
                    ));
                }
            }
        };
        let future = CassFuture::new_pending();
        let (session, done) = (self.clone(), future.clone());
        let submitter = connected.submitter.clone();
        submitter.submit(Box::pin(async move {
            tracing::info!("closing session");
            loop {
                let drained = connected.drained.notified();
                if connected.inflight.load(Ordering::Acquire) == 0 {
                    break;
                }
                drained.await;
            }
            drop(connected);
            *session.state.lock() = State::Idle;
            tracing::info!("session closed");
            done.complete(Ok(Payload::Empty));
        }));
        future
    }

    /// Closes (waiting for requests in flight) and stops the I/O threads.
    pub(crate) fn shutdown(self: &Arc<Self>) {
        if self.connected().is_some() {
            self.close().wait(None);
        }
        let runtime = self.runtime.lock().take();
        drop(runtime);
    }
}

/// Waits (at most the connect timeout) until every connected host has its core connections, as
/// the C++ driver's connect does; the crate opens all but the first in the background.
async fn wait_for_pools(session: &Session, config: &ClusterConfig) {
    let wanted = (upstream::connected_hosts(session) * config.connections_per_host()) as u64;
    let metrics = session.get_metrics();
    let deadline = Instant::now() + Duration::from_millis(config.connect_timeout_ms as u64);
    while metrics.get_total_connections() < wanted && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(2)).await;
    }
}

async fn wait_for_trace(connected: &Connected, outcome: &Outcome) {
    if let Ok(Payload::Result(result)) = outcome {
        if let Some(id) = result.tracing_id() {
            connected.tracing.wait(&connected.scylla, id).await;
        }
    }
}
