//! `CassStatement`: a CQL string (or, later, a prepared statement) with bound values and request
//! settings. Executing snapshots it, so C may change or free it while the request is in flight.

mod bind;
mod bind_to;
mod exports;
pub mod values;

use crate::ffi::BoxHandle;
use crate::prepared::CassPrepared;
use crate::types::CassConsistency;
use std::sync::Arc;
use values::BoundValues;

/// What an execution needs from a statement; shared with the requests in flight.
#[derive(Clone, Debug)]
pub struct StatementData {
    pub query: Arc<str>,
    /// Set for statements bound from a prepared statement (`cass_prepared_bind`).
    pub prepared: Option<Arc<CassPrepared>>,
    pub values: BoundValues,
    pub consistency: Option<CassConsistency>,
    pub serial_consistency: Option<CassConsistency>,
    /// Rows per page; -1 (the default) disables paging.
    pub paging_size: i32,
}

/// The statement handle C holds (Box-owned; `cass_statement_free`).
pub struct CassStatement {
    pub data: Arc<StatementData>,
}

impl BoxHandle for CassStatement {}

impl CassStatement {
    pub fn new(query: &str, parameter_count: usize) -> Self {
        CassStatement {
            data: Arc::new(StatementData {
                query: Arc::from(query),
                prepared: None,
                values: BoundValues::with_count(parameter_count),
                consistency: None,
                serial_consistency: None,
                paging_size: -1,
            }),
        }
    }

    /// A statement executing `prepared`, its markers unset and typed.
    pub fn from_prepared(prepared: Arc<CassPrepared>) -> Self {
        CassStatement {
            data: Arc::new(StatementData {
                query: Arc::from(prepared.statement.get_statement()),
                values: BoundValues::for_prepared(prepared.specs.clone()),
                prepared: Some(prepared),
                consistency: None,
                serial_consistency: None,
                paging_size: -1,
            }),
        }
    }

    /// The statement's data for changing; copied first if a request in flight still uses it.
    pub fn data_mut(&mut self) -> &mut StatementData {
        Arc::make_mut(&mut self.data)
    }
}
