//! `cass_table_meta_*`, `cass_materialized_view_meta_*`, `cass_column_meta_*` and
//! `cass_index_meta_*`. Everything returned is borrowed from the schema snapshot (valid until
//! `cass_schema_meta_free()`).
//!
//! Columns come partition key first, then clustering key, then the others by name, as with the
//! C++ driver.
#![allow(unreachable_pub)] // the C ABI: reached from C, not from Rust

use crate::data_type::CassDataType;
use crate::ffi::strings::safe_strlen;
use crate::ffi::{guard, RefHandle};
use crate::metadata::model::*;
use crate::metadata::out::{by_name, field, text_out};
use crate::types::{cass_bool_t, CassClusteringOrder, CassColumnType, CassIndexType};
use crate::value::CassValue;
use std::ffi::c_char;
use std::sync::Arc;

fn nth<T>(items: &[Arc<T>], index: usize) -> *const T {
    items.get(index).map_or(std::ptr::null(), Arc::as_ptr)
}

fn order(columns: &ColumnSet, index: usize) -> CassClusteringOrder {
    columns.clustering_order.get(index).copied().unwrap_or(CassClusteringOrder::CASS_CLUSTERING_ORDER_NONE)
}

// ---- tables ----

/// The table's name.
///
/// @param[in] table_meta The table (borrowed from its snapshot); NULL allowed.
/// @param[out] name Receives the name (not NUL-terminated; "" for NULL), borrowed from the snapshot.
/// Nothing is written when it or `name_length` is NULL.
/// @param[out] name_length Receives the text's length in bytes.
#[no_mangle]
pub extern "C" fn cass_table_meta_name(
    table_meta: *const CassTableMeta,
    name: *mut *const c_char,
    name_length: *mut usize,
) {
    guard(|| text_out(CassTableMeta::from_ptr(table_meta).map(|t| t.name.as_str()), name, name_length))
}

/// Whether the table is virtual (in a virtual keyspace).
///
/// @param[in] table_meta The table (borrowed from its snapshot); NULL allowed.
/// @return `cass_true` for a virtual table; `cass_false` otherwise and for NULL.
#[no_mangle]
pub extern "C" fn cass_table_meta_is_virtual(table_meta: *const CassTableMeta) -> cass_bool_t {
    guard(|| CassTableMeta::from_ptr(table_meta).is_some_and(|t| t.is_virtual).into())
}

/// Looks a column up by its exact name.
///
/// @param[in] table_meta The table (borrowed from its snapshot); NULL allowed.
/// @param[in] column NUL-terminated column name (exact match); NULL reads as "".
/// @return The column, borrowed from the snapshot (valid until `cass_schema_meta_free()`, never freed by
/// the caller); NULL when there is none of that name and for NULL.
#[no_mangle]
pub extern "C" fn cass_table_meta_column_by_name(
    table_meta: *const CassTableMeta,
    column: *const c_char,
) -> *const CassColumnMeta {
    cass_table_meta_column_by_name_n(table_meta, column, safe_strlen(column))
}

/// Same as `cass_table_meta_column_by_name()`, with the length of the name given.
///
/// @param[in] table_meta The table (borrowed from its snapshot); NULL allowed.
/// @param[in] column The name, `column_length` bytes (NULL only with length 0).
/// @param[in] column_length The name's length in bytes.
/// @return As `cass_table_meta_column_by_name()`; NULL also for a name that is not UTF-8.
#[no_mangle]
pub extern "C" fn cass_table_meta_column_by_name_n(
    table_meta: *const CassTableMeta,
    column: *const c_char,
    column_length: usize,
) -> *const CassColumnMeta {
    guard(|| by_name(table_meta, column, column_length, |t, name| t.columns.column(name).map(Arc::as_ptr)))
}

/// The number of columns.
///
/// @param[in] table_meta The table (borrowed from its snapshot); NULL allowed.
/// @return The count; 0 for NULL.
#[no_mangle]
pub extern "C" fn cass_table_meta_column_count(table_meta: *const CassTableMeta) -> usize {
    guard(|| CassTableMeta::from_ptr(table_meta).map_or(0, |t| t.columns.columns.len()))
}

/// The column at `index` (partition key, clustering key, then the others by name).
///
/// @param[in] table_meta The table (borrowed from its snapshot); NULL allowed.
/// @param[in] index The position, from 0 to `cass_table_meta_column_count()` - 1.
/// @return The column, borrowed from the snapshot (valid until `cass_schema_meta_free()`, never freed by
/// the caller); NULL when `index` is out of range and for NULL.
#[no_mangle]
pub extern "C" fn cass_table_meta_column(table_meta: *const CassTableMeta, index: usize) -> *const CassColumnMeta {
    guard(|| CassTableMeta::from_ptr(table_meta).map_or(std::ptr::null(), |t| nth(&t.columns.columns, index)))
}

/// Looks a secondary index up by its exact name.
///
/// @param[in] table_meta The table (borrowed from its snapshot); NULL allowed.
/// @param[in] index NUL-terminated index name (exact match); NULL reads as "".
/// @return The index, borrowed from the snapshot (valid until `cass_schema_meta_free()`, never freed by the
/// caller); NULL when there is none of that name and for NULL.
#[no_mangle]
pub extern "C" fn cass_table_meta_index_by_name(
    table_meta: *const CassTableMeta,
    index: *const c_char,
) -> *const CassIndexMeta {
    cass_table_meta_index_by_name_n(table_meta, index, safe_strlen(index))
}

/// Same as `cass_table_meta_index_by_name()`, with the length of the name given.
///
/// @param[in] table_meta The table (borrowed from its snapshot); NULL allowed.
/// @param[in] index The name, `index_length` bytes (NULL only with length 0).
/// @param[in] index_length The name's length in bytes.
/// @return As `cass_table_meta_index_by_name()`; NULL also for a name that is not UTF-8.
#[no_mangle]
pub extern "C" fn cass_table_meta_index_by_name_n(
    table_meta: *const CassTableMeta,
    index: *const c_char,
    index_length: usize,
) -> *const CassIndexMeta {
    guard(|| by_name(table_meta, index, index_length, |t, name| t.index(name).map(CassIndexMeta::as_ptr)))
}

/// The number of secondary indexes.
///
/// @param[in] table_meta The table (borrowed from its snapshot); NULL allowed.
/// @return The count; 0 for NULL.
#[no_mangle]
pub extern "C" fn cass_table_meta_index_count(table_meta: *const CassTableMeta) -> usize {
    guard(|| CassTableMeta::from_ptr(table_meta).map_or(0, |t| t.indexes.len()))
}

/// The secondary index at `index` (by name order).
///
/// @param[in] table_meta The table (borrowed from its snapshot); NULL allowed.
/// @param[in] index The position, from 0 to `cass_table_meta_index_count()` - 1.
/// @return The index, borrowed from the snapshot (valid until `cass_schema_meta_free()`, never freed by the
/// caller); NULL when `index` is out of range and for NULL.
#[no_mangle]
pub extern "C" fn cass_table_meta_index(table_meta: *const CassTableMeta, index: usize) -> *const CassIndexMeta {
    guard(|| {
        CassTableMeta::from_ptr(table_meta)
            .and_then(|t| t.indexes.get(index))
            .map_or(std::ptr::null(), CassIndexMeta::as_ptr)
    })
}

/// Looks a materialized view of this table up by its exact name.
///
/// @param[in] table_meta The table (borrowed from its snapshot); NULL allowed.
/// @param[in] view NUL-terminated view name (exact match); NULL reads as "".
/// @return The view, borrowed from the snapshot (valid until `cass_schema_meta_free()`, never freed by the
/// caller); NULL when there is none of that name and for NULL.
#[no_mangle]
pub extern "C" fn cass_table_meta_materialized_view_by_name(
    table_meta: *const CassTableMeta,
    view: *const c_char,
) -> *const CassMaterializedViewMeta {
    cass_table_meta_materialized_view_by_name_n(table_meta, view, safe_strlen(view))
}

/// Same as `cass_table_meta_materialized_view_by_name()`, with the length of the name given.
///
/// @param[in] table_meta The table (borrowed from its snapshot); NULL allowed.
/// @param[in] view The name, `view_length` bytes (NULL only with length 0).
/// @param[in] view_length The name's length in bytes.
/// @return As `cass_table_meta_materialized_view_by_name()`; NULL also for a name that is not UTF-8.
#[no_mangle]
pub extern "C" fn cass_table_meta_materialized_view_by_name_n(
    table_meta: *const CassTableMeta,
    view: *const c_char,
    view_length: usize,
) -> *const CassMaterializedViewMeta {
    guard(|| by_name(table_meta, view, view_length, |t, name| t.view(name).map(Arc::as_ptr)))
}

/// The number of materialized views of this table.
///
/// @param[in] table_meta The table (borrowed from its snapshot); NULL allowed.
/// @return The count; 0 for NULL.
#[no_mangle]
pub extern "C" fn cass_table_meta_materialized_view_count(table_meta: *const CassTableMeta) -> usize {
    guard(|| CassTableMeta::from_ptr(table_meta).map_or(0, |t| t.views.len()))
}

/// The materialized view at `index` (by name order).
///
/// @param[in] table_meta The table (borrowed from its snapshot); NULL allowed.
/// @param[in] index The position, from 0 to `cass_table_meta_materialized_view_count()` - 1.
/// @return The view, borrowed from the snapshot (valid until `cass_schema_meta_free()`, never freed by the
/// caller); NULL when `index` is out of range and for NULL.
#[no_mangle]
pub extern "C" fn cass_table_meta_materialized_view(
    table_meta: *const CassTableMeta,
    index: usize,
) -> *const CassMaterializedViewMeta {
    guard(|| CassTableMeta::from_ptr(table_meta).map_or(std::ptr::null(), |t| nth(&t.views, index)))
}

/// The number of partition key columns.
///
/// @param[in] table_meta The table (borrowed from its snapshot); NULL allowed.
/// @return The count; 0 for NULL.
#[no_mangle]
pub extern "C" fn cass_table_meta_partition_key_count(table_meta: *const CassTableMeta) -> usize {
    guard(|| CassTableMeta::from_ptr(table_meta).map_or(0, |t| t.columns.partition_key.len()))
}

/// The partition key column at `index`.
///
/// @param[in] table_meta The table (borrowed from its snapshot); NULL allowed.
/// @param[in] index The position, from 0 to `cass_table_meta_partition_key_count()` - 1.
/// @return The column, borrowed from the snapshot (valid until `cass_schema_meta_free()`, never freed by
/// the caller); NULL when `index` is out of range and for NULL.
#[no_mangle]
pub extern "C" fn cass_table_meta_partition_key(
    table_meta: *const CassTableMeta,
    index: usize,
) -> *const CassColumnMeta {
    guard(|| CassTableMeta::from_ptr(table_meta).map_or(std::ptr::null(), |t| nth(&t.columns.partition_key, index)))
}

/// The number of clustering key columns.
///
/// @param[in] table_meta The table (borrowed from its snapshot); NULL allowed.
/// @return The count; 0 for NULL.
#[no_mangle]
pub extern "C" fn cass_table_meta_clustering_key_count(table_meta: *const CassTableMeta) -> usize {
    guard(|| CassTableMeta::from_ptr(table_meta).map_or(0, |t| t.columns.clustering_key.len()))
}

/// The clustering key column at `index`.
///
/// @param[in] table_meta The table (borrowed from its snapshot); NULL allowed.
/// @param[in] index The position, from 0 to `cass_table_meta_clustering_key_count()` - 1.
/// @return The column, borrowed from the snapshot (valid until `cass_schema_meta_free()`, never freed by
/// the caller); NULL when `index` is out of range and for NULL.
#[no_mangle]
pub extern "C" fn cass_table_meta_clustering_key(
    table_meta: *const CassTableMeta,
    index: usize,
) -> *const CassColumnMeta {
    guard(|| CassTableMeta::from_ptr(table_meta).map_or(std::ptr::null(), |t| nth(&t.columns.clustering_key, index)))
}

/// The clustering order of a clustering key column.
///
/// @param[in] table_meta The table (borrowed from its snapshot); NULL allowed.
/// @param[in] index The clustering key column's position, from 0 to
/// `cass_table_meta_clustering_key_count()` - 1.
/// @return `CASS_CLUSTERING_ORDER_ASC` or `CASS_CLUSTERING_ORDER_DESC`; `CASS_CLUSTERING_ORDER_NONE` when
/// `index` is out of range and for NULL.
#[no_mangle]
pub extern "C" fn cass_table_meta_clustering_key_order(
    table_meta: *const CassTableMeta,
    index: usize,
) -> CassClusteringOrder {
    guard(|| {
        CassTableMeta::from_ptr(table_meta)
            .map_or(CassClusteringOrder::CASS_CLUSTERING_ORDER_NONE, |t| order(&t.columns, index))
    })
}

/// A raw field of the table's `system_schema.tables` row (`keyspace_name`, `table_name`,
/// `comment`, `compaction`, `id`, ... those the C++ driver reads and the row has).
///
/// @param[in] table_meta The table (borrowed from its snapshot); NULL allowed.
/// @param[in] name NUL-terminated field name (exact match); NULL reads as "".
/// @return The field's value, borrowed from the snapshot (valid until `cass_schema_meta_free()`, never
/// freed by the caller); NULL when there is no such field and for NULL.
#[no_mangle]
pub extern "C" fn cass_table_meta_field_by_name(
    table_meta: *const CassTableMeta,
    name: *const c_char,
) -> *const CassValue {
    cass_table_meta_field_by_name_n(table_meta, name, safe_strlen(name))
}

/// Same as `cass_table_meta_field_by_name()`, with the length of the name given.
///
/// @param[in] table_meta The table (borrowed from its snapshot); NULL allowed.
/// @param[in] name The name, `name_length` bytes (NULL only with length 0).
/// @param[in] name_length The name's length in bytes.
/// @return As `cass_table_meta_field_by_name()`; NULL also for a name that is not UTF-8.
#[no_mangle]
pub extern "C" fn cass_table_meta_field_by_name_n(
    table_meta: *const CassTableMeta,
    name: *const c_char,
    name_length: usize,
) -> *const CassValue {
    guard(|| field(table_meta, name, name_length, |t| &t.fields))
}

// ---- materialized views ----

/// Looks a column of the view up by its exact name.
///
/// @param[in] view_meta The materialized view (borrowed from its snapshot); NULL allowed.
/// @param[in] column NUL-terminated column name (exact match); NULL reads as "".
/// @return The column, borrowed from the snapshot (valid until `cass_schema_meta_free()`, never freed by
/// the caller); NULL when there is none of that name and for NULL.
#[no_mangle]
pub extern "C" fn cass_materialized_view_meta_column_by_name(
    view_meta: *const CassMaterializedViewMeta,
    column: *const c_char,
) -> *const CassColumnMeta {
    cass_materialized_view_meta_column_by_name_n(view_meta, column, safe_strlen(column))
}

/// Same as `cass_materialized_view_meta_column_by_name()`, with the length of the name given.
///
/// @param[in] view_meta The materialized view (borrowed from its snapshot); NULL allowed.
/// @param[in] column The name, `column_length` bytes (NULL only with length 0).
/// @param[in] column_length The name's length in bytes.
/// @return As `cass_materialized_view_meta_column_by_name()`; NULL also for a name that is not UTF-8.
#[no_mangle]
pub extern "C" fn cass_materialized_view_meta_column_by_name_n(
    view_meta: *const CassMaterializedViewMeta,
    column: *const c_char,
    column_length: usize,
) -> *const CassColumnMeta {
    guard(|| by_name(view_meta, column, column_length, |v, name| v.columns.column(name).map(Arc::as_ptr)))
}

/// The view's name.
///
/// @param[in] view_meta The materialized view (borrowed from its snapshot); NULL allowed.
/// @param[out] name Receives the name (not NUL-terminated; "" for NULL), borrowed from the snapshot.
/// Nothing is written when it or `name_length` is NULL.
/// @param[out] name_length Receives the text's length in bytes.
#[no_mangle]
pub extern "C" fn cass_materialized_view_meta_name(
    view_meta: *const CassMaterializedViewMeta,
    name: *mut *const c_char,
    name_length: *mut usize,
) {
    guard(|| text_out(CassMaterializedViewMeta::from_ptr(view_meta).map(|v| v.name.as_str()), name, name_length))
}

/// The table the view is built from.
///
/// @param[in] view_meta The materialized view (borrowed from its snapshot); NULL allowed.
/// @return The base table, borrowed from the snapshot (valid until `cass_schema_meta_free()`, never freed
/// by the caller); NULL for NULL.
#[no_mangle]
pub extern "C" fn cass_materialized_view_meta_base_table(
    view_meta: *const CassMaterializedViewMeta,
) -> *const CassTableMeta {
    // The base table owns its views and lives as long as the snapshot, so the weak pointer's
    // target is alive whenever the view is.
    guard(|| CassMaterializedViewMeta::from_ptr(view_meta).map_or(std::ptr::null(), |v| v.base_table.as_ptr()))
}

/// The number of the view's columns.
///
/// @param[in] view_meta The materialized view (borrowed from its snapshot); NULL allowed.
/// @return The count; 0 for NULL.
#[no_mangle]
pub extern "C" fn cass_materialized_view_meta_column_count(view_meta: *const CassMaterializedViewMeta) -> usize {
    guard(|| CassMaterializedViewMeta::from_ptr(view_meta).map_or(0, |v| v.columns.columns.len()))
}

/// The view's column at `index` (partition key, clustering key, then the others).
///
/// @param[in] view_meta The materialized view (borrowed from its snapshot); NULL allowed.
/// @param[in] index The position, from 0 to `cass_materialized_view_meta_column_count()` - 1.
/// @return The column, borrowed from the snapshot (valid until `cass_schema_meta_free()`, never freed by
/// the caller); NULL when `index` is out of range and for NULL.
#[no_mangle]
pub extern "C" fn cass_materialized_view_meta_column(
    view_meta: *const CassMaterializedViewMeta,
    index: usize,
) -> *const CassColumnMeta {
    guard(|| CassMaterializedViewMeta::from_ptr(view_meta).map_or(std::ptr::null(), |v| nth(&v.columns.columns, index)))
}

/// The number of the view's partition key columns.
///
/// @param[in] view_meta The materialized view (borrowed from its snapshot); NULL allowed.
/// @return The count; 0 for NULL.
#[no_mangle]
pub extern "C" fn cass_materialized_view_meta_partition_key_count(view_meta: *const CassMaterializedViewMeta) -> usize {
    guard(|| CassMaterializedViewMeta::from_ptr(view_meta).map_or(0, |v| v.columns.partition_key.len()))
}

/// The view's partition key column at `index`.
///
/// @param[in] view_meta The materialized view (borrowed from its snapshot); NULL allowed.
/// @param[in] index The position, from 0 to `cass_materialized_view_meta_partition_key_count()` - 1.
/// @return The column, borrowed from the snapshot (valid until `cass_schema_meta_free()`, never freed by
/// the caller); NULL when `index` is out of range and for NULL.
#[no_mangle]
pub extern "C" fn cass_materialized_view_meta_partition_key(
    view_meta: *const CassMaterializedViewMeta,
    index: usize,
) -> *const CassColumnMeta {
    guard(|| {
        CassMaterializedViewMeta::from_ptr(view_meta).map_or(std::ptr::null(), |v| nth(&v.columns.partition_key, index))
    })
}

/// The number of the view's clustering key columns.
///
/// @param[in] view_meta The materialized view (borrowed from its snapshot); NULL allowed.
/// @return The count; 0 for NULL.
#[no_mangle]
pub extern "C" fn cass_materialized_view_meta_clustering_key_count(
    view_meta: *const CassMaterializedViewMeta,
) -> usize {
    guard(|| CassMaterializedViewMeta::from_ptr(view_meta).map_or(0, |v| v.columns.clustering_key.len()))
}

/// The view's clustering key column at `index`.
///
/// @param[in] view_meta The materialized view (borrowed from its snapshot); NULL allowed.
/// @param[in] index The position, from 0 to `cass_materialized_view_meta_clustering_key_count()` - 1.
/// @return The column, borrowed from the snapshot (valid until `cass_schema_meta_free()`, never freed by
/// the caller); NULL when `index` is out of range and for NULL.
#[no_mangle]
pub extern "C" fn cass_materialized_view_meta_clustering_key(
    view_meta: *const CassMaterializedViewMeta,
    index: usize,
) -> *const CassColumnMeta {
    guard(|| {
        CassMaterializedViewMeta::from_ptr(view_meta)
            .map_or(std::ptr::null(), |v| nth(&v.columns.clustering_key, index))
    })
}

/// The clustering order of one of the view's clustering key columns.
///
/// @param[in] view_meta The materialized view (borrowed from its snapshot); NULL allowed.
/// @param[in] index The clustering key column's position, from 0 to
/// `cass_materialized_view_meta_clustering_key_count()` - 1.
/// @return `CASS_CLUSTERING_ORDER_ASC` or `CASS_CLUSTERING_ORDER_DESC`; `CASS_CLUSTERING_ORDER_NONE` when
/// `index` is out of range and for NULL.
#[no_mangle]
pub extern "C" fn cass_materialized_view_meta_clustering_key_order(
    view_meta: *const CassMaterializedViewMeta,
    index: usize,
) -> CassClusteringOrder {
    guard(|| {
        CassMaterializedViewMeta::from_ptr(view_meta)
            .map_or(CassClusteringOrder::CASS_CLUSTERING_ORDER_NONE, |v| order(&v.columns, index))
    })
}

/// A raw field of the view's `system_schema.views` row (the table fields plus `view_name`,
/// `base_table_name`, `base_table_id`, `include_all_columns`, `where_clause`).
///
/// @param[in] view_meta The materialized view (borrowed from its snapshot); NULL allowed.
/// @param[in] name NUL-terminated field name (exact match); NULL reads as "".
/// @return The field's value, borrowed from the snapshot (valid until `cass_schema_meta_free()`, never
/// freed by the caller); NULL when there is no such field and for NULL.
#[no_mangle]
pub extern "C" fn cass_materialized_view_meta_field_by_name(
    view_meta: *const CassMaterializedViewMeta,
    name: *const c_char,
) -> *const CassValue {
    cass_materialized_view_meta_field_by_name_n(view_meta, name, safe_strlen(name))
}

/// Same as `cass_materialized_view_meta_field_by_name()`, with the length of the name given.
///
/// @param[in] view_meta The materialized view (borrowed from its snapshot); NULL allowed.
/// @param[in] name The name, `name_length` bytes (NULL only with length 0).
/// @param[in] name_length The name's length in bytes.
/// @return As `cass_materialized_view_meta_field_by_name()`; NULL also for a name that is not UTF-8.
#[no_mangle]
pub extern "C" fn cass_materialized_view_meta_field_by_name_n(
    view_meta: *const CassMaterializedViewMeta,
    name: *const c_char,
    name_length: usize,
) -> *const CassValue {
    guard(|| field(view_meta, name, name_length, |v| &v.fields))
}

// ---- columns ----

/// The column's name.
///
/// @param[in] column_meta The column (borrowed from its snapshot); NULL allowed.
/// @param[out] name Receives the name (not NUL-terminated; "" for NULL), borrowed from the snapshot.
/// Nothing is written when it or `name_length` is NULL.
/// @param[out] name_length Receives the text's length in bytes.
#[no_mangle]
pub extern "C" fn cass_column_meta_name(
    column_meta: *const CassColumnMeta,
    name: *mut *const c_char,
    name_length: *mut usize,
) {
    guard(|| text_out(CassColumnMeta::from_ptr(column_meta).map(|c| c.name.as_str()), name, name_length))
}

/// The column's role: partition key, clustering key, static or regular.
///
/// @param[in] column_meta The column (borrowed from its snapshot); NULL allowed.
/// @return The role; `CASS_COLUMN_TYPE_REGULAR` for NULL.
#[no_mangle]
pub extern "C" fn cass_column_meta_type(column_meta: *const CassColumnMeta) -> CassColumnType {
    guard(|| CassColumnMeta::from_ptr(column_meta).map_or(CassColumnType::CASS_COLUMN_TYPE_REGULAR, |c| c.kind))
}

/// The column's data type, read from the server's CQL type text (`text` is
/// `CASS_VALUE_TYPE_TEXT`, user types are resolved in the keyspace, `vector<T, n>` is the custom
/// type results report).
///
/// @param[in] column_meta The column (borrowed from its snapshot); NULL allowed.
/// @return The type, borrowed from the snapshot (valid until `cass_schema_meta_free()`, never freed by the
/// caller); NULL when the type could not be read and for NULL.
#[no_mangle]
pub extern "C" fn cass_column_meta_data_type(column_meta: *const CassColumnMeta) -> *const CassDataType {
    guard(|| {
        CassColumnMeta::from_ptr(column_meta).and_then(|c| c.data_type.as_ref()).map_or(std::ptr::null(), Arc::as_ptr)
    })
}

/// A raw field of the column's `system_schema.columns` row (`keyspace_name`, `table_name`,
/// `column_name`, `clustering_order`, `column_name_bytes`, `kind`, `position`, `type`).
///
/// @param[in] column_meta The column (borrowed from its snapshot); NULL allowed.
/// @param[in] name NUL-terminated field name (exact match); NULL reads as "".
/// @return The field's value, borrowed from the snapshot (valid until `cass_schema_meta_free()`, never
/// freed by the caller); NULL when there is no such field and for NULL.
#[no_mangle]
pub extern "C" fn cass_column_meta_field_by_name(
    column_meta: *const CassColumnMeta,
    name: *const c_char,
) -> *const CassValue {
    cass_column_meta_field_by_name_n(column_meta, name, safe_strlen(name))
}

/// Same as `cass_column_meta_field_by_name()`, with the length of the name given.
///
/// @param[in] column_meta The column (borrowed from its snapshot); NULL allowed.
/// @param[in] name The name, `name_length` bytes (NULL only with length 0).
/// @param[in] name_length The name's length in bytes.
/// @return As `cass_column_meta_field_by_name()`; NULL also for a name that is not UTF-8.
#[no_mangle]
pub extern "C" fn cass_column_meta_field_by_name_n(
    column_meta: *const CassColumnMeta,
    name: *const c_char,
    name_length: usize,
) -> *const CassValue {
    guard(|| field(column_meta, name, name_length, |c| &c.fields))
}

// ---- indexes ----

/// The index's name.
///
/// @param[in] index_meta The index (borrowed from its snapshot); NULL allowed.
/// @param[out] name Receives the name (not NUL-terminated; "" for NULL), borrowed from the snapshot.
/// Nothing is written when it or `name_length` is NULL.
/// @param[out] name_length Receives the text's length in bytes.
#[no_mangle]
pub extern "C" fn cass_index_meta_name(
    index_meta: *const CassIndexMeta,
    name: *mut *const c_char,
    name_length: *mut usize,
) {
    guard(|| text_out(CassIndexMeta::from_ptr(index_meta).map(|i| i.name.as_str()), name, name_length))
}

/// The index's kind.
///
/// @param[in] index_meta The index (borrowed from its snapshot); NULL allowed.
/// @return `CASS_INDEX_TYPE_KEYS`, `CASS_INDEX_TYPE_CUSTOM` or `CASS_INDEX_TYPE_COMPOSITES`;
/// `CASS_INDEX_TYPE_UNKNOWN` for other kinds and for NULL.
#[no_mangle]
pub extern "C" fn cass_index_meta_type(index_meta: *const CassIndexMeta) -> CassIndexType {
    guard(|| CassIndexMeta::from_ptr(index_meta).map_or(CassIndexType::CASS_INDEX_TYPE_UNKNOWN, |i| i.kind))
}

/// The index's target: its `target` option, e.g. `v` or `keys(m)`.
///
/// @param[in] index_meta The index (borrowed from its snapshot); NULL allowed.
/// @param[out] target Receives the target (not NUL-terminated; "" when the index has none, and for NULL),
/// borrowed from the snapshot. Nothing is written when it or `target_length` is NULL.
/// @param[out] target_length Receives the text's length in bytes.
#[no_mangle]
pub extern "C" fn cass_index_meta_target(
    index_meta: *const CassIndexMeta,
    target: *mut *const c_char,
    target_length: *mut usize,
) {
    guard(|| text_out(CassIndexMeta::from_ptr(index_meta).map(|i| i.target.as_str()), target, target_length))
}

/// The index's options, a `map<text, text>` value.
///
/// @param[in] index_meta The index (borrowed from its snapshot); NULL allowed.
/// @return The value, borrowed from the snapshot (valid until `cass_schema_meta_free()`, never freed by the
/// caller); a NULL value when the row has none; NULL for a NULL index.
#[no_mangle]
pub extern "C" fn cass_index_meta_options(index_meta: *const CassIndexMeta) -> *const CassValue {
    guard(|| CassIndexMeta::from_ptr(index_meta).map_or(std::ptr::null(), |i| CassValue::as_ptr(&i.options.0)))
}

/// A raw field of the index's `system_schema.indexes` row: `kind` or `options` (the only two
/// the C++ driver keeps).
///
/// @param[in] index_meta The index (borrowed from its snapshot); NULL allowed.
/// @param[in] name NUL-terminated field name (exact match); NULL reads as "".
/// @return The field's value, borrowed from the snapshot (valid until `cass_schema_meta_free()`, never
/// freed by the caller); NULL when there is no such field and for NULL.
#[no_mangle]
pub extern "C" fn cass_index_meta_field_by_name(
    index_meta: *const CassIndexMeta,
    name: *const c_char,
) -> *const CassValue {
    cass_index_meta_field_by_name_n(index_meta, name, safe_strlen(name))
}

/// Same as `cass_index_meta_field_by_name()`, with the length of the name given.
///
/// @param[in] index_meta The index (borrowed from its snapshot); NULL allowed.
/// @param[in] name The name, `name_length` bytes (NULL only with length 0).
/// @param[in] name_length The name's length in bytes.
/// @return As `cass_index_meta_field_by_name()`; NULL also for a name that is not UTF-8.
#[no_mangle]
pub extern "C" fn cass_index_meta_field_by_name_n(
    index_meta: *const CassIndexMeta,
    name: *const c_char,
    name_length: usize,
) -> *const CassValue {
    guard(|| field(index_meta, name, name_length, |i| &i.fields))
}
