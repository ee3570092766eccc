//! The `cass_iterator_*` functions: creating, advancing and reading iterators.
#![allow(unreachable_pub)] // the C ABI: reached from C, not from Rust

use super::{current_value, step, value_iterator, values, CassIterator, Cursor};
use crate::error::CassError;
use crate::ffi::strings::write_str_out;
use crate::ffi::with;
use crate::ffi::{guard, ArcHandle, BoxHandle, RefHandle};
use crate::result::{CassResult, CassRow};
use crate::types::{cass_bool_t, CassIteratorType};
use crate::value::CassValue;
use std::ffi::c_char;
use values::Shape;

/// Creates an iterator over the rows of a result; NULL for a NULL result. Free it with
/// `cass_iterator_free()`.
///
/// @param[in] result The result; the iterator keeps its own reference.
/// @return A new iterator the caller owns and frees with `cass_iterator_free()`; NULL when `result` is NULL.
#[no_mangle]
pub extern "C" fn cass_iterator_from_result(result: *const CassResult) -> *mut CassIterator {
    guard(|| match CassResult::clone_from_ptr(result) {
        Some(result) => CassIterator { cursor: Cursor::Rows { result, next: 0 }, current: None }.into_ptr(),
        None => std::ptr::null_mut(),
    })
}

/// Creates an iterator over the columns of a row (`cass_iterator_get_column`); NULL for a NULL
/// row. The row's result must outlive it. Free it with `cass_iterator_free()`.
///
/// @param[in] row The row, owned by its result.
/// @return A new iterator the caller owns and frees with `cass_iterator_free()`; NULL when `row` is NULL.
#[no_mangle]
pub extern "C" fn cass_iterator_from_row(row: *const CassRow) -> *mut CassIterator {
    with(row, std::ptr::null_mut(), |row| {
        CassIterator { cursor: Cursor::Columns { row, next: 0 }, current: None }.into_ptr()
    })
}

/// Creates an iterator over the elements of a list or set, or the keys and values (alternating)
/// of a map (`cass_iterator_get_value`). NULL when the value is NULL or not a collection. The
/// value's result must outlive it. Free it with `cass_iterator_free()`.
///
/// @param[in] value The list, set or map value, owned by its result.
/// @return A new iterator the caller owns and frees with `cass_iterator_free()`; NULL when `value` is NULL, holds NULL
/// or is not a collection.
#[no_mangle]
pub extern "C" fn cass_iterator_from_collection(value: *const CassValue) -> *mut CassIterator {
    value_iterator(value, Shape::Collection)
}

/// Creates an iterator over the entries of a map (`cass_iterator_get_map_key/value`). NULL when
/// the value is NULL or not a map. Free it with `cass_iterator_free()`.
///
/// @param[in] value The map value, owned by its result.
/// @return A new iterator the caller owns and frees with `cass_iterator_free()`; NULL when `value` is NULL, holds NULL
/// or is not a map.
#[no_mangle]
pub extern "C" fn cass_iterator_from_map(value: *const CassValue) -> *mut CassIterator {
    value_iterator(value, Shape::Map)
}

/// Creates an iterator over the fields of a tuple (`cass_iterator_get_value`). NULL when the
/// value is NULL or not a tuple. Free it with `cass_iterator_free()`.
///
/// @param[in] value The tuple value, owned by its result.
/// @return A new iterator the caller owns and frees with `cass_iterator_free()`; NULL when `value` is NULL, holds NULL
/// or is not a tuple.
#[no_mangle]
pub extern "C" fn cass_iterator_from_tuple(value: *const CassValue) -> *mut CassIterator {
    value_iterator(value, Shape::Tuple)
}

/// Creates an iterator over the fields of a user type value
/// (`cass_iterator_get_user_type_field_name/value`). NULL when the value is NULL or not a user
/// type. Free it with `cass_iterator_free()`.
///
/// @param[in] value The user type value, owned by its result.
/// @return A new iterator the caller owns and frees with `cass_iterator_free()`; NULL when `value` is NULL, holds NULL
/// or is not a user type.
#[no_mangle]
pub extern "C" fn cass_iterator_fields_from_user_type(value: *const CassValue) -> *mut CassIterator {
    value_iterator(value, Shape::UserType)
}

/// Frees an iterator. NULL is ignored.
///
/// @param[in] iterator The iterator to free, or NULL.
#[no_mangle]
pub extern "C" fn cass_iterator_free(iterator: *mut CassIterator) {
    guard(|| CassIterator::free(iterator))
}

/// The kind of the iterator.
///
/// @param[in] iterator The iterator.
/// @return What it iterates over; `CASS_ITERATOR_TYPE_RESULT` when `iterator` is NULL.
#[no_mangle]
pub extern "C" fn cass_iterator_type(iterator: *mut CassIterator) -> CassIteratorType {
    guard(|| CassIterator::from_ptr(iterator).map_or(CassIteratorType::CASS_ITERATOR_TYPE_RESULT, CassIterator::kind))
}

/// Moves to the next item; `cass_false` once there are no more.
///
/// @param[in] iterator The iterator to advance.
/// @return cass_true when it now stands on an item; cass_false at the end and when `iterator` is NULL.
#[no_mangle]
pub extern "C" fn cass_iterator_next(iterator: *mut CassIterator) -> cass_bool_t {
    guard(|| {
        let Some(it) = CassIterator::from_ptr_mut(iterator) else {
            return cass_bool_t::cass_false;
        };
        let more = match &mut it.cursor {
            Cursor::Rows { result, next } => step(&mut it.current, next, result.row_count()),
            Cursor::Columns { row, next } => {
                // SAFETY: see `CassIterator::row`.
                let count = unsafe { row.as_ref() }.map_or(0, CassRow::column_count);
                step(&mut it.current, next, count)
            }
            Cursor::Values(cursor) => cursor.advance(),
            Cursor::Meta { cursor, next } => step(&mut it.current, next, cursor.len()),
        };
        more.into()
    })
}

/// The current row of a result iterator, valid while the iterator (or its result) lives.
///
/// @param[in] iterator The result iterator.
/// @return The current row, owned by the result (do not free); NULL for another kind of iterator and before or
/// after the rows.
#[no_mangle]
pub extern "C" fn cass_iterator_get_row(iterator: *const CassIterator) -> *const CassRow {
    guard(|| {
        let Some(it) = CassIterator::from_ptr(iterator) else {
            return std::ptr::null();
        };
        match (&it.cursor, it.current) {
            (Cursor::Rows { result, .. }, Some(index)) => result.row(index).map_or(std::ptr::null(), CassRow::as_ptr),
            _ => std::ptr::null(),
        }
    })
}

/// The current column of a row iterator, or NULL.
///
/// @param[in] iterator The row iterator.
/// @return The current column's value, owned by the result (do not free); NULL for another kind of iterator or when it
/// stands on no column.
#[no_mangle]
pub extern "C" fn cass_iterator_get_column(iterator: *const CassIterator) -> *const CassValue {
    guard(|| {
        let Some(it) = CassIterator::from_ptr(iterator) else {
            return std::ptr::null();
        };
        match (it.row(), it.current) {
            (Some(row), Some(index)) => row.column(index).map_or(std::ptr::null(), CassValue::as_ptr),
            _ => std::ptr::null(),
        }
    })
}

/// The current item of a collection or tuple iterator (NULL for other iterators). Before the
/// first `cass_iterator_next()`, and where an item could not be read, it is a placeholder (not
/// NULL, no bytes, `CASS_VALUE_TYPE_UNKNOWN`); after the end the last item, as with the C++
/// driver. Valid until the next call to `cass_iterator_next()` or `cass_iterator_free()`.
///
/// @param[in] iterator The collection or tuple iterator.
/// @return The current item, owned by the iterator (do not free); NULL for another kind of iterator.
#[no_mangle]
pub extern "C" fn cass_iterator_get_value(iterator: *const CassIterator) -> *const CassValue {
    current_value(iterator, &[Shape::Collection, Shape::Tuple], false)
}

/// The current key of a map iterator (NULL for other iterators; a placeholder before the first
/// `cass_iterator_next()`, as `cass_iterator_get_value()`).
///
/// @param[in] iterator The map iterator.
/// @return The current key, owned by the iterator (do not free); NULL for another kind of iterator.
#[no_mangle]
pub extern "C" fn cass_iterator_get_map_key(iterator: *const CassIterator) -> *const CassValue {
    current_value(iterator, &[Shape::Map], false)
}

/// The current value of a map iterator (NULL for other iterators; a placeholder before the first
/// `cass_iterator_next()`, as `cass_iterator_get_value()`).
///
/// @param[in] iterator The map iterator.
/// @return The current value, owned by the iterator (do not free); NULL for another kind of iterator.
#[no_mangle]
pub extern "C" fn cass_iterator_get_map_value(iterator: *const CassIterator) -> *const CassValue {
    current_value(iterator, &[Shape::Map], true)
}

/// The current field's value of a user type field iterator (NULL for other iterators; a
/// placeholder before the first `cass_iterator_next()` and the last field after the end, as
/// `cass_iterator_get_value()`).
///
/// @param[in] iterator The user type field iterator.
/// @return The current field's value, owned by the iterator (do not free); NULL for another kind of iterator.
#[no_mangle]
pub extern "C" fn cass_iterator_get_user_type_field_value(iterator: *const CassIterator) -> *const CassValue {
    current_value(iterator, &[Shape::UserType], false)
}

/// The current field's name of a user type field iterator (valid as long as the value's result;
/// the last field's after the end).
///
/// @param[in] iterator The user type field iterator.
/// @param[out] name Where the field name goes (not NUL-terminated, owned by the value's result); not NULL.
/// @param[out] name_length Where its length in bytes goes; not NULL.
/// @return CASS_OK once both are written; CASS_ERROR_LIB_BAD_PARAMS when `iterator`, `name` or `name_length` is NULL,
/// for another kind of iterator or before the first `cass_iterator_next()`.
#[no_mangle]
pub extern "C" fn cass_iterator_get_user_type_field_name(
    iterator: *const CassIterator,
    name: *mut *const c_char,
    name_length: *mut usize,
) -> CassError {
    guard(|| {
        let cursor = CassIterator::from_ptr(iterator).and_then(CassIterator::values);
        match cursor {
            Some(c) if c.shape == Shape::UserType => match c.field_name() {
                Some(field) => write_str_out(field.as_bytes(), name, name_length),
                None => CassError::CASS_ERROR_LIB_BAD_PARAMS,
            },
            _ => CassError::CASS_ERROR_LIB_BAD_PARAMS,
        }
    })
}
