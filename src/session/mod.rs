//! `CassSession`: a connection to a cluster, its I/O runtime, and request execution.
//!
//! The session owns its runtime; the connected `scylla::client::session::Session` is shared (`Arc`)
//! with the requests in flight. Submitting (`connect`, `execute`, `close`) never blocks: it
//! snapshots what it needs and queues a job on the runtime.

mod config;
mod errors;
mod exports;
mod implicit;
mod tracing_wait;

use crate::batch::BatchData;
use crate::cluster::ClusterConfig;
use crate::error::CassError;
use crate::ffi::ArcHandle;
use crate::future::{CassFuture, Failure, Outcome, Payload};
use crate::metrics::SessionMetrics;
use crate::prepared::CassPrepared;
use crate::result::{CassResult, ColumnTypes};
use crate::runtime::IoRuntime;
use crate::statement::settings::{apply_settings, RequestSettings};
use crate::statement::StatementData;
use crate::types::CassBatchType;
use crate::types::{CassConsistency, CassUuid};
use futures::FutureExt;
use parking_lot::Mutex;
use scylla::client::execution_profile::ExecutionProfileHandle;
use scylla::client::session::Session;
use scylla::response::PagingState;
use scylla::statement::batch::{Batch, BatchStatement, BatchType};
use scylla::statement::prepared::PreparedStatement;
use scylla::statement::unprepared::Statement;
use scylla::statement::{Consistency, SerialConsistency};
use std::panic::AssertUnwindSafe;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// What requests in flight share: the crate's session and the in-flight count that close waits on.
pub struct Connected {
    pub session: Session,
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
pub struct CassSession {
    state: Mutex<State>,
    runtime: Mutex<Option<IoRuntime>>,
    client_id: Mutex<CassUuid>,
    /// The metrics of the last connection (kept after close) and the crate's, for connection counts.
    metrics: Mutex<Option<(Arc<SessionMetrics>, Arc<scylla::observability::metrics::Metrics>)>>,
}

impl ArcHandle for CassSession {}

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
    pub fn new() -> Arc<Self> {
        Arc::new(CassSession {
            state: Mutex::new(State::Idle),
            runtime: Mutex::new(None),
            client_id: Mutex::new(CassUuid::from_bytes(uuid::Uuid::new_v4().as_bytes())),
            metrics: Mutex::new(None),
        })
    }

    pub fn client_id(&self) -> CassUuid {
        *self.client_id.lock()
    }

    /// Starts connecting with a copy of `config`; the future completes when the session is usable.
    pub fn connect(self: &Arc<Self>, config: &ClusterConfig, keyspace: Option<String>) -> Arc<CassFuture> {
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
                    // never answers must not hold the connect future for minutes.
                    let per_contact = Duration::from_millis(config.connect_timeout_ms.max(1) as u64);
                    let bound = per_contact * config.contact_points.len().max(1) as u32 + Duration::from_secs(1);
                    let attempt = match tokio::time::timeout(bound, Session::connect(session_config)).await {
                        Ok(connected) => connected.map_err(|e| errors::connect_failure(&e)),
                        Err(_) => Err(errors::connect_timed_out(bound)),
                    };
                    match attempt {
                        Ok(connected) if !profiles.default_policy_has_hosts(&connected) => profiles.no_hosts_failure(),
                        Ok(connected) => {
                            wait_for_pools(&connected, &config).await;
                            if config.host_listener.is_some() {
                                // The hosts' ADD and UP events reach the callback before the
                                // connect future completes.
                                crate::future::callbacks::barrier().await;
                            }
                            tracing::info!("session connected");
                            let metrics = Arc::new(SessionMetrics::default());
                            *session.metrics.lock() = Some((metrics.clone(), connected.get_metrics()));
                            let speculative = config
                                .speculative
                                .map(|_| Arc::new(crate::metrics::SpeculativeListener::new(metrics.clone())));
                            let connected = Arc::new(Connected {
                                session: connected,
                                submitter: queue,
                                inflight: AtomicUsize::new(0),
                                drained: tokio::sync::Notify::new(),
                                implicit: Default::default(),
                                tracing: tracing_wait,
                                profiles,
                                metadata: crate::metadata::SchemaHolder::new(
                                    config.use_schema,
                                    config.token_aware_routing,
                                ),
                                metrics,
                                speculative,
                            });
                            // The schema snapshot is there before the connect future completes.
                            connected.metadata.load_initial(&connected.session).await;
                            if connected.metadata.enabled() {
                                let watch =
                                    crate::metadata::watch(Arc::downgrade(&connected), |c| (&c.session, &c.metadata));
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
    pub fn schema_meta(&self) -> Arc<crate::metadata::CassSchemaMeta> {
        self.connected().map_or_else(crate::metadata::empty, |c| c.metadata.current())
    }

    fn connected(&self) -> Option<Arc<Connected>> {
        match &*self.state.lock() {
            State::Connected(connected) => Some(connected.clone()),
            _ => None,
        }
    }

    /// Executes a statement snapshot; the future completes with its result.
    pub fn execute(&self, statement: Arc<StatementData>) -> Arc<CassFuture> {
        self.submit_request(move |connected| async move {
            let outcome = run_statement(&connected, &statement).await;
            let outcome = unavailable_as_upstream(&connected, &statement.settings, outcome);
            if outcome.is_ok() {
                // DDL: its change is in the schema snapshot before its future completes.
                if let Some(refresh) = connected.metadata.after_request(&connected.session, &statement.query) {
                    refresh.await;
                }
            }
            if statement.settings.tracing {
                wait_for_trace(&connected, &outcome).await;
            }
            outcome
        })
    }

    /// Executes a batch snapshot; the future completes with its (usually empty) result.
    pub fn execute_batch(&self, batch: Arc<BatchData>) -> Arc<CassFuture> {
        self.submit_request(move |connected| async move {
            let outcome = run_batch(&connected, &batch).await;
            let outcome = unavailable_as_upstream(&connected, &batch.settings, outcome);
            if batch.settings.tracing {
                wait_for_trace(&connected, &outcome).await;
            }
            outcome
        })
    }

    /// Prepares `query` on the cluster; the future completes with a `CassPrepared`.
    pub fn prepare(&self, query: String, settings: RequestSettings) -> Arc<CassFuture> {
        self.submit(move |connected| async move {
            match connected.session.prepare(query).await {
                Ok(prepared) => Ok(Payload::Prepared(Arc::new(CassPrepared::new(prepared, settings)))),
                Err(e) => Err(errors::prepare_failure(&e)),
            }
        })
    }

    /// `submit` for a statement or batch: its latency and timeouts go into the session's metrics.
    fn submit_request<F, Fut>(&self, work: F) -> Arc<CassFuture>
    where
        F: FnOnce(Arc<Connected>) -> Fut + Send + 'static,
        Fut: std::future::Future<Output = Outcome> + Send + 'static,
    {
        self.submit_measured(work, Some(Instant::now()))
    }

    /// Copies the session's metrics into C's structs; zeros (and a warning) before the first connect.
    pub fn metrics(&self) -> Option<(crate::types::CassMetrics, crate::types::CassSpeculativeExecutionMetrics)> {
        let guard = self.metrics.lock();
        let (ours, crate_metrics) = guard.as_ref()?;
        Some((ours.fill(crate_metrics), ours.fill_speculative()))
    }

    /// Runs `work` on the runtime as a request in flight (close waits for it).
    fn submit<F, Fut>(&self, work: F) -> Arc<CassFuture>
    where
        F: FnOnce(Arc<Connected>) -> Fut + Send + 'static,
        Fut: std::future::Future<Output = Outcome> + Send + 'static,
    {
        self.submit_measured(work, None)
    }

    /// `submit`; with `start`, the request's latency (from `start`) and a client-side timeout are
    /// recorded in the session's metrics before its future completes.
    fn submit_measured<F, Fut>(&self, work: F, start: Option<Instant>) -> Arc<CassFuture>
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
            let outcome = AssertUnwindSafe(work(connected.clone())).catch_unwind().await.unwrap_or_else(|_| {
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
    pub fn close(self: &Arc<Self>) -> Arc<CassFuture> {
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
    pub fn shutdown(self: &Arc<Self>) {
        if self.connected().is_some() {
            self.close().wait(None);
        }
        let runtime = self.runtime.lock().take();
        drop(runtime);
    }
}

/// Whether a retry policy sends an Unavailable answer to the next host (the default policy and
/// a logging wrapper of it do; fallthrough and downgrading consistency do not). Only called on
/// the error path.
fn retries_unavailable(policy: Option<&Arc<dyn scylla::policies::retry::RetryPolicy>>) -> bool {
    policy.is_none_or(|policy| {
        let name = format!("{policy:?}");
        !(name.contains("Fallthrough") || name.contains("Downgrading"))
    })
}

/// The C++ driver's default retry policy moves an Unavailable answer to the next host; when the
/// request has no other host, the request fails with `CASS_ERROR_LIB_NO_HOSTS_AVAILABLE` instead of
/// the server's error. The crate's policy makes the same move but reports the server's error when
/// no host is left, so the answer is mapped here (one connected host: no next host).
fn unavailable_as_upstream(connected: &Connected, settings: &RequestSettings, outcome: Outcome) -> Outcome {
    let Err(failure) = &outcome else {
        return outcome;
    };
    if failure.code != CassError::CASS_ERROR_SERVER_UNAVAILABLE {
        return outcome;
    }
    let retries = match &settings.retry_policy {
        Some(policy) => retries_unavailable(Some(policy)),
        None => {
            let profile = match profile_handle(connected, settings) {
                Ok(Some(handle)) => handle.to_profile(),
                _ => connected.session.get_default_execution_profile_handle().to_profile(),
            };
            retries_unavailable(Some(profile.get_retry_policy()))
        }
    };
    let hosts = connected_hosts(&connected.session);
    if retries && hosts <= 1 {
        let message = format!(
            "All hosts in current policy attempted and were either unavailable or failed ({})",
            failure.message.to_string_lossy()
        );
        return Err(Failure::new(CassError::CASS_ERROR_LIB_NO_HOSTS_AVAILABLE, message));
    }
    outcome
}

/// Hosts the session has at least one connection to.
fn connected_hosts(session: &Session) -> usize {
    session.get_cluster_state().get_nodes_info().iter().filter(|node| node.is_connected()).count()
}

/// Waits (at most the connect timeout) until every connected host has its core connections, as
/// the C++ driver's connect does; the crate opens all but the first in the background.
async fn wait_for_pools(session: &Session, config: &ClusterConfig) {
    let wanted = (connected_hosts(session) * config.connections_per_host()) as u64;
    let metrics = session.get_metrics();
    let deadline = Instant::now() + Duration::from_millis(config.connect_timeout_ms as u64);
    while metrics.get_total_connections() < wanted && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(2)).await;
    }
}

async fn run_prepared(
    connected: &Connected,
    data: &StatementData,
    prepared: &PreparedStatement,
    known: Option<&ColumnTypes>,
    profile: Option<&ExecutionProfileHandle>,
) -> Outcome {
    let session = &connected.session;
    let paged = data.paging_size > 0 || data.paging_state.is_some();
    if !paged && data.settings.is_default() && connected.speculative.is_none() && profile.is_none() {
        // Nothing to change on the prepared statement: no copy of it per request.
        let result = session.execute_unpaged(prepared, &data.values).await.map(|result| (result, None));
        return into_outcome(result, known);
    }
    let mut statement = prepared.clone();
    apply_settings!(statement, &data.settings);
    if let Some(profile) = profile {
        statement.set_execution_profile_handle(Some(profile.clone()));
    }
    if let Some(listener) = &connected.speculative {
        statement.set_history_listener(listener.clone());
    }
    let result = if paged {
        if data.paging_size > 0 {
            statement.set_page_size(data.paging_size);
        }
        let paging = data.paging_state.clone().unwrap_or_else(PagingState::start);
        session.execute_single_page(&statement, &data.values, paging).await.map(|(r, p)| (r, Some(p)))
    } else {
        session.execute_unpaged(&statement, &data.values).await.map(|result| (result, None))
    };
    into_outcome(result, known)
}

fn into_outcome(
    result: Result<
        (scylla::response::query_result::QueryResult, Option<scylla::response::PagingStateResponse>),
        scylla::errors::ExecutionError,
    >,
    known: Option<&ColumnTypes>,
) -> Outcome {
    match result {
        Ok((result, paging)) => match CassResult::from_query_result(result, paging, known) {
            Ok(result) => Ok(Payload::Result(result)),
            Err(message) => failure(CassError::CASS_ERROR_LIB_UNEXPECTED_RESPONSE, message),
        },
        Err(e) => Err(errors::execution_failure(&e)),
    }
}

/// The execution profile a request names (None: the default profile); an unknown name fails the
/// request, as upstream.
fn profile_handle<'c>(
    connected: &'c Connected,
    settings: &RequestSettings,
) -> Result<Option<&'c ExecutionProfileHandle>, Failure> {
    match &settings.execution_profile {
        Some(name) => match connected.profiles.get(name) {
            Some(handle) => Ok(Some(handle)),
            None => Err(Failure::new(
                CassError::CASS_ERROR_LIB_EXECUTION_PROFILE_INVALID,
                format!("Execution profile '{name}' does not exist"),
            )),
        },
        None => Ok(None),
    }
}

async fn run_statement(connected: &Connected, data: &StatementData) -> Outcome {
    let profile = profile_handle(connected, &data.settings)?;
    let session = &connected.session;
    if let Some(prepared) = &data.prepared {
        return run_prepared(connected, data, &prepared.statement, Some(&prepared.result_types), profile).await;
    }
    if data.values.count() > 0 {
        // The crate would prepare before every execution; reuse the preparation instead.
        let prepared = match connected.implicit.get(&data.query) {
            Some(prepared) => prepared,
            None => match session.prepare(&*data.query).await {
                Ok(prepared) => {
                    connected.implicit.insert(data.query.clone(), prepared.clone());
                    prepared
                }
                Err(e) => return Err(errors::prepare_failure(&e)),
            },
        };
        let markers = prepared.get_variable_col_specs().len();
        if markers != data.values.count() {
            // What the server answers when a QUERY carries the wrong number of values (the C++
            // driver sends the values with the query text; here they go with its preparation).
            return failure(
                CassError::CASS_ERROR_SERVER_INVALID_QUERY,
                format!("There were {markers} markers(?) in CQL but {} bound variables", data.values.count()),
            );
        }
        return run_prepared(connected, data, &prepared, None, profile).await;
    }
    let mut statement = Statement::new(&*data.query);
    apply_settings!(statement, &data.settings);
    if let Some(profile) = profile {
        statement.set_execution_profile_handle(Some(profile.clone()));
    }
    if let Some(listener) = &connected.speculative {
        statement.set_history_listener(listener.clone());
    }
    let result = if data.paging_size > 0 || data.paging_state.is_some() {
        if data.paging_size > 0 {
            statement.set_page_size(data.paging_size);
        }
        let paging = data.paging_state.clone().unwrap_or_else(PagingState::start);
        session.query_single_page(statement, &data.values, paging).await.map(|(r, p)| (r, Some(p)))
    } else {
        session.query_unpaged(statement, &data.values).await.map(|result| (result, None))
    };
    into_outcome(result, None)
}

async fn wait_for_trace(connected: &Connected, outcome: &Outcome) {
    if let Ok(Payload::Result(result)) = outcome {
        if let Some(id) = result.tracing_id() {
            connected.tracing.wait(&connected.session, id).await;
        }
    }
}

async fn run_batch(connected: &Connected, data: &BatchData) -> Outcome {
    let session = &connected.session;
    let profile = profile_handle(connected, &data.settings)?;
    let mut batch = Batch::new(match data.kind {
        CassBatchType::CASS_BATCH_TYPE_LOGGED => BatchType::Logged,
        CassBatchType::CASS_BATCH_TYPE_UNLOGGED => BatchType::Unlogged,
        CassBatchType::CASS_BATCH_TYPE_COUNTER => BatchType::Counter,
    });
    for statement in &data.statements {
        batch.append_statement(match &statement.prepared {
            Some(prepared) => BatchStatement::PreparedStatement(prepared.statement.clone()),
            None => BatchStatement::Query(Statement::new(&*statement.query)),
        });
    }
    apply_settings!(batch, &data.settings);
    if let Some(profile) = profile {
        batch.set_execution_profile_handle(Some(profile.clone()));
    }
    if let Some(listener) = &connected.speculative {
        batch.set_history_listener(listener.clone());
    }
    let values: Vec<&crate::statement::values::BoundValues> = data.statements.iter().map(|s| &s.values).collect();
    into_outcome(session.batch(&batch, &values).await.map(|result| (result, None)), None)
}
