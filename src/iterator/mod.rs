//! `CassIterator`: a cursor over the rows of a result, the columns of a row, the items of a
//! value (see `values`), or schema metadata items (`crate::metadata`).
//!
//! A result iterator holds a reference to its result, so the result may be freed before the
//! iterator (acsylla does that). Row and value iterators point into their result, which must stay
//! alive while they are used, as with the C++ driver.

pub(crate) mod exports;
mod values;

use crate::ffi::{guard, BoxHandle, RefHandle};
use crate::ffi::{Handle, Owned};
use crate::metadata::MetaCursor;
use crate::result::{CassResult, CassRow};
use crate::types::CassIteratorType;
use crate::value::CassValue;
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
pub(crate) struct CassIterator {
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
