//! `CassTuple`: a tuple value being built by C, its fields kept encoded.

mod exports;

use crate::data_type::CassDataType;
use crate::elements::Elements;
use crate::encode::Input;
use crate::error::CassError;
use crate::ffi::{guard, ArcHandle, BoxHandle};
use crate::ffi::{Handle, Owned};
use crate::types::CassValueType;
use std::sync::Arc;

/// A tuple C owns (Box; `cass_tuple_free`).
pub struct CassTuple {
    data_type: Arc<CassDataType>,
    fields: Elements,
}

impl Handle for CassTuple {
    type Ownership = Owned;
}

impl CassTuple {
    /// Sets field `index`, checked against its type when the tuple is typed.
    pub fn set(&mut self, index: usize, input: &Input) -> CassError {
        if index >= self.fields.len() {
            return CassError::CASS_ERROR_LIB_INDEX_OUT_OF_BOUNDS;
        }
        if self.data_type.sub_types.get(index).is_some_and(|t| !input.kind.fits(t)) {
            return CassError::CASS_ERROR_LIB_INVALID_VALUE_TYPE;
        }
        self.fields.set(index, input);
        CassError::CASS_OK
    }

    /// The tuple as a value to bind, append or set (fields never set are NULL).
    pub fn input(&self) -> Input<'_> {
        Input::fields(&self.data_type, &self.fields)
    }
}

pub(crate) fn set_index<'a>(
    tuple: *mut CassTuple,
    index: usize,
    input: impl FnOnce() -> Result<Input<'a>, CassError>,
) -> CassError {
    guard(|| {
        let Some(tuple) = CassTuple::from_ptr_mut(tuple) else {
            return CassError::CASS_ERROR_LIB_BAD_PARAMS;
        };
        match input() {
            Ok(input) => tuple.set(index, &input),
            Err(rc) => rc,
        }
    })
}

/// Creates an untyped tuple of `item_count` fields, all NULL until set. Free it with
/// `cass_tuple_free()`.
#[no_mangle]
pub extern "C" fn cass_tuple_new(item_count: usize) -> *mut CassTuple {
    guard(|| {
        let data_type = CassDataType::untyped(CassValueType::CASS_VALUE_TYPE_TUPLE);
        CassTuple { data_type, fields: Elements::with_count(item_count) }.into_ptr()
    })
}

/// Creates a tuple typed by `data_type` (a tuple type; NULL otherwise), one field per sub type.
/// Free it with `cass_tuple_free()`.
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
#[no_mangle]
pub extern "C" fn cass_tuple_free(tuple: *mut CassTuple) {
    guard(|| CassTuple::free(tuple))
}

/// The tuple's data type, valid as long as the tuple.
#[no_mangle]
pub extern "C" fn cass_tuple_data_type(tuple: *const CassTuple) -> *const CassDataType {
    guard(|| CassTuple::from_ptr(tuple).map_or(std::ptr::null(), |t| Arc::as_ptr(&t.data_type)))
}
