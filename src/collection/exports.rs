//! The `cass_collection_*` functions: creating, freeing and describing collections (`append`: the values).
#![allow(unreachable_pub)] // the C ABI: reached from C, not from Rust

mod append;

use super::CassCollection;
use crate::data_type::CassDataType;
use crate::ffi::{guard, ArcHandle, BoxHandle};
use crate::types::{CassCollectionTypeArg, CassValueType};
use std::sync::Arc;

/// Creates an untyped collection of the given kind, with room for `item_count` items (map: pairs).
/// Free it with `cass_collection_free()`.
///
/// @param[in] type_ List, map or set.
/// @param[in] item_count How many items (map: pairs) to reserve room for; not a limit.
/// @return A new collection the caller owns and frees with `cass_collection_free()`; NULL for an unknown kind.
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
///
/// @param[in] data_type The list, set or map type; the collection keeps its own reference.
/// @param[in] item_count How many items (map: pairs) to reserve room for; not a limit.
/// @return A new collection the caller owns and frees with `cass_collection_free()`; NULL when `data_type` is NULL or
/// not a collection type.
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
///
/// @param[in] collection The collection to free, or NULL.
#[no_mangle]
pub extern "C" fn cass_collection_free(collection: *mut CassCollection) {
    guard(|| CassCollection::free(collection))
}

/// The collection's data type, valid as long as the collection.
///
/// @param[in] collection The collection.
/// @return Its type, owned by the collection (do not free); NULL when `collection` is NULL.
#[no_mangle]
pub extern "C" fn cass_collection_data_type(collection: *const CassCollection) -> *const CassDataType {
    guard(|| CassCollection::from_ptr(collection).map_or(std::ptr::null(), |c| Arc::as_ptr(&c.data_type)))
}
