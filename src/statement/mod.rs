//! `CassStatement`: a CQL string or a prepared statement, with bound values and request settings.
//! Executing snapshots it (`Arc`, copy on write), so C may change, re-execute or free it while a
//! request is in flight.

pub(crate) mod bind_to;
pub(crate) mod conditional;
mod exports;
pub(crate) mod request_setters;
pub(crate) mod settings;
pub(crate) mod values;

// After the statement's own modules: cassandra.h's prepared section follows the statement's.
pub mod prepared;

use crate::ffi::{Handle, Owned};
use prepared::CassPrepared;
use scylla::response::PagingState;
use settings::RequestSettings;
use std::sync::Arc;
use values::BoundValues;

/// What an execution needs from a statement; shared with the requests in flight.
#[derive(Clone, Debug)]
pub(crate) struct StatementData {
    pub query: Arc<str>,
    /// Set for statements bound from a prepared statement (`cass_prepared_bind`).
    pub prepared: Option<Arc<CassPrepared>>,
    pub values: BoundValues,
    pub settings: RequestSettings,
    /// Rows per page; -1 (the default) disables paging.
    pub paging_size: i32,
    /// Where the next page starts (`cass_statement_set_paging_state*`).
    pub paging_state: Option<PagingState>,
    /// Markers that form the partition key of a simple statement (routing).
    pub key_indices: Vec<usize>,
}

/// The statement handle C holds (Box-owned; `cass_statement_free`).
pub(crate) struct CassStatement {
    pub data: Arc<StatementData>,
}

impl Handle for CassStatement {
    type Ownership = Owned;
}

impl CassStatement {
    fn with(query: Arc<str>, prepared: Option<Arc<CassPrepared>>, values: BoundValues) -> Self {
        CassStatement {
            data: Arc::new(StatementData {
                query,
                prepared,
                values,
                settings: RequestSettings::default(),
                paging_size: -1,
                paging_state: None,
                key_indices: Vec::new(),
            }),
        }
    }

    pub(crate) fn new(query: &str, parameter_count: usize) -> Self {
        Self::with(Arc::from(query), None, BoundValues::with_count(parameter_count))
    }

    /// A statement executing `prepared`, its markers unset and typed.
    pub(crate) fn from_prepared(prepared: Arc<CassPrepared>) -> Self {
        let values = BoundValues::for_prepared(prepared.specs.clone());
        let settings = prepared.settings.clone();
        let mut statement = Self::with(prepared.query.clone(), Some(prepared), values);
        if !settings.is_default() || settings.keyspace.is_some() || settings.execution_profile.is_some() {
            statement.data_mut().settings = settings;
        }
        statement
    }

    /// The statement's data for changing; copied first if a request in flight still uses it.
    pub(crate) fn data_mut(&mut self) -> &mut StatementData {
        Arc::make_mut(&mut self.data)
    }
}

impl request_setters::WithSettings for CassStatement {
    fn settings_mut(&mut self) -> &mut RequestSettings {
        &mut self.data_mut().settings
    }
}
