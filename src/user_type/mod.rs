//! `CassUserType`: a user defined type value being built by C, its fields kept encoded.

mod exports;

use crate::data_type::{set_each_match, CassDataType};
use crate::encode::Elements;
use crate::encode::Input;
use crate::error::CassError;
use crate::ffi::strings::{safe_strlen, str_n};
use crate::ffi::{guard, with};
use crate::ffi::{Handle, Owned};
use std::ffi::c_char;
use std::sync::Arc;

/// A user type value C owns (Box; `cass_user_type_free`).
pub(crate) struct CassUserType {
    data_type: Arc<CassDataType>,
    fields: Elements,
}

impl Handle for CassUserType {
    type Ownership = Owned;
}

impl CassUserType {
    /// Sets field `index`, checked against the field's type.
    pub(crate) fn set(&mut self, index: usize, input: &Input) -> CassError {
        if index >= self.fields.len() {
            return CassError::CASS_ERROR_LIB_INDEX_OUT_OF_BOUNDS;
        }
        if self.data_type.sub_types.get(index).is_some_and(|t| !input.kind.fits(t)) {
            return CassError::CASS_ERROR_LIB_INVALID_VALUE_TYPE;
        }
        if input.is_incomplete_map() {
            return CassError::CASS_ERROR_LIB_INVALID_ITEM_COUNT;
        }
        self.fields.set(index, input);
        CassError::CASS_OK
    }

    /// Sets every field called `name` (case-insensitive unless double-quoted).
    pub(crate) fn set_by_name(&mut self, name: &str, input: &Input) -> CassError {
        let data_type = self.data_type.clone();
        set_each_match(data_type.field_indices(name), |index| self.set(index, input))
    }

    /// The value to bind, append or set (fields never set are NULL).
    pub(crate) fn input(&self) -> Input<'_> {
        Input::fields(&self.data_type, &self.fields)
    }
}

fn with_user_type<'a>(
    user_type: *mut CassUserType,
    input: impl FnOnce() -> Result<Input<'a>, CassError>,
    set: impl FnOnce(&mut CassUserType, &Input) -> CassError,
) -> CassError {
    with(user_type, CassError::CASS_ERROR_LIB_BAD_PARAMS, |user_type| match input() {
        Ok(input) => set(user_type, &input),
        Err(rc) => rc,
    })
}

pub(crate) fn set_index<'a>(
    user_type: *mut CassUserType,
    index: usize,
    input: impl FnOnce() -> Result<Input<'a>, CassError>,
) -> CassError {
    with_user_type(user_type, input, |u, input| u.set(index, input))
}

pub(crate) fn set_name<'a>(
    user_type: *mut CassUserType,
    name: *const c_char,
    input: impl FnOnce() -> Result<Input<'a>, CassError>,
) -> CassError {
    guard(|| {
        if name.is_null() {
            return CassError::CASS_ERROR_LIB_BAD_PARAMS;
        }
        set_name_n(user_type, name, safe_strlen(name), input)
    })
}

pub(crate) fn set_name_n<'a>(
    user_type: *mut CassUserType,
    name: *const c_char,
    name_length: usize,
    input: impl FnOnce() -> Result<Input<'a>, CassError>,
) -> CassError {
    guard(|| match str_n(name, name_length) {
        Ok(name) => with_user_type(user_type, input, |u, input| u.set_by_name(name, input)),
        Err(_) => CassError::CASS_ERROR_LIB_BAD_PARAMS,
    })
}
