//! `cass_statement_bind_*` by index for the scalar types of the first slice. The full family
//! (by name, collections, tuples, UDTs, ...) builds on `bind_bytes`.

use super::CassStatement;
use crate::error::CassError;
use crate::ffi::strings::{bytes_n, safe_strlen};
use crate::ffi::{guard, BoxHandle};
use crate::types::{
    cass_bool_arg, cass_byte_t, cass_double_t, cass_float_t, cass_int16_t, cass_int32_t, cass_int64_t, cass_int8_t,
    CassUuid, CassValueType,
};
use std::ffi::c_char;

/// Stores one serialized value (or NULL) in slot `index`.
/// `_kind` is the C type of the value, for the bind-time checks of prepared statements.
fn bind_bytes(statement: *mut CassStatement, index: usize, _kind: CassValueType, bytes: Option<&[u8]>) -> CassError {
    guard(|| {
        let Some(statement) = CassStatement::from_ptr_mut(statement) else {
            return CassError::CASS_ERROR_LIB_BAD_PARAMS;
        };
        if index >= statement.data.values.count() {
            return CassError::CASS_ERROR_LIB_INDEX_OUT_OF_BOUNDS;
        }
        let values = &mut statement.data_mut().values;
        match bytes {
            Some(bytes) => values.set_bytes(index, bytes),
            None => values.set_null(index),
        }
        CassError::CASS_OK
    })
}

/// Binds NULL to the bind marker at `index`.
#[no_mangle]
pub extern "C" fn cass_statement_bind_null(statement: *mut CassStatement, index: usize) -> CassError {
    bind_bytes(statement, index, CassValueType::CASS_VALUE_TYPE_UNKNOWN, None)
}

/// Binds a boolean.
#[no_mangle]
pub extern "C" fn cass_statement_bind_bool(
    statement: *mut CassStatement,
    index: usize,
    value: cass_bool_arg,
) -> CassError {
    bind_bytes(statement, index, CassValueType::CASS_VALUE_TYPE_BOOLEAN, Some(&[value.get() as u8]))
}

/// Binds a tinyint.
#[no_mangle]
pub extern "C" fn cass_statement_bind_int8(
    statement: *mut CassStatement,
    index: usize,
    value: cass_int8_t,
) -> CassError {
    bind_bytes(statement, index, CassValueType::CASS_VALUE_TYPE_TINY_INT, Some(&value.to_be_bytes()))
}

/// Binds a smallint.
#[no_mangle]
pub extern "C" fn cass_statement_bind_int16(
    statement: *mut CassStatement,
    index: usize,
    value: cass_int16_t,
) -> CassError {
    bind_bytes(statement, index, CassValueType::CASS_VALUE_TYPE_SMALL_INT, Some(&value.to_be_bytes()))
}

/// Binds an int.
#[no_mangle]
pub extern "C" fn cass_statement_bind_int32(
    statement: *mut CassStatement,
    index: usize,
    value: cass_int32_t,
) -> CassError {
    bind_bytes(statement, index, CassValueType::CASS_VALUE_TYPE_INT, Some(&value.to_be_bytes()))
}

/// Binds a bigint, counter, timestamp or time.
#[no_mangle]
pub extern "C" fn cass_statement_bind_int64(
    statement: *mut CassStatement,
    index: usize,
    value: cass_int64_t,
) -> CassError {
    bind_bytes(statement, index, CassValueType::CASS_VALUE_TYPE_BIGINT, Some(&value.to_be_bytes()))
}

/// Binds a float.
#[no_mangle]
pub extern "C" fn cass_statement_bind_float(
    statement: *mut CassStatement,
    index: usize,
    value: cass_float_t,
) -> CassError {
    bind_bytes(statement, index, CassValueType::CASS_VALUE_TYPE_FLOAT, Some(&value.to_be_bytes()))
}

/// Binds a double.
#[no_mangle]
pub extern "C" fn cass_statement_bind_double(
    statement: *mut CassStatement,
    index: usize,
    value: cass_double_t,
) -> CassError {
    bind_bytes(statement, index, CassValueType::CASS_VALUE_TYPE_DOUBLE, Some(&value.to_be_bytes()))
}

/// Binds a NUL-terminated string (text, varchar or ascii). NULL is read as "".
#[no_mangle]
pub extern "C" fn cass_statement_bind_string(
    statement: *mut CassStatement,
    index: usize,
    value: *const c_char,
) -> CassError {
    cass_statement_bind_string_n(statement, index, value, safe_strlen(value))
}

/// Binds a string of `value_length` bytes. The bytes are sent as given.
#[no_mangle]
pub extern "C" fn cass_statement_bind_string_n(
    statement: *mut CassStatement,
    index: usize,
    value: *const c_char,
    value_length: usize,
) -> CassError {
    match bytes_n(value, value_length) {
        Ok(bytes) => bind_bytes(statement, index, CassValueType::CASS_VALUE_TYPE_TEXT, Some(bytes)),
        Err(e) => e.into(),
    }
}

/// Binds a blob of `value_size` bytes.
#[no_mangle]
pub extern "C" fn cass_statement_bind_bytes(
    statement: *mut CassStatement,
    index: usize,
    value: *const cass_byte_t,
    value_size: usize,
) -> CassError {
    match bytes_n(value, value_size) {
        Ok(bytes) => bind_bytes(statement, index, CassValueType::CASS_VALUE_TYPE_BLOB, Some(bytes)),
        Err(e) => e.into(),
    }
}

/// Binds a uuid or timeuuid.
#[no_mangle]
pub extern "C" fn cass_statement_bind_uuid(statement: *mut CassStatement, index: usize, value: CassUuid) -> CassError {
    bind_bytes(statement, index, CassValueType::CASS_VALUE_TYPE_UUID, Some(&value.to_bytes()))
}
