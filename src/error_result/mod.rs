//! `CassErrorResult`: the details of a request the server answered with an ERROR response, and
//! the names of consistency levels and write types (`cass_consistency_string()`,
//! `cass_write_type_string()`).
//!
//! Which fields an error carries follows the native protocol (section "Error codes"), as the C++
//! driver exposes them:
//!
//! | code                          | consistency, received, required | num_failures | data_present | write_type | keyspace | table | function, arg types |
//! |-------------------------------|:---:|:---:|:---:|:---:|:---:|:---:|:---:|
//! | `CASS_ERROR_SERVER_UNAVAILABLE`   | yes (received = alive nodes) |  |  |  |  |  |  |
//! | `CASS_ERROR_SERVER_READ_TIMEOUT`  | yes |  | yes |  |  |  |  |
//! | `CASS_ERROR_SERVER_WRITE_TIMEOUT` | yes |  |  | yes |  |  |  |
//! | `CASS_ERROR_SERVER_READ_FAILURE`  | yes | yes | yes |  |  |  |  |
//! | `CASS_ERROR_SERVER_WRITE_FAILURE` | yes | yes |  | yes |  |  |  |
//! | `CASS_ERROR_SERVER_FUNCTION_FAILURE` |  |  |  |  | yes |  | yes |
//! | `CASS_ERROR_SERVER_ALREADY_EXISTS`   |  |  |  |  | yes | yes ("" for a keyspace) |  |
//!
//! A field an error does not carry reads as the C++ driver's default: `CASS_CONSISTENCY_UNKNOWN`,
//! -1 for the counts, `cass_false`, `CASS_WRITE_TYPE_UNKNOWN`, no argument types; the string
//! getters answer `CASS_ERROR_LIB_INVALID_ERROR_RESULT_TYPE` for codes without that field.

mod exports;
use crate::error::CassError;
use crate::ffi::strings::write_str_out;
use crate::ffi::with;
use crate::ffi::PanicAnswer;
use crate::ffi::{Handle, Shared};
use crate::types::{CassConsistency, CassWriteType};
use scylla::errors::{DbError, WriteType};
use scylla::statement::Consistency;
use std::ffi::{c_char, CStr};

/// A server error's details. Immutable once built and shared with the future it came from; C
/// frees its reference with `cass_error_result_free()`. Strings handed to C point into it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct CassErrorResult {
    pub code: CassError,
    pub consistency: CassConsistency,
    pub responses_received: i32,
    pub responses_required: i32,
    pub num_failures: i32,
    pub data_present: bool,
    pub write_type: CassWriteType,
    pub keyspace: String,
    pub table: String,
    pub function: String,
    pub arg_types: Vec<String>,
}

impl Handle for CassErrorResult {
    type Ownership = Shared;
}

impl CassErrorResult {
    /// An error with the given code and none of the optional fields.
    pub(crate) fn new(code: CassError) -> Self {
        CassErrorResult {
            code,
            consistency: CassConsistency::CASS_CONSISTENCY_UNKNOWN,
            responses_received: -1,
            responses_required: -1,
            num_failures: -1,
            data_present: false,
            write_type: CassWriteType::CASS_WRITE_TYPE_UNKNOWN,
            keyspace: String::new(),
            table: String::new(),
            function: String::new(),
            arg_types: Vec::new(),
        }
    }

    /// The code and details of an error the server sent.
    pub(crate) fn from_db_error(db: &DbError) -> Self {
        use CassError as E;
        match db {
            DbError::ServerError => Self::new(E::CASS_ERROR_SERVER_SERVER_ERROR),
            DbError::ProtocolError => Self::new(E::CASS_ERROR_SERVER_PROTOCOL_ERROR),
            DbError::AuthenticationError => Self::new(E::CASS_ERROR_SERVER_BAD_CREDENTIALS),
            DbError::Unavailable { consistency, required, alive } => Self {
                consistency: cass_consistency(*consistency),
                responses_received: *alive,
                responses_required: *required,
                ..Self::new(E::CASS_ERROR_SERVER_UNAVAILABLE)
            },
            DbError::Overloaded => Self::new(E::CASS_ERROR_SERVER_OVERLOADED),
            DbError::IsBootstrapping => Self::new(E::CASS_ERROR_SERVER_IS_BOOTSTRAPPING),
            DbError::TruncateError => Self::new(E::CASS_ERROR_SERVER_TRUNCATE_ERROR),
            DbError::WriteTimeout { consistency, received, required, write_type } => Self {
                consistency: cass_consistency(*consistency),
                responses_received: *received,
                responses_required: *required,
                write_type: cass_write_type(write_type),
                ..Self::new(E::CASS_ERROR_SERVER_WRITE_TIMEOUT)
            },
            DbError::ReadTimeout { consistency, received, required, data_present } => Self {
                consistency: cass_consistency(*consistency),
                responses_received: *received,
                responses_required: *required,
                data_present: *data_present,
                ..Self::new(E::CASS_ERROR_SERVER_READ_TIMEOUT)
            },
            DbError::ReadFailure { consistency, received, required, numfailures, data_present } => Self {
                consistency: cass_consistency(*consistency),
                responses_received: *received,
                responses_required: *required,
                num_failures: *numfailures,
                data_present: *data_present,
                ..Self::new(E::CASS_ERROR_SERVER_READ_FAILURE)
            },
            DbError::FunctionFailure { keyspace, function, arg_types } => Self {
                keyspace: keyspace.clone(),
                function: function.clone(),
                arg_types: arg_types.clone(),
                ..Self::new(E::CASS_ERROR_SERVER_FUNCTION_FAILURE)
            },
            DbError::WriteFailure { consistency, received, required, numfailures, write_type } => Self {
                consistency: cass_consistency(*consistency),
                responses_received: *received,
                responses_required: *required,
                num_failures: *numfailures,
                write_type: cass_write_type(write_type),
                ..Self::new(E::CASS_ERROR_SERVER_WRITE_FAILURE)
            },
            DbError::SyntaxError => Self::new(E::CASS_ERROR_SERVER_SYNTAX_ERROR),
            DbError::Unauthorized => Self::new(E::CASS_ERROR_SERVER_UNAUTHORIZED),
            DbError::Invalid => Self::new(E::CASS_ERROR_SERVER_INVALID_QUERY),
            DbError::ConfigError => Self::new(E::CASS_ERROR_SERVER_CONFIG_ERROR),
            DbError::AlreadyExists { keyspace, table } => Self {
                keyspace: keyspace.clone(),
                table: table.clone(),
                ..Self::new(E::CASS_ERROR_SERVER_ALREADY_EXISTS)
            },
            DbError::Unprepared { .. } => Self::new(E::CASS_ERROR_SERVER_UNPREPARED),
            // ScyllaDB's per-partition rate limit (a protocol extension the crate negotiates; its
            // code is assigned by the server). A client without the extension, as the C++ driver,
            // gets this rejection as a Config_error, so that is the code C programs know.
            DbError::RateLimitReached { .. } => Self::new(E::CASS_ERROR_SERVER_CONFIG_ERROR),
            // Codes outside the protocol's list (`CassError` has no value for them).
            DbError::Other(code) => Self::new(CassError::from_server_code(*code)),
            // `DbError` is non-exhaustive; the crate is pinned, so this is a future variant.
            _ => Self::new(E::CASS_ERROR_SERVER_SERVER_ERROR),
        }
    }

    fn keyspace(&self) -> Option<&str> {
        matches!(self.code, CassError::CASS_ERROR_SERVER_ALREADY_EXISTS | CassError::CASS_ERROR_SERVER_FUNCTION_FAILURE)
            .then_some(self.keyspace.as_str())
    }

    fn table(&self) -> Option<&str> {
        (self.code == CassError::CASS_ERROR_SERVER_ALREADY_EXISTS).then_some(self.table.as_str())
    }

    fn function(&self) -> Option<&str> {
        (self.code == CassError::CASS_ERROR_SERVER_FUNCTION_FAILURE).then_some(self.function.as_str())
    }

    fn arg_type(&self, index: usize) -> Result<&str, CassError> {
        if self.code != CassError::CASS_ERROR_SERVER_FUNCTION_FAILURE {
            return Err(CassError::CASS_ERROR_LIB_INVALID_ERROR_RESULT_TYPE);
        }
        self.arg_types.get(index).map(String::as_str).ok_or(CassError::CASS_ERROR_LIB_INDEX_OUT_OF_BOUNDS)
    }
}

fn cass_consistency(c: Consistency) -> CassConsistency {
    use CassConsistency::*;
    match c {
        Consistency::Any => CASS_CONSISTENCY_ANY,
        Consistency::One => CASS_CONSISTENCY_ONE,
        Consistency::Two => CASS_CONSISTENCY_TWO,
        Consistency::Three => CASS_CONSISTENCY_THREE,
        Consistency::Quorum => CASS_CONSISTENCY_QUORUM,
        Consistency::All => CASS_CONSISTENCY_ALL,
        Consistency::LocalQuorum => CASS_CONSISTENCY_LOCAL_QUORUM,
        Consistency::EachQuorum => CASS_CONSISTENCY_EACH_QUORUM,
        Consistency::Serial => CASS_CONSISTENCY_SERIAL,
        Consistency::LocalSerial => CASS_CONSISTENCY_LOCAL_SERIAL,
        Consistency::LocalOne => CASS_CONSISTENCY_LOCAL_ONE,
    }
}

/// A write type the protocol does not define reads as `CASS_WRITE_TYPE_UNKNOWN` (the C++ driver
/// rejects the whole response instead).
fn cass_write_type(w: &WriteType) -> CassWriteType {
    use CassWriteType::*;
    match w {
        WriteType::Simple => CASS_WRITE_TYPE_SIMPLE,
        WriteType::Batch => CASS_WRITE_TYPE_BATCH,
        WriteType::UnloggedBatch => CASS_WRITE_TYPE_UNLOGGED_BATCH,
        WriteType::Counter => CASS_WRITE_TYPE_COUNTER,
        WriteType::BatchLog => CASS_WRITE_TYPE_BATCH_LOG,
        WriteType::Cas => CASS_WRITE_TYPE_CAS,
        WriteType::View => CASS_WRITE_TYPE_VIEW,
        WriteType::Cdc => CASS_WRITE_TYPE_CDC,
        WriteType::Other(_) => CASS_WRITE_TYPE_UNKNOWN,
    }
}

/// The name of a consistency level ("" for values that are not one).
fn consistency_name(c: CassConsistency) -> &'static CStr {
    use CassConsistency::*;
    match c {
        CASS_CONSISTENCY_UNKNOWN => c"UNKNOWN",
        CASS_CONSISTENCY_ANY => c"ANY",
        CASS_CONSISTENCY_ONE => c"ONE",
        CASS_CONSISTENCY_TWO => c"TWO",
        CASS_CONSISTENCY_THREE => c"THREE",
        CASS_CONSISTENCY_QUORUM => c"QUORUM",
        CASS_CONSISTENCY_ALL => c"ALL",
        CASS_CONSISTENCY_LOCAL_QUORUM => c"LOCAL_QUORUM",
        CASS_CONSISTENCY_EACH_QUORUM => c"EACH_QUORUM",
        CASS_CONSISTENCY_SERIAL => c"SERIAL",
        CASS_CONSISTENCY_LOCAL_SERIAL => c"LOCAL_SERIAL",
        CASS_CONSISTENCY_LOCAL_ONE => c"LOCAL_ONE",
    }
}

/// The name of a write type; `CASS_WRITE_TYPE_UNKNOWN` has none (""), as in the C++ driver's
/// `CASS_WRITE_TYPE_MAPPING`.
fn write_type_name(w: CassWriteType) -> &'static CStr {
    use CassWriteType::*;
    match w {
        CASS_WRITE_TYPE_UNKNOWN => c"",
        CASS_WRITE_TYPE_SIMPLE => c"SIMPLE",
        CASS_WRITE_TYPE_BATCH => c"BATCH",
        CASS_WRITE_TYPE_UNLOGGED_BATCH => c"UNLOGGED_BATCH",
        CASS_WRITE_TYPE_COUNTER => c"COUNTER",
        CASS_WRITE_TYPE_BATCH_LOG => c"BATCH_LOG",
        CASS_WRITE_TYPE_CAS => c"CAS",
        CASS_WRITE_TYPE_VIEW => c"VIEW",
        CASS_WRITE_TYPE_CDC => c"CDC",
    }
}

impl PanicAnswer for CassConsistency {
    fn on_panic() -> Self {
        CassConsistency::CASS_CONSISTENCY_UNKNOWN
    }
}

impl PanicAnswer for CassWriteType {
    fn on_panic() -> Self {
        CassWriteType::CASS_WRITE_TYPE_UNKNOWN
    }
}

/// Hands one of the error result's strings to C, or answers `get`'s error code.
fn string_out(
    error_result: *const CassErrorResult,
    get: impl FnOnce(&CassErrorResult) -> Result<&str, CassError>,
    out: *mut *const c_char,
    out_length: *mut usize,
) -> CassError {
    with(error_result, CassError::CASS_ERROR_LIB_BAD_PARAMS, |e| match get(e) {
        Ok(s) => write_str_out(s.as_bytes(), out, out_length),
        Err(rc) => rc,
    })
}

const NOT_THIS_TYPE: CassError = CassError::CASS_ERROR_LIB_INVALID_ERROR_RESULT_TYPE;

#[cfg(test)]
mod tests {
    use super::exports::*;
    use super::*;
    use crate::ffi::ArcHandle;
    use crate::types::{cass_bool_t, CassConsistencyArg, CassWriteTypeArg};
    use std::ptr::null;
    use std::sync::Arc;

    fn out_str(f: impl FnOnce(*mut *const c_char, *mut usize) -> CassError) -> Result<String, CassError> {
        let mut ptr: *const c_char = null();
        let mut len = 0usize;
        match f(&mut ptr, &mut len) {
            CassError::CASS_OK => {
                // SAFETY: on CASS_OK the function pointed `ptr` at `len` bytes owned by the result.
                let bytes = unsafe { std::slice::from_raw_parts(ptr as *const u8, len) };
                Ok(String::from_utf8(bytes.to_vec()).unwrap())
            }
            rc => Err(rc),
        }
    }

    fn handle(db: DbError) -> *const CassErrorResult {
        CassErrorResult::into_ptr(Arc::new(CassErrorResult::from_db_error(&db)))
    }

    fn cstr(p: *const c_char) -> &'static str {
        // SAFETY: the string functions return static NUL-terminated strings.
        unsafe { CStr::from_ptr(p) }.to_str().unwrap()
    }

    #[test]
    fn unavailable() {
        let e = handle(DbError::Unavailable { consistency: Consistency::All, required: 3, alive: 1 });
        assert_eq!(cass_error_result_code(e), CassError::CASS_ERROR_SERVER_UNAVAILABLE);
        assert_eq!(cass_error_result_consistency(e), CassConsistency::CASS_CONSISTENCY_ALL);
        assert_eq!(cass_error_result_responses_required(e), 3);
        assert_eq!(cass_error_result_responses_received(e), 1);
        assert_eq!(cass_error_result_num_failures(e), -1);
        assert_eq!(cass_error_result_data_present(e), cass_bool_t::cass_false);
        assert_eq!(cass_error_result_write_type(e), CassWriteType::CASS_WRITE_TYPE_UNKNOWN);
        assert_eq!(out_str(|p, l| cass_error_result_keyspace(e, p, l)), Err(NOT_THIS_TYPE));
        assert_eq!(out_str(|p, l| cass_error_result_table(e, p, l)), Err(NOT_THIS_TYPE));
        assert_eq!(out_str(|p, l| cass_error_result_function(e, p, l)), Err(NOT_THIS_TYPE));
        assert_eq!(out_str(|p, l| cass_error_result_arg_type(e, 0, p, l)), Err(NOT_THIS_TYPE));
        assert_eq!(cass_error_num_arg_types(e), 0);
        cass_error_result_free(e);
    }

    #[test]
    fn timeouts_and_failures() {
        let e = handle(DbError::ReadTimeout {
            consistency: Consistency::Quorum,
            received: 1,
            required: 2,
            data_present: true,
        });
        assert_eq!(cass_error_result_code(e), CassError::CASS_ERROR_SERVER_READ_TIMEOUT);
        assert_eq!(cass_error_result_consistency(e), CassConsistency::CASS_CONSISTENCY_QUORUM);
        assert_eq!((cass_error_result_responses_received(e), cass_error_result_responses_required(e)), (1, 2));
        assert_eq!(cass_error_result_data_present(e), cass_bool_t::cass_true);
        assert_eq!(cass_error_result_num_failures(e), -1);
        cass_error_result_free(e);

        let e = handle(DbError::WriteTimeout {
            consistency: Consistency::LocalQuorum,
            received: 0,
            required: 2,
            write_type: WriteType::BatchLog,
        });
        assert_eq!(cass_error_result_code(e), CassError::CASS_ERROR_SERVER_WRITE_TIMEOUT);
        assert_eq!(cass_error_result_write_type(e), CassWriteType::CASS_WRITE_TYPE_BATCH_LOG);
        assert_eq!(cass_error_result_consistency(e), CassConsistency::CASS_CONSISTENCY_LOCAL_QUORUM);
        assert_eq!(cass_error_result_data_present(e), cass_bool_t::cass_false);
        cass_error_result_free(e);

        let e = handle(DbError::ReadFailure {
            consistency: Consistency::One,
            received: 0,
            required: 1,
            numfailures: 1,
            data_present: false,
        });
        assert_eq!(cass_error_result_code(e), CassError::CASS_ERROR_SERVER_READ_FAILURE);
        assert_eq!(cass_error_result_num_failures(e), 1);
        assert_eq!(cass_error_result_write_type(e), CassWriteType::CASS_WRITE_TYPE_UNKNOWN);
        cass_error_result_free(e);

        let e = handle(DbError::WriteFailure {
            consistency: Consistency::Two,
            received: 1,
            required: 2,
            numfailures: 1,
            write_type: WriteType::Other("SOMETHING_NEW".into()),
        });
        assert_eq!(cass_error_result_code(e), CassError::CASS_ERROR_SERVER_WRITE_FAILURE);
        assert_eq!(cass_error_result_consistency(e), CassConsistency::CASS_CONSISTENCY_TWO);
        assert_eq!(cass_error_result_num_failures(e), 1);
        assert_eq!(cass_error_result_write_type(e), CassWriteType::CASS_WRITE_TYPE_UNKNOWN);
        cass_error_result_free(e);
    }

    #[test]
    fn already_exists_and_function_failure() {
        let e = handle(DbError::AlreadyExists { keyspace: "ks".into(), table: String::new() });
        assert_eq!(cass_error_result_code(e), CassError::CASS_ERROR_SERVER_ALREADY_EXISTS);
        assert_eq!(out_str(|p, l| cass_error_result_keyspace(e, p, l)), Ok("ks".into()));
        assert_eq!(out_str(|p, l| cass_error_result_table(e, p, l)), Ok(String::new()));
        assert_eq!(out_str(|p, l| cass_error_result_function(e, p, l)), Err(NOT_THIS_TYPE));
        assert_eq!(cass_error_result_consistency(e), CassConsistency::CASS_CONSISTENCY_UNKNOWN);
        assert_eq!(cass_error_result_responses_received(e), -1);
        cass_error_result_free(e);

        let e = handle(DbError::FunctionFailure {
            keyspace: "ks".into(),
            function: "boom".into(),
            arg_types: vec!["int".into(), "text".into()],
        });
        assert_eq!(cass_error_result_code(e), CassError::CASS_ERROR_SERVER_FUNCTION_FAILURE);
        assert_eq!(out_str(|p, l| cass_error_result_keyspace(e, p, l)), Ok("ks".into()));
        assert_eq!(out_str(|p, l| cass_error_result_table(e, p, l)), Err(NOT_THIS_TYPE));
        assert_eq!(out_str(|p, l| cass_error_result_function(e, p, l)), Ok("boom".into()));
        assert_eq!(cass_error_num_arg_types(e), 2);
        assert_eq!(out_str(|p, l| cass_error_result_arg_type(e, 0, p, l)), Ok("int".into()));
        assert_eq!(out_str(|p, l| cass_error_result_arg_type(e, 1, p, l)), Ok("text".into()));
        assert_eq!(
            out_str(|p, l| cass_error_result_arg_type(e, 2, p, l)),
            Err(CassError::CASS_ERROR_LIB_INDEX_OUT_OF_BOUNDS)
        );
        assert_eq!(
            out_str(|p, l| cass_error_result_arg_type(e, usize::MAX, p, l)),
            Err(CassError::CASS_ERROR_LIB_INDEX_OUT_OF_BOUNDS)
        );
        // NULL out-pointers.
        let mut len = 0usize;
        let mut ptr: *const c_char = null();
        assert_eq!(cass_error_result_function(e, std::ptr::null_mut(), &mut len), CassError::CASS_ERROR_LIB_BAD_PARAMS);
        assert_eq!(cass_error_result_keyspace(e, &mut ptr, std::ptr::null_mut()), CassError::CASS_ERROR_LIB_BAD_PARAMS);
        assert_eq!(
            cass_error_result_arg_type(e, 0, std::ptr::null_mut(), std::ptr::null_mut()),
            CassError::CASS_ERROR_LIB_BAD_PARAMS
        );
        cass_error_result_free(e);
    }

    #[test]
    fn codes_of_every_variant() {
        use CassError as E;
        let cases = [
            (DbError::ServerError, E::CASS_ERROR_SERVER_SERVER_ERROR),
            (DbError::ProtocolError, E::CASS_ERROR_SERVER_PROTOCOL_ERROR),
            (DbError::AuthenticationError, E::CASS_ERROR_SERVER_BAD_CREDENTIALS),
            (DbError::Overloaded, E::CASS_ERROR_SERVER_OVERLOADED),
            (DbError::IsBootstrapping, E::CASS_ERROR_SERVER_IS_BOOTSTRAPPING),
            (DbError::TruncateError, E::CASS_ERROR_SERVER_TRUNCATE_ERROR),
            (DbError::SyntaxError, E::CASS_ERROR_SERVER_SYNTAX_ERROR),
            (DbError::Unauthorized, E::CASS_ERROR_SERVER_UNAUTHORIZED),
            (DbError::Invalid, E::CASS_ERROR_SERVER_INVALID_QUERY),
            (DbError::ConfigError, E::CASS_ERROR_SERVER_CONFIG_ERROR),
            (DbError::Unprepared { statement_id: Default::default() }, E::CASS_ERROR_SERVER_UNPREPARED),
            (
                DbError::RateLimitReached {
                    op_type: scylla::errors::OperationType::Write,
                    rejected_by_coordinator: true,
                },
                E::CASS_ERROR_SERVER_CONFIG_ERROR,
            ),
            (DbError::Other(0x2200), E::CASS_ERROR_SERVER_INVALID_QUERY),
            (DbError::Other(0x7777), E::CASS_ERROR_SERVER_SERVER_ERROR),
        ];
        for (db, code) in cases {
            let e = CassErrorResult::from_db_error(&db);
            assert_eq!(e, CassErrorResult::new(code), "{db:?}");
            // Every code but the scylla rate limit and unknown ones keeps the protocol's code.
            if !matches!(db, DbError::RateLimitReached { .. } | DbError::Other(_)) {
                let features = scylla::frame::protocol_features::ProtocolFeatures::default();
                assert_eq!(CassError::from_server_code(db.code(&features)), code, "{db:?}");
            }
        }
    }

    #[test]
    fn null_handle() {
        let mut ptr: *const c_char = null();
        let mut len = 0usize;
        assert_eq!(cass_error_result_code(null()), CassError::CASS_ERROR_LIB_BAD_PARAMS);
        assert_eq!(cass_error_result_consistency(null()), CassConsistency::CASS_CONSISTENCY_UNKNOWN);
        assert_eq!(cass_error_result_responses_received(null()), -1);
        assert_eq!(cass_error_result_responses_required(null()), -1);
        assert_eq!(cass_error_result_num_failures(null()), -1);
        assert_eq!(cass_error_result_data_present(null()), cass_bool_t::cass_false);
        assert_eq!(cass_error_result_write_type(null()), CassWriteType::CASS_WRITE_TYPE_UNKNOWN);
        assert_eq!(cass_error_num_arg_types(null()), 0);
        assert_eq!(cass_error_result_keyspace(null(), &mut ptr, &mut len), CassError::CASS_ERROR_LIB_BAD_PARAMS);
        assert_eq!(cass_error_result_table(null(), &mut ptr, &mut len), CassError::CASS_ERROR_LIB_BAD_PARAMS);
        assert_eq!(cass_error_result_function(null(), &mut ptr, &mut len), CassError::CASS_ERROR_LIB_BAD_PARAMS);
        assert_eq!(cass_error_result_arg_type(null(), 0, &mut ptr, &mut len), CassError::CASS_ERROR_LIB_BAD_PARAMS);
        assert!(ptr.is_null());
        cass_error_result_free(null());
    }

    #[test]
    fn names() {
        assert_eq!(cstr(cass_consistency_string(CassConsistencyArg(0xFFFF))), "UNKNOWN");
        assert_eq!(cstr(cass_consistency_string(CassConsistency::CASS_CONSISTENCY_ALL.into())), "ALL");
        assert_eq!(cstr(cass_consistency_string(CassConsistencyArg(10))), "LOCAL_ONE");
        assert_eq!(cstr(cass_consistency_string(CassConsistencyArg(11))), "");
        assert_eq!(cstr(cass_write_type_string(CassWriteTypeArg(0))), "");
        assert_eq!(cstr(cass_write_type_string(CassWriteTypeArg(5))), "BATCH_LOG");
        assert_eq!(cstr(cass_write_type_string(CassWriteTypeArg(8))), "CDC");
        assert_eq!(cstr(cass_write_type_string(CassWriteTypeArg(9))), "");
        assert_eq!(cstr(cass_write_type_string(CassWriteTypeArg(u32::MAX))), "");
    }
}
