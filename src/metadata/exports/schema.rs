//! `cass_schema_meta_*` and `cass_keyspace_meta_*`.
//!
//! Everything a snapshot hands out (keyspaces, tables, views, columns, indexes, functions,
//! aggregates, data types, field values, names) is borrowed from it: valid until the
//! `CassSchemaMeta` is freed, never freed by C. Names are matched exactly (case-sensitive, no
//! quoting rules), as the C++ driver does.
#![allow(unreachable_pub)] // the C ABI: reached from C, not from Rust

use crate::data_type::CassDataType;
use crate::ffi::strings::safe_strlen;
use crate::ffi::{guard, ArcHandle, RefHandle};
use crate::metadata::loader::full_function_name;
use crate::metadata::model::*;
use crate::metadata::out::{by_name, field, text_out};
use crate::types::{cass_bool_t, cass_uint32_t, CassVersion};
use crate::value::CassValue;
use std::ffi::c_char;
use std::sync::Arc;

/// Frees a schema snapshot; everything obtained from it becomes invalid.
///
/// @param[in] schema_meta The snapshot (from `cass_session_get_schema_meta()`); NULL is ignored.
#[no_mangle]
pub extern "C" fn cass_schema_meta_free(schema_meta: *const CassSchemaMeta) {
    guard(|| CassSchemaMeta::free(schema_meta))
}

/// The snapshot's version: it grows with every schema refresh the session publishes.
///
/// @param[in] schema_meta The snapshot; NULL allowed.
/// @return The version; 0 before the first refresh, with `cass_cluster_set_use_schema(cluster, cass_false)`
/// and for NULL.
#[no_mangle]
pub extern "C" fn cass_schema_meta_snapshot_version(schema_meta: *const CassSchemaMeta) -> cass_uint32_t {
    guard(|| CassSchemaMeta::from_ptr(schema_meta).map_or(0, |s| s.version))
}

/// The release version of the server the session connected to (`system.local`), e.g. 5.0.4.
///
/// @param[in] schema_meta The snapshot; NULL allowed.
/// @return The version (a copy); 0.0.0 before connecting and for NULL.
#[no_mangle]
pub extern "C" fn cass_schema_meta_version(schema_meta: *const CassSchemaMeta) -> CassVersion {
    guard(|| CassSchemaMeta::from_ptr(schema_meta).map_or_else(CassVersion::default, |s| s.server_version))
}

/// Looks a keyspace up by its exact name.
///
/// @param[in] schema_meta The snapshot; NULL allowed.
/// @param[in] keyspace NUL-terminated keyspace name; NULL reads as "".
/// @return The keyspace, borrowed from the snapshot (valid until `cass_schema_meta_free()`, never freed by
/// the caller); NULL when there is none of that name and for NULL.
#[no_mangle]
pub extern "C" fn cass_schema_meta_keyspace_by_name(
    schema_meta: *const CassSchemaMeta,
    keyspace: *const c_char,
) -> *const CassKeyspaceMeta {
    cass_schema_meta_keyspace_by_name_n(schema_meta, keyspace, safe_strlen(keyspace))
}

/// Same as `cass_schema_meta_keyspace_by_name()`, with the length of the name given.
///
/// @param[in] schema_meta The snapshot; NULL allowed.
/// @param[in] keyspace The name, `keyspace_length` bytes (NULL only with length 0).
/// @param[in] keyspace_length The name's length in bytes.
/// @return As `cass_schema_meta_keyspace_by_name()`; NULL also for a name that is not UTF-8.
#[no_mangle]
pub extern "C" fn cass_schema_meta_keyspace_by_name_n(
    schema_meta: *const CassSchemaMeta,
    keyspace: *const c_char,
    keyspace_length: usize,
) -> *const CassKeyspaceMeta {
    guard(|| {
        // The snapshot is an Arc handle, so it is borrowed here the Arc way.
        let Some(schema) = CassSchemaMeta::from_ptr(schema_meta) else {
            return std::ptr::null();
        };
        match crate::ffi::strings::str_n(keyspace, keyspace_length) {
            Ok(name) => schema.keyspace(name).map_or(std::ptr::null(), CassKeyspaceMeta::as_ptr),
            Err(_) => std::ptr::null(),
        }
    })
}

/// The keyspace's name.
///
/// @param[in] keyspace_meta The keyspace (borrowed from its snapshot); NULL allowed.
/// @param[out] name Receives the name (not NUL-terminated; "" for a NULL keyspace), borrowed from the
/// snapshot. Nothing is written when it or `name_length` is NULL.
/// @param[out] name_length Receives the name's length in bytes.
#[no_mangle]
pub extern "C" fn cass_keyspace_meta_name(
    keyspace_meta: *const CassKeyspaceMeta,
    name: *mut *const c_char,
    name_length: *mut usize,
) {
    guard(|| text_out(CassKeyspaceMeta::from_ptr(keyspace_meta).map(|k| k.name.as_str()), name, name_length))
}

/// Whether the keyspace is virtual (`system_virtual_schema`, Cassandra 4.0 and later).
///
/// @param[in] keyspace_meta The keyspace (borrowed from its snapshot); NULL allowed.
/// @return `cass_true` for a virtual keyspace; `cass_false` otherwise and for NULL.
#[no_mangle]
pub extern "C" fn cass_keyspace_meta_is_virtual(keyspace_meta: *const CassKeyspaceMeta) -> cass_bool_t {
    guard(|| CassKeyspaceMeta::from_ptr(keyspace_meta).is_some_and(|k| k.is_virtual).into())
}

/// Looks a table up by its exact name (a materialized view is not a table here).
///
/// @param[in] keyspace_meta The keyspace (borrowed from its snapshot); NULL allowed.
/// @param[in] table NUL-terminated table name; NULL reads as "".
/// @return The table, borrowed from the snapshot (valid until `cass_schema_meta_free()`, never freed by the
/// caller); NULL when there is none of that name and for NULL.
#[no_mangle]
pub extern "C" fn cass_keyspace_meta_table_by_name(
    keyspace_meta: *const CassKeyspaceMeta,
    table: *const c_char,
) -> *const CassTableMeta {
    cass_keyspace_meta_table_by_name_n(keyspace_meta, table, safe_strlen(table))
}

/// Same as `cass_keyspace_meta_table_by_name()`, with the length of the name given.
///
/// @param[in] keyspace_meta The keyspace (borrowed from its snapshot); NULL allowed.
/// @param[in] table The name, `table_length` bytes (NULL only with length 0).
/// @param[in] table_length The name's length in bytes.
/// @return As `cass_keyspace_meta_table_by_name()`.
#[no_mangle]
pub extern "C" fn cass_keyspace_meta_table_by_name_n(
    keyspace_meta: *const CassKeyspaceMeta,
    table: *const c_char,
    table_length: usize,
) -> *const CassTableMeta {
    guard(|| by_name(keyspace_meta, table, table_length, |k, name| k.table(name).map(Arc::as_ptr)))
}

/// Looks a materialized view up by its exact name.
///
/// @param[in] keyspace_meta The keyspace (borrowed from its snapshot); NULL allowed.
/// @param[in] view NUL-terminated view name; NULL reads as "".
/// @return The view, borrowed from the snapshot (valid until `cass_schema_meta_free()`, never freed by the
/// caller); NULL when there is none of that name and for NULL.
#[no_mangle]
pub extern "C" fn cass_keyspace_meta_materialized_view_by_name(
    keyspace_meta: *const CassKeyspaceMeta,
    view: *const c_char,
) -> *const CassMaterializedViewMeta {
    cass_keyspace_meta_materialized_view_by_name_n(keyspace_meta, view, safe_strlen(view))
}

/// Same as `cass_keyspace_meta_materialized_view_by_name()`, with the length of the name given.
///
/// @param[in] keyspace_meta The keyspace (borrowed from its snapshot); NULL allowed.
/// @param[in] view The name, `view_length` bytes (NULL only with length 0).
/// @param[in] view_length The name's length in bytes.
/// @return As `cass_keyspace_meta_materialized_view_by_name()`.
#[no_mangle]
pub extern "C" fn cass_keyspace_meta_materialized_view_by_name_n(
    keyspace_meta: *const CassKeyspaceMeta,
    view: *const c_char,
    view_length: usize,
) -> *const CassMaterializedViewMeta {
    guard(|| by_name(keyspace_meta, view, view_length, |k, name| k.view(name).map(Arc::as_ptr)))
}

/// Looks a user type up by its exact name.
///
/// @param[in] keyspace_meta The keyspace (borrowed from its snapshot); NULL allowed.
/// @param[in] type_ NUL-terminated type name; NULL reads as "".
/// @return The data type, borrowed from the snapshot (valid until `cass_schema_meta_free()`, never freed by
/// the caller); read-only (the `cass_data_type_*` setters refuse it; copy it with
/// `cass_data_type_new_from_existing()`). NULL when there is none of that name and for NULL.
#[no_mangle]
pub extern "C" fn cass_keyspace_meta_user_type_by_name(
    keyspace_meta: *const CassKeyspaceMeta,
    type_: *const c_char,
) -> *const CassDataType {
    cass_keyspace_meta_user_type_by_name_n(keyspace_meta, type_, safe_strlen(type_))
}

/// Same as `cass_keyspace_meta_user_type_by_name()`, with the length of the name given.
///
/// @param[in] keyspace_meta The keyspace (borrowed from its snapshot); NULL allowed.
/// @param[in] type_ The name, `type_length` bytes (NULL only with length 0).
/// @param[in] type_length The name's length in bytes.
/// @return As `cass_keyspace_meta_user_type_by_name()`.
#[no_mangle]
pub extern "C" fn cass_keyspace_meta_user_type_by_name_n(
    keyspace_meta: *const CassKeyspaceMeta,
    type_: *const c_char,
    type_length: usize,
) -> *const CassDataType {
    guard(|| by_name(keyspace_meta, type_, type_length, |k, name| k.user_type(name).map(Arc::as_ptr)))
}

/// Looks a function up by its name and argument types.
///
/// @param[in] keyspace_meta The keyspace (borrowed from its snapshot); NULL allowed.
/// @param[in] name NUL-terminated function name; NULL reads as "".
/// @param[in] arguments NUL-terminated, comma-separated list of the argument types as the server writes
/// them ("text,int"; white space is ignored); NULL reads as "" (no arguments).
/// @return The function, borrowed from the snapshot (valid until `cass_schema_meta_free()`, never freed by
/// the caller); NULL when there is no such function and for NULL.
#[no_mangle]
pub extern "C" fn cass_keyspace_meta_function_by_name(
    keyspace_meta: *const CassKeyspaceMeta,
    name: *const c_char,
    arguments: *const c_char,
) -> *const CassFunctionMeta {
    cass_keyspace_meta_function_by_name_n(keyspace_meta, name, safe_strlen(name), arguments, safe_strlen(arguments))
}

/// The full name `name(type1,type2)` that functions and aggregates are keyed by.
fn signature(
    name: *const c_char,
    name_length: usize,
    arguments: *const c_char,
    arguments_length: usize,
) -> Option<String> {
    let name = crate::ffi::strings::str_n(name, name_length).ok()?;
    let arguments = crate::ffi::strings::str_n(arguments, arguments_length).ok()?;
    Some(full_function_name(name, arguments.split(',')))
}

/// Same as `cass_keyspace_meta_function_by_name()`, with the lengths of the strings given.
///
/// @param[in] keyspace_meta The keyspace (borrowed from its snapshot); NULL allowed.
/// @param[in] name The function name, `name_length` bytes (NULL only with length 0).
/// @param[in] name_length The name's length in bytes.
/// @param[in] arguments The argument type list, `arguments_length` bytes (NULL only with length 0).
/// @param[in] arguments_length The list's length in bytes.
/// @return As `cass_keyspace_meta_function_by_name()`; NULL also for text that is not UTF-8.
#[no_mangle]
pub extern "C" fn cass_keyspace_meta_function_by_name_n(
    keyspace_meta: *const CassKeyspaceMeta,
    name: *const c_char,
    name_length: usize,
    arguments: *const c_char,
    arguments_length: usize,
) -> *const CassFunctionMeta {
    guard(|| {
        let (Some(keyspace), Some(full)) =
            (CassKeyspaceMeta::from_ptr(keyspace_meta), signature(name, name_length, arguments, arguments_length))
        else {
            return std::ptr::null();
        };
        keyspace.function(&full).map_or(std::ptr::null(), Arc::as_ptr)
    })
}

/// Looks an aggregate up by its name and argument types.
///
/// @param[in] keyspace_meta The keyspace (borrowed from its snapshot); NULL allowed.
/// @param[in] name NUL-terminated aggregate name; NULL reads as "".
/// @param[in] arguments NUL-terminated, comma-separated list of the argument types, as for
/// `cass_keyspace_meta_function_by_name()`.
/// @return The aggregate, borrowed from the snapshot (valid until `cass_schema_meta_free()`, never freed by
/// the caller); NULL when there is no such aggregate and for NULL.
#[no_mangle]
pub extern "C" fn cass_keyspace_meta_aggregate_by_name(
    keyspace_meta: *const CassKeyspaceMeta,
    name: *const c_char,
    arguments: *const c_char,
) -> *const CassAggregateMeta {
    cass_keyspace_meta_aggregate_by_name_n(keyspace_meta, name, safe_strlen(name), arguments, safe_strlen(arguments))
}

/// Same as `cass_keyspace_meta_aggregate_by_name()`, with the lengths of the strings given.
///
/// @param[in] keyspace_meta The keyspace (borrowed from its snapshot); NULL allowed.
/// @param[in] name The aggregate name, `name_length` bytes (NULL only with length 0).
/// @param[in] name_length The name's length in bytes.
/// @param[in] arguments The argument type list, `arguments_length` bytes (NULL only with length 0).
/// @param[in] arguments_length The list's length in bytes.
/// @return As `cass_keyspace_meta_aggregate_by_name()`; NULL also for text that is not UTF-8.
#[no_mangle]
pub extern "C" fn cass_keyspace_meta_aggregate_by_name_n(
    keyspace_meta: *const CassKeyspaceMeta,
    name: *const c_char,
    name_length: usize,
    arguments: *const c_char,
    arguments_length: usize,
) -> *const CassAggregateMeta {
    guard(|| {
        let (Some(keyspace), Some(full)) =
            (CassKeyspaceMeta::from_ptr(keyspace_meta), signature(name, name_length, arguments, arguments_length))
        else {
            return std::ptr::null();
        };
        keyspace.aggregate(&full).map_or(std::ptr::null(), Arc::as_ptr)
    })
}

/// A raw field of the keyspace's `system_schema.keyspaces` row: `keyspace_name`,
/// `durable_writes`, `replication` (those the row has).
///
/// @param[in] keyspace_meta The keyspace (borrowed from its snapshot); NULL allowed.
/// @param[in] name NUL-terminated field name (exact match); NULL reads as "".
/// @return The field's value, borrowed from the snapshot (valid until `cass_schema_meta_free()`, never
/// freed by the caller); a column that is null in the row is a NULL value, not a NULL pointer. NULL when
/// there is no such field and for NULL.
#[no_mangle]
pub extern "C" fn cass_keyspace_meta_field_by_name(
    keyspace_meta: *const CassKeyspaceMeta,
    name: *const c_char,
) -> *const CassValue {
    cass_keyspace_meta_field_by_name_n(keyspace_meta, name, safe_strlen(name))
}

/// Same as `cass_keyspace_meta_field_by_name()`, with the length of the name given.
///
/// @param[in] keyspace_meta The keyspace (borrowed from its snapshot); NULL allowed.
/// @param[in] name The name, `name_length` bytes (NULL only with length 0).
/// @param[in] name_length The name's length in bytes.
/// @return As `cass_keyspace_meta_field_by_name()`.
#[no_mangle]
pub extern "C" fn cass_keyspace_meta_field_by_name_n(
    keyspace_meta: *const CassKeyspaceMeta,
    name: *const c_char,
    name_length: usize,
) -> *const CassValue {
    guard(|| field(keyspace_meta, name, name_length, |k| &k.fields))
}
