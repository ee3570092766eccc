//! `CassCollection`: a list, set or map being built by C, its items kept encoded.

mod exports;

use crate::data_type::CassDataType;
use crate::elements::Elements;
use crate::encode::Input;
use crate::error::CassError;
use crate::ffi::{guard, ArcHandle, BoxHandle};
use crate::ffi::{Handle, Owned};
use crate::types::{CassCollectionTypeArg, CassValueType};
use std::sync::Arc;

/// A collection C owns (Box; `cass_collection_free`).
pub struct CassCollection {
    data_type: Arc<CassDataType>,
    items: Elements,
}

impl Handle for CassCollection {
    type Ownership = Owned;
}

impl CassCollection {
    pub fn new(data_type: Arc<CassDataType>, item_count: usize) -> Self {
        let per_item = if data_type.value_type == CassValueType::CASS_VALUE_TYPE_MAP { 2 } else { 1 };
        CassCollection { data_type, items: Elements::with_capacity(item_count.saturating_mul(per_item)) }
    }

    fn is_map(&self) -> bool {
        self.data_type.value_type == CassValueType::CASS_VALUE_TYPE_MAP
    }

    /// Appends an item after the C++ driver's check: a typed list or set takes its element type,
    /// a typed map alternates key and value types.
    pub fn append(&mut self, input: &Input) -> CassError {
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
    pub fn input(&self) -> Input<'_> {
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

/// Creates an untyped collection of the given kind, with room for `item_count` items (map: pairs).
/// Free it with `cass_collection_free()`. NULL for an unknown kind.
#[no_mangle]
pub extern "C" fn cass_collection_new(type_: CassCollectionTypeArg, item_count: usize) -> *mut CassCollection {
    guard(|| {
        let Some(kind) = type_.get() else {
            return std::ptr::null_mut();
        };
        let value_type = match kind {
            crate::types::CassCollectionType::CASS_COLLECTION_TYPE_LIST => CassValueType::CASS_VALUE_TYPE_LIST,
            crate::types::CassCollectionType::CASS_COLLECTION_TYPE_MAP => CassValueType::CASS_VALUE_TYPE_MAP,
            crate::types::CassCollectionType::CASS_COLLECTION_TYPE_SET => CassValueType::CASS_VALUE_TYPE_SET,
        };
        CassCollection::new(CassDataType::untyped(value_type), item_count).into_ptr()
    })
}

/// Creates a collection typed by `data_type` (a list, set or map type; NULL otherwise), whose
/// appends are checked against its item types. Free it with `cass_collection_free()`.
#[no_mangle]
pub extern "C" fn cass_collection_new_from_data_type(
    data_type: *const CassDataType,
    item_count: usize,
) -> *mut CassCollection {
    guard(|| match CassDataType::clone_from_ptr(data_type) {
        Some(data_type) if data_type.is_collection() => CassCollection::new(data_type, item_count).into_ptr(),
        _ => std::ptr::null_mut(),
    })
}

/// Frees a collection. Values bound from it earlier keep their own copy. NULL is ignored.
#[no_mangle]
pub extern "C" fn cass_collection_free(collection: *mut CassCollection) {
    guard(|| CassCollection::free(collection))
}

/// The collection's data type, valid as long as the collection.
#[no_mangle]
pub extern "C" fn cass_collection_data_type(collection: *const CassCollection) -> *const CassDataType {
    guard(|| CassCollection::from_ptr(collection).map_or(std::ptr::null(), |c| Arc::as_ptr(&c.data_type)))
}
