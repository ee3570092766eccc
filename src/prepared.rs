//! `CassPrepared`: a statement prepared by the server, with the names and types of its bind
//! markers. It is shared (`Arc`) by the statements bound from it and outlives its session.

use crate::data_type::{names_matching, CassDataType};
use crate::error::CassError;
use crate::ffi::strings::{safe_strlen, str_n, write_str_out};
use crate::ffi::{guard, ArcHandle, BoxHandle};
use crate::ffi::{Handle, Shared};
use crate::result::ColumnTypes;
use crate::statement::settings::RequestSettings;
use crate::statement::values::ParameterSpecs;
use crate::statement::CassStatement;
use scylla::statement::prepared::PreparedStatement;
use std::ffi::c_char;
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

/// Releases C's reference to a prepared statement. Statements bound from it stay usable. NULL is
/// ignored.
#[no_mangle]
pub extern "C" fn cass_prepared_free(prepared: *const CassPrepared) {
    guard(|| CassPrepared::free(prepared))
}

/// Creates a statement for executing the prepared statement, with every marker unset. Values are
/// checked against the marker types when bound. Free it with `cass_statement_free()`.
#[no_mangle]
pub extern "C" fn cass_prepared_bind(prepared: *const CassPrepared) -> *mut CassStatement {
    guard(|| match CassPrepared::clone_from_ptr(prepared) {
        Some(prepared) => CassStatement::from_prepared(prepared).into_ptr(),
        None => std::ptr::null_mut(),
    })
}

/// The name of the marker at `index` (valid as long as the prepared statement).
/// `CASS_ERROR_LIB_INDEX_OUT_OF_BOUNDS` past the last marker.
#[no_mangle]
pub extern "C" fn cass_prepared_parameter_name(
    prepared: *const CassPrepared,
    index: usize,
    name: *mut *const c_char,
    name_length: *mut usize,
) -> CassError {
    guard(|| {
        let Some(prepared) = CassPrepared::from_ptr(prepared) else {
            return CassError::CASS_ERROR_LIB_BAD_PARAMS;
        };
        match prepared.specs.names.get(index) {
            Some(n) => write_str_out(n.as_bytes(), name, name_length),
            None => CassError::CASS_ERROR_LIB_INDEX_OUT_OF_BOUNDS,
        }
    })
}

/// The data type of the marker at `index` (valid as long as the prepared statement), or NULL.
#[no_mangle]
pub extern "C" fn cass_prepared_parameter_data_type(
    prepared: *const CassPrepared,
    index: usize,
) -> *const CassDataType {
    guard(|| {
        CassPrepared::from_ptr(prepared).and_then(|p| p.specs.types.get(index)).map_or(std::ptr::null(), Arc::as_ptr)
    })
}

/// The data type of the first marker called `name`, or NULL.
#[no_mangle]
pub extern "C" fn cass_prepared_parameter_data_type_by_name(
    prepared: *const CassPrepared,
    name: *const c_char,
) -> *const CassDataType {
    cass_prepared_parameter_data_type_by_name_n(prepared, name, safe_strlen(name))
}

/// Same as `cass_prepared_parameter_data_type_by_name()`, with the name's length given.
#[no_mangle]
pub extern "C" fn cass_prepared_parameter_data_type_by_name_n(
    prepared: *const CassPrepared,
    name: *const c_char,
    name_length: usize,
) -> *const CassDataType {
    guard(|| {
        let (Some(prepared), Ok(name)) = (CassPrepared::from_ptr(prepared), str_n(name, name_length)) else {
            return std::ptr::null();
        };
        prepared.type_by_name(name).map_or(std::ptr::null(), Arc::as_ptr)
    })
}
