//! The `cass_data_type_*` functions: building data types for collections, tuples and user types,
//! and reading the types that results and values report.
//!
//! C owns one reference to each type a `cass_data_type_new*` function returns. Types lent by a
//! result, a value or another data type are borrowed: valid as long as their owner, never freed.
//! A type is changed in place only while C's reference is its only one; once it is shared (a sub
//! type of another type, or used by a collection, tuple or user type value) it is read-only.
#![allow(unreachable_pub)] // the C ABI: reached from C, not from Rust

use super::{
    add_field, add_sub_type, borrowed, into_c, set_class_name, set_keyspace, set_type_name, sub_data_type_by_name,
    write_text_out, CassDataType,
};
use crate::error::CassError;
use crate::ffi::strings::{cstr, str_n};
use crate::ffi::{guard, ArcHandle};
use crate::types::{cass_bool_t, CassValueType, CassValueTypeArg};
use std::ffi::c_char;

use CassValueType::*;

/// Creates a data type, not frozen and without sub types; add those with
/// `cass_data_type_add_sub_type()` and friends.
///
/// @param[in] type_ The value type.
/// @return A new data type, owned by the caller: free it with `cass_data_type_free()`. NULL for
/// `CASS_VALUE_TYPE_UNKNOWN`, `CASS_VALUE_TYPE_LAST_ENTRY` and values that are not value types.
#[no_mangle]
pub extern "C" fn cass_data_type_new(type_: CassValueTypeArg) -> *mut CassDataType {
    guard(|| type_.get().and_then(CassDataType::new_of).map_or(std::ptr::null_mut(), into_c))
}

/// Creates a copy of a data type that C owns alone, so it can be changed. Its sub types are shared
/// with the original (and therefore read-only).
///
/// @param[in] data_type The type to copy (owned or borrowed); NULL allowed.
/// @return A new data type, owned by the caller: free it with `cass_data_type_free()`. NULL for NULL.
#[no_mangle]
pub extern "C" fn cass_data_type_new_from_existing(data_type: *const CassDataType) -> *mut CassDataType {
    guard(|| CassDataType::from_ptr(data_type).map_or(std::ptr::null_mut(), |t| into_c(t.clone())))
}

/// Creates an empty tuple type; add the items with `cass_data_type_add_sub_type()`.
///
/// @param[in] item_count How many item types to make room for (a hint, not a limit).
/// @return A new data type, owned by the caller: free it with `cass_data_type_free()`.
#[no_mangle]
pub extern "C" fn cass_data_type_new_tuple(item_count: usize) -> *mut CassDataType {
    guard(|| into_c(CassDataType::with_room_for(CASS_VALUE_TYPE_TUPLE, item_count)))
}

/// Creates an empty user type; add the fields with `cass_data_type_add_sub_type_by_name()`.
///
/// @param[in] field_count How many fields to make room for (a hint, not a limit).
/// @return A new data type, owned by the caller: free it with `cass_data_type_free()`.
#[no_mangle]
pub extern "C" fn cass_data_type_new_udt(field_count: usize) -> *mut CassDataType {
    guard(|| into_c(CassDataType::with_room_for(CASS_VALUE_TYPE_UDT, field_count)))
}

/// Releases C's reference to a data type from a `cass_data_type_new*` function. Types it was added
/// to, and collections, tuples and user types made from it, keep their own.
///
/// @param[in] data_type The type; C's reference ends here. NULL is ignored.
#[no_mangle]
pub extern "C" fn cass_data_type_free(data_type: *mut CassDataType) {
    guard(|| CassDataType::free(data_type))
}

/// The value type of a data type.
///
/// @param[in] data_type The data type; NULL allowed.
/// @return The value type; `CASS_VALUE_TYPE_UNKNOWN` for NULL.
#[no_mangle]
pub extern "C" fn cass_data_type_type(data_type: *const CassDataType) -> CassValueType {
    guard(|| CassDataType::from_ptr(data_type).map_or(CASS_VALUE_TYPE_UNKNOWN, |t| t.value_type))
}

/// Whether a data type is frozen. Types built through this API are never frozen; types reported
/// by the server may be.
///
/// @param[in] data_type The data type; NULL allowed.
/// @return `cass_true` when frozen; `cass_false` otherwise and for NULL.
#[no_mangle]
pub extern "C" fn cass_data_type_is_frozen(data_type: *const CassDataType) -> cass_bool_t {
    guard(|| CassDataType::from_ptr(data_type).is_some_and(|t| t.frozen).into())
}

/// The name of a user type.
///
/// @param[in] data_type The data type; NULL gives `CASS_ERROR_LIB_BAD_PARAMS`.
/// @param[out] type_name Receives the text (not NUL-terminated; "" when unset), owned by the data type:
/// valid until it is freed or the value is set again. Must not be NULL.
/// @param[out] type_name_length Receives the text's length in bytes. Must not be NULL.
/// @return `CASS_OK`; `CASS_ERROR_LIB_INVALID_VALUE_TYPE` for a type that is not a user type;
/// `CASS_ERROR_LIB_BAD_PARAMS` for NULL arguments.
#[no_mangle]
pub extern "C" fn cass_data_type_type_name(
    data_type: *const CassDataType,
    type_name: *mut *const c_char,
    type_name_length: *mut usize,
) -> CassError {
    guard(|| {
        let Some(data_type) = CassDataType::from_ptr(data_type) else {
            return CassError::CASS_ERROR_LIB_BAD_PARAMS;
        };
        match data_type.require(CASS_VALUE_TYPE_UDT) {
            Ok(()) => write_text_out(&data_type.type_name, type_name, type_name_length),
            Err(error) => error,
        }
    })
}

/// Sets the name of a user type.
///
/// @param[in,out] data_type The type to change: C's reference must be its only one (see
/// `cass_data_type_add_sub_type()`). NULL gives `CASS_ERROR_LIB_BAD_PARAMS`.
/// @param[in] type_name NUL-terminated text, copied; NULL gives `CASS_ERROR_LIB_BAD_PARAMS` (the C++ driver
/// reads it as "").
/// @return `CASS_OK`; `CASS_ERROR_LIB_INVALID_VALUE_TYPE` for a type that is not a user type;
/// `CASS_ERROR_LIB_BAD_PARAMS` for NULL arguments, text that is not UTF-8, and a shared type.
#[no_mangle]
pub extern "C" fn cass_data_type_set_type_name(data_type: *mut CassDataType, type_name: *const c_char) -> CassError {
    guard(|| match cstr(type_name) {
        Ok(name) => set_type_name(data_type, name),
        Err(error) => error.into(),
    })
}

/// Same as `cass_data_type_set_type_name()`, with the length of the name given.
///
/// @param[in,out] data_type The type to change: C's reference must be its only one (see
/// `cass_data_type_add_sub_type()`). NULL gives `CASS_ERROR_LIB_BAD_PARAMS`.
/// @param[in] type_name The text, `type_name_length` bytes, copied (NULL only with length 0).
/// @param[in] type_name_length The text's length in bytes.
/// @return `CASS_OK`; `CASS_ERROR_LIB_INVALID_VALUE_TYPE` for a type that is not a user type;
/// `CASS_ERROR_LIB_BAD_PARAMS` for NULL arguments, text that is not UTF-8, and a shared type.
#[no_mangle]
pub extern "C" fn cass_data_type_set_type_name_n(
    data_type: *mut CassDataType,
    type_name: *const c_char,
    type_name_length: usize,
) -> CassError {
    guard(|| match str_n(type_name, type_name_length) {
        Ok(name) => set_type_name(data_type, name),
        Err(error) => error.into(),
    })
}

/// The keyspace of a user type.
///
/// @param[in] data_type The data type; NULL gives `CASS_ERROR_LIB_BAD_PARAMS`.
/// @param[out] keyspace Receives the text (not NUL-terminated; "" when unset), owned by the data type:
/// valid until it is freed or the value is set again. Must not be NULL.
/// @param[out] keyspace_length Receives the text's length in bytes. Must not be NULL.
/// @return `CASS_OK`; `CASS_ERROR_LIB_INVALID_VALUE_TYPE` for a type that is not a user type;
/// `CASS_ERROR_LIB_BAD_PARAMS` for NULL arguments.
#[no_mangle]
pub extern "C" fn cass_data_type_keyspace(
    data_type: *const CassDataType,
    keyspace: *mut *const c_char,
    keyspace_length: *mut usize,
) -> CassError {
    guard(|| {
        let Some(data_type) = CassDataType::from_ptr(data_type) else {
            return CassError::CASS_ERROR_LIB_BAD_PARAMS;
        };
        match data_type.require(CASS_VALUE_TYPE_UDT) {
            Ok(()) => write_text_out(&data_type.keyspace, keyspace, keyspace_length),
            Err(error) => error,
        }
    })
}

/// Sets the keyspace of a user type.
///
/// @param[in,out] data_type The type to change: C's reference must be its only one (see
/// `cass_data_type_add_sub_type()`). NULL gives `CASS_ERROR_LIB_BAD_PARAMS`.
/// @param[in] keyspace NUL-terminated text, copied; NULL gives `CASS_ERROR_LIB_BAD_PARAMS` (the C++ driver
/// reads it as "").
/// @return `CASS_OK`; `CASS_ERROR_LIB_INVALID_VALUE_TYPE` for a type that is not a user type;
/// `CASS_ERROR_LIB_BAD_PARAMS` for NULL arguments, text that is not UTF-8, and a shared type.
#[no_mangle]
pub extern "C" fn cass_data_type_set_keyspace(data_type: *mut CassDataType, keyspace: *const c_char) -> CassError {
    guard(|| match cstr(keyspace) {
        Ok(keyspace) => set_keyspace(data_type, keyspace),
        Err(error) => error.into(),
    })
}

/// Same as `cass_data_type_set_keyspace()`, with the length of the keyspace given.
///
/// @param[in,out] data_type The type to change: C's reference must be its only one (see
/// `cass_data_type_add_sub_type()`). NULL gives `CASS_ERROR_LIB_BAD_PARAMS`.
/// @param[in] keyspace The text, `keyspace_length` bytes, copied (NULL only with length 0).
/// @param[in] keyspace_length The text's length in bytes.
/// @return `CASS_OK`; `CASS_ERROR_LIB_INVALID_VALUE_TYPE` for a type that is not a user type;
/// `CASS_ERROR_LIB_BAD_PARAMS` for NULL arguments, text that is not UTF-8, and a shared type.
#[no_mangle]
pub extern "C" fn cass_data_type_set_keyspace_n(
    data_type: *mut CassDataType,
    keyspace: *const c_char,
    keyspace_length: usize,
) -> CassError {
    guard(|| match str_n(keyspace, keyspace_length) {
        Ok(keyspace) => set_keyspace(data_type, keyspace),
        Err(error) => error.into(),
    })
}

/// The class name of a custom type.
///
/// @param[in] data_type The data type; NULL gives `CASS_ERROR_LIB_BAD_PARAMS`.
/// @param[out] class_name Receives the text (not NUL-terminated; "" when unset), owned by the data type:
/// valid until it is freed or the value is set again. Must not be NULL.
/// @param[out] class_name_length Receives the text's length in bytes. Must not be NULL.
/// @return `CASS_OK`; `CASS_ERROR_LIB_INVALID_VALUE_TYPE` for a type that is not a custom type;
/// `CASS_ERROR_LIB_BAD_PARAMS` for NULL arguments.
#[no_mangle]
pub extern "C" fn cass_data_type_class_name(
    data_type: *const CassDataType,
    class_name: *mut *const c_char,
    class_name_length: *mut usize,
) -> CassError {
    guard(|| {
        let Some(data_type) = CassDataType::from_ptr(data_type) else {
            return CassError::CASS_ERROR_LIB_BAD_PARAMS;
        };
        match data_type.require(CASS_VALUE_TYPE_CUSTOM) {
            Ok(()) => write_text_out(&data_type.class_name, class_name, class_name_length),
            Err(error) => error,
        }
    })
}

/// Sets the class name of a custom type.
///
/// @param[in,out] data_type The type to change: C's reference must be its only one (see
/// `cass_data_type_add_sub_type()`). NULL gives `CASS_ERROR_LIB_BAD_PARAMS`.
/// @param[in] class_name NUL-terminated text, copied; NULL gives `CASS_ERROR_LIB_BAD_PARAMS` (the C++
/// driver reads it as "").
/// @return `CASS_OK`; `CASS_ERROR_LIB_INVALID_VALUE_TYPE` for a type that is not a custom type;
/// `CASS_ERROR_LIB_BAD_PARAMS` for NULL arguments, text that is not UTF-8, and a shared type.
#[no_mangle]
pub extern "C" fn cass_data_type_set_class_name(data_type: *mut CassDataType, class_name: *const c_char) -> CassError {
    guard(|| match cstr(class_name) {
        Ok(class_name) => set_class_name(data_type, class_name),
        Err(error) => error.into(),
    })
}

/// Same as `cass_data_type_set_class_name()`, with the length of the class name given.
///
/// @param[in,out] data_type The type to change: C's reference must be its only one (see
/// `cass_data_type_add_sub_type()`). NULL gives `CASS_ERROR_LIB_BAD_PARAMS`.
/// @param[in] class_name The text, `class_name_length` bytes, copied (NULL only with length 0).
/// @param[in] class_name_length The text's length in bytes.
/// @return `CASS_OK`; `CASS_ERROR_LIB_INVALID_VALUE_TYPE` for a type that is not a custom type;
/// `CASS_ERROR_LIB_BAD_PARAMS` for NULL arguments, text that is not UTF-8, and a shared type.
#[no_mangle]
pub extern "C" fn cass_data_type_set_class_name_n(
    data_type: *mut CassDataType,
    class_name: *const c_char,
    class_name_length: usize,
) -> CassError {
    guard(|| match str_n(class_name, class_name_length) {
        Ok(class_name) => set_class_name(data_type, class_name),
        Err(error) => error.into(),
    })
}

/// The number of sub types: element types of a list, set or map, item types of a tuple, fields of
/// a user type.
///
/// @param[in] data_type The data type; NULL allowed.
/// @return The count; 0 for other types and for NULL.
#[no_mangle]
pub extern "C" fn cass_data_type_sub_type_count(data_type: *const CassDataType) -> usize {
    guard(|| CassDataType::from_ptr(data_type).map_or(0, |t| t.visible_sub_types().len()))
}

/// Deprecated: the same as `cass_data_type_sub_type_count()`.
///
/// @param[in] data_type The data type; NULL allowed.
/// @return As `cass_data_type_sub_type_count()`.
#[no_mangle]
pub extern "C" fn cass_data_sub_type_count(data_type: *const CassDataType) -> usize {
    cass_data_type_sub_type_count(data_type)
}

/// The sub type at `index` of a collection, tuple or user type.
///
/// @param[in] data_type The data type; NULL allowed.
/// @param[in] index The position, from 0 to `cass_data_type_sub_type_count()` - 1.
/// @return The sub type, borrowed: valid as long as `data_type`, never freed by the caller. NULL when
/// `index` is out of range, for other types and for NULL.
#[no_mangle]
pub extern "C" fn cass_data_type_sub_data_type(data_type: *const CassDataType, index: usize) -> *const CassDataType {
    guard(|| borrowed(CassDataType::from_ptr(data_type).and_then(|t| t.visible_sub_types().get(index))))
}

/// The type of a user type field: case-insensitive unless the name is in double quotes; the first
/// such field when several match.
///
/// @param[in] data_type The data type; NULL allowed.
/// @param[in] name NUL-terminated field name; NULL allowed (no match).
/// @return The field's type, borrowed: valid as long as `data_type`, never freed by the caller. NULL when
/// no field matches, for other types, and for NULL or non-UTF-8 arguments.
#[no_mangle]
pub extern "C" fn cass_data_type_sub_data_type_by_name(
    data_type: *const CassDataType,
    name: *const c_char,
) -> *const CassDataType {
    guard(|| sub_data_type_by_name(data_type, cstr(name).ok()))
}

/// Same as `cass_data_type_sub_data_type_by_name()`, with the length of the name given.
///
/// @param[in] data_type The data type; NULL allowed.
/// @param[in] name The field name, `name_length` bytes (NULL only with length 0).
/// @param[in] name_length The name's length in bytes.
/// @return As `cass_data_type_sub_data_type_by_name()`.
#[no_mangle]
pub extern "C" fn cass_data_type_sub_data_type_by_name_n(
    data_type: *const CassDataType,
    name: *const c_char,
    name_length: usize,
) -> *const CassDataType {
    guard(|| sub_data_type_by_name(data_type, str_n(name, name_length).ok()))
}

/// The name of a user type field.
///
/// @param[in] data_type The user type; NULL gives `CASS_ERROR_LIB_BAD_PARAMS`.
/// @param[in] index The field's position, from 0 to `cass_data_type_sub_type_count()` - 1.
/// @param[out] name Receives the name (not NUL-terminated), valid as long as `data_type`. Must not be NULL.
/// @param[out] name_length Receives the name's length in bytes. Must not be NULL.
/// @return `CASS_OK`; `CASS_ERROR_LIB_INVALID_VALUE_TYPE` for other types;
/// `CASS_ERROR_LIB_INDEX_OUT_OF_BOUNDS` past the last field; `CASS_ERROR_LIB_BAD_PARAMS` for NULL
/// arguments.
#[no_mangle]
pub extern "C" fn cass_data_type_sub_type_name(
    data_type: *const CassDataType,
    index: usize,
    name: *mut *const c_char,
    name_length: *mut usize,
) -> CassError {
    guard(|| {
        let Some(data_type) = CassDataType::from_ptr(data_type) else {
            return CassError::CASS_ERROR_LIB_BAD_PARAMS;
        };
        match data_type.field_name(index) {
            Ok(field_name) => write_text_out(field_name, name, name_length),
            Err(error) => error,
        }
    })
}

/// Adds an element type to a list, set (one each) or map (key, then value), or an item type to a
/// tuple.
///
/// Difference from the C++ driver, which changes a shared type in place (so the change shows
/// wherever it is used): a type that is a sub type of another type, or used by a collection,
/// tuple or user type value, cannot be changed here (nor can a type be added to itself); build
/// types inside out, or change a copy from `cass_data_type_new_from_existing()`. This applies to
/// every `cass_data_type_set_*` and `cass_data_type_add_*` function.
///
/// @param[in,out] data_type The type to change: C's reference must be its only one (see above). NULL gives
/// `CASS_ERROR_LIB_BAD_PARAMS`.
/// @param[in] sub_data_type The type to add; `data_type` takes its own reference, C keeps its own. NULL
/// gives `CASS_ERROR_LIB_BAD_PARAMS`.
/// @return `CASS_OK`; `CASS_ERROR_LIB_INVALID_VALUE_TYPE` for a type that is not a collection or tuple;
/// `CASS_ERROR_LIB_BAD_PARAMS` when the collection has all its sub types already, for NULL arguments, and
/// when `data_type` is shared.
#[no_mangle]
pub extern "C" fn cass_data_type_add_sub_type(
    data_type: *mut CassDataType,
    sub_data_type: *const CassDataType,
) -> CassError {
    guard(|| match CassDataType::clone_from_ptr(sub_data_type) {
        Some(sub_type) => add_sub_type(data_type, sub_type),
        None => CassError::CASS_ERROR_LIB_BAD_PARAMS,
    })
}

/// Adds a field to a user type.
///
/// @param[in,out] data_type The type to change: C's reference must be its only one (see
/// `cass_data_type_add_sub_type()`). NULL gives `CASS_ERROR_LIB_BAD_PARAMS`.
/// @param[in] name NUL-terminated field name, copied (a quoted name keeps its quotes); NULL gives
/// `CASS_ERROR_LIB_BAD_PARAMS` (the C++ driver reads it as "").
/// @param[in] sub_data_type The field's type; `data_type` takes its own reference, C keeps its own. NULL
/// gives `CASS_ERROR_LIB_BAD_PARAMS`.
/// @return `CASS_OK`; `CASS_ERROR_LIB_INVALID_VALUE_TYPE` for a type that is not a user type;
/// `CASS_ERROR_LIB_BAD_PARAMS` for NULL arguments, names that are not UTF-8, and a shared `data_type` (see
/// `cass_data_type_add_sub_type()`).
#[no_mangle]
pub extern "C" fn cass_data_type_add_sub_type_by_name(
    data_type: *mut CassDataType,
    name: *const c_char,
    sub_data_type: *const CassDataType,
) -> CassError {
    guard(|| add_field(data_type, cstr(name), CassDataType::clone_from_ptr(sub_data_type)))
}

/// Same as `cass_data_type_add_sub_type_by_name()`, with the length of the name given.
///
/// @param[in,out] data_type The type to change: C's reference must be its only one (see
/// `cass_data_type_add_sub_type()`). NULL gives `CASS_ERROR_LIB_BAD_PARAMS`.
/// @param[in] name The field name, `name_length` bytes, copied (NULL only with length 0).
/// @param[in] name_length The name's length in bytes.
/// @param[in] sub_data_type The field's type; `data_type` takes its own reference, C keeps its own.
/// @return As `cass_data_type_add_sub_type_by_name()`.
#[no_mangle]
pub extern "C" fn cass_data_type_add_sub_type_by_name_n(
    data_type: *mut CassDataType,
    name: *const c_char,
    name_length: usize,
    sub_data_type: *const CassDataType,
) -> CassError {
    guard(|| add_field(data_type, str_n(name, name_length), CassDataType::clone_from_ptr(sub_data_type)))
}

/// Same as `cass_data_type_add_sub_type()` with a new type of `sub_value_type` (no sub types of its
/// own).
///
/// @param[in,out] data_type The type to change: C's reference must be its only one (see
/// `cass_data_type_add_sub_type()`). NULL gives `CASS_ERROR_LIB_BAD_PARAMS`.
/// @param[in] sub_value_type The value type of the new sub type.
/// @return As `cass_data_type_add_sub_type()`; `CASS_ERROR_LIB_BAD_PARAMS` also for values that are not
/// value types.
#[no_mangle]
pub extern "C" fn cass_data_type_add_sub_value_type(
    data_type: *mut CassDataType,
    sub_value_type: CassValueTypeArg,
) -> CassError {
    guard(|| match super::sub_value_type(sub_value_type) {
        Some(sub_type) => add_sub_type(data_type, sub_type),
        None => CassError::CASS_ERROR_LIB_BAD_PARAMS,
    })
}

/// Same as `cass_data_type_add_sub_type_by_name()` with a new type of `sub_value_type`.
///
/// @param[in,out] data_type The type to change: C's reference must be its only one (see
/// `cass_data_type_add_sub_type()`). NULL gives `CASS_ERROR_LIB_BAD_PARAMS`.
/// @param[in] name NUL-terminated field name, copied; NULL gives `CASS_ERROR_LIB_BAD_PARAMS`.
/// @param[in] sub_value_type The value type of the new field.
/// @return As `cass_data_type_add_sub_type_by_name()`; `CASS_ERROR_LIB_BAD_PARAMS` also for values that are
/// not value types.
#[no_mangle]
pub extern "C" fn cass_data_type_add_sub_value_type_by_name(
    data_type: *mut CassDataType,
    name: *const c_char,
    sub_value_type: CassValueTypeArg,
) -> CassError {
    guard(|| add_field(data_type, cstr(name), super::sub_value_type(sub_value_type)))
}

/// Same as `cass_data_type_add_sub_value_type_by_name()`, with the length of the name given.
///
/// @param[in,out] data_type The type to change: C's reference must be its only one (see
/// `cass_data_type_add_sub_type()`). NULL gives `CASS_ERROR_LIB_BAD_PARAMS`.
/// @param[in] name The field name, `name_length` bytes, copied (NULL only with length 0).
/// @param[in] name_length The name's length in bytes.
/// @param[in] sub_value_type The value type of the new field.
/// @return As `cass_data_type_add_sub_value_type_by_name()`.
#[no_mangle]
pub extern "C" fn cass_data_type_add_sub_value_type_by_name_n(
    data_type: *mut CassDataType,
    name: *const c_char,
    name_length: usize,
    sub_value_type: CassValueTypeArg,
) -> CassError {
    guard(|| add_field(data_type, str_n(name, name_length), super::sub_value_type(sub_value_type)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use CassError::*;

    fn text_of(get: impl FnOnce(*mut *const c_char, *mut usize) -> CassError) -> Result<String, CassError> {
        let mut ptr: *const c_char = std::ptr::null();
        let mut len = 0usize;
        match get(&mut ptr, &mut len) {
            CASS_OK => {
                // SAFETY: the getter succeeded, so `ptr` points at `len` bytes owned by the type.
                let bytes = unsafe { std::slice::from_raw_parts(ptr as *const u8, len) };
                Ok(String::from_utf8(bytes.to_vec()).unwrap())
            }
            error => Err(error),
        }
    }

    fn vt(value_type: CassValueType) -> CassValueTypeArg {
        value_type.into()
    }

    #[test]
    fn new_accepts_value_types_only() {
        assert!(cass_data_type_new(vt(CASS_VALUE_TYPE_UNKNOWN)).is_null());
        assert!(cass_data_type_new(vt(CASS_VALUE_TYPE_LAST_ENTRY)).is_null());
        assert!(cass_data_type_new(CassValueTypeArg(0x16)).is_null());
        for value_type in [CASS_VALUE_TYPE_INT, CASS_VALUE_TYPE_LIST, CASS_VALUE_TYPE_UDT, CASS_VALUE_TYPE_CUSTOM] {
            let t = cass_data_type_new(vt(value_type));
            assert_eq!(cass_data_type_type(t), value_type);
            assert_eq!(cass_data_type_is_frozen(t), cass_bool_t::cass_false);
            assert_eq!(cass_data_type_sub_type_count(t), 0);
            cass_data_type_free(t);
        }
    }

    #[test]
    fn collections_take_a_fixed_number_of_sub_types() {
        let list = cass_data_type_new(vt(CASS_VALUE_TYPE_LIST));
        assert_eq!(cass_data_type_add_sub_value_type(list, vt(CASS_VALUE_TYPE_TEXT)), CASS_OK);
        assert_eq!(cass_data_type_add_sub_value_type(list, vt(CASS_VALUE_TYPE_TEXT)), CASS_ERROR_LIB_BAD_PARAMS);
        let map = cass_data_type_new(vt(CASS_VALUE_TYPE_MAP));
        assert_eq!(cass_data_type_add_sub_type(map, list), CASS_OK);
        assert_eq!(cass_data_type_add_sub_value_type(map, vt(CASS_VALUE_TYPE_INT)), CASS_OK);
        assert_eq!(cass_data_type_add_sub_value_type(map, vt(CASS_VALUE_TYPE_INT)), CASS_ERROR_LIB_BAD_PARAMS);
        assert_eq!(cass_data_type_sub_data_type(map, 0), list as *const _);
        assert!(cass_data_type_sub_data_type(map, 2).is_null());
        let int = cass_data_type_new(vt(CASS_VALUE_TYPE_INT));
        assert_eq!(cass_data_type_add_sub_type(int, list), CASS_ERROR_LIB_INVALID_VALUE_TYPE);
        for t in [list, map, int] {
            cass_data_type_free(t);
        }
    }

    #[test]
    fn shared_types_are_read_only() {
        let tuple = cass_data_type_new_tuple(2);
        let udt = cass_data_type_new_udt(1);
        assert_eq!(cass_data_type_add_sub_type(tuple, udt), CASS_OK);
        // Shared with the tuple now.
        assert_eq!(cass_data_type_set_type_name(udt, c"point".as_ptr()), CASS_ERROR_LIB_BAD_PARAMS);
        // A type cannot be added to itself.
        assert_eq!(cass_data_type_add_sub_type(tuple, tuple), CASS_ERROR_LIB_BAD_PARAMS);
        assert_eq!(cass_data_type_sub_type_count(tuple), 1);
        // A type check still reports its own error first.
        assert_eq!(cass_data_type_set_class_name(udt, c"x".as_ptr()), CASS_ERROR_LIB_INVALID_VALUE_TYPE);
        cass_data_type_free(tuple);
        // The tuple gave its reference back: C's is the only one again.
        assert_eq!(cass_data_type_set_type_name(udt, c"point".as_ptr()), CASS_OK);
        assert_eq!(text_of(|p, l| cass_data_type_type_name(udt, p, l)).unwrap(), "point");
        cass_data_type_free(udt);
    }

    #[test]
    fn udt_fields_and_names() {
        let udt = cass_data_type_new_udt(usize::MAX);
        assert_eq!(text_of(|p, l| cass_data_type_type_name(udt, p, l)).unwrap(), "");
        assert_eq!(cass_data_type_add_sub_value_type_by_name(udt, c"a".as_ptr(), vt(CASS_VALUE_TYPE_INT)), CASS_OK);
        assert_eq!(
            cass_data_type_add_sub_value_type_by_name_n(udt, c"Abc".as_ptr(), 1, vt(CASS_VALUE_TYPE_TEXT)),
            CASS_OK
        );
        assert_eq!(cass_data_type_sub_type_count(udt), 2);
        assert_eq!(text_of(|p, l| cass_data_type_sub_type_name(udt, 1, p, l)).unwrap(), "A");
        assert_eq!(text_of(|p, l| cass_data_type_sub_type_name(udt, 2, p, l)), Err(CASS_ERROR_LIB_INDEX_OUT_OF_BOUNDS));
        let by_name =
            |name: &std::ffi::CStr| cass_data_type_type(cass_data_type_sub_data_type_by_name(udt, name.as_ptr()));
        assert_eq!(by_name(c"A"), CASS_VALUE_TYPE_INT);
        assert_eq!(by_name(c"\"A\""), CASS_VALUE_TYPE_TEXT);
        assert_eq!(by_name(c"b"), CASS_VALUE_TYPE_UNKNOWN);
        assert_eq!(cass_data_type_set_keyspace_n(udt, c"ks1".as_ptr(), 2), CASS_OK);
        assert_eq!(text_of(|p, l| cass_data_type_keyspace(udt, p, l)).unwrap(), "ks");
        assert_eq!(text_of(|p, l| cass_data_type_class_name(udt, p, l)), Err(CASS_ERROR_LIB_INVALID_VALUE_TYPE));

        let copy = cass_data_type_new_from_existing(udt);
        assert_eq!(cass_data_type_set_keyspace(copy, c"other".as_ptr()), CASS_OK);
        assert_eq!(text_of(|p, l| cass_data_type_keyspace(udt, p, l)).unwrap(), "ks");
        assert_eq!(cass_data_type_sub_data_type(copy, 0), cass_data_type_sub_data_type(udt, 0));
        cass_data_type_free(copy);
        cass_data_type_free(udt);
    }

    #[test]
    fn bad_arguments() {
        let udt = cass_data_type_new_udt(0);
        assert_eq!(cass_data_type_set_type_name(udt, std::ptr::null()), CASS_ERROR_LIB_BAD_PARAMS);
        assert_eq!(cass_data_type_set_type_name_n(udt, c"\xff".as_ptr(), 1), CASS_ERROR_LIB_BAD_PARAMS);
        assert_eq!(
            cass_data_type_add_sub_type_by_name(udt, c"a".as_ptr(), std::ptr::null()),
            CASS_ERROR_LIB_BAD_PARAMS
        );
        assert_eq!(
            cass_data_type_add_sub_value_type_by_name(udt, c"a".as_ptr(), vt(CASS_VALUE_TYPE_LAST_ENTRY)),
            CASS_ERROR_LIB_BAD_PARAMS
        );
        assert_eq!(
            text_of(|_, l| cass_data_type_type_name(udt, std::ptr::null_mut(), l)),
            Err(CASS_ERROR_LIB_BAD_PARAMS)
        );
        assert!(cass_data_type_sub_data_type_by_name(udt, std::ptr::null()).is_null());
        assert_eq!(cass_data_type_set_keyspace(std::ptr::null_mut(), c"ks".as_ptr()), CASS_ERROR_LIB_BAD_PARAMS);
        assert_eq!(cass_data_type_sub_type_count(udt), 0);
        cass_data_type_free(udt);
        cass_data_type_free(std::ptr::null_mut());
    }
}
