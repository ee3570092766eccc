//! `CassIterator`: a cursor over the rows of a result, the columns of a row, the items of a
//! value (see `values`), or schema metadata items (`crate::metadata`).
//!
//! A result iterator holds a reference to its result, so the result may be freed before the
//! iterator (acsylla does that). Row and value iterators point into their result, which must stay
//! alive while they are used, as with the C++ driver.

mod values;

use crate::error::CassError;
use crate::ffi::strings::write_str_out;
use crate::ffi::{guard, ArcHandle, BoxHandle, RefHandle};
use crate::ffi::{Handle, Owned};
use crate::metadata::MetaCursor;
use crate::result::{CassResult, CassRow};
use crate::types::{cass_bool_t, CassIteratorType};
use crate::value::CassValue;
use std::ffi::c_char;
use std::sync::Arc;
use values::{Shape, ValueCursor};

enum Cursor {
    Rows {
        result: Arc<CassResult>,
        next: usize,
    },
    Columns {
        row: *const CassRow,
        next: usize,
    },
    Values(ValueCursor),
    /// Schema metadata items (`crate::metadata`).
    Meta {
        cursor: MetaCursor,
        next: usize,
    },
}

/// The iterator handle C holds (Box-owned; `cass_iterator_free`).
pub struct CassIterator {
    cursor: Cursor,
    /// The position: None before the first `cass_iterator_next`.
    current: Option<usize>,
}

impl Handle for CassIterator {
    type Ownership = Owned;
}

impl CassIterator {
    fn kind(&self) -> CassIteratorType {
        use CassIteratorType::*;
        match &self.cursor {
            Cursor::Rows { .. } => CASS_ITERATOR_TYPE_RESULT,
            Cursor::Columns { .. } => CASS_ITERATOR_TYPE_ROW,
            Cursor::Values(c) => match c.shape {
                Shape::Collection => CASS_ITERATOR_TYPE_COLLECTION,
                Shape::Map => CASS_ITERATOR_TYPE_MAP,
                Shape::Tuple => CASS_ITERATOR_TYPE_TUPLE,
                Shape::UserType => CASS_ITERATOR_TYPE_USER_TYPE_FIELD,
            },
            Cursor::Meta { cursor, .. } => cursor.kind(),
        }
    }

    /// An iterator over schema metadata items.
    pub(crate) fn from_meta(cursor: MetaCursor) -> Self {
        CassIterator { cursor: Cursor::Meta { cursor, next: 0 }, current: None }
    }

    /// A metadata iterator's cursor and current position (None for other iterators, or when not
    /// on an item).
    pub(crate) fn meta_position(&self) -> Option<(&MetaCursor, usize)> {
        match (&self.cursor, self.current) {
            (Cursor::Meta { cursor, .. }, Some(index)) => Some((cursor, index)),
            _ => None,
        }
    }

    fn row(&self) -> Option<&CassRow> {
        match self.cursor {
            // SAFETY: the row belongs to a result the C caller keeps alive while iterating.
            Cursor::Columns { row, .. } => unsafe { row.as_ref() },
            _ => None,
        }
    }

    fn values(&self) -> Option<&ValueCursor> {
        match &self.cursor {
            Cursor::Values(c) => Some(c),
            _ => None,
        }
    }
}

// SAFETY: a row cursor's pointer refers to immutable result memory (see the module docs).
unsafe impl Send for CassIterator {}

fn value_iterator(value: *const CassValue, shape: Shape) -> *mut CassIterator {
    guard(|| match CassValue::from_ptr(value).and_then(|v| ValueCursor::new(v, shape)) {
        Some(cursor) => CassIterator { cursor: Cursor::Values(cursor), current: None }.into_ptr(),
        None => std::ptr::null_mut(),
    })
}

/// Creates an iterator over the rows of a result; NULL for a NULL result. Free it with
/// `cass_iterator_free()`.
#[no_mangle]
pub extern "C" fn cass_iterator_from_result(result: *const CassResult) -> *mut CassIterator {
    guard(|| match CassResult::clone_from_ptr(result) {
        Some(result) => CassIterator { cursor: Cursor::Rows { result, next: 0 }, current: None }.into_ptr(),
        None => std::ptr::null_mut(),
    })
}

/// Creates an iterator over the columns of a row (`cass_iterator_get_column`); NULL for a NULL
/// row. The row's result must outlive it. Free it with `cass_iterator_free()`.
#[no_mangle]
pub extern "C" fn cass_iterator_from_row(row: *const CassRow) -> *mut CassIterator {
    guard(|| match CassRow::from_ptr(row) {
        Some(row) => CassIterator { cursor: Cursor::Columns { row, next: 0 }, current: None }.into_ptr(),
        None => std::ptr::null_mut(),
    })
}

/// Creates an iterator over the elements of a list or set, or the keys and values (alternating)
/// of a map (`cass_iterator_get_value`). NULL when the value is NULL or not a collection. The
/// value's result must outlive it. Free it with `cass_iterator_free()`.
#[no_mangle]
pub extern "C" fn cass_iterator_from_collection(value: *const CassValue) -> *mut CassIterator {
    value_iterator(value, Shape::Collection)
}

/// Creates an iterator over the entries of a map (`cass_iterator_get_map_key/value`). NULL when
/// the value is NULL or not a map. Free it with `cass_iterator_free()`.
#[no_mangle]
pub extern "C" fn cass_iterator_from_map(value: *const CassValue) -> *mut CassIterator {
    value_iterator(value, Shape::Map)
}

/// Creates an iterator over the fields of a tuple (`cass_iterator_get_value`). NULL when the
/// value is NULL or not a tuple. Free it with `cass_iterator_free()`.
#[no_mangle]
pub extern "C" fn cass_iterator_from_tuple(value: *const CassValue) -> *mut CassIterator {
    value_iterator(value, Shape::Tuple)
}

/// Creates an iterator over the fields of a user type value
/// (`cass_iterator_get_user_type_field_name/value`). NULL when the value is NULL or not a user
/// type. Free it with `cass_iterator_free()`.
#[no_mangle]
pub extern "C" fn cass_iterator_fields_from_user_type(value: *const CassValue) -> *mut CassIterator {
    value_iterator(value, Shape::UserType)
}

/// Frees an iterator. NULL is ignored.
#[no_mangle]
pub extern "C" fn cass_iterator_free(iterator: *mut CassIterator) {
    guard(|| CassIterator::free(iterator))
}

/// The kind of the iterator.
#[no_mangle]
pub extern "C" fn cass_iterator_type(iterator: *mut CassIterator) -> CassIteratorType {
    guard(|| CassIterator::from_ptr(iterator).map_or(CassIteratorType::CASS_ITERATOR_TYPE_RESULT, CassIterator::kind))
}

/// Moves to the next item; `cass_false` once there are no more.
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

fn step(current: &mut Option<usize>, next: &mut usize, count: usize) -> bool {
    if *next < count {
        *current = Some(*next);
        *next += 1;
        true
    } else {
        *current = None;
        false
    }
}

/// The current row of a result iterator, or NULL (wrong kind, or before/after the rows). Valid
/// while the iterator (or its result) lives.
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

fn current_value(iterator: *const CassIterator, wanted: &[Shape], map_value: bool) -> *const CassValue {
    guard(|| {
        let cursor = CassIterator::from_ptr(iterator).and_then(CassIterator::values);
        match cursor {
            Some(c) if wanted.contains(&c.shape) => {
                let value = if map_value { &c.current_map_value } else { &c.current };
                value.as_ref().map_or(std::ptr::null(), CassValue::as_ptr)
            }
            _ => std::ptr::null(),
        }
    })
}

/// The current item of a collection or tuple iterator (NULL for other iterators). Before the
/// first `cass_iterator_next()`, and where an item could not be read, it is a placeholder (not
/// NULL, no bytes, `CASS_VALUE_TYPE_UNKNOWN`); after the end the last item, as with the C++
/// driver. Valid until the next call to `cass_iterator_next()` or `cass_iterator_free()`.
#[no_mangle]
pub extern "C" fn cass_iterator_get_value(iterator: *const CassIterator) -> *const CassValue {
    current_value(iterator, &[Shape::Collection, Shape::Tuple], false)
}

/// The current key of a map iterator (NULL for other iterators; a placeholder before the first
/// `cass_iterator_next()`, as `cass_iterator_get_value()`).
#[no_mangle]
pub extern "C" fn cass_iterator_get_map_key(iterator: *const CassIterator) -> *const CassValue {
    current_value(iterator, &[Shape::Map], false)
}

/// The current value of a map iterator (NULL for other iterators; a placeholder before the first
/// `cass_iterator_next()`, as `cass_iterator_get_value()`).
#[no_mangle]
pub extern "C" fn cass_iterator_get_map_value(iterator: *const CassIterator) -> *const CassValue {
    current_value(iterator, &[Shape::Map], true)
}

/// The current field's value of a user type field iterator (NULL for other iterators; a
/// placeholder before the first `cass_iterator_next()` and the last field after the end, as
/// `cass_iterator_get_value()`).
#[no_mangle]
pub extern "C" fn cass_iterator_get_user_type_field_value(iterator: *const CassIterator) -> *const CassValue {
    current_value(iterator, &[Shape::UserType], false)
}

/// The current field's name of a user type field iterator (valid as long as the value's result;
/// the last field's after the end). `CASS_ERROR_LIB_BAD_PARAMS` for another kind of iterator and
/// before the first `cass_iterator_next()`.
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
