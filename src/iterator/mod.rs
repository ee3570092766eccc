//! `CassIterator`: a cursor over rows of a result (more kinds come with their objects).
//!
//! An iterator holds a reference to what it walks, so the result may be freed before the iterator
//! (acsylla does that); rows it gave out stay valid until both are gone.

use crate::ffi::{guard, ArcHandle, BoxHandle, RefHandle};
use crate::result::{CassResult, CassRow};
use crate::types::{cass_bool_t, CassIteratorType};
use std::sync::Arc;

enum Cursor {
    Rows { result: Arc<CassResult>, next: usize },
}

/// The iterator handle C holds (Box-owned; `cass_iterator_free`).
pub struct CassIterator {
    cursor: Cursor,
    /// The position: None before the first `cass_iterator_next`.
    current: Option<usize>,
}

impl BoxHandle for CassIterator {}

/// Creates an iterator over the rows of a result; NULL for a NULL result. Free it with
/// `cass_iterator_free()`.
#[no_mangle]
pub extern "C" fn cass_iterator_from_result(result: *const CassResult) -> *mut CassIterator {
    guard(|| match CassResult::clone_from_ptr(result) {
        Some(result) => CassIterator { cursor: Cursor::Rows { result, next: 0 }, current: None }.into_ptr(),
        None => std::ptr::null_mut(),
    })
}

/// Frees an iterator. NULL is ignored.
#[no_mangle]
pub extern "C" fn cass_iterator_free(iterator: *mut CassIterator) {
    guard(|| CassIterator::free(iterator))
}

/// The kind of the iterator.
#[no_mangle]
pub extern "C" fn cass_iterator_type(iterator: *mut CassIterator) -> CassIteratorType {
    guard(|| match CassIterator::from_ptr(iterator).map(|it| &it.cursor) {
        Some(Cursor::Rows { .. }) | None => CassIteratorType::CASS_ITERATOR_TYPE_RESULT,
    })
}

/// Moves to the next item; `cass_false` once there are no more.
#[no_mangle]
pub extern "C" fn cass_iterator_next(iterator: *mut CassIterator) -> cass_bool_t {
    guard(|| {
        let Some(it) = CassIterator::from_ptr_mut(iterator) else {
            return cass_bool_t::cass_false;
        };
        match &mut it.cursor {
            Cursor::Rows { result, next } => {
                if *next < result.row_count() {
                    it.current = Some(*next);
                    *next += 1;
                    cass_bool_t::cass_true
                } else {
                    it.current = None;
                    cass_bool_t::cass_false
                }
            }
        }
    })
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
