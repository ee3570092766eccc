//! `CassPrepared`: a statement prepared by the server, with the names and types of its bind
//! markers. It is shared (`Arc`) by the statements bound from it and outlives its session.

mod exports;
use crate::data_type::{names_matching, CassDataType};
use crate::ffi::{Handle, Shared};
use crate::result::ColumnTypes;
use crate::statement::settings::RequestSettings;
use crate::statement::values::ParameterSpecs;
use scylla::statement::prepared::PreparedStatement;
use std::sync::Arc;

/// A prepared statement C holds (Arc; `cass_prepared_free`).
#[derive(Debug)]
pub struct CassPrepared {
    pub statement: PreparedStatement,
    /// The query text, shared with every statement bound from it.
    pub query: Arc<str>,
    pub specs: Arc<ParameterSpecs>,
    /// The result columns' types the server announced, reused by results when unchanged.
    pub result_types: ColumnTypes,
    /// Settings every statement bound from it starts with (those of the statement it was prepared
    /// from, with `cass_session_prepare_from_existing`).
    pub settings: RequestSettings,
}

impl Handle for CassPrepared {
    type Ownership = Shared;
}

impl CassPrepared {
    pub fn new(mut statement: PreparedStatement, settings: RequestSettings) -> Self {
        // Executions ask the server to leave the result metadata out and decode rows with the
        // metadata of the preparation, as the C++ driver does on protocol v4.
        statement.set_use_cached_result_metadata(true);
        let columns = statement.get_variable_col_specs();
        let specs = ParameterSpecs {
            names: columns.iter().map(|c| c.name().to_string()).collect(),
            types: columns.iter().map(|c| Arc::new(CassDataType::from_column_type(c.typ()))).collect(),
        };
        let result_types = statement
            .get_current_result_set_col_specs()
            .get()
            .iter()
            .map(|c| Arc::new(CassDataType::from_column_type(c.typ())))
            .collect();
        CassPrepared {
            query: Arc::from(statement.get_statement()),
            statement,
            specs: Arc::new(specs),
            result_types,
            settings,
        }
    }

    /// The type of the first marker called `name` (case-insensitive unless double-quoted).
    fn type_by_name(&self, name: &str) -> Option<&Arc<CassDataType>> {
        names_matching(&self.specs.names, name).next().map(|i| &self.specs.types[i])
    }
}
