//! The one path every `cass_statement_bind_*` takes: find the statement, build the value, bind it.

use super::values::Target;
use super::CassStatement;
use crate::encode::Input;
use crate::error::CassError;
use crate::ffi::strings::{safe_strlen, str_n};
use crate::ffi::{guard, BoxHandle};
use std::ffi::c_char;

fn bind<'a>(
    statement: *mut CassStatement,
    target: Target,
    input: impl FnOnce() -> Result<Input<'a>, CassError>,
) -> CassError {
    guard(|| {
        let Some(statement) = CassStatement::from_ptr_mut(statement) else {
            return CassError::CASS_ERROR_LIB_BAD_PARAMS;
        };
        let input = match input() {
            Ok(input) => input,
            Err(rc) => return rc,
        };
        if input.is_incomplete_map() {
            return CassError::CASS_ERROR_LIB_INVALID_ITEM_COUNT;
        }
        statement.data_mut().values.bind(target, &input)
    })
}

pub(crate) fn bind_index<'a>(
    statement: *mut CassStatement,
    index: usize,
    input: impl FnOnce() -> Result<Input<'a>, CassError>,
) -> CassError {
    bind(statement, Target::Index(index), input)
}

pub(crate) fn bind_name<'a>(
    statement: *mut CassStatement,
    name: *const c_char,
    input: impl FnOnce() -> Result<Input<'a>, CassError>,
) -> CassError {
    guard(|| {
        if name.is_null() {
            return CassError::CASS_ERROR_LIB_BAD_PARAMS;
        }
        bind_name_n(statement, name, safe_strlen(name), input)
    })
}

pub(crate) fn bind_name_n<'a>(
    statement: *mut CassStatement,
    name: *const c_char,
    name_length: usize,
    input: impl FnOnce() -> Result<Input<'a>, CassError>,
) -> CassError {
    guard(|| match str_n(name, name_length) {
        Ok(name) => bind(statement, Target::Name(name), input),
        Err(_) => CassError::CASS_ERROR_LIB_BAD_PARAMS,
    })
}
