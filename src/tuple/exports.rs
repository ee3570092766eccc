//! The `cass_tuple_*` functions: creating, freeing and describing tuples (`setters`: the values).
#![allow(unreachable_pub)] // the C ABI: reached from C, not from Rust

mod setters;

use super::CassTuple;
use crate::data_type::CassDataType;
use crate::encode::Elements;
use crate::ffi::{guard, ArcHandle, BoxHandle};
use crate::types::CassValueType;
use std::sync::Arc;

/// Creates an untyped tuple of `item_count` fields, all NULL until set. Free it with
/// `cass_tuple_free()`.
///
/// @param[in] item_count The number of fields.
/// @return A new tuple the caller owns and frees with `cass_tuple_free()`.
#[no_mangle]
pub extern "C" fn cass_tuple_new(item_count: usize) -> *mut CassTuple {
    guard(|| {
        let data_type = CassDataType::untyped(CassValueType::CASS_VALUE_TYPE_TUPLE);
        CassTuple { data_type, fields: Elements::with_count(item_count) }.into_ptr()
    })
}

/// Creates a tuple typed by `data_type` (a tuple type; NULL otherwise), one field per sub type.
/// Free it with `cass_tuple_free()`.
///
/// @param[in] data_type The tuple type; the tuple keeps its own reference.
/// @return A new tuple the caller owns and frees with `cass_tuple_free()`; NULL when `data_type` is NULL or not a tuple
/// type.
#[no_mangle]
pub extern "C" fn cass_tuple_new_from_data_type(data_type: *const CassDataType) -> *mut CassTuple {
    guard(|| match CassDataType::clone_from_ptr(data_type) {
        Some(data_type) if data_type.value_type == CassValueType::CASS_VALUE_TYPE_TUPLE => {
            let fields = Elements::with_count(data_type.sub_types.len());
            CassTuple { data_type, fields }.into_ptr()
        }
        _ => std::ptr::null_mut(),
    })
}

/// Frees a tuple. Values bound from it earlier keep their own copy. NULL is ignored.
///
/// @param[in] tuple The tuple to free, or NULL.
#[no_mangle]
pub extern "C" fn cass_tuple_free(tuple: *mut CassTuple) {
    guard(|| CassTuple::free(tuple))
}

/// The tuple's data type, valid as long as the tuple.
///
/// @param[in] tuple The tuple.
/// @return Its type, owned by the tuple (do not free); NULL when `tuple` is NULL.
#[no_mangle]
pub extern "C" fn cass_tuple_data_type(tuple: *const CassTuple) -> *const CassDataType {
    guard(|| CassTuple::from_ptr(tuple).map_or(std::ptr::null(), |t| Arc::as_ptr(&t.data_type)))
}
