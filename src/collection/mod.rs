//! `CassCollection`: a list, set or map being built by C, its items kept encoded.

mod exports;

use crate::data_type::CassDataType;
use crate::encode::Elements;
use crate::encode::Input;
use crate::error::CassError;
use crate::ffi::{guard, BoxHandle};
use crate::ffi::{Handle, Owned};
use crate::types::CassValueType;
use std::sync::Arc;

/// A collection C owns (Box; `cass_collection_free`).
pub(crate) struct CassCollection {
    data_type: Arc<CassDataType>,
    items: Elements,
}

impl Handle for CassCollection {
    type Ownership = Owned;
}

impl CassCollection {
    pub(crate) fn new(data_type: Arc<CassDataType>, item_count: usize) -> Self {
        let per_item = if data_type.value_type == CassValueType::CASS_VALUE_TYPE_MAP { 2 } else { 1 };
        CassCollection { data_type, items: Elements::with_capacity(item_count.saturating_mul(per_item)) }
    }

    fn is_map(&self) -> bool {
        self.data_type.value_type == CassValueType::CASS_VALUE_TYPE_MAP
    }

    /// Appends an item after the C++ driver's check: a typed list or set takes its element type,
    /// a typed map alternates key and value types.
    pub(crate) fn append(&mut self, input: &Input) -> CassError {
        let subs = &self.data_type.sub_types;
        let expected = match (self.is_map(), subs.len()) {
            (true, 2) => Some(&subs[self.items.len() % 2]),
            (false, 1) => Some(&subs[0]),
            _ => None,
        };
        if expected.is_some_and(|t| !input.kind.fits(t)) {
            return CassError::CASS_ERROR_LIB_INVALID_VALUE_TYPE;
        }
        if input.is_null() {
            // Collections cannot hold NULL; the C++ driver sends an empty value instead.
            self.items.push_empty();
        } else {
            self.items.push(input);
        }
        CassError::CASS_OK
    }

    /// The collection as a value to bind, append or set: the item count (pairs for a map) and
    /// the items.
    pub(crate) fn input(&self) -> Input<'_> {
        let count = if self.is_map() { self.items.len() / 2 } else { self.items.len() };
        Input::collection(&self.data_type, &self.items, count as i32)
    }
}

pub(crate) fn append<'a>(
    collection: *mut CassCollection,
    input: impl FnOnce() -> Result<Input<'a>, CassError>,
) -> CassError {
    guard(|| {
        let Some(collection) = CassCollection::from_ptr_mut(collection) else {
            return CassError::CASS_ERROR_LIB_BAD_PARAMS;
        };
        match input() {
            Ok(input) => collection.append(&input),
            Err(rc) => rc,
        }
    })
}
