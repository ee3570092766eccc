//! `cass_function_meta_*` and `cass_aggregate_meta_*` (user-defined functions and aggregates).
//! Everything returned is borrowed from the schema snapshot (valid until `cass_schema_meta_free()`).
#![allow(unreachable_pub)] // the C ABI: reached from C, not from Rust

use crate::data_type::CassDataType;
use crate::error::CassError;
use crate::ffi::strings::{safe_strlen, write_str_out};
use crate::ffi::{guard, write_out, RefHandle};
use crate::metadata::model::*;
use crate::metadata::out::{by_name, field, text_out};
use crate::types::cass_bool_t;
use crate::value::CassValue;
use std::ffi::c_char;
use std::sync::Arc;

fn type_ptr(t: Option<&Arc<CassDataType>>) -> *const CassDataType {
    t.map_or(std::ptr::null(), Arc::as_ptr)
}

// ---- functions ----

/// The function's name, without its signature.
///
/// @param[in] function_meta The function (borrowed from its snapshot); NULL allowed.
/// @param[out] name Receives the name (not NUL-terminated; "" for NULL), borrowed from the snapshot.
/// Nothing is written when it or `name_length` is NULL.
/// @param[out] name_length Receives the text's length in bytes.
#[no_mangle]
pub extern "C" fn cass_function_meta_name(
    function_meta: *const CassFunctionMeta,
    name: *mut *const c_char,
    name_length: *mut usize,
) {
    guard(|| text_out(CassFunctionMeta::from_ptr(function_meta).map(|f| f.name.as_str()), name, name_length))
}

/// The function's full name, with its argument types as the server writes them, without white
/// space: `name(type1,type2)`.
///
/// @param[in] function_meta The function (borrowed from its snapshot); NULL allowed.
/// @param[out] full_name Receives the full name (not NUL-terminated; "" for NULL), borrowed from the
/// snapshot. Nothing is written when it or `full_name_length` is NULL.
/// @param[out] full_name_length Receives the text's length in bytes.
#[no_mangle]
pub extern "C" fn cass_function_meta_full_name(
    function_meta: *const CassFunctionMeta,
    full_name: *mut *const c_char,
    full_name_length: *mut usize,
) {
    guard(|| {
        text_out(CassFunctionMeta::from_ptr(function_meta).map(|f| f.full_name.as_str()), full_name, full_name_length)
    })
}

/// The function's body.
///
/// @param[in] function_meta The function (borrowed from its snapshot); NULL allowed.
/// @param[out] body Receives the body (not NUL-terminated; "" for NULL), borrowed from the snapshot.
/// Nothing is written when it or `body_length` is NULL.
/// @param[out] body_length Receives the text's length in bytes.
#[no_mangle]
pub extern "C" fn cass_function_meta_body(
    function_meta: *const CassFunctionMeta,
    body: *mut *const c_char,
    body_length: *mut usize,
) {
    guard(|| text_out(CassFunctionMeta::from_ptr(function_meta).map(|f| f.body.as_str()), body, body_length))
}

/// The function's language (e.g. `java`).
///
/// @param[in] function_meta The function (borrowed from its snapshot); NULL allowed.
/// @param[out] language Receives the language (not NUL-terminated; "" for NULL), borrowed from the
/// snapshot. Nothing is written when it or `language_length` is NULL.
/// @param[out] language_length Receives the text's length in bytes.
#[no_mangle]
pub extern "C" fn cass_function_meta_language(
    function_meta: *const CassFunctionMeta,
    language: *mut *const c_char,
    language_length: *mut usize,
) {
    guard(|| {
        text_out(CassFunctionMeta::from_ptr(function_meta).map(|f| f.language.as_str()), language, language_length)
    })
}

/// Whether the function is called on null input (`CALLED ON NULL INPUT`).
///
/// @param[in] function_meta The function (borrowed from its snapshot); NULL allowed.
/// @return `cass_true` for `CALLED ON NULL INPUT`; `cass_false` for `RETURNS NULL ON NULL INPUT` and for
/// NULL.
#[no_mangle]
pub extern "C" fn cass_function_meta_called_on_null_input(function_meta: *const CassFunctionMeta) -> cass_bool_t {
    guard(|| CassFunctionMeta::from_ptr(function_meta).is_some_and(|f| f.called_on_null_input).into())
}

/// The number of arguments.
///
/// @param[in] function_meta The function (borrowed from its snapshot); NULL allowed.
/// @return The count; 0 for NULL.
#[no_mangle]
pub extern "C" fn cass_function_meta_argument_count(function_meta: *const CassFunctionMeta) -> usize {
    guard(|| CassFunctionMeta::from_ptr(function_meta).map_or(0, |f| f.arguments.len()))
}

/// The name and data type of an argument.
///
/// @param[in] function_meta The function; NULL gives `CASS_ERROR_LIB_BAD_PARAMS`.
/// @param[in] index The argument's position, from 0 to `cass_function_meta_argument_count()` - 1.
/// @param[out] name Receives the argument's name (not NUL-terminated), borrowed from the snapshot. Must not
/// be NULL.
/// @param[out] name_length Receives the name's length in bytes. Must not be NULL.
/// @param[out] type_ Receives the argument's type, borrowed from the snapshot; NULL when the server's type
/// text could not be read. Must not be NULL.
/// @return `CASS_OK`; `CASS_ERROR_LIB_INDEX_OUT_OF_BOUNDS` when `index` is out of range;
/// `CASS_ERROR_LIB_BAD_PARAMS` for NULL arguments.
#[no_mangle]
pub extern "C" fn cass_function_meta_argument(
    function_meta: *const CassFunctionMeta,
    index: usize,
    name: *mut *const c_char,
    name_length: *mut usize,
    type_: *mut *const CassDataType,
) -> CassError {
    guard(|| {
        let Some(function) = CassFunctionMeta::from_ptr(function_meta) else {
            return CassError::CASS_ERROR_LIB_BAD_PARAMS;
        };
        let Some(argument) = function.arguments.get(index) else {
            return CassError::CASS_ERROR_LIB_INDEX_OUT_OF_BOUNDS;
        };
        if type_.is_null() {
            return CassError::CASS_ERROR_LIB_BAD_PARAMS;
        }
        let rc = write_str_out(argument.name.as_bytes(), name, name_length);
        if rc != CassError::CASS_OK {
            return rc;
        }
        write_out(type_, type_ptr(argument.data_type.as_ref()))
    })
}

/// The data type of an argument, looked up by its exact name.
///
/// @param[in] function_meta The function (borrowed from its snapshot); NULL allowed.
/// @param[in] name NUL-terminated argument name; NULL reads as "".
/// @return The type, borrowed from the snapshot (valid until `cass_schema_meta_free()`, never freed by the
/// caller); NULL when no argument has that name, when its type could not be read, and for NULL.
#[no_mangle]
pub extern "C" fn cass_function_meta_argument_type_by_name(
    function_meta: *const CassFunctionMeta,
    name: *const c_char,
) -> *const CassDataType {
    cass_function_meta_argument_type_by_name_n(function_meta, name, safe_strlen(name))
}

/// Same as `cass_function_meta_argument_type_by_name()`, with the length of the name given.
///
/// @param[in] function_meta The function (borrowed from its snapshot); NULL allowed.
/// @param[in] name The name, `name_length` bytes (NULL only with length 0).
/// @param[in] name_length The name's length in bytes.
/// @return As `cass_function_meta_argument_type_by_name()`; NULL also for a name that is not UTF-8.
#[no_mangle]
pub extern "C" fn cass_function_meta_argument_type_by_name_n(
    function_meta: *const CassFunctionMeta,
    name: *const c_char,
    name_length: usize,
) -> *const CassDataType {
    guard(|| {
        by_name(function_meta, name, name_length, |f, name| {
            f.arguments.iter().find(|a| a.name == name).map(|a| type_ptr(a.data_type.as_ref()))
        })
    })
}

/// The function's return type.
///
/// @param[in] function_meta The function (borrowed from its snapshot); NULL allowed.
/// @return The type, borrowed from the snapshot (valid until `cass_schema_meta_free()`, never freed by the
/// caller); NULL when it could not be read and for NULL.
#[no_mangle]
pub extern "C" fn cass_function_meta_return_type(function_meta: *const CassFunctionMeta) -> *const CassDataType {
    guard(|| CassFunctionMeta::from_ptr(function_meta).map_or(std::ptr::null(), |f| type_ptr(f.return_type.as_ref())))
}

/// A raw field of the function's `system_schema.functions` row (`keyspace_name`,
/// `function_name`, `argument_names`, `argument_types`, `return_type`, `body`, `language`,
/// `called_on_null_input`).
///
/// @param[in] function_meta The function (borrowed from its snapshot); NULL allowed.
/// @param[in] name NUL-terminated field name (exact match); NULL reads as "".
/// @return The field's value, borrowed from the snapshot (valid until `cass_schema_meta_free()`, never
/// freed by the caller); NULL when there is no such field and for NULL.
#[no_mangle]
pub extern "C" fn cass_function_meta_field_by_name(
    function_meta: *const CassFunctionMeta,
    name: *const c_char,
) -> *const CassValue {
    cass_function_meta_field_by_name_n(function_meta, name, safe_strlen(name))
}

/// Same as `cass_function_meta_field_by_name()`, with the length of the name given.
///
/// @param[in] function_meta The function (borrowed from its snapshot); NULL allowed.
/// @param[in] name The name, `name_length` bytes (NULL only with length 0).
/// @param[in] name_length The name's length in bytes.
/// @return As `cass_function_meta_field_by_name()`; NULL also for a name that is not UTF-8.
#[no_mangle]
pub extern "C" fn cass_function_meta_field_by_name_n(
    function_meta: *const CassFunctionMeta,
    name: *const c_char,
    name_length: usize,
) -> *const CassValue {
    guard(|| field(function_meta, name, name_length, |f| &f.fields))
}

// ---- aggregates ----

/// The aggregate's name, without its signature.
///
/// @param[in] aggregate_meta The aggregate (borrowed from its snapshot); NULL allowed.
/// @param[out] name Receives the name (not NUL-terminated; "" for NULL), borrowed from the snapshot.
/// Nothing is written when it or `name_length` is NULL.
/// @param[out] name_length Receives the text's length in bytes.
#[no_mangle]
pub extern "C" fn cass_aggregate_meta_name(
    aggregate_meta: *const CassAggregateMeta,
    name: *mut *const c_char,
    name_length: *mut usize,
) {
    guard(|| text_out(CassAggregateMeta::from_ptr(aggregate_meta).map(|a| a.name.as_str()), name, name_length))
}

/// The aggregate's full name: `name(type1,type2)`, as for functions.
///
/// @param[in] aggregate_meta The aggregate (borrowed from its snapshot); NULL allowed.
/// @param[out] full_name Receives the full name (not NUL-terminated; "" for NULL), borrowed from the
/// snapshot. Nothing is written when it or `full_name_length` is NULL.
/// @param[out] full_name_length Receives the text's length in bytes.
#[no_mangle]
pub extern "C" fn cass_aggregate_meta_full_name(
    aggregate_meta: *const CassAggregateMeta,
    full_name: *mut *const c_char,
    full_name_length: *mut usize,
) {
    guard(|| {
        text_out(CassAggregateMeta::from_ptr(aggregate_meta).map(|a| a.full_name.as_str()), full_name, full_name_length)
    })
}

/// The number of arguments.
///
/// @param[in] aggregate_meta The aggregate (borrowed from its snapshot); NULL allowed.
/// @return The count; 0 for NULL.
#[no_mangle]
pub extern "C" fn cass_aggregate_meta_argument_count(aggregate_meta: *const CassAggregateMeta) -> usize {
    guard(|| CassAggregateMeta::from_ptr(aggregate_meta).map_or(0, |a| a.argument_types.len()))
}

/// The data type of an argument.
///
/// @param[in] aggregate_meta The aggregate (borrowed from its snapshot); NULL allowed.
/// @param[in] index The argument's position, from 0 to `cass_aggregate_meta_argument_count()` - 1.
/// @return The type, borrowed from the snapshot (valid until `cass_schema_meta_free()`, never freed by the
/// caller); NULL when `index` is out of range, when the type could not be read, and for NULL.
#[no_mangle]
pub extern "C" fn cass_aggregate_meta_argument_type(
    aggregate_meta: *const CassAggregateMeta,
    index: usize,
) -> *const CassDataType {
    guard(|| {
        CassAggregateMeta::from_ptr(aggregate_meta)
            .and_then(|a| a.argument_types.get(index))
            .map_or(std::ptr::null(), |t| type_ptr(t.as_ref()))
    })
}

/// The aggregate's return type.
///
/// @param[in] aggregate_meta The aggregate (borrowed from its snapshot); NULL allowed.
/// @return The type, borrowed from the snapshot (valid until `cass_schema_meta_free()`, never freed by the
/// caller); NULL when it could not be read and for NULL.
#[no_mangle]
pub extern "C" fn cass_aggregate_meta_return_type(aggregate_meta: *const CassAggregateMeta) -> *const CassDataType {
    guard(|| CassAggregateMeta::from_ptr(aggregate_meta).map_or(std::ptr::null(), |a| type_ptr(a.return_type.as_ref())))
}

/// The type of the aggregate's state.
///
/// @param[in] aggregate_meta The aggregate (borrowed from its snapshot); NULL allowed.
/// @return The type, borrowed from the snapshot (valid until `cass_schema_meta_free()`, never freed by the
/// caller); NULL when it could not be read and for NULL.
#[no_mangle]
pub extern "C" fn cass_aggregate_meta_state_type(aggregate_meta: *const CassAggregateMeta) -> *const CassDataType {
    guard(|| CassAggregateMeta::from_ptr(aggregate_meta).map_or(std::ptr::null(), |a| type_ptr(a.state_type.as_ref())))
}

/// The state function (the keyspace's function `state_func(state_type, argument types...)`).
///
/// @param[in] aggregate_meta The aggregate (borrowed from its snapshot); NULL allowed.
/// @return The function, borrowed from the snapshot (valid until `cass_schema_meta_free()`, never freed by
/// the caller); NULL when the keyspace has none and for NULL.
#[no_mangle]
pub extern "C" fn cass_aggregate_meta_state_func(aggregate_meta: *const CassAggregateMeta) -> *const CassFunctionMeta {
    guard(|| {
        CassAggregateMeta::from_ptr(aggregate_meta)
            .and_then(|a| a.state_func.as_ref())
            .map_or(std::ptr::null(), Arc::as_ptr)
    })
}

/// The final function (the keyspace's function `final_func(state_type)`).
///
/// @param[in] aggregate_meta The aggregate (borrowed from its snapshot); NULL allowed.
/// @return The function, borrowed from the snapshot (valid until `cass_schema_meta_free()`, never freed by
/// the caller); NULL when the aggregate has none (or the keyspace lacks it) and for NULL.
#[no_mangle]
pub extern "C" fn cass_aggregate_meta_final_func(aggregate_meta: *const CassAggregateMeta) -> *const CassFunctionMeta {
    guard(|| {
        CassAggregateMeta::from_ptr(aggregate_meta)
            .and_then(|a| a.final_func.as_ref())
            .map_or(std::ptr::null(), Arc::as_ptr)
    })
}

/// The initial condition: a `varchar` value with the CQL literal the server keeps (Cassandra 3.0
/// and later).
///
/// @param[in] aggregate_meta The aggregate (borrowed from its snapshot); NULL allowed.
/// @return The value, borrowed from the snapshot (valid until `cass_schema_meta_free()`, never freed by the
/// caller); a NULL value when the aggregate has none; NULL for a NULL aggregate.
#[no_mangle]
pub extern "C" fn cass_aggregate_meta_init_cond(aggregate_meta: *const CassAggregateMeta) -> *const CassValue {
    guard(|| {
        CassAggregateMeta::from_ptr(aggregate_meta).map_or(std::ptr::null(), |a| CassValue::as_ptr(&a.init_cond.0))
    })
}

/// A raw field of the aggregate's `system_schema.aggregates` row (`keyspace_name`,
/// `aggregate_name`, `argument_types`, `return_type`, `state_type`, `final_func`, `state_func`,
/// `initcond`).
///
/// @param[in] aggregate_meta The aggregate (borrowed from its snapshot); NULL allowed.
/// @param[in] name NUL-terminated field name (exact match); NULL reads as "".
/// @return The field's value, borrowed from the snapshot (valid until `cass_schema_meta_free()`, never
/// freed by the caller); NULL when there is no such field and for NULL.
#[no_mangle]
pub extern "C" fn cass_aggregate_meta_field_by_name(
    aggregate_meta: *const CassAggregateMeta,
    name: *const c_char,
) -> *const CassValue {
    cass_aggregate_meta_field_by_name_n(aggregate_meta, name, safe_strlen(name))
}

/// Same as `cass_aggregate_meta_field_by_name()`, with the length of the name given.
///
/// @param[in] aggregate_meta The aggregate (borrowed from its snapshot); NULL allowed.
/// @param[in] name The name, `name_length` bytes (NULL only with length 0).
/// @param[in] name_length The name's length in bytes.
/// @return As `cass_aggregate_meta_field_by_name()`; NULL also for a name that is not UTF-8.
#[no_mangle]
pub extern "C" fn cass_aggregate_meta_field_by_name_n(
    aggregate_meta: *const CassAggregateMeta,
    name: *const c_char,
    name_length: usize,
) -> *const CassValue {
    guard(|| field(aggregate_meta, name, name_length, |a| &a.fields))
}
