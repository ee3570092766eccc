//! `CassValue`: one serialized value inside a result, decoded on request (`decode` holds the
//! rules, the C++ driver's).

pub(crate) mod decode;
mod exports;
#[cfg(test)]
mod fuzz_tests;

use crate::data_type::CassDataType;
use crate::error::CassError;
use crate::ffi::strings::write_str_out;
use crate::ffi::{guard, write_out, RefHandle};
use crate::ffi::{Borrowed, Handle};
use crate::types::{cass_byte_t, CassValueType};
use std::ffi::c_char;
use std::sync::Arc;

/// A value borrowed from its result: the bytes (or NULL) and the type.
pub(crate) struct CassValue {
    data: *const u8,
    /// Length in bytes; -1 for NULL.
    len: i32,
    data_type: *const CassDataType,
}

impl Handle for CassValue {
    type Ownership = Borrowed;
}

impl CassValue {
    /// A value over `data` (None = NULL) of type `data_type`; both must outlive the value.
    pub(crate) fn new(data: Option<&[u8]>, data_type: &Arc<CassDataType>) -> Self {
        let (ptr, len) = match data {
            Some(bytes) => (bytes.as_ptr(), bytes.len() as i32),
            None => (std::ptr::null(), -1),
        };
        CassValue { data: ptr, len, data_type: Arc::as_ptr(data_type) }
    }

    /// A value read from a row or from inside another value: as `new`, except that an empty
    /// value of a type without an empty form (numbers, uuids, tuples, ...) is NULL.
    pub(crate) fn cell(data: Option<&[u8]>, data_type: &Arc<CassDataType>) -> Self {
        let data = data.filter(|bytes| !bytes.is_empty() || !decode::empty_is_null(data_type.value_type));
        Self::new(data, data_type)
    }

    pub(crate) fn data_type(&self) -> &CassDataType {
        // SAFETY: the type is owned by the same result (or parent) as the value.
        unsafe { &*self.data_type }
    }

    pub(crate) fn value_type(&self) -> CassValueType {
        self.data_type().value_type
    }

    /// The number of items: elements of a list or set, pairs of a map, fields of a tuple or user
    /// type (as their type declares them); 0 for NULL and other types.
    pub(crate) fn item_count(&self) -> usize {
        use CassValueType::*;
        let Some(bytes) = self.bytes() else {
            return 0;
        };
        match self.value_type() {
            // A negative count (which the server accepts) is 0 items here, as many as the
            // iterators yield; the C++ driver reports it sign-extended, as a huge size_t.
            CASS_VALUE_TYPE_LIST | CASS_VALUE_TYPE_SET | CASS_VALUE_TYPE_MAP => {
                decode::collection(bytes).map_or(0, |(count, _)| count.max(0) as usize)
            }
            CASS_VALUE_TYPE_TUPLE | CASS_VALUE_TYPE_UDT => self.data_type().sub_types.len(),
            _ => 0,
        }
    }

    /// The bytes, or None for NULL.
    pub(crate) fn bytes(&self) -> Option<&[u8]> {
        if self.len < 0 {
            return None;
        }
        if self.len == 0 {
            return Some(&[]);
        }
        // SAFETY: `data` points to `len` bytes of the owning result's frame, alive with the value.
        Some(unsafe { std::slice::from_raw_parts(self.data, self.len as usize) })
    }
}

/// Decodes a non-NULL value of one of `types` with `decode`, upstream's checks in upstream's order:
/// NULL value, then type, then size.
fn get<T>(
    value: *const CassValue,
    output: *mut T,
    accepts: impl Fn(CassValueType) -> bool,
    decode: impl Fn(&[u8]) -> Option<T>,
) -> CassError {
    guard(|| match checked_bytes(value, accepts) {
        Ok(bytes) => match decode(bytes) {
            Some(decoded) => write_out(output, decoded),
            None => CassError::CASS_ERROR_LIB_NOT_ENOUGH_DATA,
        },
        Err(rc) => rc,
    })
}

/// The bytes of a non-NULL value of an accepted type, with upstream's checks in upstream's order:
/// NULL value, then type.
fn checked_bytes<'a>(value: *const CassValue, accepts: impl Fn(CassValueType) -> bool) -> Result<&'a [u8], CassError> {
    let value = CassValue::from_ptr(value).ok_or(CassError::CASS_ERROR_LIB_NULL_VALUE)?;
    let bytes = value.bytes().ok_or(CassError::CASS_ERROR_LIB_NULL_VALUE)?;
    if accepts(value.value_type()) {
        Ok(bytes)
    } else {
        Err(CassError::CASS_ERROR_LIB_INVALID_VALUE_TYPE)
    }
}

/// The bytes `cass_value_get_bytes/string` give: a collection's start after its element count.
fn get_slice(value: *const CassValue, output: *mut *const cass_byte_t, output_size: *mut usize) -> CassError {
    guard(|| {
        let Some(value) = CassValue::from_ptr(value) else {
            return CassError::CASS_ERROR_LIB_NULL_VALUE;
        };
        let Some(mut bytes) = value.bytes() else {
            return CassError::CASS_ERROR_LIB_NULL_VALUE;
        };
        if value.data_type().is_collection() {
            bytes = decode::collection(bytes).map_or(&bytes[bytes.len()..], |(_, elements)| elements);
        }
        write_str_out(bytes, output as *mut *const c_char, output_size)
    })
}
