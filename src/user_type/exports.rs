//! The `cass_user_type_*` functions: creating, freeing and describing user type values (`setters`: the fields).
#![allow(unreachable_pub)] // the C ABI: reached from C, not from Rust

mod setters;

use super::CassUserType;
use crate::data_type::CassDataType;
use crate::encode::Elements;
use crate::ffi::{guard, ArcHandle, BoxHandle};
use crate::types::CassValueType;
use std::sync::Arc;

/// Creates a value of the user type `data_type` (a UDT type; NULL otherwise), every field NULL
/// until set. Free it with `cass_user_type_free()`.
///
/// @param[in] data_type The user defined type; the value keeps its own reference.
/// @return A new value the caller owns and frees with `cass_user_type_free()`; NULL when `data_type` is NULL or not a
/// UDT.
#[no_mangle]
pub extern "C" fn cass_user_type_new_from_data_type(data_type: *const CassDataType) -> *mut CassUserType {
    guard(|| match CassDataType::clone_from_ptr(data_type) {
        Some(data_type) if data_type.value_type == CassValueType::CASS_VALUE_TYPE_UDT => {
            let fields = Elements::with_count(data_type.sub_types.len());
            CassUserType { data_type, fields }.into_ptr()
        }
        _ => std::ptr::null_mut(),
    })
}

/// Frees a user type value. Values bound from it earlier keep their own copy. NULL is ignored.
///
/// @param[in] user_type The value to free, or NULL.
#[no_mangle]
pub extern "C" fn cass_user_type_free(user_type: *mut CassUserType) {
    guard(|| CassUserType::free(user_type))
}

/// The value's data type, valid as long as the value.
///
/// @param[in] user_type The user type value.
/// @return Its type, owned by the value (do not free); NULL when `user_type` is NULL.
#[no_mangle]
pub extern "C" fn cass_user_type_data_type(user_type: *const CassUserType) -> *const CassDataType {
    guard(|| CassUserType::from_ptr(user_type).map_or(std::ptr::null(), |u| Arc::as_ptr(&u.data_type)))
}
