//! Iterators over schema metadata: keyspaces of a snapshot; tables, views, user types, functions
//! and aggregates of a keyspace; columns, indexes and views of a table; columns of a view; the raw
//! fields of any object. Order: by name (functions and aggregates by full name), columns as
//! `cass_table_meta_column()`, indexes by name, fields by name, as with the C++ driver.
//!
//! An iterator points into its schema snapshot, which must outlive it (as upstream). Free it with
//! `cass_iterator_free()`; what `cass_iterator_get_*` returns is borrowed from the snapshot.
#![allow(unreachable_pub)] // the C ABI: reached from C, not from Rust

use crate::data_type::CassDataType;
use crate::error::CassError;
use crate::ffi::strings::write_str_out;
use crate::ffi::{guard, ArcHandle, BoxHandle, RefHandle};
use crate::iterator::CassIterator;
use crate::metadata::model::*;
use crate::types::CassIteratorType;
use crate::value::CassValue;
use std::ffi::c_char;
use std::sync::Arc;

/// What a metadata iterator walks: a slice of the snapshot.
pub enum MetaCursor {
    Keyspaces(*const [Arc<CassKeyspaceMeta>]),
    Tables(*const [Arc<CassTableMeta>]),
    Views(*const [Arc<CassMaterializedViewMeta>]),
    UserTypes(*const [Arc<CassDataType>]),
    Functions(*const [Arc<CassFunctionMeta>]),
    Aggregates(*const [Arc<CassAggregateMeta>]),
    Columns(*const [Arc<CassColumnMeta>]),
    Indexes(*const [CassIndexMeta]),
    Fields(*const [MetaField]),
}

impl MetaCursor {
    pub fn len(&self) -> usize {
        match *self {
            MetaCursor::Keyspaces(s) => s.len(),
            MetaCursor::Tables(s) => s.len(),
            MetaCursor::Views(s) => s.len(),
            MetaCursor::UserTypes(s) => s.len(),
            MetaCursor::Functions(s) => s.len(),
            MetaCursor::Aggregates(s) => s.len(),
            MetaCursor::Columns(s) => s.len(),
            MetaCursor::Indexes(s) => s.len(),
            MetaCursor::Fields(s) => s.len(),
        }
    }

    pub fn kind(&self) -> CassIteratorType {
        use CassIteratorType::*;
        match self {
            MetaCursor::Keyspaces(_) => CASS_ITERATOR_TYPE_KEYSPACE_META,
            MetaCursor::Tables(_) => CASS_ITERATOR_TYPE_TABLE_META,
            MetaCursor::Views(_) => CASS_ITERATOR_TYPE_MATERIALIZED_VIEW_META,
            MetaCursor::UserTypes(_) => CASS_ITERATOR_TYPE_TYPE_META,
            MetaCursor::Functions(_) => CASS_ITERATOR_TYPE_FUNCTION_META,
            MetaCursor::Aggregates(_) => CASS_ITERATOR_TYPE_AGGREGATE_META,
            MetaCursor::Columns(_) => CASS_ITERATOR_TYPE_COLUMN_META,
            MetaCursor::Indexes(_) => CASS_ITERATOR_TYPE_INDEX_META,
            MetaCursor::Fields(_) => CASS_ITERATOR_TYPE_META_FIELD,
        }
    }
}

/// Item `index` of a snapshot slice.
fn item<'a, T>(slice: *const [T], index: usize) -> Option<&'a T> {
    // SAFETY: the slice lies inside a schema snapshot, immutable and alive while the C caller uses
    // an iterator over it (the API contract: the snapshot outlives its iterators).
    unsafe { &*slice }.get(index)
}

/// A new iterator over `cursor`, or NULL when the parent object is NULL.
fn new_iterator<M>(parent: Option<&M>, cursor: impl FnOnce(&M) -> MetaCursor) -> *mut CassIterator {
    match parent {
        Some(parent) => CassIterator::from_meta(cursor(parent)).into_ptr(),
        None => std::ptr::null_mut(),
    }
}

/// The iterator's current item, if the iterator walks metadata and is on an item.
fn current<'a>(iterator: *const CassIterator) -> Option<(&'a MetaCursor, usize)> {
    CassIterator::from_ptr(iterator).and_then(CassIterator::meta_position)
}

/// Creates an iterator over the snapshot's keyspaces (by name; virtual ones included).
///
/// @param[in] schema_meta The snapshot; NULL allowed.
/// @return A new iterator, owned by the caller: free it with `cass_iterator_free()` (the snapshot must
/// outlive it); NULL for NULL.
#[no_mangle]
pub extern "C" fn cass_iterator_keyspaces_from_schema_meta(schema_meta: *const CassSchemaMeta) -> *mut CassIterator {
    guard(|| new_iterator(CassSchemaMeta::from_ptr(schema_meta), |s| MetaCursor::Keyspaces(s.keyspaces.as_slice())))
}

/// Creates an iterator over the keyspace's tables (by name).
///
/// @param[in] keyspace_meta The keyspace (borrowed from its snapshot); NULL allowed.
/// @return A new iterator, owned by the caller: free it with `cass_iterator_free()` (the snapshot must
/// outlive it); NULL for NULL.
#[no_mangle]
pub extern "C" fn cass_iterator_tables_from_keyspace_meta(keyspace_meta: *const CassKeyspaceMeta) -> *mut CassIterator {
    guard(|| new_iterator(CassKeyspaceMeta::from_ptr(keyspace_meta), |k| MetaCursor::Tables(k.tables.as_slice())))
}

/// Creates an iterator over the keyspace's materialized views (by name).
///
/// @param[in] keyspace_meta The keyspace (borrowed from its snapshot); NULL allowed.
/// @return A new iterator, owned by the caller: free it with `cass_iterator_free()` (the snapshot must
/// outlive it); NULL for NULL.
#[no_mangle]
pub extern "C" fn cass_iterator_materialized_views_from_keyspace_meta(
    keyspace_meta: *const CassKeyspaceMeta,
) -> *mut CassIterator {
    guard(|| new_iterator(CassKeyspaceMeta::from_ptr(keyspace_meta), |k| MetaCursor::Views(k.views.as_slice())))
}

/// Creates an iterator over the keyspace's user types (by name; `cass_iterator_get_user_type()`).
///
/// @param[in] keyspace_meta The keyspace (borrowed from its snapshot); NULL allowed.
/// @return A new iterator, owned by the caller: free it with `cass_iterator_free()` (the snapshot must
/// outlive it); NULL for NULL.
#[no_mangle]
pub extern "C" fn cass_iterator_user_types_from_keyspace_meta(
    keyspace_meta: *const CassKeyspaceMeta,
) -> *mut CassIterator {
    guard(|| {
        new_iterator(CassKeyspaceMeta::from_ptr(keyspace_meta), |k| MetaCursor::UserTypes(k.user_types.as_slice()))
    })
}

/// Creates an iterator over the keyspace's functions (by full name).
///
/// @param[in] keyspace_meta The keyspace (borrowed from its snapshot); NULL allowed.
/// @return A new iterator, owned by the caller: free it with `cass_iterator_free()` (the snapshot must
/// outlive it); NULL for NULL.
#[no_mangle]
pub extern "C" fn cass_iterator_functions_from_keyspace_meta(
    keyspace_meta: *const CassKeyspaceMeta,
) -> *mut CassIterator {
    guard(|| new_iterator(CassKeyspaceMeta::from_ptr(keyspace_meta), |k| MetaCursor::Functions(k.functions.as_slice())))
}

/// Creates an iterator over the keyspace's aggregates (by full name).
///
/// @param[in] keyspace_meta The keyspace (borrowed from its snapshot); NULL allowed.
/// @return A new iterator, owned by the caller: free it with `cass_iterator_free()` (the snapshot must
/// outlive it); NULL for NULL.
#[no_mangle]
pub extern "C" fn cass_iterator_aggregates_from_keyspace_meta(
    keyspace_meta: *const CassKeyspaceMeta,
) -> *mut CassIterator {
    guard(|| {
        new_iterator(CassKeyspaceMeta::from_ptr(keyspace_meta), |k| MetaCursor::Aggregates(k.aggregates.as_slice()))
    })
}

/// Creates an iterator over the keyspace's raw fields (by name; `cass_iterator_get_meta_field_name()` /
/// `_value()`).
///
/// @param[in] keyspace_meta The keyspace (borrowed from its snapshot); NULL allowed.
/// @return A new iterator, owned by the caller: free it with `cass_iterator_free()` (the snapshot must
/// outlive it); NULL for NULL.
#[no_mangle]
pub extern "C" fn cass_iterator_fields_from_keyspace_meta(keyspace_meta: *const CassKeyspaceMeta) -> *mut CassIterator {
    guard(|| new_iterator(CassKeyspaceMeta::from_ptr(keyspace_meta), |k| MetaCursor::Fields(k.fields.as_slice())))
}

/// Creates an iterator over the table's columns (partition key, clustering key, then the others).
///
/// @param[in] table_meta The table (borrowed from its snapshot); NULL allowed.
/// @return A new iterator, owned by the caller: free it with `cass_iterator_free()` (the snapshot must
/// outlive it); NULL for NULL.
#[no_mangle]
pub extern "C" fn cass_iterator_columns_from_table_meta(table_meta: *const CassTableMeta) -> *mut CassIterator {
    guard(|| new_iterator(CassTableMeta::from_ptr(table_meta), |t| MetaCursor::Columns(t.columns.columns.as_slice())))
}

/// Creates an iterator over the table's secondary indexes (by name).
///
/// @param[in] table_meta The table (borrowed from its snapshot); NULL allowed.
/// @return A new iterator, owned by the caller: free it with `cass_iterator_free()` (the snapshot must
/// outlive it); NULL for NULL.
#[no_mangle]
pub extern "C" fn cass_iterator_indexes_from_table_meta(table_meta: *const CassTableMeta) -> *mut CassIterator {
    guard(|| new_iterator(CassTableMeta::from_ptr(table_meta), |t| MetaCursor::Indexes(t.indexes.as_slice())))
}

/// Creates an iterator over the table's materialized views (by name).
///
/// @param[in] table_meta The table (borrowed from its snapshot); NULL allowed.
/// @return A new iterator, owned by the caller: free it with `cass_iterator_free()` (the snapshot must
/// outlive it); NULL for NULL.
#[no_mangle]
pub extern "C" fn cass_iterator_materialized_views_from_table_meta(
    table_meta: *const CassTableMeta,
) -> *mut CassIterator {
    guard(|| new_iterator(CassTableMeta::from_ptr(table_meta), |t| MetaCursor::Views(t.views.as_slice())))
}

/// Creates an iterator over the table's raw fields (by name).
///
/// @param[in] table_meta The table (borrowed from its snapshot); NULL allowed.
/// @return A new iterator, owned by the caller: free it with `cass_iterator_free()` (the snapshot must
/// outlive it); NULL for NULL.
#[no_mangle]
pub extern "C" fn cass_iterator_fields_from_table_meta(table_meta: *const CassTableMeta) -> *mut CassIterator {
    guard(|| new_iterator(CassTableMeta::from_ptr(table_meta), |t| MetaCursor::Fields(t.fields.as_slice())))
}

/// Creates an iterator over the view's columns (partition key, clustering key, then the others).
///
/// @param[in] view_meta The materialized view (borrowed from its snapshot); NULL allowed.
/// @return A new iterator, owned by the caller: free it with `cass_iterator_free()` (the snapshot must
/// outlive it); NULL for NULL.
#[no_mangle]
pub extern "C" fn cass_iterator_columns_from_materialized_view_meta(
    view_meta: *const CassMaterializedViewMeta,
) -> *mut CassIterator {
    guard(|| {
        new_iterator(CassMaterializedViewMeta::from_ptr(view_meta), |v| {
            MetaCursor::Columns(v.columns.columns.as_slice())
        })
    })
}

/// Creates an iterator over the view's raw fields (by name).
///
/// @param[in] view_meta The materialized view (borrowed from its snapshot); NULL allowed.
/// @return A new iterator, owned by the caller: free it with `cass_iterator_free()` (the snapshot must
/// outlive it); NULL for NULL.
#[no_mangle]
pub extern "C" fn cass_iterator_fields_from_materialized_view_meta(
    view_meta: *const CassMaterializedViewMeta,
) -> *mut CassIterator {
    guard(|| new_iterator(CassMaterializedViewMeta::from_ptr(view_meta), |v| MetaCursor::Fields(v.fields.as_slice())))
}

/// Creates an iterator over the column's raw fields (by name).
///
/// @param[in] column_meta The column (borrowed from its snapshot); NULL allowed.
/// @return A new iterator, owned by the caller: free it with `cass_iterator_free()` (the snapshot must
/// outlive it); NULL for NULL.
#[no_mangle]
pub extern "C" fn cass_iterator_fields_from_column_meta(column_meta: *const CassColumnMeta) -> *mut CassIterator {
    guard(|| new_iterator(CassColumnMeta::from_ptr(column_meta), |c| MetaCursor::Fields(c.fields.as_slice())))
}

/// Creates an iterator over the index's raw fields (`kind`, `options`).
///
/// @param[in] index_meta The index (borrowed from its snapshot); NULL allowed.
/// @return A new iterator, owned by the caller: free it with `cass_iterator_free()` (the snapshot must
/// outlive it); NULL for NULL.
#[no_mangle]
pub extern "C" fn cass_iterator_fields_from_index_meta(index_meta: *const CassIndexMeta) -> *mut CassIterator {
    guard(|| new_iterator(CassIndexMeta::from_ptr(index_meta), |i| MetaCursor::Fields(i.fields.as_slice())))
}

/// Creates an iterator over the function's raw fields (by name).
///
/// @param[in] function_meta The function (borrowed from its snapshot); NULL allowed.
/// @return A new iterator, owned by the caller: free it with `cass_iterator_free()` (the snapshot must
/// outlive it); NULL for NULL.
#[no_mangle]
pub extern "C" fn cass_iterator_fields_from_function_meta(function_meta: *const CassFunctionMeta) -> *mut CassIterator {
    guard(|| new_iterator(CassFunctionMeta::from_ptr(function_meta), |f| MetaCursor::Fields(f.fields.as_slice())))
}

/// Creates an iterator over the aggregate's raw fields (by name).
///
/// @param[in] aggregate_meta The aggregate (borrowed from its snapshot); NULL allowed.
/// @return A new iterator, owned by the caller: free it with `cass_iterator_free()` (the snapshot must
/// outlive it); NULL for NULL.
#[no_mangle]
pub extern "C" fn cass_iterator_fields_from_aggregate_meta(
    aggregate_meta: *const CassAggregateMeta,
) -> *mut CassIterator {
    guard(|| new_iterator(CassAggregateMeta::from_ptr(aggregate_meta), |a| MetaCursor::Fields(a.fields.as_slice())))
}

/// The keyspace at the position of a keyspace iterator.
///
/// @param[in] iterator The iterator; NULL allowed.
/// @return The keyspace, borrowed from the snapshot (valid until `cass_schema_meta_free()`, never freed by
/// the caller); NULL for another kind of iterator, before the first or after the last item, and for NULL.
#[no_mangle]
pub extern "C" fn cass_iterator_get_keyspace_meta(iterator: *const CassIterator) -> *const CassKeyspaceMeta {
    guard(|| match current(iterator) {
        Some((MetaCursor::Keyspaces(s), i)) => item(*s, i).map_or(std::ptr::null(), Arc::as_ptr),
        _ => std::ptr::null(),
    })
}

/// The table at the position of a table iterator.
///
/// @param[in] iterator The iterator; NULL allowed.
/// @return The table, borrowed from the snapshot (valid until `cass_schema_meta_free()`, never freed by the
/// caller); NULL for another kind of iterator, before the first or after the last item, and for NULL.
#[no_mangle]
pub extern "C" fn cass_iterator_get_table_meta(iterator: *const CassIterator) -> *const CassTableMeta {
    guard(|| match current(iterator) {
        Some((MetaCursor::Tables(s), i)) => item(*s, i).map_or(std::ptr::null(), Arc::as_ptr),
        _ => std::ptr::null(),
    })
}

/// The view at the position of a materialized view iterator.
///
/// @param[in] iterator The iterator; NULL allowed.
/// @return The view, borrowed from the snapshot (valid until `cass_schema_meta_free()`, never freed by the
/// caller); NULL for another kind of iterator, before the first or after the last item, and for NULL.
#[no_mangle]
pub extern "C" fn cass_iterator_get_materialized_view_meta(
    iterator: *const CassIterator,
) -> *const CassMaterializedViewMeta {
    guard(|| match current(iterator) {
        Some((MetaCursor::Views(s), i)) => item(*s, i).map_or(std::ptr::null(), Arc::as_ptr),
        _ => std::ptr::null(),
    })
}

/// The user type at the position of a user type iterator.
///
/// @param[in] iterator The iterator; NULL allowed.
/// @return The user type, borrowed from the snapshot (valid until `cass_schema_meta_free()`, never freed by
/// the caller); NULL for another kind of iterator, before the first or after the last item, and for NULL.
#[no_mangle]
pub extern "C" fn cass_iterator_get_user_type(iterator: *const CassIterator) -> *const CassDataType {
    guard(|| match current(iterator) {
        Some((MetaCursor::UserTypes(s), i)) => item(*s, i).map_or(std::ptr::null(), Arc::as_ptr),
        _ => std::ptr::null(),
    })
}

/// The function at the position of a function iterator.
///
/// @param[in] iterator The iterator; NULL allowed.
/// @return The function, borrowed from the snapshot (valid until `cass_schema_meta_free()`, never freed by
/// the caller); NULL for another kind of iterator, before the first or after the last item, and for NULL.
#[no_mangle]
pub extern "C" fn cass_iterator_get_function_meta(iterator: *const CassIterator) -> *const CassFunctionMeta {
    guard(|| match current(iterator) {
        Some((MetaCursor::Functions(s), i)) => item(*s, i).map_or(std::ptr::null(), Arc::as_ptr),
        _ => std::ptr::null(),
    })
}

/// The aggregate at the position of an aggregate iterator.
///
/// @param[in] iterator The iterator; NULL allowed.
/// @return The aggregate, borrowed from the snapshot (valid until `cass_schema_meta_free()`, never freed by
/// the caller); NULL for another kind of iterator, before the first or after the last item, and for NULL.
#[no_mangle]
pub extern "C" fn cass_iterator_get_aggregate_meta(iterator: *const CassIterator) -> *const CassAggregateMeta {
    guard(|| match current(iterator) {
        Some((MetaCursor::Aggregates(s), i)) => item(*s, i).map_or(std::ptr::null(), Arc::as_ptr),
        _ => std::ptr::null(),
    })
}

/// The column at the position of a column iterator.
///
/// @param[in] iterator The iterator; NULL allowed.
/// @return The column, borrowed from the snapshot (valid until `cass_schema_meta_free()`, never freed by
/// the caller); NULL for another kind of iterator, before the first or after the last item, and for NULL.
#[no_mangle]
pub extern "C" fn cass_iterator_get_column_meta(iterator: *const CassIterator) -> *const CassColumnMeta {
    guard(|| match current(iterator) {
        Some((MetaCursor::Columns(s), i)) => item(*s, i).map_or(std::ptr::null(), Arc::as_ptr),
        _ => std::ptr::null(),
    })
}

/// The index at the position of an index iterator.
///
/// @param[in] iterator The iterator; NULL allowed.
/// @return The index, borrowed from the snapshot (valid until `cass_schema_meta_free()`, never freed by the
/// caller); NULL for another kind of iterator, before the first or after the last item, and for NULL.
#[no_mangle]
pub extern "C" fn cass_iterator_get_index_meta(iterator: *const CassIterator) -> *const CassIndexMeta {
    guard(|| match current(iterator) {
        Some((MetaCursor::Indexes(s), i)) => item(*s, i).map_or(std::ptr::null(), CassIndexMeta::as_ptr),
        _ => std::ptr::null(),
    })
}

/// The name of the raw field at a field iterator's position.
///
/// @param[in] iterator The field iterator; NULL gives `CASS_ERROR_LIB_BAD_PARAMS`.
/// @param[out] name Receives the name (not NUL-terminated), borrowed from the snapshot. Must not be NULL.
/// @param[out] name_length Receives the name's length in bytes. Must not be NULL.
/// @return `CASS_OK`; `CASS_ERROR_LIB_BAD_PARAMS` for another kind of iterator, before the first or after
/// the last field, and for NULL arguments.
#[no_mangle]
pub extern "C" fn cass_iterator_get_meta_field_name(
    iterator: *const CassIterator,
    name: *mut *const c_char,
    name_length: *mut usize,
) -> CassError {
    guard(|| match current(iterator) {
        Some((MetaCursor::Fields(s), i)) => match item(*s, i) {
            Some(field) => write_str_out(field.name().as_bytes(), name, name_length),
            None => CassError::CASS_ERROR_LIB_BAD_PARAMS,
        },
        _ => CassError::CASS_ERROR_LIB_BAD_PARAMS,
    })
}

/// The value of the raw field at a field iterator's position.
///
/// @param[in] iterator The iterator; NULL allowed.
/// @return The value, borrowed from the snapshot (valid until `cass_schema_meta_free()`, never freed by the
/// caller); never NULL on a field (a column that is null in the row is a NULL value); NULL for another kind
/// of iterator, off the fields, and for NULL.
#[no_mangle]
pub extern "C" fn cass_iterator_get_meta_field_value(iterator: *const CassIterator) -> *const CassValue {
    guard(|| match current(iterator) {
        Some((MetaCursor::Fields(s), i)) => item(*s, i).map_or(std::ptr::null(), |f| CassValue::as_ptr(&f.value.0)),
        _ => std::ptr::null(),
    })
}
