//! The `cass_value_*` functions: reading one value of a result.
#![allow(unreachable_pub)] // the C ABI: reached from C, not from Rust

use super::{checked_bytes, decode, get, get_slice, CassValue};
use crate::data_type::CassDataType;
use crate::encode::is_int64_type;
use crate::error::CassError;
use crate::ffi::strings::write_str_out;
use crate::ffi::{guard, write_out, RefHandle};
use crate::types::{
    cass_bool_t, cass_byte_t, cass_double_t, cass_float_t, cass_int16_t, cass_int32_t, cass_int64_t, cass_int8_t,
    cass_uint32_t, CassInet, CassUuid, CassValueType,
};
use decode::fixed;
use std::ffi::c_char;
use CassValueType::*;

/// Reads a tinyint.
///
/// @param[in] value The value; NULL gives CASS_ERROR_LIB_NULL_VALUE.
/// @param[out] output Where the tinyint goes; not NULL.
/// @return CASS_OK once the output is written; CASS_ERROR_LIB_NULL_VALUE when `value` is NULL or holds NULL;
/// CASS_ERROR_LIB_INVALID_VALUE_TYPE when it is not a tinyint; CASS_ERROR_LIB_NOT_ENOUGH_DATA when it has fewer than 1
/// byte; CASS_ERROR_LIB_BAD_PARAMS when `output` is NULL.
#[no_mangle]
pub extern "C" fn cass_value_get_int8(value: *const CassValue, output: *mut cass_int8_t) -> CassError {
    get(value, output, |t| t == CASS_VALUE_TYPE_TINY_INT, |b| fixed(b).map(i8::from_be_bytes))
}

/// Reads a smallint.
///
/// @param[in] value The value; NULL gives CASS_ERROR_LIB_NULL_VALUE.
/// @param[out] output Where the smallint goes; not NULL.
/// @return CASS_OK once the output is written; CASS_ERROR_LIB_NULL_VALUE when `value` is NULL or holds NULL;
/// CASS_ERROR_LIB_INVALID_VALUE_TYPE when it is not a smallint; CASS_ERROR_LIB_NOT_ENOUGH_DATA when it has fewer than 2
/// bytes; CASS_ERROR_LIB_BAD_PARAMS when `output` is NULL.
#[no_mangle]
pub extern "C" fn cass_value_get_int16(value: *const CassValue, output: *mut cass_int16_t) -> CassError {
    get(value, output, |t| t == CASS_VALUE_TYPE_SMALL_INT, |b| fixed(b).map(i16::from_be_bytes))
}

/// Reads an int.
///
/// @param[in] value The value; NULL gives CASS_ERROR_LIB_NULL_VALUE.
/// @param[out] output Where the int goes; not NULL.
/// @return CASS_OK once the output is written; CASS_ERROR_LIB_NULL_VALUE when `value` is NULL or holds NULL;
/// CASS_ERROR_LIB_INVALID_VALUE_TYPE when it is not an int; CASS_ERROR_LIB_NOT_ENOUGH_DATA when it has fewer than 4
/// bytes; CASS_ERROR_LIB_BAD_PARAMS when `output` is NULL.
#[no_mangle]
pub extern "C" fn cass_value_get_int32(value: *const CassValue, output: *mut cass_int32_t) -> CassError {
    get(value, output, |t| t == CASS_VALUE_TYPE_INT, |b| fixed(b).map(i32::from_be_bytes))
}

/// Reads a date (days since the epoch, with 2^31 as the epoch).
///
/// @param[in] value The value; NULL gives CASS_ERROR_LIB_NULL_VALUE.
/// @param[out] output Where the date (day number, 2^31 being 1970-01-01) goes; not NULL.
/// @return CASS_OK once the output is written; CASS_ERROR_LIB_NULL_VALUE when `value` is NULL or holds NULL;
/// CASS_ERROR_LIB_INVALID_VALUE_TYPE when it is not a date; CASS_ERROR_LIB_NOT_ENOUGH_DATA when it has fewer than 4
/// bytes; CASS_ERROR_LIB_BAD_PARAMS when `output` is NULL.
#[no_mangle]
pub extern "C" fn cass_value_get_uint32(value: *const CassValue, output: *mut cass_uint32_t) -> CassError {
    get(value, output, |t| t == CASS_VALUE_TYPE_DATE, |b| fixed(b).map(u32::from_be_bytes))
}

/// Reads a bigint, counter, timestamp (ms) or time (ns).
///
/// @param[in] value The value; NULL gives CASS_ERROR_LIB_NULL_VALUE.
/// @param[out] output Where the number goes; not NULL.
/// @return CASS_OK once the output is written; CASS_ERROR_LIB_NULL_VALUE when `value` is NULL or holds NULL;
/// CASS_ERROR_LIB_INVALID_VALUE_TYPE when it is not a bigint, counter, timestamp or time;
/// CASS_ERROR_LIB_NOT_ENOUGH_DATA when it has fewer than 8 bytes; CASS_ERROR_LIB_BAD_PARAMS when `output` is NULL.
#[no_mangle]
pub extern "C" fn cass_value_get_int64(value: *const CassValue, output: *mut cass_int64_t) -> CassError {
    get(value, output, is_int64_type, |b| fixed(b).map(i64::from_be_bytes))
}

/// Reads a float.
///
/// @param[in] value The value; NULL gives CASS_ERROR_LIB_NULL_VALUE.
/// @param[out] output Where the float goes; not NULL.
/// @return CASS_OK once the output is written; CASS_ERROR_LIB_NULL_VALUE when `value` is NULL or holds NULL;
/// CASS_ERROR_LIB_INVALID_VALUE_TYPE when it is not a float; CASS_ERROR_LIB_NOT_ENOUGH_DATA when it has fewer than 4
/// bytes; CASS_ERROR_LIB_BAD_PARAMS when `output` is NULL.
#[no_mangle]
pub extern "C" fn cass_value_get_float(value: *const CassValue, output: *mut cass_float_t) -> CassError {
    get(value, output, |t| t == CASS_VALUE_TYPE_FLOAT, |b| fixed(b).map(f32::from_be_bytes))
}

/// Reads a double.
///
/// @param[in] value The value; NULL gives CASS_ERROR_LIB_NULL_VALUE.
/// @param[out] output Where the double goes; not NULL.
/// @return CASS_OK once the output is written; CASS_ERROR_LIB_NULL_VALUE when `value` is NULL or holds NULL;
/// CASS_ERROR_LIB_INVALID_VALUE_TYPE when it is not a double; CASS_ERROR_LIB_NOT_ENOUGH_DATA when it has fewer than 8
/// bytes; CASS_ERROR_LIB_BAD_PARAMS when `output` is NULL.
#[no_mangle]
pub extern "C" fn cass_value_get_double(value: *const CassValue, output: *mut cass_double_t) -> CassError {
    get(value, output, |t| t == CASS_VALUE_TYPE_DOUBLE, |b| fixed(b).map(f64::from_be_bytes))
}

/// Reads a boolean.
///
/// @param[in] value The value; NULL gives CASS_ERROR_LIB_NULL_VALUE.
/// @param[out] output Where the boolean (cass_true or cass_false) goes; not NULL.
/// @return CASS_OK once the output is written; CASS_ERROR_LIB_NULL_VALUE when `value` is NULL or holds NULL;
/// CASS_ERROR_LIB_INVALID_VALUE_TYPE when it is not a boolean; CASS_ERROR_LIB_NOT_ENOUGH_DATA when it has fewer than 1
/// byte; CASS_ERROR_LIB_BAD_PARAMS when `output` is NULL.
#[no_mangle]
pub extern "C" fn cass_value_get_bool(value: *const CassValue, output: *mut cass_bool_t) -> CassError {
    get(value, output, |t| t == CASS_VALUE_TYPE_BOOLEAN, |b| b.first().map(|v| (*v != 0).into()))
}

/// Reads a uuid or timeuuid.
///
/// @param[in] value The value; NULL gives CASS_ERROR_LIB_NULL_VALUE.
/// @param[out] output Where the uuid goes; not NULL.
/// @return CASS_OK once the output is written; CASS_ERROR_LIB_NULL_VALUE when `value` is NULL or holds NULL;
/// CASS_ERROR_LIB_INVALID_VALUE_TYPE when it is not a uuid or timeuuid; CASS_ERROR_LIB_NOT_ENOUGH_DATA when it has
/// fewer than 16 bytes; CASS_ERROR_LIB_BAD_PARAMS when `output` is NULL.
#[no_mangle]
pub extern "C" fn cass_value_get_uuid(value: *const CassValue, output: *mut CassUuid) -> CassError {
    get(
        value,
        output,
        |t| matches!(t, CASS_VALUE_TYPE_UUID | CASS_VALUE_TYPE_TIMEUUID),
        |b| fixed::<16>(b).map(|bytes| CassUuid::from_bytes(&bytes)),
    )
}

/// Gives the bytes of a value as text (any type, as upstream; a collection's bytes start after
/// its element count). Not NUL-terminated; valid as long as the result.
///
/// @param[in] value The value.
/// @param[out] output Where the pointer to the bytes goes (owned by the result, not NUL-terminated); not NULL.
/// @param[out] output_size Where their number goes; not NULL.
/// @return CASS_OK once both are written; CASS_ERROR_LIB_NULL_VALUE when `value` is NULL or holds NULL;
/// CASS_ERROR_LIB_BAD_PARAMS when `output` or `output_size` is NULL.
#[no_mangle]
pub extern "C" fn cass_value_get_string(
    value: *const CassValue,
    output: *mut *const c_char,
    output_size: *mut usize,
) -> CassError {
    get_slice(value, output as *mut *const u8, output_size)
}

/// Gives the raw bytes of a value (any type; a collection's start after its element count).
/// Valid as long as the result.
///
/// @param[in] value The value.
/// @param[out] output Where the pointer to the bytes goes (owned by the result); not NULL.
/// @param[out] output_size Where their number goes; not NULL.
/// @return CASS_OK once both are written; CASS_ERROR_LIB_NULL_VALUE when `value` is NULL or holds NULL;
/// CASS_ERROR_LIB_BAD_PARAMS when `output` or `output_size` is NULL.
#[no_mangle]
pub extern "C" fn cass_value_get_bytes(
    value: *const CassValue,
    output: *mut *const cass_byte_t,
    output_size: *mut usize,
) -> CassError {
    get_slice(value, output, output_size)
}

/// Reads an inet: the address length is the value's size (modulo 256, as the C++ driver reads
/// it).
///
/// @param[in] value The value.
/// @param[out] output Where the address goes; not NULL.
/// @return CASS_OK once `output` is written; CASS_ERROR_LIB_NULL_VALUE when `value` is NULL or holds NULL;
/// CASS_ERROR_LIB_INVALID_VALUE_TYPE when it is not an inet; CASS_ERROR_LIB_INVALID_DATA when its size (modulo 256) is
/// over 16; CASS_ERROR_LIB_BAD_PARAMS when `output` is NULL.
#[no_mangle]
pub extern "C" fn cass_value_get_inet(value: *const CassValue, output: *mut CassInet) -> CassError {
    guard(|| {
        let bytes = match checked_bytes(value, |t| t == CASS_VALUE_TYPE_INET) {
            Ok(bytes) => bytes,
            Err(rc) => return rc,
        };
        match decode::inet(bytes) {
            Some(inet) => write_out(output, inet),
            None => CassError::CASS_ERROR_LIB_INVALID_DATA,
        }
    })
}

/// Reads a decimal: the unscaled varint bytes, exactly as the server sent them (valid as long as
/// the result), and the scale.
///
/// @param[in] value The value.
/// @param[out] varint Where the pointer to the unscaled big-endian bytes goes (owned by the result); not NULL.
/// @param[out] varint_size Where their number goes; not NULL.
/// @param[out] scale Where the scale goes; not NULL.
/// @return CASS_OK once all three are written; CASS_ERROR_LIB_NULL_VALUE when `value` is NULL or holds NULL;
/// CASS_ERROR_LIB_INVALID_VALUE_TYPE when it is not a decimal; CASS_ERROR_LIB_NOT_ENOUGH_DATA when it is shorter than 5
/// bytes (the scale and one varint byte); CASS_ERROR_LIB_BAD_PARAMS when an output pointer is NULL (nothing is written
/// then).
#[no_mangle]
pub extern "C" fn cass_value_get_decimal(
    value: *const CassValue,
    varint: *mut *const cass_byte_t,
    varint_size: *mut usize,
    scale: *mut cass_int32_t,
) -> CassError {
    guard(|| {
        let bytes = match checked_bytes(value, |t| t == CASS_VALUE_TYPE_DECIMAL) {
            Ok(bytes) => bytes,
            Err(rc) => return rc,
        };
        let Some((digits, decoded_scale)) = decode::decimal(bytes) else {
            return CassError::CASS_ERROR_LIB_NOT_ENOUGH_DATA;
        };
        if varint.is_null() || varint_size.is_null() || scale.is_null() {
            return CassError::CASS_ERROR_LIB_BAD_PARAMS;
        }
        let rc = write_str_out(digits, varint as *mut *const c_char, varint_size);
        if rc != CassError::CASS_OK {
            return rc;
        }
        write_out(scale, decoded_scale)
    })
}

/// Reads a duration as months, days and nanoseconds (bytes after the three numbers are ignored;
/// months and days keep the low 32 bits, as the C++ driver reads them).
///
/// @param[in] value The value.
/// @param[out] months Where the months go; not NULL.
/// @param[out] days Where the days go; not NULL.
/// @param[out] nanos Where the nanoseconds go; not NULL.
/// @return CASS_OK once all three are written; CASS_ERROR_LIB_NULL_VALUE when `value` is NULL or holds NULL;
/// CASS_ERROR_LIB_INVALID_VALUE_TYPE when it is not a duration; CASS_ERROR_LIB_NOT_ENOUGH_DATA when its three numbers
/// are cut short; CASS_ERROR_LIB_BAD_PARAMS when an output pointer is NULL (nothing is written then).
#[no_mangle]
pub extern "C" fn cass_value_get_duration(
    value: *const CassValue,
    months: *mut cass_int32_t,
    days: *mut cass_int32_t,
    nanos: *mut cass_int64_t,
) -> CassError {
    guard(|| {
        let bytes = match checked_bytes(value, |t| t == CASS_VALUE_TYPE_DURATION) {
            Ok(bytes) => bytes,
            Err(rc) => return rc,
        };
        let Some((m, d, n)) = decode::duration(bytes) else {
            return CassError::CASS_ERROR_LIB_NOT_ENOUGH_DATA;
        };
        if months.is_null() || days.is_null() || nanos.is_null() {
            return CassError::CASS_ERROR_LIB_BAD_PARAMS;
        }
        write_out(months, m);
        write_out(days, d);
        write_out(nanos, n)
    })
}

/// The value's data type, valid as long as the value's result. NULL for a NULL value pointer.
///
/// @param[in] value The value.
/// @return Its type, owned by the result (do not free); NULL when `value` is NULL.
#[no_mangle]
pub extern "C" fn cass_value_data_type(value: *const CassValue) -> *const CassDataType {
    guard(|| CassValue::from_ptr(value).map_or(std::ptr::null(), |v| v.data_type))
}

/// Whether the value is a list, set or map.
///
/// @param[in] value The value.
/// @return cass_true for a list, set or map; cass_false otherwise and when `value` is NULL.
#[no_mangle]
pub extern "C" fn cass_value_is_collection(value: *const CassValue) -> cass_bool_t {
    guard(|| CassValue::from_ptr(value).is_some_and(|v| v.data_type().is_collection()).into())
}

/// Whether the value is a duration.
///
/// @param[in] value The value.
/// @return cass_true for a duration; cass_false otherwise and when `value` is NULL.
#[no_mangle]
pub extern "C" fn cass_value_is_duration(value: *const CassValue) -> cass_bool_t {
    guard(|| CassValue::from_ptr(value).is_some_and(|v| v.value_type() == CASS_VALUE_TYPE_DURATION).into())
}

/// The number of items of a collection (map: pairs), or of fields of a tuple or user type.
///
/// @param[in] collection The collection, tuple or user type value.
/// @return Its number of items (map: pairs) or fields; 0 for other types, NULL values and a NULL pointer.
#[no_mangle]
pub extern "C" fn cass_value_item_count(collection: *const CassValue) -> usize {
    guard(|| CassValue::from_ptr(collection).map_or(0, CassValue::item_count))
}

/// The element type of a list or set, the key type of a map; `CASS_VALUE_TYPE_UNKNOWN` otherwise.
///
/// @param[in] collection The collection value.
/// @return Its element or key type; `CASS_VALUE_TYPE_UNKNOWN` when it is not a collection, has no declared item type or
/// is NULL.
#[no_mangle]
pub extern "C" fn cass_value_primary_sub_type(collection: *const CassValue) -> CassValueType {
    guard(|| match CassValue::from_ptr(collection).map(CassValue::data_type) {
        Some(t) if t.is_collection() => t.sub_types.first().map_or(CASS_VALUE_TYPE_UNKNOWN, |s| s.value_type),
        _ => CASS_VALUE_TYPE_UNKNOWN,
    })
}

/// The value type of a map; `CASS_VALUE_TYPE_UNKNOWN` otherwise.
///
/// @param[in] collection The map value.
/// @return Its value type; `CASS_VALUE_TYPE_UNKNOWN` when it is not a map, has no declared value type or is NULL.
#[no_mangle]
pub extern "C" fn cass_value_secondary_sub_type(collection: *const CassValue) -> CassValueType {
    guard(|| match CassValue::from_ptr(collection).map(CassValue::data_type) {
        Some(t) if t.value_type == CASS_VALUE_TYPE_MAP => {
            t.sub_types.get(1).map_or(CASS_VALUE_TYPE_UNKNOWN, |s| s.value_type)
        }
        _ => CASS_VALUE_TYPE_UNKNOWN,
    })
}

/// The value's type (`CASS_VALUE_TYPE_UNKNOWN` for a NULL pointer; a NULL value keeps its
/// column's type).
///
/// @param[in] value The value.
/// @return Its type; `CASS_VALUE_TYPE_UNKNOWN` when `value` is NULL.
#[no_mangle]
pub extern "C" fn cass_value_type(value: *const CassValue) -> CassValueType {
    guard(|| CassValue::from_ptr(value).map_or(CASS_VALUE_TYPE_UNKNOWN, |v| v.value_type()))
}

/// Whether the value is NULL (a NULL pointer counts as a NULL value).
///
/// @param[in] value The value.
/// @return cass_true when it holds NULL or `value` is NULL; cass_false otherwise.
#[no_mangle]
pub extern "C" fn cass_value_is_null(value: *const CassValue) -> cass_bool_t {
    guard(|| CassValue::from_ptr(value).is_none_or(|v| v.bytes().is_none()).into())
}
