//! Schema metadata: `CassSchemaMeta` and the keyspace, table, view, column, index, function and
//! aggregate metadata inside it (cassandra.h, "Schema Metadata").
//!
//! The session reads `system_schema` itself (the `scylla` crate keeps only part of the schema and
//! none of the raw rows) and publishes one immutable snapshot per refresh ([`SchemaHolder`]):
//! - when it connects: on a plain connection of its own to a contact point, at the same time as
//!   the crate sets up its control connection and pools ([`EarlyFirstRead`], [`direct`]), or,
//!   for clusters with TLS, an authenticator other than credentials or host lists (or when that
//!   read fails), through the session right after the pools are up; the first caller of
//!   `cass_session_get_schema_meta()` (and every refresh) waits for it ([`pending_reads`]);
//! - after a schema change by this session succeeded, before its future completes: only the
//!   table (or else the keyspace) it changed is re-read, from the coordinator that applied it, while the nodes come to
//!   agree on the schema ([`SchemaHolder::follow`]), so the change is visible as soon as the future
//!   completes;
//! - every [`WATCH_INTERVAL`], for changes made by other clients: one small query
//!   (`system.local`'s schema version), and a reload only when that version moved.
//!
//! `cass_session_get_schema_meta()` only takes a new reference to the current snapshot: no I/O
//! (once the first snapshot is there).
//! The C++ driver refreshes on the server's schema events instead; the `scylla` crate does not
//! pass those on, hence the version check.

pub(crate) mod cql_type;
mod direct;
mod early;
mod exports;
mod loader;
pub(crate) mod model;
mod out;
mod pending_reads;
mod schema_change;

pub(crate) use early::EarlyFirstRead;
pub(crate) use exports::MetaCursor;
pub(crate) use model::CassSchemaMeta;
pub(crate) use schema_change::{schema_change, SchemaChange};

use crate::ffi::PanicAnswer;
use crate::types::{CassClusteringOrder, CassColumnType, CassIndexType, CassVersion};
use futures::future::BoxFuture;
use once_cell::sync::Lazy;
use parking_lot::RwLock;
use scylla::client::session::Session;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Weak};
use std::time::Duration;

/// How many responses a keyspace may keep alive from table re-reads before a change re-reads
/// the whole keyspace (see `SchemaHolder::refresh_table`).
const MAX_PARTIAL_OWNERS: usize = 64;

/// How often a session checks whether another client changed the schema.
pub(crate) const WATCH_INTERVAL: Duration = Duration::from_secs(1);

/// The snapshot of a session that is not connected (or reads no schema): no keyspaces, version 0.
pub(crate) fn empty() -> Arc<CassSchemaMeta> {
    static EMPTY: Lazy<Arc<CassSchemaMeta>> = Lazy::new(|| Arc::new(CassSchemaMeta::empty()));
    EMPTY.clone()
}

/// What a session's snapshots hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Scope {
    /// Everything (`cass_cluster_set_use_schema`, the default).
    Full,
    /// Keyspaces with their raw fields only: schema off but token-aware routing on, where the C++
    /// driver still reads `system_schema.keyspaces` (for replication) and shows it.
    Keyspaces,
    /// The server version only.
    Nothing,
}

impl Scope {
    pub(super) fn of(use_schema: bool, token_aware_routing: bool) -> Self {
        match (use_schema, token_aware_routing) {
            (true, _) => Scope::Full,
            (false, true) => Scope::Keyspaces,
            (false, false) => Scope::Nothing,
        }
    }
}

/// A connected session's current snapshot and what refreshes it.
pub(crate) struct SchemaHolder {
    scope: Scope,
    current: RwLock<Arc<CassSchemaMeta>>,
    /// One refresh at a time.
    refreshing: tokio::sync::Mutex<()>,
    /// How many refreshes have started (see `refresh`).
    started: AtomicU64,
    /// Whether the first snapshot, read in the background after connect, is there yet.
    first: pending_reads::PendingReads,
    /// Re-reads after the session's own schema changes still running (see `follow`).
    followups: Arc<pending_reads::PendingReads>,
    /// How long `current()` waits for the first snapshot (and for re-reads) at most.
    first_wait_limit: Duration,
}

impl SchemaHolder {
    /// The holder for a session with `use_schema` and `token_aware_routing` as configured;
    /// `current()` waits at most `first_wait_limit` for the first snapshot (`load_first`).
    pub(crate) fn new(use_schema: bool, token_aware_routing: bool, first_wait_limit: Duration) -> Self {
        let scope = Scope::of(use_schema, token_aware_routing);
        SchemaHolder {
            scope,
            current: RwLock::new(empty()),
            refreshing: Default::default(),
            started: AtomicU64::new(0),
            first: pending_reads::PendingReads::new(false),
            followups: Arc::new(pending_reads::PendingReads::new(true)),
            first_wait_limit,
        }
    }

    /// Whether snapshots hold any schema (and so need refreshing).
    pub(crate) fn enabled(&self) -> bool {
        self.scope != Scope::Nothing
    }

    /// The current snapshot (a new reference; no I/O). Right after connect, waits until the
    /// first snapshot is there, and after a schema change of this session until its re-read is
    /// (each at most the limit given to `new`).
    pub(crate) fn current(&self) -> Arc<CassSchemaMeta> {
        if !self.first.wait_blocking(self.first_wait_limit) || !self.followups.wait_blocking(self.first_wait_limit) {
            tracing::warn!("the schema metadata is still being read; returning the snapshot as it is");
        }
        self.snapshot()
    }

    /// The published snapshot, without waiting for the first.
    fn snapshot(&self) -> Arc<CassSchemaMeta> {
        self.current.read().clone()
    }

    /// The first snapshot: the server version and, as the scope asks, keyspaces or the whole
    /// schema, all at once from one node; taken from `early` (read while connecting) when that
    /// read succeeded, else read now through the connected session. A failure leaves the empty
    /// snapshot (the watch retries). Waiters are released also when this future is dropped
    /// before it ends.
    pub(crate) async fn load_first(&self, session: &Session, early: Option<EarlyFirstRead>) {
        let _finish = pending_reads::FinishOnDrop(&self.first);
        let _one_at_a_time = self.refreshing.lock().await;
        self.started.fetch_add(1, Ordering::AcqRel);
        if let Some(early) = early {
            match early.finish().await {
                Ok(snapshot) => {
                    *self.current.write() = Arc::new(snapshot);
                    return;
                }
                Err(e) => tracing::debug!(
                    "first schema read on a connection of our own failed ({e}); reading it through the session"
                ),
            }
        }
        let started = std::time::Instant::now();
        let source = loader::Source::new(session, None);
        match loader::load_first(&source, self.scope).await {
            Ok(snapshot) => {
                tracing::debug!(
                    "first schema snapshot ({} keyspaces) read in {:?}",
                    snapshot.keyspaces.len(),
                    started.elapsed()
                );
                *self.current.write() = Arc::new(snapshot);
            }
            Err(e) => tracing::warn!("unable to read the schema metadata: {e}"),
        }
    }

    /// Reloads the schema if its version moved since the current snapshot was read. A caller
    /// whose change happened before the call sees it in `current()` once this returns `Ok`: a
    /// refresh that started after the call and has finished covers it, otherwise this one checks.
    /// The current snapshot stays as it was when a query fails.
    pub(crate) async fn refresh(&self, session: &Session, at: Option<SocketAddr>) -> Result<(), String> {
        if !self.enabled() {
            return Ok(());
        }
        self.first.wait().await;
        let ticket = self.started.load(Ordering::Acquire);
        let _one_at_a_time = self.refreshing.lock().await;
        if self.started.load(Ordering::Acquire) != ticket {
            return Ok(());
        }
        self.started.fetch_add(1, Ordering::AcqRel);
        let source = loader::Source::new(session, at);
        let local =
            loader::read_local(&source).await.map_err(|e| format!("unable to check the schema version: {e}"))?;
        let current = self.snapshot();
        if current.schema_version.is_some() && current.schema_version == local.schema_version {
            return Ok(());
        }
        let started = std::time::Instant::now();
        match loader::load(&source, local, current.version.wrapping_add(1), self.scope).await {
            Ok(snapshot) => {
                tracing::debug!(
                    "schema metadata refreshed (snapshot {}, {} keyspaces) in {:?}",
                    snapshot.version,
                    snapshot.keyspaces.len(),
                    started.elapsed()
                );
                *self.current.write() = Arc::new(snapshot);
                Ok(())
            }
            Err(e) => Err(format!("unable to refresh the schema metadata: {e}")),
        }
    }

    /// Re-reads only `keyspace` (after a change of it by this session) and publishes a snapshot
    /// with the other keyspaces as they were. The schema version is read at the same time: a
    /// change by another client made after it is found by the next version check; one made to
    /// another keyspace within the few milliseconds before it waits for the next version move
    /// (the C++ driver learns of it from the server's event; the crate does not pass those on).
    pub(crate) async fn refresh_keyspace(
        &self,
        session: &Session,
        keyspace: &str,
        at: Option<SocketAddr>,
    ) -> Result<(), String> {
        if !self.enabled() {
            return Ok(());
        }
        self.first.wait().await;
        let _one_at_a_time = self.refreshing.lock().await;
        self.started.fetch_add(1, Ordering::AcqRel);
        let source = loader::Source::new(session, at);
        let started = std::time::Instant::now();
        let (local, fresh) = loader::load_keyspace(&source, self.scope, keyspace)
            .await
            .map_err(|e| format!("unable to refresh the metadata of keyspace {keyspace}: {e}"))?;
        self.publish_keyspace(keyspace, fresh, local);
        tracing::debug!("schema metadata of keyspace {keyspace} refreshed in {:?}", started.elapsed());
        Ok(())
    }

    /// Publishes the current snapshot with `keyspace` replaced by `fresh` (removed when None) and
    /// the server's versions from `local`. Called with the `refreshing` lock held.
    fn publish_keyspace(&self, keyspace: &str, fresh: Option<Arc<model::CassKeyspaceMeta>>, local: loader::LocalInfo) {
        let current = self.snapshot();
        let mut keyspaces: Vec<Arc<model::CassKeyspaceMeta>> =
            current.keyspaces.iter().filter(|k| k.name != keyspace).cloned().collect();
        keyspaces.extend(fresh);
        keyspaces.sort_by(|a, b| a.name.cmp(&b.name));
        let snapshot = CassSchemaMeta {
            version: current.version.wrapping_add(1),
            server_version: local.server_version,
            schema_version: local.schema_version,
            keyspaces,
        };
        *self.current.write() = Arc::new(snapshot);
    }

    /// Re-reads only `table` of `keyspace` (after a change of it by this session) and publishes
    /// a snapshot with everything else as it was. Re-reads the whole keyspace instead when the
    /// snapshot does not have the keyspace, when views are built on the table, or when the
    /// keyspace has gathered many partial re-reads (each keeps its responses alive: a keyspace
    /// re-read starts over with one set).
    pub(crate) async fn refresh_table(
        &self,
        session: &Session,
        keyspace: &str,
        table: &str,
        at: Option<SocketAddr>,
    ) -> Result<(), String> {
        if self.scope != Scope::Full {
            return self.refresh_keyspace(session, keyspace, at).await;
        }
        self.first.wait().await;
        let _one_at_a_time = self.refreshing.lock().await;
        let current = self.snapshot();
        let Some(old) = current.keyspaces.iter().find(|k| k.name == keyspace).cloned() else {
            drop(_one_at_a_time);
            return self.refresh_keyspace(session, keyspace, at).await;
        };
        if old.views.iter().any(|v| v.base_table.upgrade().is_some_and(|t| t.name == table))
            || old.owners.len() > MAX_PARTIAL_OWNERS
        {
            drop(_one_at_a_time);
            return self.refresh_keyspace(session, keyspace, at).await;
        }
        self.started.fetch_add(1, Ordering::AcqRel);
        let source = loader::Source::new(session, at);
        let started = std::time::Instant::now();
        let (local, fresh) = loader::load_table(&source, &old, table)
            .await
            .map_err(|e| format!("unable to refresh the metadata of table {keyspace}.{table}: {e}"))?;
        let Some(fresh) = fresh else {
            drop(_one_at_a_time);
            return self.refresh_keyspace(session, keyspace, at).await;
        };
        self.publish_keyspace(keyspace, Some(Arc::new(fresh)), local);
        tracing::debug!("schema metadata of table {keyspace}.{table} refreshed in {:?}", started.elapsed());
        Ok(())
    }

    /// A re-read of the session's own schema change begins: `current()` waits until the guard is
    /// dropped (see [`SchemaHolder::reread`]).
    pub(crate) fn begin_reread(&self) -> pending_reads::Pending {
        self.followups.begin()
    }

    /// Re-reads what a schema change of this session changed (`change`, answered by
    /// `coordinator`, which has applied it): the table, or else the keyspace, or everything.
    /// It runs once the nodes agree ([`SchemaHolder::agree`]) and ends after the statement's
    /// future completed; `current()` waits for it (`begin_reread`), so what a program sees
    /// after the future completes includes the change.
    pub(crate) async fn reread(&self, session: &Session, change: SchemaChange, coordinator: SocketAddr) {
        let refreshed = match &change {
            SchemaChange::None => Ok(()),
            SchemaChange::Keyspace(keyspace) | SchemaChange::Replication(keyspace) => {
                self.refresh_keyspace(session, keyspace, Some(coordinator)).await
            }
            SchemaChange::Table { keyspace, table } => {
                self.refresh_table(session, keyspace, table, Some(coordinator)).await
            }
            SchemaChange::Unknown => self.refresh(session, Some(coordinator)).await,
        };
        if let Err(e) = refreshed {
            tracing::warn!("{e} (after a schema change)");
        }
    }

    /// What a schema change of this session waits for before its future completes, as with the
    /// C++ driver: schema agreement; after a new or altered keyspace (`routing`), the crate's
    /// routing metadata too. Boxed, so that the futures of ordinary requests do not grow by its
    /// size.
    pub(crate) fn agree<'a>(&'a self, session: &'a Session, routing: bool) -> BoxFuture<'a, ()> {
        Box::pin(async move {
            if let Err(e) = session.await_schema_agreement().await {
                // The C++ driver's words and outcome: the statement itself succeeded.
                tracing::warn!("No schema agreement on live nodes: {e}. Schema may not be up-to-date on some nodes.");
            }
            if routing && self.enabled() {
                if let Err(e) = session.refresh_metadata().await {
                    tracing::warn!("unable to refresh the cluster metadata after a schema change: {e}");
                }
            }
        })
    }
}

/// Checks for other clients' schema changes every [`WATCH_INTERVAL`] while `owner` lives.
/// `parts` finds the session and the holder inside the owner; the owner is only held during a check.
pub(crate) async fn watch<T: Send + Sync + 'static>(
    owner: Weak<T>,
    parts: for<'a> fn(&'a T) -> (&'a Session, &'a SchemaHolder),
) {
    loop {
        tokio::time::sleep(WATCH_INTERVAL).await;
        let Some(owner) = owner.upgrade() else {
            return;
        };
        let (session, holder) = parts(&owner);
        if !holder.enabled() {
            return;
        }
        // Every second while a node is unreachable: not worth a warning each time.
        if let Err(e) = holder.refresh(session, None).await {
            tracing::debug!("{e}");
        }
    }
}

impl PanicAnswer for CassVersion {
    fn on_panic() -> Self {
        CassVersion::default()
    }
}
impl PanicAnswer for CassColumnType {
    fn on_panic() -> Self {
        CassColumnType::CASS_COLUMN_TYPE_REGULAR
    }
}
impl PanicAnswer for CassIndexType {
    fn on_panic() -> Self {
        CassIndexType::CASS_INDEX_TYPE_UNKNOWN
    }
}
impl PanicAnswer for CassClusteringOrder {
    fn on_panic() -> Self {
        CassClusteringOrder::CASS_CLUSTERING_ORDER_NONE
    }
}
