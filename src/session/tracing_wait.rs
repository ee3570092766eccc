//! Traced requests complete only once their trace can be read, as the C++ driver does: the
//! session looks for the trace's row in `system_traces.sessions` every retry interval until it is
//! there or the maximum wait has passed (`cass_cluster_set_tracing_*`).

use crate::cluster::ClusterConfig;
use crate::types::CassUuid;
use scylla::client::session::Session;
use scylla::statement::unprepared::Statement;
use scylla::statement::Consistency;
use std::time::{Duration, Instant};

#[derive(Clone, Copy, Debug)]
pub(super) struct TracingWait {
    max_wait: Duration,
    retry_wait: Duration,
    consistency: Consistency,
}

impl TracingWait {
    pub(super) fn from_config(config: &ClusterConfig) -> Self {
        TracingWait {
            max_wait: Duration::from_millis(config.tracing_max_wait_ms as u64),
            retry_wait: Duration::from_millis(config.tracing_retry_wait_ms.max(1) as u64),
            consistency: super::consistency(config.tracing_consistency).unwrap_or(Consistency::One),
        }
    }

    /// Returns once the trace `id` is readable or the maximum wait is over (never an error: the
    /// request itself succeeded).
    pub(super) async fn wait(&self, session: &Session, id: CassUuid) {
        let deadline = Instant::now() + self.max_wait;
        let uuid = uuid::Uuid::from_bytes(id.to_bytes());
        let mut statement = Statement::new("SELECT session_id FROM system_traces.sessions WHERE session_id = ?");
        statement.set_consistency(self.consistency);
        loop {
            if let Ok(result) = session.query_unpaged(statement.clone(), (uuid,)).await {
                if result.into_rows_result().is_ok_and(|rows| rows.rows_num() > 0) {
                    return;
                }
            }
            if Instant::now() + self.retry_wait > deadline {
                return;
            }
            tokio::time::sleep(self.retry_wait).await;
        }
    }
}
