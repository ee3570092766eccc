//! `CassTuple`: a tuple value being built by C, its fields kept encoded.

mod exports;

use crate::data_type::CassDataType;
use crate::encode::Elements;
use crate::encode::Input;
use crate::error::CassError;
use crate::ffi::{guard, BoxHandle};
use crate::ffi::{Handle, Owned};
use std::sync::Arc;

/// A tuple C owns (Box; `cass_tuple_free`).
pub(crate) struct CassTuple {
    data_type: Arc<CassDataType>,
    fields: Elements,
}

impl Handle for CassTuple {
    type Ownership = Owned;
}

impl CassTuple {
    /// Sets field `index`, checked against its type when the tuple is typed.
    pub(crate) fn set(&mut self, index: usize, input: &Input) -> CassError {
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
    pub(crate) fn input(&self) -> Input<'_> {
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
