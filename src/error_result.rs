//! `CassErrorResult`: the details of a failed request that the server answered with an error.
//! For now it carries the error code; the other fields (consistency, responses, write type, ...)
//! come with the statements issue.

use crate::error::CassError;
use crate::ffi::{guard, ArcHandle};

/// A server error's details. Shared with the future it came from; C frees its reference with
/// `cass_error_result_free()`.
#[derive(Debug)]
pub struct CassErrorResult {
    pub code: CassError,
}

impl ArcHandle for CassErrorResult {}

/// Releases an error result. NULL is ignored.
#[no_mangle]
pub extern "C" fn cass_error_result_free(error_result: *const CassErrorResult) {
    guard(|| CassErrorResult::free(error_result))
}

/// The server error code (`CASS_ERROR_SERVER_*`); `CASS_ERROR_LIB_BAD_PARAMS` for NULL.
#[no_mangle]
pub extern "C" fn cass_error_result_code(error_result: *const CassErrorResult) -> CassError {
    guard(|| CassErrorResult::from_ptr(error_result).map_or(CassError::CASS_ERROR_LIB_BAD_PARAMS, |e| e.code))
}
