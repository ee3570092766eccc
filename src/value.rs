//! `CassValue`: one serialized value inside a result, decoded on request.

use crate::data_type::CassDataType;
use crate::error::CassError;
use crate::ffi::strings::write_str_out;
use crate::ffi::{guard, write_out, RefHandle};
use crate::types::{
    cass_bool_t, cass_byte_t, cass_double_t, cass_float_t, cass_int16_t, cass_int32_t, cass_int64_t, cass_int8_t,
    cass_uint32_t, CassUuid, CassValueType,
};
use std::ffi::c_char;
use std::sync::Arc;

/// A value borrowed from its result: the bytes (or NULL) and the type.
pub struct CassValue {
    data: *const u8,
    /// Length in bytes; -1 for NULL.
    len: i32,
    data_type: *const CassDataType,
}

impl RefHandle for CassValue {}

impl CassValue {
    /// A value over `data` (None = NULL) of type `data_type`; both must outlive the value.
    pub fn new(data: Option<&[u8]>, data_type: &Arc<CassDataType>) -> Self {
        let (ptr, len) = match data {
            Some(bytes) => (bytes.as_ptr(), bytes.len() as i32),
            None => (std::ptr::null(), -1),
        };
        CassValue { data: ptr, len, data_type: Arc::as_ptr(data_type) }
    }

    pub fn data_type(&self) -> &CassDataType {
        // SAFETY: the type is owned by the same result (or parent) as the value.
        unsafe { &*self.data_type }
    }

    pub fn value_type(&self) -> CassValueType {
        self.data_type().value_type
    }

    /// The bytes, or None for NULL.
    pub fn bytes(&self) -> Option<&[u8]> {
        if self.len < 0 {
            return None;
        }
        if self.len == 0 {
            return Some(&[]);
        }
        // SAFETY: `data` points to `len` bytes of the owning result's frame, alive with the value.
        Some(unsafe { std::slice::from_raw_parts(self.data, self.len as usize) })
    }
}

/// Decodes a non-NULL value of one of `types` with `decode`, upstream's checks in upstream's order:
/// NULL value, then type, then size.
fn get<T>(
    value: *const CassValue,
    output: *mut T,
    accepts: impl Fn(CassValueType) -> bool,
    decode: impl Fn(&[u8]) -> Option<T>,
) -> CassError {
    guard(|| {
        let Some(value) = CassValue::from_ptr(value) else {
            return CassError::CASS_ERROR_LIB_NULL_VALUE;
        };
        let Some(bytes) = value.bytes() else {
            return CassError::CASS_ERROR_LIB_NULL_VALUE;
        };
        if !accepts(value.value_type()) {
            return CassError::CASS_ERROR_LIB_INVALID_VALUE_TYPE;
        }
        match decode(bytes) {
            Some(decoded) => write_out(output, decoded),
            None => CassError::CASS_ERROR_LIB_NOT_ENOUGH_DATA,
        }
    })
}

fn fixed<const N: usize>(bytes: &[u8]) -> Option<[u8; N]> {
    bytes.get(..N)?.try_into().ok()
}

use CassValueType::*;

/// Reads a tinyint.
#[no_mangle]
pub extern "C" fn cass_value_get_int8(value: *const CassValue, output: *mut cass_int8_t) -> CassError {
    get(value, output, |t| t == CASS_VALUE_TYPE_TINY_INT, |b| fixed(b).map(i8::from_be_bytes))
}

/// Reads a smallint.
#[no_mangle]
pub extern "C" fn cass_value_get_int16(value: *const CassValue, output: *mut cass_int16_t) -> CassError {
    get(value, output, |t| t == CASS_VALUE_TYPE_SMALL_INT, |b| fixed(b).map(i16::from_be_bytes))
}

/// Reads an int.
#[no_mangle]
pub extern "C" fn cass_value_get_int32(value: *const CassValue, output: *mut cass_int32_t) -> CassError {
    get(value, output, |t| t == CASS_VALUE_TYPE_INT, |b| fixed(b).map(i32::from_be_bytes))
}

/// Reads a date (days since the epoch, with 2^31 as the epoch).
#[no_mangle]
pub extern "C" fn cass_value_get_uint32(value: *const CassValue, output: *mut cass_uint32_t) -> CassError {
    get(value, output, |t| t == CASS_VALUE_TYPE_DATE, |b| fixed(b).map(u32::from_be_bytes))
}

/// Reads a bigint, counter, timestamp (ms) or time (ns).
#[no_mangle]
pub extern "C" fn cass_value_get_int64(value: *const CassValue, output: *mut cass_int64_t) -> CassError {
    get(
        value,
        output,
        |t| {
            matches!(
                t,
                CASS_VALUE_TYPE_BIGINT | CASS_VALUE_TYPE_COUNTER | CASS_VALUE_TYPE_TIMESTAMP | CASS_VALUE_TYPE_TIME
            )
        },
        |b| fixed(b).map(i64::from_be_bytes),
    )
}

/// Reads a float.
#[no_mangle]
pub extern "C" fn cass_value_get_float(value: *const CassValue, output: *mut cass_float_t) -> CassError {
    get(value, output, |t| t == CASS_VALUE_TYPE_FLOAT, |b| fixed(b).map(f32::from_be_bytes))
}

/// Reads a double.
#[no_mangle]
pub extern "C" fn cass_value_get_double(value: *const CassValue, output: *mut cass_double_t) -> CassError {
    get(value, output, |t| t == CASS_VALUE_TYPE_DOUBLE, |b| fixed(b).map(f64::from_be_bytes))
}

/// Reads a boolean.
#[no_mangle]
pub extern "C" fn cass_value_get_bool(value: *const CassValue, output: *mut cass_bool_t) -> CassError {
    get(value, output, |t| t == CASS_VALUE_TYPE_BOOLEAN, |b| b.first().map(|v| (*v != 0).into()))
}

/// Reads a uuid or timeuuid.
#[no_mangle]
pub extern "C" fn cass_value_get_uuid(value: *const CassValue, output: *mut CassUuid) -> CassError {
    get(
        value,
        output,
        |t| matches!(t, CASS_VALUE_TYPE_UUID | CASS_VALUE_TYPE_TIMEUUID),
        |b| fixed::<16>(b).map(|bytes| CassUuid::from_bytes(&bytes)),
    )
}

fn get_slice(value: *const CassValue, output: *mut *const cass_byte_t, output_size: *mut usize) -> CassError {
    guard(|| {
        let Some(bytes) = CassValue::from_ptr(value).and_then(|v| v.bytes()) else {
            return CassError::CASS_ERROR_LIB_NULL_VALUE;
        };
        write_str_out(bytes, output as *mut *const c_char, output_size)
    })
}

/// Gives the bytes of a value as text (any type, as upstream). Not NUL-terminated; valid as long
/// as the result.
#[no_mangle]
pub extern "C" fn cass_value_get_string(
    value: *const CassValue,
    output: *mut *const c_char,
    output_size: *mut usize,
) -> CassError {
    get_slice(value, output as *mut *const u8, output_size)
}

/// Gives the raw bytes of a value (any type). Valid as long as the result.
#[no_mangle]
pub extern "C" fn cass_value_get_bytes(
    value: *const CassValue,
    output: *mut *const cass_byte_t,
    output_size: *mut usize,
) -> CassError {
    get_slice(value, output, output_size)
}

/// The value's type (`CASS_VALUE_TYPE_UNKNOWN` for NULL).
#[no_mangle]
pub extern "C" fn cass_value_type(value: *const CassValue) -> CassValueType {
    guard(|| CassValue::from_ptr(value).map_or(CASS_VALUE_TYPE_UNKNOWN, |v| v.value_type()))
}

/// Whether the value is NULL (a NULL pointer counts as a NULL value).
#[no_mangle]
pub extern "C" fn cass_value_is_null(value: *const CassValue) -> cass_bool_t {
    guard(|| CassValue::from_ptr(value).is_none_or(|v| v.bytes().is_none()).into())
}
